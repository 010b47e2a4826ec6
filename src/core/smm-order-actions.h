/* smm-order-actions.h: what the user does to orders: place, refill, cancel, import, place many
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-client-pool.h"
#include "smm-mass-order.h"
#include "smm-store.h"

G_BEGIN_DECLS

#define SMM_TYPE_ORDER_ACTIONS (smm_order_actions_get_type ())
G_DECLARE_FINAL_TYPE (SmmOrderActions, smm_order_actions, SMM, ORDER_ACTIONS, GObject)

SmmOrderActions *smm_order_actions_new              (SmmStore            *store,
                                                     SmmClientPool       *pool);
SmmStore        *smm_order_actions_get_store        (SmmOrderActions     *self);
SmmClientPool   *smm_order_actions_get_pool         (SmmOrderActions     *self);

void             smm_order_actions_refill_async     (SmmOrderActions     *self,
                                                     gint64               account_id,
                                                     const gint64        *order_ids,
                                                     guint                n_ids,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray       *smm_order_actions_refill_finish    (SmmOrderActions     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void             smm_order_actions_cancel_async     (SmmOrderActions     *self,
                                                     gint64               account_id,
                                                     const gint64        *order_ids,
                                                     guint                n_ids,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray       *smm_order_actions_cancel_finish    (SmmOrderActions     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void             smm_order_actions_import_async     (SmmOrderActions     *self,
                                                     gint64               account_id,
                                                     const gint64        *order_ids,
                                                     guint                n_ids,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray       *smm_order_actions_import_finish    (SmmOrderActions     *self,
                                                     GAsyncResult        *result,
                                                     guint               *n_added,
                                                     GError             **error);

void             smm_order_actions_place_many_async  (SmmOrderActions     *self,
                                                      SmmMassOrder        *mass,
                                                      gint64               account_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         smm_order_actions_place_many_finish (SmmOrderActions     *self,
                                                      GAsyncResult        *result,
                                                      SmmMassOrderReport  *report,
                                                      GError             **error);

G_END_DECLS
