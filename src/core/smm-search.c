/* smm-search.c: matching what the user types against names, the way a Turkish user expects
 *
 * Folding ignores case and marks, and treats the four Turkish I's (I ı İ i) as
 * one letter: "instagram" finds "INSTAGRAM", "ığdır" finds "IĞDIR", "takipci"
 * finds "Takipçi". It never depends on the locale (strcasecmp and
 * g_utf8_strdown would give "ısparta" for "ISPARTA" under tr_TR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-search"

#include "config.h"

#include <string.h>

#include "smm-search.h"

/* Returns: (transfer full): @text folded for matching: NFD, case-folded, without combining marks */
char *
smm_search_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;   /* the dot of İ, the cedilla of ç, the breve of ğ… */
        default:
          break;
        }
      if (c == 0x0131)   /* ı, dotless i */
        c = 'i';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Returns: %TRUE when every word of @folded_needle is in @folded_haystack (both folded) */
gboolean
smm_search_match (const char *folded_haystack,
                  const char *folded_needle)
{
  const char *p = folded_needle;

  while (*p)
    {
      const char *end;
      g_autofree char *word = NULL;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      end = strchr (p, ' ');
      if (end == NULL)
        end = p + strlen (p);
      word = g_strndup (p, end - p);
      if (strstr (folded_haystack, word) == NULL)
        return FALSE;
      p = end;
    }
  return TRUE;
}
