/* smm-store-order-query.c: the orders a view asks for: filter, count, sort, a page of rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <sqlite3.h>

#include "smm-store-private.h"

/**
 * smm_store_list_orders:
 *
 * Returns: (transfer container) (element-type SmmOrder): newest first
 */
/* The WHERE of a query of the history: ?1 account, ?2 status, ?3 pattern, ?4 panel id */
static char *
order_conditions (const SmmOrderQuery *query)
{
  GString *sql = g_string_new (" WHERE 1");

  if (query->account_id > 0)
    g_string_append (sql, " AND account_id = ?1");
  if (query->filter == SMM_ORDER_FILTER_ACTIVE)
    g_string_append (sql, " AND status NOT IN " FINAL_STATUSES);
  else if (query->filter == SMM_ORDER_FILTER_STATUS)
    g_string_append (sql, " AND status = ?2");
  if (query->search && *query->search)
    g_string_append (sql, " AND (link LIKE ?3 ESCAPE '\\' OR service_name LIKE ?3 ESCAPE '\\' "
                          "OR CAST (panel_id AS TEXT) = ?4)");
  return g_string_free (sql, FALSE);
}

/* "%text%" for LIKE … ESCAPE '\': what the user typed is matched as typed, "_" and "%" too */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
bind_order_conditions (sqlite3_stmt        *stmt,
                       const SmmOrderQuery *query,
                       char               **pattern)
{
  sqlite3_bind_int64 (stmt, 1, query->account_id);
  if (query->filter == SMM_ORDER_FILTER_STATUS)
    _smm_store_bind_text (stmt, 2, smm_order_status_to_string (query->status));
  if (query->search && *query->search)
    {
      *pattern = like_pattern (query->search);
      _smm_store_bind_text (stmt, 3, *pattern);
      _smm_store_bind_text (stmt, 4, query->search);
    }
}

GPtrArray *
smm_store_list_orders (SmmStore             *self,
                       const SmmOrderQuery  *query,
                       GError              **error)
{
  g_autofree char *conditions = order_conditions (query);
  g_autofree char *sql = g_strdup_printf ("SELECT " ORDER_COLUMNS " FROM orders%s ORDER BY created DESC, id DESC%s",
                                          conditions, query->limit ? " LIMIT ?5" : "");
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *orders;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return NULL;
    }
  bind_order_conditions (stmt, query, &pattern);
  if (query->limit)
    sqlite3_bind_int64 (stmt, 5, query->limit);

  orders = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (orders, _smm_store_order_from_row (self, stmt));
  sqlite3_finalize (stmt);
  return _smm_store_finish_list (self, orders, rc, error);
}

/* Returns: how many orders @query selects */
guint
smm_store_count_orders (SmmStore             *self,
                        const SmmOrderQuery  *query,
                        GError              **error)
{
  g_autofree char *conditions = order_conditions (query);
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM orders%s", conditions);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return 0;
    }
  bind_order_conditions (stmt, query, &pattern);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    _smm_store_sql_error (self, error, SMM_STORE_READING);
  sqlite3_finalize (stmt);
  return count;
}

/* what the orders can be sorted by: the key a caller names, and its SQL */
static const struct {
  const char *key;
  const char *sql;
} order_sort_keys[] = {
  { "id", "panel_id" },
  { "service", "service_name COLLATE NOCASE" },
  { "link", "link COLLATE NOCASE" },
  { "quantity", "quantity" },
  { "progress", "CASE WHEN quantity > 0 THEN 1.0 - COALESCE (remains, quantity) * 1.0 / quantity END" },
  { "charge", "CAST (COALESCE (charge, estimated_charge) AS REAL)" },
  { "status", "status" },
  { "start-count", "start_count" },
  { "remains", "remains" },
  { "created", "created" },
};

/**
 * smm_store_list_order_ids:
 * @sort_key: (nullable): "id", "service", "link", "quantity", "progress", "charge", "status",
 *   "start-count", "remains" or "created"; %NULL for newest first
 *
 * The history's order, without reading the orders: a list of 100,000 orders needs only their ids
 * at first, and the rows on screen (smm_store_get_orders()).
 *
 * Returns: (transfer full) (element-type gint64): local ids
 */
GArray *
smm_store_list_order_ids (SmmStore             *self,
                          const SmmOrderQuery  *query,
                          const char           *sort_key,
                          gboolean              descending,
                          GError              **error)
{
  g_autofree char *conditions = order_conditions (query);
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  const char *order_by = NULL;
  sqlite3_stmt *stmt;
  GArray *ids;
  int rc;

  for (guint i = 0; sort_key && i < G_N_ELEMENTS (order_sort_keys); i++)
    if (g_str_equal (sort_key, order_sort_keys[i].key))
      order_by = order_sort_keys[i].sql;
  if (order_by)
    sql = g_strdup_printf ("SELECT id FROM orders%s ORDER BY %s %s, created DESC, id DESC", conditions, order_by,
                           descending ? "DESC" : "ASC");
  else
    sql = g_strdup_printf ("SELECT id FROM orders%s ORDER BY created DESC, id DESC", conditions);

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return NULL;
    }
  bind_order_conditions (stmt, query, &pattern);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (ids);
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return NULL;
    }
  return ids;
}

/**
 * smm_store_get_orders:
 * @ids: (array length=n_ids): local ids
 *
 * Returns: (transfer container) (element-type SmmOrder): the orders of @ids that exist, in the
 *   order of @ids
 */
GPtrArray *
smm_store_get_orders (SmmStore      *self,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " ORDER_COLUMNS " FROM orders WHERE id IN (");
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  sqlite3_stmt *stmt;
  GPtrArray *orders;
  int rc;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (sql, ')');
  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (found, g_memdup2 (&id, sizeof id), _smm_store_order_from_row (self, stmt));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return NULL;
    }
  orders = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      SmmOrder *order = g_hash_table_lookup (found, &ids[i]);
      if (order)
        g_ptr_array_add (orders, g_object_ref (order));
    }
  return orders;
}

/**
 * smm_store_list_active_ids:
 *
 * Returns: (element-type gint64): the panel ids of the account's orders that are not final
 */
GArray *
smm_store_list_active_ids (SmmStore  *self,
                           gint64     account_id,
                           GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT panel_id FROM orders "
                                                   "WHERE account_id = ?1 AND panel_id IS NOT NULL "
                                                   "AND status NOT IN " FINAL_STATUSES " ORDER BY panel_id",
                                             error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (ids);
      _smm_store_sql_error (self, error, SMM_STORE_READING);
      return NULL;
    }
  return ids;
}

static gpointer
list_order_ids_job (SmmStore      *connection,
                   SmmStoreCall  *call,
                   GError       **error)
{
  return smm_store_list_order_ids (connection, &call->query, call->sort_key, call->descending, error);
}

/* As smm_store_list_order_ids(), on the worker */
void
smm_store_list_order_ids_async (SmmStore            *self,
                                const SmmOrderQuery *query,
                                const char          *sort_key,
                                gboolean             descending,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_list_order_ids_async, cancellable, callback, user_data, &call);
  _smm_store_call_set_query (call, query);
  call->sort_key = g_strdup (sort_key);
  call->descending = descending;
  _smm_store_run_in_worker (self, g_steal_pointer (&task), list_order_ids_job,
                            (GDestroyNotify) g_array_unref);
}

/* Returns: (transfer full) (element-type gint64): local ids */
GArray *
smm_store_list_order_ids_finish (SmmStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
list_orders_job (SmmStore      *connection,
                SmmStoreCall  *call,
                GError       **error)
{
  return smm_store_list_orders (connection, &call->query, error);
}

/* As smm_store_list_orders(), on the worker: what an export of the whole history reads */
void
smm_store_list_orders_async (SmmStore            *self,
                             const SmmOrderQuery *query,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_list_orders_async, cancellable, callback, user_data, &call);
  _smm_store_call_set_query (call, query);
  _smm_store_run_in_worker (self, g_steal_pointer (&task), list_orders_job,
                            (GDestroyNotify) g_ptr_array_unref);
}

/* Returns: (transfer container) (element-type SmmOrder): newest first; the live ones, updated */
GPtrArray *
smm_store_list_orders_finish (SmmStore      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  GPtrArray *orders;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  orders = g_task_propagate_pointer (G_TASK (result), error);
  _smm_store_take_orders (self, orders);
  return orders;
}
