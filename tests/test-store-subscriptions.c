/* test-store-subscriptions.c: what the store keeps of a subscription: its posts, expiry and
 * orders, written by status writes (here and on the worker), read back by every read; which of its
 * states are final; the migration that added them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "smm-test-fixture.h"

/* The facts of tests/data/replies/status-subscription-paused.json: the panel sends posts and ids
 * as strings */
#define PAUSED_REPLY "{\"status\":\"Paused\",\"expiry\":\"2027-01-31\",\"posts\":\"3\",\"orders\":[\"9001\",\"9002\"]}"
/* ... and of status-subscription.json: no expiry, no orders yet */
#define ACTIVE_REPLY "{\"status\":\"Active\",\"expiry\":null,\"posts\":\"0\",\"orders\":[]}"

typedef struct {
  SmmStore  *store;
  gint64     account_id;
  SmmOrder  *order;   /* placed as panel order 700 */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmService) service = smm_test_service_new (9, "Instagram", "Auto likes", "Default", "1.00", 10, 1000);
  g_autoptr(GError) error = NULL;

  f->store = smm_test_store_new ();
  account = smm_test_account_add (f->store, "A", "https://a.example/api/v2");
  f->account_id = smm_account_get_id (account);
  f->order = smm_test_order_begin (f->store, f->account_id, service, "https://instagram.com/nasa", "100");
  g_assert_true (smm_store_order_placed (f->store, smm_order_get_local_id (f->order), 700, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->order);
  g_clear_object (&f->store);
}

static GPtrArray *
replies_of (const char *body)
{
  GPtrArray *replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SmmOrder *reply = smm_parse_status (body, strlen (body), 700, &error);

  g_assert_no_error (error);
  g_ptr_array_add (replies, reply);
  return replies;
}

static void
assert_paused (SmmOrder *order)
{
  const gint64 *ids;
  guint n_ids;

  g_assert_true (smm_order_is_subscription (order));
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PAUSED);
  g_assert_cmpint (smm_order_get_posts (order), ==, 3);
  g_assert_cmpstr (smm_order_get_expiry (order), ==, "2027-01-31");
  ids = smm_order_get_sub_orders (order, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, 9001);
  g_assert_cmpint (ids[1], ==, 9002);
}

static gboolean
is_active (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) active = smm_store_list_active_ids (f->store, f->account_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < active->len; i++)
    if (g_array_index (active, gint64, i) == 700)
      return TRUE;
  return FALSE;
}

/* a status write stores posts, expiry and orders; every read, and the live order, has them */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) replies = replies_of (PAUSED_REPLY);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(SmmOrder) found = NULL;
  g_autoptr(SmmStore) other = NULL;
  g_autoptr(SmmOrder) fresh = NULL;
  g_autoptr(GError) error = NULL;
  SmmOrderQuery query = { f->account_id, SMM_ORDER_FILTER_ACTIVE, 0, NULL, 0 };

  g_assert_false (smm_order_is_subscription (f->order));
  changed = smm_store_apply_status (f->store, f->account_id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_true (changed->pdata[0] == f->order);   /* the live one, updated in place */
  assert_paused (f->order);

  found = smm_store_find_order (f->store, f->account_id, 700, &error);
  assert_paused (found);
  page = smm_store_list_orders (f->store, &query, &error);
  g_assert_no_error (error);
  assert_paused (page->pdata[0]);

  /* the same answer changes nothing */
  g_clear_pointer (&changed, g_ptr_array_unref);
  changed = smm_store_apply_status (f->store, f->account_id, replies, &error);
  g_assert_cmpuint (changed->len, ==, 0);

  /* another connection reads them from the file, not from a live object */
  other = smm_test_store_open (smm_store_get_path (f->store));
  fresh = smm_store_find_order (other, f->account_id, 700, &error);
  g_assert_no_error (error);
  g_assert_true (fresh != f->order);
  assert_paused (fresh);
}

/* an answer that tells less (no expiry) keeps what was known; a new count of posts is a change */
static void
test_less_told (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) paused = replies_of (PAUSED_REPLY);
  g_autoptr(GPtrArray) active = replies_of (ACTIVE_REPLY);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ids;

  g_ptr_array_unref (smm_store_apply_status (f->store, f->account_id, paused, &error));
  changed = smm_store_apply_status (f->store, f->account_id, active, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (smm_order_get_status (f->order), ==, SMM_ORDER_STATUS_ACTIVE);
  g_assert_cmpint (smm_order_get_posts (f->order), ==, 0);
  g_assert_cmpstr (smm_order_get_expiry (f->order), ==, "2027-01-31");
  /* "orders": [] is told: none any more */
  g_assert_null (smm_order_get_sub_orders (f->order, &n_ids));
  g_assert_cmpuint (n_ids, ==, 0);
  g_assert_true (smm_order_is_subscription (f->order));
}

/* Active and Paused are tracked; Expired is final */
static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) active = replies_of (ACTIVE_REPLY);
  g_autoptr(GPtrArray) paused = replies_of (PAUSED_REPLY);
  g_autoptr(GPtrArray) expired = replies_of ("{\"status\":\"Expired\",\"posts\":\"12\"}");
  g_autoptr(GError) error = NULL;

  g_ptr_array_unref (smm_store_apply_status (f->store, f->account_id, active, &error));
  g_assert_true (is_active (f));
  g_ptr_array_unref (smm_store_apply_status (f->store, f->account_id, paused, &error));
  g_assert_true (is_active (f));
  g_ptr_array_unref (smm_store_apply_status (f->store, f->account_id, expired, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smm_order_get_status (f->order), ==, SMM_ORDER_STATUS_EXPIRED);
  g_assert_cmpint (smm_order_get_posts (f->order), ==, 12);
  g_assert_false (is_active (f));
}

/* the worker's path writes them too, and the live order learns them on the main thread */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) replies = replies_of (PAUSED_REPLY);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  smm_store_apply_status_async (f->store, f->account_id, replies, NULL, smm_test_result_cb, &result);
  changed = smm_store_apply_status_finish (f->store, smm_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_true (changed->pdata[0] == f->order);
  assert_paused (f->order);
}

/* an import of a subscription keeps its shape */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) replies = replies_of (PAUSED_REPLY);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;

  smm_order_set_id (replies->pdata[0], 701);
  added = smm_store_import_orders (f->store, f->account_id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
  assert_paused (added->pdata[0]);
}

/* A store of schema 6 with orders opens migrated: its rows kept, no subscription made up, and an
 * expired one out of the orders to track */
static void
test_migration (void)
{
  g_autofree char *path = smm_test_store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(GArray) active = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (SMM_STORE_SCHEMA_VERSION, ==, 7);
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 0; v < 6; v++)
    g_assert_cmpint (sqlite3_exec (db, smm_store_get_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 6;"
    "INSERT INTO accounts (id, name, endpoint, created) VALUES (1, 'Old panel', 'https://old.example/api/v2', 0);"
    "INSERT INTO orders (id, account_id, panel_id, service_id, service_name, service_type, fields, quantity, "
    "  remains, status, created, updated) VALUES (1, 1, 4242, 1, 'Followers', 'Default', '{}', 100, 40, "
    "  'In progress', 0, 0);"
    "INSERT INTO orders (id, account_id, panel_id, service_id, service_name, service_type, fields, status, "
    "  created, updated) VALUES (2, 1, 4243, 2, 'Auto likes', 'Subscriptions', '{}', 'Expired', 0, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = smm_store_open (path, &error);
  g_assert_no_error (error);
  order = smm_store_find_order (store, 1, 4242, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smm_order_get_remains (order), ==, 40);
  g_assert_cmpint (smm_order_get_posts (order), ==, -1);
  g_assert_null (smm_order_get_expiry (order));
  g_assert_false (smm_order_is_subscription (order));
  active = smm_store_list_active_ids (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (active->len, ==, 1);
  g_assert_cmpint (g_array_index (active, gint64, 0), ==, 4242);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/store-subscriptions/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("less-told", test_less_told);
  ADD ("states", test_states);
  ADD ("async", test_async);
  ADD ("import", test_import);
#undef ADD
  g_test_add_func ("/core/store-subscriptions/migration", test_migration);

  return g_test_run ();
}
