/* smm-sim-private.h: the simulated panel's struct and what its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
} OrderState;

typedef struct {
  gint64   id;
  guint    service_id;
  guint64  quantity;
  gint64   charge;           /* what was taken from the balance */
  gint64   refund;           /* what was given back */
  double   created;          /* simulated seconds */
  guint64  canceled_remains;
  guint    canceled : 1;
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
  gboolean      quirks;
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

/* smm-sim-json.c */
void smm_sim_json_add_raw_number (JsonBuilder *builder,
                                  const char  *digits);

void smm_sim_json_add_quirky_bool (JsonBuilder *builder,
                                   guint        id,
                                   gboolean     value);

char *smm_sim_json_to_string (JsonNode *root);

JsonNode *smm_sim_json_error (const char *message);

JsonNode *smm_sim_json_maybe_wrap (SmmSim   *self,
                                   JsonNode *node);

void smm_sim_json_add_id (JsonBuilder *builder,
                          const char  *text);

void smm_sim_json_set_id_member (JsonBuilder *builder,
                                 const char  *text);

/* smm-sim-book.c */
gint64 smm_sim_mul_div_round (gint64  a,
                              guint64 b,
                              guint64 c);

double smm_sim_now_locked (SmmSim *self);

SmmSimService *smm_sim_lookup_service_locked (SmmSim *self,
                                              guint   id);

guint64 smm_sim_order_final_remains (SimOrder *order);

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

const char *smm_sim_refill_state (SimRefill *refill,
                                  double     now);

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
