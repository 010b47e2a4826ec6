/* test-parse-panels.c: the parser against what real panels send (API.md, "Seen on real panels"):
 * their error texts, statuses and subscriptions, notices before the JSON, absurd numbers, service
 * types and catalogues that list an id twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "smm-parse.h"
#include "smm-service-type.h"
#include "test-parse-util.h"
#include "test-util.h"

/* ------------------------------------------------------------------ error texts */

static void
test_mapped_errors (void)
{
  static const struct {
    const char *file;
    const char *panel_text;
    int         code;
    const char *message_part;
  } cases[] = {
    { "error-disabled-key.json", "API is disable for this user or user not found",
      SMM_API_ERROR_INVALID_KEY, "API key" },
    { "error-quantity-range.json", "Quantity must be at least 10 and maximum 1500",
      SMM_API_ERROR_QUANTITY_TOO_LOW, "between 10 and 1500" },
    { "error-missing-username.json", "Missing username", SMM_API_ERROR_MISSING_FIELD, "“username”" },
    { "error-new-posts.json", "At least 1 new post", SMM_API_ERROR_TOO_FEW_POSTS, "1 new post " },
    { "error-order-not-found.json", "Order not found", SMM_API_ERROR_INCORRECT_ORDER, "order ID" },
    { "error-not-completed.json", "Order is not completed", SMM_API_ERROR_ORDER_NOT_COMPLETED, "completed" },
    { "error-cannot-cancel.json", "Order cannot be canceled", SMM_API_ERROR_CANNOT_CANCEL, "cannot cancel" },
    { "error-cancel-disabled.json", "Cancel is disabled for this service", SMM_API_ERROR_CANCEL_DISABLED,
      "no cancel" },
    { "error-request-invalid.json", "Request Invalid", SMM_API_ERROR_INCORRECT_REQUEST, "incorrect" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = test_load ("replies", cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) copy = NULL;
      gint64 id = 0;

      g_test_message ("%s", cases[i].file);
      g_assert_false (smm_parse_add (TEST_DATA (body), &id, &error));
      g_assert_error (error, SMM_API_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      /* the panel's words are kept beside the message, and survive a copy */
      g_assert_cmpstr (smm_api_error_get_panel_text (error), ==, cases[i].panel_text);
      copy = g_error_copy (error);
      g_assert_cmpstr (smm_api_error_get_panel_text (copy), ==, cases[i].panel_text);
      g_assert_true (smm_api_error_means_unsupported (error) ==
                     (cases[i].code == SMM_API_ERROR_INCORRECT_REQUEST));
    }

  {
    g_autoptr(GError) unknown = smm_api_error_from_panel_text ("Something odd\nhappened");
    g_autoptr(GError) mine = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_TIMEOUT, "late");

    g_assert_error (unknown, SMM_API_ERROR, SMM_API_ERROR_PANEL);
    g_assert_cmpstr (smm_api_error_get_panel_text (unknown), ==, "Something odd happened");
    g_assert_null (smm_api_error_get_panel_text (mine));
    g_assert_null (smm_api_error_get_panel_text (NULL));
  }
}

/* "at least 10 and maximum 1500" names both bounds; the quantity sent says which was crossed */
static void
test_quantity_range (void)
{
  g_autoptr(GError) low = smm_api_error_from_panel_text ("Quantity must be at least 10 and maximum 1500");
  g_autoptr(GError) high = smm_api_error_from_panel_text ("Quantity must be at least 50 and maximum 10000");
  g_autoptr(GError) other = smm_api_error_from_panel_text ("Not enough funds on balance");
  gint64 min = 0, max = 0;

  g_assert_true (smm_api_error_get_quantity_range (low, &min, &max));
  g_assert_cmpint (min, ==, 10);
  g_assert_cmpint (max, ==, 1500);
  smm_api_error_set_quantity_asked (low, 5);
  g_assert_error (low, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_LOW);

  smm_api_error_set_quantity_asked (high, 20000);
  g_assert_error (high, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_HIGH);
  g_assert_nonnull (strstr (high->message, "50"));
  g_assert_nonnull (strstr (high->message, "10000"));

  smm_api_error_set_quantity_asked (other, 20000);
  g_assert_error (other, SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS);
  g_assert_false (smm_api_error_get_quantity_range (other, NULL, NULL));
}

/* an id left out of a batch reply: not about the item, so neither recorded nor final */
static void
test_no_answer (void)
{
  g_autoptr(GError) error = smm_api_error_new_no_answer ();

  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER);
  g_assert_false (smm_api_error_is_about_item (error));
  g_assert_false (smm_api_error_means_unsupported (error));
  g_assert_false (smm_api_error_is_transient (error));
}

/* ------------------------------------------------------------------ statuses */

static void
test_status_words (void)
{
  static const struct {
    const char     *text;
    SmmOrderStatus  status;
    gboolean        final;
  } cases[] = {
    { "Processing", SMM_ORDER_STATUS_PROCESSING, FALSE },
    { "Refunded", SMM_ORDER_STATUS_REFUNDED, TRUE },
    { "In Queue", SMM_ORDER_STATUS_IN_QUEUE, FALSE },
    { "Inprogress", SMM_ORDER_STATUS_IN_PROGRESS, FALSE },
    { "In Progress", SMM_ORDER_STATUS_IN_PROGRESS, FALSE },
    { "Active", SMM_ORDER_STATUS_ACTIVE, FALSE },
    { "Paused", SMM_ORDER_STATUS_PAUSED, FALSE },
    { "Expired", SMM_ORDER_STATUS_EXPIRED, TRUE },
    { "Completed", SMM_ORDER_STATUS_COMPLETED, TRUE },
    { "Canceled", SMM_ORDER_STATUS_CANCELED, TRUE },
    { "Awaiting moderation", SMM_ORDER_STATUS_UNKNOWN, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmmOrder) order = smm_order_new (1);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (smm_order_status_from_string (cases[i].text), ==, cases[i].status);
      g_assert_true (smm_order_status_is_final (cases[i].status) == cases[i].final);
      smm_order_set_status_text (order, cases[i].text);
      g_assert_cmpint (smm_order_get_status (order), ==, cases[i].status);
      if (cases[i].status == SMM_ORDER_STATUS_UNKNOWN)
        g_assert_cmpstr (smm_order_get_status_text (order), ==, cases[i].text);
    }

  {
    g_autoptr(GBytes) body = test_load ("replies", "status-inprogress.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(SmmOrder) order = smm_parse_status (TEST_DATA (body), 42, &error);

    g_assert_no_error (error);
    g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_IN_PROGRESS);
    g_assert_false (smm_order_is_subscription (order));
  }
}

static void
test_subscription (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GBytes) body = test_load ("replies", "status-subscription.json");
    g_autoptr(SmmOrder) order = smm_parse_status (TEST_DATA (body), 42, &error);
    guint n_ids = 99;

    g_assert_no_error (error);
    g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_ACTIVE);
    g_assert_cmpstr (smm_order_get_status_text (order), ==, "Active");
    g_assert_false (smm_order_status_is_final (smm_order_get_status (order)));
    g_assert_true (smm_order_is_subscription (order));
    g_assert_cmpint (smm_order_get_posts (order), ==, 0);
    g_assert_null (smm_order_get_expiry (order));
    g_assert_null (smm_order_get_sub_orders (order, &n_ids));
    g_assert_cmpuint (n_ids, ==, 0);
    /* what it did not say is unknown, not -1 or "" pretending to be values */
    g_assert_false (smm_order_has_start_count (order));
    g_assert_false (smm_order_has_remains (order));
    g_assert_false (smm_order_has_currency (order));
    g_assert_false (smm_order_get_charge (order, NULL));
  }
  {
    g_autoptr(GBytes) body = test_load ("replies", "status-subscription-paused.json");
    g_autoptr(SmmOrder) order = smm_parse_status (TEST_DATA (body), 42, &error);
    g_autoptr(SmmOrder) copy = smm_order_new (42);
    const gint64 *ids;
    guint n_ids = 0;

    g_assert_no_error (error);
    g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PAUSED);
    g_assert_cmpint (smm_order_get_posts (order), ==, 3);
    g_assert_cmpstr (smm_order_get_expiry (order), ==, "2027-01-31");
    smm_order_update_from (copy, order);
    ids = smm_order_get_sub_orders (copy, &n_ids);
    g_assert_cmpuint (n_ids, ==, 2);
    g_assert_cmpint (ids[0], ==, 9001);
    g_assert_cmpint (ids[1], ==, 9002);
    g_assert_cmpstr (smm_order_get_expiry (copy), ==, "2027-01-31");
  }
}

/* ------------------------------------------------------------------ framing */

static void
test_php_notices (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GBytes) body = test_load ("replies", "add-php-notice.html");
    gint64 id = 0;

    g_assert_true (smm_parse_add (TEST_DATA (body), &id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (id, ==, 23501);
  }
  {
    g_autoptr(GBytes) body = test_load ("replies", "balance-php-warning.txt");
    SmmMoney balance;
    g_autofree char *currency = NULL;

    g_assert_true (smm_parse_balance (TEST_DATA (body), &balance, &currency, &error));
    g_assert_no_error (error);
    assert_money (balance, "100.84292");
    g_assert_cmpstr (currency, ==, "USD");
  }
  {
    /* the panel's own error after a notice is the panel's error, not "a web page" */
    g_autoptr(GBytes) body = test_load ("replies", "html-php-warning.html");
    gint64 id = 0;

    g_assert_false (smm_parse_add (TEST_DATA (body), &id, &error));
    g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INCORRECT_REQUEST);
    g_clear_error (&error);
  }
  {
    /* a web page that merely holds some JSON is still a web page */
    const char *page = "<html><script>\n{\"order\":1}\n</script></html>";
    gint64 id = 0;

    g_assert_false (smm_parse_add (page, strlen (page), &id, &error));
    g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_NOT_API);
  }
}

/* ------------------------------------------------------------------ numbers and ids */

static void
test_numbers (void)
{
  static const struct {
    const char *file;
    int         code;
  } add_cases[] = {
    { "add-huge-negative.json", SMM_API_ERROR_MALFORMED },
    { "add-decimal-string.json", SMM_API_ERROR_UNEXPECTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      g_autoptr(GBytes) body = test_load ("replies", add_cases[i].file);
      g_autoptr(GError) error = NULL;
      gint64 id = 0;

      g_test_message ("%s", add_cases[i].file);
      g_assert_false (smm_parse_add (TEST_DATA (body), &id, &error));
      g_assert_error (error, SMM_API_ERROR, add_cases[i].code);
    }

  {
    g_autoptr(GBytes) body = test_load ("replies", "balance-huge.json");
    g_autoptr(GError) error = NULL;
    SmmMoney balance;

    g_assert_false (smm_parse_balance (TEST_DATA (body), &balance, NULL, &error));
    g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_MALFORMED);
  }
  {
    g_autoptr(GBytes) body = test_load ("replies", "balance-huge-string.json");
    g_autoptr(GError) error = NULL;
    SmmMoney balance;

    g_assert_false (smm_parse_balance (TEST_DATA (body), &balance, NULL, &error));
    g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED);
  }
  {
    g_autoptr(GError) error = NULL;
    SmmMoney amount;

    g_assert_false (smm_money_parse ("123456789012345678901234567890", &amount, &error));
    g_assert_error (error, SMM_MONEY_ERROR, SMM_MONEY_ERROR_OVERFLOW);
  }
  {
    /* int64's own bounds are still numbers; a fraction or exponent is a double, read as one */
    const char *ok = "{\"order\":9223372036854775807}";
    const char *text = "{\"order\":\" 23501 \"}";
    const char *grouped = "{\"order\":\"23,501\"}";
    g_autoptr(GError) error = NULL;
    gint64 id = 0;

    g_assert_true (smm_parse_add (ok, strlen (ok), &id, &error));
    g_assert_cmpint (id, ==, G_MAXINT64);
    g_assert_true (smm_parse_add (text, strlen (text), &id, &error));
    g_assert_cmpint (id, ==, 23501);
    g_assert_false (smm_parse_add (grouped, strlen (grouped), &id, &error));
    g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED);
  }
}

/* ------------------------------------------------------------------ catalogues */

static void
test_service_types (void)
{
  g_autoptr(GBytes) body = test_load ("replies", "services-types.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = smm_parse_services (TEST_DATA (body), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 3);
  g_assert_cmpint (smm_service_get_service_type (services->pdata[1]), ==, SMM_SERVICE_TYPE_CUSTOM_DATA);
  g_assert_true (smm_service_type_has_field (SMM_SERVICE_TYPE_CUSTOM_DATA, SMM_FIELD_CUSTOM_DATA));
  g_assert_cmpstr (smm_field_get_info (SMM_FIELD_CUSTOM_DATA)->wire_name, ==, "custom_data");
  g_assert_cmpint (smm_service_get_service_type (services->pdata[2]), ==,
                   SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS);
}

/* One id at 0.01 and at 900.00: an order for it could be charged either, so it is left out
 * and named; one id listed twice alike is kept once. */
static void
test_duplicate_ids (void)
{
  g_autoptr(GBytes) body = test_load ("replies", "services-duplicate-ids.json");
  g_autoptr(GError) error = NULL;
  SmmServicesReport report;
  g_autoptr(GPtrArray) services = smm_parse_services_full (TEST_DATA (body), &report, &error);
  g_autofree char *message = NULL;
  guint skipped = 0;
  g_autoptr(GPtrArray) again = smm_parse_services (TEST_DATA (body), &skipped, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 1);
  g_assert_cmpint (smm_service_get_id (services->pdata[0]), ==, 6);
  g_assert_cmpuint (report.n_duplicates, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 0);
  g_assert_cmpuint (report.ambiguous->len, ==, 1);
  g_assert_cmpint (g_array_index (report.ambiguous, gint64, 0), ==, 5);
  message = smm_services_report_dup_message (&report);
  g_assert_cmpstr (message, ==, "The panel lists service 5 twice at different prices: it is left out");
  g_clear_pointer (&message, g_free);
  g_array_append_val (report.ambiguous, ((gint64) { 12 }));
  message = smm_services_report_dup_message (&report);
  g_assert_cmpstr (message, ==, "The panel lists services 5, 12 twice at different prices: they are left out");
  g_clear_pointer (&message, g_free);
  smm_services_report_clear (&report);
  g_assert_null (smm_services_report_dup_message (&report));
  g_assert_null (report.ambiguous);

  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpuint (skipped, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/parse/panels/mapped-errors", test_mapped_errors);
  g_test_add_func ("/core/parse/panels/quantity-range", test_quantity_range);
  g_test_add_func ("/core/parse/panels/no-answer", test_no_answer);
  g_test_add_func ("/core/parse/panels/status-words", test_status_words);
  g_test_add_func ("/core/parse/panels/subscription", test_subscription);
  g_test_add_func ("/core/parse/panels/php-notices", test_php_notices);
  g_test_add_func ("/core/parse/panels/numbers", test_numbers);
  g_test_add_func ("/core/parse/panels/service-types", test_service_types);
  g_test_add_func ("/core/parse/panels/duplicate-ids", test_duplicate_ids);
  return g_test_run ();
}
