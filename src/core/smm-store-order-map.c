/* smm-store-order-map.c: one SmmOrder per order: the live orders, updated in place
 *
 * While anything holds the SmmOrder the store handed out for an order, every read and every write
 * of that order hands out the same object, updated in place: a row on screen is told of a new
 * status by its order's notify::status, and nothing reloads a page to show it (DESIGN.md, data
 * flow, step 3). When the last reference goes, the order leaves the map; the next read makes a
 * new object.
 *
 * The map belongs to the thread that opened the store (the main thread): it is neither read nor
 * written anywhere else. The worker's connection has none: it hands back new objects, which the
 * _finish functions merge here, on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include "smm-store-private.h"

typedef struct {
  SmmStore *store;      /* not a reference: the store clears its map before it goes */
  gint64    local_id;
  SmmOrder *order;      /* weak */
} LiveOrder;

static void
live_order_gone_cb (gpointer  data,
                    GObject  *where_it_was)
{
  LiveOrder *live = data;

  g_hash_table_remove (live->store->orders, &live->local_id);
}

void
_smm_store_init_order_map (SmmStore *self)
{
  self->orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

void
_smm_store_clear_order_map (SmmStore *self)
{
  GHashTableIter iter;
  LiveOrder *live;

  if (self->orders == NULL)
    return;
  g_hash_table_iter_init (&iter, self->orders);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    g_object_weak_unref (G_OBJECT (live->order), live_order_gone_cb, live);
  g_clear_pointer (&self->orders, g_hash_table_unref);
}

/* Returns: (transfer full): the live order of @fresh's id, updated from @fresh (which goes), or
 * @fresh, live from now on */
SmmOrder *
_smm_store_take_order (SmmStore *self,
                       SmmOrder *fresh)   /* (transfer full) */
{
  gint64 local_id = smm_order_get_local_id (fresh);
  LiveOrder *live;

  if (self->orders == NULL || local_id <= 0)
    return fresh;
  /* a panel id the database could not take yet shows all the same */
  _smm_store_journal_overlay (self, fresh);
  live = g_hash_table_lookup (self->orders, &local_id);
  if (live)
    {
      smm_order_update_from (live->order, fresh);
      g_object_unref (fresh);
      return g_object_ref (live->order);
    }
  live = g_new0 (LiveOrder, 1);
  live->store = self;
  live->local_id = local_id;
  live->order = fresh;
  g_object_weak_ref (G_OBJECT (fresh), live_order_gone_cb, live);
  g_hash_table_insert (self->orders, &live->local_id, live);
  return fresh;
}

/* Puts the live orders in the place of the new ones @orders holds */
void
_smm_store_take_orders (SmmStore  *self,
                        GPtrArray *orders)
{
  for (guint i = 0; orders && i < orders->len; i++)
    orders->pdata[i] = _smm_store_take_order (self, orders->pdata[i]);
}

/* After a write: the live order of @local_id, if any, reads what was written. */
void
_smm_store_refresh_order (SmmStore *self,
                          gint64    local_id)
{
  g_autoptr(SmmOrder) order = NULL;

  if (self->orders && g_hash_table_contains (self->orders, &local_id))
    order = smm_store_get_order (self, local_id, NULL);
}

/**
 * smm_store_peek_order:
 *
 * The order of @local_id if something holds it, without reading the history.
 *
 * Returns: (transfer none) (nullable): the live order
 */
SmmOrder *
smm_store_peek_order (SmmStore *self,
                      gint64    local_id)
{
  LiveOrder *live;

  g_return_val_if_fail (SMM_IS_STORE (self), NULL);
  live = self->orders ? g_hash_table_lookup (self->orders, &local_id) : NULL;
  return live ? live->order : NULL;
}
