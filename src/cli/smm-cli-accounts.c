/* smm-cli-accounts.c: the saved panel accounts: add, list, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "smm-cli-private.h"

int
smm_cli_run_accounts (SmmCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  gboolean key_stdin = FALSE;
  const GOptionEntry entries[] = {   /* those of “accounts add” */
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A name for the account"), N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The panel’s API address"), N_("URL") },
    { "key-stdin", 0, 0, G_OPTION_ARG_NONE, &key_stdin, N_("Read the API key from standard input"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("add --name NAME --url URL [--key-stdin] | list | remove NAME — the saved accounts"));
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

              json_builder_begin_object (builder);
              smm_cli_json_add_string (builder, "name", smm_account_get_name (a));
              smm_cli_json_add_string (builder, "url", smm_account_get_endpoint (a));
              if (smm_account_get_balance (a, &balance))
                smm_cli_json_add_money (builder, "balance", balance);
              smm_cli_json_add_string (builder, "currency", smm_account_get_currency (a));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          smm_cli_print_json (builder);
          return EXIT_OK;
        }
      table = smm_cli_table_new (_("NAME"), _("URL"), _("BALANCE"), NULL);
      for (guint i = 0; i < accounts->len; i++)
        {
          SmmAccount *a = accounts->pdata[i];
          SmmMoney balance;

          smm_cli_table_add (table, g_strdup (smm_account_get_name (a)), g_strdup (smm_account_get_endpoint (a)),
                             smm_account_get_balance (a, &balance)
                               ? smm_money_format_with_currency (balance, smm_account_get_currency (a))
                               : g_strdup ("–"));
        }
      smm_cli_table_print_free (table);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "add"))
    {
      g_autoptr(SmmAccount) account = NULL;
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
      account = smm_store_add_account (cli->store, name, url, &error);
      if (account == NULL)
        {
          smm_secrets_free_key (key);
          return smm_cli_api_error (error);
        }
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
