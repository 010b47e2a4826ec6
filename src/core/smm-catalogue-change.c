/* smm-catalogue-change.c: what changed in a panel's catalogue between two fetches
 *
 * A change is a record of the past: it is built once (by the diff or from the
 * store) and its properties are read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smm-catalogue-change.h"
#include "smm-enums.h"

struct _SmmCatalogueChange
{
  GObject        parent_instance;

  SmmChangeKind  kind;
  gint64         account_id;
  gint64         service_id;
  char          *name;
  char          *category;
  char          *old_name;
  SmmMoney       old_rate;
  SmmMoney       new_rate;
  gboolean       has_old_rate;
  gboolean       has_new_rate;
  GDateTime     *seen;
  gboolean       ordered_before;
};

G_DEFINE_FINAL_TYPE (SmmCatalogueChange, smm_catalogue_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ACCOUNT_ID,
  PROP_SERVICE_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_OLD_NAME,
  PROP_OLD_RATE,
  PROP_NEW_RATE,
  PROP_PERCENT,
  PROP_SEEN,
  PROP_ORDERED_BEFORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *wire;
  const char *label;
} kinds[] = {
  [SMM_CHANGE_ADDED] = { "added", N_("New") },
  [SMM_CHANGE_REMOVED] = { "removed", N_("Removed") },
  [SMM_CHANGE_PRICE] = { "price", N_("Price changed") },
  [SMM_CHANGE_RENAMED] = { "renamed", N_("Renamed") },
};

/* Returns: the kind as the store and the CLI's JSON write it */
const char *
smm_change_kind_to_string (SmmChangeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].wire;
}

gboolean
smm_change_kind_from_string (const char    *text,
                             SmmChangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].wire) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
smm_change_kind_get_label (SmmChangeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

static void
smm_catalogue_change_finalize (GObject *object)
{
  SmmCatalogueChange *self = (SmmCatalogueChange *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->old_name, g_free);
  g_clear_pointer (&self->seen, g_date_time_unref);

  G_OBJECT_CLASS (smm_catalogue_change_parent_class)->finalize (object);
}

static void
smm_catalogue_change_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SmmCatalogueChange *self = SMM_CATALOGUE_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_int64 (value, self->service_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_OLD_NAME:
      g_value_set_string (value, self->old_name);
      break;
    case PROP_OLD_RATE:
      g_value_set_boxed (value, self->has_old_rate ? &self->old_rate : NULL);
      break;
    case PROP_NEW_RATE:
      g_value_set_boxed (value, self->has_new_rate ? &self->new_rate : NULL);
      break;
    case PROP_PERCENT:
      g_value_set_double (value, smm_catalogue_change_get_percent (self));
      break;
    case PROP_SEEN:
      g_value_set_boxed (value, self->seen);
      break;
    case PROP_ORDERED_BEFORE:
      g_value_set_boolean (value, self->ordered_before);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smm_catalogue_change_class_init (SmmCatalogueChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smm_catalogue_change_finalize;
  object_class->get_property = smm_catalogue_change_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SMM_TYPE_CHANGE_KIND, SMM_CHANGE_ADDED, flags);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_OLD_NAME] = g_param_spec_string ("old-name", NULL, NULL, NULL, flags);
  properties[PROP_OLD_RATE] = g_param_spec_boxed ("old-rate", NULL, NULL, SMM_TYPE_MONEY, flags);
  properties[PROP_NEW_RATE] = g_param_spec_boxed ("new-rate", NULL, NULL, SMM_TYPE_MONEY, flags);
  properties[PROP_PERCENT] = g_param_spec_double ("percent", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_SEEN] = g_param_spec_boxed ("seen", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ORDERED_BEFORE] = g_param_spec_boolean ("ordered-before", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smm_catalogue_change_init (SmmCatalogueChange *self)
{
}

SmmCatalogueChange *
smm_catalogue_change_new (SmmChangeKind  kind,
                          gint64         service_id,
                          const char    *name,
                          const char    *category)
{
  SmmCatalogueChange *self = g_object_new (SMM_TYPE_CATALOGUE_CHANGE, NULL);

  self->kind = kind;
  self->service_id = service_id;
  self->name = g_strdup (name ? name : "");
  self->category = g_strdup (category ? category : "");
  return self;
}

SmmChangeKind
smm_catalogue_change_get_kind (SmmCatalogueChange *self)
{
  return self->kind;
}

gint64
smm_catalogue_change_get_account_id (SmmCatalogueChange *self)
{
  return self->account_id;
}

void
smm_catalogue_change_set_account_id (SmmCatalogueChange *self,
                                     gint64              account_id)
{
  self->account_id = account_id;
}

gint64
smm_catalogue_change_get_service_id (SmmCatalogueChange *self)
{
  return self->service_id;
}

/* Returns: the service's name now (its last name, when it was removed) */
const char *
smm_catalogue_change_get_name (SmmCatalogueChange *self)
{
  return self->name;
}

const char *
smm_catalogue_change_get_category (SmmCatalogueChange *self)
{
  return self->category;
}

/* Returns: (nullable): the name before a rename */
const char *
smm_catalogue_change_get_old_name (SmmCatalogueChange *self)
{
  return self->old_name;
}

void
smm_catalogue_change_set_old_name (SmmCatalogueChange *self,
                                   const char         *old_name)
{
  g_free (self->old_name);
  self->old_name = g_strdup (old_name);
}

/* Returns: %TRUE with the rate before (price changes and removals) */
gboolean
smm_catalogue_change_get_old_rate (SmmCatalogueChange *self,
                                   SmmMoney           *rate)
{
  if (self->has_old_rate && rate)
    *rate = self->old_rate;
  return self->has_old_rate;
}

/* Returns: %TRUE with the rate after (price changes and additions) */
gboolean
smm_catalogue_change_get_new_rate (SmmCatalogueChange *self,
                                   SmmMoney           *rate)
{
  if (self->has_new_rate && rate)
    *rate = self->new_rate;
  return self->has_new_rate;
}

void
smm_catalogue_change_set_rates (SmmCatalogueChange *self,
                                const SmmMoney     *old_rate,
                                const SmmMoney     *new_rate)
{
  self->has_old_rate = old_rate != NULL;
  if (old_rate)
    self->old_rate = *old_rate;
  self->has_new_rate = new_rate != NULL;
  if (new_rate)
    self->new_rate = *new_rate;
}

/**
 * smm_catalogue_change_get_basis_points:
 * @basis_points: (out): (new − old) / old in hundredths of a percent, rounded half away from zero
 *
 * Returns: %FALSE when there are not two rates, or the old one was 0
 */
gboolean
smm_catalogue_change_get_basis_points (SmmCatalogueChange *self,
                                       gint64             *basis_points)
{
  SmmMoney bp;

  if (!self->has_old_rate || !self->has_new_rate || self->old_rate.units <= 0)
    return FALSE;
  if (!smm_money_scale (smm_money_from_units (self->new_rate.units - self->old_rate.units), 10000,
                        self->old_rate.units, &bp))
    return FALSE;
  *basis_points = bp.units;
  return TRUE;
}

/* Returns: the change of the rate in percent (12.5 for +12.5 %), for display; 0 when not known */
double
smm_catalogue_change_get_percent (SmmCatalogueChange *self)
{
  gint64 bp;

  return smm_catalogue_change_get_basis_points (self, &bp) ? (double) bp / 100.0 : 0.0;
}

/* Returns: (nullable) (transfer none): when the fetch that found the change happened */
GDateTime *
smm_catalogue_change_get_seen (SmmCatalogueChange *self)
{
  return self->seen;
}

void
smm_catalogue_change_set_seen (SmmCatalogueChange *self,
                               GDateTime          *seen)
{
  g_clear_pointer (&self->seen, g_date_time_unref);
  if (seen)
    self->seen = g_date_time_ref (seen);
}

/* Returns: whether the history has an order of this service on this account */
gboolean
smm_catalogue_change_get_ordered_before (SmmCatalogueChange *self)
{
  return self->ordered_before;
}

void
smm_catalogue_change_set_ordered_before (SmmCatalogueChange *self,
                                         gboolean            ordered_before)
{
  self->ordered_before = ordered_before;
}

/* Returns: %TRUE when the user should be told: a service they ordered changed price or went */
gboolean
smm_catalogue_change_is_notable (SmmCatalogueChange *self)
{
  return self->ordered_before && (self->kind == SMM_CHANGE_PRICE || self->kind == SMM_CHANGE_REMOVED);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  SmmCatalogueChange *x = *(SmmCatalogueChange **) a;
  SmmCatalogueChange *y = *(SmmCatalogueChange **) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return (x->service_id > y->service_id) - (x->service_id < y->service_id);
}

/**
 * smm_catalogue_diff:
 * @old_services: (element-type SmmService): the catalogue as cached
 * @new_services: (element-type SmmService): the catalogue just fetched
 *
 * Services are the same when their ids are. A service whose rate and name both
 * changed gives two changes.
 *
 * Returns: (transfer container) (element-type SmmCatalogueChange): added,
 * removed, price changes, renames, in that order, each by service id
 */
GPtrArray *
smm_catalogue_diff (GPtrArray *old_services,
                    GPtrArray *new_services)
{
  g_autoptr(GHashTable) old_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < old_services->len; i++)
    {
      gint64 id = smm_service_get_id (old_services->pdata[i]);
      g_hash_table_insert (old_by_id, g_memdup2 (&id, sizeof id), old_services->pdata[i]);
    }

  for (guint i = 0; i < new_services->len; i++)
    {
      SmmService *now = new_services->pdata[i];
      gint64 id = smm_service_get_id (now);
      SmmService *before = g_hash_table_lookup (old_by_id, &id);
      SmmMoney old_rate, new_rate = smm_service_get_rate (now);
      SmmCatalogueChange *change;

      if (g_hash_table_contains (new_ids, &id))
        continue;   /* listed twice by the panel: counted once */
      g_hash_table_add (new_ids, g_memdup2 (&id, sizeof id));

      if (before == NULL)
        {
          change = smm_catalogue_change_new (SMM_CHANGE_ADDED, id, smm_service_get_name (now),
                                             smm_service_get_category (now));
          smm_catalogue_change_set_rates (change, NULL, &new_rate);
          g_ptr_array_add (changes, change);
          continue;
        }
      old_rate = smm_service_get_rate (before);
      if (smm_money_compare (old_rate, new_rate) != 0)
        {
          change = smm_catalogue_change_new (SMM_CHANGE_PRICE, id, smm_service_get_name (now),
                                             smm_service_get_category (now));
          smm_catalogue_change_set_rates (change, &old_rate, &new_rate);
          g_ptr_array_add (changes, change);
        }
      if (g_strcmp0 (smm_service_get_name (before), smm_service_get_name (now)) != 0)
        {
          change = smm_catalogue_change_new (SMM_CHANGE_RENAMED, id, smm_service_get_name (now),
                                             smm_service_get_category (now));
          smm_catalogue_change_set_old_name (change, smm_service_get_name (before));
          g_ptr_array_add (changes, change);
        }
    }

  for (guint i = 0; i < old_services->len; i++)
    {
      SmmService *before = old_services->pdata[i];
      gint64 id = smm_service_get_id (before);
      SmmMoney old_rate = smm_service_get_rate (before);
      SmmCatalogueChange *change;

      if (g_hash_table_contains (new_ids, &id))
        continue;
      g_hash_table_add (new_ids, g_memdup2 (&id, sizeof id));   /* once, even if listed twice */
      change = smm_catalogue_change_new (SMM_CHANGE_REMOVED, id, smm_service_get_name (before),
                                         smm_service_get_category (before));
      smm_catalogue_change_set_rates (change, &old_rate, NULL);
      g_ptr_array_add (changes, change);
    }

  g_ptr_array_sort (changes, compare_changes);
  return changes;
}
