/* smm-orders-page.h: the order history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_ORDERS_PAGE (smm_orders_page_get_type ())
G_DECLARE_FINAL_TYPE (SmmOrdersPage, smm_orders_page, SMM, ORDERS_PAGE, GtkWidget)

void        smm_orders_page_set_account   (SmmOrdersPage  *self,
                                           SmmApplication *app,
                                           SmmAccount     *account);
void        smm_orders_page_reload        (SmmOrdersPage  *self);
void        smm_orders_page_focus_search  (SmmOrdersPage  *self);
void        smm_orders_page_show_order    (SmmOrdersPage  *self,
                                           gint64          local_id);
GListModel *smm_orders_page_get_model     (SmmOrdersPage  *self);

/* the text of a relative time, shared with the refills page */
char       *smm_format_relative_time      (GDateTime      *time);

void        smm_orders_page_get_query     (SmmOrdersPage  *self,
                                           SmmOrderQuery  *query);

G_END_DECLS
