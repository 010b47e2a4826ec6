/* test-mass-order-dialog.c: the mass order checks every pasted line against the catalogue,
 * shows each line's state and charge and the total, and lets orders be placed only when
 * some line is ready */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "smm-mass-order-dialog.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"
#include "test-ui-util.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *account;

static GPtrArray *
make_catalogue (void)
{
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (services, smm_test_service_new (1, "Instagram", "Instagram Followers", "Default",
                                                   "0.90", 50, 10000));
  g_ptr_array_add (services, smm_test_service_new (2, "Instagram", "Instagram Followers", "Default",
                                                   "2.00", 100, 5000));
  g_ptr_array_add (services, smm_test_service_new (3, "Instagram", "Instagram Followers", "Custom Comments",
                                                   "8", 10, 100));
  return services;
}

static SmmMassOrderState
state_of (SmmMassOrderDialog *dialog,
          guint               position)
{
  SmmMassOrder *mass = smm_mass_order_dialog_get_mass_order (dialog);

  g_assert_nonnull (mass);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (G_LIST_MODEL (mass)));
  return smm_mass_order_line_get_state (smm_mass_order_get_line (mass, position));
}

static void
test_preview (void)
{
  g_autoptr(GPtrArray) services = make_catalogue ();
  SmmMassOrderDialog *dialog = smm_mass_order_dialog_new (window, account, services);
  SmmMassOrder *mass;
  SmmMassOrderSummary summary;
  SmmMoney charge;

  /* nothing written: nothing to place */
  g_assert_false (smm_mass_order_dialog_can_place (dialog));

  smm_mass_order_dialog_set_text (dialog,
                                  "# my orders for Monday\n"
                                  "1|https://instagram.com/nasa|1000\n"
                                  "\n"
                                  "2 | 500 | https://instagram.com/esa\n"
                                  "1|https://instagram.com/cnes|10\n"          /* below the minimum */
                                  "99|https://instagram.com/jaxa|1000\n"       /* no such service */
                                  "3|https://instagram.com/p/abc|20\n"         /* needs comments */
                                  "1|not a link|1000\n"
                                  "1|https://instagram.com/isro|many\n");
  mass = smm_mass_order_dialog_get_mass_order (dialog);
  g_assert_nonnull (mass);
  /* the comment and the blank line are not lines */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mass)), ==, 7);
  g_assert_cmpint (state_of (dialog, 0), ==, SMM_MASS_ORDER_STATE_READY);
  g_assert_cmpint (state_of (dialog, 1), ==, SMM_MASS_ORDER_STATE_READY);
  for (guint i = 2; i < 7; i++)
    g_assert_cmpint (state_of (dialog, i), ==, SMM_MASS_ORDER_STATE_INVALID);
  g_assert_cmpuint (smm_mass_order_line_get_line (smm_mass_order_get_line (mass, 1)), ==, 4);
  g_assert_cmpstr (smm_mass_order_line_get_link (smm_mass_order_get_line (mass, 1)), ==, "https://instagram.com/esa");

  /* 1000 at 0.90 and 500 at 2.00 per 1000 */
  g_assert_true (smm_mass_order_line_get_charge (smm_mass_order_get_line (mass, 0), &charge));
  g_assert_cmpint (charge.units, ==, 90000000);
  smm_mass_order_get_summary (mass, &summary);
  g_assert_cmpuint (summary.n_ready, ==, 2);
  g_assert_cmpuint (summary.n_invalid, ==, 5);
  g_assert_cmpint (summary.total.units, ==, 190000000);
  g_assert_nonnull (strstr (smm_mass_order_dialog_get_summary (dialog), "1.90"));
  g_assert_nonnull (strstr (smm_mass_order_dialog_get_summary (dialog), "5 lines have problems"));
  g_assert_true (smm_mass_order_dialog_can_place (dialog));

  /* only bad lines: Place is insensitive */
  smm_mass_order_dialog_set_text (dialog, "99|https://instagram.com/jaxa|1000\n1|https://instagram.com/x|5\n");
  g_assert_cmpint (state_of (dialog, 0), ==, SMM_MASS_ORDER_STATE_INVALID);
  g_assert_cmpint (state_of (dialog, 1), ==, SMM_MASS_ORDER_STATE_INVALID);
  g_assert_false (smm_mass_order_dialog_can_place (dialog));

  /* only comments */
  smm_mass_order_dialog_set_text (dialog, "# nothing yet\n\n");
  g_assert_false (smm_mass_order_dialog_can_place (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_balance (void)
{
  g_autoptr(GPtrArray) services = make_catalogue ();
  SmmMassOrderDialog *dialog;
  SmmMoney balance;

  g_assert_true (smm_money_parse ("5", &balance, NULL));
  smm_account_set_balance (account, &balance);
  dialog = smm_mass_order_dialog_new (window, account, services);
  smm_mass_order_dialog_set_text (dialog, "2|https://instagram.com/esa|5000\n");
  /* 10.00 against a balance of 5: shown, still placeable (the panel decides) */
  g_assert_nonnull (strstr (smm_mass_order_dialog_get_summary (dialog), "10.00"));
  g_assert_nonnull (strstr (smm_mass_order_dialog_get_summary (dialog), "not enough"));
  g_assert_true (smm_mass_order_dialog_can_place (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_csv (void)
{
  g_autoptr(GPtrArray) services = make_catalogue ();
  SmmMassOrderDialog *dialog = smm_mass_order_dialog_new (window, account, services);

  smm_mass_order_dialog_set_text (dialog, "service,link,quantity\n"
                                          "1,https://instagram.com/nasa,100\n"
                                          "2,\"https://instagram.com/esa?a=1,2\",200\n");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smm_mass_order_dialog_get_mass_order (dialog))), ==, 2);
  g_assert_cmpint (state_of (dialog, 0), ==, SMM_MASS_ORDER_STATE_READY);
  g_assert_cmpint (state_of (dialog, 1), ==, SMM_MASS_ORDER_STATE_READY);
  g_assert_true (smm_mass_order_dialog_can_place (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_confirm (void)
{
  g_autoptr(GPtrArray) services = make_catalogue ();
  SmmMassOrderDialog *dialog = smm_mass_order_dialog_new (window, account, services);
  AdwAlertDialog *question;

  smm_mass_order_dialog_set_text (dialog, "1|https://instagram.com/nasa|1000\n"
                                          "2|https://instagram.com/esa|500\n"
                                          "99|https://instagram.com/jaxa|1000\n");
  question = smm_mass_order_dialog_place (dialog);
  g_assert_nonnull (question);
  /* asked inside the mass order's window: how many, where to, what in all, what is left out */
  g_assert_true (adw_window_get_visible_dialog (ADW_WINDOW (dialog)) == ADW_DIALOG (question));
  g_assert_cmpstr (adw_alert_dialog_get_heading (question), ==, "Place 2 Orders?");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (question), "“Test”"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (question), "1.90"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (question), "1 line with a problem is left out."));
  g_assert_cmpstr (adw_alert_dialog_get_response_label (question, "place"), ==, "_Place Orders");
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (question, "place"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_alert_dialog_get_default_response (question), ==, "place");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (question), ==, "cancel");
  g_assert_true (smm_mass_order_dialog_place (dialog) == question);

  /* Cancel places nothing: the text stays editable, and Place asks again */
  test_alert_respond (question, "cancel");
  g_assert_null (adw_window_get_visible_dialog (ADW_WINDOW (dialog)));
  g_assert_true (smm_mass_order_dialog_can_place (dialog));
  g_assert_cmpint (state_of (dialog, 0), ==, SMM_MASS_ORDER_STATE_READY);
  smm_mass_order_dialog_set_text (dialog, "1|https://instagram.com/nasa|1000\n");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smm_mass_order_dialog_get_mass_order (dialog))), ==, 1);
  question = smm_mass_order_dialog_place (dialog);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_alert_dialog_get_heading (question), ==, "Place 1 Order?");

  /* closing the question (Escape) is Cancel */
  g_assert_true (adw_dialog_close (ADW_DIALOG (question)));
  g_assert_null (adw_window_get_visible_dialog (ADW_WINDOW (dialog)));
  g_assert_true (smm_mass_order_dialog_can_place (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  /* directories and a history of its own, never the user's */
  dir = smm_test_ui_init (&argc, &argv);
  adw_init ();
  window = smm_test_window_new (&app, &account);

  g_test_add_func ("/ui/mass-order-dialog/preview", test_preview);
  g_test_add_func ("/ui/mass-order-dialog/balance", test_balance);
  g_test_add_func ("/ui/mass-order-dialog/csv", test_csv);
  g_test_add_func ("/ui/mass-order-dialog/confirm", test_confirm);
  status = g_test_run ();

  smm_test_window_destroy (window, app, account);
  smm_test_dir_remove (dir);
  return status;
}
