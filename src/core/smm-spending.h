/* smm-spending.h: what was spent, per day, week or month, and per category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "smm-money.h"
#include "smm-store.h"

G_BEGIN_DECLS

/* One order as spending sees it (from smm_store_list_spending()) */
typedef struct {
  gint64          account_id;
  gint64          created;     /* Unix time */
  SmmOrderStatus  status;
  SmmMoney        charge;      /* the latest the panel reported: what the order cost after refunds */
  gboolean        has_charge;  /* the panel has reported a charge */
  SmmMoney        estimate;    /* the charge shown when the order was placed */
  gboolean        has_estimate;
  gint64          quantity;
  gint64          remains;     /* -1 when not known */
  char           *currency;
  char           *category;    /* "" when not known */
} SmmSpendingEntry;

void        smm_spending_entry_free     (SmmSpendingEntry        *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmSpendingEntry, smm_spending_entry_free)

typedef enum {
  SMM_SPENDING_BY_DAY,
  SMM_SPENDING_BY_WEEK,    /* ISO weeks: from Monday */
  SMM_SPENDING_BY_MONTH,
} SmmSpendingPeriod;

/* One sum: of a period (start set) or of a category (category set), for one account. */
typedef struct {
  GDateTime *start;         /* the first moment of the period, local time; NULL for a category */
  char      *category;      /* NULL for a period; "" when the category is not known */
  gint64     account_id;
  char      *currency;      /* sums are never mixed across currencies */
  SmmMoney   spent;         /* charges less refunds */
  SmmMoney   refunded;      /* given back for partial and canceled orders */
  SmmMoney   unconfirmed;   /* orders whose fate is not known: not in spent */
  guint      n_orders;      /* the orders counted in spent */
} SmmSpendingRow;

void        smm_spending_row_free       (SmmSpendingRow          *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmSpendingRow, smm_spending_row_free)


gboolean    smm_spending_entry_get_cost (const SmmSpendingEntry  *entry,
                                         SmmMoney                *spent,
                                         SmmMoney                *refunded);
GPtrArray  *smm_spending_by_period      (GPtrArray               *entries,
                                         SmmSpendingPeriod        period,
                                         GTimeZone               *tz);
GPtrArray  *smm_spending_by_category    (GPtrArray               *entries);

G_END_DECLS
