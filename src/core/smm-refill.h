/* smm-refill.h: a refill requested for an order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SMM_REFILL_STATUS_PENDING,
  SMM_REFILL_STATUS_AWAITING,
  SMM_REFILL_STATUS_IN_PROGRESS,
  SMM_REFILL_STATUS_COMPLETED,
  SMM_REFILL_STATUS_REJECTED,
  SMM_REFILL_STATUS_ERROR,
  SMM_REFILL_STATUS_CANCELED,
  SMM_REFILL_STATUS_UNKNOWN,     /* a status text we do not know, kept verbatim */
} SmmRefillStatus;

SmmRefillStatus  smm_refill_status_from_string (const char      *text);
const char      *smm_refill_status_to_string   (SmmRefillStatus  status);
const char      *smm_refill_status_get_label   (SmmRefillStatus  status);
gboolean         smm_refill_status_is_final    (SmmRefillStatus  status);

#define SMM_TYPE_REFILL (smm_refill_get_type ())
G_DECLARE_FINAL_TYPE (SmmRefill, smm_refill, SMM, REFILL, GObject)

SmmRefill       *smm_refill_new                (gint64           id,
                                                gint64           order_id);

gint64           smm_refill_get_id             (SmmRefill       *self);
void             smm_refill_set_id             (SmmRefill       *self,
                                                gint64           id);
gint64           smm_refill_get_order_id       (SmmRefill       *self);
void             smm_refill_set_order_id       (SmmRefill       *self,
                                                gint64           order_id);
SmmRefillStatus  smm_refill_get_status         (SmmRefill       *self);
const char      *smm_refill_get_status_text    (SmmRefill       *self);
void             smm_refill_set_status_text    (SmmRefill       *self,
                                                const char      *text);
const GError    *smm_refill_get_error          (SmmRefill       *self);
void             smm_refill_set_error          (SmmRefill       *self,
                                                const GError    *error);
GDateTime       *smm_refill_get_created        (SmmRefill       *self);
void             smm_refill_set_created        (SmmRefill       *self,
                                                GDateTime       *created);

G_END_DECLS
