/* smm-mass-order-line.h: one line of a mass order, from the file to the panel's answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-core-enums.h"
#include "smm-money.h"
#include "smm-order.h"
#include "smm-order-request.h"
#include "smm-service.h"

G_BEGIN_DECLS

typedef enum {
  SMM_MASS_ORDER_STATE_NEW,          /* read, not checked against the catalogue yet */
  SMM_MASS_ORDER_STATE_INVALID,      /* the line is wrong (see the error): it is never sent */
  SMM_MASS_ORDER_STATE_READY,        /* checked: it can be placed */
  SMM_MASS_ORDER_STATE_SENDING,      /* recorded, `add` on its way */
  SMM_MASS_ORDER_STATE_PLACED,       /* the panel gave it an id */
  SMM_MASS_ORDER_STATE_REJECTED,     /* the panel refused it: nothing was charged */
  SMM_MASS_ORDER_STATE_UNCONFIRMED,  /* sent, the answer was lost: check the panel's web site */
  SMM_MASS_ORDER_STATE_FAILED,       /* SMM Desk could not record it (or no API key) */
  SMM_MASS_ORDER_STATE_SKIPPED,      /* not sent: placing stopped before this line */
} SmmMassOrderState;

const char *smm_mass_order_state_get_label (SmmMassOrderState state);

#define SMM_TYPE_MASS_ORDER_LINE (smm_mass_order_line_get_type ())
G_DECLARE_FINAL_TYPE (SmmMassOrderLine, smm_mass_order_line, SMM, MASS_ORDER_LINE, GObject)

guint              smm_mass_order_line_get_line        (SmmMassOrderLine *self);
gint64             smm_mass_order_line_get_service_id  (SmmMassOrderLine *self);
const char        *smm_mass_order_line_get_link        (SmmMassOrderLine *self);
gint64             smm_mass_order_line_get_quantity    (SmmMassOrderLine *self);
SmmMassOrderState  smm_mass_order_line_get_state       (SmmMassOrderLine *self);
const GError      *smm_mass_order_line_get_error       (SmmMassOrderLine *self);
SmmService        *smm_mass_order_line_get_service     (SmmMassOrderLine *self);
gboolean           smm_mass_order_line_get_charge      (SmmMassOrderLine *self,
                                                        SmmMoney         *charge);
SmmOrderRequest   *smm_mass_order_line_get_request     (SmmMassOrderLine *self);
SmmOrder          *smm_mass_order_line_get_order       (SmmMassOrderLine *self);

G_END_DECLS
