/* smm-preferences-window.h: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_PREFERENCES_WINDOW (smm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SmmPreferencesWindow, smm_preferences_window, SMM, PREFERENCES_WINDOW, AdwPreferencesWindow)

SmmPreferencesWindow *smm_preferences_window_new (GtkWindow      *parent,
                                                  SmmApplication *app);

G_END_DECLS
