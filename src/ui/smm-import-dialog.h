/* smm-import-dialog.h: adding orders placed on the panel's web site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-window.h"

G_BEGIN_DECLS

#define SMM_TYPE_IMPORT_DIALOG (smm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmmImportDialog, smm_import_dialog, SMM, IMPORT_DIALOG, AdwWindow)

SmmImportDialog *smm_import_dialog_new (SmmWindow  *window,
                                        SmmAccount *account);

G_END_DECLS
