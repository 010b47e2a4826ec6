/* smm-orders-page.c: the order history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-orders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-orders-page-private.h"
#include "smm-cell.h"
#include "smm-format.h"
#include "smm-order-list.h"
#include "smm-window.h"

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
      /* selected, focused and scrolled to: the order of a notification may be far down the list */
      gtk_column_view_scroll_to (self->column_view, position, NULL,
                                 GTK_LIST_SCROLL_SELECT | GTK_LIST_SCROLL_FOCUS, NULL);
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

static gboolean
update_actions_idle (gpointer data)
{
  SmmOrdersPage *self = data;

  self->actions_idle = 0;
  smm_orders_page_update_actions (self);
  return G_SOURCE_REMOVE;
}

/* A selected order that ends can be refilled and no longer canceled: the actions follow its status,
 * once for a refresh's batch of changes */
static void
order_changed_cb (SmmOrdersPage *self)
{
  if (self->actions_idle == 0)
    self->actions_idle = g_idle_add (update_actions_idle, self);
}

void
smm_orders_page_set_account (SmmOrdersPage  *self,
                             SmmApplication *app,
                             SmmAccount     *account)
{
  SmmTracker *tracker = app ? smm_application_get_tracker (app) : NULL;

  if (tracker != self->tracker)
    {
      if (self->tracker)
        g_signal_handlers_disconnect_by_data (self->tracker, self);
      g_set_object (&self->tracker, tracker);
      if (tracker)
        g_signal_connect_object (tracker, "order-changed", G_CALLBACK (order_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->app = app;
  g_set_object (&self->account, account);
  smm_orders_page_reload (self);
  smm_orders_page_update_actions (self);
}

/* Escape in the search clears it, as in the services page */
static void
stop_search_cb (SmmOrdersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
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

/* What the panels of the selected orders lack (SmmPanelAction flags), each account asked once:
 * an action is offered when one of them has it. */
static guint
selection_lacks (SmmOrdersPage *self,
                 GPtrArray     *orders)
{
  SmmStore *store = self->app ? smm_application_get_store (self->app) : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint offered = 0;

  for (guint i = 0; store && i < orders->len; i++)
    {
      gint64 account_id = smm_order_get_account_id (orders->pdata[i]);
      g_autoptr(SmmAccount) account = NULL;

      if (smm_order_get_id (orders->pdata[i]) <= 0 || g_hash_table_contains (seen, &account_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&account_id, sizeof account_id));
      account = smm_store_get_account (store, account_id, NULL);
      offered |= account ? ~smm_account_get_unsupported (account) : ~0u;
    }
  return g_hash_table_size (seen) > 0 ? ~offered : 0;
}

static void
set_action (SmmOrdersPage  *self,
            const char     *name,
            GtkWidget      *button,
            gboolean        enabled,
            SmmPanelAction  lacking,
            const char     *tooltip)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled && lacking == 0);
  gtk_widget_set_tooltip_text (button, lacking ? smm_panel_action_unsupported_message (lacking) : tooltip);
}

/* The banner: what the page's account's panel does not offer, in words */
static void
update_banner (SmmOrdersPage *self)
{
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  const SmmPanelAction told[] = { SMM_PANEL_ACTION_REFILL, SMM_PANEL_ACTION_CANCEL };
  SmmStore *store = self->app ? smm_application_get_store (self->app) : NULL;

  if (store && self->account)
    account = smm_store_get_account (store, smm_account_get_id (self->account), NULL);
  for (guint i = 0; account && i < G_N_ELEMENTS (told); i++)
    if (!smm_account_supports (account, told[i]))
      g_string_append_printf (title, "%s%s.", title->len ? " " : "", smm_panel_action_unsupported_message (told[i]));
  if (account)
    smm_account_set_unsupported (self->account, smm_account_get_unsupported (account));
  adw_banner_set_title (self->unsupported_banner, title->str);
  adw_banner_set_revealed (self->unsupported_banner, title->len > 0);
}

void
smm_orders_page_update_actions (SmmOrdersPage *self)
{
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
  gboolean placed = FALSE, unconfirmed = FALSE, delivered = FALSE, running = FALSE;
  guint lacks;

  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrderStatus status = smm_order_get_status (orders->pdata[i]);

      if (smm_order_get_id (orders->pdata[i]) > 0)
        {
          placed = TRUE;
          /* a refill is for what was delivered, a cancel for what is still being delivered */
          delivered |= status == SMM_ORDER_STATUS_COMPLETED || status == SMM_ORDER_STATUS_PARTIAL;
          running |= !smm_order_status_is_final (status);
        }
      unconfirmed |= status == SMM_ORDER_STATUS_UNCONFIRMED;
    }
  lacks = selection_lacks (self, orders);
  set_action (self, "orders.refill", self->refill_button, placed && delivered, lacks & SMM_PANEL_ACTION_REFILL,
              placed && !delivered ? _("Only a completed or partial order can be refilled")
                                   : _("Ask the panel to refill the selected orders"));
  set_action (self, "orders.cancel", self->cancel_button, placed && running, lacks & SMM_PANEL_ACTION_CANCEL,
              placed && !running ? _("These orders have ended: there is nothing left to cancel")
                                 : _("Ask the panel to cancel the selected orders"));
  /* an unconfirmed order may exist on the panel: ordering it again is for after settling it */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.duplicate", orders->len > 0 && !unconfirmed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.copy-link", orders->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.open-link", orders->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.resolve", unconfirmed);
  smm_orders_page_update_attach_action (self);
  update_banner (self);
}

static void
selection_changed_cb (SmmOrdersPage *self)
{
  smm_orders_page_update_actions (self);
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
  g_clear_handle_id (&self->actions_idle, g_source_remove);
  if (self->tracker)
    g_signal_handlers_disconnect_by_data (self->tracker, self);
  g_clear_object (&self->tracker);

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
  const char *name = item ? smm_order_get_service_name (item) : NULL;

  /* an imported order's service is unknown until the user attaches it */
  smm_cell_take_text (cell, item ? g_strdup (*name ? name : "–") : NULL);
}

static void
update_link (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? g_strdup (smm_order_get_link (item)) : NULL);
}

static void
update_quantity (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? smm_format_count (smm_order_get_quantity (item)) : NULL);
}

static GtkWidget *
new_progress_cell (gpointer unused)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_ellipsize (GTK_PROGRESS_BAR (bar), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 80, -1);
  return bar;
}

/* The bar takes the colour of the status pill once the order has ended: a canceled order's bar
 * is not the blue of one being delivered */
static void
set_progress_class (GtkWidget      *bar,
                    SmmOrderStatus  status)
{
  const char *classes[] = { "progress-completed", "progress-partial", "progress-canceled" };
  const char *wanted = NULL;

  switch (status)
    {
    case SMM_ORDER_STATUS_COMPLETED: wanted = classes[0]; break;
    case SMM_ORDER_STATUS_PARTIAL: wanted = classes[1]; break;
    case SMM_ORDER_STATUS_CANCELED:
    case SMM_ORDER_STATUS_REFUNDED:
    case SMM_ORDER_STATUS_REJECTED:
    case SMM_ORDER_STATUS_EXPIRED: wanted = classes[2]; break;
    default: break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (classes[i] != wanted)
      gtk_widget_remove_css_class (bar, classes[i]);
  if (wanted)
    gtk_widget_add_css_class (bar, wanted);
}

/* A subscription's bar says it is one, and what it is at ("3 posts, until 31 Jan 2027"): its
 * remains say nothing of how far it is */
void
smm_orders_page_update_progress (GtkWidget *cell, gpointer item, gpointer unused)
{
  gboolean subscription = item && smm_order_is_subscription (item);
  double progress = item && !subscription ? smm_order_get_progress (item) : 0;
  g_autofree char *summary = subscription ? smm_order_dup_subscription_summary (item) : NULL;
  g_autofree char *tooltip = NULL;

  if (subscription)
    /* Translators: an order's progress, as in "Subscription: 3 posts, until 31 Jan 2027" */
    tooltip = summary ? g_strdup_printf (_("Subscription: %s"), summary) : g_strdup (_("Subscription"));
  else if (item)
    tooltip = format_progress (NULL, progress);
  set_progress_class (cell, item ? smm_order_get_status (item) : SMM_ORDER_STATUS_UNKNOWN);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (cell), progress);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (cell), subscription);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (cell), subscription ? (summary ? summary : _("Subscription")) : NULL);
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
  smm_cell_take_text (cell, item ? smm_format_count (smm_order_get_start_count (item)) : NULL);
}

static void
update_remains (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? smm_format_count (smm_order_get_remains (item)) : NULL);
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
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, unsupported_banner);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, refill_button);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, attach_button);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, unconfirmed_revealer);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, unconfirmed_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmmOrdersPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_unconfirmed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "orders.refill", NULL, smm_orders_page_refill_action);
  gtk_widget_class_install_action (widget_class, "orders.cancel", NULL, smm_orders_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "orders.duplicate", NULL, smm_orders_page_duplicate_action);
  gtk_widget_class_install_action (widget_class, "orders.copy-link", NULL, smm_orders_page_copy_link_action);
  gtk_widget_class_install_action (widget_class, "orders.open-link", NULL, smm_orders_page_open_link_action);
  gtk_widget_class_install_action (widget_class, "orders.resolve", NULL, smm_orders_page_resolve_action);
  gtk_widget_class_install_action (widget_class, "orders.attach-service", NULL, smm_orders_page_attach_service_action);
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
  smm_cell_set_factory (self->column_view, 4, new_progress_cell, smm_orders_page_update_progress);
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
