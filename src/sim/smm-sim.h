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

/* The ways real panels differ, one at a time (see API.md, "Seen on real panels"); any may be
 * combined. smm_sim_set_quirks (TRUE) sets the first seven, the shapes of the old "--quirks". */
typedef enum {
  SMM_SIM_QUIRK_BARE_NUMBERS,       /* bare-numbers: counts, rates and minimums as JSON numbers */
  SMM_SIM_QUIRK_LOOSE_SERVICES,     /* loose-services: ids as strings, "50.000", flags as "1"/"Yes", a desc */
  SMM_SIM_QUIRK_WRAP_ADD,           /* wrap-add: add's reply in a one-element array, with "success" */
  SMM_SIM_QUIRK_WRAP_SINGLE,        /* wrap-single: the single replies of status, refill, refill_status
                                     * and balance in a one-element array */
  SMM_SIM_QUIRK_BATCH_LIST,         /* batch-list: a status batch as a list of objects naming their order */
  SMM_SIM_QUIRK_BATCH_MAP,          /* batch-map: refill, refill_status and cancel batches keyed by id */
  SMM_SIM_QUIRK_NO_CURRENCY,        /* no-currency: no "currency" in the status of even ids */
  SMM_SIM_QUIRK_TEXT_HTML,          /* text-html: Content-Type: text/html; charset=UTF-8, as PHP panels */
  SMM_SIM_QUIRK_BOM,                /* bom: a UTF-8 byte order mark before the JSON */
  SMM_SIM_QUIRK_PHP_NOTICE,         /* php-notice: PHP "Deprecated" and "Warning" blocks before the JSON */
  SMM_SIM_QUIRK_STRING_NUMBERS,     /* string-numbers: every number a string: order, refill and
                                     * service ids, counts, "cancel": "1" */
  SMM_SIM_QUIRK_STATUS_CASE,        /* status-case: "pending", "Inprogress", "completed", … */
  SMM_SIM_QUIRK_NO_REFILL_FIELDS,   /* no-refill-fields: services without "refill" and "cancel" */
  SMM_SIM_QUIRK_CANCEL_MAP_STRINGS, /* cancel-map-strings: {"23501":"Canceled","23502":"Already completed"} */
  SMM_SIM_QUIRK_BATCH_EXTRA_IDS,    /* batch-extra-ids: status batches also answer the id after the last */
  SMM_SIM_QUIRK_BATCH_MISSING_IDS,  /* batch-missing-ids: batches leave out the last id asked */
  SMM_SIM_QUIRK_BATCH_REPEAT_IDS,   /* batch-repeat-ids: status batches answer the first id twice, the
                                     * second time with another status */
  SMM_SIM_QUIRK_PROCESSING,         /* processing: "Processing" instead of "In progress", on odd ids */
  SMM_SIM_QUIRK_REFUNDED,           /* refunded: orders whose id is a multiple of 7 end Refunded, in full */
  SMM_SIM_QUIRK_REFILL_REJECTED,    /* refill-rejected: even refills end Rejected, every third Error */
  SMM_SIM_QUIRK_CANCEL_SLOW,        /* cancel-slow: a cancel takes effect 60 s of the clock later */
  SMM_SIM_QUIRK_CANCEL_REFUSED,     /* cancel-refused: cancels of even ids: "Order cannot be canceled" */
  SMM_SIM_N_QUIRKS,
} SmmSimQuirk;

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
/* "a" (the default demo catalogue), "b" (a second panel's, other ids and names, in EUR) or "c"
 * (a PHP panel's: Custom Data, subscriptions, dripfeed true, false and absent) */
gboolean    smm_sim_set_catalogue         (SmmSim      *self,
                                           const char  *name);
/* How fast the panel's clock runs: 1.0 is the demo's pace, a real panel's minute a second (an
 * order of 1000 is Pending 5 s and done after 20 s); 1/60 is a real panel's pace. */
void        smm_sim_set_speed             (SmmSim      *self,
                                           double       speed);
void        smm_sim_set_quirks            (SmmSim      *self,
                                           gboolean     quirks);
void        smm_sim_set_php_format        (SmmSim      *self,
                                           gboolean     php);
void        smm_sim_set_quirk             (SmmSim      *self,
                                           SmmSimQuirk  quirk,
                                           gboolean     enabled);
gboolean    smm_sim_get_quirk             (SmmSim      *self,
                                           SmmSimQuirk  quirk);
const char *smm_sim_quirk_to_string       (SmmSimQuirk  quirk);
/* "text-html,bom" sets those two (on top of any set before); FALSE with an error naming an
 * unknown one */
gboolean    smm_sim_set_quirks_from_string (SmmSim     *self,
                                           const char  *names,
                                           GError     **error);
/* A panel without refills (refill, refill_status) or cancels: they answer
 * {"error":"Request Invalid"} and its services carry no "refill" (or "cancel") field. */
void        smm_sim_set_refill_supported  (SmmSim      *self,
                                           gboolean     supported);
void        smm_sim_set_cancel_supported  (SmmSim      *self,
                                           gboolean     supported);
/* Strict: a GET, a key in the URL, and an add with the same fields within a second are counted
 * as violations (smm_sim_get_violation_count()), and a key in the URL is not accepted. */
void        smm_sim_set_strict            (SmmSim      *self,
                                           gboolean     strict);
/* One line per request (action, method, content type, fields; the key's value is never
 * written); "-" is standard error, NULL stops the log. */
gboolean    smm_sim_set_log_file          (SmmSim      *self,
                                           const char  *path,
                                           GError     **error);
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
guint       smm_sim_get_violation_count  (SmmSim      *self);  /* under strict */
guint       smm_sim_get_order_count       (SmmSim      *self);
char       *smm_sim_dup_balance           (SmmSim      *self);  /* "987.65000" */
/* Moves the simulated clock forward, so orders and refills progress without waiting. */
void        smm_sim_advance               (SmmSim      *self,
                                           guint        seconds);

G_END_DECLS
