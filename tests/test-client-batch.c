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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, quirks) \
  g_test_add ("/core/client/" path, Fixture, GINT_TO_POINTER (quirks), fixture_set_up, func, fixture_tear_down)

  ADD ("batches", test_batches, FALSE);
  ADD ("quirks/batches", test_batches, TRUE);

  return g_test_run ();
}
