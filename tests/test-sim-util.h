/* test-sim-util.h: the simulator tests' helpers: a panel on a thread of its own, blocking
 * requests to it (urlencoded, multipart, GET), and its replies read as JSON
 *
 * The simulator's tests talk HTTP to it as any client would, and read its replies with json-glib:
 * never with the client's parser, so that they test the panel, not the client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "smm-sim.h"

#define SIM_TEST_KEY "TEST-SIM-KEY"

typedef struct {
  guint  status;
  char  *content_type;   /* the whole header, parameters included */
  char  *body;
} SimReply;

static inline void
sim_reply_clear (SimReply *reply)
{
  g_clear_pointer (&reply->content_type, g_free);
  g_clear_pointer (&reply->body, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SimReply, sim_reply_clear)

/* A panel with the test key, on its own thread, so that blocking requests can reach it. */
static inline SmmSim *
sim_test_new_started (void (*configure) (SmmSim *sim))
{
  g_autoptr(GError) error = NULL;
  SmmSim *sim = smm_sim_new ();

  smm_sim_set_key (sim, SIM_TEST_KEY);
  if (configure != NULL)
    configure (sim);
  g_assert_true (smm_sim_start_threaded (sim, 0, &error));
  g_assert_no_error (error);

  return sim;
}

/* Sets the quirks that the test's path ends with: /sim/quirks/text-html sets text-html */
static inline void
sim_test_set_quirk_of_path (SmmSim *sim)
{
  const char *name = strrchr (g_test_get_path (), '/') + 1;
  g_autoptr(GError) error = NULL;

  g_assert_true (smm_sim_set_quirks_from_string (sim, name, &error));
  g_assert_no_error (error);
}

static inline void
sim_test_stop (SmmSim *sim)
{
  smm_sim_stop (sim);
  g_assert_finalize_object (sim);
}

static inline char *
sim_test_id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static inline void
sim_test_send (SmmSim      *sim,
               SoupMessage *message,
               SimReply    *reply)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  headers = soup_message_get_response_headers (message);
  reply->status = soup_message_get_status (message);
  reply->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  reply->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* A POST of an encoded form (owned) to a running panel */
static inline void
sim_test_post_form (SmmSim   *sim,
                    char     *encoded_form,
                    SimReply *reply)
{
  g_autofree char *url = smm_sim_dup_url (sim);
  g_autoptr(SoupMessage) message = soup_message_new_from_encoded_form ("POST", url, encoded_form);

  sim_test_send (sim, message, reply);
}

static inline void
sim_test_post_valist (SmmSim     *sim,
                      SimReply   *reply,
                      const char *first_field,
                      va_list     args)
{
  g_autofree char *fields = soup_form_encode_valist (first_field, args);

  sim_test_post_form (sim, g_strconcat ("key=" SIM_TEST_KEY "&", fields, NULL), reply);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
}

/* A POST of the test key and NULL-terminated name, value pairs; returns the body (owned) and
 * asserts HTTP 200. */
static inline char *
sim_test_post (SmmSim     *sim,
               const char *first_field,
               ...) G_GNUC_NULL_TERMINATED;

static inline char *
sim_test_post (SmmSim     *sim,
               const char *first_field,
               ...)
{
  g_auto(SimReply) reply = { 0 };
  va_list args;

  va_start (args, first_field);
  sim_test_post_valist (sim, &reply, first_field, args);
  va_end (args);

  return g_steal_pointer (&reply.body);
}

/* The reply's JSON; the test fails when it is not JSON. */
static inline JsonNode *
sim_test_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* The same, taking the text */
static inline JsonNode *
sim_test_parse_take (char *text)
{
  g_autofree char *owned = text;

  return sim_test_parse (owned);
}

/* A POST as sim_test_post(), its reply read as JSON */
#define sim_test_post_json(sim, ...) sim_test_parse_take (sim_test_post ((sim), __VA_ARGS__))

/* An order, returning its id */
static inline gint64
sim_test_add (SmmSim     *sim,
              const char *service,
              const char *link,
              const char *quantity)
{
  g_autoptr(JsonNode) root = sim_test_post_json (sim, "action", "add", "service", service,
                                                 "link", link, "quantity", quantity, NULL);
  JsonObject *object = json_node_get_object (root);

  g_assert_true (json_object_has_member (object, "order"));
  return json_object_get_int_member (object, "order");
}

/* The member's text, whether the panel sent a string or a number */
static inline char *
sim_test_dup_text (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_dup_string (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  g_assert_not_reached ();
}

/* The status of one order, as the single form answers it */
static inline JsonObject *
sim_test_status (SmmSim     *sim,
                 gint64      order_id)
{
  g_autofree char *id = sim_test_id_text (order_id);
  g_autoptr(JsonNode) root = sim_test_post_json (sim, "action", "status", "order", id, NULL);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}
