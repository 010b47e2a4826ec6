/* smm-panel-sim.c: runs the simulated SMM panel until interrupted
 *
 * The first line on stdout is the endpoint URL, for scripts and tests to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib-unix.h>

#include "smm-sim.h"

/* The library's clock runs at the demo's pace, a real panel's minute a second: --speed counts in
 * real panels' pace, so that --speed 1 takes real-world minutes. */
#define REAL_PER_DEMO 60.0

/* The exit status of a --strict run that saw a request break its rules */
#define EXIT_STRICT_FAILED 3

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

static gboolean
is_amount (const char *text)
{
  return g_regex_match_simple ("^[0-9]{1,12}(\\.[0-9]{1,5})?$", text, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmSim) sim = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *fault_name = NULL;
  g_autofree char *catalogue = NULL;
  g_autofree char *quirk_names = NULL;
  g_autofree char *log_path = NULL;
  SmmSimFault fault = SMM_SIM_FAULT_NONE;
  gint port = 0;
  gint n_services = 0;
  gint n_orders = 0;
  gint latency = 0;
  double speed = REAL_PER_DEMO;
  double fault_rate = 1.0;
  gboolean quirks = FALSE;
  gboolean json = FALSE;
  gboolean no_refill = FALSE;
  gboolean no_cancel = FALSE;
  gboolean strict = FALSE;
  guint n_violations;
  gboolean version = FALSE;
  guint sigint_id;
  guint sigterm_id;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port to listen on, on 127.0.0.1 (0: any free port)", "N" },
    { "key", 'k', 0, G_OPTION_ARG_STRING, &key,
      "The API key the panel accepts (default: $SMM_PANEL_SIM_KEY, else demo-key)", "KEY" },
    { "balance", 'b', 0, G_OPTION_ARG_STRING, &balance, "Starting balance (default: 1000.00)", "AMOUNT" },
    { "currency", 'c', 0, G_OPTION_ARG_STRING, &currency, "The panel's currency (default: USD)", "CODE" },
    { "services", 's', 0, G_OPTION_ARG_INT, &n_services, "Offer N generated services instead of the demo catalogue", "N" },
    { "orders", 0, 0, G_OPTION_ARG_INT, &n_orders,
      "Start with N orders already placed, numbered from 23501 (for benchmarks)", "N" },
    { "catalogue", 0, 0, G_OPTION_ARG_STRING, &catalogue,
      "The demo catalogue: a (default), b (a second panel: other ids, names and prices; EUR) or c "
      "(a PHP panel's: Custom Data, a subscription, dripfeed true, false and absent)", "NAME" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed,
      "How fast orders progress, in times a real panel's pace: 1 takes real-world minutes (an "
      "order of 1000 is Pending 5 minutes, done in 20); default: 60", "X" },
    { "quirks", 'q', 0, G_OPTION_ARG_NONE, &quirks,
      "Answer in the old quirky shapes: bare-numbers, loose-services, wrap-add, wrap-single, "
      "batch-list, batch-map and no-currency", NULL },
    { "quirk", 0, 0, G_OPTION_ARG_STRING, &quirk_names,
      "Behave as some real panels do, one quirk at a time or several, comma-separated: the seven "
      "of --quirks, text-html, bom, php-notice, string-numbers, status-case, no-refill-fields, "
      "cancel-map-strings, batch-extra-ids, batch-missing-ids, batch-repeat-ids, processing, "
      "refunded, refill-rejected, cancel-slow, cancel-refused", "NAMES" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Answer as a strict JSON API would: application/json, numbers as numbers (by default the "
      "panel answers as PHP panels do: JSON inside text/html, every number a string)", NULL },
    { "no-refill", 0, 0, G_OPTION_ARG_NONE, &no_refill,
      "Offer no refills: refill and refill_status answer {\"error\":\"Request Invalid\"}, and the "
      "services list no refill field", NULL },
    { "no-cancel", 0, 0, G_OPTION_ARG_NONE, &no_cancel,
      "Offer no cancels: cancel answers {\"error\":\"Request Invalid\"}, and the services list no "
      "cancel field", NULL },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log_path,
      "Write a line per request to FILE (- for standard error): action, method, content type and "
      "fields, never the key's value", "FILE" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      "Fail the run (exit status 3) on a GET, a key in the URL, or an add with the same fields "
      "within a second; the key is then read from the body only", NULL },
    { "latency", 'l', 0, G_OPTION_ARG_INT, &latency, "Delay every reply by MS milliseconds", "MS" },
    { "fault", 'f', 0, G_OPTION_ARG_STRING, &fault_name,
      "Inject a fault: html, 500, 429, slow, truncate, drop-after-add, redirect", "NAME" },
    { "fault-rate", 0, 0, G_OPTION_ARG_DOUBLE, &fault_rate, "Share of requests that fail, 0 to 1 (default: 1.0)", "R" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* stdout carries the URL; every log line goes to stderr */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new ("- a simulated SMM panel speaking API v2");
  g_option_context_set_summary (context,
                                "Serves the SMM panel API v2 on http://127.0.0.1:PORT/api/v2 and "
                                "prints that URL as the first line of its output.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("smm-panel-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (version)
    {
      g_print ("smm-panel-sim %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (port < 0 || port > 65535)
    {
      g_printerr ("smm-panel-sim: --port must be between 0 and 65535\n");
      return EXIT_FAILURE;
    }
  if (n_services < 0 || n_services > 1000000)
    {
      g_printerr ("smm-panel-sim: --services must be between 0 and 1000000\n");
      return EXIT_FAILURE;
    }
  if (n_orders < 0 || n_orders > 10000000)
    {
      g_printerr ("smm-panel-sim: --orders must be between 0 and 10000000\n");
      return EXIT_FAILURE;
    }
  if (!(speed > 0 && speed <= 1e8))
    {
      g_printerr ("smm-panel-sim: --speed must be a positive number\n");
      return EXIT_FAILURE;
    }
  if (latency < 0)
    {
      g_printerr ("smm-panel-sim: --latency must not be negative\n");
      return EXIT_FAILURE;
    }
  if (!(fault_rate >= 0 && fault_rate <= 1))
    {
      g_printerr ("smm-panel-sim: --fault-rate must be between 0 and 1\n");
      return EXIT_FAILURE;
    }
  if (balance != NULL && !is_amount (balance))
    {
      g_printerr ("smm-panel-sim: --balance must be an amount like 1000.00\n");
      return EXIT_FAILURE;
    }
  /* from the environment, so that a test's key is on no command line */
  if (key == NULL && g_getenv ("SMM_PANEL_SIM_KEY") != NULL)
    key = g_strdup (g_getenv ("SMM_PANEL_SIM_KEY"));
  if (key != NULL && *key == '\0')
    {
      g_printerr ("smm-panel-sim: --key must not be empty\n");
      return EXIT_FAILURE;
    }
  if (currency != NULL && *currency == '\0')
    {
      g_printerr ("smm-panel-sim: --currency must not be empty\n");
      return EXIT_FAILURE;
    }
  if (catalogue != NULL && !g_str_equal (catalogue, "a") && !g_str_equal (catalogue, "b")
      && !g_str_equal (catalogue, "c"))
    {
      g_printerr ("smm-panel-sim: --catalogue must be a, b or c\n");
      return EXIT_FAILURE;
    }
  if (catalogue != NULL && n_services > 0)
    {
      g_printerr ("smm-panel-sim: use only one of --catalogue and --services\n");
      return EXIT_FAILURE;
    }
  if (fault_name != NULL && !smm_sim_fault_from_string (fault_name, &fault))
    {
      g_printerr ("smm-panel-sim: unknown fault “%s” (html, 500, 429, slow, truncate, "
                  "drop-after-add, redirect)\n", fault_name);
      return EXIT_FAILURE;
    }

  sim = smm_sim_new ();
  smm_sim_set_key (sim, key != NULL ? key : "demo-key");
  smm_sim_set_balance (sim, balance != NULL ? balance : "1000.00");
  smm_sim_set_currency (sim, currency != NULL ? currency
                                               : g_strcmp0 (catalogue, "b") == 0 ? "EUR" : "USD");
  smm_sim_set_generated_services (sim, (guint) n_services);
  if (catalogue != NULL)
    smm_sim_set_catalogue (sim, catalogue);
  smm_sim_set_speed (sim, speed / REAL_PER_DEMO);
  smm_sim_set_quirks (sim, quirks);
  smm_sim_set_php_format (sim, !json);
  if (quirk_names != NULL && !smm_sim_set_quirks_from_string (sim, quirk_names, &error))
    {
      g_printerr ("smm-panel-sim: --quirk: %s\n", error->message);
      return EXIT_FAILURE;
    }
  smm_sim_set_refill_supported (sim, !no_refill);
  smm_sim_set_cancel_supported (sim, !no_cancel);
  smm_sim_set_strict (sim, strict);
  if (log_path != NULL && !smm_sim_set_log_file (sim, log_path, &error))
    {
      g_printerr ("smm-panel-sim: --log: %s\n", error->message);
      return EXIT_FAILURE;
    }
  smm_sim_set_latency (sim, (guint) latency);
  smm_sim_set_fault (sim, fault, fault_rate);
  smm_sim_seed_orders (sim, (guint) n_orders);

  if (!smm_sim_start (sim, (guint16) port, &error))
    {
      g_printerr ("smm-panel-sim: cannot listen on 127.0.0.1:%d: %s\n", port, error->message);
      return EXIT_FAILURE;
    }

  url = smm_sim_dup_url (sim);
  g_print ("%s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);

  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  smm_sim_stop (sim);

  n_violations = smm_sim_get_violation_count (sim);
  if (strict && n_violations > 0)
    {
      g_printerr ("smm-panel-sim: --strict: %u requests broke the rules (see --log)\n", n_violations);
      return EXIT_STRICT_FAILED;
    }

  return EXIT_SUCCESS;
}
