/* smm-mass-order-dialog.c: many orders at once, from pasted text or a file
 *
 * The text is read and checked against the account's catalogue as the user
 * types; the table shows each line's service, charge and problem, the summary
 * the total against the balance. Placing goes line by line through the order actions,
 * the path of a single order (recorded before it is sent, never sent twice),
 * and can be stopped between two lines. Once placing has begun the text is
 * frozen: the same lines are never placed again from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-mass-order-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "smm-column.h"
#include "smm-format.h"
#include "smm-mass-order-dialog.h"
#include "smm-question.h"

#define CHECK_DELAY_MS 250

struct _SmmMassOrderDialog
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkButton           *open_button;
  GtkButton           *place_button;
  GtkButton           *stop_button;
  GtkSpinner          *spinner;
  GtkTextView         *text_view;
  GtkColumnView       *column_view;
  GtkLabel            *summary_label;

  SmmWindow           *window;
  SmmAccount          *account;
  GPtrArray           *services;
  SmmMassOrder        *mass;
  GtkNoSelection      *selection;
  GCancellable        *cancellable;     /* stops placing between lines */
  AdwAlertDialog      *confirmation;    /* the question on screen, presented on the dialog */
  GCancellable        *open_cancellable; /* a file is being chosen */
  SmmMassOrderSummary  summary;
  guint                check_timeout;
  gboolean             placing;
  gboolean             placed;           /* placing has begun once: the text is frozen */
};

G_DEFINE_FINAL_TYPE (SmmMassOrderDialog, smm_mass_order_dialog, ADW_TYPE_WINDOW)

enum {
  PLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
money_text (SmmMassOrderDialog *self,
            SmmMoney            amount)
{
  return smm_money_format_with_currency (amount, smm_account_get_currency (self->account));
}

/* ---------------------------------------------------------------------------------------------
 * The table
 */

static char *
line_text (gpointer item,
           gpointer data)
{
  return g_strdup_printf ("%u", smm_mass_order_line_get_line (item));
}

static char *
service_text (gpointer item,
              gpointer data)
{
  SmmService *service = smm_mass_order_line_get_service (item);
  gint64 id = smm_mass_order_line_get_service_id (item);

  if (service)
    return g_strdup_printf ("%" G_GINT64_FORMAT " · %s", id, smm_service_get_name (service));
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("–");
}

static char *
link_text (gpointer item,
           gpointer data)
{
  const char *link = smm_mass_order_line_get_link (item);

  return g_strdup (link && *link ? link : "–");
}

static char *
quantity_text (gpointer item,
               gpointer data)
{
  gint64 quantity = smm_mass_order_line_get_quantity (item);

  return quantity > 0 ? smm_format_count (quantity) : g_strdup ("–");
}

static char *
charge_text (gpointer item,
             gpointer data)
{
  SmmMassOrderDialog *self = data;
  SmmMoney charge;

  if (!smm_mass_order_line_get_charge (item, &charge))
    return g_strdup ("–");
  return money_text (self, charge);
}

static char *
check_text (gpointer item,
            gpointer data)
{
  SmmMassOrderState state = smm_mass_order_line_get_state (item);
  const GError *error = smm_mass_order_line_get_error (item);
  SmmOrder *order = smm_mass_order_line_get_order (item);

  if (state == SMM_MASS_ORDER_STATE_PLACED && order != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (order));
      /* Translators: a line of a mass order was placed; %s is the panel's order number */
      return g_strdup_printf (_("Placed: order %s"), id);
    }
  /* the error names the line already */
  if (error != NULL && state == SMM_MASS_ORDER_STATE_INVALID)
    return g_strdup (error->message);
  if (error != NULL)
    return g_strdup_printf ("%s: %s", smm_mass_order_state_get_label (state), error->message);
  return g_strdup (smm_mass_order_state_get_label (state));
}

static const char *
check_class (gpointer item,
             gpointer data)
{
  switch (smm_mass_order_line_get_state (item))
    {
    case SMM_MASS_ORDER_STATE_INVALID:
    case SMM_MASS_ORDER_STATE_REJECTED:
    case SMM_MASS_ORDER_STATE_FAILED:
      return "error";
    case SMM_MASS_ORDER_STATE_UNCONFIRMED:
    case SMM_MASS_ORDER_STATE_SKIPPED:
      return "warning";
    case SMM_MASS_ORDER_STATE_PLACED:
    case SMM_MASS_ORDER_STATE_READY:
      return "success";
    case SMM_MASS_ORDER_STATE_NEW:
    case SMM_MASS_ORDER_STATE_SENDING:
    default:
      return NULL;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Checking
 */

static void
update_buttons (SmmMassOrderDialog *self)
{
  gboolean can_place = !self->placing && !self->placed && self->mass != NULL && self->summary.n_ready > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->place_button), can_place);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), self->placing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stop_button), self->placing &&
                            !g_cancellable_is_cancelled (self->cancellable));
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), !self->placing && !self->placed);
  gtk_text_view_set_editable (self->text_view, !self->placing && !self->placed);
  gtk_spinner_set_spinning (self->spinner, self->placing);
}

static void
show_summary (SmmMassOrderDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = money_text (self, self->summary.total);
  SmmMoney balance;

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u order ready, %s in all.",
                                             "%u orders ready, %s in all.", self->summary.n_ready),
                          self->summary.n_ready, total);
  if (self->summary.n_invalid > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u line has a problem and will not be placed.",
                                                 "%u lines have problems and will not be placed.",
                                                 self->summary.n_invalid), self->summary.n_invalid);
    }
  if (smm_account_get_balance (self->account, &balance))
    {
      g_autofree char *balance_text = money_text (self, balance);

      g_string_append_c (text, ' ');
      if (self->summary.over_balance)
        g_string_append_printf (text, _("The balance, %s, is not enough for all of them: placing stops at the "
                                        "first order the panel refuses."), balance_text);
      else
        g_string_append_printf (text, _("The balance is %s."), balance_text);
    }
  if (self->services == NULL || self->services->len == 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("The catalogue of this panel is not loaded yet: open the Services page first."));
    }
  gtk_label_set_label (self->summary_label, text->str);
  if (self->summary.over_balance || self->summary.n_invalid > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "warning");
}

static char *
buffer_text (SmmMassOrderDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
check (SmmMassOrderDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SmmMoney balance;
  gboolean has_balance;

  g_clear_handle_id (&self->check_timeout, g_source_remove);
  if (self->placing || self->placed)
    return;
  text = buffer_text (self);
  g_clear_object (&self->mass);
  memset (&self->summary, 0, sizeof self->summary);
  self->mass = smm_mass_order_new_from_text (text, -1, SMM_MASS_ORDER_FORMAT_AUTO, &error);
  if (self->mass != NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      has_balance = smm_account_get_balance (self->account, &balance);
      smm_mass_order_check (self->mass, self->services ? self->services : none, has_balance ? &balance : NULL,
                            &self->summary);
      show_summary (self);
    }
  else if (g_error_matches (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_EMPTY))
    {
      gtk_label_set_label (self->summary_label, _("Write the orders above, or open a file."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "warning");
    }
  else
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "warning");
    }
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->mass));
  update_buttons (self);
}

static gboolean
check_timeout_cb (gpointer data)
{
  SmmMassOrderDialog *self = data;

  self->check_timeout = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (SmmMassOrderDialog *self)
{
  if (self->placing || self->placed)
    return;
  /* Place waits for the check of what is on screen */
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_button), FALSE);
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  self->check_timeout = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* ---------------------------------------------------------------------------------------------
 * Opening a file
 */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SmmMassOrderDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (length > SMM_MASS_ORDER_MAX_BYTES)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The file is too large for one mass order.")));
      return;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The file is not text in UTF-8: save it as UTF-8 and open it again.")));
      return;
    }
  if (self->placing || self->placed)
    return;
  smm_mass_order_dialog_set_text (self, contents);
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(SmmMassOrderDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);

  g_clear_object (&self->open_cancellable);
  if (file == NULL)
    {
      /* dismissed by the user, or the window closed */
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_FAILED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_file_load_contents_async (file, NULL, loaded_cb, g_steal_pointer (&self));
}

static void
open_clicked_cb (SmmMassOrderDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autoptr(GtkFileFilter) orders = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  if (self->open_cancellable)
    return;
  orders = gtk_file_filter_new ();
  gtk_file_filter_set_name (orders, _("Orders (text or CSV)"));
  gtk_file_filter_add_mime_type (orders, "text/plain");
  gtk_file_filter_add_mime_type (orders, "text/csv");
  gtk_file_filter_add_suffix (orders, "csv");
  gtk_file_filter_add_suffix (orders, "txt");
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, orders);
  g_list_store_append (filters, all);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Open Orders"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, orders);
  self->open_cancellable = g_cancellable_new ();
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->open_cancellable, file_chosen_cb, g_object_ref (self));
}

/* ---------------------------------------------------------------------------------------------
 * Placing
 */

static void
line_finished_cb (SmmMassOrder       *mass,
                  SmmMassOrderLine   *line,
                  SmmMassOrderDialog *self)
{
  guint done = 0;

  for (guint i = 0; i < smm_mass_order_get_n_lines (mass); i++)
    {
      SmmMassOrderState state = smm_mass_order_line_get_state (smm_mass_order_get_line (mass, i));
      if (state >= SMM_MASS_ORDER_STATE_PLACED && state != SMM_MASS_ORDER_STATE_SKIPPED)
        done++;
    }
  {
    g_autofree char *text = g_strdup_printf (_("Placing: %u of %u answered…"), done, self->summary.n_ready);
    gtk_label_set_label (self->summary_label, text);
  }
}

static void
place_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(SmmMassOrderDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  SmmMassOrderReport report = { 0 };

  self->placing = FALSE;
  g_application_release (g_application_get_default ());
  if (!smm_order_actions_place_many_finish (SMM_ORDER_ACTIONS (object), result, &report, &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      update_buttons (self);
      g_signal_emit (self, signals[PLACED], 0);
      return;
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u order placed", "%u orders placed",
                                             report.n_placed), report.n_placed);
  /* Translators: follows “3 orders placed” */
  g_string_append_printf (text, _(", %u refused, %u unconfirmed, %u not sent."),
                          report.n_rejected + report.n_failed, report.n_unconfirmed, report.n_skipped);
  if (report.cancelled)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Placing was stopped."));
    }
  else if (report.stopped_at > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Placing stopped after line %u: see its answer."), report.stopped_at);
    }
  if (report.n_unconfirmed > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Check the unconfirmed orders on the panel’s web site before ordering again."));
    }
  gtk_label_set_label (self->summary_label, text->str);
  if (report.n_placed == self->summary.n_ready)
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "warning");
  update_buttons (self);
  g_signal_emit (self, signals[PLACED], 0);
}

static void
confirm_response_cb (AdwAlertDialog     *dialog,
                     const char         *response,
                     SmmMassOrderDialog *self)
{
  SmmApplication *app = SMM_APPLICATION (g_application_get_default ());

  self->confirmation = NULL;
  if (g_strcmp0 (response, "place") != 0 || self->mass == NULL || self->placing || self->placed)
    return;
  self->placing = TRUE;
  self->placed = TRUE;
  /* the app stays until every outcome is recorded, even when its windows close */
  g_application_hold (G_APPLICATION (app));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->mass, "line-finished", G_CALLBACK (line_finished_cb), self, 0);
  gtk_label_set_label (self->summary_label, _("Placing the orders…"));
  update_buttons (self);
  smm_order_actions_place_many_async (smm_application_get_actions (app), self->mass,
                                      smm_account_get_id (self->account), self->cancellable, place_done_cb,
                                      g_object_ref (self));
}

static void
place_clicked_cb (SmmMassOrderDialog *self)
{
  AdwAlertDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (self->check_timeout)
    check (self);
  if (!smm_mass_order_dialog_can_place (self) || self->confirmation != NULL)
    return;
  total = money_text (self, self->summary.total);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Place %u Order?", "Place %u Orders?",
                                          self->summary.n_ready), self->summary.n_ready);
  g_string_append_printf (body, _("They go to “%s”, one after the other, and cost %s in all."),
                          smm_account_get_name (self->account), total);
  if (self->summary.n_invalid > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u line with a problem is left out.",
                                                 "%u lines with problems are left out.", self->summary.n_invalid),
                              self->summary.n_invalid);
    }
  dialog = smm_question_new (heading, body->str, "cancel", _("_Cancel"), "place", _("_Place Orders"),
                            ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirmation = dialog;
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/**
 * smm_mass_order_dialog_place:
 *
 * Presses Place, for tests.
 *
 * Returns: (transfer none) (nullable): the question that asks to confirm, if it was asked
 */
AdwAlertDialog *
smm_mass_order_dialog_place (SmmMassOrderDialog *self)
{
  place_clicked_cb (self);
  return self->confirmation;
}

static void
stop_clicked_cb (SmmMassOrderDialog *self)
{
  if (!self->placing)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->summary_label, _("Stopping after the order on its way…"));
  update_buttons (self);
}

/* While orders are on their way, the dialog stays: their outcome is shown here. */
static gboolean
smm_mass_order_dialog_close_request (GtkWindow *window)
{
  SmmMassOrderDialog *self = SMM_MASS_ORDER_DIALOG (window);

  if (self->placing)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Orders are on their way: stop placing first.")));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (smm_mass_order_dialog_parent_class)->close_request (window);
}

/* ---------------------------------------------------------------------------------------------
 * The dialog
 */

static void
smm_mass_order_dialog_dispose (GObject *object)
{
  SmmMassOrderDialog *self = SMM_MASS_ORDER_DIALOG (object);

  if (self->window)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->mass)
    g_signal_handlers_disconnect_by_data (self->mass, self);
  g_clear_object (&self->mass);
  g_clear_object (&self->account);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_MASS_ORDER_DIALOG);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (smm_mass_order_dialog_parent_class)->dispose (object);
}

static void
smm_mass_order_dialog_class_init (SmmMassOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_mass_order_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = smm_mass_order_dialog_close_request;

  /**
   * SmmMassOrderDialog::placed:
   *
   * The history changed: placing ended (orders were placed, rejected or left unconfirmed).
   */
  signals[PLACED] = g_signal_new ("placed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-mass-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, place_button);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmmMassOrderDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smm_mass_order_dialog_init (SmmMassOrderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_no_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  smm_column_view_add_text (self->column_view, _("Line"), SMM_CELL_NUMERIC | SMM_CELL_DIM, line_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Service"), SMM_CELL_EXPAND | SMM_CELL_ELLIPSIZE, service_text, NULL,
                            self);
  smm_column_view_add_text (self->column_view, _("Link"), SMM_CELL_EXPAND | SMM_CELL_ELLIPSIZE, link_text, NULL,
                            self);
  smm_column_view_add_text (self->column_view, _("Quantity"), SMM_CELL_NUMERIC, quantity_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Charge"), SMM_CELL_NUMERIC, charge_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Check"), SMM_CELL_EXPAND | SMM_CELL_WRAP, check_text, check_class,
                            self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb), self);
}

/**
 * smm_mass_order_dialog_new:
 * @services: (nullable) (element-type SmmService): the account's catalogue; %NULL for the one
 *   saved in the history
 */
SmmMassOrderDialog *
smm_mass_order_dialog_new (SmmWindow  *window,
                           SmmAccount *account,
                           GPtrArray  *services)
{
  SmmMassOrderDialog *self = g_object_new (SMM_TYPE_MASS_ORDER_DIALOG, "transient-for", window, NULL);
  g_autofree char *title = NULL;

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->account = g_object_ref (account);
  if (services)
    self->services = g_ptr_array_ref (services);
  else
    {
      SmmStore *store = smm_application_get_store (smm_window_get_app (window));
      g_autoptr(GError) error = NULL;

      self->services = smm_store_load_services (store, smm_account_get_id (account), NULL, &error);
      if (self->services == NULL)
        g_warning ("%s", error->message);
    }
  /* Translators: the title of the mass order window; %s is the panel account */
  title = g_strdup_printf (_("Mass Order on “%s”"), smm_account_get_name (account));
  gtk_window_set_title (GTK_WINDOW (self), title);
  check (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

/* Replaces the text and checks it at once. */
void
smm_mass_order_dialog_set_text (SmmMassOrderDialog *self,
                                const char         *text)
{
  if (self->placing || self->placed)
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  check (self);
}

/* Returns: (transfer none) (nullable): the lines as last checked */
SmmMassOrder *
smm_mass_order_dialog_get_mass_order (SmmMassOrderDialog *self)
{
  return self->mass;
}

gboolean
smm_mass_order_dialog_can_place (SmmMassOrderDialog *self)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (self->place_button));
}

const char *
smm_mass_order_dialog_get_summary (SmmMassOrderDialog *self)
{
  return gtk_label_get_label (self->summary_label);
}
