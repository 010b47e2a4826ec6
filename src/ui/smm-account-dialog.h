/* smm-account-dialog.h: adding or editing a panel account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_ACCOUNT_DIALOG (smm_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmmAccountDialog, smm_account_dialog, SMM, ACCOUNT_DIALOG, AdwWindow)

SmmAccountDialog *smm_account_dialog_new (GtkWindow      *parent,
                                          SmmApplication *app,
                                          SmmAccount     *account);

/* what a user does and reads, for the tests */
void              smm_account_dialog_fill           (SmmAccountDialog *self,
                                                     const char       *name,
                                                     const char       *url,
                                                     const char       *key);
void              smm_account_dialog_save           (SmmAccountDialog *self);
const char       *smm_account_dialog_get_result     (SmmAccountDialog *self);
const char       *smm_account_dialog_get_save_label (SmmAccountDialog *self);

G_END_DECLS
