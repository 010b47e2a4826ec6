/* smm-compare-dialog.h: the same service on the user's other panels, cheapest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-window.h"

G_BEGIN_DECLS

#define SMM_TYPE_COMPARE_DIALOG (smm_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmmCompareDialog, smm_compare_dialog, SMM, COMPARE_DIALOG, AdwWindow)

SmmCompareDialog *smm_compare_dialog_new       (SmmWindow        *window,
                                                SmmAccount       *account,
                                                SmmService       *service);
GListModel       *smm_compare_dialog_get_model (SmmCompareDialog *self);

G_END_DECLS
