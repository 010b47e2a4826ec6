/* smm-json-reader.c: reading untrusted JSON: the document, tolerant readers of one value, error replies
 * and the shapes of single and batch replies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smm-json-reader.h"
#include "smm-json-scan.h"
#include "smm-parse.h"

/* ---------------------------------------------------------------------------------------------
 * The document
 */

static gboolean
looks_like_html (const char *p,
                 const char *end)
{
  return p < end && *p == '<';
}

/* A short, printable excerpt of a reply that is not JSON, to show the user what came back. */
static char *
excerpt (const char *p,
         const char *end)
{
  gsize n = MIN ((gsize) (end - p), 80);
  g_autofree char *valid = g_utf8_make_valid (p, n);
  GString *s = g_string_new (NULL);

  for (const char *c = valid; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      g_string_append_unichar (s, g_unichar_isprint (u) ? u : ' ');
    }
  g_strstrip (s->str);
  s->len = strlen (s->str);
  if ((gsize) (end - p) > n)
    g_string_append (s, "…");
  return g_string_free (s, FALSE);
}

/* Reads a reply into a JSON tree, or says plainly what came instead; refuses, before json-glib
 * holds it, one that would cost more than a reply of @kind is worth (smm_json_scan_reply()). */
JsonNode *
smm_json_load_document (const char    *data,
                        gsize          length,
                        SmmJsonReply   kind,
                        GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *repaired = NULL;
  const char *p = data;
  const char *end = data + length;
  SmmJsonScan scan;

  if (data == NULL)
    length = 0, p = end = "";

  if (length > SMM_PARSE_MAX_BODY)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (SMM_PARSE_MAX_BODY);

      g_set_error (error, SMM_API_ERROR, SMM_API_ERROR_TOO_LARGE,
                   _("The panel’s reply is too large (%s); SMM Desk reads at most %s."), size, limit);
      return NULL;
    }

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p == end)
    {
      g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_NOT_API,
                           _("The panel sent an empty reply."));
      return NULL;
    }
  if (*p != '{' && *p != '[')
    {
      const char *json = smm_json_scan_find_start (p, end);

      if (json != NULL)
        {
          g_autofree char *notice = excerpt (p, json);

          g_debug ("The panel wrote %" G_GSIZE_FORMAT " bytes before its reply: %s", (gsize) (json - p), notice);
          p = json;
        }
    }
  if (looks_like_html (p, end))
    {
      g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_NOT_API,
                           _("The panel answered with a web page, not the API. It may be blocking "
                             "automated access, or the address may not be the panel’s API address."));
      return NULL;
    }
  if (*p != '{' && *p != '[')
    {
      g_autofree char *text = excerpt (p, end);
      g_set_error (error, SMM_API_ERROR, SMM_API_ERROR_NOT_API,
                   _("The panel did not answer in the API’s format. It said: “%s”"), text);
      return NULL;
    }
  if (!smm_json_scan_reply (p, end, kind, &scan, error))
    return NULL;
  if (scan.repaired != NULL)
    {
      repaired = g_steal_pointer (&scan.repaired);
      end = repaired + (end - p);
      p = repaired;
    }

  /* Panels in other encodings exist: keep what can be read rather than fail. */
  if (!g_utf8_validate_len (p, end - p, NULL))
    {
      valid = g_utf8_make_valid (p, end - p);
      p = valid;
      end = valid + strlen (valid);
    }

  parser = json_parser_new_immutable ();
  if (scan.trailing ||
      !json_parser_load_from_data (parser, p, end - p, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_MALFORMED,
                           _("The panel’s reply was cut off or is not valid JSON."));
      g_debug ("JSON error: %s", local_error ? local_error->message : "no root");
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* ---------------------------------------------------------------------------------------------
 * Tolerant readers of one value
 */

/* Bytes of a field that is one line (a name, a category, a status) and of a text (a service's
 * description): more is no one's name, and no description is that long. A longer string is cut
 * rather than the reply refused: the rest of the reply (a whole catalogue) is worth keeping,
 * and the cut is shown ("…"). */
#define MAX_LINE 1024
#define MAX_TEXT (64 * 1024)

/* The one repair of every string a panel sent, so that no label, table or accessible name
 * breaks: invalid UTF-8 (a lone surrogate that json-glib let through: ED A0 80) becomes U+FFFD,
 * so do control characters (C0 but tab and newline, DEL, C1); a `\u0000` arrives as U+FFFD
 * already (smm_json_scan_reply() wrote it `\ufffd`, as json-glib would cut the string there).
 * CR LF is a newline. A line (@one_line) has its tabs and line breaks as spaces and no space
 * around it. */
static char *
clean_text (const char *raw,
            gboolean    one_line)
{
  gsize max = one_line ? MAX_LINE : MAX_TEXT;
  g_autofree char *valid = g_utf8_make_valid (raw, -1);
  GString *s = g_string_sized_new (MIN (strlen (valid), max) + 4);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r' || c == 0x2028 || c == 0x2029)
        c = '\n';
      if (one_line && (c == '\t' || c == '\n'))
        c = ' ';
      else if (c != '\t' && c != '\n' && g_unichar_iscntrl (c))
        c = 0xFFFD;
      if (s->len + g_unichar_to_utf8 (c, NULL) > max)
        {
          g_string_append (s, "…");
          break;
        }
      g_string_append_unichar (s, c);
    }
  if (one_line)
    {
      g_strstrip (s->str);
      s->len = strlen (s->str);
    }
  return g_string_free (s, FALSE);
}

static char *
node_dup_text (JsonNode *node,
               gboolean  one_line)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return clean_text (json_node_get_string (node), one_line);
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

/* Returns: (transfer full) (nullable): a scalar as text (a description: lines kept), repaired */
char *
smm_json_node_dup_text (JsonNode *node)
{
  return node_dup_text (node, FALSE);
}

/* Returns: (transfer full) (nullable): a scalar as one line of text (a name, a status), repaired */
char *
smm_json_node_dup_line (JsonNode *node)
{
  return node_dup_text (node, TRUE);
}

/**
 * smm_parse_integer_text:
 *
 * Reads a count as panels write it: `"50"`, `" 50 "`, `"50.000"` or `"50,000"` or
 * `"50 000"` (thousands separators: every group after the first has 3 digits),
 * `"100.00"` (a zero fraction), `"-5"`.
 */
gboolean
smm_parse_integer_text (const char *text,
                        gint64     *out)
{
  g_autofree char *copy = NULL;
  char *p, *end;
  gboolean negative = FALSE;
  GPtrArray *groups;
  char seps[64];
  guint n_seps = 0;
  guint n_groups;
  gboolean grouped = TRUE;
  guint64 value = 0;
  gboolean ok = TRUE;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');
  if (!g_ascii_isdigit (*p))
    return FALSE;

  /* digit runs split by single '.', ',' or ' ' */
  groups = g_ptr_array_new ();
  g_ptr_array_add (groups, p);
  for (end = p; *end; end++)
    {
      if (g_ascii_isdigit (*end))
        continue;
      if ((*end == '.' || *end == ',' || *end == ' ') && g_ascii_isdigit (end[1]) &&
          n_seps < G_N_ELEMENTS (seps))
        {
          seps[n_seps++] = *end;
          *end = '\0';
          g_ptr_array_add (groups, end + 1);
          continue;
        }
      ok = FALSE;
      break;
    }
  n_groups = groups->len;

  if (ok && n_groups > 1)
    {
      /* "50.000", "1,234,567", "50 000": thousands */
      grouped = strlen (groups->pdata[0]) <= 3;
      for (guint i = 1; grouped && i < n_groups; i++)
        grouped = strlen (groups->pdata[i]) == 3 && seps[i - 1] == seps[0];
      if (!grouped)
        {
          /* "100.00", "1,234.00": a zero fraction after the last '.' or ',' */
          const char *fraction = groups->pdata[n_groups - 1];
          char last = seps[n_seps - 1];

          ok = (last == '.' || last == ',') && strspn (fraction, "0") == strlen (fraction);
          n_groups--;
          for (guint i = 1; ok && i < n_groups; i++)
            ok = strlen (groups->pdata[i]) == 3 && seps[i - 1] == seps[0] && seps[0] != last &&
                 strlen (groups->pdata[0]) <= 3;
        }
    }

  for (guint i = 0; ok && i < n_groups; i++)
    for (const char *d = groups->pdata[i]; ok && *d; d++)
      {
        if (value > ((guint64) G_MAXINT64 - 9) / 10)
          ok = FALSE;
        else
          value = value * 10 + (guint64) (*d - '0');
      }
  g_ptr_array_free (groups, TRUE);

  if (!ok)
    return FALSE;
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

gboolean
smm_json_node_get_int (JsonNode *node,
                       gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);
        if (!(d >= -9.0e15 && d <= 9.0e15) || d != (double) (gint64) d)
          return FALSE;
        *out = (gint64) d;
        return TRUE;
      }
    case G_TYPE_STRING:
      return smm_parse_integer_text (json_node_get_string (node), out);
    default:
      return FALSE;
    }
}

/* An id is a positive integer written plainly: `23501`, `"23501"`; never `"5.000"`
 * (5 or 5000?), `"5,000"` or `-18446744073709528115` */
gboolean
smm_json_node_get_id (JsonNode *node,
                      gint64   *out)
{
  g_autofree char *text = NULL;
  gint64 id;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      text = g_strstrip (g_strdup (json_node_get_string (node)));
      if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL) || !g_ascii_isdigit (*text))
        return FALSE;
      *out = id;
      return TRUE;
    }
  if (!smm_json_node_get_int (node, &id) || id <= 0)
    return FALSE;
  *out = id;
  return TRUE;
}

/* A JSON number reaches us as a double; its shortest 15-digit decimal form is
 * the literal the panel wrote for any literal of up to 15 significant digits,
 * and the decimal parser takes it from there. Strings never touch a double. */
gboolean
smm_json_node_get_money (JsonNode *node,
                         SmmMoney *out)
{
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      if (!(d >= -1e15 && d <= 1e15))
        return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* the shortest decimal that reads back as the same double */
      for (int precision = 15; precision <= 17; precision++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", precision);
          g_ascii_formatd (buf, sizeof buf, format, d);
          if (g_ascii_strtod (buf, NULL) == d)
            break;
        }
      return smm_money_parse (buf, out, NULL);
    }
  text = smm_json_node_dup_text (node);
  return text != NULL && smm_money_parse (text, out, NULL);
}

gboolean
smm_json_node_get_bool (JsonNode *node,
                        gboolean *out)
{
  static const char *const yes[] = { "1", "true", "yes", "on", "y", NULL };
  static const char *const no[] = { "0", "false", "no", "off", "n", "", NULL };
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = FALSE;
      return node != NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *out = json_node_get_boolean (node);
      return TRUE;
    case G_TYPE_INT64:
      *out = json_node_get_int (node) != 0;
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node) != 0.0;
      return TRUE;
    case G_TYPE_STRING:
      text = g_ascii_strdown (json_node_get_string (node), -1);
      g_strstrip (text);
      if (g_strv_contains (yes, text))
        *out = TRUE;
      else if (g_strv_contains (no, text))
        *out = FALSE;
      else
        return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns: (transfer full) (nullable): the member as one line of text, repaired */
char *
smm_json_member_dup_text (JsonObject *object,
                          const char *name)
{
  return node_dup_text (json_object_get_member (object, name), TRUE);
}

JsonNode *
smm_json_member (JsonObject *object,
                 const char *name)
{
  return object ? json_object_get_member (object, name) : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Error replies and shapes
 */

/* Returns: (transfer full) (nullable): the error an `{"error": …}` value carries */
static GError *
error_from_node (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *inner = smm_json_member (object, "message");

      if (inner == NULL)
        inner = smm_json_member (object, "error");
      text = smm_json_node_dup_text (inner);
    }
  else
    {
      gboolean flag;

      /* "error": false / 0 means no error on some panels */
      if (smm_json_node_get_bool (node, &flag) && !flag && json_node_get_value_type (node) != G_TYPE_STRING)
        return NULL;
      text = smm_json_node_dup_text (node);
    }
  return smm_api_error_from_panel_text (text);
}

/* Returns: (transfer full) (nullable): the error of a reply whose point is an error */
GError *
smm_json_error_from_reply (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "error"))
    return NULL;
  return error_from_node (json_object_get_member (object, "error"));
}

/* A single reply wrapped in a one-element array is the element. */
JsonNode *
smm_json_unwrap_single (JsonNode *root)
{
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      if (json_array_get_length (array) == 1)
        return json_array_get_element (array, 0);
    }
  return root;
}

gboolean
smm_json_unexpected (GError    **error,
                     const char *message)
{
  g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED, message);
  return FALSE;
}

/* Loads, unwraps, and turns a top-level `{"error": …}` into a GError. */
JsonNode *
smm_json_load_single (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, SMM_JSON_REPLY_ANSWER, error);
  JsonNode *node;
  GError *panel_error;

  if (root == NULL)
    return NULL;
  node = smm_json_unwrap_single (root);
  panel_error = smm_json_error_from_reply (node);
  if (panel_error)
    {
      g_propagate_error (error, panel_error);
      return NULL;
    }
  return json_node_ref (node);
}

/* Map keys are ids written plainly: digits only ("5.000" is not order 5000) */
static gboolean
is_id_key (const char *key)
{
  guint64 id;

  return key && g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &id, NULL);
}

/* Items for ids nobody asked about are left out: an import must not take in strangers. */
gboolean
smm_json_id_was_asked (gint64        id,
                       const gint64 *ids,
                       guint         n_ids)
{
  if (ids == NULL || n_ids == 0)
    return TRUE;
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

/* Does the object hold an id-keyed map ({"1": …, "10": …})? */
gboolean
smm_json_object_is_id_map (JsonObject *object)
{
  gboolean any = FALSE;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (is_id_key (key))
        any = TRUE;
    }
  return any;
}

/* Visits the items of a batch reply, as a map keyed by id or as a list of objects
 * carrying their id in @id_member, whichever the panel sent. */
gboolean
smm_json_for_each_item (JsonNode         *root,
                        const char       *id_member,
                        const gint64     *ids,
                        guint             n_ids,
                        SmmJsonItemFunc   func,
                        GPtrArray        *results,
                        GError          **error)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &key, &value))
        {
          gint64 id;

          if (is_id_key (key) && smm_parse_integer_text (key, &id) && smm_json_id_was_asked (id, ids, n_ids))
            func (id, value, results);
        }
      return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object;
          gint64 id;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          object = json_node_get_object (element);
          if (!smm_json_node_get_id (smm_json_member (object, id_member), &id) &&
              !smm_json_node_get_id (smm_json_member (object, "id"), &id))
            continue;
          if (smm_json_id_was_asked (id, ids, n_ids))
            func (id, element, results);
        }
      return TRUE;
    }
  return smm_json_unexpected (error, _("The panel’s reply does not contain a list of results."));
}

/* Loads a batch reply: a top-level error fails the whole call; with one id asked,
 * a reply in the single form is accepted too. */
JsonNode *
smm_json_load_batch (const char  *data,
                     gsize        length,
                     gboolean    *single_form,
                     const char  *single_member,
                     GError     **error)
{
  g_autoptr(JsonNode) root = smm_json_load_document (data, length, SMM_JSON_REPLY_BATCH, error);
  GError *panel_error;

  *single_form = FALSE;
  if (root == NULL)
    return NULL;

  panel_error = smm_json_error_from_reply (smm_json_unwrap_single (root));
  if (panel_error)
    {
      JsonObject *object = json_node_get_object (smm_json_unwrap_single (root));

      /* a map that merely contains an item called "error" is still a map */
      if (!smm_json_object_is_id_map (object))
        {
          g_propagate_error (error, panel_error);
          return NULL;
        }
      g_error_free (panel_error);
    }

  {
    JsonNode *single = smm_json_unwrap_single (root);
    if (JSON_NODE_HOLDS_OBJECT (single) &&
        json_object_has_member (json_node_get_object (single), single_member) &&
        !smm_json_object_is_id_map (json_node_get_object (single)))
      {
        *single_form = TRUE;
        return json_node_ref (single);
      }
  }
  return g_steal_pointer (&root);
}
