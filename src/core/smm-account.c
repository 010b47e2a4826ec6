/* smm-account.c: one panel account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-account.h"
#include "smm-util.h"

struct _SmmAccount
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *endpoint;
  char     *currency;
  SmmMoney  balance;
  gboolean  has_balance;
  gint64    balance_time;
  guint     unsupported;   /* SmmPanelAction flags */
};

G_DEFINE_FINAL_TYPE (SmmAccount, smm_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENDPOINT,
  PROP_CURRENCY,
  PROP_BALANCE,
  PROP_BALANCE_TIME,
  PROP_UNSUPPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SmmAccountPreset presets[] = {
  { "followercomments.com", "https://followercomments.com/api/v2" },
  { "followersdata.com", "https://followersdata.com/api/v2" },
};

/* Returns: the panels SMM Desk knows by name (the user may enter any other address) */
const SmmAccountPreset *
smm_account_get_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

static void
smm_account_finalize (GObject *object)
{
  SmmAccount *self = (SmmAccount *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (smm_account_parent_class)->finalize (object);
}

static void
smm_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmmAccount *self = SMM_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_BALANCE:
      g_value_set_boxed (value, self->has_balance ? &self->balance : NULL);
      break;
    case PROP_BALANCE_TIME:
      g_value_set_int64 (value, self->balance_time);
      break;
    case PROP_UNSUPPORTED:
      g_value_set_uint (value, self->unsupported);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_account_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmmAccount *self = SMM_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      smm_account_set_name (self, g_value_get_string (value));
      break;
    case PROP_ENDPOINT:
      smm_account_set_endpoint (self, g_value_get_string (value));
      break;
    case PROP_CURRENCY:
      smm_account_set_currency (self, g_value_get_string (value));
      break;
    case PROP_BALANCE:
      smm_account_set_balance (self, g_value_get_boxed (value));
      break;
    case PROP_BALANCE_TIME:
      smm_account_set_balance_time (self, g_value_get_int64 (value));
      break;
    case PROP_UNSUPPORTED:
      smm_account_set_unsupported (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_account_class_init (SmmAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smm_account_finalize;
  object_class->get_property = smm_account_get_property;
  object_class->set_property = smm_account_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ENDPOINT] = g_param_spec_string ("endpoint", NULL, NULL, NULL, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, rw);
  properties[PROP_BALANCE] = g_param_spec_boxed ("balance", NULL, NULL, SMM_TYPE_MONEY, rw);
  properties[PROP_BALANCE_TIME] = g_param_spec_int64 ("balance-time", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UNSUPPORTED] = g_param_spec_uint ("unsupported", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_account_init (SmmAccount *self)
{
  self->name = g_strdup ("");
  self->endpoint = g_strdup ("");
  self->currency = g_strdup ("");
}

SmmAccount *
smm_account_new (gint64      id,
                 const char *name,
                 const char *endpoint)
{
  return g_object_new (SMM_TYPE_ACCOUNT, "id", id, "name", name, "endpoint", endpoint, NULL);
}

gint64
smm_account_get_id (SmmAccount *self)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT (self), 0);
  return self->id;
}

#define STRING_ACCESSORS(field, PROP)                                  \
const char *                                                           \
smm_account_get_##field (SmmAccount *self)                             \
{                                                                      \
  g_return_val_if_fail (SMM_IS_ACCOUNT (self), NULL);                  \
  return self->field;                                                  \
}                                                                      \
                                                                       \
void                                                                   \
smm_account_set_##field (SmmAccount *self,                             \
                         const char *value)                            \
{                                                                      \
  g_return_if_fail (SMM_IS_ACCOUNT (self));                            \
  if (smm_set_string (&self->field, value))                            \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (endpoint, PROP_ENDPOINT)
STRING_ACCESSORS (currency, PROP_CURRENCY)

/* Returns: %FALSE when the balance was never read */
gboolean
smm_account_get_balance (SmmAccount *self,
                         SmmMoney   *balance)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT (self), FALSE);
  if (balance)
    *balance = self->balance;
  return self->has_balance;
}

void
smm_account_set_balance (SmmAccount     *self,
                         const SmmMoney *balance)
{
  g_return_if_fail (SMM_IS_ACCOUNT (self));

  if ((balance == NULL && !self->has_balance) ||
      (balance && self->has_balance && balance->units == self->balance.units))
    return;
  self->has_balance = balance != NULL;
  self->balance = balance ? *balance : SMM_MONEY_ZERO;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
}

/* Returns: when the balance was read (Unix seconds, UTC); 0 when never */
gint64
smm_account_get_balance_time (SmmAccount *self)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT (self), 0);
  return self->balance_time;
}

void
smm_account_set_balance_time (SmmAccount *self,
                              gint64      balance_time)
{
  g_return_if_fail (SMM_IS_ACCOUNT (self));
  balance_time = MAX (balance_time, 0);
  if (self->balance_time == balance_time)
    return;
  self->balance_time = balance_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE_TIME]);
}

/* Returns: the actions the panel was seen not to offer, as #SmmPanelAction flags */
guint
smm_account_get_unsupported (SmmAccount *self)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT (self), 0);
  return self->unsupported;
}

void
smm_account_set_unsupported (SmmAccount *self,
                             guint       actions)
{
  g_return_if_fail (SMM_IS_ACCOUNT (self));
  if (self->unsupported == actions)
    return;
  self->unsupported = actions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSUPPORTED]);
}

/* Returns: %FALSE when the panel answered @action as an action it does not have */
gboolean
smm_account_supports (SmmAccount     *self,
                      SmmPanelAction  action)
{
  g_return_val_if_fail (SMM_IS_ACCOUNT (self), TRUE);
  return (self->unsupported & action) == 0;
}

/**
 * smm_panel_action_unsupported_message:
 *
 * Returns: (transfer none): the sentence that tells the user, translated
 */
const char *
smm_panel_action_unsupported_message (SmmPanelAction action)
{
  switch (action)
    {
    case SMM_PANEL_ACTION_REFILL:
      return _("This panel does not offer refills through its API");
    case SMM_PANEL_ACTION_CANCEL:
      return _("This panel does not offer cancels through its API");
    case SMM_PANEL_ACTION_REFILL_STATUS:
      return _("This panel does not report the status of refills through its API");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * smm_account_dup_balance_age:
 * @now: the time now, Unix seconds
 *
 * Returns: (transfer full) (nullable): how old the balance is, as "2 h ago"; %NULL when it was never read
 */
char *
smm_account_dup_balance_age (SmmAccount *self,
                             gint64      now)
{
  gint64 age;

  g_return_val_if_fail (SMM_IS_ACCOUNT (self), NULL);

  if (self->balance_time <= 0)
    return NULL;
  age = MAX (now - self->balance_time, 0);
  if (age < 60)
    return g_strdup (_("just now"));
  if (age < 3600)
    return g_strdup_printf (_("%d min ago"), (int) (age / 60));
  if (age < 2 * 86400)
    return g_strdup_printf (_("%d h ago"), (int) (age / 3600));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", (gulong) (age / 86400)),
                          (int) (age / 86400));
}
