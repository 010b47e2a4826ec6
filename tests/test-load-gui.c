/* test-load-gui.c: the window tracking 10,000 orders, and placing more, while a tenth of the
 * panel's replies fail in every way the simulator can: the main loop keeps turning, memory stays
 * flat, and no order is lost or sent twice
 *
 * SMM_LOAD_SECONDS says how long it runs: 60 in the `long` suite, 600 in benchmarks/ (bench.py's
 * `gui-load`). It reports, as "# {…}" lines of JSON, the longest main-loop stall (how late a
 * 10 ms timeout came) and the resident memory (VmRSS) at the start and every minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "smm-placement.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"

#define N_ORDERS   10000
#define TICK_MS    10
#define MAX_STALL_MS 2000    /* what the test allows, far above what it reports */

/* every fault of the simulator (SmmSimFault), a tenth of the replies each round */
static const SmmSimFault faults[] = {
  SMM_SIM_FAULT_HTML, SMM_SIM_FAULT_500, SMM_SIM_FAULT_429, SMM_SIM_FAULT_SLOW,
  SMM_SIM_FAULT_TRUNCATE, SMM_SIM_FAULT_DROP_AFTER_ADD, SMM_SIM_FAULT_REDIRECT,
};

typedef struct {
  gint64 last;      /* when the timeout last ran, µs */
  gint64 longest;   /* its longest lateness, µs */
} Stall;

static gboolean
tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last - TICK_MS * 1000);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* VmRSS of this process, in kB */
static guint64
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static void
report (const char *name,
        double      value,
        const char *unit)
{
  g_test_message ("{\"name\": \"%s\", \"value\": %.1f, \"unit\": \"%s\"}", name, value, unit);
}

typedef struct {
  SmmPlacement *placement;
  gboolean      done;
  gboolean      placed;
} Placing;

static void
placed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Placing *placing = data;
  g_autoptr(GError) error = NULL;

  /* a fault may fail it: it is then recorded as rejected or unconfirmed, never sent again */
  placing->placed = smm_placement_run_finish (SMM_PLACEMENT (object), result, &error);
  placing->done = TRUE;
}

static GLogFunc test_log_handler;

/* 20,000 requests make as many debug lines of the simulator, libsoup and GIO: kept out of the log */
static void
quiet_cb (const char     *domain,
          GLogLevelFlags  level,
          const char     *message,
          gpointer        data)
{
  if ((level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) == 0)
    test_log_handler (domain, level, message, data);
}

static guint
load_seconds (void)
{
  const char *text = g_getenv ("SMM_LOAD_SECONDS");

  return text ? (guint) g_ascii_strtoull (text, NULL, 10) : 60;
}

static void
test_load_gui (void)
{
  guint seconds = load_seconds ();
  g_autoptr(SmmSim) sim = smm_test_sim_new ("load", "1000000.00");
  g_autoptr(SmmService) service = smm_test_service_new (1, "Instagram", "Instagram Followers", "Default", "0.90",
                                                        10, 100000);
  g_autoptr(SmmAccount) test_account = NULL;
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(GPtrArray) placements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) panel_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) active = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SmmApplication *app = NULL;
  SmmWindow *window;
  SmmStore *store;
  SmmTracker *tracker;
  SmmOrderQuery all = { 0 };
  Stall stall = { 0 };
  guint64 rss_start, rss_peak = 0, rss_end;
  gint64 start, next_minute;
  guint n_rounds = 0, n_placed = 0, tick_id;

  /* the panel's clock: an order takes about the run to end (20 s of it at 1.0) */
  smm_sim_set_speed (sim, 18.0 / MAX (seconds, 1));
  smm_sim_set_slow_ms (sim, 2000);
  smm_test_sim_start (sim, TRUE);
  url = smm_sim_dup_url (sim);

  window = smm_test_window_new (&app, &test_account);
  /* no session bus to show them on */
  g_settings_set_boolean (smm_application_get_settings (app), "notifications", FALSE);
  store = smm_application_get_store (app);
  tracker = smm_application_get_tracker (app);
  account = smm_store_add_account (store, "Load", url, &error);
  g_assert_no_error (error);
  g_list_store_append (smm_application_get_accounts (app), account);
  g_assert_true (smm_application_connect_account (app, account, "load", &error));
  ids = smm_test_place_on_panel (smm_client_pool_get_client (smm_application_get_pool (app),
                                                             smm_account_get_id (account)),
                                 store, smm_account_get_id (account), service, N_ORDERS);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  smm_window_select_account (window, account);
  smm_window_get_page (window, "orders");
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  start = g_get_monotonic_time ();
  next_minute = start + 60 * G_USEC_PER_SEC;
  rss_start = rss_kb ();
  report ("rss-start", rss_start / 1024.0, "MB");
  stall.last = start;
  tick_id = g_timeout_add (TICK_MS, tick_cb, &stall);

  /* a refresh of every order, and one order placed beside it, each round with another fault */
  while (g_get_monotonic_time () < start + (gint64) seconds * G_USEC_PER_SEC)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/gui%u", n_rounds);
      g_autoptr(SmmOrderRequest) request = smm_test_request_new (service, link, "1000");
      g_autoptr(GAsyncResult) result = NULL;
      SmmTrackerReport tracked;
      Placing placing = { 0 };

      smm_sim_set_fault (sim, faults[n_rounds % G_N_ELEMENTS (faults)], 0.1);
      placing.placement = smm_placement_new (smm_application_get_actions (app), smm_account_get_id (account),
                                             service, request);
      g_ptr_array_add (placements, g_object_ref (placing.placement));
      smm_placement_run_async (placing.placement, NULL, placed_cb, &placing);
      smm_tracker_refresh_async (tracker, NULL, smm_test_result_cb, &result);
      while (!placing.done || result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (smm_tracker_refresh_finish (tracker, result, &tracked, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (tracked.n_checked, >, 0);
      n_placed += placing.placed;
      g_object_unref (placing.placement);
      n_rounds++;

      if (g_get_monotonic_time () >= next_minute)
        {
          guint64 rss = rss_kb ();
          g_autofree char *name = g_strdup_printf ("rss-minute-%u",
                                                   (guint) ((next_minute - start) / (60 * G_USEC_PER_SEC)));

          report (name, rss / 1024.0, "MB");
          rss_peak = MAX (rss_peak, rss);
          next_minute += 60 * G_USEC_PER_SEC;
        }
    }
  g_source_remove (tick_id);
  rss_end = rss_kb ();
  rss_peak = MAX (rss_peak, rss_end);
  report ("rss-end", rss_end / 1024.0, "MB");
  report ("longest-stall", stall.longest / 1000.0, "ms");
  report ("rounds", n_rounds, "");
  report ("placed", n_placed, "");

  /* no fault, every order at its end: the last refresh leaves none to track */
  smm_sim_set_fault (sim, SMM_SIM_FAULT_NONE, 0);
  smm_sim_advance (sim, 24 * 3600);
  {
    g_autoptr(GAsyncResult) result = NULL;
    SmmTrackerReport tracked;

    smm_tracker_refresh_async (tracker, NULL, smm_test_result_cb, &result);
    g_assert_true (smm_tracker_refresh_finish (tracker, smm_test_wait_result (&result), &tracked, &error));
    g_assert_cmpuint (tracked.n_failed, ==, 0);
  }

  /* nothing sent twice: one `add` a placement, however it ended; none booked without one */
  g_assert_cmpuint (smm_sim_get_request_count (sim, "add"), ==, N_ORDERS + placements->len);
  g_assert_cmpuint (smm_sim_get_order_count (sim), <=, N_ORDERS + placements->len);
  g_assert_cmpuint (smm_sim_get_order_count (sim), >=, N_ORDERS + n_placed);
  /* nothing lost: every order in the history, once, each with its panel's id, none left active */
  orders = smm_store_list_orders (store, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, N_ORDERS + placements->len);
  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrder *order = orders->pdata[i];

      if (smm_order_get_id (order) > 0)
        g_assert_true (g_hash_table_add (panel_ids, g_memdup2 (&(gint64) { smm_order_get_id (order) },
                                                               sizeof (gint64))));
    }
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_contains (panel_ids, &g_array_index (ids, gint64, i)));
  for (guint i = 0; i < placements->len; i++)
    {
      SmmOrder *order = smm_placement_get_order (placements->pdata[i]);

      if (smm_order_get_id (order) > 0)
        g_assert_true (g_hash_table_contains (panel_ids, &(gint64) { smm_order_get_id (order) }));
    }
  active = smm_store_list_active_ids (store, smm_account_get_id (account), &error);
  g_assert_cmpuint (active->len, ==, 0);

  /* the window kept turning, and its memory stayed flat */
  g_assert_cmpint (stall.longest / 1000, <, MAX_STALL_MS);
  g_assert_cmpuint (rss_peak, <, rss_start + rss_start / 2);

  g_clear_pointer (&panel_ids, g_hash_table_unref);
  g_clear_pointer (&placements, g_ptr_array_unref);
  g_clear_pointer (&orders, g_ptr_array_unref);
  g_clear_object (&account);
  smm_test_window_destroy (window, app, g_steal_pointer (&test_account));
  smm_test_sim_stop (g_steal_pointer (&sim));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = smm_test_ui_init (&argc, &argv);
  int status;

  test_log_handler = g_log_set_default_handler (quiet_cb, NULL);
  adw_init ();
  g_test_add_func ("/ui/load/faults", test_load_gui);
  status = g_test_run ();
  smm_test_dir_remove (dir);
  return status;
}
