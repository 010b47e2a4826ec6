/* test-services-page.c: the services page says which services a panel lists twice at two
 * prices, and leaves them out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "smm-services-page.h"
#include "smm-test-canned.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *test_account;

/* The page of an account whose panel answers `services` with @reply_file */
static SmmServicesPage *
page_for_reply (SmmTestCanned *panel,
                const char    *reply_file,
                SmmAccount   **account)
{
  g_autofree char *url = smm_test_canned_dup_url (panel);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmClient) client = smm_client_new (url, &error);
  SmmServicesPage *page = g_object_new (SMM_TYPE_SERVICES_PAGE, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  smm_test_canned_set_reply (panel, "services", reply_file);
  *account = smm_test_account_add (smm_application_get_store (app), reply_file, url);
  smm_client_set_key (client, "canned-key");
  smm_client_pool_set_client (smm_application_get_pool (app), smm_account_get_id (*account), client);
  g_object_ref_sink (page);
  smm_services_page_set_account (page, app, *account);
  while (smm_services_page_is_loading (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (smm_services_page_is_loading (page));
  return page;
}

static void
test_duplicate_ids (void)
{
  g_autoptr(SmmTestCanned) panel = smm_test_canned_new ();
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmServicesPage) page = page_for_reply (panel, "services-duplicate-ids.json", &account);
  GListModel *model = smm_services_page_get_model (page);

  g_assert_cmpstr (smm_services_page_get_left_out (page), ==,
                   "The panel lists service 5 twice at different prices: it is left out");
  /* Likes at 0.01 and at 900.00 are not offered; Views, listed twice alike, once */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (smm_test_canned_count (panel, "services"), ==, 1);
}

/* A catalogue without twins: nothing said */
static void
test_clean_catalogue (void)
{
  g_autoptr(SmmTestCanned) panel = smm_test_canned_new ();
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmServicesPage) page = page_for_reply (panel, "services-types.json", &account);

  g_assert_cmpstr (smm_services_page_get_left_out (page), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (smm_services_page_get_model (page)), >, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  /* directories and a history of its own, never the user's */
  dir = smm_test_ui_init (&argc, &argv);
  adw_init ();
  window = smm_test_window_new (&app, &test_account);

  g_test_add_func ("/ui/services-page/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/ui/services-page/clean-catalogue", test_clean_catalogue);
  status = g_test_run ();

  smm_test_window_destroy (window, app, test_account);
  smm_test_dir_remove (dir);
  return status;
}
