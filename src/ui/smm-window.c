/* smm-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-application-catalogue.h"
#include "smm-order-dialog.h"
#include "smm-window-private.h"

G_DEFINE_FINAL_TYPE (SmmWindow, smm_window, ADW_TYPE_APPLICATION_WINDOW)

SmmApplication *
smm_window_get_app (SmmWindow *self)
{
  return self->app;
}

SmmAccount *
smm_window_get_account (SmmWindow *self)
{
  return self->account;
}

/* Shows @account, as choosing it in the header bar does. */
void
smm_window_select_account (SmmWindow  *self,
                           SmmAccount *account)
{
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (self->app));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SmmAccount) item = g_list_model_get_item (accounts, i);

      if (item == account)
        {
          gtk_drop_down_set_selected (self->account_dropdown, i);
          return;
        }
    }
}

/**
 * smm_window_get_page:
 * @name: "services", "orders" or "refills"
 *
 * Shows the page and returns it.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
smm_window_get_page (SmmWindow  *self,
                     const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
smm_window_toast (SmmWindow  *self,
                  const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---------------------------------------------------------------------------------------------
 * Balance
 */

static void
update_balance (SmmWindow *self)
{
  GtkWidget *button = GTK_WIDGET (self->balance_button);
  g_autofree char *threshold_text = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *label = NULL;
  g_autofree char *spoken = NULL;
  SmmMoney balance, threshold;

  if (self->account == NULL || !smm_account_get_balance (self->account, &balance))
    {
      gtk_button_set_label (self->balance_button, self->account ? _("Balance: –") : "");
      /* the button's own words say it now, not a balance from before */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_widget_remove_css_class (button, "warning");
      gtk_widget_set_visible (button, self->account != NULL);
      return;
    }
  amount = smm_money_format (balance, 2, 2);
  if (*smm_account_get_currency (self->account))
    label = g_strdup_printf ("%s %s", amount, smm_account_get_currency (self->account));
  else
    label = g_strdup (amount);
  gtk_button_set_label (self->balance_button, label);
  {
    g_autofree char *age = smm_account_dup_balance_age (self->account, g_get_real_time () / G_USEC_PER_SEC);
    /* Translators: the balance button's tooltip; %s is how old the balance is, as "2 h ago" */
    g_autofree char *tooltip = age ? g_strdup_printf (_("Balance on the panel, read %s; click to refresh"), age)
                                   : g_strdup (_("Balance on the panel; click to refresh"));

    gtk_widget_set_tooltip_text (button, tooltip);
  }
  /* Translators: what a screen reader says of the balance button */
  spoken = g_strdup_printf (_("Balance: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  threshold_text = g_settings_get_string (smm_application_get_settings (self->app), "low-balance-threshold");
  if (smm_money_parse (threshold_text, &threshold, NULL) && smm_money_compare (balance, threshold) < 0)
    gtk_widget_add_css_class (button, "warning");
  else
    gtk_widget_remove_css_class (button, "warning");
  gtk_widget_set_visible (button, TRUE);
}

typedef struct {
  SmmWindow  *self;
  SmmAccount *account;
} BalanceCall;

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  BalanceCall *call = data;
  g_autoptr(SmmWindow) self = call->self;
  g_autoptr(SmmAccount) account = call->account;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  SmmMoney balance;

  g_free (call);

  if (!smm_client_balance_finish (SMM_CLIENT (object), result, &balance, &currency, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        smm_window_toast (self, error->message);
      return;
    }
  /* recorded for the account it was asked for, shown if that is still the one on screen */
  smm_store_set_balance (smm_application_get_store (self->app), smm_account_get_id (account), balance, currency,
                         NULL);
  if (currency)
    smm_account_set_currency (account, currency);
  smm_account_set_balance (account, &balance);
  smm_account_set_balance_time (account, g_get_real_time () / G_USEC_PER_SEC);
  if (account == self->account)
    update_balance (self);
}

void
smm_window_refresh_balance (SmmWindow *self)
{
  SmmClient *client;

  if (self->account == NULL)
    return;
  client = smm_client_pool_get_client (smm_application_get_pool (self->app), smm_account_get_id (self->account));
  if (client == NULL)
    return;
  {
    BalanceCall *call = g_new0 (BalanceCall, 1);

    call->self = g_object_ref (self);
    call->account = g_object_ref (self->account);
    smm_client_balance_async (client, self->cancellable, balance_cb, call);
  }
}

/* ---------------------------------------------------------------------------------------------
 * Accounts
 */

void
smm_window_set_account (SmmWindow  *self,
             SmmAccount *account)
{
  if (self->account == account)
    return;
  g_set_object (&self->account, account);
  if (account)
    g_settings_set_int64 (smm_application_get_settings (self->app), "last-account", smm_account_get_id (account));

  smm_services_page_set_account (self->services_page, self->app, account);
  smm_orders_page_set_account (self->orders_page, self->app, account);
  smm_refills_page_set_account (self->refills_page, self->app, account);
  smm_changes_page_set_account (self->changes_page, self->app, account);
  smm_spending_page_set_account (self->spending_page, self->app, account);
  update_balance (self);
  smm_window_refresh_balance (self);
}

static gboolean soon_refresh_cb (gpointer data);

/* The keyring answered for @account: its panel can be asked now */
static void
account_ready_cb (SmmWindow  *self,
                  SmmAccount *account)
{
  if (account == self->account)
    {
      smm_services_page_reload (self->services_page);
      smm_window_refresh_balance (self);
    }
  /* what happened while SMM Desk was closed: one refresh once the keys are in */
  g_clear_handle_id (&self->soon_refresh, g_source_remove);
  self->soon_refresh = g_timeout_add (200, soon_refresh_cb, self);
}

static void
account_selected_cb (SmmWindow *self)
{
  smm_window_set_account (self, gtk_drop_down_get_selected_item (self->account_dropdown));
}

static void
accounts_changed_cb (SmmWindow *self)
{
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (self->app));
  guint n = g_list_model_get_n_items (accounts);

  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "panel" : "welcome");
  gtk_widget_set_visible (GTK_WIDGET (self->account_dropdown), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), n > 0);
  /* no pages to switch to on the welcome: the title, and no bar at the bottom */
  gtk_stack_set_visible_child_name (self->title_stack, n > 0 ? "switcher" : "title");
  adw_view_switcher_bar_set_stack (self->switcher_bar, n > 0 ? self->view_stack : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-order", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-account", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mass-order", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-orders", n > 0);
  account_selected_cb (self);
}

/* ---------------------------------------------------------------------------------------------
 * For the pages and dialogs
 */

/* A catalogue was saved (see smm_application_catalogue_saved()): the changes page reloads. */
void
smm_window_catalogue_changed (SmmWindow *self)
{
  smm_changes_page_reload (self->changes_page);
}

static gboolean
soon_refresh_cb (gpointer data)
{
  SmmWindow *self = data;

  self->soon_refresh = 0;
  /* a refresh under way may have begun before the order existed: come back after it */
  if (smm_tracker_get_refreshing (smm_application_get_tracker (self->app)))
    {
      self->soon_refresh = g_timeout_add_seconds (5, soon_refresh_cb, self);
      return G_SOURCE_REMOVE;
    }
  smm_tracker_refresh_async (smm_application_get_tracker (self->app), self->cancellable, smm_window_refresh_cb,
                             g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
order_placed_cb (SmmOrderDialog *dialog,
                 SmmOrder       *order,
                 SmmWindow      *self)
{
  smm_window_orders_changed (self);
  smm_window_refresh_balance (self);
  /* panels start orders within seconds: look again soon rather than at the next timed refresh */
  if (order != NULL && self->soon_refresh == 0)
    self->soon_refresh = g_timeout_add_seconds (20, soon_refresh_cb, self);
}

/**
 * smm_window_new_order:
 * @account: (nullable): the account to order on; %NULL for the one on screen
 */
void
smm_window_new_order (SmmWindow       *self,
                      SmmAccount      *account,
                      SmmService      *service,
                      SmmOrderRequest *prefill)
{
  SmmOrderDialog *dialog;

  if ((account == NULL && self->account == NULL) || service == NULL)
    return;
  dialog = smm_order_dialog_new (self, account ? account : self->account, service, prefill);
  g_signal_connect_object (dialog, "placed", G_CALLBACK (order_placed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
smm_window_orders_changed (SmmWindow *self)
{
  smm_orders_page_reload (self->orders_page);
  smm_refills_page_reload (self->refills_page);
}

void
smm_window_show_order (SmmWindow *self,
                       gint64     local_id)
{
  g_autoptr(SmmOrder) order = smm_store_get_order (smm_application_get_store (self->app), local_id, NULL);
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (self->app));

  if (order == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SmmAccount) account = g_list_model_get_item (accounts, i);
      if (smm_account_get_id (account) == smm_order_get_account_id (order))
        smm_window_select_account (self, account);
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "orders");
  smm_orders_page_show_order (self->orders_page, local_id);
}

static gboolean
reload_idle_cb (gpointer data)
{
  SmmWindow *self = data;

  self->reload_idle = 0;
  smm_orders_page_reload (self->orders_page);
  return G_SOURCE_REMOVE;
}

/* Refresh is offered again once the refresh under way, whoever started it, is over. */
static void
refreshing_changed_cb (SmmWindow *self)
{
  gboolean refreshing = smm_tracker_get_refreshing (smm_application_get_tracker (self->app));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", !refreshing);
}

/* An order's status changed: its row on screen follows the order's own notify:: signals (the store
 * hands out one object per order). Only a list filtered by status gains or loses rows by it: that
 * reloads, once for the many orders of one refresh. */
static void
tracker_changed_cb (SmmWindow *self)
{
  SmmOrderQuery query;

  smm_orders_page_get_query (self->orders_page, &query);
  if (query.filter != SMM_ORDER_FILTER_ALL && self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

/* ---------------------------------------------------------------------------------------------
 * The window
 */

static gboolean
smm_window_close_request (GtkWindow *window)
{
  SmmWindow *self = SMM_WINDOW (window);
  GSettings *settings = smm_application_get_settings (self->app);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (smm_window_parent_class)->close_request (window);
}

static void
smm_window_dispose (GObject *object)
{
  SmmWindow *self = SMM_WINDOW (object);

  if (self->app)
    {
      g_signal_handlers_disconnect_by_data (smm_application_get_accounts (self->app), self);
      g_signal_handlers_disconnect_by_data (smm_application_get_tracker (self->app), self);
    }
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->soon_refresh, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (smm_window_parent_class)->dispose (object);
}

static void
smm_window_class_init (SmmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = smm_window_dispose;
  window_class->close_request = smm_window_close_request;

  g_type_ensure (SMM_TYPE_SERVICES_PAGE);
  g_type_ensure (SMM_TYPE_ORDERS_PAGE);
  g_type_ensure (SMM_TYPE_REFILLS_PAGE);
  g_type_ensure (SMM_TYPE_CHANGES_PAGE);
  g_type_ensure (SMM_TYPE_SPENDING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, balance_button);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, orders_page);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, refills_page);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, changes_page);
  gtk_widget_class_bind_template_child (widget_class, SmmWindow, spending_page);

  smm_window_class_add_actions (widget_class);

}

static void
smm_window_init (SmmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

SmmWindow *
smm_window_new (SmmApplication *application)
{
  SmmWindow *self = g_object_new (SMM_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = smm_application_get_settings (application);
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (application));
  g_autoptr(GtkExpression) name = gtk_property_expression_new (SMM_TYPE_ACCOUNT, NULL, "name");
  gint64 last = g_settings_get_int64 (settings, "last-account");
  static const char *const mass_order_accels[] = { "<Control>m", NULL };
  static const char *const compare_accels[] = { "<Control>k", NULL };
  static const char *const export_accels[] = { "<Control><Shift>e", NULL };

  self->app = application;
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.mass-order", mass_order_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.compare", compare_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export-orders", export_accels);
  smm_application_add_catalogue_actions (application);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_drop_down_set_expression (self->account_dropdown, name);
  gtk_drop_down_set_model (self->account_dropdown, accounts);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SmmAccount) account = g_list_model_get_item (accounts, i);
      if (smm_account_get_id (account) == last)
        gtk_drop_down_set_selected (self->account_dropdown, i);
    }
  g_signal_connect_swapped (self->account_dropdown, "notify::selected-item", G_CALLBACK (account_selected_cb), self);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self);
  g_signal_connect_swapped (smm_application_get_tracker (application), "order-changed",
                            G_CALLBACK (tracker_changed_cb), self);
  g_signal_connect_swapped (smm_application_get_tracker (application), "notify::refreshing",
                            G_CALLBACK (refreshing_changed_cb), self);
  g_signal_connect_object (application, "account-ready", G_CALLBACK (account_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::low-balance-threshold", G_CALLBACK (update_balance), self,
                           G_CONNECT_SWAPPED);
  accounts_changed_cb (self);

  /* what happened while SMM Desk was closed */
  if (g_list_model_get_n_items (accounts) > 0)
    smm_tracker_refresh_async (smm_application_get_tracker (application), self->cancellable, smm_window_refresh_cb,
                               g_object_ref (self));
  return self;
}
