/* test-order-list.c: the order history as the orders page's list sees it: what each load tells
 * the view, and how the list grows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-order-list"

#include "config.h"

#include <string.h>

#include "smm-order-list.h"
#include "smm-test-fixture.h"

#define STEP  8     /* rows told per turn of the main loop while the list grows (smm-list-mode.c) */
#define EAGER 200   /* past these, the rest at once */

typedef struct {
  SmmStore        *store;
  gint64           account_id;
  SmmOrderList    *list;
  SmmTestRecorder *recorder;
  gboolean         loaded;
} Fixture;

/* SMM_DESK_LIST_MODE=plain and unpaced tell of every row at once */
static gboolean
is_paced (void)
{
  const char *mode = g_getenv ("SMM_DESK_LIST_MODE");

  return g_strcmp0 (mode, "plain") != 0 && g_strcmp0 (mode, "unpaced") != 0;
}

static gint64
panel_id_of (gpointer item)
{
  return smm_order_get_id (SMM_ORDER (item));
}

static void
loaded_cb (SmmOrderList *list,
           Fixture      *f)
{
  f->loaded = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SmmAccount) account = NULL;

  /* a file, so that the store's worker reads the same orders on its own connection */
  f->store = smm_test_store_new ();
  account = smm_test_account_add (f->store, "Demo", "https://demo.example/api/v2");
  f->account_id = smm_account_get_id (account);
  f->list = smm_order_list_new (f->store);
  g_signal_connect (f->list, "loaded", G_CALLBACK (loaded_cb), f);
  f->recorder = smm_test_recorder_new (G_LIST_MODEL (f->list), panel_id_of);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  smm_test_recorder_free (f->recorder);
  g_assert_finalize_object (f->list);
  /* the store's worker lets go of it a moment after its last answer */
  smm_test_assert_finalized (f->store);
}

/* Orders placed elsewhere, imported with the panel's ids @first to @last and @status */
static void
import (Fixture    *f,
        gint64      first,
        gint64      last,
        const char *status)
{
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;

  for (gint64 id = first; id <= last; id++)
    {
      SmmOrder *reply = smm_order_new (id);

      smm_order_set_status_text (reply, status);
      smm_order_set_remains (reply, 1000);
      g_ptr_array_add (replies, reply);
    }
  added = smm_store_import_orders (f->store, f->account_id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, last - first + 1);
}

/* The panel's new status of the order @panel_id */
static void
apply_status (Fixture    *f,
              gint64      panel_id,
              const char *status,
              gint64      remains)
{
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  SmmOrder *reply = smm_order_new (panel_id);

  smm_order_set_status_text (reply, status);
  smm_order_set_remains (reply, remains);
  g_ptr_array_add (replies, reply);
  changed = smm_store_apply_status (f->store, f->account_id, replies, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
}

static void
load (Fixture        *f,
      SmmOrderFilter  filter,
      SmmOrderStatus  status,
      const char     *sort_key,
      gboolean        descending)
{
  SmmOrderQuery query = { f->account_id, filter, status, NULL, 0 };

  f->loaded = FALSE;
  smm_order_list_load (f->list, &query, sort_key, descending);
  while (!f->loaded)
    g_main_context_iteration (NULL, TRUE);
}

/* Turns the main loop until the list tells of every order */
static void
grow (Fixture *f)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (f->list)) < smm_order_list_get_n_orders (f->list))
    g_main_context_iteration (NULL, TRUE);
}

static SmmOrder *
order_at (Fixture *f,
          guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (f->list), position);
}

/* The first load tells of the orders the query selects, newest first. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SmmOrder) first = NULL;

  import (f, 101, 105, "In progress");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == SMM_TYPE_ORDER);

  load (f, SMM_ORDER_FILTER_ALL, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "0 -0 +5", "105 104 103 102 101");
  g_assert_cmpuint (smm_order_list_get_n_orders (f->list), ==, 5);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 5));
  first = order_at (f, 0);
  g_assert_cmpint (smm_order_get_account_id (first), ==, f->account_id);
  g_assert_cmpint (smm_order_get_status (first), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_cmpint (smm_order_get_remains (first), ==, 1000);

  /* the same load again changes nothing, and says so */
  load (f, SMM_ORDER_FILTER_ALL, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "", "105 104 103 102 101");
}

/* A filter that leaves some orders out tells only of the part between what stays the same. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  guint position;

  import (f, 101, 101, "Completed");
  import (f, 102, 102, "In progress");
  import (f, 103, 103, "Completed");
  import (f, 104, 104, "In progress");
  import (f, 105, 106, "Completed");
  load (f, SMM_ORDER_FILTER_ALL, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "0 -0 +6", "106 105 104 103 102 101");

  /* 106 105 stay at the top, 101 at the end: 104 103 102 become 103 */
  load (f, SMM_ORDER_FILTER_STATUS, SMM_ORDER_STATUS_COMPLETED, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "2 -3 +1", "106 105 103 101");
  g_assert_cmpuint (smm_order_list_get_n_orders (f->list), ==, 4);
  g_assert_false (smm_order_list_find (f->list, 4, &position));   /* local id 4 is panel id 104 */
  g_assert_true (smm_order_list_find (f->list, 3, &position));
  g_assert_cmpuint (position, ==, 2);

  load (f, SMM_ORDER_FILTER_ACTIVE, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "0 -4 +2", "104 102");

  /* and back */
  load (f, SMM_ORDER_FILTER_ALL, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "0 -2 +6", "106 105 104 103 102 101");
}

/* A sort the other way round tells of every order again, the orders read kept. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SmmOrder) lowest = NULL;
  g_autoptr(SmmOrder) moved = NULL;

  import (f, 101, 105, "In progress");
  load (f, SMM_ORDER_FILTER_ALL, 0, "id", FALSE);
  smm_test_recorder_assert (f->recorder, "0 -0 +5", "101 102 103 104 105");
  lowest = order_at (f, 0);

  load (f, SMM_ORDER_FILTER_ALL, 0, "id", TRUE);
  smm_test_recorder_assert (f->recorder, "0 -5 +5", "105 104 103 102 101");
  /* the row that moved shows the same order, not a copy */
  moved = order_at (f, 4);
  g_assert_true (moved == lowest);
}

/* A new order, and an order that leaves the query, are told alone; orders on screen follow
 * their new status in place. */
static void
test_new_and_removed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SmmOrder) order_102 = NULL;
  g_autoptr(SmmOrder) order_104 = NULL;
  g_autoptr(SmmOrder) after = NULL;

  import (f, 101, 104, "In progress");
  load (f, SMM_ORDER_FILTER_ACTIVE, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "0 -0 +4", "104 103 102 101");
  order_104 = order_at (f, 0);
  order_102 = order_at (f, 2);

  /* a new order arrives on top */
  import (f, 105, 105, "Pending");
  load (f, SMM_ORDER_FILTER_ACTIVE, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "0 -0 +1", "105 104 103 102 101");
  after = order_at (f, 1);
  g_assert_true (after == order_104);
  g_clear_object (&after);

  /* 103 is done: it leaves the active orders; 102 moves on, on the row that shows it */
  apply_status (f, 103, "Completed", 0);
  apply_status (f, 102, "In progress", 400);
  load (f, SMM_ORDER_FILTER_ACTIVE, 0, NULL, FALSE);
  smm_test_recorder_assert (f->recorder, "2 -1 +0", "105 104 102 101");
  after = order_at (f, 2);
  g_assert_true (after == order_102);
  g_assert_cmpint (smm_order_get_remains (order_102), ==, 400);
}

/* The list tells of a few orders a turn of the main loop, up to EAGER, then of the rest. */
static void
test_pacing (Fixture       *f,
             gconstpointer  data)
{
  guint n_items, turns = 0;
  g_autofree char *changes = NULL;
  g_autofree char *values = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  import (f, 1, 500, "Completed");
  load (f, SMM_ORDER_FILTER_ALL, 0, "id", FALSE);
  g_assert_cmpuint (smm_order_list_get_n_orders (f->list), ==, 500);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n_items, ==, is_paced () ? STEP : 500);

  while (n_items < 500)
    {
      guint was = n_items;

      g_main_context_iteration (NULL, TRUE);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (f->list));
      g_assert_cmpuint (n_items, >=, was);
      if (n_items > was)
        turns++;
    }
  g_assert_cmpuint (turns, ==, is_paced () ? (EAGER - STEP) / STEP + 1 : 0);

  /* what the changes told adds up to the whole list, in order */
  if (is_paced ())
    {
      for (guint told = 0; told < EAGER; told += STEP)
        g_string_append_printf (expected, "%u -0 +%u, ", told, STEP);
      g_string_append_printf (expected, "%u -0 +%u", EAGER, 500 - EAGER);
    }
  else
    g_string_append (expected, "0 -0 +500");
  changes = smm_test_recorder_take_changes (f->recorder);
  g_assert_cmpstr (changes, ==, expected->str);
  values = smm_test_list_dup_values (G_LIST_MODEL (f->list), panel_id_of);
  g_assert_true (g_str_has_prefix (values, "1 2 3 4 5 6 7 8 9 10 "));
  g_assert_true (g_str_has_suffix (values, " 498 499 500"));
  smm_test_recorder_assert (f->recorder, "", values);
}

/* Loading again while the list grows starts again from the top. */
static void
test_load_while_growing (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *changes = NULL;

  if (!is_paced ())
    {
      g_test_skip ("the list tells of every order at once");
      return;
    }
  import (f, 1, 100, "Completed");
  load (f, SMM_ORDER_FILTER_ALL, 0, NULL, FALSE);
  g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 2 * STEP);
  changes = smm_test_recorder_take_changes (f->recorder);
  g_assert_cmpstr (changes, ==, "0 -0 +8, 8 -0 +8");

  /* the answer comes on a context of its own, so that the list does not grow meanwhile */
  {
    g_autoptr(GMainContext) context = g_main_context_new ();
    SmmOrderQuery query = { f->account_id, SMM_ORDER_FILTER_ALL, 0, NULL, 0 };

    g_main_context_push_thread_default (context);
    f->loaded = FALSE;
    smm_order_list_load (f->list, &query, "id", FALSE);
    while (!f->loaded)
      g_main_context_iteration (context, TRUE);
    g_main_context_pop_thread_default (context);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, STEP);
  smm_test_recorder_assert (f->recorder, "0 -16 +8", "1 2 3 4 5 6 7 8");
  grow (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 100);
}

/* An order wanted before the list told of it (a notification's "Show") is told of at once. */
static void
test_find_ahead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SmmOrder) order = NULL;
  g_autofree char *changes = NULL;
  guint position = 0;

  import (f, 1, 300, "Completed");
  load (f, SMM_ORDER_FILTER_ALL, 0, "id", FALSE);
  g_assert_true (smm_order_list_find (f->list, 250, &position));
  g_assert_cmpuint (position, ==, 249);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 300);
  order = order_at (f, position);
  g_assert_cmpint (smm_order_get_local_id (order), ==, 250);
  g_assert_cmpint (smm_order_get_id (order), ==, 250);
  changes = smm_test_recorder_take_changes (f->recorder);
  g_assert_cmpstr (changes, ==, is_paced () ? "0 -0 +8, 8 -0 +292" : "0 -0 +300");
  g_assert_false (smm_order_list_find (f->list, 301, &position));

  /* nothing is left to tell */
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_pointer (&changes, g_free);
  changes = smm_test_recorder_take_changes (f->recorder);
  g_assert_cmpstr (changes, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/ui/order-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("filter", test_filter);
  ADD ("sort", test_sort);
  ADD ("new-and-removed", test_new_and_removed);
  ADD ("pacing", test_pacing);
  ADD ("load-while-growing", test_load_while_growing);
  ADD ("find-ahead", test_find_ahead);
#undef ADD
  return g_test_run ();
}
