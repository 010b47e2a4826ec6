/* smm-application.c: SMM Desk, the application
 *
 * It owns what outlives a window: the order history, the panels' clients, the
 * tracker, the order actions and the demo panel, which runs in-process on a loopback port and is reached
 * through the ordinary client, like any panel.
 *
 * When the history cannot be opened, the application shows why in a window of its own instead
 * of the main window (smm-application-history.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "smm-application-private.h"
#include "smm-sim.h"
#include "smm-timing.h"
#include "smm-window.h"


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

/* The account leaves the history, the pool and the list (its key has left the keyring) */
static gboolean
forget_account (SmmApplication  *self,
                SmmAccount      *account,
                GError         **error)
{
  guint position;

  if (!smm_store_archive_account (self->store, smm_account_get_id (account), error))
    return FALSE;
  smm_client_pool_remove (self->pool, smm_account_get_id (account));
  if (g_list_store_find (self->accounts, account, &position))
    g_list_store_remove (self->accounts, position);
  return TRUE;
}

static void
key_removed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (smm_secrets_remove_finish (SMM_SECRETS (object), result, &error) &&
      forget_account (g_task_get_source_object (task), g_task_get_task_data (task), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * smm_application_remove_account_async:
 *
 * Takes @account's key out of the keyring (without blocking: the keyring may ask the user to
 * unlock it first), then the account out of the history; its orders stay.
 */
void
smm_application_remove_account_async (SmmApplication      *self,
                                      SmmAccount          *account,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, smm_application_remove_account_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  if (!smm_account_is_demo (account))
    {
      smm_secrets_remove_async (self->secrets, smm_account_get_id (account), cancellable, key_removed_cb,
                                g_steal_pointer (&task));
      return;
    }
  /* the demo's key was never in the keyring */
  if (forget_account (self, account, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

gboolean
smm_application_remove_account_finish (SmmApplication  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == smm_application_remove_account_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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

/* Opens the history, and what works on it: the clients, the order actions, the tracker, the accounts */
gboolean
_smm_application_open_store (SmmApplication  *self,
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
  const GActionEntry restore_history = { "restore-history", _smm_application_restore_history_action };

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
  if (!_smm_application_open_store (self, &self->open_error))
    g_message ("The order history could not be opened: %s", self->open_error->message);
}

static void
smm_application_activate (GApplication *application)
{
  SmmApplication *self = SMM_APPLICATION (application);

  _smm_application_present_window (self, NULL);
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
