/* test-crash.c: orders placed by a process killed at random moments are all in the history, none twice */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sqlite3.h>

#include "smm-test-fixture.h"

static const char *child_path;

static void
test_sigkill (void)
{
  guint rounds = g_getenv ("SMM_CRASH_ROUNDS") ? atoi (g_getenv ("SMM_CRASH_ROUNDS")) : 50;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crash", "smm-desk.db", NULL);
  g_autoptr(SmmSim) sim = smm_test_sim_new ("crash-key", "1000000.00");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_placed = 0;
  SmmOrderQuery all = { 0 };
  guint n_sim_orders, n_unconfirmed = 0, n_rejected = 0, n_missing = 0, n_adds;
  g_autofree char *url = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  smm_sim_set_latency (sim, 5);
  smm_test_sim_start (sim, TRUE);
  url = smm_sim_dup_url (sim);
  g_setenv ("SMM_API_KEY", "crash-key", TRUE);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = smm_test_launcher_new (G_SUBPROCESS_FLAGS_NONE, SIGKILL);
      g_autoptr(GSubprocess) child = NULL;

      child = g_subprocess_launcher_spawn (launcher, &error, child_path, path, url, NULL);
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (30, 150) * 1000);
      g_subprocess_force_exit (child);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
    }

  /* what the panel accepted: ids 23501… in order */
  n_sim_orders = smm_sim_get_order_count (sim);
  n_adds = smm_sim_get_request_count (sim, "add");
  g_assert_cmpuint (n_sim_orders, >, 0);

  store = smm_test_store_open (path);
  orders = smm_store_list_orders (store, &all, &error);
  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrder *o = orders->pdata[i];
      gint64 id = smm_order_get_id (o);

      switch (smm_order_get_status (o))
        {
        case SMM_ORDER_STATUS_UNCONFIRMED:
          n_unconfirmed++;
          break;
        case SMM_ORDER_STATUS_REJECTED:
          n_rejected++;
          break;
        case SMM_ORDER_STATUS_SUBMITTING:
          g_assert_not_reached ();   /* opening the store settled them */
        default:
          g_assert_cmpint (id, >=, 23501);
          g_assert_cmpint (id, <, 23501 + n_sim_orders);
          g_assert_false (g_hash_table_contains (placed, &id));
          g_hash_table_add (placed, g_memdup2 (&id, sizeof id));
          n_placed++;
        }
    }
  /* every order the panel accepted is in the history: placed, or unconfirmed for the user to settle */
  for (gint64 id = 23501; id < 23501 + n_sim_orders; id++)
    if (!g_hash_table_contains (placed, &id))
      n_missing++;
  g_assert_cmpuint (n_missing, <=, n_unconfirmed);
  /* and nothing was sent twice: one add per recorded order at most */
  g_assert_cmpuint (n_adds, <=, orders->len);
  g_assert_cmpuint (n_rejected, ==, 0);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_test_message ("%u rounds: the panel accepted %u orders (%u add requests); the history has %u orders: "
                  "%u placed, %u unconfirmed (%u of them placed on the panel), %u rejected",
                  rounds, n_sim_orders, n_adds, orders->len, n_placed, n_unconfirmed, n_missing, n_rejected);
  smm_test_assert_finalized (g_steal_pointer (&store));
  smm_test_sim_stop (g_steal_pointer (&sim));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: test-crash CRASH-CHILD\n");
      return 2;
    }
  child_path = argv[1];
  g_test_add_func ("/core/store/crash/sigkill", test_sigkill);
  return g_test_run ();
}
