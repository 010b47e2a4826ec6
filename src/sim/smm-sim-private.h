/* smm-sim-private.h: the simulated panel's struct and what its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "smm-sim.h"
#include "smm-sim-catalogue.h"

G_BEGIN_DECLS

typedef enum {
  ORDER_PENDING,
  ORDER_IN_PROGRESS,
  ORDER_COMPLETED,
  ORDER_PARTIAL,
  ORDER_CANCELED,
  ORDER_REFUNDED,
} OrderState;

typedef enum {
  SUBSCRIPTION_ACTIVE,
  SUBSCRIPTION_PAUSED,
  SUBSCRIPTION_COMPLETED,
  SUBSCRIPTION_EXPIRED,
  SUBSCRIPTION_CANCELED,
} SubscriptionState;

typedef struct {
  gint64   id;
  guint    service_id;
  guint64  quantity;
  gint64   charge;           /* what was taken from the balance */
  gint64   refund;           /* what was given back */
  double   created;          /* simulated seconds */
  double   cancel_at;        /* when an accepted cancel takes effect; 0: none asked */
  guint64  canceled_remains;
  gint64   posts;            /* a subscription's posts: 0 old posts only, -1 until it expires */
  guint    subscription : 1;
  guint    canceled : 1;
  guint    cancel_partial : 1; /* canceled with some delivered: ends Partial */
  guint    settled : 1;      /* final, and any refund booked */
} SimOrder;

typedef struct {
  gint64  id;
  gint64  order_id;
  double  created;
} SimRefill;

typedef enum {
  COUNT_OK,
  COUNT_INVALID,
  COUNT_TOO_BIG,
} CountResult;

static const char * const known_actions[] = {
  "services", "add", "status", "refill", "refill_status", "cancel", "balance",
};

struct _SmmSim
{
  GObject       parent_instance;

  /* Guards everything below but the server part. */
  GMutex        mutex;

  char         *key;
  char         *currency;
  guint         n_generated;
  double        speed;
  guint64       quirks;         /* 1 << SmmSimQuirk */
  gboolean      no_refill;
  gboolean      no_cancel;
  gboolean      strict;
  guint         n_violations;
  FILE         *log;            /* NULL, stderr, or a file of our own */
  char         *last_add;       /* the fields of the last add, and when it came (real time) */
  gint64        last_add_us;
  guint         latency_ms;
  guint         slow_ms;
  SmmSimFault   fault;
  double        fault_rate;

  gint64        balance;
  GPtrArray    *services;       /* SmmSimService, index = id - 1 */
  GHashTable   *orders;         /* &SimOrder.id -> SimOrder (owned) */
  GHashTable   *active_links;   /* "service\nlink" -> SimOrder (borrowed): the last order */
  GPtrArray    *unsettled;      /* SimOrder (borrowed) that will end Partial, refund not booked */
  GArray       *refills;        /* SimRefill, index = id - 1 */
  gint64        next_order_id;
  gint64        t0_us;
  double        offset;
  guint         n_requests;
  guint         n_dropped;
  guint         action_counts[G_N_ELEMENTS (known_actions)];
  guint         order_count;
  char         *url;

  /* The server part: used only on the server's thread (or by start/stop when not threaded). */
  GMainContext *context;
  SoupServer   *server;
  GPtrArray    *delays;         /* Delay */

  /* Threaded mode; thread_ready and thread_error are guarded by the mutex. */
  GThread      *thread;
  GMainLoop    *loop;
  GCond         cond;
  guint16       thread_port;
  gboolean      thread_ready;
  GError       *thread_error;
};

static inline gboolean
smm_sim_quirk (SmmSim      *self,
               SmmSimQuirk  quirk)
{
  return (self->quirks & (G_GUINT64_CONSTANT (1) << quirk)) != 0;
}

/* smm-sim-server.c */
const char *smm_sim_field (GHashTable *fields,
                           const char *name);

const char *smm_sim_field_set (GHashTable *fields,
                               const char *name);

CountResult smm_sim_parse_count (const char *text,
                                 guint64    *out);

gboolean smm_sim_parse_id (const char *text,
                           gint64     *id);

GPtrArray *smm_sim_split_ids (const char *text,
                              guint       max,
                              gboolean   *too_many);

guint64 smm_sim_count_lines (const char *text);

gboolean smm_sim_link_is_valid (const char *link);

char *smm_sim_clean_echo (const char *text,
                          gsize       max_len);

gboolean smm_sim_server_listen (SmmSim   *self,
                                guint16   port,
                                GError  **error);

void smm_sim_server_teardown (SmmSim *self);

gpointer smm_sim_server_thread_func (gpointer data);

/* smm-sim-log.c */
char *smm_sim_log_describe (GHashTable *fields);

void smm_sim_log_request_locked (SmmSim     *self,
                                 guint       n,
                                 const char *method,
                                 const char *content_type,
                                 const char *description);

void smm_sim_strict_check_locked (SmmSim     *self,
                                  guint       n,
                                  const char *method,
                                  gboolean    key_in_url,
                                  const char *action,
                                  const char *description);

/* smm-sim-json.c */
void smm_sim_json_add_raw_number (JsonBuilder *builder,
                                  const char  *digits);

void smm_sim_json_add_quirky_bool (JsonBuilder *builder,
                                   guint        id,
                                   gboolean     value);

char *smm_sim_json_to_string (JsonNode *root);

JsonNode *smm_sim_json_error (const char *message);

JsonNode *smm_sim_json_maybe_wrap (SmmSim      *self,
                                   SmmSimQuirk  quirk,
                                   JsonNode    *node);

void smm_sim_json_add_count (SmmSim      *self,
                             JsonBuilder *builder,
                             guint64      value);

void smm_sim_json_add_number_id (SmmSim      *self,
                                 JsonBuilder *builder,
                                 gint64       id);

char *smm_sim_json_frame (SmmSim *self,
                          char   *json);

void smm_sim_json_add_id (JsonBuilder *builder,
                          const char  *text);

void smm_sim_json_set_id_member (JsonBuilder *builder,
                                 const char  *text);

void smm_sim_json_set_repeated_id_member (JsonBuilder *builder,
                                          const char  *text);

/* smm-sim-book.c */
gint64 smm_sim_mul_div_round (gint64  a,
                              guint64 b,
                              guint64 c);

double smm_sim_now_locked (SmmSim *self);

SmmSimService *smm_sim_lookup_service_locked (SmmSim *self,
                                              guint   id);

guint64 smm_sim_order_final_remains (SimOrder *order);

void smm_sim_book_order_locked (SmmSim   *self,
                                SimOrder *order);

OrderState smm_sim_order_get_state_locked (SmmSim   *self,
                                           SimOrder *order,
                                           double    now,
                                           guint64  *remains);

gboolean smm_sim_order_is_active_locked (SmmSim   *self,
                                         SimOrder *order,
                                         double    now);

void smm_sim_settle_all_locked (SmmSim *self);

SimOrder *smm_sim_lookup_order_locked (SmmSim     *self,
                                       const char *text);

const char *smm_sim_refill_create_locked (SmmSim     *self,
                                          const char *text,
                                          double      now,
                                          gint64     *refill_id);

SimRefill *smm_sim_lookup_refill_locked (SmmSim     *self,
                                         const char *text);

const char *smm_sim_refill_state_locked (SmmSim    *self,
                                         SimRefill *refill,
                                         double     now);

SubscriptionState smm_sim_subscription_get_state_locked (SmmSim   *self,
                                                         SimOrder *order,
                                                         double    now,
                                                         guint64  *posts_done);

const char *smm_sim_cancel_locked (SmmSim     *self,
                                   const char *text,
                                   double      now);

/* smm-sim-add.c */
JsonNode *smm_sim_action_add_locked (SmmSim     *self,
                                     GHashTable *fields);

/* smm-sim-actions.c */
char *smm_sim_handle_request_locked (SmmSim     *self,
                                    GHashTable *fields);

G_END_DECLS
