/* smm-account-check.c: checking an account before it is saved: one `balance` call
 *
 * A wrong key and an address that is not a panel's API are the two mistakes of a new
 * account; each gets a sentence that says what to do, with the panel's words beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-account-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-account-check.h"
#include "smm-api-error.h"
#include "smm-client.h"

typedef struct {
  SmmMoney  balance;
  char     *currency;
} Answer;

static void
answer_free (Answer *answer)
{
  g_free (answer->currency);
  g_free (answer);
}

/* Returns: what the user should do about @error, or %NULL when its own words say it */
static const char *
advice (const GError *error)
{
  if (error->domain != SMM_API_ERROR)
    return NULL;
  switch ((SmmApiError) error->code)
    {
    case SMM_API_ERROR_INVALID_KEY:
      return _("The panel does not accept this API key. Copy it again from the API page of your account "
               "on the panel.");
    case SMM_API_ERROR_NOT_API:
    case SMM_API_ERROR_MALFORMED:
    case SMM_API_ERROR_UNEXPECTED:
    case SMM_API_ERROR_HTTP:
    case SMM_API_ERROR_REDIRECT:
    case SMM_API_ERROR_INCORRECT_REQUEST:
      return _("This address does not answer as a panel’s API. Check the address: it is on the panel’s "
               "API page and usually ends in /api/v2.");
    case SMM_API_ERROR_NETWORK:
    case SMM_API_ERROR_TIMEOUT:
      return _("The panel could not be reached. Check the address and the connection.");
    case SMM_API_ERROR_TLS:
      return _("The panel’s secure connection could not be trusted. Check the address.");
    default:
      return NULL;
    }
}

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  Answer *answer = g_new0 (Answer, 1);
  const char *what_to_do;

  if (smm_client_balance_finish (SMM_CLIENT (object), result, &answer->balance, &answer->currency, &error))
    {
      g_task_return_pointer (task, answer, (GDestroyNotify) answer_free);
      return;
    }
  answer_free (answer);
  what_to_do = advice (error);
  if (what_to_do)
    /* Translators: the advice, then what went wrong in the panel's or the network's words */
    g_task_return_new_error (task, error->domain, error->code, _("%s (%s)"), what_to_do, error->message);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * smm_account_check_async:
 * @endpoint: the panel's API address
 * @key: the API key, which goes no further than the request
 *
 * Asks the panel for the balance with @key, once, as a new account is saved.
 */
void
smm_account_check_async (const char          *endpoint,
                         const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(SmmClient) client = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, smm_account_check_async);
  client = smm_client_new (endpoint, &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  smm_client_set_key (client, key);
  /* one answer is enough to tell; a user is waiting */
  smm_client_set_retry (client, 0, 0, 0);
  smm_client_balance_async (client, cancellable, balance_cb, g_steal_pointer (&task));
}

/**
 * smm_account_check_finish:
 * @balance: (out) (optional): the balance the panel gave
 * @currency: (out) (optional) (transfer full): its currency
 *
 * Returns: %TRUE when the panel answered with a balance
 */
gboolean
smm_account_check_finish (GAsyncResult  *result,
                          SmmMoney      *balance,
                          char         **currency,
                          GError       **error)
{
  Answer *answer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return FALSE;
  if (balance)
    *balance = answer->balance;
  if (currency)
    *currency = g_steal_pointer (&answer->currency);
  answer_free (answer);
  return TRUE;
}
