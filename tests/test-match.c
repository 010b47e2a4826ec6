/* test-match.c: which services of other panels are the same thing, and which is cheapest */
#include "config.h"

#include <gio/gio.h>

#include "smm-match.h"
#include "smm-test-fixture.h"

static gboolean
similar (const char *category_a,
         const char *name_a,
         const char *category_b,
         const char *name_b)
{
  g_autoptr(SmmService) a = smm_test_listed_service_new (1, category_a, name_a, "1", TRUE);
  g_autoptr(SmmService) b = smm_test_listed_service_new (2, category_b, name_b, "1", TRUE);
  gboolean ab = smm_service_is_similar (a, b);

  /* the same both ways */
  g_assert_cmpint (ab, ==, smm_service_is_similar (b, a));
  return ab;
}

static void
test_traits (void)
{
  static const struct {
    const char  *category;
    const char  *name;
    SmmPlatform  platform;
    SmmKind      kind;
    const char  *region;
  } cases[] = {
    { "Instagram Followers", "Instagram Followers [Real, 30 days refill] [Max 10K]", SMM_PLATFORM_INSTAGRAM,
      SMM_KIND_FOLLOWERS, NULL },
    { "Türk Takipçi", "Instagram Türk Takipçi [Gerçek]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_FOLLOWERS, "tr" },
    { "Türk Takipçi", "Instagram Türk Beğeni [Hızlı] [Max 10K]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_LIKES, "tr" },
    { "INSTAGRAM REELS", "Instagram Reels Views [Instant] [Max 10M]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_VIEWS, NULL },
    { "Instagram Story Views", "Instagram Story Views [All Stories]", SMM_PLATFORM_INSTAGRAM,
      SMM_KIND_STORY_VIEWS, NULL },
    { "Instagram Story Views", "Instagram Story Poll Votes [Max 10K]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_VOTES, NULL },
    { "Instagram Comments", "Instagram Comment Likes [Max 10K]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_COMMENT_LIKES,
      NULL },
    { "IG", "IG İZLENME [HIZLI]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_VIEWS, NULL },
    { "TikTok Views", "TikTok Live Stream Views [30 Minutes]", SMM_PLATFORM_TIKTOK, SMM_KIND_LIVE_VIEWS, NULL },
    { "Twitter/X Engagement", "Twitter/X Retweets [Max 5K]", SMM_PLATFORM_TWITTER, SMM_KIND_SHARES, NULL },
    { "X", "X Takipçi", SMM_PLATFORM_TWITTER, SMM_KIND_FOLLOWERS, NULL },
    { "Telegram Members", "Telegram Channel Members [Real]", SMM_PLATFORM_TELEGRAM, SMM_KIND_SUBSCRIBERS, NULL },
    { "YouTube", "YouTube Abone [Garantili]", SMM_PLATFORM_YOUTUBE, SMM_KIND_SUBSCRIBERS, NULL },
    { "Spotify", "Spotify Plays [Premium]", SMM_PLATFORM_SPOTIFY, SMM_KIND_PLAYS, NULL },
    { "Facebook", "Facebook Post Reactions [Love]", SMM_PLATFORM_FACEBOOK, SMM_KIND_REACTIONS, NULL },
    { "Threads", "Threads Followers", SMM_PLATFORM_THREADS, SMM_KIND_FOLLOWERS, NULL },
    { "Website Traffic", "Website Traffic [Worldwide]", SMM_PLATFORM_WEBSITE, SMM_KIND_TRAFFIC, NULL },
    /* the name decides; the category only when the name does not say */
    { "Instagram Likes", "Instagram Followers [HQ]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_FOLLOWERS, NULL },
    { "Instagram Takipçi", "Gerçek Kullanıcılar [Max 5K]", SMM_PLATFORM_INSTAGRAM, SMM_KIND_FOLLOWERS, NULL },
    /* words inside words do not count: "review" is no view, "Max" no X */
    { "SEO", "Google Reviews [Max 100]", SMM_PLATFORM_UNKNOWN, SMM_KIND_UNKNOWN, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmmService) service = smm_test_listed_service_new (1, cases[i].category, cases[i].name, "1",
                                                                   FALSE);
      SmmServiceTraits traits;

      smm_service_get_traits (service, &traits);
      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (traits.platform, ==, cases[i].platform);
      g_assert_cmpint (traits.kind, ==, cases[i].kind);
      g_assert_cmpstr (traits.region, ==, cases[i].region);
    }
}

static void
test_refill_flag (void)
{
  g_autoptr(SmmService) flagged = smm_test_listed_service_new (1, "Instagram Followers",
                                                               "Instagram Followers [No Refill]", "1", TRUE);
  g_autoptr(SmmService) plain = smm_test_listed_service_new (2, "Instagram Followers",
                                                             "Instagram Followers [30 days refill]", "1", TRUE);
  g_autoptr(SmmService) off = smm_test_listed_service_new (3, "Instagram Followers",
                                                           "Instagram Followers [30 days refill]", "1", FALSE);
  SmmServiceTraits traits;

  /* the name saying "no refill" wins over a panel's careless flag */
  smm_service_get_traits (flagged, &traits);
  g_assert_false (traits.refill);
  smm_service_get_traits (plain, &traits);
  g_assert_true (traits.refill);
  /* the panel's flag is what the refill button uses: a name alone does not give refill */
  smm_service_get_traits (off, &traits);
  g_assert_false (traits.refill);
}

static void
test_pairs (void)
{
  /* must match */
  g_assert_true (similar ("Instagram Followers", "Instagram Followers [Real, 30 days refill] [Max 10K]",
                          "Instagram Takipçi", "IG Takipçi [Gerçek] [30 Gün Telafi]"));
  g_assert_true (similar ("Instagram Followers", "Instagram Followers [HQ]",
                          "INSTAGRAM", "INSTAGRAM TAKİPÇİ"));
  g_assert_true (similar ("Twitter/X Followers", "Twitter/X Followers [HQ] [Max 20K]",
                          "X", "X Takipçi [Global]"));
  g_assert_true (similar ("YouTube Subscribers", "YouTube Subscribers [30 days refill]",
                          "YouTube", "YouTube Abone [Garantili]"));
  g_assert_true (similar ("Telegram", "Telegram Channel Members [Real]", "Telegram", "Telegram Kanal Üye"));
  g_assert_true (similar ("TikTok", "TikTok Views [Instant]", "TikTok", "TikTok İzlenme [Anlık]"));
  g_assert_true (similar ("Instagram Comments", "Instagram Comment Likes",
                          "Instagram", "Instagram Yorum Beğeni"));
  g_assert_true (similar ("Türk Takipçi", "Instagram Türk Takipçi [Gerçek]",
                          "Instagram Turkish", "Instagram Turkish Followers"));

  /* must not match */
  g_assert_false (similar ("Instagram Followers", "Instagram Followers", "Instagram Likes", "Instagram Likes"));
  g_assert_false (similar ("Instagram Followers", "Instagram Followers", "TikTok Followers", "TikTok Followers"));
  g_assert_false (similar ("Instagram Likes", "Instagram Likes", "Instagram Story Views", "Instagram Story Views"));
  g_assert_false (similar ("Instagram Comments", "Instagram Comment Likes", "Instagram Likes", "Instagram Likes"));
  g_assert_false (similar ("Instagram Followers", "Instagram Followers [HQ]",
                           "Türk Takipçi", "Instagram Türk Takipçi [Gerçek]"));
  g_assert_false (similar ("Threads", "Threads Followers", "Instagram", "Instagram Followers"));
  g_assert_false (similar ("TikTok Views", "TikTok Views", "TikTok Views", "TikTok Live Stream Views"));
  /* nothing known is similar to nothing known */
  g_assert_false (similar ("Other", "Mystery Box", "Other", "Mystery Box"));

  /* a different type, or a package, is another product */
  {
    g_autoptr(SmmService) likes = smm_test_listed_service_new (1, "Instagram Likes",
                                                               "Instagram Likes [Instant]", "0.12", FALSE);
    g_autoptr(SmmService) package = smm_test_listed_service_new (2, "Instagram Likes",
                                                                 "Instagram Likes Package [500 Likes]", "1.50", FALSE);
    g_autoptr(SmmService) comments = smm_test_listed_service_new (3, "Instagram Comments",
                                                                  "Instagram Random Comments", "5", FALSE);
    g_autoptr(SmmService) custom = smm_test_listed_service_new (4, "Instagram Comments",
                                                                "Instagram Custom Comments", "8", FALSE);
    g_autoptr(SmmService) unknown = smm_test_listed_service_new (5, "Instagram Likes", "Instagram Likes [New]",
                                                                 "0.2", FALSE);

    smm_service_set_type_name (package, "Package");
    smm_service_set_type_name (custom, "Custom Comments");
    smm_service_set_type_name (unknown, "Likes Default v2");
    g_assert_false (smm_service_is_similar (likes, package));
    g_assert_false (smm_service_is_similar (package, package));
    g_assert_false (smm_service_is_similar (comments, custom));
    /* an unknown type is offered with the default fields: as good as Default */
    g_assert_true (smm_service_is_similar (likes, unknown));
  }
}

static void
test_rates (void)
{
  g_autoptr(SmmRateTable) rates = smm_rate_table_new ("usd");
  g_autoptr(GError) error = NULL;
  SmmMoney out;

  g_assert_cmpstr (smm_rate_table_get_target (rates), ==, "USD");
  g_assert_true (smm_rate_table_parse (rates, "eur=1.08", &error));
  g_assert_true (smm_rate_table_parse (rates, " TRY = 0.0293 ", &error));
  g_assert_no_error (error);
  g_assert_true (smm_rate_table_convert (rates, "EUR", (SmmMoney) { 250000000 }, &out));
  g_assert_cmpint (out.units, ==, 270000000);
  g_assert_true (smm_rate_table_convert (rates, "try", (SmmMoney) { 10000000000 }, &out));
  g_assert_cmpint (out.units, ==, 293000000);
  g_assert_true (smm_rate_table_convert (rates, "USD", (SmmMoney) { 123 }, &out));
  g_assert_cmpint (out.units, ==, 123);
  g_assert_false (smm_rate_table_convert (rates, "RUB", (SmmMoney) { 123 }, &out));
  g_assert_false (smm_rate_table_convert (rates, "", (SmmMoney) { 123 }, &out));

  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "EUR", "EUR=", "EUR=abc", "EUR=-1", "E1R=2" };
      g_assert_false (smm_rate_table_parse (rates, bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  /* a comma is not a decimal point here, whatever the language */
  g_assert_false (smm_rate_table_parse (rates, "EUR=1,08", NULL));
}

static void
test_find (void)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) catalogues = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) usd = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) eur = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rub = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(SmmRateTable) rates = smm_rate_table_new ("USD");
  SmmAccount *account;
  SmmService *looked_at;
  SmmMatch *m;

  account = smm_account_new (1, "Panel USD", "https://a.example/api/v2");
  smm_account_set_currency (account, "USD");
  g_ptr_array_add (accounts, account);
  account = smm_account_new (2, "Panel EUR", "https://b.example/api/v2");
  smm_account_set_currency (account, "EUR");
  g_ptr_array_add (accounts, account);
  account = smm_account_new (3, "Panel RUB", "https://c.example/api/v2");
  smm_account_set_currency (account, "RUB");
  g_ptr_array_add (accounts, account);

  looked_at = smm_test_listed_service_new (1, "Instagram Followers",
                                           "Instagram Followers [Real, 30 days refill]", "0.90", TRUE);
  g_ptr_array_add (usd, looked_at);
  g_ptr_array_add (usd, smm_test_listed_service_new (2, "Instagram Followers",
                                                     "Instagram Followers [HQ, No refill]", "0.45", FALSE));
  g_ptr_array_add (usd, smm_test_listed_service_new (3, "Instagram Likes", "Instagram Likes", "0.12", FALSE));
  g_ptr_array_add (eur, smm_test_listed_service_new (101, "Instagram Takipçi", "IG Takipçi [Refill 30 Gün]",
                                                     "0.80", TRUE));   /* 0.864 $ */
  g_ptr_array_add (eur, smm_test_listed_service_new (102, "Instagram Takipçi", "IG Takipçi [Ucuz]", "0.30",
                                                     FALSE));           /* 0.324 $ */
  g_ptr_array_add (eur, smm_test_listed_service_new (103, "Instagram Followers",
                                                     "Instagram Followers [Lifetime]", "0.70", TRUE)); /* 0.756 $ */
  g_ptr_array_add (eur, smm_test_listed_service_new (104, "TikTok Followers", "TikTok Followers", "0.10",
                                                     TRUE));
  g_ptr_array_add (rub, smm_test_listed_service_new (7, "Instagram", "Instagram Подписчики Followers", "50",
                                                     TRUE));
  g_ptr_array_add (catalogues, g_ptr_array_ref (usd));
  g_ptr_array_add (catalogues, g_ptr_array_ref (eur));
  g_ptr_array_add (catalogues, g_ptr_array_ref (rub));
  g_assert_true (smm_rate_table_parse (rates, "EUR=1.08", NULL));

  matches = smm_match_find (looked_at, 1, accounts, catalogues, rates);
  g_assert_cmpuint (matches->len, ==, 5);
  /* with refill, cheapest first, in dollars */
  m = matches->pdata[0];
  g_assert_cmpint (smm_service_get_id (m->service), ==, 103);
  g_assert_cmpint (m->rate.units, ==, 75600000);
  g_assert_true (m->converted);
  g_assert_false (m->refill_differs);
  g_assert_cmpstr (smm_account_get_name (m->account), ==, "Panel EUR");
  m = matches->pdata[1];
  g_assert_cmpint (smm_service_get_id (m->service), ==, 101);
  g_assert_cmpint (m->rate.units, ==, 86400000);
  /* then the cheaper ones without refill, flagged */
  m = matches->pdata[2];
  g_assert_cmpint (smm_service_get_id (m->service), ==, 102);
  g_assert_true (m->refill_differs);
  g_assert_cmpint (m->rate.units, ==, 32400000);
  m = matches->pdata[3];
  g_assert_cmpint (smm_service_get_id (m->service), ==, 2);
  g_assert_true (m->refill_differs);
  /* last: no rate for roubles, unconverted */
  m = matches->pdata[4];
  g_assert_cmpint (smm_service_get_id (m->service), ==, 7);
  g_assert_false (m->converted);
  g_assert_cmpint (m->rate.units, ==, 5000000000);

  /* the same service of another account is a match; the service itself is not */
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = smm_match_find (looked_at, 2, accounts, catalogues, rates);
  g_assert_cmpuint (matches->len, ==, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/match/traits", test_traits);
  g_test_add_func ("/core/match/refill-flag", test_refill_flag);
  g_test_add_func ("/core/match/pairs", test_pairs);
  g_test_add_func ("/core/match/rates", test_rates);
  g_test_add_func ("/core/match/find", test_find);

  return g_test_run ();
}
