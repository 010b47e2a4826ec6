/* smm-store-private.h: what the files of SmmStore share: its struct and SQLite helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "smm-store.h"

G_BEGIN_DECLS

struct _SmmStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;  /* SQL → sqlite3_stmt */
  guint       recovered;
  /* Orders being sent belong to the store that sends them; a store holds an exclusive
   * lock on locks/<owner>.lock while it lives, so another process can tell a live sender
   * from one that was killed. */
  char       *owner;
  char       *lock_path;
  int         lock_fd;
  /* local id → the live SmmOrder (smm-store-order-map.c); NULL on the worker's connection */
  GHashTable  *orders;
  /* the worker (smm-store-worker.c): started at the first job */
  GThread     *worker;
  GAsyncQueue *jobs;       /* WorkerJob */
  /* local id → panel id of placed orders the database could not take (smm-store-journal.c) */
  GHashTable  *journal;
  guint        replayed;
  /* the daily backup, on a connection of its own (smm-store-backup.c) */
  GThread     *backup;
  gboolean     created;    /* made by this open: nothing to back up yet */
};

typedef enum {
  SMM_STORE_READING,
  SMM_STORE_WRITING,
} SmmStoreAccess;

#define ORDER_COLUMNS \
  "id, account_id, panel_id, service_id, service_name, link, quantity, charge, estimated_charge, " \
  "start_count, remains, status, currency, error, created, posts, expiry, sub_orders"

/* The statuses that will change no more, as stored */
#define FINAL_STATUSES "('Completed', 'Partial', 'Canceled', 'Refunded', 'Rejected', 'Expired')"

/* smm-store-sql.c */
gboolean       _smm_store_sql_error           (SmmStore        *self,
                                               GError         **error,
                                               SmmStoreAccess   access);
gboolean       _smm_store_exec                (SmmStore        *self,
                                               const char      *sql,
                                               GError         **error);
sqlite3_stmt  *_smm_store_statement           (SmmStore        *self,
                                               const char      *sql,
                                               GError         **error);
gboolean       _smm_store_step_done           (SmmStore        *self,
                                               sqlite3_stmt    *stmt,
                                               GError         **error);
gboolean       _smm_store_begin               (SmmStore        *self,
                                               GError         **error);
gboolean       _smm_store_commit              (SmmStore        *self,
                                               GError         **error);
void           _smm_store_rollback            (SmmStore        *self);
gboolean       _smm_store_begin_refetchable   (SmmStore        *self,
                                               GError         **error);
void           _smm_store_end_refetchable     (SmmStore        *self);
gint64         _smm_store_now                 (void);
gboolean       _smm_store_fault               (const char      *what);
gboolean       _smm_store_check_connection    (sqlite3         *db,
                                               const char      *path,
                                               const char      *pragma,
                                               GError         **error);
void           _smm_store_bind_text           (sqlite3_stmt    *stmt,
                                               int              index,
                                               const char      *text);
void           _smm_store_bind_money          (sqlite3_stmt    *stmt,
                                               int              index,
                                               const SmmMoney  *money);
void           _smm_store_bind_count          (sqlite3_stmt    *stmt,
                                               int              index,
                                               gint64           value);
const char    *_smm_store_column_text         (sqlite3_stmt    *stmt,
                                               int              column);
gboolean       _smm_store_column_money        (sqlite3_stmt    *stmt,
                                               int              column,
                                               SmmMoney        *money);
gint64         _smm_store_column_count        (sqlite3_stmt    *stmt,
                                               int              column);
GPtrArray     *_smm_store_finish_list         (SmmStore        *self,
                                               GPtrArray       *list,
                                               int              rc,
                                               GError         **error);

/* smm-store-schema.c */
gboolean       _smm_store_migrate             (SmmStore        *self,
                                               GError         **error);

/* smm-store.c */
gboolean       _smm_store_lock_is_held        (const char      *lock_path);

/* smm-store-journal.c */
char          *_smm_store_journal_path        (const char      *path);
gboolean       _smm_store_journal_keep        (SmmStore        *self,
                                               gint64           local_id,
                                               gint64           panel_id,
                                               GError         **error);
void           _smm_store_journal_overlay     (SmmStore        *self,
                                               SmmOrder        *order);
gboolean       _smm_store_journal_replay      (SmmStore        *self,
                                               GError         **error);
gboolean       _smm_store_journal_is_empty    (SmmStore        *self);

/* smm-store-backup.c */
gboolean       _smm_store_backup_before_migration (SmmStore    *self,
                                                   int          version,
                                                   GError     **error);
void           _smm_store_start_daily_backup  (SmmStore        *self);

/* smm-store-orders.c */
gboolean       _smm_store_settle_placed       (SmmStore        *self,
                                               gint64           local_id,
                                               gint64           panel_id,
                                               GError         **error);
SmmOrder      *_smm_store_order_from_row      (SmmStore        *self,
                                               sqlite3_stmt    *stmt);
gboolean       _smm_store_add_history         (SmmStore        *self,
                                               gint64           local_id,
                                               GError         **error);
char          *_smm_store_dup_sub_orders_text (SmmOrder        *order);
void           _smm_store_set_sub_orders_text (SmmOrder        *order,
                                               const char      *text);

/* smm-store-order-map.c */
void           _smm_store_init_order_map      (SmmStore        *self);
void           _smm_store_clear_order_map     (SmmStore        *self);
SmmOrder      *_smm_store_take_order          (SmmStore        *self,
                                               SmmOrder        *fresh);
void           _smm_store_take_orders         (SmmStore        *self,
                                               GPtrArray       *orders);
void           _smm_store_refresh_order       (SmmStore        *self,
                                               gint64           local_id);

/* smm-store-worker.c */
typedef struct {
  gint64         account_id;
  GDateTime     *since;
  GPtrArray     *services;
  GPtrArray     *replies;
  SmmOrderQuery  query;
  char          *search;
  char          *sort_key;
  gboolean       descending;
  GCancellable  *cancellable;   /* for a job that stops itself up to its commit */
} SmmStoreCall;

/* A job on the worker: what it makes of @call on @connection, or %NULL and @error */
typedef gpointer (*SmmStoreJob) (SmmStore      *connection,
                                 SmmStoreCall  *call,
                                 GError       **error);

GTask         *_smm_store_call_task           (SmmStore             *self,
                                               gpointer              source_tag,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data,
                                               SmmStoreCall        **call);
void           _smm_store_call_set_query      (SmmStoreCall         *call,
                                               const SmmOrderQuery  *query);
void           _smm_store_run_in_worker       (SmmStore             *self,
                                               GTask                *task,
                                               SmmStoreJob           job,
                                               GDestroyNotify        result_destroy);
void           _smm_store_stop_worker         (SmmStore             *self);

G_END_DECLS
