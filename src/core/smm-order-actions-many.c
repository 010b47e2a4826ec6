/* smm-order-actions-many.c: placing the ready lines of a mass order, one after the other
 *
 * Each line is placed as one order is (SmmPlacement: recorded before `add` leaves, never
 * sent twice), in file order. The caller's GCancellable is looked at between lines only: an
 * `add` that has left is always waited for and recorded. Placing also stops by itself when
 * an answer says the next lines would fare no better (no funds, a bad key, the panel
 * unreachable) or could not be known (an unconfirmed order: the user must look first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-order-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-api-error.h"
#include "smm-mass-order-line-private.h"
#include "smm-mass-order-private.h"
#include "smm-order-actions.h"
#include "smm-placement.h"

typedef struct {
  SmmMassOrder       *mass;
  gint64              account_id;
  guint               next;
  gboolean            stop;
  SmmMassOrderReport  report;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->mass);
  g_free (run);
}

/* Would the next lines fare any better? Only when the panel refused this one for itself. */
static gboolean
is_about_line (const GError *error)
{
  if (error->domain != SMM_API_ERROR)
    return FALSE;
  switch (error->code)
    {
    case SMM_API_ERROR_BAD_LINK:
    case SMM_API_ERROR_QUANTITY_TOO_LOW:
    case SMM_API_ERROR_QUANTITY_TOO_HIGH:
    case SMM_API_ERROR_INCORRECT_SERVICE:
    case SMM_API_ERROR_DUPLICATE_ORDER:
    case SMM_API_ERROR_INCORRECT_REQUEST:
    case SMM_API_ERROR_PANEL:
    case SMM_API_ERROR_INVALID_INPUT:
      return TRUE;
    default:
      return FALSE;
    }
}

static void place_next (GTask *task);

static void
place_line_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  SmmPlacement *placement = SMM_PLACEMENT (object);
  Run *run = g_task_get_task_data (task);
  SmmMassOrderLine *line = smm_mass_order_get_line (run->mass, run->next);
  g_autoptr(GError) error = NULL;
  gboolean placed = smm_placement_run_finish (placement, result, &error);

  smm_mass_order_line_set_order (line, smm_placement_get_order (placement));
  if (placed)
    {
      run->report.n_placed++;
      smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_PLACED, NULL);
    }
  else if (g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN))
    {
      run->report.n_unconfirmed++;
      run->stop = TRUE;
      smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_UNCONFIRMED, error);
    }
  else if (error->domain == SMM_API_ERROR)
    {
      /* what the tracker records as rejected: nothing was charged */
      run->report.n_rejected++;
      run->stop = !is_about_line (error);
      smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_REJECTED, error);
    }
  else
    {
      /* the history could not be written, or the account has no client: stop at once */
      run->report.n_failed++;
      run->stop = TRUE;
      smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_FAILED, error);
    }
  if (run->stop)
    run->report.stopped_at = smm_mass_order_line_get_line (line);

  smm_mass_order_emit_line_finished (run->mass, line);
  run->next++;
  place_next (g_steal_pointer (&task));
}

/* Takes @task. */
static void
place_next (GTask *task)
{
  SmmOrderActions *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint n_lines = smm_mass_order_get_n_lines (run->mass);
  SmmMassOrderLine *line = NULL;
  g_autoptr(SmmPlacement) placement = NULL;

  if (g_cancellable_is_cancelled (cancellable) && !run->stop)
    {
      run->report.cancelled = TRUE;
      run->stop = TRUE;
    }

  for (; run->next < n_lines; run->next++)
    {
      SmmMassOrderLine *candidate = smm_mass_order_get_line (run->mass, run->next);
      SmmMassOrderState state = smm_mass_order_line_get_state (candidate);

      if (state != SMM_MASS_ORDER_STATE_READY && state != SMM_MASS_ORDER_STATE_SKIPPED)
        continue;
      if (run->stop)
        {
          run->report.n_skipped++;
          smm_mass_order_line_set_state (candidate, SMM_MASS_ORDER_STATE_SKIPPED, NULL);
          continue;
        }
      line = candidate;
      break;
    }

  if (line == NULL)
    {
      smm_mass_order_set_placing (run->mass, FALSE);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_SENDING, NULL);
  /* no cancellable: an `add` that has left is waited for and recorded */
  placement = smm_placement_new (self, run->account_id, smm_mass_order_line_get_service (line),
                                 smm_mass_order_line_get_request (line));
  smm_placement_run_async (placement, NULL, place_line_cb, task);
}

/**
 * smm_order_actions_place_many_async:
 * @mass: the orders, checked against @account_id's catalogue
 * @account_id: the account whose catalogue the lines were checked against
 * @cancellable: (nullable): stops placing between two lines, never during one
 *
 * Places every ready line (and every line a stop left unsent) in file order,
 * each as a single order would be placed. Each line's state says how it went;
 * #SmmMassOrder::line-finished follows each answer.
 */
void
smm_order_actions_place_many_async (SmmOrderActions     *self,
                                    SmmMassOrder        *mass,
                                    gint64               account_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  Run *run;
  guint n_ready = 0;

  g_return_if_fail (SMM_IS_ORDER_ACTIONS (self));
  g_return_if_fail (SMM_IS_MASS_ORDER (mass));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_order_actions_place_many_async);
  /* the outcome of what was sent is returned even when the caller stopped it */
  g_task_set_check_cancellable (task, FALSE);

  if (smm_mass_order_is_placing (mass))
    {
      g_task_return_new_error (task, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_BUSY,
                               _("These orders are being placed already."));
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < smm_mass_order_get_n_lines (mass); i++)
    {
      SmmMassOrderLine *line = smm_mass_order_get_line (mass, i);
      SmmMassOrderState state = smm_mass_order_line_get_state (line);
      n_ready += state == SMM_MASS_ORDER_STATE_READY || state == SMM_MASS_ORDER_STATE_SKIPPED;
    }
  if (n_ready == 0)
    {
      g_task_return_new_error (task, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_NOTHING_READY,
                               _("No order is ready to be placed."));
      g_object_unref (task);
      return;
    }

  run = g_new0 (Run, 1);
  run->mass = g_object_ref (mass);
  run->account_id = account_id;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  smm_mass_order_set_placing (mass, TRUE);
  place_next (task);
}

/**
 * smm_order_actions_place_many_finish:
 * @report: (out) (optional): how many were placed, rejected, unconfirmed, not sent
 *
 * Returns: %TRUE when placing ran (each line tells how it went); %FALSE when it
 * could not start
 */
gboolean
smm_order_actions_place_many_finish (SmmOrderActions     *self,
                                     GAsyncResult        *result,
                                     SmmMassOrderReport  *report,
                                     GError             **error)
{
  Run *run;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (report)
    {
      if (run)
        *report = run->report;
      else
        memset (report, 0, sizeof *report);
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}
