/* test-service-type.c: service types, their add fields, and checking an order before it is sent */
#include "config.h"

#include <string.h>

#include "smm-api-error.h"
#include "smm-order-request.h"
#include "smm-search.h"
#include "smm-test-fixture.h"

#define B(f) SMM_FIELD_BIT (SMM_FIELD_##f)

static void
test_wire_strings (void)
{
  static const struct {
    const char     *wire;
    SmmServiceType  type;
  } cases[] = {
    { "Default", SMM_SERVICE_TYPE_DEFAULT },
    { "Package", SMM_SERVICE_TYPE_PACKAGE },
    { "SEO", SMM_SERVICE_TYPE_SEO },
    { "Custom Comments", SMM_SERVICE_TYPE_CUSTOM_COMMENTS },
    { "Custom Comments Package", SMM_SERVICE_TYPE_CUSTOM_COMMENTS_PACKAGE },
    { "Mentions", SMM_SERVICE_TYPE_MENTIONS },
    { "Mentions with Hashtags", SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS },
    { "Mentions Custom List", SMM_SERVICE_TYPE_MENTIONS_CUSTOM_LIST },
    { "Mentions Hashtag", SMM_SERVICE_TYPE_MENTIONS_HASHTAG },
    { "Mentions User Followers", SMM_SERVICE_TYPE_MENTIONS_USER_FOLLOWERS },
    { "Mentions Media Likers", SMM_SERVICE_TYPE_MENTIONS_MEDIA_LIKERS },
    { "Comment Likes", SMM_SERVICE_TYPE_COMMENT_LIKES },
    { "Comment Replies", SMM_SERVICE_TYPE_COMMENT_REPLIES },
    { "Poll", SMM_SERVICE_TYPE_POLL },
    { "Invites from Groups", SMM_SERVICE_TYPE_INVITES_FROM_GROUPS },
    { "Subscriptions", SMM_SERVICE_TYPE_SUBSCRIPTIONS },
    { "Web Traffic", SMM_SERVICE_TYPE_WEB_TRAFFIC },
    { "Custom Data", SMM_SERVICE_TYPE_CUSTOM_DATA },
    /* as panels also write them */
    { "Mentions With Hashtags", SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS },
    { "custom_data", SMM_SERVICE_TYPE_CUSTOM_DATA },
    { "default", SMM_SERVICE_TYPE_DEFAULT },
    { " custom_comments ", SMM_SERVICE_TYPE_CUSTOM_COMMENTS },
    { "MENTIONS-WITH-HASHTAGS", SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS },
    { "", SMM_SERVICE_TYPE_DEFAULT },
    { NULL, SMM_SERVICE_TYPE_DEFAULT },
    { "Story Poll Votes", SMM_SERVICE_TYPE_UNKNOWN },
    { "Custom", SMM_SERVICE_TYPE_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (smm_service_type_from_string (cases[i].wire), ==, cases[i].type);
  for (guint t = 0; t < SMM_SERVICE_TYPE_UNKNOWN; t++)
    g_assert_cmpint (smm_service_type_from_string (smm_service_type_to_string (t)), ==, t);
  g_assert_null (smm_service_type_to_string (SMM_SERVICE_TYPE_UNKNOWN));
}

static void
test_fields (void)
{
  /* API.md, "add fields by service type": required | optional */
  static const struct {
    SmmServiceType type;
    guint          required;
    guint          optional;
  } cases[] = {
    { SMM_SERVICE_TYPE_DEFAULT, B (LINK) | B (QUANTITY), B (RUNS) | B (INTERVAL) },
    { SMM_SERVICE_TYPE_PACKAGE, B (LINK), 0 },
    { SMM_SERVICE_TYPE_SEO, B (LINK) | B (QUANTITY) | B (KEYWORDS), 0 },
    { SMM_SERVICE_TYPE_CUSTOM_COMMENTS, B (LINK) | B (COMMENTS), 0 },
    { SMM_SERVICE_TYPE_CUSTOM_COMMENTS_PACKAGE, B (LINK) | B (COMMENTS), 0 },
    { SMM_SERVICE_TYPE_MENTIONS, B (LINK) | B (QUANTITY) | B (USERNAMES), 0 },
    { SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS, B (LINK) | B (QUANTITY) | B (USERNAMES) | B (HASHTAGS), 0 },
    { SMM_SERVICE_TYPE_MENTIONS_CUSTOM_LIST, B (LINK) | B (USERNAMES), 0 },
    { SMM_SERVICE_TYPE_MENTIONS_HASHTAG, B (LINK) | B (QUANTITY) | B (HASHTAG), 0 },
    { SMM_SERVICE_TYPE_MENTIONS_USER_FOLLOWERS, B (LINK) | B (QUANTITY) | B (USERNAME), 0 },
    { SMM_SERVICE_TYPE_MENTIONS_MEDIA_LIKERS, B (LINK) | B (QUANTITY) | B (MEDIA), 0 },
    { SMM_SERVICE_TYPE_COMMENT_LIKES, B (LINK) | B (QUANTITY) | B (USERNAME), 0 },
    { SMM_SERVICE_TYPE_COMMENT_REPLIES, B (LINK) | B (USERNAME) | B (COMMENTS), 0 },
    { SMM_SERVICE_TYPE_POLL, B (LINK) | B (QUANTITY) | B (ANSWER_NUMBER), 0 },
    { SMM_SERVICE_TYPE_INVITES_FROM_GROUPS, B (LINK) | B (QUANTITY) | B (GROUPS), 0 },
    { SMM_SERVICE_TYPE_SUBSCRIPTIONS, B (USERNAME) | B (MIN) | B (MAX) | B (DELAY),
      B (POSTS) | B (OLD_POSTS) | B (EXPIRY) },
    { SMM_SERVICE_TYPE_WEB_TRAFFIC, B (LINK) | B (QUANTITY) | B (COUNTRY) | B (DEVICE) | B (TYPE_OF_TRAFFIC),
      B (RUNS) | B (INTERVAL) | B (GOOGLE_KEYWORD) | B (REFERRING_URL) },
    { SMM_SERVICE_TYPE_CUSTOM_DATA, B (LINK) | B (QUANTITY) | B (CUSTOM_DATA), 0 },
    { SMM_SERVICE_TYPE_UNKNOWN, B (LINK) | B (QUANTITY), B (RUNS) | B (INTERVAL) },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == SMM_N_SERVICE_TYPES);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmphex (smm_service_type_required_fields (cases[i].type), ==, cases[i].required);
      g_assert_cmphex (smm_service_type_optional_fields (cases[i].type), ==, cases[i].optional);
    }

  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      SmmField back;
      g_assert_true (smm_field_from_wire_name (smm_field_get_info (f)->wire_name, &back));
      g_assert_cmpint (back, ==, f);
    }
}

static char *
charge_of (SmmOrderRequest *request,
           SmmService      *service)
{
  SmmMoney charge;

  if (!smm_order_request_estimate_charge (request, smm_service_get_rate (service), &charge))
    return NULL;
  return smm_money_to_wire (charge);
}

static void
assert_invalid (SmmOrderRequest *request,
                SmmService      *service,
                const char      *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (smm_order_request_validate (request, service, &error));
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_INPUT);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

static void
assert_valid (SmmOrderRequest *request,
              SmmService      *service)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (smm_order_request_validate (request, service, &error));
  g_assert_no_error (error);
}

static void
test_request_default (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_DEFAULT, "0.90", 50, 10000);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  g_autoptr(GPtrArray) form = NULL;
  g_autofree char *charge = NULL;

  assert_invalid (request, service, "link");
  smm_order_request_set (request, SMM_FIELD_LINK, "not a link");
  assert_invalid (request, service, "web address");
  smm_order_request_set (request, SMM_FIELD_LINK, "  https://instagram.com/nasa  ");
  g_assert_cmpstr (smm_order_request_get (request, SMM_FIELD_LINK), ==, "https://instagram.com/nasa");
  assert_invalid (request, service, "Quantity");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "49");
  assert_invalid (request, service, "minimum of 50");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "10001");
  assert_invalid (request, service, "maximum of 10000");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "-5");
  assert_invalid (request, service, "whole number");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "1e3");
  assert_invalid (request, service, "whole number");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "99999999999999999999999");
  assert_invalid (request, service, "whole number");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "1000");
  assert_valid (request, service);
  g_assert_cmpstr ((charge = charge_of (request, service)), ==, "0.9");
  g_clear_pointer (&charge, g_free);

  /* drip-feed: both or neither, and the charge covers every run */
  smm_order_request_set (request, SMM_FIELD_RUNS, "5");
  assert_invalid (request, service, "both runs and interval");
  smm_order_request_set (request, SMM_FIELD_INTERVAL, "30");
  assert_valid (request, service);
  g_assert_cmpstr ((charge = charge_of (request, service)), ==, "4.5");

  /* a field the type does not use */
  smm_order_request_set (request, SMM_FIELD_COMMENTS, "nice");
  assert_invalid (request, service, "not used");
  smm_order_request_set (request, SMM_FIELD_COMMENTS, "   ");
  assert_valid (request, service);

  form = smm_order_request_to_form (request);
  g_assert_cmpuint (form->len, ==, 10);
  g_assert_cmpstr (form->pdata[0], ==, "service");
  g_assert_cmpstr (form->pdata[1], ==, "7");
  g_assert_cmpstr (form->pdata[2], ==, "link");
  g_assert_cmpstr (form->pdata[4], ==, "quantity");
  g_assert_cmpstr (form->pdata[5], ==, "1000");
  g_assert_cmpstr (form->pdata[6], ==, "runs");
  g_assert_cmpstr (form->pdata[8], ==, "interval");
}

static void
test_request_custom_comments (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_CUSTOM_COMMENTS, "8", 2, 5);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  g_autofree char *charge = NULL;

  smm_order_request_set (request, SMM_FIELD_LINK, "instagram.com/p/abc");
  assert_invalid (request, service, "Comments");
  smm_order_request_set (request, SMM_FIELD_COMMENTS, "Harika 😍\r\n\r\n   \n");
  g_assert_cmpint (smm_order_request_get_quantity (request), ==, 1);
  assert_invalid (request, service, "has 1 lines; this service needs at least 2");
  smm_order_request_set (request, SMM_FIELD_COMMENTS, "Harika 😍\r\nçok güzel  \n\nمرحبا\n");
  g_assert_cmpstr (smm_order_request_get (request, SMM_FIELD_COMMENTS), ==, "Harika 😍\nçok güzel\nمرحبا");
  g_assert_cmpint (smm_order_request_get_quantity (request), ==, 3);
  assert_valid (request, service);
  /* 8 per 1000 × 3 comments */
  g_assert_cmpstr ((charge = charge_of (request, service)), ==, "0.024");
  /* quantity is the line count: a quantity field is not sent */
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "3");
  assert_invalid (request, service, "not used");
}

static void
test_request_huge_comments (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_CUSTOM_COMMENTS, "8", 1, 0);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  GString *big = g_string_new (NULL);

  while (big->len < 1024 * 1024)
    g_string_append (big, "a comment that goes on\n");
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/p/abc");
  smm_order_request_set (request, SMM_FIELD_COMMENTS, big->str);
  assert_invalid (request, service, "too long");
  g_string_free (big, TRUE);
}

static void
test_request_package (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_PACKAGE, "1.50", 1, 1);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  g_autofree char *charge = NULL;

  smm_order_request_set (request, SMM_FIELD_LINK, "https://t.me/channel");
  assert_valid (request, service);
  /* a package costs its rate */
  g_assert_cmpstr ((charge = charge_of (request, service)), ==, "1.5");
}

static void
test_request_subscriptions (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_SUBSCRIPTIONS, "2", 100, 1000);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  g_autofree char *charge = NULL;

  smm_order_request_set (request, SMM_FIELD_USERNAME, "nasa");
  smm_order_request_set (request, SMM_FIELD_MIN, "500");
  smm_order_request_set (request, SMM_FIELD_MAX, "200");
  smm_order_request_set (request, SMM_FIELD_DELAY, "7");
  assert_invalid (request, service, "Delay");
  smm_order_request_set (request, SMM_FIELD_DELAY, "30");
  assert_invalid (request, service, "Minimum must not be above maximum");
  smm_order_request_set (request, SMM_FIELD_MAX, "800");
  assert_valid (request, service);
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  assert_invalid (request, service, "not used");
  smm_order_request_set (request, SMM_FIELD_LINK, NULL);
  smm_order_request_set (request, SMM_FIELD_EXPIRY, "31/02/2027");
  assert_invalid (request, service, "day/month/year");
  smm_order_request_set (request, SMM_FIELD_EXPIRY, "28/02/2027");
  smm_order_request_set (request, SMM_FIELD_POSTS, "10");
  assert_valid (request, service);
  /* estimated at the maximum for every post: 2 × 800 × 10 / 1000 */
  g_assert_cmpstr ((charge = charge_of (request, service)), ==, "16");
}

static void
test_request_web_traffic (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_WEB_TRAFFIC, "0.05", 100,
                                                              1000000);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);

  smm_order_request_set (request, SMM_FIELD_LINK, "https://example.com/landing");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "1000");
  smm_order_request_set (request, SMM_FIELD_COUNTRY, "TR");
  smm_order_request_set (request, SMM_FIELD_DEVICE, "6");
  smm_order_request_set (request, SMM_FIELD_TYPE_OF_TRAFFIC, "1");
  assert_invalid (request, service, "between 1 and 5");
  smm_order_request_set (request, SMM_FIELD_DEVICE, "2");
  assert_valid (request, service);
  smm_order_request_set (request, SMM_FIELD_COUNTRY, "Türkiye\nİstanbul");
  assert_invalid (request, service, "one line");
}

static void
test_request_every_type (void)
{
  /* For each type, filling exactly its required fields with plausible values is valid. */
  for (guint t = 0; t < SMM_N_SERVICE_TYPES; t++)
    {
      g_autoptr(SmmService) service = smm_test_typed_service_new (t, "1", 0, 0);
      g_autoptr(SmmOrderRequest) request = smm_order_request_new (7, t);
      guint required = smm_service_type_required_fields (t);

      for (guint f = 0; f < SMM_N_FIELDS; f++)
        {
          const SmmFieldInfo *info = smm_field_get_info (f);
          const char *value = NULL;

          if (!(required & SMM_FIELD_BIT (f)))
            continue;
          switch (info->kind)
            {
            case SMM_FIELD_KIND_URL: value = "https://instagram.com/p/x"; break;
            case SMM_FIELD_KIND_COUNT: value = "100"; break;
            case SMM_FIELD_KIND_TEXT: value = "nasa"; break;
            case SMM_FIELD_KIND_LINES: value = "one\ntwo"; break;
            case SMM_FIELD_KIND_CHOICE: value = info->choices ? "30" : "1"; break;
            case SMM_FIELD_KIND_DATE: value = "01/01/2030"; break;
            }
          smm_order_request_set (request, f, value);
        }
      g_test_message ("%s", smm_service_type_get_label (t));
      assert_valid (request, service);
      g_assert_cmpint (smm_order_request_get_quantity (request), >, 0);
    }
}

/* A type SMM Desk does not know: the Default fields, plus fields of the panel's naming, with a note. */
static void
test_request_extra_fields (void)
{
  g_autoptr(SmmService) service = smm_test_typed_service_new (SMM_SERVICE_TYPE_UNKNOWN, "1", 10, 1000);
  g_autoptr(SmmOrderRequest) request = smm_order_request_new_for_service (service);
  g_autoptr(SmmOrderRequest) known = smm_order_request_new (7, SMM_SERVICE_TYPE_DEFAULT);
  g_autoptr(GPtrArray) form = NULL;
  g_autoptr(GError) error = NULL;
  const char *const refused[] = { "key", "action", "service", "quantity", "1st", "a b", "x=y", "", NULL };

  g_assert_nonnull (smm_service_type_get_note (SMM_SERVICE_TYPE_UNKNOWN));
  g_assert_null (smm_service_type_get_note (SMM_SERVICE_TYPE_DEFAULT));
  g_assert_true (smm_service_type_takes_extra_fields (SMM_SERVICE_TYPE_UNKNOWN));
  g_assert_false (smm_service_type_takes_extra_fields (SMM_SERVICE_TYPE_CUSTOM_DATA));

  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, "100");
  g_assert_true (smm_order_request_set_extra (request, "story_id", "42", &error));
  g_assert_no_error (error);
  g_assert_true (smm_order_request_set_extra (request, "answer", "yes", &error));
  g_assert_true (smm_order_request_set_extra (request, "answer", "no", &error));
  g_assert_cmpstr (smm_order_request_get_extra (request, "answer"), ==, "no");
  for (guint i = 0; refused[i]; i++)
    {
      g_assert_false (smm_order_request_set_extra (request, refused[i], "1", &error));
      g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }
  g_assert_false (smm_order_request_set_extra (request, "note", "two\nlines", &error));
  g_clear_error (&error);
  g_assert_false (smm_order_request_set_extra (known, "story_id", "42", &error));
  g_clear_error (&error);
  assert_valid (request, service);

  form = smm_order_request_to_form (request);
  g_assert_cmpuint (form->len, ==, 10);
  g_assert_cmpstr (form->pdata[6], ==, "story_id");
  g_assert_cmpstr (form->pdata[7], ==, "42");
  g_assert_cmpstr (form->pdata[8], ==, "answer");
  g_assert_cmpstr (form->pdata[9], ==, "no");

  /* an empty value takes the field away */
  g_assert_true (smm_order_request_set_extra (request, "answer", "", &error));
  g_assert_null (smm_order_request_get_extra (request, "answer"));
}

static void
test_links (void)
{
  const char *good[] = { "https://instagram.com/nasa", "http://t.me/x", "instagram.com/p/abc?igsh=1",
                         "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://xn--fiq228c.com/",
                         "https://tr.wikipedia.org/wiki/Iğdır" };
  const char *bad[] = { "", "nasa", "@nasa", "https://", "ftp://example.com/x", "javascript:alert(1)",
                        "https://exa mple.com", "https://localhost/x", "https://example.com/\n",
                        "https://.com", "https://example./x" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (smm_link_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_assert_false (smm_link_is_valid (bad[i]));
    }
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_service_notify (void)
{
  g_autoptr(SmmService) service = smm_service_new (1, "A");
  guint rate_notified = 0, type_notified = 0;
  SmmMoney rate = { 5 };

  g_signal_connect (service, "notify::rate", G_CALLBACK (count_cb), &rate_notified);
  g_signal_connect (service, "notify::service-type", G_CALLBACK (count_cb), &type_notified);
  smm_service_set_rate (service, rate);
  smm_service_set_rate (service, rate);
  g_assert_cmpuint (rate_notified, ==, 1);
  smm_service_set_type_name (service, "Poll");
  smm_service_set_type_name (service, "Poll");
  g_assert_cmpint (smm_service_get_service_type (service), ==, SMM_SERVICE_TYPE_POLL);
  g_assert_cmpuint (type_notified, ==, 1);
}

static gboolean
finds (const char *typed,
       const char *name)
{
  g_autofree char *haystack = smm_search_fold (name);
  g_autofree char *needle = smm_search_fold (typed);

  return smm_search_match (haystack, needle);
}

static void
test_search_fold (void)
{
  g_assert_true (finds ("instagram", "INSTAGRAM REELS"));
  g_assert_true (finds ("INSTAGRAM", "instagram reels"));
  g_assert_true (finds ("ığdır", "IĞDIR Takipçi"));
  g_assert_true (finds ("IGDIR", "ığdır"));
  g_assert_true (finds ("isparta", "ISPARTA"));
  g_assert_true (finds ("İstanbul", "istanbul"));
  g_assert_true (finds ("takipci", "Instagram Türk Takipçi [Gerçek]"));
  g_assert_true (finds ("türk gerçek", "Instagram Türk Takipçi [Gerçek]"));
  g_assert_true (finds ("  reels   insta ", "INSTAGRAM REELS"));
  g_assert_true (finds ("", "anything"));
  g_assert_false (finds ("tiktok", "INSTAGRAM REELS"));
  g_assert_false (finds ("türk likes", "Instagram Türk Takipçi"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/service-type/wire-strings", test_wire_strings);
  g_test_add_func ("/core/service-type/fields", test_fields);
  g_test_add_func ("/core/service-type/service-notify", test_service_notify);
  g_test_add_func ("/core/order-request/default", test_request_default);
  g_test_add_func ("/core/order-request/custom-comments", test_request_custom_comments);
  g_test_add_func ("/core/order-request/huge-comments", test_request_huge_comments);
  g_test_add_func ("/core/order-request/package", test_request_package);
  g_test_add_func ("/core/order-request/subscriptions", test_request_subscriptions);
  g_test_add_func ("/core/order-request/web-traffic", test_request_web_traffic);
  g_test_add_func ("/core/order-request/every-type", test_request_every_type);
  g_test_add_func ("/core/order-request/links", test_links);
  g_test_add_func ("/core/order-request/extra-fields", test_request_extra_fields);
  g_test_add_func ("/core/search/fold", test_search_fold);

  return g_test_run ();
}
