/* test-refills-page.c: the refills page says when the account's panel does not tell refills'
 * status, instead of showing the last statuses it knew as if they were current
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "smm-refills-page.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *test_account;

/* The page's banner: the first one under it */
static AdwBanner *
find_banner (GtkWidget *widget)
{
  if (ADW_IS_BANNER (widget))
    return ADW_BANNER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwBanner *banner = find_banner (child);
      if (banner)
        return banner;
    }
  return NULL;
}

static void
test_refill_status_unsupported (void)
{
  SmmStore *store = smm_application_get_store (app);
  g_autoptr(SmmAccount) bare = smm_test_account_add (store, "Bare", "https://bare.example/api/v2");
  g_autoptr(SmmAccount) full = smm_test_account_add (store, "Full", "https://full.example/api/v2");
  SmmRefillsPage *page = g_object_ref_sink (g_object_new (SMM_TYPE_REFILLS_PAGE, NULL));
  AdwBanner *banner = find_banner (GTK_WIDGET (page));

  g_assert_nonnull (banner);
  smm_refills_page_set_account (page, app, full);
  g_assert_false (adw_banner_get_revealed (banner));

  smm_refills_page_set_account (page, app, bare);
  g_assert_false (adw_banner_get_revealed (banner));
  /* learnt while the page shows the account (its SmmAccount is the one read before) */
  g_assert_true (smm_store_set_unsupported (store, smm_account_get_id (bare), SMM_PANEL_ACTION_REFILL_STATUS,
                                            NULL));
  smm_refills_page_reload (page);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "This panel does not report the status of refills through its API");

  smm_refills_page_set_account (page, app, full);
  g_assert_false (adw_banner_get_revealed (banner));
  g_object_unref (page);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = smm_test_dir_new ("smm-refills-page-XXXXXX");
  g_autofree char *store = g_build_filename (dir, "orders.db", NULL);
  int status;

  /* a history of its own, never the user's */
  g_setenv ("SMM_DESK_STORE", store, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  window = smm_test_window_new (&app, &test_account);

  g_test_add_func ("/ui/refills-page/refill-status-unsupported", test_refill_status_unsupported);
  status = g_test_run ();

  smm_test_window_destroy (window, app, test_account);
  smm_test_dir_remove (dir);
  return status;
}
