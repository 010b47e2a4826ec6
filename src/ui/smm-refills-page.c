/* smm-refills-page.c: the refills asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-refills-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "smm-orders-page.h"
#include "smm-refills-page.h"

struct _SmmRefillsPage
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  AdwBanner      *unsupported_banner;
  GtkStack       *stack;
  GtkColumnView  *column_view;

  GListStore     *refills;
  SmmApplication *app;
  SmmAccount     *account;
};

G_DEFINE_FINAL_TYPE (SmmRefillsPage, smm_refills_page, GTK_TYPE_WIDGET)

/* A panel that does not tell refills' status: the statuses shown are the last it told, if any,
 * and the page says so instead of passing them off as current */
static void
update_unsupported (SmmRefillsPage *self)
{
  g_autoptr(SmmAccount) account = smm_store_get_account (smm_application_get_store (self->app),
                                                         smm_account_get_id (self->account), NULL);
  gboolean tells = smm_account_supports (account ? account : self->account, SMM_PANEL_ACTION_REFILL_STATUS);

  adw_banner_set_title (self->unsupported_banner,
                        tells ? "" : smm_panel_action_unsupported_message (SMM_PANEL_ACTION_REFILL_STATUS));
  adw_banner_set_revealed (self->unsupported_banner, !tells);
}

void
smm_refills_page_reload (SmmRefillsPage *self)
{
  g_autoptr(GPtrArray) refills = NULL;

  if (self->app == NULL || self->account == NULL)
    return;
  update_unsupported (self);
  refills = smm_store_list_refills (smm_application_get_store (self->app), smm_account_get_id (self->account),
                                    FALSE, NULL);
  if (refills == NULL)
    return;
  g_list_store_splice (self->refills, 0, g_list_model_get_n_items (G_LIST_MODEL (self->refills)),
                       refills->pdata, refills->len);
  gtk_stack_set_visible_child_name (self->stack, refills->len ? "list" : "empty");
}

void
smm_refills_page_set_account (SmmRefillsPage *self,
                              SmmApplication *app,
                              SmmAccount     *account)
{
  self->app = app;
  g_set_object (&self->account, account);
  smm_refills_page_reload (self);
}

static char *
format_id (gpointer unused,
           gint64   id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("–");
}

static char *
format_status (gpointer         unused,
               SmmRefillStatus  status,
               const char      *text,
               const GError    *error)
{
  if (error)
    return g_strdup (error->message);
  if (status == SMM_REFILL_STATUS_UNKNOWN)
    return g_strdup (text ? text : "");
  return g_strdup (smm_refill_status_get_label (status));
}

static char *
format_created (gpointer   unused,
                GDateTime *created)
{
  return smm_format_relative_time (created);
}

static void
smm_refills_page_dispose (GObject *object)
{
  SmmRefillsPage *self = SMM_REFILLS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_REFILLS_PAGE);
  g_clear_object (&self->refills);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (smm_refills_page_parent_class)->dispose (object);
}

static void
smm_refills_page_class_init (SmmRefillsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_refills_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* the template's expressions look this type up by name */
  g_type_ensure (SMM_TYPE_REFILL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-refills-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmRefillsPage, box);
  gtk_widget_class_bind_template_child (widget_class, SmmRefillsPage, unsupported_banner);
  gtk_widget_class_bind_template_child (widget_class, SmmRefillsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmRefillsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, format_id);
  gtk_widget_class_bind_template_callback (widget_class, format_status);
  gtk_widget_class_bind_template_callback (widget_class, format_created);
}

static void
smm_refills_page_init (SmmRefillsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->refills = g_list_store_new (SMM_TYPE_REFILL);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->refills)));
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
}
