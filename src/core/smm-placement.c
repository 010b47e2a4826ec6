/* smm-placement.c: placing one order, the operation: recorded before it is sent, settled after
 *
 * An `add` spends money, so it is sent once and never again on its own. The placement checks
 * the order, writes it into the history as "submitting" before the request leaves, sends
 * `add`, and records the outcome: placed with the panel's id (kept in the store's journal when the
 * database cannot take it, see smm-store-journal.c), rejected with the panel's words
 * (nothing was charged), or unconfirmed when the answer was lost or unclear (the user settles
 * it). Whatever happens, SmmPlacement:order is the order as the history has it.
 *
 * Without a store (the command-line tool's --url), nothing is recorded: the order is the
 * panel's id and what was asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-placement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-api-error.h"
#include "smm-placement.h"

struct _SmmPlacement
{
  GObject          parent_instance;

  SmmOrderActions *actions;
  gint64           account_id;
  SmmService      *service;
  SmmOrderRequest *request;
  SmmOrder        *order;
  gboolean         started;
};

G_DEFINE_FINAL_TYPE (SmmPlacement, smm_placement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
smm_placement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmmPlacement *self = SMM_PLACEMENT (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_placement_dispose (GObject *object)
{
  SmmPlacement *self = SMM_PLACEMENT (object);

  g_clear_object (&self->actions);
  g_clear_object (&self->service);
  g_clear_pointer (&self->request, smm_order_request_unref);
  g_clear_object (&self->order);

  G_OBJECT_CLASS (smm_placement_parent_class)->dispose (object);
}

static void
smm_placement_class_init (SmmPlacementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = smm_placement_get_property;
  object_class->dispose = smm_placement_dispose;

  /**
   * SmmPlacement:order:
   *
   * The order as the history has it: %NULL before it is recorded (and when it was refused
   * before being written), then submitting, then placed, rejected or unconfirmed.
   */
  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SMM_TYPE_ORDER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_placement_init (SmmPlacement *self)
{
}

/**
 * smm_placement_new:
 * @actions: the store and clients to place with
 * @account_id: the account to place on
 * @service: the service, from @account_id's catalogue
 * @request: the order's fields (kept: don't change it afterwards)
 */
SmmPlacement *
smm_placement_new (SmmOrderActions *actions,
                   gint64           account_id,
                   SmmService      *service,
                   SmmOrderRequest *request)
{
  SmmPlacement *self;

  g_return_val_if_fail (SMM_IS_ORDER_ACTIONS (actions), NULL);
  g_return_val_if_fail (SMM_IS_SERVICE (service), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  self = g_object_new (SMM_TYPE_PLACEMENT, NULL);
  self->actions = g_object_ref (actions);
  self->account_id = account_id;
  self->service = g_object_ref (service);
  self->request = smm_order_request_ref (request);
  return self;
}

gint64
smm_placement_get_account_id (SmmPlacement *self)
{
  g_return_val_if_fail (SMM_IS_PLACEMENT (self), 0);
  return self->account_id;
}

/* Returns: (transfer none) (nullable): see SmmPlacement:order */
SmmOrder *
smm_placement_get_order (SmmPlacement *self)
{
  g_return_val_if_fail (SMM_IS_PLACEMENT (self), NULL);
  return self->order;
}

static void
set_order (SmmPlacement *self,
           SmmOrder     *order)
{
  if (g_set_object (&self->order, order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

/* The order as the history now has it, after its outcome was written. */
static void
reread_order (SmmPlacement *self)
{
  SmmStore *store = smm_order_actions_get_store (self->actions);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) order = smm_store_get_order (store, smm_order_get_local_id (self->order), &error);

  if (order == NULL)
    g_warning ("Could not read order %" G_GINT64_FORMAT " again: %s", smm_order_get_local_id (self->order),
               error->message);
  else
    set_order (self, order);
}

/* Without a history: what was asked, and the panel's id. */
static SmmOrder *
order_in_memory (SmmPlacement *self,
                 gint64        panel_id)
{
  SmmOrder *order = smm_order_new (panel_id);

  smm_order_set_account_id (order, self->account_id);
  smm_order_set_service_id (order, smm_service_get_id (self->service));
  smm_order_set_service_name (order, smm_service_get_name (self->service));
  smm_order_set_link (order, smm_order_request_get (self->request, SMM_FIELD_LINK));
  smm_order_set_quantity (order, smm_order_request_get_quantity (self->request));
  smm_order_set_status (order, SMM_ORDER_STATUS_PENDING);
  return order;
}

static void
add_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(GTask) task = data;
  SmmPlacement *self = g_task_get_source_object (task);
  SmmStore *store = smm_order_actions_get_store (self->actions);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  gint64 panel_id = smm_client_add_finish (SMM_CLIENT (object), result, &error);
  gint64 local_id;

  if (store == NULL)
    {
      if (panel_id > 0)
        {
          g_autoptr(SmmOrder) order = order_in_memory (self, panel_id);

          set_order (self, order);
          g_task_return_boolean (task, TRUE);
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  local_id = smm_order_get_local_id (self->order);
  if (panel_id > 0)
    {
      if (smm_store_order_placed (store, local_id, panel_id, &store_error))
        reread_order (self);
      else if (!g_error_matches (store_error, SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_SAVED))
        {
          /* the id is on the order, in memory only: the message says it, to be noted */
          g_task_return_error (task, g_steal_pointer (&store_error));
          return;
        }
      /* placed: in the history, or in its journal until the history can be written (the order
       * says "not yet saved") */
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* rejected: the panel said no, or nothing left; anything else may have been placed */
  if (error->domain == SMM_API_ERROR && error->code != SMM_API_ERROR_OUTCOME_UNKNOWN)
    smm_store_order_rejected (store, local_id, error, &store_error);
  else
    smm_store_order_unconfirmed (store, local_id, error, &store_error);
  if (store_error)
    g_warning ("Could not record the outcome of order %" G_GINT64_FORMAT ": %s", local_id, store_error->message);
  reread_order (self);
  g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * smm_placement_run_async:
 * @cancellable: (nullable): stops it only before the request leaves; an `add` that has left
 *   is waited for and recorded
 *
 * Checks the order, records it as "submitting", sends `add` once, and records the outcome.
 * A placement runs once.
 */
void
smm_placement_run_async (SmmPlacement        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SmmStore *store;
  SmmClient *client;
  GError *error = NULL;

  g_return_if_fail (SMM_IS_PLACEMENT (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_placement_run_async);
  g_task_set_check_cancellable (task, FALSE);

  store = smm_order_actions_get_store (self->actions);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!(client = smm_client_pool_lookup (smm_order_actions_get_pool (self->actions), self->account_id, &error)) ||
      !smm_order_request_validate (self->request, self->service, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (store)
    {
      g_autoptr(SmmOrder) order = smm_store_begin_order (store, self->account_id, self->service, self->request,
                                                         &error);
      if (order == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      set_order (self, order);
    }
  /* no cancellable: once it has left, the answer is waited for */
  smm_client_add_async (client, self->request, NULL, add_cb, g_steal_pointer (&task));
}

/**
 * smm_placement_run_finish:
 *
 * Returns: %TRUE when the panel took the order (SmmPlacement:order has its id, and is "not yet
 * saved" while only the journal holds it); otherwise the reason, %SMM_API_ERROR_OUTCOME_UNKNOWN
 * when it may have been placed, %SMM_STORE_ERROR_SQL when it was placed but neither the history
 * nor its journal could record it (the order has its id, in memory)
 */
gboolean
smm_placement_run_finish (SmmPlacement  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
