/* smm-bench-track.c: one full refresh of a store's orders, as the app's timer does it
 *
 *   SMM_PANEL_SIM_KEY=KEY smm-bench-track --store PATH
 *
 * Prints one line of JSON: the orders asked about, the HTTP requests sent, the seconds taken from
 * the start of the refresh to the store holding every answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "smm-process.h"
#include "smm-tracker.h"

typedef struct {
  SmmTrackerReport report;
  gboolean         done;
} Refresh;

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  Refresh *refresh = data;
  g_autoptr(GError) error = NULL;

  if (!smm_tracker_refresh_finish (SMM_TRACKER (object), result, &refresh->report, &error))
    g_error ("refresh: %s", error->message);
  refresh->done = TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time a full refresh");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(SmmClientPool) pool = smm_client_pool_new (NULL);
  g_autoptr(SmmTracker) tracker = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *path = NULL;
  const char *key = g_getenv ("SMM_PANEL_SIM_KEY");
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &path, "The store to refresh", "PATH" },
    { NULL }
  };
  Refresh refresh = { 0 };
  SmmTrackerReport *report = &refresh.report;
  guint n_requests = 0;
  gint64 start;
  gint64 end;

  smm_process_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || key == NULL)
    {
      g_printerr ("usage: SMM_PANEL_SIM_KEY=KEY smm-bench-track --store PATH\n");
      return EXIT_FAILURE;
    }

  store = smm_store_open (path, &error);
  if (store == NULL || (accounts = smm_store_list_accounts (store, &error)) == NULL)
    g_error ("%s", error->message);
  tracker = smm_tracker_new (store, pool);
  for (guint i = 0; i < accounts->len; i++)
    {
      g_autoptr(SmmClient) client = smm_client_new (smm_account_get_endpoint (accounts->pdata[i]), &error);

      if (client == NULL)
        g_error ("%s", error->message);
      smm_client_set_key (client, key);
      smm_client_pool_set_client (pool, smm_account_get_id (accounts->pdata[i]), client);
    }

  start = g_get_monotonic_time ();
  smm_tracker_refresh_async (tracker, NULL, refresh_cb, &refresh);
  while (!refresh.done)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();

  for (guint i = 0; i < accounts->len; i++)
    n_requests += smm_client_get_request_count (smm_client_pool_get_client (pool,
                                                                            smm_account_get_id (accounts->pdata[i])));
  g_print ("{\"checked\": %u, \"changed\": %u, \"failed\": %u, \"requests\": %u, \"seconds\": %.4f}\n",
           report->n_checked, report->n_changed, report->n_failed, n_requests, (end - start) / 1e6);
  return report->n_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
