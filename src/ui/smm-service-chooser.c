/* smm-service-chooser.c: a question that asks which service of a catalogue, with a search
 *
 * The services are in a drop-down that searches their ID, name and category as the user types;
 * the dialog answers "accept" once one is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-service-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-service-chooser.h"

/* What a service shows, and what the search matches: "12 · Instagram Likes (Instagram)" */
static char *
service_label (SmmService *service,
               gpointer    data)
{
  if (service == NULL)
    return g_strdup ("");
  if (*smm_service_get_category (service) == '\0')
    return g_strdup_printf ("%" G_GINT64_FORMAT " · %s", smm_service_get_id (service),
                            smm_service_get_name (service));
  return g_strdup_printf ("%" G_GINT64_FORMAT " · %s (%s)", smm_service_get_id (service),
                          smm_service_get_name (service), smm_service_get_category (service));
}

static void
selected_changed_cb (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     AdwAlertDialog *dialog)
{
  adw_alert_dialog_set_response_enabled (dialog, "accept",
                                         gtk_drop_down_get_selected_item (dropdown) != NULL);
}

/**
 * smm_service_chooser_new:
 * @services: (element-type SmmService): the catalogue to choose from
 *
 * Returns: (transfer floating): a dialog with the responses "close" and "accept"
 */
AdwAlertDialog *
smm_service_chooser_new (const char *heading,
                         const char *body,
                         GPtrArray  *services,
                         const char *accept_label)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
  g_autoptr(GListStore) store = g_list_store_new (SMM_TYPE_SERVICE);
  GtkExpression *expression;
  GtkDropDown *dropdown;

  for (guint i = 0; services && i < services->len; i++)
    g_list_store_append (store, services->pdata[i]);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (service_label), NULL, NULL);
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&store)), expression));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  gtk_drop_down_set_search_match_mode (dropdown, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Service"), -1);
  adw_alert_dialog_set_extra_child (dialog, GTK_WIDGET (dropdown));

  adw_alert_dialog_add_responses (dialog, "close", _("_Cancel"), "accept", accept_label, NULL);
  adw_alert_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (dialog, "accept", gtk_drop_down_get_selected_item (dropdown) != NULL);
  adw_alert_dialog_set_default_response (dialog, "accept");
  adw_alert_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (selected_changed_cb), dialog, 0);
  adw_dialog_set_focus (ADW_DIALOG (dialog), GTK_WIDGET (dropdown));
  return dialog;
}

GtkDropDown *
smm_service_chooser_get_dropdown (AdwAlertDialog *dialog)
{
  return GTK_DROP_DOWN (adw_alert_dialog_get_extra_child (dialog));
}

/* Returns: (transfer none) (nullable): the service chosen */
SmmService *
smm_service_chooser_get_service (AdwAlertDialog *dialog)
{
  return gtk_drop_down_get_selected_item (smm_service_chooser_get_dropdown (dialog));
}
