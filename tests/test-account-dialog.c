/* test-account-dialog.c: the account editor checks a new key and address with the panel before
 * it saves them, and saves a failed one only when the user says so; a removed account's editor
 * closes once the removal has answered, even when it was closed first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "smm-account-dialog.h"
#include "smm-test-canned.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"
#include "test-ui-util.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *account;

/* Iterates the main context until the dialog has said something of the check */
static const char *
wait_result (SmmAccountDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*smm_account_dialog_get_result (dialog) == '\0' && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return smm_account_dialog_get_result (dialog);
}

static void
test_failed_check (void)
{
  g_autoptr(SmmTestCanned) panel = smm_test_canned_new ();
  g_autofree char *url = smm_test_canned_dup_url (panel);
  SmmAccountDialog *dialog = smm_account_dialog_new (GTK_WINDOW (window), app, NULL);
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (app));
  guint n_accounts = g_list_model_get_n_items (accounts);

  /* a wrong key: the panel's words (tests/data/replies), and nothing saved */
  smm_test_canned_set_reply (panel, "balance", "error-invalid-key.json");
  smm_account_dialog_fill (dialog, "Checked", url, "wrong-key");
  g_assert_cmpstr (smm_account_dialog_get_save_label (dialog), ==, "_Save");
  smm_account_dialog_save (dialog);
  g_assert_nonnull (strstr (wait_result (dialog), "does not accept this API key"));
  g_assert_cmpuint (smm_test_canned_count (panel, "balance"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, n_accounts);
  /* saving it all the same is the user's choice */
  g_assert_cmpstr (smm_account_dialog_get_save_label (dialog), ==, "Save _Anyway");

  /* what failed is no longer what would be saved: checked again */
  smm_account_dialog_fill (dialog, "Checked", url, "another-key");
  g_assert_cmpstr (smm_account_dialog_get_save_label (dialog), ==, "_Save");

  /* an address that answers as no panel does */
  smm_test_canned_set (panel, "balance", "<html><body>Welcome</body></html>");
  smm_account_dialog_save (dialog);
  g_assert_nonnull (strstr (wait_result (dialog), "does not answer as a panel’s API"));
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, n_accounts);
  g_assert_cmpstr (smm_account_dialog_get_save_label (dialog), ==, "Save _Anyway");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Removing an account closes its editor once the removal has answered, after the question has
 * closed. The editor destroyed before that (its window closed) is not destroyed a second time from
 * a dangling pointer: what answers holds it, and lets it go. */
static void
test_remove_then_destroyed (void)
{
  SmmStore *store = smm_application_get_store (app);
  GListStore *accounts = smm_application_get_accounts (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmAccount) demo = smm_store_add_account (store, "Demo", SMM_DEMO_ENDPOINT, &error);
  SmmAccountDialog *dialog = NULL;
  AdwDialog *question;
  guint position;

  g_assert_no_error (error);
  g_list_store_append (accounts, demo);
  dialog = smm_account_dialog_new (GTK_WINDOW (window), app, demo);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (dialog), "_Remove Account"), "clicked");
  question = adw_window_get_visible_dialog (ADW_WINDOW (dialog));
  g_assert_true (ADW_IS_ALERT_DIALOG (question));
  test_alert_respond (ADW_ALERT_DIALOG (question), "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));   /* before the removal has answered */

  while (g_list_store_find (accounts, demo, &position))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (dialog);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  /* directories and a history of its own, never the user's */
  dir = smm_test_ui_init (&argc, &argv);
  adw_init ();
  window = smm_test_window_new (&app, &account);

  g_test_add_func ("/ui/account-dialog/failed-check", test_failed_check);
  g_test_add_func ("/ui/account-dialog/remove-then-destroyed", test_remove_then_destroyed);
  status = g_test_run ();

  smm_test_window_destroy (window, app, account);
  smm_test_dir_remove (dir);
  return status;
}
