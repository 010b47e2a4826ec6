/* smm-api-error.h: what can go wrong talking to a panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An error of this domain that came from a panel's `{"error": …}` keeps the panel's own
 * words beside the translated message: smm_api_error_get_panel_text() gives them (the message
 * says what it means, in the user's language; the panel's text is what to quote to its support).
 * The domain is an extended GError domain, so g_error_copy() keeps them too. */
#define SMM_API_ERROR (smm_api_error_quark ())
GQuark smm_api_error_quark (void);

typedef enum {
  /* the panel said so, in one of the texts or translation keys of API.md */
  SMM_API_ERROR_INVALID_KEY,
  SMM_API_ERROR_NOT_ENOUGH_FUNDS,
  SMM_API_ERROR_BAD_LINK,
  SMM_API_ERROR_QUANTITY_TOO_LOW,
  SMM_API_ERROR_QUANTITY_TOO_HIGH,
  SMM_API_ERROR_INCORRECT_SERVICE,
  SMM_API_ERROR_INCORRECT_ORDER,
  SMM_API_ERROR_REFILL_NOT_FOUND,
  SMM_API_ERROR_REFILL_DISABLED,
  SMM_API_ERROR_DUPLICATE_ORDER,
  SMM_API_ERROR_ACCOUNT_SUSPENDED,
  SMM_API_ERROR_RATE_LIMITED,
  SMM_API_ERROR_INCORRECT_REQUEST,
  SMM_API_ERROR_MISSING_FIELD,     /* "Missing username" */
  SMM_API_ERROR_TOO_FEW_POSTS,     /* "At least 1 new post" */
  SMM_API_ERROR_ORDER_NOT_COMPLETED, /* "Order is not completed": no refill yet */
  SMM_API_ERROR_CANNOT_CANCEL,     /* "Order cannot be canceled", "Already completed" */
  SMM_API_ERROR_CANCEL_DISABLED,   /* "Cancel is disabled for this service" */
  SMM_API_ERROR_PANEL,           /* any other error text: kept as the panel wrote it */
  /* the reply was not an answer of the API */
  SMM_API_ERROR_NOT_API,         /* an HTML page, plain text, an empty body */
  SMM_API_ERROR_MALFORMED,       /* cut-off or broken JSON */
  SMM_API_ERROR_UNEXPECTED,      /* JSON, but not the shape the action answers */
  SMM_API_ERROR_TOO_LARGE,
  /* transport */
  SMM_API_ERROR_HTTP,            /* an HTTP status without an API answer */
  SMM_API_ERROR_NETWORK,
  SMM_API_ERROR_TIMEOUT,
  SMM_API_ERROR_REDIRECT,
  SMM_API_ERROR_INSECURE,        /* plain http:// to a host that is not loopback */
  SMM_API_ERROR_TLS,
  SMM_API_ERROR_INVALID_URL,
  /* `add` was sent and no answer came back: the order may or may not exist */
  SMM_API_ERROR_OUTCOME_UNKNOWN,
  /* the request itself is wrong; nothing was sent */
  SMM_API_ERROR_INVALID_INPUT,
  /* an id of a batch the panel's reply left out: not answered, not final, asked again later */
  SMM_API_ERROR_NO_ANSWER,
} SmmApiError;

GError   *smm_api_error_from_panel_text (const char *text);
gboolean  smm_api_error_is_transient   (const GError *error);
gboolean  smm_api_error_is_about_item  (const GError *error);
gboolean  smm_api_error_means_unsupported (const GError *error);
const char *smm_api_error_get_panel_text (const GError *error);
gboolean  smm_api_error_get_quantity_range (const GError *error,
                                            gint64       *min,
                                            gint64       *max);
void      smm_api_error_set_quantity_asked (GError       *error,
                                            gint64        quantity);
GError   *smm_api_error_new_no_answer   (void);

G_END_DECLS
