/* smm-compat.c: what the floor deprecates without a replacement yet
 *
 * GTK 4.18 deprecates GtkShortcutsWindow, and with it GtkApplication's automatic help overlay;
 * its replacement, AdwShortcutsDialog, arrives in libadwaita 1.8, above the floor (Debian 13 has
 * 1.7). Until the floor moves, the keyboard shortcuts window is built here, and only here, from
 * smm-shortcuts-window.ui. When it does, this file becomes an AdwShortcutsDialog and goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-compat"

#include "config.h"

#include "smm-compat.h"

/* Shows the keyboard shortcuts, over @parent */
void
smm_compat_show_shortcuts (GtkWindow *parent)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/smm-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}
