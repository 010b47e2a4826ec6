/* test-store-worker.c: the store's worker: jobs in order, results on the main context, a batch of
 * statuses written off the main thread as on it, a store let go of with jobs queued, and a
 * catalogue saved without touching the main thread's services, its changes kept when cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "smm-service-private.h"
#include "smm-store.h"

#define N_ORDERS 3

/* A store with one account and N_ORDERS placed orders, panel ids 101, 102, … */
typedef struct {
  SmmStore   *store;
  gint64      account_id;
  gint64      local_ids[N_ORDERS];
  GPtrArray  *done;       /* the source tags of the jobs, in the order their results came */
  GThread    *main_thread;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "worker", "smm-desk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmService) service = smm_service_new (7, "Followers");
  SmmMoney rate;

  fixture->store = smm_store_open (path, &error);
  g_assert_no_error (error);
  account = smm_store_add_account (fixture->store, "Panel", "https://panel.example/api/v2", &error);
  g_assert_no_error (error);
  fixture->account_id = smm_account_get_id (account);
  g_assert_true (smm_money_parse ("0.90", &rate, NULL));
  smm_service_set_type_name (service, "Default");
  smm_service_set_rate (service, rate);
  for (guint i = 0; i < N_ORDERS; i++)
    {
      g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
      g_autoptr(SmmOrder) order = NULL;

      smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/x");
      smm_order_request_set (request, SMM_FIELD_QUANTITY, "1000");
      order = smm_store_begin_order (fixture->store, fixture->account_id, service, request, &error);
      g_assert_no_error (error);
      fixture->local_ids[i] = smm_order_get_local_id (order);
      g_assert_true (smm_store_order_placed (fixture->store, fixture->local_ids[i], 101 + i, &error));
    }
  fixture->done = g_ptr_array_new ();
  fixture->main_thread = g_thread_self ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* the worker lets go of its jobs on the main context, after their callbacks */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->store)
    g_assert_finalize_object (fixture->store);
  g_ptr_array_unref (fixture->done);
}

/* The panel's answer to `status`: @status for every order, @remains left of each */
static GPtrArray *
replies_new (const char *status,
             gint64      remains)
{
  GPtrArray *replies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_ORDERS; i++)
    {
      SmmOrder *reply = smm_order_new (101 + i);

      smm_order_set_status_text (reply, status);
      smm_order_set_remains (reply, remains);
      g_ptr_array_add (replies, reply);
    }
  return replies;
}

typedef struct {
  Fixture      *fixture;
  GAsyncResult *result;
} Waiting;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  Waiting *waiting = data;

  /* on the main context, in the thread that asked */
  g_assert_true (g_thread_self () == waiting->fixture->main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_ptr_array_add (waiting->fixture->done, g_task_get_source_tag (G_TASK (result)));
  waiting->result = g_object_ref (result);
}

static void
wait_for (Waiting *waiting)
{
  while (waiting->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* A read asked after a write runs after it, and sees it; the results come back in the same order. */
static void
test_jobs_in_order (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) replies = replies_new ("In progress", 400);
  SmmOrderQuery query = { .account_id = fixture->account_id, .filter = SMM_ORDER_FILTER_STATUS,
                          .status = SMM_ORDER_STATUS_IN_PROGRESS };
  Waiting write = { fixture, NULL }, read = { fixture, NULL }, count = { fixture, NULL };
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  smm_store_apply_status_async (fixture->store, fixture->account_id, replies, NULL, done_cb, &write);
  smm_store_list_orders_async (fixture->store, &query, NULL, done_cb, &read);
  smm_store_list_order_ids_async (fixture->store, &query, "quantity", FALSE, NULL, done_cb, &count);
  wait_for (&count);
  wait_for (&read);
  wait_for (&write);

  g_assert_cmpuint (fixture->done->len, ==, 3);
  g_assert_true (fixture->done->pdata[0] == smm_store_apply_status_async);
  g_assert_true (fixture->done->pdata[1] == smm_store_list_orders_async);
  g_assert_true (fixture->done->pdata[2] == smm_store_list_order_ids_async);

  changed = smm_store_apply_status_finish (fixture->store, write.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, N_ORDERS);
  orders = smm_store_list_orders_finish (fixture->store, read.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, N_ORDERS);
  g_assert_cmpint (smm_order_get_remains (orders->pdata[0]), ==, 400);
  ids = smm_store_list_order_ids_finish (fixture->store, count.result, &error);
  g_assert_cmpuint (ids->len, ==, N_ORDERS);
  g_object_unref (write.result);
  g_object_unref (read.result);
  g_object_unref (count.result);
}

/* On the worker, a batch of statuses is written and answered as on the main thread. */
static void
test_apply_status_async (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) partial = replies_new ("Partial", 250);
  g_autoptr(GPtrArray) completed = replies_new ("Completed", 0);
  g_autoptr(GPtrArray) by_worker = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) by_main = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  Waiting waiting = { fixture, NULL };

  /* the first two orders on the worker, the last one on the main thread */
  g_ptr_array_remove_index (partial, N_ORDERS - 1);
  smm_store_apply_status_async (fixture->store, fixture->account_id, partial, NULL, done_cb, &waiting);
  wait_for (&waiting);
  by_worker = smm_store_apply_status_finish (fixture->store, waiting.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiting.result);
  g_ptr_array_set_size (partial, 0);
  g_ptr_array_add (partial, smm_order_new (101 + N_ORDERS - 1));
  smm_order_set_status_text (partial->pdata[0], "Partial");
  smm_order_set_remains (partial->pdata[0], 250);
  by_main = smm_store_apply_status (fixture->store, fixture->account_id, partial, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (by_worker->len, ==, 2);
  g_assert_cmpuint (by_main->len, ==, 1);
  for (guint i = 0; i < by_worker->len; i++)
    {
      SmmOrder *order = by_worker->pdata[i];

      g_assert_cmpint (smm_order_get_local_id (order), ==, fixture->local_ids[i]);
      g_assert_cmpint (smm_order_get_status (order), ==, smm_order_get_status (by_main->pdata[0]));
      g_assert_cmpint (smm_order_get_remains (order), ==, smm_order_get_remains (by_main->pdata[0]));
      g_assert_cmpstr (smm_order_get_link (order), ==, smm_order_get_link (by_main->pdata[0]));
    }
  history = smm_store_get_history (fixture->store, fixture->local_ids[0], &error);
  g_assert_cmpuint (history->len, ==, 3);   /* submitting, pending, partial */

  /* the same answer again changes nothing, and says so */
  g_ptr_array_remove_index (completed, 0);
  smm_store_apply_status_async (fixture->store, fixture->account_id, completed, NULL, done_cb, &waiting);
  wait_for (&waiting);
  again = smm_store_apply_status_finish (fixture->store, waiting.result, &error);
  g_assert_cmpuint (again->len, ==, 2);
  g_clear_object (&waiting.result);
  g_clear_pointer (&again, g_ptr_array_unref);
  smm_store_apply_status_async (fixture->store, fixture->account_id, completed, NULL, done_cb, &waiting);
  wait_for (&waiting);
  again = smm_store_apply_status_finish (fixture->store, waiting.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_object (&waiting.result);
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  guint *n_done = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changed = smm_store_apply_status_finish (SMM_STORE (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changed);
  (*n_done)++;
}

/* The caller lets go of the store with jobs queued: each job still runs and answers, and the store
 * goes after the last one. */
static void
test_finalize_with_jobs (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_strdup (smm_store_get_path (fixture->store));
  const char *statuses[] = { "Pending", "In progress", "Partial", "Completed" };
  g_autoptr(SmmStore) reopened = NULL;
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  SmmStore *store = fixture->store;
  guint n_done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GPtrArray) replies = replies_new (statuses[i], 100 * (3 - i));
      smm_store_apply_status_async (store, fixture->account_id, replies, NULL, count_cb, &n_done);
    }
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_clear_object (&fixture->store);
  g_assert_nonnull (store);   /* held by its jobs */

  while (store != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_done, ==, G_N_ELEMENTS (statuses));

  reopened = smm_store_open (path, &error);
  g_assert_no_error (error);
  order = smm_store_get_order (reopened, fixture->local_ids[0], &error);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_COMPLETED);
  g_assert_cmpint (smm_order_get_remains (order), ==, 0);
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    data)
{
  Fixture *fixture = data;

  g_assert_true (g_thread_self () == fixture->main_thread);
  g_ptr_array_add (fixture->done, (gpointer) pspec->name);
}

/* The worker never touches a live order: the _finish updates it, on the main thread. */
static void
test_live_order_updated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) replies = replies_new ("Completed", 0);
  g_autoptr(SmmOrder) held = smm_store_get_order (fixture->store, fixture->local_ids[0], NULL);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  Waiting waiting = { fixture, NULL };

  g_signal_connect (held, "notify::status", G_CALLBACK (notified_cb), fixture);
  smm_store_apply_status_async (fixture->store, fixture->account_id, replies, NULL, done_cb, &waiting);
  wait_for (&waiting);
  g_assert_cmpint (smm_order_get_status (held), ==, SMM_ORDER_STATUS_PENDING);   /* not yet */
  changed = smm_store_apply_status_finish (fixture->store, waiting.result, &error);
  g_assert_no_error (error);
  g_assert_true (changed->pdata[0] == held);
  g_assert_cmpint (smm_order_get_status (held), ==, SMM_ORDER_STATUS_COMPLETED);
  g_assert_cmpuint (fixture->done->len, ==, 2);   /* the task, then notify::status */
  g_assert_cmpstr (fixture->done->pdata[1], ==, "status");
  g_signal_handlers_disconnect_by_data (held, fixture);
  g_object_unref (waiting.result);
}

/* The fixture's service 7, ordered before, at @rate a 1000 */
static GPtrArray *
catalogue_new (const char *rate)
{
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);
  SmmService *service = smm_service_new (7, "Followers");
  SmmMoney money;

  g_assert_true (smm_money_parse (rate, &money, NULL));
  smm_service_set_type_name (service, "Default");
  smm_service_set_category (service, "Instagram");
  smm_service_set_rate (service, money);
  g_ptr_array_add (services, service);
  return services;
}

/* Blocks the main thread (its context not run, so no result comes back) until the worker has
 * committed a change of the catalogue */
static void
wait_for_commit (Fixture *fixture)
{
  for (guint tries = 0; tries < 10000; tries++)
    {
      g_autoptr(GPtrArray) changes = smm_store_list_changes (fixture->store, fixture->account_id, NULL, NULL);

      if (changes && changes->len > 0)
        return;
      g_usleep (1000);
    }
  g_assert_not_reached ();
}

/* Caches the catalogue at 0.90 a 1000, then saves it at 1.20 on the worker with @cancellable and,
 * unless that is cancelled already, blocks until the worker has committed it: the main context not
 * run, the save has not returned yet. Returns: (transfer container): the catalogue at 1.20 */
static GPtrArray *
save_price_rise (Fixture      *fixture,
                 GCancellable *cancellable,
                 Waiting      *waiting)
{
  g_autoptr(GPtrArray) old = catalogue_new ("0.90");
  GPtrArray *fresh = catalogue_new ("1.20");

  g_assert_true (smm_store_save_services (fixture->store, fixture->account_id, old, NULL));
  smm_store_save_services_async (fixture->store, fixture->account_id, fresh, cancellable, done_cb, waiting);
  if (!g_cancellable_is_cancelled (cancellable))
    wait_for_commit (fixture);
  return fresh;
}

/* What the save returned: the change of price, notable (service 7 was ordered before) */
static void
assert_price_rise (Fixture *fixture,
                   Waiting *waiting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 basis_points = 0;

  wait_for (waiting);
  changes = smm_store_save_services_finish (fixture->store, waiting->result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (smm_catalogue_change_is_notable (changes->pdata[0]));
  g_assert_true (smm_catalogue_change_get_basis_points (changes->pdata[0], &basis_points));
  g_assert_cmpint (basis_points, ==, 3333);
  g_clear_object (&waiting->result);
}

/* The worker makes the search keys in its own memory; the services get them on the main thread,
 * in the _finish, and not before. */
static void
test_save_services_keys (Fixture       *fixture,
                         gconstpointer  data)
{
  Waiting waiting = { fixture, NULL };
  g_autoptr(GPtrArray) fresh = save_price_rise (fixture, NULL, &waiting);

  g_usleep (50000);   /* the worker is past its commit: in the old code, it had written the keys */
  g_assert_false (_smm_service_has_search_key (fresh->pdata[0]));
  assert_price_rise (fixture, &waiting);
  g_assert_true (_smm_service_has_search_key (fresh->pdata[0]));
  g_assert_cmpstr (smm_service_get_search_key (fresh->pdata[0]), ==, "7 followers instagram");
}

/* Cancelled after its commit, a save still hands over the change of price it recorded: it is told
 * once, now, or never. */
static void
test_save_services_cancelled_after_commit (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Waiting waiting = { fixture, NULL };
  g_autoptr(GPtrArray) fresh = save_price_rise (fixture, cancellable, &waiting);

  g_cancellable_cancel (cancellable);
  assert_price_rise (fixture, &waiting);
}

/* Cancelled before it runs, a save records nothing: the catalogue and its changes stay as they were. */
static void
test_save_services_cancelled_before (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GError) error = NULL;
  Waiting waiting = { fixture, NULL };
  SmmMoney old_rate;

  g_cancellable_cancel (cancellable);
  fresh = save_price_rise (fixture, cancellable, &waiting);
  wait_for (&waiting);
  changes = smm_store_save_services_finish (fixture->store, waiting.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (changes);
  g_clear_error (&error);
  changes = smm_store_list_changes (fixture->store, fixture->account_id, NULL, &error);
  g_assert_cmpuint (changes->len, ==, 0);
  cached = smm_store_load_services (fixture->store, fixture->account_id, NULL, &error);
  g_assert_true (smm_money_parse ("0.90", &old_rate, NULL));
  g_assert_cmpint (smm_money_compare (smm_service_get_rate (cached->pdata[0]), old_rate), ==, 0);
  g_object_unref (waiting.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/store/worker/in-order", Fixture, NULL, fixture_set_up, test_jobs_in_order, fixture_tear_down);
  g_test_add ("/core/store/worker/apply-status", Fixture, NULL, fixture_set_up, test_apply_status_async,
              fixture_tear_down);
  g_test_add ("/core/store/worker/live-order", Fixture, NULL, fixture_set_up, test_live_order_updated,
              fixture_tear_down);
  g_test_add ("/core/store/worker/finalize-with-jobs", Fixture, NULL, fixture_set_up, test_finalize_with_jobs,
              fixture_tear_down);
  g_test_add ("/core/store/worker/save-services-keys", Fixture, NULL, fixture_set_up, test_save_services_keys,
              fixture_tear_down);
  g_test_add ("/core/store/worker/save-services-cancelled-after-commit", Fixture, NULL, fixture_set_up,
              test_save_services_cancelled_after_commit, fixture_tear_down);
  g_test_add ("/core/store/worker/save-services-cancelled-before", Fixture, NULL, fixture_set_up,
              test_save_services_cancelled_before, fixture_tear_down);
  return g_test_run ();
}
