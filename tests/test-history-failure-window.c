/* test-history-failure-window.c: a history that cannot be opened: a window that says why, and the ways out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "smm-backup-chooser.h"
#include "smm-history-failure-window.h"
#include "smm-test-fixture.h"
#include "smm-window.h"

/* A history in a folder of its own: these tests never touch the user's data directory */
static char *
history_path (char **dir)
{
  *dir = smm_test_dir_new ("smm-history-XXXXXX");
  return g_build_filename (*dir, "smm-desk.db", NULL);
}

/* The application on the history at @path: registered (the history opened, or not), activated */
static SmmApplication *
start_app (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmmApplication *app;

  g_setenv ("SMM_DESK_STORE", path, TRUE);
  app = smm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  return app;
}

static GtkWindow *
active_window (SmmApplication *app)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static const char *
description (GtkWindow *window)
{
  GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (window));

  /* the toolbar view's content */
  for (GtkWidget *w = page; w; w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c; c = gtk_widget_get_next_sibling (c))
      if (ADW_IS_STATUS_PAGE (c))
        return adw_status_page_get_description (ADW_STATUS_PAGE (c));
  return NULL;
}

static void
close_app (SmmApplication *app)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  g_object_unref (app);
}

/* A text file where the history should be: the window says so in words, and a new history
 * keeps the old file, renamed beside it */
static void
test_garbage_then_new_history (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = history_path (&dir);
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SmmApplication *app;
  GtkWindow *window;

  g_assert_true (g_file_set_contents (path, "Orders to place on Monday\n", -1, NULL));
  app = start_app (path);
  g_assert_nonnull (smm_application_get_open_error (app));
  g_assert_null (smm_application_get_store (app));
  window = active_window (app);
  g_assert_true (SMM_IS_HISTORY_FAILURE_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (description (window), "damaged"));
  /* where the old file will be, said before anything is done */
  g_assert_nonnull (strstr (description (window), "renamed"));
  g_assert_nonnull (strstr (description (window), dir));

  /* "Try Again" fails the same way, and stays */
  g_assert_false (smm_application_open_history (app, &error));
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (smm_application_start_new_history (app, &kept, &error));
  g_assert_no_error (error);
  g_assert_true (SMM_IS_WINDOW (active_window (app)));
  g_assert_nonnull (smm_application_get_store (app));
  g_assert_null (smm_application_get_open_error (app));
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Orders to place on Monday\n");

  close_app (app);
  smm_test_dir_remove (dir);
}

/* A damaged history, then a backup restored from the failure window; then from the main window,
 * with the history open ("Restore History…") */
static void
test_restore (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = history_path (&dir);
  g_autofree char *backup = g_build_filename (dir, "good.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  SmmApplication *app;

  {
    g_autoptr(SmmStore) store = smm_test_store_open (path);
    g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");

    g_assert_true (smm_store_backup (store, backup, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (path, "garbage", -1, NULL));

  app = start_app (path);
  g_assert_true (SMM_IS_HISTORY_FAILURE_WINDOW (active_window (app)));
  g_assert_true (smm_application_restore_history (app, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (SMM_IS_WINDOW (active_window (app)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smm_application_get_accounts (app))), ==, 1);
  g_clear_pointer (&kept, g_free);

  /* the menu's Restore History…: the open history is closed, replaced and opened again */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "restore-history"));
  smm_test_account_add (smm_application_get_store (app), "Panel Two", "https://b.example/api/v2");
  g_assert_true (smm_application_restore_history (app, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_true (SMM_IS_WINDOW (active_window (app)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smm_application_get_accounts (app))), ==, 1);
  {
    g_autoptr(SmmStore) old = smm_test_store_open (kept);
    g_autoptr(GPtrArray) accounts = smm_store_list_accounts (old, NULL);

    g_assert_cmpuint (accounts->len, ==, 2);
  }

  close_app (app);
  smm_test_dir_remove (dir);
}

static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The widget of @type under @widget, depth first */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* "Open a Backup…" lists the automatic backups, newest first, with when each was made */
static void
test_backup_list (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = history_path (&dir);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  SmmApplication *app;
  GtkWidget *list;
  GtkListBoxRow *row;

  {
    g_autoptr(SmmStore) store = smm_test_store_open (path);
    g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");

    for (guint i = 0; i < 3; i++)
      g_free (smm_store_backup_now (store, NULL));
  }
  backups = smm_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_true (g_file_set_contents (path, "garbage", -1, NULL));

  app = start_app (path);
  smm_backup_chooser_choose_async (GTK_WIDGET (active_window (app)), path, NULL, chosen_cb, &result);
  list = find_widget (GTK_WIDGET (active_window (app)), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_path_get_basename (backups->pdata[i]);

      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, name);
      g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ":"));
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  chosen = smm_backup_chooser_choose_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, backups->pdata[1]);

  close_app (app);
  smm_test_dir_remove (dir);
}

/* The accounts of these histories have no key: the keyring, when there is one, says so */
static gboolean
no_key_is_not_fatal (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  return !(level & G_LOG_LEVEL_WARNING) || strstr (message, "keyring") == NULL;
}

/* Each in a process of its own: a process registers one application */
static void
in_subprocess (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_test_log_set_fatal_handler (no_key_is_not_fatal, NULL);
      ((GTestFunc) data) ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/ui/history-failure-window/garbage-then-new-history", test_garbage_then_new_history,
                        in_subprocess);
  g_test_add_data_func ("/ui/history-failure-window/restore", test_restore, in_subprocess);
  g_test_add_data_func ("/ui/history-failure-window/backup-list", test_backup_list, in_subprocess);

  return g_test_run ();
}
