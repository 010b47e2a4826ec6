/* smm-order-dialog.c: placing one order, with exactly the fields its service type needs
 *
 * The charge follows the input as the user types; "Place Order" is sensitive
 * only when the order is valid; a confirmation names the amount; the order is
 * sent once (SmmPlacement records it before it leaves).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-order-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "smm-order-dialog.h"
#include "smm-extra-fields.h"
#include "smm-format.h"
#include "smm-question.h"
#include "smm-placement.h"
#include "smm-timing.h"

struct _SmmOrderDialog
{
  AdwWindow             parent_instance;

  GtkButton            *place_button;
  GtkSpinner           *spinner;
  GtkLabel             *name_label;
  GtkLabel             *category_label;
  GtkLabel             *facts_label;
  GtkLabel             *note_label;
  AdwPreferencesGroup  *fields_group;
  SmmExtraFields       *extra_fields;           /* shown for a type SMM Desk does not know */
  GtkWidget            *content;
  GtkLabel             *charge_label;
  GtkLabel             *balance_label;
  GtkLabel             *problem_label;

  SmmWindow            *window;
  SmmAccount           *account;
  SmmService           *service;
  GtkWidget            *inputs[SMM_N_FIELDS];   /* GtkEntry, GtkTextView or AdwComboRow */
  GtkLabel             *line_counts[SMM_N_FIELDS];
  SmmOrderRequest      *request;                /* the valid request being confirmed */
  char                 *charge_text;
  AdwAlertDialog       *confirmation;         /* the question on screen, presented on the dialog */
  gboolean              placing;
};

G_DEFINE_FINAL_TYPE (SmmOrderDialog, smm_order_dialog, ADW_TYPE_WINDOW)

enum {
  PLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const device_labels[] = {
  N_("Desktop"), N_("Mobile Android"), N_("Mobile iOS"), N_("Mixed mobile"), N_("Mixed"),
};
static const char *const traffic_labels[] = {
  N_("Google keyword"), N_("Custom referrer"), N_("Blank referrer"),
};

/* ---------------------------------------------------------------------------------------------
 * Reading the fields
 */

static char *
field_text (SmmOrderDialog *self,
            SmmField        field)
{
  GtkWidget *input = self->inputs[field];
  const SmmFieldInfo *info = smm_field_get_info (field);

  if (input == NULL)
    return NULL;
  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (ADW_IS_COMBO_ROW (input))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (input));

      if (selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      if (info->choices)
        return g_strdup_printf ("%" G_GINT64_FORMAT, info->choices[selected]);
      return g_strdup_printf ("%" G_GINT64_FORMAT, info->min_value + selected);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
}

/* Returns: the request of the fields; @extra_error set when one of the other fields cannot be sent */
static SmmOrderRequest *
build_request (SmmOrderDialog  *self,
               GError         **extra_error)
{
  SmmOrderRequest *request = smm_order_request_new_for_service (self->service);

  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      g_autofree char *text = field_text (self, f);
      if (text)
        smm_order_request_set (request, f, text);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->extra_fields)))
    smm_extra_fields_apply (self->extra_fields, request, extra_error);
  return request;
}

static void
update (SmmOrderDialog *self)
{
  g_autoptr(GError) extra_error = NULL;
  g_autoptr(SmmOrderRequest) request = build_request (self, &extra_error);
  g_autoptr(GError) error = NULL;
  const char *currency = smm_account_get_currency (self->account);
  SmmMoney charge, balance, after;
  gboolean valid, has_charge;

  for (guint f = 0; f < SMM_N_FIELDS; f++)
    if (self->line_counts[f])
      {
        guint n = smm_count_lines (smm_order_request_get (request, f));
        g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines", n), n);
        gtk_label_set_label (self->line_counts[f], text);
      }

  valid = smm_order_request_validate (request, self->service, &error);
  if (valid && extra_error)
    {
      valid = FALSE;
      error = g_steal_pointer (&extra_error);
    }
  has_charge = smm_order_request_estimate_charge (request, smm_service_get_rate (self->service), &charge);

  g_clear_pointer (&self->charge_text, g_free);
  if (has_charge)
    {
      self->charge_text = smm_money_format_with_currency (charge, currency);
      gtk_label_set_label (self->charge_label, self->charge_text);
    }
  else
    gtk_label_set_label (self->charge_label, "–");

  if (has_charge && smm_account_get_balance (self->account, &balance) && smm_money_sub (balance, charge, &after))
    {
      g_autofree char *text = smm_money_format_with_currency (after, currency);

      gtk_label_set_label (self->balance_label, text);
      if (smm_money_is_negative (after))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "error");
          if (valid)
            {
              valid = FALSE;
              g_clear_error (&error);
              error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS,
                                           _("The balance is not enough for this order."));
            }
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->balance_label), "error");
    }
  else
    gtk_label_set_label (self->balance_label, "–");

  gtk_label_set_label (self->problem_label, valid ? _("Ready to place.") : error->message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_button), valid && !self->placing);
  g_clear_pointer (&self->request, smm_order_request_unref);
  if (valid)
    self->request = g_steal_pointer (&request);
}

/* ---------------------------------------------------------------------------------------------
 * Building the fields
 */

static GtkWidget *
add_entry_row (SmmOrderDialog     *self,
               const SmmFieldInfo *info,
               gboolean            optional)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *subtitle = NULL;
  const char *label = g_dgettext (GETTEXT_PACKAGE, info->label);

  subtitle = optional ? g_strdup_printf (_("%s (optional)"), g_dgettext (GETTEXT_PACKAGE, info->hint))
                      : g_strdup (g_dgettext (GETTEXT_PACKAGE, info->hint));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), info->kind == SMM_FIELD_KIND_URL ? 24 : 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  switch (info->kind)
    {
    case SMM_FIELD_KIND_URL:
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
      break;
    case SMM_FIELD_KIND_COUNT:
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      break;
    case SMM_FIELD_KIND_DATE:
      /* Translators: an example date, day/month/year */
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("31/12/2026"));
      break;
    default:
      break;
    }
  adw_action_row_add_suffix (row, entry);
  adw_action_row_set_activatable_widget (row, entry);
  adw_preferences_group_add (self->fields_group, GTK_WIDGET (row));
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update), self);
  return entry;
}

static GtkWidget *
add_choice_row (SmmOrderDialog     *self,
                const SmmFieldInfo *info)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  if (info->choices)
    for (const gint64 *c = info->choices; *c >= 0; c++)
      {
        g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (gulong) *c),
                                                 (int) *c);
        gtk_string_list_append (choices, text);
      }
  else if (info->field == SMM_FIELD_DEVICE)
    for (guint i = 0; i < G_N_ELEMENTS (device_labels); i++)
      gtk_string_list_append (choices, g_dgettext (GETTEXT_PACKAGE, device_labels[i]));
  else if (info->field == SMM_FIELD_TYPE_OF_TRAFFIC)
    for (guint i = 0; i < G_N_ELEMENTS (traffic_labels); i++)
      gtk_string_list_append (choices, g_dgettext (GETTEXT_PACKAGE, traffic_labels[i]));
  else
    for (gint64 v = info->min_value; v <= info->max_value; v++)
      {
        g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, v);
        gtk_string_list_append (choices, text);
      }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, info->label));
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  adw_preferences_group_add (self->fields_group, GTK_WIDGET (row));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update), self);
  return GTK_WIDGET (row);
}

static GtkWidget *
add_lines_box (SmmOrderDialog     *self,
               const SmmFieldInfo *info)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *count = gtk_label_new (NULL);
  const char *label = g_dgettext (GETTEXT_PACKAGE, info->label);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), g_dgettext (GETTEXT_PACKAGE, info->hint));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_label_set_xalign (GTK_LABEL (count), 1.0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_set_margin_top (count, 4);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count);
  gtk_box_insert_child_after (GTK_BOX (self->content), group, GTK_WIDGET (self->fields_group));
  self->line_counts[info->field] = GTK_LABEL (count);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (update), self);
  return view;
}

static void
build_fields (SmmOrderDialog *self)
{
  SmmServiceType type = smm_service_get_service_type (self->service);
  guint required = smm_service_type_required_fields (type);
  guint optional = smm_service_type_optional_fields (type);

  /* one-line fields in the group; one-per-line fields below it, last first to keep their order */
  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      const SmmFieldInfo *info = smm_field_get_info (f);

      if (!((required | optional) & SMM_FIELD_BIT (f)) || info->kind == SMM_FIELD_KIND_LINES)
        continue;
      /* the panel said no drip-feed: it would place one plain delivery whatever the runs */
      if ((f == SMM_FIELD_RUNS || f == SMM_FIELD_INTERVAL) &&
          smm_service_get_dripfeed (self->service) == SMM_TRISTATE_NO)
        continue;
      if (info->kind == SMM_FIELD_KIND_CHOICE)
        self->inputs[f] = add_choice_row (self, info);
      else
        self->inputs[f] = add_entry_row (self, info, (optional & SMM_FIELD_BIT (f)) != 0);
    }
  for (int f = SMM_N_FIELDS - 1; f >= 0; f--)
    {
      const SmmFieldInfo *info = smm_field_get_info (f);

      if (((required | optional) & SMM_FIELD_BIT (f)) && info->kind == SMM_FIELD_KIND_LINES)
        self->inputs[f] = add_lines_box (self, info);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->extra_fields), smm_service_type_takes_extra_fields (type));
}

static void
show_service (SmmOrderDialog *self)
{
  SmmService *s = self->service;
  g_autofree char *rate = smm_money_format_with_currency (smm_service_get_rate (s),
                                                          smm_account_get_currency (self->account));
  g_autofree char *facts = NULL;
  g_autofree char *category = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  /* by SmmTristate + 1: unknown, no, yes */
  const char *refill_facts[] = { _(" · refill unknown"), _(" · no refill"), _(" · refill") };
  const char *cancel_facts[] = { _(" · cancel unknown"), _(" · no cancel"), _(" · cancel") };
  const char *type = smm_service_get_service_type (s) == SMM_SERVICE_TYPE_UNKNOWN
                       ? smm_service_get_type_name (s)
                       : smm_service_type_get_label (smm_service_get_service_type (s));

  gtk_label_set_label (self->name_label, smm_service_get_name (s));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_id (s));
  /* Translators: "Service 12 · Instagram Followers · Default" */
  category = g_strdup_printf (_("Service %s · %s · %s"), id, smm_service_get_category (s), type);
  gtk_label_set_label (self->category_label, category);

  if (smm_service_type_is_package (smm_service_get_service_type (s)))
    facts = g_strdup_printf (_("%s per package"), rate);
  else
    /* Translators: "0.90 USD per 1000 · from 50 to 10000 · refill · cancel" */
    facts = g_strdup_printf (_("%s per 1000 · from %" PRId64 " to %" PRId64 "%s%s"), rate,
                             smm_service_get_min (s), smm_service_get_max (s),
                             refill_facts[smm_service_get_refill (s) + 1],
                             cancel_facts[smm_service_get_cancel (s) + 1]);
  gtk_label_set_label (self->facts_label, facts);

  /* a type SMM Desk does not know: the usual fields, others by name, and the panel decides */
  if (smm_service_type_get_note (smm_service_get_service_type (s)))
    g_string_append (note, smm_service_type_get_note (smm_service_get_service_type (s)));
  if (self->inputs[SMM_FIELD_RUNS] && smm_service_get_dripfeed (s) == SMM_TRISTATE_UNKNOWN)
    g_string_append_printf (note, "%s%s", note->len ? "\n" : "",
                            _("The panel does not say whether this service takes drip-feed: some panels ignore "
                              "runs and interval and place one delivery."));
  gtk_label_set_label (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);
  gtk_window_set_title (GTK_WINDOW (self), _("New Order"));
}

/* ---------------------------------------------------------------------------------------------
 * Placing
 */

static void
placed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SmmOrderDialog) self = data;
  SmmPlacement *placement = SMM_PLACEMENT (object);
  g_autoptr(GError) error = NULL;
  SmmOrder *order = smm_placement_run_finish (placement, result, &error) ? smm_placement_get_order (placement) : NULL;
  g_autofree char *text = NULL;

  self->placing = FALSE;
  g_application_release (g_application_get_default ());
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (order != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (order));

      text = g_strdup_printf (_("Order %s placed"), id);
      if (self->window)
        smm_window_toast (self->window, text);
      smm_timing_mark ("order-shown");
      g_signal_emit (self, signals[PLACED], 0, order);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (error->domain == SMM_STORE_ERROR && smm_placement_get_order (placement) &&
      smm_order_get_id (smm_placement_get_order (placement)) > 0)
    {
      /* placed, but not recorded: its number is on the order and in the message, never sent again */
      if (self->window)
        smm_window_toast (self->window, error->message);
      g_signal_emit (self, signals[PLACED], 0, NULL);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN))
    {
      /* recorded as unconfirmed: the user settles it on the Orders page, nothing is re-sent */
      if (self->window)
        smm_window_toast (self->window, _("No clear answer came: the order is recorded as unconfirmed. "
                                          "Check the panel before ordering again."));
      g_signal_emit (self, signals[PLACED], 0, NULL);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* the panel said no: its words stay in the dialog, to mend the order and try again */
  g_signal_emit (self, signals[PLACED], 0, NULL);
  update (self);
  gtk_label_set_label (self->problem_label, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
}

static void
confirm_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     SmmOrderDialog *self)
{
  SmmApplication *app = SMM_APPLICATION (g_application_get_default ());
  g_autoptr(SmmPlacement) placement = NULL;

  self->confirmation = NULL;
  if (g_strcmp0 (response, "place") != 0 || self->request == NULL || self->placing)
    return;
  smm_timing_mark ("order-confirmed");
  self->placing = TRUE;
  /* the app stays until the outcome is recorded, even when its windows close */
  g_application_hold (G_APPLICATION (app));
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_button), FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_label_set_label (self->problem_label, _("Placing the order…"));
  placement = smm_placement_new (smm_application_get_actions (app), smm_account_get_id (self->account),
                                 self->service, self->request);
  smm_placement_run_async (placement, NULL, placed_cb, g_object_ref (self));
}

static void
place_clicked_cb (SmmOrderDialog *self)
{
  AdwAlertDialog *dialog;
  g_autofree char *body = NULL;
  const char *link;

  if (self->request == NULL || self->placing || self->confirmation != NULL)
    return;
  link = smm_order_request_get (self->request, SMM_FIELD_LINK);
  if (link == NULL)
    link = smm_order_request_get (self->request, SMM_FIELD_USERNAME);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    const char *quantity = smm_order_request_get (self->request, SMM_FIELD_QUANTITY);
    const char *runs = smm_order_request_get (self->request, SMM_FIELD_RUNS);
    const char *interval = smm_order_request_get (self->request, SMM_FIELD_INTERVAL);
    gint64 n;

    g_string_append_printf (text, _("“%s” for %s."), smm_service_get_name (self->service), link ? link : "");
    /* what is ordered, as many times as it will be delivered: the confirmation names all of it */
    if (quantity && g_ascii_string_to_signed (quantity, 10, 1, G_MAXINT64, &n, NULL))
      {
        g_autofree char *count = smm_format_count (n);

        g_string_append_c (text, '\n');
        g_string_append_printf (text, _("Quantity: %s"), count);
      }
    if (runs && interval && g_ascii_string_to_signed (runs, 10, 2, G_MAXINT64, &n, NULL))
      {
        g_autofree char *count = smm_format_count (n);

        g_string_append (text, ", ");
        /* Translators: drip-feed: "5 runs, 30 minutes apart" */
        g_string_append_printf (text, _("%s runs, %s minutes apart"), count, interval);
      }
    g_string_append_c (text, '\n');
    g_string_append_printf (text, _("The panel will charge %s."), self->charge_text ? self->charge_text : "–");
    body = g_string_free (g_steal_pointer (&text), FALSE);
  }
  dialog = smm_question_new (_("Place This Order?"), body, "cancel", _("_Cancel"), "place", _("_Place Order"),
                            ADW_RESPONSE_SUGGESTED);
  /* the question lives in this window, and goes with it */
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirmation = dialog;
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/**
 * smm_order_dialog_place:
 *
 * Presses Place, for tests and benchmarks.
 *
 * Returns: (transfer none) (nullable): the question that asks to confirm, if it was asked
 */
AdwAlertDialog *
smm_order_dialog_place (SmmOrderDialog *self)
{
  place_clicked_cb (self);
  return self->confirmation;
}

/* While an order is on its way, the dialog stays: its outcome is shown here. */
static gboolean
smm_order_dialog_close_request (GtkWindow *window)
{
  SmmOrderDialog *self = SMM_ORDER_DIALOG (window);

  if (self->placing)
    return TRUE;
  return GTK_WINDOW_CLASS (smm_order_dialog_parent_class)->close_request (window);
}

/* ---------------------------------------------------------------------------------------------
 * The dialog
 */

static void
smm_order_dialog_dispose (GObject *object)
{
  SmmOrderDialog *self = SMM_ORDER_DIALOG (object);

  if (self->window)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->account);
  g_clear_object (&self->service);
  g_clear_pointer (&self->request, smm_order_request_unref);
  g_clear_pointer (&self->charge_text, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_ORDER_DIALOG);

  G_OBJECT_CLASS (smm_order_dialog_parent_class)->dispose (object);
}

static void
smm_order_dialog_class_init (SmmOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_order_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = smm_order_dialog_close_request;

  /**
   * SmmOrderDialog::placed:
   * @order: (nullable): the order, with its panel id; %NULL when it was not placed for sure
   *
   * The history changed: an order was placed, rejected or left unconfirmed.
   */
  signals[PLACED] = g_signal_new ("placed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, SMM_TYPE_ORDER);

  g_type_ensure (SMM_TYPE_EXTRA_FIELDS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, place_button);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, category_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, extra_fields);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, content);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, charge_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, balance_label);
  gtk_widget_class_bind_template_child (widget_class, SmmOrderDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, place_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smm_order_dialog_init (SmmOrderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmmOrderDialog *
smm_order_dialog_new (SmmWindow       *window,
                      SmmAccount      *account,
                      SmmService      *service,
                      SmmOrderRequest *prefill)
{
  SmmOrderDialog *self = g_object_new (SMM_TYPE_ORDER_DIALOG, "transient-for", window, NULL);

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->account = g_object_ref (account);
  self->service = g_object_ref (service);
  build_fields (self);
  show_service (self);
  if (prefill)
    for (guint f = 0; f < SMM_N_FIELDS; f++)
      if (smm_order_request_get (prefill, f))
        smm_order_dialog_set_field (self, f, smm_order_request_get (prefill, f));
  update (self);
  for (guint f = 0; f < SMM_N_FIELDS; f++)
    if (self->inputs[f])
      {
        gtk_widget_grab_focus (self->inputs[f]);
        break;
      }
  return self;
}

/* Returns: (nullable) (transfer none): the input of @field, %NULL when the type does not use it */
GtkWidget *
smm_order_dialog_get_field (SmmOrderDialog *self,
                            SmmField        field)
{
  return self->inputs[field];
}

void
smm_order_dialog_set_field (SmmOrderDialog *self,
                            SmmField        field,
                            const char     *text)
{
  GtkWidget *input = self->inputs[field];

  if (input == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
  else if (ADW_IS_COMBO_ROW (input))
    {
      const SmmFieldInfo *info = smm_field_get_info (field);
      gint64 value = g_ascii_strtoll (text, NULL, 10);

      if (info->choices)
        {
          for (guint i = 0; info->choices[i] >= 0; i++)
            if (info->choices[i] == value)
              adw_combo_row_set_selected (ADW_COMBO_ROW (input), i);
        }
      else if (value >= info->min_value && value <= info->max_value)
        adw_combo_row_set_selected (ADW_COMBO_ROW (input), value - info->min_value);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text);
}

gboolean
smm_order_dialog_can_place (SmmOrderDialog *self)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (self->place_button));
}

const char *
smm_order_dialog_get_charge (SmmOrderDialog *self)
{
  return gtk_label_get_label (self->charge_label);
}

const char *
smm_order_dialog_get_problem (SmmOrderDialog *self)
{
  return gtk_label_get_label (self->problem_label);
}

/* Returns: what the dialog says of the service beside its facts; "" when nothing */
const char *
smm_order_dialog_get_note (SmmOrderDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->note_label)) ? gtk_label_get_label (self->note_label) : "";
}

/* Returns: (transfer none): the other fields, shown only for a type SMM Desk does not know */
SmmExtraFields *
smm_order_dialog_get_extra_fields (SmmOrderDialog *self)
{
  return self->extra_fields;
}

/* Returns: (transfer none) (nullable): the request Place would send; %NULL while it is not valid */
SmmOrderRequest *
smm_order_dialog_get_request (SmmOrderDialog *self)
{
  return self->request;
}
