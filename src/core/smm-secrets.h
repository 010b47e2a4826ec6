/* smm-secrets.h: API keys, kept in the keyring and nowhere else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SMM_TYPE_SECRETS (smm_secrets_get_type ())
G_DECLARE_FINAL_TYPE (SmmSecrets, smm_secrets, SMM, SECRETS, GObject)

SmmSecrets *smm_secrets_new_keyring  (const char    *schema_name);
SmmSecrets *smm_secrets_new_memory   (void);

gboolean    smm_secrets_store        (SmmSecrets    *self,
                                      gint64         account_id,
                                      const char    *label,
                                      const char    *key,
                                      GCancellable  *cancellable,
                                      GError       **error);
void        smm_secrets_store_async  (SmmSecrets    *self,
                                      gint64         account_id,
                                      const char    *label,
                                      const char    *key,
                                      GCancellable  *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
gboolean    smm_secrets_store_finish (SmmSecrets    *self,
                                      GAsyncResult  *result,
                                      GError       **error);
char       *smm_secrets_lookup       (SmmSecrets    *self,
                                      gint64         account_id,
                                      GCancellable  *cancellable,
                                      GError       **error);
void        smm_secrets_lookup_async (SmmSecrets    *self,
                                      gint64         account_id,
                                      GCancellable  *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
char       *smm_secrets_lookup_finish (SmmSecrets   *self,
                                      GAsyncResult  *result,
                                      GError       **error);
gboolean    smm_secrets_remove       (SmmSecrets    *self,
                                      gint64         account_id,
                                      GCancellable  *cancellable,
                                      GError       **error);
void        smm_secrets_remove_async (SmmSecrets    *self,
                                      gint64         account_id,
                                      GCancellable  *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
gboolean    smm_secrets_remove_finish (SmmSecrets   *self,
                                      GAsyncResult  *result,
                                      GError       **error);
char       *smm_secrets_dup_key      (const char    *key);
void        smm_secrets_free_key     (char          *key);

G_END_DECLS
