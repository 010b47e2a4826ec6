/* smm-mass-order-private.h: what placing many orders changes in a SmmMassOrder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-mass-order.h"

G_BEGIN_DECLS

void smm_mass_order_set_placing         (SmmMassOrder     *self,
                                         gboolean          placing);
void smm_mass_order_emit_line_finished  (SmmMassOrder     *self,
                                         SmmMassOrderLine *line);

G_END_DECLS
