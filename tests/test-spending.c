/* test-spending.c: money spent per period and category, refunds taken off */
#include "config.h"

#include "smm-spending.h"
#include "smm-test-fixture.h"

static GTimeZone *istanbul;

static SmmSpendingEntry *
entry (gint64          account_id,
       const char     *currency,
       const char     *utc,        /* ISO 8601 */
       SmmOrderStatus  status,
       const char     *charge,
       gint64          quantity,
       gint64          remains,
       const char     *category)
{
  SmmSpendingEntry *e = g_new0 (SmmSpendingEntry, 1);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (utc, NULL);

  g_assert_nonnull (time);
  e->account_id = account_id;
  e->currency = g_strdup (currency);
  e->created = g_date_time_to_unix (time);
  e->status = status;
  /* the charge shown at placing: the panel has not reported one (see reported()) */
  e->has_estimate = charge != NULL && smm_money_parse (charge, &e->estimate, NULL);
  e->quantity = quantity;
  e->remains = remains;
  e->category = g_strdup (category);
  return e;
}

static GPtrArray *
sample (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_spending_entry_free);

  /* Monday 2 March 2026 in Istanbul (UTC+3) */
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-02T10:00:00Z", SMM_ORDER_STATUS_COMPLETED, "10", 1000, 0,
                                   "Instagram Followers"));
  /* partial: 100 of 1000 not delivered, 0.90 back */
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-02T12:00:00Z", SMM_ORDER_STATUS_PARTIAL, "9", 1000, 100,
                                   "Instagram Followers"));
  /* 22:30 on Sunday in UTC is 01:30 on Monday in Istanbul */
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-01T22:30:00Z", SMM_ORDER_STATUS_IN_PROGRESS, "1", 100, 50,
                                   "Instagram Followers"));
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-02T13:00:00Z", SMM_ORDER_STATUS_UNCONFIRMED, "4", 100, -1,
                                   "Instagram Followers"));
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-02T14:00:00Z", SMM_ORDER_STATUS_REJECTED, "7", 100, -1,
                                   "Instagram Followers"));
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-02T15:00:00Z", SMM_ORDER_STATUS_SUBMITTING, "8", 100, -1,
                                   "Instagram Followers"));
  /* Tuesday: canceled and refunded, all of it back */
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-03T09:00:00Z", SMM_ORDER_STATUS_CANCELED, "5", 100, 100,
                                   "Instagram Likes"));
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-03T10:00:00Z", SMM_ORDER_STATUS_REFUNDED, "6", 100, -1, ""));
  /* Sunday 1 March, 23:00 in Istanbul: the week before */
  g_ptr_array_add (entries, entry (1, "USD", "2026-03-01T20:00:00Z", SMM_ORDER_STATUS_COMPLETED, "2", 100, 0,
                                   "TikTok Views"));
  /* still February in UTC, but 1 March, 00:30 in Istanbul */
  g_ptr_array_add (entries, entry (1, "USD", "2026-02-28T21:30:00Z", SMM_ORDER_STATUS_COMPLETED, "3", 100, 0,
                                   "TikTok Views"));
  /* another account, another currency: never added to the dollars */
  g_ptr_array_add (entries, entry (2, "EUR", "2026-03-02T10:00:00Z", SMM_ORDER_STATUS_COMPLETED, "0.5", 100, 0,
                                   "TikTok Views"));
  return entries;
}

static void
assert_row (SmmSpendingRow *row,
            gint64          account_id,
            const char     *start,     /* local date, or NULL */
            const char     *category,
            gint64          spent,
            gint64          refunded,
            gint64          unconfirmed,
            guint           n_orders)
{
  g_assert_cmpint (row->account_id, ==, account_id);
  if (start)
    {
      g_autofree char *text = g_date_time_format (row->start, "%Y-%m-%d %H:%M %z");
      g_assert_cmpstr (text, ==, start);
    }
  else
    g_assert_null (row->start);
  g_assert_cmpstr (row->category, ==, category);
  g_assert_cmpint (row->spent.units, ==, spent);
  g_assert_cmpint (row->refunded.units, ==, refunded);
  g_assert_cmpint (row->unconfirmed.units, ==, unconfirmed);
  g_assert_cmpuint (row->n_orders, ==, n_orders);
}

#define M(x) ((gint64) ((x) * 100 + 0.5) * 1000000)   /* cents to units */

static void
test_cost (void)
{
  g_autoptr(GPtrArray) entries = sample ();
  SmmMoney spent, refunded;

  g_assert_true (smm_spending_entry_get_cost (entries->pdata[1], &spent, &refunded));
  g_assert_cmpint (spent.units, ==, M (8.10));
  g_assert_cmpint (refunded.units, ==, M (0.90));
  g_assert_false (smm_spending_entry_get_cost (entries->pdata[3], &spent, &refunded));   /* unconfirmed */
  g_assert_false (smm_spending_entry_get_cost (entries->pdata[4], &spent, &refunded));   /* rejected */
  g_assert_true (smm_spending_entry_get_cost (entries->pdata[6], &spent, &refunded));
  g_assert_cmpint (spent.units, ==, 0);
  g_assert_cmpint (refunded.units, ==, M (5));

  /* once the panel reports a charge, it is what the order cost, whatever the status says: the
   * sum then moves with the balance (a panel reports the charge after its refunds) */
  {
    g_autoptr(SmmSpendingEntry) canceled = entry (1, "USD", "2026-03-02T10:00:00Z", SMM_ORDER_STATUS_CANCELED,
                                                  "5", 100, 100, "");
    g_autoptr(SmmSpendingEntry) partial = entry (1, "USD", "2026-03-02T10:00:00Z", SMM_ORDER_STATUS_PARTIAL,
                                                 "9", 1000, 100, "");
    g_autoptr(SmmSpendingEntry) dearer = entry (1, "USD", "2026-03-02T10:00:00Z", SMM_ORDER_STATUS_COMPLETED,
                                                "1", 100, 0, "");

    /* canceled, but the panel kept 0.40 of 5.00 */
    canceled->has_charge = smm_money_parse ("0.40", &canceled->charge, NULL);
    g_assert_true (smm_spending_entry_get_cost (canceled, &spent, &refunded));
    g_assert_cmpint (spent.units, ==, M (0.40));
    g_assert_cmpint (refunded.units, ==, M (4.60));
    /* partial: the panel gave back 0.50, not the 0.90 that remains × rate would say */
    partial->has_charge = smm_money_parse ("8.50", &partial->charge, NULL);
    g_assert_true (smm_spending_entry_get_cost (partial, &spent, &refunded));
    g_assert_cmpint (spent.units, ==, M (8.50));
    g_assert_cmpint (refunded.units, ==, M (0.50));
    /* the panel charged more than the estimate: that is spent, and nothing came back */
    dearer->has_charge = smm_money_parse ("1.20", &dearer->charge, NULL);
    g_assert_true (smm_spending_entry_get_cost (dearer, &spent, &refunded));
    g_assert_cmpint (spent.units, ==, M (1.20));
    g_assert_cmpint (refunded.units, ==, 0);
  }

  /* the refund of a partial order is exact: 1/3 of 1.00 */
  {
    g_autoptr(SmmSpendingEntry) third = entry (1, "USD", "2026-03-02T10:00:00Z", SMM_ORDER_STATUS_PARTIAL, "1", 3, 1,
                                               "");
    g_assert_true (smm_spending_entry_get_cost (third, &spent, &refunded));
    g_assert_cmpint (refunded.units, ==, 33333333);
    g_assert_cmpint (spent.units + refunded.units, ==, SMM_MONEY_SCALE);
  }
}

static void
test_by_day (void)
{
  g_autoptr(GPtrArray) entries = sample ();
  g_autoptr(GPtrArray) rows = smm_spending_by_period (entries, SMM_SPENDING_BY_DAY, istanbul);

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows->pdata[0], 1, "2026-03-03 00:00 +0300", NULL, 0, M (11), 0, 2);
  assert_row (rows->pdata[1], 1, "2026-03-02 00:00 +0300", NULL, M (19.10), M (0.90), M (4), 3);
  assert_row (rows->pdata[2], 2, "2026-03-02 00:00 +0300", NULL, M (0.50), 0, 0, 1);
  g_assert_cmpstr (((SmmSpendingRow *) rows->pdata[2])->currency, ==, "EUR");
  assert_row (rows->pdata[3], 1, "2026-03-01 00:00 +0300", NULL, M (5), 0, 0, 2);
}

static void
test_by_week_and_month (void)
{
  g_autoptr(GPtrArray) entries = sample ();
  g_autoptr(GPtrArray) weeks = smm_spending_by_period (entries, SMM_SPENDING_BY_WEEK, istanbul);
  g_autoptr(GPtrArray) months = smm_spending_by_period (entries, SMM_SPENDING_BY_MONTH, istanbul);
  g_autoptr(GPtrArray) utc_months = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* ISO weeks begin on Monday */
  g_assert_cmpuint (weeks->len, ==, 3);
  assert_row (weeks->pdata[0], 1, "2026-03-02 00:00 +0300", NULL, M (19.10), M (11.90), M (4), 5);
  assert_row (weeks->pdata[1], 2, "2026-03-02 00:00 +0300", NULL, M (0.50), 0, 0, 1);
  assert_row (weeks->pdata[2], 1, "2026-02-23 00:00 +0300", NULL, M (5), 0, 0, 2);

  g_assert_cmpuint (months->len, ==, 2);
  assert_row (months->pdata[0], 1, "2026-03-01 00:00 +0300", NULL, M (24.10), M (11.90), M (4), 7);
  assert_row (months->pdata[1], 2, "2026-03-01 00:00 +0300", NULL, M (0.50), 0, 0, 1);

  /* the time zone decides the month of an order placed at midnight */
  utc_months = smm_spending_by_period (entries, SMM_SPENDING_BY_MONTH, utc);
  g_assert_cmpuint (utc_months->len, ==, 3);
  assert_row (utc_months->pdata[2], 1, "2026-02-01 00:00 +0000", NULL, M (3), 0, 0, 1);
}

static void
test_by_category (void)
{
  g_autoptr(GPtrArray) entries = sample ();
  g_autoptr(GPtrArray) rows = smm_spending_by_category (entries);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows->pdata[0], 1, NULL, "Instagram Followers", M (19.10), M (0.90), M (4), 3);
  assert_row (rows->pdata[1], 1, NULL, "TikTok Views", M (5), 0, 0, 2);
  assert_row (rows->pdata[2], 1, NULL, "", 0, M (6), 0, 1);
  assert_row (rows->pdata[3], 1, NULL, "Instagram Likes", 0, M (5), 0, 1);
  assert_row (rows->pdata[4], 2, NULL, "TikTok Views", M (0.50), 0, 0, 1);
}

/* From the store: the panel's charge, what came back of the estimate, the category. */
static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = smm_test_store_open (NULL);
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Demo", "https://demo.example/api/v2");
  g_autoptr(SmmService) service = smm_service_new (1, "Instagram Followers");
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(SmmOrder) reply = smm_order_new (4242);
  g_autoptr(GPtrArray) replies = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 id = smm_account_get_id (account);
  SmmMoney rate = { 90000000 }, charge = { 85000000 }, balance = { 0 };

  g_assert_no_error (error);
  g_assert_true (smm_store_set_balance (store, id, balance, "TRY", &error));
  smm_service_set_category (service, "Instagram Takipçi");
  smm_service_set_rate (service, rate);
  order = smm_test_order_begin (store, id, service, "https://instagram.com/nasa", "1000");
  g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 4242, &error));

  /* the panel delivered 800 of 1000 and reports 0.85 as the charge, after its refund, of the 0.90
   * shown at placing */
  smm_order_set_status_text (reply, "Partial");
  smm_order_set_charge (reply, &charge);
  smm_order_set_remains (reply, 200);
  g_ptr_array_add (replies, reply);
  changed = smm_store_apply_status (store, id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);

  entries = smm_store_list_spending (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  rows = smm_spending_by_category (entries);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows->pdata[0], id, NULL, "Instagram Takipçi", 85000000, 5000000, 0, 1);
  g_assert_cmpstr (((SmmSpendingRow *) rows->pdata[0])->currency, ==, "TRY");

  /* the Spending page reads the same in a worker */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) from_worker = NULL;
    g_autoptr(GPtrArray) worker_rows = NULL;

    smm_store_list_spending_async (store, 0, NULL, NULL, smm_test_result_cb, &result);
    from_worker = smm_store_list_spending_finish (store, smm_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (from_worker->len, ==, 1);
    worker_rows = smm_spending_by_category (from_worker);
    assert_row (worker_rows->pdata[0], id, NULL, "Instagram Takipçi", 85000000, 5000000, 0, 1);
  }
  smm_test_assert_finalized (g_steal_pointer (&store));
}

static SmmMoney
panel_balance (SmmTestPanel *panel)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  SmmMoney balance;

  smm_client_balance_async (panel->client, NULL, smm_test_result_cb, &result);
  g_assert_true (smm_client_balance_finish (panel->client, smm_test_wait_result (&result), &balance, &currency,
                                            &error));
  g_assert_no_error (error);
  return balance;
}

/* What the history says was spent and came back, summed over every order of the account */
static void
spending_sums (SmmTestPanel *panel,
               SmmMoney     *spent,
               SmmMoney     *refunded,
               guint        *n_orders)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = smm_store_list_spending (panel->store, panel->account_id, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  rows = smm_spending_by_category (entries);
  *spent = *refunded = SMM_MONEY_ZERO;
  *n_orders = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      SmmSpendingRow *row = rows->pdata[i];

      g_assert_true (smm_money_add (*spent, row->spent, spent));
      g_assert_true (smm_money_add (*refunded, row->refunded, refunded));
      *n_orders += row->n_orders;
    }
}

static void
refresh_all (SmmTestPanel *panel)
{
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      SmmTrackerReport report;

      smm_tracker_refresh_async (panel->tracker, NULL, smm_test_result_cb, &result);
      g_assert_true (smm_tracker_refresh_finish (panel->tracker, smm_test_wait_result (&result), &report, &error));
      g_assert_no_error (error);
    }
}

/* On the simulated panel, as on the demo: what Spending says was spent is what left the balance,
 * after placing, after a partial order and after a cancel. */
static void
test_balance (void)
{
  SmmTestPanel panel = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) cancels = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SmmService *followers = NULL;
  SmmMoney start, spent, refunded, left;
  gint64 canceled_id = 0;
  guint n_orders, n_partial;

  smm_test_panel_set_up (&panel, "1000.00");
  smm_client_services_async (panel.client, NULL, smm_test_result_cb, &result);
  services = smm_client_services_finish (panel.client, smm_test_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < services->len && followers == NULL; i++)
    if (smm_service_get_service_type (services->pdata[i]) == SMM_SERVICE_TYPE_DEFAULT &&
        smm_service_get_min (services->pdata[i]) <= 100 && smm_service_get_max (services->pdata[i]) >= 700)
      followers = services->pdata[i];
  g_assert_nonnull (followers);
  start = panel_balance (&panel);

  /* five orders: the panel ends one in five Partial (here the last) */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/user%u", i);
      g_autofree char *quantity = g_strdup_printf ("%u", 100 + 150 * i);
      g_autoptr(SmmOrder) order = smm_test_panel_place (&panel, followers, link, quantity, &error);

      g_assert_no_error (error);
      if (i == 0)
        canceled_id = smm_order_get_id (order);
    }
  spending_sums (&panel, &spent, &refunded, &n_orders);
  g_assert_cmpuint (n_orders, ==, 5);
  g_assert_cmpint (start.units - panel_balance (&panel).units, ==, spent.units);
  g_assert_cmpint (refunded.units, ==, 0);

  /* the first one is canceled before anything is delivered */
  g_clear_object (&result);
  smm_order_actions_cancel_async (panel.actions, panel.account_id, &canceled_id, 1, NULL, smm_test_result_cb,
                                  &result);
  cancels = smm_order_actions_cancel_finish (panel.actions, smm_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cancels->len, ==, 1);

  smm_sim_advance (panel.sim, 24 * 3600);
  refresh_all (&panel);
  n_partial = smm_test_count_orders (panel.store, panel.account_id, SMM_ORDER_STATUS_PARTIAL);
  g_assert_cmpuint (n_partial, ==, 1);
  g_assert_cmpuint (smm_test_count_orders (panel.store, panel.account_id, SMM_ORDER_STATUS_CANCELED), ==, 1);

  left = panel_balance (&panel);
  spending_sums (&panel, &spent, &refunded, &n_orders);
  g_assert_cmpuint (n_orders, ==, 5);
  g_assert_cmpint (start.units - left.units, ==, spent.units);
  g_assert_cmpint (refunded.units, >, 0);

  g_clear_object (&result);
  smm_test_panel_tear_down (&panel);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  istanbul = g_time_zone_new_identifier ("Europe/Istanbul");
  g_assert_nonnull (istanbul);

  g_test_add_func ("/core/spending/cost", test_cost);
  g_test_add_func ("/core/spending/by-day", test_by_day);
  g_test_add_func ("/core/spending/by-week-and-month", test_by_week_and_month);
  g_test_add_func ("/core/spending/by-category", test_by_category);
  g_test_add_func ("/core/spending/store", test_store);
  g_test_add_func ("/core/spending/balance", test_balance);

  return g_test_run ();
}
