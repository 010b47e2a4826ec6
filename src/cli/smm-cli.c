/* smm-cli.c: smm-desk-cli's main: global options, the actions' table, opening panels and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "smm-cli-private.h"
#include "smm-process.h"

int
smm_cli_usage_error (const char *format,
                     ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("smm-desk-cli: %s\n", message);
  g_printerr (_("Try “smm-desk-cli --help”.\n"));
  return EXIT_USAGE;
}

int
smm_cli_api_error (const GError *error)
{
  g_printerr ("smm-desk-cli: %s\n", error->message);
  return EXIT_API;
}

void
smm_cli_result_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  SmmCli *cli = data;

  cli->result = g_object_ref (result);
}

/* Runs the main context until the async call started with smm_cli_result_cb has answered. */
GAsyncResult *
smm_cli_wait_result (SmmCli *cli)
{
  while (cli->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cli->result;
}

void
smm_cli_clear_result (SmmCli *cli)
{
  g_clear_object (&cli->result);
}

typedef enum {
  NEEDS_NOTHING = 0,      /* opens nothing itself (restore: the history must be closed) */
  NEEDS_PANEL = 1 << 0,   /* a client: --url, --demo or --account */
  NEEDS_STORE = 1 << 1,   /* the history */
} Needs;

static const struct {
  const char *name;
  int (*run) (SmmCli *cli, int argc, char **argv);
  Needs needs;
} actions[] = {
  { "services", smm_cli_run_services, NEEDS_PANEL },
  { "add", smm_cli_run_add, NEEDS_PANEL },
  { "status", smm_cli_run_status, NEEDS_PANEL },
  { "refill", smm_cli_run_refill, NEEDS_PANEL },
  { "refill-status", smm_cli_run_refill_status, NEEDS_PANEL },
  { "cancel", smm_cli_run_cancel, NEEDS_PANEL },
  { "balance", smm_cli_run_balance, NEEDS_PANEL },
  { "accounts", smm_cli_run_accounts, NEEDS_STORE },
  { "orders", smm_cli_run_orders, NEEDS_STORE },
  { "track", smm_cli_run_track, NEEDS_STORE },
  { "import", smm_cli_run_import, NEEDS_STORE | NEEDS_PANEL },
  { "resolve", smm_cli_run_resolve, NEEDS_STORE },
  { "attach", smm_cli_run_attach, NEEDS_STORE },
  { "mass-order", smm_cli_run_mass_order, NEEDS_STORE | NEEDS_PANEL },
  { "compare", smm_cli_run_compare, NEEDS_STORE },
  { "changes", smm_cli_run_changes, NEEDS_STORE },
  { "spending", smm_cli_run_spending, NEEDS_STORE },
  { "export", smm_cli_run_export, NEEDS_STORE },
  { "backup", smm_cli_run_backup, NEEDS_STORE },
  { "restore", smm_cli_run_restore, NEEDS_NOTHING },
};

/* ---------------------------------------------------------------------------------------------
 * The global options, read before the action and again among its own options
 */

static int
print_version (void)
{
  g_print ("smm-desk-cli %s\n", PACKAGE_VERSION);
  return EXIT_OK;
}

static gboolean
set_string_option_cb (const char  *option_name,
                      const char  *value,
                      gpointer     data,
                      GError     **error)
{
  SmmCli *cli = data;
  char **field = g_str_equal (option_name, "--url") ? &cli->url : &cli->account_name;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Sets @context's main group: @entries (may be NULL), then every global option whose name they
 * do not take for themselves, all writing into @cli. */
static void
add_options (SmmCli             *cli,
             GOptionContext     *context,
             const GOptionEntry *entries)
{
  const GOptionEntry globals[] = {
    { "url", 0, 0, G_OPTION_ARG_CALLBACK, set_string_option_cb, N_("The panel’s API address"), N_("URL") },
    { "account", 0, 0, G_OPTION_ARG_CALLBACK, set_string_option_cb,
      N_("Use a saved account, and record what is done in the order history"), N_("NAME") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &cli->demo, N_("Use a demo panel started in this process"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of tables"), NULL },
    { "key-stdin", 0, 0, G_OPTION_ARG_NONE, &cli->key_stdin, N_("Read the API key from standard input"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli->version, N_("Print the version"), NULL },
  };
  GOptionGroup *group = g_option_group_new ("smm-desk-cli", NULL, NULL, cli, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  if (entries)
    g_option_group_add_entries (group, entries);
  for (guint i = 0; i < G_N_ELEMENTS (globals); i++)
    {
      const GOptionEntry one[] = { globals[i], { NULL } };
      gboolean taken = FALSE;

      for (guint j = 0; entries && entries[j].long_name; j++)
        taken |= g_str_equal (entries[j].long_name, globals[i].long_name);
      if (!taken)
        g_option_group_add_entries (group, one);
    }
  g_option_context_set_main_group (context, group);
}

/* ---------------------------------------------------------------------------------------------
 * Opening the history and the panels
 */

/* SMM_API_KEY, taken out of the environment at the start (in non-pageable memory) */
static char *env_key;

/* read(), not stdio: stdin's buffer would keep a copy of the key that no one wipes */
static char *
read_key_from_stdin (void)
{
  char buffer[4096];
  gsize len = 0;
  gssize n;
  char *key;

  while (len < sizeof buffer - 1 && (n = read (STDIN_FILENO, buffer + len, sizeof buffer - 1 - len)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      len += (gsize) n;
    }
  buffer[len] = '\0';
  buffer[strcspn (buffer, "\r\n")] = '\0';
  key = smm_secrets_dup_key (g_strstrip (buffer));
  memset (buffer, 0, sizeof buffer);
  return key;
}

/* Returns: (transfer full) (nullable): the key of --key-stdin or SMM_API_KEY; free it with
 *   smm_secrets_free_key() */
char *
smm_cli_read_key (gboolean key_stdin)
{
  return key_stdin ? read_key_from_stdin () : smm_secrets_dup_key (env_key);
}

/* Opens the history, and finds the account of --account in it. */
static gboolean
open_history (SmmCli  *cli,
              GError **error)
{
  cli->store = smm_store_open (g_getenv ("SMM_DESK_STORE"), error);
  if (cli->store == NULL)
    return FALSE;
  cli->secrets = smm_secrets_new_keyring (APP_ID);
  cli->pool = smm_client_pool_new (cli->secrets);
  cli->tracker = smm_tracker_new (cli->store, cli->pool);
  cli->actions = smm_order_actions_new (cli->store, cli->pool);

  if (cli->account_name)
    {
      cli->account = smm_store_find_account (cli->store, cli->account_name, error);
      if (cli->account == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The clients the action talks to: with the history, the pool's, one for every usable account (its
 * key from the keyring); without, the one panel of --url (key from SMM_API_KEY or --key-stdin) or
 * --demo. The one place where clients are made or connected. Returns: an exit status */
static int
make_clients (SmmCli   *cli,
              gboolean  with_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *url = NULL;
  char *key = NULL;

  if (!with_history)
    {
      if (cli->demo)
        {
          cli->sim = smm_sim_new ();
          /* the demo answers as the PHP panels users meet do */
          smm_sim_set_php_format (cli->sim, TRUE);
          if (!smm_sim_start_threaded (cli->sim, 0, &error))
            return smm_cli_api_error (error);
          g_autofree char *demo_key = smm_sim_dup_key (cli->sim);

          url = smm_sim_dup_url (cli->sim);
          key = smm_secrets_dup_key (demo_key);
        }
      else
        {
          url = g_strdup (cli->url);
          key = smm_cli_read_key (cli->key_stdin);
        }

      if (key == NULL || *key == '\0')
        {
          smm_secrets_free_key (key);
          return smm_cli_usage_error (_("no API key: set SMM_API_KEY or use --key-stdin"));
        }
      cli->client = smm_client_new (url, &error);
      if (cli->client == NULL)
        {
          smm_secrets_free_key (key);
          return smm_cli_usage_error ("%s", error->message);
        }
      smm_client_set_key (cli->client, key);
      smm_secrets_free_key (key);
      /* the same actions as with the history, recording nothing */
      cli->pool = smm_client_pool_new (NULL);
      smm_client_pool_set_client (cli->pool, SMM_CLI_NO_ACCOUNT, cli->client);
      cli->actions = smm_order_actions_new (NULL, cli->pool);
      return EXIT_OK;
    }

  accounts = smm_store_list_accounts (cli->store, &error);
  if (accounts == NULL)
    return smm_cli_api_error (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      SmmAccount *account = accounts->pdata[i];
      g_autoptr(GError) connect_error = NULL;

      if (cli->account && smm_account_get_id (account) != smm_account_get_id (cli->account))
        continue;
      if (!smm_client_pool_connect (cli->pool, account, NULL, &connect_error))
        {
          if (!g_error_matches (connect_error, SMM_CLIENT_POOL_ERROR, SMM_CLIENT_POOL_ERROR_NO_KEY))
            return smm_cli_api_error (connect_error);
          g_printerr (_("smm-desk-cli: account “%s” has no API key in the keyring\n"), smm_account_get_name (account));
          continue;
        }
      if (cli->account)
        cli->client = g_object_ref (smm_client_pool_get_client (cli->pool, smm_account_get_id (account)));
    }
  if (cli->account && cli->client == NULL)
    {
      g_set_error (&error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE,
                   _("Account “%s” has no API key in the keyring."), cli->account_name);
      return smm_cli_api_error (error);
    }
  return EXIT_OK;
}

/* The account the actions are for: --account's, or the one panel of --url and --demo */
gint64
smm_cli_get_account_id (SmmCli *cli)
{
  return cli->account ? smm_account_get_id (cli->account) : SMM_CLI_NO_ACCOUNT;
}

/* Opens what the action needs: the history, the panels, or both. Returns: an exit status */
static int
set_up (SmmCli *cli)
{
  Needs needs = actions[cli->action].needs;
  gboolean with_history = (needs & NEEDS_STORE) || cli->account_name;
  g_autoptr(GError) error = NULL;

  if (needs == NEEDS_NOTHING)
    return EXIT_OK;
  if (with_history && !open_history (cli, &error))
    return smm_cli_api_error (error);
  if (with_history && !(needs & NEEDS_PANEL) && !g_str_equal (actions[cli->action].name, "track"))
    return EXIT_OK;
  return make_clients (cli, with_history);
}

/* Reads the action's options (@entries, may be NULL) with the global ones, which may stand
 * before the action or among its own; then, unless they asked only for help or the version,
 * opens what the action needs. Returns: whether the action goes on; if not, the exit status is
 * in @status. */
gboolean
smm_cli_start (SmmCli              *cli,
               GOptionContext      *context,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv,
               int                 *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *usage_name = g_strdup_printf ("smm-desk-cli %s", actions[cli->action].name);
  g_autofree char *name = g_strdup (g_get_prgname ());
  gboolean parsed;

  add_options (cli, context, entries);
  /* the help's usage line names the action: "smm-desk-cli refill [OPTION…] ID…" */
  g_set_prgname (usage_name);
  parsed = g_option_context_parse (context, argc, argv, &error);
  g_set_prgname (name);
  if (!parsed)
    {
      *status = smm_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  if (cli->version)
    {
      *status = print_version ();
      return FALSE;
    }
  if ((cli->demo ? 1 : 0) + (cli->url ? 1 : 0) + (cli->account_name ? 1 : 0) > 1)
    {
      *status = smm_cli_usage_error (_("use only one of --url, --demo and --account"));
      return FALSE;
    }
  if ((actions[cli->action].needs & NEEDS_PANEL) && !(actions[cli->action].needs & NEEDS_STORE) &&
      !cli->demo && cli->url == NULL && cli->account_name == NULL)
    {
      *status = smm_cli_usage_error (_("give the panel with --url URL or --account NAME, or use --demo"));
      return FALSE;
    }
  *status = set_up (cli);
  return *status == EXIT_OK;
}

/* ---------------------------------------------------------------------------------------------
 * main
 */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SmmCli cli = { NULL };
  int status = EXIT_USAGE;
  int action = -1;

  smm_process_init ();
  /* before any thread or child: neither they nor /proc/PID/environ see the key again */
  env_key = smm_process_take_env ("SMM_API_KEY");
  setlocale (LC_ALL, "");
  /* SMM_DESK_LOCALEDIR: the catalogues of a build tree, to try a translation uninstalled */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SMM_DESK_LOCALEDIR") ? g_getenv ("SMM_DESK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* standard output is for tables and JSON: every log line goes to standard error */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new (_("ACTION [ARGUMENTS…] — SMM panels from a terminal"));
  add_options (&cli, context, NULL);
  /* the options after the action are its own, and the global ones again: it reads them */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context,
    _("Actions on a panel (--url URL, --demo, or --account NAME):\n"
      "  services                     List the panel’s services\n"
      "  add --service ID [FIELDS…]   Place an order (smm-desk-cli add --help lists the fields)\n"
      "  status ID…                   Show orders’ status\n"
      "  refill ID…                   Ask for refills of orders\n"
      "  refill-status ID…            Show refills’ status\n"
      "  cancel ID…                   Ask to cancel orders\n"
      "  balance                      Show the balance\n"
      "\n"
      "The order history (every action with --account is recorded in it):\n"
      "  accounts add --name NAME --url URL [--key-stdin] [--no-check]\n"
      "  accounts list | accounts remove NAME\n"
      "  orders [--status STATUS|active] [--search TEXT]\n"
      "  track                        Ask the panels about every order not yet done\n"
      "  import ID…                   Add orders placed on the panel’s web site\n"
      "  resolve ORDER --id ID | --discard   Settle an unconfirmed order\n"
      "  attach ORDER --service ID           Say which service an imported order is for\n"
      "  mass-order FILE [--yes]      Check, then place, one order a line (--account)\n"
      "  compare SERVICE_ID [--currency CODE] [--rate CODE=VALUE…]\n"
      "                               The same service on your other panels (--account)\n"
      "  changes [--since DATE]       What changed in the catalogues\n"
      "  spending [--by day|week|month|category]   Money spent, refunds taken off\n"
      "  export FILE [--status STATUS] [--search TEXT]   The orders as CSV\n"
      "  backup FILE                  Copy the history into a new file, checked\n"
      "  restore FILE | --list        Replace the history with a backup (SMM Desk closed;\n"
      "                               the replaced file is kept beside it, dated)\n"
      "\n"
      "The API key is read from the environment variable SMM_API_KEY or, with\n"
      "--key-stdin, from standard input; never from the command line. Saved\n"
      "accounts keep their key in the keyring.\n"
      "Exit status: 0 success, 1 the panel or the network failed, 2 wrong usage."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = smm_cli_usage_error ("%s", error->message);
  else if (cli.version)
    status = print_version ();
  else if (argc < 2)
    status = smm_cli_usage_error (_("no action given"));
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        if (g_str_equal (argv[1], actions[i].name))
          action = i;
      if (action < 0)
        status = smm_cli_usage_error (_("unknown action “%s”"), argv[1]);
      else
        {
          cli.action = action;
          status = actions[action].run (&cli, argc - 1, argv + 1);
        }
    }

  /* whatever the way out: the global options given before the action are freed too */
  g_clear_object (&cli.client);
  g_clear_object (&cli.account);
  g_clear_object (&cli.tracker);
  g_clear_object (&cli.actions);
  g_clear_object (&cli.pool);
  g_clear_object (&cli.secrets);
  g_clear_object (&cli.store);
  if (cli.sim)
    smm_sim_stop (cli.sim);
  g_clear_object (&cli.sim);
  g_free (cli.url);
  g_free (cli.account_name);
  g_clear_pointer (&env_key, smm_secrets_free_key);
  return status;
}
