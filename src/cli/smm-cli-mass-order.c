/* smm-cli-mass-order.c: many orders from a file: checked, shown, then placed on --yes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include "smm-cli-private.h"
#include "smm-mass-order.h"

static void
print_mass_line_cb (SmmMassOrder     *mass,
                    SmmMassOrderLine *line,
                    SmmCli           *cli)
{
  SmmOrder *order = smm_mass_order_line_get_order (line);
  const GError *reason = smm_mass_order_line_get_error (line);

  if (cli->json)
    return;
  switch (smm_mass_order_line_get_state (line))
    {
    case SMM_MASS_ORDER_STATE_PLACED:
      g_print (_("Line %u: order %" PRId64 " placed.\n"), smm_mass_order_line_get_line (line), smm_order_get_id (order));
      break;
    case SMM_MASS_ORDER_STATE_UNCONFIRMED:
      g_print (_("Line %u: no answer came; the order is in the history as unconfirmed (#%" PRId64 "): "
                 "check the panel’s web site before anything else.\n"),
               smm_mass_order_line_get_line (line), order ? smm_order_get_local_id (order) : 0);
      break;
    default:
      g_print (_("Line %u: %s: %s\n"), smm_mass_order_line_get_line (line),
               smm_mass_order_state_get_label (smm_mass_order_line_get_state (line)), reason ? reason->message : "");
      break;
    }
}

static gboolean
stop_mass_order_cb (gpointer data)
{
  g_printerr (_("Stopping after the order on its way…\n"));
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
json_mass_order (JsonBuilder         *builder,
                 SmmMassOrder        *mass,
                 SmmMassOrderSummary *summary,
                 const SmmMoney      *balance,
                 const char          *currency)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < smm_mass_order_get_n_lines (mass); i++)
    {
      SmmMassOrderLine *line = smm_mass_order_get_line (mass, i);
      SmmOrder *order = smm_mass_order_line_get_order (line);
      const GError *reason = smm_mass_order_line_get_error (line);
      g_autoptr(GEnumClass) states = g_type_class_ref (SMM_TYPE_MASS_ORDER_STATE);
      SmmMoney charge;

      json_builder_begin_object (builder);
      smm_cli_json_add_int (builder, "line", smm_mass_order_line_get_line (line));
      smm_cli_json_add_int (builder, "service", smm_mass_order_line_get_service_id (line));
      smm_cli_json_add_string (builder, "link", smm_mass_order_line_get_link (line));
      smm_cli_json_add_int (builder, "quantity", smm_mass_order_line_get_quantity (line));
      if (smm_mass_order_line_get_charge (line, &charge))
        smm_cli_json_add_money (builder, "charge", charge);
      smm_cli_json_add_string (builder, "state",
                               g_enum_get_value (states, smm_mass_order_line_get_state (line))->value_nick);
      if (order)
        {
          smm_cli_json_add_int (builder, "local_id", smm_order_get_local_id (order));
          if (smm_order_get_id (order) > 0)
            smm_cli_json_add_int (builder, "order", smm_order_get_id (order));
        }
      if (reason)
        smm_cli_json_add_error (builder, reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  smm_cli_json_add_money (builder, "total", summary->total);
  if (balance)
    smm_cli_json_add_money (builder, "balance", *balance);
  smm_cli_json_add_string (builder, "currency", currency);
  smm_cli_json_add_boolean (builder, "over_balance", summary->over_balance);
}

int
smm_cli_run_mass_order (SmmCli  *cli,
                        int      argc,
                        char   **argv)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Place the orders without asking"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — place the orders of a file, one a line"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmMassOrder) mass = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *total = NULL;
  SmmMassOrderSummary summary;
  SmmMassOrderReport report = { 0 };
  SmmMoney balance;
  gboolean has_balance;
  gboolean placed = FALSE;
  SmmCliTable *table;
  int rc;

  g_option_context_set_summary (context,
                                _("Each line is SERVICE_ID|LINK|QUANTITY (or SERVICE_ID|QUANTITY|LINK); lines "
                                  "beginning with # are comments. A CSV file has the columns service, link and "
                                  "quantity."));
  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return smm_cli_usage_error (_("“mass-order” needs one file"));
  if (cli->account == NULL)
    return smm_cli_usage_error (_("“mass-order” needs --account NAME: every order is written into the history"));

  mass = smm_mass_order_new_from_file (argv[1], &error);
  if (mass == NULL)
    return smm_cli_usage_error ("%s", error->message);

  /* the catalogue and the balance as they are now */
  services = smm_cli_fetch_services (cli, &error);
  if (services == NULL)
    return smm_cli_api_error (error);
  if (!smm_store_save_services_full (cli->store, smm_account_get_id (cli->account), services, &changes, &error))
    return smm_cli_api_error (error);
  has_balance = smm_cli_fetch_balance (cli, &balance, &currency, NULL);
  if (!has_balance)
    currency = g_strdup (smm_account_get_currency (cli->account));

  smm_mass_order_check (mass, services, has_balance ? &balance : NULL, &summary);
  total = smm_cli_money_text (summary.total, currency);

  if (!cli->json)
    {
      table = smm_cli_table_new (_("LINE"), _("SERVICE"), _("LINK"), _("QUANTITY"), _("CHARGE"), _("CHECK"), NULL);
      for (guint i = 0; i < smm_mass_order_get_n_lines (mass); i++)
        {
          SmmMassOrderLine *line = smm_mass_order_get_line (mass, i);
          SmmService *service = smm_mass_order_line_get_service (line);
          const GError *reason = smm_mass_order_line_get_error (line);
          SmmMoney charge;

          smm_cli_table_add (table,
                             g_strdup_printf ("%u", smm_mass_order_line_get_line (line)),
                             service ? smm_cli_shorten (smm_service_get_name (service), 32)
                                     : smm_cli_count_text (smm_mass_order_line_get_service_id (line) ?: -1),
                             smm_cli_shorten (smm_mass_order_line_get_link (line), 36),
                             smm_cli_count_text (smm_mass_order_line_get_quantity (line) ?: -1),
                             smm_mass_order_line_get_charge (line, &charge) ? smm_cli_money_text (charge, currency)
                                                                            : g_strdup ("–"),
                             reason ? g_strdup (reason->message)
                                    : g_strdup (smm_mass_order_state_get_label (smm_mass_order_line_get_state (line))));
        }
      smm_cli_table_print_free (table);
      if (has_balance)
        {
          g_autofree char *balance_text = smm_cli_money_text (balance, currency);
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u order ready, %s in all; the balance is %s.\n",
                                "%u orders ready, %s in all; the balance is %s.\n", summary.n_ready),
                   summary.n_ready, total, balance_text);
        }
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u order ready, %s in all.\n", "%u orders ready, %s in all.\n",
                              summary.n_ready), summary.n_ready, total);
      if (summary.over_balance)
        g_print (_("The balance is not enough for all of them: the panel will refuse the orders it cannot pay "
                   "for, and placing stops there.\n"));
    }

  if (summary.n_invalid > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u line has an error: correct it and try again. Nothing was placed.\n",
                             "%u lines have errors: correct them and try again. Nothing was placed.\n",
                             summary.n_invalid), summary.n_invalid);
  else if (!yes && isatty (STDIN_FILENO) && !cli->json)
    {
      char answer[16] = "";

      g_print (_("Place them? [y/N] "));
      fflush (stdout);
      if (fgets (answer, sizeof answer, stdin) != NULL)
        yes = g_ascii_tolower (answer[0]) == 'y' || g_str_has_prefix (answer, _("y"));
    }
  else if (!yes && !cli->json)
    g_print (_("Nothing was placed: add --yes to place them.\n"));

  if (summary.n_invalid == 0 && yes)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      guint sigint = g_unix_signal_add (SIGINT, stop_mass_order_cb, cancellable);

      g_signal_connect (mass, "line-finished", G_CALLBACK (print_mass_line_cb), cli);
      smm_order_actions_place_many_async (cli->actions, mass, smm_account_get_id (cli->account), cancellable,
                                          smm_cli_result_cb, cli);
      placed = smm_order_actions_place_many_finish (cli->actions, smm_cli_wait_result (cli), &report, &error);
      smm_cli_clear_result (cli);
      g_source_remove (sigint);
      if (!placed)
        return smm_cli_api_error (error);
      if (!cli->json)
        {
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u order placed", "%u orders placed", report.n_placed),
                   report.n_placed);
          g_print (_(", %u refused, %u unconfirmed, %u not sent.\n"), report.n_rejected + report.n_failed,
                   report.n_unconfirmed, report.n_skipped);
        }
    }

  if (cli->json)
    {
      builder = json_builder_new ();
      json_mass_order (builder, mass, &summary, has_balance ? &balance : NULL, currency);
      smm_cli_json_add_boolean (builder, "placed", placed);
      json_builder_end_object (builder);
      smm_cli_print_json (builder);
    }
  if (summary.n_invalid > 0)
    return EXIT_API;
  return placed && report.n_placed < summary.n_ready ? EXIT_API : EXIT_OK;
}
