/* smm-client.c: one panel's API v2 over HTTPS: the object and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "smm-client-private.h"
#include "smm-secrets.h"

#define DEFAULT_MAX_PARALLEL   6
#define DEFAULT_TIMEOUT        30
#define DEFAULT_MAX_RETRIES    3
#define DEFAULT_BASE_DELAY_MS  500
#define DEFAULT_MAX_DELAY_MS   8000
#define DEFAULT_DEADLINE       120  /* seconds an attempt may take in all, however slowly bytes come */
#define DEFAULT_READ_DEADLINE  60   /* seconds a whole read may take, retries and backoff included */

G_DEFINE_FINAL_TYPE (SmmClient, smm_client, G_TYPE_OBJECT)

static void
smm_client_finalize (GObject *object)
{
  SmmClient *self = (SmmClient *) object;

  g_clear_pointer (&self->key, smm_secrets_free_key);
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
  self->read_deadline = DEFAULT_READ_DEADLINE;
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
  /* this computer is never reached through a proxy: plain http:// is allowed to loopback only
   * because it never leaves the machine, and a proxy would get the key in clear */
  self->direct = host_is_loopback (g_uri_get_host (uri));
  if (self->direct)
    soup_session_set_proxy_resolver (self->session, NULL);
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
  g_clear_pointer (&self->key, smm_secrets_free_key);
  /* non-pageable, and wiped when freed */
  self->key = smm_secrets_dup_key (key);
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

/**
 * smm_client_set_read_deadline:
 * @seconds: the most a call other than `add` may take, from its start to its answer:
 *   every attempt, and every wait between attempts, included (60 by default)
 *
 * A panel that trickles its answer a byte at a time is given up on after this, with an
 * error that says how long SMM Desk waited. `add` keeps its own: it is sent once, and
 * its one attempt has the deadline of smm_client_set_deadline().
 */
void
smm_client_set_read_deadline (SmmClient *self,
                              guint      seconds)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  self->read_deadline = MAX (seconds, 1);
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

/**
 * smm_client_set_proxy_resolver:
 * @resolver: (nullable): the proxies to use; %NULL: none
 *
 * Replaces the system's proxy settings (for tests, and for a user's own). A panel on this
 * computer (loopback) is reached directly whatever is set.
 */
void
smm_client_set_proxy_resolver (SmmClient      *self,
                               GProxyResolver *resolver)
{
  g_return_if_fail (SMM_IS_CLIENT (self));
  if (!self->direct)
    soup_session_set_proxy_resolver (self->session, resolver);
}

/* Returns: how many HTTP requests this client has sent, retries included */
guint
smm_client_get_request_count (SmmClient *self)
{
  g_return_val_if_fail (SMM_IS_CLIENT (self), 0);
  return self->n_requests;
}

/* ---------------------------------------------------------------------------------------------
 * services
 */

/* The catalogue, with what its listings left out */
typedef struct {
  GPtrArray         *services;
  SmmServicesReport  report;
} ServicesResult;

static void
services_result_free (ServicesResult *result)
{
  g_clear_pointer (&result->services, g_ptr_array_unref);
  smm_services_report_clear (&result->report);
  g_free (result);
}

static void
services_parse_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GBytes *body = task_data;
  GError *error = NULL;
  ServicesResult *result = g_new0 (ServicesResult, 1);

  result->services = smm_parse_services_full (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                              &result->report, &error);
  if (result->services == NULL)
    {
      services_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  if (result->report.n_skipped)
    g_debug ("services: left out %u broken entries", result->report.n_skipped);
  g_task_return_pointer (task, result, (GDestroyNotify) services_result_free);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SMM_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_client_services_async);
  smm_client_request_send (self, "services", NULL, SMM_CLIENT_REQUEST_READ, cancellable,
                           services_sent_cb, g_steal_pointer (&task));
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
  return smm_client_services_finish_full (self, result, NULL, error);
}

/**
 * smm_client_services_finish_full:
 * @report: (out caller-allocates) (optional): what the listings left out: broken ones,
 *   repeats, and the ids listed at two rates (left out: see smm_parse_services_full());
 *   clear it with smm_services_report_clear()
 *
 * Returns: (transfer container) (element-type SmmService): the catalogue
 */
GPtrArray *
smm_client_services_finish_full (SmmClient          *self,
                                 GAsyncResult       *result,
                                 SmmServicesReport  *report,
                                 GError            **error)
{
  ServicesResult *parsed;
  GPtrArray *services;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (report)
    *report = (SmmServicesReport) { 0, 0, 0, NULL };
  parsed = g_task_propagate_pointer (G_TASK (result), error);
  if (parsed == NULL)
    return NULL;
  services = g_steal_pointer (&parsed->services);
  if (report)
    *report = parsed->report, parsed->report.ambiguous = NULL;
  services_result_free (parsed);
  return services;
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
      smm_api_error_set_quantity_asked (error, GPOINTER_TO_SIZE (g_task_get_task_data (task)));
      g_task_return_error (task, error);
      return;
    }
  if (!smm_parse_add (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &order_id, &error))
    {
      smm_api_error_set_quantity_asked (error, GPOINTER_TO_SIZE (g_task_get_task_data (task)));
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SMM_IS_CLIENT (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_client_add_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!smm_order_request_validate (request, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* the quantity sent tells which bound a "must be at least 10 and maximum 1500" crossed */
  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) MAX (smm_order_request_get_quantity (request), 0)), NULL);
  form = smm_order_request_to_form (request);
  smm_client_request_send (self, "add", form, SMM_CLIENT_REQUEST_ADD, cancellable, add_sent_cb,
                           g_steal_pointer (&task));
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

static const SmmClientBatchKind status_kind = {
  "status", "orders", SMM_CLIENT_REQUEST_READ, smm_parse_status_batch, smm_parse_failed_order, g_object_unref,
};
static const SmmClientBatchKind refill_kind = {
  "refill", "orders", SMM_CLIENT_REQUEST_WRITE, smm_parse_refill_batch, smm_parse_failed_refill, g_object_unref,
};
static const SmmClientBatchKind refill_status_kind = {
  "refill_status", "refills", SMM_CLIENT_REQUEST_READ, smm_parse_refill_status_batch,
  smm_parse_failed_refill_status,
  g_object_unref,
};
static const SmmClientBatchKind cancel_kind = {
  "cancel", "orders", SMM_CLIENT_REQUEST_WRITE, smm_parse_cancel_batch, smm_parse_failed_cancel,
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
  smm_client_batch_start (self, &status_kind, smm_client_status_async, order_ids, n_ids, NULL, NULL,
                          cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SmmOrder) */
GPtrArray *
smm_client_status_finish (SmmClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return smm_client_batch_finish (self, result, smm_client_status_async, error);
}

/**
 * smm_client_status_each_async:
 * @order_ids: (array length=n_ids): any number of ids; repeats and ids that are
 *   not positive are left out, the rest sent 100 a request, a few requests at a time
 * @each: (closure each_data): called once for each batch, in the order the replies
 *   arrive (which need not be the order of @order_ids), on the main context that
 *   was the thread default when this was called
 *
 * Asks for the status of @order_ids and hands each batch's orders to @each as
 * soon as its reply arrives, so that they can be written before the others come.
 * A batch that failed as a whole (the panel did not answer, or not with the API)
 * is reported with its error and its ids; the other batches still arrive.
 *
 * @callback comes last, after every batch has been reported. When @cancellable is
 * cancelled, a batch in flight is reported with %G_IO_ERROR_CANCELLED, the batches
 * not sent yet are not reported at all, and the finish fails with %G_IO_ERROR_CANCELLED.
 */
void
smm_client_status_each_async (SmmClient           *self,
                              const gint64        *order_ids,
                              guint                n_ids,
                              SmmClientBatchFunc   each,
                              gpointer             each_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (each != NULL);
  smm_client_batch_start (self, &status_kind, smm_client_status_each_async, order_ids, n_ids,
                          each, each_data, cancellable, callback, user_data);
}

/* Returns: %TRUE once every batch has been reported, even those that failed; %FALSE when cancelled */
gboolean
smm_client_status_each_finish (SmmClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return smm_client_batch_each_finish (self, result, smm_client_status_each_async, error);
}

void
smm_client_refill_async (SmmClient           *self,
                         const gint64        *order_ids,
                         guint                n_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  smm_client_batch_start (self, &refill_kind, smm_client_refill_async, order_ids, n_ids, NULL, NULL,
                          cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SmmRefill): per order, the new refill or the error */
GPtrArray *
smm_client_refill_finish (SmmClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return smm_client_batch_finish (self, result, smm_client_refill_async, error);
}

void
smm_client_refill_status_async (SmmClient           *self,
                                const gint64        *refill_ids,
                                guint                n_ids,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  smm_client_batch_start (self, &refill_status_kind, smm_client_refill_status_async, refill_ids, n_ids,
                          NULL, NULL, cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SmmRefill) */
GPtrArray *
smm_client_refill_status_finish (SmmClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return smm_client_batch_finish (self, result, smm_client_refill_status_async, error);
}

/**
 * smm_client_refill_status_each_async:
 * @refill_ids: (array length=n_ids): any number of refill ids, sent 100 a request
 * @each: (closure each_data): called once for each batch with its #SmmRefill items
 *
 * smm_client_status_each_async() for refills: the same order of batches, the
 * same reports of failed batches, the same finish.
 */
void
smm_client_refill_status_each_async (SmmClient           *self,
                                     const gint64        *refill_ids,
                                     guint                n_ids,
                                     SmmClientBatchFunc   each,
                                     gpointer             each_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (each != NULL);
  smm_client_batch_start (self, &refill_status_kind, smm_client_refill_status_each_async, refill_ids, n_ids,
                          each, each_data, cancellable, callback, user_data);
}

gboolean
smm_client_refill_status_each_finish (SmmClient     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return smm_client_batch_each_finish (self, result, smm_client_refill_status_each_async, error);
}

void
smm_client_cancel_async (SmmClient           *self,
                         const gint64        *order_ids,
                         guint                n_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  smm_client_batch_start (self, &cancel_kind, smm_client_cancel_async, order_ids, n_ids, NULL, NULL,
                          cancellable, callback, user_data);
}

/* Returns: (transfer container) (element-type SmmCancelResult) */
GPtrArray *
smm_client_cancel_finish (SmmClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return smm_client_batch_finish (self, result, smm_client_cancel_async, error);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SMM_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smm_client_balance_async);
  smm_client_request_send (self, "balance", NULL, SMM_CLIENT_REQUEST_READ, cancellable,
                           balance_sent_cb, g_steal_pointer (&task));
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
