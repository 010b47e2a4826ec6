/* smm-client-pool.h: one client per account, each made with the account's key from the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-account.h"
#include "smm-client.h"
#include "smm-secrets.h"

G_BEGIN_DECLS

#define SMM_CLIENT_POOL_ERROR (smm_client_pool_error_quark ())
GQuark smm_client_pool_error_quark (void);

typedef enum {
  SMM_CLIENT_POOL_ERROR_NO_KEY,       /* the keyring has no key for the account */
  SMM_CLIENT_POOL_ERROR_NO_CLIENT,    /* the account has no client (yet) */
} SmmClientPoolError;

#define SMM_TYPE_CLIENT_POOL (smm_client_pool_get_type ())
G_DECLARE_FINAL_TYPE (SmmClientPool, smm_client_pool, SMM, CLIENT_POOL, GObject)

SmmClientPool *smm_client_pool_new            (SmmSecrets      *secrets);

gboolean       smm_client_pool_add            (SmmClientPool   *self,
                                               SmmAccount      *account,
                                               const char      *endpoint,
                                               const char      *key,
                                               GError         **error);
gboolean       smm_client_pool_connect        (SmmClientPool   *self,
                                               SmmAccount      *account,
                                               GCancellable    *cancellable,
                                               GError         **error);
void           smm_client_pool_connect_async  (SmmClientPool   *self,
                                               SmmAccount      *account);
gboolean       smm_client_pool_is_connecting  (SmmClientPool   *self,
                                               gint64           account_id);
void           smm_client_pool_set_client     (SmmClientPool   *self,
                                               gint64           account_id,
                                               SmmClient       *client);
void           smm_client_pool_remove         (SmmClientPool   *self,
                                               gint64           account_id);

SmmClient     *smm_client_pool_get_client     (SmmClientPool   *self,
                                               gint64           account_id);
SmmClient     *smm_client_pool_lookup         (SmmClientPool   *self,
                                               gint64           account_id,
                                               GError         **error);
GArray        *smm_client_pool_list_ids       (SmmClientPool   *self);

G_END_DECLS
