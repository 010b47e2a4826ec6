/* smm-test-ui-fixture.c: what the tests of the GTK views make the same way: directories of their
 * own, the application, a window of it, and an account to order on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-test-ui-fixture"

#include "config.h"

#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"

/**
 * smm_test_ui_init:
 *
 * gtk_test_init(), in directories of the test's own, made first: HOME, the XDG
 * directories and the order history (SMM_DESK_STORE) are in a new temporary directory, never the
 * user's. gtk_test_init() cannot isolate them as g_test_init (G_TEST_OPTION_ISOLATE_DIRS) does,
 * and the window these tests share is made before any test case runs.
 *
 * Returns: (transfer full): the directory, for smm_test_dir_remove() at the end
 */
char *
smm_test_ui_init (int    *argc,
                  char ***argv)
{
  char *dir = smm_test_dir_new ("smm-test-ui-XXXXXX");
  const struct { const char *variable, *name; } dirs[] = {
    { "HOME", "home" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
    { "SMM_DESK_STORE", "smm-desk.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dir, dirs[i].name, NULL);
      g_setenv (dirs[i].variable, path, TRUE);
    }
  gtk_test_init (argc, argv, NULL);
  return dir;
}

/* The application, registered but not unique, and a window of it; @account is account 1, "Test",
 * in USD, of a panel that is never asked */
SmmWindow *
smm_test_window_new (SmmApplication **app,
                     SmmAccount     **account)
{
  g_autoptr(GError) error = NULL;

  *app = smm_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, &error));
  g_assert_no_error (error);
  *account = smm_account_new (1, "Test", "https://panel.example/api/v2");
  smm_account_set_currency (*account, "USD");
  return smm_window_new (*app);
}

/* Destroys what smm_test_window_new() made: nothing may hold the account */
void
smm_test_window_destroy (SmmWindow      *window,
                         SmmApplication *app,
                         SmmAccount     *account)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (account);
  /* FIXME: something in the application holds a second reference to it, so it outlives this */
  g_object_unref (app);
}
