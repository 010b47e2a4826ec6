/* smm-mass-order-dialog.h: many orders at once, from pasted text or a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-mass-order.h"
#include "smm-window.h"

G_BEGIN_DECLS

#define SMM_TYPE_MASS_ORDER_DIALOG (smm_mass_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmmMassOrderDialog, smm_mass_order_dialog, SMM, MASS_ORDER_DIALOG, AdwWindow)

SmmMassOrderDialog *smm_mass_order_dialog_new            (SmmWindow          *window,
                                                          SmmAccount         *account,
                                                          GPtrArray          *services);
void                smm_mass_order_dialog_set_text       (SmmMassOrderDialog *self,
                                                          const char         *text);
SmmMassOrder       *smm_mass_order_dialog_get_mass_order (SmmMassOrderDialog *self);
gboolean            smm_mass_order_dialog_can_place      (SmmMassOrderDialog *self);
const char         *smm_mass_order_dialog_get_summary    (SmmMassOrderDialog *self);
AdwAlertDialog     *smm_mass_order_dialog_place          (SmmMassOrderDialog *self);

G_END_DECLS
