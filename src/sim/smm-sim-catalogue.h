/* smm-sim-catalogue.h: the services offered by the simulated panel (private to the simulator)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money in the simulator is a count of 1e-5 units of the panel's currency. */
/* The types every panel knows, which the generated catalogue goes through */
#define SMM_SIM_N_CLASSIC_TYPES SMM_SIM_TYPE_CUSTOM_DATA

#define SMM_SIM_UNITS_PER_ONE G_GINT64_CONSTANT (100000)

typedef enum {
  SMM_SIM_TYPE_DEFAULT,
  SMM_SIM_TYPE_PACKAGE,
  SMM_SIM_TYPE_SEO,
  SMM_SIM_TYPE_CUSTOM_COMMENTS,
  SMM_SIM_TYPE_CUSTOM_COMMENTS_PACKAGE,
  SMM_SIM_TYPE_MENTIONS,
  SMM_SIM_TYPE_MENTIONS_WITH_HASHTAGS,
  SMM_SIM_TYPE_MENTIONS_CUSTOM_LIST,
  SMM_SIM_TYPE_MENTIONS_HASHTAG,
  SMM_SIM_TYPE_MENTIONS_USER_FOLLOWERS,
  SMM_SIM_TYPE_MENTIONS_MEDIA_LIKERS,
  SMM_SIM_TYPE_COMMENT_LIKES,
  SMM_SIM_TYPE_COMMENT_REPLIES,
  SMM_SIM_TYPE_POLL,
  SMM_SIM_TYPE_INVITES_FROM_GROUPS,
  SMM_SIM_TYPE_SUBSCRIPTIONS,
  SMM_SIM_TYPE_WEB_TRAFFIC,
  SMM_SIM_TYPE_CUSTOM_DATA,     /* only some panels have it: not in the demo or generated catalogues */
  SMM_SIM_N_TYPES,
} SmmSimType;

typedef struct {
  guint       id;
  SmmSimType  type;
  char       *name;
  char       *category;
  char       *rate;       /* as the panel prints it: "0.90", "12.5", "0.0450" */
  gint64      rate_units; /* the same, in 1e-5 units, per 1000 */
  guint       min;
  guint       max;
  gboolean    refill;
  gboolean    cancel;
  gboolean    dripfeed;
  gboolean    dripfeed_unlisted; /* the service lists no "dripfeed" field */
} SmmSimService;

const char *smm_sim_type_to_string          (SmmSimType   type);

/* Parses "12.5", "0.0450", "1000": at most 5 decimals, no sign, no exponent. */
gboolean    smm_sim_parse_units             (const char  *text,
                                             gint64      *units);
/* 98765000 -> "987.65000" */
char       *smm_sim_format_units            (gint64       units);

void        smm_sim_service_free            (SmmSimService *service);

/* Both return a GPtrArray of SmmSimService, index i holding service id i + 1. */
GPtrArray  *smm_sim_catalogue_new_demo      (void);
/* A second panel: other ids (from 201, with gaps), other names (some Turkish), other
 * prices, in euros; partly the same kinds of services as the first, partly missing. */
GPtrArray  *smm_sim_catalogue_new_demo_b    (void);
/* A PHP panel's: Custom Data, a subscription, dripfeed true, false and unlisted, ids from 1 */
GPtrArray  *smm_sim_catalogue_new_php       (void);
GPtrArray  *smm_sim_catalogue_new_generated (guint        n_services);

G_END_DECLS
