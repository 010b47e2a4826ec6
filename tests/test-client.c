/* test-client.c: the client against the panel simulator, every action, error and fault */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "test-client-util.h"

static GPtrArray *
services (Fixture  *f,
          GError  **error)
{
  smm_client_services_async (f->client, NULL, result_cb, f);
  return smm_client_services_finish (f->client, wait_result (f), error);
}

static gboolean
balance (Fixture  *f,
         SmmMoney *amount,
         GError  **error)
{
  g_autofree char *currency = NULL;

  smm_client_balance_async (f->client, NULL, result_cb, f);
  return smm_client_balance_finish (f->client, wait_result (f), amount, &currency, error);
}

static SmmService *
find_service (GPtrArray *list,
              gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    if (smm_service_get_id (list->pdata[i]) == id)
      return list->pdata[i];
  return NULL;
}

/* An order the panel may or may not have placed: @error tells which way it failed. */
static void
assert_add_fails (Fixture      *f,
                  gint          code,
                  GError      **error)
{
  g_assert_cmpint (add (f, 1, "https://instagram.com/nasa", "100", error), ==, 0);
  g_assert_error (*error, SMM_API_ERROR, code);
}

/* ------------------------------------------------------------------ actions */

static void
test_services (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = services (f, &error);
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean types[SMM_N_SERVICE_TYPES] = { FALSE };

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 40);
  for (guint i = 0; i < list->len; i++)
    {
      SmmService *s = list->pdata[i];
      g_hash_table_add (categories, (gpointer) smm_service_get_category (s));
      types[smm_service_get_service_type (s)] = TRUE;
      g_assert_cmpint (smm_money_compare (smm_service_get_rate (s), SMM_MONEY_ZERO), >, 0);
      g_assert_cmpint (smm_service_get_min (s), >, 0);
      g_assert_cmpint (smm_service_get_max (s), >=, smm_service_get_min (s));
    }
  g_assert_cmpuint (g_hash_table_size (categories), >=, 8);
  for (guint t = 0; t < SMM_SERVICE_TYPE_UNKNOWN; t++)
    {
      /* Custom Data is a PHP panel's type: the simulator's catalogue "c" has it (custom-data) */
      if (t == SMM_SERVICE_TYPE_CUSTOM_DATA)
        continue;
      g_test_message ("type %s", smm_service_type_to_string (t));
      g_assert_true (types[t]);
    }
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "services"), ==, 1);
}

/* A PHP panel's "Custom Data" service: read as its type, and placed with its `custom_data` field. */
static void
test_custom_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SmmOrderRequest) request = NULL;
  SmmService *custom = NULL;
  gint64 id;

  g_assert_true (smm_sim_set_catalogue (f->sim, "c"));
  list = services (f, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len && custom == NULL; i++)
    if (smm_service_get_service_type (list->pdata[i]) == SMM_SERVICE_TYPE_CUSTOM_DATA)
      custom = list->pdata[i];
  g_assert_nonnull (custom);

  request = smm_order_request_new_for_service (custom);
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "100");
  smm_order_request_set (request, SMM_FIELD_CUSTOM_DATA, "size=M; colour=blue");
  g_assert_true (smm_order_request_validate (request, custom, &error));
  g_assert_no_error (error);
  smm_client_add_async (f->client, request, NULL, result_cb, f);
  id = smm_client_add_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (smm_sim_get_order_count (f->sim), ==, 1);
}

/* The quirky panel's catalogue reads the same as the plain one. */
static void
test_services_quirks_equal (void)
{
  GPtrArray *lists[2] = { NULL, NULL };

  for (guint q = 0; q < 2; q++)
    {
      Fixture f = { NULL };
      g_autoptr(GError) error = NULL;

      fixture_set_up (&f, GINT_TO_POINTER (q));
      lists[q] = services (&f, &error);
      g_assert_no_error (error);
      fixture_tear_down (&f, NULL);
    }
  g_assert_cmpuint (lists[0]->len, ==, lists[1]->len);
  for (guint i = 0; i < lists[0]->len; i++)
    {
      SmmService *a = lists[0]->pdata[i];
      SmmService *b = find_service (lists[1], smm_service_get_id (a));

      g_assert_nonnull (b);
      g_assert_cmpstr (smm_service_get_name (a), ==, smm_service_get_name (b));
      g_assert_cmpint (smm_service_get_service_type (a), ==, smm_service_get_service_type (b));
      g_assert_cmpint (smm_money_compare (smm_service_get_rate (a), smm_service_get_rate (b)), ==, 0);
      g_assert_cmpint (smm_service_get_min (a), ==, smm_service_get_min (b));
      g_assert_cmpint (smm_service_get_max (a), ==, smm_service_get_max (b));
      g_assert_cmpint (smm_service_get_refill (a), ==, smm_service_get_refill (b));
      g_assert_cmpint (smm_service_get_cancel (a), ==, smm_service_get_cancel (b));
    }
  g_ptr_array_unref (lists[0]);
  g_ptr_array_unref (lists[1]);
}

static void
test_order_life (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = services (f, &error);
  SmmService *followers = find_service (list, 1);
  SmmMoney before, after, charge, expected;
  gint64 order_id, cancel_id;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) refills = NULL;
  g_autoptr(GPtrArray) refill_status = NULL;
  g_autoptr(GPtrArray) cancels = NULL;
  SmmOrder *order;

  g_assert_nonnull (followers);
  g_assert_true (smm_service_get_refill (followers));
  g_assert_true (balance (f, &before, &error));
  g_assert_no_error (error);

  order_id = add (f, 1, "https://instagram.com/nasa", "1000", &error);
  g_assert_no_error (error);
  g_assert_cmpint (order_id, >, 0);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "add"), ==, 1);

  /* the panel charged exactly rate × quantity / 1000 */
  g_assert_true (balance (f, &after, &error));
  g_assert_true (smm_money_charge (smm_service_get_rate (followers), 1000, &expected));
  g_assert_true (smm_money_sub (before, after, &charge));
  g_assert_cmpint (smm_money_compare (charge, expected), ==, 0);

  orders = status (f, &order_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 1);
  order = orders->pdata[0];
  g_assert_cmpint (smm_order_get_id (order), ==, order_id);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_null (smm_order_get_error (order));
  g_clear_pointer (&orders, g_ptr_array_unref);

  /* a refill before the order is done is refused, per order, as data */
  smm_client_refill_async (f->client, &order_id, 1, NULL, result_cb, f);
  refills = smm_client_refill_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 1);
  g_assert_nonnull (smm_refill_get_error (refills->pdata[0]));
  g_clear_pointer (&refills, g_ptr_array_unref);

  smm_sim_advance (f->sim, 3600);
  orders = status (f, &order_id, 1, &error);
  order = orders->pdata[0];
  g_assert_true (smm_order_status_is_final (smm_order_get_status (order)));
  g_assert_true (smm_order_get_charge (order, &charge));
  g_assert_cmpint (smm_order_get_start_count (order), >=, 0);

  smm_client_refill_async (f->client, &order_id, 1, NULL, result_cb, f);
  refills = smm_client_refill_finish (f->client, wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 1);
  g_assert_null (smm_refill_get_error (refills->pdata[0]));
  g_assert_cmpint (smm_refill_get_order_id (refills->pdata[0]), ==, order_id);
  g_assert_cmpint (smm_refill_get_id (refills->pdata[0]), >, 0);

  {
    gint64 refill_id = smm_refill_get_id (refills->pdata[0]);
    gint64 ids[] = { refill_id, 999999 };

    smm_sim_advance (f->sim, 3600);
    smm_client_refill_status_async (f->client, ids, 2, NULL, result_cb, f);
    refill_status = smm_client_refill_status_finish (f->client, wait_result (f), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (refill_status->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        SmmRefill *r = refill_status->pdata[i];
        if (smm_refill_get_id (r) == refill_id)
          g_assert_cmpint (smm_refill_get_status (r), ==, SMM_REFILL_STATUS_COMPLETED);
        else
          g_assert_error ((GError *) smm_refill_get_error (r), SMM_API_ERROR, SMM_API_ERROR_REFILL_NOT_FOUND);
      }
  }

  /* cancel: a fresh order on a service that allows it, and an unknown id */
  cancel_id = add (f, 1, "https://instagram.com/esa", "500", &error);
  g_assert_no_error (error);
  {
    gint64 ids[] = { cancel_id, 999999 };
    smm_client_cancel_async (f->client, ids, 2, NULL, result_cb, f);
    cancels = smm_client_cancel_finish (f->client, wait_result (f), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (cancels->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      SmmCancelResult *r = cancels->pdata[i];
      if (r->order_id == cancel_id)
        g_assert_true (r->accepted);
      else
        g_assert_error (r->error, SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER);
    }
  g_clear_pointer (&orders, g_ptr_array_unref);
  orders = status (f, &cancel_id, 1, &error);
  g_assert_cmpint (smm_order_get_status (orders->pdata[0]), ==, SMM_ORDER_STATUS_CANCELED);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmMoney amount;

  /* below the minimum, unknown service, a second order for the same link */
  g_assert_cmpint (add (f, 1, "https://instagram.com/a", "10", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_LOW);
  g_assert_nonnull (strstr (error->message, "50"));
  g_clear_error (&error);
  g_assert_cmpint (add (f, 1, "https://instagram.com/a", "99999999", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_HIGH);
  g_clear_error (&error);
  g_assert_cmpint (add (f, 99999, "https://instagram.com/a", "100", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INCORRECT_SERVICE);
  g_clear_error (&error);
  g_assert_cmpint (add (f, 1, "https://instagram.com/a", "100", &error), >, 0);
  g_assert_cmpint (add (f, 1, "https://instagram.com/a", "100", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_DUPLICATE_ORDER);
  g_clear_error (&error);

  /* invalid input never leaves the machine */
  g_assert_cmpint (add (f, 1, "not a link", "100", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "add"), ==, 5);

  smm_client_set_key (f->client, "wrong");
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_KEY);
  g_clear_error (&error);

  /* no key: nothing is sent */
  smm_client_set_key (f->client, NULL);
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_KEY);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "balance"), ==, 1);
}

static void
test_not_enough_funds (void)
{
  Fixture f = { NULL };
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f, GINT_TO_POINTER (FALSE));
  smm_sim_stop (f.sim);
  smm_sim_set_balance (f.sim, "0.01");
  g_assert_true (smm_sim_start (f.sim, 0, NULL));
  g_clear_object (&f.client);
  g_autofree char *url = smm_sim_dup_url (f.sim);
  f.client = smm_client_new (url, NULL);
  smm_client_set_key (f.client, SECRET_KEY);
  g_assert_cmpint (add (&f, 1, "https://instagram.com/a", "1000", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS);
  g_assert_cmpuint (smm_sim_get_order_count (f.sim), ==, 0);
  fixture_tear_down (&f, NULL);
}

/* ------------------------------------------------------------------ faults */

static void
test_drop_after_add (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_DROP_AFTER_ADD, 1.0);
  assert_add_fails (f, SMM_API_ERROR_OUTCOME_UNKNOWN, &error);
  g_assert_nonnull (strstr (error->message, "may or may not"));
  /* the panel did place it, and got it exactly once */
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "add"), ==, 1);
  g_assert_cmpuint (smm_sim_get_order_count (f->sim), ==, 1);
  g_assert_cmpuint (smm_client_get_request_count (f->client), ==, 1);
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmMoney amount;

  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_HTML, 1.0);
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_NOT_API);
  g_assert_nonnull (strstr (error->message, "web page"));
  g_clear_error (&error);
  /* a firewall challenge is not retried, and an add behind it was never placed */
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "balance"), ==, 1);
  assert_add_fails (f, SMM_API_ERROR_NOT_API, &error);
  g_assert_cmpuint (smm_sim_get_order_count (f->sim), ==, 0);
}

static void
test_500 (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmMoney amount;

  /* every other reply fails (the 2nd, the 4th…): a read succeeds on its retry */
  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_500, 0.5);
  g_assert_true (balance (f, &amount, &error));
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "balance"), ==, 1);
  g_assert_true (balance (f, &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "balance"), ==, 3);

  /* always failing: 1 + 3 retries, then a plain error */
  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_500, 1.0);
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "balance"), ==, 7);
  g_clear_error (&error);

  /* add is never retried, and a 500 leaves its outcome unknown */
  assert_add_fails (f, SMM_API_ERROR_OUTCOME_UNKNOWN, &error);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "add"), ==, 1);
}

static void
test_429 (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 start;
  SmmMoney amount;

  /* the 2nd request is refused with Retry-After: 1 */
  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_429, 0.5);
  g_assert_true (balance (f, &amount, &error));
  start = g_get_monotonic_time ();
  list = services (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 40);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "services"), ==, 2);
  /* Retry-After: 1 was honoured (a behaviour, not a speed: the wait is at least the panel's) */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);

  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_429, 1.0);
  smm_client_set_retry (f->client, 0, 10, 10);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = services (f, &error);
  g_assert_null (list);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_RATE_LIMITED);
}

static void
test_slow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmMoney amount;

  smm_client_set_timeout (f->client, 1);
  smm_client_set_retry (f->client, 0, 10, 10);
  smm_sim_set_slow_ms (f->sim, 3000);
  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_SLOW, 1.0);
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TIMEOUT);
  g_clear_error (&error);

  assert_add_fails (f, SMM_API_ERROR_OUTCOME_UNKNOWN, &error);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "add"), ==, 1);
}

/* A panel that answers, but only after the deadline of an attempt: nothing waits for ever. */
static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmMoney amount;

  smm_client_set_deadline (f->client, 1);
  smm_client_set_retry (f->client, 0, 10, 10);
  smm_sim_set_latency (f->sim, 3000);
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TIMEOUT);
  g_clear_error (&error);

  /* the add arrived and was carried out: its outcome is unknown, and it was sent once */
  assert_add_fails (f, SMM_API_ERROR_OUTCOME_UNKNOWN, &error);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "add"), ==, 1);
  g_assert_cmpuint (smm_sim_get_order_count (f->sim), ==, 1);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelled while waiting to retry: it ends there, without the retry. */
static void
test_cancel_retry_wait (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  SmmMoney amount;

  /* a minute's waits, within a read's deadline long enough for them */
  smm_client_set_retry (f->client, 3, 60000, 60000);
  smm_client_set_read_deadline (f->client, 600);
  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_500, 1.0);
  smm_client_balance_async (f->client, cancellable, result_cb, f);
  g_timeout_add (300, cancel_cb, cancellable);
  g_assert_false (smm_client_balance_finish (f->client, wait_result (f), &amount, &currency, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "balance"), ==, 1);
}

static void
test_truncate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_TRUNCATE, 1.0);
  list = services (f, &error);
  g_assert_null (list);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_MALFORMED);
  g_clear_error (&error);

  assert_add_fails (f, SMM_API_ERROR_OUTCOME_UNKNOWN, &error);
  g_assert_cmpuint (smm_sim_get_order_count (f->sim), ==, 1);
}

static void
test_redirect (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmMoney amount;

  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_REDIRECT, 1.0);
  g_assert_false (balance (f, &amount, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_REDIRECT);
  g_assert_nonnull (strstr (error->message, "example.invalid"));
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, NULL), ==, 1);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  smm_client_set_max_body (f->client, 4096);
  list = services (f, &error);
  g_assert_null (list);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TOO_LARGE);
}

static void
test_cancellable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  smm_sim_set_latency (f->sim, 2000);
  smm_client_services_async (f->client, cancellable, result_cb, f);
  g_cancellable_cancel (cancellable);
  list = smm_client_services_finish (f->client, wait_result (f), &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_endpoints (void)
{
  static const struct {
    const char *url;
    int         code;  /* -1: accepted */
  } cases[] = {
    { "https://followercomments.com/api/v2", -1 },
    { "https://followersdata.com/api/v2", -1 },
    { "http://127.0.0.1:8080/api/v2", -1 },
    { "http://localhost/api/v2", -1 },
    { "http://[::1]:9000/api/v2", -1 },
    { "http://followercomments.com/api/v2", SMM_API_ERROR_INSECURE },
    { "http://10.0.0.1/api/v2", SMM_API_ERROR_INSECURE },
    { "ftp://followercomments.com/api/v2", SMM_API_ERROR_INVALID_URL },
    { "followercomments.com/api/v2", SMM_API_ERROR_INVALID_URL },
    { "https://followercomments.com/api/v2?key=abc", SMM_API_ERROR_INVALID_URL },
    { "https://user:pass@followercomments.com/api/v2", SMM_API_ERROR_INVALID_URL },
    { "", SMM_API_ERROR_INVALID_URL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmmClient) client = smm_client_new (cases[i].url, &error);

      g_test_message ("%s", cases[i].url);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (client);
        }
      else
        {
          g_assert_null (client);
          g_assert_error (error, SMM_API_ERROR, cases[i].code);
        }
    }
}

/* ------------------------------------------------------------------ TLS */

static void
tls_handler (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           data)
{
  (*(guint *) data)++;
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    "{\"order\":1,\"balance\":\"1\",\"currency\":\"USD\"}", 39);
}

/* A panel behind a certificate nobody vouches for: nothing is sent to it. */
static void
test_tls_self_signed (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "data", "tls", "self-signed.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem, &error);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SmmClient) client = NULL;
  g_autoptr(SmmOrderRequest) request = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  Fixture f = { NULL };
  guint handled = 0;
  SmmMoney amount;
  g_autofree char *currency = NULL;
  gint64 end;

  if (certificate == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, tls_handler, &handled, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d/api/v2", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = smm_client_new (url, &error);
  smm_client_set_key (client, SECRET_KEY);
  smm_client_set_retry (client, 0, 10, 10);
  f.client = client;

  smm_client_balance_async (client, NULL, result_cb, &f);
  g_assert_false (smm_client_balance_finish (client, wait_result (&f), &amount, &currency, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "cannot be trusted"));
  g_clear_error (&error);

  /* an order is refused before it leaves: not "outcome unknown" */
  request = smm_order_request_new (1, SMM_SERVICE_TYPE_DEFAULT);
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "100");
  smm_client_add_async (client, request, NULL, result_cb, &f);
  g_assert_cmpint (smm_client_add_finish (client, wait_result (&f), &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TLS);
  g_assert_cmpuint (handled, ==, 0);
  g_clear_object (&f.result);

  /* The server's side of each refused handshake ends a moment after the client's. libsoup 3.6
   * does not keep its connection alive for that callback, so freeing the server first makes the
   * callback run on a freed connection later, in another test: let those handshakes end first. */
  end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2 * G_TIME_SPAN_MILLISECOND);
}

/* ------------------------------------------------------------------ secrets */

static GString *debug_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        {
          g_string_append_len (debug_log, fields[i].value,
                               fields[i].length < 0 ? (gssize) strlen (fields[i].value) : fields[i].length);
          g_string_append_c (debug_log, '\n');
        }
    }
  return G_LOG_WRITER_HANDLED;
}

/* Runs in a subprocess with every debug message on: the key appears in none. */
static void
test_key_not_logged (void)
{
  if (g_test_subprocess ())
    {
      Fixture f = { NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = NULL;
      SmmMoney amount;

      debug_log = g_string_new (NULL);
      g_log_set_writer_func (capture_writer, NULL, NULL);
      g_log_set_debug_enabled (TRUE);

      fixture_set_up (&f, GINT_TO_POINTER (FALSE));
      list = services (&f, &error);
      g_assert_no_error (error);
      g_assert_true (balance (&f, &amount, &error));
      g_assert_cmpint (add (&f, 1, "https://instagram.com/nasa", "100", &error), >, 0);
      smm_sim_set_fault (f.sim, SMM_SIM_FAULT_500, 1.0);
      g_assert_false (balance (&f, &amount, &error));
      g_clear_error (&error);
      smm_client_set_key (f.client, "wrong");
      smm_sim_set_fault (f.sim, SMM_SIM_FAULT_NONE, 0);
      g_assert_false (balance (&f, &amount, &error));
      fixture_tear_down (&f, NULL);

      g_assert_cmpuint (debug_log->len, >, 0);
      g_assert_nonnull (strstr (debug_log->str, "balance"));
      g_assert_null (strstr (debug_log->str, SECRET_KEY));
      g_print ("%s", debug_log->str);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*smm-client*");
  g_test_trap_assert_stdout_unmatched ("*" SECRET_KEY "*");
}

/* The simulator answers GET with the fields in the query, as some panels do. */
static void
test_sim_get (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SmmMoney amount;

  /* a blocking request: the panel answers from its own thread */
  smm_sim_set_key (sim, SECRET_KEY);
  g_assert_true (smm_sim_start_threaded (sim, 0, &error));
  g_autofree char *sim_url = smm_sim_dup_url (sim);
  url = g_strdup_printf ("%s?key=%s&action=balance", sim_url, SECRET_KEY);
  message = soup_message_new ("GET", url);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_true (smm_parse_balance (text, strlen (text), &amount, NULL, NULL));
  g_assert_cmpint (amount.units, ==, G_GINT64_CONSTANT (100000000000));
  smm_sim_stop (sim);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("services", test_services, FALSE);
  ADD ("custom-data", test_custom_data, FALSE);
  ADD ("quirks/services", test_services, TRUE);
  g_test_add_func ("/core/client/quirks/services-equal", test_services_quirks_equal);
  ADD ("order-life", test_order_life, FALSE);
  ADD ("quirks/order-life", test_order_life, TRUE);
  ADD ("errors", test_errors, FALSE);
  ADD ("quirks/errors", test_errors, TRUE);
  g_test_add_func ("/core/client/not-enough-funds", test_not_enough_funds);
  ADD ("fault/drop-after-add", test_drop_after_add, FALSE);
  ADD ("fault/html", test_html, FALSE);
  ADD ("fault/500", test_500, FALSE);
  ADD ("fault/429", test_429, FALSE);
  ADD ("fault/slow", test_slow, FALSE);
  ADD ("fault/truncate", test_truncate, FALSE);
  ADD ("fault/deadline", test_deadline, FALSE);
  ADD ("cancel-retry-wait", test_cancel_retry_wait, FALSE);
  ADD ("fault/redirect", test_redirect, FALSE);
  ADD ("too-large", test_too_large, FALSE);
  ADD ("cancellable", test_cancellable, FALSE);
  g_test_add_func ("/core/client/endpoints", test_endpoints);
  g_test_add_func ("/core/client/tls-self-signed", test_tls_self_signed);
  g_test_add_func ("/core/client/key-not-logged", test_key_not_logged);
  g_test_add_func ("/core/client/sim-get", test_sim_get);

  return g_test_run ();
}
