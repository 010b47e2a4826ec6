/* smm-column.c: text columns of a GtkColumnView, one plain GtkLabel a cell
 *
 * Cells of smm-cell.c, each a plain label: when the item notifies, the text is asked again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-column"

#include "config.h"

#include "smm-cell.h"
#include "smm-column.h"

typedef struct {
  SmmCellFlags      flags;
  SmmCellTextFunc   text_func;
  SmmCellClassFunc  class_func;
  gpointer          user_data;
} Column;

static GtkWidget *
create_label (gpointer data)
{
  Column *column = data;
  GtkWidget *widget = gtk_label_new (NULL);
  GtkLabel *label = GTK_LABEL (widget);

  gtk_label_set_xalign (label, column->flags & SMM_CELL_NUMERIC ? 1.0 : 0.0);
  if (column->flags & SMM_CELL_NUMERIC)
    gtk_widget_add_css_class (widget, "numeric");
  if (column->flags & SMM_CELL_DIM)
    gtk_widget_add_css_class (widget, "dim-label");
  if (column->flags & SMM_CELL_ELLIPSIZE)
    {
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (label, 8);
    }
  if (column->flags & SMM_CELL_WRAP)
    {
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (label, 40);
    }
  return widget;
}

static void
update_label (GtkWidget *widget,
              gpointer   item,
              gpointer   data)
{
  Column *column = data;
  g_autofree char *text = item ? column->text_func (item, column->user_data) : NULL;
  const char *style_class = item && column->class_func ? column->class_func (item, column->user_data) : NULL;
  const char *shown_class = g_object_get_data (G_OBJECT (widget), "smm-column-class");

  gtk_label_set_label (GTK_LABEL (widget), text ? text : "");
  if (column->flags & SMM_CELL_ELLIPSIZE)
    gtk_widget_set_tooltip_text (widget, text);
  if (g_strcmp0 (style_class, shown_class) != 0)
    {
      if (shown_class)
        gtk_widget_remove_css_class (widget, shown_class);
      if (style_class)
        gtk_widget_add_css_class (widget, style_class);
      g_object_set_data_full (G_OBJECT (widget), "smm-column-class", g_strdup (style_class), g_free);
    }
}

/**
 * smm_column_view_add_text:
 * @class_func: (nullable): a style class per item
 *
 * Appends a column of labels to @view.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
smm_column_view_add_text (GtkColumnView    *view,
                          const char       *title,
                          SmmCellFlags      flags,
                          SmmCellTextFunc   text_func,
                          SmmCellClassFunc  class_func,
                          gpointer          user_data)
{
  Column *data = g_new0 (Column, 1);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkColumnViewColumn *column;

  data->flags = flags;
  data->text_func = text_func;
  data->class_func = class_func;
  data->user_data = user_data;
  factory = smm_cell_factory_new (create_label, update_label, data, g_free);

  /* the column takes the factory */
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, (flags & SMM_CELL_EXPAND) != 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}
