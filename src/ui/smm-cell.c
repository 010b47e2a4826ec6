/* smm-cell.c: cells of the big tables, built in C and kept up to date by hand
 *
 * Rows from GtkBuilderListItemFactory cost a GtkBuilder, its parse and an expression watch per
 * binding: ~1.7 ms for a row of nine cells on GTK 4.8. On GTK 4.18 they still take 1.16x as long
 * to paint a table's first screen and 1.46x as long to give every row another item
 * (benchmarks/README.md, smm-bench-cells). These cells are a plain widget each, and one "notify"
 * handler on the row's item redraws the cell when the item changes, which is what the bindings
 * did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "smm-cell.h"
#include "smm-slot-list.h"

typedef struct {
  SmmCellCreate  create;
  SmmCellUpdate  update;
  gpointer       user_data;
  GDestroyNotify destroy;
} CellKind;

typedef struct {
  GObject *item;      /* what the handler is on */
  gulong   handler;
} CellBinding;

static GQuark kind_quark;
static GQuark binding_quark;

static void
refresh_cb (GtkListItem *list_item)
{
  CellKind *kind = g_object_get_qdata (G_OBJECT (list_item), kind_quark);
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (item && SMM_IS_SLOT (item))
    item = smm_slot_get_item (item);
  if (cell)
    kind->update (cell, item, kind->user_data);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CellKind                 *kind)
{
  g_object_set_qdata (G_OBJECT (list_item), kind_quark, kind);
  gtk_list_item_set_child (list_item, kind->create (kind->user_data));
}

static void
binding_free (CellBinding *binding)
{
  g_clear_signal_handler (&binding->handler, binding->item);
  g_clear_object (&binding->item);
  g_free (binding);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellKind                 *kind)
{
  CellBinding *binding = g_new0 (CellBinding, 1);
  GObject *item = gtk_list_item_get_item (list_item);

  if (item)
    {
      binding->item = g_object_ref (item);
      binding->handler = g_signal_connect_swapped (item, "notify", G_CALLBACK (refresh_cb), list_item);
    }
  g_object_set_qdata_full (G_OBJECT (list_item), binding_quark, binding, (GDestroyNotify) binding_free);
  refresh_cb (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellKind                 *kind)
{
  g_object_set_qdata (G_OBJECT (list_item), binding_quark, NULL);
}

static void
kind_free (gpointer  data,
           GClosure *closure)
{
  CellKind *kind = data;

  if (kind->destroy)
    kind->destroy (kind->user_data);
  g_free (kind);
}

/**
 * smm_cell_factory_new:
 * @create: makes a cell's widget, once per row widget
 * @update: shows an item in a cell; called on bind and whenever the item notifies
 * @destroy: (nullable): frees @user_data with the factory
 */
GtkListItemFactory *
smm_cell_factory_new (SmmCellCreate  create,
                      SmmCellUpdate  update,
                      gpointer       user_data,
                      GDestroyNotify destroy)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellKind *kind = g_new0 (CellKind, 1);

  if (binding_quark == 0)
    {
      kind_quark = g_quark_from_static_string ("smm-cell-kind");
      binding_quark = g_quark_from_static_string ("smm-cell-binding");
    }
  kind->create = create;
  kind->update = update;
  kind->user_data = user_data;
  kind->destroy = destroy;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), kind, kind_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), kind);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), kind);
  return factory;
}

/* Gives the @column-th column of @view its cells. */
void
smm_cell_set_factory (GtkColumnView *view,
                      guint          column,
                      SmmCellCreate  create,
                      SmmCellUpdate  update)
{
  g_autoptr(GtkColumnViewColumn) item = g_list_model_get_item (gtk_column_view_get_columns (view), column);
  g_autoptr(GtkListItemFactory) factory = smm_cell_factory_new (create, update, NULL, NULL);

  gtk_column_view_column_set_factory (item, factory);
}

/* A count or an amount: right-aligned, tabular figures */
GtkWidget *
smm_cell_new_number (gpointer unused)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* A short text, cut at the end when the column is narrow */
GtkWidget *
smm_cell_new_label (gpointer unused)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

/* A name: as wide as its column, cut at the end (a GtkInscription asks no width of its own) */
GtkWidget *
smm_cell_new_text (gpointer unused)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), 10);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), 30);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  return text;
}

/* A link: cut in the middle, where it matters least */
GtkWidget *
smm_cell_new_text_middle (gpointer unused)
{
  GtkWidget *text = smm_cell_new_text (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), 24);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  return text;
}

/* A yes shown as a check mark, a no as nothing */
GtkWidget *
smm_cell_new_check (gpointer unused)
{
  return gtk_image_new_from_icon_name ("object-select-symbolic");
}

/**
 * smm_cell_take_text:
 * @text: (transfer full) (nullable): what the cell shows
 *
 * Shows @text in a label or an inscription cell; an inscription, which cuts its text, also
 * shows it whole in its tooltip.
 */
void
smm_cell_take_text (GtkWidget *cell,
                    char      *text)
{
  if (GTK_IS_INSCRIPTION (cell))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
      gtk_widget_set_tooltip_text (cell, text);
    }
  else
    gtk_label_set_label (GTK_LABEL (cell), text ? text : "");
  g_free (text);
}
