/* smm-backup-chooser.c: choosing a backup of the order history to restore
 *
 * The automatic backups are listed newest first, with the date each was made; "Choose a
 * File…" opens any other file (a backup made with `smm-desk-cli backup`). The rows are the
 * backups found on disk, so they are made here, not in a template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-backup-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-backup-chooser.h"
#include "smm-store.h"

typedef struct {
  GtkWidget *parent;
  char      *chosen;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_free (choice->chosen);
  g_free (choice);
}

/* Returns: "1 December 2026, 19:25", when @backup was made */
char *
smm_backup_chooser_describe (const char *backup)
{
  g_autoptr(GFile) file = g_file_new_for_path (backup);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  g_autoptr(GDateTime) utc = info ? g_file_info_get_modification_date_time (info) : NULL;
  g_autoptr(GDateTime) made = utc ? g_date_time_to_local (utc) : NULL;

  /* Translators: when a backup was made, as in "1 December 2026, 19:25" (a strftime format) */
  return made ? g_date_time_format (made, _("%e %B %Y, %H:%M")) : g_path_get_basename (backup);
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_file_get_path (file), g_free);
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             gpointer        data)
{
  g_autoptr(GTask) task = data;
  Choice *choice = g_task_get_task_data (task);
  g_autoptr(GtkFileDialog) files = NULL;
  GtkRoot *root;

  if (choice->chosen)
    {
      g_task_return_pointer (task, g_steal_pointer (&choice->chosen), g_free);
      return;
    }
  if (!g_str_equal (response, "file"))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No backup was chosen."));
      return;
    }
  files = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (files, _("Open a Backup of the Order History"));
  root = gtk_widget_get_root (choice->parent);
  gtk_file_dialog_open (files, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, g_task_get_cancellable (task),
                        file_chosen_cb, g_steal_pointer (&task));
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  AdwAlertDialog *dialog)
{
  GTask *task = g_object_get_data (G_OBJECT (dialog), "task");
  Choice *choice = g_task_get_task_data (task);

  g_free (choice->chosen);
  choice->chosen = g_strdup (g_object_get_data (G_OBJECT (row), "backup"));
  adw_dialog_close (ADW_DIALOG (dialog));
}

/**
 * smm_backup_chooser_choose_async:
 * @store_path: (nullable): the history whose backups to list; %NULL for the default one
 *
 * Asks which backup to restore: one of the automatic backups, or a file.
 */
void
smm_backup_chooser_choose_async (GtkWidget           *parent,
                                 const char          *store_path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GPtrArray) backups = smm_store_list_backups (store_path);
  g_autofree char *dir = smm_store_get_backup_dir (store_path);
  g_autofree char *body = NULL;
  Choice *choice = g_new0 (Choice, 1);
  AdwAlertDialog *dialog;
  GtkWidget *list;

  g_task_set_source_tag (task, smm_backup_chooser_choose_async);
  choice->parent = g_object_ref (parent);
  g_task_set_task_data (task, choice, (GDestroyNotify) choice_free);

  if (backups->len == 0)
    /* Translators: %s is a folder */
    body = g_strdup_printf (_("There are no automatic backups in %s yet. SMM Desk makes one a day, and "
                              "before each upgrade of the history."), dir);
  else
    body = g_strdup_printf (_("SMM Desk keeps a backup a day, the last 7, in %s."), dir);
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Open a Backup"), body));
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "file", _("Choose a _File…"), NULL);
  adw_alert_dialog_set_close_response (dialog, "cancel");

  if (backups->len > 0)
    {
      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      for (guint i = 0; i < backups->len; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *when = smm_backup_chooser_describe (backups->pdata[i]);
          g_autofree char *name = g_path_get_basename (backups->pdata[i]);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data_full (G_OBJECT (row), "backup", g_strdup (backups->pdata[i]), g_free);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), dialog);
      adw_alert_dialog_set_extra_child (dialog, list);
    }
  g_object_set_data (G_OBJECT (dialog), "task", task);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), g_steal_pointer (&task));
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

/* Returns: (transfer full): the chosen backup's file; %NULL and %G_IO_ERROR_CANCELLED if none */
char *
smm_backup_chooser_choose_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
