/* smm-json-scan.c: the one pass over a reply's bytes before json-glib reads them: where the JSON
 * starts, what it would cost, and the escapes json-glib cannot hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-api-error.h"
#include "smm-json-scan.h"

/* What a reply of each kind may hold. json-glib keeps a node per value and a hash table per
 * object: 32 MB of `[{},{},…]` would be 10 million objects, 4 GB. A container is an object or
 * a list inside the reply (a service, a batch's answer); a value is anything inside a
 * container, counted by the commas between them. */
typedef struct {
  guint max_containers;
  guint max_values;
} Limits;

static const Limits limits_of[] = {
  /* a subscription's status lists its orders: many ids, few objects */
  [SMM_JSON_REPLY_ANSWER] = { 1000, 100000 },
  /* 100 answers of up to 4 objects or lists each, and slack */
  [SMM_JSON_REPLY_BATCH] = { 500, 200000 },
  /* 50,000 services, each an object of up to 20 fields */
  [SMM_JSON_REPLY_SERVICES] = { 50000, 1000000 },
};

/* An integer literal (no fraction, no exponent) that an int64 cannot hold: json-glib would
 * wrap it silently ({"order":-18446744073709528115} is order 23501 to it). */
static gboolean
integer_out_of_range (const char *p,
                      const char *end)
{
  const char *start = p;
  char buf[32];

  if (p < end && *p == '-')
    p++;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
    return FALSE;   /* a double: read as one */
  if ((gsize) (p - start) >= sizeof buf)
    return TRUE;
  memcpy (buf, start, p - start);
  buf[p - start] = '\0';
  return !g_ascii_string_to_signed (buf, 10, G_MININT64, G_MAXINT64, NULL, NULL);
}

/* The code of the `\uXXXX` escape at @p, or -1 when @p does not start one */
static int
unicode_escape (const char *p,
                const char *end)
{
  int code = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      code = code * 16 + g_ascii_xdigit_value (p[i]);
    }
  return code;
}

/* The escape at @p (a backslash in a string): how many bytes it takes. A `\u0000` would cut
 * the string short (json-glib keeps C strings), and json-glib refuses a whole reply for one
 * lone surrogate: both become `\ufffd` in *@repaired (a copy of @start…@end, made then),
 * unless @repaired is %NULL. */
static gsize
escape (const char  *p,
        const char  *start,
        const char  *end,
        char       **repaired)
{
  int code = unicode_escape (p, end);
  int next;

  if (code < 0)
    return end - p >= 2 ? 2 : 1;   /* a backslash last: the reply is cut off */
  if (code >= 0xD800 && code <= 0xDBFF && (next = unicode_escape (p + 6, end)) >= 0xDC00 && next <= 0xDFFF)
    return 12;   /* a pair: one character */
  if (code != 0 && (code < 0xD800 || code > 0xDFFF))
    return 6;
  if (repaired == NULL)
    return 6;
  if (*repaired == NULL)
    *repaired = g_memdup2 (start, end - start);
  memcpy (*repaired + (p - start) + 2, "fffd", 4);
  return 6;
}

/* Walks the first value of a reply (@start starts one) in one pass. json-glib's parser recurses:
 * absurd nesting is refused before it sees it, and so are integers it would wrap, and (with
 * @limits) replies that would cost too much to hold (returns FALSE, @error set). json-glib 1.10
 * also takes a second value as a new root, which an immutable parser then aborts on: the scan's
 * `trailing` says whether anything but white space follows the first value. A value cut off is
 * left to the parser to report. Without @limits (looking for where the JSON starts), nothing
 * is repaired either. */
static gboolean
walk (const char    *start,
      const char    *end,
      const Limits  *limits,
      SmmJsonScan   *scan,
      GError       **error)
{
  const char *p = start;
  guint depth = 0;
  guint n_containers = 0;
  guint n_values = 1;

  *scan = (SmmJsonScan) { FALSE, NULL };
  for (; p < end; p++)
    {
      if (*p == '"')
        {
          /* a string: to its closing quote */
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p += escape (p, start, end, limits ? &scan->repaired : NULL) - 1;
          if (p >= end)
            break;
        }
      else if (*p == '[' || *p == '{')
        {
          if (++depth > SMM_JSON_MAX_DEPTH)
            {
              g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_MALFORMED,
                                   _("The panel’s reply is broken (nested too deeply)."));
              goto refused;
            }
          if (depth == 1 || limits == NULL)
            continue;   /* the reply itself is not one of its items */
          if (++n_containers > limits->max_containers)
            {
              /* Translators: %u is a number, 50000 */
              g_set_error (error, SMM_API_ERROR, SMM_API_ERROR_TOO_LARGE,
                           _("The panel’s reply holds too many items (more than %u): SMM Desk "
                             "does not read it, rather than run out of memory."),
                           limits->max_containers);
              goto refused;
            }
          n_values++;
        }
      else if ((*p == ']' || *p == '}') && --depth == 0)
        break;
      else if (*p == ',' && limits && ++n_values > limits->max_values)
        {
          /* Translators: %u is a number, 1000000 */
          g_set_error (error, SMM_API_ERROR, SMM_API_ERROR_TOO_LARGE,
                       _("The panel’s reply holds too many values (more than %u): SMM Desk "
                         "does not read it, rather than run out of memory."),
                       limits->max_values);
          goto refused;
        }
      else if ((*p == '-' || g_ascii_isdigit (*p)) && !g_ascii_isalnum (p[-1]) && p[-1] != '.' &&
               integer_out_of_range (p, end))
        {
          g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_MALFORMED,
                               _("The panel’s reply holds a number too large to be true."));
          goto refused;
        }
    }
  if (p >= end)
    return TRUE;   /* cut off */
  for (p++; p < end && !scan->trailing; p++)
    scan->trailing = !g_ascii_isspace (*p) && *p != '\0';
  return TRUE;

refused:
  smm_json_scan_clear (scan);
  return FALSE;
}

/**
 * smm_json_scan_reply:
 * @p: the first byte of the reply's value, a `{` or a `[`
 * @scan: (out caller-allocates): what the scan found; clear it with smm_json_scan_clear()
 *
 * Refuses, before json-glib holds any of it, a reply that is nested too deeply, holds an
 * integer it would wrap, or more items or values than a reply of @kind needs.
 */
gboolean
smm_json_scan_reply (const char    *p,
                     const char    *end,
                     SmmJsonReply   kind,
                     SmmJsonScan   *scan,
                     GError       **error)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (limits_of), FALSE);

  return walk (p, end, &limits_of[kind], scan, error);
}

void
smm_json_scan_clear (SmmJsonScan *scan)
{
  g_clear_pointer (&scan->repaired, g_free);
}

/**
 * smm_json_scan_find_start:
 *
 * Where the JSON starts after a preamble: PHP notices (`<br />\n<b>Deprecated</b>: … on line
 * <b>12</b><br />`, or plain `PHP Warning: …` lines) printed before a valid reply. A candidate
 * starts a line or follows a tag, and its value must run to the end of the reply (a web page
 * that merely contains JSON is still a web page).
 *
 * Returns: (nullable): the start of the JSON
 */
const char *
smm_json_scan_find_start (const char *p,
                          const char *end)
{
  guint tries = 0;

  for (const char *q = p; q < end && tries < 16; q++)
    {
      const char *r = q + 1;
      SmmJsonScan scan;
      gboolean whole;

      if (*q != '>' && *q != '\n')
        continue;
      while (r < end && g_ascii_isspace (*r))
        r++;
      if (r == end || (*r != '{' && *r != '['))
        continue;
      tries++;
      whole = walk (r, end, NULL, &scan, NULL) && !scan.trailing;
      smm_json_scan_clear (&scan);
      if (whole)
        return r;
    }
  return NULL;
}
