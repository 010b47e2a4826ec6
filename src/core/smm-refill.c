/* smm-refill.c: a refill requested for an order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-refill"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-enums.h"
#include "smm-refill.h"
#include "smm-util.h"

struct _SmmRefill
{
  GObject          parent_instance;

  gint64           id;
  gint64           order_id;
  SmmRefillStatus  status;
  char            *status_text;
  GError          *error;
  GDateTime       *created;
};

G_DEFINE_FINAL_TYPE (SmmRefill, smm_refill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ORDER_ID,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_ERROR,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *wire;
  const char *label;
} statuses[] = {
  [SMM_REFILL_STATUS_PENDING] = { "Pending", N_("Pending") },
  [SMM_REFILL_STATUS_AWAITING] = { "Awaiting", N_("Awaiting") },
  [SMM_REFILL_STATUS_IN_PROGRESS] = { "In progress", N_("In progress") },
  [SMM_REFILL_STATUS_COMPLETED] = { "Completed", N_("Completed") },
  [SMM_REFILL_STATUS_REJECTED] = { "Rejected", N_("Rejected") },
  [SMM_REFILL_STATUS_ERROR] = { "Error", N_("Error") },
  [SMM_REFILL_STATUS_CANCELED] = { "Canceled", N_("Canceled") },
  [SMM_REFILL_STATUS_UNKNOWN] = { NULL, N_("Unknown") },
};

SmmRefillStatus
smm_refill_status_from_string (const char *text)
{
  static const struct {
    const char      *key;
    SmmRefillStatus  status;
  } aliases[] = {
    { "pending", SMM_REFILL_STATUS_PENDING },
    { "awaiting", SMM_REFILL_STATUS_AWAITING },
    { "inprogress", SMM_REFILL_STATUS_IN_PROGRESS },
    { "processing", SMM_REFILL_STATUS_IN_PROGRESS },
    { "completed", SMM_REFILL_STATUS_COMPLETED },
    { "complete", SMM_REFILL_STATUS_COMPLETED },
    { "rejected", SMM_REFILL_STATUS_REJECTED },
    { "error", SMM_REFILL_STATUS_ERROR },
    { "canceled", SMM_REFILL_STATUS_CANCELED },
    { "cancelled", SMM_REFILL_STATUS_CANCELED },
  };
  GString *key;

  if (text == NULL)
    return SMM_REFILL_STATUS_UNKNOWN;

  key = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (key, g_ascii_tolower (*p));
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (key->str, aliases[i].key))
      {
        g_string_free (key, TRUE);
        return aliases[i].status;
      }
  g_string_free (key, TRUE);
  return SMM_REFILL_STATUS_UNKNOWN;
}

const char *
smm_refill_status_to_string (SmmRefillStatus status)
{
  g_return_val_if_fail (status <= SMM_REFILL_STATUS_UNKNOWN, NULL);
  return statuses[status].wire;
}

const char *
smm_refill_status_get_label (SmmRefillStatus status)
{
  g_return_val_if_fail (status <= SMM_REFILL_STATUS_UNKNOWN, NULL);
  return g_dgettext (GETTEXT_PACKAGE, statuses[status].label);
}

gboolean
smm_refill_status_is_final (SmmRefillStatus status)
{
  return status == SMM_REFILL_STATUS_COMPLETED ||
         status == SMM_REFILL_STATUS_REJECTED ||
         status == SMM_REFILL_STATUS_ERROR ||
         status == SMM_REFILL_STATUS_CANCELED;
}

static void
smm_refill_finalize (GObject *object)
{
  SmmRefill *self = (SmmRefill *) object;

  g_clear_pointer (&self->status_text, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (smm_refill_parent_class)->finalize (object);
}

static void
smm_refill_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmmRefill *self = SMM_REFILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->order_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_refill_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SmmRefill *self = SMM_REFILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      smm_refill_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ORDER_ID:
      smm_refill_set_order_id (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS_TEXT:
      smm_refill_set_status_text (self, g_value_get_string (value));
      break;
    case PROP_ERROR:
      smm_refill_set_error (self, g_value_get_boxed (value));
      break;
    case PROP_CREATED:
      smm_refill_set_created (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_refill_class_init (SmmRefillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smm_refill_finalize;
  object_class->get_property = smm_refill_get_property;
  object_class->set_property = smm_refill_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORDER_ID] = g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SMM_TYPE_REFILL_STATUS, SMM_REFILL_STATUS_PENDING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_TEXT] = g_param_spec_string ("status-text", NULL, NULL, NULL, rw);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_refill_init (SmmRefill *self)
{
  self->status = SMM_REFILL_STATUS_PENDING;
  self->status_text = g_strdup ("Pending");
}

SmmRefill *
smm_refill_new (gint64 id,
                gint64 order_id)
{
  return g_object_new (SMM_TYPE_REFILL, "id", id, "order-id", order_id, NULL);
}

gint64
smm_refill_get_id (SmmRefill *self)
{
  g_return_val_if_fail (SMM_IS_REFILL (self), 0);
  return self->id;
}

void
smm_refill_set_id (SmmRefill *self,
                   gint64     id)
{
  g_return_if_fail (SMM_IS_REFILL (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
smm_refill_get_order_id (SmmRefill *self)
{
  g_return_val_if_fail (SMM_IS_REFILL (self), 0);
  return self->order_id;
}

void
smm_refill_set_order_id (SmmRefill *self,
                         gint64     order_id)
{
  g_return_if_fail (SMM_IS_REFILL (self));
  if (self->order_id == order_id)
    return;
  self->order_id = order_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_ID]);
}

SmmRefillStatus
smm_refill_get_status (SmmRefill *self)
{
  g_return_val_if_fail (SMM_IS_REFILL (self), SMM_REFILL_STATUS_UNKNOWN);
  return self->status;
}

const char *
smm_refill_get_status_text (SmmRefill *self)
{
  g_return_val_if_fail (SMM_IS_REFILL (self), NULL);
  return self->status_text;
}

void
smm_refill_set_status_text (SmmRefill  *self,
                            const char *text)
{
  SmmRefillStatus status;

  g_return_if_fail (SMM_IS_REFILL (self));

  status = smm_refill_status_from_string (text);
  g_object_freeze_notify (G_OBJECT (self));
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (smm_set_string (&self->status_text,
                      status == SMM_REFILL_STATUS_UNKNOWN ? text : statuses[status].wire))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
  g_object_thaw_notify (G_OBJECT (self));
}

const GError *
smm_refill_get_error (SmmRefill *self)
{
  g_return_val_if_fail (SMM_IS_REFILL (self), NULL);
  return self->error;
}

void
smm_refill_set_error (SmmRefill    *self,
                      const GError *error)
{
  g_return_if_fail (SMM_IS_REFILL (self));

  if (error == NULL && self->error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

GDateTime *
smm_refill_get_created (SmmRefill *self)
{
  g_return_val_if_fail (SMM_IS_REFILL (self), NULL);
  return self->created;
}

void
smm_refill_set_created (SmmRefill *self,
                        GDateTime *created)
{
  g_return_if_fail (SMM_IS_REFILL (self));

  if (self->created == created)
    return;
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created ? g_date_time_ref (created) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}
