/* smm-test-ui-fixture.c: what the tests of the GTK views make the same way: the application, a
 * window of it, and an account to order on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-test-ui-fixture"

#include "config.h"

#include "smm-test-ui-fixture.h"

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
