/* smm-test-canned.c: a panel that answers each action with a fixed reply
 *
 * It runs on the main context, on loopback, and takes any key. An action without a reply
 * set is answered as panels answer what they do not know: {"error":"Request Invalid"}.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "smm-test-canned.h"

struct _SmmTestCanned
{
  SoupServer *server;
  GHashTable *replies;   /* action → body */
  GHashTable *counts;    /* action → requests seen */
  GHashTable *forms;     /* action → the last request's fields (name → value) */
};

static void
handler (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  SmmTestCanned *self = data;
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GHashTable) form = soup_form_decode (text);
  const char *action = g_hash_table_lookup (form, "action");
  const char *reply;

  if (action == NULL)
    action = "";
  g_hash_table_replace (self->counts, g_strdup (action),
                        GUINT_TO_POINTER (smm_test_canned_count (self, action) + 1));
  g_hash_table_replace (self->forms, g_strdup (action), g_hash_table_ref (form));
  reply = g_hash_table_lookup (self->replies, action);
  if (reply == NULL)
    reply = "{\"error\":\"Request Invalid\"}";
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html; charset=UTF-8", SOUP_MEMORY_COPY, reply, strlen (reply));
}

SmmTestCanned *
smm_test_canned_new (void)
{
  SmmTestCanned *self = g_new0 (SmmTestCanned, 1);
  g_autoptr(GError) error = NULL;

  self->replies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  return self;
}

void
smm_test_canned_free (SmmTestCanned *self)
{
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->replies, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->forms, g_hash_table_unref);
  g_free (self);
}

/* Returns: the panel's API address */
char *
smm_test_canned_dup_url (SmmTestCanned *self)
{
  g_autoslist(GUri) uris = soup_server_get_uris (self->server);

  g_assert_nonnull (uris);
  return g_strdup_printf ("http://127.0.0.1:%d/api/v2", g_uri_get_port (uris->data));
}

/* @body: what @action is answered, byte for byte */
void
smm_test_canned_set (SmmTestCanned *self,
                     const char    *action,
                     const char    *body)
{
  g_hash_table_replace (self->replies, g_strdup (action), g_strdup (body));
}

/* @reply_file: a file of tests/data/replies/, for @action */
void
smm_test_canned_set_reply (SmmTestCanned *self,
                           const char    *action,
                           const char    *reply_file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "replies", reply_file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  smm_test_canned_set (self, action, contents);
}

/* Returns: how many requests of @action came */
guint
smm_test_canned_count (SmmTestCanned *self,
                       const char    *action)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, action));
}

/* Returns: (nullable): the field @name of the last request of @action, as the panel read it */
const char *
smm_test_canned_get_field (SmmTestCanned *self,
                           const char    *action,
                           const char    *name)
{
  GHashTable *form = g_hash_table_lookup (self->forms, action);

  return form ? g_hash_table_lookup (form, name) : NULL;
}
