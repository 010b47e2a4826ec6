/* smm-order-request.h: the fields of one `add`, checked before anything is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-money.h"
#include "smm-service.h"
#include "smm-service-type.h"

G_BEGIN_DECLS

#define SMM_MAX_LINES_TEXT  (64 * 1024)  /* bytes of a one-per-line field */
#define SMM_MAX_LINES       5000
#define SMM_MAX_TEXT        1000         /* characters of a one-line field */
#define SMM_MAX_URL         2048

typedef struct _SmmOrderRequest SmmOrderRequest;

#define SMM_TYPE_ORDER_REQUEST (smm_order_request_get_type ())
GType             smm_order_request_get_type          (void) G_GNUC_CONST;

SmmOrderRequest  *smm_order_request_new               (gint64            service_id,
                                                       SmmServiceType    type);
SmmOrderRequest  *smm_order_request_new_for_service   (SmmService       *service);
SmmOrderRequest  *smm_order_request_ref               (SmmOrderRequest  *self);
void              smm_order_request_unref             (SmmOrderRequest  *self);

gint64            smm_order_request_get_service_id    (SmmOrderRequest  *self);
SmmServiceType    smm_order_request_get_service_type  (SmmOrderRequest  *self);
void              smm_order_request_set               (SmmOrderRequest  *self,
                                                       SmmField          field,
                                                       const char       *value);
const char       *smm_order_request_get               (SmmOrderRequest  *self,
                                                       SmmField          field);
gint64            smm_order_request_get_quantity      (SmmOrderRequest  *self);
gboolean          smm_order_request_validate          (SmmOrderRequest  *self,
                                                       SmmService       *service,
                                                       GError          **error);
gboolean          smm_order_request_estimate_charge   (SmmOrderRequest  *self,
                                                       SmmMoney          rate,
                                                       SmmMoney         *charge);
gboolean          smm_order_request_set_extra         (SmmOrderRequest  *self,
                                                       const char       *name,
                                                       const char       *value,
                                                       GError          **error);
const char       *smm_order_request_get_extra         (SmmOrderRequest  *self,
                                                       const char       *name);
GPtrArray        *smm_order_request_to_form           (SmmOrderRequest  *self);

guint             smm_count_lines                     (const char       *text);
gboolean          smm_link_is_valid                   (const char       *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmOrderRequest, smm_order_request_unref)

G_END_DECLS
