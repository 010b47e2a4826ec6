/* smm-window-actions.c: what the main window's menu, buttons and shortcuts do (win.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-account-dialog.h"
#include "smm-compat.h"
#include "smm-compare-dialog.h"
#include "smm-csv.h"
#include "smm-import-dialog.h"
#include "smm-mass-order-dialog.h"
#include "smm-order-dialog.h"
#include "smm-preferences-dialog.h"
#include "smm-window-private.h"

static void
demo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmAccount) account = smm_application_add_demo (self->app, &error);

  if (account == NULL)
    {
      smm_window_toast (self, error->message);
      return;
    }
  smm_window_select_account (self, account);
  adw_view_stack_set_visible_child_name (self->view_stack, "services");
}

static void
account_saved_cb (SmmAccountDialog *dialog,
                  SmmAccount       *account,
                  SmmWindow        *self)
{
  GListStore *accounts = smm_application_get_accounts (self->app);
  guint position;

  /* put the item back in place, so the drop-down shows a new name */
  if (g_list_store_find (accounts, account, &position))
    g_list_store_splice (accounts, position, 1, (gpointer *) &account, 1);
  smm_window_select_account (self, account);
  smm_window_set_account (self, NULL);
  smm_window_set_account (self, account);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  SmmAccountDialog *dialog = smm_account_dialog_new (GTK_WINDOW (self), self->app, NULL);

  g_signal_connect (dialog, "saved", G_CALLBACK (account_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_account_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  SmmAccountDialog *dialog;

  if (self->account == NULL)
    return;
  if (smm_account_is_demo (self->account))
    {
      smm_window_toast (self, _("The demo panel has nothing to edit."));
      return;
    }
  dialog = smm_account_dialog_new (GTK_WINDOW (self), self->app, self->account);
  g_signal_connect (dialog, "saved", G_CALLBACK (account_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
smm_window_refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(SmmWindow) self = data;
  g_autoptr(GError) error = NULL;
  SmmTrackerReport report;

  if (!smm_tracker_refresh_finish (SMM_TRACKER (object), result, &report, &error))
    {
      smm_window_toast (self, error->message);
      return;
    }
  smm_window_orders_changed (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);

  if (self->account == NULL)
    return;
  smm_tracker_refresh_async (smm_application_get_tracker (self->app), self->cancellable, smm_window_refresh_cb,
                             g_object_ref (self));
  smm_window_refresh_balance (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "services") == 0)
    smm_services_page_reload (self->services_page);
}

static void
refresh_balance_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  smm_window_refresh_balance (SMM_WINDOW (widget));
}

static void
new_order_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  SmmService *service = smm_services_page_get_selected (self->services_page);

  if (service == NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "services");
      smm_window_toast (self, _("Choose a service first, then press Ctrl+N or double-click it."));
      return;
    }
  smm_window_new_order (self, NULL, service, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "orders") == 0)
    smm_orders_page_focus_search (self->orders_page);
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "services");
      smm_services_page_focus_search (self->services_page);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);

  if (self->account == NULL)
    return;
  gtk_window_present (GTK_WINDOW (smm_import_dialog_new (self, self->account)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);

  adw_dialog_present (ADW_DIALOG (smm_preferences_dialog_new (self->app)), widget);
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  smm_compat_show_shortcuts (GTK_WINDOW (widget));
}

static void
mass_order_placed_cb (SmmMassOrderDialog *dialog,
                      SmmWindow          *self)
{
  smm_window_orders_changed (self);
  smm_window_refresh_balance (self);
}

static void
mass_order_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  SmmMassOrderDialog *dialog;

  if (self->account == NULL)
    return;
  dialog = smm_mass_order_dialog_new (self, self->account, NULL);
  g_signal_connect_object (dialog, "placed", G_CALLBACK (mass_order_placed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  SmmService *service = smm_services_page_get_selected (self->services_page);

  if (self->account == NULL)
    return;
  if (service == NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "services");
      smm_window_toast (self, _("Choose a service first, then press Ctrl+K to compare it."));
      return;
    }
  gtk_window_present (GTK_WINDOW (smm_compare_dialog_new (self, self->account, service)));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(SmmWindow) self = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SmmOrderQuery query;
  guint n = 0;

  self->exporting = FALSE;
  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      /* dismissed by the user, or the window closed */
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_FAILED))
        smm_window_toast (self, error->message);
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      smm_window_toast (self, _("SMM Desk can only write the file to a folder of this computer."));
      return;
    }
  /* the orders as the Orders page filters them now */
  smm_orders_page_get_query (self->orders_page, &query);
  if (!smm_csv_export_orders (smm_application_get_store (self->app), &query, path, &n, &error))
    {
      smm_window_toast (self, error->message);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order exported", "%u orders exported", n), n);
  smm_window_toast (self, text);
}

static void
export_orders_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->exporting)
    return;
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, filter);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Export Orders"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  /* Translators: the suggested name of the exported file */
  gtk_file_dialog_set_initial_name (dialog, _("orders.csv"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  self->exporting = TRUE;
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, export_chosen_cb, g_object_ref (self));
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  SmmWindow *self = SMM_WINDOW (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (smm_application_get_accounts (self->app))) > 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "changes");
}

void
smm_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.edit-account", NULL, edit_account_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-balance", NULL, refresh_balance_action);
  gtk_widget_class_install_action (widget_class, "win.new-order", NULL, new_order_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.mass-order", NULL, mass_order_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.export-orders", NULL, export_orders_action);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL, show_changes_action);
}
