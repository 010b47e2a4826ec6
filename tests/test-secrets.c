/* test-secrets.c: API keys in the keyring: the memory backend, and a real Secret Service when there is one */
#include "config.h"

#include <string.h>

#include "smm-secrets.h"

#define KEY "TEST-SECRET-KEY-4242"

typedef struct {
  char     *key;
  GError   *error;
  gboolean  done;
} Lookup;

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Lookup *lookup = data;

  lookup->key = smm_secrets_lookup_finish (SMM_SECRETS (object), result, &lookup->error);
  lookup->done = TRUE;
}

/* the window's way: the answer comes later, the loop runs meanwhile */
static char *
lookup_async (SmmSecrets *secrets,
              gint64      account_id)
{
  Lookup lookup = { 0 };

  smm_secrets_lookup_async (secrets, account_id, NULL, lookup_cb, &lookup);
  while (!lookup.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (lookup.error);
  return lookup.key;
}

static void
exercise (SmmSecrets *secrets)
{
  g_autoptr(GError) error = NULL;
  char *key;

  key = smm_secrets_lookup (secrets, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);

  g_assert_true (smm_secrets_store (secrets, 7, "SMM Desk: Panel A", KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (smm_secrets_store (secrets, 8, "SMM Desk: Panel B", "other-key", NULL, &error));

  key = smm_secrets_lookup (secrets, 7, NULL, &error);
  g_assert_cmpstr (key, ==, KEY);
  smm_secrets_free_key (key);
  key = smm_secrets_lookup (secrets, 8, NULL, &error);
  g_assert_cmpstr (key, ==, "other-key");
  smm_secrets_free_key (key);
  key = lookup_async (secrets, 7);
  g_assert_cmpstr (key, ==, KEY);
  smm_secrets_free_key (key);
  g_assert_null (lookup_async (secrets, 9));

  /* a new key for the same account replaces the old one */
  smm_secrets_store (secrets, 7, "SMM Desk: Panel A", "rotated", NULL, &error);
  g_assert_no_error (error);
  key = smm_secrets_lookup (secrets, 7, NULL, &error);
  g_assert_cmpstr (key, ==, "rotated");
  smm_secrets_free_key (key);

  g_assert_true (smm_secrets_remove (secrets, 7, NULL, &error));
  g_assert_no_error (error);
  key = smm_secrets_lookup (secrets, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);
  key = smm_secrets_lookup (secrets, 8, NULL, &error);
  g_assert_cmpstr (key, ==, "other-key");
  smm_secrets_free_key (key);
  g_assert_true (smm_secrets_remove (secrets, 8, NULL, &error));
}

static void
test_memory (void)
{
  g_autoptr(SmmSecrets) secrets = smm_secrets_new_memory ();

  exercise (secrets);
  g_assert_finalize_object (g_steal_pointer (&secrets));
}

/* Run by tests/with-keyring, inside a private D-Bus session with gnome-keyring unlocked. */
static void
test_keyring (void)
{
  g_autoptr(SmmSecrets) secrets = NULL;

  if (g_getenv ("SMM_TEST_KEYRING") == NULL)
    {
      g_test_skip ("no private keyring (run through tests/with-keyring)");
      return;
    }
  secrets = smm_secrets_new_keyring ("io.github.smmdesk.SmmDesk.Test");
  exercise (secrets);
  g_assert_finalize_object (g_steal_pointer (&secrets));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/secrets/memory", test_memory);
  g_test_add_func ("/core/secrets/keyring", test_keyring);

  return g_test_run ();
}
