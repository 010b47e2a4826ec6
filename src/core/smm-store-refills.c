/* smm-store-refills.c: refills and cancels: recorded, listed, their statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <sqlite3.h>

#include "smm-api-error.h"
#include "smm-store-private.h"

/* What an item of the panel's answer writes after the account (?1) */
typedef void (*BindItem) (sqlite3_stmt *stmt,
                          gpointer      item);

/* Inserts a row per item of @items, in one transaction */
static gboolean
insert_each (SmmStore    *self,
             const char  *sql,
             gint64       account_id,
             GPtrArray   *items,
             BindItem     bind_item,
             GError     **error)
{
  if (!_smm_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      sqlite3_stmt *stmt = _smm_store_statement (self, sql, error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, account_id);
      bind_item (stmt, items->pdata[i]);
      if (!_smm_store_step_done (self, stmt, error))
        goto fail;
    }
  return _smm_store_commit (self, error);

fail:
  _smm_store_rollback (self);
  return FALSE;
}

static void
bind_refill (sqlite3_stmt *stmt,
             gpointer      item)
{
  SmmRefill *r = item;

  sqlite3_bind_int64 (stmt, 2, smm_refill_get_order_id (r));
  if (smm_refill_get_id (r) > 0)
    sqlite3_bind_int64 (stmt, 3, smm_refill_get_id (r));
  _smm_store_bind_text (stmt, 4, smm_refill_get_error (r) ? "Rejected" : "Pending");
  _smm_store_bind_text (stmt, 5, smm_refill_get_error (r) ? smm_refill_get_error (r)->message : NULL);
  sqlite3_bind_int64 (stmt, 6, _smm_store_now ());
}

/**
 * smm_store_record_refills:
 * @refills: (element-type SmmRefill): the panel's answer to `refill`: ids, or errors
 */
gboolean
smm_store_record_refills (SmmStore   *self,
                          gint64      account_id,
                          GPtrArray  *refills,
                          GError    **error)
{
  g_autoptr(GPtrArray) answered = g_ptr_array_new ();

  /* an order the panel's reply left out may or may not have a refill now: nothing is known of
   * it to keep (no refill id to follow, no refusal), and the user is told "no answer" */
  for (guint i = 0; i < refills->len; i++)
    if (!g_error_matches (smm_refill_get_error (refills->pdata[i]), SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER))
      g_ptr_array_add (answered, refills->pdata[i]);
  return insert_each (self,
                      "INSERT INTO refills (account_id, order_id, panel_order_id, refill_id, status, error, "
                      "created, updated) VALUES (?1, (SELECT id FROM orders WHERE account_id = ?1 AND "
                      "panel_id = ?2), ?2, ?3, ?4, ?5, ?6, ?6)",
                      account_id, answered, bind_refill, error);
}

/**
 * smm_store_list_refills:
 * @account_id: 0 for every account
 *
 * Returns: (transfer container) (element-type SmmRefill): newest first; only
 * those the panel accepted when @active_only (and not final)
 */
GPtrArray *
smm_store_list_refills (SmmStore  *self,
                        gint64     account_id,
                        gboolean   active_only,
                        GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self,
                                             "SELECT refill_id, panel_order_id, status, error, created FROM "
                                             "refills WHERE (?1 = 0 OR account_id = ?1) AND (?2 = 0 OR "
                                             "(refill_id IS NOT NULL AND status NOT IN ('Completed', 'Rejected', "
                                             "'Error', 'Canceled'))) ORDER BY created DESC, id DESC", error);
  GPtrArray *refills;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, active_only);
  refills = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmmRefill *r = smm_refill_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 4));

      smm_refill_set_status_text (r, _smm_store_column_text (stmt, 2));
      if (_smm_store_column_text (stmt, 3))
        {
          g_autoptr(GError) reason = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL,
                                                          _smm_store_column_text (stmt, 3));
          smm_refill_set_error (r, reason);
        }
      smm_refill_set_created (r, created);
      g_ptr_array_add (refills, r);
    }
  sqlite3_reset (stmt);
  return _smm_store_finish_list (self, refills, rc, error);
}

/**
 * smm_store_apply_refill_status:
 *
 * Returns: (transfer container) (element-type SmmRefill): the replies whose status changed
 */
GPtrArray *
smm_store_apply_refill_status (SmmStore   *self,
                               gint64      account_id,
                               GPtrArray  *replies,
                               GError    **error)
{
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_smm_store_begin (self, error))
    goto fail;
  for (guint i = 0; i < replies->len; i++)
    {
      SmmRefill *r = replies->pdata[i];
      const char *status;
      sqlite3_stmt *stmt;

      if (smm_refill_get_error (r))
        continue;
      status = smm_refill_status_to_string (smm_refill_get_status (r));
      if (status == NULL)
        status = smm_refill_get_status_text (r);
      stmt = _smm_store_statement (self, "UPDATE refills SET status = ?3, updated = ?4 "
                                         "WHERE account_id = ?1 AND refill_id = ?2 AND status IS NOT ?3", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, smm_refill_get_id (r));
      _smm_store_bind_text (stmt, 3, status);
      sqlite3_bind_int64 (stmt, 4, _smm_store_now ());
      if (!_smm_store_step_done (self, stmt, error))
        goto fail;
      if (sqlite3_changes (self->db) > 0)
        g_ptr_array_add (changed, g_object_ref (r));
    }
  if (!_smm_store_commit (self, error))
    goto fail;
  return changed;

fail:
  _smm_store_rollback (self);
  g_ptr_array_unref (changed);
  return NULL;
}

static void
bind_cancel (sqlite3_stmt *stmt,
             gpointer      item)
{
  SmmCancelResult *r = item;

  sqlite3_bind_int64 (stmt, 2, r->order_id);
  sqlite3_bind_int (stmt, 3, r->accepted);
  _smm_store_bind_text (stmt, 4, r->error ? r->error->message : NULL);
  sqlite3_bind_int64 (stmt, 5, _smm_store_now ());
}

/**
 * smm_store_record_cancels:
 * @results: (element-type SmmCancelResult)
 */
gboolean
smm_store_record_cancels (SmmStore   *self,
                          gint64      account_id,
                          GPtrArray  *results,
                          GError    **error)
{
  return insert_each (self,
                      "INSERT INTO cancels (account_id, order_id, panel_order_id, accepted, error, created) "
                      "VALUES (?1, (SELECT id FROM orders WHERE account_id = ?1 AND panel_id = ?2), ?2, ?3, "
                      "?4, ?5)",
                      account_id, results, bind_cancel, error);
}

guint
smm_store_count_cancels (SmmStore  *self,
                         gint64     account_id,
                         gboolean   accepted,
                         GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT count(*) FROM cancels "
                                                   "WHERE account_id = ?1 AND accepted = ?2",
                                             error);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, accepted);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gpointer
apply_refill_status_job (SmmStore      *connection,
                        SmmStoreCall  *call,
                        GError       **error)
{
  return smm_store_apply_refill_status (connection, call->account_id, call->replies, error);
}

/**
 * smm_store_apply_refill_status_async:
 * @replies: (element-type SmmRefill): what the panel answered to `refill_status`; leave them
 *   alone until the end
 *
 * As smm_store_apply_refill_status(), on the worker.
 */
void
smm_store_apply_refill_status_async (SmmStore            *self,
                                     gint64               account_id,
                                     GPtrArray           *replies,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_apply_refill_status_async, cancellable, callback, user_data,
                               &call);
  call->account_id = account_id;
  call->replies = g_ptr_array_ref (replies);
  _smm_store_run_in_worker (self, g_steal_pointer (&task), apply_refill_status_job,
                            (GDestroyNotify) g_ptr_array_unref);
}

/* Returns: (transfer container) (element-type SmmRefill): the replies whose status changed */
GPtrArray *
smm_store_apply_refill_status_finish (SmmStore      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
