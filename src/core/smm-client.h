/* smm-client.h: one panel's API v2 over HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-money.h"
#include "smm-order-request.h"
#include "smm-parse.h"

G_BEGIN_DECLS

#define SMM_BATCH_SIZE 100

#define SMM_TYPE_CLIENT (smm_client_get_type ())
G_DECLARE_FINAL_TYPE (SmmClient, smm_client, SMM, CLIENT, GObject)

/**
 * SmmClientBatchFunc:
 * @client: the client
 * @items: (nullable) (transfer none): the batch's results (#SmmOrder for status,
 *   #SmmRefill for refill_status) in the order of the panel's reply, one for each
 *   id the panel answered; an id the panel answered with an error (an unknown
 *   order, say) is an item carrying that error; %NULL when the whole batch failed
 * @error: (nullable): why the whole batch failed, or %NULL
 * @ids: (array length=n_ids): the ids this batch asked for
 * @n_ids: how many: %SMM_BATCH_SIZE, or fewer in the last batch
 * @user_data: the data given with the call
 *
 * One batch of a status or refill_status call, reported as its reply arrives.
 */
typedef void (*SmmClientBatchFunc) (SmmClient    *client,
                                    GPtrArray    *items,
                                    const GError *error,
                                    const gint64 *ids,
                                    guint         n_ids,
                                    gpointer      user_data);

SmmClient  *smm_client_new                       (const char           *endpoint,
                                                  GError              **error);
gboolean    smm_client_check_endpoint            (const char           *endpoint,
                                                  GError              **error);

const char *smm_client_get_endpoint              (SmmClient            *self);
void        smm_client_set_key                   (SmmClient            *self,
                                                  const char           *key);
void        smm_client_set_max_parallel          (SmmClient            *self,
                                                  guint                 max_parallel);
void        smm_client_set_timeout               (SmmClient            *self,
                                                  guint                 seconds);
void        smm_client_set_deadline              (SmmClient            *self,
                                                  guint                 seconds);
void        smm_client_set_read_deadline         (SmmClient            *self,
                                                  guint                 seconds);
void        smm_client_set_max_body              (SmmClient            *self,
                                                  gsize                 max_body);
void        smm_client_set_retry                 (SmmClient            *self,
                                                  guint                 max_retries,
                                                  guint                 base_delay_ms,
                                                  guint                 max_delay_ms);
void        smm_client_set_tls_database          (SmmClient            *self,
                                                  GTlsDatabase         *database);
void        smm_client_set_proxy_resolver        (SmmClient            *self,
                                                  GProxyResolver       *resolver);
guint       smm_client_get_request_count         (SmmClient            *self);

void        smm_client_services_async            (SmmClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *smm_client_services_finish           (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
GPtrArray  *smm_client_services_finish_full      (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  SmmServicesReport    *report,
                                                  GError              **error);

void        smm_client_add_async                 (SmmClient            *self,
                                                  SmmOrderRequest      *request,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64      smm_client_add_finish                (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_status_async              (SmmClient            *self,
                                                  const gint64         *order_ids,
                                                  guint                 n_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *smm_client_status_finish             (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_status_each_async         (SmmClient            *self,
                                                  const gint64         *order_ids,
                                                  guint                 n_ids,
                                                  SmmClientBatchFunc    each,
                                                  gpointer              each_data,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    smm_client_status_each_finish        (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_refill_async              (SmmClient            *self,
                                                  const gint64         *order_ids,
                                                  guint                 n_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *smm_client_refill_finish             (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_refill_status_async       (SmmClient            *self,
                                                  const gint64         *refill_ids,
                                                  guint                 n_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *smm_client_refill_status_finish      (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_refill_status_each_async  (SmmClient            *self,
                                                  const gint64         *refill_ids,
                                                  guint                 n_ids,
                                                  SmmClientBatchFunc    each,
                                                  gpointer              each_data,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    smm_client_refill_status_each_finish (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_cancel_async              (SmmClient            *self,
                                                  const gint64         *order_ids,
                                                  guint                 n_ids,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *smm_client_cancel_finish             (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        smm_client_balance_async             (SmmClient            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    smm_client_balance_finish            (SmmClient            *self,
                                                  GAsyncResult         *result,
                                                  SmmMoney             *balance,
                                                  char                **currency,
                                                  GError              **error);

G_END_DECLS
