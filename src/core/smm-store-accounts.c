/* smm-store-accounts.c: the panel accounts: add, list, find, update, archive, balance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "smm-store-private.h"

#define ACCOUNT_COLUMNS "id, name, endpoint, currency, balance, balance_time, unsupported"

static SmmAccount *
account_from_row (sqlite3_stmt *stmt)
{
  SmmAccount *account = smm_account_new (sqlite3_column_int64 (stmt, 0), _smm_store_column_text (stmt, 1),
                                         _smm_store_column_text (stmt, 2));
  SmmMoney balance;

  smm_account_set_currency (account, _smm_store_column_text (stmt, 3));
  if (_smm_store_column_money (stmt, 4, &balance))
    smm_account_set_balance (account, &balance);
  smm_account_set_balance_time (account, sqlite3_column_int64 (stmt, 5));
  smm_account_set_unsupported (account, (guint) sqlite3_column_int64 (stmt, 6));
  return account;
}

SmmAccount *
smm_store_add_account (SmmStore    *self,
                       const char  *name,
                       const char  *endpoint,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(SmmAccount) existing = NULL;

  g_return_val_if_fail (SMM_IS_STORE (self), NULL);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE, _("Give the account a name."));
      return NULL;
    }
  existing = smm_store_find_account (self, name, NULL);
  if (existing)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_EXISTS,
                   _("There is already an account called “%s”."), name);
      return NULL;
    }

  stmt = _smm_store_statement (self, "INSERT INTO accounts (name, endpoint, created) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return NULL;
  _smm_store_bind_text (stmt, 1, name);
  _smm_store_bind_text (stmt, 2, endpoint);
  sqlite3_bind_int64 (stmt, 3, _smm_store_now ());
  if (!_smm_store_step_done (self, stmt, error))
    return NULL;
  return smm_account_new (sqlite3_last_insert_rowid (self->db), name, endpoint);
}

/* Returns: (transfer container) (element-type SmmAccount): the accounts in use, by name */
GPtrArray *
smm_store_list_accounts (SmmStore  *self,
                         GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts "
                                                   "WHERE archived = 0 ORDER BY name COLLATE NOCASE", error);
  GPtrArray *accounts;
  int rc;

  if (stmt == NULL)
    return NULL;
  accounts = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));
  sqlite3_reset (stmt);
  return _smm_store_finish_list (self, accounts, rc, error);
}

SmmAccount *
smm_store_find_account (SmmStore    *self,
                        const char  *name,
                        GError     **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts "
                                                   "WHERE archived = 0 AND name = ?1", error);
  SmmAccount *account = NULL;

  if (stmt == NULL)
    return NULL;
  _smm_store_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account = account_from_row (stmt);
  sqlite3_reset (stmt);
  if (account == NULL)
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_FOUND, _("There is no account called “%s”."), name);
  return account;
}

SmmAccount *
smm_store_get_account (SmmStore    *self,
                       gint64       account_id,
                       GError     **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE id = ?1", error);
  SmmAccount *account = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account = account_from_row (stmt);
  sqlite3_reset (stmt);
  if (account == NULL)
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_FOUND, _("The account no longer exists."));
  return account;
}

gboolean
smm_store_update_account (SmmStore    *self,
                          SmmAccount  *account,
                          GError     **error)
{
  /* another address may be another panel: what it lacks is learnt again */
  sqlite3_stmt *stmt = _smm_store_statement (self, "UPDATE accounts SET name = ?2, endpoint = ?3, "
                                                   "unsupported = CASE WHEN endpoint = ?3 THEN unsupported ELSE 0 END "
                                                   "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, smm_account_get_id (account));
  _smm_store_bind_text (stmt, 2, smm_account_get_name (account));
  _smm_store_bind_text (stmt, 3, smm_account_get_endpoint (account));
  return _smm_store_step_done (self, stmt, error);
}

/* The account leaves the list; its orders stay in the history. */
gboolean
smm_store_archive_account (SmmStore  *self,
                           gint64     account_id,
                           GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "UPDATE accounts SET archived = 1 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  return _smm_store_step_done (self, stmt, error);
}

gboolean
smm_store_set_balance (SmmStore    *self,
                       gint64       account_id,
                       SmmMoney     balance,
                       const char  *currency,
                       GError     **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "UPDATE accounts SET balance = ?2, "
                                                   "currency = COALESCE (?3, currency), balance_time = ?4 "
                                                   "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  _smm_store_bind_money (stmt, 2, &balance);
  _smm_store_bind_text (stmt, 3, currency);
  sqlite3_bind_int64 (stmt, 4, _smm_store_now ());
  return _smm_store_step_done (self, stmt, error);
}

/* Remembers that the account's panel does not offer @action (answered "Request Invalid"). */
gboolean
smm_store_set_unsupported (SmmStore        *self,
                           gint64           account_id,
                           SmmPanelAction   action,
                           GError         **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "UPDATE accounts SET unsupported = unsupported | ?2 "
                                                   "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, action);
  return _smm_store_step_done (self, stmt, error);
}

/**
 * smm_store_learn_unsupported:
 * @error: (nullable): the panel's answer to a well-formed @action
 *
 * When @error says the panel has no such action ("Request Invalid"), remembers it for the
 * account. The order actions and the tracker learn through here.
 *
 * Returns: %TRUE when @error meant that the action is not offered
 */
gboolean
smm_store_learn_unsupported (SmmStore       *self,
                             gint64          account_id,
                             SmmPanelAction  action,
                             const GError   *error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SMM_IS_STORE (self), FALSE);

  if (!smm_api_error_means_unsupported (error))
    return FALSE;
  g_debug ("account %" G_GINT64_FORMAT ": the panel does not offer action %u", account_id, action);
  if (!smm_store_set_unsupported (self, account_id, action, &local_error))
    g_warning ("Could not record what the panel does not offer: %s", local_error->message);
  return TRUE;
}
