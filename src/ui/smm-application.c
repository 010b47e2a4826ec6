/* smm-application.c: SMM Desk, the application
 *
 * It owns what outlives a window: the order history, the panels' clients, the
 * tracker, the order actions and the demo panel, which runs in-process on a loopback port and is reached
 * through the ordinary client, like any panel.
 *
 * When the history cannot be opened, the application shows why in a window of its own
 * (smm-history-failure-window.c) instead of the main window; restoring a backup closes the
 * history, replaces it and opens it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "smm-application.h"
#include "smm-backup-chooser.h"
#include "smm-history-failure-window.h"
#include "smm-question.h"
#include "smm-sim.h"
#include "smm-timing.h"
#include "smm-window.h"

struct _SmmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SmmStore       *store;
  SmmSecrets     *secrets;
  SmmClientPool  *pool;
  SmmTracker     *tracker;
  SmmOrderActions *actions;
  GListStore     *accounts;
  SmmSim         *demo_sim;
  gboolean        open_demo;
  char           *store_path;
  GError         *open_error;   /* why the history could not be opened */
};

enum {
  ACCOUNT_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmmApplication, smm_application, ADW_TYPE_APPLICATION)

SmmApplication *
smm_application_new (void)
{
  return g_object_new (SMM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

gboolean
smm_account_is_demo (SmmAccount *account)
{
  return g_strcmp0 (smm_account_get_endpoint (account), SMM_DEMO_ENDPOINT) == 0;
}

static SmmSim *
ensure_demo_sim (SmmApplication  *self,
                 GError         **error)
{
  if (self->demo_sim == NULL)
    {
      g_autoptr(SmmSim) sim = smm_sim_new ();
      g_autofree char *key = g_uuid_string_random ();

      smm_sim_set_key (sim, key);
      smm_sim_set_speed (sim, 20.0);
      /* the demo answers as the PHP panels users meet do */
      smm_sim_set_php_format (sim, TRUE);
      if (!smm_sim_start_threaded (sim, 0, error))
        return NULL;
      self->demo_sim = g_steal_pointer (&sim);
    }
  return self->demo_sim;
}

/* The keyring answered for an account (see smm_client_pool_connect_async()) */
static void
account_ready_cb (SmmClientPool  *pool,
                  SmmAccount     *account,
                  const GError   *error,
                  SmmApplication *self)
{
  if (error)
    g_warning ("%s", error->message);
  g_signal_emit (self, signals[ACCOUNT_READY], 0, account);
}

/**
 * smm_application_connect_account:
 * @key: (nullable): the API key; %NULL to read it from the keyring
 *
 * Gives @account a client. The keyring is asked without blocking: until it answers,
 * smm_application_is_connecting() is %TRUE, and "account-ready" is emitted when it has.
 */
gboolean
smm_application_connect_account (SmmApplication  *self,
                                 SmmAccount      *account,
                                 const char      *key,
                                 GError         **error)
{
  if (smm_account_is_demo (account))
    {
      SmmSim *sim = ensure_demo_sim (self, error);
      g_autofree char *sim_url = sim != NULL ? smm_sim_dup_url (sim) : NULL;
      g_autofree char *sim_key = sim != NULL ? smm_sim_dup_key (sim) : NULL;

      return sim != NULL && smm_client_pool_add (self->pool, account, sim_url, sim_key, error);
    }
  if (key != NULL)
    return smm_client_pool_add (self->pool, account, NULL, key, error);
  smm_client_pool_connect_async (self->pool, account);
  return TRUE;
}

/* Returns: whether the key of @account is still being looked up in the keyring */
gboolean
smm_application_is_connecting (SmmApplication *self,
                               SmmAccount     *account)
{
  return smm_client_pool_is_connecting (self->pool, smm_account_get_id (account));
}

/* Returns: (transfer full): the demo account, made if there was none */
SmmAccount *
smm_application_add_demo (SmmApplication  *self,
                          GError         **error)
{
  g_autoptr(SmmAccount) account = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(SmmAccount) existing = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      if (smm_account_is_demo (existing))
        return g_steal_pointer (&existing);
    }

  account = smm_store_add_account (self->store, _("Demo panel"), SMM_DEMO_ENDPOINT, error);
  if (account == NULL || !smm_application_connect_account (self, account, NULL, error))
    return NULL;
  g_list_store_append (self->accounts, account);
  return g_steal_pointer (&account);
}

gboolean
smm_application_remove_account (SmmApplication  *self,
                                SmmAccount      *account,
                                GError         **error)
{
  guint position;

  if (!smm_account_is_demo (account) &&
      !smm_secrets_remove (self->secrets, smm_account_get_id (account), NULL, error))
    return FALSE;
  if (!smm_store_archive_account (self->store, smm_account_get_id (account), error))
    return FALSE;
  smm_client_pool_remove (self->pool, smm_account_get_id (account));
  if (g_list_store_find (self->accounts, account, &position))
    g_list_store_remove (self->accounts, position);
  return TRUE;
}

/* Closing each window saves its size; the app ends once the last is gone and nothing is on its way. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  GtkApplication *app = data;
  const char *developers[] = { "SMM Desk developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (app);
  AdwDialog *about;

  /* the name, the developer, the version and its notes, the links and the licence */
  about = adw_about_dialog_new_from_appdata (RESOURCE_PATH "/metainfo.xml", NULL);
  g_object_set (about,
                "comments", _("Place, track, refill and cancel orders on all your SMM panels"),
                "developers", developers,
                /* Translators: your names, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_dialog_present (about, window ? GTK_WIDGET (window) : NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
order_finished_cb (SmmTracker     *tracker,
                   SmmOrder       *order,
                   SmmApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;

  if (!g_settings_get_boolean (self->settings, "notifications"))
    return;

  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (order));

    /* Translators: "Order 23501: Completed": the order's number and its status */
    title = g_strdup_printf (_("Order %s: %s"), number, smm_order_status_get_label (smm_order_get_status (order)));
  }
  /* one notification per order of the history (panel ids repeat across panels) */
  id = g_strdup_printf ("order-%" G_GINT64_FORMAT, smm_order_get_local_id (order));
  notification = g_notification_new (title);
  g_notification_set_body (notification, smm_order_get_service_name (order));
  g_notification_set_default_action_and_target (notification, "app.show-order", "x",
                                                smm_order_get_local_id (order));
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
refill_finished_cb (SmmTracker     *tracker,
                    SmmRefill      *refill,
                    SmmApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  g_autofree char *order = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (!g_settings_get_boolean (self->settings, "notifications"))
    return;
  id = g_strdup_printf ("refill-%" G_GINT64_FORMAT, smm_refill_get_id (refill));
  order = g_strdup_printf ("%" G_GINT64_FORMAT, smm_refill_get_order_id (refill));
  /* Translators: %s is the refill's status, like “Completed” */
  title = g_strdup_printf (_("Refill: %s"), smm_refill_status_get_label (smm_refill_get_status (refill)));
  body = g_strdup_printf (_("The refill of order %s has ended."), order);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
show_order_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  GtkApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window)
    {
      smm_window_show_order (SMM_WINDOW (window), g_variant_get_int64 (parameter));
      gtk_window_present (window);
    }
}

static void
interval_changed_cb (SmmApplication *self)
{
  if (self->tracker)
    smm_tracker_set_interval (self->tracker, g_settings_get_uint (self->settings, "refresh-interval"));
}

/* ---------------------------------------------------------------------------------------------
 * The history: opened at start-up, and again after a restore or a new start
 */

static gboolean
open_history (SmmApplication  *self,
              GError         **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) list_error = NULL;

  self->store = smm_store_open (self->store_path, error);
  if (self->store == NULL)
    return FALSE;
  self->pool = smm_client_pool_new (self->secrets);
  g_signal_connect_object (self->pool, "account-ready", G_CALLBACK (account_ready_cb), self, 0);
  self->actions = smm_order_actions_new (self->store, self->pool);
  self->tracker = smm_tracker_new (self->store, self->pool);
  g_signal_connect (self->tracker, "order-finished", G_CALLBACK (order_finished_cb), self);
  g_signal_connect (self->tracker, "refill-finished", G_CALLBACK (refill_finished_cb), self);
  smm_tracker_set_interval (self->tracker, g_settings_get_uint (self->settings, "refresh-interval"));

  smm_timing_mark ("store-opened");
  accounts = smm_store_list_accounts (self->store, &list_error);
  if (accounts == NULL)
    g_warning ("%s", list_error->message);
  for (guint i = 0; accounts && i < accounts->len; i++)
    {
      g_autoptr(GError) connect_error = NULL;

      if (!smm_application_connect_account (self, accounts->pdata[i], NULL, &connect_error))
        g_warning ("%s", connect_error->message);
      g_list_store_append (self->accounts, accounts->pdata[i]);
    }
  g_clear_error (&self->open_error);
  return TRUE;
}

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
static void
present_window (SmmApplication *self,
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
  if (self->store == NULL && !open_history (self, error))
    return FALSE;
  present_window (self, NULL);
  return TRUE;
}

/* Opens the history after its file was replaced; the failure window says why not */
static void
reopen_after (SmmApplication *self,
              const char     *toast)
{
  g_clear_error (&self->open_error);
  if (!open_history (self, &self->open_error))
    g_message ("The order history could not be opened: %s", self->open_error->message);
  present_window (self, self->store ? toast : NULL);
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
  restored = close_history (self, error) && smm_store_restore (self->store_path, backup, &replaced, error);
  if (restored)
    toast = replaced ? g_strdup_printf (_("The history is restored from the backup of %s. The one it replaced "
                                          "is kept as %s."), when, replaced)
                     : g_strdup_printf (_("The history is restored from the backup of %s."), when);
  if (self->store == NULL)
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
  if (!open_history (self, error))
    return FALSE;
  if (old)
    toast = g_strdup_printf (_("A new history is started. The old one is kept as %s."), old);
  present_window (self, toast);
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

static void
restore_history_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       data)
{
  SmmApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window)
    smm_backup_chooser_choose_async (GTK_WIDGET (window), self->store_path, NULL, restore_chosen_cb, self);
}

static void
smm_application_startup (GApplication *application)
{
  SmmApplication *self = SMM_APPLICATION (application);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const shortcuts_accels[] = { "<Control>question", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };
  static const char *const new_order_accels[] = { "<Control>n", NULL };
  static const char *const refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *const search_accels[] = { "<Control>f", NULL };
  const GActionEntry show_order = { "show-order", show_order_action, "x" };
  const GActionEntry restore_history = { "restore-history", restore_history_action };

  smm_timing_mark ("startup");
  G_APPLICATION_CLASS (smm_application_parent_class)->startup (application);
  smm_timing_mark ("gtk-started");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), &show_order, 1, self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), &restore_history, 1, self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-order", new_order_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);

  self->settings = g_settings_new (APP_ID);
  self->secrets = smm_secrets_new_keyring (APP_ID);
  self->accounts = g_list_store_new (SMM_TYPE_ACCOUNT);
  g_signal_connect_swapped (self->settings, "changed::refresh-interval", G_CALLBACK (interval_changed_cb), self);
  if (!open_history (self, &self->open_error))
    g_message ("The order history could not be opened: %s", self->open_error->message);
}

static void
smm_application_activate (GApplication *application)
{
  SmmApplication *self = SMM_APPLICATION (application);

  present_window (self, NULL);
  if (self->store && self->open_demo)
    {
      self->open_demo = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))),
                                  "win.demo", NULL);
    }
}

static int
smm_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  SmmApplication *self = SMM_APPLICATION (application);

  if (g_variant_dict_contains (options, "demo"))
    self->open_demo = TRUE;
  return -1;
}

static void
smm_application_shutdown (GApplication *application)
{
  SmmApplication *self = SMM_APPLICATION (application);

  g_clear_object (&self->tracker);
  g_clear_object (&self->actions);
  g_clear_object (&self->pool);
  if (self->demo_sim)
    smm_sim_stop (self->demo_sim);
  g_clear_object (&self->demo_sim);

  G_APPLICATION_CLASS (smm_application_parent_class)->shutdown (application);
}

static void
smm_application_finalize (GObject *object)
{
  SmmApplication *self = SMM_APPLICATION (object);

  g_clear_object (&self->accounts);
  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (smm_application_parent_class)->finalize (object);
}

static void
smm_application_class_init (SmmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = smm_application_finalize;
  app_class->startup = smm_application_startup;
  app_class->activate = smm_application_activate;
  app_class->shutdown = smm_application_shutdown;
  app_class->handle_local_options = smm_application_handle_local_options;

  /**
   * SmmApplication::account-ready:
   *
   * The keyring has answered for the account: it has a client now, or the reason why not
   * was logged.
   */
  signals[ACCOUNT_READY] = g_signal_new ("account-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, SMM_TYPE_ACCOUNT);
}

static void
smm_application_init (SmmApplication *self)
{
  self->store_path = g_getenv ("SMM_DESK_STORE") ? g_strdup (g_getenv ("SMM_DESK_STORE"))
                                                 : smm_store_get_default_path ();
  g_application_add_main_option (G_APPLICATION (self), "demo", 0, 0, G_OPTION_ARG_NONE,
                                 _("Open the demo panel"), NULL);
}

SmmStore *
smm_application_get_store (SmmApplication *self)
{
  return self->store;
}

SmmTracker *
smm_application_get_tracker (SmmApplication *self)
{
  return self->tracker;
}

SmmClientPool *
smm_application_get_pool (SmmApplication *self)
{
  return self->pool;
}

SmmOrderActions *
smm_application_get_actions (SmmApplication *self)
{
  return self->actions;
}

SmmSecrets *
smm_application_get_secrets (SmmApplication *self)
{
  return self->secrets;
}

GSettings *
smm_application_get_settings (SmmApplication *self)
{
  return self->settings;
}

GListStore *
smm_application_get_accounts (SmmApplication *self)
{
  return self->accounts;
}
