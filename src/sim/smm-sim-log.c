/* smm-sim-log.c: the simulated panel's request log, and the strict checks: a GET, a key in the
 * URL, an add repeated within a second
 *
 * A line per request: its number, method, content type, action and fields, sorted by name; the
 * key's value is never written, only whether there was one. The log and the checks are called
 * with the mutex held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smm-sim-private.h"

#define LOG_VALUE_LENGTH 64
#define REPEAT_WINDOW_US G_USEC_PER_SEC

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "action=add key=(hidden) link=https://… quantity=100": the fields, the key's value hidden */
char *
smm_sim_log_describe (GHashTable *fields)
{
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (fields, NULL);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **) names);

  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = smm_sim_clean_echo (names[i], LOG_VALUE_LENGTH);
      g_autofree char *value = NULL;

      if (strcmp (names[i], "key") == 0)
        value = g_strdup ("(hidden)");
      else
        value = smm_sim_clean_echo (g_hash_table_lookup (fields, names[i]), LOG_VALUE_LENGTH);
      g_string_append_printf (out, "%s%s=%s", i > 0 ? " " : "", name, value);
    }

  return g_string_free (out, FALSE);
}

static void
log_line_locked (SmmSim     *self,
                 const char *format,
                 ...) G_GNUC_PRINTF (2, 3);

static void
log_line_locked (SmmSim     *self,
                 const char *format,
                 ...)
{
  va_list args;

  if (self->log == NULL)
    return;

  va_start (args, format);
  vfprintf (self->log, format, args);
  va_end (args);
  fputc ('\n', self->log);
  fflush (self->log);
}

void
smm_sim_log_request_locked (SmmSim     *self,
                            guint       n,
                            const char *method,
                            const char *content_type,
                            const char *description)
{
  g_autofree char *type = smm_sim_clean_echo (content_type ? content_type : "(none)", LOG_VALUE_LENGTH);

  log_line_locked (self, "#%u %s content-type=%s %s", n, method, type, description);
}

static void
violation_locked (SmmSim     *self,
                  guint       n,
                  const char *what)
{
  self->n_violations++;
  log_line_locked (self, "#%u strict: %s", n, what);
  g_debug ("request #%u: strict: %s", n, what);
}

void
smm_sim_strict_check_locked (SmmSim     *self,
                             guint       n,
                             const char *method,
                             gboolean    key_in_url,
                             const char *action,
                             const char *description)
{
  gint64 now_us = g_get_monotonic_time ();

  if (strcmp (method, SOUP_METHOD_POST) != 0)
    violation_locked (self, n, "not a POST");
  if (key_in_url)
    violation_locked (self, n, "the key in the URL");

  if (g_strcmp0 (action, "add") != 0)
    return;

  /* the same order twice within a second: a retried add, which may spend twice */
  if (self->last_add != NULL && strcmp (self->last_add, description) == 0
      && now_us - self->last_add_us < REPEAT_WINDOW_US)
    violation_locked (self, n, "the same add again within a second");
  g_free (self->last_add);
  self->last_add = g_strdup (description);
  self->last_add_us = now_us;
}
