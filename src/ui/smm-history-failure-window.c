/* smm-history-failure-window.c: the window shown when the order history cannot be opened
 *
 * A read-only folder, a truncated or damaged file, a text file where the history should be:
 * the window says what happened in words, and offers to try again, to restore a backup, or to
 * start a new history. The old file is never deleted: a new history renames it beside itself
 * with the date, and the window says where before anything is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-history-failure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-backup-chooser.h"
#include "smm-history-failure-window.h"

struct _SmmHistoryFailureWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;
  GtkLabel             *problem_label;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SmmHistoryFailureWindow, smm_history_failure_window, ADW_TYPE_APPLICATION_WINDOW)

static SmmApplication *
get_app (SmmHistoryFailureWindow *self)
{
  return SMM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* What went wrong this time, under the buttons */
static void
show_problem (SmmHistoryFailureWindow *self,
              const GError            *error)
{
  gtk_label_set_label (self->problem_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static void
describe (SmmHistoryFailureWindow *self,
          const GError            *error)
{
  g_autofree char *path = g_strdup (smm_application_get_store_path (get_app (self)));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  const char *advice;
  g_autofree char *text = NULL;

  if (g_error_matches (error, SMM_STORE_ERROR, SMM_STORE_ERROR_CORRUPT))
    advice = _("Restore a backup, or start a new history.");
  else if (g_error_matches (error, SMM_STORE_ERROR, SMM_STORE_ERROR_READ_ONLY))
    advice = _("SMM Desk must be able to write the history. Free some space or fix the folder’s permissions, "
               "then try again.");
  else if (g_error_matches (error, SMM_STORE_ERROR, SMM_STORE_ERROR_TOO_NEW))
    advice = _("Update SMM Desk, or restore a backup made by this version.");
  else
    advice = _("Try again, restore a backup, or start a new history.");
  /* Translators: the reason the history could not be opened, what to do, then where the old file goes */
  text = g_strdup_printf (_("%s\n\n%s\n\nStarting a new history keeps the old file: it is renamed to "
                            "%s.old- and today’s date, in %s."),
                          error->message, advice, name, dir);
  adw_status_page_set_description (self->status_page, text);
}

static void
retry_clicked_cb (SmmHistoryFailureWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!smm_application_open_history (get_app (self), &error))
    {
      describe (self, error);
      show_problem (self, error);
    }
}

static void
backup_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(SmmHistoryFailureWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = smm_backup_chooser_choose_finish (result, &error);
  g_autofree char *kept = NULL;

  if (backup == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
        show_problem (self, error);
      return;
    }
  if (!smm_application_restore_history (get_app (self), backup, &kept, &error))
    show_problem (self, error);
}

static void
backup_clicked_cb (SmmHistoryFailureWindow *self)
{
  smm_backup_chooser_choose_async (GTK_WIDGET (self), smm_application_get_store_path (get_app (self)),
                                   self->cancellable, backup_chosen_cb, g_object_ref (self));
}

static void
new_clicked_cb (SmmHistoryFailureWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!smm_application_start_new_history (get_app (self), &kept, &error))
    show_problem (self, error);
}

static void
smm_history_failure_window_dispose (GObject *object)
{
  SmmHistoryFailureWindow *self = SMM_HISTORY_FAILURE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_HISTORY_FAILURE_WINDOW);

  G_OBJECT_CLASS (smm_history_failure_window_parent_class)->dispose (object);
}

static void
smm_history_failure_window_class_init (SmmHistoryFailureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_history_failure_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-history-failure-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmHistoryFailureWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SmmHistoryFailureWindow, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
}

static void
smm_history_failure_window_init (SmmHistoryFailureWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

SmmHistoryFailureWindow *
smm_history_failure_window_new (SmmApplication *application,
                                const GError   *error)
{
  SmmHistoryFailureWindow *self = g_object_new (SMM_TYPE_HISTORY_FAILURE_WINDOW, "application", application, NULL);

  describe (self, error);
  return self;
}
