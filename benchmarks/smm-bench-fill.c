/* smm-bench-fill.c: makes the history a benchmark starts from
 *
 *   smm-bench-fill --store PATH --url URL --orders N --active K [--keyring]
 *   smm-bench-fill --store PATH --keyring-only
 *
 * Adds an account for the panel at URL (and an empty one, "Other panel") (its key read from $SMM_PANEL_SIM_KEY), caches that panel's
 * catalogue through the client, and writes N orders: the K newest not final, with the panel ids a
 * simulator started with --orders K knows (23501 on), the others final, spread over two years.
 * With --keyring, the key also goes into the keyring, as the app would have put it there.
 *
 * The orders are written in one transaction with SQL of their own: placing 100,000 orders one by
 * one, as the app does, takes two synced commits each. The store opens the file first, so the
 * schema is the app's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "smm-client.h"
#include "smm-secrets.h"
#include "smm-store.h"

#define FIRST_PANEL_ID 23501
#define FINAL_PANEL_ID 100000000

static const char *const statuses[] = { "Completed", "Completed", "Completed", "Partial", "Canceled" };
static const char *const sites[] = { "instagram.com", "tiktok.com/@", "youtube.com/watch?v=", "x.com", "t.me" };

static void
services_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  GPtrArray **services = data;
  g_autoptr(GError) error = NULL;

  *services = smm_client_services_finish (SMM_CLIENT (object), result, &error);
  if (*services == NULL)
    g_error ("services: %s", error->message);
}

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("sqlite: %s", sqlite3_errmsg (db));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- fill a store for a benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmAccount) other = NULL;
  g_autoptr(SmmClient) client = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  const char *key = g_getenv ("SMM_PANEL_SIM_KEY");
  gint n_orders = 0;
  gint n_active = 0;
  gboolean keyring = FALSE;
  gboolean keyring_only = FALSE;
  GOptionEntry entries[] = {
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &path, "The store to fill", "PATH" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "The simulator's API address", "URL" },
    { "orders", 0, 0, G_OPTION_ARG_INT, &n_orders, "How many orders", "N" },
    { "active", 0, 0, G_OPTION_ARG_INT, &n_active, "How many of them are not final", "K" },
    { "keyring", 0, 0, G_OPTION_ARG_NONE, &keyring, "Put the key in the keyring too", NULL },
    { "keyring-only", 0, 0, G_OPTION_ARG_NONE, &keyring_only,
      "Only put the key of the store's bench account in the keyring", NULL },
    { NULL }
  };
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || key == NULL ||
      (url == NULL && !keyring_only) || n_active > n_orders || n_active < 0)
    {
      g_printerr ("usage: SMM_PANEL_SIM_KEY=KEY smm-bench-fill --store PATH --url URL --orders N --active K\n");
      return EXIT_FAILURE;
    }

  if (keyring_only && path != NULL && key != NULL)
    {
      g_autoptr(SmmSecrets) secrets = smm_secrets_new_keyring (APP_ID);

      store = smm_store_open (path, &error);
      if (store == NULL || (account = smm_store_find_account (store, "Bench panel", &error)) == NULL ||
          !smm_secrets_store (secrets, smm_account_get_id (account), "Bench panel", key, NULL, &error))
        g_error ("%s", error ? error->message : "no bench account");
      return EXIT_SUCCESS;
    }
  store = smm_store_open (path, &error);
  if (store == NULL || (account = smm_store_add_account (store, "Bench panel", url, &error)) == NULL)
    g_error ("%s", error->message);
  /* an account with nothing, for the window to open on before the bench one is chosen */
  if ((other = smm_store_add_account (store, "Other panel", url, &error)) == NULL)
    g_error ("%s", error->message);
  if (keyring)
    {
      g_autoptr(SmmSecrets) secrets = smm_secrets_new_keyring (APP_ID);

      if (!smm_secrets_store (secrets, smm_account_get_id (account), "Bench panel", key, NULL, &error))
        g_error ("keyring: %s", error->message);
    }

  client = smm_client_new (url, &error);
  if (client == NULL)
    g_error ("%s", error->message);
  smm_client_set_key (client, key);
  smm_client_services_async (client, NULL, services_cb, &services);
  while (services == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!smm_store_save_services (store, smm_account_get_id (account), services, &error))
    g_error ("%s", error->message);

  check (NULL, sqlite3_open (path, &db));
  sqlite3_busy_timeout (db, 5000);
  check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db,
                                 "INSERT INTO orders (account_id, panel_id, service_id, service_name, service_type, "
                                 "rate, fields, link, quantity, estimated_charge, charge, start_count, remains, "
                                 "status, currency, created, updated) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, 'USD', ?14, ?14)",
                                 -1, &stmt, NULL));
  /* the oldest first, so ids grow with time as they do in use */
  for (gint i = n_orders - 1; i >= 0; i--)
    {
      SmmService *service = services->pdata[(guint) i % services->len];
      gboolean active = i < n_active;
      gint64 quantity = CLAMP (1000, MAX (smm_service_get_min (service), 1),
                               MAX (smm_service_get_max (service), 1));
      SmmMoney charge = SMM_MONEY_ZERO;
      g_autofree char *link = g_strdup_printf ("https://%s/bench_%d", sites[i % G_N_ELEMENTS (sites)], i);
      g_autofree char *fields = g_strdup_printf ("{\"link\":\"%s\",\"quantity\":\"%" G_GINT64_FORMAT "\"}",
                                                 link, quantity);
      g_autofree char *rate = smm_money_to_wire (smm_service_get_rate (service));
      g_autofree char *charge_text = NULL;
      const char *status = active ? (i % 2 ? "In progress" : "Pending") : statuses[i % G_N_ELEMENTS (statuses)];
      /* active ones in the last hour, the rest back over two years */
      gint64 created = active ? now - i : now - 3600 - (gint64) (i - n_active) * (2 * 365 * 86400 / MAX (n_orders, 1));

      smm_money_charge (smm_service_get_rate (service), quantity, &charge);
      charge_text = smm_money_to_wire (charge);
      sqlite3_bind_int64 (stmt, 1, smm_account_get_id (account));
      /* the active ones are the simulator's 23501 on; the final ones far above what it will
       * give the orders a benchmark places */
      sqlite3_bind_int64 (stmt, 2, active ? FIRST_PANEL_ID + i : FINAL_PANEL_ID + i);
      sqlite3_bind_int64 (stmt, 3, smm_service_get_id (service));
      sqlite3_bind_text (stmt, 4, smm_service_get_name (service), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, smm_service_get_type_name (service), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, rate, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, fields, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, link, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, quantity);
      sqlite3_bind_text (stmt, 10, charge_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 11, 100 + i % 5000);
      sqlite3_bind_int64 (stmt, 12, active ? quantity : (i % 5 == 3 ? quantity / 10 : 0));
      sqlite3_bind_text (stmt, 13, status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 14, created);
      check (db, sqlite3_step (stmt));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
  sqlite3_close (db);

  g_print ("%s: %u services, %d orders (%d not final)\n", path, services->len, n_orders, n_active);
  return EXIT_SUCCESS;
}
