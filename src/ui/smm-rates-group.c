/* smm-rates-group.c: the currency prices are compared in, and the user's exchange rates
 *
 * Kept in GSettings: "compare-currency" (USD) and "exchange-rates" (["EUR=1.08", …]: one
 * euro is worth 1.08 of the compared currency). Nothing is fetched from the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-rates-group"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "smm-rates-group.h"

struct _SmmRatesGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwEntryRow         *currency_row;
  AdwEntryRow         *add_row;

  GSettings           *settings;
  GPtrArray           *rate_rows;
};

G_DEFINE_FINAL_TYPE (SmmRatesGroup, smm_rates_group, ADW_TYPE_PREFERENCES_GROUP)

/**
 * smm_rate_table_new_from_settings:
 *
 * Returns: (transfer full): the rates the user entered, into the compared currency
 */
SmmRateTable *
smm_rate_table_new_from_settings (GSettings *settings)
{
  g_autofree char *target = g_settings_get_string (settings, "compare-currency");
  g_auto(GStrv) rates = g_settings_get_strv (settings, "exchange-rates");
  SmmRateTable *table = smm_rate_table_new (*target ? target : "USD");

  for (guint i = 0; rates[i]; i++)
    if (!smm_rate_table_parse (table, rates[i], NULL))
      g_debug ("ignoring the exchange rate “%s”", rates[i]);
  return table;
}

static void
toast (SmmRatesGroup *self,
       const char    *text)
{
  GtkWidget *preferences = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);

  if (preferences != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (preferences), adw_toast_new (text));
}

static gboolean
is_code (const char *text)
{
  if (strlen (text) < 3 || strlen (text) > 4)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

static void
remove_clicked_cb (GtkButton     *button,
                   SmmRatesGroup *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "smm-currency");
  g_auto(GStrv) rates = g_settings_get_strv (self->settings, "exchange-rates");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_autofree char *prefix = g_strconcat (code, "=", NULL);

  for (guint i = 0; rates[i]; i++)
    if (!g_str_has_prefix (rates[i], prefix))
      g_strv_builder_add (kept, rates[i]);
  result = g_strv_builder_end (kept);
  g_settings_set_strv (self->settings, "exchange-rates", (const char * const *) result);
}

static void
rebuild (SmmRatesGroup *self)
{
  g_auto(GStrv) rates = NULL;
  g_autofree char *target = NULL;

  if (self->settings == NULL)
    return;
  rates = g_settings_get_strv (self->settings, "exchange-rates");
  target = g_settings_get_string (self->settings, "compare-currency");
  for (guint i = 0; i < self->rate_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rate_rows->pdata[i]);
  g_ptr_array_set_size (self->rate_rows, 0);

  for (guint i = 0; rates[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rates[i], "=", 2);
      g_autofree char *title = NULL;
      g_autofree char *spoken = NULL;
      g_autofree char *shown = NULL;
      GtkWidget *row, *button;
      SmmMoney value;

      if (g_strv_length (parts) != 2 || !smm_money_parse (parts[1], &value, NULL))
        continue;
      shown = smm_money_format (value, 2, 8);
      /* Translators: an exchange rate, like “1 EUR = 1.08 USD” */
      title = g_strdup_printf (_("1 %s = %s %s"), parts[0], shown, target);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: %s is a currency code, like EUR */
      spoken = g_strdup_printf (_("Remove the rate of %s"), parts[0]);
      gtk_widget_set_tooltip_text (button, spoken);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      g_object_set_data_full (G_OBJECT (button), "smm-currency", g_strdup (parts[0]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rate_rows, row);
    }
}

static void
currency_apply_cb (SmmRatesGroup *self)
{
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);

  g_strstrip (code);
  if (!is_code (code))
    {
      toast (self, _("Enter a currency code, like USD or EUR."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), code);
  g_settings_set_string (self->settings, "compare-currency", code);
}

static void
add_apply_cb (SmmRatesGroup *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  g_autoptr(SmmRateTable) check = smm_rate_table_new ("XXX");
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) rates = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_autofree char *code = NULL;
  g_autofree char *target = NULL;
  g_autofree char *wire = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;
  SmmMoney value;

  /* written as the user writes it (1,08 in Turkish), kept as the wire writes it */
  g_strdelimit (text, ",", '.');
  if (!smm_rate_table_parse (check, text, &error))
    {
      toast (self, error->message);
      return;
    }
  parts = g_strsplit (text, "=", 2);
  code = g_ascii_strup (g_strstrip (parts[0]), -1);
  target = g_settings_get_string (self->settings, "compare-currency");
  if (g_ascii_strcasecmp (code, target) == 0)
    {
      toast (self, _("Prices in the compared currency need no exchange rate."));
      return;
    }
  smm_money_parse (g_strstrip (parts[1]), &value, NULL);
  wire = smm_money_to_wire (value);
  entry = g_strdup_printf ("%s=%s", code, wire);
  prefix = g_strconcat (code, "=", NULL);

  /* one rate a currency: a new one takes the old one's place */
  rates = g_settings_get_strv (self->settings, "exchange-rates");
  for (guint i = 0; rates[i]; i++)
    if (!g_str_has_prefix (rates[i], prefix))
      g_strv_builder_add (builder, rates[i]);
  g_strv_builder_add (builder, entry);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "exchange-rates", (const char * const *) result);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

void
smm_rates_group_set_settings (SmmRatesGroup *self,
                              GSettings     *settings)
{
  g_autofree char *target = NULL;

  g_return_if_fail (self->settings == NULL);
  self->settings = g_object_ref (settings);
  target = g_settings_get_string (settings, "compare-currency");
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), target);
  g_signal_connect_object (settings, "changed::exchange-rates", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::compare-currency", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
smm_rates_group_dispose (GObject *object)
{
  SmmRatesGroup *self = SMM_RATES_GROUP (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->rate_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_RATES_GROUP);

  G_OBJECT_CLASS (smm_rates_group_parent_class)->dispose (object);
}

static void
smm_rates_group_class_init (SmmRatesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_rates_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-rates-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmRatesGroup, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SmmRatesGroup, add_row);
  gtk_widget_class_bind_template_callback (widget_class, currency_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_apply_cb);
}

static void
smm_rates_group_init (SmmRatesGroup *self)
{
  self->rate_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
