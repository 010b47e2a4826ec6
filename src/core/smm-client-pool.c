/* smm-client-pool.c: one client per account, each made with the account's key from the keyring
 *
 * The app and the command-line tool both keep their panels' clients here. The key is read
 * from the keyring once, when the account is connected; the client keeps its own copy, and
 * the one read is wiped.
 *
 * The app asks the keyring without blocking (smm_client_pool_connect_async()): the keyring
 * may be locked and show an unlock prompt. Until it answers, the account is "connecting",
 * and #SmmClientPool::account-ready follows. A key given meanwhile (the account was edited)
 * stands: the keyring's late answer is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-client-pool"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-client-pool.h"

G_DEFINE_QUARK (smm-client-pool-error-quark, smm_client_pool_error)

struct _SmmClientPool
{
  GObject     parent_instance;

  SmmSecrets *secrets;
  GHashTable *clients;      /* account id → SmmClient */
  GHashTable *connecting;   /* account id → GCancellable: its key is being looked up */
};

G_DEFINE_FINAL_TYPE (SmmClientPool, smm_client_pool, G_TYPE_OBJECT)

enum {
  ACCOUNT_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cancel_lookup (gpointer data)
{
  g_cancellable_cancel (data);
  g_object_unref (data);
}

static void
smm_client_pool_dispose (GObject *object)
{
  SmmClientPool *self = SMM_CLIENT_POOL (object);

  g_clear_pointer (&self->connecting, g_hash_table_unref);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (smm_client_pool_parent_class)->dispose (object);
}

static void
smm_client_pool_class_init (SmmClientPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smm_client_pool_dispose;

  /**
   * SmmClientPool::account-ready:
   * @account: the account
   * @error: (nullable): why it has no client
   *
   * The keyring answered for @account: it has a client now, or @error says why not.
   */
  signals[ACCOUNT_READY] =
    g_signal_new ("account-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SMM_TYPE_ACCOUNT, G_TYPE_ERROR);
}

static void
smm_client_pool_init (SmmClientPool *self)
{
  self->clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->connecting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cancel_lookup);
}

/**
 * smm_client_pool_new:
 * @secrets: (nullable): where the keys are; %NULL: only smm_client_pool_add() gives clients
 */
SmmClientPool *
smm_client_pool_new (SmmSecrets *secrets)
{
  SmmClientPool *self = g_object_new (SMM_TYPE_CLIENT_POOL, NULL);

  g_set_object (&self->secrets, secrets);
  return self;
}

static void
set_client (SmmClientPool *self,
            gint64         account_id,
            SmmClient     *client)
{
  g_hash_table_replace (self->clients, g_memdup2 (&account_id, sizeof account_id), g_object_ref (client));
}

/**
 * smm_client_pool_add:
 * @endpoint: (nullable): the panel's address; %NULL: the account's
 * @key: the API key (copied; the caller wipes its own)
 *
 * Gives @account a client with @key, in place of any it had. A keyring lookup under way for
 * it is dropped, and #SmmClientPool::account-ready is emitted for it.
 */
gboolean
smm_client_pool_add (SmmClientPool  *self,
                     SmmAccount     *account,
                     const char     *endpoint,
                     const char     *key,
                     GError        **error)
{
  gint64 id = smm_account_get_id (account);
  g_autoptr(SmmClient) client = NULL;
  gboolean was_waiting;

  g_return_val_if_fail (SMM_IS_CLIENT_POOL (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  client = smm_client_new (endpoint ? endpoint : smm_account_get_endpoint (account), error);
  if (client == NULL)
    return FALSE;
  smm_client_set_key (client, key);
  set_client (self, id, client);

  was_waiting = g_hash_table_remove (self->connecting, &id);
  if (was_waiting)
    g_signal_emit (self, signals[ACCOUNT_READY], 0, account, NULL);
  return TRUE;
}

static void
no_key_error (GError     **error,
              SmmAccount  *account)
{
  g_set_error (error, SMM_CLIENT_POOL_ERROR, SMM_CLIENT_POOL_ERROR_NO_KEY,
               _("The API key of “%s” is not in the keyring. Edit the account to enter it again."),
               smm_account_get_name (account));
}

/**
 * smm_client_pool_connect:
 *
 * Reads @account's key from the keyring, blocking, and gives it a client: for the
 * command-line tool. A missing key is %SMM_CLIENT_POOL_ERROR_NO_KEY.
 */
gboolean
smm_client_pool_connect (SmmClientPool  *self,
                         SmmAccount     *account,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GError) lookup_error = NULL;
  char *key;
  gboolean connected;

  g_return_val_if_fail (SMM_IS_CLIENT_POOL (self), FALSE);
  g_return_val_if_fail (self->secrets != NULL, FALSE);

  key = smm_secrets_lookup (self->secrets, smm_account_get_id (account), cancellable, &lookup_error);
  if (key == NULL)
    {
      if (lookup_error)
        g_propagate_error (error, g_steal_pointer (&lookup_error));
      else
        no_key_error (error, account);
      return FALSE;
    }
  connected = smm_client_pool_add (self, account, NULL, key, error);
  smm_secrets_free_key (key);
  return connected;
}

typedef struct {
  SmmClientPool *self;
  SmmAccount    *account;
  GCancellable  *cancellable;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->self);
  g_clear_object (&lookup->account);
  g_clear_object (&lookup->cancellable);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookup, lookup_free)

static void
key_looked_up_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Lookup) lookup = data;
  SmmClientPool *self = lookup->self;
  g_autoptr(GError) error = NULL;
  char *key = smm_secrets_lookup_finish (SMM_SECRETS (object), result, &error);
  gint64 id = smm_account_get_id (lookup->account);

  /* a key was given meanwhile, or the account removed: that stands */
  if (g_cancellable_is_cancelled (lookup->cancellable) || self->connecting == NULL ||
      g_hash_table_lookup (self->connecting, &id) != lookup->cancellable)
    {
      smm_secrets_free_key (key);
      return;
    }
  g_hash_table_remove (self->connecting, &id);
  g_clear_error (&error);

  if (key == NULL && error == NULL)
    no_key_error (&error, lookup->account);
  if (key != NULL)
    {
      g_autoptr(SmmClient) client = smm_client_new (smm_account_get_endpoint (lookup->account), &error);

      if (client)
        {
          smm_client_set_key (client, key);
          set_client (self, id, client);
        }
    }
  /* the client keeps its own copy: this one is wiped */
  smm_secrets_free_key (key);
  g_signal_emit (self, signals[ACCOUNT_READY], 0, lookup->account, error);
}

/**
 * smm_client_pool_connect_async:
 *
 * Asks the keyring for @account's key without blocking. Until it answers,
 * smm_client_pool_is_connecting() is %TRUE; then #SmmClientPool::account-ready follows.
 * Asking again while a lookup is under way does nothing.
 */
void
smm_client_pool_connect_async (SmmClientPool *self,
                               SmmAccount    *account)
{
  gint64 id = smm_account_get_id (account);
  Lookup *lookup;

  g_return_if_fail (SMM_IS_CLIENT_POOL (self));
  g_return_if_fail (self->secrets != NULL);

  if (g_hash_table_contains (self->connecting, &id))
    return;
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->account = g_object_ref (account);
  lookup->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->connecting, g_memdup2 (&id, sizeof id), g_object_ref (lookup->cancellable));
  smm_secrets_lookup_async (self->secrets, id, lookup->cancellable, key_looked_up_cb, lookup);
}

/* Returns: whether the key of @account_id is still being looked up in the keyring */
gboolean
smm_client_pool_is_connecting (SmmClientPool *self,
                               gint64         account_id)
{
  g_return_val_if_fail (SMM_IS_CLIENT_POOL (self), FALSE);
  return g_hash_table_contains (self->connecting, &account_id);
}

/* Gives @account_id @client, made by the caller (with its own timeouts, say), in place of any it had. */
void
smm_client_pool_set_client (SmmClientPool *self,
                            gint64         account_id,
                            SmmClient     *client)
{
  g_return_if_fail (SMM_IS_CLIENT_POOL (self));
  g_return_if_fail (SMM_IS_CLIENT (client));

  g_hash_table_remove (self->connecting, &account_id);
  set_client (self, account_id, client);
}

/* Forgets @account_id's client, and any lookup of its key under way. */
void
smm_client_pool_remove (SmmClientPool *self,
                        gint64         account_id)
{
  g_return_if_fail (SMM_IS_CLIENT_POOL (self));

  g_hash_table_remove (self->connecting, &account_id);
  g_hash_table_remove (self->clients, &account_id);
}

/* Returns: (transfer none) (nullable): the client of @account_id's panel */
SmmClient *
smm_client_pool_get_client (SmmClientPool *self,
                            gint64         account_id)
{
  g_return_val_if_fail (SMM_IS_CLIENT_POOL (self), NULL);
  return g_hash_table_lookup (self->clients, &account_id);
}

/**
 * smm_client_pool_lookup:
 *
 * As smm_client_pool_get_client(), with the reason in @error when there is none.
 *
 * Returns: (transfer none) (nullable): the client of @account_id's panel
 */
SmmClient *
smm_client_pool_lookup (SmmClientPool  *self,
                        gint64          account_id,
                        GError        **error)
{
  SmmClient *client = smm_client_pool_get_client (self, account_id);

  if (client == NULL)
    g_set_error_literal (error, SMM_CLIENT_POOL_ERROR, SMM_CLIENT_POOL_ERROR_NO_CLIENT,
                         _("This account has no connection to its panel (no API key?)."));
  return client;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Returns: (transfer full) (element-type gint64): the accounts that have a client, by id */
GArray *
smm_client_pool_list_ids (SmmClientPool *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SMM_IS_CLIENT_POOL (self), ids);

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);
  return ids;
}
