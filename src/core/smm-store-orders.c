/* smm-store-orders.c: the history of orders: begin, settle, get, find, what was sent, its changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "smm-store-private.h"

/* Returns: (transfer full): the order of the row: the live one, updated, if something holds it */
SmmOrder *
_smm_store_order_from_row (SmmStore     *self,
                           sqlite3_stmt *stmt)
{
  SmmOrder *order = smm_order_new (sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0
                                                                                  : sqlite3_column_int64 (stmt, 2));
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 14));
  SmmMoney charge;

  smm_order_set_local_id (order, sqlite3_column_int64 (stmt, 0));
  smm_order_set_account_id (order, sqlite3_column_int64 (stmt, 1));
  smm_order_set_service_id (order, sqlite3_column_int64 (stmt, 3));
  smm_order_set_service_name (order, _smm_store_column_text (stmt, 4));
  smm_order_set_link (order, _smm_store_column_text (stmt, 5));
  smm_order_set_quantity (order, sqlite3_column_int64 (stmt, 6));
  /* what the panel charged; before it says, what SMM Desk estimated */
  if (_smm_store_column_money (stmt, 7, &charge) || _smm_store_column_money (stmt, 8, &charge))
    smm_order_set_charge (order, &charge);
  smm_order_set_start_count (order, _smm_store_column_count (stmt, 9));
  smm_order_set_remains (order, _smm_store_column_count (stmt, 10));
  smm_order_set_status_text (order, _smm_store_column_text (stmt, 11));
  smm_order_set_currency (order, _smm_store_column_text (stmt, 12));
  if (_smm_store_column_text (stmt, 13))
    {
      g_autoptr(GError) reason = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL,
                                                      _smm_store_column_text (stmt, 13));
      smm_order_set_error (order, reason);
    }
  smm_order_set_created (order, created);
  smm_order_set_posts (order, _smm_store_column_count (stmt, 15));
  smm_order_set_expiry (order, _smm_store_column_text (stmt, 16));
  _smm_store_set_sub_orders_text (order, _smm_store_column_text (stmt, 17));
  return _smm_store_take_order (self, order);
}

/* Returns: (nullable): the orders a subscription placed as stored, "9001,9002", "" for none;
 * %NULL when the panel did not list them */
char *
_smm_store_dup_sub_orders_text (SmmOrder *order)
{
  g_autoptr(GArray) ids = NULL;
  GString *text;

  g_object_get (order, "sub-orders", &ids, NULL);
  if (ids == NULL)
    return NULL;
  text = g_string_new ("");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

/* @text: (nullable): as _smm_store_dup_sub_orders_text() wrote it; ids that do not read are left out */
void
_smm_store_set_sub_orders_text (SmmOrder   *order,
                                const char *text)
{
  static const gint64 none[1] = { 0 };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) ids = NULL;

  if (text == NULL)
    {
      smm_order_set_sub_orders (order, NULL, 0);
      return;
    }
  parts = g_strsplit (text, ",", -1);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; parts[i]; i++)
    {
      gint64 id;

      if (g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
        g_array_append_val (ids, id);
    }
  smm_order_set_sub_orders (order, ids->len ? (const gint64 *) ids->data : none, ids->len);
}

static char *
fields_to_json (SmmOrderRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) form = smm_order_request_to_form (request);

  json_builder_begin_object (builder);
  for (guint i = 0; i + 1 < form->len; i += 2)
    {
      json_builder_set_member_name (builder, form->pdata[i]);
      json_builder_add_string_value (builder, form->pdata[i + 1]);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
_smm_store_add_history (SmmStore  *self,
                        gint64     local_id,
                        GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self,
                                             "INSERT INTO order_history (order_id, time, status, remains, charge) "
                                             "SELECT id, ?2, status, remains, COALESCE (charge, estimated_charge) "
                                             "FROM orders WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, local_id);
  sqlite3_bind_int64 (stmt, 2, _smm_store_now ());
  return _smm_store_step_done (self, stmt, error);
}

/**
 * smm_store_begin_order:
 *
 * Records the order as "submitting", with a snapshot of the service and every
 * field to be sent, durably, before the request leaves.
 *
 * Returns: (transfer full): the order as stored, with its local id
 */
SmmOrder *
smm_store_begin_order (SmmStore         *self,
                       gint64            account_id,
                       SmmService       *service,
                       SmmOrderRequest  *request,
                       GError          **error)
{
  g_autofree char *fields = fields_to_json (request);
  g_autoptr(SmmAccount) account = smm_store_get_account (self, account_id, error);
  SmmMoney rate = smm_service_get_rate (service);
  SmmMoney estimate;
  gboolean has_estimate;
  sqlite3_stmt *stmt;
  gint64 local_id;
  gint64 created = _smm_store_now ();

  if (account == NULL)
    return NULL;
  has_estimate = smm_order_request_estimate_charge (request, rate, &estimate);

  if (!_smm_store_begin (self, error))
    return NULL;
  stmt = _smm_store_statement (self,
                               "INSERT INTO orders (account_id, service_id, service_name, "
                               "service_type, rate, fields, link, quantity, estimated_charge, status, "
                               "currency, created, updated, owner, service_category) VALUES (?1, ?2, "
                               "?3, ?4, ?5, ?6, ?7, ?8, ?9, 'Submitting', ?10, ?11, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, smm_service_get_id (service));
  _smm_store_bind_text (stmt, 3, smm_service_get_name (service));
  _smm_store_bind_text (stmt, 4, smm_service_get_type_name (service));
  _smm_store_bind_money (stmt, 5, &rate);
  _smm_store_bind_text (stmt, 6, fields);
  _smm_store_bind_text (stmt, 7, smm_order_request_get (request, SMM_FIELD_LINK)
                                 ? smm_order_request_get (request, SMM_FIELD_LINK)
                                 : smm_order_request_get (request, SMM_FIELD_USERNAME));
  sqlite3_bind_int64 (stmt, 8, smm_order_request_get_quantity (request));
  _smm_store_bind_money (stmt, 9, has_estimate ? &estimate : NULL);
  _smm_store_bind_text (stmt, 10, smm_account_get_currency (account));
  sqlite3_bind_int64 (stmt, 11, created);
  _smm_store_bind_text (stmt, 12, self->owner);
  _smm_store_bind_text (stmt, 13, smm_service_get_category (service));
  if (!_smm_store_step_done (self, stmt, error))
    goto fail;
  local_id = sqlite3_last_insert_rowid (self->db);
  if (!_smm_store_add_history (self, local_id, error) || !_smm_store_commit (self, error))
    goto fail;

  return smm_store_get_order (self, local_id, error);

fail:
  _smm_store_rollback (self);
  return NULL;
}

/* Moves an order from one of @from (comma-separated quoted statuses) to @status. */
static gboolean
settle (SmmStore    *self,
        gint64       local_id,
        const char  *update_sql,
        gint64       panel_id,
        const char  *reason,
        GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_smm_store_begin (self, error))
    return FALSE;
  stmt = _smm_store_statement (self, update_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, local_id);
  if (panel_id > 0)
    sqlite3_bind_int64 (stmt, 2, panel_id);
  _smm_store_bind_text (stmt, 3, reason);
  sqlite3_bind_int64 (stmt, 4, _smm_store_now ());
  if (!_smm_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE,
                           _("That order is not waiting for this (it was settled already)."));
      goto fail;
    }
  if (!_smm_store_add_history (self, local_id, error) || !_smm_store_commit (self, error))
    goto fail;
  _smm_store_refresh_order (self, local_id);
  return TRUE;

fail:
  _smm_store_rollback (self);
  return FALSE;
}

/* Writes the panel's id of an order being sent (or left unconfirmed) to the database. */
gboolean
_smm_store_settle_placed (SmmStore  *self,
                          gint64     local_id,
                          gint64     panel_id,
                          GError   **error)
{
  return settle (self, local_id,
                 "UPDATE orders SET panel_id = ?2, status = 'Pending', error = ?3, updated = ?4 "
                 "WHERE id = ?1 AND status IN ('Submitting', 'Unconfirmed')",
                 panel_id, NULL, error);
}

/**
 * smm_store_order_placed:
 *
 * The panel gave the new order its id. When the database cannot take it (disk full, an I/O
 * error), the id is not lost: it is kept in memory, on the live order and in the journal beside
 * the database (smm-store-journal.c), and written at the next chance.
 *
 * Returns: %TRUE once it is in the database; %SMM_STORE_ERROR_NOT_SAVED when the journal holds
 *   it instead; another error when even the journal could not be written (memory holds it)
 */
gboolean
smm_store_order_placed (SmmStore  *self,
                        gint64     local_id,
                        gint64     panel_id,
                        GError   **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GError) journal_error = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, panel_id);

  /* what is waiting in the journal goes first: the database may have room again */
  if (!_smm_store_journal_is_empty (self))
    _smm_store_journal_replay (self, NULL);
  if (_smm_store_fault ("settle"))
    g_set_error (&write_error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
                 _("The order history could not be written (%s)."), "database or disk is full");
  else if (_smm_store_settle_placed (self, local_id, panel_id, &write_error))
    return TRUE;
  if (write_error->code != SMM_STORE_ERROR_SQL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  _smm_store_rollback (self);
  if (_smm_store_journal_keep (self, local_id, panel_id, &journal_error))
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_SAVED,
                 _("Order %s was placed. The history could not record it (%s), so its number is kept in a "
                   "journal beside it and recorded as soon as the history can be written."),
                 number, write_error->message);
  else
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
                 _("Order %s was placed, but neither the history nor its journal could record it (%s %s). "
                   "Note the number: SMM Desk keeps it only until it is closed."),
                 number, write_error->message, journal_error->message);
  return FALSE;
}

/* The panel refused it: nothing was charged. */
gboolean
smm_store_order_rejected (SmmStore      *self,
                          gint64         local_id,
                          const GError  *reason,
                          GError       **error)
{
  return settle (self, local_id,
                 "UPDATE orders SET status = 'Rejected', error = ?3, updated = ?4 "
                 "WHERE id = ?1 AND status = 'Submitting'",
                 0, reason ? reason->message : NULL, error);
}

/* The request left and no clear answer came back. */
gboolean
smm_store_order_unconfirmed (SmmStore      *self,
                             gint64         local_id,
                             const GError  *reason,
                             GError       **error)
{
  return settle (self, local_id,
                 "UPDATE orders SET status = 'Unconfirmed', error = ?3, updated = ?4 "
                 "WHERE id = ?1 AND status = 'Submitting'",
                 0, reason ? reason->message : NULL, error);
}

/* The user found the order on the panel's web site and gives its id. */
gboolean
smm_store_resolve_order (SmmStore  *self,
                         gint64     local_id,
                         gint64     panel_id,
                         GError   **error)
{
  g_return_val_if_fail (panel_id > 0, FALSE);
  return settle (self, local_id,
                 "UPDATE orders SET panel_id = ?2, status = 'Pending', error = ?3, updated = ?4 "
                 "WHERE id = ?1 AND status = 'Unconfirmed'",
                 panel_id, NULL, error);
}

/* The user checked: the panel never got it. */
gboolean
smm_store_discard_order (SmmStore  *self,
                         gint64     local_id,
                         GError   **error)
{
  return settle (self, local_id,
                 "UPDATE orders SET status = 'Rejected', error = ?3, updated = ?4 "
                 "WHERE id = ?1 AND status = 'Unconfirmed'",
                 0, _("Discarded: the panel did not receive it"), error);
}

/**
 * smm_store_attach_service:
 *
 * Gives an imported order, whose service the panel's `status` does not tell, the service
 * the user says it is. Its quantity stays unknown.
 */
gboolean
smm_store_attach_service (SmmStore    *self,
                          gint64       local_id,
                          SmmService  *service,
                          GError     **error)
{
  SmmMoney rate = smm_service_get_rate (service);
  sqlite3_stmt *stmt = _smm_store_statement (self, "UPDATE orders SET service_id = ?2, service_name = ?3, "
                                                   "service_type = ?4, service_category = ?5, rate = ?6, "
                                                   "updated = ?7 WHERE id = ?1 AND imported = 1", error);

  g_return_val_if_fail (SMM_IS_SERVICE (service), FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, local_id);
  sqlite3_bind_int64 (stmt, 2, smm_service_get_id (service));
  _smm_store_bind_text (stmt, 3, smm_service_get_name (service));
  _smm_store_bind_text (stmt, 4, smm_service_get_type_name (service));
  _smm_store_bind_text (stmt, 5, smm_service_get_category (service));
  _smm_store_bind_money (stmt, 6, &rate);
  sqlite3_bind_int64 (stmt, 7, _smm_store_now ());
  if (!_smm_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE,
                           _("Only an imported order can be given its service: the others know theirs."));
      return FALSE;
    }
  _smm_store_refresh_order (self, local_id);
  return TRUE;
}

SmmOrder *
smm_store_get_order (SmmStore  *self,
                     gint64     local_id,
                     GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT " ORDER_COLUMNS " FROM orders WHERE id = ?1", error);
  SmmOrder *order = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, local_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    order = _smm_store_order_from_row (self, stmt);
  sqlite3_reset (stmt);
  if (order == NULL)
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_FOUND, _("There is no such order in the history."));
  return order;
}

SmmOrder *
smm_store_find_order (SmmStore  *self,
                      gint64     account_id,
                      gint64     panel_id,
                      GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT " ORDER_COLUMNS " FROM orders "
                                                   "WHERE account_id = ?1 AND panel_id = ?2", error);
  SmmOrder *order = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, panel_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    order = _smm_store_order_from_row (self, stmt);
  sqlite3_reset (stmt);
  if (order == NULL)
    g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_FOUND,
                 _("Order %" PRId64 " is not in the history."), panel_id);
  return order;
}

/**
 * smm_store_get_order_request:
 * @type: the type the request is for (the service's type now)
 *
 * Returns: (transfer full): the fields the order was sent with, to order the same again
 */
SmmOrderRequest *
smm_store_get_order_request (SmmStore        *self,
                             gint64           local_id,
                             SmmServiceType   type,
                             GError         **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT service_id, fields FROM orders WHERE id = ?1", error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  SmmOrderRequest *request;
  JsonNode *root;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, local_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_FOUND, _("There is no such order in the history."));
      return NULL;
    }
  request = smm_order_request_new (sqlite3_column_int64 (stmt, 0), type);
  if (json_parser_load_from_data (parser, _smm_store_column_text (stmt, 1), -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;
      SmmField field;

      json_object_iter_init (&iter, json_node_get_object (root));
      while (json_object_iter_next (&iter, &name, &value))
        if (smm_field_from_wire_name (name, &field) && JSON_NODE_HOLDS_VALUE (value) &&
            json_node_get_value_type (value) == G_TYPE_STRING)
          smm_order_request_set (request, field, json_node_get_string (value));
    }
  sqlite3_reset (stmt);
  return request;
}

/**
 * smm_store_get_history:
 *
 * Returns: (transfer container) (element-type SmmOrder): the order as it was at each change, oldest first
 */
GPtrArray *
smm_store_get_history (SmmStore  *self,
                       gint64     local_id,
                       GError   **error)
{
  sqlite3_stmt *stmt = _smm_store_statement (self, "SELECT time, status, remains, charge FROM order_history "
                                                   "WHERE order_id = ?1 ORDER BY rowid", error);
  GPtrArray *history;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, local_id);
  history = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmmOrder *entry = smm_order_new (0);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      SmmMoney charge;

      smm_order_set_local_id (entry, local_id);
      smm_order_set_created (entry, time);
      smm_order_set_status_text (entry, _smm_store_column_text (stmt, 1));
      smm_order_set_remains (entry, _smm_store_column_count (stmt, 2));
      if (_smm_store_column_money (stmt, 3, &charge))
        smm_order_set_charge (entry, &charge);
      g_ptr_array_add (history, entry);
    }
  sqlite3_reset (stmt);
  return _smm_store_finish_list (self, history, rc, error);
}
