/* smm-cell.h: cells of the big tables, built in C and kept up to date by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef GtkWidget *(*SmmCellCreate) (gpointer   user_data);
/* @item: the row's item (an SmmSlot's item for slot lists); %NULL when unbound */
typedef void       (*SmmCellUpdate) (GtkWidget *cell,
                                     gpointer   item,
                                     gpointer   user_data);

GtkListItemFactory *smm_cell_factory_new       (SmmCellCreate  create,
                                                SmmCellUpdate  update,
                                                gpointer       user_data,
                                                GDestroyNotify destroy);
void                smm_cell_set_factory       (GtkColumnView *view,
                                                guint          column,
                                                SmmCellCreate  create,
                                                SmmCellUpdate  update);

void                smm_cell_take_text         (GtkWidget     *cell,
                                                char          *text);

GtkWidget          *smm_cell_new_number        (gpointer       unused);
GtkWidget          *smm_cell_new_label         (gpointer       unused);
GtkWidget          *smm_cell_new_text          (gpointer       unused);
GtkWidget          *smm_cell_new_text_middle   (gpointer       unused);
GtkWidget          *smm_cell_new_check         (gpointer       unused);

G_END_DECLS
