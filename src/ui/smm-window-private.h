/* smm-window-private.h: what the main window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-changes-page.h"
#include "smm-orders-page.h"
#include "smm-refills-page.h"
#include "smm-services-page.h"
#include "smm-spending-page.h"
#include "smm-window.h"

G_BEGIN_DECLS

struct _SmmWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *account_dropdown;
  GtkButton            *balance_button;
  GtkWidget            *refresh_button;
  GtkStack             *title_stack;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  SmmServicesPage      *services_page;
  SmmOrdersPage        *orders_page;
  SmmRefillsPage       *refills_page;
  SmmChangesPage       *changes_page;
  SmmSpendingPage      *spending_page;

  SmmApplication       *app;
  SmmAccount           *account;
  GCancellable         *cancellable;
  guint                 reload_idle;
  guint                 soon_refresh;
  gboolean              exporting;     /* the file to export to is being chosen */
};

void smm_window_set_account       (SmmWindow       *self,
                                   SmmAccount      *account);
void smm_window_refresh_balance   (SmmWindow       *self);
void smm_window_refresh_cb        (GObject         *object,
                                   GAsyncResult    *result,
                                   gpointer         data);
void smm_window_class_add_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
