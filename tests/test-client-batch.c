/* test-client-batch.c: the client's batches of ids against the panel simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-client-util.h"

/* 250 ids are 3 requests of at most 100; unknown ids come back as per-item errors. */
static void
test_batches (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 placed[3];
  guint n_ok = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/user%u", i);
      placed[i] = add (f, 1, link, "100", &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 247; i++)
    {
      gint64 id = 900000 + i;
      g_array_append_val (ids, id);
    }
  g_array_append_vals (ids, placed, 3);
  /* a repeated id is asked once */
  g_array_append_val (ids, placed[0]);

  orders = status (f, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "status"), ==, 3);
  g_assert_cmpuint (orders->len, ==, 250);
  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrder *o = orders->pdata[i];
      gint64 id = smm_order_get_id (o);

      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      if (id >= 900000)
        g_assert_error ((GError *) smm_order_get_error (o), SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER);
      else
        {
          g_assert_null (smm_order_get_error (o));
          n_ok++;
        }
    }
  g_assert_cmpuint (n_ok, ==, 3);
}


/* What one batch reported. */
typedef struct {
  GPtrArray *items;   /* nullable */
  GError    *error;   /* nullable */
  GArray    *ids;
} Report;

static void
report_free (Report *report)
{
  g_clear_pointer (&report->items, g_ptr_array_unref);
  g_clear_error (&report->error);
  g_array_unref (report->ids);
  g_free (report);
}

typedef struct {
  Fixture   *fixture;
  GPtrArray *reports;
} Reports;

static void
each_cb (SmmClient    *client,
         GPtrArray    *items,
         const GError *error,
         const gint64 *ids,
         guint         n_ids,
         gpointer      data)
{
  Reports *reports = data;
  Report *report = g_new0 (Report, 1);

  g_assert_true (client == reports->fixture->client);
  /* every batch comes before the finish */
  g_assert_null (reports->fixture->result);
  /* an answer or an error, never both */
  g_assert_true ((items == NULL) != (error == NULL));
  report->items = items ? g_ptr_array_ref (items) : NULL;
  report->error = error ? g_error_copy (error) : NULL;
  report->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (report->ids, ids, n_ids);
  g_ptr_array_add (reports->reports, report);
}

static GArray *
unknown_ids (guint n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      gint64 id = 900000 + i;
      g_array_append_val (ids, id);
    }
  return ids;
}

/* Each of the 250 ids is in exactly one report; returns the reports' sizes, sorted. */
static void
assert_each_id_once (GPtrArray *reports,
                     GArray    *ids,
                     guint     *sizes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint r = 0; r < reports->len; r++)
    {
      Report *report = reports->pdata[r];

      sizes[r] = report->ids->len;
      for (guint i = 0; i < report->ids->len; i++)
        {
          gint64 *id = &g_array_index (report->ids, gint64, i);

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_contains (seen, &g_array_index (ids, gint64, i)));
  /* three numbers: a tiny sort */
  for (guint i = 0; i + 1 < reports->len; i++)
    for (guint j = i + 1; j < reports->len; j++)
      if (sizes[j] > sizes[i])
        {
          guint t = sizes[i];
          sizes[i] = sizes[j];
          sizes[j] = t;
        }
}

static gboolean
id_in (GArray *ids,
       gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Asks for status (or refill_status) a batch at a time; returns what each batch reported. */
static GPtrArray *
run_each (Fixture       *f,
          gboolean       refills,
          GArray        *ids,
          GCancellable  *cancellable,
          GError       **error)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) report_free);
  Reports reports = { f, list };
  gboolean ok;

  if (refills)
    {
      smm_client_refill_status_each_async (f->client, (gint64 *) ids->data, ids->len, each_cb, &reports,
                                           cancellable, result_cb, f);
      ok = smm_client_refill_status_each_finish (f->client, wait_result (f), error);
    }
  else
    {
      smm_client_status_each_async (f->client, (gint64 *) ids->data, ids->len, each_cb, &reports,
                                    cancellable, result_cb, f);
      ok = smm_client_status_each_finish (f->client, wait_result (f), error);
    }
  g_assert_true (ok == (*error == NULL));
  return list;
}

/* Three batches of 100, 100 and 50 for @action, each reported once, each answered with an item an id. */
static void
assert_three_answered (Fixture    *f,
                       const char *action,
                       GPtrArray  *list,
                       GArray     *ids,
                       GType       item_type)
{
  guint sizes[3];

  g_assert_cmpuint (smm_sim_get_request_count (f->sim, action), ==, 3);
  g_assert_cmpuint (list->len, ==, 3);
  assert_each_id_once (list, ids, sizes);
  g_assert_cmpuint (sizes[0], ==, 100);
  g_assert_cmpuint (sizes[1], ==, 100);
  g_assert_cmpuint (sizes[2], ==, 50);
  for (guint r = 0; r < list->len; r++)
    {
      Report *report = list->pdata[r];

      g_assert_no_error (report->error);
      g_assert_cmpuint (report->items->len, ==, report->ids->len);
      for (guint i = 0; i < report->items->len; i++)
        g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (report->items->pdata[i], item_type));
    }
}

/* 250 ids are 3 batches of 100, 100 and 50, each reported once with its orders, before the finish. */
static void
test_status_each (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = unknown_ids (250);
  g_autoptr(GPtrArray) list = run_each (f, FALSE, ids, NULL, &error);

  g_assert_no_error (error);
  assert_three_answered (f, "status", list, ids, SMM_TYPE_ORDER);
  for (guint r = 0; r < list->len; r++)
    {
      Report *report = list->pdata[r];

      for (guint i = 0; i < report->items->len; i++)
        {
          SmmOrder *order = report->items->pdata[i];

          /* in the order of the panel's reply, which need not be the order asked */
          g_assert_true (id_in (report->ids, smm_order_get_id (order)));
          /* an id the panel does not know is an order that carries the panel's error */
          g_assert_error ((GError *) smm_order_get_error (order), SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER);
        }
    }
}

/* A batch whose reply is a web page reports its error and its ids; the other two still arrive. */
static void
test_status_each_fault (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = unknown_ids (250);
  g_autoptr(GPtrArray) list = NULL;
  guint sizes[3];
  guint n_failed = 0;

  /* the second request of three gets a firewall's page, which is not retried */
  smm_sim_set_fault (f->sim, SMM_SIM_FAULT_HTML, 0.5);
  list = run_each (f, FALSE, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  assert_each_id_once (list, ids, sizes);
  for (guint r = 0; r < list->len; r++)
    {
      Report *report = list->pdata[r];

      if (report->error != NULL)
        {
          g_assert_error (report->error, SMM_API_ERROR, SMM_API_ERROR_NOT_API);
          g_assert_null (report->items);
          n_failed++;
        }
      else
        g_assert_cmpuint (report->items->len, ==, report->ids->len);
    }
  g_assert_cmpuint (n_failed, ==, 1);
}

/* The same for refills: 3 batches, each once, before the finish. */
static void
test_refill_status_each (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = unknown_ids (250);
  g_autoptr(GPtrArray) list = run_each (f, TRUE, ids, NULL, &error);

  g_assert_no_error (error);
  assert_three_answered (f, "refill_status", list, ids, SMM_TYPE_REFILL);
}

/* No ids to ask (none is positive): no request, no batch, and the finish all the same. */
static void
test_status_each_empty (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) list = NULL;
  const gint64 none[] = { 0, -5 };

  g_array_append_vals (ids, none, G_N_ELEMENTS (none));
  list = run_each (f, FALSE, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "status"), ==, 0);
}

/* Cancelled before it starts: no batch, and the finish says so. */
static void
test_status_each_cancelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = unknown_ids (250);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) list = NULL;

  g_cancellable_cancel (cancellable);
  list = run_each (f, FALSE, ids, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (smm_sim_get_request_count (f->sim, "status"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("batches", test_batches, FALSE);
  ADD ("quirks/batches", test_batches, TRUE);
  ADD ("status-each", test_status_each, FALSE);
  ADD ("quirks/status-each", test_status_each, TRUE);
  ADD ("status-each/fault", test_status_each_fault, FALSE);
  ADD ("status-each/empty", test_status_each_empty, FALSE);
  ADD ("status-each/cancelled", test_status_each_cancelled, FALSE);
  ADD ("refill-status-each", test_refill_status_each, FALSE);

  return g_test_run ();
}
