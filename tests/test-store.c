/* test-store.c: the book of record: round trips, migrations, recovery, a reader beside a writer */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "smm-test-fixture.h"

/* the tests below call the fixture's helpers by these names */
#define store_path smm_test_store_path
#define open_store smm_test_store_new
#define begin_order smm_test_order_begin
#define async_done_cb smm_test_result_cb
#define wait_for smm_test_wait_result

static SmmService *
make_service (gint64      id,
              const char *name,
              const char *type,
              const char *rate,
              gint64      min,
              gint64      max)
{
  SmmService *service = smm_test_service_new (id, "Instagram Followers", name, type, rate, min, max);

  smm_service_set_refill (service, TRUE);
  return service;
}

static void
test_accounts (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmAccount) a = smm_store_add_account (store, "Panel A", "https://followercomments.com/api/v2", &error);
  g_autoptr(SmmAccount) b = smm_store_add_account (store, "Panel B", "https://followersdata.com/api/v2", &error);
  g_autoptr(SmmAccount) again = NULL;
  g_autoptr(SmmAccount) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SmmMoney balance, read_back;

  g_assert_no_error (error);
  again = smm_store_add_account (store, "Panel A", "https://example.com/api/v2", &error);
  g_assert_null (again);
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (smm_money_parse ("1234.56789", &balance, NULL));
  g_assert_true (smm_store_set_balance (store, smm_account_get_id (b), balance, "TRY", &error));
  found = smm_store_find_account (store, "Panel B", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (smm_account_get_endpoint (found), ==, "https://followersdata.com/api/v2");
  g_assert_cmpstr (smm_account_get_currency (found), ==, "TRY");
  g_assert_true (smm_account_get_balance (found, &read_back));
  g_assert_cmpint (read_back.units, ==, balance.units);

  smm_account_set_name (found, "Panel B (TR)");
  g_assert_true (smm_store_update_account (store, found, &error));

  list = smm_store_list_accounts (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (smm_account_get_name (list->pdata[0]), ==, "Panel A");
  g_assert_cmpstr (smm_account_get_name (list->pdata[1]), ==, "Panel B (TR)");

  /* archived: gone from the list, its name free again */
  g_assert_true (smm_store_archive_account (store, smm_account_get_id (a), &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smm_store_list_accounts (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_object (&again);
  again = smm_store_add_account (store, "Panel A", "https://example.com/api/v2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smm_account_get_id (again), !=, smm_account_get_id (a));
}

static void
test_services_cache (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GDateTime) fetched = NULL;
  g_autoptr(GError) error = NULL;
  SmmService *s;

  loaded = smm_store_load_services (store, smm_account_get_id (account), &fetched, &error);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_null (fetched);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  g_ptr_array_add (services, make_service (30, "İnstagram Takipçi [Gerçek]", "Default", "0.0045", 50, 50000));
  g_ptr_array_add (services, make_service (2, "Comments", "Custom Comments", "8", 10, 1500));
  g_ptr_array_add (services, make_service (17, "Story Poll Votes", "Story Poll Votes", "2.5", 100, 1000));
  smm_service_set_description (services->pdata[0], "Real accounts, 30 days refill");
  /* the second's panel did not say about refill and drip-feed; it said no cancel */
  smm_service_set_refill (services->pdata[1], SMM_TRISTATE_UNKNOWN);
  smm_service_set_cancel (services->pdata[1], SMM_TRISTATE_NO);
  g_assert_true (smm_store_save_services (store, smm_account_get_id (account), services, &error));
  g_assert_no_error (error);

  loaded = smm_store_load_services (store, smm_account_get_id (account), &fetched, &error);
  g_assert_nonnull (fetched);
  g_assert_cmpuint (loaded->len, ==, 3);
  s = loaded->pdata[0];   /* the panel's order, not the ids' */
  g_assert_cmpint (smm_service_get_id (s), ==, 30);
  g_assert_cmpstr (smm_service_get_name (s), ==, "İnstagram Takipçi [Gerçek]");
  g_assert_cmpint (smm_service_get_rate (s).units, ==, 450000);
  g_assert_cmpint (smm_service_get_max (s), ==, 50000);
  g_assert_cmpint (smm_service_get_refill (s), ==, SMM_TRISTATE_YES);
  g_assert_cmpstr (smm_service_get_description (s), ==, "Real accounts, 30 days refill");
  g_assert_cmpint (smm_service_get_refill (loaded->pdata[1]), ==, SMM_TRISTATE_UNKNOWN);
  g_assert_cmpint (smm_service_get_cancel (loaded->pdata[1]), ==, SMM_TRISTATE_NO);
  g_assert_cmpint (smm_service_get_dripfeed (loaded->pdata[1]), ==, SMM_TRISTATE_UNKNOWN);
  g_assert_cmpint (smm_service_get_service_type (loaded->pdata[1]), ==, SMM_SERVICE_TYPE_CUSTOM_COMMENTS);
  g_assert_cmpint (smm_service_get_service_type (loaded->pdata[2]), ==, SMM_SERVICE_TYPE_UNKNOWN);
  g_assert_cmpstr (smm_service_get_type_name (loaded->pdata[2]), ==, "Story Poll Votes");

  /* a new fetch replaces the old one entirely */
  g_ptr_array_set_size (services, 1);
  g_assert_true (smm_store_save_services (store, smm_account_get_id (account), services, &error));
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = smm_store_load_services (store, smm_account_get_id (account), NULL, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
}

static void
test_order_life (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  gint64 account_id = smm_account_get_id (account);
  g_autoptr(SmmService) service = make_service (1, "Followers", "Default", "0.90", 50, 10000);
  g_autoptr(SmmOrder) order = begin_order (store, account_id, service, "https://instagram.com/nasa", "1000");
  g_autoptr(SmmOrder) stored = NULL;
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) panel_error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER, "gone");
  SmmOrder *reply;
  SmmMoney charge;

  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_SUBMITTING);
  g_assert_cmpint (smm_order_get_id (order), ==, 0);
  g_assert_cmpstr (smm_order_get_link (order), ==, "https://instagram.com/nasa");
  g_assert_cmpint (smm_order_get_quantity (order), ==, 1000);
  g_assert_true (smm_order_get_charge (order, &charge));   /* the estimate */
  g_assert_cmpint (charge.units, ==, 90000000);

  g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 23501, &error));
  /* settled once: a second outcome is refused */
  g_assert_false (smm_store_order_rejected (store, smm_order_get_local_id (order), NULL, &error));
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE);
  g_clear_error (&error);

  stored = smm_store_find_order (store, account_id, 23501, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smm_order_get_status (stored), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_cmpint (smm_order_get_local_id (stored), ==, smm_order_get_local_id (order));

  /* the panel's answers: one change, one unknown to us, and an error for a third */
  reply = smm_order_new (23501);
  smm_order_set_status_text (reply, "In progress");
  smm_order_set_remains (reply, 400);
  smm_order_set_start_count (reply, 3572);
  g_assert_true (smm_money_parse ("0.9", &charge, NULL));
  smm_order_set_charge (reply, &charge);
  smm_order_set_currency (reply, "USD");
  g_ptr_array_add (replies, reply);
  g_ptr_array_add (replies, smm_order_new (99999));
  changed = smm_store_apply_status (store, account_id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (smm_order_get_status (changed->pdata[0]), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_cmpint (smm_order_get_remains (changed->pdata[0]), ==, 400);
  g_assert_cmpint (smm_order_get_start_count (changed->pdata[0]), ==, 3572);
  g_assert_cmpstr (smm_order_get_currency (changed->pdata[0]), ==, "USD");
  g_assert_cmpfloat_with_epsilon (smm_order_get_progress (changed->pdata[0]), 0.6, 1e-9);
  g_clear_pointer (&changed, g_ptr_array_unref);

  /* the same answer again changes nothing */
  changed = smm_store_apply_status (store, account_id, replies, &error);
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);

  /* a per-item error is noted, not fatal */
  g_ptr_array_set_size (replies, 0);
  reply = smm_order_new (23501);
  smm_order_set_error (reply, panel_error);
  g_ptr_array_add (replies, reply);
  changed = smm_store_apply_status (store, account_id, replies, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = smm_store_find_order (store, account_id, 23501, &error);
  g_assert_cmpstr (smm_order_get_error (stored)->message, ==, "gone");
  g_assert_cmpint (smm_order_get_status (stored), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_clear_pointer (&changed, g_ptr_array_unref);

  g_ptr_array_set_size (replies, 0);
  reply = smm_order_new (23501);
  smm_order_set_status_text (reply, "Partial");
  smm_order_set_remains (reply, 100);
  g_ptr_array_add (replies, reply);
  changed = smm_store_apply_status (store, account_id, replies, &error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_null (smm_order_get_error (changed->pdata[0]));

  history = smm_store_get_history (store, smm_order_get_local_id (order), &error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (smm_order_get_status (history->pdata[0]), ==, SMM_ORDER_STATUS_SUBMITTING);
  g_assert_cmpint (smm_order_get_status (history->pdata[1]), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_cmpint (smm_order_get_status (history->pdata[2]), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_cmpint (smm_order_get_remains (history->pdata[2]), ==, 400);
  g_assert_cmpint (smm_order_get_status (history->pdata[3]), ==, SMM_ORDER_STATUS_PARTIAL);

  /* final: not asked again */
  {
    g_autoptr(GArray) active = smm_store_list_active_ids (store, account_id, &error);
    g_assert_cmpuint (active->len, ==, 0);
  }
}

static void
test_outcomes (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  gint64 account_id = smm_account_get_id (account);
  g_autoptr(SmmService) service = make_service (1, "Followers", "Default", "0.90", 50, 10000);
  g_autoptr(SmmOrder) rejected = begin_order (store, account_id, service, "https://instagram.com/a", "100");
  g_autoptr(SmmOrder) lost = begin_order (store, account_id, service, "https://instagram.com/b", "100");
  g_autoptr(SmmOrder) lost2 = begin_order (store, account_id, service, "https://instagram.com/c", "100");
  g_autoptr(GError) funds = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS, "no money");
  g_autoptr(GError) unknown = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN, "lost");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) o = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SmmOrderQuery query = { 0 };

  g_assert_true (smm_store_order_rejected (store, smm_order_get_local_id (rejected), funds, &error));
  g_assert_true (smm_store_order_unconfirmed (store, smm_order_get_local_id (lost), unknown, &error));
  g_assert_true (smm_store_order_unconfirmed (store, smm_order_get_local_id (lost2), unknown, &error));

  o = smm_store_get_order (store, smm_order_get_local_id (rejected), &error);
  g_assert_cmpint (smm_order_get_status (o), ==, SMM_ORDER_STATUS_REJECTED);
  g_assert_cmpstr (smm_order_get_error (o)->message, ==, "no money");
  g_clear_object (&o);

  query.filter = SMM_ORDER_FILTER_STATUS;
  query.status = SMM_ORDER_STATUS_UNCONFIRMED;
  list = smm_store_list_orders (store, &query, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the user finds one on the panel's web site, and not the other */
  g_assert_true (smm_store_resolve_order (store, smm_order_get_local_id (lost), 777, &error));
  g_assert_true (smm_store_discard_order (store, smm_order_get_local_id (lost2), &error));
  g_assert_false (smm_store_resolve_order (store, smm_order_get_local_id (rejected), 778, &error));
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE);
  g_clear_error (&error);

  o = smm_store_find_order (store, account_id, 777, &error);
  g_assert_cmpint (smm_order_get_status (o), ==, SMM_ORDER_STATUS_PENDING);
  g_clear_object (&o);
  o = smm_store_get_order (store, smm_order_get_local_id (lost2), &error);
  g_assert_cmpint (smm_order_get_status (o), ==, SMM_ORDER_STATUS_REJECTED);

  /* the same panel id cannot be given twice */
  {
    g_autoptr(SmmOrder) twice = begin_order (store, account_id, service, "https://instagram.com/d", "100");
    g_assert_false (smm_store_order_placed (store, smm_order_get_local_id (twice), 777, &error));
    g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_EXISTS);
  }
}

static void
test_recovery (void)
{
  g_autofree char *path = store_path ();
  g_autoptr(GError) error = NULL;
  gint64 local_id;

  {
    g_autoptr(SmmStore) store = open_store ();
    g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
    g_autoptr(SmmService) service = make_service (1, "Followers", "Default", "0.90", 50, 10000);
    g_autoptr(SmmOrder) order = begin_order (store, smm_account_get_id (account), service,
                                             "https://instagram.com/a", "100");
    local_id = smm_order_get_local_id (order);
    g_assert_cmpuint (smm_store_get_recovered (store), ==, 0);
    /* …and the process stops before the answer */
  }
  {
    g_autoptr(SmmStore) store = smm_store_open (path, &error);
    g_autoptr(SmmOrder) order = smm_store_get_order (store, local_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (smm_store_get_recovered (store), ==, 1);
    g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_UNCONFIRMED);
    g_assert_nonnull (smm_order_get_error (order));
  }
}

/* Another process opening the history leaves the orders a living one is sending alone. */
static void
test_recovery_spares_the_living (void)
{
  g_autoptr(SmmStore) sender = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (sender, "A", "https://a.example/api/v2", NULL);
  g_autoptr(SmmService) service = make_service (1, "Followers", "Default", "0.90", 50, 10000);
  g_autoptr(SmmOrder) order = begin_order (sender, smm_account_get_id (account), service,
                                           "https://instagram.com/a", "100");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SmmStore) other = open_store ();
    g_autoptr(SmmOrder) seen = smm_store_get_order (other, smm_order_get_local_id (order), &error);

    g_assert_cmpuint (smm_store_get_recovered (other), ==, 0);
    g_assert_cmpint (smm_order_get_status (seen), ==, SMM_ORDER_STATUS_SUBMITTING);
  }
  /* the sender gets its answer and settles its own order */
  g_assert_true (smm_store_order_placed (sender, smm_order_get_local_id (order), 23501, &error));
  g_assert_no_error (error);
}

static void
test_search (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) a = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  g_autoptr(SmmAccount) b = smm_store_add_account (store, "B", "https://b.example/api/v2", NULL);
  g_autoptr(SmmService) followers = make_service (1, "Instagram Followers", "Default", "0.90", 50, 10000);
  g_autoptr(SmmService) views = make_service (2, "TikTok Views", "Default", "0.01", 100, 1000000);
  g_autoptr(GError) error = NULL;
  const char *links[] = { "https://instagram.com/nasa", "https://instagram.com/esa_50%off",
                          "https://tiktok.com/@nasa/video/1" };
  SmmOrderQuery query = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(SmmOrder) o = begin_order (store, smm_account_get_id (i < 2 ? a : b), i < 2 ? followers : views,
                                           links[i], "1000");
      g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (o), 100 + i, &error));
    }

#define COUNT(q) ({ g_autoptr(GPtrArray) _l = smm_store_list_orders (store, (q), &error); g_assert_no_error (error); _l->len; })
  g_assert_cmpuint (COUNT (&query), ==, 3);
  query.search = "nasa";
  g_assert_cmpuint (COUNT (&query), ==, 2);
  query.search = "TikTok";
  g_assert_cmpuint (COUNT (&query), ==, 1);
  query.search = "101";
  g_assert_cmpuint (COUNT (&query), ==, 1);
  query.search = "50%";
  g_assert_cmpuint (COUNT (&query), ==, 1);
  /* "_" and "%" are what they are, not LIKE's wildcards */
  query.search = "_";
  g_assert_cmpuint (COUNT (&query), ==, 1);
  query.search = "%";
  g_assert_cmpuint (COUNT (&query), ==, 1);
  query.search = "a_5";
  g_assert_cmpuint (COUNT (&query), ==, 1);
  query.search = "n_s";   /* LIKE's "_" would match the "nas" of "nasa" */
  g_assert_cmpuint (COUNT (&query), ==, 0);
  query.search = "\\";
  g_assert_cmpuint (COUNT (&query), ==, 0);
  query.search = NULL;
  query.account_id = smm_account_get_id (a);
  g_assert_cmpuint (COUNT (&query), ==, 2);
  query.filter = SMM_ORDER_FILTER_ACTIVE;
  g_assert_cmpuint (COUNT (&query), ==, 2);
  query.filter = SMM_ORDER_FILTER_STATUS;
  query.status = SMM_ORDER_STATUS_COMPLETED;
  g_assert_cmpuint (COUNT (&query), ==, 0);
#undef COUNT
}

static void
test_refills_and_cancels (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  gint64 account_id = smm_account_get_id (account);
  g_autoptr(GPtrArray) refills = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cancels = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_cancel_result_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_REFILL_DISABLED, "no refill");
  g_autoptr(GError) no_answer = smm_api_error_new_no_answer ();
  SmmRefill *r;
  SmmCancelResult *c;

  g_ptr_array_add (refills, smm_refill_new (1, 23501));
  r = smm_refill_new (0, 23502);
  smm_refill_set_error (r, refused);
  g_ptr_array_add (refills, r);
  /* left out of the panel's reply: not a refusal, and nothing to follow: not kept */
  r = smm_refill_new (0, 23503);
  smm_refill_set_error (r, no_answer);
  g_ptr_array_add (refills, r);
  g_assert_true (smm_store_record_refills (store, account_id, refills, &error));
  g_assert_no_error (error);

  list = smm_store_list_refills (store, account_id, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smm_store_list_refills (store, account_id, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (smm_refill_get_id (list->pdata[0]), ==, 1);
  g_assert_cmpint (smm_refill_get_order_id (list->pdata[0]), ==, 23501);
  g_assert_cmpint (smm_refill_get_status (list->pdata[0]), ==, SMM_REFILL_STATUS_PENDING);
  g_clear_pointer (&list, g_ptr_array_unref);

  r = smm_refill_new (1, 0);
  smm_refill_set_status_text (r, "Completed");
  g_ptr_array_add (replies, r);
  changed = smm_store_apply_refill_status (store, account_id, replies, &error);
  g_assert_cmpuint (changed->len, ==, 1);
  list = smm_store_list_refills (store, account_id, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 0);

  c = g_new0 (SmmCancelResult, 1);
  c->order_id = 23501;
  c->accepted = TRUE;
  g_ptr_array_add (cancels, c);
  c = g_new0 (SmmCancelResult, 1);
  c->order_id = 9;
  c->error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER, "Incorrect order ID");
  g_ptr_array_add (cancels, c);
  g_assert_true (smm_store_record_cancels (store, account_id, cancels, &error));
  g_assert_cmpuint (smm_store_count_cancels (store, account_id, TRUE, &error), ==, 1);
  g_assert_cmpuint (smm_store_count_cancels (store, account_id, FALSE, &error), ==, 1);
}

static void
test_import (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER, "?");
  g_autoptr(SmmService) followers = make_service (7, "Instagram Followers", "Default", "0.90", 10, 100000);
  SmmOrder *order = NULL;
  SmmOrder *reply;
  gint64 local_id;

  reply = smm_order_new (500);
  smm_order_set_status_text (reply, "In progress");
  smm_order_set_remains (reply, 10);
  g_ptr_array_add (replies, reply);
  reply = smm_order_new (501);
  smm_order_set_error (reply, unknown);
  g_ptr_array_add (replies, reply);

  added = smm_store_import_orders (store, smm_account_get_id (account), replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpint (smm_order_get_id (added->pdata[0]), ==, 500);
  g_assert_cmpint (smm_order_get_status (added->pdata[0]), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  /* `status` tells neither the service nor the quantity: unknown, never 0 */
  g_assert_cmpint (smm_order_get_service_id (added->pdata[0]), ==, -1);
  g_assert_cmpint (smm_order_get_quantity (added->pdata[0]), ==, -1);
  local_id = smm_order_get_local_id (added->pdata[0]);
  g_clear_pointer (&added, g_ptr_array_unref);

  /* already there: not twice */
  added = smm_store_import_orders (store, smm_account_get_id (account), replies, &error);
  g_assert_cmpuint (added->len, ==, 0);

  /* the user says which service it was */
  g_assert_true (smm_store_attach_service (store, local_id, followers, &error));
  g_assert_no_error (error);
  order = smm_store_get_order (store, local_id, &error);
  g_assert_cmpint (smm_order_get_service_id (order), ==, 7);
  g_assert_cmpstr (smm_order_get_service_name (order), ==, "Instagram Followers");
  g_assert_cmpint (smm_order_get_quantity (order), ==, -1);
  g_clear_object (&order);

  /* an order placed here knows its service */
  order = smm_test_order_begin (store, smm_account_get_id (account), followers, "https://instagram.com/x", "100");
  g_assert_false (smm_store_attach_service (store, smm_order_get_local_id (order), followers, &error));
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE);
  g_clear_object (&order);
}

/* A database of the first schema, with data, opens migrated and whole. */
/* The history as the orders page reads it: ids in any order, orders a page at a time, and the
 * same in a worker */
static void
test_ids_and_pages (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmAccount) a = smm_store_add_account (store, "Panel A", "https://a.example/api/v2", &error);
  g_autoptr(SmmAccount) b = smm_store_add_account (store, "Panel B", "https://b.example/api/v2", &error);
  g_autoptr(SmmService) service = make_service (7, "Instagram Followers", "Default", "0.90", 10, 100000);
  const char *quantities[] = { "300", "100", "500", "200", "400" };
  gint64 ids[5];
  SmmOrderQuery query = { 0 };
  g_autoptr(GArray) newest = NULL;
  g_autoptr(GArray) by_quantity = NULL;
  g_autoptr(GArray) by_quantity_desc = NULL;
  g_autoptr(GArray) from_worker = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 wanted[3];

  for (guint i = 0; i < G_N_ELEMENTS (quantities); i++)
    {
      g_autoptr(SmmOrder) order = begin_order (store, smm_account_get_id (a), service, "https://instagram.com/x",
                                               quantities[i]);
      ids[i] = smm_order_get_local_id (order);
    }
  g_object_unref (begin_order (store, smm_account_get_id (b), service, "https://instagram.com/y", "100"));

  query.account_id = smm_account_get_id (a);
  g_assert_cmpuint (smm_store_count_orders (store, &query, &error), ==, 5);
  newest = smm_store_list_order_ids (store, &query, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, 5);
  /* placed in the same second: the last placed first */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (newest, gint64, i), ==, ids[4 - i]);

  by_quantity = smm_store_list_order_ids (store, &query, "quantity", FALSE, &error);
  by_quantity_desc = smm_store_list_order_ids (store, &query, "quantity", TRUE, &error);
  g_assert_no_error (error);
  /* 100, 200, 300, 400, 500 are orders 1, 3, 0, 4, 2 */
  g_assert_cmpint (g_array_index (by_quantity, gint64, 0), ==, ids[1]);
  g_assert_cmpint (g_array_index (by_quantity, gint64, 1), ==, ids[3]);
  g_assert_cmpint (g_array_index (by_quantity, gint64, 4), ==, ids[2]);
  g_assert_cmpint (g_array_index (by_quantity_desc, gint64, 0), ==, ids[2]);
  g_assert_cmpint (g_array_index (by_quantity_desc, gint64, 4), ==, ids[1]);

  query.account_id = 0;
  g_assert_cmpuint (smm_store_count_orders (store, &query, &error), ==, 6);
  query.filter = SMM_ORDER_FILTER_STATUS;
  query.status = SMM_ORDER_STATUS_UNCONFIRMED;
  g_assert_cmpuint (smm_store_count_orders (store, &query, &error), ==, 0);

  /* a page keeps the order asked for and leaves out what is gone */
  wanted[0] = ids[3];
  wanted[1] = 999999;
  wanted[2] = ids[0];
  page = smm_store_get_orders (store, wanted, G_N_ELEMENTS (wanted), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpint (smm_order_get_local_id (page->pdata[0]), ==, ids[3]);
  g_assert_cmpint (smm_order_get_quantity (page->pdata[0]), ==, 200);
  g_assert_cmpint (smm_order_get_local_id (page->pdata[1]), ==, ids[0]);

  /* the worker reads the same, on a connection of its own */
  query = (SmmOrderQuery) { .account_id = smm_account_get_id (a) };
  smm_store_list_order_ids_async (store, &query, "quantity", TRUE, NULL, async_done_cb, &result);
  from_worker = smm_store_list_order_ids_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (from_worker->data, from_worker->len * sizeof (gint64),
                   by_quantity_desc->data, by_quantity_desc->len * sizeof (gint64));

  /* and writes a catalogue, its search keys made, then reads it back */
  g_ptr_array_add (services, make_service (1, "Instagram Takipçi", "Default", "1.20", 10, 5000));
  g_ptr_array_add (services, g_object_ref (service));
  g_clear_object (&result);
  smm_store_save_services_async (store, smm_account_get_id (a), services, NULL, async_done_cb, &result);
  changes = smm_store_save_services_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);   /* the first fetch of an account changes nothing */
  g_assert_cmpstr (smm_service_get_search_key (services->pdata[0]), ==, "1 instagram takipci instagram followers");
  g_clear_object (&result);
  smm_store_load_services_async (store, smm_account_get_id (a), NULL, async_done_cb, &result);
  cached = smm_store_load_services_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cached->len, ==, 2);
  g_assert_cmpstr (smm_service_get_name (cached->pdata[0]), ==, "Instagram Takipçi");
}

static void
test_migration (void)
{
  g_autofree char *path = store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, smm_store_get_migration (0), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 1;"
    "INSERT INTO accounts (id, name, endpoint, currency, balance, created) "
    "  VALUES (1, 'Old panel', 'https://old.example/api/v2', 'USD', '12.5', 0);"
    "INSERT INTO orders (id, account_id, panel_id, service_id, service_name, service_type, rate, fields, link, "
    "  quantity, status, currency, created, updated) VALUES (1, 1, 4242, 1, 'Followers', 'Default', '0.9', '{}', "
    "  'https://instagram.com/x', 100, 'In progress', 'USD', 0, 0);"
    "INSERT INTO orders (id, account_id, service_id, service_name, service_type, fields, status, created, updated) "
    "  VALUES (2, 1, 1, 'Followers', 'Default', '{}', 'Submitting', 0, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(SmmStore) store = smm_store_open (path, &error);
    g_autoptr(SmmAccount) account = NULL;
    g_autoptr(SmmOrder) order = NULL;
    g_autoptr(SmmOrder) half = NULL;
    g_autoptr(GPtrArray) refills = NULL;
    SmmMoney balance;

    g_assert_no_error (error);
    account = smm_store_find_account (store, "Old panel", &error);
    g_assert_no_error (error);
    g_assert_true (smm_account_get_balance (account, &balance));
    g_assert_cmpint (balance.units, ==, G_GINT64_CONSTANT (1250000000));
    order = smm_store_find_order (store, 1, 4242, &error);
    g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_IN_PROGRESS);
    half = smm_store_get_order (store, 2, &error);
    g_assert_cmpint (smm_order_get_status (half), ==, SMM_ORDER_STATUS_UNCONFIRMED);
    /* the tables of version 2 are there */
    refills = smm_store_list_refills (store, 1, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (refills->len, ==, 0);
  }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SMM_STORE_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
  /* a newer schema than this build knows is refused, not damaged */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autoptr(SmmStore) store = smm_store_open (path, &error);
    g_assert_null (store);
    g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_TOO_NEW);
  }
}

/* A second connection reads while the first is in the middle of writing. */
static void
test_concurrent_reader (void)
{
  g_autoptr(SmmStore) writer = open_store ();
  g_autoptr(SmmStore) reader = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (writer, "A", "https://a.example/api/v2", NULL);
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = store_path ();
  sqlite3 *raw;

  for (guint i = 1; i <= 2000; i++)
    g_ptr_array_add (services, make_service (i, "Followers", "Default", "0.90", 50, 10000));
  g_assert_true (smm_store_save_services (writer, smm_account_get_id (account), services, &error));

  /* a third connection holds a write transaction open, half done */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN IMMEDIATE; DELETE FROM services;", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(GPtrArray) seen = smm_store_load_services (reader, smm_account_get_id (account), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (seen->len, ==, 2000);   /* the last committed state, whole */
  }
  g_assert_cmpint (sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* One object per order while it is held: reads give it, status writes update it in place. */
static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_one_object_per_order (void)
{
  g_autoptr(SmmStore) store = open_store ();
  g_autoptr(SmmAccount) account = smm_store_add_account (store, "A", "https://a.example/api/v2", NULL);
  gint64 account_id = smm_account_get_id (account);
  g_autoptr(SmmService) service = make_service (1, "Followers", "Default", "0.90", 50, 10000);
  g_autoptr(SmmOrder) begun = begin_order (store, account_id, service, "https://instagram.com/a", "100");
  gint64 local_id = smm_order_get_local_id (begun);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  SmmOrder *first, *second, *held;
  guint n_status = 0;

  g_assert_true (smm_store_order_placed (store, local_id, 501, &error));
  g_assert_cmpint (smm_order_get_status (begun), ==, SMM_ORDER_STATUS_PENDING);   /* settled in place */
  first = smm_store_get_order (store, local_id, &error);
  second = smm_store_find_order (store, account_id, 501, &error);
  page = smm_store_get_orders (store, &local_id, 1, &error);
  g_assert_true (first == begun);
  g_assert_true (second == begun);
  g_assert_true (page->pdata[0] == begun);
  g_assert_true (smm_store_peek_order (store, local_id) == begun);
  g_object_unref (first);
  g_object_unref (second);
  g_clear_pointer (&page, g_ptr_array_unref);

  g_signal_connect (begun, "notify::status", G_CALLBACK (count_cb), &n_status);
  g_ptr_array_add (replies, smm_order_new (501));
  smm_order_set_status_text (replies->pdata[0], "In progress");
  smm_order_set_remains (replies->pdata[0], 40);
  changed = smm_store_apply_status (store, account_id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_true (changed->pdata[0] == begun);
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_cmpint (smm_order_get_status (begun), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_cmpint (smm_order_get_remains (begun), ==, 40);
  g_clear_pointer (&changed, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_data (begun, &n_status);

  /* the last reference gone, the next read makes a new object */
  held = g_steal_pointer (&begun);
  g_assert_finalize_object (held);
  g_assert_null (smm_store_peek_order (store, local_id));
  begun = smm_store_get_order (store, local_id, &error);
  g_assert_nonnull (begun);
  g_assert_cmpint (smm_order_get_status (begun), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_true (smm_store_peek_order (store, local_id) == begun);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/accounts", test_accounts);
  g_test_add_func ("/core/store/services-cache", test_services_cache);
  g_test_add_func ("/core/store/order-life", test_order_life);
  g_test_add_func ("/core/store/ids-and-pages", test_ids_and_pages);
  g_test_add_func ("/core/store/outcomes", test_outcomes);
  g_test_add_func ("/core/store/one-object-per-order", test_one_object_per_order);
  g_test_add_func ("/core/store/recovery", test_recovery);
  g_test_add_func ("/core/store/recovery-spares-the-living", test_recovery_spares_the_living);
  g_test_add_func ("/core/store/search", test_search);
  g_test_add_func ("/core/store/refills-and-cancels", test_refills_and_cancels);
  g_test_add_func ("/core/store/import", test_import);
  g_test_add_func ("/core/store/migration", test_migration);
  g_test_add_func ("/core/store/concurrent-reader", test_concurrent_reader);

  return g_test_run ();
}
