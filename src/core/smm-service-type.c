/* smm-service-type.c: the panel's service types and the `add` fields each needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-service-type"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-service-type.h"

#define F(x) SMM_FIELD_BIT (SMM_FIELD_##x)

typedef struct {
  const char *wire;
  const char *label;
  guint       required;
  guint       optional;
  SmmField    lines_field;  /* quantity is the line count of this field */
  gboolean    counts_lines;
  gboolean    package;
} TypeInfo;

/* API.md, "add fields by service type" */
static const TypeInfo types[SMM_N_SERVICE_TYPES] = {
  [SMM_SERVICE_TYPE_DEFAULT] = {
    "Default", N_("Default"), F (LINK) | F (QUANTITY), F (RUNS) | F (INTERVAL) },
  [SMM_SERVICE_TYPE_PACKAGE] = {
    "Package", N_("Package"), F (LINK), 0, .package = TRUE },
  [SMM_SERVICE_TYPE_SEO] = {
    "SEO", N_("SEO"), F (LINK) | F (QUANTITY) | F (KEYWORDS), 0 },
  [SMM_SERVICE_TYPE_CUSTOM_COMMENTS] = {
    "Custom Comments", N_("Custom Comments"), F (LINK) | F (COMMENTS), 0,
    SMM_FIELD_COMMENTS, TRUE },
  [SMM_SERVICE_TYPE_CUSTOM_COMMENTS_PACKAGE] = {
    "Custom Comments Package", N_("Custom Comments Package"), F (LINK) | F (COMMENTS), 0,
    .package = TRUE },
  [SMM_SERVICE_TYPE_MENTIONS] = {
    "Mentions", N_("Mentions"), F (LINK) | F (QUANTITY) | F (USERNAMES), 0 },
  [SMM_SERVICE_TYPE_MENTIONS_WITH_HASHTAGS] = {
    "Mentions with Hashtags", N_("Mentions with Hashtags"),
    F (LINK) | F (QUANTITY) | F (USERNAMES) | F (HASHTAGS), 0 },
  [SMM_SERVICE_TYPE_MENTIONS_CUSTOM_LIST] = {
    "Mentions Custom List", N_("Mentions Custom List"), F (LINK) | F (USERNAMES), 0,
    SMM_FIELD_USERNAMES, TRUE },
  [SMM_SERVICE_TYPE_MENTIONS_HASHTAG] = {
    "Mentions Hashtag", N_("Mentions Hashtag"), F (LINK) | F (QUANTITY) | F (HASHTAG), 0 },
  [SMM_SERVICE_TYPE_MENTIONS_USER_FOLLOWERS] = {
    "Mentions User Followers", N_("Mentions User Followers"),
    F (LINK) | F (QUANTITY) | F (USERNAME), 0 },
  [SMM_SERVICE_TYPE_MENTIONS_MEDIA_LIKERS] = {
    "Mentions Media Likers", N_("Mentions Media Likers"), F (LINK) | F (QUANTITY) | F (MEDIA), 0 },
  [SMM_SERVICE_TYPE_COMMENT_LIKES] = {
    "Comment Likes", N_("Comment Likes"), F (LINK) | F (QUANTITY) | F (USERNAME), 0 },
  [SMM_SERVICE_TYPE_COMMENT_REPLIES] = {
    "Comment Replies", N_("Comment Replies"), F (LINK) | F (USERNAME) | F (COMMENTS), 0,
    SMM_FIELD_COMMENTS, TRUE },
  [SMM_SERVICE_TYPE_POLL] = {
    "Poll", N_("Poll"), F (LINK) | F (QUANTITY) | F (ANSWER_NUMBER), 0 },
  [SMM_SERVICE_TYPE_INVITES_FROM_GROUPS] = {
    "Invites from Groups", N_("Invites from Groups"), F (LINK) | F (QUANTITY) | F (GROUPS), 0 },
  [SMM_SERVICE_TYPE_SUBSCRIPTIONS] = {
    "Subscriptions", N_("Subscriptions"), F (USERNAME) | F (MIN) | F (MAX) | F (DELAY),
    F (POSTS) | F (OLD_POSTS) | F (EXPIRY) },
  [SMM_SERVICE_TYPE_WEB_TRAFFIC] = {
    "Web Traffic", N_("Web Traffic"),
    F (LINK) | F (QUANTITY) | F (COUNTRY) | F (DEVICE) | F (TYPE_OF_TRAFFIC),
    F (RUNS) | F (INTERVAL) | F (GOOGLE_KEYWORD) | F (REFERRING_URL) },
  [SMM_SERVICE_TYPE_CUSTOM_DATA] = {
    "Custom Data", N_("Custom Data"), F (LINK) | F (QUANTITY) | F (CUSTOM_DATA), 0 },
  [SMM_SERVICE_TYPE_UNKNOWN] = {
    NULL, N_("Other"), F (LINK) | F (QUANTITY), F (RUNS) | F (INTERVAL) },
};

static const gint64 delay_choices[] = { 0, 5, 10, 15, 30, 60, 90, -1 };

static const SmmFieldInfo fields[SMM_N_FIELDS] = {
  { SMM_FIELD_LINK, "link", SMM_FIELD_KIND_URL,
    N_("Link"), N_("The address of the profile, post or video") },
  { SMM_FIELD_QUANTITY, "quantity", SMM_FIELD_KIND_COUNT,
    N_("Quantity"), N_("How many to deliver"), 1, G_MAXINT32 },
  { SMM_FIELD_RUNS, "runs", SMM_FIELD_KIND_COUNT,
    N_("Runs"), N_("Drip-feed: how many deliveries"), 1, 100000 },
  { SMM_FIELD_INTERVAL, "interval", SMM_FIELD_KIND_COUNT,
    N_("Interval"), N_("Drip-feed: minutes between deliveries"), 1, 100000 },
  { SMM_FIELD_KEYWORDS, "keywords", SMM_FIELD_KIND_LINES,
    N_("Keywords"), N_("Search keywords, one per line") },
  { SMM_FIELD_COMMENTS, "comments", SMM_FIELD_KIND_LINES,
    N_("Comments"), N_("One comment per line") },
  { SMM_FIELD_USERNAMES, "usernames", SMM_FIELD_KIND_LINES,
    N_("Usernames"), N_("One username per line") },
  { SMM_FIELD_HASHTAGS, "hashtags", SMM_FIELD_KIND_LINES,
    N_("Hashtags"), N_("One hashtag per line") },
  { SMM_FIELD_HASHTAG, "hashtag", SMM_FIELD_KIND_TEXT,
    N_("Hashtag"), N_("The hashtag to mention, without spaces") },
  { SMM_FIELD_USERNAME, "username", SMM_FIELD_KIND_TEXT,
    N_("Username"), N_("The account’s username") },
  { SMM_FIELD_MEDIA, "media", SMM_FIELD_KIND_URL,
    N_("Media"), N_("The link of the post whose likers to mention") },
  { SMM_FIELD_ANSWER_NUMBER, "answer_number", SMM_FIELD_KIND_COUNT,
    N_("Answer number"), N_("Which answer of the poll to vote for"), 1, 100 },
  { SMM_FIELD_GROUPS, "groups", SMM_FIELD_KIND_LINES,
    N_("Groups"), N_("One group per line") },
  { SMM_FIELD_MIN, "min", SMM_FIELD_KIND_COUNT,
    N_("Minimum"), N_("The least to deliver to each new post"), 1, G_MAXINT32 },
  { SMM_FIELD_MAX, "max", SMM_FIELD_KIND_COUNT,
    N_("Maximum"), N_("The most to deliver to each new post"), 1, G_MAXINT32 },
  { SMM_FIELD_POSTS, "posts", SMM_FIELD_KIND_COUNT,
    N_("New posts"), N_("How many future posts to serve; empty for no limit"), 1, 100000 },
  { SMM_FIELD_OLD_POSTS, "old_posts", SMM_FIELD_KIND_COUNT,
    N_("Old posts"), N_("How many existing posts to serve as well"), 0, 100000 },
  { SMM_FIELD_DELAY, "delay", SMM_FIELD_KIND_CHOICE,
    N_("Delay"), N_("Minutes to wait after a new post"), 0, 90, delay_choices },
  { SMM_FIELD_EXPIRY, "expiry", SMM_FIELD_KIND_DATE,
    N_("Expiry"), N_("Last day of the subscription (day/month/year); empty for none") },
  { SMM_FIELD_COUNTRY, "country", SMM_FIELD_KIND_TEXT,
    N_("Country"), N_("Country code or name of the visitors") },
  { SMM_FIELD_DEVICE, "device", SMM_FIELD_KIND_CHOICE,
    N_("Device"), N_("1 desktop, 2 mobile Android, 3 mobile iOS, 4 mixed mobile, 5 mixed"), 1, 5 },
  { SMM_FIELD_TYPE_OF_TRAFFIC, "type_of_traffic", SMM_FIELD_KIND_CHOICE,
    N_("Type of traffic"), N_("1 Google keyword, 2 custom referrer, 3 blank referrer"), 1, 3 },
  { SMM_FIELD_GOOGLE_KEYWORD, "google_keyword", SMM_FIELD_KIND_TEXT,
    N_("Google keyword"), N_("The search the visitors come from") },
  { SMM_FIELD_REFERRING_URL, "referring_url", SMM_FIELD_KIND_URL,
    N_("Referring URL"), N_("The page the visitors come from") },
  { SMM_FIELD_CUSTOM_DATA, "custom_data", SMM_FIELD_KIND_TEXT,
    N_("Custom data"), N_("What the service asks for, as its description says") },
};

/* Compares ASCII case-insensitively, treating runs of spaces, `_` and `-` as one space. */
static gboolean
wire_equal (const char *a,
            const char *b)
{
  for (;;)
    {
      gboolean space_a = FALSE, space_b = FALSE;

      while (*a == ' ' || *a == '_' || *a == '-')
        a++, space_a = TRUE;
      while (*b == ' ' || *b == '_' || *b == '-')
        b++, space_b = TRUE;
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (space_a != space_b || g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return FALSE;
      a++, b++;
    }
}

/**
 * smm_service_type_from_string:
 * @wire: (nullable): the `type` of a service as the panel sends it
 *
 * Case, spacing and `_`/`-` do not matter; a missing type is Default, as on the panels.
 *
 * Returns: the type, or %SMM_SERVICE_TYPE_UNKNOWN (the caller keeps the string)
 */
SmmServiceType
smm_service_type_from_string (const char *wire)
{
  g_autofree char *trimmed = NULL;

  if (wire == NULL)
    return SMM_SERVICE_TYPE_DEFAULT;
  trimmed = g_strstrip (g_strdup (wire));
  if (*trimmed == '\0')
    return SMM_SERVICE_TYPE_DEFAULT;

  for (guint i = 0; i < SMM_SERVICE_TYPE_UNKNOWN; i++)
    if (wire_equal (trimmed, types[i].wire))
      return i;
  return SMM_SERVICE_TYPE_UNKNOWN;
}

/* Returns: (nullable): the wire string, %NULL for %SMM_SERVICE_TYPE_UNKNOWN */
const char *
smm_service_type_to_string (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, NULL);
  return types[type].wire;
}

const char *
smm_service_type_get_label (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, types[type].label);
}

guint
smm_service_type_required_fields (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, 0);
  return types[type].required;
}

guint
smm_service_type_optional_fields (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, 0);
  return types[type].optional;
}

gboolean
smm_service_type_has_field (SmmServiceType type,
                            SmmField       field)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, FALSE);
  return ((types[type].required | types[type].optional) & SMM_FIELD_BIT (field)) != 0;
}

/**
 * smm_service_type_counts_lines:
 * @lines_field: (out) (optional): the field whose lines are the quantity
 *
 * Returns: %TRUE when the type sends no quantity: the panel counts the lines of
 * @lines_field (Custom Comments, Mentions Custom List, Comment Replies)
 */
gboolean
smm_service_type_counts_lines (SmmServiceType  type,
                               SmmField       *lines_field)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, FALSE);
  if (lines_field)
    *lines_field = types[type].lines_field;
  return types[type].counts_lines;
}

/* Returns: %TRUE when the rate is the price of one package, whatever is delivered */
gboolean
smm_service_type_is_package (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, FALSE);
  return types[type].package;
}

/* Returns: %TRUE when an order may carry fields of its own naming (smm_order_request_set_extra()):
 * a type SMM Desk does not know, whose fields only its panel knows */
gboolean
smm_service_type_takes_extra_fields (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, FALSE);
  return type == SMM_SERVICE_TYPE_UNKNOWN;
}

/* Returns: (nullable): a translated note to show beside the fields of @type, %NULL when none is needed */
const char *
smm_service_type_get_note (SmmServiceType type)
{
  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, NULL);
  if (type != SMM_SERVICE_TYPE_UNKNOWN)
    return NULL;
  return _("SMM Desk does not know this type of service: it offers the usual fields, and you can "
           "add others by name. The panel decides which fields it reads; its description may say.");
}

const SmmFieldInfo *
smm_field_get_info (SmmField field)
{
  g_return_val_if_fail (field < SMM_N_FIELDS, NULL);
  return &fields[field];
}

gboolean
smm_field_from_wire_name (const char *name,
                          SmmField   *field)
{
  for (guint i = 0; i < SMM_N_FIELDS; i++)
    if (g_strcmp0 (fields[i].wire_name, name) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}
