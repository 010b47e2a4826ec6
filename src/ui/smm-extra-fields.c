/* smm-extra-fields.c: the free fields of a service type SMM Desk does not know, name = value
 *
 * A panel's own type ("Custom Likes Plus") may read fields SMM Desk has never heard of; the
 * user adds them here, a row each, and they are sent after the usual ones, as written
 * (smm_order_request_set_extra() checks each name and value).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-extra-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-extra-fields.h"

struct _SmmExtraFields
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* (element-type GtkListBoxRow): each with its name and value entries */
};

G_DEFINE_FINAL_TYPE (SmmExtraFields, smm_extra_fields, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
row_name (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "name");
}

static GtkEditable *
row_value (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "value");
}

static void
changed (SmmExtraFields *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (GtkButton      *button,
                   SmmExtraFields *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  guint index;

  if (row && g_ptr_array_find (self->rows, row, &index))
    smm_extra_fields_remove (self, index);
}

/**
 * smm_extra_fields_add:
 * @name: (nullable): the field's name, or %NULL for an empty row
 * @value: (nullable): its value
 *
 * Returns: the row's index
 */
guint
smm_extra_fields_add (SmmExtraFields *self,
                      const char     *name,
                      const char     *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_val_if_fail (SMM_IS_EXTRA_FIELDS (self), 0);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  /* Translators: the placeholder of an extra field's name, a panel's own field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (name_entry), _("name"));
  gtk_editable_set_width_chars (GTK_EDITABLE (name_entry), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Field name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("value"));
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Field value"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove this field"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_box_append (GTK_BOX (box), name_entry);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("="));
  gtk_box_append (GTK_BOX (box), value_entry);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "name", name_entry);
  g_object_set_data (G_OBJECT (row), "value", value_entry);
  if (name)
    gtk_editable_set_text (GTK_EDITABLE (name_entry), name);
  if (value)
    gtk_editable_set_text (GTK_EDITABLE (value_entry), value);
  g_signal_connect_swapped (name_entry, "changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (value_entry, "changed", G_CALLBACK (changed), self);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  gtk_widget_grab_focus (name_entry);
  changed (self);
  return self->rows->len - 1;
}

void
smm_extra_fields_remove (SmmExtraFields *self,
                         guint           index)
{
  g_return_if_fail (SMM_IS_EXTRA_FIELDS (self));
  g_return_if_fail (index < self->rows->len);

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[index]);
  g_ptr_array_remove_index (self->rows, index);
  changed (self);
}

guint
smm_extra_fields_get_n_fields (SmmExtraFields *self)
{
  g_return_val_if_fail (SMM_IS_EXTRA_FIELDS (self), 0);
  return self->rows->len;
}

/**
 * smm_extra_fields_apply:
 *
 * Gives @request the fields of the rows; a row left empty is no field.
 *
 * Returns: %FALSE with @error set, in words for the user, when a row is not a field the panel
 *   can be sent (a value without a name, a name SMM Desk fills in itself, two lines)
 */
gboolean
smm_extra_fields_apply (SmmExtraFields   *self,
                        SmmOrderRequest  *request,
                        GError          **error)
{
  g_return_val_if_fail (SMM_IS_EXTRA_FIELDS (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (row_name (self->rows->pdata[i]))));
      const char *value = gtk_editable_get_text (row_value (self->rows->pdata[i]));

      if (*name == '\0' && *value == '\0')
        continue;
      if (*name == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Give each of the other fields a name, or remove it."));
          return FALSE;
        }
      if (!smm_order_request_set_extra (request, name, value, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  smm_extra_fields_add (SMM_EXTRA_FIELDS (widget), NULL, NULL);
}

static void
smm_extra_fields_dispose (GObject *object)
{
  SmmExtraFields *self = SMM_EXTRA_FIELDS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMM_TYPE_EXTRA_FIELDS);
  G_OBJECT_CLASS (smm_extra_fields_parent_class)->dispose (object);
}

static void
smm_extra_fields_class_init (SmmExtraFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smm_extra_fields_dispose;

  /**
   * SmmExtraFields::changed:
   *
   * A row was added, removed or edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/smm-extra-fields.ui");
  gtk_widget_class_install_action (widget_class, "extra.add", NULL, add_action);
}

static void
smm_extra_fields_init (SmmExtraFields *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
