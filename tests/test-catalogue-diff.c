/* test-catalogue-diff.c: what changed between two fetches of a catalogue, and how it is kept */
#include "config.h"

#include <sqlite3.h>

#include "smm-catalogue-change.h"
#include "smm-test-fixture.h"

static SmmService *
make (gint64      id,
      const char *name,
      const char *rate)
{
  return smm_test_service_new (id, "Instagram Followers", name, "Default", rate, 0, 0);
}

static GPtrArray *
catalogue (SmmService *first,
           ...)
{
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (SmmService *s = first; s; s = va_arg (args, SmmService *))
    g_ptr_array_add (services, s);
  va_end (args);
  return services;
}

static SmmCatalogueChange *
change_at (GPtrArray     *changes,
           guint          i,
           SmmChangeKind  kind,
           gint64         service_id)
{
  SmmCatalogueChange *change;

  g_assert_cmpuint (i, <, changes->len);
  change = changes->pdata[i];
  g_assert_cmpint (smm_catalogue_change_get_kind (change), ==, kind);
  g_assert_cmpint (smm_catalogue_change_get_service_id (change), ==, service_id);
  return change;
}

static void
test_diff (void)
{
  g_autoptr(GPtrArray) before = catalogue (make (1, "Instagram Followers [HQ]", "0.90"),
                                           make (2, "Instagram Likes", "0.12"),
                                           make (3, "TikTok Views", "0.008"),
                                           make (4, "YouTube Views", "1.90"),
                                           make (7, "Old name", "5"),
                                           NULL);
  g_autoptr(GPtrArray) after = catalogue (make (1, "Instagram Followers [HQ]", "0.99"),     /* +10 % */
                                          make (2, "Instagram Likes", "0.12"),              /* the same */
                                          make (4, "YouTube Views", "1.425"),               /* −25 % */
                                          make (5, "Instagram Türk Takipçi", "3.75"),       /* new */
                                          make (7, "New name", "4"),                        /* both */
                                          make (5, "Instagram Türk Takipçi (again)", "9"),  /* listed twice */
                                          NULL);
  g_autoptr(GPtrArray) changes = smm_catalogue_diff (before, after);
  g_autoptr(GPtrArray) none = NULL;
  SmmCatalogueChange *c;
  SmmMoney old_rate, new_rate;
  gint64 bp;

  g_assert_cmpuint (changes->len, ==, 6);
  c = change_at (changes, 0, SMM_CHANGE_ADDED, 5);
  g_assert_cmpstr (smm_catalogue_change_get_name (c), ==, "Instagram Türk Takipçi");
  g_assert_false (smm_catalogue_change_get_old_rate (c, NULL));
  g_assert_true (smm_catalogue_change_get_new_rate (c, &new_rate));
  g_assert_cmpint (new_rate.units, ==, 375000000);

  c = change_at (changes, 1, SMM_CHANGE_REMOVED, 3);
  g_assert_cmpstr (smm_catalogue_change_get_name (c), ==, "TikTok Views");
  g_assert_true (smm_catalogue_change_get_old_rate (c, &old_rate));
  g_assert_cmpint (old_rate.units, ==, 800000);
  g_assert_false (smm_catalogue_change_get_new_rate (c, NULL));

  c = change_at (changes, 2, SMM_CHANGE_PRICE, 1);
  g_assert_true (smm_catalogue_change_get_old_rate (c, &old_rate));
  g_assert_true (smm_catalogue_change_get_new_rate (c, &new_rate));
  g_assert_cmpint (old_rate.units, ==, 90000000);
  g_assert_cmpint (new_rate.units, ==, 99000000);
  g_assert_true (smm_catalogue_change_get_basis_points (c, &bp));
  g_assert_cmpint (bp, ==, 1000);
  g_assert_cmpfloat_with_epsilon (smm_catalogue_change_get_percent (c), 10.0, 1e-9);

  c = change_at (changes, 3, SMM_CHANGE_PRICE, 4);
  g_assert_true (smm_catalogue_change_get_basis_points (c, &bp));
  g_assert_cmpint (bp, ==, -2500);
  c = change_at (changes, 4, SMM_CHANGE_PRICE, 7);
  g_assert_true (smm_catalogue_change_get_basis_points (c, &bp));
  g_assert_cmpint (bp, ==, -2000);
  c = change_at (changes, 5, SMM_CHANGE_RENAMED, 7);
  g_assert_cmpstr (smm_catalogue_change_get_old_name (c), ==, "Old name");
  g_assert_cmpstr (smm_catalogue_change_get_name (c), ==, "New name");
  g_assert_false (smm_catalogue_change_get_basis_points (c, &bp));

  /* the same catalogue: nothing */
  none = smm_catalogue_diff (before, before);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_basis_points (void)
{
  g_autoptr(SmmCatalogueChange) change = smm_catalogue_change_new (SMM_CHANGE_PRICE, 1, "x", "y");
  SmmMoney a = { 3 }, b = { 4 }, zero = { 0 };
  gint64 bp;

  /* 3 → 4 units: +33.33 %, exact integers, no double on the way */
  smm_catalogue_change_set_rates (change, &a, &b);
  g_assert_true (smm_catalogue_change_get_basis_points (change, &bp));
  g_assert_cmpint (bp, ==, 3333);
  /* from free: no percentage */
  smm_catalogue_change_set_rates (change, &zero, &b);
  g_assert_false (smm_catalogue_change_get_basis_points (change, &bp));
  g_assert_cmpfloat (smm_catalogue_change_get_percent (change), ==, 0.0);
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = smm_test_store_open (NULL);
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Demo", "https://demo.example/api/v2");
  g_autoptr(SmmAccount) other = smm_test_account_add (store, "Other", "https://other.example/api/v2");
  gint64 id = smm_account_get_id (account);
  g_autoptr(GPtrArray) first = catalogue (make (1, "Instagram Followers", "0.90"),
                                          make (2, "Instagram Likes", "0.12"),
                                          make (3, "TikTok Views", "0.008"), NULL);
  g_autoptr(GPtrArray) second = catalogue (make (1, "Instagram Followers", "1.08"),
                                           make (2, "Instagram Likes", "0.10"),
                                           make (4, "YouTube Views", "1.90"), NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(SmmOrderRequest) request = NULL;
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) future = g_date_time_add_hours (now, 1);

  g_assert_no_error (error);

  /* the first fetch is no change */
  g_assert_true (smm_store_save_services_full (store, id, first, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* the user orders service 1, and (on another account) service 3 */
  request = smm_test_request_new (first->pdata[0], "https://instagram.com/nasa", "100");
  order = smm_store_begin_order (store, id, first->pdata[0], request, &error);
  g_assert_no_error (error);
  g_clear_object (&order);
  order = smm_store_begin_order (store, smm_account_get_id (other), first->pdata[2], request, &error);
  g_assert_no_error (error);

  g_assert_true (smm_store_save_services_full (store, id, second, &changes, &error));
  g_assert_cmpuint (changes->len, ==, 4);
  /* added 4, removed 3, price 1 and 2 */
  g_assert_false (smm_catalogue_change_is_notable (change_at (changes, 0, SMM_CHANGE_ADDED, 4)));
  /* service 3 was ordered, but on the other account: nothing to tell */
  g_assert_false (smm_catalogue_change_get_ordered_before (change_at (changes, 1, SMM_CHANGE_REMOVED, 3)));
  g_assert_true (smm_catalogue_change_get_ordered_before (change_at (changes, 2, SMM_CHANGE_PRICE, 1)));
  g_assert_true (smm_catalogue_change_is_notable (changes->pdata[2]));
  g_assert_cmpint (smm_catalogue_change_get_account_id (changes->pdata[2]), ==, id);
  g_assert_nonnull (smm_catalogue_change_get_seen (changes->pdata[2]));
  g_assert_false (smm_catalogue_change_is_notable (change_at (changes, 3, SMM_CHANGE_PRICE, 2)));

  /* the cache is the new catalogue */
  {
    g_autoptr(GPtrArray) cached = smm_store_load_services (store, id, NULL, &error);
    g_assert_cmpuint (cached->len, ==, 3);
    g_assert_cmpint (smm_service_get_rate (cached->pdata[0]).units, ==, 108000000);
  }

  /* an empty answer records nothing and a fetch without change neither */
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (smm_store_save_services_full (store, id, second, &changes, &error));
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (smm_store_save_services_full (store, id, empty, &changes, &error));
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (smm_store_save_services (store, id, second, &error));

  /* kept with their date */
  listed = smm_store_list_changes (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 4);
  g_assert_true (smm_catalogue_change_get_ordered_before (change_at (listed, 2, SMM_CHANGE_PRICE, 1)));
  {
    SmmMoney old_rate, new_rate;
    g_assert_true (smm_catalogue_change_get_old_rate (listed->pdata[2], &old_rate));
    g_assert_true (smm_catalogue_change_get_new_rate (listed->pdata[2], &new_rate));
    g_assert_cmpint (old_rate.units, ==, 90000000);
    g_assert_cmpint (new_rate.units, ==, 108000000);
    g_assert_cmpfloat_with_epsilon (smm_catalogue_change_get_percent (listed->pdata[2]), 20.0, 1e-9);
  }
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = smm_store_list_changes (store, smm_account_get_id (other), NULL, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = smm_store_list_changes (store, id, future, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  smm_test_assert_finalized (g_steal_pointer (&store));
}

/* A history of schema 3 gains the changes table and the category of orders. */
static void
test_migration (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "smm-desk", "v3.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) services = catalogue (make (1, "Instagram Followers", "0.80"), NULL);
  sqlite3 *db;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint v = 0; v < 3; v++)
    g_assert_cmpint (sqlite3_exec (db, smm_store_get_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA user_version = 3;"
    "INSERT INTO accounts (id, name, endpoint, currency, created) VALUES (1, 'Old', 'https://o.example/api/v2', 'USD', 0);"
    "INSERT INTO service_fetches (account_id, fetched) VALUES (1, 0);"
    "INSERT INTO services (account_id, service_id, position, name, type, category, rate, min, max, refill, cancel, "
    "  dripfeed) VALUES (1, 1, 0, 'Instagram Followers', 'Default', 'Instagram', '0.9', 10, 100, 1, 0, 0);"
    "INSERT INTO orders (id, account_id, panel_id, service_id, service_name, service_type, fields, status, "
    "  created, updated) VALUES (1, 1, 77, 1, 'Instagram Followers', 'Default', '{}', 'Completed', 0, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = smm_store_open (path, &error);
  g_assert_no_error (error);
  /* the cache written by the old version is the base of the first diff */
  g_assert_true (smm_store_save_services_full (store, 1, services, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (smm_catalogue_change_is_notable (change_at (changes, 0, SMM_CHANGE_PRICE, 1)));
  smm_test_assert_finalized (g_steal_pointer (&store));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/catalogue/diff", test_diff);
  g_test_add_func ("/core/catalogue/basis-points", test_basis_points);
  g_test_add_func ("/core/catalogue/store", test_store);
  g_test_add_func ("/core/catalogue/migration", test_migration);

  return g_test_run ();
}
