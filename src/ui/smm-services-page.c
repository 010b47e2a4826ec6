/* smm-services-page.c: a panel's catalogue
 *
 * The cached catalogue shows at once; a fresh one is fetched (and parsed off
 * the main thread by the client) and replaces it in one splice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-services-page"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-search.h"
#include "smm-services-page.h"
#include "smm-application-catalogue.h"
#include "smm-cell.h"
#include "smm-format.h"
#include "smm-slot-list.h"
#include "smm-window.h"

struct _SmmServicesPage
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  AdwBanner          *left_out_banner;  /* the ids the panel lists at two rates or types */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *type_dropdown;
  GtkToggleButton    *refill_toggle;
  GtkToggleButton    *cancel_toggle;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *rate_column;
  GtkLabel           *count_label;

  GtkCustomFilter    *filter;
  SmmSlotList        *list;
  GtkSingleSelection *selection;
  GtkStringList      *categories;
  GArray             *types;        /* SmmServiceType per type_dropdown position, after "All types" */

  char               *needle;       /* folded search text */
  SmmApplication     *app;
  SmmAccount         *account;
  GCancellable       *cancellable;
  GCancellable       *load_cancellable;
  GPtrArray          *fetched;     /* a fresh catalogue, while it is being cached */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (SmmServicesPage, smm_services_page, GTK_TYPE_WIDGET)

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  SmmServicesPage *self = data;
  SmmService *service = item;
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  if (gtk_toggle_button_get_active (self->refill_toggle) && smm_service_get_refill (service) != SMM_TRISTATE_YES)
    return FALSE;
  if (gtk_toggle_button_get_active (self->cancel_toggle) && smm_service_get_cancel (service) != SMM_TRISTATE_YES)
    return FALSE;
  if (category != GTK_INVALID_LIST_POSITION && category > 0 &&
      g_strcmp0 (gtk_string_list_get_string (self->categories, category), smm_service_get_category (service)) != 0)
    return FALSE;
  if (type != GTK_INVALID_LIST_POSITION && type > 0 && type - 1 < self->types->len &&
      g_array_index (self->types, SmmServiceType, type - 1) != smm_service_get_service_type (service))
    return FALSE;
  if (self->needle && *self->needle && !smm_search_match (smm_service_get_search_key (service), self->needle))
    return FALSE;
  return TRUE;
}

static void
update_count (SmmServicesPage *self)
{
  guint shown = smm_slot_list_get_n_shown (self->list);
  guint total = smm_slot_list_get_items (self->list)->len;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", total), total);
  else
    /* Translators: "12 of 340 services" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u service", "%u of %u services", total),
                            shown, total);
  gtk_label_set_label (self->count_label, text);

  if (self->loading && total == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (shown == 0 && total > 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
filters_changed_cb (SmmServicesPage *self)
{
  /* the row selected would show another service: nothing is */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
search_changed_cb (SmmServicesPage *self)
{
  g_autofree char *needle = smm_search_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  filters_changed_cb (self);
}

static void
search_activate_cb (SmmServicesPage *self)
{
  /* Enter in the search: order the first match */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-order", NULL);
    }
}

static void
stop_search_cb (SmmServicesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (SmmServicesPage *self,
                  guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-order", NULL);
}

/* Categories and types offered by the drop-downs: those of this catalogue, in its order */
static void
update_choices (SmmServicesPage *self)
{
  GPtrArray *services = smm_slot_list_get_items (self->list);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean present[SMM_N_SERVICE_TYPES] = { FALSE };
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);

  g_ptr_array_add (names, (gpointer) _("All categories"));
  for (guint i = 0; i < services->len; i++)
    {
      SmmService *service = services->pdata[i];
      const char *category = smm_service_get_category (service);

      present[smm_service_get_service_type (service)] = TRUE;
      if (!g_hash_table_contains (seen, category))
        {
          g_hash_table_add (seen, (gpointer) category);
          g_ptr_array_add (names, (gpointer) category);
        }
    }
  g_ptr_array_add (names, NULL);
  g_clear_object (&self->categories);
  self->categories = gtk_string_list_new ((const char * const *) names->pdata);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->categories));

  g_array_set_size (self->types, 0);
  gtk_string_list_append (type_names, _("All types"));
  for (guint t = 0; t < SMM_N_SERVICE_TYPES; t++)
    if (present[t])
      {
        SmmServiceType type = t;
        g_array_append_val (self->types, type);
        gtk_string_list_append (type_names, smm_service_type_get_label (type));
      }
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (type_names));
}

static void
show_services (SmmServicesPage *self,
               GPtrArray       *services)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  smm_slot_list_set_items (self->list, services);
  update_choices (self);
  update_count (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  SmmServicesPage *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = smm_application_save_catalogue_finish (SMM_APPLICATION (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error)
    g_warning ("Could not cache the catalogue: %s", error->message);
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  show_services (self, self->fetched);
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
}

static void
services_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  SmmServicesPage *self = data;
  g_autoptr(GError) error = NULL;
  SmmServicesReport report;
  g_autoptr(GPtrArray) services = smm_client_services_finish_full (SMM_CLIENT (object), result, &report, &error);
  g_autofree char *left_out = smm_services_report_dup_message (&report);
  GtkRoot *root;

  smm_services_report_clear (&report);
  if (services == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  adw_banner_set_title (self->left_out_banner, left_out ? left_out : "");
  adw_banner_set_revealed (self->left_out_banner, left_out != NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (services == NULL)
    {
      self->loading = FALSE;
      gtk_spinner_set_spinning (self->spinner, FALSE);
      update_count (self);
      if (SMM_IS_WINDOW (root))
        smm_window_toast (SMM_WINDOW (root), error->message);
      return;
    }
  /* cached (and its search keys made) in a worker; shown once that is done */
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  self->fetched = g_ptr_array_ref (services);
  smm_application_save_catalogue_async (self->app, smm_account_get_id (self->account), services,
                                        self->cancellable, saved_cb, self);
}

void
smm_services_page_reload (SmmServicesPage *self)
{
  SmmClient *client;

  if (self->account == NULL)
    return;
  client = smm_client_pool_get_client (smm_application_get_pool (self->app), smm_account_get_id (self->account));
  if (client == NULL && smm_application_is_connecting (self->app, self->account))
    {
      /* the keyring has not answered yet: the window asks again when it has */
      self->loading = TRUE;
      gtk_spinner_set_spinning (self->spinner, TRUE);
      update_count (self);
      return;
    }
  if (client == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      self->loading = FALSE;
      gtk_spinner_set_spinning (self->spinner, FALSE);
      update_count (self);

      /* no key in the keyring (or the keyring refused): say so, and how to mend it */
      if (SMM_IS_WINDOW (root))
        smm_window_toast (SMM_WINDOW (root), _("This account has no API key in the keyring. Choose “Edit Account…” "
                                               "in the main menu and enter it again."));
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  update_count (self);
  smm_client_services_async (client, self->cancellable, services_cb, self);
}

/* Returns: whether a fetch of the catalogue is under way */
gboolean
smm_services_page_is_loading (SmmServicesPage *self)
{
  return self->loading;
}

static void
cached_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  SmmServicesPage *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cached = smm_store_load_services_finish (SMM_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (cached == NULL)
    g_warning ("Could not read the cached catalogue: %s", error->message);
  /* the panel's answer came first: it is newer */
  else if (smm_slot_list_get_items (self->list)->len == 0)
    show_services (self, cached);
}

void
smm_services_page_set_account (SmmServicesPage *self,
                               SmmApplication  *app,
                               SmmAccount      *account)
{
  self->app = app;
  g_set_object (&self->account, account);
  g_cancellable_cancel (self->cancellable);
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    smm_slot_list_set_items (self->list, none);
  }
  if (account == NULL)
    return;

  /* the cached catalogue at once (read in a worker), and the panel's own meanwhile */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  smm_store_load_services_async (smm_application_get_store (app), smm_account_get_id (account),
                                 self->load_cancellable, cached_cb, self);
  smm_services_page_reload (self);
}

SmmService *
smm_services_page_get_selected (SmmServicesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  /* a slot, or the service itself where the list is GTK's own (smm-list-mode.c) */
  return item && SMM_IS_SLOT (item) ? smm_slot_get_item (item) : item;
}

void
smm_services_page_focus_search (SmmServicesPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
smm_services_page_set_search (SmmServicesPage *self,
                              const char      *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* at once, not after the entry's pause for typing */
  search_changed_cb (self);
}

/* Returns: (transfer none): what the user sees, filtered and sorted: its items are SmmSlot, each
 * showing an SmmService */
GListModel *
smm_services_page_get_model (SmmServicesPage *self)
{
  return G_LIST_MODEL (self->selection);
}

/* ---------------------------------------------------------------------------------------------
 * Cell formatting (closures of the template)
 */

static char *
format_id (gpointer unused,
           gint64   value)
{
  return value > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("–");
}

static char *
format_rate (gpointer        unused,
             const SmmMoney *rate)
{
  return rate ? smm_money_format (*rate, 2, 8) : g_strdup ("");
}

static char *
format_type (gpointer    unused,
             SmmService *service)
{
  if (service == NULL)
    return g_strdup ("");
  if (smm_service_get_service_type (service) == SMM_SERVICE_TYPE_UNKNOWN)
    return g_strdup (smm_service_get_type_name (service));
  return g_strdup (smm_service_type_get_label (smm_service_get_service_type (service)));
}

static char *
format_refill_tooltip (gpointer    unused,
                       SmmTristate refill)
{
  switch (refill)
    {
    case SMM_TRISTATE_YES: return g_strdup (_("Refill available"));
    case SMM_TRISTATE_UNKNOWN: return g_strdup (_("Refill unknown: the panel does not say"));
    case SMM_TRISTATE_NO: default: return g_strdup ("");
    }
}

static char *
format_cancel_tooltip (gpointer    unused,
                       SmmTristate cancel)
{
  switch (cancel)
    {
    case SMM_TRISTATE_YES: return g_strdup (_("Can be canceled"));
    case SMM_TRISTATE_UNKNOWN: return g_strdup (_("Cancel unknown: the panel does not say"));
    case SMM_TRISTATE_NO: default: return g_strdup ("");
    }
}

static int
compare_rate (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return smm_money_compare (smm_service_get_rate ((SmmService *) a), smm_service_get_rate ((SmmService *) b));
}

/* ---------------------------------------------------------------------------------------------
 * The widget
 */

static void
smm_services_page_dispose (GObject *object)
{
  SmmServicesPage *self = SMM_SERVICES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_SERVICES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->categories);
  g_clear_object (&self->list);
  g_clear_object (&self->account);
  g_clear_pointer (&self->types, g_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (smm_services_page_parent_class)->dispose (object);
}

/* ---------------------------------------------------------------------------------------------
 * Cells
 */

/* the name gets the room; the category a little */
static GtkWidget *
new_name_cell (gpointer unused)
{
  GtkWidget *text = smm_cell_new_text (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), 40);
  return text;
}

static GtkWidget *
new_category_cell (gpointer unused)
{
  GtkWidget *text = smm_cell_new_text (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), 18);
  return text;
}

static void
update_id (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? format_id (NULL, smm_service_get_id (item)) : NULL);
}

static void
update_name (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? g_strdup (smm_service_get_name (item)) : NULL);
}

static void
update_category (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? g_strdup (smm_service_get_category (item)) : NULL);
}

static void
update_type (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, format_type (NULL, item));
}

static void
update_rate (GtkWidget *cell, gpointer item, gpointer unused)
{
  SmmMoney rate = item ? smm_service_get_rate (item) : SMM_MONEY_ZERO;

  smm_cell_take_text (cell, item ? format_rate (NULL, &rate) : NULL);
}

static void
update_min (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? smm_format_count (smm_service_get_min (item)) : NULL);
}

static void
update_max (GtkWidget *cell, gpointer item, gpointer unused)
{
  smm_cell_take_text (cell, item ? smm_format_count (smm_service_get_max (item)) : NULL);
}

/* yes: a check mark; unknown: a dash; no: nothing */
static void
update_check (GtkWidget   *cell,
              SmmTristate  value,
              char        *tooltip)   /* (transfer full) */
{
  gtk_widget_set_visible (cell, value != SMM_TRISTATE_NO);
  gtk_image_set_from_icon_name (GTK_IMAGE (cell), value == SMM_TRISTATE_YES ? "object-select-symbolic"
                                                                             : "list-remove-symbolic");
  if (value == SMM_TRISTATE_UNKNOWN)
    gtk_widget_add_css_class (cell, "dim-label");
  else
    gtk_widget_remove_css_class (cell, "dim-label");
  gtk_widget_set_tooltip_text (cell, tooltip);
  if (tooltip)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_free (tooltip);
}

static void
update_refill (GtkWidget *cell, gpointer item, gpointer unused)
{
  SmmTristate value = item ? smm_service_get_refill (item) : SMM_TRISTATE_NO;

  update_check (cell, value, format_refill_tooltip (NULL, value));
}

static void
update_cancel (GtkWidget *cell, gpointer item, gpointer unused)
{
  SmmTristate value = item ? smm_service_get_cancel (item) : SMM_TRISTATE_NO;

  update_check (cell, value, format_cancel_tooltip (NULL, value));
}

static void
smm_services_page_class_init (SmmServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_services_page_dispose;
  g_type_ensure (SMM_TYPE_SLOT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* the template's expressions look this type up by name */
  g_type_ensure (SMM_TYPE_SERVICE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, box);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, left_out_banner);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, refill_toggle);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, cancel_toggle);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, rate_column);
  gtk_widget_class_bind_template_child (widget_class, SmmServicesPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
smm_services_page_init (SmmServicesPage *self)
{
  g_autoptr(GtkSorter) rate_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  smm_cell_set_factory (self->column_view, 0, smm_cell_new_number, update_id);
  smm_cell_set_factory (self->column_view, 1, new_name_cell, update_name);
  smm_cell_set_factory (self->column_view, 2, new_category_cell, update_category);
  smm_cell_set_factory (self->column_view, 3, smm_cell_new_label, update_type);
  smm_cell_set_factory (self->column_view, 4, smm_cell_new_number, update_rate);
  smm_cell_set_factory (self->column_view, 5, smm_cell_new_number, update_min);
  smm_cell_set_factory (self->column_view, 6, smm_cell_new_number, update_max);
  smm_cell_set_factory (self->column_view, 7, smm_cell_new_check, update_refill);
  smm_cell_set_factory (self->column_view, 8, smm_cell_new_check, update_cancel);

  self->types = g_array_new (FALSE, FALSE, sizeof (SmmServiceType));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->list = smm_slot_list_new (GTK_FILTER (self->filter), gtk_column_view_get_sorter (self->column_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_count), self);

  rate_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rate, NULL, NULL));
  gtk_column_view_column_set_sorter (self->rate_column, rate_sorter);

  update_choices (self);
  update_count (self);
}

/* Returns: what the banner says of the services the panel lists at two rates; "" when it is hidden */
const char *
smm_services_page_get_left_out (SmmServicesPage *self)
{
  return adw_banner_get_revealed (self->left_out_banner) ? adw_banner_get_title (self->left_out_banner) : "";
}
