/* smm-application-catalogue.c: what the application does when a catalogue was saved
 *
 * A window saves a fetched catalogue with smm_application_save_catalogue_async(), or hands
 * the changes smm_store_save_services_full() recorded to smm_application_catalogue_saved():
 * the user is told when a service they have ordered before changes price or disappears,
 * and the windows' Changes pages reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-application-catalogue.h"
#include "smm-window.h"

/* more than this many at once: one notification says how many */
#define MAX_SINGLE_NOTIFICATIONS 3

static void
show_changes_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (window)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-changes", NULL);
      gtk_window_present (window);
    }
}

/* Adds app.show-changes, the notifications' action, once. */
void
smm_application_add_catalogue_actions (SmmApplication *self)
{
  const GActionEntry entries[] = {
    { "show-changes", show_changes_action },
  };

  if (g_action_map_lookup_action (G_ACTION_MAP (self), "show-changes") == NULL)
    g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

static SmmAccount *
find_account (SmmApplication *self,
              gint64          account_id)
{
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (self));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SmmAccount) account = g_list_model_get_item (accounts, i);
      if (smm_account_get_id (account) == account_id)
        return account;   /* the list keeps it alive */
    }
  return NULL;
}

static GNotification *
change_notification (SmmCatalogueChange *change,
                     SmmAccount         *account)
{
  const char *panel = account ? smm_account_get_name (account) : "";
  const char *currency = account ? smm_account_get_currency (account) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;

  if (smm_catalogue_change_get_kind (change) == SMM_CHANGE_REMOVED)
    {
      /* Translators: %s is a service's name */
      title = g_strdup_printf (_("Service removed: %s"), smm_catalogue_change_get_name (change));
      /* Translators: %s is the panel account */
      body = g_strdup_printf (_("“%s” no longer offers a service you have ordered."), panel);
    }
  else
    {
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *percent = NULL;
      SmmMoney old_rate, new_rate;
      gint64 basis_points = 0;

      if (!smm_catalogue_change_get_old_rate (change, &old_rate) ||
          !smm_catalogue_change_get_new_rate (change, &new_rate))
        return NULL;
      old_text = smm_money_format_with_currency (old_rate, currency);
      new_text = smm_money_format_with_currency (new_rate, currency);
      smm_catalogue_change_get_basis_points (change, &basis_points);
      /* Translators: a change of price in percent: the sign (+ or −), then the number, like “+12.5 %” */
      percent = g_strdup_printf (_("%s%.1f %%"), basis_points < 0 ? "−" : "+", ABS (basis_points) / 100.0);
      /* Translators: %s is a service's name */
      title = g_strdup_printf (_("New price: %s"), smm_catalogue_change_get_name (change));
      /* Translators: “On “Panel”: 1.00 USD → 1.20 USD per 1000 (+20.0 %)” */
      body = g_strdup_printf (_("On “%s”: %s → %s per 1000 (%s)"), panel, old_text, new_text, percent);
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-changes");
  return notification;
}

/**
 * smm_application_catalogue_saved:
 * @account_id: the account whose catalogue was saved
 * @changes: (nullable) (element-type SmmCatalogueChange): what smm_store_save_services_full()
 *   recorded
 *
 * Tells the user of the changes to services they have ordered before, and lets the
 * windows show the changes.
 */
void
smm_application_catalogue_saved (SmmApplication *self,
                                 gint64          account_id,
                                 GPtrArray      *changes)
{
  g_autoptr(GPtrArray) notable = g_ptr_array_new ();
  GSettings *settings = smm_application_get_settings (self);
  SmmAccount *account = find_account (self, account_id);

  for (guint i = 0; changes && i < changes->len; i++)
    if (smm_catalogue_change_is_notable (changes->pdata[i]))
      g_ptr_array_add (notable, changes->pdata[i]);

  if (notable->len > 0 && g_settings_get_boolean (settings, "notifications"))
    {
      if (notable->len <= MAX_SINGLE_NOTIFICATIONS)
        for (guint i = 0; i < notable->len; i++)
          {
            g_autoptr(GNotification) notification = change_notification (notable->pdata[i], account);
            g_autofree char *id = g_strdup_printf ("catalogue-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, account_id,
                                                   smm_catalogue_change_get_service_id (notable->pdata[i]));
            if (notification)
              g_application_send_notification (G_APPLICATION (self), id, notification);
          }
      else
        {
          g_autoptr(GNotification) notification = NULL;
          g_autofree char *id = g_strdup_printf ("catalogue-%" G_GINT64_FORMAT, account_id);
          g_autofree char *title = NULL;
          g_autofree char *body = NULL;

          /* Translators: %s is the panel account */
          title = g_strdup_printf (_("Services changed on “%s”"), account ? smm_account_get_name (account) : "");
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u service you have ordered changed price or was removed.",
                                               "%u services you have ordered changed price or were removed.",
                                               notable->len), notable->len);
          notification = g_notification_new (title);
          g_notification_set_body (notification, body);
          g_notification_set_default_action (notification, "app.show-changes");
          g_application_send_notification (G_APPLICATION (self), id, notification);
        }
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SMM_IS_WINDOW (l->data))
      smm_window_catalogue_changed (l->data);
}

static void
services_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = smm_store_save_services_finish (SMM_STORE (object), result, &error);
  gint64 *account_id = g_task_get_task_data (task);

  if (changes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* committed: told even when the window that asked is gone */
  smm_application_catalogue_saved (g_task_get_source_object (task), *account_id, changes);
  g_task_return_pointer (task, g_steal_pointer (&changes), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * smm_application_save_catalogue_async:
 * @services: (element-type SmmService): a fresh catalogue; leave it alone until the end
 * @cancellable: (nullable): cancels the callback, not the telling: once the store has recorded
 *   the changes, the user is told of them, as smm_application_catalogue_saved() does
 *
 * Caches the catalogue in the store's worker (smm_store_save_services_async()), and tells the
 * user what changed.
 */
void
smm_application_save_catalogue_async (SmmApplication      *self,
                                      gint64               account_id,
                                      GPtrArray           *services,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, smm_application_save_catalogue_async);
  g_task_set_task_data (task, g_memdup2 (&account_id, sizeof account_id), g_free);
  smm_store_save_services_async (smm_application_get_store (self), account_id, services, cancellable,
                                 services_saved_cb, g_steal_pointer (&task));
}

/* Returns: (transfer container) (element-type SmmCatalogueChange): what changed since the last fetch */
GPtrArray *
smm_application_save_catalogue_finish (SmmApplication  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
