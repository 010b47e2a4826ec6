/* smm-test-fixture.h: what the test programs make the same way: services, stores, accounts,
 * a simulated panel, and the wait for an async result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-sim.h"
#include "smm-order-actions.h"
#include "smm-placement.h"
#include "smm-tracker.h"

G_BEGIN_DECLS

/* Services */
SmmService   *smm_test_service_new         (gint64              id,
                                            const char         *category,  /* or NULL: none */
                                            const char         *name,
                                            const char         *type,      /* the panel's wire name */
                                            const char         *rate,      /* a 1,000, as "0.90" */
                                            gint64              min,
                                            gint64              max);
SmmService   *smm_test_listed_service_new  (gint64              id,
                                            const char         *category,
                                            const char         *name,
                                            const char         *rate,
                                            gboolean            refill);
SmmService   *smm_test_typed_service_new   (SmmServiceType      type,
                                            const char         *rate,
                                            gint64              min,
                                            gint64              max);

/* Stores, accounts and orders */
char         *smm_test_store_path          (void);
SmmStore     *smm_test_store_new           (void);
SmmStore     *smm_test_store_open          (const char         *path);
SmmAccount   *smm_test_account_add         (SmmStore           *store,
                                            const char         *name,
                                            const char         *endpoint);
SmmOrderRequest *smm_test_request_new      (SmmService         *service,
                                            const char         *link,
                                            const char         *quantity);
SmmOrder     *smm_test_order_begin         (SmmStore           *store,
                                            gint64              account_id,
                                            SmmService         *service,
                                            const char         *link,
                                            const char         *quantity);
char         *smm_test_dir_new             (const char         *tmpl);
void          smm_test_dir_remove          (const char         *path);

/* Waiting on the main context */
void          smm_test_result_cb           (GObject            *object,
                                            GAsyncResult       *result,
                                            gpointer            data);
GAsyncResult *smm_test_wait_result         (GAsyncResult      **result);
void          smm_test_drain_main_context  (void);
void          smm_test_assert_finalized    (gpointer            object);

/* A simulated panel, and a tracker against it */
SmmSim       *smm_test_sim_new             (const char         *key,
                                            const char         *balance);
void          smm_test_sim_start           (SmmSim             *sim,
                                            gboolean            threaded);
void          smm_test_sim_stop            (SmmSim             *sim);
SmmClient    *smm_test_client_new          (SmmSim             *sim);
GArray       *smm_test_place_on_panel      (SmmClient          *client,
                                            SmmStore           *store,
                                            gint64              account_id,
                                            SmmService         *service,
                                            guint               n_orders);

/* A panel on the simulator, with an account in a store, its client, and the tracker and
 * order actions that use them */
typedef struct {
  SmmSim          *sim;
  SmmStore        *store;
  SmmClient       *client;
  SmmClientPool   *pool;
  SmmTracker      *tracker;
  SmmOrderActions *actions;
  gint64           account_id;
} SmmTestPanel;

void          smm_test_panel_set_up        (SmmTestPanel       *panel,
                                            const char         *balance);
void          smm_test_panel_tear_down     (SmmTestPanel       *panel);
SmmOrder     *smm_test_panel_place         (SmmTestPanel       *panel,
                                            SmmService         *service,
                                            const char         *link,
                                            const char         *quantity,
                                            GError            **error);
guint         smm_test_count_orders        (SmmStore           *store,
                                            gint64              account_id,
                                            SmmOrderStatus      status);

/* A list model's items-changed, as a view that follows them sees the list */
typedef gint64 (*SmmTestValueFunc) (gpointer item);

typedef struct {
  GListModel       *model;     /* not owned */
  SmmTestValueFunc  value;     /* what an item shows, for comparing */
  GPtrArray        *mirror;    /* the items a view holds, told by items-changed alone */
  GString          *changes;   /* "position -removed +added" of each items-changed, in order */
} SmmTestRecorder;

SmmTestRecorder *smm_test_recorder_new     (GListModel         *model,
                                            SmmTestValueFunc    value);
void          smm_test_recorder_free       (SmmTestRecorder    *self);
char         *smm_test_recorder_take_changes (SmmTestRecorder  *self);
void          smm_test_recorder_assert     (SmmTestRecorder    *self,
                                            const char         *changes,
                                            const char         *values);
char         *smm_test_list_dup_values     (GListModel         *model,
                                            SmmTestValueFunc    value);

/* Child processes */
GSubprocessLauncher *smm_test_launcher_new (GSubprocessFlags    flags,
                                            int                 signal);

G_END_DECLS
