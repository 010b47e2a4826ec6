/* smm-compare-dialog.c: the same service on the user's other panels, cheapest first
 *
 * The matches come from the catalogues saved in the history (smm_match_find), the
 * rates are converted with the exchange rates the user entered in the preferences
 * (nothing is looked up). The service looked at comes first, then the others with
 * their limits, refill and cancel side by side; “Order Here” opens the new-order
 * dialog on that account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-compare-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-column.h"
#include "smm-format.h"
#include "smm-compare-dialog.h"
#include "smm-match.h"
#include "smm-preferences-dialog.h"
#include "smm-rates-group.h"

/* One row of the table: an account's service and its rate in the compared currency. */
#define SMM_TYPE_COMPARE_ROW (smm_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (SmmCompareRow, smm_compare_row, SMM, COMPARE_ROW, GObject)

struct _SmmCompareRow
{
  GObject     parent_instance;

  SmmAccount *account;
  SmmService *service;
  SmmMoney    rate;
  gboolean    converted;
  gboolean    refill_differs;
  gboolean    is_own;
};

G_DEFINE_FINAL_TYPE (SmmCompareRow, smm_compare_row, G_TYPE_OBJECT)

static void
smm_compare_row_finalize (GObject *object)
{
  SmmCompareRow *self = SMM_COMPARE_ROW (object);

  g_clear_object (&self->account);
  g_clear_object (&self->service);
  G_OBJECT_CLASS (smm_compare_row_parent_class)->finalize (object);
}

static void
smm_compare_row_class_init (SmmCompareRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smm_compare_row_finalize;
}

static void
smm_compare_row_init (SmmCompareRow *self)
{
}

static SmmCompareRow *
smm_compare_row_new (SmmAccount *account,
                     SmmService *service,
                     SmmMoney    rate,
                     gboolean    converted)
{
  SmmCompareRow *row = g_object_new (SMM_TYPE_COMPARE_ROW, NULL);

  row->account = g_object_ref (account);
  row->service = g_object_ref (service);
  row->rate = rate;
  row->converted = converted;
  return row;
}

struct _SmmCompareDialog
{
  AdwWindow       parent_instance;

  GtkLabel       *name_label;
  GtkLabel       *facts_label;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  GtkLabel       *note_label;

  SmmWindow      *window;
  SmmAccount     *account;
  SmmService     *service;
  GListStore     *rows;
  GSettings      *settings;
  char           *target;
};

G_DEFINE_FINAL_TYPE (SmmCompareDialog, smm_compare_dialog, ADW_TYPE_WINDOW)

/* ---------------------------------------------------------------------------------------------
 * Cells
 */

static char *
account_text (gpointer item,
              gpointer data)
{
  SmmCompareRow *row = item;

  if (row->is_own)
    /* Translators: the account of the service being compared, marked as the one looked at */
    return g_strdup_printf (_("%s (this one)"), smm_account_get_name (row->account));
  return g_strdup (smm_account_get_name (row->account));
}

static char *
service_text (gpointer item,
              gpointer data)
{
  SmmCompareRow *row = item;

  return g_strdup_printf ("%" G_GINT64_FORMAT " · %s", smm_service_get_id (row->service),
                          smm_service_get_name (row->service));
}

static char *
rate_text (gpointer item,
           gpointer data)
{
  SmmCompareRow *row = item;
  SmmCompareDialog *self = data;

  if (!row->converted)
    return g_strdup (_("no exchange rate"));
  return smm_money_format_with_currency (row->rate, self->target);
}

static const char *
rate_class (gpointer item,
            gpointer data)
{
  return SMM_COMPARE_ROW (item)->converted ? NULL : "dim-label";
}

static char *
panel_rate_text (gpointer item,
                 gpointer data)
{
  SmmCompareRow *row = item;

  return smm_money_format_with_currency (smm_service_get_rate (row->service), smm_account_get_currency (row->account));
}

static char *
count_text (gint64 value)
{
  return value > 0 ? smm_format_count (value) : g_strdup ("–");
}

static char *
min_text (gpointer item,
          gpointer data)
{
  return count_text (smm_service_get_min (SMM_COMPARE_ROW (item)->service));
}

static char *
max_text (gpointer item,
          gpointer data)
{
  return count_text (smm_service_get_max (SMM_COMPARE_ROW (item)->service));
}

static char *
refill_text (gpointer item,
             gpointer data)
{
  return g_strdup (smm_tristate_get_label (smm_service_get_refill (SMM_COMPARE_ROW (item)->service)));
}

static const char *
refill_class (gpointer item,
              gpointer data)
{
  return SMM_COMPARE_ROW (item)->refill_differs ? "warning" : NULL;
}

static char *
cancel_text (gpointer item,
             gpointer data)
{
  return g_strdup (smm_tristate_get_label (smm_service_get_cancel (SMM_COMPARE_ROW (item)->service)));
}

/* the “Order Here” button of each row */

static void
order_clicked_cb (GtkButton        *button,
                  SmmCompareDialog *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "smm-list-item");
  SmmCompareRow *row = gtk_list_item_get_item (list_item);
  SmmWindow *window = self->window;

  if (row == NULL || window == NULL)
    return;
  g_object_ref (row);
  gtk_window_destroy (GTK_WINDOW (self));
  smm_window_new_order (window, row->account, row->service, NULL);
  g_object_unref (row);
}

static void
order_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SmmCompareDialog         *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Order Here"));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_object_set_data (G_OBJECT (button), "smm-list-item", list_item);
  g_signal_connect (button, "clicked", G_CALLBACK (order_clicked_cb), self);
  gtk_list_item_set_child (list_item, button);
}

static void
order_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SmmCompareDialog         *self)
{
  SmmCompareRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  g_autofree char *spoken = NULL;

  /* Translators: what a screen reader says of a row's button: “Order on Panel B: 12 · Instagram Followers” */
  spoken = g_strdup_printf (_("Order on %s: %s"), smm_account_get_name (row->account),
                            smm_service_get_name (row->service));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_tooltip_text (button, spoken);
}

/* ---------------------------------------------------------------------------------------------
 * Loading
 */

static void
reload (SmmCompareDialog *self)
{
  SmmApplication *app = smm_window_get_app (self->window);
  SmmStore *store = smm_application_get_store (app);
  GListModel *model = G_LIST_MODEL (smm_application_get_accounts (app));
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) catalogues = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmmRateTable) rates = smm_rate_table_new_from_settings (self->settings);
  g_autoptr(SmmCompareRow) own = NULL;
  g_autofree char *note = NULL;
  guint n_unconverted = 0;
  SmmMoney own_rate;
  gboolean own_converted;

  g_free (self->target);
  self->target = g_strdup (smm_rate_table_get_target (rates));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      SmmAccount *account = g_list_model_get_item (model, i);
      GPtrArray *services = smm_store_load_services (store, smm_account_get_id (account), NULL, NULL);

      g_ptr_array_add (accounts, account);
      g_ptr_array_add (catalogues, services ? services : g_ptr_array_new_with_free_func (g_object_unref));
    }
  matches = smm_match_find (self->service, smm_account_get_id (self->account), accounts, catalogues, rates);

  own_converted = smm_rate_table_convert (rates, smm_account_get_currency (self->account),
                                          smm_service_get_rate (self->service), &own_rate);
  own = smm_compare_row_new (self->account, self->service, own_rate, own_converted);
  own->is_own = TRUE;
  g_ptr_array_add (rows, g_object_ref (own));
  for (guint i = 0; i < matches->len; i++)
    {
      SmmMatch *match = matches->pdata[i];
      SmmCompareRow *row = smm_compare_row_new (match->account, match->service, match->rate, match->converted);

      row->refill_differs = match->refill_differs;
      if (!match->converted)
        n_unconverted++;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack, matches->len > 0 ? "list" : "empty");

  if (n_unconverted > 0 || !own_converted)
    /* Translators: %s is the currency prices are compared in */
    note = g_strdup_printf (_("Rates in %s, per 1000. Services of panels whose currency has no exchange rate are "
                              "listed last: add the rate with “Exchange Rates…”."), self->target);
  else
    note = g_strdup_printf (_("Rates in %s, per 1000, cheapest first. Services without refill come after those "
                              "with it when this one has it."), self->target);
  gtk_label_set_label (self->note_label, note);
}

static void
rates_clicked_cb (SmmCompareDialog *self)
{
  SmmPreferencesDialog *preferences;

  if (self->window == NULL)
    return;
  /* in this dialog, which is modal: the table follows the rates as they are entered */
  preferences = smm_preferences_dialog_new (smm_window_get_app (self->window));
  adw_dialog_present (ADW_DIALOG (preferences), GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------------------------------
 * The dialog
 */

static void
smm_compare_dialog_dispose (GObject *object)
{
  SmmCompareDialog *self = SMM_COMPARE_DIALOG (object);

  if (self->window)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  g_clear_object (&self->account);
  g_clear_object (&self->service);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->target, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_COMPARE_DIALOG);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (smm_compare_dialog_parent_class)->dispose (object);
}

static void
smm_compare_dialog_class_init (SmmCompareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_compare_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-compare-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmCompareDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, SmmCompareDialog, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SmmCompareDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmCompareDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmmCompareDialog, note_label);
  gtk_widget_class_bind_template_callback (widget_class, rates_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smm_compare_dialog_init (SmmCompareDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (SMM_TYPE_COMPARE_ROW);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  smm_column_view_add_text (self->column_view, _("Panel"), SMM_CELL_ELLIPSIZE, account_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Service"), SMM_CELL_EXPAND | SMM_CELL_ELLIPSIZE, service_text, NULL,
                            self);
  smm_column_view_add_text (self->column_view, _("Rate"), SMM_CELL_NUMERIC, rate_text, rate_class, self);
  smm_column_view_add_text (self->column_view, _("Panel’s Rate"), SMM_CELL_NUMERIC | SMM_CELL_DIM, panel_rate_text,
                            NULL, self);
  smm_column_view_add_text (self->column_view, _("Min"), SMM_CELL_NUMERIC, min_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Max"), SMM_CELL_NUMERIC, max_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Refill"), SMM_CELL_DEFAULT, refill_text, refill_class, self);
  smm_column_view_add_text (self->column_view, _("Cancel"), SMM_CELL_DEFAULT, cancel_text, NULL, self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (order_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (order_bind_cb), self);
  column = gtk_column_view_column_new (NULL, g_object_ref (factory));
  gtk_column_view_append_column (self->column_view, column);
}

SmmCompareDialog *
smm_compare_dialog_new (SmmWindow  *window,
                        SmmAccount *account,
                        SmmService *service)
{
  SmmCompareDialog *self = g_object_new (SMM_TYPE_COMPARE_DIALOG, "transient-for", window, NULL);
  g_autofree char *facts = NULL;
  g_autofree char *rate = NULL;

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->account = g_object_ref (account);
  self->service = g_object_ref (service);
  self->settings = g_object_ref (smm_application_get_settings (smm_window_get_app (window)));

  gtk_label_set_label (self->name_label, smm_service_get_name (service));
  rate = smm_money_format_with_currency (smm_service_get_rate (service), smm_account_get_currency (account));
  /* Translators: under the compared service's name: “On “Panel A” · Instagram Followers · 0.90 USD per 1000” */
  facts = g_strdup_printf (_("On “%s” · %s · %s per 1000"), smm_account_get_name (account),
                           smm_service_get_category (service), rate);
  gtk_label_set_label (self->facts_label, facts);

  g_signal_connect_object (self->settings, "changed::exchange-rates", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::compare-currency", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/* Returns: (transfer none): the rows, the service compared first */
GListModel *
smm_compare_dialog_get_model (SmmCompareDialog *self)
{
  return G_LIST_MODEL (self->rows);
}
