/* smm-order-actions.c: refills, cancels and imports, each sent once and written down
 *
 * An action that has left is recorded whatever happens to its caller: a window closed
 * meanwhile does not lose the refill ids the panel gave. Without a store (the command-line
 * tool's --url), the panel's answers are only handed back. Placing one order is
 * smm-placement.c's; placing many is smm-order-actions-many.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-order-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-order-actions.h"

struct _SmmOrderActions
{
  GObject        parent_instance;

  SmmStore      *store;
  SmmClientPool *pool;
};

G_DEFINE_FINAL_TYPE (SmmOrderActions, smm_order_actions, G_TYPE_OBJECT)

static void
smm_order_actions_dispose (GObject *object)
{
  SmmOrderActions *self = SMM_ORDER_ACTIONS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pool);

  G_OBJECT_CLASS (smm_order_actions_parent_class)->dispose (object);
}

static void
smm_order_actions_class_init (SmmOrderActionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = smm_order_actions_dispose;
}

static void
smm_order_actions_init (SmmOrderActions *self)
{
}

/**
 * smm_order_actions_new:
 * @store: (nullable): the history that records every action; %NULL: nothing is recorded
 * @pool: the clients of the accounts' panels
 */
SmmOrderActions *
smm_order_actions_new (SmmStore      *store,
                       SmmClientPool *pool)
{
  SmmOrderActions *self;

  g_return_val_if_fail (store == NULL || SMM_IS_STORE (store), NULL);
  g_return_val_if_fail (SMM_IS_CLIENT_POOL (pool), NULL);

  self = g_object_new (SMM_TYPE_ORDER_ACTIONS, NULL);
  g_set_object (&self->store, store);
  self->pool = g_object_ref (pool);
  return self;
}

/* Returns: (transfer none) (nullable): the history, %NULL when nothing is recorded */
SmmStore *
smm_order_actions_get_store (SmmOrderActions *self)
{
  g_return_val_if_fail (SMM_IS_ORDER_ACTIONS (self), NULL);
  return self->store;
}

SmmClientPool *
smm_order_actions_get_pool (SmmOrderActions *self)
{
  g_return_val_if_fail (SMM_IS_ORDER_ACTIONS (self), NULL);
  return self->pool;
}

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

static SmmPanelAction
action_of (Action kind)
{
  return kind == ACTION_REFILL ? SMM_PANEL_ACTION_REFILL : SMM_PANEL_ACTION_CANCEL;
}

static const GError *
item_error (Action   kind,
            gpointer item)
{
  return kind == ACTION_REFILL ? smm_refill_get_error (item) : ((SmmCancelResult *) item)->error;
}

/* A panel without the action answers "Request Invalid", to the request or to each order of it:
 * learnt for the account, and told in words instead of the panel's. */
static gboolean
learn_unsupported (SmmOrderActions  *self,
                   ActionData       *action,
                   GPtrArray        *items,
                   GError          **error)
{
  const GError *answer = *error;
  GError *told;

  if (answer == NULL && items && items->len > 0)
    {
      for (guint i = 0; i < items->len; i++)
        if (!smm_api_error_means_unsupported (item_error (action->action, items->pdata[i])))
          return FALSE;
      answer = item_error (action->action, items->pdata[0]);
    }
  if (!smm_api_error_means_unsupported (answer))
    return FALSE;
  if (self->store)
    smm_store_learn_unsupported (self->store, action->account_id, action_of (action->action), answer);
  told = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s (%s)",
                       smm_panel_action_unsupported_message (action_of (action->action)), answer->message);
  g_clear_error (error);
  *error = told;
  return TRUE;
}

static void
action_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  SmmOrderActions *self = g_task_get_source_object (task);
  ActionData *action = g_task_get_task_data (task);
  SmmClient *client = SMM_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean recorded = FALSE;

  switch (action->action)
    {
    case ACTION_REFILL:
      items = smm_client_refill_finish (client, result, &error);
      recorded = items && (self->store == NULL ||
                           smm_store_record_refills (self->store, action->account_id, items, &error));
      break;
    case ACTION_CANCEL:
      items = smm_client_cancel_finish (client, result, &error);
      recorded = items && (self->store == NULL ||
                           smm_store_record_cancels (self->store, action->account_id, items, &error));
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

  if (action->action != ACTION_IMPORT && learn_unsupported (self, action, items, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!recorded)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

static void
action_start (SmmOrderActions     *self,
              Action               kind,
              gpointer             source_tag,
              gint64               account_id,
              const gint64        *ids,
              guint                n_ids,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ActionData *action = g_new0 (ActionData, 1);
  GError *error = NULL;
  SmmClient *client;

  g_task_set_source_tag (task, source_tag);
  /* a refill or cancel that has left is recorded whatever happens to the caller */
  g_task_set_check_cancellable (task, kind == ACTION_IMPORT);
  action->account_id = account_id;
  action->action = kind;
  g_task_set_task_data (task, action, g_free);

  if (kind == ACTION_IMPORT && self->store == NULL)
    {
      g_task_return_new_error (task, SMM_STORE_ERROR, SMM_STORE_ERROR_STATE,
                               _("Importing orders needs the order history."));
      return;
    }
  if (kind != ACTION_IMPORT && self->store)
    {
      g_autoptr(SmmAccount) account = smm_store_get_account (self->store, account_id, NULL);

      /* learnt from an earlier answer: nothing is sent */
      if (account && !smm_account_supports (account, action_of (kind)))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                                   smm_panel_action_unsupported_message (action_of (kind)));
          return;
        }
    }
  if (!(client = smm_client_pool_lookup (self->pool, account_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  switch (kind)
    {
    case ACTION_REFILL:
      smm_client_refill_async (client, ids, n_ids, cancellable, action_cb, g_steal_pointer (&task));
      break;
    case ACTION_CANCEL:
      smm_client_cancel_async (client, ids, n_ids, cancellable, action_cb, g_steal_pointer (&task));
      break;
    case ACTION_IMPORT:
      smm_client_status_async (client, ids, n_ids, cancellable, action_cb, g_steal_pointer (&task));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Asks for refills of orders (panel ids) and records each answer. */
void
smm_order_actions_refill_async (SmmOrderActions     *self,
                                gint64               account_id,
                                const gint64        *order_ids,
                                guint                n_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (SMM_IS_ORDER_ACTIONS (self));
  action_start (self, ACTION_REFILL, smm_order_actions_refill_async, account_id, order_ids, n_ids, cancellable,
                callback, user_data);
}

/* Returns: (transfer container) (element-type SmmRefill): per order, its refill or why not */
GPtrArray *
smm_order_actions_refill_finish (SmmOrderActions  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Asks to cancel orders (panel ids) and records each answer. */
void
smm_order_actions_cancel_async (SmmOrderActions     *self,
                                gint64               account_id,
                                const gint64        *order_ids,
                                guint                n_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (SMM_IS_ORDER_ACTIONS (self));
  action_start (self, ACTION_CANCEL, smm_order_actions_cancel_async, account_id, order_ids, n_ids, cancellable,
                callback, user_data);
}

/* Returns: (transfer container) (element-type SmmCancelResult): per order, accepted or why not */
GPtrArray *
smm_order_actions_cancel_finish (SmmOrderActions  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Adds orders placed elsewhere (on the panel's web site) to the history, with their status. */
void
smm_order_actions_import_async (SmmOrderActions     *self,
                                gint64               account_id,
                                const gint64        *order_ids,
                                guint                n_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (SMM_IS_ORDER_ACTIONS (self));
  action_start (self, ACTION_IMPORT, smm_order_actions_import_async, account_id, order_ids, n_ids, cancellable,
                callback, user_data);
}

/**
 * smm_order_actions_import_finish:
 * @n_added: (out) (optional): how many joined the history (not already there, known to the panel)
 *
 * Returns: (transfer container) (element-type SmmOrder): the panel's answer per id
 */
GPtrArray *
smm_order_actions_import_finish (SmmOrderActions  *self,
                                 GAsyncResult     *result,
                                 guint            *n_added,
                                 GError          **error)
{
  ActionData *action;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  action = g_task_get_task_data (G_TASK (result));
  if (n_added)
    *n_added = action->n_added;
  return g_task_propagate_pointer (G_TASK (result), error);
}
