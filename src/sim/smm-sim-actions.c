/* smm-sim-actions.c: the simulated panel's API v2 actions, one handler each: services, status,
 * refill, refill_status, cancel, balance (add is in smm-sim-add.c)
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
};

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

static JsonNode *
action_services_locked (SmmSim *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->services->len; i++)
    {
      SmmSimService *service = g_ptr_array_index (self->services, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "service");
      if (self->quirks)
        {
          g_autofree char *id = g_strdup_printf ("%u", service->id);
          json_builder_add_string_value (builder, id);
        }
      else
        json_builder_add_int_value (builder, service->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, service->name);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, smm_sim_type_to_string (service->type));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, service->category);

      json_builder_set_member_name (builder, "rate");
      if (self->quirks)
        {
          g_autofree char *rate = trim_decimal (service->rate);
          smm_sim_json_add_raw_number (builder, rate);
        }
      else
        json_builder_add_string_value (builder, service->rate);

      if (self->quirks)
        {
          json_builder_set_member_name (builder, "min");
          json_builder_add_int_value (builder, service->min);
          json_builder_set_member_name (builder, "max");
          if (service->max == 50000)
            json_builder_add_string_value (builder, "50.000");
          else
            json_builder_add_int_value (builder, service->max);
          json_builder_set_member_name (builder, "refill");
          smm_sim_json_add_quirky_bool (builder, service->id, service->refill);
          json_builder_set_member_name (builder, "cancel");
          smm_sim_json_add_quirky_bool (builder, service->id, service->cancel);
          json_builder_set_member_name (builder, "dripfeed");
          smm_sim_json_add_quirky_bool (builder, service->id + 1, service->dripfeed);
          json_builder_set_member_name (builder, "desc");
          json_builder_add_string_value (builder, "Start: 0-1 hours. Speed: up to 10K per day.");
        }
      else
        {
          g_autofree char *min = g_strdup_printf ("%u", service->min);
          g_autofree char *max = g_strdup_printf ("%u", service->max);

          json_builder_set_member_name (builder, "min");
          json_builder_add_string_value (builder, min);
          json_builder_set_member_name (builder, "max");
          json_builder_add_string_value (builder, max);
          json_builder_set_member_name (builder, "refill");
          json_builder_add_boolean_value (builder, service->refill);
          json_builder_set_member_name (builder, "cancel");
          json_builder_add_boolean_value (builder, service->cancel);
          json_builder_set_member_name (builder, "dripfeed");
          json_builder_add_boolean_value (builder, service->dripfeed);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* A count: a bare number in quirks mode, else a string of digits. */
static void
add_count (SmmSim      *self,
           JsonBuilder *builder,
           guint64      value)
{
  if (self->quirks)
    json_builder_add_int_value (builder, (gint64) value);
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
      json_builder_add_string_value (builder, text);
    }
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

  json_builder_set_member_name (builder, "charge");
  json_builder_add_string_value (builder, charge);
  json_builder_set_member_name (builder, "start_count");
  add_count (self, builder, start_count);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, order_state_names[state]);
  json_builder_set_member_name (builder, "remains");
  add_count (self, builder, remains);
  if (!self->quirks || order->id % 2 == 1)
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
    json_builder_add_int_value (builder, refill_id);
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
  json_builder_add_string_value (builder, smm_sim_refill_state (refill, now));
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

  json_builder_set_member_name (builder, "cancel");
  json_builder_add_int_value (builder, 1);
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

  return smm_sim_json_maybe_wrap (self, json_builder_get_root (builder));
}

/* The reply for a batch of ids, in one of the two shapes panels use, keyed by id or a list that
 * names each id in its object's id_member:
 *   keyed: {"12": {members}, "x": {…}}
 *   list:  [{"order": 12, members}, {"order": "x", …}]
 * An id's error goes in its object as "error": text or, when error_member is set, as
 * error_member: {"error": text}. */
static JsonNode *
reply_batch_locked (SmmSim      *self,
                    const char  *ids_text,
                    gboolean     keyed,
                    const char  *id_member,
                    const char  *error_member,
                    IdHandler    handler)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) ids = NULL;
  double now = smm_sim_now_locked (self);
  gboolean too_many;

  ids = smm_sim_split_ids (ids_text, MAX_BATCH, &too_many);
  if (too_many || ids->len == 0)
    return smm_sim_json_error ("Incorrect request");

  if (keyed)
    json_builder_begin_object (builder);
  else
    json_builder_begin_array (builder);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *text = g_ptr_array_index (ids, i);
      const char *error;

      if (keyed)
        smm_sim_json_set_id_member (builder, text);
      json_builder_begin_object (builder);
      if (!keyed)
        {
          json_builder_set_member_name (builder, id_member);
          smm_sim_json_add_id (builder, text);
        }

      error = handler (self, builder, text, now, TRUE);
      if (error != NULL && error_member == NULL)
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, error);
        }
      else if (error != NULL)
        {
          json_builder_set_member_name (builder, error_member);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, error);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }

  if (keyed)
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

  if (orders != NULL)
    return reply_batch_locked (self, orders, !self->quirks, "order", NULL, status_one_locked);

  return reply_one_locked (self, smm_sim_field (fields, "order"), status_one_locked);
}

static JsonNode *
action_refill_locked (SmmSim     *self,
                      GHashTable *fields)
{
  const char *orders = smm_sim_field (fields, "orders");

  if (orders != NULL)
    return reply_batch_locked (self, orders, self->quirks, "order", "refill", refill_one_locked);

  return reply_one_locked (self, smm_sim_field (fields, "order"), refill_one_locked);
}

static JsonNode *
action_refill_status_locked (SmmSim     *self,
                             GHashTable *fields)
{
  const char *refills = smm_sim_field (fields, "refills");

  if (refills != NULL)
    return reply_batch_locked (self, refills, self->quirks, "refill", "status",
                               refill_status_one_locked);

  return reply_one_locked (self, smm_sim_field (fields, "refill"), refill_status_one_locked);
}

static JsonNode *
action_cancel_locked (SmmSim     *self,
                      GHashTable *fields)
{
  const char *orders = smm_sim_field (fields, "orders");

  if (orders == NULL)
    return smm_sim_json_error ("Incorrect request");

  return reply_batch_locked (self, orders, self->quirks, "order", "cancel", cancel_one_locked);
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

  return smm_sim_json_maybe_wrap (self, json_builder_get_root (builder));
}

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
  else if (g_strcmp0 (action, "refill") == 0)
    reply = action_refill_locked (self, fields);
  else if (g_strcmp0 (action, "refill_status") == 0)
    reply = action_refill_status_locked (self, fields);
  else if (g_strcmp0 (action, "cancel") == 0)
    reply = action_cancel_locked (self, fields);
  else if (g_strcmp0 (action, "balance") == 0)
    reply = action_balance_locked (self);
  else
    reply = smm_sim_json_error ("Incorrect request");

  return smm_sim_json_to_string (reply);
}
