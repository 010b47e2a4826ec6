/* smm-history-failure-window.h: the window shown when the order history cannot be opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_HISTORY_FAILURE_WINDOW (smm_history_failure_window_get_type ())
G_DECLARE_FINAL_TYPE (SmmHistoryFailureWindow, smm_history_failure_window, SMM, HISTORY_FAILURE_WINDOW,
                      AdwApplicationWindow)

SmmHistoryFailureWindow *smm_history_failure_window_new (SmmApplication *application,
                                                         const GError   *error);

G_END_DECLS
