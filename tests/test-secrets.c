/* test-secrets.c: API keys in the keyring: the memory backend, and a real Secret Service when there is one;
 * keys in non-pageable memory, out of the environment, and in no core dump
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "smm-process.h"
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
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* the window stores and clears without blocking too: the keyring may ask to be unlocked first */
static void
store_async (SmmSecrets *secrets,
             gint64      account_id,
             const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  smm_secrets_store_async (secrets, account_id, "SMM Desk: Panel C", key, NULL, result_cb, &result);
  g_assert_true (smm_secrets_store_finish (secrets, wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
remove_async (SmmSecrets *secrets,
              gint64      account_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  smm_secrets_remove_async (secrets, account_id, NULL, result_cb, &result);
  g_assert_true (smm_secrets_remove_finish (secrets, wait_result (&result), &error));
  g_assert_no_error (error);
}

/* Returns: whether @address is in memory locked in RAM (never written to swap), as /proc/self/smaps says */
static gboolean
is_locked (gconstpointer address)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean inside = FALSE;

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      guint64 start, end;
      char *dash;

      if (g_ascii_isxdigit (lines[i][0]) && (dash = strchr (lines[i], '-')) != NULL)
        {
          start = g_ascii_strtoull (lines[i], NULL, 16);
          end = g_ascii_strtoull (dash + 1, NULL, 16);
          inside = (guint64) (guintptr) address >= start && (guint64) (guintptr) address < end;
        }
      else if (inside && g_str_has_prefix (lines[i], "VmFlags:"))
        return strstr (lines[i], " lo") != NULL;
    }
  return FALSE;
}

/* A key looked up is in non-pageable memory, and so is the copy of one typed */
static void
assert_nonpageable (SmmSecrets *secrets)
{
  struct rlimit limit;
  char *key;

  if (getrlimit (RLIMIT_MEMLOCK, &limit) == 0 && limit.rlim_cur < 64 * 1024)
    {
      g_test_message ("no memory may be locked here (RLIMIT_MEMLOCK): libsecret falls back to the heap");
      return;
    }
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer makes mlock() a no-op ("AddressSanitizer ignores mlock"): nothing is ever
   * locked under it, so only the builds without it can tell */
  g_test_message ("built with AddressSanitizer, which ignores mlock(): the keys cannot be locked");
  return;
#endif
  key = smm_secrets_lookup (secrets, 8, NULL, NULL);
  g_assert_cmpstr (key, ==, "other-key");
  g_assert_true (is_locked (key));
  smm_secrets_free_key (key);
  key = lookup_async (secrets, 8);
  g_assert_true (is_locked (key));
  smm_secrets_free_key (key);
  key = smm_secrets_dup_key (KEY);
  g_assert_cmpstr (key, ==, KEY);
  g_assert_true (is_locked (key));
  smm_secrets_free_key (key);
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
  assert_nonpageable (secrets);

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

  store_async (secrets, 9, KEY);
  key = smm_secrets_lookup (secrets, 9, NULL, &error);
  g_assert_cmpstr (key, ==, KEY);
  smm_secrets_free_key (key);
  remove_async (secrets, 9);
  g_assert_null (smm_secrets_lookup (secrets, 9, NULL, &error));
  g_assert_no_error (error);
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

/* Returns: whether /proc/self/environ, the memory of the environment the process started with, holds @text */
static gboolean
environ_holds (const char *text)
{
  g_autofree char *environ_block = NULL;
  gsize len;

  g_assert_true (g_file_get_contents ("/proc/self/environ", &environ_block, &len, NULL));
  return memmem (environ_block, len, text, strlen (text)) != NULL;
}

/* The command line's key from SMM_API_KEY: read once, then gone from the environment, from
 * /proc/self/environ and from children */
static void
test_take_env (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *child_out = NULL;
      char *key;

      g_assert_true (environ_holds ("SMM_API_KEY=" KEY));
      key = smm_process_take_env ("SMM_API_KEY");
      g_assert_cmpstr (key, ==, KEY);
      smm_secrets_free_key (key);
      g_assert_null (g_getenv ("SMM_API_KEY"));
      g_assert_false (environ_holds (KEY));
      g_assert_false (environ_holds ("SMM_API_KEY"));
      /* the rest of the environment is whole */
      g_assert_cmpstr (g_getenv ("SMM_TEST_AFTER"), ==, "still-here");
      g_assert_true (g_spawn_command_line_sync ("sh -c 'echo \"${SMM_API_KEY-unset}\"'", &child_out, NULL, NULL, NULL));
      g_assert_cmpstr (child_out, ==, "unset\n");
      g_assert_null (smm_process_take_env ("SMM_API_KEY"));
      return;
    }
  {
    g_auto(GStrv) envp = g_get_environ ();

    envp = g_environ_setenv (envp, "SMM_API_KEY", KEY, TRUE);
    envp = g_environ_setenv (envp, "SMM_TEST_AFTER", "still-here", TRUE);
    g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
  }
}

/* Every program's start turns core dumps off: no dump holds a key */
static void
test_no_core_dump (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit;

      smm_process_init ();
#ifdef __linux__
      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
#endif
      g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
      g_assert_cmpuint (limit.rlim_cur, ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/secrets/memory", test_memory);
  g_test_add_func ("/core/secrets/keyring", test_keyring);
  g_test_add_func ("/core/secrets/take-env", test_take_env);
  g_test_add_func ("/core/secrets/no-core-dump", test_no_core_dump);

  return g_test_run ();
}
