/* test-order-dialog.c: the new-order dialog shows exactly the fields of each service type,
 * follows the charge as the user types, and lets an order be placed only when it is valid */
#include "config.h"

#include "smm-format.h"

#include <adwaita.h>
#include <string.h>

#include "smm-order-dialog.h"
#include "smm-test-canned.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"
#include "test-ui-util.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *account;

static void
test_fields_of_every_type (void)
{
  for (guint t = 0; t < SMM_N_SERVICE_TYPES; t++)
    {
      g_autoptr(SmmService) service = smm_test_typed_service_new (t, "1", 0, 0);
      SmmOrderDialog *dialog = smm_order_dialog_new (window, account, service, NULL);
      guint fields = smm_service_type_required_fields (t) | smm_service_type_optional_fields (t);

      g_test_message ("%s", smm_service_type_get_label (t));
      for (guint f = 0; f < SMM_N_FIELDS; f++)
        g_assert_true ((smm_order_dialog_get_field (dialog, f) != NULL) == ((fields & SMM_FIELD_BIT (f)) != 0));
      /* nothing filled in: nothing to place */
      g_assert_false (smm_order_dialog_can_place (dialog));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
test_default_charge (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  SmmOrderDialog *dialog = smm_order_dialog_new (window, account, service, NULL);

  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_charge (dialog), "0.90"));

  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "2500");
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_charge (dialog), "2.25"));

  /* below the minimum, a link that is not one, a count that is not a number */
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "10");
  g_assert_false (smm_order_dialog_can_place (dialog));
  g_assert_nonnull (strstr (smm_order_dialog_get_problem (dialog), "minimum of 50"));
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "100");
  g_assert_true (smm_order_dialog_can_place (dialog));
  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "nasa");
  g_assert_false (smm_order_dialog_can_place (dialog));
  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "-5");
  g_assert_false (smm_order_dialog_can_place (dialog));
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "99999999999999999999");
  g_assert_false (smm_order_dialog_can_place (dialog));

  /* drip-feed: the charge covers every run */
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
  smm_order_dialog_set_field (dialog, SMM_FIELD_RUNS, "4");
  g_assert_false (smm_order_dialog_can_place (dialog));
  smm_order_dialog_set_field (dialog, SMM_FIELD_INTERVAL, "30");
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_charge (dialog), "3.60"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "dripfeed": false: no runs or interval, and the charge is quantity × rate; absent: allowed,
 * with a note; the facts say what the panel did not tell about refill and cancel */
static void
test_dripfeed_flag (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  SmmOrderDialog *dialog;

  smm_service_set_dripfeed (service, SMM_TRISTATE_NO);
  dialog = smm_order_dialog_new (window, account, service, NULL);
  g_assert_null (smm_order_dialog_get_field (dialog, SMM_FIELD_RUNS));
  g_assert_null (smm_order_dialog_get_field (dialog, SMM_FIELD_INTERVAL));
  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_charge (dialog), "0.90"));
  g_assert_cmpstr (smm_order_dialog_get_note (dialog), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));

  smm_service_set_dripfeed (service, SMM_TRISTATE_UNKNOWN);
  dialog = smm_order_dialog_new (window, account, service, NULL);
  g_assert_nonnull (smm_order_dialog_get_field (dialog, SMM_FIELD_RUNS));
  g_assert_nonnull (strstr (smm_order_dialog_get_note (dialog), "drip-feed"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  smm_service_set_dripfeed (service, SMM_TRISTATE_YES);
  dialog = smm_order_dialog_new (window, account, service, NULL);
  g_assert_nonnull (smm_order_dialog_get_field (dialog, SMM_FIELD_RUNS));
  g_assert_cmpstr (smm_order_dialog_get_note (dialog), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_comments_count (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_CUSTOM_COMMENTS, "8", 2, 5);
  SmmOrderDialog *dialog = smm_order_dialog_new (window, account, service, NULL);
  GString *huge = g_string_new (NULL);

  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/p/abc");
  smm_order_dialog_set_field (dialog, SMM_FIELD_COMMENTS, "Harika 😍");
  g_assert_false (smm_order_dialog_can_place (dialog));
  smm_order_dialog_set_field (dialog, SMM_FIELD_COMMENTS, "Harika 😍\nçok güzel\n\nمرحبا");
  g_assert_true (smm_order_dialog_can_place (dialog));
  /* 3 comments at 8 per 1000 */
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_charge (dialog), "0.024"));

  while (huge->len < 1024 * 1024)
    g_string_append (huge, "a comment\n");
  smm_order_dialog_set_field (dialog, SMM_FIELD_COMMENTS, huge->str);
  g_assert_false (smm_order_dialog_can_place (dialog));
  g_string_free (huge, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_subscriptions (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_SUBSCRIPTIONS, "2", 100, 1000);
  SmmOrderDialog *dialog = smm_order_dialog_new (window, account, service, NULL);

  g_assert_null (smm_order_dialog_get_field (dialog, SMM_FIELD_LINK));
  smm_order_dialog_set_field (dialog, SMM_FIELD_USERNAME, "nasa");
  smm_order_dialog_set_field (dialog, SMM_FIELD_MIN, "200");
  smm_order_dialog_set_field (dialog, SMM_FIELD_MAX, "800");
  smm_order_dialog_set_field (dialog, SMM_FIELD_DELAY, "30");
  g_assert_true (smm_order_dialog_can_place (dialog));
  smm_order_dialog_set_field (dialog, SMM_FIELD_EXPIRY, "31/02/2027");
  g_assert_false (smm_order_dialog_can_place (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_prefill (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  g_autoptr(SmmOrderRequest) prefill = smm_order_request_new_for_service (service);
  SmmOrderDialog *dialog;

  smm_order_request_set (prefill, SMM_FIELD_LINK, "https://instagram.com/esa");
  smm_order_request_set (prefill, SMM_FIELD_QUANTITY, "500");
  dialog = smm_order_dialog_new (window, account, service, prefill);
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (smm_order_dialog_get_field (dialog, SMM_FIELD_LINK))), ==,
                   "https://instagram.com/esa");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_confirm (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  SmmOrderDialog *dialog = smm_order_dialog_new (window, account, service, NULL);
  AdwAlertDialog *question;

  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
  question = smm_order_dialog_place (dialog);
  g_assert_nonnull (question);
  /* asked inside the order's own window, naming what is ordered and what it costs */
  g_assert_true (adw_window_get_visible_dialog (ADW_WINDOW (dialog)) == ADW_DIALOG (question));
  g_assert_cmpstr (adw_alert_dialog_get_heading (question), ==, "Place This Order?");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (question), "“Test service” for https://instagram.com/nasa"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (question), "0.90"));
  {
    /* the quantity, grouped as the locale groups counts */
    g_autofree char *count = smm_format_count (1000);
    g_autofree char *line = g_strdup_printf ("\nQuantity: %s\n", count);

    g_assert_nonnull (strstr (adw_alert_dialog_get_body (question), line));
  }
  g_assert_cmpstr (adw_alert_dialog_get_response_label (question, "place"), ==, "_Place Order");
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (question, "place"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_alert_dialog_get_default_response (question), ==, "place");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (question), ==, "cancel");
  /* pressing Place again while it is asked asks nothing more */
  g_assert_true (smm_order_dialog_place (dialog) == question);

  /* Cancel sends nothing: the order stays ready, and Place asks again */
  test_alert_respond (question, "cancel");
  g_assert_null (adw_window_get_visible_dialog (ADW_WINDOW (dialog)));
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_cmpstr (smm_order_dialog_get_problem (dialog), ==, "Ready to place.");
  question = smm_order_dialog_place (dialog);
  g_assert_nonnull (question);

  /* closing the question (Escape) is Cancel */
  g_assert_true (adw_dialog_close (ADW_DIALOG (question)));
  g_assert_null (adw_window_get_visible_dialog (ADW_WINDOW (dialog)));
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_nonnull (smm_order_dialog_place (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A type SMM Desk does not know: the usual fields, the note that the panel decides, and free
 * fields of the panel's own that reach the request as written */
static void
test_unknown_type_extra_fields (void)
{
  g_autoptr(SmmService) service = smm_test_service_new (41, "Instagram", "Custom Likes Plus", "Likes Plus",
                                                        "1.50", 100, 5000);
  SmmOrderDialog *dialog = smm_order_dialog_new (window, account, service, NULL);
  SmmExtraFields *extra = smm_order_dialog_get_extra_fields (dialog);
  SmmOrderRequest *request;
  guint row;

  g_assert_cmpint (smm_service_get_service_type (service), ==, SMM_SERVICE_TYPE_UNKNOWN);
  g_assert_nonnull (smm_order_dialog_get_field (dialog, SMM_FIELD_LINK));
  g_assert_nonnull (smm_order_dialog_get_field (dialog, SMM_FIELD_QUANTITY));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (extra)));
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_note (dialog),
                                  smm_service_type_get_note (SMM_SERVICE_TYPE_UNKNOWN)));
  g_assert_nonnull (strstr (smm_order_dialog_get_note (dialog), "The panel decides which fields it reads"));

  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/p/Cx1");
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
  g_assert_true (smm_order_dialog_can_place (dialog));
  g_assert_true (g_str_has_prefix (smm_order_dialog_get_charge (dialog), "1.50"));

  /* two fields of the panel's own, and an empty row, which is no field */
  smm_extra_fields_add (extra, "gender", "female");
  row = smm_extra_fields_add (extra, "speed", "fast");
  smm_extra_fields_add (extra, NULL, NULL);
  g_assert_cmpuint (smm_extra_fields_get_n_fields (extra), ==, 3);
  g_assert_true (smm_order_dialog_can_place (dialog));
  request = smm_order_dialog_get_request (dialog);
  g_assert_cmpstr (smm_order_request_get_extra (request, "gender"), ==, "female");
  g_assert_cmpstr (smm_order_request_get_extra (request, "speed"), ==, "fast");
  g_assert_cmpstr (smm_order_request_get (request, SMM_FIELD_QUANTITY), ==, "1000");
  {
    g_autoptr(GPtrArray) form = smm_order_request_to_form (request);
    gboolean sent = FALSE;

    for (guint i = 0; i + 1 < form->len; i += 2)
      sent |= g_str_equal (form->pdata[i], "gender") && g_str_equal (form->pdata[i + 1], "female");
    g_assert_true (sent);
  }

  /* removed: not sent */
  smm_extra_fields_remove (extra, row);
  g_assert_null (smm_order_request_get_extra (smm_order_dialog_get_request (dialog), "speed"));
  g_assert_cmpstr (smm_order_request_get_extra (smm_order_dialog_get_request (dialog), "gender"), ==, "female");

  /* a name SMM Desk fills in itself, or a value without a name: not placed, and why */
  smm_extra_fields_add (extra, "country", "TR");
  g_assert_false (smm_order_dialog_can_place (dialog));
  g_assert_nonnull (strstr (smm_order_dialog_get_problem (dialog), "cannot be the name of a field"));
  smm_extra_fields_remove (extra, smm_extra_fields_get_n_fields (extra) - 1);
  g_assert_true (smm_order_dialog_can_place (dialog));
  smm_extra_fields_add (extra, "", "orphan");
  g_assert_false (smm_order_dialog_can_place (dialog));
  g_assert_cmpstr (smm_order_dialog_get_problem (dialog), ==, "Give each of the other fields a name, or remove it.");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a type SMM Desk knows takes its own fields only */
  {
    g_autoptr(SmmService) known = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);

    dialog = smm_order_dialog_new (window, account, known, NULL);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (smm_order_dialog_get_extra_fields (dialog))));
    g_assert_null (strstr (smm_order_dialog_get_note (dialog), "does not know"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

static void
placed_cb (SmmOrderDialog *dialog,
           SmmOrder       *order,
           gint64         *panel_id)
{
  *panel_id = order ? smm_order_get_id (order) : -1;
}

/* Placed, the other fields reach the panel as written, after the usual ones, in one request */
static void
test_unknown_type_sends_extra_fields (void)
{
  g_autoptr(SmmTestCanned) panel = smm_test_canned_new ();
  g_autofree char *url = smm_test_canned_dup_url (panel);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmClient) client = smm_client_new (url, &error);
  g_autoptr(SmmAccount) own = smm_test_account_add (smm_application_get_store (app), "Likes Plus Panel", url);
  g_autoptr(SmmService) service = smm_test_service_new (41, "Instagram", "Custom Likes Plus", "Likes Plus",
                                                        "1.50", 100, 5000);
  SmmOrderDialog *dialog;
  gint64 panel_id = 0;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  smm_client_set_key (client, "canned-key");
  smm_client_pool_set_client (smm_application_get_pool (app), smm_account_get_id (own), client);
  smm_test_canned_set (panel, "add", "{\"order\":23501}");
  dialog = smm_order_dialog_new (window, own, service, NULL);
  g_signal_connect (dialog, "placed", G_CALLBACK (placed_cb), &panel_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, "https://instagram.com/p/Cx1");
  smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
  smm_extra_fields_add (smm_order_dialog_get_extra_fields (dialog), "gender", "female");
  smm_extra_fields_add (smm_order_dialog_get_extra_fields (dialog), "speed_tier", "2");
  test_alert_respond (smm_order_dialog_place (dialog), "place");
  while ((panel_id == 0 || dialog != NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (panel_id, ==, 23501);
  g_assert_cmpuint (smm_test_canned_count (panel, "add"), ==, 1);
  g_assert_cmpstr (smm_test_canned_get_field (panel, "add", "service"), ==, "41");
  g_assert_cmpstr (smm_test_canned_get_field (panel, "add", "quantity"), ==, "1000");
  g_assert_cmpstr (smm_test_canned_get_field (panel, "add", "gender"), ==, "female");
  g_assert_cmpstr (smm_test_canned_get_field (panel, "add", "speed_tier"), ==, "2");
  /* placed: the dialog has closed itself */
  g_assert_null (dialog);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_autofree char *dir = NULL;

  /* directories and a history of its own, never the user's */
  dir = smm_test_ui_init (&argc, &argv);
  adw_init ();

  window = smm_test_window_new (&app, &account);

  g_test_add_func ("/ui/order-dialog/fields-of-every-type", test_fields_of_every_type);
  g_test_add_func ("/ui/order-dialog/default-charge", test_default_charge);
  g_test_add_func ("/ui/order-dialog/dripfeed-flag", test_dripfeed_flag);
  g_test_add_func ("/ui/order-dialog/comments-count", test_comments_count);
  g_test_add_func ("/ui/order-dialog/subscriptions", test_subscriptions);
  g_test_add_func ("/ui/order-dialog/prefill", test_prefill);
  g_test_add_func ("/ui/order-dialog/confirm", test_confirm);
  g_test_add_func ("/ui/order-dialog/unknown-type-extra-fields", test_unknown_type_extra_fields);
  g_test_add_func ("/ui/order-dialog/unknown-type-sends-extra-fields", test_unknown_type_sends_extra_fields);
  status = g_test_run ();

  smm_test_window_destroy (window, app, account);
  smm_test_dir_remove (dir);
  return status;
}
