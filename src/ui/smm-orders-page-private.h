/* smm-orders-page-private.h: what the order history's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-order-list.h"
#include "smm-orders-page.h"

G_BEGIN_DECLS

struct _SmmOrdersPage
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *status_dropdown;
  GtkToggleButton   *all_accounts_toggle;
  GtkRevealer       *unconfirmed_revealer;
  GtkLabel          *unconfirmed_label;
  AdwBanner         *unsupported_banner;
  GtkWidget         *refill_button;
  GtkWidget         *cancel_button;
  GtkWidget         *attach_button;   /* shown only for an imported order without its service */
  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkLabel          *count_label;

  SmmOrderList      *orders;
  char              *sort_key;     /* NULL: newest first */
  gint64             show_after_load;
  gboolean           descending;
  GtkMultiSelection *selection;
  SmmApplication    *app;
  SmmAccount        *account;
  SmmTracker        *tracker;          /* whose order-changed updates the actions offered */
  guint              actions_idle;     /* that update, once for a batch of changes */
};

/* smm-orders-page.c */
void       smm_orders_page_update_actions     (SmmOrdersPage *self);
void       smm_orders_page_update_progress    (GtkWidget     *cell,
                                              gpointer       item,
                                              gpointer       unused);

/* smm-orders-page-actions.c: what the user does with the orders chosen */
GPtrArray *smm_orders_page_selected_orders   (SmmOrdersPage *self);
void       smm_orders_page_refill_action      (GtkWidget     *widget,
                                              const char    *name,
                                              GVariant      *parameter);
void       smm_orders_page_cancel_action      (GtkWidget     *widget,
                                              const char    *name,
                                              GVariant      *parameter);
void       smm_orders_page_duplicate_action   (GtkWidget     *widget,
                                              const char    *name,
                                              GVariant      *parameter);
void       smm_orders_page_copy_link_action   (GtkWidget     *widget,
                                              const char    *name,
                                              GVariant      *parameter);
void       smm_orders_page_open_link_action   (GtkWidget     *widget,
                                              const char    *name,
                                              GVariant      *parameter);
void       smm_orders_page_update_attach_action (SmmOrdersPage *self);
void       smm_orders_page_attach_service_action (GtkWidget   *widget,
                                                  const char  *name,
                                                  GVariant    *parameter);
void       smm_orders_page_resolve_action     (GtkWidget     *widget,
                                              const char    *name,
                                              GVariant      *parameter);

G_END_DECLS
