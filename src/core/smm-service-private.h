/* smm-service-private.h: a service's search key made by a worker and handed to the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-service.h"

G_BEGIN_DECLS

char       *_smm_service_make_search_key (SmmService *self);
void        _smm_service_take_search_key (SmmService *self,
                                          char       *key);
gboolean    _smm_service_has_search_key  (SmmService *self);

G_END_DECLS
