/* smm-service.h: one service of a panel's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-money.h"
#include "smm-service-type.h"

G_BEGIN_DECLS

#define SMM_TYPE_SERVICE (smm_service_get_type ())
G_DECLARE_FINAL_TYPE (SmmService, smm_service, SMM, SERVICE, GObject)

SmmService     *smm_service_new              (gint64          id,
                                              const char     *name);

gint64          smm_service_get_id           (SmmService     *self);
const char     *smm_service_get_name         (SmmService     *self);
void            smm_service_set_name         (SmmService     *self,
                                              const char     *name);
SmmServiceType  smm_service_get_service_type (SmmService     *self);
const char     *smm_service_get_type_name    (SmmService     *self);
void            smm_service_set_type_name    (SmmService     *self,
                                              const char     *type_name);
const char     *smm_service_get_category     (SmmService     *self);
void            smm_service_set_category     (SmmService     *self,
                                              const char     *category);
SmmMoney        smm_service_get_rate         (SmmService     *self);
void            smm_service_set_rate         (SmmService     *self,
                                              SmmMoney        rate);
gint64          smm_service_get_min          (SmmService     *self);
void            smm_service_set_min          (SmmService     *self,
                                              gint64          min);
gint64          smm_service_get_max          (SmmService     *self);
void            smm_service_set_max          (SmmService     *self,
                                              gint64          max);
gboolean        smm_service_get_refill       (SmmService     *self);
void            smm_service_set_refill       (SmmService     *self,
                                              gboolean        refill);
gboolean        smm_service_get_cancel       (SmmService     *self);
void            smm_service_set_cancel       (SmmService     *self,
                                              gboolean        cancel);
gboolean        smm_service_get_dripfeed     (SmmService     *self);
void            smm_service_set_dripfeed     (SmmService     *self,
                                              gboolean        dripfeed);
const char     *smm_service_get_description  (SmmService     *self);
const char     *smm_service_get_search_key   (SmmService     *self);
void            smm_service_set_description  (SmmService     *self,
                                              const char     *description);

G_END_DECLS
