/* smm-store-worker.c: the store's one ordered worker thread, on a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "smm-store-private.h"

/* ---------------------------------------------------------------------------------------------
 * Work off the main thread
 *
 * A catalogue of 10,000 services takes ~30 ms to read and ~40 ms to write, the ids of 100,000
 * orders ~40 ms to read, a refresh of 10,000 orders writes 100 batches of statuses
 * (benchmarks/README.md): too long for a window's main loop. That work runs in one worker
 * thread of the store, one job after another in the order they were asked, on a connection of
 * its own to the same file, opened at the first job and kept until the store is finalized
 * (SQLite's WAL lets it read beside the main connection, and write after it, waiting up to the
 * busy timeout). One thread in order, not a thread per call: two writes never race each other
 * for the lock, and a read asked after a write sees it.
 *
 * A job is a GTask: it holds the store, so the store outlives the jobs queued on it. Results
 * reach the caller on the main context the call was made on (the task's), in the order asked.
 * The worker touches nothing the main thread owns: its connection is a store of its own, with
 * no worker and no live orders, and it hands back new objects, which the _finish functions
 * merge on the main thread.
 */

typedef struct {
  GTask          *task;
  SmmStoreJob     job;              /* NULL: stop */
  GDestroyNotify  result_destroy;
  gpointer        result;           /* what the job made, for the task */
  GError         *error;
} WorkerJob;

typedef struct {
  GAsyncQueue *jobs;
  char        *path;
} WorkerState;

static SmmStore *
open_worker_connection (const char  *path,
                        GError     **error)
{
  g_autoptr(SmmStore) self = g_object_new (SMM_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot open the order history %s (%s)."), path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!_smm_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !_smm_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
worker_job_free (WorkerJob *item)
{
  if (item->result && item->result_destroy)
    item->result_destroy (item->result);
  g_clear_error (&item->error);
  g_clear_object (&item->task);
  g_free (item);
}

/* On the task's context: the task is returned there, and let go of there, so its callback
 * runs on the caller's main context and the store (which the task holds) is finalized there,
 * never on the worker, which finalizing the store waits for. A task that does not check its
 * cancellable (a write that commits what it did) gets what the job made even when cancelled
 * meanwhile. */
static gboolean
return_cb (gpointer data)
{
  WorkerJob *item = data;

  if (g_task_get_check_cancellable (item->task) && g_task_return_error_if_cancelled (item->task))
    return G_SOURCE_REMOVE;
  if (item->result)
    g_task_return_pointer (item->task, g_steal_pointer (&item->result), item->result_destroy);
  else
    g_task_return_error (item->task, g_steal_pointer (&item->error));
  return G_SOURCE_REMOVE;
}

static gpointer
worker_thread (gpointer data)
{
  WorkerState *state = data;
  g_autoptr(SmmStore) connection = NULL;
  WorkerJob *item;

  while ((item = g_async_queue_pop (state->jobs))->job != NULL)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (item->task), &item->error))
        ;   /* returned as cancelled */
      else if (connection == NULL && (connection = open_worker_connection (state->path, &item->error)) == NULL)
        ;
      else
        item->result = item->job (connection, g_task_get_task_data (item->task), &item->error);
      g_source_set_callback (source, return_cb, item, (GDestroyNotify) worker_job_free);
      g_source_set_static_name (source, "[smm-store] return");
      g_source_attach (source, g_task_get_context (item->task));
    }
  g_free (item);
  g_clear_object (&connection);
  g_async_queue_unref (state->jobs);
  g_free (state->path);
  g_free (state);
  return NULL;
}

/* Runs @job on the worker, after the jobs asked before it, then returns what it made (freed with
 * @result_destroy) or its error to @task, on the task's context. Takes @task. */
void
_smm_store_run_in_worker (SmmStore       *self,
                          GTask          *task,
                          SmmStoreJob     job,
                          GDestroyNotify  result_destroy)
{
  WorkerJob *item = g_new0 (WorkerJob, 1);

  g_return_if_fail (job != NULL);
  if (self->worker == NULL)
    {
      WorkerState *state = g_new0 (WorkerState, 1);

      self->jobs = g_async_queue_new ();
      state->jobs = g_async_queue_ref (self->jobs);
      state->path = g_strdup (self->path);
      self->worker = g_thread_new ("smm-store", worker_thread, state);
    }
  item->task = task;
  item->job = job;
  item->result_destroy = result_destroy;
  g_async_queue_push (self->jobs, item);
}

/* From the store's finalize: no job is left (each held the store), so the worker ends at once. */
void
_smm_store_stop_worker (SmmStore *self)
{
  if (self->worker == NULL)
    return;
  g_async_queue_push (self->jobs, g_new0 (WorkerJob, 1));
  g_thread_join (g_steal_pointer (&self->worker));
  g_clear_pointer (&self->jobs, g_async_queue_unref);
}

static void
store_call_free (SmmStoreCall *call)
{
  g_clear_pointer (&call->since, g_date_time_unref);
  g_clear_pointer (&call->services, g_ptr_array_unref);
  g_clear_pointer (&call->replies, g_ptr_array_unref);
  g_clear_object (&call->cancellable);
  g_free (call->search);
  g_free (call->sort_key);
  g_free (call);
}

/* A task for the worker, and the call it carries */
GTask *
_smm_store_call_task (SmmStore             *self,
                      gpointer              source_tag,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data,
                      SmmStoreCall        **call)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  *call = g_new0 (SmmStoreCall, 1);
  g_task_set_task_data (task, *call, (GDestroyNotify) store_call_free);
  return task;
}

/* Keeps a copy of @query, its search text with it */
void
_smm_store_call_set_query (SmmStoreCall        *call,
                           const SmmOrderQuery *query)
{
  call->query = *query;
  call->search = g_strdup (query->search);
  call->query.search = call->search;
}
