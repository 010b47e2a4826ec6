/* smm-sim.h: an SMM panel that speaks API v2 on loopback
 *
 * The simulator is its own implementation of a panel: it shares no parser or
 * model with the client, so tests of the client against it mean something.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SMM_SIM_FAULT_NONE,
  SMM_SIM_FAULT_HTML,           /* 403 with a Cloudflare-like challenge page */
  SMM_SIM_FAULT_500,            /* 500 with an HTML error page */
  SMM_SIM_FAULT_429,            /* 429, Retry-After: 1, {"error":"Spam protection, wait 1 seconds"} */
  SMM_SIM_FAULT_SLOW,           /* the normal reply, after slow-ms (default 5000) */
  SMM_SIM_FAULT_TRUNCATE,       /* the normal reply cut in half */
  SMM_SIM_FAULT_DROP_AFTER_ADD, /* `add` is carried out, then the connection is closed unanswered */
  SMM_SIM_FAULT_REDIRECT,       /* 302 to http://example.invalid/api/v2 */
} SmmSimFault;

#define SMM_TYPE_SIM (smm_sim_get_type ())
G_DECLARE_FINAL_TYPE (SmmSim, smm_sim, SMM, SIM, GObject)

SmmSim     *smm_sim_new                   (void);

/* Configuration: call before smm_sim_start() */
void        smm_sim_set_key               (SmmSim      *self,
                                           const char  *key);
void        smm_sim_set_balance           (SmmSim      *self,
                                           const char  *amount);
void        smm_sim_set_currency          (SmmSim      *self,
                                           const char  *currency);
void        smm_sim_set_generated_services (SmmSim     *self,
                                           guint        n_services);
/* "a" (the default demo catalogue) or "b" (a second panel's, other ids and names, in EUR) */
gboolean    smm_sim_set_catalogue         (SmmSim      *self,
                                           const char  *name);
void        smm_sim_set_speed             (SmmSim      *self,
                                           double       speed);
void        smm_sim_set_quirks            (SmmSim      *self,
                                           gboolean     quirks);
void        smm_sim_seed_orders           (SmmSim      *self,
                                           guint        n_orders);
void        smm_sim_set_latency           (SmmSim      *self,
                                           guint        latency_ms);
void        smm_sim_set_slow_ms           (SmmSim      *self,
                                           guint        slow_ms);
/* May also be called while running. rate in [0, 1]; deterministic: with rate r,
 * request n (counting from 0) is faulty when floor((n + 1) * r) > floor(n * r). */
void        smm_sim_set_fault             (SmmSim      *self,
                                           SmmSimFault  fault,
                                           double       rate);
gboolean    smm_sim_fault_from_string     (const char  *name,
                                           SmmSimFault *fault);

/* Listens on 127.0.0.1:port (0 = any free port) in the thread-default main context. */
gboolean    smm_sim_start                 (SmmSim      *self,
                                           guint16      port,
                                           GError     **error);
/* The same, on a thread of its own with its own main context (for the CLI, the GUI's demo and
 * benchmarks, so a busy client cannot stall the panel and the reverse). */
gboolean    smm_sim_start_threaded        (SmmSim      *self,
                                           guint16      port,
                                           GError     **error);
void        smm_sim_stop                  (SmmSim      *self);

/* Everything below is thread-safe. A string is a copy taken under the lock (transfer full: free
 * it with g_free()), so it stays valid whatever the server's thread or a setter does next. */
char       *smm_sim_dup_url               (SmmSim      *self);  /* http://127.0.0.1:PORT/api/v2,
                                                                 * NULL before the first start */
char       *smm_sim_dup_key               (SmmSim      *self);
guint       smm_sim_get_request_count     (SmmSim      *self,
                                           const char  *action); /* NULL: all requests */
guint       smm_sim_get_order_count       (SmmSim      *self);
char       *smm_sim_dup_balance           (SmmSim      *self);  /* "987.65000" */
/* Moves the simulated clock forward, so orders and refills progress without waiting. */
void        smm_sim_advance               (SmmSim      *self,
                                           guint        seconds);

G_END_DECLS
