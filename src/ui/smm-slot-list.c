/* smm-slot-list.c: a filtered, sorted list whose rows keep their widgets when it changes
 *
 * A list view builds a row's widgets for the items that enter its model. Here the model's items
 * are slots, one per position: a slot stays while the list changes, and only the item it shows
 * changes, so a row's widgets follow the slot's "item" and nothing is built. Only a change of
 * length is told as items-changed, at the end.
 *
 * Made for GTK 4.8, which rebuilt ~200 rows for a search (over 200 ms). On GTK 4.18, which
 * recycles rows, GTK's own GtkFilterListModel + GtkSortListModel still take 1.8x as long to show a
 * fresh catalogue and 1.6x as long per keystroke (benchmarks/README.md, "What GTK 4.8 forced").
 *
 * A row that takes a new item costs ~1.3 ms on GTK 4.18, and building one more: the list grows
 * from empty, and refreshes its slots, 8 rows per turn of the main loop, so that no turn holds up
 * a frame. Telling of every row at once made choosing an account 5x slower, with a 9x longer
 * stall, and the worst keystroke 6x slower.
 *
 * With SMM_DESK_LIST_MODE=plain (smm-list-mode.c) the list is only a front for GTK's own
 * GtkFilterListModel and GtkSortListModel over the items, for the benchmarks to compare.
 *
 * The filter and sorter are ordinary GtkFilter and GtkSorter, applied to the items themselves
 * (a GtkColumnView's sorter works as is). Slots are made when the view asks for them and weakly
 * tracked, so a list of 10,000 keeps only the slots of the rows on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "smm-list-mode.h"
#include "smm-slot-list.h"

#define SLOT_EAGER  200   /* rows GTK keeps: past them, a longer list costs nothing more */

struct _SmmSlot
{
  GObject   parent_instance;

  gpointer  item;       /* owned */
  guint     position;
};

enum {
  SLOT_PROP_0,
  SLOT_PROP_ITEM,
  SLOT_N_PROPS
};

static GParamSpec *slot_props[SLOT_N_PROPS];

G_DEFINE_FINAL_TYPE (SmmSlot, smm_slot, G_TYPE_OBJECT)

static void
smm_slot_finalize (GObject *object)
{
  g_clear_object (&SMM_SLOT (object)->item);
  G_OBJECT_CLASS (smm_slot_parent_class)->finalize (object);
}

static void
smm_slot_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, SMM_SLOT (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_slot_class_init (SmmSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smm_slot_finalize;
  object_class->get_property = smm_slot_get_property;
  slot_props[SLOT_PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_props);
}

static void
smm_slot_init (SmmSlot *self)
{
}

/* Returns: (transfer none) (nullable): what the slot shows */
gpointer
smm_slot_get_item (SmmSlot *self)
{
  g_return_val_if_fail (SMM_IS_SLOT (self), NULL);
  return self->item;
}

static void
smm_slot_set_item (SmmSlot  *self,
                   gpointer  item)
{
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), slot_props[SLOT_PROP_ITEM]);
}

/* --------------------------------------------------------------------------------------------- */

struct _SmmSlotList
{
  GObject    parent_instance;

  GPtrArray *items;    /* every item, owned */
  GPtrArray *shown;    /* those that pass the filter, in order (borrowed from items) */
  GPtrArray *slots;    /* SmmSlot or NULL, per shown position: weak */
  GtkFilter *filter;
  GtkSorter *sorter;
  guint      exposed;  /* how many of shown the model tells of yet */
  guint      pace_id;

  /* SMM_DESK_LIST_MODE=plain: GTK's models do it all */
  GListStore *store;
  GListModel *plain;
};

static void smm_slot_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmmSlotList, smm_slot_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, smm_slot_list_model_init))

static void
slot_gone_cb (gpointer  data,
              GObject  *where_it_was)
{
  SmmSlotList *self = data;
  SmmSlot *slot = (SmmSlot *) where_it_was;

  if (slot->position < self->slots->len && self->slots->pdata[slot->position] == slot)
    self->slots->pdata[slot->position] = NULL;
}

static void
forget_slot (SmmSlotList *self,
             guint        position)
{
  SmmSlot *slot = self->slots->pdata[position];

  if (slot)
    {
      g_object_weak_unref (G_OBJECT (slot), slot_gone_cb, self);
      self->slots->pdata[position] = NULL;
    }
}

static GType
smm_slot_list_get_item_type (GListModel *model)
{
  return SMM_SLOT_LIST (model)->plain ? G_TYPE_OBJECT : SMM_TYPE_SLOT;
}

static guint
smm_slot_list_get_n_items (GListModel *model)
{
  SmmSlotList *self = SMM_SLOT_LIST (model);

  return self->plain ? g_list_model_get_n_items (self->plain) : self->exposed;
}

static gpointer
smm_slot_list_get_item (GListModel *model,
                        guint       position)
{
  SmmSlotList *self = SMM_SLOT_LIST (model);
  SmmSlot *slot;

  if (self->plain)
    return g_list_model_get_item (self->plain, position);
  if (position >= self->exposed)
    return NULL;
  slot = self->slots->pdata[position];
  if (slot)
    return g_object_ref (slot);

  slot = g_object_new (SMM_TYPE_SLOT, NULL);
  slot->item = g_object_ref (self->shown->pdata[position]);
  slot->position = position;
  g_object_weak_ref (G_OBJECT (slot), slot_gone_cb, self);
  self->slots->pdata[position] = slot;
  return slot;
}

static void
smm_slot_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = smm_slot_list_get_item_type;
  iface->get_n_items = smm_slot_list_get_n_items;
  iface->get_item = smm_slot_list_get_item;
}

static void
smm_slot_list_dispose (GObject *object)
{
  SmmSlotList *self = SMM_SLOT_LIST (object);

  g_clear_handle_id (&self->pace_id, g_source_remove);
  if (self->plain)
    g_signal_handlers_disconnect_by_data (self->plain, self);
  g_clear_object (&self->plain);
  g_clear_object (&self->store);
  for (guint i = 0; self->slots && i < self->slots->len; i++)
    forget_slot (self, i);
  if (self->filter)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->sorter)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (smm_slot_list_parent_class)->dispose (object);
}

static void
smm_slot_list_finalize (GObject *object)
{
  SmmSlotList *self = SMM_SLOT_LIST (object);

  g_ptr_array_unref (self->slots);
  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (smm_slot_list_parent_class)->finalize (object);
}

static void
smm_slot_list_class_init (SmmSlotListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smm_slot_list_dispose;
  object_class->finalize = smm_slot_list_finalize;
}

static void
smm_slot_list_init (SmmSlotList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->slots = g_ptr_array_new ();
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  GtkSorter *sorter = data;
  gpointer item_a = *(gpointer *) a;
  gpointer item_b = *(gpointer *) b;

  return gtk_sorter_compare (sorter, item_a, item_b);
}

/* Gives a step's worth of slots their new item. Returns: whether some are left */
static gboolean
refresh_slots (SmmSlotList *self)
{
  guint step = smm_list_mode_get_step ();
  guint done = 0;

  for (guint i = 0; i < MIN (self->exposed, self->slots->len); i++)
    {
      SmmSlot *slot = self->slots->pdata[i];

      if (slot && slot->item != self->shown->pdata[i])
        {
          if (done == step)
            return TRUE;
          smm_slot_set_item (slot, self->shown->pdata[i]);
          done++;
        }
    }
  return FALSE;
}

/* Tells of a step's rows more while GTK builds rows for them, then of all the rest at once. */
static gboolean
expose_more (SmmSlotList *self)
{
  guint old = self->exposed;

  if (old >= self->shown->len)
    return FALSE;
  self->exposed = old >= SLOT_EAGER ? self->shown->len : smm_list_mode_grow (old, self->shown->len);
  g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->exposed - old);
  return self->exposed < self->shown->len;
}

static gboolean
pace_cb (gpointer data)
{
  SmmSlotList *self = data;
  gboolean more = refresh_slots (self);

  /* the rows on screen first, then more rows */
  if (!more)
    more = expose_more (self);
  if (more)
    return G_SOURCE_CONTINUE;
  self->pace_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * smm_slot_list_refilter:
 *
 * Applies the filter and the sorter again. Slots on screen take their new items and the list
 * grows or shrinks at its end, a few rows at once (see above).
 */
void
smm_slot_list_refilter (SmmSlotList *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_sized_new (self->items->len);
  guint old_exposed = self->exposed;
  guint new_n;

  if (self->plain)
    return;   /* GTK's models follow the filter and the sorter themselves */
  for (guint i = 0; i < self->items->len; i++)
    if (self->filter == NULL || gtk_filter_match (self->filter, self->items->pdata[i]))
      g_ptr_array_add (shown, self->items->pdata[i]);
  /* a stable sort on the catalogue's order: equal items keep the panel's order */
  if (self->sorter && gtk_sorter_get_order (self->sorter) != GTK_SORTER_ORDER_NONE)
    g_ptr_array_sort_with_data (shown, compare_items, self->sorter);
  new_n = shown->len;

  for (guint i = new_n; i < self->slots->len; i++)
    forget_slot (self, i);
  g_ptr_array_set_size (self->slots, new_n);
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);

  if (new_n <= old_exposed)
    {
      self->exposed = new_n;
      if (new_n < old_exposed)
        g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_exposed - new_n, 0);
    }
  else if (old_exposed == 0 || old_exposed >= SLOT_EAGER)
    expose_more (self);
  /* the first rows at once; the rest turn by turn, frames drawn between */
  refresh_slots (self);
  if (self->pace_id == 0)
    self->pace_id = g_idle_add (pace_cb, self);
}

/* Returns: how many items pass the filter (the list may not tell of them all yet) */
guint
smm_slot_list_get_n_shown (SmmSlotList *self)
{
  return self->plain ? g_list_model_get_n_items (self->plain) : self->shown->len;
}

static void
changed_cb (SmmSlotList *self)
{
  smm_slot_list_refilter (self);
}

static void
plain_items_changed_cb (GListModel  *plain,
                        guint        position,
                        guint        removed,
                        guint        added,
                        SmmSlotList *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

SmmSlotList *
smm_slot_list_new (GtkFilter *filter,
                   GtkSorter *sorter)
{
  SmmSlotList *self = g_object_new (SMM_TYPE_SLOT_LIST, NULL);

  if (smm_list_mode_is_plain ())
    {
      GtkFilterListModel *filtered;

      self->store = g_list_store_new (G_TYPE_OBJECT);
      filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                            filter ? g_object_ref (filter) : NULL);
      self->plain = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                                           sorter ? g_object_ref (sorter) : NULL));
      g_signal_connect (self->plain, "items-changed", G_CALLBACK (plain_items_changed_cb), self);
      return self;
    }
  if (filter)
    {
      self->filter = g_object_ref (filter);
      g_signal_connect_swapped (filter, "changed", G_CALLBACK (changed_cb), self);
    }
  if (sorter)
    {
      self->sorter = g_object_ref (sorter);
      g_signal_connect_swapped (sorter, "changed", G_CALLBACK (changed_cb), self);
    }
  return self;
}

/* Shows @items (a new reference is taken), filtered and sorted. */
void
smm_slot_list_set_items (SmmSlotList *self,
                         GPtrArray   *items)
{
  g_autoptr(GPtrArray) old = self->items;

  self->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (items->pdata[i]));
  if (self->store)
    g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                         items->pdata, items->len);
  smm_slot_list_refilter (self);
}

/* Returns: (transfer none) (element-type GObject): every item, shown or not */
GPtrArray *
smm_slot_list_get_items (SmmSlotList *self)
{
  return self->items;
}
