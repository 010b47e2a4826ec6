/* smm-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_WINDOW (smm_window_get_type ())
G_DECLARE_FINAL_TYPE (SmmWindow, smm_window, SMM, WINDOW, AdwApplicationWindow)

SmmWindow      *smm_window_new            (SmmApplication *application);
SmmApplication *smm_window_get_app        (SmmWindow      *self);
SmmAccount     *smm_window_get_account    (SmmWindow      *self);
void            smm_window_toast          (SmmWindow      *self,
                                           const char     *text);
void            smm_window_show_order     (SmmWindow      *self,
                                           gint64          local_id);
void            smm_window_new_order      (SmmWindow      *self,
                                           SmmAccount     *account,
                                           SmmService     *service,
                                           SmmOrderRequest *prefill);
void            smm_window_orders_changed (SmmWindow      *self);
void            smm_window_catalogue_changed (SmmWindow   *self);

/* for tests and benchmarks */
void            smm_window_select_account (SmmWindow      *self,
                                           SmmAccount     *account);
GtkWidget      *smm_window_get_page       (SmmWindow      *self,
                                           const char     *name);

G_END_DECLS
