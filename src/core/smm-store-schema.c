/* smm-store-schema.c: the schema of the store: its migrations, and migrating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "smm-store-private.h"

/* Migrations: entry N brings the schema from version N to N + 1. Never edit one
 * that has shipped; add the next. */
static const char *const migrations[SMM_STORE_SCHEMA_VERSION] = {
  /* 0 → 1: accounts, the services cache, orders and their history */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  endpoint TEXT NOT NULL,"
  "  currency TEXT NOT NULL DEFAULT '',"
  "  balance TEXT,"
  "  balance_time INTEGER,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX accounts_name ON accounts (name);"
  "CREATE TABLE service_fetches ("
  "  account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,"
  "  fetched INTEGER NOT NULL"
  ");"
  "CREATE TABLE services ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  service_id INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  rate TEXT NOT NULL,"
  "  min INTEGER NOT NULL,"
  "  max INTEGER NOT NULL,"
  "  refill INTEGER NOT NULL,"
  "  cancel INTEGER NOT NULL,"
  "  dripfeed INTEGER NOT NULL,"
  "  description TEXT,"
  "  PRIMARY KEY (account_id, service_id)"
  ");"
  "CREATE TABLE orders ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  panel_id INTEGER,"
  "  service_id INTEGER NOT NULL,"
  "  service_name TEXT NOT NULL,"
  "  service_type TEXT NOT NULL,"
  "  rate TEXT,"
  "  fields TEXT NOT NULL,"
  "  link TEXT NOT NULL DEFAULT '',"
  "  quantity INTEGER NOT NULL DEFAULT 0,"
  "  estimated_charge TEXT,"
  "  charge TEXT,"
  "  start_count INTEGER,"
  "  remains INTEGER,"
  "  status TEXT NOT NULL,"
  "  currency TEXT NOT NULL DEFAULT '',"
  "  error TEXT,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX orders_panel_id ON orders (account_id, panel_id) WHERE panel_id IS NOT NULL;"
  "CREATE INDEX orders_status ON orders (status);"
  "CREATE TABLE order_history ("
  "  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
  "  time INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  remains INTEGER,"
  "  charge TEXT"
  ");"
  "CREATE INDEX order_history_order ON order_history (order_id);",

  /* 1 → 2: refills and cancels, imported orders, archived accounts */
  "ALTER TABLE orders ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE accounts ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;"
  "DROP INDEX accounts_name;"
  "CREATE UNIQUE INDEX accounts_name ON accounts (name) WHERE archived = 0;"
  "CREATE TABLE refills ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  order_id INTEGER REFERENCES orders (id),"
  "  panel_order_id INTEGER NOT NULL,"
  "  refill_id INTEGER,"
  "  status TEXT NOT NULL,"
  "  error TEXT,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE INDEX refills_account ON refills (account_id, refill_id);"
  "CREATE TABLE cancels ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  order_id INTEGER REFERENCES orders (id),"
  "  panel_order_id INTEGER NOT NULL,"
  "  accepted INTEGER NOT NULL,"
  "  error TEXT,"
  "  created INTEGER NOT NULL"
  ");",

  /* 2 → 3: which running store is sending an order, so that others leave it alone */
  "ALTER TABLE orders ADD COLUMN owner TEXT;",

  /* 3 → 4: what changed in the catalogues; the category of an order's service, for spending */
  "CREATE TABLE catalogue_changes ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  service_id INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  old_name TEXT,"
  "  old_rate TEXT,"
  "  new_rate TEXT,"
  "  seen INTEGER NOT NULL"
  ");"
  "CREATE INDEX catalogue_changes_seen ON catalogue_changes (seen);"
  "ALTER TABLE orders ADD COLUMN service_category TEXT;"
  "CREATE INDEX orders_service ON orders (account_id, service_id);",

  /* 4 → 5: a history of 100,000 orders read in its order, by account, by status, and the
   * orders to track, without sorting or scanning the whole table (benchmarks/README.md) */
  "CREATE INDEX orders_account_created ON orders (account_id, created, id);"
  "CREATE INDEX orders_created ON orders (created, id);"
  "CREATE INDEX orders_account_status ON orders (account_id, status);"
  "CREATE INDEX orders_active ON orders (account_id, panel_id) "
  "  WHERE status NOT IN ('Completed', 'Partial', 'Canceled', 'Refunded', 'Rejected');",

  /* 5 → 6: the actions each account's panel was seen not to offer (SmmPanelAction flags);
   * imported orders' service and quantity, never told by the panel, unknown (-1) instead of 0 */
  "ALTER TABLE accounts ADD COLUMN unsupported INTEGER NOT NULL DEFAULT 0;"
  "UPDATE orders SET service_id = -1 WHERE imported = 1 AND service_id = 0;"
  "UPDATE orders SET quantity = -1 WHERE imported = 1 AND quantity = 0;",

  /* 6 → 7: a subscription's posts, expiry and the orders it placed (ids, comma-separated);
   * an expired subscription is final, out of the orders to track */
  "ALTER TABLE orders ADD COLUMN posts INTEGER;"
  "ALTER TABLE orders ADD COLUMN expiry TEXT;"
  "ALTER TABLE orders ADD COLUMN sub_orders TEXT;"
  "DROP INDEX orders_active;"
  "CREATE INDEX orders_active ON orders (account_id, panel_id) "
  "  WHERE status NOT IN ('Completed', 'Partial', 'Canceled', 'Refunded', 'Rejected', 'Expired');",
};

const char *
smm_store_get_migration (guint version)
{
  g_return_val_if_fail (version < SMM_STORE_SCHEMA_VERSION, NULL);
  return migrations[version];
}

gboolean
_smm_store_migrate (SmmStore  *self,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  int version;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return _smm_store_sql_error (self, error, SMM_STORE_READING);
  sqlite3_step (stmt);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > SMM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_TOO_NEW,
                   _("The order history was written by a newer SMM Desk (schema %d). Update SMM Desk to open it."),
                   version);
      return FALSE;
    }

  self->created = version == 0;
  if (!_smm_store_backup_before_migration (self, version, error))
    return FALSE;
  for (int v = version; v < SMM_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      g_debug ("migrating the store from schema %d to %d", v, v + 1);
      if (!_smm_store_begin (self, error))
        return FALSE;
      if (!_smm_store_exec (self, migrations[v], error) || !_smm_store_exec (self, bump, error) ||
          !_smm_store_commit (self, error))
        {
          _smm_store_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}
