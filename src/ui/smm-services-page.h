/* smm-services-page.h: a panel's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "smm-application.h"

G_BEGIN_DECLS

#define SMM_TYPE_SERVICES_PAGE (smm_services_page_get_type ())
G_DECLARE_FINAL_TYPE (SmmServicesPage, smm_services_page, SMM, SERVICES_PAGE, GtkWidget)

void        smm_services_page_set_account   (SmmServicesPage *self,
                                             SmmApplication  *app,
                                             SmmAccount      *account);
void        smm_services_page_reload        (SmmServicesPage *self);
gboolean    smm_services_page_is_loading    (SmmServicesPage *self);
SmmService *smm_services_page_get_selected  (SmmServicesPage *self);
void        smm_services_page_focus_search  (SmmServicesPage *self);
GListModel *smm_services_page_get_model     (SmmServicesPage *self);
const char *smm_services_page_get_left_out  (SmmServicesPage *self);
void        smm_services_page_set_search    (SmmServicesPage *self,
                                             const char      *text);

G_END_DECLS
