/* smm-service.c: one service of a panel's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-search.h"
#include "smm-service-private.h"
#include "smm-util.h"

struct _SmmService
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  SmmServiceType  type;
  char           *type_name;
  char           *category;
  SmmMoney        rate;
  gint64          min;
  gint64          max;
  char           *description;
  char           *search_key;   /* made on first use: see smm_service_get_search_key() */
  SmmTristate     refill;
  SmmTristate     cancel;
  SmmTristate     dripfeed;
};

/* Returns: "Yes", "No" or "Unknown", translated */
const char *
smm_tristate_get_label (SmmTristate value)
{
  switch (value)
    {
    case SMM_TRISTATE_YES: return _("Yes");
    case SMM_TRISTATE_NO: return _("No");
    case SMM_TRISTATE_UNKNOWN: default: return _("Unknown");
    }
}

G_DEFINE_FINAL_TYPE (SmmService, smm_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SERVICE_TYPE,
  PROP_TYPE_NAME,
  PROP_CATEGORY,
  PROP_RATE,
  PROP_MIN,
  PROP_MAX,
  PROP_REFILL,
  PROP_CANCEL,
  PROP_DRIPFEED,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
smm_service_finalize (GObject *object)
{
  SmmService *self = (SmmService *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->type_name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (smm_service_parent_class)->finalize (object);
}

static void
smm_service_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmmService *self = SMM_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SERVICE_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_RATE:
      g_value_set_boxed (value, &self->rate);
      break;
    case PROP_MIN:
      g_value_set_int64 (value, self->min);
      break;
    case PROP_MAX:
      g_value_set_int64 (value, self->max);
      break;
    case PROP_REFILL:
      g_value_set_int (value, self->refill);
      break;
    case PROP_CANCEL:
      g_value_set_int (value, self->cancel);
      break;
    case PROP_DRIPFEED:
      g_value_set_int (value, self->dripfeed);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_service_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmmService *self = SMM_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      smm_service_set_name (self, g_value_get_string (value));
      break;
    case PROP_TYPE_NAME:
      smm_service_set_type_name (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      smm_service_set_category (self, g_value_get_string (value));
      break;
    case PROP_RATE:
      {
        const SmmMoney *rate = g_value_get_boxed (value);
        smm_service_set_rate (self, rate ? *rate : SMM_MONEY_ZERO);
      }
      break;
    case PROP_MIN:
      smm_service_set_min (self, g_value_get_int64 (value));
      break;
    case PROP_MAX:
      smm_service_set_max (self, g_value_get_int64 (value));
      break;
    case PROP_REFILL:
      smm_service_set_refill (self, g_value_get_int (value));
      break;
    case PROP_CANCEL:
      smm_service_set_cancel (self, g_value_get_int (value));
      break;
    case PROP_DRIPFEED:
      smm_service_set_dripfeed (self, g_value_get_int (value));
      break;
    case PROP_DESCRIPTION:
      smm_service_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_service_class_init (SmmServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smm_service_finalize;
  object_class->get_property = smm_service_get_property;
  object_class->set_property = smm_service_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_SERVICE_TYPE] =
    g_param_spec_enum ("service-type", NULL, NULL, SMM_TYPE_SERVICE_TYPE,
                       SMM_SERVICE_TYPE_DEFAULT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, rw);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, rw);
  properties[PROP_RATE] = g_param_spec_boxed ("rate", NULL, NULL, SMM_TYPE_MONEY, rw);
  properties[PROP_MIN] = g_param_spec_int64 ("min", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MAX] = g_param_spec_int64 ("max", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_REFILL] = 
    g_param_spec_int ("refill", NULL, NULL, SMM_TRISTATE_UNKNOWN, SMM_TRISTATE_YES, SMM_TRISTATE_UNKNOWN, rw);
  properties[PROP_CANCEL] = 
    g_param_spec_int ("cancel", NULL, NULL, SMM_TRISTATE_UNKNOWN, SMM_TRISTATE_YES, SMM_TRISTATE_UNKNOWN, rw);
  properties[PROP_DRIPFEED] = 
    g_param_spec_int ("dripfeed", NULL, NULL, SMM_TRISTATE_UNKNOWN, SMM_TRISTATE_YES, SMM_TRISTATE_UNKNOWN, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_service_init (SmmService *self)
{
  self->name = g_strdup ("");
  self->type_name = g_strdup ("Default");
  self->category = g_strdup ("");
  self->refill = SMM_TRISTATE_UNKNOWN;
  self->cancel = SMM_TRISTATE_UNKNOWN;
  self->dripfeed = SMM_TRISTATE_UNKNOWN;
}

SmmService *
smm_service_new (gint64      id,
                 const char *name)
{
  return g_object_new (SMM_TYPE_SERVICE, "id", id, "name", name, NULL);
}

gint64
smm_service_get_id (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), 0);
  return self->id;
}

const char *
smm_service_get_name (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), NULL);
  return self->name;
}

void
smm_service_set_name (SmmService *self,
                      const char *name)
{
  g_return_if_fail (SMM_IS_SERVICE (self));
  if (smm_set_string (&self->name, name))
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

SmmServiceType
smm_service_get_service_type (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), SMM_SERVICE_TYPE_DEFAULT);
  return self->type;
}

/* Returns: the type as the panel wrote it; an unknown one is kept verbatim */
const char *
smm_service_get_type_name (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), NULL);
  return self->type_name;
}

void
smm_service_set_type_name (SmmService *self,
                           const char *type_name)
{
  SmmServiceType type;

  g_return_if_fail (SMM_IS_SERVICE (self));

  if (!smm_set_string (&self->type_name, type_name))
    return;
  type = smm_service_type_from_string (type_name);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_NAME]);
  if (type != self->type)
    {
      self->type = type;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_TYPE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
smm_service_get_category (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), NULL);
  return self->category;
}

void
smm_service_set_category (SmmService *self,
                          const char *category)
{
  g_return_if_fail (SMM_IS_SERVICE (self));
  if (smm_set_string (&self->category, category))
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
    }
}

SmmMoney
smm_service_get_rate (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), SMM_MONEY_ZERO);
  return self->rate;
}

void
smm_service_set_rate (SmmService *self,
                      SmmMoney    rate)
{
  g_return_if_fail (SMM_IS_SERVICE (self));
  if (self->rate.units == rate.units)
    return;
  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

#define INT64_ACCESSORS(field, PROP)                                   \
gint64                                                                 \
smm_service_get_##field (SmmService *self)                             \
{                                                                      \
  g_return_val_if_fail (SMM_IS_SERVICE (self), 0);                     \
  return self->field;                                                  \
}                                                                      \
                                                                       \
void                                                                   \
smm_service_set_##field (SmmService *self,                             \
                         gint64      value)                            \
{                                                                      \
  g_return_if_fail (SMM_IS_SERVICE (self));                            \
  if (self->field == value)                                            \
    return;                                                            \
  self->field = value;                                                 \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
}

INT64_ACCESSORS (min, PROP_MIN)
INT64_ACCESSORS (max, PROP_MAX)

/* Refill, cancel and drip-feed: yes, no, or unknown (the panel did not say) */
#define TRISTATE_ACCESSORS(field, PROP)                                \
SmmTristate                                                            \
smm_service_get_##field (SmmService *self)                             \
{                                                                      \
  g_return_val_if_fail (SMM_IS_SERVICE (self), SMM_TRISTATE_UNKNOWN);  \
  return self->field;                                                  \
}                                                                      \
                                                                       \
void                                                                   \
smm_service_set_##field (SmmService  *self,                            \
                         SmmTristate  value)                           \
{                                                                      \
  g_return_if_fail (SMM_IS_SERVICE (self));                            \
  if (value != SMM_TRISTATE_NO && value != SMM_TRISTATE_YES)           \
    value = SMM_TRISTATE_UNKNOWN;                                      \
  if (self->field == value)                                            \
    return;                                                            \
  self->field = value;                                                 \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
}

TRISTATE_ACCESSORS (refill, PROP_REFILL)
TRISTATE_ACCESSORS (cancel, PROP_CANCEL)
TRISTATE_ACCESSORS (dripfeed, PROP_DRIPFEED)

const char *
smm_service_get_description (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), NULL);
  return self->description;
}

void
smm_service_set_description (SmmService *self,
                             const char *description)
{
  g_return_if_fail (SMM_IS_SERVICE (self));
  if (smm_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * smm_service_get_search_key:
 *
 * What a search matches the service against: its id, name and category, folded as
 * smm_search_fold() does. Made on the first call and kept, so only the thread that owns the
 * service calls it; a worker makes the key with _smm_service_make_search_key() and hands it
 * over with _smm_service_take_search_key().
 *
 * Returns: (transfer none): the folded text
 */
const char *
smm_service_get_search_key (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), NULL);

  if (self->search_key == NULL)
    self->search_key = _smm_service_make_search_key (self);
  return self->search_key;
}

/* Returns: (transfer full): the search key of @self, made without keeping it: a worker may
 * call it on a service no thread writes meanwhile */
char *
_smm_service_make_search_key (SmmService *self)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (SMM_IS_SERVICE (self), NULL);
  joined = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", self->id, self->name ? self->name : "",
                            self->category ? self->category : "");
  return smm_search_fold (joined);
}

/* On the thread that owns @self: keeps @key, made by _smm_service_make_search_key(), unless a
 * key is made already. Takes @key. */
void
_smm_service_take_search_key (SmmService *self,
                              char       *key)
{
  g_return_if_fail (SMM_IS_SERVICE (self));
  if (self->search_key == NULL)
    self->search_key = key;
  else
    g_free (key);
}

/* Returns: whether the search key is made (for the tests) */
gboolean
_smm_service_has_search_key (SmmService *self)
{
  g_return_val_if_fail (SMM_IS_SERVICE (self), FALSE);
  return self->search_key != NULL;
}
