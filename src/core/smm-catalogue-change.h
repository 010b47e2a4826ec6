/* smm-catalogue-change.h: what changed in a panel's catalogue between two fetches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-money.h"
#include "smm-service.h"

G_BEGIN_DECLS

typedef enum {
  SMM_CHANGE_ADDED,
  SMM_CHANGE_REMOVED,
  SMM_CHANGE_PRICE,     /* the rate changed */
  SMM_CHANGE_RENAMED,   /* the same id, another name */
} SmmChangeKind;

const char     *smm_change_kind_to_string      (SmmChangeKind  kind);
gboolean        smm_change_kind_from_string    (const char    *text,
                                                SmmChangeKind *kind);
const char     *smm_change_kind_get_label      (SmmChangeKind  kind);

#define SMM_TYPE_CATALOGUE_CHANGE (smm_catalogue_change_get_type ())
G_DECLARE_FINAL_TYPE (SmmCatalogueChange, smm_catalogue_change, SMM, CATALOGUE_CHANGE, GObject)

SmmCatalogueChange *smm_catalogue_change_new           (SmmChangeKind        kind,
                                                        gint64               service_id,
                                                        const char          *name,
                                                        const char          *category);
SmmChangeKind   smm_catalogue_change_get_kind          (SmmCatalogueChange  *self);
gint64          smm_catalogue_change_get_account_id    (SmmCatalogueChange  *self);
void            smm_catalogue_change_set_account_id    (SmmCatalogueChange  *self,
                                                        gint64               account_id);
gint64          smm_catalogue_change_get_service_id    (SmmCatalogueChange  *self);
const char     *smm_catalogue_change_get_name          (SmmCatalogueChange  *self);
const char     *smm_catalogue_change_get_category      (SmmCatalogueChange  *self);
const char     *smm_catalogue_change_get_old_name      (SmmCatalogueChange  *self);
void            smm_catalogue_change_set_old_name      (SmmCatalogueChange  *self,
                                                        const char          *old_name);
gboolean        smm_catalogue_change_get_old_rate      (SmmCatalogueChange  *self,
                                                        SmmMoney            *rate);
gboolean        smm_catalogue_change_get_new_rate      (SmmCatalogueChange  *self,
                                                        SmmMoney            *rate);
void            smm_catalogue_change_set_rates         (SmmCatalogueChange  *self,
                                                        const SmmMoney      *old_rate,
                                                        const SmmMoney      *new_rate);
gboolean        smm_catalogue_change_get_basis_points  (SmmCatalogueChange  *self,
                                                        gint64              *basis_points);
double          smm_catalogue_change_get_percent       (SmmCatalogueChange  *self);
GDateTime      *smm_catalogue_change_get_seen          (SmmCatalogueChange  *self);
void            smm_catalogue_change_set_seen          (SmmCatalogueChange  *self,
                                                        GDateTime           *seen);
gboolean        smm_catalogue_change_get_ordered_before (SmmCatalogueChange *self);
void            smm_catalogue_change_set_ordered_before (SmmCatalogueChange *self,
                                                        gboolean             ordered_before);
gboolean        smm_catalogue_change_is_notable        (SmmCatalogueChange  *self);

GPtrArray      *smm_catalogue_diff                     (GPtrArray           *old_services,
                                                        GPtrArray           *new_services);

G_END_DECLS
