/* smm-timing.h: the app's own timing hooks, for benchmarks/ (off unless SMM_DESK_TIMING is set)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      smm_timing_init             (void);
void      smm_timing_mark             (const char *what);
gint64    smm_timing_take_max_stall   (void);
void      smm_timing_watch_window     (GtkWindow  *window);

G_END_DECLS
