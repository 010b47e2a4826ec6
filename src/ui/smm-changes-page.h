/* smm-changes-page.h: what changed in a panel's catalogue, fetch after fetch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_CHANGES_PAGE (smm_changes_page_get_type ())
G_DECLARE_FINAL_TYPE (SmmChangesPage, smm_changes_page, SMM, CHANGES_PAGE, GtkWidget)

void        smm_changes_page_set_account (SmmChangesPage *self,
                                          SmmApplication *app,
                                          SmmAccount     *account);
void        smm_changes_page_reload      (SmmChangesPage *self);
GListModel *smm_changes_page_get_model   (SmmChangesPage *self);

G_END_DECLS
