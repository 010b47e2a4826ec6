/* smm-sim-server.c: the simulated panel's HTTP side: the SoupServer, routing, form decoding
 * (urlencoded and multipart, as PHP's $_POST), and the faults it injects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-sim"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "smm-sim-private.h"

#define MAX_BODY_SIZE          (16 * 1024 * 1024)
#define MAX_LINK_LENGTH        4096

typedef struct {
  SmmSim            *self;
  SoupServerMessage *msg;
  GSource           *source;
  gulong             disconnected_id;
} Delay;

/* Request parsing */

const char *
smm_sim_field (GHashTable *fields,
               const char *name)
{
  return g_hash_table_lookup (fields, name);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Present and not blank */
const char *
smm_sim_field_set (GHashTable *fields,
                   const char *name)
{
  const char *value = smm_sim_field (fields, name);

  return is_blank (value) ? NULL : value;
}

/* A non-negative integer, surrounding blanks allowed. */
CountResult
smm_sim_parse_count (const char *text,
                     guint64    *out)
{
  const char *p = text;
  guint64 value = 0;
  gboolean too_big = FALSE;
  guint n_digits = 0;

  if (text == NULL)
    return COUNT_INVALID;

  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p); p++, n_digits++)
    {
      guint digit = (guint) (*p - '0');

      if (value > ((guint64) G_MAXINT64 - digit) / 10)
        too_big = TRUE;
      else
        value = value * 10 + digit;
    }
  while (g_ascii_isspace (*p))
    p++;

  if (n_digits == 0 || *p != '\0')
    return COUNT_INVALID;
  if (too_big)
    return COUNT_TOO_BIG;

  *out = value;
  return COUNT_OK;
}

gboolean
smm_sim_parse_id (const char *text,
                  gint64     *id)
{
  guint64 value;

  if (smm_sim_parse_count (text, &value) != COUNT_OK)
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}

/* Splits "1, 2,,3,2" into "1", "2", "3": blanks and repeated ids are dropped, as panels do (a
 * reply keyed by id cannot hold one twice). Stops after max + 1 ids and sets too_many. */
GPtrArray *
smm_sim_split_ids (const char *text,
                   guint       max,
                   gboolean   *too_many)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *p = text;

  *too_many = FALSE;

  while (*p)
    {
      const char *start;
      const char *end;

      while (*p == ',' || g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      start = p;
      while (*p && *p != ',')
        p++;
      end = p;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;

      {
        g_autofree char *id = g_strndup (start, (gsize) (end - start));

        if (g_hash_table_contains (seen, id))
          continue;
        if (ids->len == max)
          {
            *too_many = TRUE;
            break;
          }
        g_hash_table_add (seen, id);
        g_ptr_array_add (ids, g_steal_pointer (&id));
      }
    }

  return ids;
}

/* Counts the non-blank lines; lines end at a newline, or at a literal "\n" or "\r\n" as some
 * clients send them. */
guint64
smm_sim_count_lines (const char *text)
{
  guint64 n = 0;
  gboolean content = FALSE;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        {
          n += content;
          content = FALSE;
        }
      else if (p[0] == '\\' && p[1] == 'n')
        {
          n += content;
          content = FALSE;
          p++;
        }
      else if (p[0] == '\\' && p[1] == 'r' && p[2] == '\\' && p[3] == 'n')
        {
          n += content;
          content = FALSE;
          p += 3;
        }
      else if (!g_ascii_isspace (*p))
        content = TRUE;
    }

  return n + content;
}

gboolean
smm_sim_link_is_valid (const char *link)
{
  gsize len;

  if (link == NULL)
    return FALSE;

  len = strlen (link);
  if (len == 0 || len > MAX_LINK_LENGTH)
    return FALSE;
  for (const char *p = link; *p; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20)
      return FALSE;

  return strchr (link, '.') != NULL;
}

/* A string from the request, safe to put in a reply or a log line. */
char *
smm_sim_clean_echo (const char *text,
                    gsize       max_len)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (strlen (text), max_len));

  for (char *p = valid; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = '?';

  return g_steal_pointer (&valid);
}

/* HTTP */

static const char html_challenge[] =
  "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>"
  "<body><div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\">"
  "<h1>Checking if the site connection is secure</h1>"
  "<p>Enable JavaScript and cookies to continue</p></div></div></body></html>\n";

static const char html_500[] =
  "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
  "<body><h1>Internal Server Error</h1><p>The server encountered an internal error "
  "and was unable to complete your request.</p></body></html>\n";

static const char html_404[] =
  "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
  "<body><h1>Not Found</h1></body></html>\n";

static const char html_405[] =
  "<!DOCTYPE html><html><head><title>405 Method Not Allowed</title></head>"
  "<body><h1>Method Not Allowed</h1></body></html>\n";

static void
delay_free (Delay *delay)
{
  if (delay->disconnected_id != 0)
    g_signal_handler_disconnect (delay->msg, delay->disconnected_id);
  g_source_destroy (delay->source);
  g_source_unref (delay->source);
  g_object_unref (delay->msg);
  g_free (delay);
}

static gboolean
delay_done_cb (gpointer user_data)
{
  Delay *delay = user_data;
  SmmSim *self = delay->self;
  g_autoptr(SoupServerMessage) msg = g_object_ref (delay->msg);

  /* Frees the delay, and destroys the source: returning G_SOURCE_REMOVE is then harmless. */
  g_ptr_array_remove (self->delays, delay);
  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

static void
delay_disconnected_cb (SoupServerMessage *msg,
                       gpointer           user_data)
{
  Delay *delay = user_data;

  g_ptr_array_remove (delay->self->delays, delay);
}

static void
reply_later (SmmSim            *self,
             SoupServerMessage *msg,
             guint              delay_ms)
{
  Delay *delay = g_new0 (Delay, 1);

  delay->self = self;
  delay->msg = g_object_ref (msg);
  delay->source = g_timeout_source_new (delay_ms);
  g_source_set_name (delay->source, "[smm-sim] delayed reply");
  g_source_set_callback (delay->source, delay_done_cb, delay, NULL);
  delay->disconnected_id = g_signal_connect (msg, "disconnected",
                                             G_CALLBACK (delay_disconnected_cb), delay);
  g_ptr_array_add (self->delays, delay);

  soup_server_message_pause (msg);
  g_source_attach (delay->source, self->context);
}

static void
set_body (SoupServerMessage *msg,
          guint              status,
          const char        *content_type,
          SoupMemoryUse      use,
          const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, use, body, strlen (body));
}

static void
set_html (SoupServerMessage *msg,
          guint              status,
          const char        *html)
{
  set_body (msg, status, "text/html; charset=UTF-8", SOUP_MEMORY_STATIC, html);
}

static void
set_json (SoupServerMessage *msg,
          guint              status,
          gboolean           as_html,
          char              *json) /* owned */
{
  set_body (msg, status, as_html ? "text/html; charset=UTF-8" : "application/json",
            SOUP_MEMORY_TAKE, json);
}

static void
copy_fields (GHashTable *dest,
             GHashTable *src)
{
  GHashTableIter iter;
  gpointer key, value;

  if (src == NULL)
    return;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (dest, g_strdup (key), g_strdup (value ? value : ""));
}

/* The fields of a POST body: multipart/form-data (curl -F, PHP's curl with an array, JS
 * FormData) or urlencoded, whatever the content type says, as PHP's $_POST. Files are ignored.
 * Returns whether the body had a key. */
static gboolean
decode_body (SoupMessageHeaders *headers,
             GBytes             *bytes,
             GHashTable         *fields)
{
  g_autoptr(GHashTable) form = NULL;

  if (g_strcmp0 (soup_message_headers_get_content_type (headers, NULL), "multipart/form-data") == 0)
    {
      SoupMultipart *multipart = soup_multipart_new_from_message (headers, bytes);

      /* takes the multipart */
      if (multipart != NULL)
        form = soup_form_decode_multipart (multipart, NULL, NULL, NULL, NULL);
    }
  else
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      form = soup_form_decode (text);
    }

  copy_fields (fields, form);
  return form != NULL && g_hash_table_contains (form, "key");
}

static gboolean
fault_hits (guint  n,
            double rate)
{
  /* Both products are >= 0, so truncation is floor() */
  return (guint64) ((n + 1.0) * rate) > (guint64) (n * rate);
}

static void
server_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  SmmSim *self = user_data;
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *method = soup_server_message_get_method (msg);
  const char *action;
  const char *content_type;
  g_autofree char *description = NULL;
  gboolean path_ok;
  gboolean key_in_url;
  gboolean key_in_body = FALSE;
  gboolean as_html;
  gboolean body_too_big = FALSE;
  SmmSimFault fault;
  guint delay_ms;
  guint slow_ms;
  guint n;

  path_ok = g_strcmp0 (path, "/") == 0
            || g_strcmp0 (path, "/api/v2") == 0
            || g_strcmp0 (path, "/api/v2/") == 0;

  copy_fields (fields, query);
  key_in_url = query != NULL && g_hash_table_contains (query, "key");
  if (method == SOUP_METHOD_POST)
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);

      if (body->length > MAX_BODY_SIZE)
        body_too_big = TRUE;
      else if (body->length > 0)
        {
          g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

          key_in_body = decode_body (soup_server_message_get_request_headers (msg), bytes, fields);
        }
    }
  action = smm_sim_field (fields, "action");
  content_type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg),
                                                        NULL);

  g_mutex_lock (&self->mutex);
  n = self->n_requests++;
  if (self->log != NULL || self->strict)
    description = smm_sim_log_describe (fields);
  if (self->log != NULL)
    smm_sim_log_request_locked (self, n, method, content_type, description);
  if (self->strict)
    {
      smm_sim_strict_check_locked (self, n, method, key_in_url, action, description);
      /* a strict panel reads the key from the body only */
      if (!key_in_body)
        g_hash_table_remove (fields, "key");
    }
  as_html = smm_sim_quirk (self, SMM_SIM_QUIRK_TEXT_HTML);
  for (guint i = 0; i < G_N_ELEMENTS (known_actions); i++)
    if (g_strcmp0 (action, known_actions[i]) == 0)
      self->action_counts[i]++;
  fault = self->fault;
  if (fault != SMM_SIM_FAULT_NONE && !fault_hits (n, self->fault_rate))
    fault = SMM_SIM_FAULT_NONE;
  delay_ms = self->latency_ms;
  slow_ms = self->slow_ms;
  g_mutex_unlock (&self->mutex);

  {
    g_autofree char *action_log = action ? smm_sim_clean_echo (action, 32) : g_strdup ("(none)");

    g_debug ("request #%u: %s %s action=%s%s", n, method, path, action_log,
             fault != SMM_SIM_FAULT_NONE ? " (fault)" : "");
  }

  if (!path_ok)
    set_html (msg, SOUP_STATUS_NOT_FOUND, html_404);
  else if (method != SOUP_METHOD_POST && method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, POST");
      set_html (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, html_405);
    }
  else if (fault == SMM_SIM_FAULT_HTML)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "cf-mitigated", "challenge");
      set_html (msg, SOUP_STATUS_FORBIDDEN, html_challenge);
    }
  else if (fault == SMM_SIM_FAULT_500)
    set_html (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, html_500);
  else if (fault == SMM_SIM_FAULT_429)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "1");
      set_json (msg, 429, FALSE, g_strdup ("{\"error\":\"Spam protection, wait 1 seconds\"}"));
      soup_server_message_set_status (msg, 429, "Too Many Requests");
    }
  else if (fault == SMM_SIM_FAULT_REDIRECT)
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://example.invalid/api/v2");
  else
    {
      char *json;

      if (body_too_big)
        json = g_strdup ("{\"error\":\"Incorrect request\"}");
      else
        {
          g_mutex_lock (&self->mutex);
          json = smm_sim_json_frame (self, smm_sim_handle_request_locked (self, fields));
          g_mutex_unlock (&self->mutex);
        }

      if (fault == SMM_SIM_FAULT_DROP_AFTER_ADD && g_strcmp0 (action, "add") == 0)
        {
          g_autoptr(GIOStream) stream = NULL;

          g_free (json);
          g_mutex_lock (&self->mutex);
          self->n_dropped++;
          g_mutex_unlock (&self->mutex);

          g_debug ("request #%u: dropping the connection after add", n);
          stream = soup_server_message_steal_connection (msg);
          if (stream != NULL)
            g_io_stream_close (stream, NULL, NULL);
          return;
        }

      if (fault == SMM_SIM_FAULT_TRUNCATE)
        json[strlen (json) / 2] = '\0';
      if (fault == SMM_SIM_FAULT_SLOW)
        delay_ms += slow_ms;

      set_json (msg, SOUP_STATUS_OK, as_html, json);
    }

  if (delay_ms > 0)
    reply_later (self, msg, delay_ms);
}

gboolean
smm_sim_server_listen (SmmSim   *self,
                       guint16   port,
                       GError  **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  GSList *listeners;
  guint real_port = port;

  server = soup_server_new ("server-header", "smm-panel-sim/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (server, NULL, server_request_cb, self, NULL);

  address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  socket_address = g_inet_socket_address_new (address, port);
  if (!soup_server_listen (server, socket_address, 0, error))
    return FALSE;

  /* Not soup_server_get_uris(): it leaks a GSocketAddress in libsoup 3.2 */
  listeners = soup_server_get_listeners (server);
  if (listeners != NULL)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (listeners->data, NULL);

      if (G_IS_INET_SOCKET_ADDRESS (local))
        real_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  g_slist_free (listeners);

  self->server = g_steal_pointer (&server);
  self->delays = g_ptr_array_new_with_free_func ((GDestroyNotify) delay_free);

  g_mutex_lock (&self->mutex);
  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/api/v2", real_port);
  g_mutex_unlock (&self->mutex);

  g_debug ("listening on %s", self->url);

  return TRUE;
}

/* On the server's thread */

void
smm_sim_server_teardown (SmmSim *self)
{
  g_clear_pointer (&self->delays, g_ptr_array_unref);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
}

gpointer
smm_sim_server_thread_func (gpointer data)
{
  SmmSim *self = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (self->context);

  ok = smm_sim_server_listen (self, self->thread_port, &error);

  g_mutex_lock (&self->mutex);
  self->thread_ready = TRUE;
  self->thread_error = g_steal_pointer (&error);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (ok)
    g_main_loop_run (self->loop);

  smm_sim_server_teardown (self);

  /* Let pending closes and finalizations run */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}
