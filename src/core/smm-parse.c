/* smm-parse.c: panel replies to models, with every quirk of real panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-parse"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "smm-json-reader.h"
#include "smm-parse.h"

/* ---------------------------------------------------------------------------------------------
 * services
 */

static SmmService *
service_from_object (JsonObject *object)
{
  g_autoptr(SmmService) service = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *category = NULL;
  g_autofree char *description = NULL;
  SmmMoney rate;
  gint64 id, min = 0, max = 0;
  gboolean flag;

  if (!smm_json_node_get_id (smm_json_member (object, "service"), &id) &&
      !smm_json_node_get_id (smm_json_member (object, "id"), &id))
    return NULL;
  if (!smm_json_node_get_money (smm_json_member (object, "rate"), &rate) || smm_money_is_negative (rate))
    return NULL;

  name = smm_json_member_dup_text (object, "name");
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup_printf (_("Service %" PRId64), id);
    }

  service = smm_service_new (id, name);
  type = smm_json_member_dup_text (object, "type");
  smm_service_set_type_name (service, type && *type ? type : "Default");
  category = smm_json_member_dup_text (object, "category");
  smm_service_set_category (service, category);
  smm_service_set_rate (service, rate);

  if (smm_json_node_get_int (smm_json_member (object, "min"), &min) && min > 0)
    smm_service_set_min (service, min);
  if (smm_json_node_get_int (smm_json_member (object, "max"), &max) && max > 0)
    smm_service_set_max (service, max);
  if (smm_json_node_get_bool (smm_json_member (object, "refill"), &flag))
    smm_service_set_refill (service, SMM_TRISTATE_FROM_BOOLEAN (flag));
  if (smm_json_node_get_bool (smm_json_member (object, "cancel"), &flag))
    smm_service_set_cancel (service, SMM_TRISTATE_FROM_BOOLEAN (flag));
  if (smm_json_node_get_bool (smm_json_member (object, "dripfeed"), &flag))
    smm_service_set_dripfeed (service, SMM_TRISTATE_FROM_BOOLEAN (flag));

  description = smm_json_node_dup_text (smm_json_member (object, "desc"));
  if (description == NULL)
    description = smm_json_node_dup_text (smm_json_member (object, "description"));
  smm_service_set_description (service, description);

  return g_steal_pointer (&service);
}

/**
 * smm_parse_services:
 * @n_skipped: (out) (optional): services left out because they had no id or no valid rate
 *
 * Returns: (transfer container) (element-type SmmService): the catalogue, in the
 * panel's order, each id once
 */
GPtrArray *
smm_parse_services (const char  *data,
                    gsize        length,
                    guint       *n_skipped,
                    GError     **error)
{
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, error);
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GList) values = NULL;
  GError *panel_error;
  guint skipped = 0;

  if (root == NULL)
    return NULL;

  panel_error = smm_json_error_from_reply (smm_json_unwrap_single (root));
  if (panel_error)
    {
      g_propagate_error (error, panel_error);
      return NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *inner = smm_json_member (object, "services");

      if (inner == NULL)
        inner = smm_json_member (object, "data");
      if (inner && JSON_NODE_HOLDS_ARRAY (inner))
        values = json_array_get_elements (json_node_get_array (inner));
      else if (smm_json_object_is_id_map (object))
        values = json_object_get_values (object);
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    values = json_array_get_elements (json_node_get_array (root));

  if (values == NULL && !(JSON_NODE_HOLDS_ARRAY (root)))
    {
      smm_json_unexpected (error, _("The panel’s reply does not contain a list of services."));
      return NULL;
    }

  services = g_ptr_array_new_with_free_func (g_object_unref);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (GList *l = values; l; l = l->next)
    {
      JsonNode *node = l->data;
      SmmService *service;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !(service = service_from_object (json_node_get_object (node))))
        {
          skipped++;
          continue;
        }
      if (g_hash_table_contains (seen, &((gint64) { smm_service_get_id (service) })))
        {
          g_object_unref (service);
          skipped++;
          continue;
        }
      g_ptr_array_add (services, service);
      g_hash_table_add (seen, g_memdup2 (&((gint64) { smm_service_get_id (service) }),
                                         sizeof (gint64)));
    }

  if (n_skipped)
    *n_skipped = skipped;
  return g_steal_pointer (&services);
}

/* ---------------------------------------------------------------------------------------------
 * add
 */

gboolean
smm_parse_add (const char  *data,
               gsize        length,
               gint64      *order_id,
               GError     **error)
{
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, error);
  JsonNode *node;
  GError *panel_error;

  if (root == NULL)
    return FALSE;
  node = smm_json_unwrap_single (root);
  /* an order id is the one thing that says the order exists: it wins over an "error" beside it */
  if (JSON_NODE_HOLDS_OBJECT (node) &&
      smm_json_node_get_id (smm_json_member (json_node_get_object (node), "order"), order_id))
    return TRUE;
  panel_error = smm_json_error_from_reply (node);
  if (panel_error)
    {
      g_propagate_error (error, panel_error);
      return FALSE;
    }
  return smm_json_unexpected (error, _("The panel’s reply does not contain the new order’s ID."));
}

/* ---------------------------------------------------------------------------------------------
 * status
 */

static void
apply_status (SmmOrder   *order,
              JsonObject *object)
{
  g_autofree char *status = smm_json_member_dup_text (object, "status");
  g_autofree char *currency = smm_json_member_dup_text (object, "currency");
  SmmMoney charge;
  gint64 count;

  if (status && *status)
    smm_order_set_status_text (order, status);
  if (smm_json_node_get_money (smm_json_member (object, "charge"), &charge) && !smm_money_is_negative (charge))
    smm_order_set_charge (order, &charge);
  if (smm_json_node_get_int (smm_json_member (object, "start_count"), &count) && count >= 0)
    smm_order_set_start_count (order, count);
  /* over-delivery shows as negative remains on some panels: nothing remains */
  if (smm_json_node_get_int (smm_json_member (object, "remains"), &count))
    smm_order_set_remains (order, MAX (count, 0));
  if (currency && *currency)
    smm_order_set_currency (order, currency);
}

static SmmOrder *
order_from_item (gint64    id,
                 JsonNode *value)
{
  g_autoptr(SmmOrder) order = smm_order_new (id);
  g_autoptr(GError) item_error = NULL;

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);

      item_error = smm_json_error_from_reply (value);
      if (item_error == NULL)
        {
          g_autofree char *status = smm_json_member_dup_text (object, "status");

          if (status == NULL || *status == '\0')
            item_error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED,
                                              _("The panel sent no status for this order."));
          else
            apply_status (order, object);
        }
    }
  else
    {
      g_autofree char *text = smm_json_node_dup_text (value);
      item_error = text ? smm_api_error_from_panel_text (text)
                        : g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED,
                                               _("The panel sent no status for this order."));
    }

  if (item_error)
    smm_order_set_error (order, item_error);
  return g_steal_pointer (&order);
}

SmmOrder *
smm_parse_status (const char  *data,
                  gsize        length,
                  gint64       order_id,
                  GError     **error)
{
  g_autoptr(JsonNode) node = smm_json_load_single (data, length, error);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autofree char *status = smm_json_member_dup_text (object, "status");
      JsonNode *inner = smm_json_member (object, "status");

      /* {"1234": {...}}: a batch-shaped answer to a single question */
      if (status == NULL && (inner == NULL || !JSON_NODE_HOLDS_OBJECT (inner)))
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, order_id);
          JsonNode *item = smm_json_member (object, key);

          if (item && JSON_NODE_HOLDS_OBJECT (item))
            {
              g_autoptr(SmmOrder) order = order_from_item (order_id, item);
              if (smm_order_get_error (order))
                {
                  g_propagate_error (error, g_error_copy (smm_order_get_error (order)));
                  return NULL;
                }
              return g_steal_pointer (&order);
            }
        }
      if (status && *status)
        {
          SmmOrder *order = smm_order_new (order_id);
          apply_status (order, object);
          return order;
        }
    }
  smm_json_unexpected (error, _("The panel’s reply does not contain the order’s status."));
  return NULL;
}

static void
status_item (gint64     id,
             JsonNode  *value,
             GPtrArray *results)
{
  g_ptr_array_add (results, order_from_item (id, value));
}

/* ---------------------------------------------------------------------------------------------
 * refill
 */

gboolean
smm_parse_refill (const char  *data,
                  gsize        length,
                  gint64      *refill_id,
                  GError     **error)
{
  g_autoptr(JsonNode) node = smm_json_load_single (data, length, error);
  JsonNode *value;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return smm_json_unexpected (error, _("The panel’s reply does not contain a refill ID."));
  value = smm_json_member (json_node_get_object (node), "refill");
  if (value && JSON_NODE_HOLDS_OBJECT (value))
    {
      GError *item_error = smm_json_error_from_reply (value);
      if (item_error)
        {
          g_propagate_error (error, item_error);
          return FALSE;
        }
      value = smm_json_member (json_node_get_object (value), "id");
    }
  if (!smm_json_node_get_id (value, refill_id))
    return smm_json_unexpected (error, _("The panel’s reply does not contain a refill ID."));
  return TRUE;
}

/* {"order":1,"refill":1}, {"order":3,"refill":{"error":…}}, or a map's value: 1, {"refill":1}, {"error":…} */
static void
refill_item (gint64     order_id,
             JsonNode  *value,
             GPtrArray *results)
{
  g_autoptr(SmmRefill) refill = smm_refill_new (0, order_id);
  g_autoptr(GError) item_error = NULL;
  JsonNode *inner = value;
  gint64 refill_id;

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      item_error = smm_json_error_from_reply (value);
      inner = smm_json_member (json_node_get_object (value), "refill");
    }
  if (item_error == NULL && inner && JSON_NODE_HOLDS_OBJECT (inner))
    {
      item_error = smm_json_error_from_reply (inner);
      if (item_error == NULL)
        inner = smm_json_member (json_node_get_object (inner), "id");
    }
  if (item_error == NULL)
    {
      if (smm_json_node_get_id (inner, &refill_id))
        smm_refill_set_id (refill, refill_id);
      else if (inner && JSON_NODE_HOLDS_VALUE (inner) &&
               json_node_get_value_type (inner) == G_TYPE_STRING)
        item_error = smm_api_error_from_panel_text (json_node_get_string (inner));
      else
        item_error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED,
                                          _("The panel sent no refill ID for this order."));
    }
  if (item_error)
    smm_refill_set_error (refill, item_error);
  g_ptr_array_add (results, g_steal_pointer (&refill));
}

/* ---------------------------------------------------------------------------------------------
 * refill_status
 */

static SmmRefill *
refill_status_from_item (gint64    refill_id,
                         JsonNode *value)
{
  g_autoptr(SmmRefill) refill = smm_refill_new (refill_id, 0);
  g_autoptr(GError) item_error = NULL;
  JsonNode *status = value;
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      item_error = smm_json_error_from_reply (value);
      status = smm_json_member (json_node_get_object (value), "status");
    }
  if (item_error == NULL && status && JSON_NODE_HOLDS_OBJECT (status))
    item_error = smm_json_error_from_reply (status);
  if (item_error == NULL)
    {
      text = smm_json_node_dup_text (status);
      if (text && *g_strstrip (text))
        smm_refill_set_status_text (refill, text);
      else
        item_error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED,
                                          _("The panel sent no status for this refill."));
    }
  if (item_error)
    smm_refill_set_error (refill, item_error);
  return g_steal_pointer (&refill);
}

SmmRefill *
smm_parse_refill_status (const char  *data,
                         gsize        length,
                         gint64       refill_id,
                         GError     **error)
{
  g_autoptr(JsonNode) node = smm_json_load_single (data, length, error);
  g_autoptr(SmmRefill) refill = NULL;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), "status"))
    {
      smm_json_unexpected (error, _("The panel’s reply does not contain the refill’s status."));
      return NULL;
    }
  refill = refill_status_from_item (refill_id, node);
  if (smm_refill_get_error (refill))
    {
      g_propagate_error (error, g_error_copy (smm_refill_get_error (refill)));
      return NULL;
    }
  return g_steal_pointer (&refill);
}

static void
refill_status_item (gint64     refill_id,
                    JsonNode  *value,
                    GPtrArray *results)
{
  g_ptr_array_add (results, refill_status_from_item (refill_id, value));
}

/* ---------------------------------------------------------------------------------------------
 * cancel
 */

static void
cancel_item (gint64     order_id,
             JsonNode  *value,
             GPtrArray *results)
{
  SmmCancelResult *result = g_new0 (SmmCancelResult, 1);
  JsonNode *inner = value;
  gboolean accepted = FALSE;

  result->order_id = order_id;
  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      result->error = smm_json_error_from_reply (value);
      inner = smm_json_member (json_node_get_object (value), "cancel");
    }
  if (result->error == NULL && inner && JSON_NODE_HOLDS_OBJECT (inner))
    result->error = smm_json_error_from_reply (inner);
  if (result->error == NULL)
    {
      if (smm_json_node_get_bool (inner, &accepted) && accepted)
        result->accepted = TRUE;
      else if (inner && JSON_NODE_HOLDS_VALUE (inner) &&
               json_node_get_value_type (inner) == G_TYPE_STRING && !smm_json_node_get_bool (inner, &accepted))
        result->error = smm_api_error_from_panel_text (json_node_get_string (inner));
      else
        result->error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_PANEL,
                                             _("The panel did not accept the cancel."));
    }
  g_ptr_array_add (results, result);
}

/* ---------------------------------------------------------------------------------------------
 * Batches: one walker for every batch reply
 */

/* How a batch reply in the single form ({"status": …}, not a map or a list) that names an id is read */
typedef enum {
  SINGLE_IF_VALID_ID,  /* an item of the list form when its id is valid, and if that id was asked */
  SINGLE_IF_ID_MEMBER, /* an item of the list form whenever it has the id member; none if the id is not valid */
  SINGLE_AS_LIST,      /* a list of one item, read as the list form is */
} SingleForm;

typedef struct {
  const char      *single_member;  /* the member that makes a reply a single answer */
  const char      *id_member;      /* the member that holds an item's id in the list form */
  SingleForm       single;
  SmmJsonItemFunc  item;
  GDestroyNotify   item_free;
  const char      *not_each;       /* the error of a single answer without an id to several ids */
} BatchShape;

/* A single answer that names its id: whether it did, with the results it adds. */
static gboolean
single_with_id (const BatchShape *shape,
                JsonNode         *root,
                const gint64     *ids,
                guint             n_ids,
                GPtrArray        *results)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) list = NULL;
  gint64 id;

  switch (shape->single)
    {
    case SINGLE_IF_VALID_ID:
      if (!smm_json_node_get_id (smm_json_member (object, shape->id_member), &id))
        return FALSE;
      if (smm_json_id_was_asked (id, ids, n_ids))
        shape->item (id, root, results);
      return TRUE;

    case SINGLE_IF_ID_MEMBER:
      if (!json_object_has_member (object, shape->id_member))
        return FALSE;
      if (smm_json_node_get_id (smm_json_member (object, shape->id_member), &id))
        shape->item (id, root, results);
      return TRUE;

    case SINGLE_AS_LIST:
      if (!json_object_has_member (object, shape->id_member))
        return FALSE;
      array = json_array_new ();
      list = json_node_new (JSON_NODE_ARRAY);
      json_array_add_element (array, json_node_ref (root));
      json_node_set_array (list, array);
      smm_json_for_each_item (list, shape->id_member, ids, n_ids, shape->item, results, NULL);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
parse_batch (const BatchShape  *shape,
             const char        *data,
             gsize              length,
             const gint64      *ids,
             guint              n_ids,
             GError           **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (shape->item_free);
  g_autoptr(JsonNode) root = NULL;
  gboolean single;

  root = smm_json_load_batch (data, length, &single, shape->single_member, error);
  if (root == NULL)
    return NULL;

  if (!single)
    {
      if (!smm_json_for_each_item (root, shape->id_member, ids, n_ids, shape->item, results, error))
        return NULL;
      return g_steal_pointer (&results);
    }
  if (single_with_id (shape, root, ids, n_ids, results))
    return g_steal_pointer (&results);
  /* an answer about one order, without its id, can only answer one question */
  if (n_ids != 1)
    {
      smm_json_unexpected (error, _(shape->not_each));
      return NULL;
    }
  shape->item (ids[0], root, results);
  return g_steal_pointer (&results);
}

static const BatchShape status_shape = {
  "status", "order", SINGLE_IF_VALID_ID, status_item, g_object_unref,
  N_("The panel’s reply does not contain a status for each order."),
};
static const BatchShape refill_shape = {
  "refill", "order", SINGLE_AS_LIST, refill_item, g_object_unref,
  N_("The panel’s reply does not contain a result for each order."),
};
static const BatchShape refill_status_shape = {
  "status", "refill", SINGLE_IF_ID_MEMBER, refill_status_item, g_object_unref,
  N_("The panel’s reply does not contain a status for each refill."),
};
static const BatchShape cancel_shape = {
  "cancel", "order", SINGLE_IF_ID_MEMBER, cancel_item, (GDestroyNotify) smm_cancel_result_free,
  N_("The panel’s reply does not contain a result for each order."),
};

/**
 * smm_parse_status_batch:
 * @ids: (array length=n_ids) (nullable): the ids asked for
 *
 * Returns: (transfer container) (element-type SmmOrder): one order per id in the
 * reply; an item the panel answered with an error carries it in its `error`
 */
GPtrArray *
smm_parse_status_batch (const char   *data,
                        gsize         length,
                        const gint64 *ids,
                        guint         n_ids,
                        GError      **error)
{
  return parse_batch (&status_shape, data, length, ids, n_ids, error);
}

/**
 * smm_parse_refill_batch:
 *
 * Returns: (transfer container) (element-type SmmRefill): per order: a refill
 * with its id, or with `order-id` and the panel's error
 */
GPtrArray *
smm_parse_refill_batch (const char   *data,
                        gsize         length,
                        const gint64 *ids,
                        guint         n_ids,
                        GError      **error)
{
  return parse_batch (&refill_shape, data, length, ids, n_ids, error);
}

/**
 * smm_parse_refill_status_batch:
 *
 * Returns: (transfer container) (element-type SmmRefill): per refill id, its status or error
 */
GPtrArray *
smm_parse_refill_status_batch (const char   *data,
                               gsize         length,
                               const gint64 *ids,
                               guint         n_ids,
                               GError      **error)
{
  return parse_batch (&refill_status_shape, data, length, ids, n_ids, error);
}

/**
 * smm_parse_cancel_batch:
 *
 * Returns: (transfer container) (element-type SmmCancelResult): per order, accepted or why not
 */
GPtrArray *
smm_parse_cancel_batch (const char   *data,
                        gsize         length,
                        const gint64 *ids,
                        guint         n_ids,
                        GError      **error)
{
  return parse_batch (&cancel_shape, data, length, ids, n_ids, error);
}

/* ---------------------------------------------------------------------------------------------
 * balance
 */

/**
 * smm_parse_balance:
 * @currency: (out) (transfer full) (nullable): the currency code, %NULL when the panel sent none
 */
gboolean
smm_parse_balance (const char  *data,
                   gsize        length,
                   SmmMoney    *balance,
                   char       **currency,
                   GError     **error)
{
  g_autoptr(JsonNode) node = smm_json_load_single (data, length, error);
  g_autofree char *code = NULL;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !smm_json_node_get_money (smm_json_member (json_node_get_object (node), "balance"), balance))
    return smm_json_unexpected (error, _("The panel’s reply does not contain the balance."));

  code = smm_json_member_dup_text (json_node_get_object (node), "currency");
  if (code && (*code == '\0' || strlen (code) > 16))
    g_clear_pointer (&code, g_free);
  if (currency)
    *currency = g_steal_pointer (&code);
  return TRUE;
}

/**
 * smm_parse_error_reply:
 *
 * For replies that came with an HTTP error status: the panel's own error, if it sent one.
 *
 * Returns: (transfer full) (nullable): the error of an `{"error": …}` reply, else %NULL
 */
GError *
smm_parse_error_reply (const char *data,
                       gsize       length)
{
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, NULL);

  if (root == NULL)
    return NULL;
  return smm_json_error_from_reply (smm_json_unwrap_single (root));
}
