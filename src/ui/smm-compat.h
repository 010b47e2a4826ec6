/* smm-compat.h: what the floor deprecates without a replacement yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void smm_compat_show_shortcuts (GtkWindow *parent);

G_END_DECLS
