/* smm-service-type.h: the panel's service types and the `add` fields each needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-enums.h"

G_BEGIN_DECLS

typedef enum {
  SMM_SERVICE_TYPE_DEFAULT,
  SMM_SERVICE_TYPE_PACKAGE,
  SMM_SERVICE_TYPE_SEO,
  SMM_SERVICE_TYPE_CUSTOM_COMMENTS,
  SMM_SERVICE_TYPE_CUSTOM_COMMENTS_PACKAGE,
  SMM_SERVICE_TYPE_MENTIONS,
  SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS,
  SMM_SERVICE_TYPE_MENTIONS_CUSTOM_LIST,
  SMM_SERVICE_TYPE_MENTIONS_HASHTAG,
  SMM_SERVICE_TYPE_MENTIONS_USER_FOLLOWERS,
  SMM_SERVICE_TYPE_MENTIONS_MEDIA_LIKERS,
  SMM_SERVICE_TYPE_COMMENT_LIKES,
  SMM_SERVICE_TYPE_COMMENT_REPLIES,
  SMM_SERVICE_TYPE_POLL,
  SMM_SERVICE_TYPE_INVITES_FROM_GROUPS,
  SMM_SERVICE_TYPE_SUBSCRIPTIONS,
  SMM_SERVICE_TYPE_WEB_TRAFFIC,
  SMM_SERVICE_TYPE_CUSTOM_DATA,
  SMM_SERVICE_TYPE_UNKNOWN, /* offered with the Default fields, free extra fields and a note */
} SmmServiceType;

#define SMM_N_SERVICE_TYPES (SMM_SERVICE_TYPE_UNKNOWN + 1)

/* Every field an `add` request can carry besides `service`. */
typedef enum {
  SMM_FIELD_LINK,
  SMM_FIELD_QUANTITY,
  SMM_FIELD_RUNS,
  SMM_FIELD_INTERVAL,
  SMM_FIELD_KEYWORDS,
  SMM_FIELD_COMMENTS,
  SMM_FIELD_USERNAMES,
  SMM_FIELD_HASHTAGS,
  SMM_FIELD_HASHTAG,
  SMM_FIELD_USERNAME,
  SMM_FIELD_MEDIA,
  SMM_FIELD_ANSWER_NUMBER,
  SMM_FIELD_GROUPS,
  SMM_FIELD_MIN,
  SMM_FIELD_MAX,
  SMM_FIELD_POSTS,
  SMM_FIELD_OLD_POSTS,
  SMM_FIELD_DELAY,
  SMM_FIELD_EXPIRY,
  SMM_FIELD_COUNTRY,
  SMM_FIELD_DEVICE,
  SMM_FIELD_TYPE_OF_TRAFFIC,
  SMM_FIELD_GOOGLE_KEYWORD,
  SMM_FIELD_REFERRING_URL,
  SMM_FIELD_CUSTOM_DATA,
} SmmField;

#define SMM_N_FIELDS (SMM_FIELD_CUSTOM_DATA + 1)
#define SMM_FIELD_BIT(f) (1u << (f))

/* What a field holds, so the dialog and the CLI know how to ask for it and check it. */
typedef enum {
  SMM_FIELD_KIND_URL,
  SMM_FIELD_KIND_COUNT,      /* a positive integer */
  SMM_FIELD_KIND_TEXT,       /* one line */
  SMM_FIELD_KIND_LINES,      /* one item per line */
  SMM_FIELD_KIND_CHOICE,     /* an integer from a fixed set */
  SMM_FIELD_KIND_DATE,       /* d/m/Y */
} SmmFieldKind;

typedef struct {
  SmmField      field;
  const char   *wire_name;   /* the form field's name */
  SmmFieldKind  kind;
  const char   *label;       /* translatable, N_() */
  const char   *hint;        /* translatable, N_() */
  gint64        min_value;   /* for COUNT and CHOICE */
  gint64        max_value;
  const gint64 *choices;     /* for CHOICE, ends with -1 */
} SmmFieldInfo;

SmmServiceType       smm_service_type_from_string     (const char     *wire);
const char          *smm_service_type_to_string       (SmmServiceType  type);
const char          *smm_service_type_get_label       (SmmServiceType  type);
guint                smm_service_type_required_fields (SmmServiceType  type);
guint                smm_service_type_optional_fields (SmmServiceType  type);
gboolean             smm_service_type_has_field       (SmmServiceType  type,
                                                       SmmField        field);
gboolean             smm_service_type_counts_lines    (SmmServiceType  type,
                                                       SmmField       *lines_field);
gboolean             smm_service_type_is_package      (SmmServiceType  type);
gboolean             smm_service_type_takes_extra_fields (SmmServiceType type);
const char          *smm_service_type_get_note        (SmmServiceType  type);

const SmmFieldInfo  *smm_field_get_info               (SmmField        field);
gboolean             smm_field_from_wire_name         (const char     *name,
                                                       SmmField       *field);

G_END_DECLS
