/* smm-spending-page.h: money spent per day, week and month, and per category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_SPENDING_PAGE (smm_spending_page_get_type ())
G_DECLARE_FINAL_TYPE (SmmSpendingPage, smm_spending_page, SMM, SPENDING_PAGE, GtkWidget)

void        smm_spending_page_set_account (SmmSpendingPage *self,
                                           SmmApplication  *app,
                                           SmmAccount      *account);
void        smm_spending_page_reload      (SmmSpendingPage *self);
const char *smm_spending_page_get_summary (SmmSpendingPage *self);

G_END_DECLS
