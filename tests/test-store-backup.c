/* test-store-backup.c: backups of the history: daily, before a migration, checked, the last 7; restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "smm-test-fixture.h"

static guint
count_accounts (const char *path)
{
  g_autoptr(SmmStore) store = smm_test_store_open (path);
  g_autoptr(GPtrArray) accounts = smm_store_list_accounts (store, NULL);

  return accounts->len;
}

/* The first open makes the history: nothing to back up. The next makes the day's backup, on its
 * own thread; the one after, within the day, none. */
static void
test_daily (void)
{
  g_autofree char *path = smm_test_store_path ();
  g_autoptr(GPtrArray) backups = NULL;

  {
    g_autoptr(SmmStore) store = smm_test_store_open (path);
    g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");

    smm_store_wait_backup (store);
    backups = smm_store_list_backups (path);
    g_assert_cmpuint (backups->len, ==, 0);
    g_clear_pointer (&backups, g_ptr_array_unref);
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SmmStore) store = smm_test_store_open (path);

      smm_store_wait_backup (store);
      backups = smm_store_list_backups (path);
      g_assert_cmpuint (backups->len, ==, 1);
      g_clear_pointer (&backups, g_ptr_array_unref);
    }
  backups = smm_store_list_backups (path);
  {
    g_autofree char *dir = smm_store_get_backup_dir (path);
    g_autofree char *name = g_path_get_basename (backups->pdata[0]);

    g_assert_true (g_str_has_prefix (backups->pdata[0], dir));
    g_assert_true (g_str_has_prefix (name, "smm-desk-"));
    g_assert_cmpuint (strlen (name), ==, strlen ("smm-desk-YYYYMMDD-HHMMSS.db"));
    g_assert_true (smm_store_check_file (backups->pdata[0], NULL));
  }
  {
    /* a backup is one file: checking it left nothing beside it */
    g_autofree char *dir = smm_store_get_backup_dir (path);
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (folder))
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* Made by hand, more than 7: the newest 7 stay; a damaged one is deleted and reported */
static void
test_keep_seven_and_check (void)
{
  g_autoptr(SmmStore) store = smm_test_store_new ();
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newest = NULL;

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *made = smm_store_backup_now (store, &error);

      g_assert_no_error (error);
      g_clear_pointer (&newest, g_free);
      newest = g_strdup (made);
    }
  backups = smm_store_list_backups (smm_store_get_path (store));
  g_assert_cmpuint (backups->len, ==, 7);
  g_assert_cmpstr (backups->pdata[0], ==, newest);
  g_clear_pointer (&backups, g_ptr_array_unref);

  g_setenv ("SMM_DESK_STORE_FAULT", "backup", TRUE);
  g_assert_null (smm_store_backup_now (store, &error));
  g_unsetenv ("SMM_DESK_STORE_FAULT");
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "deleted"));
  backups = smm_store_list_backups (smm_store_get_path (store));
  g_assert_cmpuint (backups->len, ==, 7);
  g_assert_cmpstr (backups->pdata[0], ==, newest);
}

/* An old schema is backed up, as it was, before it is migrated */
static void
test_before_migration (void)
{
  g_autofree char *path = smm_test_store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *db;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 0; v < SMM_STORE_SCHEMA_VERSION - 1; v++)
    g_assert_cmpint (sqlite3_exec (db, smm_store_get_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 6;"
                                     "INSERT INTO accounts (id, name, endpoint, created) VALUES (1, 'Old', 'https://old.example/api/v2', 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(SmmStore) store = smm_test_store_open (path);
    sqlite3_stmt *stmt;

    smm_store_wait_backup (store);
    backups = smm_store_list_backups (path);
    g_assert_cmpuint (backups->len, ==, 1);
    g_assert_cmpint (sqlite3_open (backups->pdata[0], &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 6);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

/* A backup to a file of the user's choosing, and restoring it: refused while the history is
 * open, checked first, the replaced history kept beside it */
static void
test_backup_and_restore (void)
{
  g_autofree char *path = smm_test_store_path ();
  g_autofree char *copy = g_build_filename (g_get_tmp_dir (), "copy.db", NULL);
  g_autofree char *text = g_build_filename (g_get_tmp_dir (), "notes.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SmmStore) store = smm_test_store_open (path);
    g_autoptr(SmmAccount) one = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");
    g_autoptr(SmmAccount) two = NULL;

    g_assert_true (smm_store_backup (store, copy, &error));
    g_assert_no_error (error);
    /* never over an existing file */
    g_assert_false (smm_store_backup (store, copy, &error));
    g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_EXISTS);
    g_clear_error (&error);
    two = smm_test_account_add (store, "Panel Two", "https://b.example/api/v2");

    g_assert_false (smm_store_restore (path, copy, &kept, &error));
    g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_BUSY);
    g_clear_error (&error);
  }
  g_assert_cmpuint (count_accounts (path), ==, 2);

  /* what is not a history is refused, and the history stays */
  g_assert_true (g_file_set_contents (text, "not a database", -1, NULL));
  g_assert_false (smm_store_restore (path, text, &kept, &error));
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (kept);

  g_assert_true (smm_store_restore (path, copy, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, path));
  g_assert_cmpuint (count_accounts (path), ==, 1);
  g_assert_cmpuint (count_accounts (kept), ==, 2);
}

/* A new history after a broken one: the old file is renamed beside it, never deleted */
static void
test_set_aside (void)
{
  g_autofree char *path = smm_test_store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "garbage", -1, NULL));
  kept = smm_store_set_aside (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (kept, path));
  g_assert_nonnull (strstr (kept, ".old-"));
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "garbage");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_accounts (path), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store-backup/daily", test_daily);
  g_test_add_func ("/core/store-backup/keep-seven-and-check", test_keep_seven_and_check);
  g_test_add_func ("/core/store-backup/before-migration", test_before_migration);
  g_test_add_func ("/core/store-backup/backup-and-restore", test_backup_and_restore);
  g_test_add_func ("/core/store-backup/set-aside", test_set_aside);

  return g_test_run ();
}
