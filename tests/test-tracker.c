/* test-tracker.c: placing, tracking, refilling, cancelling and importing, recorded, against the simulator */
#include "config.h"

#include <string.h>

#include "smm-test-fixture.h"

typedef struct {
  SmmTestPanel  panel;
  SmmService   *followers;
  GAsyncResult *result;
  guint         n_changed;
  guint         n_finished;
  guint         n_refills_finished;
} Fixture;

static void
changed_cb (SmmTracker *tracker,
            SmmOrder   *order,
            Fixture    *f)
{
  f->n_changed++;
}

static void
finished_cb (SmmTracker *tracker,
             SmmOrder   *order,
             Fixture    *f)
{
  g_assert_true (smm_order_status_is_final (smm_order_get_status (order)));
  f->n_finished++;
}

static void
refill_finished_cb (SmmTracker *tracker,
                    SmmRefill  *refill,
                    Fixture    *f)
{
  f->n_refills_finished++;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  smm_test_result_cb (object, result, &((Fixture *) data)->result);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  return smm_test_wait_result (&f->result);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  smm_test_panel_set_up (&f->panel, "100000.00");
  g_signal_connect (f->panel.tracker, "order-changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->panel.tracker, "order-finished", G_CALLBACK (finished_cb), f);
  g_signal_connect (f->panel.tracker, "refill-finished", G_CALLBACK (refill_finished_cb), f);

  f->followers = smm_service_new (1, "Instagram Followers");
  smm_service_set_rate (f->followers, (SmmMoney) { 90000000 });
  smm_service_set_min (f->followers, 50);
  smm_service_set_max (f->followers, 10000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->followers);
  smm_test_panel_tear_down (&f->panel);
}

static SmmOrder *
place (Fixture     *f,
       const char  *link,
       const char  *quantity,
       GError     **error)
{
  return smm_test_panel_place (&f->panel, f->followers, link, quantity, error);
}

static gboolean
refresh (Fixture          *f,
         SmmTrackerReport *report,
         GError          **error)
{
  smm_tracker_refresh_async (f->panel.tracker, NULL, result_cb, f);
  return smm_tracker_refresh_finish (f->panel.tracker, wait_result (f), report, error);
}

/* Orders of 100 for https://instagram.com/user0, user1, …, all placed */
static void
place_users (Fixture *f,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = g_strdup_printf ("https://instagram.com/user%u", i);
      g_autoptr(SmmOrder) order = place (f, link, "100", &error);

      g_assert_no_error (error);
    }
}

#define count_status(f, status) smm_test_count_orders ((f)->panel.store, (f)->panel.account_id, (status))

static void
test_place (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) order = place (f, "https://instagram.com/nasa", "1000", &error);
  g_autoptr(SmmOrder) rejected = NULL;
  g_autoptr(SmmOrder) invalid = NULL;
  g_autoptr(SmmOrder) lost = NULL;
  SmmOrderQuery all = { f->panel.account_id, SMM_ORDER_FILTER_ALL, 0, NULL, 0 };
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (smm_order_get_id (order), ==, 23501);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PENDING);

  /* the panel says no: recorded as rejected with its words */
  rejected = place (f, "https://instagram.com/nasa", "1000", &error);
  g_assert_null (rejected);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_DUPLICATE_ORDER);
  g_clear_error (&error);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_REJECTED), ==, 1);

  /* checked before anything is written or sent */
  invalid = place (f, "https://instagram.com/x", "20", &error);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* the answer is lost: unconfirmed, sent once */
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_DROP_AFTER_ADD, 1.0);
  lost = place (f, "https://instagram.com/esa", "100", &error);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_UNCONFIRMED), ==, 1);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add"), ==, 3);
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 2);

  list = smm_store_list_orders (f->panel.store, &all, NULL);
  g_assert_cmpuint (list->len, ==, 3);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* The window closes while an order is on its way: it is placed, recorded, and the caller hears so. */
static void
test_place_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (f->followers);
  g_autoptr(SmmPlacement) placement = NULL;
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(SmmOrder) stored = NULL;

  smm_sim_set_latency (f->panel.sim, 500);
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "100");
  placement = smm_placement_new (f->panel.actions, f->panel.account_id, f->followers, request);
  smm_placement_run_async (placement, cancellable, result_cb, f);
  g_timeout_add (200, cancel_cb, cancellable);
  g_assert_true (smm_placement_run_finish (placement, wait_result (f), &error));
  g_assert_no_error (error);
  order = g_object_ref (smm_placement_get_order (placement));
  g_assert_cmpint (smm_order_get_id (order), ==, 23501);
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 1);
  stored = smm_store_find_order (f->panel.store, f->panel.account_id, 23501, &error);
  g_assert_cmpint (smm_order_get_status (stored), ==, SMM_ORDER_STATUS_PENDING);

  /* a refill or cancel that has left is answered and recorded as well */
  {
    g_autoptr(GCancellable) again = g_cancellable_new ();
    g_autoptr(GPtrArray) results = NULL;
    gint64 id = 23501;

    smm_order_actions_cancel_async (f->panel.actions, f->panel.account_id, &id, 1, again, result_cb, f);
    g_timeout_add (200, cancel_cb, again);
    results = smm_order_actions_cancel_finish (f->panel.actions, wait_result (f), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
    g_assert_true (((SmmCancelResult *) results->pdata[0])->accepted);
    g_assert_cmpuint (smm_store_count_cancels (f->panel.store, f->panel.account_id, TRUE, NULL), ==, 1);
  }
}

/* Every fault while placing: what the caller hears, what the history keeps, and add sent at most once. */
static void
test_place_faults (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    SmmSimFault     fault;
    int             code;
    SmmOrderStatus  stored;
    gboolean        placed_on_panel;
  } cases[] = {
    { SMM_SIM_FAULT_HTML, SMM_API_ERROR_NOT_API, SMM_ORDER_STATUS_REJECTED, FALSE },
    { SMM_SIM_FAULT_500, SMM_API_ERROR_OUTCOME_UNKNOWN, SMM_ORDER_STATUS_UNCONFIRMED, FALSE },
    { SMM_SIM_FAULT_429, SMM_API_ERROR_RATE_LIMITED, SMM_ORDER_STATUS_REJECTED, FALSE },
    { SMM_SIM_FAULT_SLOW, SMM_API_ERROR_OUTCOME_UNKNOWN, SMM_ORDER_STATUS_UNCONFIRMED, TRUE },
    { SMM_SIM_FAULT_TRUNCATE, SMM_API_ERROR_OUTCOME_UNKNOWN, SMM_ORDER_STATUS_UNCONFIRMED, TRUE },
    { SMM_SIM_FAULT_DROP_AFTER_ADD, SMM_API_ERROR_OUTCOME_UNKNOWN, SMM_ORDER_STATUS_UNCONFIRMED, TRUE },
    /* money may have been spent behind a redirect: unconfirmed, never rejected (issue 14) */
    { SMM_SIM_FAULT_REDIRECT, SMM_API_ERROR_OUTCOME_UNKNOWN, SMM_ORDER_STATUS_UNCONFIRMED, FALSE },
  };

  smm_client_set_timeout (f->panel.client, 1);
  smm_sim_set_slow_ms (f->panel.sim, 2500);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = g_strdup_printf ("https://instagram.com/fault%u", i);
      g_autoptr(SmmOrder) order = NULL;
      guint adds = smm_sim_get_request_count (f->panel.sim, "add");
      guint placed = smm_sim_get_order_count (f->panel.sim);
      SmmOrderQuery query = { f->panel.account_id, SMM_ORDER_FILTER_ALL, 0, link, 0 };
      g_autoptr(GPtrArray) stored = NULL;

      smm_sim_set_fault (f->panel.sim, cases[i].fault, 1.0);
      order = place (f, link, "100", &error);
      smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_NONE, 0);
      g_test_message ("fault %u: %s", cases[i].fault, error ? error->message : "placed");
      g_assert_null (order);
      g_assert_error (error, SMM_API_ERROR, cases[i].code);
      g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add") - adds, ==, 1);
      g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim) - placed, ==, cases[i].placed_on_panel ? 1 : 0);
      stored = smm_store_list_orders (f->panel.store, &query, NULL);
      g_assert_cmpuint (stored->len, ==, 1);
      g_assert_cmpint (smm_order_get_status (stored->pdata[0]), ==, cases[i].stored);
    }
}

/* 250 active orders: 3 status requests; final orders are not asked again. */
static void
test_refresh_batches (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmTrackerReport report;
  g_autoptr(GArray) active = NULL;

  place_users (f, 250);
  g_assert_true (refresh (f, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "status"), ==, 3);
  g_assert_cmpuint (report.n_checked, ==, 250);
  g_assert_cmpuint (report.n_failed, ==, 0);

  smm_sim_advance (f->panel.sim, 24 * 3600);
  g_assert_true (refresh (f, &report, &error));
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "status"), ==, 6);
  g_assert_cmpuint (report.n_finished, ==, 250);
  g_assert_cmpuint (f->n_finished, ==, 250);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_COMPLETED) + count_status (f, SMM_ORDER_STATUS_PARTIAL),
                    ==, 250);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_PARTIAL), ==, 50);   /* the panel's every 5th */

  /* nothing left to ask */
  active = smm_store_list_active_ids (f->panel.store, f->panel.account_id, &error);
  g_assert_cmpuint (active->len, ==, 0);
  g_assert_true (refresh (f, &report, &error));
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "status"), ==, 6);
  g_assert_cmpuint (report.n_checked, ==, 0);
}

/* "Incorrect order ID" for one order is stored with it; the others are updated. */
static void
test_item_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) good = place (f, "https://instagram.com/nasa", "100", &error);
  g_autoptr(SmmOrder) stranger = NULL;
  g_autoptr(SmmOrder) reread = NULL;
  SmmTrackerReport report;

  /* an order the user resolved with a wrong id */
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_DROP_AFTER_ADD, 1.0);
  g_assert_null (place (f, "https://instagram.com/esa", "100", &error));
  g_clear_error (&error);
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_NONE, 0);
  {
    SmmOrderQuery query = { f->panel.account_id, SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_UNCONFIRMED, NULL, 0 };
    g_autoptr(GPtrArray) list = smm_store_list_orders (f->panel.store, &query, NULL);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_true (smm_store_resolve_order (f->panel.store, smm_order_get_local_id (list->pdata[0]), 999999, &error));
  }

  smm_sim_advance (f->panel.sim, 24 * 3600);
  g_assert_true (refresh (f, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_finished, ==, 1);
  reread = smm_store_find_order (f->panel.store, f->panel.account_id, 23501, &error);
  g_assert_true (smm_order_status_is_final (smm_order_get_status (reread)));
  stranger = smm_store_find_order (f->panel.store, f->panel.account_id, 999999, &error);
  g_assert_nonnull (smm_order_get_error (stranger));
  g_assert_cmpint (smm_order_get_status (stranger), ==, SMM_ORDER_STATUS_PENDING);
}

/* A panel that fails every request: the refresh ends with an error and nothing is lost. */
static void
test_refresh_failure (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) order = place (f, "https://instagram.com/nasa", "100", &error);
  g_autoptr(SmmOrder) reread = NULL;
  SmmTrackerReport report;

  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_500, 1.0);
  g_assert_false (refresh (f, &report, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_HTTP);
  g_assert_cmpuint (report.n_failed, ==, 1);
  reread = smm_store_find_order (f->panel.store, f->panel.account_id, 23501, NULL);
  g_assert_cmpint (smm_order_get_status (reread), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_null (smm_order_get_error (reread));
}

static void
test_refill_cancel_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) done = place (f, "https://instagram.com/nasa", "100", &error);
  g_autoptr(SmmOrder) running = NULL;
  g_autoptr(GPtrArray) refills = NULL;
  g_autoptr(GPtrArray) cancels = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  SmmTrackerReport report;
  gint64 done_id = smm_order_get_id (done);
  gint64 running_id;
  guint n_added = 0;

  smm_sim_advance (f->panel.sim, 24 * 3600);
  running = place (f, "https://instagram.com/esa", "100", &error);
  running_id = smm_order_get_id (running);

  {
    gint64 ids[] = { done_id, running_id };
    smm_order_actions_refill_async (f->panel.actions, f->panel.account_id, ids, 2, NULL, result_cb, f);
    refills = smm_order_actions_refill_finish (f->panel.actions, wait_result (f), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 2);
  {
    g_autoptr(GPtrArray) stored = smm_store_list_refills (f->panel.store, f->panel.account_id, FALSE, NULL);
    g_autoptr(GPtrArray) active = smm_store_list_refills (f->panel.store, f->panel.account_id, TRUE, NULL);
    g_assert_cmpuint (stored->len, ==, 2);
    g_assert_cmpuint (active->len, ==, 1);      /* the running order's refill was refused */
    g_assert_cmpint (smm_refill_get_order_id (active->pdata[0]), ==, done_id);
  }

  {
    gint64 ids[] = { running_id, 424242 };
    smm_order_actions_cancel_async (f->panel.actions, f->panel.account_id, ids, 2, NULL, result_cb, f);
    cancels = smm_order_actions_cancel_finish (f->panel.actions, wait_result (f), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (smm_store_count_cancels (f->panel.store, f->panel.account_id, TRUE, NULL), ==, 1);
  g_assert_cmpuint (smm_store_count_cancels (f->panel.store, f->panel.account_id, FALSE, NULL), ==, 1);

  /* the tracker brings the cancel and the refill to their end */
  smm_sim_advance (f->panel.sim, 24 * 3600);
  g_assert_true (refresh (f, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_refills_finished, ==, 1);
  {
    g_autoptr(SmmOrder) canceled = smm_store_find_order (f->panel.store, f->panel.account_id, running_id, NULL);
    g_assert_cmpint (smm_order_get_status (canceled), ==, SMM_ORDER_STATUS_CANCELED);
  }

  /* an order placed on the panel's web site joins the history; an unknown id does not */
  {
    g_autofree char *url = smm_sim_dup_url (f->panel.sim);
    g_autoptr(SmmClient) other = smm_client_new (url, NULL);
    g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (f->followers);
    gint64 web_id;
    gint64 ids[2];

    smm_client_set_key (other, "key");
    smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/web");
    smm_order_request_set (request, SMM_FIELD_QUANTITY, "500");
    smm_client_add_async (other, request, NULL, result_cb, f);
    web_id = smm_client_add_finish (other, wait_result (f), &error);
    g_assert_cmpint (web_id, >, 0);

    ids[0] = web_id;
    ids[1] = 31337;
    smm_order_actions_import_async (f->panel.actions, f->panel.account_id, ids, 2, NULL, result_cb, f);
    imported = smm_order_actions_import_finish (f->panel.actions, wait_result (f), &n_added, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (imported->len, ==, 2);
    g_assert_cmpuint (n_added, ==, 1);
    {
      g_autoptr(SmmOrder) web = smm_store_find_order (f->panel.store, f->panel.account_id, web_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (smm_order_get_status (web), ==, SMM_ORDER_STATUS_PENDING);
    }
  }
}

/* Each batch is written as it comes: one batch that fails leaves the others' answers recorded. */
static void
test_refresh_batch_by_batch (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmTrackerReport report;
  guint statuses;

  place_users (f, 250);
  smm_sim_advance (f->panel.sim, 24 * 3600);
  /* one request in three is a web page: one of the three batches */
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_HTML, 1.0 / 3);
  statuses = smm_sim_get_request_count (f->panel.sim, "status");
  g_assert_true (refresh (f, &report, &error));
  g_assert_no_error (error);
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_NONE, 0);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "status") - statuses, ==, 3);
  g_assert_cmpuint (report.n_checked, ==, 250);
  g_assert_cmpuint (report.n_failed, ==, 100);
  g_assert_cmpuint (report.n_finished, ==, 150);
  g_assert_cmpuint (f->n_finished, ==, 150);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_COMPLETED) + count_status (f, SMM_ORDER_STATUS_PARTIAL),
                    ==, 150);

  /* the next refresh asks only about the 100 left */
  g_assert_true (refresh (f, &report, &error));
  g_assert_cmpuint (report.n_checked, ==, 100);
  g_assert_cmpuint (report.n_failed, ==, 0);
  g_assert_cmpuint (report.n_finished, ==, 100);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_COMPLETED) + count_status (f, SMM_ORDER_STATUS_PARTIAL),
                    ==, 250);
}

/* The placement holds its order: recorded before `add` leaves, settled after, whatever the outcome. */
static void
test_placement_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (f->followers);
  g_autoptr(SmmPlacement) placement = NULL;
  g_autoptr(SmmPlacement) lost = NULL;
  g_autoptr(SmmPlacement) invalid = NULL;
  g_autoptr(SmmOrder) stored = NULL;
  SmmOrder *order;

  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "1000");
  placement = smm_placement_new (f->panel.actions, f->panel.account_id, f->followers, request);
  g_assert_null (smm_placement_get_order (placement));
  smm_placement_run_async (placement, NULL, result_cb, f);

  /* in the history before the request has left */
  order = smm_placement_get_order (placement);
  g_assert_nonnull (order);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_SUBMITTING);
  g_assert_cmpint (smm_order_get_id (order), ==, 0);
  stored = smm_store_get_order (f->panel.store, smm_order_get_local_id (order), &error);
  g_assert_cmpint (smm_order_get_status (stored), ==, SMM_ORDER_STATUS_SUBMITTING);

  g_assert_true (smm_placement_run_finish (placement, wait_result (f), &error));
  g_assert_no_error (error);
  order = smm_placement_get_order (placement);
  g_assert_cmpint (smm_order_get_id (order), ==, 23501);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_cmpint (smm_order_get_quantity (order), ==, 1000);
  g_assert_cmpint (smm_placement_get_account_id (placement), ==, f->panel.account_id);

  /* the answer is lost: the order is there, unconfirmed, for the user to settle */
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_DROP_AFTER_ADD, 1.0);
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/esa");
  lost = smm_placement_new (f->panel.actions, f->panel.account_id, f->followers, request);
  smm_placement_run_async (lost, NULL, result_cb, f);
  g_assert_false (smm_placement_run_finish (lost, wait_result (f), &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpint (smm_order_get_status (smm_placement_get_order (lost)), ==, SMM_ORDER_STATUS_UNCONFIRMED);
  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_NONE, 0);

  /* refused before anything was written: no order */
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "20");
  invalid = smm_placement_new (f->panel.actions, f->panel.account_id, f->followers, request);
  smm_placement_run_async (invalid, NULL, result_cb, f);
  g_assert_false (smm_placement_run_finish (invalid, wait_result (f), &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_INPUT);
  g_assert_null (smm_placement_get_order (invalid));
}

/* Without a history (the command-line tool's --url), the same actions record nothing. */
static void
test_actions_without_store (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SmmOrderActions) bare = smm_order_actions_new (NULL, f->panel.pool);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (f->followers);
  g_autoptr(SmmPlacement) placement = NULL;
  g_autoptr(GPtrArray) refills = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  SmmOrderQuery all = { 0 };
  SmmOrder *order;
  gint64 id;

  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "500");
  placement = smm_placement_new (bare, f->panel.account_id, f->followers, request);
  smm_placement_run_async (placement, NULL, result_cb, f);
  g_assert_null (smm_placement_get_order (placement));
  g_assert_true (smm_placement_run_finish (placement, wait_result (f), &error));
  g_assert_no_error (error);
  order = smm_placement_get_order (placement);
  g_assert_cmpint (smm_order_get_id (order), ==, 23501);
  g_assert_cmpint (smm_order_get_quantity (order), ==, 500);
  g_assert_cmpstr (smm_order_get_link (order), ==, "https://instagram.com/nasa");
  g_assert_cmpint (smm_order_get_local_id (order), ==, 0);
  g_assert_cmpuint (smm_store_count_orders (f->panel.store, &all, NULL), ==, 0);

  id = smm_order_get_id (order);
  smm_order_actions_refill_async (bare, f->panel.account_id, &id, 1, NULL, result_cb, f);
  refills = smm_order_actions_refill_finish (bare, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 1);
  g_clear_pointer (&refills, g_ptr_array_unref);
  refills = smm_store_list_refills (f->panel.store, f->panel.account_id, FALSE, &error);
  g_assert_cmpuint (refills->len, ==, 0);

  /* importing is adding to the history: there is none */
  smm_order_actions_import_async (bare, f->panel.account_id, &id, 1, NULL, result_cb, f);
  imported = smm_order_actions_import_finish (bare, wait_result (f), NULL, &error);
  g_assert_null (imported);
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE);
}

static void
refreshing_cb (SmmTracker *tracker,
               GParamSpec *pspec,
               GString    *seen)
{
  g_string_append_c (seen, smm_tracker_get_refreshing (tracker) ? 'T' : 'F');
}

/* "refreshing" tells when a refresh begins and ends, once each, however many panels it asks. */
static void
test_refreshing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(SmmOrder) order = place (f, "https://instagram.com/nasa", "1000", &error);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  gboolean refreshing = TRUE;

  g_assert_no_error (error);
  g_signal_connect (f->panel.tracker, "notify::refreshing", G_CALLBACK (refreshing_cb), seen);
  g_assert_false (smm_tracker_get_refreshing (f->panel.tracker));
  smm_tracker_refresh_async (f->panel.tracker, NULL, smm_test_result_cb, &first);
  g_assert_true (smm_tracker_get_refreshing (f->panel.tracker));
  /* two at once: still one begin and one end */
  smm_tracker_refresh_async (f->panel.tracker, NULL, smm_test_result_cb, &second);
  g_assert_true (smm_tracker_refresh_finish (f->panel.tracker, smm_test_wait_result (&first), NULL, &error));
  g_assert_true (smm_tracker_refresh_finish (f->panel.tracker, smm_test_wait_result (&second), NULL, &error));
  g_assert_no_error (error);
  g_object_get (f->panel.tracker, "refreshing", &refreshing, NULL);
  g_assert_false (refreshing);
  g_assert_cmpstr (seen->str, ==, "TF");
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "status"), ==, 2);
}

static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) order = place (f, "https://instagram.com/nasa", "100", &error);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_cmpuint (smm_tracker_get_interval (f->panel.tracker), ==, 300);
  smm_sim_advance (f->panel.sim, 24 * 3600);
  smm_tracker_set_interval (f->panel.tracker, 1);
  while (f->n_finished == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->n_finished, ==, 1);
  smm_tracker_set_interval (f->panel.tracker, 0);
}

/* A Pending order with remains 0 (as panels answer before starting) shows no progress */
static void
test_progress_before_start (void)
{
  g_autoptr(SmmOrder) order = smm_order_new (23501);

  smm_order_set_quantity (order, 1000);
  smm_order_set_remains (order, 0);
  smm_order_set_status_text (order, "Pending");
  g_assert_cmpfloat (smm_order_get_progress (order), ==, 0.0);
  smm_order_set_status_text (order, "In queue");
  g_assert_cmpfloat (smm_order_get_progress (order), ==, 0.0);
  smm_order_set_status_text (order, "In progress");
  smm_order_set_remains (order, 250);
  g_assert_cmpfloat_with_epsilon (smm_order_get_progress (order), 0.75, 1e-9);
  smm_order_set_status_text (order, "Partial");
  g_assert_cmpfloat_with_epsilon (smm_order_get_progress (order), 0.75, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/tracker/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("place", test_place);
  ADD ("place-cancelled", test_place_cancelled);
  ADD ("place-faults", test_place_faults);
  ADD ("refresh-batches", test_refresh_batches);
  ADD ("item-errors", test_item_errors);
  ADD ("refresh-failure", test_refresh_failure);
  ADD ("refill-cancel-import", test_refill_cancel_import);
  ADD ("timer", test_timer);
  ADD ("placement-order", test_placement_order);
  ADD ("actions-without-store", test_actions_without_store);
  ADD ("refreshing", test_refreshing);
  ADD ("refresh-batch-by-batch", test_refresh_batch_by_batch);
  g_test_add_func ("/core/tracker/progress-before-start", test_progress_before_start);

  return g_test_run ();
}
