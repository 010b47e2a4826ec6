/* smm-placement.h: placing one order, the operation: recorded before it is sent, settled after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-order-actions.h"

G_BEGIN_DECLS

#define SMM_TYPE_PLACEMENT (smm_placement_get_type ())
G_DECLARE_FINAL_TYPE (SmmPlacement, smm_placement, SMM, PLACEMENT, GObject)

SmmPlacement    *smm_placement_new            (SmmOrderActions     *actions,
                                               gint64               account_id,
                                               SmmService          *service,
                                               SmmOrderRequest     *request);
gint64           smm_placement_get_account_id (SmmPlacement        *self);
SmmOrder        *smm_placement_get_order      (SmmPlacement        *self);

void             smm_placement_run_async      (SmmPlacement        *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean         smm_placement_run_finish     (SmmPlacement        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
