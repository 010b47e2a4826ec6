/* smm-store-sql.c: the SQLite plumbing of the store: statements, transactions, binds, columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "smm-store-private.h"

gboolean
_smm_store_sql_error (SmmStore        *self,
                      GError         **error,
                      SmmStoreAccess   access)
{
  if (access == SMM_STORE_WRITING)
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
                 _("The order history could not be written (%s)."), sqlite3_errmsg (self->db));
  else
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
                 _("The order history could not be read (%s)."), sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
_smm_store_exec (SmmStore    *self,
                 const char  *sql,
                 GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
                   _("The order history could not be written (%s)."), message ? message : "?");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* A prepared statement, kept for reuse; reset and unbound. */
sqlite3_stmt *
_smm_store_statement (SmmStore    *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          _smm_store_sql_error (self, error, SMM_STORE_READING);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
_smm_store_step_done (SmmStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      if (rc == SQLITE_CONSTRAINT)
        {
          g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_EXISTS,
                       _("That is already recorded (%s)."), sqlite3_errmsg (self->db));
          return FALSE;
        }
      return _smm_store_sql_error (self, error, SMM_STORE_WRITING);
    }
  return TRUE;
}

gboolean
_smm_store_begin (SmmStore  *self,
                  GError   **error)
{
  return _smm_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_smm_store_commit (SmmStore  *self,
                   GError   **error)
{
  return _smm_store_exec (self, "COMMIT", error);
}

void
_smm_store_rollback (SmmStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* What the panel can be asked again (statuses) is written without waiting for the disk: in WAL
 * mode, synchronous = NORMAL keeps every commit whole, and a power cut can only lose the last
 * ones, which the next refresh asks again. A refresh of 10,000 orders commits 100 times: synced,
 * those commits took ~0.3 s of the main loop (benchmarks/README.md). Anything that cost money
 * (an order before and after `add`) is still written FULL. */
gboolean
_smm_store_begin_refetchable (SmmStore  *self,
                              GError   **error)
{
  return _smm_store_exec (self, "PRAGMA synchronous = NORMAL", error) && _smm_store_begin (self, error);
}

void
_smm_store_end_refetchable (SmmStore *self)
{
  _smm_store_rollback (self);
  sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
}

/**
 * _smm_store_fault:
 * @what: "settle" (writing a placed order fails as on a full disk), "journal" (so does the
 *   journal of placed orders) or "backup" (a backup is damaged after it is written)
 *
 * A fault for the tests, compiled in: SMM_DESK_STORE_FAULT holds the faults to inject,
 * comma-separated. Nothing else sets it.
 */
gboolean
_smm_store_fault (const char *what)
{
  const char *faults = g_getenv ("SMM_DESK_STORE_FAULT");
  g_auto(GStrv) list = NULL;

  if (faults == NULL || *faults == '\0')
    return FALSE;
  list = g_strsplit (faults, ",", -1);
  return g_strv_contains ((const char *const *) list, what);
}

/* Runs @pragma (quick_check or integrity_check) on @db: a database that is not one, or that is
 * damaged, is %SMM_STORE_ERROR_CORRUPT, in words. */
gboolean
_smm_store_check_connection (sqlite3     *db,
                             const char  *path,
                             const char  *pragma,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (problem == NULL)
    return TRUE;
  if (rc == SQLITE_IOERR || (sqlite3_extended_errcode (db) & 0xff) == SQLITE_IOERR)
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                 _("The order history %s could not be read from the disk (%s)."), path, problem);
  else
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_CORRUPT,
                 _("The order history %s is damaged: it is not an SMM Desk database, or parts of it were "
                   "overwritten (%s)."), path, problem);
  return FALSE;
}

gint64
_smm_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_smm_store_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
_smm_store_bind_money (sqlite3_stmt   *stmt,
                       int             index,
                       const SmmMoney *money)
{
  if (money)
    sqlite3_bind_text (stmt, index, smm_money_to_wire (*money), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

void
_smm_store_bind_count (sqlite3_stmt *stmt,
                       int           index,
                       gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
_smm_store_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_smm_store_column_money (sqlite3_stmt *stmt,
                         int           column,
                         SmmMoney     *money)
{
  const char *text = _smm_store_column_text (stmt, column);

  return text != NULL && smm_money_parse (text, money, NULL);
}

gint64
_smm_store_column_count (sqlite3_stmt *stmt,
                         int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, column);
}

/* A list read to its end, or an error: never a part of it passed off as the whole. */
GPtrArray *
_smm_store_finish_list (SmmStore   *self,
                        GPtrArray  *list,
                        int         rc,
                        GError    **error)
{
  if (rc == SQLITE_DONE)
    return list;
  g_ptr_array_unref (list);
  _smm_store_sql_error (self, error, SMM_STORE_READING);
  return NULL;
}
