/* test-store-accounts.c: what the store keeps of each account: what its panel does not offer,
 * learnt from the panel's answers, and when its balance was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "smm-test-canned.h"
#include "smm-test-fixture.h"

typedef struct {
  SmmTestCanned   *panel;
  SmmStore        *store;
  SmmClientPool   *pool;
  SmmOrderActions *actions;
  SmmTracker      *tracker;
  gint64           account_id;
  GAsyncResult    *result;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* the panel of API.md "Seen on real panels": services, add, status and balance only */
  f->panel = smm_test_canned_new ();
  url = smm_test_canned_dup_url (f->panel);
  f->store = smm_test_store_open (NULL);
  account = smm_test_account_add (f->store, "Bare", url);
  f->account_id = smm_account_get_id (account);
  client = smm_client_new (url, &error);
  g_assert_no_error (error);
  smm_client_set_key (client, "key");
  smm_client_set_retry (client, 1, 10, 10);
  f->pool = smm_client_pool_new (NULL);
  smm_client_pool_set_client (f->pool, f->account_id, client);
  f->actions = smm_order_actions_new (f->store, f->pool);
  f->tracker = smm_tracker_new (f->store, f->pool);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_assert_finalize_object (g_steal_pointer (&f->tracker));
  g_assert_finalize_object (g_steal_pointer (&f->actions));
  g_assert_finalize_object (g_steal_pointer (&f->pool));
  smm_test_drain_main_context ();
  smm_test_assert_finalized (g_steal_pointer (&f->store));
  g_clear_pointer (&f->panel, smm_test_canned_free);
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

static guint
unsupported (Fixture *f)
{
  g_autoptr(SmmAccount) account = smm_store_get_account (f->store, f->account_id, NULL);

  return smm_account_get_unsupported (account);
}

static void
refill (Fixture  *f,
        gint64    order_id,
        GError  **error)
{
  g_autoptr(GPtrArray) refills = NULL;

  smm_order_actions_refill_async (f->actions, f->account_id, &order_id, 1, NULL, result_cb, f);
  refills = smm_order_actions_refill_finish (f->actions, wait_result (f), error);
}

static void
cancel (Fixture  *f,
        gint64    order_id,
        GError  **error)
{
  g_autoptr(GPtrArray) results = NULL;

  smm_order_actions_cancel_async (f->actions, f->account_id, &order_id, 1, NULL, result_cb, f);
  results = smm_order_actions_cancel_finish (f->actions, wait_result (f), error);
}

/* "Request Invalid" to a refill: learnt, told in words, and never asked again */
static void
test_refill_unsupported (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  smm_test_canned_set_reply (f->panel, "refill", "error-request-invalid.json");
  g_assert_cmpuint (unsupported (f), ==, 0);

  refill (f, 23501, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_true (g_str_has_prefix (error->message, "This panel does not offer refills through its API"));
  g_assert_cmpuint (unsupported (f), ==, SMM_PANEL_ACTION_REFILL);
  g_assert_cmpuint (smm_test_canned_count (f->panel, "refill"), ==, 1);
  g_clear_error (&error);

  refill (f, 23502, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "This panel does not offer refills through its API");
  g_assert_cmpuint (smm_test_canned_count (f->panel, "refill"), ==, 1);   /* not sent */
}

/* the same for cancels; a panel that answers a cancel keeps offering it */
static void
test_cancel_unsupported (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmAccount) account = NULL;

  smm_test_canned_set (f->panel, "cancel", "{\"error\":\"Incorrect order ID\"}");
  cancel (f, 23501, &error);
  g_assert_cmpuint (unsupported (f), ==, 0);
  g_clear_error (&error);

  smm_test_canned_set (f->panel, "cancel", "{\"error\":\"Request Invalid\"}");
  cancel (f, 23501, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_true (g_str_has_prefix (error->message, "This panel does not offer cancels through its API"));
  g_assert_cmpuint (unsupported (f), ==, SMM_PANEL_ACTION_CANCEL);

  /* the store keeps it; another address is another panel, learnt again */
  account = smm_store_get_account (f->store, f->account_id, NULL);
  g_assert_false (smm_account_supports (account, SMM_PANEL_ACTION_CANCEL));
  g_assert_true (smm_account_supports (account, SMM_PANEL_ACTION_REFILL));
  smm_account_set_name (account, "Renamed");
  g_assert_true (smm_store_update_account (f->store, account, NULL));
  g_assert_cmpuint (unsupported (f), ==, SMM_PANEL_ACTION_CANCEL);
  smm_account_set_endpoint (account, "https://example.com/api/v2");
  g_assert_true (smm_store_update_account (f->store, account, NULL));
  g_assert_cmpuint (unsupported (f), ==, 0);
}

/* a panel without refill_status: the tracker learns it and stops asking */
static void
test_refill_status_unsupported (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmmTrackerReport report;

  smm_test_canned_set (f->panel, "refill", "{\"refill\":\"7\"}");
  refill (f, 23501, &error);
  g_assert_no_error (error);

  smm_tracker_refresh_async (f->tracker, NULL, result_cb, f);
  smm_tracker_refresh_finish (f->tracker, wait_result (f), &report, NULL);
  g_assert_cmpuint (smm_test_canned_count (f->panel, "refill_status"), ==, 1);
  g_assert_cmpuint (unsupported (f), ==, SMM_PANEL_ACTION_REFILL_STATUS);

  smm_tracker_refresh_async (f->tracker, NULL, result_cb, f);
  g_assert_true (smm_tracker_refresh_finish (f->tracker, wait_result (f), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (smm_test_canned_count (f->panel, "refill_status"), ==, 1);
}

/* a store of schema 5 gains the column, every action offered */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpint (SMM_STORE_SCHEMA_VERSION, >=, 6);
  g_assert_nonnull (strstr (smm_store_get_migration (5), "unsupported"));
  g_assert_cmpuint (unsupported (f), ==, 0);
}

/* when the balance was read is kept with it */
static void
test_balance_time (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SmmAccount) before = smm_store_get_account (f->store, f->account_id, NULL);
  g_autoptr(SmmAccount) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_cmpint (smm_account_get_balance_time (before), ==, 0);
  g_assert_true (smm_store_set_balance (f->store, f->account_id, (SmmMoney) { 1000000000 }, "USD", NULL));
  after = smm_store_get_account (f->store, f->account_id, NULL);
  g_assert_cmpint (ABS (smm_account_get_balance_time (after) - g_date_time_to_unix (now)), <=, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/store-accounts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("refill-unsupported", test_refill_unsupported);
  ADD ("cancel-unsupported", test_cancel_unsupported);
  ADD ("refill-status-unsupported", test_refill_status_unsupported);
  ADD ("migration", test_migration);
  ADD ("balance-time", test_balance_time);
#undef ADD

  return g_test_run ();
}
