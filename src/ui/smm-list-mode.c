/* smm-list-mode.c: how the big lists grow, for the benchmarks to compare
 *
 * The services and orders tables tell GTK of their rows a few at a time, and the services table
 * keeps its row widgets on stable slots (smm-slot-list.c): both were made for GTK 4.8, and both
 * still pay on GTK 4.18. SMM_DESK_LIST_MODE lets benchmarks/run measure them against what GTK
 * does on its own:
 *
 *   slots    (the default) slots, and 8 rows more per turn of the main loop
 *   unpaced  slots, every row told at once
 *   plain    GtkFilterListModel and GtkSortListModel over the services, every row told at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "smm-list-mode.h"

#define STEP 8   /* rows told per turn of the main loop while a list grows */

typedef enum {
  MODE_SLOTS,
  MODE_UNPACED,
  MODE_PLAIN,
} ListMode;

static ListMode
get_mode (void)
{
  static gsize once;
  static ListMode mode;

  if (g_once_init_enter (&once))
    {
      const char *value = g_getenv ("SMM_DESK_LIST_MODE");

      mode = MODE_SLOTS;
      if (g_strcmp0 (value, "unpaced") == 0)
        mode = MODE_UNPACED;
      else if (g_strcmp0 (value, "plain") == 0)
        mode = MODE_PLAIN;
      g_once_init_leave (&once, 1);
    }
  return mode;
}

/* Returns: how many rows a list tells of per turn of the main loop as it grows */
guint
smm_list_mode_get_step (void)
{
  return get_mode () == MODE_SLOTS ? STEP : G_MAXUINT;
}

/* Returns: whether the services table uses GTK's own filter and sort models instead of slots */
gboolean
smm_list_mode_is_plain (void)
{
  return get_mode () == MODE_PLAIN;
}

/* Returns: how many of @length rows to tell of, @told of them told already */
guint
smm_list_mode_grow (guint told,
                    guint length)
{
  guint step = smm_list_mode_get_step ();

  if (told >= length)
    return length;
  return length - told <= step ? length : told + step;
}
