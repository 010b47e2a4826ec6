/* smm-sim-json.c: the simulated panel's JSON writer: replies, errors, and the quirks of real
 * panels (bare numbers from their decimal text, numbers as strings, replies wrapped in an array,
 * a byte order mark or PHP notices before the JSON)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "smm-sim-private.h"

/* With bare-numbers some numbers go out as bare JSON numbers written from their decimal text (a
 * double would print 0.9 as 0.90000000000000002). json-glib has no raw values, so such a number is
 * added as a string starting with this marker, and the marker and quotes are removed from the
 * generated text. Strings echoed from requests are cleaned of control characters first. */
#define RAW_MARKER      "\001"
#define RAW_MARKER_JSON "\"\\u0001"

/* A member name that repeats one already in its object (a panel answering an id twice): json-glib
 * keeps one member per name, so the repeat's name starts with this marker, removed from the text. */
#define REPEAT_MARKER      "\002"
#define REPEAT_MARKER_JSON "\"\\u0002"

void
smm_sim_json_add_raw_number (JsonBuilder *builder,
                             const char  *digits)
{
  g_autofree char *marked = g_strconcat (RAW_MARKER, digits, NULL);

  json_builder_add_string_value (builder, marked);
}

void
smm_sim_json_add_quirky_bool (JsonBuilder *builder,
                              guint        id,
                              gboolean     value)
{
  if (id % 2 == 1)
    json_builder_add_string_value (builder, value ? "1" : "0");
  else
    json_builder_add_string_value (builder, value ? "Yes" : "No");
}

char *
smm_sim_json_to_string (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out;
  const char *p;
  const char *hit;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  if (strstr (text, REPEAT_MARKER_JSON) != NULL)
    {
      g_autoptr(GString) unmarked = g_string_new_take (g_steal_pointer (&text));

      g_string_replace (unmarked, REPEAT_MARKER_JSON, "\"", 0);
      text = g_string_free_and_steal (g_steal_pointer (&unmarked));
    }

  if (strstr (text, RAW_MARKER_JSON) == NULL)
    return g_steal_pointer (&text);

  out = g_string_sized_new (strlen (text));
  p = text;
  while ((hit = strstr (p, RAW_MARKER_JSON)) != NULL)
    {
      const char *q = hit + strlen (RAW_MARKER_JSON);

      g_string_append_len (out, p, hit - p);
      while (*q && *q != '"')
        g_string_append_c (out, *q++);
      p = *q ? q + 1 : q;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

JsonNode *
smm_sim_json_error (const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Wraps a single reply in a one-element array, as some panels do, when quirk is set. */
JsonNode *
smm_sim_json_maybe_wrap (SmmSim      *self,
                         SmmSimQuirk  quirk,
                         JsonNode    *node)
{
  JsonArray *array;
  JsonNode *wrapped;

  if (!smm_sim_quirk (self, quirk))
    return node;

  array = json_array_new ();
  json_array_add_element (array, node);
  wrapped = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (wrapped, array);

  return wrapped;
}

/* "order": 12 as a number, or the text as it came when it is not one. */
void
smm_sim_json_add_id (JsonBuilder *builder,
                     const char  *text)
{
  gint64 id;

  if (smm_sim_parse_id (text, &id))
    json_builder_add_int_value (builder, id);
  else
    {
      g_autofree char *clean = smm_sim_clean_echo (text, 64);
      json_builder_add_string_value (builder, clean);
    }
}

static void
set_id_member (JsonBuilder *builder,
               const char  *prefix,
               const char  *text)
{
  gint64 id;
  g_autofree char *name = NULL;
  g_autofree char *clean = NULL;

  if (smm_sim_parse_id (text, &id))
    name = g_strdup_printf ("%s%" G_GINT64_FORMAT, prefix, id);
  else
    {
      clean = smm_sim_clean_echo (text, 64);
      name = g_strconcat (prefix, clean, NULL);
    }

  json_builder_set_member_name (builder, name);
}

void
smm_sim_json_set_id_member (JsonBuilder *builder,
                            const char  *text)
{
  set_id_member (builder, "", text);
}

/* The same, for an id already named in the object */
void
smm_sim_json_set_repeated_id_member (JsonBuilder *builder,
                                     const char  *text)
{
  set_id_member (builder, REPEAT_MARKER, text);
}

/* A count: a bare number with bare-numbers, else a string of digits. */
void
smm_sim_json_add_count (SmmSim      *self,
                        JsonBuilder *builder,
                        guint64      value)
{
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_BARE_NUMBERS) && !smm_sim_quirk (self, SMM_SIM_QUIRK_STRING_NUMBERS))
    json_builder_add_int_value (builder, (gint64) value);
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
      json_builder_add_string_value (builder, text);
    }
}

/* An id the panel made (an order's, a refill's): a number, or a string with string-numbers. */
void
smm_sim_json_add_number_id (SmmSim      *self,
                            JsonBuilder *builder,
                            gint64       id)
{
  if (smm_sim_quirk (self, SMM_SIM_QUIRK_STRING_NUMBERS))
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_int_value (builder, id);
}

static const char php_notices[] =
  "<br />\n<b>Deprecated</b>:  Creation of dynamic property Api::$db is deprecated in "
  "<b>/var/www/html/app/Api.php</b> on line <b>12</b><br />\n"
  "<br />\n<b>Warning</b>:  Undefined array key \"runs\" in "
  "<b>/var/www/html/app/Api.php</b> on line <b>87</b><br />\n";

/* What goes before the JSON: a byte order mark, PHP notices. Takes json. */
char *
smm_sim_json_frame (SmmSim *self,
                    char   *json)
{
  g_autofree char *owned = json;

  return g_strconcat (smm_sim_quirk (self, SMM_SIM_QUIRK_BOM) ? "\xef\xbb\xbf" : "",
                      smm_sim_quirk (self, SMM_SIM_QUIRK_PHP_NOTICE) ? php_notices : "",
                      owned, NULL);
}
