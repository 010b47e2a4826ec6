/* smm-list-mode.h: how the big lists grow, for the benchmarks to compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint    smm_list_mode_get_step     (void);
gboolean smm_list_mode_is_plain     (void);
guint    smm_list_mode_grow         (guint told,
                                     guint length);

G_END_DECLS
