/* smm-order-list.h: the order history as a list model that reads only the rows on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-store.h"

G_BEGIN_DECLS

#define SMM_TYPE_ORDER_LIST (smm_order_list_get_type ())
G_DECLARE_FINAL_TYPE (SmmOrderList, smm_order_list, SMM, ORDER_LIST, GObject)

SmmOrderList *smm_order_list_new       (SmmStore            *store);
void          smm_order_list_load      (SmmOrderList        *self,
                                        const SmmOrderQuery *query,
                                        const char          *sort_key,
                                        gboolean             descending);
guint         smm_order_list_get_n_orders (SmmOrderList      *self);
gboolean      smm_order_list_find      (SmmOrderList        *self,
                                        gint64               local_id,
                                        guint               *position);

G_END_DECLS
