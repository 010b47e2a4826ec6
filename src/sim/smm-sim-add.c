/* smm-sim-add.c: the simulated panel's add action: the fields of each service type, checked as a
 * panel checks them, and the order booked and charged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "smm-sim-private.h"

#define MAX_RUNS               1000
#define MAX_INTERVAL           (60 * 24 * 30)
#define MAX_POSTS              10000

/* Checks the drip-feed fields; sets runs to 1 when absent. A service without drip-feed ignores
 * them, as panels do: the order is one plain delivery of quantity. */
static gboolean
check_dripfeed (SmmSimService *service,
                GHashTable    *fields,
                guint64       *runs)
{
  const char *runs_text = smm_sim_field_set (fields, "runs");
  const char *interval_text = smm_sim_field_set (fields, "interval");
  guint64 interval;

  *runs = 1;
  if ((runs_text == NULL && interval_text == NULL) || !service->dripfeed)
    return TRUE;

  if (runs_text == NULL || interval_text == NULL)
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

JsonNode *
smm_sim_action_add_locked (SmmSim     *self,
                           GHashTable *fields)
{
  SmmSimService *service = NULL;
  const char *link = NULL;
  const char *dup_target;
  g_autofree char *dup_key = NULL;
  guint64 quantity = 0;
  guint64 runs = 1;
  gint64 posts = -1;
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

    case SMM_SIM_TYPE_CUSTOM_DATA:
      needs_quantity = TRUE;
      if (!smm_sim_field_set (fields, "custom_data"))
        return smm_sim_json_error ("Incorrect request");
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
        guint64 sub_min, sub_max, delay, n_posts = 1;
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
        /* posts=0: the old posts only, as the canonical client sends it */
        if (posts_text != NULL
            && (smm_sim_parse_count (posts_text, &n_posts) != COUNT_OK || n_posts > MAX_POSTS))
          return smm_sim_json_error ("Incorrect request");
        if (posts_text != NULL)
          posts = (gint64) n_posts;
        quantity = sub_max * MAX (n_posts, 1);
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
  order->subscription = service->type == SMM_SIM_TYPE_SUBSCRIPTIONS;
  order->posts = posts;
  smm_sim_book_order_locked (self, order);
  g_hash_table_replace (self->active_links, g_steal_pointer (&dup_key), order);

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "order");
    smm_sim_json_add_number_id (self, builder, order->id);
    if (smm_sim_quirk (self, SMM_SIM_QUIRK_WRAP_ADD))
      {
        json_builder_set_member_name (builder, "success");
        json_builder_add_string_value (builder, "Your order has been received");
      }
    json_builder_end_object (builder);

    return smm_sim_json_maybe_wrap (self, SMM_SIM_QUIRK_WRAP_ADD, json_builder_get_root (builder));
  }
}

