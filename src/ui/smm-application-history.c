/* smm-application-history.c: the application's order history: when it cannot be opened, restoring it
 *
 * On any failure to open the history the application shows SmmHistoryFailureWindow instead of
 * the main window: Try Again, Open a Backup…, Start a New History (the old file kept, renamed).
 * Restoring a backup (that window, or the main menu's Restore History…) closes the windows and
 * the history, so that its lock goes, replaces the file and opens it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-application-private.h"
#include "smm-backup-chooser.h"
#include "smm-history-failure-window.h"
#include "smm-question.h"
#include "smm-timing.h"
#include "smm-window.h"

/* Iterates the main context until every pointer of @gone is %NULL (weak pointers), for 5 s at most */
static gboolean
wait_until_gone (GPtrArray *gone)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean all_gone = FALSE;

  while (!all_gone && g_get_monotonic_time () < deadline)
    {
      all_gone = TRUE;
      for (guint i = 0; i < gone->len; i++)
        all_gone &= *(gpointer *) gone->pdata[i] == NULL;
      if (!all_gone && !g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  return all_gone;
}

/* Closes every window (each cancels what it was doing), then lets the history go, up to its
 * file and its lock. */
static gboolean
close_history (SmmApplication  *self,
               GError         **error)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  gpointer *store;
  gboolean closed;

  for (GList *l = windows; l; l = l->next)
    {
      gpointer *window = g_new (gpointer, 1);

      *window = l->data;
      g_object_add_weak_pointer (G_OBJECT (l->data), window);
      g_ptr_array_add (gone, window);
      gtk_window_close (l->data);
    }
  g_list_free (windows);
  wait_until_gone (gone);
  if (self->store == NULL)
    return TRUE;

  store = g_new (gpointer, 1);
  *store = self->store;
  g_object_add_weak_pointer (G_OBJECT (self->store), store);
  g_ptr_array_add (gone, store);
  g_clear_object (&self->tracker);
  g_clear_object (&self->actions);
  g_clear_object (&self->pool);
  g_list_store_remove_all (self->accounts);
  g_clear_object (&self->store);
  closed = wait_until_gone (gone);
  for (guint i = 0; i < gone->len; i++)
    if (*(gpointer *) gone->pdata[i])
      g_object_remove_weak_pointer (*(gpointer *) gone->pdata[i], gone->pdata[i]);
  if (!closed)
    g_set_error_literal (error, SMM_STORE_ERROR, SMM_STORE_ERROR_BUSY,
                         _("The order history is still in use: quit SMM Desk and restore it with "
                           "“smm-desk-cli restore”."));
  return closed;
}

/* The main window once the history is open, the failure window otherwise */
void
_smm_application_present_window (SmmApplication *self,
                                 const char     *toast)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    {
      if (!SMM_IS_HISTORY_FAILURE_WINDOW (window))
        window = GTK_WINDOW (smm_history_failure_window_new (self, self->open_error));
      gtk_window_present (window);
      return;
    }
  if (window == NULL || SMM_IS_HISTORY_FAILURE_WINDOW (window))
    {
      if (window)
        gtk_window_destroy (window);
      smm_timing_mark ("accounts-connected");
      window = GTK_WINDOW (smm_window_new (self));
      smm_timing_mark ("window-built");
      smm_timing_watch_window (window);
    }
  gtk_window_present (window);
  if (toast)
    smm_window_toast (SMM_WINDOW (window), toast);
}

/* Returns: (nullable): why the order history could not be opened; %NULL once it is open */
const GError *
smm_application_get_open_error (SmmApplication *self)
{
  return self->open_error;
}

/* Returns: the file of the order history, whether it opened or not */
const char *
smm_application_get_store_path (SmmApplication *self)
{
  return self->store_path;
}

/**
 * smm_application_open_history:
 *
 * Opens the history again (the failure window's "Try Again"), and shows the main window once
 * it is open.
 */
gboolean
smm_application_open_history (SmmApplication  *self,
                              GError         **error)
{
  if (self->store == NULL && !_smm_application_open_store (self, error))
    return FALSE;
  _smm_application_present_window (self, NULL);
  return TRUE;
}

/* Opens the history after its file was replaced; the failure window says why not */
static void
reopen_after (SmmApplication *self,
              const char     *toast)
{
  g_clear_error (&self->open_error);
  if (!_smm_application_open_store (self, &self->open_error))
    g_message ("The order history could not be opened: %s", self->open_error->message);
  _smm_application_present_window (self, self->store ? toast : NULL);
}

/**
 * smm_application_restore_history:
 * @kept: (out) (optional): where the history that was replaced is kept
 *
 * Closes the history and its windows, replaces the history with @backup (checked first;
 * the current file is kept beside it, dated), and opens it again.
 */
gboolean
smm_application_restore_history (SmmApplication  *self,
                                 const char      *backup,
                                 char           **kept,
                                 GError         **error)
{
  g_autofree char *replaced = NULL;
  g_autofree char *when = smm_backup_chooser_describe (backup);
  g_autofree char *toast = NULL;
  gboolean restored;

  /* the check first, while the history is still open */
  if (!smm_store_check_file (backup, error))
    return FALSE;
  g_application_hold (G_APPLICATION (self));
  /* the windows go only to let an open history go: the failure window stays to say what failed */
  restored = (self->store == NULL || close_history (self, error)) &&
             smm_store_restore (self->store_path, backup, &replaced, error);
  if (restored)
    toast = replaced ? g_strdup_printf (_("The history is restored from the backup of %s. The one it replaced "
                                          "is kept as %s."), when, replaced)
                     : g_strdup_printf (_("The history is restored from the backup of %s."), when);
  if (self->store == NULL && (restored || gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL))
    reopen_after (self, toast);
  g_application_release (G_APPLICATION (self));
  if (kept)
    *kept = g_steal_pointer (&replaced);
  return restored;
}

/**
 * smm_application_start_new_history:
 * @kept: (out) (optional): where the old history is kept
 *
 * When the history cannot be opened: renames its file beside it with the date (never deletes
 * it), and starts a new, empty one.
 */
gboolean
smm_application_start_new_history (SmmApplication  *self,
                                   char           **kept,
                                   GError         **error)
{
  g_autofree char *old = NULL;
  g_autofree char *toast = NULL;

  g_return_val_if_fail (self->store == NULL, FALSE);
  if (g_file_test (self->store_path, G_FILE_TEST_EXISTS) && (old = smm_store_set_aside (self->store_path, error)) == NULL)
    return FALSE;
  if (!_smm_application_open_store (self, error))
    return FALSE;
  if (old)
    toast = g_strdup_printf (_("A new history is started. The old one is kept as %s."), old);
  _smm_application_present_window (self, toast);
  if (kept)
    *kept = g_steal_pointer (&old);
  return TRUE;
}

static void
restore_confirmed_cb (AdwAlertDialog *dialog,
                      GAsyncResult   *result,
                      gpointer        data)
{
  g_autofree char *backup = data;
  SmmApplication *self = SMM_APPLICATION (g_application_get_default ());
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "replace"))
    return;
  if (!smm_application_restore_history (self, backup, NULL, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (SMM_IS_WINDOW (window))
        smm_window_toast (SMM_WINDOW (window), error->message);
      else
        g_message ("%s", error->message);
    }
}

static void
restore_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  SmmApplication *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = smm_backup_chooser_choose_finish (result, &error);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAlertDialog *question;

  if (backup == NULL || window == NULL)
    return;
  if (!smm_store_check_file (backup, &error))
    {
      if (SMM_IS_WINDOW (window))
        smm_window_toast (SMM_WINDOW (window), error->message);
      return;
    }
  when = smm_backup_chooser_describe (backup);
  /* Translators: %s is when the backup was made */
  body = g_strdup_printf (_("The history SMM Desk has now is replaced by the backup of %s. The current one is "
                            "kept as a copy beside it, renamed with today’s date. Orders placed since the "
                            "backup are only in that copy."), when);
  question = smm_question_new (_("Replace the Order History?"), body, "cancel", _("_Cancel"), "replace",
                               _("_Replace"), ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_choose (question, GTK_WIDGET (window), NULL, (GAsyncReadyCallback) restore_confirmed_cb,
                           g_steal_pointer (&backup));
}

void
_smm_application_restore_history_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       data)
{
  SmmApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window)
    smm_backup_chooser_choose_async (GTK_WIDGET (window), self->store_path, NULL, restore_chosen_cb, self);
}

