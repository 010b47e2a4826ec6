/* smm-order-list.c: the order history as a list model that reads only the rows on screen
 *
 * An agency's history holds 100,000 orders and more: reading them all made the window wait
 * ~0.8 s and hold ~100 MB (benchmarks/README.md). This model reads the ids of the orders the
 * query selects, in their order, in a worker, and reads the orders themselves a page at a
 * time, when the view asks for a row. The store keeps one object per order while something holds
 * it (smm_store_peek_order()), and updates it in place when a status comes: rows on screen follow
 * by its notify:: signals. The list holds the last pages read.
 *
 * Loading again (a filter, a sort, a new order) keeps the orders already read and reads them
 * again in place, so rows on screen follow without being built anew, and tells the view only the
 * part of the list whose ids changed.
 *
 * GTK builds ~200 rows of widgets for a list of any length: told of 100,000 orders at once, the
 * view took 870 ms to its first rows on GTK 4.18, with a 420 ms stall (benchmarks/README.md). The
 * list first tells of a few orders, and of a few more at each turn of the main loop, frames drawn
 * between, up to EAGER; then of the rest (smm-list-mode.c): 71 ms, and 35 ms at most a turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "smm-list-mode.h"
#include "smm-order-list.h"

#define PAGE_SIZE   100
#define KEEP_PAGES  8
#define EAGER       200   /* rows GTK keeps */

struct _SmmOrderList
{
  GObject     parent_instance;

  SmmStore   *store;
  GArray     *ids;        /* gint64 local ids, in the list's order */
  GQueue     *recent;     /* SmmOrder (strong): the last pages read */
  guint       exposed;    /* how many of the ids the model tells of yet */
  guint       pace_id;
  GCancellable *loading;
};

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void smm_order_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmmOrderList, smm_order_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, smm_order_list_model_init))

static void
remember (SmmOrderList *self,
          SmmOrder     *order)
{
  g_queue_push_tail (self->recent, g_object_ref (order));
  while (g_queue_get_length (self->recent) > PAGE_SIZE * KEEP_PAGES)
    g_object_unref (g_queue_pop_head (self->recent));
}

/* Reads the page around @position: the orders of it not read yet. */
static void
read_page (SmmOrderList *self,
           guint         position)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  guint first = position - position % PAGE_SIZE;
  guint end = MIN (first + PAGE_SIZE, self->ids->len);

  for (guint i = first; i < end; i++)
    if (smm_store_peek_order (self->store, g_array_index (self->ids, gint64, i)) == NULL)
      g_array_append_val (missing, g_array_index (self->ids, gint64, i));
  if (missing->len == 0)
    return;
  orders = smm_store_get_orders (self->store, (gint64 *) missing->data, missing->len, &error);
  if (orders == NULL)
    {
      g_warning ("Could not read orders: %s", error->message);
      return;
    }
  for (guint i = 0; i < orders->len; i++)
    remember (self, orders->pdata[i]);
}

static GType
smm_order_list_get_item_type (GListModel *model)
{
  return SMM_TYPE_ORDER;
}

static guint
smm_order_list_get_n_items (GListModel *model)
{
  return SMM_ORDER_LIST (model)->exposed;
}

static gpointer
smm_order_list_get_item (GListModel *model,
                         guint       position)
{
  SmmOrderList *self = SMM_ORDER_LIST (model);
  SmmOrder *order;

  if (position >= self->exposed)
    return NULL;
  order = smm_store_peek_order (self->store, g_array_index (self->ids, gint64, position));
  if (order == NULL)
    {
      read_page (self, position);
      order = smm_store_peek_order (self->store, g_array_index (self->ids, gint64, position));
    }
  if (order == NULL)
    {
      /* gone from the store since the ids were read: an empty row until the next load */
      order = smm_order_new (0);
      smm_order_set_local_id (order, g_array_index (self->ids, gint64, position));
      remember (self, order);
    }
  return g_object_ref (order);
}

static void
smm_order_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = smm_order_list_get_item_type;
  iface->get_n_items = smm_order_list_get_n_items;
  iface->get_item = smm_order_list_get_item;
}

static void
smm_order_list_dispose (GObject *object)
{
  SmmOrderList *self = SMM_ORDER_LIST (object);

  g_clear_handle_id (&self->pace_id, g_source_remove);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->recent)
    g_queue_clear_full (self->recent, g_object_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (smm_order_list_parent_class)->dispose (object);
}

static void
smm_order_list_finalize (GObject *object)
{
  SmmOrderList *self = SMM_ORDER_LIST (object);

  g_array_unref (self->ids);
  g_queue_free (self->recent);

  G_OBJECT_CLASS (smm_order_list_parent_class)->finalize (object);
}

static void
smm_order_list_class_init (SmmOrderListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smm_order_list_dispose;
  object_class->finalize = smm_order_list_finalize;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
smm_order_list_init (SmmOrderList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->recent = g_queue_new ();
}

SmmOrderList *
smm_order_list_new (SmmStore *store)
{
  SmmOrderList *self = g_object_new (SMM_TYPE_ORDER_LIST, NULL);

  self->store = g_object_ref (store);
  return self;
}

/* Reads the orders of the list already read again, a page of ids at a time: the store updates
 * them in place. */
static void
update_read_orders (SmmOrderList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->ids->len; i++)
    if (smm_store_peek_order (self->store, g_array_index (self->ids, gint64, i)) != NULL)
      g_array_append_val (ids, g_array_index (self->ids, gint64, i));
  for (guint start = 0; start < ids->len; start += PAGE_SIZE)
    {
      guint n = MIN (PAGE_SIZE, ids->len - start);
      g_autoptr(GPtrArray) again = smm_store_get_orders (self->store, &g_array_index (ids, gint64, start), n, NULL);
    }
}

static gboolean
grow_cb (gpointer data)
{
  SmmOrderList *self = data;
  guint old = self->exposed;

  self->exposed = old >= EAGER ? self->ids->len : smm_list_mode_grow (old, self->ids->len);
  if (self->exposed > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->exposed - old);
  if (self->exposed < self->ids->len)
    return G_SOURCE_CONTINUE;
  self->pace_id = 0;
  return G_SOURCE_REMOVE;
}

/* Takes the ids of a new load: orders already read are updated in place, and the view is told
 * only of what changed. */
static void
apply_ids (SmmOrderList *self,
           GArray       *ids)   /* (transfer full) */
{
  g_autoptr(GArray) old = self->ids;
  guint prefix = 0;
  guint suffix = 0;

  self->ids = ids;
  update_read_orders (self);

  if (self->exposed < old->len || old->len == 0)
    {
      /* still growing (or empty): start again from the top */
      guint was = self->exposed;

      self->exposed = smm_list_mode_grow (0, ids->len);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, was, self->exposed);
      if (self->exposed < ids->len && self->pace_id == 0)
        self->pace_id = g_idle_add (grow_cb, self);
      return;
    }

  /* tell only what lies between the ids both lists begin and end with */
  while (prefix < old->len && prefix < ids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < ids->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;
  self->exposed = ids->len;
  if (prefix + suffix < MAX (old->len, ids->len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                ids->len - prefix - suffix);
}

static void
ids_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      data)
{
  SmmOrderList *self = data;
  g_autoptr(GError) error = NULL;
  GArray *ids = smm_store_list_order_ids_finish (SMM_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (ids == NULL)
    g_warning ("Could not read the order history: %s", error->message);
  else
    apply_ids (self, ids);
  g_signal_emit (self, signals[LOADED], 0);
}

/**
 * smm_order_list_load:
 * @sort_key: (nullable): see smm_store_list_order_ids()
 *
 * Reads which orders @query selects, and in which order, in a worker; "loaded" is emitted
 * when the list has them. A load under way is dropped for the new one.
 */
void
smm_order_list_load (SmmOrderList        *self,
                     const SmmOrderQuery *query,
                     const char          *sort_key,
                     gboolean             descending)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  smm_store_list_order_ids_async (self->store, query, sort_key, descending, self->loading, ids_cb, self);
}

/* Returns: whether the order of @local_id is in the list, and where */
gboolean
smm_order_list_find (SmmOrderList *self,
                     gint64        local_id,
                     guint        *position)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == local_id)
      {
        if (i >= self->exposed)
          {
            /* wanted now: tell of the whole list */
            guint was = self->exposed;

            g_clear_handle_id (&self->pace_id, g_source_remove);
            self->exposed = self->ids->len;
            g_list_model_items_changed (G_LIST_MODEL (self), was, 0, self->exposed - was);
          }
        *position = i;
        return TRUE;
      }
  return FALSE;
}

/* Returns: how many orders the query selected (the list may not tell of them all yet) */
guint
smm_order_list_get_n_orders (SmmOrderList *self)
{
  return self->ids->len;
}
