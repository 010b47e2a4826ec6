/* test-store-recovery.c: a history that survives: damaged files said in words, the journal of placed orders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "smm-placement.h"
#include "smm-test-fixture.h"

/* A history at the tests' path with an account and @n orders in it, closed */
static char *
make_history (guint n)
{
  g_autofree char *path = smm_test_store_path ();
  g_autoptr(SmmStore) store = smm_test_store_open (path);
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");
  g_autoptr(SmmService) service = smm_test_service_new (1, "Instagram", "Followers", "Default", "0.90", 50, 10000);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/account-%u-with-a-long-name", i);
      g_autoptr(SmmOrder) order = smm_test_order_begin (store, smm_account_get_id (account), service, link, "100");

      g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 1000 + i, NULL));
    }
  return g_steal_pointer (&path);
}

static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = smm_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, SMM_STORE_ERROR, code);
  g_test_message ("%s", error->message);
}

/* Random bytes written over pages in the middle of a real history: found when it opens */
static void
test_garbage_pages (void)
{
  g_autofree char *path = make_history (300);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  guint8 page[4096];
  int fd;

  for (guint i = 0; i < sizeof page; i++)
    page[i] = g_rand_int_range (rand, 0, 256);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (off_t p = 3; p <= 5; p++)
    g_assert_cmpint (pwrite (fd, page, sizeof page, p * sizeof page), ==, sizeof page);
  close (fd);

  assert_open_fails (path, SMM_STORE_ERROR_CORRUPT);
}

/* A text file, garbage, a truncated history: each a clear error, never a history opened blank */
static void
test_not_a_history (void)
{
  g_autofree char *path = make_history (300);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  assert_open_fails (path, SMM_STORE_ERROR_CORRUPT);

  g_assert_true (g_file_set_contents (path, "Orders to place on Monday:\n23501 23502\n", -1, NULL));
  assert_open_fails (path, SMM_STORE_ERROR_CORRUPT);
}

static void
test_read_only_folder (void)
{
  g_autofree char *path = make_history (1);
  g_autofree char *dir = g_path_get_dirname (path);

  if (geteuid () == 0)
    {
      g_test_skip ("root writes in any folder");
      return;
    }
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  assert_open_fails (path, SMM_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

static char *
journal_contents (const char *path)
{
  g_autofree char *journal = g_strconcat (path, ".journal-orders", NULL);
  char *contents = NULL;

  g_file_get_contents (journal, &contents, NULL, NULL);
  return contents;
}

/* The panel took the order but the disk was full: the id is kept in memory, in the journal and on
 * screen, and after a restart the order is placed, with its id. */
static void
test_journal_replayed (void)
{
  g_autofree char *path = smm_test_store_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  gint64 local_id;

  {
    g_autoptr(SmmStore) store = smm_test_store_open (path);
    g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");
    g_autoptr(SmmService) service = smm_test_service_new (1, "Instagram", "Followers", "Default", "0.90", 50, 10000);
    g_autoptr(SmmOrder) order = smm_test_order_begin (store, smm_account_get_id (account), service,
                                                      "https://instagram.com/nasa", "100");
    g_autoptr(SmmOrder) again = NULL;

    local_id = smm_order_get_local_id (order);
    g_setenv ("SMM_DESK_STORE_FAULT", "settle", TRUE);
    g_assert_false (smm_store_order_placed (store, local_id, 12345, &error));
    g_unsetenv ("SMM_DESK_STORE_FAULT");
    g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_SAVED);
    g_assert_nonnull (strstr (error->message, "12345"));
    g_clear_error (&error);

    /* on screen: the id, and that it is not saved yet; read again, the same */
    g_assert_cmpint (smm_order_get_id (order), ==, 12345);
    g_assert_cmpstr (smm_order_get_status_text (order), ==, "Placed as #12345, not yet saved");
    g_clear_object (&order);
    again = smm_store_get_order (store, local_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (smm_order_get_id (again), ==, 12345);
    g_assert_cmpstr (smm_order_get_status_text (again), ==, "Placed as #12345, not yet saved");

    journal = journal_contents (path);
    g_assert_nonnull (journal);
    g_assert_true (g_str_has_prefix (journal, "1 12345 "));
    /* …and the process is killed */
  }
  {
    g_autoptr(SmmStore) store = smm_store_open (path, &error);
    g_autoptr(SmmOrder) order = NULL;
    g_autofree char *left = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (smm_store_get_replayed (store), ==, 1);
    g_assert_cmpuint (smm_store_get_recovered (store), ==, 0);
    order = smm_store_get_order (store, local_id, &error);
    g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PENDING);
    g_assert_cmpint (smm_order_get_id (order), ==, 12345);
    g_assert_null (smm_order_get_error (order));
    left = journal_contents (path);
    g_assert_null (left);
  }
}

/* Neither the database nor the journal could be written: memory holds the id, and the next
 * write of the history writes it. */
static void
test_journal_in_memory (void)
{
  g_autoptr(SmmStore) store = smm_test_store_new ();
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Panel One", "https://a.example/api/v2");
  g_autoptr(SmmService) service = smm_test_service_new (1, "Instagram", "Followers", "Default", "0.90", 50, 10000);
  g_autoptr(SmmOrder) first = smm_test_order_begin (store, smm_account_get_id (account), service,
                                                    "https://instagram.com/a", "100");
  g_autoptr(SmmOrder) second = smm_test_order_begin (store, smm_account_get_id (account), service,
                                                     "https://instagram.com/b", "100");
  g_autoptr(GError) error = NULL;

  g_setenv ("SMM_DESK_STORE_FAULT", "settle,journal", TRUE);
  g_assert_false (smm_store_order_placed (store, smm_order_get_local_id (first), 777, &error));
  g_unsetenv ("SMM_DESK_STORE_FAULT");
  g_assert_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "777"));
  g_clear_error (&error);
  g_assert_cmpint (smm_order_get_id (first), ==, 777);
  g_assert_cmpstr (smm_order_get_status_text (first), ==, "Placed as #777, not yet saved");

  /* the disk has room again */
  g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (second), 778, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smm_order_get_status (first), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_cmpint (smm_order_get_id (first), ==, 777);
  g_assert_cmpint (smm_test_count_orders (store, smm_account_get_id (account), SMM_ORDER_STATUS_PENDING), ==, 2);
}

/* Placing with the simulator: the panel's id survives a failed write, and the placement succeeds
 * (the order was placed: "Place Order" is not offered again for it). */
static void
test_placement_keeps_the_id (void)
{
  SmmTestPanel panel = { 0 };
  g_autoptr(SmmService) service = smm_service_new (1, "Instagram Followers");
  g_autoptr(SmmOrderRequest) request = NULL;
  g_autoptr(SmmPlacement) placement = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SmmOrder *order;

  smm_test_panel_set_up (&panel, "1000.00");
  smm_service_set_rate (service, (SmmMoney) { 90000000 });
  smm_service_set_min (service, 50);
  smm_service_set_max (service, 10000);
  request = smm_test_request_new (service, "https://instagram.com/nasa", "100");
  placement = smm_placement_new (panel.actions, panel.account_id, service, request);

  g_setenv ("SMM_DESK_STORE_FAULT", "settle", TRUE);
  smm_placement_run_async (placement, NULL, smm_test_result_cb, &result);
  g_assert_true (smm_placement_run_finish (placement, smm_test_wait_result (&result), &error));
  g_unsetenv ("SMM_DESK_STORE_FAULT");
  g_assert_no_error (error);
  order = smm_placement_get_order (placement);
  g_assert_cmpint (smm_order_get_id (order), >, 0);
  g_assert_nonnull (strstr (smm_order_get_status_text (order), "not yet saved"));
  g_assert_cmpint (smm_test_count_orders (panel.store, panel.account_id, SMM_ORDER_STATUS_SUBMITTING), ==, 1);

  g_clear_object (&result);
  g_clear_object (&placement);
  smm_test_panel_tear_down (&panel);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store-recovery/garbage-pages", test_garbage_pages);
  g_test_add_func ("/core/store-recovery/not-a-history", test_not_a_history);
  g_test_add_func ("/core/store-recovery/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/store-recovery/journal-replayed", test_journal_replayed);
  g_test_add_func ("/core/store-recovery/journal-in-memory", test_journal_in_memory);
  g_test_add_func ("/core/store-recovery/placement-keeps-the-id", test_placement_keeps_the_id);

  return g_test_run ();
}
