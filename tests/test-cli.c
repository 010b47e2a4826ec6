/* test-cli.c: smm-desk-cli end to end, against smm-panel-sim in its own process */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#define KEY "TEST-SECRET-KEY-4242"

static const char *cli_path;
static const char *sim_path;

typedef struct {
  GSubprocess *sim;
  char        *url;
} Fixture;

/* The panel goes when the test goes, even when an assertion aborts it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  const char *extra = data;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  f->sim = g_subprocess_launcher_spawn (launcher, &error,
                                        sim_path, "--key", KEY, "--balance", "100.00",
                                        extra ? extra : "--speed=1", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->sim));
  f->url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (f->url, "http://127.0.0.1:"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_subprocess_send_signal (f->sim, SIGTERM);
  g_assert_true (g_subprocess_wait (f->sim, NULL, NULL));
  g_assert_true (g_subprocess_get_if_exited (f->sim));
  g_assert_cmpint (g_subprocess_get_exit_status (f->sim), ==, 0);
  g_clear_object (&f->sim);
  g_free (f->url);
}

/* Runs the CLI with the key in the environment; returns the exit status. */
static int
run_cli (const char  *key,
         const char  *stdin_text,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                               G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  if (key)
    g_subprocess_launcher_setenv (launcher, "SMM_API_KEY", key, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SMM_API_KEY");
  g_ptr_array_add (args, (gpointer) cli_path);
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, stdin_text ? stdin_text : "", NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_services (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL, *jout = NULL, *jerr = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "services", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "ID"));
  g_assert_nonnull (strstr (out, "Instagram Followers"));
  g_assert_nonnull (strstr (out, "RATE/1000"));

  g_assert_cmpint (run_cli (KEY, NULL, &jout, &jerr, "--url", f->url, "--json", "services", NULL), ==, 0);
  root = parse_json (jout);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), >=, 40);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (first, "service"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "rate"), ==, "0.9");
}

/* Place, track, refill and cancel, as a user would from a terminal. */
static void
test_order_flow (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;

  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "--json", "add", "--service", "1",
                            "--link", "https://instagram.com/nasa", "--quantity", "1000", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "0.90"));   /* the charge, said before sending */
  root = parse_json (out);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (root), "order"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "balance", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "99.10\u00a0USD\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "status", id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, id));
  g_assert_nonnull (strstr (out, "Pending"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* not done yet: the refill is refused for this order, exit 1 */
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "refill", id, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* key from standard input, another order, and its cancel */
  g_assert_cmpint (run_cli (NULL, KEY "\n", &out, &err, "--url", f->url, "--key-stdin", "add", "--service", "1",
                            "--link", "https://instagram.com/esa", "--quantity", "100", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Order "));
  id2 = g_strndup (out + 6, strcspn (out + 6, " "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "cancel", id2, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "requested"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "--json", "status", id, id2, "777777", NULL), ==, 1);
  {
    g_autoptr(JsonNode) list = parse_json (out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 3);
  }
}

/* A fast panel: the order completes and is refilled. */
static void
test_refill_flow (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *refill = NULL;

  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "add", "--service", "1",
                            "--link", "https://instagram.com/nasa", "--quantity", "100", NULL), ==, 0);
  id = g_strndup (out + 6, strcspn (out + 6, " "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* at --speed=10000, a second is hours on the panel */
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "status", id, NULL), ==, 0);
  g_assert_true (strstr (out, "Completed") || strstr (out, "Partial"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "--json", "refill", id, NULL), ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (out);
    JsonObject *item = json_array_get_object_element (json_node_get_array (root), 0);
    refill = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (item, "refill"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "refill-status", refill, NULL), ==, 0);
  g_assert_nonnull (strstr (out, refill));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  /* usage errors: 2 */
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "frobnicate", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--url", f->url, "balance", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "SMM_API_KEY"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", "http://example.com/api/v2", "balance", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "https://"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "status", "abc", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* checked before sending: no order, a clear message */
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "add", "--service", "1",
                            "--link", "nasa", "--quantity", "100", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "web address"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "add", "--service", "1",
                            "--link", "https://instagram.com/nasa", "--quantity", "-5", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the panel's errors: 1 */
  g_assert_cmpint (run_cli ("wrong-key", NULL, &out, &err, "--url", f->url, "balance", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "API key"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "add", "--service", "1",
                            "--link", "https://instagram.com/nasa", "--quantity", "100000", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "maximum of 10000"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "add", "--service", "1",
                            "--link", "https://instagram.com/big", "--quantity", "10000", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* 100 − 9 = 91 left: 20,000 at 0.90 is 18 → fine; a costly service is not */
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", f->url, "add", "--service", "3",
                            "--link", "https://instagram.com/big2", "--quantity", "100000", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not enough money"));
}

static void
test_demo (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--demo", "balance", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "USD"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--demo", "add", "--service", "7",
                            "--link", "https://instagram.com/p/abc", "--comments", "Harika!\nÇok güzel 😍", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "has 2 lines; this service needs at least 10"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--demo", "add", "--service", "7",
                            "--link", "https://instagram.com/p/abc", "--comments",
                            "1 Harika!\n2 Çok güzel 😍\n3 مرحبا\n4\n5\n6\n7\n8\n9\n10 👍", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Order "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (argc < 3)
    {
      g_printerr ("usage: test-cli SMM-DESK-CLI SMM-PANEL-SIM\n");
      return 2;
    }
  cli_path = argv[1];
  sim_path = argv[2];

  g_test_add ("/cli/services", Fixture, NULL, fixture_set_up, test_services, fixture_tear_down);
  g_test_add ("/cli/order-flow", Fixture, NULL, fixture_set_up, test_order_flow, fixture_tear_down);
  g_test_add ("/cli/refill-flow", Fixture, "--speed=10000", fixture_set_up, test_refill_flow, fixture_tear_down);
  g_test_add ("/cli/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add_func ("/cli/demo", test_demo);

  return g_test_run ();
}
