/* smm-column.h: text columns of a GtkColumnView, one plain GtkLabel a cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  SMM_CELL_DEFAULT   = 0,
  SMM_CELL_EXPAND    = 1 << 0,  /* the column takes the room left */
  SMM_CELL_NUMERIC   = 1 << 1,  /* right-aligned, tabular figures */
  SMM_CELL_ELLIPSIZE = 1 << 2,  /* long text ends in “…” (and shows whole in a tooltip) */
  SMM_CELL_DIM       = 1 << 3,
  SMM_CELL_WRAP      = 1 << 4,
} SmmCellFlags;

/* Returns: (transfer full) (nullable): the text of @item's cell */
typedef char       *(*SmmCellTextFunc)  (gpointer item,
                                         gpointer user_data);
/* Returns: (transfer none) (nullable): a style class for @item's cell, like "error" */
typedef const char *(*SmmCellClassFunc) (gpointer item,
                                         gpointer user_data);

GtkColumnViewColumn *smm_column_view_add_text (GtkColumnView    *view,
                                               const char       *title,
                                               SmmCellFlags      flags,
                                               SmmCellTextFunc   text_func,
                                               SmmCellClassFunc  class_func,
                                               gpointer          user_data);

G_END_DECLS
