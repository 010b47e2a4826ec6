/* smm-spending.c: what was spent, per day, week or month, and per category
 *
 * What an order cost is the charge its panel last reported: panels report the
 * charge after refunds (API.md, "Seen on real panels"), so that the sum moves
 * with the balance. What came back is the charge shown at placing less that.
 * Until the panel has reported a charge, the estimate stands, less what the
 * status says came back: a partial order charge × remains / quantity, a
 * canceled or refunded one all of it. Orders that were never placed
 * (submitting, rejected) cost nothing. Unconfirmed orders may or may not exist:
 * they are not in the sums but counted apart, so the user sees there is
 * something to settle.
 *
 * Sums are exact (SmmMoney) and kept apart per account, so per currency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-spending"

#include "config.h"

#include <string.h>

#include "smm-spending.h"

void
smm_spending_entry_free (SmmSpendingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->currency);
  g_free (entry->category);
  g_free (entry);
}

void
smm_spending_row_free (SmmSpendingRow *row)
{
  if (row == NULL)
    return;
  g_clear_pointer (&row->start, g_date_time_unref);
  g_free (row->category);
  g_free (row->currency);
  g_free (row);
}

/* What the status word says came back of @estimate, for an order whose panel has not reported a
 * charge */
static SmmMoney
refund_by_status (const SmmSpendingEntry *entry,
                  SmmMoney                estimate)
{
  SmmMoney back = SMM_MONEY_ZERO;

  switch (entry->status)
    {
    case SMM_ORDER_STATUS_CANCELED:
    case SMM_ORDER_STATUS_REFUNDED:
      return estimate;
    case SMM_ORDER_STATUS_PARTIAL:
      if (entry->quantity > 0 && entry->remains > 0 &&
          !smm_money_scale (estimate, MIN (entry->remains, entry->quantity), entry->quantity, &back))
        back = SMM_MONEY_ZERO;
      return back;
    default:
      return back;
    }
}

/**
 * smm_spending_entry_get_cost:
 * @spent: (out): what the order cost, refunds taken off
 * @refunded: (out) (optional): what was given back
 *
 * Returns: %FALSE when the order costs nothing because it was never placed or
 * is unconfirmed, or neither its charge nor its estimate is known
 */
gboolean
smm_spending_entry_get_cost (const SmmSpendingEntry *entry,
                             SmmMoney               *spent,
                             SmmMoney               *refunded)
{
  SmmMoney back = SMM_MONEY_ZERO;

  switch (entry->status)
    {
    case SMM_ORDER_STATUS_SUBMITTING:
    case SMM_ORDER_STATUS_UNCONFIRMED:
    case SMM_ORDER_STATUS_REJECTED:
      return FALSE;
    default:
      break;
    }
  if (entry->has_charge)
    {
      /* the panel's word; a panel that charged more than the estimate gave nothing back */
      *spent = entry->charge;
      if (entry->has_estimate && entry->estimate.units > entry->charge.units)
        back = smm_money_from_units (entry->estimate.units - entry->charge.units);
    }
  else if (entry->has_estimate)
    {
      back = refund_by_status (entry, entry->estimate);
      *spent = smm_money_from_units (entry->estimate.units - back.units);
    }
  else
    return FALSE;
  if (refunded)
    *refunded = back;
  return TRUE;
}

static void
add_to (SmmMoney *sum,
        SmmMoney  amount)
{
  if (!smm_money_add (*sum, amount, sum))
    sum->units = G_MAXINT64;
}

/* The row of @key, made when new. */
static SmmSpendingRow *
row_for (GHashTable             *rows,
         GPtrArray              *order,
         const SmmSpendingEntry *entry,
         GDateTime              *start,
         const char             *category)
{
  g_autofree char *start_text = start ? g_date_time_format (start, "%FT%T%z") : NULL;
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%s\n%s", entry->account_id, entry->currency,
                               start_text ? start_text : "", category ? category : "");
  SmmSpendingRow *row = g_hash_table_lookup (rows, key);

  if (row)
    {
      g_free (key);
      return row;
    }
  row = g_new0 (SmmSpendingRow, 1);
  row->start = start ? g_date_time_ref (start) : NULL;
  row->category = g_strdup (category);
  row->account_id = entry->account_id;
  row->currency = g_strdup (entry->currency);
  g_hash_table_insert (rows, key, row);
  g_ptr_array_add (order, row);
  return row;
}

static void
count (SmmSpendingRow         *row,
       const SmmSpendingEntry *entry)
{
  SmmMoney spent, refunded;

  if (entry->status == SMM_ORDER_STATUS_UNCONFIRMED && (entry->has_charge || entry->has_estimate))
    add_to (&row->unconfirmed, entry->has_charge ? entry->charge : entry->estimate);
  if (!smm_spending_entry_get_cost (entry, &spent, &refunded))
    return;
  add_to (&row->spent, spent);
  add_to (&row->refunded, refunded);
  row->n_orders++;
}

static GDateTime *
period_start (gint64             created,
              SmmSpendingPeriod  period,
              GTimeZone         *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (created);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) day = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                                              g_date_time_get_day_of_month (local), 0, 0, 0);

  switch (period)
    {
    case SMM_SPENDING_BY_DAY:
      return g_steal_pointer (&day);
    case SMM_SPENDING_BY_WEEK:
      /* back to Monday by the calendar, not by 24-hour steps: a day can be 23 hours */
      {
        g_autoptr(GDateTime) monday = g_date_time_add_days (local, 1 - g_date_time_get_day_of_week (local));
        return g_date_time_new (tz, g_date_time_get_year (monday), g_date_time_get_month (monday),
                                g_date_time_get_day_of_month (monday), 0, 0, 0);
      }
    case SMM_SPENDING_BY_MONTH:
    default:
      return g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local), 1, 0, 0, 0);
    }
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const SmmSpendingRow *x = *(SmmSpendingRow **) a;
  const SmmSpendingRow *y = *(SmmSpendingRow **) b;
  int c = g_date_time_compare (y->start, x->start);

  if (c != 0)
    return c;
  if (x->account_id != y->account_id)
    return x->account_id < y->account_id ? -1 : 1;
  return g_strcmp0 (x->currency, y->currency);
}

/**
 * smm_spending_by_period:
 * @entries: (element-type SmmSpendingEntry): from smm_store_list_spending()
 * @tz: (nullable): the time zone of days, weeks and months; %NULL for the local one
 *
 * Returns: (transfer container) (element-type SmmSpendingRow): one row per
 * period, account and currency that had orders, newest period first
 */
GPtrArray *
smm_spending_by_period (GPtrArray         *entries,
                        SmmSpendingPeriod  period,
                        GTimeZone         *tz)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GTimeZone) local = tz ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_spending_row_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const SmmSpendingEntry *entry = entries->pdata[i];
      g_autoptr(GDateTime) start = NULL;

      if (entry->status == SMM_ORDER_STATUS_SUBMITTING || entry->status == SMM_ORDER_STATUS_REJECTED)
        continue;
      start = period_start (entry->created, period, local);
      count (row_for (rows, list, entry, start, NULL), entry);
    }
  g_ptr_array_sort (list, compare_periods);
  return list;
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const SmmSpendingRow *x = *(SmmSpendingRow **) a;
  const SmmSpendingRow *y = *(SmmSpendingRow **) b;
  int c;

  if (x->account_id != y->account_id)
    return x->account_id < y->account_id ? -1 : 1;
  if ((c = g_strcmp0 (x->currency, y->currency)) != 0)
    return c;
  if ((c = smm_money_compare (y->spent, x->spent)) != 0)
    return c;
  return g_utf8_collate (x->category, y->category);
}

/**
 * smm_spending_by_category:
 * @entries: (element-type SmmSpendingEntry): from smm_store_list_spending()
 *
 * Returns: (transfer container) (element-type SmmSpendingRow): one row per
 * account, currency and category, the largest spending of each account first
 */
GPtrArray *
smm_spending_by_category (GPtrArray *entries)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_spending_row_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const SmmSpendingEntry *entry = entries->pdata[i];

      if (entry->status == SMM_ORDER_STATUS_SUBMITTING || entry->status == SMM_ORDER_STATUS_REJECTED)
        continue;
      count (row_for (rows, list, entry, NULL, entry->category), entry);
    }
  g_ptr_array_sort (list, compare_categories);
  return list;
}
