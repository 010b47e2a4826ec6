/* smm-csv.c: comma-separated values as RFC 4180 has them, in and out
 *
 * Reading is strict where a mistake would move a value into another column (a
 * quote left open, text after a closing quote) and tolerant elsewhere: LF, CRLF
 * or CR line ends, a UTF-8 byte order mark, a quote inside an unquoted field.
 * Writing quotes what needs it, doubles quotes, ends lines with CRLF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-csv.h"

G_DEFINE_QUARK (smm-csv-error-quark, smm_csv_error)

#define BOM "\xef\xbb\xbf"

void
smm_csv_record_free (SmmCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

guint
smm_csv_record_get_size (const SmmCsvRecord *record)
{
  return g_strv_length (record->fields);
}

/* Returns: the length of @text without its byte order mark, and moves *text past it */
static gsize
skip_bom (const char **text,
          gssize       length)
{
  gsize len = length < 0 ? strlen (*text) : (gsize) length;

  if (len >= 3 && memcmp (*text, BOM, 3) == 0)
    {
      *text += 3;
      len -= 3;
    }
  return len;
}

/**
 * smm_csv_guess_separator:
 *
 * Spreadsheets in languages that write 0,90 (Turkish among them) save "CSV"
 * with semicolons. The first line that is not blank or a `#` comment decides:
 * the most frequent of `,` `;` and tab outside quotes.
 *
 * Returns: the separator, `,` when nothing tells
 */
char
smm_csv_guess_separator (const char *text,
                         gssize      length)
{
  gsize len = skip_bom (&text, length);
  const char *end = text + len;
  const char *p = text;

  while (p < end)
    {
      const char *line_end = p;
      guint commas = 0, semicolons = 0, tabs = 0;
      gboolean quoted = FALSE;

      while (line_end < end && ((*line_end != '\n' && *line_end != '\r') || quoted))
        {
          if (*line_end == '"')
            quoted = !quoted;
          else if (!quoted && *line_end == ',')
            commas++;
          else if (!quoted && *line_end == ';')
            semicolons++;
          else if (!quoted && *line_end == '\t')
            tabs++;
          line_end++;
        }
      {
        const char *q = p;
        while (q < line_end && (*q == ' ' || *q == '\t'))
          q++;
        if (q < line_end && *q != '#')
          {
            if (semicolons > commas && semicolons >= tabs)
              return ';';
            if (tabs > commas && tabs > semicolons)
              return '\t';
            return ',';
          }
      }
      p = line_end + 1;
    }
  return ',';
}

/**
 * smm_csv_parse:
 * @length: the length of @text, or -1 when it ends with a NUL
 * @separator: `,` (RFC 4180), or what smm_csv_guess_separator() found
 * @max_records: the most records accepted; 0 for no limit
 *
 * Returns: (transfer container) (element-type SmmCsvRecord): every record, blank lines
 * included (as one empty field), or %NULL with %SMM_CSV_ERROR
 */
GPtrArray *
smm_csv_parse (const char  *text,
               gssize       length,
               char         separator,
               guint        max_records,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) smm_csv_record_free);
  g_autoptr(GStrvBuilder) fields = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gsize len;
  const char *p, *end;
  guint line = 1;
  guint record_line = 1;
  gboolean in_record = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  len = skip_bom (&text, length);
  if (len > SMM_CSV_MAX_BYTES)
    {
      g_set_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_TOO_LARGE,
                   _("The file is too large: at most %d MB can be read."), SMM_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, SMM_CSV_ERROR, SMM_CSV_ERROR_ENCODING,
                           _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."));
      return NULL;
    }

  p = text;
  end = text + len;
  fields = g_strv_builder_new ();
  while (p < end)
    {
      if (!in_record)
        {
          in_record = TRUE;
          record_line = line;
        }

      if (*p == '"' && field->len == 0)
        {
          guint quote_line = line;

          /* a quoted field: up to the quote that is not doubled */
          for (p++;; p++)
            {
              if (p >= end)
                {
                  g_set_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_SYNTAX,
                               _("Line %u: a quoted field is never closed."), quote_line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
                line++;
              g_string_append_c (field, *p);
            }
          if (p < end && *p != separator && *p != '\n' && *p != '\r')
            {
              g_set_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_SYNTAX,
                           _("Line %u: there is text after the closing quote of a field."), line);
              return NULL;
            }
          continue;
        }

      if (*p == separator)
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          p++;
          continue;
        }

      if (*p == '\n' || *p == '\r')
        {
          g_auto(GStrv) done = NULL;
          SmmCsvRecord *record;

          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          done = g_strv_builder_end (fields);
          g_strv_builder_unref (fields);
          fields = g_strv_builder_new ();
          in_record = FALSE;
          if (max_records > 0 && records->len >= max_records)
            goto too_many;
          record = g_new0 (SmmCsvRecord, 1);
          record->line = record_line;
          record->fields = g_steal_pointer (&done);
          g_ptr_array_add (records, record);
          continue;
        }

      g_string_append_c (field, *p);
      p++;
    }

  if (in_record)
    {
      SmmCsvRecord *record;

      if (max_records > 0 && records->len >= max_records)
        goto too_many;
      g_strv_builder_add (fields, field->str);
      record = g_new0 (SmmCsvRecord, 1);
      record->line = record_line;
      record->fields = g_strv_builder_end (fields);
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);

too_many:
  g_set_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_TOO_LARGE,
               _("The file has more than %u lines."), max_records);
  return NULL;
}

/* Appends @field, quoted when it holds a comma, a quote or a line end. */
void
smm_csv_append_field (GString    *out,
                      const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Appends one record and its CRLF. */
void
smm_csv_append_row (GString            *out,
                    const char * const *fields,
                    guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      smm_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* A spreadsheet runs a cell that begins with = + - or @ as a formula: text that came
 * from a panel (service names, links) gets a leading apostrophe, which spreadsheets hide. */
static char *
text_cell (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static char *
count_cell (gint64 value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/**
 * smm_csv_format_orders:
 * @orders: (element-type SmmOrder): the orders, in the order they are to be written
 * @accounts: (element-type SmmAccount) (nullable): to write the accounts' names
 *
 * The header names the columns in English whatever the language, so that
 * scripts can rely on them; numbers are written in the C locale (12.5, never
 * 12,5), dates in ISO 8601 with the local offset, text as stored.
 *
 * Returns: (transfer full): the CSV text, UTF-8, CRLF line ends
 */
char *
smm_csv_format_orders (GPtrArray *orders,
                       GPtrArray *accounts)
{
  static const char * const header[] = {
    "local_id", "panel_id", "account", "service_id", "service_name", "link", "quantity",
    "charge", "currency", "status", "start_count", "remains", "created",
  };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; accounts && i < accounts->len; i++)
    {
      gint64 id = smm_account_get_id (accounts->pdata[i]);
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), (gpointer) smm_account_get_name (accounts->pdata[i]));
    }

  smm_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < orders->len; i++)
    {
      SmmOrder *o = orders->pdata[i];
      gint64 account_id = smm_order_get_account_id (o);
      GDateTime *created = smm_order_get_created (o);
      g_autoptr(GDateTime) local = created ? g_date_time_to_local (created) : NULL;
      SmmMoney charge;
      char *row[G_N_ELEMENTS (header)] = {
        g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_local_id (o)),
        smm_order_get_id (o) > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_id (o)) : g_strdup (""),
        text_cell (g_hash_table_lookup (names, &account_id)),
        smm_order_get_service_id (o) > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, smm_order_get_service_id (o))
                                         : g_strdup (""),
        text_cell (smm_order_get_service_name (o)),
        text_cell (smm_order_get_link (o)),
        count_cell (smm_order_get_quantity (o)),
        smm_order_get_charge (o, &charge) ? smm_money_to_wire (charge) : g_strdup (""),
        text_cell (smm_order_get_currency (o)),
        text_cell (smm_order_get_status_text (o)),
        count_cell (smm_order_get_start_count (o)),
        count_cell (smm_order_get_remains (o)),
        local ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z") : g_strdup (""),
      };

      smm_csv_append_row (out, (const char * const *) row, G_N_ELEMENTS (row));
      for (guint c = 0; c < G_N_ELEMENTS (row); c++)
        g_free (row[c]);
    }
  return g_string_free (out, FALSE);
}

/* Writes @orders (element-type SmmOrder) with the names of their accounts, archived ones too */
static gboolean
save_orders (SmmStore    *store,
             GPtrArray   *orders,
             const char  *path,
             GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *text = NULL;

  /* archived accounts too: their orders stay in the history */
  for (guint i = 0; i < orders->len; i++)
    {
      gint64 id = smm_order_get_account_id (orders->pdata[i]);
      SmmAccount *account;

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      account = smm_store_get_account (store, id, NULL);
      if (account)
        g_ptr_array_add (accounts, account);
    }
  text = smm_csv_format_orders (orders, accounts);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/**
 * smm_csv_export_orders:
 * @query: which orders, as the orders list shows them
 * @path: the file to write (replaced as a whole, never half-written)
 * @n_orders: (out) (optional): how many orders were written
 */
gboolean
smm_csv_export_orders (SmmStore             *store,
                       const SmmOrderQuery  *query,
                       const char           *path,
                       guint                *n_orders,
                       GError              **error)
{
  g_autoptr(GPtrArray) orders = smm_store_list_orders (store, query, error);

  if (orders == NULL || !save_orders (store, orders, path, error))
    return FALSE;
  if (n_orders)
    *n_orders = orders->len;
  return TRUE;
}

static void
export_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autoptr(GPtrArray) orders = smm_store_list_orders_finish (SMM_STORE (object), result, &error);

  if (orders == NULL || !save_orders (SMM_STORE (object), orders, g_task_get_task_data (task), &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, orders->len);
}

/**
 * smm_csv_export_orders_async:
 *
 * As smm_csv_export_orders(), the orders read on the store's worker.
 */
void
smm_csv_export_orders_async (SmmStore            *store,
                             const SmmOrderQuery *query,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, smm_csv_export_orders_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  smm_store_list_orders_async (store, query, cancellable, export_read_cb, g_steal_pointer (&task));
}

/* @n_orders: (out) (optional): how many orders were written */
gboolean
smm_csv_export_orders_finish (SmmStore      *store,
                              GAsyncResult  *result,
                              guint         *n_orders,
                              GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_orders)
    *n_orders = n;
  return TRUE;
}
