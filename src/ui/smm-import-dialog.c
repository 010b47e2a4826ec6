/* smm-import-dialog.c: adding orders placed on the panel's web site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-import-dialog.h"

struct _SmmImportDialog
{
  AdwWindow    parent_instance;

  GtkButton   *import_button;
  GtkSpinner  *spinner;
  GtkLabel    *intro_label;
  GtkTextView *text_view;
  GtkLabel    *result_label;

  SmmWindow   *window;
  SmmAccount  *account;
  gboolean     importing;
};

G_DEFINE_FINAL_TYPE (SmmImportDialog, smm_import_dialog, ADW_TYPE_WINDOW)

/* Order ids as people paste them: separated by spaces, commas, semicolons or lines */
static GArray *
read_ids (SmmImportDialog *self,
          guint           *n_bad)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  *n_bad = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  parts = g_strsplit_set (text, " ,;\t\r\n#", -1);
  for (guint i = 0; parts[i]; i++)
    {
      guint64 id;

      if (*parts[i] == '\0')
        continue;
      if (g_ascii_string_to_unsigned (parts[i], 10, 1, G_MAXINT64, &id, NULL))
        g_array_append_val (ids, id);
      else
        (*n_bad)++;
    }
  return ids;
}

static void
text_changed_cb (SmmImportDialog *self)
{
  guint n_bad;
  g_autoptr(GArray) ids = read_ids (self, &n_bad);

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ids->len > 0 && n_bad == 0 && !self->importing);
  if (n_bad)
    gtk_label_set_label (self->result_label, _("Only order IDs (numbers) can be imported."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order ID", "%u order IDs",
                                                            ids->len), ids->len);
      gtk_label_set_label (self->result_label, text);
    }
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SmmImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0, n_unknown = 0, n_unanswered = 0, n_there;
  g_autoptr(GPtrArray) replies = smm_order_actions_import_finish (SMM_ORDER_ACTIONS (object), result, &n_added, &error);
  g_autofree char *text = NULL;

  self->importing = FALSE;
  g_application_release (g_application_get_default ());
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  if (self->window == NULL)
    return;
  if (replies == NULL)
    {
      gtk_label_set_label (self->result_label, error->message);
      return;
    }
  /* every id is accounted for: imported, already in the history, unknown to the panel, or left
   * out of its answer */
  for (guint i = 0; i < replies->len; i++)
    {
      const GError *reply_error = smm_order_get_error (replies->pdata[i]);

      if (g_error_matches (reply_error, SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER))
        n_unanswered++;
      else if (reply_error != NULL)
        n_unknown++;
    }
  n_there = replies->len - MIN (replies->len, n_added + n_unknown + n_unanswered);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order imported.", "%u orders imported.", n_added),
                          n_added);
  smm_window_toast (self->window, text);
  smm_window_orders_changed (self->window);
  if (n_unknown == 0 && n_unanswered == 0 && n_there == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  {
    g_autoptr(GString) told = g_string_new (text);

    if (n_there)
      {
        g_string_append_c (told, ' ');
        g_string_append_printf (told, g_dngettext (GETTEXT_PACKAGE, "%u was already in the history.",
                                                   "%u were already in the history.", n_there), n_there);
      }
    if (n_unknown)
      {
        g_string_append_c (told, ' ');
        g_string_append_printf (told, g_dngettext (GETTEXT_PACKAGE, "The panel does not know %u ID.",
                                                   "The panel does not know %u IDs.", n_unknown), n_unknown);
      }
    if (n_unanswered)
      {
        g_string_append_c (told, ' ');
        g_string_append_printf (told, g_dngettext (GETTEXT_PACKAGE, "The panel did not answer for %u ID: try it again.",
                                                   "The panel did not answer for %u IDs: try them again.",
                                                   n_unanswered), n_unanswered);
      }
    gtk_label_set_label (self->result_label, told->str);
  }
}

static void
import_clicked_cb (SmmImportDialog *self)
{
  guint n_bad;
  g_autoptr(GArray) ids = read_ids (self, &n_bad);
  SmmOrderActions *actions = smm_application_get_actions (smm_window_get_app (self->window));

  if (ids->len == 0 || n_bad || self->importing)
    return;
  self->importing = TRUE;
  g_application_hold (g_application_get_default ());
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  smm_order_actions_import_async (actions, smm_account_get_id (self->account), (gint64 *) ids->data, ids->len, NULL,
                            import_cb, g_object_ref (self));
}

static void
smm_import_dialog_dispose (GObject *object)
{
  SmmImportDialog *self = SMM_IMPORT_DIALOG (object);

  if (self->window)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (smm_import_dialog_parent_class)->dispose (object);
}

static void
smm_import_dialog_class_init (SmmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SmmImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmmImportDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SmmImportDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, SmmImportDialog, result_label);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smm_import_dialog_init (SmmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb),
                            self);
}

SmmImportDialog *
smm_import_dialog_new (SmmWindow  *window,
                       SmmAccount *account)
{
  SmmImportDialog *self = g_object_new (SMM_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  g_autofree char *intro = NULL;

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->account = g_object_ref (account);
  intro = g_strdup_printf (_("Paste the IDs of orders you placed on the web site of “%s”. SMM Desk asks the panel "
                             "for their status and follows them from now on."), smm_account_get_name (account));
  gtk_label_set_label (self->intro_label, intro);
  text_changed_cb (self);
  return self;
}
