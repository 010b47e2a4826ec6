/* smm-client-request.c: one request: its attempts, retries with backoff, deadlines, body limits, the reply
 *
 * Every request is a POST with the key in the form body, never in the URL.
 * Reads are retried with backoff; `add` spends money and is sent once, on a
 * connection of its own, so that neither SMM Desk nor libsoup can repeat it.
 *
 * Every call but `add` has one deadline for the whole of it (the client's read
 * deadline): a panel that trickles a byte every few seconds, or fails and asks
 * for a long wait, is given up on then, and no retry starts that could not end
 * before it. `add` has its one attempt's deadline only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "smm-client-private.h"

#define MAX_RETRY_AFTER_MS     30000
#define READ_CHUNK             (64 * 1024)

typedef struct {
  char                 *action;
  SmmClientRequestKind  kind;
  GBytes               *form;        /* wiped when the call ends: it holds the key */
  guint                 attempt;
  SoupMessage          *message;
  GInputStream         *stream;
  GByteArray           *body;
  gint64                started;
  gint64                call_end;    /* monotonic time the whole call must end by; 0: `add`, its attempt's only */
  gboolean              at_call_end; /* this attempt's deadline is the call's */
  gboolean              maybe_sent;  /* the request's headers went out: the panel may act on it */
  /* one attempt: cancelled by its deadline, or (reads only) by the caller */
  GCancellable         *attempt_cancellable;
  GCancellable         *caller_cancellable;
  gulong                cancel_handler;
  guint                 deadline_id;
  gboolean              timed_out;
} Request;

/* The task's one reference travels with the request: a function whose task is
 * (transfer full) hands it on to the next step with g_steal_pointer() or drops
 * it with its g_autoptr; the others only borrow it. */
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
  /* libsoup may hold the form a while longer, but nothing will send it again: the bytes are ours */
  if (request->form)
    memset ((gpointer) g_bytes_get_data (request->form, NULL), 0, g_bytes_get_size (request->form));
  g_clear_pointer (&request->form, g_bytes_unref);
  g_clear_object (&request->message);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request);
}

/* escaped straight into @form: a string of its own would be one more copy of the key */
static void
append_field (GString    *form,
              const char *name,
              const char *value)
{
  if (form->len)
    g_string_append_c (form, '&');
  g_string_append (form, name);
  g_string_append_c (form, '=');
  g_string_append_uri_escaped (form, value, NULL, FALSE);
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
  /* wiped by request_free(), when the call ends */
  return g_bytes_new_take (text, len);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Request *request = g_task_get_task_data (task);

  attempt_end (request);
  g_debug ("%s failed after %u attempt(s): %s", request->action, request->attempt, error->message);
  g_task_return_error (task, error);
}

/* When the request went out and no answer came, an `add` may have been carried out. */
GError *
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

/* The call's deadline passed: the user is told how long SMM Desk waited. */
static GError *
call_deadline_error (SmmClient *self)
{
  return g_error_new (SMM_API_ERROR, SMM_API_ERROR_TIMEOUT,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The panel did not answer within %u second. Try again later.",
                                   "The panel did not answer within %u seconds. Try again later.",
                                   self->read_deadline),
                      self->read_deadline);
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
  g_autoptr(GTask) task = data;

  if (!g_task_return_error_if_cancelled (task))
    request_attempt (g_steal_pointer (&task));
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

  if (delay_ms == 0)
    delay_ms = backoff_ms (self, request->attempt - 1);
  /* a retry that could not end before the call's deadline is not waited for */
  if (request->call_end && g_get_monotonic_time () + (gint64) delay_ms * 1000 >= request->call_end)
    {
      if (g_error_matches (error, SMM_API_ERROR, SMM_API_ERROR_TIMEOUT))
        {
          g_error_free (error);
          error = call_deadline_error (self);
        }
      return_error (task, error);
      return;
    }

  attempt_end (request);
  g_debug ("%s: %s; retrying in %u ms", request->action, error->message, delay_ms);
  g_error_free (error);

  source = g_timeout_source_new (delay_ms);
  g_source_set_callback (source, retry_cb, g_object_ref (task), NULL);
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
  gboolean timed_out = request->timed_out && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  GError *error;

  if (timed_out && request->at_call_end)
    {
      return_error (task, call_deadline_error (g_task_get_source_object (task)));
      return;
    }
  error = timed_out ? g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_TIMEOUT, _("The panel did not answer in time."))
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

static GError *
redirect_error (SoupMessage *message)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Location");

  return g_error_new (SMM_API_ERROR, SMM_API_ERROR_REDIRECT,
                      _("The panel’s address sends SMM Desk elsewhere (%s). SMM Desk does "
                        "not follow, to keep your key safe: if that is the panel’s new API "
                        "address, enter it in the account."),
                      location ? location : _("no address given"));
}

/* An `add` answered with an HTTP error or a redirect: money may have been spent all the
 * same. A body that names the order says it was placed (the caller reads the id); the
 * panel's own error is a clear no; a firewall's challenge was stopped before the panel;
 * anything else leaves the outcome unknown. Returns: %FALSE to read the reply as any other. */
static gboolean
finish_add_attempt (GTask  *task,
                    guint   status,
                    GBytes *body)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  const char *data = g_bytes_get_data (body, NULL);
  gsize length = g_bytes_get_size (body);
  GError *panel_error;
  gint64 order_id;

  if (smm_parse_add (data, length, &order_id, NULL))
    {
      g_debug ("add: HTTP %u, but the reply names order %" G_GINT64_FORMAT ": placed", status, order_id);
      attempt_end (request);
      g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
      return TRUE;
    }
  if (status >= 500 || status == 429 || soup_message_headers_get_one (headers, "cf-mitigated") != NULL)
    return FALSE;
  /* a redirect's body is not the panel's answer */
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      return_error (task, smm_client_outcome_unknown (redirect_error (request->message)));
      return TRUE;
    }
  panel_error = smm_parse_error_reply (data, length);
  if (panel_error != NULL)
    {
      return_error (task, panel_error);
      return TRUE;
    }
  return_error (task, smm_client_outcome_unknown (
                        g_error_new (SMM_API_ERROR, SMM_API_ERROR_HTTP, _("HTTP %u %s"), status,
                                     soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "")));
  return TRUE;
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
      return;
    }

  if (request->kind == SMM_CLIENT_REQUEST_ADD && finish_add_attempt (task, status, body))
    return;

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

static void read_more (GTask *task);  /* (transfer full) */

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
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
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)  /* (transfer full) */
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
  g_autoptr(GTask) task = data;
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
  /* an `add` redirected may have been carried out: its body is read for an order id */
  if (SOUP_STATUS_IS_REDIRECTION (status) && request->kind != SMM_CLIENT_REQUEST_ADD)
    {
      GError *redirect = redirect_error (request->message);

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
  read_more (g_steal_pointer (&task));
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
request_attempt (GTask *task)  /* (transfer full) */
{
  Request *request = g_task_get_task_data (task);
  SmmClient *self = g_task_get_source_object (task);
  SoupMessageFlags flags = SOUP_MESSAGE_NO_REDIRECT;
  gint64 deadline_ms = (gint64) self->deadline * 1000;

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
  request->at_call_end = request->call_end && request->call_end - request->started <= deadline_ms * 1000;
  if (request->at_call_end)
    deadline_ms = MAX ((request->call_end - request->started) / 1000, 1);
  if (request->kind == SMM_CLIENT_REQUEST_READ && request->caller_cancellable)
    request->cancel_handler = g_cancellable_connect (request->caller_cancellable, G_CALLBACK (forward_cancel_cb),
                                                     request->attempt_cancellable, NULL);
  request->deadline_id = g_timeout_add ((guint) deadline_ms, deadline_cb, request);
  g_signal_connect_swapped (request->message, "wrote-headers", G_CALLBACK (wrote_headers_cb), request);
  self->n_requests++;
  g_debug ("%s: sending (attempt %u)", request->action, request->attempt);

  /* a write that has left cannot be called back: its answer must reach the caller */
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT, request->attempt_cancellable,
                           send_cb, task);
}

/* Sends one action; the task's result is the reply body as GBytes. */
void
smm_client_request_send (SmmClient            *self,
                         const char           *action,
                         GPtrArray            *params,
                         SmmClientRequestKind  kind,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, smm_client_request_send);
  /* cancelling a write only stops it before it leaves (checked below) */
  g_task_set_check_cancellable (task, kind == SMM_CLIENT_REQUEST_READ);
  request->action = g_strdup (action);
  request->kind = kind;
  request->caller_cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  request->form = encode_form (self, action, params);
  if (kind != SMM_CLIENT_REQUEST_ADD)
    request->call_end = g_get_monotonic_time () + (gint64) self->read_deadline * G_USEC_PER_SEC;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (self->key == NULL || *self->key == '\0')
    {
      return_error (task, g_error_new_literal (SMM_API_ERROR, SMM_API_ERROR_INVALID_KEY,
                                               _("This account has no API key. Enter the key from the "
                                                 "panel’s account page.")));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  request_attempt (g_steal_pointer (&task));
}

GBytes *
smm_client_request_finish (SmmClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == smm_client_request_send, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
