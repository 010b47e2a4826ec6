/* smm-order-request.c: the fields of one `add`, checked before anything is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-order-request"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "smm-api-error.h"
#include "smm-order-request.h"

struct _SmmOrderRequest
{
  gatomicrefcount  ref_count;
  gint64           service_id;
  SmmServiceType   type;
  char            *values[SMM_N_FIELDS];
  GPtrArray       *extra;   /* names and values in turn, for a type that takes extra fields */
};

G_DEFINE_BOXED_TYPE (SmmOrderRequest, smm_order_request,
                     smm_order_request_ref, smm_order_request_unref)

SmmOrderRequest *
smm_order_request_new (gint64         service_id,
                       SmmServiceType type)
{
  SmmOrderRequest *self;

  g_return_val_if_fail (type < SMM_N_SERVICE_TYPES, NULL);

  self = g_new0 (SmmOrderRequest, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->service_id = service_id;
  self->type = type;
  return self;
}

SmmOrderRequest *
smm_order_request_new_for_service (SmmService *service)
{
  g_return_val_if_fail (SMM_IS_SERVICE (service), NULL);
  return smm_order_request_new (smm_service_get_id (service),
                                smm_service_get_service_type (service));
}

SmmOrderRequest *
smm_order_request_ref (SmmOrderRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smm_order_request_unref (SmmOrderRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < SMM_N_FIELDS; i++)
    g_free (self->values[i]);
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  g_free (self);
}

gint64
smm_order_request_get_service_id (SmmOrderRequest *self)
{
  return self->service_id;
}

SmmServiceType
smm_order_request_get_service_type (SmmOrderRequest *self)
{
  return self->type;
}

/* One item per line: CR LF and CR become LF, blanks at the ends of lines and empty lines go. */
static char *
normalize_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *s = g_string_new (NULL);
  g_autofree char *unix_text = g_strdup (text);

  for (char *p = unix_text; *p; p++)
    if (*p == '\r')
      *p = '\n';
  lines = g_strsplit (unix_text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (s->len)
        g_string_append_c (s, '\n');
      g_string_append (s, lines[i]);
    }
  return g_string_free (s, FALSE);
}

/**
 * smm_order_request_set:
 * @value: (nullable): the text the user gave; %NULL or blank clears the field
 *
 * Stores @value trimmed; one-per-line fields are normalized.
 */
void
smm_order_request_set (SmmOrderRequest *self,
                       SmmField         field,
                       const char      *value)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field < SMM_N_FIELDS);

  if (value != NULL)
    {
      if (smm_field_get_info (field)->kind == SMM_FIELD_KIND_LINES)
        clean = normalize_lines (value);
      else
        clean = g_strstrip (g_strdup (value));
      if (*clean == '\0')
        g_clear_pointer (&clean, g_free);
    }
  g_free (self->values[field]);
  self->values[field] = g_steal_pointer (&clean);
}

const char *
smm_order_request_get (SmmOrderRequest *self,
                       SmmField         field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < SMM_N_FIELDS, NULL);
  return self->values[field];
}

/* Returns: how many non-empty lines @text has */
guint
smm_count_lines (const char *text)
{
  guint n = 0;
  gboolean content = FALSE;

  if (text == NULL)
    return 0;
  for (const char *p = text;; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\0')
        {
          n += content;
          content = FALSE;
          if (*p == '\0')
            break;
        }
      else if (!g_ascii_isspace (*p))
        content = TRUE;
    }
  return n;
}

/**
 * smm_link_is_valid:
 *
 * A link is an http(s) address, or one written without the scheme
 * (`instagram.com/name`), whose host has a dot; no spaces, at most 2048 bytes.
 */
gboolean
smm_link_is_valid (const char *link)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (link == NULL || *link == '\0' || strlen (link) > SMM_MAX_URL || !g_utf8_validate (link, -1, NULL))
    return FALSE;
  for (const char *p = link; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  if (g_ascii_strncasecmp (link, "http://", 7) == 0 || g_ascii_strncasecmp (link, "https://", 8) == 0)
    with_scheme = g_strdup (link);
  else if (strstr (link, "://") != NULL)
    return FALSE;
  else
    with_scheme = g_strconcat ("https://", link, NULL);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_NON_DNS, NULL);
  if (uri == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  if (host == NULL || strchr (host, '.') == NULL || host[0] == '.' || g_str_has_suffix (host, "."))
    return FALSE;
  return TRUE;
}

static gboolean
parse_count (const char *text,
             gint64     *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/**
 * smm_order_request_get_quantity:
 *
 * Returns: the units this order asks for: the quantity field, the line count
 * for types that count lines, 1 for packages; 0 when not known yet
 */
gint64
smm_order_request_get_quantity (SmmOrderRequest *self)
{
  SmmField lines_field;
  gint64 quantity = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (smm_service_type_is_package (self->type))
    return 1;
  if (smm_service_type_counts_lines (self->type, &lines_field))
    return smm_count_lines (self->values[lines_field]);
  if (self->type == SMM_SERVICE_TYPE_SUBSCRIPTIONS)
    return parse_count (self->values[SMM_FIELD_MAX], &quantity) ? quantity : 0;
  return parse_count (self->values[SMM_FIELD_QUANTITY], &quantity) ? quantity : 0;
}

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (error)
    *error = g_error_new_valist (SMM_API_ERROR, SMM_API_ERROR_INVALID_INPUT, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
valid_date (const char *text)
{
  guint d, m, y;
  char end;

  if (sscanf (text, "%2u/%2u/%4u%c", &d, &m, &y, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
validate_field (SmmOrderRequest  *self,
                SmmField          field,
                GError          **error)
{
  const SmmFieldInfo *info = smm_field_get_info (field);
  const char *label = g_dgettext (GETTEXT_PACKAGE, info->label);
  const char *value = self->values[field];
  gint64 number;

  if (!g_utf8_validate (value, -1, NULL))
    return fail (error, _("%s contains text that is not valid UTF-8."), label);

  switch (info->kind)
    {
    case SMM_FIELD_KIND_URL:
      if (!smm_link_is_valid (value))
        return fail (error, _("%s is not a web address. Enter the full link, like https://instagram.com/name."),
                     label);
      break;

    case SMM_FIELD_KIND_COUNT:
    case SMM_FIELD_KIND_CHOICE:
      if (!parse_count (value, &number))
        return fail (error, _("%s must be a whole number."), label);
      if (number < info->min_value || number > info->max_value)
        return fail (error, _("%s must be between %" PRId64 " and %" PRId64 "."),
                     label, info->min_value, info->max_value);
      if (info->choices)
        {
          gboolean found = FALSE;
          for (const gint64 *c = info->choices; *c >= 0; c++)
            found |= *c == number;
          if (!found)
            return fail (error, _("%s must be one of the offered values."), label);
        }
      break;

    case SMM_FIELD_KIND_TEXT:
      if (strchr (value, '\n') || strchr (value, '\r'))
        return fail (error, _("%s must be on one line."), label);
      if (g_utf8_strlen (value, -1) > SMM_MAX_TEXT)
        return fail (error, _("%s is too long."), label);
      break;

    case SMM_FIELD_KIND_LINES:
      if (strlen (value) > SMM_MAX_LINES_TEXT || smm_count_lines (value) > SMM_MAX_LINES)
        return fail (error, _("%s is too long: at most %d lines and 64 KB."), label, SMM_MAX_LINES);
      break;

    case SMM_FIELD_KIND_DATE:
      if (!valid_date (value))
        return fail (error, _("%s must be a date written day/month/year, like 31/12/2026."), label);
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
check_lines_range (gint64       n_lines,
                   SmmService  *service,
                   const char  *label,
                   GError     **error)
{
  gint64 min = service ? smm_service_get_min (service) : 0;
  gint64 max = service ? smm_service_get_max (service) : 0;

  if (min > 0 && n_lines < min)
    return fail (error, _("%s has %" PRId64 " lines; this service needs at least %" PRId64 "."),
                 label, n_lines, min);
  if (max > 0 && n_lines > max)
    return fail (error, _("%s has %" PRId64 " lines; this service takes at most %" PRId64 "."),
                 label, n_lines, max);
  return TRUE;
}

static gboolean
check_range (gint64       value,
             SmmService  *service,
             const char  *label,
             GError     **error)
{
  gint64 min = service ? smm_service_get_min (service) : 0;
  gint64 max = service ? smm_service_get_max (service) : 0;

  if (min > 0 && value < min)
    return fail (error, _("%s is below this service’s minimum of %" PRId64 "."), label, min);
  if (max > 0 && value > max)
    return fail (error, _("%s is above this service’s maximum of %" PRId64 "."), label, max);
  return TRUE;
}

/**
 * smm_order_request_validate:
 * @service: (nullable): the service, for its minimum and maximum
 *
 * Checks the request as the panel would, before any money is at stake:
 * every field its type needs and nothing else, links, numbers, ranges.
 *
 * Returns: %TRUE when it can be sent; %FALSE with %SMM_API_ERROR_INVALID_INPUT
 * and a message naming the field otherwise
 */
gboolean
smm_order_request_validate (SmmOrderRequest  *self,
                            SmmService       *service,
                            GError          **error)
{
  guint required = smm_service_type_required_fields (self->type);
  guint optional = smm_service_type_optional_fields (self->type);
  SmmField lines_field;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->service_id <= 0)
    return fail (error, _("Choose a service."));

  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      const char *label = g_dgettext (GETTEXT_PACKAGE, smm_field_get_info (f)->label);

      if ((required & SMM_FIELD_BIT (f)) && self->values[f] == NULL)
        {
          if (f == SMM_FIELD_LINK)
            return fail (error, _("Enter the link."));
          return fail (error, _("%s is needed for this service."), label);
        }
      if (self->values[f] == NULL)
        continue;
      if (!((required | optional) & SMM_FIELD_BIT (f)))
        return fail (error, _("%s is not used by this type of service."), label);
      if (!validate_field (self, f, error))
        return FALSE;
    }

  if (smm_service_type_counts_lines (self->type, &lines_field))
    {
      guint n = smm_count_lines (self->values[lines_field]);
      if (!check_lines_range (n, service, g_dgettext (GETTEXT_PACKAGE, smm_field_get_info (lines_field)->label),
                        error))
        return FALSE;
    }
  else if (self->type == SMM_SERVICE_TYPE_SUBSCRIPTIONS)
    {
      gint64 min = 0, max = 0;

      parse_count (self->values[SMM_FIELD_MIN], &min);
      parse_count (self->values[SMM_FIELD_MAX], &max);
      if (min > max)
        return fail (error, _("Minimum must not be above maximum."));
      if (!check_range (min, service, _("Minimum"), error) ||
          !check_range (max, service, _("Maximum"), error))
        return FALSE;
    }
  else if (required & SMM_FIELD_BIT (SMM_FIELD_QUANTITY))
    {
      if (!check_range (smm_order_request_get_quantity (self), service, _("Quantity"), error))
        return FALSE;
    }

  if ((self->values[SMM_FIELD_RUNS] == NULL) != (self->values[SMM_FIELD_INTERVAL] == NULL))
    return fail (error, _("Drip-feed needs both runs and interval."));
  /* such a panel places one plain delivery and ignores the runs: the charge would be wrong */
  if (service && smm_service_get_dripfeed (service) == SMM_TRISTATE_NO &&
      (self->values[SMM_FIELD_RUNS] || self->values[SMM_FIELD_INTERVAL]))
    return fail (error, _("This service does not offer drip-feed: leave out runs and interval."));

  return TRUE;
}

/**
 * smm_order_request_estimate_charge:
 * @rate: the service's price per 1000
 * @charge: (out): what the order will cost
 *
 * Packages cost their rate; drip-feed multiplies by the runs; subscriptions are
 * estimated at their maximum for every post asked for.
 *
 * Returns: %FALSE when the quantity is not known yet or the amount does not fit
 */
gboolean
smm_order_request_estimate_charge (SmmOrderRequest *self,
                                   SmmMoney         rate,
                                   SmmMoney        *charge)
{
  gint64 quantity, factor = 1;

  g_return_val_if_fail (self != NULL, FALSE);

  if (smm_service_type_is_package (self->type))
    {
      *charge = rate;
      return TRUE;
    }

  quantity = smm_order_request_get_quantity (self);
  if (quantity <= 0)
    return FALSE;

  if (self->type == SMM_SERVICE_TYPE_SUBSCRIPTIONS)
    parse_count (self->values[SMM_FIELD_POSTS], &factor);
  else
    parse_count (self->values[SMM_FIELD_RUNS], &factor);
  factor = MAX (factor, 1);

  if (quantity > G_MAXINT64 / factor)
    return FALSE;
  return smm_money_charge (rate, quantity * factor, charge);
}

/* A name a panel may read from $_POST, and not one that the request already sends */
static gboolean
is_extra_name (const char *name)
{
  static const char *const reserved[] = { "key", "action", "service", NULL };
  SmmField field;
  gsize len = name ? strlen (name) : 0;

  if (len == 0 || len > 64 || !g_ascii_isalpha (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return !g_strv_contains (reserved, name) && !smm_field_from_wire_name (name, &field);
}

/**
 * smm_order_request_set_extra:
 * @name: a field name of the panel's (letters, digits and `_`, a letter first), not one SMM Desk
 *   sends itself (`key`, `action`, `service`, or a field of smm_field_get_info())
 * @value: (nullable): one line; %NULL or "" takes the field away
 *
 * For a type SMM Desk does not know (smm_service_type_takes_extra_fields()): a field only its
 * panel knows, sent after the others, as the user wrote it. The panel decides what it means.
 *
 * Returns: %FALSE with @error set when the type takes no extra fields, or @name or @value is not allowed
 */
gboolean
smm_order_request_set_extra (SmmOrderRequest  *self,
                             const char       *name,
                             const char       *value,
                             GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!smm_service_type_takes_extra_fields (self->type))
    return fail (error, _("This type of service takes only its own fields."));
  if (!is_extra_name (name))
    return fail (error, _("“%s” cannot be the name of a field: use letters, digits and _, "
                          "and not the name of a field SMM Desk fills in."), name ? name : "");
  if (value != NULL && *value != '\0' &&
      (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > SMM_MAX_TEXT ||
       strpbrk (value, "\r\n") != NULL))
    return fail (error, _("The field “%s” takes one line of at most %d characters."), name, SMM_MAX_TEXT);

  if (self->extra == NULL)
    self->extra = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->extra->len; i += 2)
    if (g_str_equal (self->extra->pdata[i], name))
      {
        g_ptr_array_remove_range (self->extra, i, 2);
        break;
      }
  if (value != NULL && *value != '\0')
    {
      g_ptr_array_add (self->extra, g_strdup (name));
      g_ptr_array_add (self->extra, g_strdup (value));
    }
  return TRUE;
}

/* Returns: (nullable): the value of the extra field @name */
const char *
smm_order_request_get_extra (SmmOrderRequest *self,
                             const char      *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->extra && i < self->extra->len; i += 2)
    if (g_strcmp0 (self->extra->pdata[i], name) == 0)
      return self->extra->pdata[i + 1];
  return NULL;
}

/**
 * smm_order_request_to_form:
 *
 * Returns: (transfer container) (element-type utf8): names and values in turn,
 * `service` first, then each field that is set, then the extra fields
 */
GPtrArray *
smm_order_request_to_form (SmmOrderRequest *self)
{
  GPtrArray *form = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (form, g_strdup ("service"));
  g_ptr_array_add (form, g_strdup_printf ("%" G_GINT64_FORMAT, self->service_id));
  for (guint f = 0; f < SMM_N_FIELDS; f++)
    {
      if (self->values[f] == NULL)
        continue;
      g_ptr_array_add (form, g_strdup (smm_field_get_info (f)->wire_name));
      g_ptr_array_add (form, g_strdup (self->values[f]));
    }
  for (guint i = 0; self->extra && i < self->extra->len; i++)
    g_ptr_array_add (form, g_strdup (self->extra->pdata[i]));
  return form;
}
