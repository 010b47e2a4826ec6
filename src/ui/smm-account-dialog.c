/* smm-account-dialog.c: adding or editing a panel account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-account-check.h"
#include "smm-account-dialog.h"
#include "smm-key-row.h"
#include "smm-question.h"

struct _SmmAccountDialog
{
  AdwWindow       parent_instance;

  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *preset_row;
  AdwEntryRow    *url_row;
  AdwEntryRow    *key_row;
  GtkSpinner     *test_spinner;
  GtkButton      *test_button;
  GtkLabel       *result_label;
  GtkWidget      *remove_group;

  SmmApplication *app;
  SmmAccount     *account;     /* NULL: a new one */
  GCancellable   *cancellable;
  gboolean        save_anyway; /* the check failed and the user may save all the same */
};

G_DEFINE_FINAL_TYPE (SmmAccountDialog, smm_account_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
url_text (SmmAccountDialog *self)
{
  guint n_presets;
  const SmmAccountPreset *presets = smm_account_get_presets (&n_presets);
  guint selected = adw_combo_row_get_selected (self->preset_row);

  if (selected < n_presets)
    return presets[selected].endpoint;
  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

static void
changed_cb (SmmAccountDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  gboolean ok = *name && smm_client_check_endpoint (url_text (self), NULL) && (*key || self->account);

  /* what failed the check is not what is saved any more */
  self->save_anyway = FALSE;
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button),
                            smm_client_check_endpoint (url_text (self), NULL) && *key);
}

static void
preset_changed_cb (SmmAccountDialog *self)
{
  guint n_presets;
  const SmmAccountPreset *presets = smm_account_get_presets (&n_presets);
  guint selected = adw_combo_row_get_selected (self->preset_row);

  gtk_widget_set_visible (GTK_WIDGET (self->url_row), selected >= n_presets);
  if (selected < n_presets && *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), presets[selected].name);
  changed_cb (self);
}

static void
show_result (SmmAccountDialog *self,
             const char       *text,
             gboolean          good)
{
  gtk_label_set_label (self->result_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), good ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), good ? "success" : "error");
}

/* Asks the panel for the balance with the key typed; @then runs with the answer */
static void
check (SmmAccountDialog    *self,
       GAsyncReadyCallback  then)
{
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  gtk_spinner_set_spinning (self->test_spinner, TRUE);
  gtk_label_set_label (self->result_label, "");
  smm_account_check_async (url_text (self), gtk_editable_get_text (GTK_EDITABLE (self->key_row)),
                           self->cancellable, then, g_object_ref (self));
}

/* Returns: whether the panel answered; its answer or its error shown */
static gboolean
checked (SmmAccountDialog *self,
         GAsyncResult     *result,
         SmmMoney         *balance,
         char            **currency,
         gboolean         *cancelled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;

  *cancelled = FALSE;
  if (!smm_account_check_finish (result, balance, currency, &error))
    {
      *cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      if (!*cancelled)
        {
          gtk_spinner_set_spinning (self->test_spinner, FALSE);
          show_result (self, error->message, FALSE);
        }
      return FALSE;
    }
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  amount = smm_money_format_with_currency (*balance, *currency);
  text = g_strdup_printf (_("Connected. The balance is %s."), amount);
  show_result (self, text, TRUE);
  return TRUE;
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(SmmAccountDialog) self = data;
  g_autofree char *currency = NULL;
  SmmMoney balance;
  gboolean cancelled;

  checked (self, result, &balance, &currency, &cancelled);
}

static void
test_clicked_cb (SmmAccountDialog *self)
{
  check (self, test_cb);
}

static void save (SmmAccountDialog *self,
                  const SmmMoney   *balance,
                  const char       *currency);

/* Saving checks the key and the address first: a failed check offers "Save Anyway" */
static void
save_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(SmmAccountDialog) self = data;
  g_autofree char *currency = NULL;
  SmmMoney balance;
  gboolean cancelled;

  if (checked (self, result, &balance, &currency, &cancelled))
    save (self, &balance, currency);
  else if (!cancelled)
    {
      self->save_anyway = TRUE;
      gtk_button_set_label (self->save_button, _("Save _Anyway"));
    }
}

static void
save_clicked_cb (SmmAccountDialog *self)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  /* a new key or address is checked; a new name alone needs no panel */
  if (*key && !self->save_anyway)
    check (self, save_checked_cb);
  else
    save (self, NULL, NULL);
}

/* The account is in the history and its key, if new, in the keyring: it gets its client, and the
 * dialog closes. @key: (nullable): the new key; %NULL: the keyring's */
static void
finish_save (SmmAccountDialog *self,
             SmmAccount       *account,
             const char       *key,
             const SmmMoney   *balance,
             const char       *currency)
{
  SmmStore *store = smm_application_get_store (self->app);
  g_autoptr(GError) error = NULL;

  if (!smm_application_connect_account (self->app, account, key, &error))
    {
      show_result (self, error->message, FALSE);
      return;
    }
  if (balance && smm_store_set_balance (store, smm_account_get_id (account), *balance, currency, NULL))
    {
      smm_account_set_balance (account, balance);
      smm_account_set_balance_time (account, g_get_real_time () / G_USEC_PER_SEC);
      if (currency && *currency)
        smm_account_set_currency (account, currency);
    }
  if (self->account == NULL)
    g_list_store_append (smm_application_get_accounts (self->app), account);
  g_signal_emit (self, signals[SAVED], 0, account);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A save waiting for the keyring, which may first ask the user to unlock it */
typedef struct {
  SmmAccountDialog *self;
  SmmAccount       *account;
  char             *key;          /* non-pageable: smm_secrets_dup_key() */
  gboolean          has_balance;
  SmmMoney          balance;
  char             *currency;
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_object (&saving->self);
  g_clear_object (&saving->account);
  g_clear_pointer (&saving->key, smm_secrets_free_key);
  g_free (saving->currency);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
key_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(Saving) saving = data;
  SmmAccountDialog *self = saving->self;
  g_autoptr(GError) error = NULL;

  if (!smm_secrets_store_finish (SMM_SECRETS (object), result, &error))
    {
      /* a new account without its key is no account */
      if (self->account == NULL)
        smm_store_archive_account (smm_application_get_store (self->app), smm_account_get_id (saving->account), NULL);
      /* closed meanwhile: nothing to show it in */
      if (self->cancellable == NULL)
        return;
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
      show_result (self, error->message, FALSE);
      return;
    }
  if (self->cancellable == NULL)
    return;
  finish_save (self, saving->account, saving->key, saving->has_balance ? &saving->balance : NULL,
               saving->currency);
}

/* @balance: (nullable): what the check read, kept with the account */
static void
save (SmmAccountDialog *self,
      const SmmMoney   *balance,
      const char       *currency)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *url = url_text (self);
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  SmmStore *store = smm_application_get_store (self->app);
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  Saving *saving;

  if (!smm_client_check_endpoint (url, &error))
    {
      show_result (self, error->message, FALSE);
      return;
    }
  if (self->account)
    {
      g_autoptr(SmmAccount) staged = smm_account_new (smm_account_get_id (self->account), name, url);

      /* the key of one panel is never sent to another: a new address needs its key */
      if (g_strcmp0 (url, smm_account_get_endpoint (self->account)) != 0 && *key == '\0')
        {
          show_result (self, _("Enter the API key for the new address."), FALSE);
          return;
        }
      if (!smm_store_update_account (store, staged, &error))
        goto fail;
      account = g_object_ref (self->account);
      smm_account_set_name (account, name);
      smm_account_set_endpoint (account, url);
    }
  else if ((account = smm_store_add_account (store, name, url, &error)) == NULL)
    goto fail;

  if (*key == '\0')
    {
      finish_save (self, account, NULL, balance, currency);
      return;
    }
  saving = g_new0 (Saving, 1);
  saving->self = g_object_ref (self);
  saving->account = g_object_ref (account);
  saving->key = smm_secrets_dup_key (key);
  saving->has_balance = balance != NULL;
  saving->balance = balance ? *balance : (SmmMoney) { 0 };
  saving->currency = g_strdup (currency);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  smm_secrets_store_async (smm_application_get_secrets (self->app), smm_account_get_id (account), name, key,
                           self->cancellable, key_stored_cb, saving);
  return;

fail:
  show_result (self, error->message, FALSE);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(SmmAccountDialog) self = data;
  g_autoptr(GError) error = NULL;

  if (!smm_application_remove_account_finish (SMM_APPLICATION (object), result, &error))
    {
      if (self->cancellable != NULL)
        show_result (self, error->message, FALSE);
      return;
    }
  /* the question that asked has closed by now; the dialog may have been closed too */
  if (self->cancellable != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
remove_response_cb (AdwAlertDialog   *dialog,
                    const char       *response,
                    SmmAccountDialog *self)
{
  if (g_strcmp0 (response, "remove") != 0)
    return;
  /* not cancelled when the dialog closes: the user asked for it */
  smm_application_remove_account_async (self->app, self->account, NULL, removed_cb, g_object_ref (self));
}

static void
remove_clicked_cb (SmmAccountDialog *self)
{
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), smm_account_get_name (self->account));
  AdwAlertDialog *dialog =
    smm_question_new (heading, _("Its API key leaves the keyring. Its orders stay in the history."),
                      "cancel", _("_Cancel"), "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);

  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
smm_account_dialog_dispose (GObject *object)
{
  SmmAccountDialog *self = SMM_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (smm_account_dialog_parent_class)->dispose (object);
}

static void
smm_account_dialog_class_init (SmmAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_account_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, SMM_TYPE_ACCOUNT);

  g_type_ensure (SMM_TYPE_KEY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, SmmAccountDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smm_account_dialog_init (SmmAccountDialog *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint n_presets;
  const SmmAccountPreset *presets = smm_account_get_presets (&n_presets);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* until dispose, which cancels and drops it: NULL tells an answer that came late that the dialog is gone */
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < n_presets; i++)
    gtk_string_list_append (choices, presets[i].name);
  gtk_string_list_append (choices, _("Another panel"));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (choices));
}

SmmAccountDialog *
smm_account_dialog_new (GtkWindow      *parent,
                        SmmApplication *app,
                        SmmAccount     *account)
{
  SmmAccountDialog *self = g_object_new (SMM_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  guint n_presets;
  const SmmAccountPreset *presets = smm_account_get_presets (&n_presets);

  self->app = app;
  adw_combo_row_set_selected (self->preset_row, n_presets);   /* another panel, until told */
  if (account)
    {
      self->account = g_object_ref (account);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Panel Account"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), smm_account_get_name (account));
      for (guint i = 0; i < n_presets; i++)
        if (g_str_equal (presets[i].endpoint, smm_account_get_endpoint (account)))
          adw_combo_row_set_selected (self->preset_row, i);
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), smm_account_get_endpoint (account));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("New API Key (empty: keep the current one)"));
      gtk_widget_set_visible (self->remove_group, TRUE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Panel Account"));
      adw_combo_row_set_selected (self->preset_row, 0);
    }
  preset_changed_cb (self);
  return self;
}

/* Types @name, @url (as another panel's) and @key in, as a user would */
void
smm_account_dialog_fill (SmmAccountDialog *self,
                         const char       *name,
                         const char       *url,
                         const char       *key)
{
  guint n_presets;

  g_return_if_fail (SMM_IS_ACCOUNT_DIALOG (self));

  smm_account_get_presets (&n_presets);
  adw_combo_row_set_selected (self->preset_row, n_presets);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), key);
}

/* Presses Save (or Save Anyway) */
void
smm_account_dialog_save (SmmAccountDialog *self)
{
  g_return_if_fail (SMM_IS_ACCOUNT_DIALOG (self));
  g_signal_emit_by_name (self->save_button, "clicked");
}

/* Returns: what the dialog says of the test or the check; "" before */
const char *
smm_account_dialog_get_result (SmmAccountDialog *self)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT_DIALOG (self), NULL);
  return gtk_label_get_label (self->result_label);
}

const char *
smm_account_dialog_get_save_label (SmmAccountDialog *self)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT_DIALOG (self), NULL);
  return gtk_button_get_label (self->save_button);
}
