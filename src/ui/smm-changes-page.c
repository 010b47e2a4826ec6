/* smm-changes-page.c: what changed in a panel's catalogue, fetch after fetch
 *
 * Read from the store, which records the differences each time a catalogue is
 * saved (smm_store_save_services): new and removed services, new rates (old →
 * new, in percent) and new names. Reloaded when shown and when a catalogue is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-changes-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "smm-changes-page.h"
#include "smm-column.h"
#include "smm-orders-page.h"

struct _SmmChangesPage
{
  GtkWidget        parent_instance;

  GtkCheckButton  *ordered_check;
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_page;

  GListStore      *changes;
  SmmApplication  *app;
  SmmAccount      *account;
};

G_DEFINE_FINAL_TYPE (SmmChangesPage, smm_changes_page, GTK_TYPE_WIDGET)

/* ---------------------------------------------------------------------------------------------
 * Cells
 */

static char *
seen_text (gpointer item,
           gpointer data)
{
  return smm_format_relative_time (smm_catalogue_change_get_seen (item));
}

static char *
kind_text (gpointer item,
           gpointer data)
{
  return g_strdup (smm_change_kind_get_label (smm_catalogue_change_get_kind (item)));
}

static const char *
kind_class (gpointer item,
            gpointer data)
{
  switch (smm_catalogue_change_get_kind (item))
    {
    case SMM_CHANGE_ADDED:
      return "success";
    case SMM_CHANGE_REMOVED:
      return "error";
    case SMM_CHANGE_PRICE:
    case SMM_CHANGE_RENAMED:
    default:
      return NULL;
    }
}

static char *
service_text (gpointer item,
              gpointer data)
{
  SmmCatalogueChange *change = item;
  const char *old_name = smm_catalogue_change_get_old_name (change);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (smm_catalogue_change_get_kind (change) == SMM_CHANGE_RENAMED && old_name && *old_name)
    /* Translators: a renamed service: the new name, then the old */
    name = g_strdup_printf (_("%s (was “%s”)"), smm_catalogue_change_get_name (change), old_name);
  else
    name = g_strdup (smm_catalogue_change_get_name (change));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, smm_catalogue_change_get_service_id (change));
  if (smm_catalogue_change_get_ordered_before (change))
    /* Translators: a service's number and name, then that the user has ordered it before */
    return g_strdup_printf (_("%s · %s · ordered before"), id, name);
  return g_strdup_printf ("%s · %s", id, name);
}

static char *
category_text (gpointer item,
               gpointer data)
{
  return g_strdup (smm_catalogue_change_get_category (item));
}

static char *
rate_text (SmmChangesPage *self,
           gboolean        has_rate,
           SmmMoney        rate)
{
  if (!has_rate)
    return g_strdup ("–");
  return smm_money_format_with_currency (rate, self->account ? smm_account_get_currency (self->account) : NULL);
}

static char *
old_rate_text (gpointer item,
               gpointer data)
{
  SmmMoney rate;
  gboolean has = smm_catalogue_change_get_old_rate (item, &rate);

  return rate_text (data, has, rate);
}

static char *
new_rate_text (gpointer item,
               gpointer data)
{
  SmmMoney rate;
  gboolean has = smm_catalogue_change_get_new_rate (item, &rate);

  return rate_text (data, has, rate);
}

static char *
percent_text (gpointer item,
              gpointer data)
{
  gint64 basis_points;

  if (smm_catalogue_change_get_kind (item) != SMM_CHANGE_PRICE ||
      !smm_catalogue_change_get_basis_points (item, &basis_points))
    return g_strdup ("");
  /* Translators: a change of price in percent: the sign (+ or −), then the number, like “+12.5 %” */
  return g_strdup_printf (_("%s%.1f %%"), basis_points < 0 ? "−" : "+", ABS (basis_points) / 100.0);
}

static const char *
percent_class (gpointer item,
               gpointer data)
{
  gint64 basis_points;

  if (smm_catalogue_change_get_kind (item) != SMM_CHANGE_PRICE ||
      !smm_catalogue_change_get_basis_points (item, &basis_points))
    return NULL;
  /* dearer is bad news, cheaper good */
  return basis_points > 0 ? "error" : basis_points < 0 ? "success" : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Loading
 */

void
smm_changes_page_reload (SmmChangesPage *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gboolean only_ordered = gtk_check_button_get_active (self->ordered_check);

  if (self->app == NULL || self->account == NULL)
    {
      g_list_store_remove_all (self->changes);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  changes = smm_store_list_changes (smm_application_get_store (self->app), smm_account_get_id (self->account),
                                    NULL, &error);
  if (changes == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    if (!only_ordered || smm_catalogue_change_get_ordered_before (changes->pdata[i]))
      g_ptr_array_add (shown, changes->pdata[i]);
  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                       shown->pdata, shown->len);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", shown->len), shown->len);
  gtk_label_set_label (self->count_label, count);
  if (only_ordered && shown->len == 0 && changes->len > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Change to Your Services"));
      adw_status_page_set_description (self->empty_page,
                                       _("None of the services you have ordered changed. Clear the check box to "
                                         "see every change."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Changes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Each time the services are loaded, SMM Desk compares the catalogue with "
                                         "the one before: new services, removed ones and new prices show here."));
    }
  gtk_stack_set_visible_child_name (self->stack, shown->len > 0 ? "list" : "empty");
}

static void
filter_toggled_cb (SmmChangesPage *self)
{
  smm_changes_page_reload (self);
}

void
smm_changes_page_set_account (SmmChangesPage *self,
                              SmmApplication *app,
                              SmmAccount     *account)
{
  self->app = app;
  g_set_object (&self->account, account);
  smm_changes_page_reload (self);
}

/* Returns: (transfer none): the changes on screen */
GListModel *
smm_changes_page_get_model (SmmChangesPage *self)
{
  return G_LIST_MODEL (self->changes);
}

/* ---------------------------------------------------------------------------------------------
 * The page
 */

static void
smm_changes_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (smm_changes_page_parent_class)->map (widget);
  /* the services page may have saved a catalogue since */
  smm_changes_page_reload (SMM_CHANGES_PAGE (widget));
}

static void
smm_changes_page_dispose (GObject *object)
{
  SmmChangesPage *self = SMM_CHANGES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_CHANGES_PAGE);
  /* the box around the toolbar and the list is not bound: GTK 4.8 leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->changes);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (smm_changes_page_parent_class)->dispose (object);
}

static void
smm_changes_page_class_init (SmmChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_changes_page_dispose;
  widget_class->map = smm_changes_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmChangesPage, ordered_check);
  gtk_widget_class_bind_template_child (widget_class, SmmChangesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SmmChangesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmChangesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmmChangesPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
}

static void
smm_changes_page_init (SmmChangesPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->changes = g_list_store_new (SMM_TYPE_CATALOGUE_CHANGE);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->changes)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  smm_column_view_add_text (self->column_view, _("Seen"), SMM_CELL_DIM, seen_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Change"), SMM_CELL_DEFAULT, kind_text, kind_class, self);
  smm_column_view_add_text (self->column_view, _("Service"), SMM_CELL_EXPAND | SMM_CELL_ELLIPSIZE, service_text, NULL,
                            self);
  smm_column_view_add_text (self->column_view, _("Category"), SMM_CELL_ELLIPSIZE, category_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Old Rate"), SMM_CELL_NUMERIC, old_rate_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("New Rate"), SMM_CELL_NUMERIC, new_rate_text, NULL, self);
  smm_column_view_add_text (self->column_view, _("Difference"), SMM_CELL_NUMERIC, percent_text, percent_class, self);
}
