/* smm-spending-page.c: money spent per day, week and month, and per category
 *
 * From the store's orders: the panel's charge (the estimate until it is known),
 * less what partial and canceled orders gave back (smm-spending). One account at
 * a time, so one currency. The chart shows the last 30 days, 12 weeks or 12
 * months, periods without orders at zero; a summary says the same in words, for
 * everyone and for screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-spending-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "smm-spending.h"
#include "smm-spending-chart.h"
#include "smm-spending-page.h"

struct _SmmSpendingPage
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkLabel            *range_label;
  GtkToggleButton     *day_button;
  GtkToggleButton     *week_button;
  GtkToggleButton     *month_button;
  SmmSpendingChart    *chart;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *category_group;

  GPtrArray           *category_rows;
  GCancellable        *cancellable;
  SmmApplication      *app;
  SmmAccount          *account;
};

G_DEFINE_FINAL_TYPE (SmmSpendingPage, smm_spending_page, GTK_TYPE_WIDGET)

static SmmSpendingPeriod
get_period (SmmSpendingPage *self)
{
  if (gtk_toggle_button_get_active (self->day_button))
    return SMM_SPENDING_BY_DAY;
  if (gtk_toggle_button_get_active (self->week_button))
    return SMM_SPENDING_BY_WEEK;
  return SMM_SPENDING_BY_MONTH;
}

/* the start of the period @now is in, local time */
static GDateTime *
period_start (GDateTime         *now,
              SmmSpendingPeriod  period)
{
  g_autoptr(GDateTime) monday = NULL;

  switch (period)
    {
    case SMM_SPENDING_BY_DAY:
      return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
    case SMM_SPENDING_BY_WEEK:
      monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
      return g_date_time_new_local (g_date_time_get_year (monday), g_date_time_get_month (monday),
                                    g_date_time_get_day_of_month (monday), 0, 0, 0);
    case SMM_SPENDING_BY_MONTH:
    default:
      return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
    }
}

static GDateTime *
period_step (GDateTime         *start,
             SmmSpendingPeriod  period,
             int                n)
{
  g_autoptr(GDateTime) moved = NULL;

  switch (period)
    {
    case SMM_SPENDING_BY_DAY:
      moved = g_date_time_add_days (start, n);
      break;
    case SMM_SPENDING_BY_WEEK:
      moved = g_date_time_add_weeks (start, n);
      break;
    case SMM_SPENDING_BY_MONTH:
    default:
      moved = g_date_time_add_months (start, n);
      break;
    }
  /* back to midnight by the calendar: a day can be 23 or 25 hours */
  return period_start (moved, period == SMM_SPENDING_BY_WEEK ? SMM_SPENDING_BY_DAY : period);
}

static char *
period_label (GDateTime         *start,
              SmmSpendingPeriod  period,
              gboolean           long_form)
{
  g_autofree char *text = NULL;

  if (period == SMM_SPENDING_BY_MONTH)
    /* Translators: a month on the chart, in g_date_time_format() codes: “Nov 2026” */
    text = g_date_time_format (start, long_form ? _("%B %Y") : _("%b %Y"));
  else
    /* Translators: a day on the chart, in g_date_time_format() codes: “22 Nov” */
    text = g_date_time_format (start, long_form ? _("%e %B %Y") : _("%e %b"));
  return g_strdup (g_strstrip (text));
}

static void
clear_categories (SmmSpendingPage *self)
{
  for (guint i = 0; i < self->category_rows->len; i++)
    adw_preferences_group_remove (self->category_group, self->category_rows->pdata[i]);
  g_ptr_array_set_size (self->category_rows, 0);
}

static void
add_category (SmmSpendingPage      *self,
              const SmmSpendingRow *row)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *amount;
  g_autofree char *spent = smm_money_format_with_currency (row->spent, row->currency);
  g_autofree char *orders = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", row->n_orders),
                                             row->n_orders);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row),
                                 row->category && *row->category ? row->category : _("Unknown category"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), orders);
  amount = gtk_label_new (spent);
  gtk_widget_add_css_class (amount, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), amount);
  adw_preferences_group_add (self->category_group, action_row);
  g_ptr_array_add (self->category_rows, action_row);
}

/* The start of the first period shown: 30 days, or 12 weeks or months, up to the current one */
static GDateTime *
first_period (SmmSpendingPeriod  period,
              guint             *n_periods)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) current = period_start (now, period);

  *n_periods = period == SMM_SPENDING_BY_DAY ? 30 : 12;
  return period_step (current, period, -(int) (*n_periods - 1));
}

/* Draws what the worker read (see smm_spending_page_reload()) */
static void
show_entries (SmmSpendingPage *self,
              GPtrArray       *entries)
{
  SmmSpendingPeriod period = get_period (self);
  guint n_periods;
  g_autoptr(GDateTime) first = first_period (period, &n_periods);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) by_start = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *currency = NULL;
  g_autofree char *range = NULL;
  g_autofree char *best_label = NULL;
  SmmMoney total = SMM_MONEY_ZERO, refunded = SMM_MONEY_ZERO, unconfirmed = SMM_MONEY_ZERO, best = SMM_MONEY_ZERO;
  guint n_orders = 0;
  g_autoptr(GDateTime) start = NULL;

  smm_spending_chart_clear (self->chart);
  clear_categories (self);

  /* one currency: the account's, else the one its orders were charged in */
  currency = g_strdup (smm_account_get_currency (self->account));
  if (currency == NULL)
    currency = g_strdup ("");
  rows = smm_spending_by_period (entries, period, NULL);
  if ((currency == NULL || *currency == '\0') && rows->len > 0)
    {
      g_free (currency);
      currency = g_strdup (((SmmSpendingRow *) rows->pdata[0])->currency ? ((SmmSpendingRow *) rows->pdata[0])->currency : "");
    }
  for (guint i = 0; i < rows->len; i++)
    {
      SmmSpendingRow *row = rows->pdata[i];

      if (g_strcmp0 (row->currency, currency) != 0 && *currency != '\0')
        continue;
      {
        gint64 *key = g_new (gint64, 1);

        *key = g_date_time_to_unix (row->start);
        g_hash_table_insert (by_start, key, row);
      }
    }

  start = g_date_time_ref (first);
  for (guint i = 0; i < n_periods; i++)
    {
      gint64 key = g_date_time_to_unix (start);
      SmmSpendingRow *row = g_hash_table_lookup (by_start, &key);
      g_autofree char *label = period_label (start, period, FALSE);
      SmmMoney spent = row ? row->spent : SMM_MONEY_ZERO;

      smm_spending_chart_add_bar (self->chart, label, spent);
      if (row)
        {
          smm_money_add (total, row->spent, &total);
          smm_money_add (refunded, row->refunded, &refunded);
          smm_money_add (unconfirmed, row->unconfirmed, &unconfirmed);
          n_orders += row->n_orders;
          if (smm_money_compare (row->spent, best) > 0)
            {
              best = row->spent;
              g_free (best_label);
              best_label = period_label (start, period, TRUE);
            }
        }
      {
        GDateTime *next = period_step (start, period, 1);
        g_date_time_unref (start);
        start = next;
      }
    }
  smm_spending_chart_set_currency (self->chart, currency);

  if (period == SMM_SPENDING_BY_DAY)
    range = g_strdup (_("The Last 30 Days"));
  else if (period == SMM_SPENDING_BY_WEEK)
    range = g_strdup (_("The Last 12 Weeks"));
  else
    range = g_strdup (_("The Last 12 Months"));
  gtk_label_set_label (self->range_label, range);

  {
    g_autofree char *total_text = smm_money_format_with_currency (total, currency);

    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s spent on %u order.", "%s spent on %u orders.",
                                                  n_orders), total_text, n_orders);
  }
  if (refunded.units > 0)
    {
      g_autofree char *text = smm_money_format_with_currency (refunded, currency);
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("%s came back from partial and canceled orders and is not counted."), text);
    }
  if (best_label)
    {
      g_autofree char *text = smm_money_format_with_currency (best, currency);
      g_string_append_c (summary, ' ');
      if (period == SMM_SPENDING_BY_DAY)
        /* Translators: “The most: 20.00 USD, on 3 November 2026.” */
        g_string_append_printf (summary, _("The most: %s, on %s."), text, best_label);
      else if (period == SMM_SPENDING_BY_WEEK)
        /* Translators: “The most: 20.00 USD, in the week of 2 November 2026.” */
        g_string_append_printf (summary, _("The most: %s, in the week of %s."), text, best_label);
      else
        /* Translators: “The most: 20.00 USD, in November 2026.” */
        g_string_append_printf (summary, _("The most: %s, in %s."), text, best_label);
    }
  if (unconfirmed.units > 0)
    {
      g_autofree char *text = smm_money_format_with_currency (unconfirmed, currency);
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Unconfirmed orders for %s are not counted until they are settled."), text);
    }
  gtk_label_set_label (self->summary_label, summary->str);
  {
    g_autofree char *description = g_strdup_printf ("%s. %s", range, summary->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }

  categories = smm_spending_by_category (entries);
  for (guint i = 0; i < categories->len; i++)
    {
      SmmSpendingRow *row = categories->pdata[i];
      if (row->n_orders > 0 && (*currency == '\0' || g_strcmp0 (row->currency, currency) == 0))
        add_category (self, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->category_group), self->category_rows->len > 0);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 || n_orders > 0 ? "chart" : "empty");
}

static void
spending_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  SmmSpendingPage *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = smm_store_list_spending_finish (SMM_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  show_entries (self, entries);
}

/* Reads the spending of the period shown, in a worker: a year of 50,000 orders takes ~0.1 s */
void
smm_spending_page_reload (SmmSpendingPage *self)
{
  SmmSpendingPeriod period = get_period (self);
  guint n_periods;
  g_autoptr(GDateTime) first = first_period (period, &n_periods);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->app == NULL || self->account == NULL)
    {
      smm_spending_chart_clear (self->chart);
      clear_categories (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->cancellable = g_cancellable_new ();
  smm_store_list_spending_async (smm_application_get_store (self->app), smm_account_get_id (self->account), first,
                                 self->cancellable, spending_cb, self);
}

static void
period_toggled_cb (SmmSpendingPage *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    smm_spending_page_reload (self);
}

void
smm_spending_page_set_account (SmmSpendingPage *self,
                               SmmApplication  *app,
                               SmmAccount      *account)
{
  self->app = app;
  g_set_object (&self->account, account);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    smm_spending_page_reload (self);
}

const char *
smm_spending_page_get_summary (SmmSpendingPage *self)
{
  return gtk_label_get_label (self->summary_label);
}

static void
smm_spending_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (smm_spending_page_parent_class)->map (widget);
  /* orders change all the time: read them when the page is looked at */
  smm_spending_page_reload (SMM_SPENDING_PAGE (widget));
}

static void
smm_spending_page_dispose (GObject *object)
{
  SmmSpendingPage *self = SMM_SPENDING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_SPENDING_PAGE);
  g_clear_pointer (&self->category_rows, g_ptr_array_unref);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (smm_spending_page_parent_class)->dispose (object);
}

static void
smm_spending_page_class_init (SmmSpendingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_spending_page_dispose;
  widget_class->map = smm_spending_page_map;
  g_type_ensure (SMM_TYPE_SPENDING_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-spending-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmmSpendingPage, category_group);
  gtk_widget_class_bind_template_callback (widget_class, period_toggled_cb);
}

static void
smm_spending_page_init (SmmSpendingPage *self)
{
  self->category_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
