/* smm-client.c: one panel's API v2 over HTTPS
 *
 * Every request is a POST with the key in the form body, never in the URL.
 * Reads are retried with backoff; `add` spends money and is sent once, on a
 * connection of its own, so that neither SMM Desk nor libsoup can repeat it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "smm-client.h"

#define DEFAULT_MAX_PARALLEL   6
#define DEFAULT_TIMEOUT        30
#define DEFAULT_MAX_RETRIES    3
#define DEFAULT_BASE_DELAY_MS  500
#define DEFAULT_MAX_DELAY_MS   8000
#define MAX_RETRY_AFTER_MS     30000
#define READ_CHUNK             (64 * 1024)
#define DEFAULT_DEADLINE       120  /* seconds an attempt may take in all, however slowly bytes come */

struct _SmmClient
{
  GObject      parent_instance;

  char        *endpoint;
  GUri        *uri;
  char        *key;
  SoupSession *session;
  gsize        max_body;
  guint        max_parallel;
  guint        max_retries;
  guint        base_delay_ms;
  guint        max_delay_ms;
  guint        deadline;
  guint        n_requests;
};

G_DEFINE_FINAL_TYPE (SmmClient, smm_client, G_TYPE_OBJECT)

typedef enum {
  SMM_CLIENT_REQUEST_READ,   /* safe to repeat: retried, may share a kept-alive connection */
  SMM_CLIENT_REQUEST_WRITE,  /* refill, cancel: not retried */
  SMM_CLIENT_REQUEST_ADD,    /* spends money: once, on a fresh connection, not cancellable once sent */
} SmmClientRequestKind;

typedef struct {
  char          *action;
  SmmClientRequestKind  kind;
  GBytes        *form;        /* zeroed when freed: it holds the key */
  guint          attempt;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  gint64         started;
  gboolean       maybe_sent;  /* the request's headers went out: the panel may act on it */
  /* one attempt: cancelled by its deadline, or (reads only) by the caller */
  GCancellable  *attempt_cancellable;
  GCancellable  *caller_cancellable;
  gulong         cancel_handler;
  guint          deadline_id;
  gboolean       timed_out;
} Request;

static void request_attempt (GTask *task);

/* Ends an attempt's deadline and its tie to the caller's cancellable. */
static void
attempt_end (Request *request)
{
  g_clear_handle_id (&request->deadline_id, g_source_remove);
  if (request->cancel_handler)
    g_cancellable_disconnect (request->caller_cancellable, request->cancel_handler);
  request->cancel_handler = 0;
  g_clear_object (&request->attempt_cancellable);
}

static void
request_free (Request *request)
{
  attempt_end (request);
  g_clear_object (&request->caller_cancellable);
  g_free (request->action);
  g_clear_pointer (&request->form, g_bytes_unref);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request);
}

static void
smm_client_secure_free (gpointer data)
{
  char *text = data;

  if (text)
    memset (text, 0, strlen (text));
  g_free (text);
}

static void
smm_client_finalize (GObject *object)
{
  SmmClient *self = (SmmClient *) object;

  g_clear_pointer (&self->key, smm_client_secure_free);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->uri, g_uri_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (smm_client_parent_class)->finalize (object);
}

static void
smm_client_class_init (SmmClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smm_client_finalize;
}

static void
smm_client_init (SmmClient *self)
{
  self->max_parallel = DEFAULT_MAX_PARALLEL;
  self->max_body = SMM_PARSE_MAX_BODY;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_delay_ms = DEFAULT_MAX_DELAY_MS;
  self->deadline = DEFAULT_DEADLINE;
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", SMM_USER_AGENT,
                                "timeout", DEFAULT_TIMEOUT,
                                "idle-timeout", 60,
                                "max-conns", 64,
                                "max-conns-per-host", DEFAULT_MAX_PARALLEL,
                                NULL);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  bare = g_strdup (host);
  if (bare[0] == '[')
    {
      memmove (bare, bare + 1, strlen (bare));
      if (*bare && bare[strlen (bare) - 1] == ']')
        bare[strlen (bare) - 1] = '\0';
    }
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static GUri *
parse_endpoint (const char  *endpoint,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (endpoint == NULL || *endpoint == '\0')
    {
      g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_URL,
                           _("Enter the panel’s API address, like https://panel.example/api/v2."));
      return NULL;
    }
  uri = g_uri_parse (endpoint, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_URL,
                   _("“%s” is not a web address. The API address looks like https://panel.example/api/v2."),
                   endpoint);
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL)
    {
      g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_URL,
                           _("The API address must not contain a user name, a key or other parameters: "
                             "SMM Desk sends the key separately."));
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return g_steal_pointer (&uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (host_is_loopback (g_uri_get_host (uri)))
        return g_steal_pointer (&uri);
      g_set_error_literal (error, SMM_API_ERROR, SMM_API_ERROR_INSECURE,
                           _("The address uses plain http://, which would send your API key unencrypted. "
                             "Use the panel’s https:// address."));
      return NULL;
    }
  g_set_error (error, SMM_API_ERROR, SMM_API_ERROR_INVALID_URL,
               _("“%s” is not a web address. The API address looks like https://panel.example/api/v2."),
               endpoint);
  return NULL;
}

/**
 * smm_client_check_endpoint:
 *
 * https:// anywhere; http:// only to this computer (loopback), so the key never crosses a network in clear.
 */
gboolean
smm_client_check_endpoint (const char  *endpoint,
                           GError     **error)
{
  g_autoptr(GUri) uri = parse_endpoint (endpoint, error);

  return uri != NULL;
}

SmmClient *
smm_client_new (const char  *endpoint,
                GError     **error)
{
  g_autoptr(GUri) uri = parse_endpoint (endpoint, error);
  SmmClient *self;

  if (uri == NULL)
    return NULL;
  self = g_object_new (SMM_TYPE_CLIENT, NULL);
  self->endpoint = g_strdup (endpoint);
  self->uri = g_steal_pointer (&uri);
  return self;
}

const char *
smm_client_get_endpoint (SmmClient *self)
{
  g_return_val_if_fail (SMM_IS_CLIENT (self), NULL);
  return self->endpoint;
}

void
smm_client_set_key (SmmClient  *self,
                    const char *key)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  g_clear_pointer (&self->key, smm_client_secure_free);
  self->key = g_strdup (key);
}

void
smm_client_set_max_parallel (SmmClient *self,
                             guint      max_parallel)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  self->max_parallel = CLAMP (max_parallel, 1, 16);
  g_object_set (self->session, "max-conns-per-host", self->max_parallel, NULL);
}

void
smm_client_set_timeout (SmmClient *self,
                        guint      seconds)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  soup_session_set_timeout (self->session, seconds);
}

/* The most one attempt may take in all (the timeout only bounds each read and write). */
void
smm_client_set_deadline (SmmClient *self,
                         guint      seconds)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  self->deadline = MAX (seconds, 1);
}

void
smm_client_set_max_body (SmmClient *self,
                         gsize      max_body)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  self->max_body = MIN (max_body, SMM_PARSE_MAX_BODY);
}

void
smm_client_set_retry (SmmClient *self,
                      guint      max_retries,
                      guint      base_delay_ms,
                      guint      max_delay_ms)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  self->max_retries = max_retries;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = MAX (max_delay_ms, base_delay_ms);
}

void
smm_client_set_tls_database (SmmClient    *self,
                             GTlsDatabase *database)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  soup_session_set_tls_database (self->session, database);
}

/* Returns: how many HTTP requests this client has sent, retries included */
guint
smm_client_get_request_count (SmmClient *self)
{
  g_return_val_if_fail (SMM_IS_CLIENT (self), 0);
  return self->n_requests;
}

/* ---------------------------------------------------------------------------------------------
 * One request, with its retries
 */

static void
append_field (GString    *form,
              const char *name,
              const char *value)
{
  char *escaped = g_uri_escape_string (value, NULL, FALSE);

  if (form->len)
    g_string_append_c (form, '&');
  g_string_append (form, name);
  g_string_append_c (form, '=');
  g_string_append (form, escaped);
  smm_client_secure_free (escaped);
}

static GBytes *
encode_form (SmmClient  *self,
             const char *action,
             GPtrArray  *params)
{
  gsize capacity = 3 * (self->key ? strlen (self->key) : 0) + 64;
  GString *form;
  char *text;
  gsize len;

  /* sized for the worst case up front: a growing buffer would leave copies of the key behind */
  for (guint i = 0; params && i + 1 < params->len; i += 2)
    capacity += strlen (params->pdata[i]) + 3 * strlen (params->pdata[i + 1]) + 2;
  form = g_string_sized_new (capacity);
  append_field (form, "key", self->key ? self->key : "");
  append_field (form, "action", action);
  for (guint i = 0; params && i + 1 < params->len; i += 2)
    append_field (form, params->pdata[i], params->pdata[i + 1]);
  len = form->len;
  text = g_string_free (form, FALSE);
  /* the free function gets the user data: the text itself, zeroed before it goes */
  return g_bytes_new_with_free_func (text, len, smm_client_secure_free, text);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Request *request = g_task_get_task_data (task);

  attempt_end (request);
  g_debug ("%s failed after %u attempt(s): %s", request->action, request->attempt, error->message);
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* When the request went out and no answer came, an `add` may have been carried out. */
static GError *
smm_client_outcome_unknown (GError *cause)
{
  GError *error = g_error_new (SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN,
                               _("The order was sent but no clear answer came back (%s). It may or may "
                                 "not have been placed: check the panel’s orders page before ordering again."),
                               cause->message);
  g_error_free (cause);
  return error;
}

/* Network failures in words. */
static GError *
transport_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (SMM_API_ERROR, SMM_API_ERROR_TLS,
                        _("The panel’s secure connection cannot be trusted (%s)."), error->message);
  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (SMM_API_ERROR, SMM_API_ERROR_NETWORK,
                        _("Cannot reach the panel (%s). Check the internet connection."), error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_TIMEOUT,
                                _("The panel did not answer in time."));
  return g_error_new (SMM_API_ERROR, SMM_API_ERROR_NETWORK,
                      _("The connection to the panel failed (%s)."), error->message);
}

static guint
backoff_ms (SmmClient *self,
            guint      attempt)
{
  guint64 delay = (guint64) self->base_delay_ms << MIN (attempt, 16u);

  delay = MIN (delay, self->max_delay_ms);
  /* ±20 % so that many clients do not come back in step */
  return (guint) (delay * (guint64) g_random_int_range (80, 121) / 100);
}

/* Retry-After in seconds or as an HTTP date; 0 when absent or unreadable */
static guint
retry_after_ms (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  guint64 seconds;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, 3600, &seconds, NULL))
    return (guint) MIN (seconds * 1000, MAX_RETRY_AFTER_MS);
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    if (when)
      return (guint) CLAMP (g_date_time_difference (when, now) / 1000, 0, MAX_RETRY_AFTER_MS);
  }
  return 0;
}

static gboolean
retry_cb (gpointer data)
{
  GTask *task = data;

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    request_attempt (task);
  return G_SOURCE_REMOVE;
}

/* Tries again later if the request is a read with attempts left; takes @error either way. */
static void
retry_or_fail (GTask  *task,
               GError *error,
               guint   delay_ms)
{
  Request *request = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);
  g_autoptr(GSource) source = NULL;

  if (request->kind != SMM_CLIENT_REQUEST_READ || request->attempt > self->max_retries ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      return_error (task, error);
      return;
    }

  attempt_end (request);
  if (delay_ms == 0)
    delay_ms = backoff_ms (self, request->attempt - 1);
  g_debug ("%s: %s; retrying in %u ms", request->action, error->message, delay_ms);
  g_error_free (error);

  source = g_timeout_source_new (delay_ms);
  g_source_set_callback (source, retry_cb, task, NULL);
  g_source_set_static_name (source, "[smm-client] retry");
  if (request->caller_cancellable)
    {
      /* a cancel ends the wait at once: the child wakes the retry, which sees it */
      g_autoptr(GSource) cancelled = g_cancellable_source_new (request->caller_cancellable);
      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
    }
  g_source_attach (source, g_main_context_get_thread_default ());
}

static void
fail_transport (GTask        *task,
                const GError *cause)
{
  Request *request = g_task_get_task_data (task);
  GError *error = request->timed_out && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                    ? g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_TIMEOUT, _("The panel did not answer in time."))
                    : transport_error (cause);

  /* whether the panel may have acted is told by what was written, not by the kind of error */
  if (request->kind == SMM_CLIENT_REQUEST_ADD && request->maybe_sent)
    return_error (task, smm_client_outcome_unknown (error));
  else
    retry_or_fail (task, error, 0);
}

static gboolean
body_is_html (SoupMessage *message,
              GBytes      *body)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                            NULL);
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  if (type && g_ascii_strcasecmp (type, "text/html") == 0)
    return TRUE;
  while (len && g_ascii_isspace (*data))
    data++, len--;
  return len && *data == '<';
}

static void
finish_attempt (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessage *message = request->message;
  guint status = soup_message_get_status (message);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  GError *error;

  g_debug ("%s: HTTP %u, %" G_GSIZE_FORMAT " bytes in %" G_GINT64_FORMAT " ms",
           request->action, status, g_bytes_get_size (body),
           (g_get_monotonic_time () - request->started) / 1000);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      attempt_end (request);
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  error = smm_parse_error_reply (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  if (status == 429 /* Too Many Requests */)
    {
      if (error == NULL)
        error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_RATE_LIMITED,
                                     _("The panel asks to slow down. Try again in a minute."));
      retry_or_fail (task, error, retry_after_ms (message));
      return;
    }

  if (status >= 500)
    {
      g_clear_error (&error);
      error = g_error_new (SMM_API_ERROR, SMM_API_ERROR_HTTP,
                           _("The panel has a problem on its side (HTTP %u %s). Try again later."),
                           status, soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "");
      if (request->kind == SMM_CLIENT_REQUEST_ADD)
        return_error (task, smm_client_outcome_unknown (error));
      else
        retry_or_fail (task, error, retry_after_ms (message));
      return;
    }

  if (error == NULL)
    {
      if (soup_message_headers_get_one (headers, "cf-mitigated") != NULL)
        error = g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_NOT_API,
                                     _("The panel answered with a web page, not the API: its firewall "
                                       "(Cloudflare) asks for a browser check. Ask the panel to allow API access."));
      else if (body_is_html (message, body))
        error = g_error_new (SMM_API_ERROR, SMM_API_ERROR_NOT_API,
                             _("The panel answered with a web page (HTTP %u), not the API. Check the "
                               "API address."), status);
      else
        error = g_error_new (SMM_API_ERROR, SMM_API_ERROR_HTTP,
                             _("The panel refused the request (HTTP %u %s)."),
                             status, soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "");
    }
  return_error (task, error);
}

static void
too_large (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);
  g_autofree char *limit = g_format_size (self->max_body);
  GError *error = g_error_new (SMM_API_ERROR, SMM_API_ERROR_TOO_LARGE,
                               _("The panel’s reply is larger than %s; SMM Desk stopped reading it."),
                               limit);

  g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  if (request->kind == SMM_CLIENT_REQUEST_ADD)
    return_error (task, smm_client_outcome_unknown (error));
  else
    return_error (task, error);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (chunk == NULL)
    {
      fail_transport (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      finish_attempt (task);
      return;
    }
  if (request->body->len + g_bytes_get_size (chunk) > self->max_body)
    {
      too_large (task);
      return;
    }
  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_more (task);
}

static void
read_more (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   request->attempt_cancellable, read_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  guint status;
  goffset length;

  if (stream == NULL)
    {
      fail_transport (task, error);
      return;
    }

  request->stream = g_steal_pointer (&stream);
  status = soup_message_get_status (request->message);
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (
        soup_message_get_response_headers (request->message), "Location");
      GError *redirect = g_error_new (SMM_API_ERROR, SMM_API_ERROR_REDIRECT,
                                      _("The panel’s address sends SMM Desk elsewhere (%s). SMM Desk does "
                                        "not follow, to keep your key safe: if that is the panel’s new API "
                                        "address, enter it in the account."),
                                      location ? location : _("no address given"));
      g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      return_error (task, redirect);
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (request->message));
  if (length > 0 && (guint64) length > self->max_body)
    {
      too_large (task);
      return;
    }

  request->body = g_byte_array_sized_new (length > 0 ? (guint) MIN (length, READ_CHUNK * 16) : READ_CHUNK);
  read_more (task);
}

static void
wrote_headers_cb (Request *request)
{
  request->maybe_sent = TRUE;
}

static gboolean
deadline_cb (gpointer data)
{
  Request *request = data;

  request->deadline_id = 0;
  request->timed_out = TRUE;
  g_cancellable_cancel (request->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

static void
forward_cancel_cb (GCancellable *caller,
                   GCancellable *attempt)
{
  g_cancellable_cancel (attempt);
}

static void
request_attempt (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);
  SoupMessageFlags flags = SOUP_MESSAGE_NO_REDIRECT;

  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);

  request->message = soup_message_new_from_uri (SOUP_METHOD_POST, self->uri);
  if (request->kind == SMM_CLIENT_REQUEST_READ)
    flags |= SOUP_MESSAGE_IDEMPOTENT;
  else if (request->kind == SMM_CLIENT_REQUEST_ADD)
    flags |= SOUP_MESSAGE_NEW_CONNECTION;
  soup_message_add_flags (request->message, flags);
  soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                "Accept", "application/json");
  soup_message_set_request_body_from_bytes (request->message, "application/x-www-form-urlencoded",
                                            request->form);

  request->attempt++;
  request->started = g_get_monotonic_time ();
  request->maybe_sent = FALSE;
  request->timed_out = FALSE;
  request->attempt_cancellable = g_cancellable_new ();
  if (request->kind == SMM_CLIENT_REQUEST_READ && request->caller_cancellable)
    request->cancel_handler = g_cancellable_connect (request->caller_cancellable, G_CALLBACK (forward_cancel_cb),
                                                     request->attempt_cancellable, NULL);
  request->deadline_id = g_timeout_add_seconds (self->deadline, deadline_cb, request);
  g_signal_connect_swapped (request->message, "wrote-headers", G_CALLBACK (wrote_headers_cb), request);
  self->n_requests++;
  g_debug ("%s: sending (attempt %u)", request->action, request->attempt);

  /* a write that has left cannot be called back: its answer must reach the caller */
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT, request->attempt_cancellable,
                           send_cb, task);
}

/* Sends one action; the task's result is the reply body as GBytes. */
static void
smm_client_request_send (SmmClient            *self,
                         const char           *action,
                         GPtrArray            *params,
                         SmmClientRequestKind  kind,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, smm_client_request_send);
  /* cancelling a write only stops it before it leaves (checked below) */
  g_task_set_check_cancellable (task, kind == SMM_CLIENT_REQUEST_READ);
  request->action = g_strdup (action);
  request->kind = kind;
  request->caller_cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  request->form = encode_form (self, action, params);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (self->key == NULL || *self->key == '\0')
    {
      return_error (task, g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INVALID_KEY,
                                               _("This account has no API key. Enter the key from the "
                                                 "panel’s account page.")));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  request_attempt (task);
}

static GBytes *
smm_client_request_finish (SmmClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------------------------------
 * services
 */

static void
services_parse_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GBytes *body = task_data;
  GError *error = NULL;
  guint skipped = 0;
  GPtrArray *services = smm_parse_services (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                            &skipped, &error);

  if (services == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (skipped)
    g_debug ("services: left out %u broken entries", skipped);
  g_task_return_pointer (task, services, (GDestroyNotify) g_ptr_array_unref);
}

static void
services_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  GBytes *body = smm_client_request_finish (SMM_CLIENT (object), result, &error);

  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* a big catalogue takes a while to read: never on the caller's (UI) thread */
  g_task_set_task_data (task, body, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, services_parse_thread);
}

void
smm_client_services_async (SmmClient           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SMM_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_client_services_async);
  smm_client_request_send (self, "services", NULL, SMM_CLIENT_REQUEST_READ, cancellable,
                           services_sent_cb, task);
}

/**
 * smm_client_services_finish:
 *
 * Returns: (transfer container) (element-type SmmService): the catalogue
 */
GPtrArray *
smm_client_services_finish (SmmClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------------------------------
 * add
 */

static void
add_sent_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autoptr(GBytes) body = smm_client_request_finish (SMM_CLIENT (object), result, &error);
  gint64 order_id = 0;

  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!smm_parse_add (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &order_id, &error))
    {
      /* an answer that is not the API's says nothing about whether the order exists */
      if (error->domain == SMM_API_ERROR &&
          (error->code == SMM_API_ERROR_NOT_API || error->code == SMM_API_ERROR_MALFORMED ||
           error->code == SMM_API_ERROR_UNEXPECTED || error->code == SMM_API_ERROR_TOO_LARGE))
        error = smm_client_outcome_unknown (error);
      g_task_return_error (task, error);
      return;
    }
  g_debug ("add: order %" G_GINT64_FORMAT " placed", order_id);
  g_task_return_int (task, order_id);
}

/**
 * smm_client_add_async:
 * @request: the order; checked first, and nothing is sent when it is not valid
 *
 * Sends `add` exactly once. It cannot be cancelled once it has left: its
 * outcome must always reach the caller so the order is recorded.
 */
void
smm_client_add_async (SmmClient           *self,
                      SmmOrderRequest     *request,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GPtrArray) form = NULL;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (SMM_IS_CLIENT (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_client_add_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!smm_order_request_validate (request, NULL, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  form = smm_order_request_to_form (request);
  smm_client_request_send (self, "add", form, SMM_CLIENT_REQUEST_ADD, cancellable, add_sent_cb, task);
}

/**
 * smm_client_add_finish:
 *
 * Returns: the panel's id of the new order, or 0 with @error set:
 * %SMM_API_ERROR_OUTCOME_UNKNOWN when it may have been placed all the same
 */
gint64
smm_client_add_finish (SmmClient     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  gssize order_id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  order_id = g_task_propagate_int (G_TASK (result), error);
  return order_id > 0 ? order_id : 0;
}

/* ---------------------------------------------------------------------------------------------
 * Batches: 100 ids a request, a few requests at a time
 */

typedef GPtrArray *(*SmmClientBatchParse) (const char   *data,
                                           gsize         length,
                                           const gint64 *ids,
                                           guint         n_ids,
                                           GError      **error);
typedef gpointer (*SmmClientBatchFailedItem) (gint64        id,
                                              const GError *error);

typedef struct {
  const char               *action;
  const char               *ids_field;
  SmmClientRequestKind      kind;
  SmmClientBatchParse       parse;
  SmmClientBatchFailedItem  failed_item;
  GDestroyNotify            item_free;
} SmmClientBatchKind;

typedef struct {
  const SmmClientBatchKind  *kind;
  GArray                    *ids;
  GPtrArray                **chunk_results;
  guint                      n_chunks;
  guint                      next_chunk;
  guint                      in_flight;
  guint                      n_failed;
  GError                    *first_error;
} Batch;

typedef struct {
  GTask *task;
  guint  chunk;
} ChunkCall;

static void
batch_free (Batch *batch)
{
  for (guint i = 0; i < batch->n_chunks; i++)
    g_clear_pointer (&batch->chunk_results[i], g_ptr_array_unref);
  g_free (batch->chunk_results);
  g_array_unref (batch->ids);
  g_clear_error (&batch->first_error);
  g_free (batch);
}

static void batch_launch (GTask *task);

static void
batch_complete (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);
  GPtrArray *all;

  if (batch->n_failed == batch->n_chunks && batch->n_chunks > 0)
    {
      g_task_return_error (task, g_steal_pointer (&batch->first_error));
      g_object_unref (task);
      return;
    }

  all = g_ptr_array_new_with_free_func (batch->kind->item_free);
  for (guint i = 0; i < batch->n_chunks; i++)
    if (batch->chunk_results[i])
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&batch->chunk_results[i]));
  g_task_return_pointer (task, all, (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
chunk_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  ChunkCall *call = data;
  GTask *task = call->task;
  Batch *batch = g_task_get_task_data (task);
  guint chunk = call->chunk;
  const gint64 *ids = &g_array_index (batch->ids, gint64, chunk * SMM_BATCH_SIZE);
  guint n_ids = MIN (SMM_BATCH_SIZE, batch->ids->len - chunk * SMM_BATCH_SIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = smm_client_request_finish (SMM_CLIENT (object), result, &error);
  GPtrArray *items = NULL;

  g_free (call);
  batch->in_flight--;

  if (body != NULL)
    items = batch->kind->parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), ids, n_ids, &error);

  if (items == NULL)
    {
      /* the whole chunk failed: each of its ids carries the reason */
      batch->n_failed++;
      items = g_ptr_array_new_with_free_func (batch->kind->item_free);
      for (guint i = 0; i < n_ids; i++)
        g_ptr_array_add (items, batch->kind->failed_item (ids[i], error));
      if (batch->first_error == NULL)
        batch->first_error = g_steal_pointer (&error);
    }
  batch->chunk_results[chunk] = items;

  if (batch->next_chunk < batch->n_chunks && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    batch_launch (task);
  else if (batch->in_flight == 0)
    {
      if (batch->kind->kind == SMM_CLIENT_REQUEST_READ && g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          return;
        }
      /* a cancelled write: what was sent is answered, the rest was never sent */
      for (guint c = 0; c < batch->n_chunks; c++)
        {
          g_autoptr(GError) cancelled = NULL;
          guint first = c * SMM_BATCH_SIZE;

          if (batch->chunk_results[c])
            continue;
          cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Not sent: cancelled"));
          batch->chunk_results[c] = g_ptr_array_new_with_free_func (batch->kind->item_free);
          for (guint i = first; i < MIN (first + SMM_BATCH_SIZE, batch->ids->len); i++)
            g_ptr_array_add (batch->chunk_results[c],
                             batch->kind->failed_item (g_array_index (batch->ids, gint64, i), cancelled));
        }
      batch_complete (task);
    }
}

static void
batch_launch (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);

  while (batch->in_flight < self->max_parallel && batch->next_chunk < batch->n_chunks)
    {
      guint chunk = batch->next_chunk++;
      guint first = chunk * SMM_BATCH_SIZE;
      guint n_ids = MIN (SMM_BATCH_SIZE, batch->ids->len - first);
      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
      GString *joined = g_string_new (NULL);
      ChunkCall *call = g_new0 (ChunkCall, 1);

      for (guint i = 0; i < n_ids; i++)
        g_string_append_printf (joined, "%s%" G_GINT64_FORMAT, i ? "," : "",
                                g_array_index (batch->ids, gint64, first + i));
      g_ptr_array_add (params, g_strdup (batch->kind->ids_field));
      g_ptr_array_add (params, g_string_free (joined, FALSE));

      call->task = task;
      call->chunk = chunk;
      batch->in_flight++;
      smm_client_request_send (self, batch->kind->action, params, batch->kind->kind,
                               g_task_get_cancellable (task), chunk_cb, call);
    }
}

static void
smm_client_batch_start (SmmClient                *self,
                        const SmmClientBatchKind *kind,
                        gpointer                  source_tag,
                        const gint64             *ids,
                        guint                     n_ids,
                        GCancellable             *cancellable,
                        GAsyncReadyCallback       callback,
                        gpointer                  user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Batch *batch = g_new0 (Batch, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, kind->kind == SMM_CLIENT_REQUEST_READ);
  batch->kind = kind;
  batch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      if (ids[i] <= 0 || g_hash_table_contains (seen, &ids[i]))
        continue;
      g_hash_table_add (seen, (gpointer) &ids[i]);
      g_array_append_val (batch->ids, ids[i]);
    }
  batch->n_chunks = (batch->ids->len + SMM_BATCH_SIZE - 1) / SMM_BATCH_SIZE;
  batch->chunk_results = g_new0 (GPtrArray *, MAX (batch->n_chunks, 1));
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);

  if (batch->n_chunks == 0)
    {
      batch_complete (task);
      return;
    }
  batch_launch (task);
}

static GPtrArray *
smm_client_batch_finish (SmmClient     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
failed_order (gint64        id,
              const GError *error)
{
  SmmOrder *order = smm_order_new (id);

  smm_order_set_error (order, error);
  return order;
}

static gpointer
failed_refill (gint64        order_id,
               const GError *error)
{
  SmmRefill *refill = smm_refill_new (0, order_id);

  smm_refill_set_error (refill, error);
  return refill;
}

static gpointer
failed_refill_status (gint64        refill_id,
                      const GError *error)
{
  SmmRefill *refill = smm_refill_new (refill_id, 0);

  smm_refill_set_error (refill, error);
  return refill;
}

static gpointer
failed_cancel (gint64        order_id,
               const GError *error)
{
  SmmCancelResult *result = g_new0 (SmmCancelResult, 1);

  result->order_id = order_id;
  result->error = g_error_copy (error);
  return result;
}

static const SmmClientBatchKind status_kind = {
  "status", "orders", SMM_CLIENT_REQUEST_READ, smm_parse_status_batch, failed_order, g_object_unref,
};
static const SmmClientBatchKind refill_kind = {
  "refill", "orders", SMM_CLIENT_REQUEST_WRITE, smm_parse_refill_batch, failed_refill, g_object_unref,
};
static const SmmClientBatchKind refill_status_kind = {
  "refill_status", "refills", SMM_CLIENT_REQUEST_READ, smm_parse_refill_status_batch, failed_refill_status,
  g_object_unref,
};
static const SmmClientBatchKind cancel_kind = {
  "cancel", "orders", SMM_CLIENT_REQUEST_WRITE, smm_parse_cancel_batch, failed_cancel,
  (GDestroyNotify) smm_cancel_result_free,
};

/**
 * smm_client_status_async:
 * @order_ids: (array length=n_ids): any number of ids; sent 100 a request
 *
 * When some requests fail and others succeed, the ids of the failed ones come
 * back as orders carrying the error; when all fail, the call fails.
 */
void
smm_client_status_async (SmmClient           *self,
                         const gint64        *order_ids,
                         guint                n_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  smm_client_batch_start (self, &status_kind, smm_client_status_async, order_ids, n_ids, cancellable,
                          callback, user_data);
}

/* Returns: (transfer container) (element-type SmmOrder) */
GPtrArray *
smm_client_status_finish (SmmClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return smm_client_batch_finish (self, result, error);
}

void
smm_client_refill_async (SmmClient           *self,
                         const gint64        *order_ids,
                         guint                n_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  smm_client_batch_start (self, &refill_kind, smm_client_refill_async, order_ids, n_ids, cancellable,
                          callback, user_data);
}

/* Returns: (transfer container) (element-type SmmRefill): per order, the new refill or the error */
GPtrArray *
smm_client_refill_finish (SmmClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return smm_client_batch_finish (self, result, error);
}

void
smm_client_refill_status_async (SmmClient           *self,
                                const gint64        *refill_ids,
                                guint                n_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  smm_client_batch_start (self, &refill_status_kind, smm_client_refill_status_async, refill_ids, n_ids,
                          cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SmmRefill) */
GPtrArray *
smm_client_refill_status_finish (SmmClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return smm_client_batch_finish (self, result, error);
}

void
smm_client_cancel_async (SmmClient           *self,
                         const gint64        *order_ids,
                         guint                n_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  smm_client_batch_start (self, &cancel_kind, smm_client_cancel_async, order_ids, n_ids, cancellable,
                          callback, user_data);
}

/* Returns: (transfer container) (element-type SmmCancelResult) */
GPtrArray *
smm_client_cancel_finish (SmmClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return smm_client_batch_finish (self, result, error);
}

/* ---------------------------------------------------------------------------------------------
 * balance
 */

typedef struct {
  SmmMoney  balance;
  char     *currency;
} Balance;

static void
balance_free (Balance *balance)
{
  g_free (balance->currency);
  g_free (balance);
}

static void
balance_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autoptr(GBytes) body = smm_client_request_finish (SMM_CLIENT (object), result, &error);
  Balance *balance;

  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  balance = g_new0 (Balance, 1);
  if (!smm_parse_balance (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                          &balance->balance, &balance->currency, &error))
    {
      balance_free (balance);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, balance, (GDestroyNotify) balance_free);
}

void
smm_client_balance_async (SmmClient           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SMM_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_client_balance_async);
  smm_client_request_send (self, "balance", NULL, SMM_CLIENT_REQUEST_READ, cancellable,
                           balance_sent_cb, task);
}

/**
 * smm_client_balance_finish:
 * @currency: (out) (optional) (transfer full) (nullable): the panel's currency, if it said
 */
gboolean
smm_client_balance_finish (SmmClient     *self,
                           GAsyncResult  *result,
                           SmmMoney      *balance,
                           char         **currency,
                           GError       **error)
{
  Balance *value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;
  if (balance)
    *balance = value->balance;
  if (currency)
    *currency = g_steal_pointer (&value->currency);
  balance_free (value);
  return TRUE;
}
