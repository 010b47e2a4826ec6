/* test-sim-requests.c: what the simulator accepts and records of a request: multipart bodies, the
 * key in a GET query, the request log, --strict, and smm-panel-sim's options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include <gio/gio.h>

#include "test-sim-util.h"

static const char *sim_path;

static void
send_multipart (SmmSim     *sim,
                const char *key,
                SimReply   *reply)
{
  g_autofree char *url = smm_sim_dup_url (sim);
  SoupMultipart *multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessage) message = NULL;

  soup_multipart_append_form_string (multipart, "key", key);
  soup_multipart_append_form_string (multipart, "action", "balance");
  message = soup_message_new_from_multipart (url, multipart);
  soup_multipart_free (multipart);

  sim_test_send (sim, message, reply);
}

static void
send_get (SmmSim     *sim,
          const char *query,
          SimReply   *reply)
{
  g_autofree char *url = smm_sim_dup_url (sim);
  g_autofree char *full = g_strconcat (url, "?", query, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", full);

  sim_test_send (sim, message, reply);
}

/* PHP reads $_POST alike from both: curl -F key=… -F action=balance */
static void
test_multipart (void)
{
  SmmSim *sim = sim_test_new_started (NULL);
  g_auto(SimReply) reply = { 0 };
  g_auto(SimReply) wrong = { 0 };
  g_autoptr(JsonNode) root = NULL;

  send_multipart (sim, SIM_TEST_KEY, &reply);
  g_assert_cmpuint (reply.status, ==, SOUP_STATUS_OK);
  root = sim_test_parse (reply.body);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "balance"), ==, "1000.00000");

  send_multipart (sim, "another-key", &wrong);
  g_assert_nonnull (strstr (wrong.body, "Invalid API key"));

  sim_test_stop (sim);
}

static void
test_get_query (void)
{
  SmmSim *sim = sim_test_new_started (NULL);
  g_auto(SimReply) reply = { 0 };
  g_auto(SimReply) strict = { 0 };

  send_get (sim, "key=" SIM_TEST_KEY "&action=balance", &reply);
  g_assert_nonnull (strstr (reply.body, "\"balance\""));
  g_assert_cmpuint (smm_sim_get_violation_count (sim), ==, 0);

  /* a strict panel reads the key from the body only */
  smm_sim_set_strict (sim, TRUE);
  send_get (sim, "key=" SIM_TEST_KEY "&action=balance", &strict);
  g_assert_nonnull (strstr (strict.body, "Invalid API key"));
  g_assert_cmpuint (smm_sim_get_violation_count (sim), ==, 2);  /* a GET, and the key in the URL */

  sim_test_stop (sim);
}

static void
post_key_in_url (SmmSim     *sim,
                 const char *form,
                 SimReply   *reply)
{
  g_autofree char *url = smm_sim_dup_url (sim);
  g_autofree char *full = g_strconcat (url, "?key=" SIM_TEST_KEY, NULL);
  g_autoptr(SoupMessage) message = soup_message_new_from_encoded_form ("POST", full, g_strdup (form));

  sim_test_send (sim, message, reply);
}

static void
strict_cb (SmmSim *sim)
{
  smm_sim_set_strict (sim, TRUE);
}

static void
test_strict (void)
{
  SmmSim *sim = sim_test_new_started (strict_cb);
  g_auto(SimReply) reply = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;

  /* what a good client does: no violation */
  first = sim_test_post (sim, "action", "add", "service", "1", "link", "https://instagram.com/a",
                         "quantity", "100", NULL);
  other = sim_test_post (sim, "action", "add", "service", "1", "link", "https://instagram.com/b",
                         "quantity", "100", NULL);
  g_assert_cmpuint (smm_sim_get_violation_count (sim), ==, 0);

  /* the same add again at once: a retried add */
  again = sim_test_post (sim, "action", "add", "service", "1", "link", "https://instagram.com/b",
                         "quantity", "100", NULL);
  g_assert_cmpuint (smm_sim_get_violation_count (sim), ==, 1);

  /* the key in the URL of a POST */
  post_key_in_url (sim, "action=balance", &reply);
  g_assert_nonnull (strstr (reply.body, "Invalid API key"));
  g_assert_cmpuint (smm_sim_get_violation_count (sim), ==, 2);

  /* in the URL and in the body too: counted, and the body's key is read */
  sim_reply_clear (&reply);
  post_key_in_url (sim, "key=" SIM_TEST_KEY "&action=balance", &reply);
  g_assert_nonnull (strstr (reply.body, "\"balance\""));
  g_assert_cmpuint (smm_sim_get_violation_count (sim), ==, 3);

  sim_test_stop (sim);
}

static void
test_log (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sim-requests.log", NULL);
  SmmSim *sim = sim_test_new_started (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *log = NULL;
  g_auto(SimReply) multipart = { 0 };

  g_assert_true (smm_sim_set_log_file (sim, path, &error));
  g_assert_no_error (error);
  reply = sim_test_post (sim, "action", "add", "service", "1", "link", "https://instagram.com/a",
                         "quantity", "100", NULL);
  send_multipart (sim, SIM_TEST_KEY, &multipart);
  g_assert_true (smm_sim_set_log_file (sim, NULL, &error));

  g_assert_true (g_file_get_contents (path, &log, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (log, "#0 POST content-type=application/x-www-form-urlencoded action=add "
                                 "key=(hidden) link=https://instagram.com/a quantity=100 service=1\n"));
  g_assert_nonnull (strstr (log, "#1 POST content-type=multipart/form-data action=balance key=(hidden)\n"));
  g_assert_null (strstr (log, SIM_TEST_KEY));

  g_assert_false (smm_sim_set_log_file (sim, "/nonexistent/dir/log", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  sim_test_stop (sim);
}

/* smm-panel-sim */

typedef struct {
  GSubprocess *process;
  char        *url;
} Panel;

static void
panel_start (Panel              *panel,
             const char * const *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) sim_path);
  g_ptr_array_add (argv, (char *) "--key");
  g_ptr_array_add (argv, (char *) SIM_TEST_KEY);
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) options[i]);
  g_ptr_array_add (argv, NULL);

  panel->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                      &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (panel->process));
  panel->url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (panel->url, "http://127.0.0.1:"));
}

/* Ends the panel; returns its exit status */
static int
panel_stop (Panel *panel)
{
  int status;

  g_subprocess_send_signal (panel->process, SIGTERM);
  g_assert_true (g_subprocess_wait (panel->process, NULL, NULL));
  g_assert_true (g_subprocess_get_if_exited (panel->process));
  status = g_subprocess_get_exit_status (panel->process);
  g_clear_object (&panel->process);
  g_clear_pointer (&panel->url, g_free);

  return status;
}

static char *
panel_request (Panel      *panel,
               const char *method,
               const char *form,
               char      **content_type)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (method, "GET"))
    {
      g_autofree char *full = g_strconcat (panel->url, "?", form, NULL);
      message = soup_message_new ("GET", full);
    }
  else
    message = soup_message_new_from_encoded_form ("POST", panel->url, g_strdup (form));
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                            "Content-Type"));

  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
test_cli_help (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { sim_path, "--help", NULL };
  const char * const options[] = {
    "--quirk", "text-html", "php-notice", "cancel-map-strings", "--quirks", "--no-refill",
    "--no-cancel", "--log", "--strict", "real-world minutes", "--catalogue", "--json",
  };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (strstr (out, options[i]) == NULL)
      g_error ("--help does not mention “%s”", options[i]);
}

static void
test_cli_quirk (void)
{
  Panel panel = { 0 };
  const char * const options[] = { "--quirk", "text-html,bom", NULL };
  g_autofree char *content_type = NULL;
  g_autofree char *body = NULL;
  const char *argv[] = { sim_path, "--quirk", "no-such-quirk", NULL };
  g_autofree char *err = NULL;
  int status;

  panel_start (&panel, options);
  body = panel_request (&panel, "POST", "key=" SIM_TEST_KEY "&action=balance", &content_type);
  g_assert_cmpstr (content_type, ==, "text/html; charset=UTF-8");
  g_assert_true (g_str_has_prefix (body, "\xef\xbb\xbf{"));
  g_assert_cmpint (panel_stop (&panel), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "no-such-quirk"));
}

/* smm-panel-sim answers as PHP panels do unless --json: JSON inside text/html, numbers as strings */
static void
test_cli_php_format (void)
{
  Panel panel = { 0 };
  const char * const php[] = { NULL };
  const char * const json[] = { "--json", NULL };
  g_autofree char *php_type = NULL;
  g_autofree char *php_body = NULL;
  g_autofree char *json_type = NULL;
  g_autofree char *json_body = NULL;

  panel_start (&panel, php);
  php_body = panel_request (&panel, "POST", "key=" SIM_TEST_KEY "&action=add&service=1&"
                            "link=https%3A%2F%2Finstagram.com%2Fnasa&quantity=100", &php_type);
  g_assert_cmpint (panel_stop (&panel), ==, 0);
  g_assert_cmpstr (php_type, ==, "text/html; charset=UTF-8");
  g_assert_cmpstr (php_body, ==, "{\"order\":\"23501\"}");

  panel_start (&panel, json);
  json_body = panel_request (&panel, "POST", "key=" SIM_TEST_KEY "&action=add&service=1&"
                             "link=https%3A%2F%2Finstagram.com%2Fnasa&quantity=100", &json_type);
  g_assert_cmpint (panel_stop (&panel), ==, 0);
  g_assert_cmpstr (json_type, ==, "application/json");
  g_assert_cmpstr (json_body, ==, "{\"order\":23501}");
}

static void
test_cli_no_refill (void)
{
  Panel panel = { 0 };
  const char * const options[] = { "--no-refill", "--no-cancel", NULL };
  g_autofree char *refill = NULL;
  g_autofree char *cancel = NULL;

  panel_start (&panel, options);
  refill = panel_request (&panel, "POST", "key=" SIM_TEST_KEY "&action=refill&order=23501", NULL);
  cancel = panel_request (&panel, "POST", "key=" SIM_TEST_KEY "&action=cancel&orders=23501", NULL);
  g_assert_cmpstr (refill, ==, "{\"error\":\"Request Invalid\"}");
  g_assert_cmpstr (cancel, ==, "{\"error\":\"Request Invalid\"}");
  g_assert_cmpint (panel_stop (&panel), ==, 0);
}

/* --strict fails the run, with its own exit status, when a request broke its rules */
static void
test_cli_strict (void)
{
  Panel panel = { 0 };
  const char * const options[] = { "--strict", NULL };
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;

  panel_start (&panel, options);
  good = panel_request (&panel, "POST", "key=" SIM_TEST_KEY "&action=balance", NULL);
  g_assert_nonnull (strstr (good, "\"balance\""));
  g_assert_cmpint (panel_stop (&panel), ==, 0);

  panel_start (&panel, options);
  bad = panel_request (&panel, "GET", "key=" SIM_TEST_KEY "&action=balance", NULL);
  g_assert_nonnull (strstr (bad, "Invalid API key"));
  g_assert_cmpint (panel_stop (&panel), ==, 3);
}

/* --speed counts in real panels' pace: at 10, a second is 10 real-world seconds of a panel, and
 * an order still waits its 5 minutes; at 600, a second is 10 minutes. */
static void
test_cli_speed (void)
{
  const char * const slow_options[] = { "--speed", "10", NULL };
  const char * const fast_options[] = { "--speed", "600", NULL };
  const char *add = "key=" SIM_TEST_KEY "&action=add&service=1&link=https://instagram.com/a&quantity=1000";
  const char *status = "key=" SIM_TEST_KEY "&action=status&order=23501";
  Panel slow = { 0 };
  Panel fast = { 0 };
  g_autofree char *slow_added = NULL;
  g_autofree char *fast_added = NULL;
  g_autofree char *slow_status = NULL;
  g_autofree char *fast_status = NULL;

  panel_start (&slow, slow_options);
  panel_start (&fast, fast_options);
  slow_added = panel_request (&slow, "POST", add, NULL);
  fast_added = panel_request (&fast, "POST", add, NULL);
  g_usleep (G_USEC_PER_SEC);
  slow_status = panel_request (&slow, "POST", status, NULL);
  fast_status = panel_request (&fast, "POST", status, NULL);
  g_assert_nonnull (strstr (slow_status, "\"status\":\"Pending\""));
  g_assert_nonnull (strstr (fast_status, "\"status\":\"In progress\""));
  g_assert_cmpint (panel_stop (&slow), ==, 0);
  g_assert_cmpint (panel_stop (&fast), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_cmpint (argc, ==, 2);
  sim_path = argv[1];

  g_test_add_func ("/sim/requests/multipart", test_multipart);
  g_test_add_func ("/sim/requests/get-query", test_get_query);
  g_test_add_func ("/sim/requests/strict", test_strict);
  g_test_add_func ("/sim/requests/log", test_log);
  g_test_add_func ("/sim/requests/cli-help", test_cli_help);
  g_test_add_func ("/sim/requests/cli-quirk", test_cli_quirk);
  g_test_add_func ("/sim/requests/cli-php-format", test_cli_php_format);
  g_test_add_func ("/sim/requests/cli-no-refill", test_cli_no_refill);
  g_test_add_func ("/sim/requests/cli-strict", test_cli_strict);
  g_test_add_func ("/sim/requests/cli-speed", test_cli_speed);

  return g_test_run ();
}
