/* smm-sim-json.c: the simulated panel's JSON writer: replies, errors, and the quirks of real
 * panels (bare numbers from their decimal text, replies wrapped in an array)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "smm-sim-private.h"

/* In quirks mode some numbers go out as bare JSON numbers written from their decimal text (a
 * double would print 0.9 as 0.90000000000000002). json-glib has no raw values, so such a number is
 * added as a string starting with this marker, and the marker and quotes are removed from the
 * generated text. Strings echoed from requests are cleaned of control characters first. */
#define RAW_MARKER      "\001"
#define RAW_MARKER_JSON "\"\\u0001"

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

/* Wraps a single reply in a one-element array, as some panels do. */
JsonNode *
smm_sim_json_maybe_wrap (SmmSim   *self,
                         JsonNode *node)
{
  JsonArray *array;
  JsonNode *wrapped;

  if (!self->quirks)
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

void
smm_sim_json_set_id_member (JsonBuilder *builder,
                            const char  *text)
{
  gint64 id;
  g_autofree char *name = NULL;

  if (smm_sim_parse_id (text, &id))
    name = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  else
    name = smm_sim_clean_echo (text, 64);

  json_builder_set_member_name (builder, name);
}
