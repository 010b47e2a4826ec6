/* main.c: starts SMM Desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "smm-application.h"
#include "smm-process.h"
#include "smm-timing.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SmmApplication) app = NULL;
  int status;

  smm_process_init ();
  smm_timing_init ();
  smm_timing_mark ("main");
  setlocale (LC_ALL, "");
  /* SMM_DESK_LOCALEDIR: the catalogues of a build tree, to try a translation uninstalled */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SMM_DESK_LOCALEDIR") ? g_getenv ("SMM_DESK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = smm_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* closed while the history could not be opened: never a silent success */
  if (status == 0 && smm_application_get_open_error (app) != NULL)
    {
      g_printerr ("smm-desk: %s\n", smm_application_get_open_error (app)->message);
      status = 1;
    }
  return status;
}
