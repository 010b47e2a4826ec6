/* smm-order-dialog.h: placing one order, with exactly the fields its service type needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-extra-fields.h"
#include "smm-window.h"

G_BEGIN_DECLS

#define SMM_TYPE_ORDER_DIALOG (smm_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmmOrderDialog, smm_order_dialog, SMM, ORDER_DIALOG, AdwWindow)

SmmOrderDialog  *smm_order_dialog_new          (SmmWindow       *window,
                                                SmmAccount      *account,
                                                SmmService      *service,
                                                SmmOrderRequest *prefill);
/* for tests */
GtkWidget       *smm_order_dialog_get_field    (SmmOrderDialog  *self,
                                                SmmField         field);
void             smm_order_dialog_set_field    (SmmOrderDialog  *self,
                                                SmmField         field,
                                                const char      *text);
gboolean         smm_order_dialog_can_place    (SmmOrderDialog  *self);
const char      *smm_order_dialog_get_charge   (SmmOrderDialog  *self);
const char      *smm_order_dialog_get_problem  (SmmOrderDialog  *self);
const char      *smm_order_dialog_get_note     (SmmOrderDialog  *self);
AdwAlertDialog  *smm_order_dialog_place        (SmmOrderDialog  *self);
SmmExtraFields  *smm_order_dialog_get_extra_fields (SmmOrderDialog *self);
SmmOrderRequest *smm_order_dialog_get_request  (SmmOrderDialog  *self);

G_END_DECLS
