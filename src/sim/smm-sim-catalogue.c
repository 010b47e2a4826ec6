/* smm-sim-catalogue.c: the services offered by the simulated panel
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include "smm-sim-catalogue.h"

static const char * const type_names[SMM_SIM_N_TYPES] = {
  [SMM_SIM_TYPE_DEFAULT] = "Default",
  [SMM_SIM_TYPE_PACKAGE] = "Package",
  [SMM_SIM_TYPE_SEO] = "SEO",
  [SMM_SIM_TYPE_CUSTOM_COMMENTS] = "Custom Comments",
  [SMM_SIM_TYPE_CUSTOM_COMMENTS_PACKAGE] = "Custom Comments Package",
  [SMM_SIM_TYPE_MENTIONS] = "Mentions",
  [SMM_SIM_TYPE_MENTIONS_WITH_HASHTAGS] = "Mentions with Hashtags",
  [SMM_SIM_TYPE_MENTIONS_CUSTOM_LIST] = "Mentions Custom List",
  [SMM_SIM_TYPE_MENTIONS_HASHTAG] = "Mentions Hashtag",
  [SMM_SIM_TYPE_MENTIONS_USER_FOLLOWERS] = "Mentions User Followers",
  [SMM_SIM_TYPE_MENTIONS_MEDIA_LIKERS] = "Mentions Media Likers",
  [SMM_SIM_TYPE_COMMENT_LIKES] = "Comment Likes",
  [SMM_SIM_TYPE_COMMENT_REPLIES] = "Comment Replies",
  [SMM_SIM_TYPE_POLL] = "Poll",
  [SMM_SIM_TYPE_INVITES_FROM_GROUPS] = "Invites from Groups",
  [SMM_SIM_TYPE_SUBSCRIPTIONS] = "Subscriptions",
  [SMM_SIM_TYPE_WEB_TRAFFIC] = "Web Traffic",
  [SMM_SIM_TYPE_CUSTOM_DATA] = "Custom Data",
};

const char *
smm_sim_type_to_string (SmmSimType type)
{
  g_return_val_if_fail (type < SMM_SIM_N_TYPES, "Default");

  return type_names[type];
}

gboolean
smm_sim_parse_units (const char *text,
                     gint64     *units)
{
  gint64 whole = 0;
  gint64 frac = 0;
  guint n_int = 0;
  guint n_frac = 0;
  const char *p;

  g_return_val_if_fail (units != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (p = text; g_ascii_isdigit (*p); p++)
    {
      if (++n_int > 12)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++n_frac > 5)
            return FALSE;
          frac = frac * 10 + (*p - '0');
        }
      if (n_frac == 0)
        return FALSE;
    }

  if (*p != '\0' || n_int == 0)
    return FALSE;

  for (guint i = n_frac; i < 5; i++)
    frac *= 10;

  *units = whole * SMM_SIM_UNITS_PER_ONE + frac;

  return TRUE;
}

char *
smm_sim_format_units (gint64 units)
{
  const char *sign = "";
  guint64 abs_units;

  if (units < 0)
    {
      sign = "-";
      abs_units = (guint64) -(units + 1) + 1;
    }
  else
    abs_units = (guint64) units;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%05" G_GUINT64_FORMAT,
                          sign,
                          abs_units / (guint64) SMM_SIM_UNITS_PER_ONE,
                          abs_units % (guint64) SMM_SIM_UNITS_PER_ONE);
}

void
smm_sim_service_free (SmmSimService *service)
{
  if (service == NULL)
    return;

  g_free (service->name);
  g_free (service->category);
  g_free (service->rate);
  g_free (service);
}

static SmmSimService *
service_new (guint       id,
             SmmSimType  type,
             const char *category,
             const char *name,
             const char *rate,
             guint       min,
             guint       max,
             gboolean    refill,
             gboolean    cancel,
             gboolean    dripfeed)
{
  SmmSimService *service = g_new0 (SmmSimService, 1);

  service->id = id;
  service->type = type;
  service->category = g_strdup (category);
  service->name = g_strdup (name);
  service->rate = g_strdup (rate);
  if (!smm_sim_parse_units (rate, &service->rate_units))
    g_assert_not_reached ();
  service->min = min;
  service->max = max;
  service->refill = refill;
  service->cancel = cancel;
  service->dripfeed = dripfeed;

  return service;
}

typedef struct {
  SmmSimType  type;
  const char *category;
  const char *name;
  const char *rate;
  guint       min;
  guint       max;
  gboolean    refill;
  gboolean    cancel;
  gboolean    dripfeed;
} DemoService;

static const DemoService demo_services[] = {
  { SMM_SIM_TYPE_DEFAULT, "Instagram Followers",
    "Instagram Followers [Real, 30 days refill] [Max 10K]", "0.90", 50, 10000, TRUE, TRUE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "Instagram Followers",
    "Instagram Followers [HQ, No refill] [Max 50K]", "0.45", 100, 50000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Instagram Followers",
    "Instagram Followers [Real, Lifetime refill] [Max 100K]", "2.10", 20, 100000, TRUE, FALSE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "Instagram Likes",
    "Instagram Likes [Instant] [Max 20K]", "0.12", 10, 20000, FALSE, TRUE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "Instagram Likes",
    "Instagram Likes [Real, 30 days refill] [Max 50K]", "0.35", 50, 50000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_PACKAGE, "Instagram Likes",
    "Instagram Likes Package [500 Likes]", "1.50", 1, 1, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_CUSTOM_COMMENTS, "Instagram Comments",
    "Instagram Custom Comments [Real] [Max 1.5K]", "8", 10, 1500, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_CUSTOM_COMMENTS_PACKAGE, "Instagram Comments",
    "Instagram Custom Comments Package [10 Comments]", "2.50", 1, 1, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Instagram Comments",
    "Instagram Random Comments [Emoji] [Max 5K]", "5.00", 10, 5000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_COMMENT_LIKES, "Instagram Comments",
    "Instagram Comment Likes [Max 10K]", "1.20", 50, 10000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_COMMENT_REPLIES, "Instagram Comments",
    "Instagram Comment Replies [Custom] [Max 500]", "12.5", 5, 500, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_MENTIONS, "Instagram Mentions",
    "Instagram Mentions [Usernames] [Max 10K]", "3.00", 100, 10000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_MENTIONS_WITH_HASHTAGS, "Instagram Mentions",
    "Instagram Mentions with Hashtags [Max 10K]", "3.50", 100, 10000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_MENTIONS_CUSTOM_LIST, "Instagram Mentions",
    "Instagram Mentions [Custom List] [Max 5K]", "4.00", 10, 5000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_MENTIONS_HASHTAG, "Instagram Mentions",
    "Instagram Mentions [Hashtag Users] [Max 50K]", "2.80", 1000, 50000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_MENTIONS_USER_FOLLOWERS, "Instagram Mentions",
    "Instagram Mentions [User Followers] [Max 50K]", "2.80", 1000, 50000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_MENTIONS_MEDIA_LIKERS, "Instagram Mentions",
    "Instagram Mentions [Media Likers] [Max 50K]", "2.90", 1000, 50000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Instagram Story Views",
    "Instagram Story Views [All Stories] [Max 20K]", "0.0450", 100, 20000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_POLL, "Instagram Story Views",
    "Instagram Story Poll Votes [Max 10K]", "1.80", 100, 10000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_SUBSCRIPTIONS, "Instagram Auto Services",
    "Instagram Auto Likes [Subscription] [Max 10K]", "0.30", 50, 10000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "INSTAGRAM REELS",
    "Instagram Reels Views [Instant] [Max 10M]", "0.0120", 100, 10000000, FALSE, TRUE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "INSTAGRAM REELS",
    "Instagram Reels Likes [Real, 30 days refill] [Max 50K]", "0.40", 20, 50000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Türk Takipçi",
    "Instagram Türk Takipçi [Gerçek]", "3.75", 10, 20000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Türk Takipçi",
    "Instagram Türk Beğeni [Hızlı] [Max 10K]", "0.95", 10, 10000, FALSE, TRUE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "TikTok Views",
    "TikTok Views [Instant] [Max 10M]", "0.0080", 100, 10000000, FALSE, TRUE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "TikTok Views",
    "TikTok Live Stream Views [30 Minutes] [Max 5K]", "6.00", 50, 5000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "TikTok Followers",
    "TikTok Followers [Real, 30 days refill] [Max 50K]", "2.40", 100, 50000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "TikTok Followers",
    "TikTok Followers [Cheapest, No refill] [Max 20K]", "0.85", 10, 20000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "TikTok Likes",
    "TikTok Likes [Fast] [Max 100K]", "0.60", 10, 100000, TRUE, TRUE, TRUE },
  { SMM_SIM_TYPE_CUSTOM_COMMENTS, "TikTok Likes",
    "TikTok Custom Comments [Max 1K]", "9.50", 5, 1000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "YouTube Views",
    "YouTube Views [Non Drop, Lifetime refill] [Max 1M]", "1.90", 500, 1000000, TRUE, FALSE, TRUE },
  { SMM_SIM_TYPE_DEFAULT, "YouTube Views",
    "YouTube Views [Suggested Traffic] [Max 100K]", "2.60", 1000, 100000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "YouTube Likes",
    "YouTube Likes [Real, 30 days refill] [Max 20K]", "3.20", 20, 20000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_CUSTOM_COMMENTS, "YouTube Likes",
    "YouTube Custom Comments [Max 1K]", "25", 5, 1000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "YouTube Subscribers",
    "YouTube Subscribers [30 days refill] [Max 10K]", "18.00", 100, 10000, TRUE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Telegram Members",
    "Telegram Channel Members [Real] [Max 50K]", "1.10", 100, 50000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_INVITES_FROM_GROUPS, "Telegram Members",
    "Telegram Group Members [Invites from Groups] [Max 10K]", "4.50", 100, 10000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_SUBSCRIPTIONS, "Telegram Views",
    "Telegram Post Views [Future Posts] [Subscription]", "0.0200", 100, 50000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_POLL, "Telegram Views",
    "Telegram Poll Votes [Max 20K]", "0.80", 50, 20000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Twitter/X Followers",
    "Twitter/X Followers [HQ] [Max 20K]", "5.50", 100, 20000, TRUE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Twitter/X Engagement",
    "Twitter/X Retweets [Max 5K]", "2.20", 20, 5000, FALSE, TRUE, TRUE },
  { SMM_SIM_TYPE_POLL, "Twitter/X Engagement",
    "Twitter/X Poll Votes [Max 50K]", "0.70", 100, 50000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_CUSTOM_COMMENTS, "Twitter/X Engagement",
    "Twitter/X Custom Replies [Max 500]", "15", 5, 500, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Facebook",
    "Facebook Page Likes [Real] [Max 20K]", "3.90", 100, 20000, TRUE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Facebook",
    "Facebook Post Reactions [Love] [Max 10K]", "1.35", 50, 10000, FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_DEFAULT, "Spotify",
    "Spotify Plays [Premium] [Max 1M]", "0.70", 1000, 1000000, TRUE, FALSE, TRUE },
  { SMM_SIM_TYPE_WEB_TRAFFIC, "Website Traffic",
    "Website Traffic [Worldwide] [Max 1M]", "0.25", 500, 1000000, FALSE, TRUE, TRUE },
  { SMM_SIM_TYPE_WEB_TRAFFIC, "Website Traffic",
    "Website Traffic [Targeted Country, Google Keyword] [Max 100K]", "0.85", 100, 100000,
    FALSE, TRUE, FALSE },
  { SMM_SIM_TYPE_SEO, "SEO Services",
    "SEO Backlinks [Keywords] [Max 1K]", "45", 10, 1000, FALSE, FALSE, FALSE },
  { SMM_SIM_TYPE_PACKAGE, "SEO Services",
    "SEO Guest Post [DA 50+] [Package]", "120", 1, 1, FALSE, FALSE, FALSE },
};

GPtrArray *
smm_sim_catalogue_new_demo (void)
{
  GPtrArray *services;

  services = g_ptr_array_new_full (G_N_ELEMENTS (demo_services),
                                   (GDestroyNotify) smm_sim_service_free);

  for (guint i = 0; i < G_N_ELEMENTS (demo_services); i++)
    {
      const DemoService *d = &demo_services[i];

      g_ptr_array_add (services, service_new (i + 1, d->type, d->category, d->name, d->rate,
                                              d->min, d->max, d->refill, d->cancel, d->dripfeed));
    }

  return services;
}

typedef struct {
  guint       id;
  DemoService service;
} DemoServiceB;

static const DemoServiceB demo_services_b[] = {
  { 201, { SMM_SIM_TYPE_DEFAULT, "Instagram Takipçi",
    "IG Takipçi [Gerçek] [30 Gün Telafi]", "0.80", 100, 20000, TRUE, TRUE, FALSE } },
  { 202, { SMM_SIM_TYPE_DEFAULT, "Instagram Takipçi",
    "IG Takipçi [Ucuz] [Telafisiz]", "0.30", 50, 50000, FALSE, FALSE, FALSE } },
  { 203, { SMM_SIM_TYPE_DEFAULT, "Instagram Takipçi",
    "Instagram Türk Takipçi [Kadın]", "3.20", 10, 10000, TRUE, TRUE, FALSE } },
  { 205, { SMM_SIM_TYPE_DEFAULT, "Instagram Beğeni",
    "Instagram Beğeni [Anlık] [Max 50K]", "0.10", 10, 50000, FALSE, TRUE, TRUE } },
  { 206, { SMM_SIM_TYPE_DEFAULT, "Instagram Beğeni",
    "Instagram Likes [Real] [30 Days Refill]", "0.32", 20, 20000, TRUE, TRUE, FALSE } },
  { 208, { SMM_SIM_TYPE_DEFAULT, "Instagram İzlenme",
    "Instagram Reels İzlenme [Max 5M]", "0.0100", 100, 5000000, FALSE, TRUE, TRUE } },
  { 209, { SMM_SIM_TYPE_DEFAULT, "Instagram İzlenme",
    "Instagram Story Views [Fast]", "0.0500", 100, 50000, FALSE, FALSE, FALSE } },
  { 210, { SMM_SIM_TYPE_CUSTOM_COMMENTS, "Instagram Yorum",
    "Instagram Özel Yorum [Türk]", "7.50", 5, 1000, FALSE, FALSE, FALSE } },
  { 214, { SMM_SIM_TYPE_DEFAULT, "TikTok",
    "TikTok Takipçi [Refill 30 Gün]", "2.10", 100, 30000, TRUE, TRUE, FALSE } },
  { 215, { SMM_SIM_TYPE_DEFAULT, "TikTok",
    "TikTok İzlenme [Anlık]", "0.0070", 100, 10000000, FALSE, TRUE, TRUE } },
  { 216, { SMM_SIM_TYPE_DEFAULT, "TikTok",
    "TikTok Beğeni [Max 50K]", "0.55", 10, 50000, FALSE, TRUE, FALSE } },
  { 220, { SMM_SIM_TYPE_DEFAULT, "YouTube",
    "YouTube Abone [Garantili]", "16.50", 50, 5000, TRUE, FALSE, FALSE } },
  { 221, { SMM_SIM_TYPE_DEFAULT, "YouTube",
    "YouTube İzlenme [Yüksek Kalite]", "1.70", 500, 500000, TRUE, FALSE, TRUE } },
  { 230, { SMM_SIM_TYPE_DEFAULT, "Telegram",
    "Telegram Kanal Üye [Gerçek]", "1.00", 100, 20000, TRUE, TRUE, FALSE } },
  { 240, { SMM_SIM_TYPE_DEFAULT, "X (Twitter)",
    "X Takipçi [Global]", "5.00", 100, 10000, TRUE, FALSE, FALSE } },
  { 250, { SMM_SIM_TYPE_PACKAGE, "Paketler",
    "Instagram Başlangıç Paketi [1000 Takipçi + 500 Beğeni]", "1.20", 1, 1, FALSE, FALSE, FALSE } },
};

/* A panel's catalogue from its table, with the ids the table gives; a service whose id is in
 * unlisted lists no "dripfeed" field. */
static GPtrArray *
catalogue_from_table (const DemoServiceB *table,
                      guint               n_services,
                      const guint        *unlisted,
                      guint               n_unlisted)
{
  GPtrArray *services = g_ptr_array_new_full (n_services, (GDestroyNotify) smm_sim_service_free);

  for (guint i = 0; i < n_services; i++)
    {
      const DemoService *d = &table[i].service;
      SmmSimService *service = service_new (table[i].id, d->type, d->category, d->name, d->rate,
                                            d->min, d->max, d->refill, d->cancel, d->dripfeed);

      for (guint k = 0; k < n_unlisted; k++)
        if (unlisted[k] == service->id)
          {
            service->dripfeed_unlisted = TRUE;
            service->dripfeed = TRUE; /* unlisted: the panel takes runs */
          }
      g_ptr_array_add (services, service);
    }

  return services;
}

GPtrArray *
smm_sim_catalogue_new_demo_b (void)
{
  return catalogue_from_table (demo_services_b, G_N_ELEMENTS (demo_services_b), NULL, 0);
}

/* A PHP panel's: every flag a panel may give, and the types only some panels have */
static const DemoServiceB php_services[] = {
  { 1, { SMM_SIM_TYPE_DEFAULT, "Instagram Followers",
    "Instagram Followers [Drip-feed] [Max 10K]", "1.00", 10, 10000, TRUE, TRUE, TRUE } },
  { 2, { SMM_SIM_TYPE_DEFAULT, "Instagram Followers",
    "Instagram Followers [No drip-feed] [Max 1500]", "0.50", 10, 1500, FALSE, FALSE, FALSE } },
  { 3, { SMM_SIM_TYPE_DEFAULT, "Instagram Likes",
    "Instagram Likes [Max 10K]", "0.20", 50, 10000, FALSE, TRUE, FALSE } },
  { 4, { SMM_SIM_TYPE_CUSTOM_DATA, "Instagram Custom",
    "Instagram Custom Data [Max 1K]", "5.00", 10, 1000, FALSE, FALSE, FALSE } },
  { 5, { SMM_SIM_TYPE_SUBSCRIPTIONS, "Instagram Auto Likes",
    "Instagram Auto Likes [Subscription]", "0.30", 50, 10000, FALSE, FALSE, FALSE } },
  { 6, { SMM_SIM_TYPE_MENTIONS_WITH_HASHTAGS, "Instagram Mentions",
    "Instagram Mentions With Hashtags", "2.00", 100, 5000, FALSE, FALSE, FALSE } },
  { 7, { SMM_SIM_TYPE_PACKAGE, "Packages",
    "Instagram Starter Package", "3.00", 1, 1, FALSE, FALSE, FALSE } },
};

static const guint php_unlisted_dripfeed[] = { 3, 4, 7 };

GPtrArray *
smm_sim_catalogue_new_php (void)
{
  return catalogue_from_table (php_services, G_N_ELEMENTS (php_services),
                               php_unlisted_dripfeed, G_N_ELEMENTS (php_unlisted_dripfeed));
}

static const char * const platforms[] = {
  "Instagram", "TikTok", "YouTube", "Telegram", "Twitter/X",
  "Facebook", "Spotify", "Twitch", "Threads", "LinkedIn",
};

static const char * const kinds[] = { "Followers", "Likes", "Views" };

static const char * const qualities[] = {
  "Real", "HQ", "Instant", "Cheapest", "Non Drop", "Targeted", "Premium", "Fast",
};

static const guint mins[] = { 10, 20, 50, 100, 500 };
static const guint maxes[] = { 1000, 5000, 10000, 50000, 100000, 1000000 };

static guint32
mix (guint32 x)
{
  /* A small integer hash (lowbias32): deterministic, well spread. */
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

static char *
format_rate (gint64 units)
{
  g_autofree char *text = smm_sim_format_units (units);
  gsize len = strlen (text);
  const char *dot = strchr (text, '.');
  gsize keep = (gsize) (dot - text) + 3; /* at least two decimals */

  while (len > keep && text[len - 1] == '0')
    text[--len] = '\0';

  return g_steal_pointer (&text);
}

static char *
format_max (guint max)
{
  if (max >= 1000000 && max % 1000000 == 0)
    return g_strdup_printf ("%uM", max / 1000000);
  if (max >= 1000 && max % 1000 == 0)
    return g_strdup_printf ("%uK", max / 1000);
  return g_strdup_printf ("%u", max);
}

GPtrArray *
smm_sim_catalogue_new_generated (guint n_services)
{
  GPtrArray *services;
  const guint n_categories = G_N_ELEMENTS (platforms) * G_N_ELEMENTS (kinds);

  services = g_ptr_array_new_full (n_services, (GDestroyNotify) smm_sim_service_free);

  for (guint i = 0; i < n_services; i++)
    {
      guint32 h = mix (i + 1);
      guint cat = i % n_categories;
      const char *platform = platforms[cat / G_N_ELEMENTS (kinds)];
      const char *kind = kinds[cat % G_N_ELEMENTS (kinds)];
      SmmSimType type = (SmmSimType) ((i + i / n_categories) % SMM_SIM_N_CLASSIC_TYPES);
      gint64 rate_units = 100 + (gint64) (h % 2500000);  /* 0.001 .. 25.001 per 1000 */
      guint min = mins[(h >> 8) % G_N_ELEMENTS (mins)];
      guint max = maxes[(h >> 12) % G_N_ELEMENTS (maxes)];
      g_autofree char *category = g_strdup_printf ("%s %s", platform, kind);
      g_autofree char *rate = NULL;
      g_autofree char *max_text = NULL;
      g_autofree char *name = NULL;
      SmmSimService *service;

      if (type == SMM_SIM_TYPE_PACKAGE || type == SMM_SIM_TYPE_CUSTOM_COMMENTS_PACKAGE)
        {
          min = 1;
          max = 1;
          rate_units = 100000 + (gint64) (h % 5000000);
        }
      if (max < min)
        max = min * 10;

      rate = format_rate (rate_units);
      max_text = format_max (max);
      name = g_strdup_printf ("%s %s [%s] [%s] [Max %s] #%u",
                              platform, kind, smm_sim_type_to_string (type),
                              qualities[(h >> 20) % G_N_ELEMENTS (qualities)],
                              max_text, i + 1);

      service = service_new (i + 1, type, category, name, rate, min, max,
                             (h >> 24) & 1, (h >> 25) & 1,
                             (type == SMM_SIM_TYPE_DEFAULT || type == SMM_SIM_TYPE_WEB_TRAFFIC)
                               && ((h >> 26) & 1));
      g_ptr_array_add (services, service);
    }

  return services;
}
