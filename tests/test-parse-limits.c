/* test-parse-limits.c: what a reply may cost, by its kind: items, values and nesting refused
 * before json-glib holds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "smm-parse.h"
#include "test-util.h"

/* "[" @item "," @item … "]", @n items */
static GString *
list_of (const char *item,
         guint       n)
{
  GString *body = g_string_sized_new (n * (strlen (item) + 1) + 2);

  g_string_append_c (body, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (body, ',');
      g_string_append (body, item);
    }
  g_string_append_c (body, ']');
  return body;
}

static void
assert_too_large (GError     *error,
                  const char *what,
                  const char *limit)
{
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, what));
  g_assert_nonnull (strstr (error->message, limit));
}

static void
test_empty_objects (void)
{
  /* the reply: 32 MB of [{},{},…] (10 million objects, 4 GB in json-glib) */
  g_autoptr(GString) body = list_of ("{}", (SMM_PARSE_MAX_BODY - 2) / 3);
  g_autoptr(GError) error = NULL;
  SmmMoney balance;

  g_assert_cmpuint (body->len, <=, SMM_PARSE_MAX_BODY);
  g_assert_null (smm_parse_services (body->str, body->len, NULL, &error));
  assert_too_large (error, "too many items", "50000");
  g_clear_error (&error);
  g_assert_null (smm_parse_status_batch (body->str, body->len, NULL, 0, &error));
  assert_too_large (error, "too many items", "500");
  g_clear_error (&error);
  g_assert_false (smm_parse_balance (body->str, body->len, &balance, NULL, &error));
  assert_too_large (error, "too many items", "1000");
  g_clear_error (&error);
  /* an error reply's body with an HTTP error status: no panel error, no cost */
  g_assert_null (smm_parse_error_reply (body->str, body->len));
}

static void
test_services_items (void)
{
  const char *service = "{\"service\":1,\"rate\":\"1\"}";
  g_autoptr(GString) most = list_of (service, 50000);
  g_autoptr(GString) more = list_of (service, 50001);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  guint skipped = 0;

  /* 50,000 services are a catalogue (each id once), one more is refused */
  services = smm_parse_services (most->str, most->len, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 1);
  g_assert_cmpuint (skipped, ==, 49999);
  g_assert_null (smm_parse_services (more->str, more->len, NULL, &error));
  assert_too_large (error, "too many items", "50000");
}

static void
test_values (void)
{
  g_autoptr(GString) numbers = list_of ("1", 1000001);
  g_autoptr(GString) ids = list_of ("1", 100001);
  g_autoptr(GString) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmOrder) order = NULL;

  /* a million and one values in a catalogue */
  g_assert_null (smm_parse_services (numbers->str, numbers->len, NULL, &error));
  assert_too_large (error, "too many values", "1000000");
  g_clear_error (&error);

  /* a subscription's status lists its orders: a long list is fine, an absurd one is not */
  reply = g_string_new ("{\"status\":\"Active\",\"orders\":");
  g_string_append_len (reply, ids->str, ids->len / 2);
  g_string_append (reply, "1]}");
  order = smm_parse_status (reply->str, reply->len, 7, &error);
  g_assert_no_error (error);
  g_clear_object (&order);
  g_string_truncate (reply, strlen ("{\"status\":\"Active\",\"orders\":"));
  g_string_append_len (reply, ids->str, ids->len);
  g_string_append_c (reply, '}');
  g_assert_null (smm_parse_status (reply->str, reply->len, 7, &error));
  assert_too_large (error, "too many values", "100000");
}

static void
test_batch_items (void)
{
  const char *answer = "{\"order\":1,\"status\":\"Pending\",\"orders\":[]}";
  g_autoptr(GString) hundred = list_of (answer, 100);
  g_autoptr(GString) more = list_of ("{\"order\":1,\"status\":\"Pending\"}", 501);
  static const gint64 one[] = { 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = NULL;

  /* 100 answers of 2 containers each are a batch; 501 objects are not */
  orders = smm_parse_status_batch (hundred->str, hundred->len, one, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_null (smm_parse_status_batch (more->str, more->len, one, 1, &error));
  assert_too_large (error, "too many items", "500");
  g_clear_error (&error);
  g_assert_null (smm_parse_cancel_batch (more->str, more->len, one, 1, &error));
  assert_too_large (error, "too many items", "500");
}

static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  /* 32 levels are read, 33 are not */
  for (guint i = 0; i < 32; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 32; i++)
    g_string_append_c (deep, ']');
  services = smm_parse_services (deep->str, deep->len, NULL, &error);
  g_assert_no_error (error);
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_null (smm_parse_services (deep->str, deep->len, NULL, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
}

static void
test_strings_do_not_count (void)
{
  /* brackets and commas inside strings are text, not items */
  g_autoptr(GString) text = list_of ("[{},", 20000);
  g_autoptr(GString) body = g_string_new ("[{\"service\":1,\"rate\":\"1\",\"name\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  g_string_append_len (body, text->str + 1, text->len - 2);
  g_string_append (body, "\"}]");
  services = smm_parse_services (body->str, body->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 1);
}

static void
test_after_notice (void)
{
  /* a PHP notice before a reply that is too large: still refused for its size, in words */
  g_autoptr(GString) body = list_of ("{}", 60000);
  g_autoptr(GError) error = NULL;

  g_string_prepend (body, "<br />\n<b>Deprecated</b>: x in y.php on line <b>3</b><br />\n");
  g_assert_null (smm_parse_services (body->str, body->len, NULL, &error));
  assert_too_large (error, "too many items", "50000");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/parse/limits/empty-objects", test_empty_objects);
  g_test_add_func ("/core/parse/limits/services-items", test_services_items);
  g_test_add_func ("/core/parse/limits/values", test_values);
  g_test_add_func ("/core/parse/limits/batch-items", test_batch_items);
  g_test_add_func ("/core/parse/limits/depth", test_depth);
  g_test_add_func ("/core/parse/limits/strings-do-not-count", test_strings_do_not_count);
  g_test_add_func ("/core/parse/limits/after-notice", test_after_notice);

  return g_test_run ();
}
