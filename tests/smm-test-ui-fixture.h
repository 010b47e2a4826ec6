/* smm-test-ui-fixture.h: what the tests of the GTK views make the same way: directories of their
 * own, the application, a window of it, and an account to order on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-application.h"
#include "smm-window.h"

G_BEGIN_DECLS

char      *smm_test_ui_init        (int             *argc,
                                    char          ***argv);
SmmWindow *smm_test_window_new     (SmmApplication **app,
                                    SmmAccount     **account);
void       smm_test_window_destroy (SmmWindow       *window,
                                    SmmApplication  *app,
                                    SmmAccount      *account);

G_END_DECLS
