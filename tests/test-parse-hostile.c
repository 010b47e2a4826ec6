/* test-parse-hostile.c: strings a hostile panel sends (lone surrogates, NULs, invalid bytes,
 * control characters, endless fields), repaired in every field the parser keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "smm-parse.h"
#include "test-parse-util.h"
#include "test-util.h"

#define FFFD "\xEF\xBF\xBD"

/* every string of every service is valid UTF-8, one line where it is one line */
static void
assert_services_clean (GPtrArray *services)
{
  for (guint i = 0; i < services->len; i++)
    {
      SmmService *service = services->pdata[i];
      const char *lines[] = {
        smm_service_get_name (service), smm_service_get_category (service),
        smm_service_get_type_name (service),
      };
      const char *description = smm_service_get_description (service);

      for (guint j = 0; j < G_N_ELEMENTS (lines); j++)
        {
          g_assert_true (lines[j] == NULL || g_utf8_validate (lines[j], -1, NULL));
          for (const char *p = lines[j]; p && *p; p++)
            g_assert_cmpint ((guchar) *p, >=, 0x20);
        }
      g_assert_true (description == NULL || g_utf8_validate (description, -1, NULL));
    }
}

static GPtrArray *
parse_services_file (const char *name)
{
  g_autoptr(GBytes) body = test_load ("replies", name);
  g_autoptr(GError) error = NULL;
  GPtrArray *services = smm_parse_services (TEST_DATA (body), NULL, &error);

  g_assert_no_error (error);
  assert_services_clean (services);
  return services;
}

static void
test_surrogates (void)
{
  g_autoptr(GPtrArray) services = parse_services_file ("services-surrogates.json");

  /* json-glib refuses a whole reply for one lone surrogate: each is read as U+FFFD instead */
  g_assert_cmpuint (services->len, ==, 5);
  g_assert_cmpstr (smm_service_get_name (services->pdata[0]), ==, "Followers " FFFD "x");
  g_assert_cmpstr (smm_service_get_name (services->pdata[1]), ==, FFFD FFFD);
  g_assert_cmpstr (smm_service_get_name (services->pdata[2]), ==, "Likes " FFFD);
  g_assert_cmpstr (smm_service_get_category (services->pdata[2]), ==, "Lone " FFFD " low");
  /* a pair is one character */
  g_assert_cmpstr (smm_service_get_name (services->pdata[3]), ==, "Fire \xF0\x9F\x94\xA5");
  g_assert_cmpstr (smm_service_get_name (services->pdata[4]), ==, "Views " FFFD "A");
  g_assert_cmpstr (smm_service_get_type_name (services->pdata[4]), ==, "Default" FFFD);
  g_assert_cmpstr (smm_service_get_description (services->pdata[4]), ==, FFFD);
}

static void
test_nul_and_controls (void)
{
  g_autoptr(GPtrArray) services = parse_services_file ("services-nul.json");

  /* "rate":"1\u00000" is neither 1 nor 10: left out, as is "service":"5\u0000" */
  g_assert_cmpuint (services->len, ==, 2);
  g_assert_cmpstr (smm_service_get_name (services->pdata[0]), ==, "Net" FFFD "flix");
  g_assert_cmpstr (smm_service_get_category (services->pdata[0]), ==, "Stream" FFFD "ing");
  /* a description keeps its lines and tabs; CR LF is a newline */
  g_assert_cmpstr (smm_service_get_description (services->pdata[0]), ==,
                   "Line one\nLine\ttwo" FFFD " " FFFD "bell");
  /* a name is one line */
  g_assert_cmpstr (smm_service_get_name (services->pdata[1]), ==, "Tab and new line");
  /* DEL and C1 (0x9B opens a terminal's control sequence) too */
  g_assert_cmpstr (smm_service_get_category (services->pdata[1]), ==, "Insta" FFFD "gram" FFFD FFFD);
}

static void
test_raw_invalid_bytes (void)
{
  g_autoptr(GPtrArray) services = parse_services_file ("services-raw-invalid.json");

  /* bytes that are not UTF-8 in the body itself: an overlong "/", an encoded surrogate, stray
   * continuation bytes, a character cut short */
  g_assert_cmpuint (services->len, ==, 2);
  g_assert_cmpstr (smm_service_get_name (services->pdata[0]), ==, "Ov" FFFD FFFD "er");
  g_assert_cmpstr (smm_service_get_category (services->pdata[0]), ==, "Sur" FFFD FFFD FFFD "rogate");
  g_assert_cmpstr (smm_service_get_name (services->pdata[1]), ==, "Cont" FFFD FFFD "inuation");
  g_assert_cmpstr (smm_service_get_category (services->pdata[1]), ==, "Cut " FFFD FFFD);
}

static void
test_error_text (void)
{
  g_autoptr(GBytes) body = test_load ("replies", "error-nul.json");
  g_autoptr(GError) error = NULL;
  const char *words;
  gint64 id = 0;

  /* the panel's words past the NUL are kept */
  g_assert_false (smm_parse_add (TEST_DATA (body), &id, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_PANEL);
  words = smm_api_error_get_panel_text (error);
  g_assert_cmpstr (words, ==, "Not enough" FFFD " funds " FFFD " on balance");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_money_with_nul (void)
{
  g_autoptr(GBytes) body = test_load ("replies", "balance-nul.json");
  g_autoptr(GError) error = NULL;
  SmmMoney balance;
  char *currency = NULL;

  /* "12\u00009.50" was read as 12: neither 12 nor 129.50, it is no balance */
  g_assert_false (smm_parse_balance (TEST_DATA (body), &balance, &currency, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED);
  g_assert_null (currency);
}

static void
test_status_strings (void)
{
  static const char reply[] =
    "{\"1\":{\"charge\":\"0.5\",\"status\":\"Held\\u0000\\ud800 at\\u0007 gate\",\"remains\":\"5\",\"currency\":\"U\\u0001SD\"},"
    "\"2\":{\"error\":\"Incorrect\\u0000 order\\u001b[31m ID\"}}";
  static const gint64 ids[] = { 1, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = smm_parse_status_batch (reply, strlen (reply), ids, 2, &error);
  const GError *item_error;

  g_assert_no_error (error);
  /* a status no panel uses is shown as the panel wrote it */
  g_assert_cmpint (smm_order_get_status (orders->pdata[0]), ==, SMM_ORDER_STATUS_UNKNOWN);
  g_assert_cmpstr (smm_order_get_status_text (orders->pdata[0]), ==, "Held" FFFD FFFD " at" FFFD " gate");
  g_assert_cmpstr (smm_order_get_currency (orders->pdata[0]), ==, "U" FFFD "SD");
  item_error = smm_order_get_error (orders->pdata[1]);
  g_assert_nonnull (item_error);
  g_assert_cmpstr (smm_api_error_get_panel_text (item_error), ==, "Incorrect" FFFD " order" FFFD "[31m ID");
}

static void
test_long_fields (void)
{
  gsize n = 1024 * 1024;
  g_autoptr(GString) body = g_string_new ("[{\"service\":1,\"rate\":\"1\",\"name\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  const char *name, *description;

  /* a name of 1 MB of "ğ" (2 bytes each), a description of 1 MB: cut at a character, and said */
  for (gsize i = 0; i < n / 2; i++)
    g_string_append (body, "\xC4\x9F");
  g_string_append (body, "\",\"desc\":\"");
  for (gsize i = 0; i < n; i++)
    g_string_append_c (body, i % 80 ? 'd' : ' ');
  g_string_append (body, "\"}]");

  services = smm_parse_services (body->str, body->len, NULL, &error);
  g_assert_no_error (error);
  name = smm_service_get_name (services->pdata[0]);
  description = smm_service_get_description (services->pdata[0]);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), <=, 1024 + strlen ("…"));
  g_assert_cmpuint (strlen (name), >, 1000);
  g_assert_true (g_str_has_suffix (name, "ğ…"));
  g_assert_cmpuint (strlen (description), <=, 64 * 1024 + strlen ("…"));
  g_assert_cmpuint (strlen (description), >, 60 * 1024);
  g_assert_true (g_str_has_suffix (description, "…"));
}

static void
test_escaped_backslash (void)
{
  /* "\\u0000" is a backslash and the text u0000: nothing to repair */
  static const char reply[] = "[{\"service\":1,\"rate\":\"1\",\"name\":\"a\\\\u0000\\\\\\ud800\"}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = smm_parse_services (reply, strlen (reply), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (smm_service_get_name (services->pdata[0]), ==, "a\\u0000\\" FFFD);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/parse/hostile/surrogates", test_surrogates);
  g_test_add_func ("/core/parse/hostile/nul-and-controls", test_nul_and_controls);
  g_test_add_func ("/core/parse/hostile/raw-invalid-bytes", test_raw_invalid_bytes);
  g_test_add_func ("/core/parse/hostile/error-text", test_error_text);
  g_test_add_func ("/core/parse/hostile/money-with-nul", test_money_with_nul);
  g_test_add_func ("/core/parse/hostile/status-strings", test_status_strings);
  g_test_add_func ("/core/parse/hostile/long-fields", test_long_fields);
  g_test_add_func ("/core/parse/hostile/escaped-backslash", test_escaped_backslash);

  return g_test_run ();
}
