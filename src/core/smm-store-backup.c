/* smm-store-backup.c: copies of the history: automatic backups, checking a file, restoring one
 *
 * Backups are made with SQLite's online backup API, from a connection of their own, into
 * backups/smm-desk-YYYYMMDD-HHMMSS.db beside the database: before every migration, and once a
 * day, on a thread of their own, when the store opens and the newest backup is older than
 * 24 hours. The last 7 are kept. Each is checked with PRAGMA integrity_check once written; a
 * bad one is deleted and reported.
 *
 * Restoring checks the file first (integrity, and that it is an SMM Desk history), refuses
 * while a running SMM Desk has the history open (its lock, see smm-store.c), and keeps the
 * current file beside it under a dated name: nothing is ever deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "smm-store-private.h"

#define KEEP_BACKUPS 7
#define BACKUP_EVERY (24 * G_TIME_SPAN_HOUR)

/* Returns: the folder of the backups of the history at @path (%NULL: the default one) */
char *
smm_store_get_backup_dir (const char *path)
{
  g_autofree char *default_path = path ? NULL : smm_store_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path ? path : default_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
is_backup_name (const char *name)
{
  return g_str_has_prefix (name, "smm-desk-") && g_str_has_suffix (name, ".db");
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * smm_store_list_backups:
 * @path: (nullable): the history; %NULL for the default one
 *
 * Returns: (transfer container) (element-type utf8): the automatic backups' files, newest first
 */
GPtrArray *
smm_store_list_backups (const char *path)
{
  g_autofree char *dir = smm_store_get_backup_dir (path);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder && (name = g_dir_read_name (folder)))
    if (is_backup_name (name))
      g_ptr_array_add (backups, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (backups, newest_first);
  return backups;
}

/* A name in @dir for a copy made now: @prefix-YYYYMMDD-HHMMSS@suffix, numbered (_02) if taken, in
 * an order that sorts by name */
static char *
dated_name (const char *dir,
            const char *prefix,
            const char *suffix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *start = g_strconcat (prefix, stamp, NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint taken = 0;

  /* numbered after the copies made this second, so that the newest sorts first */
  while (folder && (entry = g_dir_read_name (folder)))
    taken += g_str_has_prefix (entry, start);
  for (guint n = taken + 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (prefix, stamp, suffix, NULL)
                                     : g_strdup_printf ("%s%s_%02u%s", prefix, stamp, n, suffix);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* For the tests (SMM_DESK_STORE_FAULT=backup): a backup damaged after it was written */
static void
damage (const char *path)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  char garbage[4096];

  if (fd < 0)
    return;
  memset (garbage, 0xa5, sizeof garbage);
  if (pwrite (fd, garbage, sizeof garbage, 4096) < 0)
    g_debug ("could not damage %s", path);
  close (fd);
}

/* Opens @path to read it, or says why not */
static sqlite3 *
open_to_read (const char  *path,
              GError     **error)
{
  sqlite3 *db = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN, _("Cannot open %s (%s)."), path,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOENT));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Copies the database of @source into the new file @destination, and checks the copy: a bad one
 * is deleted. */
static gboolean
copy_database (sqlite3     *source,
               const char  *destination,
               GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_EXISTS,
                   _("%s exists already: give the backup a new name."), destination);
      return FALSE;
    }
  rc = sqlite3_open_v2 (destination, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", source, "main");
      if (backup)
        {
          /* the whole file in one step: a consistent snapshot of it */
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (copy);
      /* one file, whole: reading it later leaves no -wal or -shm beside it */
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL, _("The backup %s could not be written (%s)."),
                   destination, copy ? sqlite3_errmsg (copy) : "out of memory");
      sqlite3_close_v2 (copy);
      g_unlink (destination);
      return FALSE;
    }
  sqlite3_close_v2 (copy);

  if (_smm_store_fault ("backup"))
    damage (destination);
  if (!smm_store_check_file (destination, error))
    {
      g_unlink (destination);
      g_prefix_error (error, _("The backup was deleted: "));
      return FALSE;
    }
  return TRUE;
}

/**
 * smm_store_backup:
 * @destination: a file that does not exist yet
 *
 * Copies the history into @destination and checks the copy.
 */
gboolean
smm_store_backup (SmmStore    *self,
                  const char  *destination,
                  GError     **error)
{
  g_return_val_if_fail (SMM_IS_STORE (self), FALSE);
  return copy_database (self->db, destination, error);
}

/* Keeps the newest KEEP_BACKUPS backups of the history at @path */
static void
prune (const char *path)
{
  g_autoptr(GPtrArray) backups = smm_store_list_backups (path);

  for (guint i = KEEP_BACKUPS; i < backups->len; i++)
    if (g_unlink (backups->pdata[i]) != 0)
      g_message ("Could not remove the old backup %s: %s", (char *) backups->pdata[i], g_strerror (errno));
}

/* Returns: (transfer full): the new backup of @source (the history at @path) */
static char *
back_up (sqlite3     *source,
         const char  *path,
         GError     **error)
{
  g_autofree char *dir = smm_store_get_backup_dir (path);
  g_autofree char *backup = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot create the folder of the backups %s (%s)."), dir, g_strerror (errno));
      return NULL;
    }
  backup = dated_name (dir, "smm-desk-", ".db");
  if (!copy_database (source, backup, error))
    return NULL;
  prune (path);
  return g_steal_pointer (&backup);
}

/**
 * smm_store_backup_now:
 *
 * Makes an automatic backup now, in smm_store_get_backup_dir(), and keeps the last 7.
 *
 * Returns: (transfer full): the backup's file
 */
char *
smm_store_backup_now (SmmStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (SMM_IS_STORE (self), NULL);
  return back_up (self->db, self->path, error);
}

gboolean
_smm_store_backup_before_migration (SmmStore  *self,
                                    int        version,
                                    GError   **error)
{
  g_autofree char *backup = NULL;

  if (version == 0 || version >= SMM_STORE_SCHEMA_VERSION)
    return TRUE;
  backup = back_up (self->db, self->path, error);
  if (backup == NULL)
    {
      g_prefix_error (error, _("The history was not upgraded, as it could not be backed up first: "));
      return FALSE;
    }
  g_info ("backed up the history before upgrading it from schema %d: %s", version, backup);
  return TRUE;
}

static gpointer
daily_backup_thread (gpointer data)
{
  g_autofree char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  sqlite3 *source = open_to_read (path, &error);

  if (source)
    backup = back_up (source, path, &error);
  sqlite3_close_v2 (source);
  if (backup == NULL)
    g_warning ("The daily backup of the order history failed: %s", error->message);
  return NULL;
}

/* Once a day, at start: a backup on a connection and a thread of their own */
void
_smm_store_start_daily_backup (SmmStore *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  GStatBuf info;

  if (self->created)
    return;   /* nothing in it yet */
  backups = smm_store_list_backups (self->path);
  if (backups->len > 0 && g_stat (backups->pdata[0], &info) == 0 &&
      g_get_real_time () - (gint64) info.st_mtime * G_USEC_PER_SEC < BACKUP_EVERY)
    return;
  self->backup = g_thread_new ("smm-store-backup", daily_backup_thread, g_strdup (self->path));
}

/* Waits for the daily backup this open started, if any */
void
smm_store_wait_backup (SmmStore *self)
{
  g_return_if_fail (SMM_IS_STORE (self));
  if (self->backup)
    g_thread_join (g_steal_pointer (&self->backup));
}

/**
 * smm_store_check_file:
 *
 * Checks that @path is a whole SQLite database (PRAGMA integrity_check) holding an SMM Desk
 * history this version can open.
 */
gboolean
smm_store_check_file (const char  *path,
                      GError     **error)
{
  sqlite3 *db = open_to_read (path, error);
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int tables = 0;

  if (db == NULL)
    return FALSE;
  if (!_smm_store_check_connection (db, path, "PRAGMA integrity_check", error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), COUNT (*) FROM sqlite_master "
                              "WHERE type = 'table' AND name IN ('accounts', 'orders', 'order_history')",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      tables = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  if (version > SMM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer SMM Desk (schema %d). Update SMM Desk to open it."), path, version);
      return FALSE;
    }
  if (version < 1 || tables != 3)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_CORRUPT,
                   _("%s is a database, but not an SMM Desk order history."), path);
      return FALSE;
    }
  return TRUE;
}

/* Is a running SMM Desk using the history at @path? Each open store holds a lock in locks/. */
static gboolean
in_use (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *locks = g_build_filename (dir, "locks", NULL);
  g_autoptr(GDir) folder = g_dir_open (locks, 0, NULL);
  const char *name;

  while (folder && (name = g_dir_read_name (folder)))
    {
      g_autofree char *lock = g_build_filename (locks, name, NULL);

      if (g_str_has_suffix (name, ".lock") && _smm_store_lock_is_held (lock))
        return TRUE;
    }
  return FALSE;
}

/**
 * smm_store_set_aside:
 * @path: (nullable): the history; %NULL for the default one
 *
 * Renames the history, with its write-ahead log and its journal of placed orders, to a dated
 * name beside it (smm-desk.db.old-YYYYMMDD-HHMMSS), so that a new one can begin. Nothing is
 * deleted but SQLite's shared-memory index, which it makes again.
 *
 * Returns: (transfer full): the name it has now
 */
char *
smm_store_set_aside (const char  *path,
                     GError     **error)
{
  g_autofree char *default_path = path ? NULL : smm_store_get_default_path ();
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *kept = NULL;
  static const char *const companions[] = { "-wal", ".journal-orders" };

  if (path == NULL)
    path = default_path;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = g_strconcat (base, ".old-", NULL);
  kept = dated_name (dir, prefix, "");
  if (g_rename (path, kept) != 0)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot rename the order history %s (%s)."), path, g_strerror (errno));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (kept, companions[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        g_message ("Could not rename %s: %s", from, g_strerror (errno));
    }
  {
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (shm);
  }
  return g_steal_pointer (&kept);
}

/**
 * smm_store_restore:
 * @path: (nullable): the history; %NULL for the default one
 * @backup: the file to restore
 * @kept: (out) (optional) (nullable): where the history that was replaced is now (%NULL when
 *   there was none)
 *
 * Replaces the history with @backup, once @backup is checked and no running SMM Desk has the
 * history open. The current file is kept beside it (smm_store_set_aside()).
 */
gboolean
smm_store_restore (const char  *path,
                   const char  *backup,
                   char       **kept,
                   GError     **error)
{
  g_autofree char *default_path = path ? NULL : smm_store_get_default_path ();
  g_autofree char *set_aside = NULL;
  g_autofree char *incoming = NULL;
  sqlite3 *source;
  gboolean copied;

  g_return_val_if_fail (backup != NULL, FALSE);
  if (path == NULL)
    path = default_path;
  if (kept)
    *kept = NULL;
  if (!smm_store_check_file (backup, error))
    return FALSE;
  if (in_use (path))
    {
      g_set_error_literal (error, SMM_STORE_ERROR, SMM_STORE_ERROR_BUSY,
                           _("SMM Desk has the order history open: close it (and every smm-desk-cli) first."));
      return FALSE;
    }

  /* the copy is made through SQLite, beside the history, and only then takes its place */
  incoming = g_strconcat (path, ".restoring", NULL);
  g_unlink (incoming);
  source = open_to_read (backup, error);
  copied = source && copy_database (source, incoming, error);
  sqlite3_close_v2 (source);
  if (!copied)
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS) && (set_aside = smm_store_set_aside (path, error)) == NULL)
    {
      g_unlink (incoming);
      return FALSE;
    }
  if (g_rename (incoming, path) != 0)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot put the backup in the place of the order history %s (%s)."), path, g_strerror (errno));
      return FALSE;
    }
  if (kept)
    *kept = g_steal_pointer (&set_aside);
  return TRUE;
}
