/* smm-store-catalogue.c: the services cache, and what changed in the catalogues fetch after fetch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <sqlite3.h>

#include "smm-service-private.h"
#include "smm-store-private.h"

/* How long the changes of the catalogues are kept */
#define CHANGES_KEPT_DAYS 90

/* Steps @stmt, a query of one row at most: whether it gave one */
static gboolean
has_row (SmmStore      *self,
         sqlite3_stmt  *stmt,
         gboolean      *found,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _smm_store_sql_error (self, error, SMM_STORE_READING);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
fetched_before (SmmStore  *self,
                gint64     account_id,
                gboolean  *fetched,
                GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT 1 FROM service_fetches WHERE account_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  return has_row (self, stmt, fetched, error);
}

static gboolean
ordered_before (SmmStore  *self,
                gint64     account_id,
                gint64     service_id,
                gboolean  *ordered,
                GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT 1 FROM orders "
                                                   "WHERE account_id = ?1 AND service_id = ?2 LIMIT 1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  return has_row (self, stmt, ordered, error);
}

/* Inside the transaction of a save: the changes against the cache, written down. */
static gboolean
record_changes (SmmStore   *self,
                gint64      account_id,
                GPtrArray  *services,
                gint64      seen,
                GPtrArray  *recorded,
                GError    **error)
{
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (seen);
  gboolean fetched = FALSE;
  sqlite3_stmt *stmt;

  stmt = _smm_store_statement (self, "DELETE FROM catalogue_changes WHERE seen < ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seen - CHANGES_KEPT_DAYS * 24 * 60 * 60);
  if (!_smm_store_step_done (self, stmt, error))
    return FALSE;

  /* the first fetch is no change; an empty answer is a panel's hiccup, not every service gone */
  if (!fetched_before (self, account_id, &fetched, error))
    return FALSE;
  if (!fetched || services->len == 0)
    return TRUE;
  cached = smm_store_load_services (self, account_id, NULL, error);
  if (cached == NULL)
    return FALSE;
  if (cached->len == 0)
    return TRUE;   /* after an empty answer, the catalogue coming back is no news */
  changes = smm_catalogue_diff (cached, services);

  for (guint i = 0; i < changes->len; i++)
    {
      SmmCatalogueChange *change = changes->pdata[i];
      SmmMoney old_rate, new_rate;
      gboolean has_old = smm_catalogue_change_get_old_rate (change, &old_rate);
      gboolean has_new = smm_catalogue_change_get_new_rate (change, &new_rate);
      gboolean ordered = FALSE;

      stmt = _smm_store_statement (self,
                                   "INSERT INTO catalogue_changes (account_id, service_id, kind, name, category, "
                                   "old_name, old_rate, new_rate, seen) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, smm_catalogue_change_get_service_id (change));
      _smm_store_bind_text (stmt, 3, smm_change_kind_to_string (smm_catalogue_change_get_kind (change)));
      _smm_store_bind_text (stmt, 4, smm_catalogue_change_get_name (change));
      _smm_store_bind_text (stmt, 5, smm_catalogue_change_get_category (change));
      _smm_store_bind_text (stmt, 6, smm_catalogue_change_get_old_name (change));
      _smm_store_bind_money (stmt, 7, has_old ? &old_rate : NULL);
      _smm_store_bind_money (stmt, 8, has_new ? &new_rate : NULL);
      sqlite3_bind_int64 (stmt, 9, seen);
      if (!_smm_store_step_done (self, stmt, error))
        return FALSE;
      if (recorded == NULL)
        continue;
      if (!ordered_before (self, account_id, smm_catalogue_change_get_service_id (change), &ordered, error))
        return FALSE;
      smm_catalogue_change_set_account_id (change, account_id);
      smm_catalogue_change_set_seen (change, when);
      smm_catalogue_change_set_ordered_before (change, ordered);
      g_ptr_array_add (recorded, g_object_ref (change));
    }
  return TRUE;
}

static gboolean save_services (SmmStore      *self,
                               gint64         account_id,
                               GPtrArray     *services,
                               GCancellable  *cancellable,
                               GPtrArray    **changes,
                               GError       **error);

gboolean
smm_store_save_services (SmmStore   *self,
                         gint64      account_id,
                         GPtrArray  *services,
                         GError    **error)
{
  return save_services (self, account_id, services, NULL, NULL, error);
}

/**
 * smm_store_save_services_full:
 * @services: (element-type SmmService): the catalogue just fetched
 * @changes: (out) (optional) (transfer container) (element-type SmmCatalogueChange): what
 *   changed against the cached catalogue, as recorded; empty for the first fetch of the account
 *
 * Replaces the cached catalogue and records, in the same transaction, what
 * changed since the last fetch (kept for 90 days). A change whose service the
 * user ordered before on this account is flagged: smm_catalogue_change_is_notable().
 */
gboolean
smm_store_save_services_full (SmmStore    *self,
                              gint64       account_id,
                              GPtrArray   *services,
                              GPtrArray  **changes,
                              GError     **error)
{
  return save_services (self, account_id, services, NULL, changes, error);
}

/* Cancelled up to the commit, which then rolls back; never after it: what it recorded is
 * handed back */
static gboolean
save_services (SmmStore      *self,
               gint64         account_id,
               GPtrArray     *services,
               GCancellable  *cancellable,
               GPtrArray    **changes,
               GError       **error)
{
  g_autoptr(GPtrArray) recorded = changes ? g_ptr_array_new_with_free_func (g_object_unref) : NULL;
  gint64 seen = _smm_store_now ();
  sqlite3_stmt *stmt;

  if (changes)
    *changes = NULL;
  if (!_smm_store_begin (self, error))
    return FALSE;
  if (!record_changes (self, account_id, services, seen, recorded, error))
    goto fail;

  stmt = _smm_store_statement (self, "DELETE FROM services WHERE account_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!_smm_store_step_done (self, stmt, error))
    goto fail;

  for (guint i = 0; i < services->len; i++)
    {
      SmmService *s = services->pdata[i];
      SmmMoney rate = smm_service_get_rate (s);

      stmt = _smm_store_statement (self,
                                   "INSERT OR REPLACE INTO services (account_id, service_id, position, name, "
                                   "type, category, rate, min, max, refill, cancel, dripfeed, description) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, smm_service_get_id (s));
      sqlite3_bind_int (stmt, 3, (int) i);
      _smm_store_bind_text (stmt, 4, smm_service_get_name (s));
      _smm_store_bind_text (stmt, 5, smm_service_get_type_name (s));
      _smm_store_bind_text (stmt, 6, smm_service_get_category (s));
      _smm_store_bind_money (stmt, 7, &rate);
      sqlite3_bind_int64 (stmt, 8, smm_service_get_min (s));
      sqlite3_bind_int64 (stmt, 9, smm_service_get_max (s));
      sqlite3_bind_int (stmt, 10, smm_service_get_refill (s));
      sqlite3_bind_int (stmt, 11, smm_service_get_cancel (s));
      sqlite3_bind_int (stmt, 12, smm_service_get_dripfeed (s));
      _smm_store_bind_text (stmt, 13, smm_service_get_description (s));
      if (!_smm_store_step_done (self, stmt, error))
        goto fail;
    }

  stmt = _smm_store_statement (self, "INSERT OR REPLACE INTO service_fetches (account_id, fetched) "
                                     "VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, seen);
  if (!_smm_store_step_done (self, stmt, error) || g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_smm_store_commit (self, error))
    goto fail;
  if (changes)
    *changes = g_steal_pointer (&recorded);
  return TRUE;

fail:
  _smm_store_rollback (self);
  return FALSE;
}

/**
 * smm_store_load_services:
 * @fetched: (out) (optional) (nullable): when the catalogue was fetched; %NULL if never
 *
 * Returns: (transfer container) (element-type SmmService): the cached catalogue, in the panel's order
 */
GPtrArray *
smm_store_load_services (SmmStore    *self,
                         gint64       account_id,
                         GDateTime  **fetched,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *services;
  int rc;

  if (fetched)
    {
      *fetched = NULL;
      stmt = _smm_store_statement (self, "SELECT fetched FROM service_fetches WHERE account_id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, account_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *fetched = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
    }

  stmt = _smm_store_statement (self, "SELECT service_id, name, type, category, rate, min, max, refill, cancel, "
                                     "dripfeed, description FROM services WHERE account_id = ?1 "
                                     "ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  services = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmmService *s = smm_service_new (sqlite3_column_int64 (stmt, 0), _smm_store_column_text (stmt, 1));
      SmmMoney rate = SMM_MONEY_ZERO;

      smm_service_set_type_name (s, _smm_store_column_text (stmt, 2));
      smm_service_set_category (s, _smm_store_column_text (stmt, 3));
      _smm_store_column_money (stmt, 4, &rate);
      smm_service_set_rate (s, rate);
      smm_service_set_min (s, sqlite3_column_int64 (stmt, 5));
      smm_service_set_max (s, sqlite3_column_int64 (stmt, 6));
      smm_service_set_refill (s, sqlite3_column_int (stmt, 7));
      smm_service_set_cancel (s, sqlite3_column_int (stmt, 8));
      smm_service_set_dripfeed (s, sqlite3_column_int (stmt, 9));
      smm_service_set_description (s, _smm_store_column_text (stmt, 10));
      g_ptr_array_add (services, s);
    }
  sqlite3_reset (stmt);
  return _smm_store_finish_list (self, services, rc, error);
}

/**
 * smm_store_list_changes:
 * @account_id: 0 for every account
 * @since: (nullable): only changes seen at or after this time
 *
 * Returns: (transfer container) (element-type SmmCatalogueChange): newest first,
 * each flagged when the user ordered its service before on that account
 */
GPtrArray *
smm_store_list_changes (SmmStore   *self,
                        gint64      account_id,
                        GDateTime  *since,
                        GError    **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self,
                                             "SELECT c.account_id, c.service_id, c.kind, c.name, c.category, "
                                             "c.old_name, c.old_rate, c.new_rate, c.seen, EXISTS (SELECT 1 "
                                             "FROM orders o WHERE o.account_id = c.account_id AND o.service_id "
                                             "= c.service_id) FROM catalogue_changes c WHERE (?1 = 0 OR "
                                             "c.account_id = ?1) AND c.seen >= ?2 ORDER BY c.seen DESC, c.id", error);
  GPtrArray *changes;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, since ? g_date_time_to_unix (since) : G_MININT64);
  changes = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmmChangeKind kind;
      SmmCatalogueChange *change;
      g_autoptr(GDateTime) seen = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 8));
      SmmMoney old_rate, new_rate;
      gboolean has_old = _smm_store_column_money (stmt, 6, &old_rate);
      gboolean has_new = _smm_store_column_money (stmt, 7, &new_rate);

      if (!smm_change_kind_from_string (_smm_store_column_text (stmt, 2), &kind))
        continue;   /* written by a newer SMM Desk */
      change = smm_catalogue_change_new (kind, sqlite3_column_int64 (stmt, 1), _smm_store_column_text (stmt, 3),
                                         _smm_store_column_text (stmt, 4));
      smm_catalogue_change_set_account_id (change, sqlite3_column_int64 (stmt, 0));
      smm_catalogue_change_set_old_name (change, _smm_store_column_text (stmt, 5));
      smm_catalogue_change_set_rates (change, has_old ? &old_rate : NULL, has_new ? &new_rate : NULL);
      smm_catalogue_change_set_seen (change, seen);
      smm_catalogue_change_set_ordered_before (change, sqlite3_column_int (stmt, 9));
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);
  return _smm_store_finish_list (self, changes, rc, error);
}

/* Every service's search key, made here rather than at the first key press */
static void
prepare_search_keys (GPtrArray *services)
{
  for (guint i = 0; i < services->len; i++)
    smm_service_get_search_key (services->pdata[i]);
}

static gpointer
load_services_job (SmmStore      *connection,
                  SmmStoreCall  *call,
                  GError       **error)
{
  GPtrArray *services = smm_store_load_services (connection, call->account_id, NULL, error);

  if (services)
    prepare_search_keys (services);
  return services;
}

/**
 * smm_store_load_services_async:
 *
 * Reads the cached catalogue on the worker, its services' search keys made.
 */
void
smm_store_load_services_async (SmmStore            *self,
                               gint64               account_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_load_services_async, cancellable, callback, user_data, &call);
  call->account_id = account_id;
  _smm_store_run_in_worker (self, g_steal_pointer (&task), load_services_job,
                            (GDestroyNotify) g_ptr_array_unref);
}

/* Returns: (transfer container) (element-type SmmService): the cached catalogue */
GPtrArray *
smm_store_load_services_finish (SmmStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What a save made on the worker: the changes it recorded, and the search key of each
 * service, which the services get on the main thread, in smm_store_save_services_finish() */
typedef struct {
  GPtrArray *changes;
  GPtrArray *search_keys;
} SavedServices;

static void
saved_services_free (SavedServices *saved)
{
  g_clear_pointer (&saved->changes, g_ptr_array_unref);
  g_clear_pointer (&saved->search_keys, g_ptr_array_unref);
  g_free (saved);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SavedServices, saved_services_free)

static gpointer
save_services_job (SmmStore      *connection,
                  SmmStoreCall  *call,
                  GError       **error)
{
  g_autoptr(SavedServices) saved = g_new0 (SavedServices, 1);

  if (!save_services (connection, call->account_id, call->services, call->cancellable, &saved->changes, error))
    return NULL;
  saved->search_keys = g_ptr_array_new_full (call->services->len, g_free);
  for (guint i = 0; i < call->services->len; i++)
    g_ptr_array_add (saved->search_keys, _smm_service_make_search_key (call->services->pdata[i]));
  return g_steal_pointer (&saved);
}

/**
 * smm_store_save_services_async:
 * @services: (element-type SmmService): a fresh catalogue; leave it alone until the end
 *
 * Caches the catalogue on the worker, as smm_store_save_services_full() does, and makes its
 * services' search keys there; the services get them in smm_store_save_services_finish().
 *
 * @cancellable stops the save up to its commit, and the catalogue stays as it was. Once the save
 * is committed it is not cancelled: the callback gets the changes it recorded, so that none is
 * lost (a change of price is told once, when it is recorded).
 */
void
smm_store_save_services_async (SmmStore            *self,
                               gint64               account_id,
                               GPtrArray           *services,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SmmStoreCall *call;
  g_autoptr(GTask) task = NULL;

  task = _smm_store_call_task (self, smm_store_save_services_async, cancellable, callback, user_data, &call);
  g_task_set_check_cancellable (task, FALSE);
  call->account_id = account_id;
  call->services = g_ptr_array_ref (services);
  call->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  _smm_store_run_in_worker (self, g_steal_pointer (&task), save_services_job,
                            (GDestroyNotify) saved_services_free);
}

/* Returns: (transfer container) (element-type SmmCatalogueChange): what changed since the last
 * fetch; %NULL and %G_IO_ERROR_CANCELLED only if the save was cancelled before its commit */
GPtrArray *
smm_store_save_services_finish (SmmStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(SavedServices) saved = NULL;
  SmmStoreCall *call;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  saved = g_task_propagate_pointer (G_TASK (result), error);
  if (saved == NULL)
    return NULL;
  call = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; i < call->services->len; i++)
    _smm_service_take_search_key (call->services->pdata[i], g_steal_pointer (&saved->search_keys->pdata[i]));
  return g_steal_pointer (&saved->changes);
}
