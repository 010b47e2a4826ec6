/* test-client-deadline.c: one deadline for a whole read, its retries and waits included; `add` keeps its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "smm-test-fixture.h"
#include "smm-test-trickle.h"

/* A client of a panel that sends a byte every 300 ms */
static SmmClient *
trickle_client_new (SmmTestTrickle *panel)
{
  g_autofree char *url = smm_test_trickle_dup_url (panel);
  g_autoptr(GError) error = NULL;
  SmmClient *client = smm_client_new (url, &error);

  g_assert_no_error (error);
  smm_client_set_key (client, "key");
  smm_client_set_retry (client, 3, 10, 50);
  return client;
}

/* Returns: the seconds the call took */
static double
balance_fails (SmmClient  *client,
               GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();
  SmmMoney amount;

  smm_client_balance_async (client, NULL, smm_test_result_cb, &result);
  g_assert_false (smm_client_balance_finish (client, smm_test_wait_result (&result), &amount, NULL, error));
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

typedef struct {
  guint       attempt_deadline;  /* 0: the client's own (120 s) */
  guint       read_deadline;
  guint       min_requests;
  guint       max_requests;
  const char *message;
} Trickle;

/* One attempt: it is cut at the read's 2 s, whatever the deadline of an attempt and the retries left. */
static const Trickle one_attempt = {
  0, 2, 1, 1, "The panel did not answer within 2 seconds. Try again later.",
};
/* Attempts of 1 s, retried after ~0.1 s and ~0.2 s: the third is cut at the read's 3 s, and no fourth
 * starts. The message tells the read's deadline, not an attempt's. */
static const Trickle retried = {
  1, 3, 2, 3, "The panel did not answer within 3 seconds. Try again later.",
};

static void
test_trickle (gconstpointer data)
{
  const Trickle *trickle = data;
  g_autoptr(SmmTestTrickle) panel = smm_test_trickle_new (300);
  g_autoptr(SmmClient) client = trickle_client_new (panel);
  g_autoptr(GError) error = NULL;
  double seconds;

  if (trickle->attempt_deadline)
    smm_client_set_deadline (client, trickle->attempt_deadline);
  smm_client_set_retry (client, 3, 100, 200);
  smm_client_set_read_deadline (client, trickle->read_deadline);
  seconds = balance_fails (client, &error);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, trickle->message);
  g_assert_cmpfloat (seconds, <, 3 * trickle->read_deadline);
  g_assert_cmpuint (smm_test_trickle_count (panel), >=, trickle->min_requests);
  g_assert_cmpuint (smm_test_trickle_count (panel), <=, trickle->max_requests);
}

/* The batch calls have it too: refill and cancel (sent once), status and refill_status (retried). */
static void
test_trickle_batches (void)
{
  g_autoptr(SmmTestTrickle) panel = smm_test_trickle_new (300);
  g_autoptr(SmmClient) client = trickle_client_new (panel);
  const gint64 ids[] = { 1, 2 };
  typedef void (*Start) (SmmClient *, const gint64 *, guint, GCancellable *, GAsyncReadyCallback, gpointer);
  typedef GPtrArray *(*Finish) (SmmClient *, GAsyncResult *, GError **);
  const struct { Start start; Finish finish; guint n_requests; } calls[] = {
    { smm_client_status_async, smm_client_status_finish, 1 },
    { smm_client_refill_async, smm_client_refill_finish, 1 },
    { smm_client_refill_status_async, smm_client_refill_status_finish, 1 },
    { smm_client_cancel_async, smm_client_cancel_finish, 1 },
  };
  guint n_requests = 0;

  smm_client_set_retry (client, 3, 10, 50);
  smm_client_set_read_deadline (client, 1);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = NULL;
      gint64 start = g_get_monotonic_time ();

      calls[i].start (client, ids, G_N_ELEMENTS (ids), NULL, smm_test_result_cb, &result);
      items = calls[i].finish (client, smm_test_wait_result (&result), &error);
      g_assert_null (items);
      g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TIMEOUT);
      g_assert_nonnull (strstr (error->message, "within 1 second."));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
      n_requests += calls[i].n_requests;
      g_assert_cmpuint (smm_test_trickle_count (panel), ==, n_requests);
    }
}

/* A panel that fails at once, and backoff waits longer than the read has left: the read ends with
 * the panel's error, not after the waits of every retry. */
static void
test_backoff_past_deadline (void)
{
  SmmSim *sim = smm_test_sim_new ("key", "100.00");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmClient) client = NULL;
  double seconds;

  smm_test_sim_start (sim, FALSE);
  client = smm_test_client_new (sim);
  smm_sim_set_fault (sim, SMM_SIM_FAULT_500, 1.0);
  /* waits of 1.2 to 1.8 s, then twice and four times that: 10 s and 4 requests in all before */
  smm_client_set_retry (client, 3, 1500, 60000);
  smm_client_set_read_deadline (client, 2);
  seconds = balance_fails (client, &error);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_HTTP);
  g_assert_cmpfloat (seconds, <, 3 * 2);
  g_assert_cmpuint (smm_sim_get_request_count (sim, "balance"), >=, 1);
  g_assert_cmpuint (smm_sim_get_request_count (sim, "balance"), <=, 2);
  g_clear_object (&client);
  smm_test_drain_main_context ();
  smm_test_sim_stop (sim);
}

/* `add` is not held to the read's deadline: its one attempt has its own, and is sent once. */
static void
test_add_keeps_its_own (void)
{
  g_autoptr(SmmTestTrickle) panel = smm_test_trickle_new (300);
  g_autoptr(SmmClient) client = trickle_client_new (panel);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new (1, SMM_SERVICE_TYPE_DEFAULT);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  smm_order_request_set (request, SMM_FIELD_LINK, "https://example.com/p/1");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "100");
  smm_client_set_read_deadline (client, 1);
  smm_client_set_deadline (client, 3);
  start = g_get_monotonic_time ();
  smm_client_add_async (client, request, NULL, smm_test_result_cb, &result);
  g_assert_cmpint (smm_client_add_finish (client, smm_test_wait_result (&result), &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN);
  /* past the read's 1 s: the attempt's 3 s */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (smm_test_trickle_count (panel), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/core/client/deadline/trickle", &one_attempt, test_trickle);
  g_test_add_data_func ("/core/client/deadline/trickle-retries", &retried, test_trickle);
  g_test_add_func ("/core/client/deadline/trickle-batches", test_trickle_batches);
  g_test_add_func ("/core/client/deadline/backoff-past-deadline", test_backoff_past_deadline);
  g_test_add_func ("/core/client/deadline/add-keeps-its-own", test_add_keeps_its_own);

  return g_test_run ();
}
