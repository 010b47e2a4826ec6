/* smm-application-private.h: what the files of SmmApplication share: its struct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-application.h"
#include "smm-sim.h"

G_BEGIN_DECLS

struct _SmmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SmmStore       *store;
  SmmSecrets     *secrets;
  SmmClientPool  *pool;
  SmmTracker     *tracker;
  SmmOrderActions *actions;
  GListStore     *accounts;
  SmmSim         *demo_sim;
  gboolean        open_demo;
  char           *store_path;
  GError         *open_error;   /* why the history could not be opened */
};

/* smm-application.c */
gboolean  _smm_application_open_store             (SmmApplication  *self,
                                                   GError         **error);

/* smm-application-history.c */
void      _smm_application_present_window         (SmmApplication  *self,
                                                   const char      *toast);
void      _smm_application_restore_history_action (GSimpleAction   *action,
                                                   GVariant        *parameter,
                                                   gpointer         data);

G_END_DECLS
