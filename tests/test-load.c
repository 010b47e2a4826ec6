/* test-load.c: 10,000 orders tracked while a tenth of the panel's replies fail */
#include "config.h"

#include "smm-test-fixture.h"

#define N_ORDERS 10000

static guint ticks;

static gboolean
tick_cb (gpointer data)
{
  ticks++;
  return G_SOURCE_CONTINUE;
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
  g_autoptr(GArray) ids = NULL;
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
  ids = smm_test_place_on_panel (client, store, smm_account_get_id (account), service, N_ORDERS);
  g_test_message ("%u orders placed on the panel", ids->len);

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
