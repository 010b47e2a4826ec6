/* smm-sim.c: an SMM panel that speaks API v2 on loopback: the object, its options, start and
 * stop, and its thread-safe getters
 *
 * The panel's book is in smm-sim-book.c, its actions in smm-sim-actions.c, its JSON writer in
 * smm-sim-json.c and its HTTP side in smm-sim-server.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>

#include "smm-sim-private.h"

#define FIRST_ORDER_ID         G_GINT64_CONSTANT (23501)

G_DEFINE_FINAL_TYPE (SmmSim, smm_sim, G_TYPE_OBJECT)

static gboolean
quit_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

/* GObject */

static void
smm_sim_dispose (GObject *object)
{
  SmmSim *self = (SmmSim *) object;

  smm_sim_stop (self);

  G_OBJECT_CLASS (smm_sim_parent_class)->dispose (object);
}

static void
smm_sim_finalize (GObject *object)
{
  SmmSim *self = (SmmSim *) object;

  g_free (self->key);
  g_free (self->currency);
  g_free (self->url);
  g_free (self->last_add);
  if (self->log != NULL && self->log != stderr)
    fclose (self->log);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->active_links, g_hash_table_unref);
  g_clear_pointer (&self->unsettled, g_ptr_array_unref);
  g_clear_pointer (&self->orders, g_hash_table_unref);
  g_clear_pointer (&self->refills, g_array_unref);
  g_clear_error (&self->thread_error);
  g_cond_clear (&self->cond);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (smm_sim_parent_class)->finalize (object);
}

static void
smm_sim_class_init (SmmSimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smm_sim_dispose;
  object_class->finalize = smm_sim_finalize;
}

static void
smm_sim_init (SmmSim *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);

  self->key = g_strdup ("demo-key");
  self->currency = g_strdup ("USD");
  self->speed = 1.0;
  self->slow_ms = 5000;
  self->fault_rate = 1.0;
  self->balance = 1000 * SMM_SIM_UNITS_PER_ONE;
  self->services = smm_sim_catalogue_new_demo ();
  self->orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->active_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unsettled = g_ptr_array_new ();
  self->refills = g_array_new (FALSE, FALSE, sizeof (SimRefill));
  self->next_order_id = FIRST_ORDER_ID;
  self->t0_us = g_get_monotonic_time ();
}

SmmSim *
smm_sim_new (void)
{
  return g_object_new (SMM_TYPE_SIM, NULL);
}

void
smm_sim_set_key (SmmSim     *self,
                 const char *key)
{
  g_return_if_fail (SMM_IS_SIM (self));
  g_return_if_fail (key != NULL);

  g_mutex_lock (&self->mutex);
  g_free (self->key);
  self->key = g_strdup (key);
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_balance (SmmSim     *self,
                     const char *amount)
{
  gint64 units;

  g_return_if_fail (SMM_IS_SIM (self));
  g_return_if_fail (amount != NULL);

  if (!smm_sim_parse_units (amount, &units))
    {
      g_warning ("Invalid balance “%s”: expected digits with at most 5 decimals", amount);
      return;
    }

  g_mutex_lock (&self->mutex);
  self->balance = units;
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_currency (SmmSim     *self,
                      const char *currency)
{
  g_return_if_fail (SMM_IS_SIM (self));
  g_return_if_fail (currency != NULL);

  g_mutex_lock (&self->mutex);
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_generated_services (SmmSim *self,
                                guint   n_services)
{
  GPtrArray *services;

  g_return_if_fail (SMM_IS_SIM (self));

  if (n_services > 0)
    services = smm_sim_catalogue_new_generated (n_services);
  else
    services = smm_sim_catalogue_new_demo ();

  g_mutex_lock (&self->mutex);
  self->n_generated = n_services;
  g_ptr_array_unref (self->services);
  self->services = services;
  g_mutex_unlock (&self->mutex);
}

/**
 * smm_sim_seed_orders:
 * @n_orders: how many orders to make
 *
 * Starts the panel with @n_orders orders of its services, as if placed in the last minute
 * (a benchmark's history to track). Their charge is not taken from the balance.
 */
void
smm_sim_seed_orders (SmmSim *self,
                     guint   n_orders)
{
  double now;

  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  now = smm_sim_now_locked (self);
  for (guint i = 0; i < n_orders && self->services->len > 0; i++)
    {
      SmmSimService *service = g_ptr_array_index (self->services, i % self->services->len);
      SimOrder *order = g_new0 (SimOrder, 1);
      gboolean is_package = service->type == SMM_SIM_TYPE_PACKAGE ||
                            service->type == SMM_SIM_TYPE_CUSTOM_COMMENTS_PACKAGE;

      order->id = self->next_order_id++;
      order->service_id = service->id;
      order->quantity = is_package ? 1 : CLAMP (1000, service->min, MAX (service->min, service->max));
      order->charge = is_package ? service->rate_units
                                 : smm_sim_mul_div_round (service->rate_units, order->quantity,
                                                          1000);
      order->created = now - (double) (i % 60);
      /* tracked as plain orders, whatever their service: a benchmark's history */
      order->posts = -1;
      smm_sim_book_order_locked (self, order);
    }
  g_mutex_unlock (&self->mutex);
}

gboolean
smm_sim_set_catalogue (SmmSim     *self,
                       const char *name)
{
  GPtrArray *services;

  g_return_val_if_fail (SMM_IS_SIM (self), FALSE);

  if (g_strcmp0 (name, "a") == 0)
    services = smm_sim_catalogue_new_demo ();
  else if (g_strcmp0 (name, "b") == 0)
    services = smm_sim_catalogue_new_demo_b ();
  else if (g_strcmp0 (name, "c") == 0)
    services = smm_sim_catalogue_new_php ();
  else
    return FALSE;

  g_mutex_lock (&self->mutex);
  self->n_generated = 0;
  g_ptr_array_unref (self->services);
  self->services = services;
  g_mutex_unlock (&self->mutex);
  return TRUE;
}

void
smm_sim_set_speed (SmmSim *self,
                   double  speed)
{
  g_return_if_fail (SMM_IS_SIM (self));
  g_return_if_fail (speed > 0);

  g_mutex_lock (&self->mutex);
  /* Keep the simulated clock continuous */
  self->offset = smm_sim_now_locked (self);
  self->t0_us = g_get_monotonic_time ();
  self->speed = speed;
  g_mutex_unlock (&self->mutex);
}

/* The shapes of the old --quirks */
#define OLD_QUIRKS ((G_GUINT64_CONSTANT (1) << (SMM_SIM_QUIRK_NO_CURRENCY + 1)) - 1)

void
smm_sim_set_quirks (SmmSim   *self,
                    gboolean  quirks)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  if (quirks)
    self->quirks |= OLD_QUIRKS;
  else
    self->quirks &= ~OLD_QUIRKS;
  g_mutex_unlock (&self->mutex);
}

/**
 * smm_sim_set_php_format:
 * @php: answer as PHP panels do
 *
 * The text-html and string-numbers quirks together: JSON inside `text/html; charset=UTF-8`,
 * every number a string. What smm-panel-sim and the demo panels answer by default; a SmmSim
 * made for a test answers plain JSON until told.
 */
void
smm_sim_set_php_format (SmmSim   *self,
                        gboolean  php)
{
  smm_sim_set_quirk (self, SMM_SIM_QUIRK_TEXT_HTML, php);
  smm_sim_set_quirk (self, SMM_SIM_QUIRK_STRING_NUMBERS, php);
}

void
smm_sim_set_quirk (SmmSim      *self,
                   SmmSimQuirk  quirk,
                   gboolean     enabled)
{
  g_return_if_fail (SMM_IS_SIM (self));
  g_return_if_fail (quirk < SMM_SIM_N_QUIRKS);

  g_mutex_lock (&self->mutex);
  if (enabled)
    self->quirks |= G_GUINT64_CONSTANT (1) << quirk;
  else
    self->quirks &= ~(G_GUINT64_CONSTANT (1) << quirk);
  g_mutex_unlock (&self->mutex);
}

gboolean
smm_sim_get_quirk (SmmSim      *self,
                   SmmSimQuirk  quirk)
{
  gboolean enabled;

  g_return_val_if_fail (SMM_IS_SIM (self), FALSE);
  g_return_val_if_fail (quirk < SMM_SIM_N_QUIRKS, FALSE);

  g_mutex_lock (&self->mutex);
  enabled = smm_sim_quirk (self, quirk);
  g_mutex_unlock (&self->mutex);

  return enabled;
}

static const char * const quirk_names[SMM_SIM_N_QUIRKS] = {
  [SMM_SIM_QUIRK_BARE_NUMBERS] = "bare-numbers",
  [SMM_SIM_QUIRK_LOOSE_SERVICES] = "loose-services",
  [SMM_SIM_QUIRK_WRAP_ADD] = "wrap-add",
  [SMM_SIM_QUIRK_WRAP_SINGLE] = "wrap-single",
  [SMM_SIM_QUIRK_BATCH_LIST] = "batch-list",
  [SMM_SIM_QUIRK_BATCH_MAP] = "batch-map",
  [SMM_SIM_QUIRK_NO_CURRENCY] = "no-currency",
  [SMM_SIM_QUIRK_TEXT_HTML] = "text-html",
  [SMM_SIM_QUIRK_BOM] = "bom",
  [SMM_SIM_QUIRK_PHP_NOTICE] = "php-notice",
  [SMM_SIM_QUIRK_STRING_NUMBERS] = "string-numbers",
  [SMM_SIM_QUIRK_STATUS_CASE] = "status-case",
  [SMM_SIM_QUIRK_NO_REFILL_FIELDS] = "no-refill-fields",
  [SMM_SIM_QUIRK_CANCEL_MAP_STRINGS] = "cancel-map-strings",
  [SMM_SIM_QUIRK_BATCH_EXTRA_IDS] = "batch-extra-ids",
  [SMM_SIM_QUIRK_BATCH_MISSING_IDS] = "batch-missing-ids",
  [SMM_SIM_QUIRK_BATCH_REPEAT_IDS] = "batch-repeat-ids",
  [SMM_SIM_QUIRK_PROCESSING] = "processing",
  [SMM_SIM_QUIRK_REFUNDED] = "refunded",
  [SMM_SIM_QUIRK_REFILL_REJECTED] = "refill-rejected",
  [SMM_SIM_QUIRK_CANCEL_SLOW] = "cancel-slow",
  [SMM_SIM_QUIRK_CANCEL_REFUSED] = "cancel-refused",
};

const char *
smm_sim_quirk_to_string (SmmSimQuirk quirk)
{
  g_return_val_if_fail (quirk < SMM_SIM_N_QUIRKS, NULL);

  return quirk_names[quirk];
}

gboolean
smm_sim_set_quirks_from_string (SmmSim      *self,
                                const char  *names,
                                GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 quirks = 0;

  g_return_val_if_fail (SMM_IS_SIM (self), FALSE);
  g_return_val_if_fail (names != NULL, FALSE);

  parts = g_strsplit (names, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      guint q;

      if (*name == '\0')
        continue;
      for (q = 0; q < SMM_SIM_N_QUIRKS; q++)
        if (g_ascii_strcasecmp (name, quirk_names[q]) == 0)
          break;
      if (q == SMM_SIM_N_QUIRKS)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown quirk “%s”", name);
          return FALSE;
        }
      quirks |= G_GUINT64_CONSTANT (1) << q;
    }

  g_mutex_lock (&self->mutex);
  self->quirks |= quirks;
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

void
smm_sim_set_refill_supported (SmmSim   *self,
                              gboolean  supported)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->no_refill = !supported;
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_cancel_supported (SmmSim   *self,
                              gboolean  supported)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->no_cancel = !supported;
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_strict (SmmSim   *self,
                    gboolean  strict)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->strict = !!strict;
  g_mutex_unlock (&self->mutex);
}

gboolean
smm_sim_set_log_file (SmmSim      *self,
                      const char  *path,
                      GError     **error)
{
  FILE *log = NULL;

  g_return_val_if_fail (SMM_IS_SIM (self), FALSE);

  if (g_strcmp0 (path, "-") == 0)
    log = stderr;
  else if (path != NULL && (log = fopen (path, "a")) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot open the log “%s”: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  if (self->log != NULL && self->log != stderr)
    fclose (self->log);
  self->log = log;
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

void
smm_sim_set_latency (SmmSim *self,
                     guint   latency_ms)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->latency_ms = latency_ms;
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_slow_ms (SmmSim *self,
                     guint   slow_ms)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->slow_ms = slow_ms;
  g_mutex_unlock (&self->mutex);
}

void
smm_sim_set_fault (SmmSim      *self,
                   SmmSimFault  fault,
                   double       rate)
{
  g_return_if_fail (SMM_IS_SIM (self));
  g_return_if_fail (fault <= SMM_SIM_FAULT_REDIRECT);

  g_mutex_lock (&self->mutex);
  self->fault = fault;
  self->fault_rate = CLAMP (rate, 0.0, 1.0);
  g_mutex_unlock (&self->mutex);
}

static const struct {
  const char  *name;
  SmmSimFault  fault;
} fault_names[] = {
  { "none", SMM_SIM_FAULT_NONE },
  { "html", SMM_SIM_FAULT_HTML },
  { "500", SMM_SIM_FAULT_500 },
  { "429", SMM_SIM_FAULT_429 },
  { "slow", SMM_SIM_FAULT_SLOW },
  { "truncate", SMM_SIM_FAULT_TRUNCATE },
  { "drop-after-add", SMM_SIM_FAULT_DROP_AFTER_ADD },
  { "redirect", SMM_SIM_FAULT_REDIRECT },
};

gboolean
smm_sim_fault_from_string (const char  *name,
                           SmmSimFault *fault)
{
  g_return_val_if_fail (fault != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fault_names); i++)
    {
      if (g_ascii_strcasecmp (name, fault_names[i].name) == 0)
        {
          *fault = fault_names[i].fault;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
smm_sim_start (SmmSim   *self,
               guint16   port,
               GError  **error)
{
  g_return_val_if_fail (SMM_IS_SIM (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->context = g_main_context_ref_thread_default ();
  if (!smm_sim_server_listen (self, port, error))
    {
      g_clear_pointer (&self->context, g_main_context_unref);
      return FALSE;
    }

  return TRUE;
}

gboolean
smm_sim_start_threaded (SmmSim   *self,
                        guint16   port,
                        GError  **error)
{
  GError *thread_error;

  g_return_val_if_fail (SMM_IS_SIM (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread_port = port;
  self->thread_ready = FALSE;

  self->thread = g_thread_new ("smm-sim", smm_sim_server_thread_func, self);

  g_mutex_lock (&self->mutex);
  while (!self->thread_ready)
    g_cond_wait (&self->cond, &self->mutex);
  thread_error = g_steal_pointer (&self->thread_error);
  g_mutex_unlock (&self->mutex);

  if (thread_error != NULL)
    {
      g_propagate_error (error, thread_error);
      smm_sim_stop (self);
      return FALSE;
    }

  return TRUE;
}

void
smm_sim_stop (SmmSim *self)
{
  g_return_if_fail (SMM_IS_SIM (self));

  if (self->thread != NULL)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, quit_loop_cb, self->loop, NULL);
      g_source_attach (source, self->context);
      g_source_unref (source);

      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
    }
  else
    smm_sim_server_teardown (self);

  g_clear_pointer (&self->context, g_main_context_unref);
}

char *
smm_sim_dup_url (SmmSim *self)
{
  char *url;

  g_return_val_if_fail (SMM_IS_SIM (self), NULL);

  g_mutex_lock (&self->mutex);
  url = g_strdup (self->url);
  g_mutex_unlock (&self->mutex);

  return url;
}

char *
smm_sim_dup_key (SmmSim *self)
{
  char *key;

  g_return_val_if_fail (SMM_IS_SIM (self), NULL);

  g_mutex_lock (&self->mutex);
  key = g_strdup (self->key);
  g_mutex_unlock (&self->mutex);

  return key;
}

guint
smm_sim_get_request_count (SmmSim     *self,
                           const char *action)
{
  guint count = 0;

  g_return_val_if_fail (SMM_IS_SIM (self), 0);

  g_mutex_lock (&self->mutex);
  if (action == NULL)
    count = self->n_requests;
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (known_actions); i++)
        if (strcmp (action, known_actions[i]) == 0)
          count = self->action_counts[i];
    }
  g_mutex_unlock (&self->mutex);

  return count;
}

guint
smm_sim_get_violation_count (SmmSim *self)
{
  guint count;

  g_return_val_if_fail (SMM_IS_SIM (self), 0);

  g_mutex_lock (&self->mutex);
  count = self->n_violations;
  g_mutex_unlock (&self->mutex);

  return count;
}

guint
smm_sim_get_order_count (SmmSim *self)
{
  guint count;

  g_return_val_if_fail (SMM_IS_SIM (self), 0);

  g_mutex_lock (&self->mutex);
  count = self->order_count;
  g_mutex_unlock (&self->mutex);

  return count;
}

char *
smm_sim_dup_balance (SmmSim *self)
{
  char *balance;

  g_return_val_if_fail (SMM_IS_SIM (self), NULL);

  g_mutex_lock (&self->mutex);
  smm_sim_settle_all_locked (self);
  balance = smm_sim_format_units (self->balance);
  g_mutex_unlock (&self->mutex);

  return balance;
}

void
smm_sim_advance (SmmSim *self,
                 guint   seconds)
{
  g_return_if_fail (SMM_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->offset += seconds;
  g_mutex_unlock (&self->mutex);
}
