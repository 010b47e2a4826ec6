/* smm-tracker.c: keeps the book up to date with the panels
 *
 * On a timer and on demand, it asks each panel about every order and refill of its account
 * that is not final, and writes what the panels answered into the store. Placing, refills
 * and cancels are smm-order-actions.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-tracker"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "smm-tracker.h"

struct _SmmTracker
{
  GObject     parent_instance;

  SmmStore      *store;
  SmmClientPool *pool;
  guint          interval;
  guint          timer_id;
  guint          n_refreshing;
};

G_DEFINE_FINAL_TYPE (SmmTracker, smm_tracker, G_TYPE_OBJECT)

enum {
  ORDER_CHANGED,
  ORDER_FINISHED,
  REFILL_CHANGED,
  REFILL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
smm_tracker_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmmTracker *self = SMM_TRACKER (object);

  switch (prop_id)
    {
    case PROP_REFRESHING:
      g_value_set_boolean (value, smm_tracker_get_refreshing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_tracker_dispose (GObject *object)
{
  SmmTracker *self = (SmmTracker *) object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->pool);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (smm_tracker_parent_class)->dispose (object);
}

static void
smm_tracker_class_init (SmmTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smm_tracker_dispose;
  object_class->get_property = smm_tracker_get_property;

  /**
   * SmmTracker:refreshing:
   *
   * Whether a refresh is under way.
   */
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmmTracker::order-changed:
   * @order: the order as now stored
   *
   * An order's status, remains or charge changed.
   */
  signals[ORDER_CHANGED] =
    g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SMM_TYPE_ORDER);
  /**
   * SmmTracker::order-finished:
   *
   * An order reached a final status (Completed, Partial, Canceled, Refunded).
   */
  signals[ORDER_FINISHED] =
    g_signal_new ("order-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SMM_TYPE_ORDER);
  signals[REFILL_CHANGED] =
    g_signal_new ("refill-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SMM_TYPE_REFILL);
  signals[REFILL_FINISHED] =
    g_signal_new ("refill-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SMM_TYPE_REFILL);
}

static void
smm_tracker_init (SmmTracker *self)
{
  self->interval = SMM_TRACKER_DEFAULT_INTERVAL;
}

/**
 * smm_tracker_new:
 * @store: where the orders and refills are
 * @pool: the clients of the accounts' panels: an account without one is not asked
 */
SmmTracker *
smm_tracker_new (SmmStore      *store,
                 SmmClientPool *pool)
{
  SmmTracker *self = g_object_new (SMM_TYPE_TRACKER, NULL);

  self->store = g_object_ref (store);
  self->pool = g_object_ref (pool);
  return self;
}

SmmStore *
smm_tracker_get_store (SmmTracker *self)
{
  return self->store;
}

static void
timer_refresh_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GError) error = NULL;
  SmmTrackerReport report;

  if (!smm_tracker_refresh_finish (SMM_TRACKER (object), result, &report, &error))
    g_debug ("timed refresh failed: %s", error->message);
}

static gboolean
timer_cb (gpointer data)
{
  SmmTracker *self = data;

  if (self->n_refreshing == 0)
    smm_tracker_refresh_async (self, NULL, timer_refresh_cb, NULL);
  return G_SOURCE_CONTINUE;
}

/* Refreshes every @seconds on its own; 0 stops the timer. */
void
smm_tracker_set_interval (SmmTracker *self,
                          guint       seconds)
{
  g_return_if_fail (SMM_IS_TRACKER (self));

  self->interval = seconds;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (seconds > 0)
    self->timer_id = g_timeout_add_seconds (seconds, timer_cb, self);
}

guint
smm_tracker_get_interval (SmmTracker *self)
{
  return self->interval;
}

gboolean
smm_tracker_get_refreshing (SmmTracker *self)
{
  g_return_val_if_fail (SMM_IS_TRACKER (self), FALSE);
  return self->n_refreshing > 0;
}

static void
refreshing_begins (SmmTracker *self)
{
  if (self->n_refreshing++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
refreshing_ends (SmmTracker *self)
{
  g_assert (self->n_refreshing > 0);
  if (--self->n_refreshing == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

/* ---------------------------------------------------------------------------------------------
 * Refresh
 */

typedef struct {
  SmmTrackerReport report;
  guint            pending;
  guint            n_asked;    /* accounts asked */
  guint            n_errors;
  GError          *first_error;
} Refresh;

typedef struct {
  GTask  *task;
  gint64  account_id;
  guint   n_ids;
} AccountCall;

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->first_error);
  g_free (refresh);
}

static void
refresh_step_done (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  SmmTracker *self = g_task_get_source_object (task);

  if (--refresh->pending > 0)
    return;

  refreshing_ends (self);
  if (refresh->n_asked > 0 && refresh->n_errors == refresh->n_asked && refresh->first_error)
    g_task_return_error (task, g_steal_pointer (&refresh->first_error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
note_error (Refresh      *refresh,
            const GError *error)
{
  refresh->n_errors++;
  if (refresh->first_error == NULL)
    refresh->first_error = g_error_copy (error);
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  AccountCall *call = data;
  GTask *task = call->task;
  SmmTracker *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = smm_client_status_finish (SMM_CLIENT (object), result, &error);

  refresh->report.n_checked += call->n_ids;
  if (replies == NULL)
    {
      refresh->report.n_failed += call->n_ids;
      note_error (refresh, error);
    }
  else
    {
      /* one transaction per batch of 100 answers */
      for (guint first = 0; first < replies->len; first += SMM_BATCH_SIZE)
        {
          g_autoptr(GPtrArray) batch = g_ptr_array_new ();
          g_autoptr(GPtrArray) changed = NULL;
          g_autoptr(GError) store_error = NULL;

          for (guint i = first; i < MIN (first + SMM_BATCH_SIZE, replies->len); i++)
            {
              SmmOrder *reply = replies->pdata[i];
              const GError *item_error = smm_order_get_error (reply);

              /* a request that failed gives its ids its error: those were not answered */
              if (item_error && !smm_api_error_is_about_item (item_error))
                {
                  refresh->report.n_failed++;
                  continue;
                }
              g_ptr_array_add (batch, reply);
            }
          changed = smm_store_apply_status (self->store, call->account_id, batch, &store_error);
          if (changed == NULL)
            {
              g_warning ("Could not record order statuses: %s", store_error->message);
              refresh->report.n_failed += batch->len;
              note_error (refresh, store_error);
              continue;
            }
          for (guint i = 0; i < changed->len; i++)
            {
              SmmOrder *order = changed->pdata[i];

              refresh->report.n_changed++;
              g_signal_emit (self, signals[ORDER_CHANGED], 0, order);
              if (smm_order_status_is_final (smm_order_get_status (order)))
                {
                  refresh->report.n_finished++;
                  g_signal_emit (self, signals[ORDER_FINISHED], 0, order);
                }
            }
        }
    }
  g_free (call);
  refresh_step_done (task);
}

static void
refill_status_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  AccountCall *call = data;
  GTask *task = call->task;
  SmmTracker *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = smm_client_refill_status_finish (SMM_CLIENT (object), result, &error);
  g_autoptr(GPtrArray) changed = NULL;

  refresh->report.n_checked += call->n_ids;
  if (replies == NULL)
    {
      refresh->report.n_failed += call->n_ids;
      note_error (refresh, error);
    }
  else if ((changed = smm_store_apply_refill_status (self->store, call->account_id, replies, &error)) == NULL)
    {
      refresh->report.n_failed += replies->len;
      note_error (refresh, error);
    }
  else
    for (guint i = 0; i < changed->len; i++)
      {
        SmmRefill *refill = changed->pdata[i];

        refresh->report.n_changed++;
        g_signal_emit (self, signals[REFILL_CHANGED], 0, refill);
        if (smm_refill_status_is_final (smm_refill_get_status (refill)))
          {
            refresh->report.n_finished++;
            g_signal_emit (self, signals[REFILL_FINISHED], 0, refill);
          }
      }
  g_free (call);
  refresh_step_done (task);
}

/**
 * smm_tracker_refresh_async:
 *
 * Asks each panel about every order and refill of its account that is not
 * final, 100 ids a request, and records what changed.
 */
void
smm_tracker_refresh_async (SmmTracker          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Refresh *refresh = g_new0 (Refresh, 1);
  g_autoptr(GArray) account_ids = smm_client_pool_list_ids (self->pool);

  g_task_set_source_tag (task, smm_tracker_refresh_async);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  refreshing_begins (self);
  refresh->pending = 1;   /* held until every request is out */

  for (guint a = 0; a < account_ids->len; a++)
    {
      gint64 account_id = g_array_index (account_ids, gint64, a);
      SmmClient *client = smm_client_pool_get_client (self->pool, account_id);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = smm_store_list_active_ids (self->store, account_id, &error);
      g_autoptr(GPtrArray) refills = NULL;

      if (ids == NULL)
        {
          refresh->n_asked++;
          note_error (refresh, error);
          continue;
        }
      if (ids && ids->len > 0)
        {
          AccountCall *call = g_new0 (AccountCall, 1);

          call->task = task;
          call->account_id = account_id;
          call->n_ids = ids->len;
          refresh->pending++;
          refresh->n_asked++;
          smm_client_status_async (client, (gint64 *) ids->data, ids->len, cancellable, status_cb, call);
        }

      refills = smm_store_list_refills (self->store, account_id, TRUE, NULL);
      if (refills && refills->len > 0)
        {
          g_autoptr(GArray) refill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          AccountCall *call = g_new0 (AccountCall, 1);

          for (guint i = 0; i < refills->len; i++)
            {
              gint64 id = smm_refill_get_id (refills->pdata[i]);
              g_array_append_val (refill_ids, id);
            }
          call->task = task;
          call->account_id = account_id;
          call->n_ids = refill_ids->len;
          refresh->pending++;
          refresh->n_asked++;
          smm_client_refill_status_async (client, (gint64 *) refill_ids->data, refill_ids->len, cancellable,
                                          refill_status_cb, call);
        }
    }
  refresh_step_done (task);
}

gboolean
smm_tracker_refresh_finish (SmmTracker        *self,
                            GAsyncResult      *result,
                            SmmTrackerReport  *report,
                            GError           **error)
{
  Refresh *refresh;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  refresh = g_task_get_task_data (G_TASK (result));
  if (report)
    *report = refresh->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}
