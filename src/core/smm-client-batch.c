/* smm-client-batch.c: lists of ids split into batches of 100, a few requests at a time, the results gathered
 *
 * Each batch's result is reported as its reply arrives, on the caller's main
 * context: to the caller's SmmClientBatchFunc, or gathered into one array for
 * the calls that return every result at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-client-private.h"

typedef struct {
  const SmmClientBatchKind  *kind;
  GArray                    *ids;
  guint                      n_chunks;
  guint                      next_chunk;
  guint                      in_flight;
  /* reported one batch at a time */
  SmmClientBatchFunc         each;
  gpointer                   each_data;
  /* or gathered, in the order of the ids */
  GPtrArray                **chunk_results;
  guint                      n_failed;
  GError                    *first_error;
} Batch;

/* one request in flight, with a reference to the batch's task */
typedef struct {
  GTask *task;
  guint  chunk;
} ChunkCall;

static void
batch_free (Batch *batch)
{
  for (guint i = 0; i < batch->n_chunks; i++)
    g_clear_pointer (&batch->chunk_results[i], g_ptr_array_unref);
  g_free (batch->chunk_results);
  g_array_unref (batch->ids);
  g_clear_error (&batch->first_error);
  g_free (batch);
}

static const gint64 *
chunk_ids (Batch *batch,
           guint  chunk,
           guint *n_ids)
{
  guint first = chunk * SMM_BATCH_SIZE;

  *n_ids = MIN (SMM_BATCH_SIZE, batch->ids->len - first);
  return &g_array_index (batch->ids, gint64, first);
}

/* One item per id, each carrying @error. */
static GPtrArray *
failed_items (Batch        *batch,
              guint         chunk,
              const GError *error)
{
  guint n_ids;
  const gint64 *ids = chunk_ids (batch, chunk, &n_ids);
  GPtrArray *items = g_ptr_array_new_with_free_func (batch->kind->item_free);

  for (guint i = 0; i < n_ids; i++)
    g_ptr_array_add (items, batch->kind->failed_item (ids[i], error));
  return items;
}

/* One chunk's answer: @items, one per id, or NULL and the @error that failed the whole chunk. */
static void
batch_report (GTask        *task,
              guint         chunk,
              GPtrArray    *items,
              const GError *error)
{
  Batch *batch = g_task_get_task_data (task);
  guint n_ids;
  const gint64 *ids = chunk_ids (batch, chunk, &n_ids);

  if (batch->each != NULL)
    {
      batch->each (g_task_get_source_object (task), items, error, ids, n_ids, batch->each_data);
      g_clear_pointer (&items, g_ptr_array_unref);
      return;
    }
  if (items == NULL)
    {
      /* the whole chunk failed: each of its ids carries the reason */
      batch->n_failed++;
      items = failed_items (batch, chunk, error);
      if (batch->first_error == NULL)
        batch->first_error = g_error_copy (error);
    }
  batch->chunk_results[chunk] = items;
}

static void
batch_complete (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);
  GPtrArray *all;

  if (batch->each != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (batch->n_failed == batch->n_chunks && batch->n_chunks > 0)
    {
      g_task_return_error (task, g_steal_pointer (&batch->first_error));
      return;
    }

  all = g_ptr_array_new_with_free_func (batch->kind->item_free);
  for (guint i = 0; i < batch->n_chunks; i++)
    if (batch->chunk_results[i])
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&batch->chunk_results[i]));
  g_task_return_pointer (task, all, (GDestroyNotify) g_ptr_array_unref);
}

/* Once nothing is in flight any more. */
static void
batch_end (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);

  if (batch->kind->kind == SMM_CLIENT_REQUEST_READ && g_task_return_error_if_cancelled (task))
    return;
  /* a cancelled write: what was sent is answered, the rest was never sent */
  if (batch->next_chunk < batch->n_chunks)
    {
      g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         _("Not sent: cancelled"));

      for (guint c = batch->next_chunk; c < batch->n_chunks; c++)
        batch_report (task, c, failed_items (batch, c, cancelled), NULL);
    }
  batch_complete (task);
}

static void batch_launch (GTask *task);

static void
chunk_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  ChunkCall *call = data;
  g_autoptr(GTask) task = g_steal_pointer (&call->task);
  Batch *batch = g_task_get_task_data (task);
  guint chunk = call->chunk;
  guint n_ids;
  const gint64 *ids = chunk_ids (batch, chunk, &n_ids);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = smm_client_request_finish (SMM_CLIENT (object), result, &error);
  GPtrArray *items = NULL;

  g_free (call);
  batch->in_flight--;

  if (body != NULL)
    items = batch->kind->parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), ids, n_ids, &error);
  batch_report (task, chunk, items, error);

  if (batch->next_chunk < batch->n_chunks && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    batch_launch (task);
  else if (batch->in_flight == 0)
    batch_end (task);
}

static void
batch_launch (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);

  while (batch->in_flight < self->max_parallel && batch->next_chunk < batch->n_chunks)
    {
      guint chunk = batch->next_chunk++;
      guint n_ids;
      const gint64 *ids = chunk_ids (batch, chunk, &n_ids);
      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
      GString *joined = g_string_new (NULL);
      ChunkCall *call = g_new0 (ChunkCall, 1);

      for (guint i = 0; i < n_ids; i++)
        g_string_append_printf (joined, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
      g_ptr_array_add (params, g_strdup (batch->kind->ids_field));
      g_ptr_array_add (params, g_string_free (joined, FALSE));

      call->task = g_object_ref (task);
      call->chunk = chunk;
      batch->in_flight++;
      smm_client_request_send (self, batch->kind->action, params, batch->kind->kind,
                               g_task_get_cancellable (task), chunk_cb, call);
    }
}

/* Sends @ids (repeats and ids that are not positive left out) in batches; with
 * @each, reports each batch to it and finishes with smm_client_batch_each_finish(),
 * else gathers every result for smm_client_batch_finish(). */
void
smm_client_batch_start (SmmClient                *self,
                        const SmmClientBatchKind *kind,
                        gpointer                  source_tag,
                        const gint64             *ids,
                        guint                     n_ids,
                        SmmClientBatchFunc        each,
                        gpointer                  each_data,
                        GCancellable             *cancellable,
                        GAsyncReadyCallback       callback,
                        gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;
  g_autoptr(GHashTable) seen = NULL;

  g_return_if_fail (SMM_IS_CLIENT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  batch = g_new0 (Batch, 1);
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, kind->kind == SMM_CLIENT_REQUEST_READ);
  batch->kind = kind;
  batch->each = each;
  batch->each_data = each_data;
  batch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      if (ids[i] <= 0 || g_hash_table_contains (seen, &ids[i]))
        continue;
      g_hash_table_add (seen, (gpointer) &ids[i]);
      g_array_append_val (batch->ids, ids[i]);
    }
  batch->n_chunks = (batch->ids->len + SMM_BATCH_SIZE - 1) / SMM_BATCH_SIZE;
  batch->chunk_results = g_new0 (GPtrArray *, MAX (batch->n_chunks, 1));
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);

  if (batch->n_chunks == 0)
    batch_complete (task);
  else if (kind->kind == SMM_CLIENT_REQUEST_READ && g_cancellable_is_cancelled (cancellable))
    batch_end (task);  /* a read cancelled already: nothing to send, nothing to report */
  else
    batch_launch (task);
}

GPtrArray *
smm_client_batch_finish (SmmClient     *self,
                         GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
smm_client_batch_each_finish (SmmClient     *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
