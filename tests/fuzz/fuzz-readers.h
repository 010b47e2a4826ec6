/* fuzz-readers.h: the readers of untrusted bytes that are not one parser entry: the framing of a
 * reply (what comes before the JSON, what json-glib is given, every string read back), the
 * mass-order reader and the CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <string.h>

#include "smm-csv.h"
#include "smm-json-reader.h"
#include "smm-mass-order.h"

/* Every string read out of a reply is valid UTF-8 with no control character but tab and
 * newline (a line: none at all). */
static inline void
fuzz_check_strings (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      char *text = smm_json_node_dup_text (node);
      char *line = smm_json_node_dup_line (node);

      if (text == NULL || line == NULL || !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (line, -1, NULL))
        __builtin_trap ();
      for (const char *p = text; *p; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)) && *p != '\t' && *p != '\n')
          __builtin_trap ();
      for (const char *p = line; *p; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          __builtin_trap ();
      g_free (text);
      g_free (line);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        fuzz_check_strings (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &value))
        fuzz_check_strings (value);
    }
}

/* The reply as it is, then after a PHP notice: a reply that reads alone reads the same after
 * one, and every kind of reply is an object or a list, or an error. */
static inline void
fuzz_framing (const uint8_t *bytes,
              size_t         size)
{
  static const char notice[] = "<br />\n<b>Deprecated</b>: Creation of dynamic property in "
                               "/var/www/api/v2.php on line <b>12</b><br />\n";
  const char *data = (const char *) bytes;
  SmmJsonReply kind = size % 3;
  GError *error = NULL;
  JsonNode *alone = smm_json_load_document (data, size, kind, &error);
  JsonNode *after;
  char *framed;

  FUZZ_CHECK (alone != NULL, error);
  g_clear_error (&error);
  if (alone && !JSON_NODE_HOLDS_ARRAY (alone) && !JSON_NODE_HOLDS_OBJECT (alone))
    __builtin_trap ();
  if (alone)
    fuzz_check_strings (alone);

  framed = g_malloc (sizeof notice - 1 + size);
  memcpy (framed, notice, sizeof notice - 1);
  memcpy (framed + sizeof notice - 1, data, size);
  after = smm_json_load_document (framed, sizeof notice - 1 + size, kind, &error);
  FUZZ_CHECK (after != NULL, error);
  if (alone && size > 0 && (data[0] == '{' || data[0] == '[') && (after == NULL || !json_node_equal (alone, after)))
    __builtin_trap ();
  g_clear_pointer (&alone, json_node_unref);
  g_clear_pointer (&after, json_node_unref);
  g_clear_error (&error);
  g_free (framed);
}

/* A small catalogue to check mass orders against: a plain service and one of comments */
static inline GPtrArray *
fuzz_catalogue (void)
{
  static GPtrArray *services;

  if (services == NULL)
    {
      SmmService *plain = smm_service_new (1, "Followers");
      SmmService *comments = smm_service_new (2, "Comments");
      SmmMoney rate;

      services = g_ptr_array_new_with_free_func (g_object_unref);
      smm_money_parse ("0.90", &rate, NULL);
      smm_service_set_rate (plain, rate);
      smm_service_set_min (plain, 10);
      smm_service_set_max (plain, 100000);
      smm_service_set_rate (comments, rate);
      smm_service_set_type_name (comments, "Custom Comments");
      g_ptr_array_add (services, plain);
      g_ptr_array_add (services, comments);
    }
  return services;
}

/* A mass order read as text, as CSV or by guess, then checked: counts that add up */
static inline void
fuzz_mass_order (const uint8_t *bytes,
                 size_t         size)
{
  SmmMoney balance = smm_money_from_units (1000 * (gint64) 100000000);
  SmmMassOrderSummary summary;
  GError *error = NULL;
  SmmMassOrder *order = smm_mass_order_new_from_text ((const char *) bytes, size, size % 3, &error);

  FUZZ_CHECK (order != NULL, error);
  g_clear_error (&error);
  if (order == NULL)
    return;
  smm_mass_order_check (order, fuzz_catalogue (), &balance, &summary);
  if (summary.n_ready + summary.n_invalid > summary.n_lines ||
      summary.n_lines != smm_mass_order_get_n_lines (order) || smm_money_is_negative (summary.total))
    __builtin_trap ();
  for (guint i = 0; i < summary.n_lines; i++)
    {
      SmmMassOrderLine *line = smm_mass_order_get_line (order, i);
      const char *link = smm_mass_order_line_get_link (line);

      if (link && !g_utf8_validate (link, -1, NULL))
        __builtin_trap ();
    }
  g_object_unref (order);
}

/* CSV read with the separator it guesses; each record written back and read again is itself */
static inline void
fuzz_csv (const uint8_t *bytes,
          size_t         size)
{
  const char *data = (const char *) bytes;
  GError *error = NULL;
  GPtrArray *records;

  if (size == 0)
    return;
  records = smm_csv_parse (data, size, smm_csv_guess_separator (data, size), 1000, &error);
  FUZZ_CHECK (records != NULL, error);
  g_clear_error (&error);
  for (guint i = 0; records && i < records->len; i++)
    {
      SmmCsvRecord *record = records->pdata[i];
      guint n = smm_csv_record_get_size (record);
      GString *out = g_string_new (NULL);
      GPtrArray *again;

      smm_csv_append_row (out, (const char * const *) record->fields, n);
      again = smm_csv_parse (out->str, out->len, ',', 1, &error);
      if (!g_str_has_prefix (out->str, "\xEF\xBB\xBF") &&
          (again == NULL || again->len != 1 ||
           !g_strv_equal ((const char * const *) record->fields,
                          (const char * const *) ((SmmCsvRecord *) again->pdata[0])->fields)))
        __builtin_trap ();
      g_clear_pointer (&again, g_ptr_array_unref);
      g_clear_error (&error);
      g_string_free (out, TRUE);
    }
  g_clear_pointer (&records, g_ptr_array_unref);
}
