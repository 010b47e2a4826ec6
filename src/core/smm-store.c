/* smm-store.c: the book of record on SQLite: open, lock, recover
 *
 * One file in $XDG_DATA_HOME/smm-desk/, WAL, foreign keys, every logical change
 * in one transaction, prepared statements kept for the life of the store.
 * The schema grows by migrations counted in PRAGMA user_version (smm-store-schema.c).
 * Opening checks the file (PRAGMA quick_check), backs it up before a migration and once a
 * day (smm-store-backup.c), and writes what the journal of placed orders holds
 * (smm-store-journal.c).
 * What the store holds is read and written by the other smm-store-*.c files, which
 * share smm-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "smm-store-private.h"

G_DEFINE_QUARK (smm-store-error-quark, smm_store_error)

G_DEFINE_FINAL_TYPE (SmmStore, smm_store, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------------------
 * Opening
 */

static void
smm_store_finalize (GObject *object)
{
  SmmStore *self = (SmmStore *) object;

  smm_store_wait_backup (self);
  _smm_store_stop_worker (self);
  _smm_store_clear_order_map (self);
  g_clear_pointer (&self->journal, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
  if (self->lock_fd >= 0)
    {
      g_unlink (self->lock_path);
      close (self->lock_fd);
    }
  g_clear_pointer (&self->lock_path, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (smm_store_parent_class)->finalize (object);
}

static void
smm_store_class_init (SmmStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smm_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
smm_store_init (SmmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->lock_fd = -1;
}

char *
smm_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "smm-desk", "smm-desk.db", NULL);
}

static char *
lock_path_for (SmmStore   *self,
               const char *owner)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = g_strconcat (owner, ".lock", NULL);

  return g_build_filename (dir, "locks", name, NULL);
}

/* Takes this store's lock: while it is held, its orders being sent are its own. */
static gboolean
take_lock (SmmStore  *self,
           GError   **error)
{
  g_autofree char *dir = NULL;

  self->owner = g_uuid_string_random ();
  self->lock_path = lock_path_for (self, self->owner);
  dir = g_path_get_dirname (self->lock_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (self->lock_fd = open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0 ||
      flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot lock the order history (%s)."), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Is the lock at @lock_path held by a living store? One that nobody holds is removed. */
gboolean
_smm_store_lock_is_held (const char *lock_path)
{
  int fd = open (lock_path, O_RDWR | O_CLOEXEC);

  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return TRUE;
    }
  g_unlink (lock_path);
  close (fd);
  return FALSE;
}

/* Is the store that began sending these orders gone? Its lock went with it. */
static gboolean
owner_is_gone (SmmStore   *self,
               const char *owner)
{
  g_autofree char *path = NULL;

  if (owner == NULL)
    return TRUE;
  if (g_str_equal (owner, self->owner))
    return FALSE;
  path = lock_path_for (self, owner);
  return !_smm_store_lock_is_held (path);   /* held: alive, still sending */
}

/* After a crash or a kill: what was on its way may or may not have arrived. Orders that
 * a living store is sending right now are left to it. */
static gboolean
recover (SmmStore  *self,
         GError   **error)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _smm_store_statement (self, "SELECT DISTINCT owner FROM orders WHERE status = 'Submitting'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = _smm_store_column_text (stmt, 0);
      if (owner_is_gone (self, owner))
        g_ptr_array_add (gone, g_strdup (owner ? owner : ""));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _smm_store_sql_error (self, error, SMM_STORE_READING);
  if (gone->len == 0)
    return TRUE;

  if (!_smm_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < gone->len; i++)
    {
      /* the history first, then the orders: how many changed is the orders' count */
      static const char *const marks[] = {
        "INSERT INTO order_history (order_id, time, status, remains, charge) "
        "SELECT id, ?1, 'Unconfirmed', remains, charge FROM orders "
        "WHERE status = 'Submitting' AND COALESCE (owner, '') = ?2",
        "UPDATE orders SET status = 'Unconfirmed', updated = ?1, "
        "error = 'SMM Desk stopped while the order was being sent' "
        "WHERE status = 'Submitting' AND COALESCE (owner, '') = ?2",
      };

      for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
        {
          stmt = _smm_store_statement (self, marks[m], error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, _smm_store_now ());
          _smm_store_bind_text (stmt, 2, gone->pdata[i]);
          if (!_smm_store_step_done (self, stmt, error))
            goto fail;
        }
      self->recovered += sqlite3_changes (self->db);
    }
  if (self->recovered)
    g_info ("%u order(s) were being sent when SMM Desk stopped: marked unconfirmed", self->recovered);
  return _smm_store_commit (self, error);

fail:
  _smm_store_rollback (self);
  return FALSE;
}

/**
 * smm_store_open:
 * @path: (nullable): the database file; %NULL for the default in the user's data directory
 *
 * Opens (creating or migrating) the store. Orders of the journal (placed, but not written)
 * become placed with their ids; orders left as "submitting" by a process that stopped become
 * "unconfirmed".
 *
 * Returns: (transfer full): the store; %NULL with %SMM_STORE_ERROR_CORRUPT for a file that is
 *   not a database or is damaged, %SMM_STORE_ERROR_READ_ONLY when it cannot be written
 */
SmmStore *
smm_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(SmmStore) self = g_object_new (SMM_TYPE_STORE, NULL);
  g_autofree char *dir = NULL;

  _smm_store_init_order_map (self);
  self->path = path ? g_strdup (path) : smm_store_get_default_path ();
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot create the folder of the order history (%s)."), g_strerror (errno));
      return NULL;
    }

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      if (self->db && sqlite3_errcode (self->db) == SQLITE_CANTOPEN && access (dir, W_OK) != 0)
        g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_READ_ONLY,
                     _("The order history cannot be created in %s: that folder cannot be written."), dir);
      else
        g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                     _("Cannot open the order history %s (%s)."), self->path,
                     self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  /* a garbage file, a truncated one, overwritten pages: said in words before anything is read */
  if (!_smm_store_check_connection (self->db, self->path, "PRAGMA quick_check", error))
    return NULL;
  if (sqlite3_db_readonly (self->db, "main") == 1 || access (dir, W_OK) != 0)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_READ_ONLY,
                   _("The order history %s can be read but not written: check that the file and its folder "
                     "may be written (a full or read-only disk?)."), self->path);
      return NULL;
    }

  if (!_smm_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_smm_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !_smm_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_smm_store_migrate (self, error) ||
      !take_lock (self, error) ||
      !_smm_store_journal_replay (self, error) ||
      !recover (self, error))
    return NULL;

  _smm_store_start_daily_backup (self);
  return g_steal_pointer (&self);
}

const char *
smm_store_get_path (SmmStore *self)
{
  return self->path;
}

/* Returns: how many placed orders the journal held that the last open wrote to the database */
guint
smm_store_get_replayed (SmmStore *self)
{
  return self->replayed;
}

/* Returns: how many orders the last open found half-sent and marked unconfirmed */
guint
smm_store_get_recovered (SmmStore *self)
{
  return self->recovered;
}
