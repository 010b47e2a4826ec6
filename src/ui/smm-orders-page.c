/* smm-orders-page.c: the order history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-orders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-orders-page.h"
#include "smm-cell.h"
#include "smm-order-list.h"
#include "smm-window.h"

struct _SmmOrdersPage
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *status_dropdown;
  GtkToggleButton   *all_accounts_toggle;
  GtkRevealer       *unconfirmed_revealer;
  GtkLabel          *unconfirmed_label;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkLabel          *count_label;

  SmmOrderList      *orders;
  char              *sort_key;     /* NULL: newest first */
  gint64             show_after_load;
  gboolean           descending;
  GtkMultiSelection *selection;
  SmmApplication    *app;
  SmmAccount        *account;
};

G_DEFINE_FINAL_TYPE (SmmOrdersPage, smm_orders_page, GTK_TYPE_WIDGET)

/* The status filter, in the order of the drop-down */
static const struct {
  const char     *label;
  SmmOrderFilter  filter;
  SmmOrderStatus  status;
} filters[] = {
  { N_("All"), SMM_ORDER_FILTER_ALL, 0 },
  { N_("Active"), SMM_ORDER_FILTER_ACTIVE, 0 },
  { N_("Pending"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_PENDING },
  { N_("In progress"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_IN_PROGRESS },
  { N_("Completed"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_COMPLETED },
  { N_("Partial"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_PARTIAL },
  { N_("Canceled"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_CANCELED },
  { N_("Unconfirmed"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_UNCONFIRMED },
  { N_("Rejected"), SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_REJECTED },
};

#define FILTER_UNCONFIRMED 7

char *
smm_format_relative_time (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan span;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  span = g_date_time_difference (now, local);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      int n = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", n), n);
    }
  if (span < G_TIME_SPAN_DAY)
    {
      int n = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", n), n);
    }
  if (span < 7 * G_TIME_SPAN_DAY)
    {
      int n = span / G_TIME_SPAN_DAY;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n), n);
    }
  /* the date in the user's language and order */
  return g_date_time_format (local, "%x");
}

/* ---------------------------------------------------------------------------------------------
 * Loading
 */

static void
update_unconfirmed (SmmOrdersPage *self)
{
  SmmOrderQuery query = { 0 };
  g_autofree char *text = NULL;
  guint n;

  query.account_id = self->account && !gtk_toggle_button_get_active (self->all_accounts_toggle)
                       ? smm_account_get_id (self->account) : 0;
  query.filter = SMM_ORDER_FILTER_STATUS;
  query.status = SMM_ORDER_STATUS_UNCONFIRMED;
  n = smm_store_count_orders (smm_application_get_store (self->app), &query, NULL);
  if (n == 0 ||
      gtk_drop_down_get_selected (self->status_dropdown) == FILTER_UNCONFIRMED)
    {
      gtk_revealer_set_reveal_child (self->unconfirmed_revealer, FALSE);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u order got no clear answer from the panel. Look for it on the panel’s "
                                       "web site, then settle it here.",
                                       "%u orders got no clear answer from the panel. Look for them on the panel’s "
                                       "web site, then settle them here.", n), n);
  gtk_label_set_label (self->unconfirmed_label, text);
  gtk_revealer_set_reveal_child (self->unconfirmed_revealer, TRUE);
}

/* The history has been read again: its count, and the order to show if one was asked for */
static void
loaded_cb (SmmOrdersPage *self)
{
  SmmOrderQuery query;
  guint n = smm_order_list_get_n_orders (self->orders);
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", n), n);
  guint position;

  smm_orders_page_get_query (self, &query);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || *query.search || selected > 0 ? "list" : "empty");
  update_unconfirmed (self);

  if (self->show_after_load > 0 && smm_order_list_find (self->orders, self->show_after_load, &position))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
    }
  self->show_after_load = 0;
}

void
smm_orders_page_reload (SmmOrdersPage *self)
{
  SmmOrderQuery query;

  if (self->app == NULL)
    return;
  smm_orders_page_get_query (self, &query);
  if (self->orders == NULL)
    {
      self->orders = smm_order_list_new (smm_application_get_store (self->app));
      g_signal_connect_swapped (self->orders, "loaded", G_CALLBACK (loaded_cb), self);
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->orders));
    }
  smm_order_list_load (self->orders, &query, self->sort_key, self->descending);
}

/* The sort keys of the store (smm_store_list_order_ids()), by the property a column shows */
static const char *
sort_key_of_property (const char *property)
{
  static const char *const keys[][2] = {
    { "id", "id" }, { "service-name", "service" }, { "link", "link" }, { "quantity", "quantity" },
    { "progress", "progress" }, { "status-text", "status" }, { "start-count", "start-count" },
    { "remains", "remains" }, { "charge", "charge" }, { "created", "created" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (property, keys[i][0]))
      return keys[i][1];
  return NULL;
}

/* The store's key for what @column sorts by, from its sorter's expression in the template */
static const char *
sort_key_of_column (GtkColumnViewColumn *column)
{
  GtkSorter *sorter = gtk_column_view_column_get_sorter (column);
  GtkExpression *expression = NULL;

  if (GTK_IS_NUMERIC_SORTER (sorter))
    expression = gtk_numeric_sorter_get_expression (GTK_NUMERIC_SORTER (sorter));
  else if (GTK_IS_STRING_SORTER (sorter))
    expression = gtk_string_sorter_get_expression (GTK_STRING_SORTER (sorter));
  if (expression == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (expression, GTK_TYPE_PROPERTY_EXPRESSION))
    return NULL;
  return sort_key_of_property (gtk_property_expression_get_pspec (expression)->name);
}

/* The store sorts the history: the column view's sorter only says by which column, and which way */
static void
sort_changed_cb (SmmOrdersPage *self)
{
  GtkColumnViewSorter *sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (sorter);

  g_free (self->sort_key);
  self->sort_key = column ? g_strdup (sort_key_of_column (column)) : NULL;
  self->descending = column && gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;
  smm_orders_page_reload (self);
}

static void
reload_cb (SmmOrdersPage *self)
{
  smm_orders_page_reload (self);
}

static void
show_unconfirmed_cb (SmmOrdersPage *self)
{
  gtk_drop_down_set_selected (self->status_dropdown, FILTER_UNCONFIRMED);
}

void
smm_orders_page_set_account (SmmOrdersPage  *self,
                             SmmApplication *app,
                             SmmAccount     *account)
{
  self->app = app;
  g_set_object (&self->account, account);
  smm_orders_page_reload (self);
}

void
smm_orders_page_focus_search (SmmOrdersPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
smm_orders_page_show_order (SmmOrdersPage *self,
                            gint64         local_id)
{
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* selected once the history is read again */
  self->show_after_load = local_id;
  smm_orders_page_reload (self);
}

GListModel *
smm_orders_page_get_model (SmmOrdersPage *self)
{
  return G_LIST_MODEL (self->selection);
}

/* ---------------------------------------------------------------------------------------------
 * Actions on the selection
 */

static GPtrArray *
selected_orders (SmmOrdersPage *self)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *orders = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, bitset, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (orders, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return orders;
}

/* The panel ids of the selected orders, per account: each panel gets its own request.
 * Returns: (element-type gint64 GArray): account id → panel ids */
static GHashTable *
selected_panel_ids (SmmOrdersPage *self,
                    guint         *n_ids)
{
  g_autoptr(GPtrArray) orders = selected_orders (self);
  GHashTable *by_account = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  (GDestroyNotify) g_array_unref);

  *n_ids = 0;
  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrder *order = orders->pdata[i];
      gint64 account_id = smm_order_get_account_id (order);
      gint64 id = smm_order_get_id (order);
      GArray *ids;

      if (id <= 0)
        continue;
      ids = g_hash_table_lookup (by_account, &account_id);
      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (by_account, g_memdup2 (&account_id, sizeof account_id), ids);
        }
      g_array_append_val (ids, id);
      (*n_ids)++;
    }
  return by_account;
}

static SmmWindow *
get_window (SmmOrdersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SMM_IS_WINDOW (root) ? SMM_WINDOW (root) : NULL;
}

/* One refill or cancel for every account of the selection; the answers in one list. */
typedef struct {
  SmmOrdersPage *self;
  gboolean       refill;
  guint          pending;
  GString       *body;
} Bulk;

static void
bulk_done (Bulk *bulk)
{
  SmmOrdersPage *self = bulk->self;
  SmmWindow *window = get_window (self);

  if (--bulk->pending > 0)
    return;
  if (window)
    {
      AdwDialog *dialog = adw_alert_dialog_new (bulk->refill ? _("Refill Results") : _("Cancel Results"),
                                                bulk->body->str);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
      adw_dialog_present (dialog, GTK_WIDGET (window));
      smm_window_orders_changed (window);
      if (!bulk->refill)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
    }
  g_string_free (bulk->body, TRUE);
  g_object_unref (bulk->self);
  g_free (bulk);
}

static void
refill_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Bulk *bulk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refills = smm_tracker_refill_finish (SMM_TRACKER (object), result, &error);

  if (refills == NULL)
    g_string_append_printf (bulk->body, "%s\n", error->message);
  for (guint i = 0; refills && i < refills->len; i++)
    {
      SmmRefill *r = refills->pdata[i];
      g_autofree char *order = g_strdup_printf ("%" G_GINT64_FORMAT, smm_refill_get_order_id (r));
      g_autofree char *refill = g_strdup_printf ("%" G_GINT64_FORMAT, smm_refill_get_id (r));

      if (smm_refill_get_error (r))
        /* Translators: "Order 23501: The panel does not know this order ID…" */
        g_string_append_printf (bulk->body, _("Order %s: %s\n"), order, smm_refill_get_error (r)->message);
      else
        g_string_append_printf (bulk->body, _("Order %s: refill %s requested\n"), order, refill);
    }
  bulk_done (bulk);
}

static void
cancel_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Bulk *bulk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = smm_tracker_cancel_finish (SMM_TRACKER (object), result, &error);

  if (results == NULL)
    g_string_append_printf (bulk->body, "%s\n", error->message);
  for (guint i = 0; results && i < results->len; i++)
    {
      SmmCancelResult *r = results->pdata[i];
      g_autofree char *order = g_strdup_printf ("%" G_GINT64_FORMAT, r->order_id);

      if (r->accepted)
        g_string_append_printf (bulk->body, _("Order %s: cancel requested\n"), order);
      else
        g_string_append_printf (bulk->body, _("Order %s: %s\n"), order, r->error->message);
    }
  bulk_done (bulk);
}

static void
bulk_start (SmmOrdersPage *self,
            gboolean       refill,
            GHashTable    *chosen)
{
  guint n_ids = 0;
  g_autoptr(GHashTable) by_account = chosen ? g_hash_table_ref (chosen) : selected_panel_ids (self, &n_ids);
  SmmTracker *tracker = smm_application_get_tracker (self->app);
  GHashTableIter iter;
  gpointer key, value;
  Bulk *bulk;

  if (g_hash_table_size (by_account) == 0)
    return;
  bulk = g_new0 (Bulk, 1);
  bulk->self = g_object_ref (self);
  bulk->refill = refill;
  bulk->body = g_string_new (NULL);
  bulk->pending = g_hash_table_size (by_account);
  g_hash_table_iter_init (&iter, by_account);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *ids = value;

      if (refill)
        smm_tracker_refill_async (tracker, *(gint64 *) key, (gint64 *) ids->data, ids->len, NULL, refill_cb, bulk);
      else
        smm_tracker_cancel_async (tracker, *(gint64 *) key, (gint64 *) ids->data, ids->len, NULL, cancel_cb, bulk);
    }
}

static void
refill_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  bulk_start (SMM_ORDERS_PAGE (widget), TRUE, NULL);
}

static void
cancel_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    SmmOrdersPage  *self)
{
  /* the orders chosen when the question was asked: a reload meanwhile may have cleared the selection */
  if (g_strcmp0 (response, "cancel-orders") == 0)
    bulk_start (self, FALSE, g_object_get_data (G_OBJECT (dialog), "orders"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  guint n_ids;
  g_autoptr(GHashTable) by_account = selected_panel_ids (self, &n_ids);
  g_autofree char *heading = NULL;
  AdwAlertDialog *dialog;

  if (n_ids == 0)
    return;
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cancel %u Order?", "Cancel %u Orders?", n_ids), n_ids);
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, _("The panel cancels what it has not delivered yet and "
                                                              "refunds it. Some services cannot be canceled.")));
  adw_alert_dialog_add_responses (dialog, "keep", _("_Keep"), "cancel-orders", _("_Cancel Orders"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "cancel-orders", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter keeps the orders, as the focus on Keep did in the message dialog */
  adw_alert_dialog_set_default_response (dialog, "keep");
  adw_alert_dialog_set_close_response (dialog, "keep");
  g_object_set_data_full (G_OBJECT (dialog), "orders", g_steal_pointer (&by_account),
                          (GDestroyNotify) g_hash_table_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = selected_orders (self);
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(SmmOrderRequest) prefill = NULL;
  SmmStore *store = smm_application_get_store (self->app);
  SmmOrder *order;

  if (orders->len == 0 || self->account == NULL)
    return;
  order = orders->pdata[0];
  services = smm_store_load_services (store, smm_order_get_account_id (order), NULL, NULL);
  for (guint i = 0; services && i < services->len; i++)
    {
      SmmService *service = services->pdata[i];

      if (smm_service_get_id (service) != smm_order_get_service_id (order))
        continue;
      GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (self->app));

      prefill = smm_store_get_order_request (store, smm_order_get_local_id (order),
                                             smm_service_get_service_type (service), NULL);
      /* on the order's own account, whichever is on screen */
      for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
        {
          g_autoptr(SmmAccount) account = g_list_model_get_item (accounts, a);
          if (smm_account_get_id (account) == smm_order_get_account_id (order))
            {
              smm_window_new_order (get_window (self), account, service, prefill);
              return;
            }
        }
      smm_window_toast (get_window (self), _("The account of this order was removed."));
      return;
    }
  smm_window_toast (get_window (self), _("This service is no longer in the panel’s catalogue."));
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = selected_orders (self);
  g_autoptr(GString) links = g_string_new (NULL);

  for (guint i = 0; i < orders->len; i++)
    g_string_append_printf (links, "%s%s", i ? "\n" : "", smm_order_get_link (orders->pdata[i]));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), links->str);
  smm_window_toast (get_window (self), g_dngettext (GETTEXT_PACKAGE, "Link copied", "Links copied", orders->len));
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(SmmOrdersPage) self = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) && get_window (self))
    smm_window_toast (get_window (self), error->message);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = selected_orders (self);
  g_autofree char *uri = NULL;
  g_autoptr(GtkUriLauncher) launcher = NULL;
  const char *link;

  if (orders->len == 0)
    return;
  link = smm_order_get_link (orders->pdata[0]);
  if (!smm_link_is_valid (link))
    return;
  uri = g_str_has_prefix (link, "http") ? g_strdup (link) : g_strconcat ("https://", link, NULL);
  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (get_window (self)), NULL, launched_cb, g_object_ref (self));
}

static void
resolve_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     SmmOrdersPage  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  gint64 local_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "local-id"));
  g_autoptr(GError) error = NULL;
  guint64 panel_id;
  gboolean ok = TRUE;

  if (g_str_equal (response, "discard"))
    ok = smm_store_discard_order (smm_application_get_store (self->app), local_id, &error);
  else if (g_str_equal (response, "save"))
    {
      if (!g_ascii_string_to_unsigned (gtk_editable_get_text (entry), 10, 1, G_MAXINT64, &panel_id, NULL))
        {
          smm_window_toast (get_window (self), _("The order ID is a number, as the panel’s web site shows it."));
          return;
        }
      ok = smm_store_resolve_order (smm_application_get_store (self->app), local_id, panel_id, &error);
    }
  else
    return;
  if (!ok)
    smm_window_toast (get_window (self), error->message);
  smm_window_orders_changed (get_window (self));
}

static void
resolve_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = selected_orders (self);
  AdwAlertDialog *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;
  SmmOrder *order = NULL;

  for (guint i = 0; i < orders->len && order == NULL; i++)
    if (smm_order_get_status (orders->pdata[i]) == SMM_ORDER_STATUS_UNCONFIRMED)
      order = orders->pdata[i];
  if (order == NULL)
    {
      smm_window_toast (get_window (self), _("Select an unconfirmed order to settle it."));
      return;
    }
  body = g_strdup_printf (_("SMM Desk sent “%s” for %s, but no clear answer came back. Look for it in the orders "
                            "page of the panel’s web site: if it is there, enter its ID; if not, discard it."),
                          smm_order_get_service_name (order), smm_order_get_link (order));
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Settle an Unconfirmed Order"), body));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Order ID on the panel"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Order ID on the panel"), -1);
  adw_alert_dialog_set_extra_child (dialog, entry);
  adw_alert_dialog_add_responses (dialog, "later", _("_Later"), "discard", _("_Discard"), "save",
                                  _("_Save ID"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_close_response (dialog, "later");
  /* the ID is what is asked for first */
  adw_dialog_set_focus (ADW_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "local-id", GSIZE_TO_POINTER (smm_order_get_local_id (order)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (resolve_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
selection_changed_cb (SmmOrdersPage *self)
{
  g_autoptr(GPtrArray) orders = selected_orders (self);
  gboolean placed = FALSE, unconfirmed = FALSE;

  for (guint i = 0; i < orders->len; i++)
    {
      placed |= smm_order_get_id (orders->pdata[i]) > 0;
      unconfirmed |= smm_order_get_status (orders->pdata[i]) == SMM_ORDER_STATUS_UNCONFIRMED;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.refill", placed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.cancel", placed);
  /* an unconfirmed order may exist on the panel: ordering it again is for after settling it */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.duplicate", orders->len > 0 && !unconfirmed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.copy-link", orders->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.open-link", orders->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.resolve", unconfirmed);
}

/* ---------------------------------------------------------------------------------------------
 * Cell formatting
 */

static char *
format_id (gpointer unused,
           gint64   id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("–");
}

static char *
format_count (gpointer unused,
              gint64   value)
{
  return value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("–");
}

static char *
format_progress (gpointer unused,
                 double   progress)
{
  /* Translators: how much of the order was delivered */
  return g_strdup_printf (_("%d%% delivered"), (int) (progress * 100 + 0.5));
}

static char *
format_charge (gpointer        unused,
               SmmOrder       *order,
               const SmmMoney *charge)
{
  if (order == NULL || charge == NULL)
    return g_strdup ("–");
  return smm_money_format_with_currency (*charge, smm_order_get_currency (order));
}

static char *
format_status (gpointer        unused,
               SmmOrderStatus  status,
               const char     *text)
{
  if (status == SMM_ORDER_STATUS_UNKNOWN)
    return g_strdup (text ? text : "");
  return g_strdup (smm_order_status_get_label (status));
}

static GStrv
status_classes (gpointer       unused,
                SmmOrderStatus status)
{
  const char *kind;

  switch (status)
    {
    case SMM_ORDER_STATUS_COMPLETED: kind = "status-completed"; break;
    case SMM_ORDER_STATUS_PARTIAL: kind = "status-partial"; break;
    case SMM_ORDER_STATUS_CANCELED:
    case SMM_ORDER_STATUS_REFUNDED:
    case SMM_ORDER_STATUS_REJECTED: kind = "status-canceled"; break;
    case SMM_ORDER_STATUS_UNCONFIRMED: kind = "status-unconfirmed"; break;
    case SMM_ORDER_STATUS_IN_PROGRESS:
    case SMM_ORDER_STATUS_PROCESSING: kind = "status-in-progress"; break;
    default: kind = "status-pending"; break;
    }
  {
    const char *classes[] = { "status-pill", kind, NULL };
    return g_strdupv ((char **) classes);
  }
}

static char *
format_error (gpointer      unused,
              const GError *error)
{
  return error ? g_strdup (error->message) : NULL;
}

static char *
format_created (gpointer   unused,
                GDateTime *created)
{
  return smm_format_relative_time (created);
}

static char *
format_created_full (gpointer   unused,
                     GDateTime *created)
{
  g_autoptr(GDateTime) local = created ? g_date_time_to_local (created) : NULL;

  return local ? g_date_time_format (local, "%c") : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * The widget
 */

static void
smm_orders_page_dispose (GObject *object)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_ORDERS_PAGE);
  g_clear_object (&self->selection);
  if (self->orders)
    g_signal_handlers_disconnect_by_data (self->orders, self);
  g_clear_object (&self->orders);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (smm_orders_page_parent_class)->dispose (object);
}

/* ---------------------------------------------------------------------------------------------
 * Cells
 */

static void
update_id (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? format_id (NULL, smm_order_get_id (item)) : NULL);
}

static void
update_service (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? g_strdup (smm_order_get_service_name (item)) : NULL);
}

static void
update_link (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? g_strdup (smm_order_get_link (item)) : NULL);
}

static void
update_quantity (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? format_count (NULL, smm_order_get_quantity (item)) : NULL);
}

static GtkWidget *
new_progress_cell (gpointer unused)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 80, -1);
  return bar;
}

static void
update_progress (GtkWidget *cell, gpointer item, gpointer unused)
{
  double progress = item ? smm_order_get_progress (item) : 0;
  g_autofree char *tooltip = item ? format_progress (NULL, progress) : NULL;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (cell), progress);
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static void
update_charge (GtkWidget *cell, gpointer item, gpointer unused)
{
  SmmMoney charge;

  smm_cell_take_text (cell, item ? format_charge (NULL, item, smm_order_get_charge (item, &charge) ? &charge : NULL) : NULL);
}

static GtkWidget *
new_status_cell (gpointer unused)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

static void
update_status (GtkWidget *cell, gpointer item, gpointer unused)
{
  g_auto(GStrv) classes = NULL;
  g_autofree char *tooltip = NULL;

  if (item == NULL)
    {
      gtk_label_set_label (GTK_LABEL (cell), "");
      return;
    }
  smm_cell_take_text (cell, format_status (NULL, smm_order_get_status (item), smm_order_get_status_text (item)));
  classes = status_classes (NULL, smm_order_get_status (item));
  gtk_widget_set_css_classes (cell, (const char **) classes);
  tooltip = format_error (NULL, smm_order_get_error (item));
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static void
update_start (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? format_count (NULL, smm_order_get_start_count (item)) : NULL);
}

static void
update_remains (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? format_count (NULL, smm_order_get_remains (item)) : NULL);
}

static void
update_created (GtkWidget *cell, gpointer item, gpointer unused)
{
  g_autofree char *tooltip = item ? format_created_full (NULL, smm_order_get_created (item)) : NULL;

  smm_cell_take_text (cell, item ? format_created (NULL, smm_order_get_created (item)) : NULL);
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static void
smm_orders_page_class_init (SmmOrdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_orders_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* the template's expressions look this type up by name */
  g_type_ensure (SMM_TYPE_ORDER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, box);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, all_accounts_toggle);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, unconfirmed_revealer);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, unconfirmed_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_unconfirmed_cb);

  gtk_widget_class_install_action (widget_class, "orders.refill", NULL, refill_action);
  gtk_widget_class_install_action (widget_class, "orders.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "orders.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "orders.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "orders.open-link", NULL, open_link_action);
  gtk_widget_class_install_action (widget_class, "orders.resolve", NULL, resolve_action);
}

static void
smm_orders_page_init (SmmOrdersPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *columns;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, filters[i].label));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));

  smm_cell_set_factory (self->column_view, 0, smm_cell_new_number, update_id);
  smm_cell_set_factory (self->column_view, 1, smm_cell_new_text, update_service);
  smm_cell_set_factory (self->column_view, 2, smm_cell_new_text_middle, update_link);
  smm_cell_set_factory (self->column_view, 3, smm_cell_new_number, update_quantity);
  smm_cell_set_factory (self->column_view, 4, new_progress_cell, update_progress);
  smm_cell_set_factory (self->column_view, 5, smm_cell_new_number, update_charge);
  smm_cell_set_factory (self->column_view, 6, new_status_cell, update_status);
  smm_cell_set_factory (self->column_view, 7, smm_cell_new_number, update_start);
  smm_cell_set_factory (self->column_view, 8, smm_cell_new_number, update_remains);
  smm_cell_set_factory (self->column_view, 9, smm_cell_new_label, update_created);

  /* the store sorts: a column whose sorter names no key of the store is not sortable */
  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (sort_key_of_column (column) == NULL)
        gtk_column_view_column_set_sorter (column, NULL);
    }
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (sort_changed_cb), self);
  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self);
}

/**
 * smm_orders_page_get_query:
 * @query: (out caller-allocates): the filter of the orders on screen; its search
 *   text belongs to the page and is valid until the page changes
 *
 * For exporting what the user sees.
 */
void
smm_orders_page_get_query (SmmOrdersPage *self,
                           SmmOrderQuery *query)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected >= G_N_ELEMENTS (filters))
    selected = 0;
  *query = (SmmOrderQuery) { 0 };
  query->account_id = gtk_toggle_button_get_active (self->all_accounts_toggle) || self->account == NULL
                        ? 0 : smm_account_get_id (self->account);
  query->filter = filters[selected].filter;
  query->status = filters[selected].status;
  query->search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}
