/* smm-format.h: numbers as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *smm_format_count (gint64 value);

G_END_DECLS
