/* smm-mass-order.c: many orders from one text or CSV file, checked, then placed one by one
 *
 * Reading: one order a line, `service_id|link|quantity` or `service_id|quantity|link`
 * (the field that is a web address is the link), `#` comments and blank lines left
 * out; or CSV, with or without a header naming the columns. Every line that cannot
 * be read gets its own error and the others go on.
 *
 * Checking: against the account's catalogue, with the same SmmOrderRequest checks
 * and the same charge estimate as a single order.
 *
 * Placing (smm-order-actions-many.c): each ready line as one SmmPlacement, the path of a single
 * order (recorded before `add` leaves, never sent twice), one after the other. The
 * caller's GCancellable is looked at between lines only: an `add` that has left is
 * always waited for and recorded. Placing also stops by itself when an answer says
 * the next lines would fare no better (no funds, a bad key, the panel unreachable)
 * or could not be known (an unconfirmed order: the user must look first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-mass-order"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "smm-api-error.h"
#include "smm-csv.h"
#include "smm-mass-order.h"
#include "smm-mass-order-line-private.h"
#include "smm-mass-order-private.h"
#include "smm-search.h"

G_DEFINE_QUARK (smm-mass-order-error-quark, smm_mass_order_error)

struct _SmmMassOrder
{
  GObject    parent_instance;

  GPtrArray *lines;          /* of SmmMassOrderLine */
  gboolean   balance_known;
  SmmMoney   balance;
  gboolean   placing;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmmMassOrder, smm_mass_order, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  LINE_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return SMM_TYPE_MASS_ORDER_LINE;
}

static guint
get_n_items (GListModel *model)
{
  return SMM_MASS_ORDER (model)->lines->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SmmMassOrder *self = SMM_MASS_ORDER (model);

  if (position >= self->lines->len)
    return NULL;
  return g_object_ref (self->lines->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
smm_mass_order_finalize (GObject *object)
{
  SmmMassOrder *self = (SmmMassOrder *) object;

  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (smm_mass_order_parent_class)->finalize (object);
}

static void
smm_mass_order_class_init (SmmMassOrderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smm_mass_order_finalize;

  /**
   * SmmMassOrder::line-finished:
   * @line: the line whose `add` was answered (placed, rejected, unconfirmed, failed)
   */
  signals[LINE_FINISHED] =
    g_signal_new ("line-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SMM_TYPE_MASS_ORDER_LINE);
}

static void
smm_mass_order_init (SmmMassOrder *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ---------------------------------------------------------------------------------------------
 * Reading
 */

static GError *
line_error (guint        code,
            guint        line,
            const char  *format,
            ...) G_GNUC_PRINTF (3, 4);

/* An error whose message is "Line N: " and the translated @format. */
static GError *
line_error (guint        code,
            guint        line,
            const char  *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: the line of a mass-order file, then what is wrong with it */
  return g_error_new (SMM_MASS_ORDER_ERROR, code, _("Line %u: %s"), line, text);
}

/* A shortened copy of untrusted text, to quote it in a message. */
static char *
quote (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, 39);
    return g_strconcat (head, "…", NULL);
  }
}

static gboolean
is_whole_number (const char *text,
                 gint64     *value)
{
  guint64 v;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  if (value)
    *value = (gint64) v;
  return TRUE;
}

/* "1.000", "1,000", "50 000": a number, never a link */
static gboolean
looks_like_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != ',' && *p != ' ')
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_link (const char *text)
{
  return strstr (text, "://") != NULL || (!looks_like_number (text) && smm_link_is_valid (text));
}

/* One order from its three fields; @ordered: @first is the link and @second the
 * quantity for sure (a header said so), otherwise the web address decides. */
static SmmMassOrderLine *
line_from_fields (guint        line,
                  const char  *service,
                  const char  *first,
                  const char  *second,
                  gboolean     ordered)
{
  const char *link = first;
  const char *quantity = second;
  gint64 service_id = 0;
  gint64 count = 0;
  GError *error = NULL;

  if (!ordered && looks_like_link (second) && !looks_like_link (first))
    {
      link = second;
      quantity = first;
    }

  if (*service == '\0')
    error = line_error (SMM_MASS_ORDER_ERROR_SYNTAX, line, _("the service ID is missing."));
  else if (!is_whole_number (service, &service_id))
    {
      g_autofree char *shown = quote (service);
      error = line_error (SMM_MASS_ORDER_ERROR_SYNTAX, line, _("“%s” is not a service ID."), shown);
    }
  else if (*link == '\0')
    error = line_error (SMM_MASS_ORDER_ERROR_SYNTAX, line, _("the link is missing."));
  else if (*quantity == '\0')
    error = line_error (SMM_MASS_ORDER_ERROR_SYNTAX, line, _("the quantity is missing."));
  else if (!is_whole_number (quantity, &count))
    error = line_error (SMM_MASS_ORDER_ERROR_SYNTAX, line, _("the quantity is not a whole number."));

  return smm_mass_order_line_new (line, service_id, link, count, error);
}

static gboolean
is_comment_or_blank (const char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;
  return *text == '\0' || *text == '#';
}

static gboolean
too_many (SmmMassOrder  *self,
          GError       **error)
{
  if (self->lines->len < SMM_MASS_ORDER_MAX_LINES)
    return FALSE;
  g_set_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_TOO_LARGE,
               _("There are more than %d orders: split the file."), SMM_MASS_ORDER_MAX_LINES);
  return TRUE;
}

static gboolean
read_text (SmmMassOrder  *self,
           const char    *text,
           gsize          length,
           GError       **error)
{
  const char *end = text + length;
  const char *p = text;
  guint line = 0;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *content = g_strndup (p, (eol ? eol : end) - p);
      g_auto(GStrv) fields = NULL;
      guint n;

      p = eol ? eol + 1 : end;
      line++;
      g_strchomp (content);   /* CR of CRLF, trailing blanks */
      if (is_comment_or_blank (content))
        continue;
      if (too_many (self, error))
        return FALSE;

      fields = g_strsplit (content, "|", -1);
      n = g_strv_length (fields);
      for (guint i = 0; i < n; i++)
        g_strstrip (fields[i]);
      if (n != 3)
        {
          g_ptr_array_add (self->lines,
                           smm_mass_order_line_new (line, 0, NULL, 0,
                                                    line_error (SMM_MASS_ORDER_ERROR_SYNTAX, line,
                                                                _("write the service ID, the link and the quantity, "
                                                                  "separated by “|”."))));
          continue;
        }
      g_ptr_array_add (self->lines, line_from_fields (line, fields[0], fields[1], fields[2], FALSE));
    }
  return TRUE;
}

typedef enum {
  COLUMN_SERVICE,
  COLUMN_LINK,
  COLUMN_QUANTITY,
  N_COLUMNS
} Column;

/* Returns: which column a header cell names, or -1 */
static int
header_column (const char *cell)
{
  static const struct {
    const char *name;   /* folded: lower case, no marks, ı as i */
    Column      column;
  } names[] = {
    { "service", COLUMN_SERVICE }, { "service id", COLUMN_SERVICE }, { "service_id", COLUMN_SERVICE },
    { "serviceid", COLUMN_SERVICE }, { "servis", COLUMN_SERVICE }, { "servis id", COLUMN_SERVICE },
    { "hizmet", COLUMN_SERVICE }, { "id", COLUMN_SERVICE },
    { "link", COLUMN_LINK }, { "url", COLUMN_LINK }, { "baglanti", COLUMN_LINK }, { "adres", COLUMN_LINK },
    { "quantity", COLUMN_QUANTITY }, { "qty", COLUMN_QUANTITY }, { "amount", COLUMN_QUANTITY },
    { "count", COLUMN_QUANTITY }, { "miktar", COLUMN_QUANTITY }, { "adet", COLUMN_QUANTITY },
  };
  g_autofree char *folded = smm_search_fold (cell);

  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (folded, names[i].name))
      return names[i].column;
  return -1;
}

static gboolean
read_csv (SmmMassOrder  *self,
          const char    *text,
          gsize          length,
          GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  int columns[N_COLUMNS] = { 0, 1, 2 };
  gboolean header_seen = FALSE;
  gboolean ordered = FALSE;

  records = smm_csv_parse (text, length, smm_csv_guess_separator (text, length),
                           2 * SMM_MASS_ORDER_MAX_LINES, error);
  if (records == NULL)
    return FALSE;

  for (guint r = 0; r < records->len; r++)
    {
      SmmCsvRecord *record = records->pdata[r];
      guint n = smm_csv_record_get_size (record);
      gboolean blank = TRUE;

      for (guint i = 0; i < n; i++)
        {
          g_strstrip (record->fields[i]);
          blank &= *record->fields[i] == '\0';
        }
      if (blank || record->fields[0][0] == '#')
        continue;

      if (!header_seen)
        {
          int found[N_COLUMNS] = { -1, -1, -1 };
          guint n_named = 0;

          header_seen = TRUE;
          for (guint i = 0; i < n; i++)
            {
              int column = header_column (record->fields[i]);
              if (column >= 0 && found[column] < 0)
                {
                  found[column] = i;
                  n_named++;
                }
            }
          if (n_named == N_COLUMNS)
            {
              memcpy (columns, found, sizeof columns);
              ordered = TRUE;
              continue;
            }
          if (n_named > 0 && !is_whole_number (record->fields[0], NULL))
            {
              g_ptr_array_add (self->lines,
                               smm_mass_order_line_new (record->line, 0, NULL, 0,
                                                        line_error (SMM_MASS_ORDER_ERROR_SYNTAX, record->line,
                                                                    _("the header must name the columns service, "
                                                                      "link and quantity."))));
              continue;
            }
        }

      if (too_many (self, error))
        return FALSE;
      if ((ordered && n <= (guint) MAX (columns[0], MAX (columns[1], columns[2]))) || (!ordered && n != 3))
        {
          g_ptr_array_add (self->lines,
                           smm_mass_order_line_new (record->line, 0, NULL, 0,
                                                    line_error (SMM_MASS_ORDER_ERROR_SYNTAX, record->line,
                                                                _("write three columns: the service ID, the link "
                                                                  "and the quantity."))));
          continue;
        }
      g_ptr_array_add (self->lines,
                       line_from_fields (record->line, record->fields[columns[COLUMN_SERVICE]],
                                         record->fields[columns[COLUMN_LINK]],
                                         record->fields[columns[COLUMN_QUANTITY]], ordered));
    }
  return TRUE;
}

/* The first line that is not blank or a comment has a "|": the text format. */
static SmmMassOrderFormat
guess_format (const char *text,
              gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *content = g_strndup (p, (eol ? eol : end) - p);

      p = eol ? eol + 1 : end;
      if (is_comment_or_blank (content))
        continue;
      return strchr (content, '|') ? SMM_MASS_ORDER_FORMAT_TEXT : SMM_MASS_ORDER_FORMAT_CSV;
    }
  return SMM_MASS_ORDER_FORMAT_TEXT;
}

/**
 * smm_mass_order_new_from_text:
 * @length: the length of @text, or -1 when it ends with a NUL
 *
 * Reads the orders. A line that cannot be read is kept, invalid, with its
 * error; only a problem with the text as a whole fails.
 *
 * Returns: (transfer full): the orders, none checked yet; %NULL when the text is
 * too large, not UTF-8, not CSV, or has no order at all
 */
SmmMassOrder *
smm_mass_order_new_from_text (const char          *text,
                              gssize               length,
                              SmmMassOrderFormat   format,
                              GError             **error)
{
  g_autoptr(SmmMassOrder) self = g_object_new (SMM_TYPE_MASS_ORDER, NULL);
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len > SMM_MASS_ORDER_MAX_BYTES)
    {
      g_set_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_TOO_LARGE,
                   _("The file is too large: at most %d MB can be read."), SMM_MASS_ORDER_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      len -= 3;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_SYNTAX,
                           _("The file is not UTF-8 text. Save it as UTF-8 and try again."));
      return NULL;
    }

  if (format == SMM_MASS_ORDER_FORMAT_AUTO)
    format = guess_format (text, len);
  if (format == SMM_MASS_ORDER_FORMAT_TEXT ? !read_text (self, text, len, error)
                                           : !read_csv (self, text, len, error))
    return NULL;
  if (self->lines->len == 0)
    {
      g_set_error_literal (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_EMPTY,
                           _("There is no order in the file: write one a line, like "
                             "“1|https://instagram.com/name|1000”."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * smm_mass_order_new_from_file:
 *
 * Reads a file of at most 1 MB; a name ending in `.csv` is read as CSV, any
 * other as lines (or as CSV when its first line has no "|").
 */
SmmMassOrder *
smm_mass_order_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) == 0 && st.st_size > SMM_MASS_ORDER_MAX_BYTES)
    {
      g_set_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_TOO_LARGE,
                   _("The file is too large: at most %d MB can be read."), SMM_MASS_ORDER_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return smm_mass_order_new_from_text (contents, length,
                                       g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV")
                                         ? SMM_MASS_ORDER_FORMAT_CSV : SMM_MASS_ORDER_FORMAT_AUTO,
                                       error);
}

guint
smm_mass_order_get_n_lines (SmmMassOrder *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER (self), 0);
  return self->lines->len;
}

/* Returns: (transfer none): the line at @position (not the line number in the file) */
SmmMassOrderLine *
smm_mass_order_get_line (SmmMassOrder *self,
                         guint         position)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER (self), NULL);
  g_return_val_if_fail (position < self->lines->len, NULL);
  return self->lines->pdata[position];
}

/* ---------------------------------------------------------------------------------------------
 * Checking
 */

#define SIMPLE_FIELDS (SMM_FIELD_BIT (SMM_FIELD_LINK) | SMM_FIELD_BIT (SMM_FIELD_QUANTITY))

static void
check_line (SmmMassOrderLine *line,
            GHashTable       *services,
            GHashTable       *seen)
{
  guint number = smm_mass_order_line_get_line (line);
  gint64 service_id = smm_mass_order_line_get_service_id (line);
  SmmService *service = g_hash_table_lookup (services, &service_id);
  g_autoptr(SmmOrderRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  SmmServiceType type;
  guint required;
  SmmMoney charge;
  gpointer earlier;

  if (service == NULL)
    {
      error = line_error (SMM_MASS_ORDER_ERROR_NO_SERVICE, number,
                          _("the panel has no service %" PRId64 "."), service_id);
      goto invalid;
    }

  type = smm_service_get_service_type (service);
  required = smm_service_type_required_fields (type);
  if (smm_service_type_is_package (type) && required == SMM_FIELD_BIT (SMM_FIELD_LINK))
    {
      if (smm_mass_order_line_get_quantity (line) != 1)
        {
          error = line_error (SMM_MASS_ORDER_ERROR_NEEDS_FIELDS, number,
                              _("service %" PRId64 " is a package: write 1 as its quantity."), service_id);
          goto invalid;
        }
    }
  else if (required != SIMPLE_FIELDS)
    {
      const char *label = NULL;

      for (guint f = 0; f < SMM_N_FIELDS && label == NULL; f++)
        if ((required & SMM_FIELD_BIT (f)) && !(SIMPLE_FIELDS & SMM_FIELD_BIT (f)))
          label = g_dgettext (GETTEXT_PACKAGE, smm_field_get_info (f)->label);
      error = line_error (SMM_MASS_ORDER_ERROR_NEEDS_FIELDS, number,
                          _("service %" PRId64 " needs more than a link and a quantity (%s); "
                            "order it on its own."), service_id, label ? label : "?");
      goto invalid;
    }

  /* the checks of a single order, so that the rules live in one place */
  request = smm_order_request_new_for_service (service);
  smm_order_request_set (request, SMM_FIELD_LINK, smm_mass_order_line_get_link (line));
  if (required & SMM_FIELD_BIT (SMM_FIELD_QUANTITY))
    {
      g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, smm_mass_order_line_get_quantity (line));
      smm_order_request_set (request, SMM_FIELD_QUANTITY, quantity);
    }
  if (!smm_order_request_validate (request, service, &error))
    {
      g_autofree char *message = g_strdup (error->message);

      g_clear_error (&error);
      error = line_error (SMM_MASS_ORDER_ERROR_INVALID, number, "%s", message);
      goto invalid;
    }

  /* panels refuse a second order for a link while the first runs */
  key = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", service_id, smm_mass_order_line_get_link (line));
  if (g_hash_table_lookup_extended (seen, key, NULL, &earlier))
    {
      error = line_error (SMM_MASS_ORDER_ERROR_DUPLICATE, number,
                          _("the same service and link as line %u; the panel would refuse the second order "
                            "while the first runs."), GPOINTER_TO_UINT (earlier));
      goto invalid;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (number));

  smm_mass_order_line_set_checked (line, service, request,
                                   smm_order_request_estimate_charge (request, smm_service_get_rate (service), &charge)
                                     ? &charge : NULL);
  smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_READY, NULL);
  return;

invalid:
  smm_mass_order_line_set_checked (line, service, NULL, NULL);
  smm_mass_order_line_set_state (line, SMM_MASS_ORDER_STATE_INVALID, error);
}

/**
 * smm_mass_order_check:
 * @services: (element-type SmmService): the catalogue of the account that will place them
 * @balance: (nullable): the account's balance, when known
 * @summary: (out) (optional): the lines ready and invalid, and the total
 *
 * Checks every line that was read (again, after the catalogue changed): the
 * service exists and needs nothing but a link and a quantity, the link and the
 * quantity pass the checks of a single order, no line repeats an earlier one.
 * Lines already sent are left as they are.
 *
 * Returns: %TRUE when every line is ready
 */
gboolean
smm_mass_order_check (SmmMassOrder        *self,
                      GPtrArray           *services,
                      const SmmMoney      *balance,
                      SmmMassOrderSummary *summary)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SmmMassOrderSummary local;

  g_return_val_if_fail (SMM_IS_MASS_ORDER (self), FALSE);
  g_return_val_if_fail (!self->placing, FALSE);

  for (guint i = 0; i < services->len; i++)
    {
      SmmService *service = services->pdata[i];
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { smm_service_get_id (service) }, sizeof (gint64)), service);
    }
  self->balance_known = balance != NULL;
  if (balance)
    self->balance = *balance;

  for (guint i = 0; i < self->lines->len; i++)
    {
      SmmMassOrderLine *line = self->lines->pdata[i];
      SmmMassOrderState state = smm_mass_order_line_get_state (line);
      const GError *error = smm_mass_order_line_get_error (line);

      /* a line that could not be read stays so; one that was sent is history */
      if (state == SMM_MASS_ORDER_STATE_INVALID && g_error_matches (error, SMM_MASS_ORDER_ERROR,
                                                                    SMM_MASS_ORDER_ERROR_SYNTAX))
        continue;
      if (state != SMM_MASS_ORDER_STATE_NEW && state != SMM_MASS_ORDER_STATE_READY &&
          state != SMM_MASS_ORDER_STATE_INVALID && state != SMM_MASS_ORDER_STATE_SKIPPED)
        continue;
      check_line (line, by_id, seen);
    }

  smm_mass_order_get_summary (self, summary ? summary : &local);
  return (summary ? summary : &local)->n_invalid == 0;
}

/* The lines ready and invalid now, and what the ready ones cost together. */
void
smm_mass_order_get_summary (SmmMassOrder        *self,
                            SmmMassOrderSummary *summary)
{
  g_return_if_fail (SMM_IS_MASS_ORDER (self));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  summary->n_lines = self->lines->len;
  for (guint i = 0; i < self->lines->len; i++)
    {
      SmmMassOrderLine *line = self->lines->pdata[i];
      SmmMoney charge;

      switch (smm_mass_order_line_get_state (line))
        {
        case SMM_MASS_ORDER_STATE_READY:
          summary->n_ready++;
          if (smm_mass_order_line_get_charge (line, &charge) &&
              !smm_money_add (summary->total, charge, &summary->total))
            summary->total = smm_money_from_units (G_MAXINT64);
          break;
        case SMM_MASS_ORDER_STATE_INVALID:
          summary->n_invalid++;
          break;
        default:
          break;
        }
    }
  summary->balance_known = self->balance_known;
  summary->over_balance = self->balance_known && smm_money_compare (summary->total, self->balance) > 0;
}

gboolean
smm_mass_order_is_placing (SmmMassOrder *self)
{
  g_return_val_if_fail (SMM_IS_MASS_ORDER (self), FALSE);
  return self->placing;
}

/* Placing (smm-order-actions-many.c) holds the lines until it is done. */
void
smm_mass_order_set_placing (SmmMassOrder *self,
                            gboolean      placing)
{
  self->placing = placing;
}

void
smm_mass_order_emit_line_finished (SmmMassOrder     *self,
                                   SmmMassOrderLine *line)
{
  g_signal_emit (self, signals[LINE_FINISHED], 0, line);
}
