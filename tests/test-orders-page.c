/* test-orders-page.c: the orders page offers Refill and Cancel only where the order's panel
 * has them, and says so in words; a subscription's row says what it is at; the refills page
 * says when the panel does not tell refills' status; an imported order is given its service
 * from the catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "smm-orders-page-private.h"
#include "smm-refills-page.h"
#include "smm-service-chooser.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"
#include "test-ui-util.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *test_account;

/* The page on its own window, showing @account's orders, all of them selected */
static SmmOrdersPage *
page_new (SmmAccount *account,
          GtkWindow **host)
{
  SmmOrdersPage *page = g_object_new (SMM_TYPE_ORDERS_PAGE, NULL);
  GListModel *model = smm_orders_page_get_model (page);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  *host = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (*host), GTK_WIDGET (page));
  smm_orders_page_set_account (page, app, account);
  while (g_list_model_get_n_items (model) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (model));
  return page;
}

/* An account with one order placed as 23501, with the panel's @status (NULL: none yet, Pending) */
static SmmAccount *
account_with_order (const char *name,
                    const char *status)
{
  SmmStore *store = smm_application_get_store (app);
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  SmmAccount *account = smm_test_account_add (store, name, "https://panel.example/api/v2");
  g_autoptr(SmmOrder) order = smm_test_order_begin (store, smm_account_get_id (account), service,
                                                    "https://instagram.com/nasa", "100");

  g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 23501, NULL));
  if (status)
    {
      g_autoptr(SmmOrder) reply = smm_order_new (23501);
      g_autoptr(GPtrArray) replies = g_ptr_array_new ();
      g_autoptr(GPtrArray) changed = NULL;
      g_autoptr(GError) error = NULL;

      smm_order_set_status_text (reply, status);
      g_ptr_array_add (replies, reply);
      changed = smm_store_apply_status (store, smm_account_get_id (account), replies, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changed->len, ==, 1);
    }
  return account;
}

static void
test_unsupported (void)
{
  SmmStore *store = smm_application_get_store (app);
  g_autoptr(SmmAccount) bare = account_with_order ("Bare", NULL);
  g_autoptr(SmmAccount) full = account_with_order ("Full", NULL);
  g_autoptr(SmmAccount) done = account_with_order ("Done", "Completed");
  GtkWindow *host;
  SmmOrdersPage *page;

  g_assert_true (smm_store_set_unsupported (store, smm_account_get_id (bare), SMM_PANEL_ACTION_REFILL, NULL));
  g_assert_true (smm_store_set_unsupported (store, smm_account_get_id (bare), SMM_PANEL_ACTION_CANCEL, NULL));

  page = page_new (bare, &host);
  g_assert_false (gtk_widget_is_sensitive (page->refill_button));
  g_assert_false (gtk_widget_is_sensitive (page->cancel_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->refill_button), ==,
                   "This panel does not offer refills through its API");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->cancel_button), ==,
                   "This panel does not offer cancels through its API");
  g_assert_true (adw_banner_get_revealed (page->unsupported_banner));
  g_assert_cmpstr (adw_banner_get_title (page->unsupported_banner), ==,
                   "This panel does not offer refills through its API. "
                   "This panel does not offer cancels through its API.");
  gtk_window_destroy (host);

  /* a panel that has them: nothing said; an order still being delivered can be canceled, not
   * refilled */
  page = page_new (full, &host);
  g_assert_false (gtk_widget_is_sensitive (page->refill_button));
  g_assert_true (gtk_widget_is_sensitive (page->cancel_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->refill_button), ==,
                   "Only a completed or partial order can be refilled");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->cancel_button), ==,
                   "Ask the panel to cancel the selected orders");
  g_assert_false (adw_banner_get_revealed (page->unsupported_banner));
  /* the tracker brings the selected order to its end: the actions follow without a new selection */
  {
    g_autoptr(SmmOrder) reply = smm_order_new (23501);
    g_autoptr(GPtrArray) replies = g_ptr_array_new ();
    g_autoptr(GPtrArray) changed = NULL;

    smm_order_set_status_text (reply, "Completed");
    g_ptr_array_add (replies, reply);
    changed = smm_store_apply_status (store, smm_account_get_id (full), replies, NULL);
    g_assert_cmpuint (changed->len, ==, 1);
    g_signal_emit_by_name (smm_application_get_tracker (app), "order-changed", changed->pdata[0]);
    while (!gtk_widget_is_sensitive (page->refill_button))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (gtk_widget_is_sensitive (page->cancel_button));
  }
  gtk_window_destroy (host);

  /* a completed one can be refilled, and there is nothing left to cancel */
  page = page_new (done, &host);
  g_assert_true (gtk_widget_is_sensitive (page->refill_button));
  g_assert_false (gtk_widget_is_sensitive (page->cancel_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->refill_button), ==,
                   "Ask the panel to refill the selected orders");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->cancel_button), ==,
                   "These orders have ended: there is nothing left to cancel");
  gtk_window_destroy (host);
}

/* a subscription's progress cell says it is one, with its posts and expiry; a plain order's, how
 * much was delivered */
static void
test_subscription_progress (void)
{
  GtkWidget *bar = g_object_ref_sink (gtk_progress_bar_new ());
  g_autoptr(SmmOrder) order = smm_order_new (23501);
  g_autoptr(SmmOrder) plain = smm_order_new (23502);

  /* the bar of an order that ended takes its status's colour; one being delivered has none */
  smm_order_set_status_text (plain, "Canceled");
  smm_orders_page_update_progress (bar, plain, NULL);
  g_assert_true (gtk_widget_has_css_class (bar, "progress-canceled"));
  smm_order_set_status_text (plain, "Completed");
  smm_orders_page_update_progress (bar, plain, NULL);
  g_assert_true (gtk_widget_has_css_class (bar, "progress-completed"));
  g_assert_false (gtk_widget_has_css_class (bar, "progress-canceled"));
  smm_order_set_status_text (plain, "In progress");
  smm_orders_page_update_progress (bar, plain, NULL);
  g_assert_false (gtk_widget_has_css_class (bar, "progress-completed"));

  smm_order_set_status_text (order, "Paused");
  smm_orders_page_update_progress (bar, order, NULL);
  g_assert_true (gtk_progress_bar_get_show_text (GTK_PROGRESS_BAR (bar)));
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "Subscription");

  smm_order_set_posts (order, 12);
  smm_order_set_expiry (order, "2027-01-01");
  smm_orders_page_update_progress (bar, order, NULL);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "12 posts, until 1 Jan 2027");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bar), ==, "Subscription: 12 posts, until 1 Jan 2027");
  smm_order_set_expiry (order, "31/01/2027");   /* as `add` takes it */
  smm_orders_page_update_progress (bar, order, NULL);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "12 posts, until 31 Jan 2027");
  smm_order_set_posts (order, 1);
  smm_order_set_expiry (order, "in a month");   /* not a date: as the panel wrote it */
  smm_orders_page_update_progress (bar, order, NULL);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "1 post, until in a month");

  smm_order_set_quantity (plain, 100);
  smm_order_set_remains (plain, 50);
  smm_order_set_status_text (plain, "In progress");
  smm_orders_page_update_progress (bar, plain, NULL);
  g_assert_false (gtk_progress_bar_get_show_text (GTK_PROGRESS_BAR (bar)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bar), ==, "50% delivered");
  g_object_unref (bar);
}

/* The page's banner: the first one under it */
static AdwBanner *
find_banner (GtkWidget *widget)
{
  if (ADW_IS_BANNER (widget))
    return ADW_BANNER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwBanner *banner = find_banner (child);
      if (banner)
        return banner;
    }
  return NULL;
}

/* the refills page says when the panel does not tell refills' status, instead of showing the
 * last statuses it knew as if they were current */
static void
test_refill_status_unsupported (void)
{
  SmmStore *store = smm_application_get_store (app);
  g_autoptr(SmmAccount) bare = smm_test_account_add (store, "No Refill Status", "https://bare.example/api/v2");
  g_autoptr(SmmAccount) full = smm_test_account_add (store, "Refill Status", "https://full.example/api/v2");
  SmmRefillsPage *page = g_object_ref_sink (g_object_new (SMM_TYPE_REFILLS_PAGE, NULL));
  AdwBanner *banner = find_banner (GTK_WIDGET (page));

  g_assert_nonnull (banner);
  smm_refills_page_set_account (page, app, full);
  g_assert_false (adw_banner_get_revealed (banner));

  smm_refills_page_set_account (page, app, bare);
  g_assert_false (adw_banner_get_revealed (banner));
  /* learnt while the page shows the account (its SmmAccount is the one read before) */
  g_assert_true (smm_store_set_unsupported (store, smm_account_get_id (bare), SMM_PANEL_ACTION_REFILL_STATUS,
                                            NULL));
  smm_refills_page_reload (page);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "This panel does not report the status of refills through its API");

  smm_refills_page_set_account (page, app, full);
  g_assert_false (adw_banner_get_revealed (banner));
  g_object_unref (page);
}

static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static gboolean
has_items (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

static gboolean
has_dialog (gpointer host)
{
  return adw_window_get_visible_dialog (host) != NULL;
}

/* Whether "Attach Service…" asks anything of the selection: orders it does not apply to are
 * turned away before the catalogue is read */
static gboolean
attach_asks (SmmOrdersPage *page,
             GtkWindow     *host)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "orders.attach-service", NULL);
  smm_test_drain_main_context ();
  return has_dialog (host);
}

/* An account whose catalogue is cached, and order 23490 imported from its panel's web site */
static SmmAccount *
account_with_imported_order (void)
{
  SmmStore *store = smm_application_get_store (app);
  SmmAccount *account = smm_test_account_add (store, "Imported", "https://panel.example/api/v2");
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  SmmOrder *reply = smm_order_new (23490);

  g_ptr_array_add (services, smm_test_service_new (1, "Instagram", "Instagram Followers", "Default", "0.90", 50, 10000));
  g_ptr_array_add (services, smm_test_service_new (12, "Instagram", "Instagram Likes", "Default", "0.25", 10, 5000));
  g_ptr_array_add (services, smm_test_service_new (31, "YouTube", "YouTube Views", "Default", "1.80", 100, 100000));
  g_assert_true (smm_store_save_services (store, smm_account_get_id (account), services, &error));
  g_assert_no_error (error);

  smm_order_set_status_text (reply, "In progress");
  smm_order_set_remains (reply, 400);
  g_ptr_array_add (replies, reply);
  added = smm_store_import_orders (store, smm_account_get_id (account), replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
  return account;
}

static void
test_attach (void)
{
  g_autoptr(SmmAccount) account = account_with_imported_order ();
  SmmOrdersPage *page = g_object_new (SMM_TYPE_ORDERS_PAGE, NULL);
  GListModel *model = smm_orders_page_get_model (page);
  GtkWindow *host = GTK_WINDOW (adw_window_new ());
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(SmmOrder) stored = NULL;
  AdwAlertDialog *dialog;
  GtkDropDown *dropdown;
  GListModel *choices;

  adw_window_set_content (ADW_WINDOW (host), GTK_WIDGET (page));
  gtk_window_present (host);
  smm_orders_page_set_account (page, app, account);
  wait_until (has_items, model);
  order = g_list_model_get_item (model, 0);
  g_assert_cmpint (smm_order_get_id (order), ==, 23490);
  g_assert_cmpint (smm_order_get_service_id (order), ==, -1);
  g_assert_cmpstr (smm_order_get_service_name (order), ==, "");

  /* nothing selected: nothing to attach */
  g_assert_false (attach_asks (page, host));
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (model));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "orders.attach-service", NULL));
  wait_until (has_dialog, host);
  dialog = ADW_ALERT_DIALOG (adw_window_get_visible_dialog (ADW_WINDOW (host)));
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Service of Order 23490");

  /* the whole catalogue to choose from, in the panel's order */
  dropdown = smm_service_chooser_get_dropdown (dialog);
  choices = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  g_assert_cmpint (smm_service_get_id (smm_service_chooser_get_service (dialog)), ==, 1);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpint (smm_service_get_id (smm_service_chooser_get_service (dialog)), ==, 12);
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "accept"));
  test_alert_respond (dialog, "accept");

  /* the row on screen shows the service; the quantity stays unknown, and there is nothing
   * more to attach */
  g_assert_cmpint (smm_order_get_service_id (order), ==, 12);
  g_assert_cmpstr (smm_order_get_service_name (order), ==, "Instagram Likes");
  g_assert_cmpint (smm_order_get_quantity (order), ==, -1);
  stored = smm_store_get_order (smm_application_get_store (app), smm_order_get_local_id (order), NULL);
  g_assert_cmpstr (smm_order_get_service_name (stored), ==, "Instagram Likes");
  g_assert_cmpint (smm_order_get_quantity (stored), ==, -1);
  g_assert_false (attach_asks (page, host));
  gtk_window_destroy (host);
}

/* An order placed from SMM Desk knows its service: nothing to attach */
static void
test_attach_placed_order (void)
{
  g_autoptr(SmmAccount) account = account_with_order ("Placed", NULL);
  GtkWindow *host;
  SmmOrdersPage *page = page_new (account, &host);

  g_assert_false (attach_asks (page, host));
  gtk_window_destroy (host);
}

/* Settling an unconfirmed order: Save ID is offered only for an id, text that is not one is marked
 * in the entry, and the order saved is placed with that id */
static void
test_settle (void)
{
  SmmStore *store = smm_application_get_store (app);
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Settled", "https://panel.example/api/v2");
  g_autoptr(SmmOrder) order = smm_test_order_begin (store, smm_account_get_id (account), service,
                                                    "https://instagram.com/nasa", "100");
  g_autoptr(GError) reason = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN, "timed out");
  g_autoptr(SmmOrder) stored = NULL;
  GtkWindow *host;
  SmmOrdersPage *page;
  AdwAlertDialog *dialog;
  GtkWidget *entry;

  g_assert_true (smm_store_order_unconfirmed (store, smm_order_get_local_id (order), reason, NULL));
  page = page_new (account, &host);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "orders.resolve", NULL));
  wait_until (has_dialog, host);
  dialog = ADW_ALERT_DIALOG (adw_window_get_visible_dialog (ADW_WINDOW (host)));
  entry = adw_alert_dialog_get_extra_child (dialog);
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "save"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " 23999 ");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "save"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  test_alert_respond (dialog, "save");

  stored = smm_store_get_order (store, smm_order_get_local_id (order), NULL);
  g_assert_cmpint (smm_order_get_id (stored), ==, 23999);
  g_assert_cmpint (smm_order_get_status (stored), !=, SMM_ORDER_STATUS_UNCONFIRMED);
  gtk_window_destroy (host);
}

static gboolean
scrolled_down (gpointer data)
{
  SmmOrdersPage *page = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (page->column_view));

  return gtk_adjustment_get_value (adjustment) > 0;
}

/* An order shown from its notification is selected and scrolled to, even far down the list */
static void
test_show_order_scrolls (void)
{
  SmmStore *store = smm_application_get_store (app);
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Many", "https://panel.example/api/v2");
  SmmOrdersPage *page = g_object_new (SMM_TYPE_ORDERS_PAGE, NULL);
  GListModel *model = smm_orders_page_get_model (page);
  GtkWindow *host = GTK_WINDOW (adw_window_new ());
  gint64 first = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/user%u", i);
      g_autoptr(SmmOrder) order = smm_test_order_begin (store, smm_account_get_id (account), service, link, "100");

      g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 30000 + i, NULL));
      if (first == 0)
        first = smm_order_get_local_id (order);
    }
  adw_window_set_content (ADW_WINDOW (host), GTK_WIDGET (page));
  gtk_window_set_default_size (host, 900, 400);
  gtk_window_present (host);
  smm_orders_page_set_account (page, app, account);
  wait_until (has_items, model);
  g_assert_false (scrolled_down (page));

  /* the first order placed is the last row, newest first */
  smm_orders_page_show_order (page, first);
  wait_until (scrolled_down, page);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (model));
    g_autoptr(SmmOrder) order = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    order = g_list_model_get_item (model, gtk_bitset_get_nth (selected, 0));
    g_assert_cmpint (smm_order_get_local_id (order), ==, first);
  }
  gtk_window_destroy (host);
}

/* Escape in the search (GtkSearchEntry's stop-search) clears it, and every order shows again */
static void
test_search_escape (void)
{
  g_autoptr(SmmAccount) account = account_with_order ("Searched", NULL);
  GtkWindow *host;
  SmmOrdersPage *page = page_new (account, &host);
  GListModel *model = smm_orders_page_get_model (page);

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "no such order");
  g_signal_emit_by_name (page->search_entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->search_entry)), ==, "");
  while (g_list_model_get_n_items (model) != 1)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (host);
}

/* GTK 4.24 on Xvfb without DRI3 warns of its own frame clock ("gdk_frame_timings_submitted()
 * called on submitted frame") now and then as windows made in a test come and go; that says
 * nothing of SMM Desk, and only that warning is kept from the fatal warnings */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
      strstr (message, "gdk_frame_timings_submitted") != NULL)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}


int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  /* directories and a history of its own, never the user's */
  dir = smm_test_ui_init (&argc, &argv);
  adw_init ();
  window = smm_test_window_new (&app, &test_account);

  g_test_add_func ("/ui/orders-page/unsupported", test_unsupported);
  g_test_add_func ("/ui/orders-page/subscription-progress", test_subscription_progress);
  g_test_add_func ("/ui/refills-page/refill-status-unsupported", test_refill_status_unsupported);
  g_test_add_func ("/ui/orders-page/attach-service", test_attach);
  g_test_add_func ("/ui/orders-page/attach-service-placed", test_attach_placed_order);
  g_test_add_func ("/ui/orders-page/search-escape", test_search_escape);
  g_test_add_func ("/ui/orders-page/settle", test_settle);
  g_test_add_func ("/ui/orders-page/show-order-scrolls", test_show_order_scrolls);
  status = g_test_run ();

  smm_test_window_destroy (window, app, test_account);
  smm_test_dir_remove (dir);
  return status;
}
