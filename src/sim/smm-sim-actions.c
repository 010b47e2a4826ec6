/* smm-sim-actions.c: the simulated panel's API v2 actions, one handler each: services, add,
 * status, refill, refill_status, cancel, balance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "smm-sim-private.h"

#define MAX_BATCH              100
#define MAX_RUNS               1000
#define MAX_INTERVAL           (60 * 24 * 30)
#define MAX_POSTS              10000

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

/* Checks the drip-feed fields; sets runs to 1 when absent. */
static gboolean
check_dripfeed (SmmSimService *service,
                GHashTable    *fields,
                guint64       *runs)
{
  const char *runs_text = smm_sim_field_set (fields, "runs");
  const char *interval_text = smm_sim_field_set (fields, "interval");
  guint64 interval;

  *runs = 1;
  if (runs_text == NULL && interval_text == NULL)
    return TRUE;

  if (!service->dripfeed || runs_text == NULL || interval_text == NULL)
    return FALSE;
  if (smm_sim_parse_count (runs_text, runs) != COUNT_OK || *runs < 1 || *runs > MAX_RUNS)
    return FALSE;
  if (smm_sim_parse_count (interval_text, &interval) != COUNT_OK
      || interval < 1 || interval > MAX_INTERVAL)
    return FALSE;

  return TRUE;
}

static gboolean
check_range (const char *text,
             guint64     low,
             guint64     high)
{
  guint64 value;

  return smm_sim_parse_count (text, &value) == COUNT_OK && value >= low && value <= high;
}

static JsonNode *
action_add_locked (SmmSim     *self,
                   GHashTable *fields)
{
  SmmSimService *service = NULL;
  const char *link = NULL;
  const char *dup_target;
  g_autofree char *dup_key = NULL;
  guint64 quantity = 0;
  guint64 runs = 1;
  gboolean needs_quantity = FALSE;
  gboolean is_package = FALSE;
  CountResult count_result = COUNT_OK;
  gint64 charge;
  gint64 service_id;
  SimOrder *order;
  SimOrder *previous;
  double now;

  if (smm_sim_parse_id (smm_sim_field (fields, "service"), &service_id) && service_id <= G_MAXUINT)
    service = smm_sim_lookup_service_locked (self, (guint) service_id);
  if (service == NULL)
    return smm_sim_json_error ("Incorrect service ID");

  if (service->type != SMM_SIM_TYPE_SUBSCRIPTIONS)
    {
      link = smm_sim_field (fields, "link");
      if (!smm_sim_link_is_valid (link))
        return smm_sim_json_error ("Bad link");
    }

  switch (service->type)
    {
    case SMM_SIM_TYPE_DEFAULT:
      needs_quantity = TRUE;
      if (!check_dripfeed (service, fields, &runs))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_PACKAGE:
      is_package = TRUE;
      break;

    case SMM_SIM_TYPE_SEO:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "keywords"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_CUSTOM_COMMENTS:
    case SMM_SIM_TYPE_COMMENT_REPLIES:
      quantity = smm_sim_count_lines (smm_sim_field (fields, "comments"));
      if (quantity == 0)
        return smm_sim_json_error ("Incorrect request");
      if (service->type == SMM_SIM_TYPE_COMMENT_REPLIES && !smm_sim_field_set (fields, "username"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_CUSTOM_COMMENTS_PACKAGE:
      is_package = TRUE;
      if (smm_sim_count_lines (smm_sim_field (fields, "comments")) == 0)
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_MENTIONS:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "usernames"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_MENTIONS_WITH_HASHTAGS:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "usernames") || !smm_sim_field_set (fields, "hashtags"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_MENTIONS_CUSTOM_LIST:
      quantity = smm_sim_count_lines (smm_sim_field (fields, "usernames"));
      if (quantity == 0)
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_MENTIONS_HASHTAG:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "hashtag"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_MENTIONS_USER_FOLLOWERS:
    case SMM_SIM_TYPE_COMMENT_LIKES:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "username"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_MENTIONS_MEDIA_LIKERS:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "media"))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_POLL:
      needs_quantity = TRUE;
      if (!check_range (smm_sim_field (fields, "answer_number"), 1, 100))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_INVITES_FROM_GROUPS:
      needs_quantity = TRUE;
      if (smm_sim_count_lines (smm_sim_field (fields, "groups")) == 0)
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_WEB_TRAFFIC:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "country")
          || !check_range (smm_sim_field (fields, "device"), 1, 5)
          || !check_range (smm_sim_field (fields, "type_of_traffic"), 1, 3)
          || !check_dripfeed (service, fields, &runs))
        return smm_sim_json_error ("Incorrect request");
      break;

    case SMM_SIM_TYPE_SUBSCRIPTIONS:
      {
        const char *posts_text = smm_sim_field_set (fields, "posts");
        guint64 sub_min, sub_max, delay, posts = 1;
        CountResult min_result, max_result;

        if (!smm_sim_field_set (fields, "username"))
          return smm_sim_json_error ("Incorrect request");
        min_result = smm_sim_parse_count (smm_sim_field (fields, "min"), &sub_min);
        max_result = smm_sim_parse_count (smm_sim_field (fields, "max"), &sub_max);
        if (min_result == COUNT_INVALID || max_result == COUNT_INVALID)
          return smm_sim_json_error ("Incorrect request");
        if (min_result == COUNT_OK && sub_min < service->min)
          {
            g_autofree char *message = g_strdup_printf ("Quantity less than minimal %u",
                                                        service->min);
            return smm_sim_json_error (message);
          }
        if (min_result == COUNT_TOO_BIG || max_result == COUNT_TOO_BIG || sub_max > service->max)
          {
            g_autofree char *message = g_strdup_printf ("Quantity more than maximum %u",
                                                        service->max);
            return smm_sim_json_error (message);
          }
        if (sub_min > sub_max)
          return smm_sim_json_error ("Incorrect request");
        if (smm_sim_parse_count (smm_sim_field (fields, "delay"), &delay) != COUNT_OK
            || (delay != 0 && delay != 5 && delay != 10 && delay != 15
                && delay != 30 && delay != 60 && delay != 90))
          return smm_sim_json_error ("Incorrect request");
        if (posts_text != NULL
            && (smm_sim_parse_count (posts_text, &posts) != COUNT_OK
                || posts < 1 || posts > MAX_POSTS))
          return smm_sim_json_error ("Incorrect request");
        quantity = sub_max * posts;
      }
      break;

    case SMM_SIM_N_TYPES:
    default:
      g_assert_not_reached ();
    }

  if (needs_quantity)
    {
      count_result = smm_sim_parse_count (smm_sim_field (fields, "quantity"), &quantity);
      if (count_result == COUNT_INVALID)
        return smm_sim_json_error ("Incorrect request");
    }

  if (is_package)
    quantity = 1;
  else if (service->type != SMM_SIM_TYPE_SUBSCRIPTIONS)
    {
      if (count_result == COUNT_OK && quantity < service->min)
        {
          g_autofree char *message = g_strdup_printf ("Quantity less than minimal %u", service->min);
          return smm_sim_json_error (message);
        }
      if (count_result == COUNT_TOO_BIG || quantity > service->max)
        {
          g_autofree char *message = g_strdup_printf ("Quantity more than maximum %u", service->max);
          return smm_sim_json_error (message);
        }
    }

  /* min and max apply to each run of a drip-feed order */
  quantity *= runs;

  now = smm_sim_now_locked (self);
  dup_target = link != NULL ? link : smm_sim_field (fields, "username");
  dup_key = g_strdup_printf ("%u\n%s", service->id, dup_target);
  previous = g_hash_table_lookup (self->active_links, dup_key);
  if (previous != NULL && smm_sim_order_is_active_locked (self, previous, now))
    return smm_sim_json_error ("You have active order with this link. "
                               "Please wait until order being completed.");

  if (is_package)
    charge = service->rate_units;
  else
    charge = smm_sim_mul_div_round (service->rate_units, quantity, 1000);

  if (charge > self->balance)
    smm_sim_settle_all_locked (self);
  if (charge > self->balance)
    return smm_sim_json_error ("Not enough funds on balance");

  self->balance -= charge;

  order = g_new0 (SimOrder, 1);
  order->id = self->next_order_id++;
  order->service_id = service->id;
  order->quantity = quantity;
  order->charge = charge;
  order->created = now;
  g_hash_table_insert (self->orders, &order->id, order);
  g_hash_table_replace (self->active_links, g_steal_pointer (&dup_key), order);
  if (smm_sim_order_final_remains (order) > 0)
    g_ptr_array_add (self->unsettled, order);
  self->order_count++;

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "order");
    json_builder_add_int_value (builder, order->id);
    if (self->quirks)
      {
        json_builder_set_member_name (builder, "success");
        json_builder_add_string_value (builder, "Your order has been received");
      }
    json_builder_end_object (builder);

    return smm_sim_json_maybe_wrap (self, json_builder_get_root (builder));
  }
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
    reply = action_add_locked (self, fields);
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
