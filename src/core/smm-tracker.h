/* smm-tracker.h: keeps the book up to date with the panels, and writes every action into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-client.h"
#include "smm-store.h"

G_BEGIN_DECLS

#define SMM_TRACKER_DEFAULT_INTERVAL (5 * 60)

typedef struct {
  guint   n_checked;     /* orders and refills asked about */
  guint   n_changed;
  guint   n_finished;
  guint   n_failed;      /* asked about, but no answer came */
} SmmTrackerReport;

#define SMM_TYPE_TRACKER (smm_tracker_get_type ())
G_DECLARE_FINAL_TYPE (SmmTracker, smm_tracker, SMM, TRACKER, GObject)

SmmTracker *smm_tracker_new              (SmmStore            *store);
SmmStore   *smm_tracker_get_store        (SmmTracker          *self);
void        smm_tracker_set_client       (SmmTracker          *self,
                                          gint64               account_id,
                                          SmmClient           *client);
SmmClient  *smm_tracker_get_client       (SmmTracker          *self,
                                          gint64               account_id);
void        smm_tracker_set_interval     (SmmTracker          *self,
                                          guint                seconds);
guint       smm_tracker_get_interval     (SmmTracker          *self);
gboolean    smm_tracker_is_refreshing    (SmmTracker          *self);

void        smm_tracker_refresh_async    (SmmTracker          *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    smm_tracker_refresh_finish   (SmmTracker          *self,
                                          GAsyncResult        *result,
                                          SmmTrackerReport    *report,
                                          GError             **error);

void        smm_tracker_place_async      (SmmTracker          *self,
                                          gint64               account_id,
                                          SmmService          *service,
                                          SmmOrderRequest     *request,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
SmmOrder   *smm_tracker_place_finish     (SmmTracker          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
SmmOrder   *smm_tracker_place_dup_order  (SmmTracker          *self,
                                          GAsyncResult        *result);

void        smm_tracker_refill_async     (SmmTracker          *self,
                                          gint64               account_id,
                                          const gint64        *order_ids,
                                          guint                n_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *smm_tracker_refill_finish    (SmmTracker          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

void        smm_tracker_cancel_async     (SmmTracker          *self,
                                          gint64               account_id,
                                          const gint64        *order_ids,
                                          guint                n_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *smm_tracker_cancel_finish    (SmmTracker          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

void        smm_tracker_import_async     (SmmTracker          *self,
                                          gint64               account_id,
                                          const gint64        *order_ids,
                                          guint                n_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *smm_tracker_import_finish    (SmmTracker          *self,
                                          GAsyncResult        *result,
                                          guint               *n_added,
                                          GError             **error);

G_END_DECLS
