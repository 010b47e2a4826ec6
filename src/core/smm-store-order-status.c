/* smm-store-order-status.c: what the panels say of orders: statuses written, orders imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <sqlite3.h>

#include "smm-store-private.h"

/* Status text as stored: canonical for known statuses, the panel's words otherwise */
static const char *
stored_status (SmmOrder *reply)
{
  const char *canonical = smm_order_status_to_string (smm_order_get_status (reply));

  return canonical ? canonical : smm_order_get_status_text (reply);
}

static gboolean
update_from_reply (SmmStore  *self,
                   gint64     account_id,
                   SmmOrder  *reply,
                   gboolean  *changed,
                   gint64    *local_id,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  SmmMoney charge;
  gboolean has_charge = smm_order_get_charge (reply, &charge);
  g_autofree char *old_status = NULL;
  gint64 old_remains = -1;
  g_autofree char *old_charge = NULL;
  g_autofree char *new_charge = has_charge ? smm_money_to_wire (charge) : NULL;
  g_autofree char *old_expiry = NULL;
  g_autofree char *old_sub_orders = NULL;
  g_autofree char *new_sub_orders = _smm_store_dup_sub_orders_text (reply);
  gint64 new_remains, old_posts, new_posts;
  const char *new_expiry;
  int rc;

  *changed = FALSE;
  stmt = _smm_store_statement (self, "SELECT id, status, remains, charge, posts, expiry, sub_orders FROM orders "
                                     "WHERE account_id = ?1 AND panel_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, smm_order_get_id (reply));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      *local_id = 0;
      if (rc != SQLITE_DONE)
        return _smm_store_sql_error (self, error, SMM_STORE_READING);
      return TRUE;   /* not ours (any more): nothing to do */
    }
  *local_id = sqlite3_column_int64 (stmt, 0);
  old_status = g_strdup (_smm_store_column_text (stmt, 1));
  old_remains = _smm_store_column_count (stmt, 2);
  old_charge = g_strdup (_smm_store_column_text (stmt, 3));
  old_posts = _smm_store_column_count (stmt, 4);
  old_expiry = g_strdup (_smm_store_column_text (stmt, 5));
  old_sub_orders = g_strdup (_smm_store_column_text (stmt, 6));
  sqlite3_reset (stmt);

  if (smm_order_get_error (reply))
    {
      /* A failed request handed down to its orders says nothing about them */
      if (!smm_api_error_is_about_item (smm_order_get_error (reply)))
        return TRUE;
      /* "Incorrect order ID" and the like: noted with the order, not fatal */
      stmt = _smm_store_statement (self, "UPDATE orders SET error = ?2, updated = ?3 "
                                         "WHERE id = ?1 AND error IS NOT ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *local_id);
      _smm_store_bind_text (stmt, 2, smm_order_get_error (reply)->message);
      sqlite3_bind_int64 (stmt, 3, _smm_store_now ());
      return _smm_store_step_done (self, stmt, error);
    }

  /* a reply without remains (or a subscription's posts, expiry, orders) keeps what was known */
  new_remains = smm_order_get_remains (reply) >= 0 ? smm_order_get_remains (reply) : old_remains;
  new_posts = smm_order_get_posts (reply) >= 0 ? smm_order_get_posts (reply) : old_posts;
  new_expiry = smm_order_get_expiry (reply) ? smm_order_get_expiry (reply) : old_expiry;
  if (new_sub_orders == NULL)
    new_sub_orders = g_strdup (old_sub_orders);
  *changed = g_strcmp0 (old_status, stored_status (reply)) != 0 ||
             old_remains != new_remains ||
             (new_charge && g_strcmp0 (old_charge, new_charge) != 0) ||
             old_posts != new_posts || g_strcmp0 (old_expiry, new_expiry) != 0 ||
             g_strcmp0 (old_sub_orders, new_sub_orders) != 0;
  if (!*changed)
    return TRUE;

  stmt = _smm_store_statement (self,
                               "UPDATE orders SET status = ?2, remains = ?3, start_count = COALESCE (?4, "
                               "start_count), charge = COALESCE (?5, charge), currency = CASE WHEN ?6 = "
                               "'' THEN currency ELSE ?6 END, error = NULL, updated = ?7, posts = ?8, expiry = ?9, "
                               "sub_orders = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *local_id);
  _smm_store_bind_text (stmt, 2, stored_status (reply));
  _smm_store_bind_count (stmt, 3, new_remains);
  _smm_store_bind_count (stmt, 4, smm_order_get_start_count (reply));
  _smm_store_bind_text (stmt, 5, new_charge);
  _smm_store_bind_text (stmt, 6, smm_order_get_currency (reply));
  sqlite3_bind_int64 (stmt, 7, _smm_store_now ());
  _smm_store_bind_count (stmt, 8, new_posts);
  _smm_store_bind_text (stmt, 9, new_expiry);
  _smm_store_bind_text (stmt, 10, new_sub_orders);
  if (!_smm_store_step_done (self, stmt, error))
    return FALSE;
  return _smm_store_add_history (self, *local_id, error);
}

/**
 * smm_store_apply_status:
 * @replies: (element-type SmmOrder): what the panel answered to `status`
 *
 * Writes the answers in one transaction.
 *
 * Returns: (transfer container) (element-type SmmOrder): the stored orders that changed
 */
GPtrArray *
smm_store_apply_status (SmmStore   *self,
                        gint64      account_id,
                        GPtrArray  *replies,
                        GError    **error)
{
  g_autoptr(GArray) changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *changed;

  if (!_smm_store_begin_refetchable (self, error))
    {
      _smm_store_end_refetchable (self);
      return NULL;
    }
  for (guint i = 0; i < replies->len; i++)
    {
      gboolean changed_one;
      gint64 local_id;

      if (!update_from_reply (self, account_id, replies->pdata[i], &changed_one, &local_id, error))
        {
          _smm_store_end_refetchable (self);
          return NULL;
        }
      if (changed_one)
        g_array_append_val (changed_ids, local_id);
    }
  if (!_smm_store_commit (self, error))
    {
      _smm_store_end_refetchable (self);
      return NULL;
    }
  _smm_store_end_refetchable (self);

  changed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < changed_ids->len; i++)
    {
      SmmOrder *order = smm_store_get_order (self, g_array_index (changed_ids, gint64, i), NULL);
      if (order)
        g_ptr_array_add (changed, order);
    }
  return changed;
}

/**
 * smm_store_import_orders:
 * @replies: (element-type SmmOrder): the panel's status for ids placed elsewhere
 *
 * Orders with an error (unknown to the panel) and orders already in the history are left out.
 *
 * Returns: (transfer container) (element-type SmmOrder): the orders added
 */
GPtrArray *
smm_store_import_orders (SmmStore   *self,
                         gint64      account_id,
                         GPtrArray  *replies,
                         GError    **error)
{
  g_autoptr(GArray) added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *added;

  if (!_smm_store_begin (self, error))
    return NULL;
  for (guint i = 0; i < replies->len; i++)
    {
      SmmOrder *reply = replies->pdata[i];
      SmmMoney charge;
      gboolean has_charge = smm_order_get_charge (reply, &charge);
      sqlite3_stmt *stmt;
      g_autofree char *sub_orders = NULL;
      gint64 local_id;

      if (smm_order_get_error (reply))
        continue;
      sub_orders = _smm_store_dup_sub_orders_text (reply);
      stmt = _smm_store_statement (self,
                                   /* `status` tells neither the service nor the quantity: unknown, -1 */
                                   "INSERT OR IGNORE INTO orders (account_id, panel_id, service_id, service_name, "
                                   "service_type, fields, quantity, charge, start_count, remains, status, currency, "
                                   "imported, created, updated, posts, expiry, sub_orders) "
                                   "VALUES (?1, ?2, -1, '', '', '{}', -1, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8, ?9, ?10, ?11)",
                                   error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, smm_order_get_id (reply));
      _smm_store_bind_money (stmt, 3, has_charge ? &charge : NULL);
      _smm_store_bind_count (stmt, 4, smm_order_get_start_count (reply));
      _smm_store_bind_count (stmt, 5, smm_order_get_remains (reply));
      _smm_store_bind_text (stmt, 6, stored_status (reply));
      _smm_store_bind_text (stmt, 7, smm_order_get_currency (reply));
      sqlite3_bind_int64 (stmt, 8, _smm_store_now ());
      _smm_store_bind_count (stmt, 9, smm_order_get_posts (reply));
      _smm_store_bind_text (stmt, 10, smm_order_get_expiry (reply));
      _smm_store_bind_text (stmt, 11, sub_orders);
      if (!_smm_store_step_done (self, stmt, error))
        goto fail;
      if (sqlite3_changes (self->db) == 0)
        continue;
      local_id = sqlite3_last_insert_rowid (self->db);
      if (!_smm_store_add_history (self, local_id, error))
        goto fail;
      g_array_append_val (added_ids, local_id);
    }
  if (!_smm_store_commit (self, error))
    goto fail;

  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < added_ids->len; i++)
    {
      SmmOrder *order = smm_store_get_order (self, g_array_index (added_ids, gint64, i), NULL);
      if (order)
        g_ptr_array_add (added, order);
    }
  return added;

fail:
  _smm_store_rollback (self);
  return NULL;
}

static gpointer
apply_status_job (SmmStore      *connection,
                 SmmStoreCall  *call,
                 GError       **error)
{
  return smm_store_apply_status (connection, call->account_id, call->replies, error);
}

/**
 * smm_store_apply_status_async:
 * @replies: (element-type SmmOrder): what the panel answered to `status`; leave them alone until
 *   the end
 *
 * As smm_store_apply_status(), on the worker: the batch in one transaction, off the main thread.
 */
void
smm_store_apply_status_async (SmmStore            *self,
                              gint64               account_id,
                              GPtrArray           *replies,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_apply_status_async, cancellable, callback, user_data, &call);
  call->account_id = account_id;
  call->replies = g_ptr_array_ref (replies);
  _smm_store_run_in_worker (self, g_steal_pointer (&task), apply_status_job,
                            (GDestroyNotify) g_ptr_array_unref);
}

/* Returns: (transfer container) (element-type SmmOrder): the stored orders that changed; the live
 *   ones, updated (and notifying) here */
GPtrArray *
smm_store_apply_status_finish (SmmStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  GPtrArray *changed;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  changed = g_task_propagate_pointer (G_TASK (result), error);
  _smm_store_take_orders (self, changed);
  return changed;
}
