/* test-sim-getters.c: the simulator's getters hand out copies that stay valid
 *
 * The URL, the key and the balance are copies taken under the simulator's lock: a copy keeps
 * its value after the panel restarts, its key changes or an order changes its book, and a
 * thread may read them while another changes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-sim-util.h"

#define KEY SIM_TEST_KEY

static gboolean
is_loopback_url (const char *url)
{
  return g_str_has_prefix (url, "http://127.0.0.1:") && g_str_has_suffix (url, "/api/v2");
}

static void
test_url_outlives_restart (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *second = NULL;

  g_assert_null (smm_sim_dup_url (sim));

  g_assert_true (smm_sim_start (sim, 0, &error));
  g_assert_no_error (error);
  first = smm_sim_dup_url (sim);
  again = smm_sim_dup_url (sim);
  g_assert_true (is_loopback_url (first));
  /* two calls, two copies of the same text */
  g_assert_true (first != again);
  g_assert_cmpstr (first, ==, again);
  saved = g_strdup (first);

  /* a restart writes a new URL; the copy taken before keeps its own */
  smm_sim_stop (sim);
  g_assert_true (smm_sim_start (sim, 0, &error));
  g_assert_no_error (error);
  second = smm_sim_dup_url (sim);
  g_assert_true (is_loopback_url (second));
  g_assert_cmpstr (first, ==, saved);

  smm_sim_stop (sim);
  g_assert_finalize_object (g_steal_pointer (&sim));
  /* and it outlives the simulator */
  g_assert_cmpstr (first, ==, saved);
}

static void
test_key_outlives_set_key (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = smm_sim_dup_key (sim);
  g_assert_cmpstr (before, ==, "demo-key");

  smm_sim_set_key (sim, "another-key");
  after = smm_sim_dup_key (sim);
  g_assert_cmpstr (before, ==, "demo-key");
  g_assert_cmpstr (after, ==, "another-key");

  g_assert_finalize_object (g_steal_pointer (&sim));
  g_assert_cmpstr (before, ==, "demo-key");
  g_assert_cmpstr (after, ==, "another-key");
}

static void
test_balance_outlives_order (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *after = NULL;

  smm_sim_set_key (sim, KEY);
  smm_sim_set_balance (sim, "100.00");
  g_assert_true (smm_sim_start_threaded (sim, 0, &error));
  g_assert_no_error (error);

  before = smm_sim_dup_balance (sim);
  g_assert_cmpstr (before, ==, "100.00000");

  /* the server's thread takes the charge from the book */
  reply = sim_test_post (sim, "action", "add", "service", "1",
                         "link", "https://instagram.com/a", "quantity", "1000", NULL);
  g_assert_nonnull (strstr (reply, "\"order\""));
  g_assert_cmpuint (smm_sim_get_order_count (sim), ==, 1);

  after = smm_sim_dup_balance (sim);
  g_assert_cmpstr (after, !=, "100.00000");
  g_assert_cmpstr (before, ==, "100.00000");

  smm_sim_stop (sim);
  g_assert_finalize_object (g_steal_pointer (&sim));
}

typedef struct {
  SmmSim *sim;
  gint    stop;
} Writer;

static gpointer
set_keys_thread (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; !g_atomic_int_get (&writer->stop); i++)
    smm_sim_set_key (writer->sim, i % 2 == 0 ? "key-even" : "key-odd");

  return NULL;
}

static void
test_key_while_another_thread_sets_it (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();
  Writer writer = { sim, 0 };
  GThread *thread;

  smm_sim_set_key (sim, "key-even");
  thread = g_thread_new ("set-keys", set_keys_thread, &writer);

  /* each copy is whole, whatever the other thread frees meanwhile */
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *key = smm_sim_dup_key (sim);

      g_assert_true (g_str_equal (key, "key-even") || g_str_equal (key, "key-odd"));
    }

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_assert_finalize_object (g_steal_pointer (&sim));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/getters/url-outlives-restart", test_url_outlives_restart);
  g_test_add_func ("/sim/getters/key-outlives-set-key", test_key_outlives_set_key);
  g_test_add_func ("/sim/getters/balance-outlives-order", test_balance_outlives_order);
  g_test_add_func ("/sim/getters/key-while-another-thread-sets-it",
                   test_key_while_another_thread_sets_it);

  return g_test_run ();
}
