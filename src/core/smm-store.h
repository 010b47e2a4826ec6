/* smm-store.h: the book of record: accounts, catalogues, orders, refills
 *
 * Panels have no "list my orders" action: the history exists only here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-account.h"
#include "smm-catalogue-change.h"
#include "smm-order.h"
#include "smm-order-request.h"
#include "smm-cancel-result.h"
#include "smm-refill.h"
#include "smm-service.h"

G_BEGIN_DECLS

#define SMM_STORE_ERROR (smm_store_error_quark ())
GQuark smm_store_error_quark (void);

typedef enum {
  SMM_STORE_ERROR_OPEN,
  SMM_STORE_ERROR_SQL,
  SMM_STORE_ERROR_NOT_FOUND,
  SMM_STORE_ERROR_EXISTS,
  SMM_STORE_ERROR_STATE,
  SMM_STORE_ERROR_TOO_NEW,
  SMM_STORE_ERROR_CORRUPT,     /* not a database, or damaged: PRAGMA quick_check failed */
  SMM_STORE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  SMM_STORE_ERROR_NOT_SAVED,   /* placed at the panel; its id kept in the journal, not yet in the database */
  SMM_STORE_ERROR_BUSY,        /* a running SMM Desk has the history open */
} SmmStoreError;

#define SMM_STORE_SCHEMA_VERSION 7

typedef enum {
  SMM_ORDER_FILTER_ALL,
  SMM_ORDER_FILTER_ACTIVE,       /* not final, placed or waiting for an answer */
  SMM_ORDER_FILTER_STATUS,       /* exactly `status` */
} SmmOrderFilter;

typedef struct {
  gint64          account_id;   /* 0: every account */
  SmmOrderFilter  filter;
  SmmOrderStatus  status;
  const char     *search;       /* in link, service name, panel id; NULL: none */
  guint           limit;        /* 0: no limit */
} SmmOrderQuery;

#define SMM_TYPE_STORE (smm_store_get_type ())
G_DECLARE_FINAL_TYPE (SmmStore, smm_store, SMM, STORE, GObject)

char        *smm_store_get_default_path     (void);
SmmStore    *smm_store_open                 (const char          *path,
                                             GError             **error);
const char  *smm_store_get_path             (SmmStore            *self);
guint        smm_store_get_recovered        (SmmStore            *self);
guint        smm_store_get_replayed         (SmmStore            *self);

/* backups and restoring (smm-store-backup.c) */
char        *smm_store_get_backup_dir       (const char          *path);
GPtrArray   *smm_store_list_backups         (const char          *path);
gboolean     smm_store_backup               (SmmStore            *self,
                                             const char          *destination,
                                             GError             **error);
char        *smm_store_backup_now           (SmmStore            *self,
                                             GError             **error);
void         smm_store_wait_backup          (SmmStore            *self);
gboolean     smm_store_check_file           (const char          *path,
                                             GError             **error);
char        *smm_store_set_aside            (const char          *path,
                                             GError             **error);
gboolean     smm_store_restore              (const char          *path,
                                             const char          *backup,
                                             char               **kept,
                                             GError             **error);

/* accounts */
SmmAccount  *smm_store_add_account          (SmmStore            *self,
                                             const char          *name,
                                             const char          *endpoint,
                                             GError             **error);
GPtrArray   *smm_store_list_accounts        (SmmStore            *self,
                                             GError             **error);
SmmAccount  *smm_store_find_account         (SmmStore            *self,
                                             const char          *name,
                                             GError             **error);
SmmAccount  *smm_store_get_account          (SmmStore            *self,
                                             gint64               account_id,
                                             GError             **error);
gboolean     smm_store_update_account       (SmmStore            *self,
                                             SmmAccount          *account,
                                             GError             **error);
gboolean     smm_store_archive_account      (SmmStore            *self,
                                             gint64               account_id,
                                             GError             **error);
gboolean     smm_store_set_balance          (SmmStore            *self,
                                             gint64               account_id,
                                             SmmMoney             balance,
                                             const char          *currency,
                                             GError             **error);
gboolean     smm_store_set_unsupported      (SmmStore            *self,
                                             gint64               account_id,
                                             SmmPanelAction       action,
                                             GError             **error);
gboolean     smm_store_learn_unsupported    (SmmStore            *self,
                                             gint64               account_id,
                                             SmmPanelAction       action,
                                             const GError        *error);

/* the services cache */
gboolean     smm_store_save_services        (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *services,
                                             GError             **error);
gboolean     smm_store_save_services_full   (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *services,
                                             GPtrArray          **changes,
                                             GError             **error);
GPtrArray   *smm_store_load_services        (SmmStore            *self,
                                             gint64               account_id,
                                             GDateTime          **fetched,
                                             GError             **error);

/* what changed in the catalogues, fetch after fetch */
GPtrArray   *smm_store_list_changes         (SmmStore            *self,
                                             gint64               account_id,
                                             GDateTime           *since,
                                             GError             **error);

/* the same, on the store's worker (see smm-store-worker.c): in the order asked, results on the
 * caller's main context */
void         smm_store_load_services_async  (SmmStore            *self,
                                             gint64               account_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *smm_store_load_services_finish (SmmStore            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void         smm_store_save_services_async  (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *services,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *smm_store_save_services_finish (SmmStore            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void         smm_store_list_order_ids_async (SmmStore            *self,
                                             const SmmOrderQuery *query,
                                             const char          *sort_key,
                                             gboolean             descending,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GArray      *smm_store_list_order_ids_finish (SmmStore           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void         smm_store_list_orders_async    (SmmStore            *self,
                                             const SmmOrderQuery *query,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *smm_store_list_orders_finish   (SmmStore            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void         smm_store_apply_status_async   (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *replies,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *smm_store_apply_status_finish  (SmmStore            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void         smm_store_apply_refill_status_async  (SmmStore            *self,
                                                   gint64               account_id,
                                                   GPtrArray           *replies,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray   *smm_store_apply_refill_status_finish (SmmStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* orders: written before `add` leaves, then settled by what came back */
SmmOrder    *smm_store_begin_order          (SmmStore            *self,
                                             gint64               account_id,
                                             SmmService          *service,
                                             SmmOrderRequest     *request,
                                             GError             **error);
gboolean     smm_store_order_placed         (SmmStore            *self,
                                             gint64               local_id,
                                             gint64               panel_id,
                                             GError             **error);
gboolean     smm_store_order_rejected       (SmmStore            *self,
                                             gint64               local_id,
                                             const GError        *reason,
                                             GError             **error);
gboolean     smm_store_order_unconfirmed    (SmmStore            *self,
                                             gint64               local_id,
                                             const GError        *reason,
                                             GError             **error);
gboolean     smm_store_resolve_order        (SmmStore            *self,
                                             gint64               local_id,
                                             gint64               panel_id,
                                             GError             **error);
gboolean     smm_store_attach_service       (SmmStore            *self,
                                             gint64               local_id,
                                             SmmService          *service,
                                             GError             **error);
gboolean     smm_store_discard_order        (SmmStore            *self,
                                             gint64               local_id,
                                             GError             **error);
SmmOrder    *smm_store_get_order            (SmmStore            *self,
                                             gint64               local_id,
                                             GError             **error);
SmmOrder    *smm_store_find_order           (SmmStore            *self,
                                             gint64               account_id,
                                             gint64               panel_id,
                                             GError             **error);
GPtrArray   *smm_store_list_orders          (SmmStore            *self,
                                             const SmmOrderQuery *query,
                                             GError             **error);
guint        smm_store_count_orders         (SmmStore            *self,
                                             const SmmOrderQuery *query,
                                             GError             **error);
GArray      *smm_store_list_order_ids       (SmmStore            *self,
                                             const SmmOrderQuery *query,
                                             const char          *sort_key,
                                             gboolean             descending,
                                             GError             **error);
SmmOrder    *smm_store_peek_order           (SmmStore            *self,
                                             gint64               local_id);
GPtrArray   *smm_store_get_orders           (SmmStore            *self,
                                             const gint64        *ids,
                                             guint                n_ids,
                                             GError             **error);
GArray      *smm_store_list_active_ids      (SmmStore            *self,
                                             gint64               account_id,
                                             GError             **error);
GPtrArray   *smm_store_apply_status         (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *replies,
                                             GError             **error);
GPtrArray   *smm_store_import_orders        (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *replies,
                                             GError             **error);
SmmOrderRequest *smm_store_get_order_request (SmmStore            *self,
                                             gint64               local_id,
                                             SmmServiceType       type,
                                             GError             **error);
GPtrArray   *smm_store_get_history          (SmmStore            *self,
                                             gint64               local_id,
                                             GError             **error);

GPtrArray   *smm_store_list_spending        (SmmStore            *self,
                                             gint64               account_id,
                                             GDateTime           *since,
                                             GError             **error);
void         smm_store_list_spending_async  (SmmStore            *self,
                                             gint64               account_id,
                                             GDateTime           *since,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *smm_store_list_spending_finish (SmmStore            *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* refills and cancels */
gboolean     smm_store_record_refills       (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *refills,
                                             GError             **error);
GPtrArray   *smm_store_list_refills         (SmmStore            *self,
                                             gint64               account_id,
                                             gboolean             active_only,
                                             GError             **error);
GPtrArray   *smm_store_apply_refill_status  (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *replies,
                                             GError             **error);
gboolean     smm_store_record_cancels       (SmmStore            *self,
                                             gint64               account_id,
                                             GPtrArray           *results,
                                             GError             **error);
guint        smm_store_count_cancels        (SmmStore            *self,
                                             gint64               account_id,
                                             gboolean             accepted,
                                             GError             **error);

/* for tests: the schema of a version, to build an old database */
const char  *smm_store_get_migration        (guint                version);

G_END_DECLS
