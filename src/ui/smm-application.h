/* smm-application.h: SMM Desk, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-client-pool.h"
#include "smm-order-actions.h"
#include "smm-secrets.h"
#include "smm-store.h"
#include "smm-tracker.h"

G_BEGIN_DECLS

#define SMM_DEMO_ENDPOINT "demo:"

#define SMM_TYPE_APPLICATION (smm_application_get_type ())
G_DECLARE_FINAL_TYPE (SmmApplication, smm_application, SMM, APPLICATION, AdwApplication)

SmmApplication *smm_application_new             (void);
SmmStore       *smm_application_get_store       (SmmApplication  *self);
SmmTracker     *smm_application_get_tracker     (SmmApplication  *self);
SmmClientPool  *smm_application_get_pool        (SmmApplication  *self);
SmmOrderActions *smm_application_get_actions    (SmmApplication  *self);
SmmSecrets     *smm_application_get_secrets     (SmmApplication  *self);
GSettings      *smm_application_get_settings    (SmmApplication  *self);
GListStore     *smm_application_get_accounts    (SmmApplication  *self);
gboolean        smm_application_connect_account (SmmApplication  *self,
                                                 SmmAccount      *account,
                                                 const char      *key,
                                                 GError         **error);
gboolean        smm_application_is_connecting   (SmmApplication  *self,
                                                 SmmAccount      *account);
SmmAccount     *smm_application_add_demo        (SmmApplication  *self,
                                                 GError         **error);
void            smm_application_remove_account_async  (SmmApplication      *self,
                                                       SmmAccount          *account,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        smm_application_remove_account_finish (SmmApplication      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean        smm_account_is_demo             (SmmAccount      *account);

/* the history: opening it again, restoring a backup, starting anew (the old file kept) */
const char     *smm_application_get_store_path  (SmmApplication  *self);
const GError   *smm_application_get_open_error  (SmmApplication  *self);
gboolean        smm_application_open_history    (SmmApplication  *self,
                                                 GError         **error);
gboolean        smm_application_restore_history (SmmApplication  *self,
                                                 const char      *backup,
                                                 char           **kept,
                                                 GError         **error);
gboolean        smm_application_start_new_history (SmmApplication *self,
                                                   char          **kept,
                                                   GError        **error);

G_END_DECLS
