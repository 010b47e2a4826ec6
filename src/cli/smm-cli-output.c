/* smm-cli-output.c: what smm-desk-cli prints: tables, JSON, money, counts and account names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "smm-cli-private.h"

SmmCliTable *
smm_cli_table_new (const char *first,
                   ...)
{
  SmmCliTable *table = g_new0 (SmmCliTable, 1);
  GStrvBuilder *builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *title = first; title; title = va_arg (args, const char *))
    {
      g_strv_builder_add (builder, title);
      table->n_columns++;
    }
  va_end (args);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (table->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  return table;
}

/* Takes the strings. */
void
smm_cli_table_add (SmmCliTable *table,
                   ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *cell = va_arg (args, char *);
      row[i] = cell ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

void
smm_cli_table_print_free (SmmCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < table->n_columns)
            for (guint pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
  g_ptr_array_unref (table->rows);
  g_free (table);
}

char *
smm_cli_shorten (const char *text,
                 guint       max_chars)
{
  if (text == NULL)
    return g_strdup ("");
  if ((guint) g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, max_chars - 1);
    return g_strconcat (head, "…", NULL);
  }
}

void
smm_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* One member of the object being built: its name, then its value */
void
smm_cli_json_add_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
smm_cli_json_add_int (JsonBuilder *builder,
                      const char  *name,
                      gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
smm_cli_json_add_null (JsonBuilder *builder,
                       const char  *name)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_null_value (builder);
}

/* An empty (unknown) text is null, never "" */
void
smm_cli_json_add_text (JsonBuilder *builder,
                       const char  *name,
                       const char  *value)
{
  if (value == NULL || *value == '\0')
    smm_cli_json_add_null (builder, name);
  else
    smm_cli_json_add_string (builder, name, value);
}

/* An unknown (negative) count is null, never -1 */
void
smm_cli_json_add_count (JsonBuilder *builder,
                        const char  *name,
                        gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

/* An unknown flag is null */
void
smm_cli_json_add_tristate (JsonBuilder *builder,
                           const char  *name,
                           SmmTristate  value)
{
  json_builder_set_member_name (builder, name);
  if (value == SMM_TRISTATE_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, value == SMM_TRISTATE_YES);
}

void
smm_cli_json_add_boolean (JsonBuilder *builder,
                          const char  *name,
                          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
smm_cli_json_add_money (JsonBuilder *builder,
                        const char  *name,
                        SmmMoney     money)
{
  g_autofree char *wire = smm_money_to_wire (money);

  smm_cli_json_add_string (builder, name, wire);
}

void
smm_cli_json_add_error (JsonBuilder  *builder,
                        const GError *error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SMM_TYPE_API_ERROR);
  GEnumValue *value = error->domain == SMM_API_ERROR ? g_enum_get_value (klass, error->code) : NULL;

  smm_cli_json_add_string (builder, "error", error->message);
  smm_cli_json_add_string (builder, "error_code", value ? value->value_nick : "other");
}

/* yes, no, or "–" when the panel did not say */
const char *
smm_cli_yes_no (SmmTristate value)
{
  switch (value)
    {
    case SMM_TRISTATE_YES: return _("yes");
    case SMM_TRISTATE_NO: return _("no");
    case SMM_TRISTATE_UNKNOWN: default: return "–";
    }
}

/* The status as the user reads it: its label, or the panel's own word for a status it does not know */
const char *
smm_cli_order_status_label (SmmOrder *order)
{
  return smm_order_get_status (order) == SMM_ORDER_STATUS_UNKNOWN
           ? smm_order_get_status_text (order)
           : smm_order_status_get_label (smm_order_get_status (order));
}

/* The status with, for a subscription, what it is at: "Paused (subscription: 3 posts, until 31 Jan 2027)" */
char *
smm_cli_order_status_text (SmmOrder *order)
{
  g_autofree char *summary = smm_order_dup_subscription_summary (order);

  if (!smm_order_is_subscription (order))
    return g_strdup (smm_cli_order_status_label (order));
  if (summary == NULL)
    /* TRANSLATORS: an order's status, as in "Active (subscription)" */
    return g_strdup_printf (_("%s (subscription)"), smm_cli_order_status_label (order));
  /* TRANSLATORS: an order's status and what the subscription is at, as in
   * "Active (subscription: 3 posts, until 31 Jan 2027)" */
  return g_strdup_printf (_("%s (subscription: %s)"), smm_cli_order_status_label (order), summary);
}

/* A subscription's "posts", "expiry" and "orders" (the ids it placed): null when not told */
void
smm_cli_json_add_subscription (JsonBuilder *builder,
                               SmmOrder    *order)
{
  g_autoptr(GArray) ids = NULL;

  smm_cli_json_add_count (builder, "posts", smm_order_get_posts (order));
  smm_cli_json_add_text (builder, "expiry", smm_order_get_expiry (order));
  g_object_get (order, "sub-orders", &ids, NULL);
  json_builder_set_member_name (builder, "orders");
  if (ids == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

char *
smm_cli_count_text (gint64 value)
{
  return value < 0 ? g_strdup ("–") : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

const char *
smm_cli_account_name_of (GHashTable *names,
                         gint64      account_id)
{
  const char *name = g_hash_table_lookup (names, &account_id);
  return name ? name : "?";
}

/* account id → name, archived accounts included (their orders stay in the history) */
GHashTable *
smm_cli_account_names (SmmCli *cli)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) accounts = smm_store_list_accounts (cli->store, NULL);

  for (guint i = 0; accounts && i < accounts->len; i++)
    {
      gint64 id = smm_account_get_id (accounts->pdata[i]);
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (smm_account_get_name (accounts->pdata[i])));
    }
  return names;
}

char *
smm_cli_money_text (SmmMoney    money,
                    const char *currency)
{
  return smm_money_format_with_currency (money, currency);
}
