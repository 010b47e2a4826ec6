/* smm-search.h: matching what the user types against names, the way a Turkish user expects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *smm_search_fold   (const char *text);
gboolean  smm_search_match  (const char *folded_haystack,
                             const char *folded_needle);

G_END_DECLS
