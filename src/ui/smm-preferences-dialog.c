/* smm-preferences-dialog.c: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-preferences-dialog.h"
#include "smm-rates-group.h"

struct _SmmPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GtkAdjustment        *interval_adjustment;
  GtkSwitch            *notifications_switch;
  AdwEntryRow          *threshold_row;
  SmmRatesGroup        *rates_group;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SmmPreferencesDialog, smm_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static gboolean
seconds_to_minutes (GValue   *value,
                    GVariant *variant,
                    gpointer  data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 60.0);
  return TRUE;
}

static GVariant *
minutes_to_seconds (const GValue       *value,
                    const GVariantType *type,
                    gpointer            data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 60));
}

static void
threshold_apply_cb (SmmPreferencesDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->threshold_row));
  g_autofree char *normal = g_strdelimit (g_strstrip (g_strdup (text)), ",", '.');
  SmmMoney amount;

  /* written as the user writes it (1,5 in Turkish), kept as the wire writes it */
  if (!smm_money_parse (normal, &amount, NULL) || smm_money_is_negative (amount))
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                        adw_toast_new (_("Enter an amount, like 10 or 2.50.")));
      return;
    }
  {
    g_autofree char *wire = smm_money_to_wire (amount);
    g_settings_set_string (self->settings, "low-balance-threshold", wire);
  }
}

static void
smm_preferences_dialog_dispose (GObject *object)
{
  SmmPreferencesDialog *self = SMM_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (smm_preferences_dialog_parent_class)->dispose (object);
}

static void
smm_preferences_dialog_class_init (SmmPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_preferences_dialog_dispose;
  g_type_ensure (SMM_TYPE_RATES_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmPreferencesDialog, interval_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SmmPreferencesDialog, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, SmmPreferencesDialog, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, SmmPreferencesDialog, rates_group);
  gtk_widget_class_bind_template_callback (widget_class, threshold_apply_cb);
}

static void
smm_preferences_dialog_init (SmmPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer floating): the preferences, to present with adw_dialog_present() */
SmmPreferencesDialog *
smm_preferences_dialog_new (SmmApplication *app)
{
  SmmPreferencesDialog *self = g_object_new (SMM_TYPE_PREFERENCES_DIALOG, NULL);
  g_autofree char *threshold = NULL;
  g_autofree char *shown = NULL;
  SmmMoney amount;

  self->settings = g_object_ref (smm_application_get_settings (app));
  g_settings_bind_with_mapping (self->settings, "refresh-interval", self->interval_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, seconds_to_minutes, minutes_to_seconds, NULL, NULL);
  g_settings_bind (self->settings, "notifications", self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);
  threshold = g_settings_get_string (self->settings, "low-balance-threshold");
  shown = smm_money_parse (threshold, &amount, NULL) ? smm_money_format (amount, 2, 8) : g_strdup (threshold);
  gtk_editable_set_text (GTK_EDITABLE (self->threshold_row), shown);
  smm_rates_group_set_settings (self->rates_group, self->settings);
  return self;
}
