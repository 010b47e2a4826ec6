/* smm-refills-page.h: the refills asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_REFILLS_PAGE (smm_refills_page_get_type ())
G_DECLARE_FINAL_TYPE (SmmRefillsPage, smm_refills_page, SMM, REFILLS_PAGE, GtkWidget)

void smm_refills_page_set_account (SmmRefillsPage *self,
                                   SmmApplication *app,
                                   SmmAccount     *account);
void smm_refills_page_reload      (SmmRefillsPage *self);

G_END_DECLS
