/* smm-cli-accounts.c: the saved panel accounts: add, list, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "smm-account-check.h"
#include "smm-cli-private.h"

int
smm_cli_run_accounts (SmmCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  gboolean key_stdin = FALSE;
  gboolean no_check = FALSE;
  const GOptionEntry entries[] = {   /* those of “accounts add” */
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A name for the account"), N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The panel’s API address"), N_("URL") },
    { "key-stdin", 0, 0, G_OPTION_ARG_NONE, &key_stdin, N_("Read the API key from standard input"), NULL },
    { "no-check", 0, 0, G_OPTION_ARG_NONE, &no_check, N_("Save without asking the panel for the balance first"),
      NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("add --name NAME --url URL [--key-stdin] [--no-check] | list | remove NAME — the saved accounts"));
  g_autoptr(GError) error = NULL;
  int rc;

  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;

  if (argc < 2 || g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) accounts = smm_store_list_accounts (cli->store, &error);
      SmmCliTable *table;

      if (accounts == NULL)
        return smm_cli_api_error (error);
      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_array (builder);
          for (guint i = 0; i < accounts->len; i++)
            {
              SmmAccount *a = accounts->pdata[i];
              SmmMoney balance;
              gint64 read = smm_account_get_balance_time (a);

              json_builder_begin_object (builder);
              smm_cli_json_add_string (builder, "name", smm_account_get_name (a));
              smm_cli_json_add_string (builder, "url", smm_account_get_endpoint (a));
              if (smm_account_get_balance (a, &balance))
                smm_cli_json_add_money (builder, "balance", balance);
              else
                smm_cli_json_add_null (builder, "balance");
              smm_cli_json_add_string (builder, "currency", smm_account_get_currency (a));
              if (read > 0)
                {
                  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (read);
                  g_autofree char *iso = g_date_time_format_iso8601 (time);

                  smm_cli_json_add_string (builder, "balance_time", iso);
                }
              else
                smm_cli_json_add_null (builder, "balance_time");
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          smm_cli_print_json (builder);
          return EXIT_OK;
        }
      table = smm_cli_table_new (_("NAME"), _("URL"), _("BALANCE"), _("READ"), NULL);
      for (guint i = 0; i < accounts->len; i++)
        {
          SmmAccount *a = accounts->pdata[i];
          SmmMoney balance;
          char *age = smm_account_dup_balance_age (a, g_get_real_time () / G_USEC_PER_SEC);

          smm_cli_table_add (table, g_strdup (smm_account_get_name (a)), g_strdup (smm_account_get_endpoint (a)),
                             smm_account_get_balance (a, &balance)
                               ? smm_money_format_with_currency (balance, smm_account_get_currency (a))
                               : g_strdup ("–"),
                             age ? age : g_strdup ("–"));
        }
      smm_cli_table_print_free (table);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "add"))
    {
      g_autoptr(SmmAccount) account = NULL;
      g_autofree char *currency = NULL;
      SmmMoney balance = SMM_MONEY_ZERO;
      char *key;
      gboolean stored;

      /* --url and --key-stdin before the action say the same */
      if (url == NULL)
        url = g_strdup (cli->url);
      key_stdin |= cli->key_stdin;
      if (name == NULL || url == NULL)
        return smm_cli_usage_error (_("“accounts add” needs --name and --url"));
      if (!smm_client_check_endpoint (url, &error))
        return smm_cli_usage_error ("%s", error->message);
      key = smm_cli_read_key (key_stdin);
      if (key == NULL || *key == '\0')
        {
          smm_secrets_free_key (key);
          return smm_cli_usage_error (_("no API key: set SMM_API_KEY or use --key-stdin"));
        }
      if (!no_check)
        {
          gboolean checked;

          smm_account_check_async (url, key, NULL, smm_cli_result_cb, cli);
          checked = smm_account_check_finish (smm_cli_wait_result (cli), &balance, &currency, &error);
          smm_cli_clear_result (cli);
          if (!checked)
            {
              smm_secrets_free_key (key);
              g_printerr (_("smm-desk-cli: the account was not saved: %s\n"), error->message);
              g_printerr (_("smm-desk-cli: to save it all the same, add --no-check\n"));
              return EXIT_API;
            }
        }
      account = smm_store_add_account (cli->store, name, url, &error);
      if (account == NULL)
        {
          smm_secrets_free_key (key);
          return smm_cli_api_error (error);
        }
      if (!no_check)
        smm_store_set_balance (cli->store, smm_account_get_id (account), balance, currency, NULL);
      stored = smm_secrets_store (cli->secrets, smm_account_get_id (account), name, key, NULL, &error);
      smm_secrets_free_key (key);
      if (!stored)
        {
          smm_store_archive_account (cli->store, smm_account_get_id (account), NULL);
          return smm_cli_api_error (error);
        }
      g_print (_("Account “%s” added.\n"), name);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "remove"))
    {
      g_autoptr(SmmAccount) account = NULL;

      if (argc != 3)
        return smm_cli_usage_error (_("“accounts remove” needs the account’s name"));
      account = smm_store_find_account (cli->store, argv[2], &error);
      if (account == NULL)
        return smm_cli_api_error (error);
      if (!smm_secrets_remove (cli->secrets, smm_account_get_id (account), NULL, &error) ||
          !smm_store_archive_account (cli->store, smm_account_get_id (account), &error))
        return smm_cli_api_error (error);
      g_print (_("Account “%s” removed; its orders stay in the history.\n"), argv[2]);
      return EXIT_OK;
    }

  return smm_cli_usage_error (_("“accounts” takes add, list or remove"));
}
