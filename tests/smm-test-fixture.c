/* smm-test-fixture.c: what the test programs make the same way: services, stores, accounts,
 * a simulated panel, and the wait for an async result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-test-fixture"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>

#include "smm-test-fixture.h"

/* A service of @type between @min and @max at @rate; no category when @category is NULL */
SmmService *
smm_test_service_new (gint64      id,
                      const char *category,
                      const char *name,
                      const char *type,
                      const char *rate,
                      gint64      min,
                      gint64      max)
{
  SmmService *service = smm_service_new (id, name);
  SmmMoney money;

  g_assert_true (smm_money_parse (rate, &money, NULL));
  if (category)
    smm_service_set_category (service, category);
  smm_service_set_type_name (service, type);
  smm_service_set_rate (service, money);
  smm_service_set_min (service, min);
  smm_service_set_max (service, max);
  return service;
}

/* A service as a catalogue lists most of them: "Default", 10 to 10,000 */
SmmService *
smm_test_listed_service_new (gint64      id,
                             const char *category,
                             const char *name,
                             const char *rate,
                             gboolean    refill)
{
  SmmService *service = smm_test_service_new (id, category, name, "Default", rate, 10, 10000);

  smm_service_set_refill (service, refill);
  return service;
}

/* Service 7, "Test service", of @type; an unknown type has a name no type has */
SmmService *
smm_test_typed_service_new (SmmServiceType  type,
                            const char     *rate,
                            gint64          min,
                            gint64          max)
{
  const char *wire = type == SMM_SERVICE_TYPE_UNKNOWN ? "Story Poll Votes" : smm_service_type_to_string (type);

  return smm_test_service_new (7, "Instagram", "Test service", wire, rate, min, max);
}

/* The store's file in this test's own data folder, which the test framework removes after it */
char *
smm_test_store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "test", "smm-desk.db", NULL);
}

/* A store in smm_test_store_path() */
SmmStore *
smm_test_store_new (void)
{
  g_autofree char *path = smm_test_store_path ();

  return smm_test_store_open (path);
}

/* The store at @path, or in memory when @path is NULL */
SmmStore *
smm_test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmmStore *store = smm_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

SmmAccount *
smm_test_account_add (SmmStore   *store,
                      const char *name,
                      const char *endpoint)
{
  g_autoptr(GError) error = NULL;
  SmmAccount *account = smm_store_add_account (store, name, endpoint, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return account;
}

/* An order of @quantity of @service for @link */
SmmOrderRequest *
smm_test_request_new (SmmService *service,
                      const char *link,
                      const char *quantity)
{
  SmmOrderRequest *request = smm_order_request_new_for_service (service);

  smm_order_request_set (request, SMM_FIELD_LINK, link);
  smm_order_request_set (request, SMM_FIELD_QUANTITY, quantity);
  return request;
}

/* The order of smm_test_request_new(), written in @store as about to be sent */
SmmOrder *
smm_test_order_begin (SmmStore   *store,
                      gint64      account_id,
                      SmmService *service,
                      const char *link,
                      const char *quantity)
{
  g_autoptr(SmmOrderRequest) request = smm_test_request_new (service, link, quantity);
  g_autoptr(GError) error = NULL;
  SmmOrder *order = smm_store_begin_order (store, account_id, service, request, &error);

  g_assert_no_error (error);
  return order;
}

/* A new folder in the temporary folder, named after @tmpl ("smm-XXXXXX") */
char *
smm_test_dir_new (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return path;
}

/* Removes @path and everything in it */
void
smm_test_dir_remove (const char *path)
{
  g_autoptr(GDir) entries = g_dir_open (path, 0, NULL);
  const char *name;

  while (entries && (name = g_dir_read_name (entries)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        smm_test_dir_remove (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The callback of an _async call: keeps a reference on @result in the GAsyncResult * at @data */
void
smm_test_result_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  GAsyncResult **out = data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Iterates the main context until smm_test_result_cb() set @result; the result stays @result's */
GAsyncResult *
smm_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Runs what is ready on the main context, such as a client's last callbacks */
void
smm_test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

/* Drops the caller's reference to @object, and asserts that it is finalized: at once, or as soon
 * as a worker thread lets go of it (g_assert_finalize_object() for objects that threads use) */
void
smm_test_assert_finalized (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (g_atomic_pointer_get (&weak) != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (g_atomic_pointer_get (&weak));
}

/* A simulated panel that takes @key and holds @balance, not started yet */
SmmSim *
smm_test_sim_new (const char *key,
                  const char *balance)
{
  SmmSim *sim = smm_sim_new ();

  smm_sim_set_key (sim, key);
  smm_sim_set_balance (sim, balance);
  return sim;
}

/* Starts @sim on a free port, on this thread's main context or on its own thread */
void
smm_test_sim_start (SmmSim   *sim,
                    gboolean  threaded)
{
  g_autoptr(GError) error = NULL;

  if (threaded)
    g_assert_true (smm_sim_start_threaded (sim, 0, &error));
  else
    g_assert_true (smm_sim_start (sim, 0, &error));
  g_assert_no_error (error);
}

static void
placed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = data;
  gint64 id = smm_client_add_finish (SMM_CLIENT (object), result, &error);

  g_assert_no_error (error);
  g_array_append_val (ids, id);
}

/**
 * smm_test_place_on_panel:
 *
 * Places @n_orders orders of @service on the panel of @client, a few at a time (libsoup's queue is
 * not made for ten thousand waiting messages), and records them in @store, account @account_id, as
 * placed and pending, in one transaction (placing them one by one is the store test's business).
 *
 * Returns: (transfer full) (element-type gint64): the panel's ids, in the order they came
 */
GArray *
smm_test_place_on_panel (SmmClient  *client,
                         SmmStore   *store,
                         gint64      account_id,
                         SmmService *service,
                         guint       n_orders)
{
  GArray *ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_orders);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n_orders; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/load%u", i);
      g_autoptr(SmmOrderRequest) request = smm_test_request_new (service, link, "1000");

      smm_client_add_async (client, request, NULL, placed_cb, ids);
      while (i + 1 - ids->len >= 32)
        g_main_context_iteration (NULL, TRUE);
    }
  while (ids->len < n_orders)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (sqlite3_open (smm_store_get_path (store), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "INSERT INTO orders (account_id, panel_id, service_id, service_name, service_type, "
                          "fields, link, quantity, status, created, updated) VALUES (?1, ?2, ?3, ?4, "
                          "'Default', '{}', 'https://instagram.com/load', 1000, 'Pending', 0, 0)", -1, &stmt, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, smm_service_get_id (service));
      sqlite3_bind_text (stmt, 4, smm_service_get_name (service), -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return ids;
}

/* Stops @sim and drops it: nothing else may hold it */
void
smm_test_sim_stop (SmmSim *sim)
{
  smm_sim_stop (sim);
  g_assert_finalize_object (sim);
}

/* A client of @sim, with its key, that retries once and soon */
SmmClient *
smm_test_client_new (SmmSim *sim)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = smm_sim_dup_url (sim);
  g_autofree char *key = smm_sim_dup_key (sim);
  SmmClient *client = smm_client_new (url, &error);

  g_assert_no_error (error);
  smm_client_set_key (client, key);
  smm_client_set_retry (client, 1, 10, 10);
  return client;
}

/* A panel on the simulator (not threaded) with @balance, the account "Demo" on it in a store
 * in memory, its client, and a tracker and order actions that use them */
void
smm_test_panel_set_up (SmmTestPanel *panel,
                       const char   *balance)
{
  g_autoptr(SmmAccount) account = NULL;
  g_autofree char *url = NULL;

  panel->sim = smm_test_sim_new ("key", balance);
  smm_test_sim_start (panel->sim, FALSE);
  url = smm_sim_dup_url (panel->sim);
  panel->store = smm_test_store_open (NULL);
  account = smm_test_account_add (panel->store, "Demo", url);
  panel->account_id = smm_account_get_id (account);
  panel->client = smm_test_client_new (panel->sim);
  panel->pool = smm_client_pool_new (NULL);
  smm_client_pool_set_client (panel->pool, panel->account_id, panel->client);
  panel->tracker = smm_tracker_new (panel->store, panel->pool);
  panel->actions = smm_order_actions_new (panel->store, panel->pool);
}

/* Drops what smm_test_panel_set_up() made, the panel last: none of it may outlive the test */
void
smm_test_panel_tear_down (SmmTestPanel *panel)
{
  g_assert_finalize_object (g_steal_pointer (&panel->tracker));
  g_assert_finalize_object (g_steal_pointer (&panel->actions));
  g_assert_finalize_object (g_steal_pointer (&panel->pool));
  /* let the client's last callbacks run before the panel goes */
  smm_test_drain_main_context ();
  smm_test_assert_finalized (g_steal_pointer (&panel->client));
  smm_test_assert_finalized (g_steal_pointer (&panel->store));
  smm_test_sim_stop (g_steal_pointer (&panel->sim));
}

/* Places an order of @quantity of @service for @link on the panel, as the app does.
 * Returns: (transfer full): the order, or %NULL with @error set */
SmmOrder *
smm_test_panel_place (SmmTestPanel  *panel,
                      SmmService    *service,
                      const char    *link,
                      const char    *quantity,
                      GError       **error)
{
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  g_autoptr(SmmPlacement) placement = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  smm_order_request_set (request, SMM_FIELD_LINK, link);
  smm_order_request_set (request, SMM_FIELD_QUANTITY, quantity);
  placement = smm_placement_new (panel->actions, panel->account_id, service, request);
  smm_placement_run_async (placement, NULL, smm_test_result_cb, &result);
  if (!smm_placement_run_finish (placement, smm_test_wait_result (&result), error))
    return NULL;
  return g_object_ref (smm_placement_get_order (placement));
}

/* How many of the account's orders have @status in @store */
guint
smm_test_count_orders (SmmStore       *store,
                       gint64          account_id,
                       SmmOrderStatus  status)
{
  SmmOrderQuery query = { account_id, SMM_ORDER_FILTER_STATUS, status, NULL, 0 };
  g_autoptr(GPtrArray) orders = smm_store_list_orders (store, &query, NULL);

  return orders->len;
}

static void
recorder_items_changed_cb (GListModel      *model,
                           guint            position,
                           guint            removed,
                           guint            added,
                           SmmTestRecorder *self)
{
  g_assert_cmpuint (position + removed, <=, self->mirror->len);
  g_ptr_array_remove_range (self->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->mirror, position + i, g_list_model_get_item (model, position + i));
  /* what the changes told adds up to what the model holds */
  g_assert_cmpuint (self->mirror->len, ==, g_list_model_get_n_items (model));
  g_string_append_printf (self->changes, "%s%u -%u +%u", self->changes->len ? ", " : "",
                          position, removed, added);
}

/* Follows @model's items-changed from now on, with the items it holds now */
SmmTestRecorder *
smm_test_recorder_new (GListModel       *model,
                       SmmTestValueFunc  value)
{
  SmmTestRecorder *self = g_new0 (SmmTestRecorder, 1);
  guint n = g_list_model_get_n_items (model);

  self->model = model;
  self->value = value;
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->mirror, g_list_model_get_item (model, i));
  self->changes = g_string_new (NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (recorder_items_changed_cb), self);
  return self;
}

void
smm_test_recorder_free (SmmTestRecorder *self)
{
  g_signal_handlers_disconnect_by_func (self->model, recorder_items_changed_cb, self);
  g_ptr_array_unref (self->mirror);
  g_string_free (self->changes, TRUE);
  g_free (self);
}

/* Returns: the changes recorded since the last call, "0 -0 +8, 8 -0 +8" */
char *
smm_test_recorder_take_changes (SmmTestRecorder *self)
{
  char *changes = g_strdup (self->changes->str);

  g_string_truncate (self->changes, 0);
  return changes;
}

static char *
dup_values (GPtrArray        *items,
            SmmTestValueFunc  value)
{
  GString *values = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (values, "%s%" G_GINT64_FORMAT, i ? " " : "", value (items->pdata[i]));
  return g_string_free (values, FALSE);
}

/* Returns: the values of @model's items, "105 104 103" */
char *
smm_test_list_dup_values (GListModel       *model,
                          SmmTestValueFunc  value)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return dup_values (items, value);
}

/* Asserts the changes recorded since the last look (unless @changes is NULL), and that both the
 * model and what a view following it holds show @values */
void
smm_test_recorder_assert (SmmTestRecorder *self,
                          const char      *changes,
                          const char      *values)
{
  g_autofree char *recorded = smm_test_recorder_take_changes (self);
  g_autofree char *in_model = smm_test_list_dup_values (self->model, self->value);
  g_autofree char *in_view = dup_values (self->mirror, self->value);

  if (changes)
    g_assert_cmpstr (recorded, ==, changes);
  g_assert_cmpstr (in_model, ==, values);
  g_assert_cmpstr (in_view, ==, values);
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, GPOINTER_TO_INT (data));
}

/* A launcher of child processes that get @signal when the test ends, even when an assertion
 * aborts it */
GSubprocessLauncher *
smm_test_launcher_new (GSubprocessFlags flags,
                       int              signal)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, GINT_TO_POINTER (signal), NULL);
  return launcher;
}
