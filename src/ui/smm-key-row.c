/* smm-key-row.c: an entry row for an API key that shows and tells no one the key
 *
 * AdwPasswordEntryRow hides the key on screen, but the row is a GtkEditable, and GTK's AT-SPI
 * Text interface for an editable reads gtk_editable_get_text() of the row: the key in clear, for
 * any program on the session bus (GTK 4.18 to 4.24). SmmKeyRow is the same row, with the row's
 * accessible text answering with the invisible characters the screen shows, and the key kept in
 * a GtkPasswordEntryBuffer (non-pageable memory, cleared when freed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-key-row"

#include "config.h"

#include <glib/gi18n.h>

#include "smm-key-row.h"

struct _SmmKeyRow
{
  AdwEntryRow      parent_instance;

  GtkText         *text;   /* the row's delegate, owned by the row */
  GtkToggleButton *peek;
  unsigned int     length; /* characters, as last told to assistive technologies */
};

static void smm_key_row_accessible_text_init (GtkAccessibleTextInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmmKeyRow, smm_key_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE_TEXT,
                                                      smm_key_row_accessible_text_init))

/* What the screen shows for characters @start to @end (clamped): the invisible character for each
 * while the key is hidden, the key itself once the user has chosen to show it. */
static GBytes *
shown_text (SmmKeyRow    *self,
            unsigned int  start,
            unsigned int  end)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->text));
  unsigned int length = g_utf8_strlen (key, -1);
  g_autoptr(GString) shown = g_string_new (NULL);

  end = MIN (end, length);
  start = MIN (start, end);
  if (gtk_text_get_visibility (self->text))
    {
      const char *from = g_utf8_offset_to_pointer (key, start);
      const char *to = g_utf8_offset_to_pointer (key, end);

      g_string_append_len (shown, from, to - from);
    }
  else
    {
      gunichar invisible = gtk_text_get_invisible_char (self->text);

      for (unsigned int i = start; i < end; i++)
        g_string_append_unichar (shown, invisible != 0 ? invisible : 0x25CF);
    }
  /* GTK sends the bytes as a D-Bus string: they must end with a NUL */
  return g_bytes_new (shown->str, shown->len + 1);
}

static GBytes *
smm_key_row_get_contents (GtkAccessibleText *text,
                          unsigned int       start,
                          unsigned int       end)
{
  return shown_text (SMM_KEY_ROW (text), start, end);
}

static GBytes *
smm_key_row_get_contents_at (GtkAccessibleText            *text,
                             unsigned int                  offset,
                             GtkAccessibleTextGranularity  granularity,
                             unsigned int                 *start,
                             unsigned int                 *end)
{
  SmmKeyRow *self = SMM_KEY_ROW (text);
  unsigned int length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->text)), -1);

  /* a key is one word on one line: only a character is smaller than all of it */
  if (granularity == GTK_ACCESSIBLE_TEXT_GRANULARITY_CHARACTER)
    {
      *start = MIN (offset, length);
      *end = MIN (offset + 1, length);
    }
  else
    {
      *start = 0;
      *end = length;
    }
  return shown_text (self, *start, *end);
}

static unsigned int
smm_key_row_get_caret_position (GtkAccessibleText *text)
{
  return gtk_editable_get_position (GTK_EDITABLE (SMM_KEY_ROW (text)->text));
}

static gboolean
smm_key_row_get_selection (GtkAccessibleText       *text,
                           gsize                   *n_ranges,
                           GtkAccessibleTextRange **ranges)
{
  int start, end;

  *n_ranges = 0;
  if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (SMM_KEY_ROW (text)->text), &start, &end))
    return FALSE;
  *n_ranges = 1;
  if (ranges != NULL)
    {
      *ranges = g_new (GtkAccessibleTextRange, 1);
      (*ranges)[0].start = start;
      (*ranges)[0].length = end - start;
    }
  return TRUE;
}

static gboolean
smm_key_row_get_attributes (GtkAccessibleText       *text,
                            unsigned int             offset,
                            gsize                   *n_ranges,
                            GtkAccessibleTextRange **ranges,
                            char                  ***names,
                            char                  ***values)
{
  *n_ranges = 0;
  if (ranges != NULL)
    *ranges = NULL;
  if (names != NULL)
    *names = g_new0 (char *, 1);
  if (values != NULL)
    *values = g_new0 (char *, 1);
  return FALSE;
}

static void
smm_key_row_get_default_attributes (GtkAccessibleText   *text,
                                    char              ***names,
                                    char              ***values)
{
  *names = g_new0 (char *, 1);
  *values = g_new0 (char *, 1);
}

static void
smm_key_row_accessible_text_init (GtkAccessibleTextInterface *iface)
{
  iface->get_contents = smm_key_row_get_contents;
  iface->get_contents_at = smm_key_row_get_contents_at;
  iface->get_caret_position = smm_key_row_get_caret_position;
  iface->get_selection = smm_key_row_get_selection;
  iface->get_attributes = smm_key_row_get_attributes;
  iface->get_default_attributes = smm_key_row_get_default_attributes;
}

/* Tells assistive technologies that the text changed, in the words the screen shows. */
static void
text_changed_cb (SmmKeyRow *self)
{
  unsigned int length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->text)), -1);

  if (self->length > 0)
    gtk_accessible_text_update_contents (GTK_ACCESSIBLE_TEXT (self),
                                         GTK_ACCESSIBLE_TEXT_CONTENT_CHANGE_REMOVE, 0, self->length);
  self->length = length;
  if (length > 0)
    gtk_accessible_text_update_contents (GTK_ACCESSIBLE_TEXT (self),
                                         GTK_ACCESSIBLE_TEXT_CONTENT_CHANGE_INSERT, 0, length);
}

static void
caret_moved_cb (SmmKeyRow *self)
{
  gtk_accessible_text_update_caret_position (GTK_ACCESSIBLE_TEXT (self));
}

static void
peek_toggled_cb (SmmKeyRow *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->peek);

  gtk_text_set_visibility (self->text, shown);
  gtk_button_set_icon_name (GTK_BUTTON (self->peek), shown ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->peek), shown ? _("Hide Key") : _("Show Key"));
  /* what the row says follows what the screen shows */
  text_changed_cb (self);
}

static void
smm_key_row_init (SmmKeyRow *self)
{
  g_autoptr(GtkEntryBuffer) buffer = gtk_password_entry_buffer_new ();

  self->text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self)));
  gtk_text_set_buffer (self->text, buffer);
  gtk_text_set_visibility (self->text, FALSE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_PASSWORD);
  adw_entry_row_set_input_hints (ADW_ENTRY_ROW (self), GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);

  self->peek = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->peek), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->peek), "flat");
  g_signal_connect_swapped (self->peek, "toggled", G_CALLBACK (peek_toggled_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->peek));
  peek_toggled_cb (self);

  g_signal_connect_object (self->text, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text, "notify::cursor-position", G_CALLBACK (caret_moved_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
smm_key_row_class_init (SmmKeyRowClass *klass)
{
}

GtkWidget *
smm_key_row_new (void)
{
  return g_object_new (SMM_TYPE_KEY_ROW, NULL);
}
