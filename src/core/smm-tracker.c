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

#include "smm-api-error.h"
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
  guint            pending;    /* accounts' calls under way, and one while they are being started */
  guint            n_asked;    /* calls made: one per account and kind */
  guint            n_errors;   /* calls of which nothing came back and was written */
  GError          *first_error;
} Refresh;

/* What is asked of a panel in a refresh: orders (`status`) or refills (`refill_status`). Both
 * go the same way: ask in batches, write each batch as it arrives, tell what changed. */
typedef struct {
  void          (*ask_async)    (SmmClient *client, const gint64 *ids, guint n_ids, SmmClientBatchFunc each,
                                 gpointer each_data, GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
  gboolean      (*ask_finish)   (SmmClient *client, GAsyncResult *result, GError **error);
  void          (*write_async)  (SmmStore *store, gint64 account_id, GPtrArray *replies, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
  GPtrArray    *(*write_finish) (SmmStore *store, GAsyncResult *result, GError **error);
  const GError *(*item_error)   (gpointer item);
  gboolean      (*is_final)     (gpointer item);
  guint           changed_signal;
  guint           finished_signal;
  SmmPanelAction  action;       /* what a panel may lack; 0: every panel answers it */
} Kind;

static const GError *
order_error (gpointer item)
{
  return smm_order_get_error (item);
}

static gboolean
order_is_final (gpointer item)
{
  return smm_order_status_is_final (smm_order_get_status (item));
}

static const GError *
refill_error (gpointer item)
{
  return smm_refill_get_error (item);
}

static gboolean
refill_is_final (gpointer item)
{
  return smm_refill_status_is_final (smm_refill_get_status (item));
}

static const Kind orders = {
  smm_client_status_each_async, smm_client_status_each_finish,
  smm_store_apply_status_async, smm_store_apply_status_finish,
  order_error, order_is_final, ORDER_CHANGED, ORDER_FINISHED, 0,
};

static const Kind refills = {
  smm_client_refill_status_each_async, smm_client_refill_status_each_finish,
  smm_store_apply_refill_status_async, smm_store_apply_refill_status_finish,
  refill_error, refill_is_final, REFILL_CHANGED, REFILL_FINISHED, SMM_PANEL_ACTION_REFILL_STATUS,
};

/* One account's orders or refills, asked and written down a batch at a time. */
typedef struct {
  GTask      *task;        /* the refresh's */
  const Kind *kind;
  gint64      account_id;
  guint       n_ids;
  guint       n_answered;  /* ids of the batches that came back, answered or not */
  guint       pending;     /* the client's call and the batches being written */
  gboolean    written;     /* some batch came back and was written */
  GError     *error;       /* the first thing that went wrong */
} AccountCall;

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->first_error);
  g_free (refresh);
}

/* Takes @task: one call less under way; the last returns the refresh. */
static void
refresh_step_done (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  SmmTracker *self = g_task_get_source_object (task);

  if (--refresh->pending > 0)
    {
      g_object_unref (task);
      return;
    }

  refreshing_ends (self);
  /* when every call failed, the refresh did */
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
call_set_error (AccountCall  *call,
                const GError *error)
{
  SmmTracker *self = g_task_get_source_object (call->task);

  /* a panel without refill_status is not asked again */
  if (call->kind->action)
    smm_store_learn_unsupported (self->store, call->account_id, call->kind->action, error);
  if (call->error == NULL)
    call->error = g_error_copy (error);
}

static void
call_step_done (AccountCall *call)
{
  Refresh *refresh = g_task_get_task_data (call->task);

  if (--call->pending > 0)
    return;
  /* what never came back (the refresh was stopped) was not answered either */
  refresh->report.n_failed += call->n_ids - MIN (call->n_answered, call->n_ids);
  if (!call->written && call->error)
    note_error (refresh, call->error);
  g_clear_error (&call->error);
  refresh_step_done (g_steal_pointer (&call->task));
  g_free (call);
}

static void
batch_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  AccountCall *call = data;
  SmmTracker *self = g_task_get_source_object (call->task);
  Refresh *refresh = g_task_get_task_data (call->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changed = call->kind->write_finish (SMM_STORE (object), result, &error);

  if (changed == NULL)
    {
      g_warning ("Could not record the panel's answers: %s", error->message);
      call_set_error (call, error);
    }
  else
    {
      call->written = TRUE;
      for (guint i = 0; i < changed->len; i++)
        {
          gpointer item = changed->pdata[i];

          refresh->report.n_changed++;
          g_signal_emit (self, signals[call->kind->changed_signal], 0, item);
          if (call->kind->is_final (item))
            {
              refresh->report.n_finished++;
              g_signal_emit (self, signals[call->kind->finished_signal], 0, item);
            }
        }
    }
  call_step_done (call);
}

/* One batch's answers, as they arrive: written in one transaction on the store's worker. */
static void
batch_cb (SmmClient    *client,
          GPtrArray    *items,
          const GError *error,
          const gint64 *ids,
          guint         n_ids,
          gpointer      data)
{
  AccountCall *call = data;
  SmmTracker *self = g_task_get_source_object (call->task);
  Refresh *refresh = g_task_get_task_data (call->task);
  g_autoptr(GPtrArray) batch = NULL;
  guint n_failed = 0;

  call->n_answered += n_ids;
  if (items == NULL)
    {
      refresh->report.n_failed += n_ids;
      call_set_error (call, error);
      return;
    }

  batch = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      const GError *item_error = call->kind->item_error (items->pdata[i]);

      /* an id that the panel did not answer for itself was not answered */
      if (item_error && !smm_api_error_is_about_item (item_error))
        {
          if (call->kind->action)
            smm_store_learn_unsupported (self->store, call->account_id, call->kind->action, item_error);
          n_failed++;
          continue;
        }
      g_ptr_array_add (batch, g_object_ref (items->pdata[i]));
    }
  /* an id left out of the reply was not answered either */
  n_failed += n_ids - MIN (items->len, n_ids);
  refresh->report.n_failed += n_failed;
  if (batch->len == 0)
    return;

  call->pending++;
  call->kind->write_async (self->store, call->account_id, batch, NULL, batch_written_cb, call);
}

static void
asked_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  AccountCall *call = data;
  g_autoptr(GError) error = NULL;

  if (!call->kind->ask_finish (SMM_CLIENT (object), result, &error))
    call_set_error (call, error);
  call_step_done (call);
}

static void
ask (SmmTracker   *self,
     GTask        *task,
     const Kind   *kind,
     gint64        account_id,
     SmmClient    *client,
     GArray       *ids)
{
  Refresh *refresh = g_task_get_task_data (task);
  AccountCall *call = g_new0 (AccountCall, 1);

  call->task = g_object_ref (task);
  call->kind = kind;
  call->account_id = account_id;
  call->n_ids = ids->len;
  call->pending = 1;   /* the client's call */
  refresh->pending++;
  refresh->n_asked++;
  refresh->report.n_checked += ids->len;
  kind->ask_async (client, (gint64 *) ids->data, ids->len, batch_cb, call, g_task_get_cancellable (task),
                   asked_cb, call);
}

static GArray *
refill_ids (GPtrArray *active)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < active->len; i++)
    {
      gint64 id = smm_refill_get_id (active->pdata[i]);
      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * smm_tracker_refresh_async:
 *
 * Asks each panel about every order and refill of its account that is not
 * final, 100 ids a request, and records each batch of answers as it arrives.
 */
void
smm_tracker_refresh_async (SmmTracker          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
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
      g_autoptr(GPtrArray) active_refills = NULL;
      g_autoptr(SmmAccount) account = NULL;

      if (ids == NULL)
        {
          refresh->n_asked++;
          note_error (refresh, error);
          continue;
        }
      if (ids->len > 0)
        ask (self, task, &orders, account_id, client, ids);

      account = smm_store_get_account (self->store, account_id, NULL);
      if (account && !smm_account_supports (account, SMM_PANEL_ACTION_REFILL_STATUS))
        continue;
      active_refills = smm_store_list_refills (self->store, account_id, TRUE, NULL);
      if (active_refills && active_refills->len > 0)
        {
          g_autoptr(GArray) refill_ids_ = refill_ids (active_refills);

          ask (self, task, &refills, account_id, client, refill_ids_);
        }
    }
  refresh_step_done (g_steal_pointer (&task));
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
