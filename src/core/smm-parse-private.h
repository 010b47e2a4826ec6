/* smm-parse-private.h: what the reply parsers share: one order's and one refill's answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "smm-parse.h"

G_BEGIN_DECLS

SmmOrder   *_smm_parse_order_from_item         (gint64    id,
                                                JsonNode *value);
SmmRefill  *_smm_parse_refill_status_from_item (gint64    refill_id,
                                                JsonNode *value);

G_END_DECLS
