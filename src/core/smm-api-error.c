/* smm-api-error.c: panel error texts mapped to codes a user can be told about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-api-error"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-api-error.h"

G_DEFINE_QUARK (smm-api-error-quark, smm_api_error)

#define MAX_PANEL_TEXT 300

typedef struct {
  const char  *needle;   /* lower-case; matched as a substring */
  SmmApiError  code;
} Pattern;

/* API.md, "Error texts seen on real panels"; the translation keys first */
static const Pattern patterns[] = {
  { "neworder.error.not_enough_funds", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "neworder.error.link_duplicate", SMM_API_ERROR_DUPLICATE_ORDER },
  { "neworder.error.min_quantity", SMM_API_ERROR_QUANTITY_TOO_LOW },
  { "neworder.error.max_quantity", SMM_API_ERROR_QUANTITY_TOO_HIGH },
  { "neworder.error.link", SMM_API_ERROR_BAD_LINK },
  { "error.incorrect_service_id", SMM_API_ERROR_INCORRECT_SERVICE },
  { "invalid api key", SMM_API_ERROR_INVALID_KEY },
  { "incorrect api key", SMM_API_ERROR_INVALID_KEY },
  { "wrong api key", SMM_API_ERROR_INVALID_KEY },
  { "not enough funds", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "insufficient balance", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "insufficient funds", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "bad link", SMM_API_ERROR_BAD_LINK },
  { "invalid link", SMM_API_ERROR_BAD_LINK },
  { "incorrect link", SMM_API_ERROR_BAD_LINK },
  { "quantity less than minimal", SMM_API_ERROR_QUANTITY_TOO_LOW },
  { "quantity more than maximum", SMM_API_ERROR_QUANTITY_TOO_HIGH },
  { "incorrect service id", SMM_API_ERROR_INCORRECT_SERVICE },
  { "incorrect order id", SMM_API_ERROR_INCORRECT_ORDER },
  { "refill not found", SMM_API_ERROR_REFILL_NOT_FOUND },
  { "refill is disabled", SMM_API_ERROR_REFILL_DISABLED },
  { "you have active order with this link", SMM_API_ERROR_DUPLICATE_ORDER },
  { "account has been suspended", SMM_API_ERROR_ACCOUNT_SUSPENDED },
  { "spam protection", SMM_API_ERROR_RATE_LIMITED },
  { "too many requests", SMM_API_ERROR_RATE_LIMITED },
  { "incorrect request", SMM_API_ERROR_INCORRECT_REQUEST },
  { "request invalid", SMM_API_ERROR_INCORRECT_REQUEST },
};

/* The first run of digits in @text, or -1 */
static gint64
first_number (const char *text)
{
  const char *p = text;
  gint64 value = 0;

  while (*p && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return -1;
  for (; g_ascii_isdigit (*p) || *p == ',' || *p == '.'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (value > G_MAXINT64 / 10 - 10)
        return -1;
      value = value * 10 + (*p - '0');
    }
  return value;
}

/* The panel's words, made safe to show: valid UTF-8, one line, no control characters, bounded */
static char *
clean_panel_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *s = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p && n_chars < MAX_PANEL_TEXT; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        c = ' ';
      g_string_append_unichar (s, c);
    }
  if (*valid && n_chars == MAX_PANEL_TEXT && strlen (valid) > s->len)
    g_string_append (s, "…");
  return g_strstrip (g_string_free (s, FALSE));
}

/**
 * smm_api_error_from_panel_text:
 * @text: the value of an `{"error": …}` reply
 *
 * Returns: (transfer full): an error in %SMM_API_ERROR: a known code with a
 * translated message, or %SMM_API_ERROR_PANEL with the panel's own words
 */
GError *
smm_api_error_from_panel_text (const char *text)
{
  g_autofree char *clean = clean_panel_text (text ? text : "");
  g_autofree char *lower = g_ascii_strdown (clean, -1);
  gint64 number = first_number (clean);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      if (strstr (lower, patterns[i].needle) == NULL)
        continue;

      switch (patterns[i].code)
        {
        case SMM_API_ERROR_INVALID_KEY:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INVALID_KEY,
                                      _("The panel does not accept this API key. Copy the key again from your account page on the panel’s web site."));
        case SMM_API_ERROR_NOT_ENOUGH_FUNDS:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS,
                                      _("There is not enough money on the panel balance for this order."));
        case SMM_API_ERROR_BAD_LINK:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_BAD_LINK,
                                      _("The panel does not accept this link. Check that it points to a public profile or post."));
        case SMM_API_ERROR_QUANTITY_TOO_LOW:
          if (number >= 0)
            return g_error_new (SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_LOW,
                                _("The quantity is below this service’s minimum of %" PRId64 "."),
                                number);
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_LOW,
                                      _("The quantity is below this service’s minimum."));
        case SMM_API_ERROR_QUANTITY_TOO_HIGH:
          if (number >= 0)
            return g_error_new (SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_HIGH,
                                _("The quantity is above this service’s maximum of %" PRId64 "."),
                                number);
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_HIGH,
                                      _("The quantity is above this service’s maximum."));
        case SMM_API_ERROR_INCORRECT_SERVICE:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INCORRECT_SERVICE,
                                      _("The panel does not offer this service. Reload the catalogue: it may have been removed."));
        case SMM_API_ERROR_INCORRECT_ORDER:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER,
                                      _("The panel does not know this order ID, or the action is not possible for it."));
        case SMM_API_ERROR_REFILL_NOT_FOUND:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_REFILL_NOT_FOUND,
                                      _("The panel does not know this refill."));
        case SMM_API_ERROR_REFILL_DISABLED:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_REFILL_DISABLED,
                                      _("This service offers no refill."));
        case SMM_API_ERROR_DUPLICATE_ORDER:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_DUPLICATE_ORDER,
                                      _("An order for this link on this service is still running. Wait until it is completed."));
        case SMM_API_ERROR_ACCOUNT_SUSPENDED:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_ACCOUNT_SUSPENDED,
                                      _("The panel has suspended this account. Contact the panel’s support."));
        case SMM_API_ERROR_RATE_LIMITED:
          if (number > 0)
            return g_error_new (SMM_API_ERROR, SMM_API_ERROR_RATE_LIMITED,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "The panel asks to slow down: wait %d second.",
                                             "The panel asks to slow down: wait %d seconds.",
                                             (gulong) MIN (number, 3600)),
                                (int) MIN (number, 3600));
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_RATE_LIMITED,
                                      _("The panel asks to slow down. Try again in a minute."));
        case SMM_API_ERROR_INCORRECT_REQUEST:
          return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INCORRECT_REQUEST,
                                      _("The panel rejected the request as incorrect."));
        default:
          g_assert_not_reached ();
        }
    }

  if (*clean == '\0')
    return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL,
                                _("The panel reported an error without saying what it was."));
  return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL, clean);
}

/* Returns: %TRUE for errors that may pass if the same read is asked again later */
gboolean
smm_api_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != SMM_API_ERROR)
    return FALSE;

  switch ((SmmApiError) error->code)
    {
    case SMM_API_ERROR_RATE_LIMITED:
    case SMM_API_ERROR_NETWORK:
    case SMM_API_ERROR_TIMEOUT:
    case SMM_API_ERROR_HTTP:
    case SMM_API_ERROR_MALFORMED:
    case SMM_API_ERROR_NOT_API:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * smm_api_error_means_unsupported:
 * @error: (nullable): the answer to a well-formed `refill`, `cancel` or `refill_status`
 *
 * Panels without an action answer it as they answer a request they cannot read:
 * "Request Invalid" or "Incorrect request" (API.md, "Seen on real panels").
 *
 * Returns: %TRUE when @error says that the panel does not offer the action at all
 */
gboolean
smm_api_error_means_unsupported (const GError *error)
{
  return g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_INCORRECT_REQUEST);
}

/* Returns: %TRUE for what a panel says of one item of a batch ("Incorrect order ID"),
 * %FALSE for a failure of the whole request that was handed down to its items */
gboolean
smm_api_error_is_about_item (const GError *error)
{
  if (error == NULL || error->domain != SMM_API_ERROR)
    return FALSE;

  switch ((SmmApiError) error->code)
    {
    case SMM_API_ERROR_INCORRECT_ORDER:
    case SMM_API_ERROR_REFILL_NOT_FOUND:
    case SMM_API_ERROR_REFILL_DISABLED:
    case SMM_API_ERROR_PANEL:
      return TRUE;
    default:
      return FALSE;
    }
}
