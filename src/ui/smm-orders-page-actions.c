/* smm-orders-page-actions.c: what the user does with the orders chosen: refill, cancel,
 * duplicate, copy or open the link, settle an unconfirmed order, attach an imported order's service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-orders-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "smm-orders-page-private.h"
#include "smm-question.h"
#include "smm-service-chooser.h"
#include "smm-window.h"

GPtrArray *
smm_orders_page_selected_orders (SmmOrdersPage *self)
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
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
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

/* A toast in the page's window; none for a page on its own (as in tests) */
static void
page_toast (SmmOrdersPage *self,
            const char    *text)
{
  SmmWindow *window = get_window (self);

  if (window)
    smm_window_toast (window, text);
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
      /* the panel may have said that it has no such action */
      smm_orders_page_update_actions (self);
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
  g_autoptr(GPtrArray) refills = smm_order_actions_refill_finish (SMM_ORDER_ACTIONS (object), result, &error);

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
  g_autoptr(GPtrArray) results = smm_order_actions_cancel_finish (SMM_ORDER_ACTIONS (object), result, &error);

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
  SmmOrderActions *actions = smm_application_get_actions (self->app);
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
        smm_order_actions_refill_async (actions, *(gint64 *) key, (gint64 *) ids->data, ids->len, NULL, refill_cb, bulk);
      else
        smm_order_actions_cancel_async (actions, *(gint64 *) key, (gint64 *) ids->data, ids->len, NULL, cancel_cb, bulk);
    }
}

void
smm_orders_page_refill_action (GtkWidget  *widget,
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

void
smm_orders_page_cancel_action (GtkWidget  *widget,
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
  dialog = smm_question_new (heading, _("The panel cancels what it has not delivered yet and refunds it. "
                                       "Some services cannot be canceled."),
                            "keep", _("_Keep"), "cancel-orders", _("_Cancel Orders"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "orders", g_steal_pointer (&by_account),
                          (GDestroyNotify) g_hash_table_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

/* An order of the page, while the catalogue of its account is read */
typedef struct {
  SmmOrdersPage *self;
  SmmOrder      *order;
} PageOrder;

static PageOrder *
page_order_new (SmmOrdersPage *self,
                SmmOrder      *order)
{
  PageOrder *page_order = g_new0 (PageOrder, 1);

  page_order->self = g_object_ref (self);
  page_order->order = g_object_ref (order);
  return page_order;
}

static void
page_order_free (PageOrder *page_order)
{
  g_object_unref (page_order->self);
  g_object_unref (page_order->order);
  g_free (page_order);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageOrder, page_order_free)

/* The catalogue of the order's account is read: the order dialog opens with the order's fields. */
static void
duplicate_services_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(PageOrder) duplicating = data;
  SmmOrdersPage *self = duplicating->self;
  SmmOrder *order = duplicating->order;
  SmmStore *store = SMM_STORE (object);
  g_autoptr(GPtrArray) services = smm_store_load_services_finish (store, result, NULL);
  g_autoptr(SmmOrderRequest) prefill = NULL;

  if (self->app == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;   /* the window closed meanwhile */
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
      page_toast (self, _("The account of this order was removed."));
      return;
    }
  page_toast (self, _("This service is no longer in the panel’s catalogue."));
}

void
smm_orders_page_duplicate_action (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
  PageOrder *duplicating;

  if (orders->len == 0 || self->account == NULL)
    return;
  duplicating = page_order_new (self, orders->pdata[0]);
  /* a catalogue of 10,000 services is ~30 ms to read: on the store's worker */
  smm_store_load_services_async (smm_application_get_store (self->app),
                                 smm_order_get_account_id (duplicating->order), NULL,
                                 duplicate_services_cb, duplicating);
}

void
smm_orders_page_copy_link_action (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
  g_autoptr(GString) links = g_string_new (NULL);

  for (guint i = 0; i < orders->len; i++)
    g_string_append_printf (links, "%s%s", i ? "\n" : "", smm_order_get_link (orders->pdata[i]));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), links->str);
  page_toast (self, g_dngettext (GETTEXT_PACKAGE, "Link copied", "Links copied", orders->len));
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
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    page_toast (self, error->message);
}

void
smm_orders_page_open_link_action (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
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

/* The panel's order id typed in @entry, or 0 when it is not one */
static guint64
resolve_entry_id (GtkEditable *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  guint64 panel_id;

  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &panel_id, NULL) ? panel_id : 0;
}

/* Save ID is offered once the entry holds an id; text that is not one is marked where it is typed */
static void
resolve_entry_changed_cb (GtkEditable    *entry,
                          AdwAlertDialog *dialog)
{
  gboolean valid = resolve_entry_id (entry) > 0;
  gboolean typed = *gtk_editable_get_text (entry) != '\0';

  adw_alert_dialog_set_response_enabled (dialog, "save", valid);
  if (typed && !valid)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), typed && !valid
                               ? _("The order ID is a number, as the panel’s web site shows it")
                               : NULL);
}

static void
resolve_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     SmmOrdersPage  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  gint64 local_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "local-id"));
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint64 panel_id = resolve_entry_id (entry);
  gboolean ok;

  if (g_str_equal (response, "discard"))
    {
      ok = smm_store_discard_order (smm_application_get_store (self->app), local_id, &error);
      done = g_strdup (_("The order was discarded: it costs nothing"));
    }
  else if (g_str_equal (response, "save") && panel_id > 0)
    {
      ok = smm_store_resolve_order (smm_application_get_store (self->app), local_id, panel_id, &error);
      g_autofree char *id_text = g_strdup_printf ("%" G_GUINT64_FORMAT, panel_id);

      /* Translators: %s is the panel's order id */
      done = g_strdup_printf (_("Order %s saved as placed: it is tracked now"), id_text);
    }
  else
    return;
  page_toast (self, ok ? done : error->message);
  if (get_window (self))
    smm_window_orders_changed (get_window (self));
  smm_orders_page_update_actions (self);
}

void
smm_orders_page_resolve_action (GtkWidget  *widget,
                                const char *name,
                                GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
  AdwAlertDialog *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;
  SmmOrder *order = NULL;

  for (guint i = 0; i < orders->len && order == NULL; i++)
    if (smm_order_get_status (orders->pdata[i]) == SMM_ORDER_STATUS_UNCONFIRMED)
      order = orders->pdata[i];
  if (order == NULL)
    {
      page_toast (self, _("Select an unconfirmed order to settle it."));
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
  adw_alert_dialog_set_response_enabled (dialog, "save", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (resolve_entry_changed_cb), dialog, 0);
  /* the ID is what is asked for first */
  adw_dialog_set_focus (ADW_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "local-id", GSIZE_TO_POINTER (smm_order_get_local_id (order)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (resolve_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

/* Returns: (transfer none) (nullable): the one order selected, if it was imported and its
 * service is still unknown (the panel's `status` never tells it) */
static SmmOrder *
order_without_service (SmmOrdersPage *self,
                       GPtrArray     *orders)
{
  SmmOrder *order;

  if (orders->len != 1)
    return NULL;
  order = orders->pdata[0];
  return smm_order_get_id (order) > 0 && smm_order_get_service_id (order) <= 0 ? order : NULL;
}

void
smm_orders_page_update_attach_action (SmmOrdersPage *self)
{
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
  gboolean attachable = order_without_service (self, orders) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orders.attach-service", attachable);
  /* a button that is almost never of use is not shown greyed out beside the others */
  gtk_widget_set_visible (self->attach_button, attachable);
}

static void
attach_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    SmmOrdersPage  *self)
{
  SmmOrder *order = g_object_get_data (G_OBJECT (dialog), "order");
  SmmService *service = smm_service_chooser_get_service (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || service == NULL || self->app == NULL)
    return;
  /* the row is the store's own SmmOrder: it shows the service at once; the quantity stays "—" */
  if (!smm_store_attach_service (smm_application_get_store (self->app), smm_order_get_local_id (order),
                                 service, &error))
    {
      page_toast (self, error->message);
      return;
    }
  smm_orders_page_update_actions (self);
}

/* The catalogue of the order's account is read: the user chooses in it. */
static void
attach_services_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(PageOrder) attaching = data;
  SmmOrdersPage *self = attaching->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = smm_store_load_services_finish (SMM_STORE (object), result, &error);
  g_autofree char *heading = NULL;
  AdwAlertDialog *dialog;

  if (self->app == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;   /* the window closed meanwhile */
  if (services == NULL || services->len == 0)
    {
      page_toast (self, services ? _("The account’s catalogue is empty: open its services "
                                     "page to fetch it, then try again.")
                                 : error->message);
      return;
    }
  heading = g_strdup_printf (_("Service of Order %" PRId64), smm_order_get_id (attaching->order));
  dialog = smm_service_chooser_new (heading,
                                    _("The panel does not tell which service an order placed on its web site is "
                                      "for. Choose it from the account’s catalogue; the quantity stays unknown."),
                                    services, _("_Attach"));
  g_object_set_data_full (G_OBJECT (dialog), "order", g_object_ref (attaching->order), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (attach_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

void
smm_orders_page_attach_service_action (GtkWidget  *widget,
                                       const char *name,
                                       GVariant   *parameter)
{
  SmmOrdersPage *self = SMM_ORDERS_PAGE (widget);
  g_autoptr(GPtrArray) orders = smm_orders_page_selected_orders (self);
  SmmOrder *order = order_without_service (self, orders);
  PageOrder *attaching;

  if (order == NULL || self->app == NULL)
    return;
  attaching = page_order_new (self, order);
  smm_store_load_services_async (smm_application_get_store (self->app), smm_order_get_account_id (order), NULL,
                                 attach_services_cb, attaching);
}
