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

typedef struct {
  char   *panel_text;   /* the panel's own words, cleaned; NULL when the error is not the panel's */
  gint64  min;          /* the bounds a quantity error names, or -1 */
  gint64  max;
} SmmApiErrorPrivate;

static void
smm_api_error_private_init (SmmApiErrorPrivate *priv)
{
  priv->panel_text = NULL;
  priv->min = priv->max = -1;
}

static void
smm_api_error_private_copy (const SmmApiErrorPrivate *src,
                            SmmApiErrorPrivate       *dest)
{
  dest->panel_text = g_strdup (src->panel_text);
  dest->min = src->min;
  dest->max = src->max;
}

static void
smm_api_error_private_clear (SmmApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->panel_text, g_free);
}

G_DEFINE_EXTENDED_ERROR (SmmApiError, smm_api_error)

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
  { "api is disable", SMM_API_ERROR_INVALID_KEY },
  { "user not found", SMM_API_ERROR_INVALID_KEY },
  { "wrong api key", SMM_API_ERROR_INVALID_KEY },
  { "not enough funds", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "insufficient balance", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "insufficient funds", SMM_API_ERROR_NOT_ENOUGH_FUNDS },
  { "bad link", SMM_API_ERROR_BAD_LINK },
  { "invalid link", SMM_API_ERROR_BAD_LINK },
  { "incorrect link", SMM_API_ERROR_BAD_LINK },
  { "quantity less than minimal", SMM_API_ERROR_QUANTITY_TOO_LOW },
  { "quantity more than maximum", SMM_API_ERROR_QUANTITY_TOO_HIGH },
  { "quantity must be at least", SMM_API_ERROR_QUANTITY_TOO_LOW },
  { "incorrect service id", SMM_API_ERROR_INCORRECT_SERVICE },
  { "incorrect order id", SMM_API_ERROR_INCORRECT_ORDER },
  { "order not found", SMM_API_ERROR_INCORRECT_ORDER },
  { "order is not completed", SMM_API_ERROR_ORDER_NOT_COMPLETED },
  { "cannot be canceled", SMM_API_ERROR_CANNOT_CANCEL },
  { "cannot be cancelled", SMM_API_ERROR_CANNOT_CANCEL },
  { "already completed", SMM_API_ERROR_CANNOT_CANCEL },
  { "cancel is disabled", SMM_API_ERROR_CANCEL_DISABLED },
  { "refill not found", SMM_API_ERROR_REFILL_NOT_FOUND },
  { "refill is disabled", SMM_API_ERROR_REFILL_DISABLED },
  { "you have active order with this link", SMM_API_ERROR_DUPLICATE_ORDER },
  { "account has been suspended", SMM_API_ERROR_ACCOUNT_SUSPENDED },
  { "spam protection", SMM_API_ERROR_RATE_LIMITED },
  { "too many requests", SMM_API_ERROR_RATE_LIMITED },
  { "incorrect request", SMM_API_ERROR_INCORRECT_REQUEST },
  { "request invalid", SMM_API_ERROR_INCORRECT_REQUEST },
  { "new post", SMM_API_ERROR_TOO_FEW_POSTS },
  { "missing", SMM_API_ERROR_MISSING_FIELD },
};

/* The runs of digits in @text ("1,500" is one), at most @n_max of them; each -1 when too large */
static guint
numbers (const char *text,
         gint64     *out,
         guint       n_max)
{
  const char *p = text;
  guint n = 0;

  while (n < n_max)
    {
      gint64 value = 0;

      while (*p && !g_ascii_isdigit (*p))
        p++;
      if (*p == '\0')
        break;
      for (; g_ascii_isdigit (*p) || ((*p == ',' || *p == '.') && g_ascii_isdigit (p[1])); p++)
        {
          if (!g_ascii_isdigit (*p))
            continue;
          if (value >= 0 && value > G_MAXINT64 / 10 - 10)
            value = -1;
          else if (value >= 0)
            value = value * 10 + (*p - '0');
        }
      out[n++] = value;
    }
  return n;
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

/* The translated message for @code, the panel's words being @clean */
static GError *
mapped_error (SmmApiError  code,
              const char  *clean,
              const char  *lower)
{
  gint64 n[2] = { -1, -1 };
  guint n_numbers = numbers (clean, n, G_N_ELEMENTS (n));
  gint64 number = n_numbers > 0 ? n[0] : -1;
  GError *error;

  switch (code)
    {
    case SMM_API_ERROR_INVALID_KEY:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel does not accept this API key. Copy the key again from your account page on the panel’s web site."));
    case SMM_API_ERROR_NOT_ENOUGH_FUNDS:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("There is not enough money on the panel balance for this order."));
    case SMM_API_ERROR_BAD_LINK:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel does not accept this link. Check that it points to a public profile or post."));
    case SMM_API_ERROR_QUANTITY_TOO_LOW:
      /* "Quantity must be at least 10 and maximum 1500": both bounds; which one was crossed is
       * known to the caller, who knows the quantity (smm_api_error_set_quantity_asked()) */
      if (n_numbers == 2 && n[0] >= 0 && n[1] >= 0 && strstr (lower, "max") != NULL)
        {
          error = g_error_new (SMM_API_ERROR, code,
                               _("The quantity must be between %" PRId64 " and %" PRId64 " for this service."),
                               n[0], n[1]);
          smm_api_error_get_private (error)->min = n[0];
          smm_api_error_get_private (error)->max = n[1];
          return error;
        }
      if (number < 0)
        return g_error_new_literal (SMM_API_ERROR, code, _("The quantity is below this service’s minimum."));
      error = g_error_new (SMM_API_ERROR, code,
                           _("The quantity is below this service’s minimum of %" PRId64 "."), number);
      smm_api_error_get_private (error)->min = number;
      return error;
    case SMM_API_ERROR_QUANTITY_TOO_HIGH:
      if (number < 0)
        return g_error_new_literal (SMM_API_ERROR, code, _("The quantity is above this service’s maximum."));
      error = g_error_new (SMM_API_ERROR, code,
                           _("The quantity is above this service’s maximum of %" PRId64 "."), number);
      smm_api_error_get_private (error)->max = number;
      return error;
    case SMM_API_ERROR_INCORRECT_SERVICE:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel does not offer this service. Reload the catalogue: it may have been removed."));
    case SMM_API_ERROR_INCORRECT_ORDER:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel does not know this order ID, or the action is not possible for it."));
    case SMM_API_ERROR_REFILL_NOT_FOUND:
      return g_error_new_literal (SMM_API_ERROR, code, _("The panel does not know this refill."));
    case SMM_API_ERROR_REFILL_DISABLED:
      return g_error_new_literal (SMM_API_ERROR, code, _("This service offers no refill."));
    case SMM_API_ERROR_DUPLICATE_ORDER:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("An order for this link on this service is still running. Wait until it is completed."));
    case SMM_API_ERROR_ACCOUNT_SUSPENDED:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel has suspended this account. Contact the panel’s support."));
    case SMM_API_ERROR_RATE_LIMITED:
      if (number > 0)
        return g_error_new (SMM_API_ERROR, code,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "The panel asks to slow down: wait %d second.",
                                         "The panel asks to slow down: wait %d seconds.",
                                         (gulong) MIN (number, 3600)),
                            (int) MIN (number, 3600));
      return g_error_new_literal (SMM_API_ERROR, code, _("The panel asks to slow down. Try again in a minute."));
    case SMM_API_ERROR_INCORRECT_REQUEST:
      return g_error_new_literal (SMM_API_ERROR, code, _("The panel rejected the request as incorrect."));
    case SMM_API_ERROR_MISSING_FIELD:
      {
        const char *field = clean + (strstr (lower, "missing") - lower) + strlen ("missing");

        while (*field == ' ' || *field == ':')
          field++;
        if (*field == '\0')
          return g_error_new_literal (SMM_API_ERROR, code,
                                      _("The panel needs a field that this order does not fill in."));
        return g_error_new (SMM_API_ERROR, code,
                            _("The panel needs the field “%s”, which this order does not fill in."), field);
      }
    case SMM_API_ERROR_TOO_FEW_POSTS:
      number = MAX (number, 1);
      return g_error_new (SMM_API_ERROR, code,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The panel asks for at least %d new post for this subscription.",
                                       "The panel asks for at least %d new posts for this subscription.",
                                       (gulong) MIN (number, 1000000)),
                          (int) MIN (number, 1000000));
    case SMM_API_ERROR_ORDER_NOT_COMPLETED:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel refills an order only once it is completed."));
    case SMM_API_ERROR_CANNOT_CANCEL:
      return g_error_new_literal (SMM_API_ERROR, code,
                                  _("The panel cannot cancel this order: it may be running or done already."));
    case SMM_API_ERROR_CANCEL_DISABLED:
      return g_error_new_literal (SMM_API_ERROR, code, _("This service offers no cancel."));
    default:
      g_assert_not_reached ();
    }
}

/**
 * smm_api_error_from_panel_text:
 * @text: the value of an `{"error": …}` reply
 *
 * Returns: (transfer full): an error in %SMM_API_ERROR: a known code with a
 * translated message, or %SMM_API_ERROR_PANEL with the panel's own words as the
 * message; either way the panel's words are kept (smm_api_error_get_panel_text())
 */
GError *
smm_api_error_from_panel_text (const char *text)
{
  g_autofree char *clean = clean_panel_text (text ? text : "");
  g_autofree char *lower = g_ascii_strdown (clean, -1);
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (patterns) && error == NULL; i++)
    if (strstr (lower, patterns[i].needle) != NULL)
      error = mapped_error (patterns[i].code, clean, lower);

  if (error == NULL && *clean == '\0')
    return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL,
                                _("The panel reported an error without saying what it was."));
  if (error == NULL)
    error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL, clean);
  smm_api_error_get_private (error)->panel_text = g_steal_pointer (&clean);
  return error;
}

/**
 * smm_api_error_get_panel_text:
 * @error: (nullable): any error
 *
 * Returns: (nullable): the panel's own words behind @error (one clean line), to show beside
 * the translated message; %NULL when @error did not come from a panel's error text
 */
const char *
smm_api_error_get_panel_text (const GError *error)
{
  if (error == NULL || error->domain != SMM_API_ERROR)
    return NULL;
  return smm_api_error_get_private (error)->panel_text;
}

/**
 * smm_api_error_get_quantity_range:
 * @min: (out) (optional): the minimum the panel named, or -1
 * @max: (out) (optional): the maximum the panel named, or -1
 *
 * Returns: %TRUE when @error is a quantity error that names a bound
 */
gboolean
smm_api_error_get_quantity_range (const GError *error,
                                  gint64       *min,
                                  gint64       *max)
{
  SmmApiErrorPrivate *priv;

  if (!g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_LOW) &&
      !g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_HIGH))
    return FALSE;
  priv = smm_api_error_get_private (error);
  if (min)
    *min = priv->min;
  if (max)
    *max = priv->max;
  return priv->min >= 0 || priv->max >= 0;
}

/**
 * smm_api_error_set_quantity_asked:
 * @quantity: the quantity that was sent
 *
 * "Quantity must be at least 10 and maximum 1500" does not say which bound was crossed:
 * with the quantity asked, @error's code becomes %SMM_API_ERROR_QUANTITY_TOO_HIGH when it was
 * above the maximum. Any other error is left as it is.
 */
void
smm_api_error_set_quantity_asked (GError *error,
                                  gint64  quantity)
{
  gint64 max;

  if (smm_api_error_get_quantity_range (error, NULL, &max) && max >= 0 && quantity > max)
    error->code = SMM_API_ERROR_QUANTITY_TOO_HIGH;
}

/* Returns: (transfer full): the error of an id that a batch reply left out */
GError *
smm_api_error_new_no_answer (void)
{
  return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER,
                              _("No answer: the panel’s reply said nothing about this one."));
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
 * %FALSE for a failure of the whole request that was handed down to its items, and for
 * %SMM_API_ERROR_NO_ANSWER (an id the reply left out: nothing is known of it) */
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
    case SMM_API_ERROR_ORDER_NOT_COMPLETED:
    case SMM_API_ERROR_CANNOT_CANCEL:
    case SMM_API_ERROR_CANCEL_DISABLED:
    case SMM_API_ERROR_PANEL:
      return TRUE;
    default:
      return FALSE;
    }
}
