/* smm-tracker.h: keeps the book up to date with the panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-client-pool.h"
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

SmmTracker *smm_tracker_new              (SmmStore            *store,
                                          SmmClientPool       *pool);
SmmStore   *smm_tracker_get_store        (SmmTracker          *self);
void        smm_tracker_set_interval     (SmmTracker          *self,
                                          guint                seconds);
guint       smm_tracker_get_interval     (SmmTracker          *self);
gboolean    smm_tracker_get_refreshing   (SmmTracker          *self);

void        smm_tracker_refresh_async    (SmmTracker          *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    smm_tracker_refresh_finish   (SmmTracker          *self,
                                          GAsyncResult        *result,
                                          SmmTrackerReport    *report,
                                          GError             **error);

G_END_DECLS
