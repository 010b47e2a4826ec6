/* smm-cli-reports.c: reports from the saved history: compare, changes, spending
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "smm-cli-private.h"
#include "smm-match.h"
#include "smm-spending.h"

/* Returns: (transfer full): every account's cached catalogue, in the order of @accounts */
static GPtrArray *
load_catalogues (SmmCli    *cli,
                 GPtrArray *accounts)
{
  GPtrArray *catalogues = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < accounts->len; i++)
    {
      GPtrArray *services = smm_store_load_services (cli->store, smm_account_get_id (accounts->pdata[i]), NULL, NULL);
      g_ptr_array_add (catalogues, services ? services : g_ptr_array_new_with_free_func (g_object_unref));
    }
  return catalogues;
}

static void
json_service_row (JsonBuilder *builder,
                  SmmAccount  *account,
                  SmmService  *service,
                  SmmMoney     rate,
                  gboolean     converted,
                  const char  *target,
                  gboolean     refill_differs)
{
  json_builder_begin_object (builder);
  smm_cli_json_add_string (builder, "account", smm_account_get_name (account));
  smm_cli_json_add_int (builder, "service", smm_service_get_id (service));
  smm_cli_json_add_string (builder, "name", smm_service_get_name (service));
  smm_cli_json_add_money (builder, "rate", smm_service_get_rate (service));
  smm_cli_json_add_string (builder, "currency", smm_account_get_currency (account));
  if (converted)
    {
      smm_cli_json_add_money (builder, "converted_rate", rate);
      smm_cli_json_add_string (builder, "converted_currency", target);
    }
  smm_cli_json_add_int (builder, "min", smm_service_get_min (service));
  smm_cli_json_add_int (builder, "max", smm_service_get_max (service));
  smm_cli_json_add_tristate (builder, "refill", smm_service_get_refill (service));
  smm_cli_json_add_tristate (builder, "cancel", smm_service_get_cancel (service));
  smm_cli_json_add_boolean (builder, "refill_differs", refill_differs);
  json_builder_end_object (builder);
}

static void
add_compare_row (SmmCliTable *table,
                 SmmAccount  *account,
                 SmmService  *service,
                 SmmMoney     rate,
                 gboolean     converted,
                 const char  *note)
{
  smm_cli_table_add (table,
                     g_strdup (smm_account_get_name (account)),
                     g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_id (service)),
                     smm_cli_shorten (smm_service_get_name (service), 40),
                     converted ? smm_money_format (rate, 2, 8) : g_strdup ("–"),
                     smm_cli_money_text (smm_service_get_rate (service), smm_account_get_currency (account)),
                     g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_min (service)),
                     g_strdup_printf ("%" G_GINT64_FORMAT, smm_service_get_max (service)),
                     g_strdup (smm_cli_yes_no (smm_service_get_refill (service))),
                     g_strdup (smm_cli_yes_no (smm_service_get_cancel (service))),
                     g_strdup (note));
}

int
smm_cli_run_compare (SmmCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_autofree char *target = NULL;
  g_auto(GStrv) rate_specs = NULL;
  const GOptionEntry entries[] = {
    { "currency", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("Compare in this currency (default: the account’s)"), N_("CODE") },
    { "rate", 0, 0, G_OPTION_ARG_STRING_ARRAY, &rate_specs,
      N_("What one unit of a currency is worth in the compared currency, like EUR=1.08 (repeat it)"),
      N_("CODE=VALUE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SERVICE_ID — the same service on your other panels"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) catalogues = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(SmmRateTable) rates = NULL;
  SmmService *service = NULL;
  GPtrArray *own = NULL;
  guint64 service_id;
  SmmMoney own_rate;
  gboolean own_converted;
  int rc;

  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &service_id, NULL))
    return smm_cli_usage_error (_("“compare” needs a service ID"));
  if (cli->account == NULL)
    return smm_cli_usage_error (_("“compare” needs --account NAME: the account whose service it is"));

  if (target == NULL)
    target = g_strdup (smm_account_get_currency (cli->account));
  if (target == NULL || *target == '\0')
    return smm_cli_usage_error (_("the account’s currency is not known yet: give --currency CODE"));
  rates = smm_rate_table_new (target);
  for (guint i = 0; rate_specs && rate_specs[i]; i++)
    if (!smm_rate_table_parse (rates, rate_specs[i], &error))
      return smm_cli_usage_error ("%s", error->message);

  accounts = smm_store_list_accounts (cli->store, &error);
  if (accounts == NULL)
    return smm_cli_api_error (error);
  catalogues = load_catalogues (cli, accounts);
  for (guint i = 0; i < accounts->len; i++)
    if (smm_account_get_id (accounts->pdata[i]) == smm_account_get_id (cli->account))
      own = catalogues->pdata[i];
  service = smm_cli_find_service (own, (gint64) service_id);
  if (service == NULL)
    {
      g_printerr (_("smm-desk-cli: service %" PRIu64 " is not in the saved catalogue of “%s”: list it first with "
                    "“smm-desk-cli --account NAME services”\n"), service_id, smm_account_get_name (cli->account));
      return EXIT_API;
    }

  matches = smm_match_find (service, smm_account_get_id (cli->account), accounts, catalogues, rates);
  own_converted = smm_rate_table_convert (rates, smm_account_get_currency (cli->account),
                                          smm_service_get_rate (service), &own_rate);
  if (!own_converted)
    own_rate = smm_service_get_rate (service);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "service");
      json_service_row (builder, cli->account, service, own_rate, own_converted, target, FALSE);
      json_builder_set_member_name (builder, "matches");
      json_builder_begin_array (builder);
      for (guint i = 0; i < matches->len; i++)
        {
          SmmMatch *m = matches->pdata[i];
          json_service_row (builder, m->account, m->service, m->rate, m->converted, target, m->refill_differs);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      smm_cli_print_json (builder);
      return EXIT_OK;
    }

  {
    g_autofree char *rate_title = g_strdup_printf (_("RATE/1000 (%s)"), smm_rate_table_get_target (rates));
    SmmCliTable *table = smm_cli_table_new (_("ACCOUNT"), _("ID"), _("NAME"), rate_title, _("PANEL’S RATE"),
                                            _("MIN"), _("MAX"), _("REFILL"), _("CANCEL"), _("NOTE"), NULL);

    add_compare_row (table, cli->account, service, own_rate, own_converted, _("this service"));
    for (guint i = 0; i < matches->len; i++)
      {
        SmmMatch *m = matches->pdata[i];
        add_compare_row (table, m->account, m->service, m->rate, m->converted,
                         !m->converted ? _("no exchange rate") : m->refill_differs ? _("no refill") : "");
      }
    smm_cli_table_print_free (table);
  }
  if (matches->len == 0)
    g_print (_("No similar service on your other panels.\n"));
  return EXIT_OK;
}

/* "2026-03-01" (local midnight) or a full ISO 8601 time */
static GDateTime *
parse_date (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  guint y, m, d;
  char end;

  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 && g_date_valid_dmy (d, m, y))
    return g_date_time_new (local, y, m, d, 0, 0, 0);
  return g_date_time_new_from_iso8601 (text, local);
}

int
smm_cli_run_changes (SmmCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_autofree char *since_text = NULL;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, N_("Only changes seen on or after this date"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— what changed in the catalogues"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) names = NULL;
  int rc;

  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return smm_cli_usage_error (_("unexpected argument “%s”"), argv[1]);
  if (since_text && (since = parse_date (since_text)) == NULL)
    return smm_cli_usage_error (_("“%s” is not a date: write it like 2026-03-01"), since_text);

  changes = smm_store_list_changes (cli->store, cli->account ? smm_account_get_id (cli->account) : 0, since, &error);
  if (changes == NULL)
    return smm_cli_api_error (error);
  names = smm_cli_account_names (cli);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        {
          SmmCatalogueChange *c = changes->pdata[i];
          g_autofree char *seen = g_date_time_format_iso8601 (smm_catalogue_change_get_seen (c));
          SmmMoney rate;
          gint64 bp;

          json_builder_begin_object (builder);
          smm_cli_json_add_string (builder, "seen", seen);
          smm_cli_json_add_string (builder, "account",
                                   smm_cli_account_name_of (names, smm_catalogue_change_get_account_id (c)));
          smm_cli_json_add_int (builder, "service", smm_catalogue_change_get_service_id (c));
          smm_cli_json_add_string (builder, "name", smm_catalogue_change_get_name (c));
          smm_cli_json_add_string (builder, "category", smm_catalogue_change_get_category (c));
          smm_cli_json_add_string (builder, "kind", smm_change_kind_to_string (smm_catalogue_change_get_kind (c)));
          if (smm_catalogue_change_get_old_name (c))
            smm_cli_json_add_string (builder, "old_name", smm_catalogue_change_get_old_name (c));
          if (smm_catalogue_change_get_old_rate (c, &rate))
            smm_cli_json_add_money (builder, "old_rate", rate);
          if (smm_catalogue_change_get_new_rate (c, &rate))
            smm_cli_json_add_money (builder, "new_rate", rate);
          if (smm_catalogue_change_get_basis_points (c, &bp))
            smm_cli_json_add_int (builder, "basis_points", bp);
          smm_cli_json_add_boolean (builder, "ordered_before", smm_catalogue_change_get_ordered_before (c));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
      return EXIT_OK;
    }

  {
    SmmCliTable *table = smm_cli_table_new (_("SEEN"), _("ACCOUNT"), _("ID"), _("SERVICE"), _("CHANGE"), _("OLD"),
                                            _("NEW"), _("ORDERED"), NULL);

    for (guint i = 0; i < changes->len; i++)
      {
        SmmCatalogueChange *c = changes->pdata[i];
        g_autoptr(GDateTime) seen = g_date_time_to_local (smm_catalogue_change_get_seen (c));
        SmmMoney old_rate, new_rate;
        gint64 bp;
        char *what;

        if (smm_catalogue_change_get_basis_points (c, &bp))
          {
            g_autofree char *percent = g_strdup_printf ("%+.2f", (double) bp / 100.0);
            /* TRANSLATORS: a price change, e.g. "Price changed (+12.50 %)" */
            what = g_strdup_printf (_("%s (%s %%)"), smm_change_kind_get_label (smm_catalogue_change_get_kind (c)),
                                    percent);
          }
        else
          what = g_strdup (smm_change_kind_get_label (smm_catalogue_change_get_kind (c)));
        smm_cli_table_add (table,
                           g_date_time_format (seen, "%Y-%m-%d %H:%M"),
                           g_strdup (smm_cli_account_name_of (names, smm_catalogue_change_get_account_id (c))),
                           g_strdup_printf ("%" G_GINT64_FORMAT, smm_catalogue_change_get_service_id (c)),
                           smm_cli_shorten (smm_catalogue_change_get_name (c), 40),
                           what,
                           smm_catalogue_change_get_old_rate (c, &old_rate) ? smm_money_format (old_rate, 2, 8)
                           : g_strdup (smm_catalogue_change_get_old_name (c) ? smm_catalogue_change_get_old_name (c)
                                                                              : ""),
                           smm_catalogue_change_get_new_rate (c, &new_rate) ? smm_money_format (new_rate, 2, 8)
                                                                            : g_strdup (""),
                           g_strdup (smm_catalogue_change_get_ordered_before (c) ? _("yes") : ""));
      }
    smm_cli_table_print_free (table);
  }
  if (changes->len == 0)
    g_print (_("No change seen yet. Changes are found when a catalogue is fetched again "
               "(“smm-desk-cli --account NAME services”).\n"));
  return EXIT_OK;
}

static char *
period_text (GDateTime         *start,
             SmmSpendingPeriod  period)
{
  switch (period)
    {
    case SMM_SPENDING_BY_DAY:
      return g_date_time_format (start, "%Y-%m-%d");
    case SMM_SPENDING_BY_WEEK:
      return g_date_time_format (start, "%G-W%V");
    case SMM_SPENDING_BY_MONTH:
    default:
      return g_date_time_format (start, "%Y-%m");
    }
}

int
smm_cli_run_spending (SmmCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_autofree char *by = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("day, week, month (the default) or category"), N_("PERIOD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— money spent, refunds taken off"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) names = NULL;
  SmmSpendingPeriod period = SMM_SPENDING_BY_MONTH;
  gboolean by_category = FALSE;
  SmmCliTable *table;
  int rc;

  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return smm_cli_usage_error (_("unexpected argument “%s”"), argv[1]);
  if (by == NULL || g_str_equal (by, "month"))
    period = SMM_SPENDING_BY_MONTH;
  else if (g_str_equal (by, "day"))
    period = SMM_SPENDING_BY_DAY;
  else if (g_str_equal (by, "week"))
    period = SMM_SPENDING_BY_WEEK;
  else if (g_str_equal (by, "category"))
    by_category = TRUE;
  else
    return smm_cli_usage_error (_("--by takes day, week, month or category"));

  entries_list = smm_store_list_spending (cli->store, cli->account ? smm_account_get_id (cli->account) : 0, NULL,
                                          &error);
  if (entries_list == NULL)
    return smm_cli_api_error (error);
  rows = by_category ? smm_spending_by_category (entries_list) : smm_spending_by_period (entries_list, period, NULL);
  names = smm_cli_account_names (cli);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          SmmSpendingRow *row = rows->pdata[i];

          json_builder_begin_object (builder);
          if (row->start)
            {
              g_autofree char *start = g_date_time_format_iso8601 (row->start);
              g_autofree char *label = period_text (row->start, period);

              smm_cli_json_add_string (builder, "period", label);
              smm_cli_json_add_string (builder, "start", start);
            }
          else
            smm_cli_json_add_string (builder, "category", row->category);
          smm_cli_json_add_string (builder, "account", smm_cli_account_name_of (names, row->account_id));
          smm_cli_json_add_string (builder, "currency", row->currency);
          smm_cli_json_add_money (builder, "spent", row->spent);
          smm_cli_json_add_money (builder, "refunded", row->refunded);
          smm_cli_json_add_money (builder, "unconfirmed", row->unconfirmed);
          smm_cli_json_add_int (builder, "orders", row->n_orders);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      smm_cli_print_json (builder);
      return EXIT_OK;
    }

  table = smm_cli_table_new (by_category ? _("CATEGORY") : _("PERIOD"), _("ACCOUNT"), _("SPENT"), _("REFUNDED"),
                             _("ORDERS"), _("UNCONFIRMED"), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      SmmSpendingRow *row = rows->pdata[i];

      smm_cli_table_add (table,
                         row->start ? period_text (row->start, period)
                                    : g_strdup (*row->category ? row->category : _("(no category)")),
                         g_strdup (smm_cli_account_name_of (names, row->account_id)),
                         smm_cli_money_text (row->spent, row->currency),
                         smm_cli_money_text (row->refunded, row->currency),
                         g_strdup_printf ("%u", row->n_orders),
                         row->unconfirmed.units ? smm_cli_money_text (row->unconfirmed, row->currency) : g_strdup (""));
    }
  smm_cli_table_print_free (table);
  return EXIT_OK;
}
