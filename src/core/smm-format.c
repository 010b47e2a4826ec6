/* smm-format.c: numbers as people read them
 *
 * A count (a quantity, a minimum or maximum, a start count, what remains) is grouped as the
 * locale groups digits: 10,000,000 in English, 10.000.000 in Turkish. Ids are not counts: a
 * panel's order 23501 is never "23,501".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "smm-format.h"

/**
 * smm_format_count:
 * @value: a count, or a negative value when it is not known
 *
 * Returns: (transfer full): @value grouped by the locale, or "–" when it is not known
 */
char *
smm_format_count (gint64 value)
{
  if (value < 0)
    return g_strdup ("–");
  /* the ' flag is the C library's: it groups by LC_NUMERIC */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}
