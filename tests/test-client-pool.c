/* test-client-pool.c: one client per account, the key from the keyring, blocking or not */
#include "config.h"

#include "smm-client-pool.h"
#include "smm-store.h"

typedef struct {
  SmmStore      *store;
  SmmSecrets    *secrets;
  SmmClientPool *pool;
  SmmAccount    *alpha;     /* key "alpha-key" in the keyring */
  SmmAccount    *beta;      /* no key */
  GPtrArray     *ready;     /* SmmAccount, in the order account-ready came */
  GPtrArray     *errors;    /* GError or NULL, beside them */
} Fixture;

static void
account_ready_cb (SmmClientPool *pool,
                  SmmAccount    *account,
                  const GError  *error,
                  Fixture       *f)
{
  g_ptr_array_add (f->ready, g_object_ref (account));
  g_ptr_array_add (f->errors, error ? g_error_copy (error) : NULL);
}

static void
free_error (gpointer data)
{
  if (data)
    g_error_free (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = smm_store_open (NULL, &error);
  g_assert_no_error (error);
  f->alpha = smm_store_add_account (f->store, "Alpha", "https://alpha.example/api/v2", &error);
  g_assert_no_error (error);
  f->beta = smm_store_add_account (f->store, "Beta", "https://beta.example/api/v2", &error);
  g_assert_no_error (error);
  f->secrets = smm_secrets_new_memory ();
  g_assert_true (smm_secrets_store (f->secrets, smm_account_get_id (f->alpha), "Alpha", "alpha-key", NULL, &error));
  f->pool = smm_client_pool_new (f->secrets);
  f->ready = g_ptr_array_new_with_free_func (g_object_unref);
  f->errors = g_ptr_array_new_with_free_func (free_error);
  g_signal_connect (f->pool, "account-ready", G_CALLBACK (account_ready_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* a lookup under way holds the pool: let it end */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_finalize_object (f->pool);
  g_clear_object (&f->alpha);
  g_clear_object (&f->beta);
  g_clear_object (&f->secrets);
  g_clear_object (&f->store);
  g_clear_pointer (&f->errors, g_ptr_array_unref);
  g_clear_pointer (&f->ready, g_ptr_array_unref);
}

static void
wait_ready (Fixture *f,
            guint    n)
{
  while (f->ready->len < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_set_list_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmClient) one = smm_client_new ("https://one.example/api/v2", &error);
  g_autoptr(SmmClient) two = smm_client_new ("https://two.example/api/v2", &error);
  g_autoptr(GArray) ids = NULL;

  g_assert_null (smm_client_pool_get_client (f->pool, 7));
  g_assert_null (smm_client_pool_lookup (f->pool, 7, &error));
  g_assert_error (error, SMM_CLIENT_POOL_ERROR, SMM_CLIENT_POOL_ERROR_NO_CLIENT);
  g_clear_error (&error);

  smm_client_pool_set_client (f->pool, 9, two);
  smm_client_pool_set_client (f->pool, 3, one);
  g_assert_true (smm_client_pool_get_client (f->pool, 3) == one);
  g_assert_true (smm_client_pool_lookup (f->pool, 9, &error) == two);
  g_assert_no_error (error);

  /* by id, whatever the order they came in */
  ids = smm_client_pool_list_ids (f->pool);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 9);

  /* a second client for an account takes the first one's place */
  smm_client_pool_set_client (f->pool, 3, two);
  g_assert_true (smm_client_pool_get_client (f->pool, 3) == two);

  smm_client_pool_remove (f->pool, 3);
  g_assert_null (smm_client_pool_get_client (f->pool, 3));
  g_clear_pointer (&ids, g_array_unref);
  ids = smm_client_pool_list_ids (f->pool);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpuint (f->ready->len, ==, 0);
}

static void
test_connect_blocking (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmClient *client;

  g_assert_true (smm_client_pool_connect (f->pool, f->alpha, NULL, &error));
  g_assert_no_error (error);
  client = smm_client_pool_get_client (f->pool, smm_account_get_id (f->alpha));
  g_assert_nonnull (client);
  g_assert_cmpstr (smm_client_get_endpoint (client), ==, "https://alpha.example/api/v2");

  /* no key: said so, with the account's name, and no client */
  g_assert_false (smm_client_pool_connect (f->pool, f->beta, NULL, &error));
  g_assert_error (error, SMM_CLIENT_POOL_ERROR, SMM_CLIENT_POOL_ERROR_NO_KEY);
  g_assert_nonnull (g_strstr_len (error->message, -1, "“Beta”"));
  g_assert_null (smm_client_pool_get_client (f->pool, smm_account_get_id (f->beta)));
  /* blocking connects emit nothing: nobody waits for them */
  g_assert_cmpuint (f->ready->len, ==, 0);
}

static void
test_connect_async (Fixture       *f,
                    gconstpointer  data)
{
  gint64 alpha = smm_account_get_id (f->alpha);
  gint64 beta = smm_account_get_id (f->beta);

  smm_client_pool_connect_async (f->pool, f->alpha);
  smm_client_pool_connect_async (f->pool, f->alpha);   /* once is enough */
  smm_client_pool_connect_async (f->pool, f->beta);
  g_assert_true (smm_client_pool_is_connecting (f->pool, alpha));
  g_assert_true (smm_client_pool_is_connecting (f->pool, beta));
  g_assert_null (smm_client_pool_get_client (f->pool, alpha));

  wait_ready (f, 2);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (f->ready->len, ==, 2);
  g_assert_false (smm_client_pool_is_connecting (f->pool, alpha));
  g_assert_false (smm_client_pool_is_connecting (f->pool, beta));

  g_assert_true (f->ready->pdata[0] == f->alpha);
  g_assert_null (f->errors->pdata[0]);
  g_assert_cmpstr (smm_client_get_endpoint (smm_client_pool_get_client (f->pool, alpha)), ==,
                   "https://alpha.example/api/v2");

  g_assert_true (f->ready->pdata[1] == f->beta);
  g_assert_error ((GError *) f->errors->pdata[1], SMM_CLIENT_POOL_ERROR, SMM_CLIENT_POOL_ERROR_NO_KEY);
  g_assert_null (smm_client_pool_get_client (f->pool, beta));
}

/* The account was edited while the keyring was asked: the key given then stands. */
static void
test_key_given_meanwhile (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 alpha = smm_account_get_id (f->alpha);
  SmmClient *client;

  smm_client_pool_connect_async (f->pool, f->alpha);
  g_assert_true (smm_client_pool_add (f->pool, f->alpha, "https://edited.example/api/v2", "new-key", &error));
  g_assert_no_error (error);
  g_assert_false (smm_client_pool_is_connecting (f->pool, alpha));
  /* the one waiting is told at once */
  g_assert_cmpuint (f->ready->len, ==, 1);
  client = smm_client_pool_get_client (f->pool, alpha);

  /* the keyring's late answer changes nothing and tells no one */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (f->ready->len, ==, 1);
  g_assert_true (smm_client_pool_get_client (f->pool, alpha) == client);
  g_assert_cmpstr (smm_client_get_endpoint (client), ==, "https://edited.example/api/v2");

  /* a bad address is refused, and the client stays */
  g_assert_false (smm_client_pool_add (f->pool, f->alpha, "ftp://nowhere", "key", &error));
  g_assert_nonnull (error);
  g_assert_true (smm_client_pool_get_client (f->pool, alpha) == client);
}

/* The account was removed while the keyring was asked: no client comes back to life. */
static void
test_removed_meanwhile (Fixture       *f,
                        gconstpointer  data)
{
  gint64 alpha = smm_account_get_id (f->alpha);

  smm_client_pool_connect_async (f->pool, f->alpha);
  smm_client_pool_remove (f->pool, alpha);
  g_assert_false (smm_client_pool_is_connecting (f->pool, alpha));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (smm_client_pool_get_client (f->pool, alpha));
  g_assert_cmpuint (f->ready->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/client-pool/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("set-list-remove", test_set_list_remove);
  ADD ("connect-blocking", test_connect_blocking);
  ADD ("connect-async", test_connect_async);
  ADD ("key-given-meanwhile", test_key_given_meanwhile);
  ADD ("removed-meanwhile", test_removed_meanwhile);

  return g_test_run ();
}
