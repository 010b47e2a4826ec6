/* smm-store-worker.c: the store's work off the main thread
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
  GTask       *task;
  SmmStoreJob  job;    /* NULL: stop */
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

static gboolean
release_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The worker's reference to @task (and so maybe the last one to the store) goes on the task's
 * own context, after its callback: the store is finalized there, not here. */
static void
release_on_context (GTask *task)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, release_cb, task, g_object_unref);
  g_source_set_static_name (source, "[smm-store] release");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static gpointer
worker_thread (gpointer data)
{
  WorkerState *state = data;
  g_autoptr(SmmStore) connection = NULL;
  WorkerJob *item;

  while ((item = g_async_queue_pop (state->jobs))->job != NULL)
    {
      GTask *task = item->task;
      GError *error = NULL;

      if (g_task_return_error_if_cancelled (task))
        ;
      else if (connection == NULL && (connection = open_worker_connection (state->path, &error)) == NULL)
        g_task_return_error (task, error);
      else
        item->job (connection, task, g_task_get_task_data (task));
      release_on_context (task);
      g_free (item);
    }
  g_free (item);
  g_clear_object (&connection);
  g_async_queue_unref (state->jobs);
  g_free (state->path);
  g_free (state);
  return NULL;
}

/* Runs @job on the worker, after the jobs asked before it; takes @task. */
void
_smm_store_run_in_worker (SmmStore    *self,
                          GTask       *task,
                          SmmStoreJob  job)
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
  g_async_queue_push (self->jobs, item);
}

/* From the store's finalize: no job is left (each held the store), so the worker ends at once. */
void
_smm_store_stop_worker (SmmStore *self)
{
  if (self->worker == NULL)
    return;
  g_async_queue_push (self->jobs, g_new0 (WorkerJob, 1));
  if (self->worker == g_thread_self ())
    g_thread_unref (g_steal_pointer (&self->worker));   /* a job let go of the store: it ends after it */
  else
    g_thread_join (g_steal_pointer (&self->worker));
  g_clear_pointer (&self->jobs, g_async_queue_unref);
}

static void
store_call_free (SmmStoreCall *call)
{
  g_clear_pointer (&call->since, g_date_time_unref);
  g_clear_pointer (&call->services, g_ptr_array_unref);
  g_clear_pointer (&call->replies, g_ptr_array_unref);
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

/* Gives the task @result, or @error when @result is %NULL */
void
_smm_store_return (GTask          *task,
                   gpointer        result,
                   GDestroyNotify  result_destroy,
                   GError         *error)
{
  if (result)
    g_task_return_pointer (task, result, result_destroy);
  else
    g_task_return_error (task, error);
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
