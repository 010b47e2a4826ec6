/* smm-match.c: the same service on other panels, ranked by price in one currency
 *
 * Panels name the same thing in many ways ("Instagram Followers [HQ]",
 * "IG Takipçi", "Instagram Türk Takipçi"). A service is reduced to traits read
 * from its name (and its category when the name does not tell): the platform,
 * the kind of thing delivered, a targeted country, refill. Two services are
 * similar when platform, kind, region and service type are the same; packages
 * are never compared (their rate is the price of one package, not of 1000).
 *
 * Ranking: by the rate converted to the user's currency with the user's own
 * exchange rates (no network). Refill counts: when the service looked at has
 * refill, similar services without it are listed after every one with it and
 * flagged, since the cheaper price buys less. Services whose currency has no
 * exchange rate come last, unconverted and flagged.
 *
 * Text is folded with smm_search_fold(), so "TAKİPÇİ" and "takipci" are one
 * word, and keywords match at the start of a word ("like" finds "Likes", not
 * "unlike"; "view" finds "Views", not "review").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-match"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-match.h"
#include "smm-search.h"

/* ---------------------------------------------------------------------------------------------
 * Traits
 */

static const char * const platform_labels[] = {
  [SMM_PLATFORM_UNKNOWN] = N_("Other"),
  [SMM_PLATFORM_INSTAGRAM] = "Instagram",
  [SMM_PLATFORM_TIKTOK] = "TikTok",
  [SMM_PLATFORM_YOUTUBE] = "YouTube",
  [SMM_PLATFORM_TWITTER] = "X (Twitter)",
  [SMM_PLATFORM_FACEBOOK] = "Facebook",
  [SMM_PLATFORM_TELEGRAM] = "Telegram",
  [SMM_PLATFORM_SPOTIFY] = "Spotify",
  [SMM_PLATFORM_TWITCH] = "Twitch",
  [SMM_PLATFORM_THREADS] = "Threads",
  [SMM_PLATFORM_LINKEDIN] = "LinkedIn",
  [SMM_PLATFORM_DISCORD] = "Discord",
  [SMM_PLATFORM_SOUNDCLOUD] = "SoundCloud",
  [SMM_PLATFORM_PINTEREST] = "Pinterest",
  [SMM_PLATFORM_SNAPCHAT] = "Snapchat",
  [SMM_PLATFORM_REDDIT] = "Reddit",
  [SMM_PLATFORM_KICK] = "Kick",
  [SMM_PLATFORM_WEBSITE] = N_("Website"),
};

static const char * const kind_labels[] = {
  [SMM_KIND_UNKNOWN] = N_("Other"),
  [SMM_KIND_FOLLOWERS] = N_("Followers"),
  [SMM_KIND_LIKES] = N_("Likes"),
  [SMM_KIND_VIEWS] = N_("Views"),
  [SMM_KIND_STORY_VIEWS] = N_("Story views"),
  [SMM_KIND_LIVE_VIEWS] = N_("Live stream views"),
  [SMM_KIND_COMMENTS] = N_("Comments"),
  [SMM_KIND_COMMENT_LIKES] = N_("Comment likes"),
  [SMM_KIND_SHARES] = N_("Shares"),
  [SMM_KIND_SUBSCRIBERS] = N_("Subscribers"),
  [SMM_KIND_SAVES] = N_("Saves"),
  [SMM_KIND_REACTIONS] = N_("Reactions"),
  [SMM_KIND_VOTES] = N_("Votes"),
  [SMM_KIND_PLAYS] = N_("Plays"),
  [SMM_KIND_MENTIONS] = N_("Mentions"),
  [SMM_KIND_TRAFFIC] = N_("Traffic"),
};

const char *
smm_platform_get_label (SmmPlatform platform)
{
  g_return_val_if_fail (platform < G_N_ELEMENTS (platform_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, platform_labels[platform]);
}

const char *
smm_kind_get_label (SmmKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, kind_labels[kind]);
}

typedef struct {
  const char *word;   /* folded; matched at the start of a word */
  int         value;
} Keyword;

/* The first match wins: the more specific words come first. */
static const Keyword platform_words[] = {
  { "threads", SMM_PLATFORM_THREADS },
  { "instagram", SMM_PLATFORM_INSTAGRAM }, { "insta ", SMM_PLATFORM_INSTAGRAM }, { "ig ", SMM_PLATFORM_INSTAGRAM },
  { "tiktok", SMM_PLATFORM_TIKTOK }, { "tik tok", SMM_PLATFORM_TIKTOK },
  { "youtube", SMM_PLATFORM_YOUTUBE }, { "yt ", SMM_PLATFORM_YOUTUBE },
  { "twitter", SMM_PLATFORM_TWITTER }, { "tweet", SMM_PLATFORM_TWITTER }, { "x ", SMM_PLATFORM_TWITTER },
  { "x/", SMM_PLATFORM_TWITTER },
  { "facebook", SMM_PLATFORM_FACEBOOK }, { "fb ", SMM_PLATFORM_FACEBOOK },
  { "telegram", SMM_PLATFORM_TELEGRAM },
  { "spotify", SMM_PLATFORM_SPOTIFY },
  { "twitch", SMM_PLATFORM_TWITCH },
  { "linkedin", SMM_PLATFORM_LINKEDIN },
  { "discord", SMM_PLATFORM_DISCORD },
  { "soundcloud", SMM_PLATFORM_SOUNDCLOUD },
  { "pinterest", SMM_PLATFORM_PINTEREST },
  { "snapchat", SMM_PLATFORM_SNAPCHAT },
  { "reddit", SMM_PLATFORM_REDDIT },
  { "kick ", SMM_PLATFORM_KICK },
  { "website", SMM_PLATFORM_WEBSITE }, { "web traffic", SMM_PLATFORM_WEBSITE }, { "web site", SMM_PLATFORM_WEBSITE },
  { "web trafik", SMM_PLATFORM_WEBSITE },
};

static const Keyword kind_words[] = {
  { "comment like", SMM_KIND_COMMENT_LIKES }, { "yorum begeni", SMM_KIND_COMMENT_LIKES },
  { "story view", SMM_KIND_STORY_VIEWS }, { "stories view", SMM_KIND_STORY_VIEWS },
  { "story izlenme", SMM_KIND_STORY_VIEWS }, { "hikaye izlenme", SMM_KIND_STORY_VIEWS },
  { "hikaye goruntulenme", SMM_KIND_STORY_VIEWS },
  { "live", SMM_KIND_LIVE_VIEWS }, { "canli yayin", SMM_KIND_LIVE_VIEWS },
  { "poll", SMM_KIND_VOTES }, { "vote", SMM_KIND_VOTES }, { "anket", SMM_KIND_VOTES },
  { "mention", SMM_KIND_MENTIONS },
  { "follower", SMM_KIND_FOLLOWERS }, { "takip", SMM_KIND_FOLLOWERS },
  { "subscriber", SMM_KIND_SUBSCRIBERS }, { "member", SMM_KIND_SUBSCRIBERS }, { "abone", SMM_KIND_SUBSCRIBERS },
  { "uye", SMM_KIND_SUBSCRIBERS },
  { "reaction", SMM_KIND_REACTIONS }, { "tepki", SMM_KIND_REACTIONS },
  { "like", SMM_KIND_LIKES }, { "begeni", SMM_KIND_LIKES }, { "begen", SMM_KIND_LIKES },
  { "view", SMM_KIND_VIEWS }, { "izlenme", SMM_KIND_VIEWS }, { "goruntulenme", SMM_KIND_VIEWS },
  { "play", SMM_KIND_PLAYS }, { "stream", SMM_KIND_PLAYS }, { "dinlenme", SMM_KIND_PLAYS },
  { "comment", SMM_KIND_COMMENTS }, { "yorum", SMM_KIND_COMMENTS }, { "repl", SMM_KIND_COMMENTS },
  { "share", SMM_KIND_SHARES }, { "retweet", SMM_KIND_SHARES }, { "repost", SMM_KIND_SHARES },
  { "paylasim", SMM_KIND_SHARES },
  { "save", SMM_KIND_SAVES }, { "kaydet", SMM_KIND_SAVES },
  { "traffic", SMM_KIND_TRAFFIC }, { "visit", SMM_KIND_TRAFFIC }, { "trafik", SMM_KIND_TRAFFIC },
  { "ziyaret", SMM_KIND_TRAFFIC },
};

static const struct {
  const char *word;
  const char *region;
} region_words[] = {
  { "turk", "tr" }, { "american", "us" }, { "usa", "us" }, { "brazil", "br" }, { "brasil", "br" },
  { "india", "in" }, { "arab", "arab" }, { "russia", "ru" }, { "german", "de" }, { "azerbaijan", "az" },
  { "azeri", "az" },
};

/* Does @word occur in @text at the start of a word? (Both folded; @text padded with a space.) */
static gboolean
has_word (const char *text,
          const char *word)
{
  for (const char *p = strstr (text, word); p; p = strstr (p + 1, word))
    if (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
      return TRUE;
  return FALSE;
}

static int
find_keyword (const char    *text,
              const Keyword *keywords,
              guint          n_keywords)
{
  for (guint i = 0; i < n_keywords; i++)
    if (has_word (text, keywords[i].word))
      return keywords[i].value;
  return 0;
}

/* Folded, with a space at the end so that "x " and "ig " also match last words */
static char *
fold (const char *text)
{
  g_autofree char *folded = smm_search_fold (text);
  return g_strconcat (folded, " ", NULL);
}

static gboolean
says_no_refill (const char *folded)
{
  return has_word (folded, "no refill") || has_word (folded, "non refill") || has_word (folded, "without refill") ||
         has_word (folded, "no-refill") || has_word (folded, "refill yok") || has_word (folded, "telafisiz") ||
         has_word (folded, "garantisiz");
}

/**
 * smm_service_get_traits:
 *
 * Reads the platform, kind and targeted country from the service's name (or its
 * category, when the name does not say); refill is the panel's flag, unless the
 * name says "no refill".
 */
void
smm_service_get_traits (SmmService       *service,
                        SmmServiceTraits *traits)
{
  g_autofree char *name = fold (smm_service_get_name (service));
  g_autofree char *category = fold (smm_service_get_category (service));

  g_return_if_fail (SMM_IS_SERVICE (service));

  traits->platform = find_keyword (name, platform_words, G_N_ELEMENTS (platform_words));
  if (traits->platform == SMM_PLATFORM_UNKNOWN)
    traits->platform = find_keyword (category, platform_words, G_N_ELEMENTS (platform_words));
  traits->kind = find_keyword (name, kind_words, G_N_ELEMENTS (kind_words));
  if (traits->kind == SMM_KIND_UNKNOWN)
    traits->kind = find_keyword (category, kind_words, G_N_ELEMENTS (kind_words));
  traits->region = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (region_words) && traits->region == NULL; i++)
    if (has_word (name, region_words[i].word) || has_word (category, region_words[i].word))
      traits->region = region_words[i].region;
  traits->refill = smm_service_get_refill (service) == SMM_TRISTATE_YES && !says_no_refill (name);
}

static gboolean
same_type (SmmService *a,
           SmmService *b)
{
  SmmServiceType ta = smm_service_get_service_type (a);
  SmmServiceType tb = smm_service_get_service_type (b);

  if (ta == SMM_SERVICE_TYPE_UNKNOWN)
    ta = SMM_SERVICE_TYPE_DEFAULT;
  if (tb == SMM_SERVICE_TYPE_UNKNOWN)
    tb = SMM_SERVICE_TYPE_DEFAULT;
  return ta == tb;
}

/**
 * smm_service_is_similar:
 *
 * Returns: %TRUE when @other delivers the same thing as @service: the same
 * platform, kind, region and type, both known, neither a package (refill
 * is not compared: see smm_match_find())
 */
gboolean
smm_service_is_similar (SmmService *service,
                        SmmService *other)
{
  SmmServiceTraits a, b;

  g_return_val_if_fail (SMM_IS_SERVICE (service), FALSE);
  g_return_val_if_fail (SMM_IS_SERVICE (other), FALSE);

  if (smm_service_type_is_package (smm_service_get_service_type (service)) ||
      smm_service_type_is_package (smm_service_get_service_type (other)) ||
      !same_type (service, other))
    return FALSE;
  smm_service_get_traits (service, &a);
  smm_service_get_traits (other, &b);
  return a.platform != SMM_PLATFORM_UNKNOWN && a.kind != SMM_KIND_UNKNOWN &&
         a.platform == b.platform && a.kind == b.kind && g_strcmp0 (a.region, b.region) == 0;
}

/* ---------------------------------------------------------------------------------------------
 * Exchange rates
 */

struct _SmmRateTable
{
  gatomicrefcount  ref_count;
  char            *target;
  GHashTable      *rates;   /* upper-case code → SmmMoney */
};

G_DEFINE_BOXED_TYPE (SmmRateTable, smm_rate_table, smm_rate_table_ref, smm_rate_table_unref)

/* @target: the currency everything is converted to, e.g. "USD" */
SmmRateTable *
smm_rate_table_new (const char *target)
{
  SmmRateTable *self = g_new0 (SmmRateTable, 1);

  g_return_val_if_fail (target != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->target = g_ascii_strup (target, -1);
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

SmmRateTable *
smm_rate_table_ref (SmmRateTable *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smm_rate_table_unref (SmmRateTable *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->rates);
  g_free (self->target);
  g_free (self);
}

const char *
smm_rate_table_get_target (SmmRateTable *self)
{
  return self->target;
}

/* One unit of @currency is worth @value of the target currency. */
void
smm_rate_table_set (SmmRateTable *self,
                    const char   *currency,
                    SmmMoney      value)
{
  g_return_if_fail (currency != NULL);
  g_hash_table_replace (self->rates, g_ascii_strup (currency, -1), smm_money_copy (&value));
}

static gboolean
is_currency_code (const char *code)
{
  gsize n = strlen (code);

  if (n < 2 || n > 5)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

/**
 * smm_rate_table_parse:
 * @assignment: "EUR=1.08": one euro is 1.08 of the target currency (a dot, whatever the language)
 */
gboolean
smm_rate_table_parse (SmmRateTable  *self,
                      const char    *assignment,
                      GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (assignment, "=", 2);
  SmmMoney value;

  if (g_strv_length (parts) != 2 || !is_currency_code (g_strstrip (parts[0])) ||
      !smm_money_parse (g_strstrip (parts[1]), &value, NULL) || value.units <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an exchange rate: write it like EUR=1.08."), assignment);
      return FALSE;
    }
  smm_rate_table_set (self, parts[0], value);
  return TRUE;
}

/**
 * smm_rate_table_convert:
 * @currency: (nullable): the amount's currency
 * @converted: (out): @amount in the target currency
 *
 * Returns: %FALSE when @currency has no exchange rate (or is not known)
 */
gboolean
smm_rate_table_convert (SmmRateTable *self,
                        const char   *currency,
                        SmmMoney      amount,
                        SmmMoney     *converted)
{
  const SmmMoney *rate;

  if (currency == NULL || *currency == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (currency, self->target) == 0)
    {
      *converted = amount;
      return TRUE;
    }
  {
    g_autofree char *code = g_ascii_strup (currency, -1);
    rate = g_hash_table_lookup (self->rates, code);
  }
  return rate != NULL && smm_money_convert (amount, *rate, converted);
}

/* ---------------------------------------------------------------------------------------------
 * Finding
 */

void
smm_match_free (SmmMatch *match)
{
  if (match == NULL)
    return;
  g_clear_object (&match->account);
  g_clear_object (&match->service);
  g_free (match);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const SmmMatch *x = *(SmmMatch **) a;
  const SmmMatch *y = *(SmmMatch **) b;
  int c;

  if (x->converted != y->converted)
    return x->converted ? -1 : 1;
  if (x->refill_differs != y->refill_differs)
    return x->refill_differs ? 1 : -1;
  if (x->converted && (c = smm_money_compare (x->rate, y->rate)) != 0)
    return c;
  if (!x->converted && (c = g_strcmp0 (smm_account_get_currency (x->account),
                                       smm_account_get_currency (y->account))) != 0)
    return c;
  if (!x->converted && (c = smm_money_compare (x->rate, y->rate)) != 0)
    return c;
  return g_utf8_collate (smm_service_get_name (x->service), smm_service_get_name (y->service));
}

/**
 * smm_match_find:
 * @service: the service the user looks at
 * @account_id: its account, so that @service itself is left out
 * @accounts: (element-type SmmAccount): the accounts to look in (their currency is used)
 * @catalogues: (element-type GPtrArray): the cached catalogue of each of @accounts, in the same order
 * @rates: the exchange rates to the currency the user chose
 *
 * Returns: (transfer container) (element-type SmmMatch): the similar services,
 * cheapest first in the target currency; those without refill (when @service
 * has it) after those with; those whose currency has no rate last
 */
GPtrArray *
smm_match_find (SmmService   *service,
                gint64        account_id,
                GPtrArray    *accounts,
                GPtrArray    *catalogues,
                SmmRateTable *rates)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_match_free);
  SmmServiceTraits traits;

  g_return_val_if_fail (SMM_IS_SERVICE (service), matches);
  g_return_val_if_fail (accounts->len == catalogues->len, matches);

  smm_service_get_traits (service, &traits);
  for (guint a = 0; a < accounts->len; a++)
    {
      SmmAccount *account = accounts->pdata[a];
      GPtrArray *services = catalogues->pdata[a];

      for (guint i = 0; services && i < services->len; i++)
        {
          SmmService *other = services->pdata[i];
          SmmServiceTraits other_traits;
          SmmMatch *match;

          if (smm_account_get_id (account) == account_id && smm_service_get_id (other) == smm_service_get_id (service))
            continue;
          if (!smm_service_is_similar (service, other))
            continue;
          smm_service_get_traits (other, &other_traits);
          match = g_new0 (SmmMatch, 1);
          match->account = g_object_ref (account);
          match->service = g_object_ref (other);
          match->converted = smm_rate_table_convert (rates, smm_account_get_currency (account),
                                                     smm_service_get_rate (other), &match->rate);
          if (!match->converted)
            match->rate = smm_service_get_rate (other);
          match->refill_differs = traits.refill && !other_traits.refill;
          g_ptr_array_add (matches, match);
        }
    }
  g_ptr_array_sort (matches, compare_matches);
  return matches;
}
