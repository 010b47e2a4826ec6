/* test-cli.c: smm-desk-cli end to end, against smm-panel-sim in its own process */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "smm-test-canned.h"
#include "smm-test-fixture.h"

#define KEY "TEST-SECRET-KEY-4242"

static const char *cli_path;
static const char *sim_path;
static char *store_path;   /* SMM_DESK_STORE for the CLI, when set */

typedef struct {
  GSubprocess *sim;
  char        *url;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  /* the panel goes when the test goes, even when an assertion aborts it */
  g_autoptr(GSubprocessLauncher) launcher = smm_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, SIGTERM);
  const char *extra = data;

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

/* Runs the CLI with @args (NULL-terminated) and the key in the environment, to which @env adds
 * NAME=VALUE strings (NULL-terminated, or NULL); returns the exit status. */
static int
run_cli_argv (const char         *key,
              const char         *stdin_text,
              const char * const *env,
              const char * const *args,
              char              **out,
              char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                               G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (store_path)
    g_subprocess_launcher_setenv (launcher, "SMM_DESK_STORE", store_path, TRUE);
  if (key)
    g_subprocess_launcher_setenv (launcher, "SMM_API_KEY", key, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SMM_API_KEY");
  for (guint i = 0; env && env[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  /* on the main context: a canned panel of this process answers meanwhile */
  g_subprocess_communicate_utf8_async (process, stdin_text ? stdin_text : "", NULL, smm_test_result_cb, &result);
  g_assert_true (g_subprocess_communicate_utf8_finish (process, smm_test_wait_result (&result), out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* Runs the CLI with the key in the environment; returns the exit status. */
static int
run_cli (const char  *key,
         const char  *stdin_text,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_cli_argv (key, stdin_text, NULL, (const char *const *) args->pdata, out, err);
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
/* A panel that lists service 5 at 0.01 and at 900.00: the table and the JSON leave it out,
 * and standard error says so, once */
static void
test_services_duplicate_ids (void)
{
  g_autoptr(SmmTestCanned) panel = smm_test_canned_new ();
  g_autofree char *url = smm_test_canned_dup_url (panel);
  g_autofree char *out = NULL, *err = NULL, *jout = NULL, *jerr = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *services;

  smm_test_canned_set_reply (panel, "services", "services-duplicate-ids.json");
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "--url", url, "services", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Views"));
  g_assert_null (strstr (out, "Likes"));
  g_assert_cmpstr (err, ==, "smm-desk-cli: The panel lists service 5 twice at different prices: it is left out\n");

  g_assert_cmpint (run_cli (KEY, NULL, &jout, &jerr, "--url", url, "--json", "services", NULL), ==, 0);
  g_assert_cmpstr (jerr, ==, err);
  root = parse_json (jout);
  services = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (services), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (services, 0), "service"), ==, 6);
  g_assert_cmpuint (smm_test_canned_count (panel, "services"), ==, 2);
}

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

/* A history with two panels, written by the core, read by the CLI. */
static void
prepare_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(SmmAccount) a = NULL;
  g_autoptr(SmmAccount) b = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(SmmOrder) reply = smm_order_new (4242);
  g_autoptr(GPtrArray) replies = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = NULL;
  SmmMoney zero = { 0 }, charge = { 81000000 };   /* the panel's, after its refund of 0.09 */

  store_path = g_build_filename (g_get_user_data_dir (), "history", "smm-desk.db", NULL);
  store = smm_test_store_open (store_path);
  a = smm_test_account_add (store, "Panel A", "https://a.example/api/v2");
  b = smm_test_account_add (store, "Panel B", "https://b.example/api/v2");
  g_assert_true (smm_store_set_balance (store, smm_account_get_id (a), zero, "USD", &error));
  g_assert_true (smm_store_set_balance (store, smm_account_get_id (b), zero, "EUR", &error));

  g_ptr_array_add (first, smm_test_listed_service_new (1, "Instagram Followers",
                                                       "Instagram Followers [30 days refill]", "0.90", TRUE));
  g_ptr_array_add (first, smm_test_listed_service_new (2, "Instagram Likes", "Instagram Likes", "0.12", FALSE));
  g_ptr_array_add (second, smm_test_listed_service_new (1, "Instagram Followers",
                                                        "Instagram Followers [30 days refill]", "1.08", TRUE));
  g_ptr_array_add (other, smm_test_listed_service_new (201, "Instagram Takipçi",
                                                       "IG Takipçi [Gerçek] [30 Gün Telafi]", "0.80", TRUE));
  g_ptr_array_add (other, smm_test_listed_service_new (202, "Instagram Takipçi",
                                                       "IG Takipçi [Ucuz] [Telafisiz]", "0.30", FALSE));
  g_ptr_array_add (other, smm_test_listed_service_new (205, "Instagram Beğeni", "Instagram Beğeni [Anlık]",
                                                       "0.10", FALSE));
  g_assert_true (smm_store_save_services (store, smm_account_get_id (a), first, &error));
  g_assert_true (smm_store_save_services (store, smm_account_get_id (b), other, &error));

  order = smm_test_order_begin (store, smm_account_get_id (a), first->pdata[0], "https://instagram.com/nasa",
                                "1000");
  g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 4242, &error));
  smm_order_set_status_text (reply, "Partial");
  smm_order_set_charge (reply, &charge);
  smm_order_set_remains (reply, 100);
  g_ptr_array_add (replies, reply);
  changed = smm_store_apply_status (store, smm_account_get_id (a), replies, &error);
  g_assert_no_error (error);

  /* the price of the ordered service goes up by 20 % */
  g_assert_true (smm_store_save_services (store, smm_account_get_id (a), second, &error));
  smm_test_assert_finalized (g_steal_pointer (&store));
}

static void
test_reports (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = g_build_filename (g_get_user_data_dir (), "orders.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *item;
  JsonArray *list;

  prepare_history ();

  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "changes", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Price changed (+20.00 %)"));
  g_assert_nonnull (strstr (out, "Removed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--json", "changes", "--since", "2020-01-01", NULL), ==, 0);
  root = parse_json (out);
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  /* one fetch: its changes by kind, the removal before the price */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "kind"), ==, "removed");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (list, 0), "ordered_before"));
  item = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "price");
  g_assert_cmpstr (json_object_get_string_member (item, "old_rate"), ==, "0.9");
  g_assert_cmpstr (json_object_get_string_member (item, "new_rate"), ==, "1.08");
  g_assert_cmpint (json_object_get_int_member (item, "basis_points"), ==, 2000);
  g_assert_true (json_object_get_boolean_member (item, "ordered_before"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "changes", "--since", "2999-01-01", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No change seen yet"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 0.90 shown at placing, 100 of 1000 not delivered: the panel says 0.81, and that is spent */
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--json", "spending", "--by", "day", NULL), ==, 0);
  root = parse_json (out);
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  item = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "spent"), ==, "0.81");
  g_assert_cmpstr (json_object_get_string_member (item, "refunded"), ==, "0.09");
  g_assert_cmpstr (json_object_get_string_member (item, "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (item, "account"), ==, "Panel A");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "spending", "--by", "category", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Instagram Followers"));
  g_assert_nonnull (strstr (out, "0.81\u00a0USD"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "spending", "--by", "year", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "export", csv_path, "--status", "partial", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1 order written to "));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "local_id,panel_id,account,service_id,service_name,link,quantity,charge,"
                                        "currency,status,start_count,remains,created\r\n"
                                        "1,4242,Panel A,1,Instagram Followers [30 days refill],"
                                        "https://instagram.com/nasa,1000,0.81,USD,Partial,,100,"));
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* the same filters as “orders”: nothing is pending */
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--json", "export", csv_path, "--status", "pending", NULL), ==, 0);
  root = parse_json (out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "orders"), ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_cmpstr (strchr (csv, '\n') + 1, ==, "");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "export", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "changes", "--since", "last tuesday", NULL), ==, 2);
  g_clear_pointer (&store_path, g_free);
}

static void
test_compare (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *matches;
  JsonObject *m;

  prepare_history ();

  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Panel A", "--json", "compare", "1",
                            "--rate", "EUR=1.08", NULL), ==, 0);
  root = parse_json (out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "service"), "service"), ==, 1);
  matches = json_object_get_array_member (object, "matches");
  g_assert_cmpuint (json_array_get_length (matches), ==, 2);
  /* 0.80 EUR is 0.864 USD: cheaper than 1.08 USD, with refill */
  m = json_array_get_object_element (matches, 0);
  g_assert_cmpint (json_object_get_int_member (m, "service"), ==, 201);
  g_assert_cmpstr (json_object_get_string_member (m, "account"), ==, "Panel B");
  g_assert_cmpstr (json_object_get_string_member (m, "converted_rate"), ==, "0.864");
  g_assert_cmpstr (json_object_get_string_member (m, "converted_currency"), ==, "USD");
  g_assert_false (json_object_get_boolean_member (m, "refill_differs"));
  /* cheaper still, but without refill: after it */
  m = json_array_get_object_element (matches, 1);
  g_assert_cmpint (json_object_get_int_member (m, "service"), ==, 202);
  g_assert_true (json_object_get_boolean_member (m, "refill_differs"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* in euros, without a rate for dollars: the panel's own rate, listed as such */
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Panel B", "compare", "201", "--currency", "EUR",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "RATE/1000 (EUR)"));
  g_assert_nonnull (strstr (out, "Instagram Followers [30 days refill]"));
  g_assert_nonnull (strstr (out, "1.08\u00a0USD"));
  g_assert_nonnull (strstr (out, "no exchange rate"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "compare", "1", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Panel A", "compare", "1", "--rate", "EUR:1.08",
                            NULL), ==, 2);
  g_assert_nonnull (strstr (err, "EUR=1.08"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Panel A", "compare", "77", NULL), ==, 1);
  g_clear_pointer (&store_path, g_free);
}

/* Many orders from a file, placed through the history (needs the keyring for the account's key). */
static void
test_mass_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *good = g_build_filename (g_get_user_data_dir (), "orders.txt", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "orders.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *lines;

  store_path = g_build_filename (g_get_user_data_dir (), "history", "smm-desk.db", NULL);
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "accounts", "add", "--name", "Demo", "--url", f->url, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (good, "# Monday\n"
                                            "1|https://instagram.com/nasa|1000\n"
                                            "1 | 500 | https://instagram.com/esa\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "service,link,quantity\n"
                                           "1,https://instagram.com/a,10\n"
                                           "7,https://instagram.com/p/x,10\n", -1, NULL));

  /* a preview: the charges and the total, nothing sent */
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Demo", "mass-order", good, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0.90\u00a0USD"));
  g_assert_nonnull (strstr (out, "2 orders ready, 1.35\u00a0USD in all; the balance is 100.00\u00a0USD."));
  g_assert_nonnull (strstr (out, "add --yes"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* every error of the file, nothing placed */
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Demo", "mass-order", bad, "--yes", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Line 2: Quantity is below this service’s minimum of 50."));
  g_assert_nonnull (strstr (out, "Line 3: service 7 needs more than a link and a quantity"));
  g_assert_nonnull (strstr (err, "Nothing was placed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Demo", "--json", "mass-order", good, "--yes", NULL),
                   ==, 0);
  root = parse_json (out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "placed"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "total"), ==, "1.35");
  lines = json_object_get_array_member (json_node_get_object (root), "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 0), "state"), ==, "placed");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lines, 0), "order"), ==, 23501);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lines, 1), "line"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* in the history like any order; again, the panel refuses the running links, line by line */
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "orders", "--search", "esa", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "23502"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &out, &err, "--account", "Demo", "mass-order", good, "--yes", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Line 2: Rejected: "));
  g_assert_nonnull (strstr (out, "0 orders placed, 2 refused, 0 unconfirmed, 0 not sent."));
  g_clear_pointer (&store_path, g_free);
}

#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* Runs the CLI twice, the options before the action and then after it: the same exit status and
 * the same output. Returns: the exit status */
static int
assert_same_both_ways (const char         *key,
                       const char         *stdin_text,
                       const char * const *before,
                       const char * const *after)
{
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  int status = run_cli_argv (key, stdin_text, NULL, before, &out, &err);

  g_assert_cmpint (run_cli_argv (key, stdin_text, NULL, after, &out2, &err2), ==, status);
  g_assert_cmpstr (out2, ==, out);
  g_assert_cmpstr (err2, ==, err);
  return status;
}

/* Every global option works on either side of the action. */
static void
test_options_anywhere (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (assert_same_both_ways (KEY, NULL, ARGS ("--url", f->url, "--json", "services"),
                                          ARGS ("services", "--json", "--url", f->url)), ==, 0);
  g_assert_cmpint (assert_same_both_ways (KEY, NULL, ARGS ("--json", "--url", f->url, "balance"),
                                          ARGS ("balance", "--url", f->url, "--json")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, KEY "\n", ARGS ("--key-stdin", "--url", f->url, "balance"),
                                          ARGS ("balance", "--url", f->url, "--key-stdin")), ==, 0);
  /* the panel's answer for an order it does not have: the same error, the same status */
  g_assert_cmpint (assert_same_both_ways (KEY, NULL, ARGS ("--url", f->url, "--json", "status", "777777"),
                                          ARGS ("status", "777777", "--json", "--url", f->url)), ==, 1);
  g_assert_cmpint (assert_same_both_ways (KEY, NULL, ARGS ("--url", f->url, "--json", "refill-status", "777777"),
                                          ARGS ("refill-status", "--url", f->url, "777777", "--json")), ==, 1);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--demo", "--json", "balance"),
                                          ARGS ("balance", "--json", "--demo")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--version", "orders"), ARGS ("orders", "--version")),
                   ==, 0);
  /* the same checks of the global options, wherever they stand */
  g_assert_cmpint (assert_same_both_ways (KEY, NULL, ARGS ("--demo", "--url", f->url, "balance"),
                                          ARGS ("balance", "--demo", "--url", f->url)), ==, 2);
  g_assert_cmpint (assert_same_both_ways (KEY, NULL, ARGS ("balance"), ARGS ("balance", "--json")), ==, 2);

  /* an action's own options and the global ones mixed */
  g_assert_cmpint (run_cli (KEY, NULL, &out, &err, "add", "--service", "1", "--json", "--link",
                            "https://instagram.com/nasa", "--url", f->url, "--quantity", "100", NULL), ==, 0);
  root = parse_json (out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "order"), >, 0);
}

/* The same, for the actions on the history. */
static void
test_options_anywhere_history (void)
{
  prepare_history ();

  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--json", "orders"), ARGS ("orders", "--json")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--json", "orders", "--status", "partial"),
                                          ARGS ("orders", "--status", "partial", "--json")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--account", "Panel A", "orders"),
                                          ARGS ("orders", "--account", "Panel A")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--json", "changes"), ARGS ("changes", "--json")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--json", "spending", "--by", "category"),
                                          ARGS ("spending", "--json", "--by", "category")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL, ARGS ("--json", "accounts", "list"),
                                          ARGS ("accounts", "list", "--json")), ==, 0);
  g_assert_cmpint (assert_same_both_ways (NULL, NULL,
                                          ARGS ("--account", "Panel A", "--json", "compare", "1", "--rate", "EUR=1.08"),
                                          ARGS ("compare", "--rate", "EUR=1.08", "1", "--json", "--account", "Panel A")),
                   ==, 0);
  g_clear_pointer (&store_path, g_free);
}

/* Help, and a wrong option, are answered before anything is opened: no history, no keyring, no
 * D-Bus (here there is none). */
static void
test_help_without_bus (void)
{
  const struct {
    const char *args[4];
    const char *option;   /* one that the help names */
  } helps[] = {
    { { "--help" }, "mass-order FILE" },
    { { "services", "--help" }, "--json" },
    { { "add", "--help" }, "--link" },
    { { "status", "--help" }, "--url" },
    { { "refill", "--help" }, "--account" },
    { { "refill-status", "--help" }, "--demo" },
    { { "cancel", "--help" }, "--key-stdin" },
    { { "balance", "--help" }, "--url" },
    { { "accounts", "--help" }, "--name" },
    { { "accounts", "add", "--help" }, "--key-stdin" },
    { { "orders", "--help" }, "--search" },
    { { "track", "--help" }, "--account" },
    { { "import", "--help" }, "--account" },
    { { "resolve", "--help" }, "--discard" },
    { { "mass-order", "--help" }, "--yes" },
    { { "compare", "--help" }, "--rate" },
    { { "changes", "--help" }, "--since" },
    { { "spending", "--help" }, "--by" },
    { { "export", "--help" }, "--status" },
  };
  g_autofree char *runtime_dir = g_build_filename (g_get_user_data_dir (), "no-bus", NULL);
  g_autofree char *runtime_env = g_strconcat ("XDG_RUNTIME_DIR=", runtime_dir, NULL);
  const char *env[] = { "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent", runtime_env, NULL };

  g_assert_cmpint (g_mkdir_with_parents (runtime_dir, 0700), ==, 0);
  store_path = g_build_filename (g_get_user_data_dir (), "history", "smm-desk.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("smm-desk-cli %s %s", helps[i].args[0], helps[i].args[1] ? helps[i].args[1] : "");
      g_assert_cmpint (run_cli_argv (NULL, NULL, env, helps[i].args, &out, &err), ==, 0);
      g_assert_true (g_str_has_prefix (out, "Usage:"));
      g_assert_nonnull (strstr (out, helps[i].option));
      g_assert_cmpstr (err, ==, "");
    }
  /* a wrong option: a usage error, 2, that names it */
  for (guint i = 1; i < G_N_ELEMENTS (helps); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char *args[] = { helps[i].args[0], "--frobnicate", NULL };

      g_assert_cmpint (run_cli_argv (NULL, NULL, env, args, &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, "--frobnicate"));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_false (g_file_test (store_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&store_path, g_free);
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
  g_test_add_func ("/cli/services-duplicate-ids", test_services_duplicate_ids);
  g_test_add ("/cli/order-flow", Fixture, NULL, fixture_set_up, test_order_flow, fixture_tear_down);
  g_test_add ("/cli/refill-flow", Fixture, "--speed=10000", fixture_set_up, test_refill_flow, fixture_tear_down);
  g_test_add ("/cli/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/reports", test_reports);
  g_test_add_func ("/cli/compare", test_compare);
  g_test_add ("/cli/options-anywhere", Fixture, NULL, fixture_set_up, test_options_anywhere, fixture_tear_down);
  g_test_add_func ("/cli/options-anywhere-history", test_options_anywhere_history);
  g_test_add_func ("/cli/help-without-bus", test_help_without_bus);
  /* needs the keyring: run by the test cli-keyring */
  if (g_getenv ("SMM_TEST_KEYRING") != NULL)
    g_test_add ("/cli/mass-order", Fixture, NULL, fixture_set_up, test_mass_order, fixture_tear_down);

  return g_test_run ();
}
