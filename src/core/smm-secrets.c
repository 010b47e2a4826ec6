/* smm-secrets.c: API keys, kept in the keyring and nowhere else
 *
 * The keyring backend stores one item per account in the Secret Service (or,
 * inside Flatpak, through the Secret portal), under a schema named after the
 * app id and keyed by the account's id. The memory backend is for tests.
 *
 * A key in this process lives in libsecret's non-pageable memory (locked, so never written
 * to swap, and wiped when freed): the keyring's answers come in it, and every other key
 * (typed, from the environment) is copied into it with smm_secrets_dup_key(). Storing and
 * clearing are asynchronous for the window: the keyring may have to ask the user to
 * unlock it first, and the main loop must not stop meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "smm-secrets.h"

struct _SmmSecrets
{
  GObject       parent_instance;

  SecretSchema *schema;   /* NULL: memory backend */
  GHashTable   *memory;   /* account id (string) → key */
};

G_DEFINE_FINAL_TYPE (SmmSecrets, smm_secrets, G_TYPE_OBJECT)

/**
 * smm_secrets_dup_key:
 * @key: (nullable): a key
 *
 * Returns: (transfer full) (nullable): a copy of @key in non-pageable memory, to be freed
 *   with smm_secrets_free_key()
 */
char *
smm_secrets_dup_key (const char *key)
{
  if (key == NULL)
    return NULL;
  return secret_value_unref_to_password (secret_value_new (key, -1, "text/plain"), NULL);
}

/* Wipes and frees a key of smm_secrets_dup_key() or of a lookup (never one of g_malloc()) */
void
smm_secrets_free_key (char *key)
{
  if (key)
    secret_password_free (key);
}

static void
smm_secrets_finalize (GObject *object)
{
  SmmSecrets *self = (SmmSecrets *) object;

  g_clear_pointer (&self->schema, secret_schema_unref);
  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (smm_secrets_parent_class)->finalize (object);
}

static void
smm_secrets_class_init (SmmSecretsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smm_secrets_finalize;
}

static void
smm_secrets_init (SmmSecrets *self)
{
}

/**
 * smm_secrets_new_keyring:
 * @schema_name: the app id, e.g. `io.github.smmdesk.SmmDesk`
 */
SmmSecrets *
smm_secrets_new_keyring (const char *schema_name)
{
  SmmSecrets *self = g_object_new (SMM_TYPE_SECRETS, NULL);

  self->schema = secret_schema_new (schema_name, SECRET_SCHEMA_NONE,
                                    "account", SECRET_SCHEMA_ATTRIBUTE_STRING,
                                    NULL);
  return self;
}

SmmSecrets *
smm_secrets_new_memory (void)
{
  SmmSecrets *self = g_object_new (SMM_TYPE_SECRETS, NULL);

  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) smm_secrets_free_key);
  return self;
}

static gboolean
keyring_error (GError **error,
               GError  *cause)
{
  if (cause == NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The keyring could not be used (%s). SMM Desk keeps API keys only in the keyring."),
               cause->message);
  g_error_free (cause);
  return FALSE;
}

/* Blocks until the keyring answered: for the command line (the window uses smm_secrets_store_async()) */
gboolean
smm_secrets_store (SmmSecrets    *self,
                   gint64         account_id,
                   const char    *label,
                   const char    *key,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  GError *local_error = NULL;

  g_return_val_if_fail (SMM_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->memory)
    {
      g_hash_table_replace (self->memory, g_steal_pointer (&account), smm_secrets_dup_key (key));
      return TRUE;
    }
  secret_password_store_sync (self->schema, SECRET_COLLECTION_DEFAULT, label, key, cancellable,
                              &local_error, "account", account, NULL);
  return keyring_error (error, local_error);
}

/**
 * smm_secrets_lookup:
 *
 * Returns: (transfer full) (nullable): the key, to be freed with smm_secrets_free_key();
 * %NULL without an error when there is none
 */
char *
smm_secrets_lookup (SmmSecrets    *self,
                    gint64         account_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  GError *local_error = NULL;
  char *key;

  g_return_val_if_fail (SMM_IS_SECRETS (self), NULL);

  if (self->memory)
    return smm_secrets_dup_key (g_hash_table_lookup (self->memory, account));

  key = secret_password_lookup_nonpageable_sync (self->schema, cancellable, &local_error,
                                                 "account", account, NULL);
  if (!keyring_error (error, local_error))
    return NULL;
  return key;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *local_error = NULL;
  GError *error = NULL;
  char *key = secret_password_lookup_nonpageable_finish (result, &local_error);

  if (!keyring_error (&error, local_error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* no key is not an error: the caller says what it means */
  g_task_return_pointer (task, key, (GDestroyNotify) smm_secrets_free_key);
}

/**
 * smm_secrets_lookup_async:
 *
 * Looks the key up without blocking: the keyring may take its time (a D-Bus call each, and
 * a prompt to unlock it), and the window must not wait for it.
 */
void
smm_secrets_lookup_async (SmmSecrets          *self,
                          gint64               account_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (SMM_IS_SECRETS (self));

  g_task_set_source_tag (task, smm_secrets_lookup_async);
  if (self->memory)
    {
      g_task_return_pointer (task, smm_secrets_dup_key (g_hash_table_lookup (self->memory, account)),
                             (GDestroyNotify) smm_secrets_free_key);
      g_object_unref (task);
      return;
    }
  secret_password_lookup (self->schema, cancellable, lookup_cb, task, "account", account, NULL);
}

/* Returns: (transfer full) (nullable): the key (free it with smm_secrets_free_key()), or %NULL
 *   with @error unset when there is none */
char *
smm_secrets_lookup_finish (SmmSecrets    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Blocks until the keyring answered: for the command line (the window uses smm_secrets_remove_async()) */
gboolean
smm_secrets_remove (SmmSecrets    *self,
                    gint64         account_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  GError *local_error = NULL;

  g_return_val_if_fail (SMM_IS_SECRETS (self), FALSE);

  if (self->memory)
    {
      g_hash_table_remove (self->memory, account);
      return TRUE;
    }
  secret_password_clear_sync (self->schema, cancellable, &local_error, "account", account, NULL);
  return keyring_error (error, local_error);
}

/* The keyring's answer to a store or a clear, in words */
static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *local_error = NULL;
  GError *error = NULL;

  if (g_task_get_source_tag (task) == smm_secrets_store_async)
    secret_password_store_finish (result, &local_error);
  else
    secret_password_clear_finish (result, &local_error);
  if (keyring_error (&error, local_error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * smm_secrets_store_async:
 * @key: the key; libsecret copies it before this returns
 *
 * smm_secrets_store() without blocking: the window's way, since the keyring may first ask
 * the user to unlock it.
 */
void
smm_secrets_store_async (SmmSecrets          *self,
                         gint64               account_id,
                         const char          *label,
                         const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SMM_IS_SECRETS (self));
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_secrets_store_async);
  if (self->memory)
    {
      smm_secrets_store (self, account_id, label, key, NULL, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }
  secret_password_store (self->schema, SECRET_COLLECTION_DEFAULT, label, key, cancellable,
                         done_cb, g_steal_pointer (&task), "account", account, NULL);
}

gboolean
smm_secrets_store_finish (SmmSecrets    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == smm_secrets_store_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* smm_secrets_remove() without blocking */
void
smm_secrets_remove_async (SmmSecrets          *self,
                          gint64               account_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SMM_IS_SECRETS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_secrets_remove_async);
  if (self->memory)
    {
      smm_secrets_remove (self, account_id, NULL, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }
  secret_password_clear (self->schema, cancellable, done_cb, g_steal_pointer (&task), "account", account, NULL);
}

gboolean
smm_secrets_remove_finish (SmmSecrets    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == smm_secrets_remove_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
