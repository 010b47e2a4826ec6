/* smm-spending-chart.h: a bar chart of money spent, one bar a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "smm-money.h"

G_BEGIN_DECLS

#define SMM_TYPE_SPENDING_CHART (smm_spending_chart_get_type ())
G_DECLARE_FINAL_TYPE (SmmSpendingChart, smm_spending_chart, SMM, SPENDING_CHART, GtkWidget)

GtkWidget *smm_spending_chart_new       (void);
void       smm_spending_chart_clear     (SmmSpendingChart *self);
void       smm_spending_chart_add_bar   (SmmSpendingChart *self,
                                         const char       *label,
                                         SmmMoney          amount);
void       smm_spending_chart_set_currency (SmmSpendingChart *self,
                                         const char       *currency);
guint      smm_spending_chart_get_n_bars (SmmSpendingChart *self);

G_END_DECLS
