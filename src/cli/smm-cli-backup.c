/* smm-cli-backup.c: copies of the order history: backup, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "smm-cli-private.h"

int
smm_cli_run_backup (SmmCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — copy the order history into a new file"));
  g_autoptr(GError) error = NULL;
  int rc;

  g_option_context_set_description (context,
    _("The copy is made with SQLite’s online backup, while SMM Desk may be running, and checked\n"
      "before this says it is done. SMM Desk also keeps a backup a day by itself, the last 7\n"
      "(“smm-desk-cli restore --list” shows them)."));
  if (!smm_cli_start (cli, context, NULL, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return smm_cli_usage_error (_("“backup” needs the name of a new file"));
  if (!smm_store_backup (cli->store, argv[1], &error))
    return smm_cli_api_error (error);
  g_print (_("The order history is backed up to %s, and the copy was checked.\n"), argv[1]);
  return EXIT_OK;
}

static int
list_backups (SmmCli *cli)
{
  const char *path = g_getenv ("SMM_DESK_STORE");
  g_autoptr(GPtrArray) backups = smm_store_list_backups (path);
  SmmCliTable *table;

  if (backups->len == 0)
    {
      g_autofree char *dir = smm_store_get_backup_dir (path);

      g_print (_("There are no automatic backups in %s yet.\n"), dir);
      return EXIT_OK;
    }
  table = smm_cli_table_new (_("MADE"), _("FILE"), NULL);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (backups->pdata[i]);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
      g_autoptr(GDateTime) made = info ? g_file_info_get_modification_date_time (info) : NULL;
      char *when = made ? g_date_time_format (made, "%Y-%m-%d %H:%M") : g_strdup ("?");

      smm_cli_table_add (table, when, g_strdup (backups->pdata[i]));
    }
  smm_cli_table_print_free (table);
  return EXIT_OK;
}

int
smm_cli_run_restore (SmmCli  *cli,
                     int      argc,
                     char   **argv)
{
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the automatic backups, newest first"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — replace the order history with a backup"));
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  int rc;

  g_option_context_set_description (context,
    _("FILE is checked first: a whole database, and an SMM Desk order history. Close SMM Desk\n"
      "first: nothing is restored while it has the history open. The history it replaces is\n"
      "kept beside it, renamed with the date (smm-desk.db.old-YYYYMMDD-HHMMSS)."));
  if (!smm_cli_start (cli, context, entries, &argc, &argv, &rc))
    return rc;
  if (list)
    return list_backups (cli);
  if (argc != 2)
    return smm_cli_usage_error (_("“restore” needs the backup’s file (or --list)"));
  if (!smm_store_restore (g_getenv ("SMM_DESK_STORE"), argv[1], &kept, &error))
    return smm_cli_api_error (error);
  g_print (_("The order history is restored from %s.\n"), argv[1]);
  if (kept)
    g_print (_("The history it replaced is kept as %s.\n"), kept);
  return EXIT_OK;
}
