/* smm-store-spending.c: every order as spending sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <sqlite3.h>

#include "smm-spending.h"
#include "smm-store-private.h"

/**
 * smm_store_list_spending:
 * @account_id: 0 for every account
 * @since: (nullable): only orders placed at or after this time
 *
 * Orders placed before the category was kept take it from the cached catalogue.
 *
 * Returns: (transfer container) (element-type SmmSpendingEntry): every order, oldest first
 */
GPtrArray *
smm_store_list_spending (SmmStore   *self,
                         gint64      account_id,
                         GDateTime  *since,
                         GError    **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self,
                                             "SELECT o.account_id, o.created, o.status, o.charge, "
                                             "o.quantity, o.remains, CASE WHEN o.currency != "
                                             "'' THEN o.currency ELSE a.currency END, COALESCE (o.service_category, "
                                             "s.category, ''), o.estimated_charge FROM orders o JOIN accounts a ON a.id = o.account_id "
                                             "LEFT JOIN services s ON s.account_id = o.account_id AND s.service_id "
                                             "= o.service_id WHERE (?1 = 0 OR o.account_id = ?1) AND o.created >= "
                                             "?2 ORDER BY o.created, o.id", error);
  GPtrArray *entries;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, since ? g_date_time_to_unix (since) : G_MININT64);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_spending_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmmSpendingEntry *entry = g_new0 (SmmSpendingEntry, 1);

      entry->account_id = sqlite3_column_int64 (stmt, 0);
      entry->created = sqlite3_column_int64 (stmt, 1);
      entry->status = smm_order_status_from_string (_smm_store_column_text (stmt, 2));
      entry->has_charge = _smm_store_column_money (stmt, 3, &entry->charge);
      entry->quantity = sqlite3_column_int64 (stmt, 4);
      entry->remains = _smm_store_column_count (stmt, 5);
      entry->currency = g_strdup (_smm_store_column_text (stmt, 6) ? _smm_store_column_text (stmt, 6) : "");
      entry->category = g_strdup (_smm_store_column_text (stmt, 7) ? _smm_store_column_text (stmt, 7) : "");
      entry->has_estimate = _smm_store_column_money (stmt, 8, &entry->estimate);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  return _smm_store_finish_list (self, entries, rc, error);
}

static gpointer
list_spending_job (SmmStore      *connection,
                  SmmStoreCall  *call,
                  GError       **error)
{
  return smm_store_list_spending (connection, call->account_id, call->since, error);
}

/* As smm_store_list_spending(), on the worker: a year of an agency's orders is ~0.1 s to read */
void
smm_store_list_spending_async (SmmStore            *self,
                               gint64               account_id,
                               GDateTime           *since,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_list_spending_async, cancellable, callback, user_data, &call);
  call->account_id = account_id;
  call->since = since ? g_date_time_ref (since) : NULL;
  _smm_store_run_in_worker (self, g_steal_pointer (&task), list_spending_job,
                            (GDestroyNotify) g_ptr_array_unref);
}

/* Returns: (transfer container) (element-type SmmSpendingEntry): see smm_store_list_spending() */
GPtrArray *
smm_store_list_spending_finish (SmmStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
