/* smm-parse-batch.c: replies about many ids (status, refill, refill_status, cancel): each id asked
 * accounted for, in the order asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "smm-json-reader.h"
#include "smm-parse-private.h"

/* ---------------------------------------------------------------------------------------------
 * Items that carry an error: for an id left out, or a request that failed as a whole
 */

gpointer
smm_parse_failed_order (gint64        order_id,
                        const GError *error)
{
  SmmOrder *order = smm_order_new (order_id);

  smm_order_set_error (order, error);
  return order;
}

gpointer
smm_parse_failed_refill (gint64        order_id,
                         const GError *error)
{
  SmmRefill *refill = smm_refill_new (0, order_id);

  smm_refill_set_error (refill, error);
  return refill;
}

gpointer
smm_parse_failed_refill_status (gint64        refill_id,
                                const GError *error)
{
  SmmRefill *refill = smm_refill_new (refill_id, 0);

  smm_refill_set_error (refill, error);
  return refill;
}

gpointer
smm_parse_failed_cancel (gint64        order_id,
                         const GError *error)
{
  SmmCancelResult *result = g_new0 (SmmCancelResult, 1);

  result->order_id = order_id;
  result->error = g_error_copy (error);
  return result;
}

/* ---------------------------------------------------------------------------------------------
 * Each item
 */

/* A string where an answer should be: the panel's words for why not */
static GError *
panel_text_error (JsonNode *node)
{
  g_autofree char *text = smm_json_node_dup_text (node);

  return smm_api_error_from_panel_text (text);
}

static void
status_item (gint64     id,
             JsonNode  *value,
             GPtrArray *results)
{
  g_ptr_array_add (results, _smm_parse_order_from_item (id, value));
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
        item_error = panel_text_error (inner);
      else
        item_error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED,
                                          _("The panel sent no refill ID for this order."));
    }
  if (item_error)
    smm_refill_set_error (refill, item_error);
  g_ptr_array_add (results, g_steal_pointer (&refill));
}

static void
refill_status_item (gint64     refill_id,
                    JsonNode  *value,
                    GPtrArray *results)
{
  g_ptr_array_add (results, _smm_parse_refill_status_from_item (refill_id, value));
}

/* ---------------------------------------------------------------------------------------------
 * cancel
 */

/* {"567890123":"Canceled"} (a map of strings, as public documents show it): the word says yes */
static gboolean
is_accepted_word (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  text = smm_json_node_dup_line (node);
  return smm_order_status_from_string (text) == SMM_ORDER_STATUS_CANCELED ||
         g_ascii_strcasecmp (text, "ok") == 0 || g_ascii_strcasecmp (text, "success") == 0 ||
         g_ascii_strcasecmp (text, "accepted") == 0;
}

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
      if ((smm_json_node_get_bool (inner, &accepted) && accepted) || is_accepted_word (inner))
        result->accepted = TRUE;
      else if (inner && JSON_NODE_HOLDS_VALUE (inner) &&
               json_node_get_value_type (inner) == G_TYPE_STRING && !smm_json_node_get_bool (inner, &accepted))
        result->error = panel_text_error (inner);
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
  gint64         (*item_id)  (gpointer item);                      /* the id an item answers */
  gpointer       (*failed)   (gint64 id, const GError *error);     /* an item carrying an error */
  const char      *all_ok;         /* a member that, alone, says yes to every id ({"ok":"true"}) */
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

/* Every id asked gets one item, in the order asked: the first answer about it; an id the
 * reply left out gets a "no answer" item (not final: asked again). Answers about ids not
 * asked, and second answers about one id, are dropped. Takes @results. */
static GPtrArray *
in_asked_order (const BatchShape *shape,
                GPtrArray        *results,
                const gint64     *ids,
                guint             n_ids)
{
  g_autoptr(GHashTable) asked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) no_answer = NULL;
  g_autofree gpointer *items = NULL;
  GPtrArray *ordered;
  gsize n_items;

  if (ids == NULL || n_ids == 0)
    return results;

  g_ptr_array_set_free_func (results, NULL);
  items = g_ptr_array_steal (results, &n_items);
  g_ptr_array_unref (results);
  ordered = g_ptr_array_new_full (n_ids, shape->item_free);
  g_ptr_array_set_size (ordered, n_ids);
  for (guint i = n_ids; i-- > 0;)
    g_hash_table_insert (asked, (gpointer) &ids[i], GUINT_TO_POINTER (i + 1));

  for (gsize i = 0; i < n_items; i++)
    {
      gint64 id = shape->item_id (items[i]);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (asked, &id));

      if (slot == 0)
        g_debug ("An answer about %" G_GINT64_FORMAT ", which was not asked: ignored", id);
      else if (ordered->pdata[slot - 1] != NULL)
        g_debug ("A second answer about %" G_GINT64_FORMAT ": ignored", id);
      else
        {
          ordered->pdata[slot - 1] = g_steal_pointer (&items[i]);
          continue;
        }
      shape->item_free (items[i]);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      if (ordered->pdata[i] != NULL)
        continue;
      if (no_answer == NULL)
        no_answer = smm_api_error_new_no_answer ();
      ordered->pdata[i] = shape->failed (ids[i], no_answer);
    }
  return ordered;
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

  if (!single && shape->all_ok && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), shape->all_ok) &&
      !smm_json_object_is_id_map (json_node_get_object (root)))
    {
      JsonNode *ok = smm_json_member (json_node_get_object (root), shape->all_ok);

      for (guint i = 0; i < n_ids; i++)
        shape->item (ids[i], ok, results);
      return in_asked_order (shape, g_steal_pointer (&results), ids, n_ids);
    }
  if (!single)
    {
      if (!smm_json_for_each_item (root, shape->id_member, ids, n_ids, shape->item, results, error))
        return NULL;
      return in_asked_order (shape, g_steal_pointer (&results), ids, n_ids);
    }
  if (single_with_id (shape, root, ids, n_ids, results))
    return in_asked_order (shape, g_steal_pointer (&results), ids, n_ids);
  /* an answer about one order, without its id, can only answer one question */
  if (n_ids != 1)
    {
      smm_json_unexpected (error, _(shape->not_each));
      return NULL;
    }
  shape->item (ids[0], root, results);
  return in_asked_order (shape, g_steal_pointer (&results), ids, n_ids);
}

static gint64
order_id (gpointer item)
{
  return smm_order_get_id (item);
}

static gint64
refill_order_id (gpointer item)
{
  return smm_refill_get_order_id (item);
}

static gint64
refill_id (gpointer item)
{
  return smm_refill_get_id (item);
}

static gint64
cancel_order_id (gpointer item)
{
  return ((SmmCancelResult *) item)->order_id;
}

static const BatchShape status_shape = {
  "status", "order", SINGLE_IF_VALID_ID, status_item, g_object_unref,
  N_("The panel’s reply does not contain a status for each order."),
  order_id, smm_parse_failed_order, NULL,
};
static const BatchShape refill_shape = {
  "refill", "order", SINGLE_AS_LIST, refill_item, g_object_unref,
  N_("The panel’s reply does not contain a result for each order."),
  refill_order_id, smm_parse_failed_refill, NULL,
};
static const BatchShape refill_status_shape = {
  "status", "refill", SINGLE_IF_ID_MEMBER, refill_status_item, g_object_unref,
  N_("The panel’s reply does not contain a status for each refill."),
  refill_id, smm_parse_failed_refill_status, NULL,
};
static const BatchShape cancel_shape = {
  "cancel", "order", SINGLE_IF_ID_MEMBER, cancel_item, (GDestroyNotify) smm_cancel_result_free,
  N_("The panel’s reply does not contain a result for each order."),
  cancel_order_id, smm_parse_failed_cancel, "ok",
};

/**
 * smm_parse_status_batch:
 * @ids: (array length=n_ids) (nullable): the ids asked for
 *
 * Returns: (transfer container) (element-type SmmOrder): one order per id asked, in
 * the order asked (every id the reply names when @ids is %NULL); an item the panel
 * answered with an error carries it in its `error`, one it left out %SMM_API_ERROR_NO_ANSWER
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
 * Reads `{"1":{"cancel":1}}`, lists, `{"1":"Canceled","2":"Already completed"}` (a map of
 * strings) and a bare `{"ok":"true"}` (yes to every id asked).
 *
 * Returns: (transfer container) (element-type SmmCancelResult): per order asked, in the
 * order asked, accepted or why not
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

