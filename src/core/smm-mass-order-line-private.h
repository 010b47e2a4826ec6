/* smm-mass-order-line-private.h: what SmmMassOrder changes in its lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-mass-order-line.h"

G_BEGIN_DECLS

SmmMassOrderLine *smm_mass_order_line_new          (guint              line,
                                                    gint64             service_id,
                                                    const char        *link,
                                                    gint64             quantity,
                                                    GError            *error);
void              smm_mass_order_line_set_state    (SmmMassOrderLine  *self,
                                                    SmmMassOrderState  state,
                                                    const GError      *error);
void              smm_mass_order_line_set_checked  (SmmMassOrderLine  *self,
                                                    SmmService        *service,
                                                    SmmOrderRequest   *request,
                                                    const SmmMoney    *charge);
void              smm_mass_order_line_set_order    (SmmMassOrderLine  *self,
                                                    SmmOrder          *order);

G_END_DECLS
