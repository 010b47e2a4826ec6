/* smm-order.c: an order placed on a panel, as SMM Desk knows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-order"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-enums.h"
#include "smm-order.h"
#include "smm-util.h"

struct _SmmOrder
{
  GObject         parent_instance;

  gint64          id;
  gint64          local_id;
  gint64          account_id;
  gint64          service_id;
  char           *service_name;
  char           *link;
  gint64          quantity;
  SmmMoney        charge;
  gint64          start_count;
  gint64          remains;
  SmmOrderStatus  status;
  char           *status_text;
  char           *currency;
  GError         *error;
  GDateTime      *created;
  gint64          posts;
  char           *expiry;
  GArray         *sub_orders;
  guint           has_charge : 1;
};

G_DEFINE_FINAL_TYPE (SmmOrder, smm_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOCAL_ID,
  PROP_ACCOUNT_ID,
  PROP_SERVICE_ID,
  PROP_SERVICE_NAME,
  PROP_LINK,
  PROP_QUANTITY,
  PROP_CHARGE,
  PROP_START_COUNT,
  PROP_REMAINS,
  PROP_PROGRESS,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_CURRENCY,
  PROP_ERROR,
  PROP_CREATED,
  PROP_POSTS,
  PROP_EXPIRY,
  PROP_SUB_ORDERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *wire;
  const char *label;
} statuses[] = {
  [SMM_ORDER_STATUS_SUBMITTING] = { "Submitting", N_("Sending") },
  [SMM_ORDER_STATUS_UNCONFIRMED] = { "Unconfirmed", N_("Unconfirmed") },
  [SMM_ORDER_STATUS_REJECTED] = { "Rejected", N_("Rejected") },
  [SMM_ORDER_STATUS_PENDING] = { "Pending", N_("Pending") },
  [SMM_ORDER_STATUS_IN_QUEUE] = { "In queue", N_("In queue") },
  [SMM_ORDER_STATUS_PROCESSING] = { "Processing", N_("Processing") },
  [SMM_ORDER_STATUS_IN_PROGRESS] = { "In progress", N_("In progress") },
  [SMM_ORDER_STATUS_COMPLETED] = { "Completed", N_("Completed") },
  [SMM_ORDER_STATUS_PARTIAL] = { "Partial", N_("Partial") },
  [SMM_ORDER_STATUS_CANCELED] = { "Canceled", N_("Canceled") },
  [SMM_ORDER_STATUS_REFUNDED] = { "Refunded", N_("Refunded") },
  [SMM_ORDER_STATUS_ACTIVE] = { "Active", N_("Active") },
  [SMM_ORDER_STATUS_PAUSED] = { "Paused", N_("Paused") },
  [SMM_ORDER_STATUS_EXPIRED] = { "Expired", N_("Expired") },
  [SMM_ORDER_STATUS_UNKNOWN] = { NULL, N_("Unknown") },
};

/* Lower-case ASCII letters only: "In Progress", "in_progress" and "INPROGRESS" meet. */
static char *
status_key (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (s, g_ascii_tolower (*p));
  return g_string_free (s, FALSE);
}

/**
 * smm_order_status_from_string:
 * @text: (nullable): a status as a panel writes it
 *
 * Returns: the status; %SMM_ORDER_STATUS_UNKNOWN for a text no panel was seen to use
 */
SmmOrderStatus
smm_order_status_from_string (const char *text)
{
  static const struct {
    const char     *key;
    SmmOrderStatus  status;
  } aliases[] = {
    { "pending", SMM_ORDER_STATUS_PENDING },
    { "inqueue", SMM_ORDER_STATUS_IN_QUEUE },
    { "queued", SMM_ORDER_STATUS_IN_QUEUE },
    { "processing", SMM_ORDER_STATUS_PROCESSING },
    { "inprogress", SMM_ORDER_STATUS_IN_PROGRESS },
    { "active", SMM_ORDER_STATUS_ACTIVE },
    { "paused", SMM_ORDER_STATUS_PAUSED },
    { "expired", SMM_ORDER_STATUS_EXPIRED },
    { "completed", SMM_ORDER_STATUS_COMPLETED },
    { "complete", SMM_ORDER_STATUS_COMPLETED },
    { "partial", SMM_ORDER_STATUS_PARTIAL },
    { "canceled", SMM_ORDER_STATUS_CANCELED },
    { "cancelled", SMM_ORDER_STATUS_CANCELED },
    { "refunded", SMM_ORDER_STATUS_REFUNDED },
    { "submitting", SMM_ORDER_STATUS_SUBMITTING },
    { "unconfirmed", SMM_ORDER_STATUS_UNCONFIRMED },
    { "rejected", SMM_ORDER_STATUS_REJECTED },
  };
  g_autofree char *key = NULL;

  if (text == NULL)
    return SMM_ORDER_STATUS_UNKNOWN;
  key = status_key (text);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (key, aliases[i].key))
      return aliases[i].status;
  return SMM_ORDER_STATUS_UNKNOWN;
}

/* Returns: (nullable): the canonical text, %NULL for %SMM_ORDER_STATUS_UNKNOWN */
const char *
smm_order_status_to_string (SmmOrderStatus status)
{
  g_return_val_if_fail (status <= SMM_ORDER_STATUS_UNKNOWN, NULL);
  return statuses[status].wire;
}

const char *
smm_order_status_get_label (SmmOrderStatus status)
{
  g_return_val_if_fail (status <= SMM_ORDER_STATUS_UNKNOWN, NULL);
  return g_dgettext (GETTEXT_PACKAGE, statuses[status].label);
}

/* Returns: %TRUE when the status will not change any more (nothing more to track) */
gboolean
smm_order_status_is_final (SmmOrderStatus status)
{
  switch (status)
    {
    case SMM_ORDER_STATUS_COMPLETED:
    case SMM_ORDER_STATUS_PARTIAL:
    case SMM_ORDER_STATUS_CANCELED:
    case SMM_ORDER_STATUS_REFUNDED:
    case SMM_ORDER_STATUS_REJECTED:
    case SMM_ORDER_STATUS_EXPIRED:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
smm_order_finalize (GObject *object)
{
  SmmOrder *self = (SmmOrder *) object;

  g_clear_pointer (&self->service_name, g_free);
  g_clear_pointer (&self->link, g_free);
  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->expiry, g_free);
  g_clear_pointer (&self->sub_orders, g_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (smm_order_parent_class)->finalize (object);
}

static void
smm_order_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SmmOrder *self = SMM_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LOCAL_ID:
      g_value_set_int64 (value, self->local_id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_int64 (value, self->service_id);
      break;
    case PROP_SERVICE_NAME:
      g_value_set_string (value, self->service_name);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;
    case PROP_CHARGE:
      g_value_set_boxed (value, self->has_charge ? &self->charge : NULL);
      break;
    case PROP_START_COUNT:
      g_value_set_int64 (value, self->start_count);
      break;
    case PROP_REMAINS:
      g_value_set_int64 (value, self->remains);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, smm_order_get_progress (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_POSTS:
      g_value_set_int64 (value, self->posts);
      break;
    case PROP_EXPIRY:
      g_value_set_string (value, self->expiry);
      break;
    case PROP_SUB_ORDERS:
      g_value_set_boxed (value, self->sub_orders);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_order_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SmmOrder *self = SMM_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      smm_order_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_LOCAL_ID:
      smm_order_set_local_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACCOUNT_ID:
      smm_order_set_account_id (self, g_value_get_int64 (value));
      break;
    case PROP_SERVICE_ID:
      smm_order_set_service_id (self, g_value_get_int64 (value));
      break;
    case PROP_SERVICE_NAME:
      smm_order_set_service_name (self, g_value_get_string (value));
      break;
    case PROP_LINK:
      smm_order_set_link (self, g_value_get_string (value));
      break;
    case PROP_QUANTITY:
      smm_order_set_quantity (self, g_value_get_int64 (value));
      break;
    case PROP_CHARGE:
      smm_order_set_charge (self, g_value_get_boxed (value));
      break;
    case PROP_START_COUNT:
      smm_order_set_start_count (self, g_value_get_int64 (value));
      break;
    case PROP_REMAINS:
      smm_order_set_remains (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      smm_order_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STATUS_TEXT:
      smm_order_set_status_text (self, g_value_get_string (value));
      break;
    case PROP_CURRENCY:
      smm_order_set_currency (self, g_value_get_string (value));
      break;
    case PROP_ERROR:
      smm_order_set_error (self, g_value_get_boxed (value));
      break;
    case PROP_CREATED:
      smm_order_set_created (self, g_value_get_boxed (value));
      break;
    case PROP_POSTS:
      smm_order_set_posts (self, g_value_get_int64 (value));
      break;
    case PROP_EXPIRY:
      smm_order_set_expiry (self, g_value_get_string (value));
      break;
    case PROP_SUB_ORDERS:
      {
        GArray *ids = g_value_get_boxed (value);
        smm_order_set_sub_orders (self, ids ? (const gint64 *) ids->data : NULL, ids ? ids->len : 0);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_order_class_init (SmmOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smm_order_finalize;
  object_class->get_property = smm_order_get_property;
  object_class->set_property = smm_order_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LOCAL_ID] = g_param_spec_int64 ("local-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, -1, G_MAXINT64, 0, rw);   /* -1: unknown */
  properties[PROP_SERVICE_NAME] = g_param_spec_string ("service-name", NULL, NULL, NULL, rw);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, rw);
  properties[PROP_QUANTITY] = g_param_spec_int64 ("quantity", NULL, NULL, -1, G_MAXINT64, 0, rw);   /* -1: unknown */
  properties[PROP_CHARGE] = g_param_spec_boxed ("charge", NULL, NULL, SMM_TYPE_MONEY, rw);
  properties[PROP_START_COUNT] =
    g_param_spec_int64 ("start-count", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_REMAINS] = g_param_spec_int64 ("remains", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SMM_TYPE_ORDER_STATUS,
                       SMM_ORDER_STATUS_PENDING, rw);
  properties[PROP_STATUS_TEXT] = g_param_spec_string ("status-text", NULL, NULL, NULL, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, rw);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_POSTS] = g_param_spec_int64 ("posts", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_EXPIRY] = g_param_spec_string ("expiry", NULL, NULL, NULL, rw);
  properties[PROP_SUB_ORDERS] = g_param_spec_boxed ("sub-orders", NULL, NULL, G_TYPE_ARRAY, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_order_init (SmmOrder *self)
{
  self->start_count = -1;
  self->remains = -1;
  self->posts = -1;
  self->status = SMM_ORDER_STATUS_PENDING;
  self->status_text = g_strdup ("Pending");
  self->service_name = g_strdup ("");
  self->link = g_strdup ("");
  self->currency = g_strdup ("");
}

SmmOrder *
smm_order_new (gint64 id)
{
  return g_object_new (SMM_TYPE_ORDER, "id", id, NULL);
}

#define INT64_ACCESSORS(field, PROP, extra)                            \
gint64                                                                 \
smm_order_get_##field (SmmOrder *self)                                 \
{                                                                      \
  g_return_val_if_fail (SMM_IS_ORDER (self), 0);                       \
  return self->field;                                                  \
}                                                                      \
                                                                       \
void                                                                   \
smm_order_set_##field (SmmOrder *self,                                 \
                       gint64    value)                                \
{                                                                      \
  g_return_if_fail (SMM_IS_ORDER (self));                              \
  if (self->field == value)                                            \
    return;                                                            \
  self->field = value;                                                 \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  extra;                                                               \
}

#define NOTIFY_PROGRESS g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS])

INT64_ACCESSORS (id, PROP_ID, (void) 0)
INT64_ACCESSORS (local_id, PROP_LOCAL_ID, (void) 0)
INT64_ACCESSORS (account_id, PROP_ACCOUNT_ID, (void) 0)
INT64_ACCESSORS (service_id, PROP_SERVICE_ID, (void) 0)
INT64_ACCESSORS (quantity, PROP_QUANTITY, NOTIFY_PROGRESS)
INT64_ACCESSORS (start_count, PROP_START_COUNT, (void) 0)
INT64_ACCESSORS (remains, PROP_REMAINS, NOTIFY_PROGRESS)
INT64_ACCESSORS (posts, PROP_POSTS, (void) 0)

#define STRING_ACCESSORS(field, PROP)                                  \
const char *                                                           \
smm_order_get_##field (SmmOrder *self)                                 \
{                                                                      \
  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);                    \
  return self->field;                                                  \
}                                                                      \
                                                                       \
void                                                                   \
smm_order_set_##field (SmmOrder   *self,                               \
                       const char *value)                              \
{                                                                      \
  g_return_if_fail (SMM_IS_ORDER (self));                              \
  if (smm_set_string (&self->field, value))                            \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
}

STRING_ACCESSORS (service_name, PROP_SERVICE_NAME)
STRING_ACCESSORS (link, PROP_LINK)
STRING_ACCESSORS (currency, PROP_CURRENCY)
/* Returns: (nullable): when a subscription ends, as its panel wrote it; %NULL when not told */
const char *
smm_order_get_expiry (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);
  return self->expiry;
}

void
smm_order_set_expiry (SmmOrder   *self,
                      const char *expiry)
{
  g_return_if_fail (SMM_IS_ORDER (self));

  if (g_strcmp0 (self->expiry, expiry) == 0)
    return;
  g_free (self->expiry);
  self->expiry = g_strdup (expiry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY]);
}

/* Returns: %TRUE when the panel told the start count (else it is -1: `null` in JSON) */
gboolean
smm_order_has_start_count (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), FALSE);
  return self->start_count >= 0;
}

/* Returns: %TRUE when the panel told what remains (else it is -1: `null` in JSON) */
gboolean
smm_order_has_remains (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), FALSE);
  return self->remains >= 0;
}

/* Returns: %TRUE when the currency is known (else it is "": `null` in JSON) */
gboolean
smm_order_has_currency (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), FALSE);
  return self->currency != NULL && *self->currency != '\0';
}

/* Returns: %TRUE for a subscription: the panel answered with its own shape (posts, expiry, orders) */
gboolean
smm_order_is_subscription (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), FALSE);
  return self->posts >= 0 || self->expiry != NULL || self->sub_orders != NULL ||
         self->status == SMM_ORDER_STATUS_ACTIVE || self->status == SMM_ORDER_STATUS_PAUSED ||
         self->status == SMM_ORDER_STATUS_EXPIRED;
}

/**
 * smm_order_get_sub_orders:
 * @n_ids: (out): how many
 *
 * Returns: (array length=n_ids) (nullable): the orders a subscription placed, as its panel
 * listed them; %NULL when it listed none or this is not a subscription
 */
const gint64 *
smm_order_get_sub_orders (SmmOrder *self,
                          guint    *n_ids)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->sub_orders ? self->sub_orders->len : 0;
  return self->sub_orders && self->sub_orders->len ? (const gint64 *) self->sub_orders->data : NULL;
}

/* @ids: (array length=n_ids) (nullable): with @n_ids 0 and a non-NULL @ids, an empty list */
void
smm_order_set_sub_orders (SmmOrder     *self,
                          const gint64 *ids,
                          guint         n_ids)
{
  g_return_if_fail (SMM_IS_ORDER (self));

  if (ids == NULL && self->sub_orders == NULL)
    return;
  if (ids != NULL && self->sub_orders != NULL && self->sub_orders->len == n_ids &&
      (n_ids == 0 || memcmp (self->sub_orders->data, ids, n_ids * sizeof (gint64)) == 0))
    return;
  g_clear_pointer (&self->sub_orders, g_array_unref);
  if (ids != NULL)
    {
      self->sub_orders = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (self->sub_orders, ids, n_ids);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUB_ORDERS]);
}

/**
 * smm_order_get_charge:
 * @charge: (out) (optional): what the panel charged, as far as known
 *
 * Returns: %FALSE when the charge is not known yet
 */
gboolean
smm_order_get_charge (SmmOrder *self,
                      SmmMoney *charge)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), FALSE);
  if (charge)
    *charge = self->has_charge ? self->charge : SMM_MONEY_ZERO;
  return self->has_charge;
}

void
smm_order_set_charge (SmmOrder       *self,
                      const SmmMoney *charge)
{
  g_return_if_fail (SMM_IS_ORDER (self));

  if (charge == NULL && !self->has_charge)
    return;
  if (charge != NULL && self->has_charge && charge->units == self->charge.units)
    return;
  self->has_charge = charge != NULL;
  self->charge = charge ? *charge : SMM_MONEY_ZERO;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHARGE]);
}

/* Returns: the delivered share, (quantity − remains) / quantity, in [0, 1]; 0 until the order has started */
double
smm_order_get_progress (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), 0.0);

  if (self->status == SMM_ORDER_STATUS_COMPLETED)
    return 1.0;
  /* nothing is delivered before the panel starts: a Pending order's remains of 0 says nothing */
  switch (self->status)
    {
    case SMM_ORDER_STATUS_SUBMITTING:
    case SMM_ORDER_STATUS_UNCONFIRMED:
    case SMM_ORDER_STATUS_REJECTED:
    case SMM_ORDER_STATUS_PENDING:
    case SMM_ORDER_STATUS_IN_QUEUE:
      return 0.0;
    default:
      break;
    }
  if (self->quantity <= 0 || self->remains < 0)
    return 0.0;
  if (self->remains >= self->quantity)
    return 0.0;
  return (double) (self->quantity - self->remains) / (double) self->quantity;
}

SmmOrderStatus
smm_order_get_status (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), SMM_ORDER_STATUS_UNKNOWN);
  return self->status;
}

/* Returns: the status as the panel wrote it (shown as is when the status is unknown) */
const char *
smm_order_get_status_text (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);
  return self->status_text;
}

static void
update_status (SmmOrder       *self,
               SmmOrderStatus  status,
               const char     *text)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      NOTIFY_PROGRESS;
    }
  if (smm_set_string (&self->status_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Sets the status from the panel's text; an unknown text is kept verbatim. */
void
smm_order_set_status_text (SmmOrder   *self,
                           const char *text)
{
  SmmOrderStatus status;

  g_return_if_fail (SMM_IS_ORDER (self));

  status = smm_order_status_from_string (text);
  update_status (self, status, status == SMM_ORDER_STATUS_UNKNOWN ? text
                                                                  : statuses[status].wire);
}

void
smm_order_set_status (SmmOrder       *self,
                      SmmOrderStatus  status)
{
  g_return_if_fail (SMM_IS_ORDER (self));
  g_return_if_fail (status < SMM_ORDER_STATUS_UNKNOWN);

  update_status (self, status, statuses[status].wire);
}

/* Returns: (nullable): what the panel answered for this order instead of a status */
const GError *
smm_order_get_error (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);
  return self->error;
}

void
smm_order_set_error (SmmOrder     *self,
                     const GError *error)
{
  g_return_if_fail (SMM_IS_ORDER (self));

  if (error == NULL && self->error == NULL)
    return;
  if (error && self->error && g_error_matches (self->error, error->domain, error->code) &&
      g_strcmp0 (error->message, self->error->message) == 0)
    return;
  g_clear_error (&self->error);
  self->error = error ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

GDateTime *
smm_order_get_created (SmmOrder *self)
{
  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);
  return self->created;
}

void
smm_order_set_created (SmmOrder  *self,
                       GDateTime *created)
{
  g_return_if_fail (SMM_IS_ORDER (self));

  if (self->created == created ||
      (self->created && created && g_date_time_equal (self->created, created)))
    return;
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created ? g_date_time_ref (created) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

/**
 * smm_order_update_from:
 * @other: the same order, read again
 *
 * Takes every field of @other, notifying only what changed: a row showing @self follows.
 */
void
smm_order_update_from (SmmOrder *self,
                       SmmOrder *other)
{
  SmmMoney charge;

  g_return_if_fail (SMM_IS_ORDER (self));
  g_return_if_fail (SMM_IS_ORDER (other));

  g_object_freeze_notify (G_OBJECT (self));
  smm_order_set_id (self, smm_order_get_id (other));
  smm_order_set_local_id (self, smm_order_get_local_id (other));
  smm_order_set_account_id (self, smm_order_get_account_id (other));
  smm_order_set_service_id (self, smm_order_get_service_id (other));
  smm_order_set_service_name (self, smm_order_get_service_name (other));
  smm_order_set_link (self, smm_order_get_link (other));
  smm_order_set_quantity (self, smm_order_get_quantity (other));
  smm_order_set_charge (self, smm_order_get_charge (other, &charge) ? &charge : NULL);
  smm_order_set_start_count (self, smm_order_get_start_count (other));
  smm_order_set_remains (self, smm_order_get_remains (other));
  smm_order_set_status_text (self, smm_order_get_status_text (other));
  smm_order_set_currency (self, smm_order_get_currency (other));
  smm_order_set_error (self, smm_order_get_error (other));
  smm_order_set_created (self, smm_order_get_created (other));
  smm_order_set_posts (self, smm_order_get_posts (other));
  smm_order_set_expiry (self, smm_order_get_expiry (other));
  smm_order_set_sub_orders (self, other->sub_orders ? (const gint64 *) other->sub_orders->data : NULL,
                            other->sub_orders ? other->sub_orders->len : 0);
  g_object_thaw_notify (G_OBJECT (self));
}
