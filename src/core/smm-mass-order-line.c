/* smm-mass-order-line.c: one line of a mass order, from the file to the panel's answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-mass-order"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-core-enums.h"
#include "smm-mass-order-line-private.h"

struct _SmmMassOrderLine
{
  GObject            parent_instance;

  guint              line;
  gint64             service_id;
  char              *link;
  gint64             quantity;
  SmmMassOrderState  state;
  GError            *error;
  SmmService        *service;
  SmmOrderRequest   *request;
  SmmMoney           charge;
  gboolean           has_charge;
  SmmOrder          *order;
};

G_DEFINE_FINAL_TYPE (SmmMassOrderLine, smm_mass_order_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_SERVICE_ID,
  PROP_LINK,
  PROP_QUANTITY,
  PROP_STATE,
  PROP_ERROR,
  PROP_SERVICE,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_labels[] = {
  [SMM_MASS_ORDER_STATE_NEW] = N_("Not checked"),
  [SMM_MASS_ORDER_STATE_INVALID] = N_("Error"),
  [SMM_MASS_ORDER_STATE_READY] = N_("Ready"),
  [SMM_MASS_ORDER_STATE_SENDING] = N_("Sending"),
  [SMM_MASS_ORDER_STATE_PLACED] = N_("Placed"),
  [SMM_MASS_ORDER_STATE_REJECTED] = N_("Rejected"),
  [SMM_MASS_ORDER_STATE_UNCONFIRMED] = N_("Unconfirmed"),
  [SMM_MASS_ORDER_STATE_FAILED] = N_("Not recorded"),
  [SMM_MASS_ORDER_STATE_SKIPPED] = N_("Not sent"),
};

const char *
smm_mass_order_state_get_label (SmmMassOrderState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, state_labels[state]);
}

static void
smm_mass_order_line_finalize (GObject *object)
{
  SmmMassOrderLine *self = (SmmMassOrderLine *) object;

  g_clear_pointer (&self->link, g_free);
  g_clear_error (&self->error);
  g_clear_object (&self->service);
  g_clear_pointer (&self->request, smm_order_request_unref);
  g_clear_object (&self->order);

  G_OBJECT_CLASS (smm_mass_order_line_parent_class)->finalize (object);
}

static void
smm_mass_order_line_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SmmMassOrderLine *self = SMM_MASS_ORDER_LINE (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_SERVICE_ID:
      g_value_set_int64 (value, self->service_id);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_mass_order_line_class_init (SmmMassOrderLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smm_mass_order_line_finalize;
  object_class->get_property = smm_mass_order_line_get_property;

  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, flags);
  properties[PROP_QUANTITY] = g_param_spec_int64 ("quantity", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, SMM_TYPE_MASS_ORDER_STATE,
                                              SMM_MASS_ORDER_STATE_NEW, flags);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_SERVICE] = g_param_spec_object ("service", NULL, NULL, SMM_TYPE_SERVICE, flags);
  properties[PROP_ORDER] = g_param_spec_object ("order", NULL, NULL, SMM_TYPE_ORDER, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_mass_order_line_init (SmmMassOrderLine *self)
{
}

/* Takes @error: a line that could not be read is invalid from the start. */
SmmMassOrderLine *
smm_mass_order_line_new (guint       line,
                         gint64      service_id,
                         const char *link,
                         gint64      quantity,
                         GError     *error)
{
  SmmMassOrderLine *self = g_object_new (SMM_TYPE_MASS_ORDER_LINE, NULL);

  self->line = line;
  self->service_id = service_id;
  self->link = g_strdup (link);
  self->quantity = quantity;
  self->error = error;
  self->state = error ? SMM_MASS_ORDER_STATE_INVALID : SMM_MASS_ORDER_STATE_NEW;
  return self;
}

/* The line number in the file, from 1 */
guint
smm_mass_order_line_get_line (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), 0);
  return self->line;
}

/* Returns: the service ID the line asks for; 0 when it could not be read */
gint64
smm_mass_order_line_get_service_id (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), 0);
  return self->service_id;
}

/* Returns: (nullable): the link as written */
const char *
smm_mass_order_line_get_link (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), NULL);
  return self->link;
}

/* Returns: the quantity; 0 when it could not be read */
gint64
smm_mass_order_line_get_quantity (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), 0);
  return self->quantity;
}

SmmMassOrderState
smm_mass_order_line_get_state (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), SMM_MASS_ORDER_STATE_INVALID);
  return self->state;
}

/**
 * smm_mass_order_line_get_error:
 *
 * Returns: (nullable): why the line is invalid, or what the panel answered when it
 * was rejected, unconfirmed or not recorded; its message begins with "Line N:"
 * when it is about the line itself
 */
const GError *
smm_mass_order_line_get_error (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), NULL);
  return self->error;
}

/* Returns: (nullable) (transfer none): the catalogue's service, once checked */
SmmService *
smm_mass_order_line_get_service (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), NULL);
  return self->service;
}

/* Returns: %TRUE with what the line will cost, once checked */
gboolean
smm_mass_order_line_get_charge (SmmMassOrderLine *self,
                                SmmMoney         *charge)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), FALSE);
  if (self->has_charge && charge)
    *charge = self->charge;
  return self->has_charge;
}

/* Returns: (nullable) (transfer none): the request that is sent, once checked */
SmmOrderRequest *
smm_mass_order_line_get_request (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), NULL);
  return self->request;
}

/* Returns: (nullable) (transfer none): the order as recorded in the history, once sent */
SmmOrder *
smm_mass_order_line_get_order (SmmMassOrderLine *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER_LINE (self), NULL);
  return self->order;
}

void
smm_mass_order_line_set_state (SmmMassOrderLine  *self,
                               SmmMassOrderState  state,
                               const GError      *error)
{
  gboolean error_changed = self->error != NULL || error != NULL;

  g_clear_error (&self->error);
  if (error)
    self->error = g_error_copy (error);
  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* What the check found: the service, the request to send and its charge (when known). */
void
smm_mass_order_line_set_checked (SmmMassOrderLine *self,
                                 SmmService       *service,
                                 SmmOrderRequest  *request,
                                 const SmmMoney   *charge)
{
  if (g_set_object (&self->service, service))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
  g_clear_pointer (&self->request, smm_order_request_unref);
  if (request)
    self->request = smm_order_request_ref (request);
  self->has_charge = charge != NULL;
  if (charge)
    self->charge = *charge;
}

void
smm_mass_order_line_set_order (SmmMassOrderLine *self,
                               SmmOrder         *order)
{
  if (g_set_object (&self->order, order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}
