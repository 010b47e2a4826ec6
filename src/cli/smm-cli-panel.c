/* smm-cli-panel.c: the actions on one panel: services, add, status, refill, cancel, balance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "smm-cli-private.h"

GPtrArray *
smm_cli_fetch_services (SmmCli  *cli,
                        GError **error)
{
  GPtrArray *services;
  SmmServicesReport report;
  g_autofree char *left_out = NULL;

  smm_client_services_async (cli->client, NULL, smm_cli_result_cb, cli);
  services = smm_client_services_finish_full (cli->client, smm_cli_wait_result (cli), &report, error);
  smm_cli_clear_result (cli);
  /* on standard error: the table or JSON on standard output stays the catalogue alone */
  if (services && (left_out = smm_services_report_dup_message (&report)))
    g_printerr ("smm-desk-cli: %s\n", left_out);
  smm_services_report_clear (&report);
  return services;
}

/* Returns: (transfer none) (nullable): the service of @services with this ID */
SmmService *
smm_cli_find_service (GPtrArray *services,
                      gint64     service_id)
{
  for (guint i = 0; services && i < services->len; i++)
    if (smm_service_get_id (services->pdata[i]) == service_id)
      return services->pdata[i];
  return NULL;
}

/* Asks the panel for its balance; with --account, the history keeps it (and so the currency). */
gboolean
smm_cli_fetch_balance (SmmCli    *cli,
                       SmmMoney  *balance,
                       char     **currency,
                       GError   **error)
{
  gboolean ok;

  smm_client_balance_async (cli->client, NULL, smm_cli_result_cb, cli);
  ok = smm_client_balance_finish (cli->client, smm_cli_wait_result (cli), balance, currency, error);
  smm_cli_clear_result (cli);
  if (ok && cli->account)
    smm_store_set_balance (cli->store, smm_account_get_id (cli->account), *balance, *currency, NULL);
  return ok;
}

int
smm_cli_run_services (SmmCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the panel’s services"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  int rc;

  if (!smm_cli_start (cli, context, NULL, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return smm_cli_usage_error (_("“services” takes no arguments"));

  services = smm_cli_fetch_services (cli, &error);
  if (services == NULL)
    return smm_cli_api_error (error);
  /* with an account, the catalogue is kept: compare and changes read it */
  if (cli->account &&
      !smm_store_save_services (cli->store, smm_account_get_id (cli->account), services, &error))
    return smm_cli_api_error (error);
  /* comparing needs the account's currency, which only `balance` tells */
  if (cli->account && *smm_account_get_currency (cli->account) == '\0')
    {
      g_autofree char *currency = NULL;
      SmmMoney balance;

      smm_cli_fetch_balance (cli, &balance, &currency, NULL);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < services->len; i++)
        {
          SmmService *s = services->pdata[i];
          json_builder_begin_object (builder);
          smm_cli_json_add_int (builder, "service", smm_service_get_id (s));
          smm_cli_json_add_string (builder, "name", smm_service_get_name (s));
          smm_cli_json_add_string (builder, "type", smm_service_get_type_name (s));
          smm_cli_json_add_string (builder, "category", smm_service_get_category (s));
          smm_cli_json_add_money (builder, "rate", smm_service_get_rate (s));
          smm_cli_json_add_int (builder, "min", smm_service_get_min (s));
          smm_cli_json_add_int (builder, "max", smm_service_get_max (s));
          smm_cli_json_add_tristate (builder, "refill", smm_service_get_refill (s));
          smm_cli_json_add_tristate (builder, "cancel", smm_service_get_cancel (s));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
    }
  else
    {
      SmmCliTable *table = smm_cli_table_new (_("ID"), _("NAME"), _("CATEGORY"), _("TYPE"), _("RATE/1000"),
                                              _("MIN"), _("MAX"), _("REFILL"), _("CANCEL"), NULL);
      for (guint i = 0; i < services->len; i++)
        {
          SmmService *s = services->pdata[i];
          smm_cli_table_add (table,
                             g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_id (s)),
                             smm_cli_shorten (smm_service_get_name (s), 48),
                             smm_cli_shorten (smm_service_get_category (s), 24),
                             g_strdup (smm_service_get_service_type (s) == SMM_SERVICE_TYPE_UNKNOWN
                                         ? smm_service_get_type_name (s)
                                         : smm_service_type_get_label (smm_service_get_service_type (s))),
                             smm_money_format (smm_service_get_rate (s), 2, 8),
                             g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_min (s)),
                             g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_max (s)),
                             g_strdup (smm_cli_yes_no (smm_service_get_refill (s))),
                             g_strdup (smm_cli_yes_no (smm_service_get_cancel (s))));
        }
      smm_cli_table_print_free (table);
    }
  return EXIT_OK;
}

static char *
read_file_text (const char  *path,
                GError     **error)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  return contents;
}

int
smm_cli_run_add (SmmCli  *cli,
                 int      argc,
                 char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— place an order"));
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  char *values[SMM_N_FIELDS] = { NULL };
  char *files[SMM_N_FIELDS] = { NULL };
  gint64 service_id = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(SmmOrderRequest) request = NULL;
  g_autoptr(SmmPlacement) placement = NULL;
  SmmService *service = NULL;
  SmmMoney charge;
  gint64 order_id;
  int status = EXIT_OK;
  gboolean go_on;

  {
    GOptionEntry service_entry = { "service", 0, 0, G_OPTION_ARG_INT64, &service_id,
                                   N_("The service’s ID"), N_("ID") };
    g_ptr_array_add (entries, g_memdup2 (&service_entry, sizeof service_entry));
  }
  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      const SmmFieldInfo *info = smm_field_get_info (f);
      char *name = g_strdelimit (g_strdup (info->wire_name), "_", '-');
      GOptionEntry entry = { name, 0, 0, G_OPTION_ARG_STRING, &values[f], info->hint, NULL };

      g_ptr_array_add (names, name);
      g_ptr_array_add (entries, g_memdup2 (&entry, sizeof entry));
      if (info->kind == SMM_FIELD_KIND_LINES)
        {
          char *file_name = g_strconcat (name, "-file", NULL);
          GOptionEntry file_entry = { file_name, 0, 0, G_OPTION_ARG_FILENAME, &files[f],
                                      N_("Read the lines from a file"), N_("FILE") };
          g_ptr_array_add (names, file_name);
          g_ptr_array_add (entries, g_memdup2 (&file_entry, sizeof file_entry));
        }
    }
  {
    /* one array of entries, ending with an empty one */
    g_autofree GOptionEntry *flat = g_new0 (GOptionEntry, entries->len + 1);

    for (guint i = 0; i < entries->len; i++)
      flat[i] = *(GOptionEntry *) entries->pdata[i];
    go_on = smm_cli_start (cli, context, flat, &argc, &argv, &status);
  }
  for (guint i = 0; i < entries->len; i++)
    g_free (entries->pdata[i]);
  if (!go_on)
    goto out;
  if (argc > 1)
    {
      status = smm_cli_usage_error (_("unexpected argument “%s”"), argv[1]);
      goto out;
    }
  if (service_id <= 0)
    {
      status = smm_cli_usage_error (_("“add” needs --service ID"));
      goto out;
    }

  services = smm_cli_fetch_services (cli, &error);
  if (services == NULL)
    {
      status = smm_cli_api_error (error);
      goto out;
    }
  service = smm_cli_find_service (services, service_id);
  if (service == NULL)
    {
      g_printerr (_("smm-desk-cli: the panel has no service %" PRId64 "\n"), service_id);
      status = EXIT_API;
      goto out;
    }

  request = smm_order_request_new_for_service (service);
  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      if (files[f])
        {
          g_autofree char *text = read_file_text (files[f], &error);
          if (text == NULL)
            {
              status = smm_cli_usage_error ("%s", error->message);
              goto out;
            }
          smm_order_request_set (request, f, text);
        }
      else if (values[f])
        smm_order_request_set (request, f, values[f]);
    }
  if (!smm_order_request_validate (request, service, &error))
    {
      status = smm_cli_usage_error ("%s", error->message);
      goto out;
    }
  if (smm_order_request_estimate_charge (request, smm_service_get_rate (service), &charge))
    {
      g_autofree char *amount = smm_money_format (charge, 2, 8);
      g_printerr (_("Placing an order for “%s”: %s\n"), smm_service_get_name (service), amount);
    }

  /* with --account, recorded before it is sent and settled by the answer */
  placement = smm_placement_new (cli->actions, smm_cli_get_account_id (cli), service, request);
  smm_placement_run_async (placement, NULL, smm_cli_result_cb, cli);
  order_id = smm_placement_run_finish (placement, smm_cli_wait_result (cli), &error)
             ? smm_order_get_id (smm_placement_get_order (placement)) : 0;
  smm_cli_clear_result (cli);
  if (order_id <= 0)
    {
      status = smm_cli_api_error (error);
      if (cli->account && g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN))
        g_printerr (_("The order is in the history as unconfirmed. Once you have checked the panel’s web site, "
                      "settle it with “smm-desk-cli resolve NUMBER --id ID” or “--discard” "
                      "(“smm-desk-cli orders --status unconfirmed” shows its number).\n"));
      goto out;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      smm_cli_json_add_int (builder, "order", order_id);
      json_builder_end_object (builder);
      smm_cli_print_json (builder);
    }
  else
    g_print (_("Order %" PRId64 " placed.\n"), order_id);
  /* placed, but only the history's journal holds its id so far: say so */
  if (g_error_matches (smm_order_get_error (smm_placement_get_order (placement)), SMM_STORE_ERROR,
                       SMM_STORE_ERROR_NOT_SAVED))
    g_printerr ("smm-desk-cli: %s\n", smm_order_get_error (smm_placement_get_order (placement))->message);

out:
  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      g_free (values[f]);
      g_free (files[f]);
    }
  return status;
}

/* Reads the options and the positional IDs of status, refill, refill-status, cancel and import;
 * NULL when the action stops there, with @status its exit status. */
GArray *
smm_cli_parse_ids (SmmCli      *cli,
                   const char  *parameter_string,
                   int          argc,
                   char       **argv,
                   int         *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!smm_cli_start (cli, context, NULL, &argc, &argv, status))
    return NULL;

  for (int i = 1; i < argc; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (argv[i], ", ", -1);
      for (guint j = 0; parts[j]; j++)
        {
          guint64 id;
          if (*parts[j] == '\0')
            continue;
          if (!g_ascii_string_to_unsigned (parts[j], 10, 1, G_MAXINT64, &id, NULL))
            {
              *status = smm_cli_usage_error (_("“%s” is not an ID"), parts[j]);
              return NULL;
            }
          g_array_append_val (ids, id);
        }
    }
  if (ids->len == 0)
    {
      *status = smm_cli_usage_error (_("give at least one ID"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

int
smm_cli_run_status (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  int status = EXIT_OK;
  g_autoptr(GArray) ids = smm_cli_parse_ids (cli, _("ID… — show orders’ status"), argc, argv, &status);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_error = FALSE;

  if (ids == NULL)
    return status;

  smm_client_status_async (cli->client, (gint64 *) ids->data, ids->len, NULL, smm_cli_result_cb, cli);
  orders = smm_client_status_finish (cli->client, smm_cli_wait_result (cli), &error);
  smm_cli_clear_result (cli);
  if (orders == NULL)
    return smm_cli_api_error (error);
  if (cli->account)
    {
      g_autoptr(GPtrArray) changed = smm_store_apply_status (cli->store, smm_account_get_id (cli->account),
                                                             orders, &error);
      if (changed == NULL)
        return smm_cli_api_error (error);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < orders->len; i++)
        {
          SmmOrder *o = orders->pdata[i];
          SmmMoney charge;

          json_builder_begin_object (builder);
          smm_cli_json_add_int (builder, "order", smm_order_get_id (o));
          any_error |= smm_order_get_error (o) != NULL;
          if (smm_order_get_error (o))
            smm_cli_json_add_error (builder, smm_order_get_error (o));
          else
            {
              smm_cli_json_add_string (builder, "status", smm_order_get_status_text (o));
              if (smm_order_get_charge (o, &charge))
                smm_cli_json_add_money (builder, "charge", charge);
              else
                smm_cli_json_add_null (builder, "charge");
              /* what the panel did not tell is null, never -1 or "" */
              smm_cli_json_add_count (builder, "start_count", smm_order_get_start_count (o));
              smm_cli_json_add_count (builder, "remains", smm_order_get_remains (o));
              smm_cli_json_add_text (builder, "currency", smm_order_get_currency (o));
              smm_cli_json_add_subscription (builder, o);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
    }
  else
    {
      SmmCliTable *table = smm_cli_table_new (_("ORDER"), _("STATUS"), _("CHARGE"), _("START"), _("REMAINS"), NULL);

      for (guint i = 0; i < orders->len; i++)
        {
          SmmOrder *o = orders->pdata[i];
          SmmMoney charge;
          const GError *item_error = smm_order_get_error (o);

          if (item_error)
            {
              smm_cli_table_add (table, g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (o)),
                                 g_strdup (item_error->message), NULL, NULL, NULL);
              any_error = TRUE;
              continue;
            }
          smm_cli_table_add (table,
                             g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (o)),
                             smm_cli_order_status_text (o),
                             smm_order_get_charge (o, &charge)
                               ? smm_money_format_with_currency (charge, smm_order_get_currency (o))
                               : g_strdup ("–"),
                             smm_cli_count_text (smm_order_get_start_count (o)),
                             smm_cli_count_text (smm_order_get_remains (o)));
        }
      smm_cli_table_print_free (table);
    }
  return any_error ? EXIT_API : EXIT_OK;
}

/* Refills as `refill` answers them (per order: the new refill) or as `refill-status` does
 * (per refill: its status); returns whether any item carries an error. */
static gboolean
print_refills (SmmCli    *cli,
               GPtrArray *refills,
               gboolean   requested)
{
  gboolean any_error = FALSE;
  SmmCliTable *table = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    table = requested ? smm_cli_table_new (_("ORDER"), _("REFILL"), NULL)
                      : smm_cli_table_new (_("REFILL"), _("STATUS"), NULL);

  for (guint i = 0; i < refills->len; i++)
    {
      SmmRefill *r = refills->pdata[i];
      const GError *item_error = smm_refill_get_error (r);
      gint64 key = requested ? smm_refill_get_order_id (r) : smm_refill_get_id (r);

      any_error |= item_error != NULL;
      if (builder)
        {
          json_builder_begin_object (builder);
          smm_cli_json_add_int (builder, requested ? "order" : "refill", key);
          if (item_error)
            smm_cli_json_add_error (builder, item_error);
          else if (requested)
            smm_cli_json_add_int (builder, "refill", smm_refill_get_id (r));
          else
            smm_cli_json_add_string (builder, "status", smm_refill_get_status_text (r));
          json_builder_end_object (builder);
          continue;
        }
      smm_cli_table_add (table, g_strdup_printf ("%" G_GINT64_FORMAT, key),
                         item_error ? g_strdup (item_error->message)
                         : requested ? g_strdup_printf ("%" G_GINT64_FORMAT, smm_refill_get_id (r))
                         : g_strdup (smm_refill_get_status (r) == SMM_REFILL_STATUS_UNKNOWN
                                       ? smm_refill_get_status_text (r)
                                       : smm_refill_status_get_label (smm_refill_get_status (r))));
    }

  if (builder)
    {
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
    }
  else
    smm_cli_table_print_free (table);
  return any_error;
}

/* refill (@requested: ask for new refills) and refill-status (the status of refills) */
static int
run_refills (SmmCli    *cli,
             int        argc,
             char     **argv,
             gboolean   requested)
{
  int status = EXIT_OK;
  g_autoptr(GArray) ids = smm_cli_parse_ids (cli, requested ? _("ID… — ask for refills of orders")
                                                       : _("ID… — show refills’ status"),
                                             argc, argv, &status);
  g_autoptr(GPtrArray) refills = NULL;
  g_autoptr(GError) error = NULL;

  if (ids == NULL)
    return status;

  if (!requested)
    {
      const char *lacking = smm_panel_action_unsupported_message (SMM_PANEL_ACTION_REFILL_STATUS);

      if (cli->account && !smm_account_supports (cli->account, SMM_PANEL_ACTION_REFILL_STATUS))
        {
          g_printerr ("smm-desk-cli: %s\n", lacking);
          return EXIT_API;
        }
      smm_client_refill_status_async (cli->client, (gint64 *) ids->data, ids->len, NULL, smm_cli_result_cb, cli);
      refills = smm_client_refill_status_finish (cli->client, smm_cli_wait_result (cli), &error);
      if (smm_api_error_means_unsupported (refills == NULL ? error
                                           : refills->len > 0 ? smm_refill_get_error (refills->pdata[0]) : NULL))
        {
          if (cli->store && cli->account)
            smm_store_learn_unsupported (cli->store, smm_account_get_id (cli->account),
                                         SMM_PANEL_ACTION_REFILL_STATUS,
                                         refills ? smm_refill_get_error (refills->pdata[0]) : error);
          g_printerr ("smm-desk-cli: %s\n", lacking);
          smm_cli_clear_result (cli);
          return EXIT_API;
        }
    }
  else
    {
      smm_order_actions_refill_async (cli->actions, smm_cli_get_account_id (cli), (gint64 *) ids->data,
                                      ids->len, NULL, smm_cli_result_cb, cli);
      refills = smm_order_actions_refill_finish (cli->actions, smm_cli_wait_result (cli), &error);
    }
  smm_cli_clear_result (cli);
  if (refills == NULL)
    return smm_cli_api_error (error);
  return print_refills (cli, refills, requested) ? EXIT_API : EXIT_OK;
}

int
smm_cli_run_refill (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  return run_refills (cli, argc, argv, TRUE);
}

int
smm_cli_run_refill_status (SmmCli  *cli,
                           int      argc,
                           char   **argv)
{
  return run_refills (cli, argc, argv, FALSE);
}

int
smm_cli_run_cancel (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  int status = EXIT_OK;
  g_autoptr(GArray) ids = smm_cli_parse_ids (cli, _("ID… — ask to cancel orders"), argc, argv, &status);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_error = FALSE;

  if (ids == NULL)
    return status;

  smm_order_actions_cancel_async (cli->actions, smm_cli_get_account_id (cli), (gint64 *) ids->data, ids->len,
                                  NULL, smm_cli_result_cb, cli);
  results = smm_order_actions_cancel_finish (cli->actions, smm_cli_wait_result (cli), &error);
  smm_cli_clear_result (cli);
  if (results == NULL)
    return smm_cli_api_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          SmmCancelResult *r = results->pdata[i];
          json_builder_begin_object (builder);
          smm_cli_json_add_int (builder, "order", r->order_id);
          smm_cli_json_add_boolean (builder, "cancel", r->accepted);
          any_error |= !r->accepted;
          if (r->error)
            smm_cli_json_add_error (builder, r->error);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
    }
  else
    {
      SmmCliTable *table = smm_cli_table_new (_("ORDER"), _("CANCEL"), NULL);

      for (guint i = 0; i < results->len; i++)
        {
          SmmCancelResult *r = results->pdata[i];

          any_error |= !r->accepted;
          smm_cli_table_add (table, g_strdup_printf ("%" G_GINT64_FORMAT, r->order_id),
                             r->accepted ? g_strdup (_("requested")) : g_strdup (r->error->message));
        }
      smm_cli_table_print_free (table);
    }
  return any_error ? EXIT_API : EXIT_OK;
}

int
smm_cli_run_balance (SmmCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— show the balance"));
  int rc;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  SmmMoney balance;

  if (!smm_cli_start (cli, context, NULL, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return smm_cli_usage_error (_("“balance” takes no arguments"));

  if (!smm_cli_fetch_balance (cli, &balance, &currency, &error))
    return smm_cli_api_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      smm_cli_json_add_money (builder, "balance", balance);
      smm_cli_json_add_string (builder, "currency", currency);
      json_builder_end_object (builder);
      smm_cli_print_json (builder);
    }
  else
    {
      g_autofree char *text = smm_money_format_with_currency (balance, currency);
      g_print ("%s\n", text);
    }
  return EXIT_OK;
}
