/* smm-rates-group.h: the currency prices are compared in, and the user's exchange rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-match.h"

G_BEGIN_DECLS

#define SMM_TYPE_RATES_GROUP (smm_rates_group_get_type ())
G_DECLARE_FINAL_TYPE (SmmRatesGroup, smm_rates_group, SMM, RATES_GROUP, AdwPreferencesGroup)

void          smm_rates_group_set_settings     (SmmRatesGroup *self,
                                                GSettings     *settings);
SmmRateTable *smm_rate_table_new_from_settings (GSettings     *settings);

G_END_DECLS
