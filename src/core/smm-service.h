/* smm-service.h: one service of a panel's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-money.h"
#include "smm-service-type.h"

G_BEGIN_DECLS

/* What a panel says of a service's refill, cancel or drip-feed: a panel that lists no such
 * field says nothing, which is not "no". The numbers are the store's and the sorters'. */
typedef enum {
  SMM_TRISTATE_UNKNOWN = -1,
  SMM_TRISTATE_NO = 0,
  SMM_TRISTATE_YES = 1,
} SmmTristate;

#define SMM_TRISTATE_FROM_BOOLEAN(b) ((b) ? SMM_TRISTATE_YES : SMM_TRISTATE_NO)

const char     *smm_tristate_get_label       (SmmTristate     value);

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
SmmTristate     smm_service_get_refill       (SmmService     *self);
void            smm_service_set_refill       (SmmService     *self,
                                              SmmTristate     refill);
SmmTristate     smm_service_get_cancel       (SmmService     *self);
void            smm_service_set_cancel       (SmmService     *self,
                                              SmmTristate     cancel);
SmmTristate     smm_service_get_dripfeed     (SmmService     *self);
void            smm_service_set_dripfeed     (SmmService     *self,
                                              SmmTristate     dripfeed);
const char     *smm_service_get_description  (SmmService     *self);
const char     *smm_service_get_search_key   (SmmService     *self);
void            smm_service_set_description  (SmmService     *self,
                                              const char     *description);

G_END_DECLS
