/* smm-sim-actions.c: the simulated panel's API v2 actions, one handler each: services, status,
 * refill, refill_status, cancel, balance (add is in smm-sim-add.c), and the shapes of their
 * replies, quirks included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "smm-sim-private.h"

#define MAX_BATCH              100

static const char * const order_state_names[] = {
  [ORDER_PENDING] = "Pending",
  [ORDER_IN_PROGRESS] = "In progress",
  [ORDER_COMPLETED] = "Completed",
  [ORDER_PARTIAL] = "Partial",
  [ORDER_CANCELED] = "Canceled",
  [ORDER_REFUNDED] = "Refunded",
};

/* status-case: the spellings of other panels */
static const char * const order_state_other_names[] = {
  [ORDER_PENDING] = "pending",
  [ORDER_IN_PROGRESS] = "Inprogress",
  [ORDER_COMPLETED] = "completed",
  [ORDER_PARTIAL] = "partial",
  [ORDER_CANCELED] = "canceled",
  [ORDER_REFUNDED] = "refunded",
};

static const char * const subscription_state_names[] = {
  [SUBSCRIPTION_ACTIVE] = "Active",
  [SUBSCRIPTION_PAUSED] = "Paused",
  [SUBSCRIPTION_COMPLETED] = "Completed",
  [SUBSCRIPTION_EXPIRED] = "Expired",
  [SUBSCRIPTION_CANCELED] = "Canceled",
};

static const char *
order_state_name (SmmSim     *self,
                  SimOrder   *order,
                  OrderState  state)
{
  if (state == ORDER_IN_PROGRESS && smm_sim_quirk (self, SMM_SIM_QUIRK_PROCESSING) && order->id % 2 == 1)
    return "Processing";
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_STATUS_CASE))
    return order_state_other_names[state];
  return order_state_names[state];
}

/* "0.90" -> "0.9", "5.00" -> "5", "0.0450" -> "0.045" */
static char *
trim_decimal (const char *text)
{
  char *copy = g_strdup (text);
  gsize len = strlen (copy);

  if (strchr (copy, '.') == NULL)
    return copy;
  while (len > 0 && copy[len - 1] == '0')
    copy[--len] = '\0';
  if (len > 0 && copy[len - 1] == '.')
    copy[--len] = '\0';

  return copy;
}

/* Actions */

static void
add_flag (SmmSim        *self,
          JsonBuilder   *builder,
          const char    *name,
          guint          quirky_id,
          gboolean       value)
{
  json_builder_set_member_name (builder, name);
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_LOOSE_SERVICES))
    smm_sim_json_add_quirky_bool (builder, quirky_id, value);
  else
    json_builder_add_boolean_value (builder, value);
}

/* A minimum or maximum: a bare number with bare-numbers, else a string; "50.000" for 50000 with
 * loose-services, as a panel formatting it with a thousands separator does. */
static void
add_limit (SmmSim      *self,
           JsonBuilder *builder,
           const char  *name,
           guint        value)
{
  json_builder_set_member_name (builder, name);
  if (value == 50000 && smm_sim_quirk (self, SMM_SIM_QUIRK_LOOSE_SERVICES))
    json_builder_add_string_value (builder, "50.000");
  else
    smm_sim_json_add_count (self, builder, value);
}

static JsonNode *
action_services_locked (SmmSim *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean loose = smm_sim_quirk (self, SMM_SIM_QUIRK_LOOSE_SERVICES);
  gboolean bare = smm_sim_quirk (self, SMM_SIM_QUIRK_BARE_NUMBERS)
                  && !smm_sim_quirk (self, SMM_SIM_QUIRK_STRING_NUMBERS);
  gboolean no_fields = smm_sim_quirk (self, SMM_SIM_QUIRK_NO_REFILL_FIELDS);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->services->len; i++)
    {
      SmmSimService *service = g_ptr_array_index (self->services, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "service");
      if (loose)
        {
          g_autofree char *id = g_strdup_printf ("%u", service->id);
          json_builder_add_string_value (builder, id);
        }
      else
        smm_sim_json_add_number_id (self, builder, service->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, service->name);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, smm_sim_type_to_string (service->type));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, service->category);

      json_builder_set_member_name (builder, "rate");
      if (bare)
        {
          g_autofree char *rate = trim_decimal (service->rate);
          smm_sim_json_add_raw_number (builder, rate);
        }
      else
        json_builder_add_string_value (builder, service->rate);

      /* a minimum is a bare number with the old quirks, and the maximum too but for "50.000" */
      add_limit (self, builder, "min", service->min);
      add_limit (self, builder, "max", service->max);
      /* a panel without refills or cancels lists no such field */
      if (!no_fields && !self->no_refill)
        add_flag (self, builder, "refill", service->id, service->refill);
      if (!no_fields && !self->no_cancel)
        add_flag (self, builder, "cancel", service->id, service->cancel);
      if (!service->dripfeed_unlisted)
        add_flag (self, builder, "dripfeed", service->id + 1, service->dripfeed);
      if (loose)
        {
          json_builder_set_member_name (builder, "desc");
          json_builder_add_string_value (builder, "Start: 0-1 hours. Speed: up to 10K per day.");
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* A subscription's own shape: {"status":"Active","expiry":null,"posts":"0","orders":[]} */
static void
add_subscription_members_locked (SmmSim      *self,
                                 JsonBuilder *builder,
                                 SimOrder    *order,
                                 double       now)
{
  guint64 posts;
  SubscriptionState state = smm_sim_subscription_get_state_locked (self, order, now, &posts);
  g_autofree char *posts_text = g_strdup_printf ("%" G_GUINT64_FORMAT, posts);

  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, subscription_state_names[state]);
  json_builder_set_member_name (builder, "expiry");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "posts");
  json_builder_add_string_value (builder, posts_text);
  json_builder_set_member_name (builder, "orders");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
}

static void
add_status_members_locked (SmmSim      *self,
                           JsonBuilder *builder,
                           SimOrder    *order,
                           double       now)
{
  guint64 remains;
  OrderState state = smm_sim_order_get_state_locked (self, order, now, &remains);
  g_autofree char *charge = smm_sim_format_units (order->charge - order->refund);
  guint start_count = (guint) ((order->id * 7919) % 10000);

  if (order->subscription)
    {
      add_subscription_members_locked (self, builder, order, now);
      return;
    }

  /* the charge is what the order cost after its refunds */
  json_builder_set_member_name (builder, "charge");
  json_builder_add_string_value (builder, charge);
  json_builder_set_member_name (builder, "start_count");
  smm_sim_json_add_count (self, builder, start_count);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, order_state_name (self, order, state));
  json_builder_set_member_name (builder, "remains");
  smm_sim_json_add_count (self, builder, remains);
  if (!smm_sim_quirk (self, SMM_SIM_QUIRK_NO_CURRENCY) || order->id % 2 == 1)
    {
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, self->currency);
    }
}

/* What status, refill, refill_status and cancel do for one id. A handler writes its members
 * into the id's open object and returns NULL, or writes nothing and returns the error text. A
 * reply for one id (in_batch FALSE) may write its members in another form than a batch's. */
typedef const char *(*IdHandler) (SmmSim      *self,
                                  JsonBuilder *builder,
                                  const char  *id_text,
                                  double       now,
                                  gboolean     in_batch);

static const char *
status_one_locked (SmmSim      *self,
                   JsonBuilder *builder,
                   const char  *id_text,
                   double       now,
                   gboolean     in_batch)
{
  SimOrder *order = smm_sim_lookup_order_locked (self, id_text);

  if (order == NULL)
    return "Incorrect order ID";

  add_status_members_locked (self, builder, order, now);
  return NULL;
}

static const char *
refill_one_locked (SmmSim      *self,
                   JsonBuilder *builder,
                   const char  *id_text,
                   double       now,
                   gboolean     in_batch)
{
  gint64 refill_id = 0;
  const char *error = smm_sim_refill_create_locked (self, id_text, now, &refill_id);

  if (error != NULL)
    return error;

  json_builder_set_member_name (builder, "refill");
  if (in_batch)
    smm_sim_json_add_number_id (self, builder, refill_id);
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, refill_id);
      json_builder_add_string_value (builder, text);
    }
  return NULL;
}

static const char *
refill_status_one_locked (SmmSim      *self,
                          JsonBuilder *builder,
                          const char  *id_text,
                          double       now,
                          gboolean     in_batch)
{
  SimRefill *refill = smm_sim_lookup_refill_locked (self, id_text);

  if (refill == NULL)
    return "Refill not found";

  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, smm_sim_refill_state_locked (self, refill, now));
  return NULL;
}

static const char *
cancel_one_locked (SmmSim      *self,
                   JsonBuilder *builder,
                   const char  *id_text,
                   double       now,
                   gboolean     in_batch)
{
  const char *error = smm_sim_cancel_locked (self, id_text, now);

  if (error != NULL)
    return error;

  /* accepted: the panel carries it out, now or later */
  json_builder_set_member_name (builder, "cancel");
  smm_sim_json_add_number_id (self, builder, 1);
  return NULL;
}

/* The reply for one id: {members}, or {"error": …}. */
static JsonNode *
reply_one_locked (SmmSim      *self,
                  const char  *id_text,
                  IdHandler    handler)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *error;

  if (id_text == NULL)
    return smm_sim_json_error ("Incorrect request");

  json_builder_begin_object (builder);
  error = handler (self, builder, id_text, smm_sim_now_locked (self), FALSE);
  if (error != NULL)
    return smm_sim_json_error (error);
  json_builder_end_object (builder);

  return smm_sim_json_maybe_wrap (self, SMM_SIM_QUIRK_WRAP_SINGLE, json_builder_get_root (builder));
}

/* How a batch reply is shaped: keyed by id or a list that names each id in its object's
 * id_member:
 *   keyed: {"12": {members}, "x": {…}}
 *   list:  [{"order": 12, members}, {"order": "x", …}]
 * An id's error goes in its object as "error": text or, when error_member is set, as
 * error_member: {"error": text}. A read-only batch (status, refill_status) may, by quirk, answer
 * ids not asked, or one id twice. */
typedef struct {
  gboolean    keyed;
  const char *id_member;
  const char *error_member;
  gboolean    read_only;
  IdHandler   handler;
} BatchShape;

/* One id's object in a batch */
static JsonNode *
batch_item_locked (SmmSim           *self,
                   const BatchShape *shape,
                   const char       *text,
                   double            now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *error;

  json_builder_begin_object (builder);
  if (!shape->keyed)
    {
      json_builder_set_member_name (builder, shape->id_member);
      smm_sim_json_add_id (builder, text);
    }

  error = shape->handler (self, builder, text, now, TRUE);
  if (error != NULL && shape->error_member == NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error);
    }
  else if (error != NULL)
    {
      json_builder_set_member_name (builder, shape->error_member);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* cancel-map-strings: {"12": "Canceled", "13": "Order cannot be canceled"} */
static JsonNode *
cancel_item_as_string (JsonNode *item)
{
  JsonObject *object = json_node_get_object (item);
  JsonNode *error = json_object_get_member (object, "error");
  JsonNode *cancel = json_object_get_member (object, "cancel");
  const char *text = "Canceled";

  if (error == NULL && cancel != NULL && JSON_NODE_HOLDS_OBJECT (cancel))
    error = json_object_get_member (json_node_get_object (cancel), "error");
  if (error != NULL && JSON_NODE_HOLDS_VALUE (error))
    text = json_node_get_string (error);

  return json_node_init_string (json_node_alloc (), text);
}

static void
batch_add_item (JsonBuilder      *builder,
                const BatchShape *shape,
                const char       *text,
                gboolean          repeated,
                JsonNode         *item) /* owned */
{
  if (shape->keyed && repeated)
    smm_sim_json_set_repeated_id_member (builder, text);
  else if (shape->keyed)
    smm_sim_json_set_id_member (builder, text);
  json_builder_add_value (builder, item);
}

/* The id after the largest asked, as a panel that adds its other orders to a reply */
static char *
id_not_asked (GPtrArray *ids)
{
  gint64 largest = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id;

      if (smm_sim_parse_id (g_ptr_array_index (ids, i), &id) && id > largest)
        largest = id;
    }

  return largest > 0 && largest < G_MAXINT64 ? g_strdup_printf ("%" G_GINT64_FORMAT, largest + 1)
                                             : NULL;
}

static JsonNode *
reply_batch_locked (SmmSim           *self,
                    const char       *ids_text,
                    const BatchShape *shape)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) ids = NULL;
  double now = smm_sim_now_locked (self);
  gboolean cancel_strings = shape->handler == cancel_one_locked
                            && smm_sim_quirk (self, SMM_SIM_QUIRK_CANCEL_MAP_STRINGS);
  BatchShape item_shape = *shape;
  guint n_answered;
  gboolean too_many;

  ids = smm_sim_split_ids (ids_text, MAX_BATCH, &too_many);
  if (too_many || ids->len == 0)
    return smm_sim_json_error ("Incorrect request");

  if (cancel_strings)
    item_shape.keyed = TRUE;
  n_answered = ids->len;
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_MISSING_IDS))
    n_answered--;

  if (item_shape.keyed)
    json_builder_begin_object (builder);
  else
    json_builder_begin_array (builder);

  /* every id is carried out, answered or not */
  for (guint i = 0; i < ids->len; i++)
    {
      const char *text = g_ptr_array_index (ids, i);
      JsonNode *item = batch_item_locked (self, &item_shape, text, now);

      if (i >= n_answered)
        {
          json_node_unref (item);
          continue;
        }
      if (cancel_strings)
        {
          JsonNode *string = cancel_item_as_string (item);

          json_node_unref (item);
          item = string;
        }
      batch_add_item (builder, &item_shape, text, FALSE, item);
    }

  if (shape->read_only && smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_EXTRA_IDS))
    {
      g_autofree char *extra = id_not_asked (ids);

      if (extra != NULL)
        batch_add_item (builder, &item_shape, extra, FALSE,
                        batch_item_locked (self, &item_shape, extra, now));
    }

  if (shape->read_only && smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_REPEAT_IDS))
    {
      const char *first = g_ptr_array_index (ids, 0);
      JsonNode *item = batch_item_locked (self, &item_shape, first, now);
      JsonObject *object = json_node_get_object (item);
      const char *status = json_object_get_string_member_with_default (object, "status", NULL);

      /* the same id again, with another status */
      if (status != NULL)
        json_object_set_string_member (object, "status",
                                       g_ascii_strcasecmp (status, "Canceled") == 0 ? "Completed"
                                                                                   : "Canceled");
      batch_add_item (builder, &item_shape, first, TRUE, item);
    }

  if (item_shape.keyed)
    json_builder_end_object (builder);
  else
    json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* Real panels key a status batch by id, and list the other batches; quirky ones the reverse. */
static JsonNode *
action_status_locked (SmmSim     *self,
                      GHashTable *fields)
{
  const char *orders = smm_sim_field (fields, "orders");
  BatchShape shape = {
    .keyed = !smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_LIST),
    .id_member = "order",
    .read_only = TRUE,
    .handler = status_one_locked,
  };

  if (orders != NULL)
    return reply_batch_locked (self, orders, &shape);

  return reply_one_locked (self, smm_sim_field (fields, "order"), status_one_locked);
}

static JsonNode *
action_refill_locked (SmmSim     *self,
                      GHashTable *fields)
{
  const char *orders = smm_sim_field (fields, "orders");
  BatchShape shape = {
    .keyed = smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_MAP),
    .id_member = "order",
    .error_member = "refill",
    .handler = refill_one_locked,
  };

  if (orders != NULL)
    return reply_batch_locked (self, orders, &shape);

  return reply_one_locked (self, smm_sim_field (fields, "order"), refill_one_locked);
}

static JsonNode *
action_refill_status_locked (SmmSim     *self,
                             GHashTable *fields)
{
  const char *refills = smm_sim_field (fields, "refills");
  BatchShape shape = {
    .keyed = smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_MAP),
    .id_member = "refill",
    .error_member = "status",
    .read_only = TRUE,
    .handler = refill_status_one_locked,
  };

  if (refills != NULL)
    return reply_batch_locked (self, refills, &shape);

  return reply_one_locked (self, smm_sim_field (fields, "refill"), refill_status_one_locked);
}

static JsonNode *
action_cancel_locked (SmmSim     *self,
                      GHashTable *fields)
{
  const char *orders = smm_sim_field (fields, "orders");
  BatchShape shape = {
    .keyed = smm_sim_quirk (self, SMM_SIM_QUIRK_BATCH_MAP),
    .id_member = "order",
    .error_member = "cancel",
    .handler = cancel_one_locked,
  };

  if (orders == NULL)
    return smm_sim_json_error ("Incorrect request");

  return reply_batch_locked (self, orders, &shape);
}

static JsonNode *
action_balance_locked (SmmSim *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *balance = NULL;

  smm_sim_settle_all_locked (self);
  balance = smm_sim_format_units (self->balance);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "balance");
  json_builder_add_string_value (builder, balance);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, self->currency);
  json_builder_end_object (builder);

  return smm_sim_json_maybe_wrap (self, SMM_SIM_QUIRK_WRAP_SINGLE, json_builder_get_root (builder));
}

/* What a panel without the action answers (HTTP 200), and any panel to an action it does not know */
#define NOT_OFFERED "Request Invalid"

char *
smm_sim_handle_request_locked (SmmSim     *self,
                               GHashTable *fields)
{
  g_autoptr(JsonNode) reply = NULL;
  const char *key = smm_sim_field (fields, "key");
  const char *action = smm_sim_field (fields, "action");

  if (key == NULL || self->key == NULL || strcmp (key, self->key) != 0)
    reply = smm_sim_json_error ("Invalid API key");
  else if (g_strcmp0 (action, "services") == 0)
    reply = action_services_locked (self);
  else if (g_strcmp0 (action, "add") == 0)
    reply = smm_sim_action_add_locked (self, fields);
  else if (g_strcmp0 (action, "status") == 0)
    reply = action_status_locked (self, fields);
  else if (g_strcmp0 (action, "refill") == 0 && !self->no_refill)
    reply = action_refill_locked (self, fields);
  else if (g_strcmp0 (action, "refill_status") == 0 && !self->no_refill)
    reply = action_refill_status_locked (self, fields);
  else if (g_strcmp0 (action, "cancel") == 0 && !self->no_cancel)
    reply = action_cancel_locked (self, fields);
  else if (g_strcmp0 (action, "balance") == 0)
    reply = action_balance_locked (self);
  else
    reply = smm_sim_json_error (NOT_OFFERED);

  return smm_sim_json_to_string (reply);
}
