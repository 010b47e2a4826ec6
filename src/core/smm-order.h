/* smm-order.h: an order placed on a panel, as SMM Desk knows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-money.h"

G_BEGIN_DECLS

typedef enum {
  /* local states: the panel has not (yet) told us an id */
  SMM_ORDER_STATUS_SUBMITTING,   /* stored, `add` on its way */
  SMM_ORDER_STATUS_UNCONFIRMED,  /* `add` was sent, the answer was lost */
  SMM_ORDER_STATUS_REJECTED,     /* the panel refused it: nothing was charged */
  /* the panel's states */
  SMM_ORDER_STATUS_PENDING,
  SMM_ORDER_STATUS_IN_QUEUE,
  SMM_ORDER_STATUS_PROCESSING,
  SMM_ORDER_STATUS_IN_PROGRESS,
  SMM_ORDER_STATUS_COMPLETED,
  SMM_ORDER_STATUS_PARTIAL,
  SMM_ORDER_STATUS_CANCELED,
  SMM_ORDER_STATUS_REFUNDED,
  /* a subscription's states */
  SMM_ORDER_STATUS_ACTIVE,
  SMM_ORDER_STATUS_PAUSED,
  SMM_ORDER_STATUS_EXPIRED,      /* final, like Completed, Canceled and Refunded */
  SMM_ORDER_STATUS_UNKNOWN,      /* a status text we do not know, kept verbatim: tracked, not final */
} SmmOrderStatus;

SmmOrderStatus  smm_order_status_from_string (const char     *text);
const char     *smm_order_status_to_string   (SmmOrderStatus  status);
const char     *smm_order_status_get_label   (SmmOrderStatus  status);
gboolean        smm_order_status_is_final    (SmmOrderStatus  status);

/* What is not known is said so, never a made-up value: the start count and the remains are
 * -1 until the panel tells them (smm_order_has_start_count(), smm_order_has_remains()), the
 * currency is "" (smm_order_has_currency()), the charge is asked with smm_order_get_charge();
 * a subscription's posts are -1 and its expiry %NULL until told. A JSON writer prints `null`
 * for each of them. */
#define SMM_TYPE_ORDER (smm_order_get_type ())
G_DECLARE_FINAL_TYPE (SmmOrder, smm_order, SMM, ORDER, GObject)

SmmOrder       *smm_order_new                (gint64          id);

gint64          smm_order_get_id             (SmmOrder       *self);
void            smm_order_set_id             (SmmOrder       *self,
                                              gint64          id);
gint64          smm_order_get_local_id       (SmmOrder       *self);
void            smm_order_set_local_id       (SmmOrder       *self,
                                              gint64          local_id);
gint64          smm_order_get_account_id     (SmmOrder       *self);
void            smm_order_set_account_id     (SmmOrder       *self,
                                              gint64          account_id);
gint64          smm_order_get_service_id     (SmmOrder       *self);
void            smm_order_set_service_id     (SmmOrder       *self,
                                              gint64          service_id);
const char     *smm_order_get_service_name   (SmmOrder       *self);
void            smm_order_set_service_name   (SmmOrder       *self,
                                              const char     *name);
const char     *smm_order_get_link           (SmmOrder       *self);
void            smm_order_set_link           (SmmOrder       *self,
                                              const char     *link);
gint64          smm_order_get_quantity       (SmmOrder       *self);
void            smm_order_set_quantity       (SmmOrder       *self,
                                              gint64          quantity);
gboolean        smm_order_get_charge         (SmmOrder       *self,
                                              SmmMoney       *charge);
void            smm_order_set_charge         (SmmOrder       *self,
                                              const SmmMoney *charge);
gint64          smm_order_get_start_count    (SmmOrder       *self);
void            smm_order_set_start_count    (SmmOrder       *self,
                                              gint64          start_count);
gint64          smm_order_get_remains        (SmmOrder       *self);
void            smm_order_set_remains        (SmmOrder       *self,
                                              gint64          remains);
double          smm_order_get_progress       (SmmOrder       *self);
SmmOrderStatus  smm_order_get_status         (SmmOrder       *self);
const char     *smm_order_get_status_text    (SmmOrder       *self);
void            smm_order_set_status_text    (SmmOrder       *self,
                                              const char     *text);
void            smm_order_set_status         (SmmOrder       *self,
                                              SmmOrderStatus  status);
const char     *smm_order_get_currency       (SmmOrder       *self);
void            smm_order_set_currency       (SmmOrder       *self,
                                              const char     *currency);
const GError   *smm_order_get_error          (SmmOrder       *self);
void            smm_order_set_error          (SmmOrder       *self,
                                              const GError   *error);
GDateTime      *smm_order_get_created        (SmmOrder       *self);
void            smm_order_set_created        (SmmOrder       *self,
                                              GDateTime      *created);
gboolean        smm_order_has_start_count    (SmmOrder       *self);
gboolean        smm_order_has_remains        (SmmOrder       *self);
gboolean        smm_order_has_currency       (SmmOrder       *self);
gboolean        smm_order_is_subscription    (SmmOrder       *self);
gint64          smm_order_get_posts          (SmmOrder       *self);
void            smm_order_set_posts          (SmmOrder       *self,
                                              gint64          posts);
const char     *smm_order_get_expiry         (SmmOrder       *self);
void            smm_order_set_expiry         (SmmOrder       *self,
                                              const char     *expiry);
const gint64   *smm_order_get_sub_orders     (SmmOrder       *self,
                                              guint          *n_ids);
void            smm_order_set_sub_orders     (SmmOrder       *self,
                                              const gint64   *ids,
                                              guint           n_ids);
char           *smm_order_dup_subscription_summary (SmmOrder *self);
void            smm_order_update_from        (SmmOrder       *self,
                                              SmmOrder       *other);

G_END_DECLS
