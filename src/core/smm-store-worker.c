/* smm-store-worker.c: the store's work off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "smm-spending.h"
#include "smm-store-private.h"

/* ---------------------------------------------------------------------------------------------
 * Work off the main thread
 *
 * A catalogue of 10,000 services takes ~30 ms to read and ~40 ms to write, the ids of 100,000
 * orders ~40 ms to read (benchmarks/README.md): too long for a window's main loop. These run in a
 * worker, on a connection of its own to the same file (SQLite's WAL lets it read beside the main
 * connection, and write after it, waiting up to the busy timeout).
 */

static SmmStore *
open_worker_connection (const char  *path,
                        gboolean     writing,
                        GError     **error)
{
  g_autoptr(SmmStore) self = g_object_new (SMM_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, (writing ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_OPEN,
                   _("Cannot open the order history %s (%s)."), path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (writing && (!_smm_store_exec (self, "PRAGMA synchronous = FULL", error) ||
                  !_smm_store_exec (self, "PRAGMA foreign_keys = ON", error)))
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct {
  char          *path;
  gint64         account_id;
  GDateTime     *since;
  GPtrArray     *services;
  SmmOrderQuery  query;
  char          *search;
  char          *sort_key;
  gboolean       descending;
} WorkerCall;

static void
worker_call_free (WorkerCall *call)
{
  g_free (call->path);
  g_clear_pointer (&call->since, g_date_time_unref);
  g_clear_pointer (&call->services, g_ptr_array_unref);
  g_free (call->search);
  g_free (call->sort_key);
  g_free (call);
}

static GTask *
worker_task (SmmStore            *self,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             WorkerCall         **call)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  *call = g_new0 (WorkerCall, 1);
  (*call)->path = g_strdup (self->path);
  g_task_set_task_data (task, *call, (GDestroyNotify) worker_call_free);
  return task;
}

/* Every service's search key, made here rather than at the first key press */
static void
prepare_search_keys (GPtrArray *services)
{
  for (guint i = 0; i < services->len; i++)
    smm_service_get_search_key (services->pdata[i]);
}

static void
load_services_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  WorkerCall *call = data;
  GError *error = NULL;
  g_autoptr(SmmStore) reader = open_worker_connection (call->path, FALSE, &error);
  GPtrArray *services = reader ? smm_store_load_services (reader, call->account_id, NULL, &error) : NULL;

  if (services == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  prepare_search_keys (services);
  g_task_return_pointer (task, services, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * smm_store_load_services_async:
 *
 * Reads the cached catalogue in a worker, its services' search keys made.
 */
void
smm_store_load_services_async (SmmStore            *self,
                               gint64               account_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WorkerCall *call;
  g_autoptr(GTask) task = worker_task (self, smm_store_load_services_async, cancellable, callback, user_data,
                                       &call);

  call->account_id = account_id;
  g_task_run_in_thread (task, load_services_thread);
}

/* Returns: (transfer container) (element-type SmmService): the cached catalogue */
GPtrArray *
smm_store_load_services_finish (SmmStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_services_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  WorkerCall *call = data;
  GError *error = NULL;
  g_autoptr(SmmStore) writer = open_worker_connection (call->path, TRUE, &error);
  GPtrArray *changes = NULL;

  prepare_search_keys (call->services);
  if (writer == NULL || !smm_store_save_services_full (writer, call->account_id, call->services, &changes, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, changes, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * smm_store_save_services_async:
 * @services: (element-type SmmService): a fresh catalogue; leave it alone until the end
 *
 * Caches the catalogue in a worker, as smm_store_save_services_full() does, and makes its
 * services' search keys.
 */
void
smm_store_save_services_async (SmmStore            *self,
                               gint64               account_id,
                               GPtrArray           *services,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WorkerCall *call;
  g_autoptr(GTask) task = worker_task (self, smm_store_save_services_async, cancellable, callback, user_data,
                                       &call);

  call->account_id = account_id;
  call->services = g_ptr_array_ref (services);
  g_task_run_in_thread (task, save_services_thread);
}

/* Returns: (transfer container) (element-type SmmCatalogueChange): what changed since the last fetch */
GPtrArray *
smm_store_save_services_finish (SmmStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_order_ids_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  WorkerCall *call = data;
  GError *error = NULL;
  g_autoptr(SmmStore) reader = open_worker_connection (call->path, FALSE, &error);
  GArray *ids = reader ? smm_store_list_order_ids (reader, &call->query, call->sort_key, call->descending, &error)
                       : NULL;

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* As smm_store_list_order_ids(), in a worker */
void
smm_store_list_order_ids_async (SmmStore            *self,
                                const SmmOrderQuery *query,
                                const char          *sort_key,
                                gboolean             descending,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  WorkerCall *call;
  g_autoptr(GTask) task = worker_task (self, smm_store_list_order_ids_async, cancellable, callback, user_data,
                                       &call);

  call->query = *query;
  call->search = g_strdup (query->search);
  call->query.search = call->search;
  call->sort_key = g_strdup (sort_key);
  call->descending = descending;
  g_task_run_in_thread (task, list_order_ids_thread);
}

/* Returns: (transfer full) (element-type gint64): local ids */
GArray *
smm_store_list_order_ids_finish (SmmStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_spending_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  WorkerCall *call = data;
  GError *error = NULL;
  g_autoptr(SmmStore) reader = open_worker_connection (call->path, FALSE, &error);
  GPtrArray *entries = reader ? smm_store_list_spending (reader, call->account_id, call->since, &error) : NULL;

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/* As smm_store_list_spending(), in a worker: a year of an agency's orders is ~0.1 s to read */
void
smm_store_list_spending_async (SmmStore            *self,
                               gint64               account_id,
                               GDateTime           *since,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WorkerCall *call;
  g_autoptr(GTask) task = worker_task (self, smm_store_list_spending_async, cancellable, callback, user_data,
                                       &call);

  call->account_id = account_id;
  call->since = since ? g_date_time_ref (since) : NULL;
  g_task_run_in_thread (task, list_spending_thread);
}

/* Returns: (transfer container) (element-type SmmSpendingEntry): see smm_store_list_spending() */
GPtrArray *
smm_store_list_spending_finish (SmmStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
