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
#include "smm-parse-private.h"

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

/* The same id listed again: alike (the first is kept), or otherwise (the id is ambiguous) */
static gboolean
same_offer (SmmService *a,
            SmmService *b)
{
  return smm_money_compare (smm_service_get_rate (a), smm_service_get_rate (b)) == 0 &&
         g_strcmp0 (smm_service_get_type_name (a), smm_service_get_type_name (b)) == 0;
}

/**
 * smm_parse_services_full:
 * @report: (out caller-allocates) (optional): what was left out, and why; clear it with
 *   smm_services_report_clear()
 *
 * A service id listed twice alike is kept once (the first). A service id listed with two
 * rates or two types (0.01 and 900.00) cannot be trusted: an order for it might be charged
 * either, so every listing of it is left out, and its id is in @report's `ambiguous`.
 *
 * Returns: (transfer container) (element-type SmmService): the catalogue, in the
 * panel's order, each id once
 */
GPtrArray *
smm_parse_services_full (const char         *data,
                         gsize               length,
                         SmmServicesReport  *report,
                         GError            **error)
{
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, SMM_JSON_REPLY_SERVICES, error);
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) ambiguous = NULL;
  g_autoptr(GList) values = NULL;
  SmmServicesReport local = { 0, 0, 0, NULL };
  GError *panel_error;

  if (report)
    *report = local;
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
  /* id → the first listing of it */
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ambiguous = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  local.ambiguous = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (GList *l = values; l; l = l->next)
    {
      JsonNode *node = l->data;
      g_autoptr(SmmService) service = NULL;
      gint64 id;
      SmmService *first;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !(service = service_from_object (json_node_get_object (node))))
        {
          local.n_skipped++;
          continue;
        }
      id = smm_service_get_id (service);
      first = g_hash_table_lookup (seen, &id);
      if (first == NULL)
        {
          g_hash_table_insert (seen, g_memdup2 (&id, sizeof id), service);
          g_ptr_array_add (services, g_steal_pointer (&service));
        }
      else if (same_offer (first, service))
        local.n_duplicates++;
      else if (!g_hash_table_contains (ambiguous, &id))
        {
          g_debug ("Service %" G_GINT64_FORMAT " is listed twice, with different rates or types: left out", id);
          g_hash_table_add (ambiguous, g_memdup2 (&id, sizeof id));
          g_array_append_val (local.ambiguous, id);
          local.n_dropped += 2;
        }
      else
        local.n_dropped++;
    }
  for (guint i = services->len; i-- > 0;)
    if (g_hash_table_contains (ambiguous, &((gint64) { smm_service_get_id (services->pdata[i]) })))
      g_ptr_array_remove_index (services, i);

  if (local.n_duplicates > 0)
    g_debug ("%u services listed again alike: the first listing kept", local.n_duplicates);
  if (report)
    *report = local;
  else
    g_array_unref (local.ambiguous);
  return g_steal_pointer (&services);
}

/**
 * smm_parse_services:
 * @n_skipped: (out) (optional): listings left out: without an id or a valid rate, repeated,
 *   or ambiguous (see smm_parse_services_full())
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
  SmmServicesReport report;
  GPtrArray *services = smm_parse_services_full (data, length, &report, error);

  if (n_skipped)
    *n_skipped = report.n_skipped + report.n_duplicates + report.n_dropped;
  smm_services_report_clear (&report);
  return services;
}

void
smm_services_report_clear (SmmServicesReport *report)
{
  g_clear_pointer (&report->ambiguous, g_array_unref);
}

/**
 * smm_services_report_dup_message:
 *
 * What the user is told of the ids left out for two rates or types, in words: "The panel
 * lists service 12 twice at different prices: it is left out".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when no id was left out
 */
char *
smm_services_report_dup_message (const SmmServicesReport *report)
{
  g_autoptr(GString) ids = NULL;
  guint n = report->ambiguous ? report->ambiguous->len : 0;

  if (n == 0)
    return NULL;
  ids = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    /* Translators: the separator of a list of service ids, "5, 12" */
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? _(", ") : "",
                            g_array_index (report->ambiguous, gint64, i));
  /* Translators: %s is a service id, or a list of them ("5, 12") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The panel lists service %s twice at different prices: it is left out",
                                       "The panel lists services %s twice at different prices: they are left out",
                                       n),
                          ids->str);
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
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, SMM_JSON_REPLY_ANSWER, error);
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

/* {"status":"Active","expiry":null,"posts":"0","orders":[]}: a subscription's own shape */
static void
apply_subscription (SmmOrder   *order,
                    JsonObject *object)
{
  g_autofree char *expiry = smm_json_member_dup_text (object, "expiry");
  JsonNode *orders = smm_json_member (object, "orders");
  static const gint64 none = 0;
  gint64 posts;

  if (smm_json_node_get_int (smm_json_member (object, "posts"), &posts) && posts >= 0)
    smm_order_set_posts (order, posts);
  if (expiry && *expiry)
    smm_order_set_expiry (order, expiry);
  if (orders && JSON_NODE_HOLDS_ARRAY (orders))
    {
      JsonArray *array = json_node_get_array (orders);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gint64 id;

          if (smm_json_node_get_id (json_array_get_element (array, i), &id))
            g_array_append_val (ids, id);
        }
      /* "orders": [] is told: none, not unknown (an empty GArray's data is NULL) */
      smm_order_set_sub_orders (order, ids->len ? (const gint64 *) ids->data : &none, ids->len);
    }
}

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
  apply_subscription (order, object);
}

SmmOrder *
_smm_parse_order_from_item (gint64    id,
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
              g_autoptr(SmmOrder) order = _smm_parse_order_from_item (order_id, item);
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

/* ---------------------------------------------------------------------------------------------
 * refill_status
 */

SmmRefill *
_smm_parse_refill_status_from_item (gint64    refill_id,
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
      text = smm_json_node_dup_line (status);
      if (text && *text)
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
  refill = _smm_parse_refill_status_from_item (refill_id, node);
  if (smm_refill_get_error (refill))
    {
      g_propagate_error (error, g_error_copy (smm_refill_get_error (refill)));
      return NULL;
    }
  return g_steal_pointer (&refill);
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
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, SMM_JSON_REPLY_ANSWER, NULL);

  if (root == NULL)
    return NULL;
  return smm_json_error_from_reply (smm_json_unwrap_single (root));
}
