/* smm-bench-parse.c: the parsers alone, for valgrind --tool=callgrind
 *
 *   smm-bench-parse services FILE     a `services` reply
 *   smm-bench-parse status FILE       a batch `status` reply (ids: every key of the object)
 *
 * The work to count is in parse_once(), which callgrind's --toggle-collect picks out, so the
 * count holds the parser and nothing of reading the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "smm-parse.h"

static GArray *
status_ids (const char *data,
            gsize       length)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* the keys of a batch reply are the numbers just after '{' or ',' followed by '"' */
  for (gsize i = 0; i + 1 < length; i++)
    if ((data[i] == '{' || data[i] == ',') && data[i + 1] == '"' && g_ascii_isdigit (data[i + 2]))
      {
        gint64 id = g_ascii_strtoll (data + i + 2, NULL, 10);
        g_array_append_val (ids, id);
      }
  return ids;
}

static __attribute__ ((noinline)) guint
parse_once (const char *what,
            const char *data,
            gsize       length,
            GArray     *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (g_str_equal (what, "services"))
    items = smm_parse_services (data, length, NULL, &error);
  else
    items = smm_parse_status_batch (data, length, (const gint64 *) ids->data, ids->len, &error);
  if (items == NULL)
    g_error ("%s", error->message);
  return items->len;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (argc != 3 || (!g_str_equal (argv[1], "services") && !g_str_equal (argv[1], "status")))
    {
      g_printerr ("usage: smm-bench-parse services|status FILE\n");
      return EXIT_FAILURE;
    }
  if (!g_file_get_contents (argv[2], &data, &length, &error))
    g_error ("%s", error->message);
  ids = status_ids (data, length);
  g_print ("%u\n", parse_once (argv[1], data, length, ids));
  return EXIT_SUCCESS;
}
