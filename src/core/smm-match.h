/* smm-match.h: the same service on other panels, ranked by price in one currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-account.h"
#include "smm-money.h"
#include "smm-service.h"

G_BEGIN_DECLS

typedef enum {
  SMM_PLATFORM_UNKNOWN,
  SMM_PLATFORM_INSTAGRAM,
  SMM_PLATFORM_TIKTOK,
  SMM_PLATFORM_YOUTUBE,
  SMM_PLATFORM_TWITTER,
  SMM_PLATFORM_FACEBOOK,
  SMM_PLATFORM_TELEGRAM,
  SMM_PLATFORM_SPOTIFY,
  SMM_PLATFORM_TWITCH,
  SMM_PLATFORM_THREADS,
  SMM_PLATFORM_LINKEDIN,
  SMM_PLATFORM_DISCORD,
  SMM_PLATFORM_SOUNDCLOUD,
  SMM_PLATFORM_PINTEREST,
  SMM_PLATFORM_SNAPCHAT,
  SMM_PLATFORM_REDDIT,
  SMM_PLATFORM_KICK,
  SMM_PLATFORM_WEBSITE,
} SmmPlatform;

typedef enum {
  SMM_KIND_UNKNOWN,
  SMM_KIND_FOLLOWERS,
  SMM_KIND_LIKES,
  SMM_KIND_VIEWS,
  SMM_KIND_STORY_VIEWS,
  SMM_KIND_LIVE_VIEWS,
  SMM_KIND_COMMENTS,
  SMM_KIND_COMMENT_LIKES,
  SMM_KIND_SHARES,
  SMM_KIND_SUBSCRIBERS,   /* subscribers, members */
  SMM_KIND_SAVES,
  SMM_KIND_REACTIONS,
  SMM_KIND_VOTES,
  SMM_KIND_PLAYS,
  SMM_KIND_MENTIONS,
  SMM_KIND_TRAFFIC,
} SmmKind;

/* What a service is, read from its category and name. */
typedef struct {
  SmmPlatform  platform;
  SmmKind      kind;
  const char  *region;   /* "tr", "us", …: a targeted audience; NULL for none */
  gboolean     refill;
} SmmServiceTraits;

const char *smm_platform_get_label     (SmmPlatform        platform);
const char *smm_kind_get_label         (SmmKind            kind);
void        smm_service_get_traits     (SmmService        *service,
                                        SmmServiceTraits  *traits);
gboolean    smm_service_is_similar     (SmmService        *service,
                                        SmmService        *other);

/* Exchange rates the user typed in: what one unit of a currency is worth in the target. */
typedef struct _SmmRateTable SmmRateTable;

#define SMM_TYPE_RATE_TABLE (smm_rate_table_get_type ())
GType         smm_rate_table_get_type  (void) G_GNUC_CONST;
SmmRateTable *smm_rate_table_new       (const char        *target);
SmmRateTable *smm_rate_table_ref       (SmmRateTable      *self);
void          smm_rate_table_unref     (SmmRateTable      *self);
const char   *smm_rate_table_get_target (SmmRateTable     *self);
void          smm_rate_table_set       (SmmRateTable      *self,
                                        const char        *currency,
                                        SmmMoney           value);
gboolean      smm_rate_table_parse     (SmmRateTable      *self,
                                        const char        *assignment,
                                        GError           **error);
gboolean      smm_rate_table_convert   (SmmRateTable      *self,
                                        const char        *currency,
                                        SmmMoney           amount,
                                        SmmMoney          *converted);

typedef struct {
  SmmAccount *account;
  SmmService *service;
  SmmMoney    rate;            /* per 1000 in the target currency; in the account's when not converted */
  gboolean    converted;       /* FALSE: no exchange rate for the account's currency: listed last */
  gboolean    refill_differs;  /* the service looked at has refill and this one has not: listed after */
} SmmMatch;

void        smm_match_free             (SmmMatch          *match);
GPtrArray  *smm_match_find             (SmmService        *service,
                                        gint64             account_id,
                                        GPtrArray         *accounts,
                                        GPtrArray         *catalogues,
                                        SmmRateTable      *rates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmRateTable, smm_rate_table_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmMatch, smm_match_free)

G_END_DECLS
