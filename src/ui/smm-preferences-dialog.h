/* smm-preferences-dialog.h: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_PREFERENCES_DIALOG (smm_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmmPreferencesDialog, smm_preferences_dialog, SMM, PREFERENCES_DIALOG, AdwPreferencesDialog)

SmmPreferencesDialog *smm_preferences_dialog_new (SmmApplication *app);

G_END_DECLS
