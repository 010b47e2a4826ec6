/* test-load.c: 10,000 orders tracked while a tenth of the panel's replies fail */
#include "config.h"

#include <sqlite3.h>

#include "smm-test-fixture.h"

#define N_ORDERS 10000

static guint ticks;

static gboolean
tick_cb (gpointer data)
{
  ticks++;
  return G_SOURCE_CONTINUE;
}

static guint n_added;

static void
add_cb (GObject      *object,
        GAsyncResult *res,
        gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smm_client_add_finish (SMM_CLIENT (object), res, &error);

  g_assert_no_error (error);
  *(gint64 *) data = id;
  n_added++;
}

static void
test_load_with_faults (void)
{
  g_autoptr(SmmSim) sim = smm_test_sim_new ("load", "1000000.00");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmClient) client = NULL;
  g_autoptr(SmmClientPool) pool = smm_client_pool_new (NULL);
  g_autoptr(SmmTracker) tracker = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SmmService) service = smm_service_new (1, "Instagram Followers");
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  const SmmSimFault faults[] = { SMM_SIM_FAULT_500, SMM_SIM_FAULT_429, SMM_SIM_FAULT_HTML };
  g_autofree char *url = NULL;
  SmmOrderQuery all = { 0 };
  guint tick_id;

  /* time moves only when the test says: the orders are in progress for two rounds */
  smm_sim_set_speed (sim, 0.0001);
  smm_test_sim_start (sim, TRUE);
  store = smm_test_store_open (NULL);
  url = smm_sim_dup_url (sim);
  account = smm_test_account_add (store, "Load", url);
  client = smm_client_new (url, &error);
  smm_client_set_key (client, "load");
  smm_client_set_retry (client, 3, 50, 200);
  smm_client_pool_set_client (pool, smm_account_get_id (account), client);
  tracker = smm_tracker_new (store, pool);
  smm_service_set_rate (service, (SmmMoney) { 90000000 });

  /* 10,000 orders on the panel, recorded as placed */
  g_array_set_size (ids, N_ORDERS);
  for (guint i = 0; i < N_ORDERS; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/load%u", i);
      g_autoptr(SmmOrderRequest) request = smm_test_request_new (service, link, "1000");

      smm_client_add_async (client, request, NULL, add_cb, &g_array_index (ids, gint64, i));
      /* a few at a time: libsoup's queue is not made for ten thousand waiting messages */
      while (i + 1 - n_added >= 32)
        g_main_context_iteration (NULL, TRUE);
    }
  while (n_added < N_ORDERS)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("%u orders placed on the panel", n_added);

  /* recorded as placed, in one transaction (placing them one by one is the store test's business) */
  {
    g_autofree char *path = smm_store_get_default_path ();
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "INSERT INTO orders (account_id, panel_id, service_id, service_name, service_type, "
                            "fields, link, quantity, status, created, updated) VALUES (?1, ?2, 1, 'Followers', "
                            "'Default', '{}', 'https://instagram.com/load', 1000, 'Pending', 0, 0)", -1, &stmt, NULL);
    for (guint i = 0; i < N_ORDERS; i++)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_int64 (stmt, 1, smm_account_get_id (account));
        sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      }
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  /* three rounds, each with a tenth of the replies failing in another way */
  tick_id = g_timeout_add (10, tick_cb, NULL);
  for (guint round = 0; round < G_N_ELEMENTS (faults); round++)
    {
      SmmTrackerReport report;
      guint requests_before = smm_sim_get_request_count (sim, "status");
      guint ticks_before = ticks;
      g_autoptr(GArray) active = NULL;

      smm_sim_advance (sim, round == 2 ? 24 * 3600 : 8);   /* pending → in progress → delivered */
      smm_sim_set_fault (sim, faults[round], 0.1);
      g_clear_object (&result);
      smm_tracker_refresh_async (tracker, NULL, smm_test_result_cb, &result);
      smm_tracker_refresh_finish (tracker, smm_test_wait_result (&result), &report, &error);
      g_assert_no_error (error);
      smm_sim_set_fault (sim, SMM_SIM_FAULT_NONE, 0);

      g_test_message ("round %u: %u requests, %u checked, %u changed, %u finished, %u not answered, %u ticks",
                      round, smm_sim_get_request_count (sim, "status") - requests_before, report.n_checked,
                      report.n_changed, report.n_finished, report.n_failed, ticks - ticks_before);
      /* retries are bounded: at most 4 attempts for each of the 100 batches */
      g_assert_cmpuint (smm_sim_get_request_count (sim, "status") - requests_before, <=, 400);
      /* the main loop kept turning */
      g_assert_cmpuint (ticks - ticks_before, >, 0);
      if (round < 2)
        g_assert_cmpuint (report.n_changed + report.n_failed, >=, N_ORDERS - 1000);
      active = smm_store_list_active_ids (store, smm_account_get_id (account), &error);
      g_assert_nonnull (active);
    }

  /* what a web page hid is asked again, and everything ends with its latest status */
  {
    SmmTrackerReport report;
    g_autoptr(GPtrArray) orders = NULL;
    g_autoptr(GArray) active = NULL;

    g_clear_object (&result);
    smm_tracker_refresh_async (tracker, NULL, smm_test_result_cb, &result);
    smm_tracker_refresh_finish (tracker, smm_test_wait_result (&result), &report, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report.n_failed, ==, 0);
    active = smm_store_list_active_ids (store, smm_account_get_id (account), &error);
    g_assert_cmpuint (active->len, ==, 0);
    orders = smm_store_list_orders (store, &all, &error);
    g_assert_cmpuint (orders->len, ==, N_ORDERS);
    for (guint i = 0; i < orders->len; i++)
      g_assert_true (smm_order_status_is_final (smm_order_get_status (orders->pdata[i])));
  }
  g_source_remove (tick_id);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&tracker));
  g_assert_finalize_object (g_steal_pointer (&pool));
  smm_test_drain_main_context ();
  smm_test_assert_finalized (g_steal_pointer (&client));
  smm_test_assert_finalized (g_steal_pointer (&store));
  smm_test_sim_stop (g_steal_pointer (&sim));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/tracker/load-with-faults", test_load_with_faults);
  return g_test_run ();
}
