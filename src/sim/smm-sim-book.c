/* smm-sim-book.c: the simulated panel's book: balance, orders, refills, cancels and
 * subscriptions, and their progress over time
 *
 * Money is kept as a count of 1e-5 units (gint64), never as a double. Time is a simulated clock,
 * in a real panel's minutes: real monotonic time multiplied by the speed, plus what
 * smm_sim_advance() added. Orders and refills keep only their creation time (and an accepted
 * cancel the time it is carried out); their status is computed from the clock when it is asked
 * for, and the refund of a Partial, Refunded or canceled order is booked the first time it is seen
 * final (or when the balance is read). All but the fixed point helper are called with the mutex
 * held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include "smm-sim-private.h"

#define ORDER_PENDING_SECONDS  5.0
#define REFILL_PENDING_SECONDS 5.0
#define REFILL_DONE_SECONDS    30.0
#define CANCEL_SECONDS         60.0  /* a cancel-slow cancel takes effect this much later */
#define POST_SECONDS           10.0  /* a subscription makes a post this often */
#define SUBSCRIPTION_SECONDS   3600.0 /* a subscription without a count of posts expires then */

/* Fixed point helpers */

/* a * b / c, rounded half up; a >= 0, c > 0. */
gint64
smm_sim_mul_div_round (gint64  a,
                       guint64 b,
                       guint64 c)
{
#ifdef __SIZEOF_INT128__
  __extension__ unsigned __int128 p = (unsigned __int128) (guint64) MAX (a, 0) * b;
  __extension__ unsigned __int128 q = (2 * p + c) / (2 * (unsigned __int128) c);

  return q > (unsigned __int128) G_MAXINT64 ? G_MAXINT64 : (gint64) q;
#else
  long double q = (long double) MAX (a, 0) * (long double) b / (long double) c + 0.5L;

  return q >= (long double) G_MAXINT64 ? G_MAXINT64 : (gint64) q;
#endif
}

/* The model, all called with the mutex held */

double
smm_sim_now_locked (SmmSim *self)
{
  gint64 elapsed_us = g_get_monotonic_time () - self->t0_us;

  return (double) elapsed_us / G_USEC_PER_SEC * self->speed + self->offset;
}

SmmSimService *
smm_sim_lookup_service_locked (SmmSim *self,
                               guint   id)
{
  SmmSimService *service;

  if (id == 0)
    return NULL;
  /* the demo and generated catalogues hold id i + 1 at index i; the second demo has gaps */
  if (id <= self->services->len && (service = g_ptr_array_index (self->services, id - 1))->id == id)
    return service;
  for (guint i = 0; i < self->services->len; i++)
    if ((service = g_ptr_array_index (self->services, i))->id == id)
      return service;
  return NULL;
}

guint64
smm_sim_order_final_remains (SimOrder *order)
{
  return order->id % 5 == 0 && !order->subscription ? order->quantity / 10 : 0;
}

/* With the refunded quirk, an order that ends Refunded, in full */
static gboolean
order_ends_refunded_locked (SmmSim   *self,
                            SimOrder *order)
{
  return smm_sim_quirk (self, SMM_SIM_QUIRK_REFUNDED) && order->id % 7 == 0 && !order->subscription;
}

/* Adds a new order to the book; its charge is already taken. */
void
smm_sim_book_order_locked (SmmSim   *self,
                           SimOrder *order)
{
  g_hash_table_insert (self->orders, &order->id, order);
  if (smm_sim_order_final_remains (order) > 0 || order_ends_refunded_locked (self, order))
    g_ptr_array_add (self->unsettled, order);
  self->order_count++;
}

static void
order_settle_locked (SmmSim   *self,
                     SimOrder *order)
{
  guint64 remains;

  if (order->settled)
    return;

  order->settled = TRUE;
  remains = order_ends_refunded_locked (self, order) ? order->quantity
                                                     : smm_sim_order_final_remains (order);
  if (remains > 0 && order->quantity > 0)
    {
      order->refund = smm_sim_mul_div_round (order->charge, remains, order->quantity);
      self->balance += order->refund;
    }
}

/* A cancel takes effect: nothing delivered ends Canceled, refunded in full; some delivered ends
 * Partial, refunded for what remains. */
static void
order_cancel_now_locked (SmmSim     *self,
                         SimOrder   *order,
                         OrderState  state,
                         guint64     remains)
{
  order->canceled = TRUE;
  order->settled = TRUE;
  order->canceled_remains = remains;
  order->cancel_partial = state == ORDER_IN_PROGRESS && remains < order->quantity;
  if (!order->cancel_partial || order->quantity == 0)
    order->refund = order->charge;
  else
    order->refund = smm_sim_mul_div_round (order->charge, remains, order->quantity);
  self->balance += order->refund;
}

OrderState
smm_sim_order_get_state_locked (SmmSim   *self,
                                SimOrder *order,
                                double    now,
                                guint64  *remains)
{
  double elapsed = now - order->created;
  double done = (double) (order->quantity / 100) + 10.0;
  guint64 final_remains = smm_sim_order_final_remains (order);
  guint64 delivered;

  if (order->cancel_at > 0 && now >= order->cancel_at && !order->canceled)
    {
      double at = order->cancel_at;
      OrderState then;
      guint64 remains_then;

      order->cancel_at = 0;
      then = smm_sim_order_get_state_locked (self, order, at, &remains_then);
      if (then == ORDER_PENDING || then == ORDER_IN_PROGRESS)
        order_cancel_now_locked (self, order, then, remains_then);
    }

  if (order->canceled)
    {
      *remains = order->canceled_remains;
      return order->cancel_partial ? ORDER_PARTIAL : ORDER_CANCELED;
    }

  if (elapsed < ORDER_PENDING_SECONDS)
    {
      *remains = order->quantity;
      return ORDER_PENDING;
    }

  if (elapsed >= done)
    {
      order_settle_locked (self, order);
      if (order_ends_refunded_locked (self, order))
        {
          *remains = order->quantity;
          return ORDER_REFUNDED;
        }
      *remains = final_remains;
      return final_remains > 0 ? ORDER_PARTIAL : ORDER_COMPLETED;
    }

  delivered = (guint64) ((double) (order->quantity - final_remains)
                         * ((elapsed - ORDER_PENDING_SECONDS) / (done - ORDER_PENDING_SECONDS)));
  *remains = order->quantity - MIN (delivered, order->quantity - final_remains);

  return ORDER_IN_PROGRESS;
}

gboolean
smm_sim_order_is_active_locked (SmmSim   *self,
                                SimOrder *order,
                                double    now)
{
  guint64 remains;
  OrderState state = smm_sim_order_get_state_locked (self, order, now, &remains);

  return state == ORDER_PENDING || state == ORDER_IN_PROGRESS;
}

/* Books the refunds of every Partial order that ended. */
void
smm_sim_settle_all_locked (SmmSim *self)
{
  double now = smm_sim_now_locked (self);

  for (guint i = self->unsettled->len; i > 0; i--)
    {
      SimOrder *order = g_ptr_array_index (self->unsettled, i - 1);

      if (!order->settled)
        smm_sim_order_is_active_locked (self, order, now);
      if (order->settled)
        g_ptr_array_remove_index_fast (self->unsettled, i - 1);
    }
}

SimOrder *
smm_sim_lookup_order_locked (SmmSim     *self,
                             const char *text)
{
  gint64 id;

  if (!smm_sim_parse_id (text, &id))
    return NULL;

  return g_hash_table_lookup (self->orders, &id);
}

/* The order that text names, when its service allows a cancel (or a refill), with its state now;
 * else NULL and the error text to reply with. */
static SimOrder *
order_for_request_locked (SmmSim      *self,
                          const char  *text,
                          double       now,
                          gboolean     cancel,
                          OrderState  *state,
                          guint64     *remains,
                          const char **error)
{
  SimOrder *order = smm_sim_lookup_order_locked (self, text);
  SmmSimService *service;

  if (order == NULL)
    {
      *error = "Incorrect order ID";
      return NULL;
    }

  service = smm_sim_lookup_service_locked (self, order->service_id);
  if (service == NULL || !(cancel ? service->cancel : service->refill))
    {
      *error = cancel ? "Cancel is disabled for this service" : "Refill is disabled for this service";
      return NULL;
    }

  *state = smm_sim_order_get_state_locked (self, order, now, remains);
  return order;
}

const char *
smm_sim_refill_state_locked (SmmSim    *self,
                             SimRefill *refill,
                             double     now)
{
  double elapsed = now - refill->created;

  if (elapsed < REFILL_PENDING_SECONDS)
    return "Pending";
  if (elapsed < REFILL_DONE_SECONDS)
    return "In progress";
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_REFILL_REJECTED) && refill->id % 3 == 0)
    return "Error";
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_REFILL_REJECTED) && refill->id % 2 == 0)
    return "Rejected";
  return "Completed";
}

static gboolean
refill_is_final (SimRefill *refill,
                 double     now)
{
  return now - refill->created >= REFILL_DONE_SECONDS;
}

/* Returns an error text, or NULL with the new refill's id. */
const char *
smm_sim_refill_create_locked (SmmSim     *self,
                              const char *text,
                              double      now,
                              gint64     *refill_id)
{
  const char *error = NULL;
  SimRefill refill;
  guint64 remains;
  OrderState state;
  SimOrder *order = order_for_request_locked (self, text, now, FALSE, &state, &remains, &error);

  if (order == NULL)
    return error;
  if (state != ORDER_COMPLETED && state != ORDER_PARTIAL)
    return "Order is not completed";
  for (guint i = 0; i < self->refills->len; i++)
    {
      SimRefill *other = &g_array_index (self->refills, SimRefill, i);

      if (other->order_id == order->id && !refill_is_final (other, now))
        return "Refill request already exists for this order";
    }

  refill.id = (gint64) self->refills->len + 1;
  refill.order_id = order->id;
  refill.created = now;
  g_array_append_val (self->refills, refill);

  *refill_id = refill.id;
  return NULL;
}

SimRefill *
smm_sim_lookup_refill_locked (SmmSim     *self,
                              const char *text)
{
  gint64 id;

  if (!smm_sim_parse_id (text, &id) || id < 1 || id > (gint64) self->refills->len)
    return NULL;

  return &g_array_index (self->refills, SimRefill, id - 1);
}

const char *
smm_sim_cancel_locked (SmmSim     *self,
                       const char *text,
                       double      now)
{
  const char *error = NULL;
  guint64 remains;
  OrderState state;
  SimOrder *order = order_for_request_locked (self, text, now, TRUE, &state, &remains, &error);

  if (order == NULL)
    return error;
  if ((state != ORDER_PENDING && state != ORDER_IN_PROGRESS) || order->cancel_at > 0)
    return "Order cannot be canceled";
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_CANCEL_REFUSED) && order->id % 2 == 0)
    return "Order cannot be canceled";

  if (smm_sim_quirk (self, SMM_SIM_QUIRK_CANCEL_SLOW))
    {
      /* accepted now, carried out later; the refund is booked then, or when the balance is read */
      order->cancel_at = now + CANCEL_SECONDS;
      g_ptr_array_add (self->unsettled, order);
    }
  else
    order_cancel_now_locked (self, order, state, remains);

  return NULL;
}

SubscriptionState
smm_sim_subscription_get_state_locked (SmmSim   *self,
                                       SimOrder *order,
                                       double    now,
                                       guint64  *posts_done)
{
  double elapsed = now - order->created;
  guint64 made = elapsed > 0 ? (guint64) (elapsed / POST_SECONDS) : 0;

  *posts_done = 0;
  if (order->canceled)
    return SUBSCRIPTION_CANCELED;
  if (order->posts == 0)
    return made >= 1 ? SUBSCRIPTION_COMPLETED : SUBSCRIPTION_ACTIVE;
  if (order->posts > 0 && made >= (guint64) order->posts)
    {
      *posts_done = (guint64) order->posts;
      return SUBSCRIPTION_COMPLETED;
    }
  if (order->posts < 0 && elapsed >= SUBSCRIPTION_SECONDS)
    {
      *posts_done = (guint64) (SUBSCRIPTION_SECONDS / POST_SECONDS);
      return SUBSCRIPTION_EXPIRED;
    }

  *posts_done = made;
  /* every fourth one is paused by the panel for a while */
  if (order->id % 4 == 3 && elapsed >= 2 * POST_SECONDS && elapsed < 4 * POST_SECONDS)
    return SUBSCRIPTION_PAUSED;
  return SUBSCRIPTION_ACTIVE;
}
