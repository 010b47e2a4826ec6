/* smm-cli-history.c: the order history: orders, track, import, resolve, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "smm-cli-private.h"
#include "smm-csv.h"

static void
print_orders (SmmCli    *cli,
              GPtrArray *orders)
{
  g_autoptr(GHashTable) names = smm_cli_account_names (cli);
  SmmCliTable *table;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < orders->len; i++)
        {
          SmmOrder *o = orders->pdata[i];
          gint64 account_id = smm_order_get_account_id (o);
          SmmMoney charge;

          json_builder_begin_object (builder);
          smm_cli_json_add_int (builder, "local_id", smm_order_get_local_id (o));
          smm_cli_json_add_string (builder, "account", g_hash_table_lookup (names, &account_id));
          smm_cli_json_add_int (builder, "order", smm_order_get_id (o));
          /* unknown is null: an imported order's service and quantity, a remains not told */
          smm_cli_json_add_count (builder, "service", smm_order_get_service_id (o) > 0 ? smm_order_get_service_id (o) : -1);
          smm_cli_json_add_text (builder, "service_name", smm_order_get_service_name (o));
          smm_cli_json_add_string (builder, "link", smm_order_get_link (o));
          smm_cli_json_add_count (builder, "quantity", smm_order_get_quantity (o));
          smm_cli_json_add_string (builder, "status", smm_order_get_status_text (o));
          if (smm_order_get_charge (o, &charge))
            smm_cli_json_add_money (builder, "charge", charge);
          else
            smm_cli_json_add_null (builder, "charge");
          smm_cli_json_add_count (builder, "remains", smm_order_get_remains (o));
          if (smm_order_get_error (o))
            smm_cli_json_add_string (builder, "error", smm_order_get_error (o)->message);
          smm_cli_json_add_subscription (builder, o);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
      return;
    }

  table = smm_cli_table_new (_("#"), _("ACCOUNT"), _("ORDER"), _("SERVICE"), _("LINK"), _("QUANTITY"), _("CHARGE"),
                             _("STATUS"), _("REMAINS"), NULL);
  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrder *o = orders->pdata[i];
      gint64 account_id = smm_order_get_account_id (o);
      SmmMoney charge;
      const GError *reason = smm_order_get_error (o);
      g_autofree char *label = smm_cli_order_status_text (o);
      g_autofree char *status = reason && smm_order_get_status (o) >= SMM_ORDER_STATUS_UNCONFIRMED
                                  ? g_strdup_printf ("%s: %s", label, reason->message)
                                  : g_strdup (label);

      smm_cli_table_add (table,
                         g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_local_id (o)),
                         g_strdup (g_hash_table_lookup (names, &account_id)),
                         smm_order_get_id (o) > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (o))
                                                  : g_strdup ("–"),
                         *smm_order_get_service_name (o) ? smm_cli_shorten (smm_order_get_service_name (o), 32)
                                                          : g_strdup ("–"),
                         smm_cli_shorten (smm_order_get_link (o), 36),
                         smm_cli_count_text (smm_order_get_quantity (o)),
                         smm_order_get_charge (o, &charge)
                           ? smm_money_format_with_currency (charge, smm_order_get_currency (o)) : g_strdup ("–"),
                         smm_cli_shorten (status, 60),
                         smm_cli_count_text (smm_order_get_remains (o)));
    }
  smm_cli_table_print_free (table);
}

/* Reads the options of “orders” and “export”: their filters --status and --search, and the global
 * ones; as smm_cli_start does. */
static gboolean
start_with_filters (SmmCli       *cli,
                    const char   *parameter_string,
                    int          *argc,
                    char       ***argv,
                    char        **status,
                    char        **search,
                    int          *rc)
{
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, status,
      N_("Only orders with this status, or “active”"), N_("STATUS") },
    { "search", 0, 0, G_OPTION_ARG_STRING, search, N_("Only orders whose link, service or ID has this"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);

  return smm_cli_start (cli, context, entries, argc, argv, rc);
}

/* The query of the filters of “orders” and “export” */
static int
order_query (const char    *status,
             const char    *search,
             SmmCli        *cli,
             SmmOrderQuery *query)
{
  memset (query, 0, sizeof *query);
  query->account_id = cli->account ? smm_account_get_id (cli->account) : 0;
  query->search = search;
  if (status && g_ascii_strcasecmp (status, "active") == 0)
    query->filter = SMM_ORDER_FILTER_ACTIVE;
  else if (status)
    {
      query->filter = SMM_ORDER_FILTER_STATUS;
      query->status = smm_order_status_from_string (status);
      if (query->status == SMM_ORDER_STATUS_UNKNOWN)
        return smm_cli_usage_error (_("unknown status “%s”"), status);
    }
  return EXIT_OK;
}

int
smm_cli_run_orders (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autofree char *status = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  SmmOrderQuery query;
  int rc;

  if (!start_with_filters (cli, _("— the order history"), &argc, &argv, &status, &search, &rc))
    return rc;
  if (argc > 1)
    return smm_cli_usage_error (_("unexpected argument “%s”"), argv[1]);

  if ((rc = order_query (status, search, cli, &query)) != EXIT_OK)
    return rc;

  orders = smm_store_list_orders (cli->store, &query, &error);
  if (orders == NULL)
    return smm_cli_api_error (error);
  print_orders (cli, orders);
  return EXIT_OK;
}

static void
print_change_cb (SmmTracker *tracker,
                 SmmOrder   *order,
                 SmmCli     *cli)
{
  if (!cli->json)
    g_print (_("Order %" PRId64 ": %s\n"), smm_order_get_id (order), smm_cli_order_status_label (order));
}

static void
print_refill_change_cb (SmmTracker *tracker,
                        SmmRefill  *refill,
                        SmmCli     *cli)
{
  if (!cli->json)
    g_print (_("Refill %" PRId64 ": %s\n"), smm_refill_get_id (refill),
             smm_refill_status_get_label (smm_refill_get_status (refill)));
}

int
smm_cli_run_track (SmmCli  *cli,
                   int      argc,
                   char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— ask the panels about every order not yet done"));
  int rc;
  g_autoptr(GError) error = NULL;
  SmmTrackerReport report = { 0 };
  gboolean ok;

  if (!smm_cli_start (cli, context, NULL, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return smm_cli_usage_error (_("“track” takes no arguments"));

  g_signal_connect (cli->tracker, "order-changed", G_CALLBACK (print_change_cb), cli);
  g_signal_connect (cli->tracker, "refill-changed", G_CALLBACK (print_refill_change_cb), cli);
  smm_tracker_refresh_async (cli->tracker, NULL, smm_cli_result_cb, cli);
  ok = smm_tracker_refresh_finish (cli->tracker, smm_cli_wait_result (cli), &report, &error);
  smm_cli_clear_result (cli);
  if (!ok)
    return smm_cli_api_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      smm_cli_json_add_int (builder, "checked", report.n_checked);
      smm_cli_json_add_int (builder, "changed", report.n_changed);
      smm_cli_json_add_int (builder, "finished", report.n_finished);
      smm_cli_json_add_int (builder, "failed", report.n_failed);
      json_builder_end_object (builder);
      smm_cli_print_json (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u item checked, %u changed, %u finished.\n",
                          "%u items checked, %u changed, %u finished.\n", report.n_checked),
             report.n_checked, report.n_changed, report.n_finished);
  return report.n_failed ? EXIT_API : EXIT_OK;
}

int
smm_cli_run_import (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  int status = EXIT_OK;
  g_autoptr(GArray) ids = smm_cli_parse_ids (cli, _("ID… — add orders placed on the panel’s web site"),
                                             argc, argv, &status);
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  gboolean any_error = FALSE;

  if (ids == NULL)
    return status;
  if (cli->account == NULL)
    return smm_cli_usage_error (_("“import” needs --account NAME"));

  smm_order_actions_import_async (cli->actions, smm_account_get_id (cli->account), (gint64 *) ids->data, ids->len,
                                  NULL, smm_cli_result_cb, cli);
  replies = smm_order_actions_import_finish (cli->actions, smm_cli_wait_result (cli), &n_added, &error);
  smm_cli_clear_result (cli);
  if (replies == NULL)
    return smm_cli_api_error (error);
  for (guint i = 0; i < replies->len; i++)
    {
      SmmOrder *o = replies->pdata[i];
      if (smm_order_get_error (o))
        {
          g_printerr (_("Order %" PRId64 ": %s\n"), smm_order_get_id (o), smm_order_get_error (o)->message);
          any_error = TRUE;
        }
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u order imported.\n", "%u orders imported.\n", n_added), n_added);
  return any_error ? EXIT_API : EXIT_OK;
}

int
smm_cli_run_resolve (SmmCli  *cli,
                     int      argc,
                     char   **argv)
{
  gint64 panel_id = 0;
  gboolean discard = FALSE;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_INT64, &panel_id, N_("The order’s ID as the panel’s web site shows it"), N_("ID") },
    { "discard", 0, 0, G_OPTION_ARG_NONE, &discard, N_("The panel did not receive it: discard it"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ORDER — settle an unconfirmed order"));
  g_autoptr(GError) error = NULL;
  guint64 local_id;
  int rc;

  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &local_id, NULL))
    return smm_cli_usage_error (_("“resolve” needs the order’s number (the # column of “orders”)"));
  if ((panel_id > 0) == discard)
    return smm_cli_usage_error (_("“resolve” needs either --id PANEL_ID or --discard"));

  if (discard ? !smm_store_discard_order (cli->store, local_id, &error)
              : !smm_store_resolve_order (cli->store, local_id, panel_id, &error))
    return smm_cli_api_error (error);
  if (discard)
    g_print (_("Order #%" PRIu64 " discarded.\n"), local_id);
  else
    g_print (_("Order #%" PRIu64 " is order %" PRId64 " on the panel.\n"), local_id, panel_id);
  return EXIT_OK;
}

int
smm_cli_run_export (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autofree char *status = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  SmmOrderQuery query;
  guint n = 0;
  int rc;

  if (!start_with_filters (cli, _("FILE — write the order history as CSV"), &argc, &argv, &status, &search, &rc))
    return rc;
  if (argc != 2)
    return smm_cli_usage_error (_("“export” needs the file to write"));
  if ((rc = order_query (status, search, cli, &query)) != EXIT_OK)
    return rc;
  if (!smm_csv_export_orders (cli->store, &query, argv[1], &n, &error))
    return smm_cli_api_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      smm_cli_json_add_string (builder, "file", argv[1]);
      smm_cli_json_add_int (builder, "orders", n);
      json_builder_end_object (builder);
      smm_cli_print_json (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u order written to %s.\n", "%u orders written to %s.\n", n), n, argv[1]);
  return EXIT_OK;
}

/* attach ORDER --service ID: the service of an imported order, from the account's catalogue */
int
smm_cli_run_attach (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  gint64 service_id = 0;
  const GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_INT64, &service_id, N_("The service the order was placed for"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ORDER --service ID — say which service an imported "
                                                              "order is for"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) order = NULL;
  g_autoptr(GPtrArray) services = NULL;
  SmmService *service;
  guint64 local_id;
  int rc;

  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &local_id, NULL))
    return smm_cli_usage_error (_("“attach” needs the order’s number (the # column of “orders”)"));
  if (service_id <= 0)
    return smm_cli_usage_error (_("“attach” needs --service ID"));

  if (!(order = smm_store_get_order (cli->store, local_id, &error)))
    return smm_cli_api_error (error);
  services = smm_store_load_services (cli->store, smm_order_get_account_id (order), NULL, &error);
  if (services == NULL)
    return smm_cli_api_error (error);
  service = smm_cli_find_service (services, service_id);
  if (service == NULL)
    return smm_cli_usage_error (_("service %" PRId64 " is not in the account’s catalogue (see “services”)"),
                                service_id);
  if (!smm_store_attach_service (cli->store, local_id, service, &error))
    return smm_cli_api_error (error);
  g_print (_("Order #%" PRIu64 " is for service %" PRId64 ", “%s”.\n"), local_id, service_id,
           smm_service_get_name (service));
  return EXIT_OK;
}
