/* test-client-add.c: the client against a panel that answers one canned reply: `add` answered
 * with notices, redirects and HTTP errors, batches with ids left out or not asked, and no proxy
 * between the client and a panel on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "smm-client.h"
#include "smm-test-fixture.h"

#define SECRET_KEY "canned-key"

/* What the canned panel answers to every request */
typedef struct {
  guint       status;
  const char *content_type;
  const char *body;
  const char *location;
  guint       n_requests;
} Reply;

typedef struct {
  SoupServer *server;
  SmmClient  *client;
  Reply       reply;
} Fixture;

static void
canned_handler (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           data)
{
  Reply *reply = data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  reply->n_requests++;
  if (reply->location)
    soup_message_headers_replace (headers, "Location", reply->location);
  soup_server_message_set_status (message, reply->status, NULL);
  soup_server_message_set_response (message, reply->content_type, SOUP_MEMORY_COPY,
                                    reply->body, strlen (reply->body));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, canned_handler, &f->reply, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  url = g_strdup_printf ("http://127.0.0.1:%d/api/v2", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->client = smm_client_new (url, &error);
  g_assert_no_error (error);
  smm_client_set_key (f->client, SECRET_KEY);
  smm_client_set_retry (f->client, 0, 10, 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  smm_test_drain_main_context ();
  g_clear_object (&f->server);
}

static void
answer (Fixture    *f,
        guint       status,
        const char *content_type,
        const char *body,
        const char *location)
{
  f->reply = (Reply) { status, content_type, body, location, 0 };
}

static gint64
add (Fixture     *f,
     const char  *quantity,
     GError     **error)
{
  g_autoptr(SmmOrderRequest) request = smm_order_request_new (1, SMM_SERVICE_TYPE_DEFAULT);
  g_autoptr(GAsyncResult) result = NULL;
  gint64 id;

  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/nasa");
  smm_order_request_set (request, SMM_FIELD_QUANTITY, quantity);
  smm_client_add_async (f->client, request, NULL, smm_test_result_cb, &result);
  id = smm_client_add_finish (f->client, smm_test_wait_result (&result), error);
  /* add is sent once, whatever came back */
  g_assert_cmpuint (f->reply.n_requests, ==, 1);
  return id;
}

/* ------------------------------------------------------------------ add */

/* An order id in the body says the order exists, whatever the HTTP status or the preamble. */
static void
test_add_placed (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    guint       status;
    const char *content_type;
    const char *body;
    const char *location;
  } cases[] = {
    { 200, "text/html; charset=UTF-8",
      "<br />\n<b>Deprecated</b>:  Creation of dynamic property in <b>/var/www/api.php</b> on line "
      "<b>12</b><br />\n{\"order\":23501}", NULL },
    { 302, "text/html; charset=UTF-8", "{\"order\":23501}", "https://panel.example/orders" },
    { 403, "application/json", "{\"order\": 23501}", NULL },
    { 404, "text/html", "<br />\n<b>Notice</b>: x on line <b>3</b><br />\n{\"order\":\"23501\"}", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("HTTP %u: %s", cases[i].status, cases[i].body);
      answer (f, cases[i].status, cases[i].content_type, cases[i].body, cases[i].location);
      g_assert_cmpint (add (f, "100", &error), ==, 23501);
      g_assert_no_error (error);
    }
}

/* What does not say clearly whether the order exists leaves it unconfirmed, never rejected. */
static void
test_add_unclear (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    guint       status;
    const char *content_type;
    const char *body;
    const char *location;
    const char *message_part;
  } cases[] = {
    { 302, "text/html", "", "https://panel.example/login", "panel.example/login" },
    { 301, "text/html", "{\"error\":\"Not enough funds\"}", "https://panel.example/", "elsewhere" },
    { 403, "text/html", "<html><body>Forbidden</body></html>", NULL, "HTTP 403" },
    { 400, "text/plain", "Bad Request", NULL, "HTTP 400" },
    { 200, "application/json", "{\"order\":\"5.000\"}", NULL, "may or may not" },
    { 200, "application/json", "{\"order\":-18446744073709528115}", NULL, "may or may not" },
    { 200, "application/json", "{\"order\":123456789012345678901234567890}", NULL, "may or may not" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("HTTP %u: %s", cases[i].status, cases[i].body);
      answer (f, cases[i].status, cases[i].content_type, cases[i].body, cases[i].location);
      g_assert_cmpint (add (f, "100", &error), ==, 0);
      g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_OUTCOME_UNKNOWN);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

/* The panel's own "no", with any 4xx status, is a clear rejection; a range names the bound crossed. */
static void
test_add_rejected (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  answer (f, 400, "application/json", "{\"error\":\"Not enough funds on balance\"}", NULL);
  g_assert_cmpint (add (f, "100", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS);
  g_clear_error (&error);

  answer (f, 200, "text/html", "{\"error\":\"Quantity must be at least 10 and maximum 1500\"}", NULL);
  g_assert_cmpint (add (f, "5000", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_HIGH);
  g_assert_cmpstr (smm_api_error_get_panel_text (error), ==, "Quantity must be at least 10 and maximum 1500");
  g_clear_error (&error);

  answer (f, 200, "text/html", "{\"error\":\"Quantity must be at least 10 and maximum 1500\"}", NULL);
  g_assert_cmpint (add (f, "5", &error), ==, 0);
  g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_QUANTITY_TOO_LOW);
  g_assert_nonnull (strstr (error->message, "10"));
  g_assert_nonnull (strstr (error->message, "1500"));
}

/* ------------------------------------------------------------------ batches */

/* Rows in the order asked, an id left out answered "no answer", an id not asked dropped. */
static void
test_status_accounted (Fixture       *f,
                       gconstpointer  data)
{
  const gint64 ids[] = { 1, 2, 3 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orders = NULL;

  answer (f, 200, "text/html; charset=UTF-8",
          "{\"3\":{\"status\":\"Completed\",\"remains\":\"0\",\"charge\":\"1\",\"currency\":\"USD\"},"
          "\"77\":{\"status\":\"Active\",\"posts\":\"0\",\"expiry\":null,\"orders\":[]},"
          "\"1\":{\"status\":\"Inprogress\",\"remains\":\"5\",\"charge\":\"1\",\"currency\":\"USD\"}}",
          NULL);
  smm_client_status_async (f->client, ids, G_N_ELEMENTS (ids), NULL, smm_test_result_cb, &result);
  orders = smm_client_status_finish (f->client, smm_test_wait_result (&result), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 3);
  for (guint i = 0; i < orders->len; i++)
    g_assert_cmpint (smm_order_get_id (orders->pdata[i]), ==, ids[i]);
  g_assert_cmpint (smm_order_get_status (orders->pdata[0]), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_error ((GError *) smm_order_get_error (orders->pdata[1]), SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER);
  g_assert_false (smm_api_error_is_about_item (smm_order_get_error (orders->pdata[1])));
  g_assert_false (smm_order_status_is_final (smm_order_get_status (orders->pdata[1])));
  g_assert_cmpint (smm_order_get_status (orders->pdata[2]), ==, SMM_ORDER_STATUS_COMPLETED);
}

/* ------------------------------------------------------------------ services */

/* The caller is told which ids were left out as ambiguous. */
static void
test_services_ambiguous (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  SmmServicesReport report;

  answer (f, 200, "text/html; charset=UTF-8",
          "[{\"service\":5,\"name\":\"Likes\",\"rate\":\"0.01\",\"min\":\"10\",\"max\":\"1000\"},"
          "{\"service\":6,\"name\":\"Views\",\"rate\":\"1.20\",\"min\":\"10\",\"max\":\"1000\"},"
          "{\"service\":5,\"name\":\"Likes\",\"rate\":\"900.00\",\"min\":\"10\",\"max\":\"1000\"}]",
          NULL);
  smm_client_services_async (f->client, NULL, smm_test_result_cb, &result);
  services = smm_client_services_finish_full (f->client, smm_test_wait_result (&result), &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 1);
  g_assert_cmpint (smm_service_get_id (services->pdata[0]), ==, 6);
  g_assert_cmpuint (report.ambiguous->len, ==, 1);
  g_assert_cmpint (g_array_index (report.ambiguous, gint64, 0), ==, 5);
  smm_services_report_clear (&report);
}

/* ------------------------------------------------------------------ proxies */

/* A panel on this computer is reached directly, whatever proxy is set: a proxy would read the
 * key of a plain http:// request in clear (issue 15). */
static void
test_loopback_direct (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) proxy = soup_server_new (NULL, NULL);
  g_autoptr(GProxyResolver) resolver = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *proxy_url = NULL;
  g_autofree char *currency = NULL;
  Reply through_proxy = { 502, "text/plain", "proxied", NULL, 0 };
  SmmMoney balance;
  GSList *uris;

  soup_server_add_handler (proxy, NULL, canned_handler, &through_proxy, NULL);
  g_assert_true (soup_server_listen_local (proxy, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (proxy);
  proxy_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  resolver = g_simple_proxy_resolver_new (proxy_url, NULL);

  answer (f, 200, "application/json", "{\"balance\":\"12.50\",\"currency\":\"USD\"}", NULL);
  smm_client_set_proxy_resolver (f->client, resolver);
  smm_client_balance_async (f->client, NULL, smm_test_result_cb, &result);
  g_assert_true (smm_client_balance_finish (f->client, smm_test_wait_result (&result), &balance, &currency,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (currency, ==, "USD");
  g_assert_cmpuint (f->reply.n_requests, ==, 1);
  g_assert_cmpuint (through_proxy.n_requests, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add/placed-despite-status", test_add_placed);
  ADD ("add/unclear-is-unconfirmed", test_add_unclear);
  ADD ("add/rejected", test_add_rejected);
  ADD ("status/every-id-accounted", test_status_accounted);
  ADD ("services/ambiguous-ids", test_services_ambiguous);
  ADD ("proxy/loopback-direct", test_loopback_direct);
#undef ADD
  return g_test_run ();
}
