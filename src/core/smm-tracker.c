/* smm-tracker.c: keeps the book up to date with the panels, and writes every action into it
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

  SmmStore   *store;
  GHashTable *clients;     /* account id → SmmClient */
  guint       interval;
  guint       timer_id;
  guint       n_refreshing;
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

static void
smm_tracker_dispose (GObject *object)
{
  SmmTracker *self = (SmmTracker *) object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (smm_tracker_parent_class)->dispose (object);
}

static void
smm_tracker_class_init (SmmTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smm_tracker_dispose;

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
  self->clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->interval = SMM_TRACKER_DEFAULT_INTERVAL;
}

SmmTracker *
smm_tracker_new (SmmStore *store)
{
  SmmTracker *self = g_object_new (SMM_TYPE_TRACKER, NULL);

  self->store = g_object_ref (store);
  return self;
}

SmmStore *
smm_tracker_get_store (SmmTracker *self)
{
  return self->store;
}

/* The client that talks to @account_id's panel; %NULL forgets it. */
void
smm_tracker_set_client (SmmTracker *self,
                        gint64      account_id,
                        SmmClient  *client)
{
  g_return_if_fail (SMM_IS_TRACKER (self));

  if (client)
    g_hash_table_replace (self->clients, g_memdup2 (&account_id, sizeof account_id), g_object_ref (client));
  else
    g_hash_table_remove (self->clients, &account_id);
}

SmmClient *
smm_tracker_get_client (SmmTracker *self,
                        gint64      account_id)
{
  return g_hash_table_lookup (self->clients, &account_id);
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
smm_tracker_is_refreshing (SmmTracker *self)
{
  return self->n_refreshing > 0;
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

  self->n_refreshing--;
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
  GHashTableIter iter;
  gpointer key, value;

  g_task_set_source_tag (task, smm_tracker_refresh_async);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  self->n_refreshing++;
  refresh->pending = 1;   /* held until every request is out */

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 account_id = *(gint64 *) key;
      SmmClient *client = value;
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

/* ---------------------------------------------------------------------------------------------
 * Placing an order
 */

static SmmClient *
client_or_error (SmmTracker  *self,
                 gint64       account_id,
                 GError     **error)
{
  SmmClient *client = smm_tracker_get_client (self, account_id);

  if (client == NULL)
    g_set_error_literal (error, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE,
                         _("This account has no connection to its panel (no API key?)."));
  return client;
}

static void
place_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GTask) task = data;
  SmmTracker *self = g_task_get_source_object (task);
  gint64 local_id = smm_order_get_local_id (g_task_get_task_data (task));
  SmmOrder *order;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  gint64 panel_id = smm_client_add_finish (SMM_CLIENT (object), result, &error);

  if (panel_id > 0)
    {
      if (!smm_store_order_placed (self->store, local_id, panel_id, &store_error))
        {
          g_task_return_new_error (task, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
                                   _("Order %" PRId64 " was placed, but could not be recorded: %s"),
                                   panel_id, store_error->message);
          return;
        }
      order = smm_store_get_order (self->store, local_id, &store_error);
      if (order == NULL)
        g_task_return_error (task, g_steal_pointer (&store_error));
      else
        g_task_return_pointer (task, order, g_object_unref);
      return;
    }

  /* rejected: the panel said no, or nothing left; anything else may have been placed */
  if (error->domain == SMM_API_ERROR && error->code != SMM_API_ERROR_OUTCOME_UNKNOWN)
    smm_store_order_rejected (self->store, local_id, error, &store_error);
  else
    smm_store_order_unconfirmed (self->store, local_id, error, &store_error);
  if (store_error)
    g_warning ("Could not record the outcome of order %" G_GINT64_FORMAT ": %s", local_id, store_error->message);
  g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * smm_tracker_place_async:
 *
 * Checks the order, records it as "submitting", sends `add` once, and records
 * the outcome: placed with the panel's id, rejected with the panel's words, or
 * unconfirmed when the answer was lost. It is never sent again on its own.
 */
void
smm_tracker_place_async (SmmTracker          *self,
                         gint64               account_id,
                         SmmService          *service,
                         SmmOrderRequest     *request,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  SmmClient *client;
  SmmOrder *order;

  g_task_set_source_tag (task, smm_tracker_place_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!(client = client_or_error (self, account_id, &error)) ||
      !smm_order_request_validate (request, service, &error) ||
      !(order = smm_store_begin_order (self->store, account_id, service, request, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, order, g_object_unref);
  smm_client_add_async (client, request, cancellable, place_cb, g_steal_pointer (&task));
}

/**
 * smm_tracker_place_finish:
 *
 * Returns: (transfer full): the order as recorded, with the panel's id
 */
SmmOrder *
smm_tracker_place_finish (SmmTracker    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * smm_tracker_place_dup_order:
 * @result: the result given to the callback of smm_tracker_place_async()
 *
 * Whatever the outcome, the order as the history now has it: placed, rejected or
 * unconfirmed (so that an unconfirmed one can be shown with its number and settled).
 *
 * Returns: (transfer full) (nullable): %NULL when nothing was recorded (the
 * request was refused before it was written)
 */
SmmOrder *
smm_tracker_place_dup_order (SmmTracker   *self,
                             GAsyncResult *result)
{
  SmmOrder *begun;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  begun = g_task_get_task_data (G_TASK (result));
  if (begun == NULL)
    return NULL;
  return smm_store_get_order (self->store, smm_order_get_local_id (begun), NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Refill, cancel, import
 */

typedef enum {
  ACTION_REFILL,
  ACTION_CANCEL,
  ACTION_IMPORT,
} Action;

typedef struct {
  gint64 account_id;
  Action action;
  guint  n_added;
} ActionData;

static void
action_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  SmmTracker *self = g_task_get_source_object (task);
  ActionData *action = g_task_get_task_data (task);
  SmmClient *client = SMM_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean recorded = FALSE;

  switch (action->action)
    {
    case ACTION_REFILL:
      items = smm_client_refill_finish (client, result, &error);
      recorded = items && smm_store_record_refills (self->store, action->account_id, items, &error);
      break;
    case ACTION_CANCEL:
      items = smm_client_cancel_finish (client, result, &error);
      recorded = items && smm_store_record_cancels (self->store, action->account_id, items, &error);
      break;
    case ACTION_IMPORT:
      items = smm_client_status_finish (client, result, &error);
      if (items)
        {
          g_autoptr(GPtrArray) added = smm_store_import_orders (self->store, action->account_id, items, &error);
          recorded = added != NULL;
          action->n_added = added ? added->len : 0;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!recorded)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

static void
action_start (SmmTracker          *self,
              Action               kind,
              gpointer             source_tag,
              gint64               account_id,
              const gint64        *ids,
              guint                n_ids,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ActionData *action = g_new0 (ActionData, 1);
  GError *error = NULL;
  SmmClient *client;

  g_task_set_source_tag (task, source_tag);
  /* a refill or cancel that has left is recorded whatever happens to the caller */
  g_task_set_check_cancellable (task, kind == ACTION_IMPORT);
  action->account_id = account_id;
  action->action = kind;
  g_task_set_task_data (task, action, g_free);

  if (!(client = client_or_error (self, account_id, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  switch (kind)
    {
    case ACTION_REFILL:
      smm_client_refill_async (client, ids, n_ids, cancellable, action_cb, task);
      break;
    case ACTION_CANCEL:
      smm_client_cancel_async (client, ids, n_ids, cancellable, action_cb, task);
      break;
    case ACTION_IMPORT:
      smm_client_status_async (client, ids, n_ids, cancellable, action_cb, task);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Asks for refills of orders (panel ids) and records each answer. */
void
smm_tracker_refill_async (SmmTracker          *self,
                          gint64               account_id,
                          const gint64        *order_ids,
                          guint                n_ids,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  action_start (self, ACTION_REFILL, smm_tracker_refill_async, account_id, order_ids, n_ids, cancellable,
                callback, user_data);
}

/* Returns: (transfer container) (element-type SmmRefill): per order, its refill or why not */
GPtrArray *
smm_tracker_refill_finish (SmmTracker    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
smm_tracker_cancel_async (SmmTracker          *self,
                          gint64               account_id,
                          const gint64        *order_ids,
                          guint                n_ids,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  action_start (self, ACTION_CANCEL, smm_tracker_cancel_async, account_id, order_ids, n_ids, cancellable,
                callback, user_data);
}

/* Returns: (transfer container) (element-type SmmCancelResult) */
GPtrArray *
smm_tracker_cancel_finish (SmmTracker    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Adds orders placed elsewhere (on the panel's web site) to the history, with their status. */
void
smm_tracker_import_async (SmmTracker          *self,
                          gint64               account_id,
                          const gint64        *order_ids,
                          guint                n_ids,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  action_start (self, ACTION_IMPORT, smm_tracker_import_async, account_id, order_ids, n_ids, cancellable,
                callback, user_data);
}

/**
 * smm_tracker_import_finish:
 * @n_added: (out) (optional): how many joined the history (not already there, known to the panel)
 *
 * Returns: (transfer container) (element-type SmmOrder): the panel's answer per id
 */
GPtrArray *
smm_tracker_import_finish (SmmTracker    *self,
                           GAsyncResult  *result,
                           guint         *n_added,
                           GError       **error)
{
  ActionData *action = g_task_get_task_data (G_TASK (result));

  if (n_added)
    *n_added = action->n_added;
  return g_task_propagate_pointer (G_TASK (result), error);
}
