/* smm-client-private.h: what the client's files share: the object, a request's kind, a batch's kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "smm-client.h"

G_BEGIN_DECLS

struct _SmmClient
{
  GObject      parent_instance;

  char        *endpoint;
  GUri        *uri;
  char        *key;
  SoupSession *session;
  gboolean     direct;     /* the panel is on this computer: never through a proxy */
  gsize        max_body;
  guint        max_parallel;
  guint        max_retries;
  guint        base_delay_ms;
  guint        max_delay_ms;
  guint        deadline;       /* seconds an attempt may take (`add`'s one attempt) */
  guint        read_deadline;  /* seconds any other call may take, its retries and waits included */
  guint        n_requests;
};

typedef enum {
  SMM_CLIENT_REQUEST_READ,   /* safe to repeat: retried, may share a kept-alive connection */
  SMM_CLIENT_REQUEST_WRITE,  /* refill, cancel: not retried */
  SMM_CLIENT_REQUEST_ADD,    /* spends money: once, on a fresh connection, not cancellable once sent */
} SmmClientRequestKind;

typedef GPtrArray *(*SmmClientBatchParse) (const char   *data,
                                           gsize         length,
                                           const gint64 *ids,
                                           guint         n_ids,
                                           GError      **error);
typedef gpointer (*SmmClientBatchFailedItem) (gint64        id,
                                              const GError *error);

typedef struct {
  const char               *action;
  const char               *ids_field;
  SmmClientRequestKind      kind;
  SmmClientBatchParse       parse;
  SmmClientBatchFailedItem  failed_item;
  GDestroyNotify            item_free;
} SmmClientBatchKind;

GError     *smm_client_outcome_unknown   (GError                    *cause);

void        smm_client_request_send      (SmmClient                 *self,
                                          const char                *action,
                                          GPtrArray                 *params,
                                          SmmClientRequestKind       kind,
                                          GCancellable              *cancellable,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data);
GBytes     *smm_client_request_finish    (SmmClient                 *self,
                                          GAsyncResult              *result,
                                          GError                   **error);

void        smm_client_batch_start       (SmmClient                 *self,
                                          const SmmClientBatchKind  *kind,
                                          gpointer                   source_tag,
                                          const gint64              *ids,
                                          guint                      n_ids,
                                          SmmClientBatchFunc         each,
                                          gpointer                   each_data,
                                          GCancellable              *cancellable,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data);
GPtrArray  *smm_client_batch_finish      (SmmClient                 *self,
                                          GAsyncResult              *result,
                                          gpointer                   source_tag,
                                          GError                   **error);
gboolean    smm_client_batch_each_finish (SmmClient                 *self,
                                          GAsyncResult              *result,
                                          gpointer                   source_tag,
                                          GError                   **error);

G_END_DECLS
