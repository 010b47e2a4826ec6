/* test-sim-panel.c: the simulator behaves as real panels do: actions it may lack, one refill at a
 * time, cancels that refund what was not delivered, the rarer statuses, subscriptions, Custom Data
 * and drip-feed flags
 *
 * The panel's clock is all but stopped (speed 1e-6) and moved by smm_sim_advance(), so that
 * progress and refunds are exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-sim-util.h"

#define LINK "https://instagram.com/panel"

static void
still_clock_cb (SmmSim *sim)
{
  smm_sim_set_speed (sim, 1e-6);
}

static void
php_catalogue_cb (SmmSim *sim)
{
  smm_sim_set_speed (sim, 1e-6);
  g_assert_true (smm_sim_set_catalogue (sim, "c"));
}

/* A panel whose clock only moves by smm_sim_advance(), with the quirks named after the test's
 * path: /sim/panel/refunded sets refunded */
static void
still_clock_quirk_cb (SmmSim *sim)
{
  smm_sim_set_speed (sim, 1e-6);
  sim_test_set_quirk_of_path (sim);
}

static void
assert_error (JsonNode   *root,
              const char *text)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpstr (json_object_get_string_member_with_default (json_node_get_object (root), "error", NULL),
                   ==, text);
}

/* The first batch item's member, for a list reply */
static JsonObject *
first_item (JsonNode *root)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_object_element (json_node_get_array (root), 0);
}

static void
no_refill_cb (SmmSim *sim)
{
  smm_sim_set_refill_supported (sim, FALSE);
}

static void
test_no_refill (void)
{
  SmmSim *sim = sim_test_new_started (no_refill_cb);
  g_autofree char *order = sim_test_id_text (sim_test_add (sim, "1", LINK, "100"));
  g_autoptr(JsonNode) refill = NULL;
  g_autoptr(JsonNode) refills = NULL;
  g_autoptr(JsonNode) refill_status = NULL;
  g_autoptr(JsonNode) services = NULL;
  g_autoptr(JsonNode) cancel = NULL;
  JsonObject *service;

  smm_sim_advance (sim, 3600);
  refill = sim_test_post_json (sim, "action", "refill", "order", order, NULL);
  assert_error (refill, "Request Invalid");
  refills = sim_test_post_json (sim, "action", "refill", "orders", order, NULL);
  assert_error (refills, "Request Invalid");
  refill_status = sim_test_post_json (sim, "action", "refill_status", "refill", "1", NULL);
  assert_error (refill_status, "Request Invalid");

  /* the services say nothing of refills, and still of cancels */
  services = sim_test_post_json (sim, "action", "services", NULL);
  service = json_array_get_object_element (json_node_get_array (services), 0);
  g_assert_false (json_object_has_member (service, "refill"));
  g_assert_true (json_object_has_member (service, "cancel"));

  g_free (order);
  order = sim_test_id_text (sim_test_add (sim, "1", LINK, "100"));
  cancel = sim_test_post_json (sim, "action", "cancel", "orders", order, NULL);
  g_assert_cmpint (json_object_get_int_member (first_item (cancel), "cancel"), ==, 1);

  sim_test_stop (sim);
}

static void
no_cancel_cb (SmmSim *sim)
{
  smm_sim_set_cancel_supported (sim, FALSE);
}

static void
test_no_cancel (void)
{
  SmmSim *sim = sim_test_new_started (no_cancel_cb);
  g_autofree char *order = sim_test_id_text (sim_test_add (sim, "1", LINK, "100"));
  g_autoptr(JsonNode) cancel = sim_test_post_json (sim, "action", "cancel", "orders", order, NULL);
  g_autoptr(JsonNode) services = sim_test_post_json (sim, "action", "services", NULL);
  g_autoptr(JsonObject) status = sim_test_status (sim, 23501);
  JsonObject *service = json_array_get_object_element (json_node_get_array (services), 0);

  assert_error (cancel, "Request Invalid");
  g_assert_false (json_object_has_member (service, "cancel"));
  g_assert_true (json_object_has_member (service, "refill"));
  /* and the order goes on */
  g_assert_cmpstr (json_object_get_string_member (status, "status"), !=, "Canceled");

  sim_test_stop (sim);
}

static void
test_unknown_action (void)
{
  SmmSim *sim = sim_test_new_started (NULL);
  g_autoptr(JsonNode) unknown = sim_test_post_json (sim, "action", "orders_list", NULL);
  g_autoptr(JsonNode) none = sim_test_post_json (sim, "orders", "1", NULL);

  assert_error (unknown, "Request Invalid");
  assert_error (none, "Request Invalid");

  sim_test_stop (sim);
}

static void
test_one_refill (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_cb);
  g_autofree char *order = sim_test_id_text (sim_test_add (sim, "1", LINK, "100"));
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) third = NULL;

  smm_sim_advance (sim, 3600);
  first = sim_test_post_json (sim, "action", "refill", "order", order, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "refill"), ==, "1");

  /* a second while the first is not done gets the panel's words */
  second = sim_test_post_json (sim, "action", "refill", "order", order, NULL);
  assert_error (second, "Refill request already exists for this order");

  smm_sim_advance (sim, 60);
  third = sim_test_post_json (sim, "action", "refill", "order", order, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (third), "refill"), ==, "2");

  sim_test_stop (sim);
}

/* A cancel before delivery refunds all; after some, the rest: the order ends Partial, and the
 * status's charge is what it cost after the refund. */
static void
test_cancel_refunds (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_cb);
  gint64 running;
  gint64 fresh;
  g_autofree char *ids = NULL;
  g_autoptr(JsonNode) cancel = NULL;
  g_autoptr(JsonObject) canceled = NULL;
  g_autoptr(JsonObject) partial = NULL;
  g_autofree char *balance = NULL;

  sim_test_add (sim, "1", LINK, "1000");                      /* 0.90, Completed */
  smm_sim_advance (sim, 3600);
  running = sim_test_add (sim, "1", LINK, "1000");            /* 0.90 */
  /* 11 s in: 6 of the 15 s of delivery, 400 delivered */
  smm_sim_advance (sim, 11);
  fresh = sim_test_add (sim, "1", LINK "/2", "1000");         /* 0.90, not started */

  ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, running, fresh);
  cancel = sim_test_post_json (sim, "action", "cancel", "orders", ids, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (cancel)), ==, 2);

  canceled = sim_test_status (sim, fresh);
  g_assert_cmpstr (json_object_get_string_member (canceled, "status"), ==, "Canceled");
  g_assert_cmpstr (json_object_get_string_member (canceled, "charge"), ==, "0.00000");
  g_assert_cmpstr (json_object_get_string_member (canceled, "remains"), ==, "1000");

  partial = sim_test_status (sim, running);
  g_assert_cmpstr (json_object_get_string_member (partial, "status"), ==, "Partial");
  g_assert_cmpstr (json_object_get_string_member (partial, "remains"), ==, "600");
  g_assert_cmpstr (json_object_get_string_member (partial, "charge"), ==, "0.36000");

  /* the Completed one (0.90), the Partial one (0.36), the Canceled one (nothing) */
  balance = smm_sim_dup_balance (sim);
  g_assert_cmpstr (balance, ==, "998.74000");

  sim_test_stop (sim);
}

static void
test_cancel_slow (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_quirk_cb);
  gint64 order = sim_test_add (sim, "1", LINK, "1000");
  g_autofree char *id = sim_test_id_text (order);
  g_autoptr(JsonNode) cancel = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;

  cancel = sim_test_post_json (sim, "action", "cancel", "orders", id, NULL);
  g_assert_cmpint (json_object_get_int_member (first_item (cancel), "cancel"), ==, 1);
  /* accepted, not yet carried out; asked again, refused */
  before = sim_test_status (sim, order);
  g_assert_cmpstr (json_object_get_string_member (before, "status"), ==, "Pending");
  again = sim_test_post_json (sim, "action", "cancel", "orders", id, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first_item (again), "cancel"),
                                                  "error"), ==, "Order cannot be canceled");

  smm_sim_advance (sim, 60);
  after = sim_test_status (sim, order);
  /* the order of 20 s ended before the cancel was carried out, 60 s after it was asked */
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "Completed");

  sim_test_stop (sim);
}

static void
test_cancel_slow_partial (void)
{
  SmmSim *sim = sim_test_new_started (NULL);
  g_autoptr(GError) error = NULL;
  gint64 order;
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) cancel = NULL;
  g_autoptr(JsonObject) after = NULL;

  smm_sim_set_speed (sim, 1e-6);
  g_assert_true (smm_sim_set_quirks_from_string (sim, "cancel-slow", &error));
  /* an order of 10000 takes 110 s: the cancel lands 60 s after it was asked, at 65 s */
  order = sim_test_add (sim, "1", LINK, "10000");
  id = sim_test_id_text (order);
  smm_sim_advance (sim, 5);
  cancel = sim_test_post_json (sim, "action", "cancel", "orders", id, NULL);
  g_assert_cmpint (json_object_get_int_member (first_item (cancel), "cancel"), ==, 1);
  smm_sim_advance (sim, 100);
  after = sim_test_status (sim, order);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "Partial");
  /* 60 of the 105 s of delivery done: 5714 delivered, 4286 remain, 3.8574 of 9.00 refunded */
  g_assert_cmpstr (json_object_get_string_member (after, "remains"), ==, "4286");
  g_assert_cmpstr (json_object_get_string_member (after, "charge"), ==, "5.14260");

  sim_test_stop (sim);
}

static void
test_cancel_refused (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_quirk_cb);
  g_autoptr(JsonNode) cancel = NULL;
  g_autoptr(JsonObject) odd = NULL;
  g_autoptr(JsonObject) even = NULL;
  JsonArray *items;

  sim_test_add (sim, "1", LINK, "1000");
  sim_test_add (sim, "1", LINK "/2", "1000");
  cancel = sim_test_post_json (sim, "action", "cancel", "orders", "23501,23502", NULL);
  items = json_node_get_array (cancel);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "cancel"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (items, 1), "cancel"), "error"),
                   ==, "Order cannot be canceled");
  odd = sim_test_status (sim, 23501);
  even = sim_test_status (sim, 23502);
  g_assert_cmpstr (json_object_get_string_member (odd, "status"), ==, "Canceled");
  g_assert_cmpstr (json_object_get_string_member (even, "status"), ==, "Pending");

  sim_test_stop (sim);
}

static void
test_processing (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_quirk_cb);
  g_autoptr(JsonObject) odd = NULL;
  g_autoptr(JsonObject) even = NULL;

  sim_test_add (sim, "1", LINK, "1000");
  sim_test_add (sim, "1", LINK "/2", "1000");
  smm_sim_advance (sim, 10);
  odd = sim_test_status (sim, 23501);
  even = sim_test_status (sim, 23502);
  g_assert_cmpstr (json_object_get_string_member (odd, "status"), ==, "Processing");
  g_assert_cmpstr (json_object_get_string_member (even, "status"), ==, "In progress");

  sim_test_stop (sim);
}

static void
test_refunded (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_quirk_cb);
  g_autoptr(JsonObject) refunded = NULL;
  g_autoptr(JsonObject) completed = NULL;
  g_autofree char *balance = NULL;

  /* 23501 … 23506: 23506 is a multiple of 7, 23505 of 5 (Partial) */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *link = g_strdup_printf (LINK "/%u", i);

      sim_test_add (sim, "1", link, "1000");
    }
  smm_sim_advance (sim, 3600);
  refunded = sim_test_status (sim, 23506);
  completed = sim_test_status (sim, 23504);
  g_assert_cmpstr (json_object_get_string_member (refunded, "status"), ==, "Refunded");
  g_assert_cmpstr (json_object_get_string_member (refunded, "charge"), ==, "0.00000");
  g_assert_cmpstr (json_object_get_string_member (completed, "status"), ==, "Completed");
  /* four at 0.90, one Partial at 0.81, one refunded */
  balance = smm_sim_dup_balance (sim);
  g_assert_cmpstr (balance, ==, "995.59000");

  sim_test_stop (sim);
}

static void
test_refill_rejected (void)
{
  SmmSim *sim = sim_test_new_started (still_clock_quirk_cb);
  g_autoptr(JsonNode) refills = NULL;
  g_autoptr(JsonNode) statuses = NULL;
  JsonArray *items;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *link = g_strdup_printf (LINK "/%u", i);

      sim_test_add (sim, "1", link, "100");
    }
  smm_sim_advance (sim, 3600);
  refills = sim_test_post_json (sim, "action", "refill", "orders", "23501,23502,23503", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (refills)), ==, 3);
  smm_sim_advance (sim, 60);
  statuses = sim_test_post_json (sim, "action", "refill_status", "refills", "1,2,3", NULL);
  items = json_node_get_array (statuses);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "status"), ==, "Completed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "status"), ==, "Rejected");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 2), "status"), ==, "Error");

  sim_test_stop (sim);
}

/* A subscription of catalogue c's service 5 */
static gint64
add_subscription (SmmSim     *sim,
                  const char *username,
                  const char *posts)
{
  g_autoptr(JsonNode) root = sim_test_post_json (sim, "action", "add", "service", "5", "username", username,
                                                 "min", "100", "max", "200", "delay", "0",
                                                 posts ? "posts" : NULL, posts, NULL);
  JsonObject *object = json_node_get_object (root);

  g_assert_true (json_object_has_member (object, "order"));
  return json_object_get_int_member (object, "order");
}

static char *
status_text (SmmSim *sim,
             gint64  order)
{
  g_autofree char *id = sim_test_id_text (order);

  return sim_test_post (sim, "action", "status", "order", id, NULL);
}

static void
test_subscriptions (void)
{
  SmmSim *sim = sim_test_new_started (php_catalogue_cb);
  gint64 old_posts = add_subscription (sim, "old", "0");       /* 23501 */
  gint64 three = add_subscription (sim, "three", "3");         /* 23502 */
  gint64 endless = add_subscription (sim, "endless", NULL);    /* 23503: paused for a while */
  g_autofree char *text = status_text (sim, old_posts);
  g_autoptr(JsonNode) batch = NULL;

  /* the shape of a real panel's, byte for byte */
  g_assert_cmpstr (text, ==, "{\"status\":\"Active\",\"expiry\":null,\"posts\":\"0\",\"orders\":[]}");

  smm_sim_advance (sim, 25);
  g_free (text);
  text = status_text (sim, old_posts);
  g_assert_nonnull (strstr (text, "\"status\":\"Completed\""));
  g_free (text);
  text = status_text (sim, three);
  g_assert_nonnull (strstr (text, "\"status\":\"Active\",\"expiry\":null,\"posts\":\"2\""));
  g_free (text);
  text = status_text (sim, endless);
  g_assert_nonnull (strstr (text, "\"status\":\"Paused\""));

  smm_sim_advance (sim, 20);
  g_free (text);
  text = status_text (sim, three);
  g_assert_nonnull (strstr (text, "\"status\":\"Completed\",\"expiry\":null,\"posts\":\"3\""));
  g_free (text);
  text = status_text (sim, endless);
  g_assert_nonnull (strstr (text, "\"status\":\"Active\""));

  smm_sim_advance (sim, 3600);
  batch = sim_test_post_json (sim, "action", "status", "orders", "23503", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (batch),
                                                                                 "23503"), "status"),
                   ==, "Expired");

  sim_test_stop (sim);
}

static void
test_custom_data (void)
{
  SmmSim *sim = sim_test_new_started (php_catalogue_cb);
  g_autoptr(JsonNode) services = sim_test_post_json (sim, "action", "services", NULL);
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) placed = NULL;
  JsonObject *service = json_array_get_object_element (json_node_get_array (services), 3);

  g_assert_cmpstr (json_object_get_string_member (service, "type"), ==, "Custom Data");
  missing = sim_test_post_json (sim, "action", "add", "service", "4", "link", LINK, "quantity", "100", NULL);
  assert_error (missing, "Incorrect request");
  placed = sim_test_post_json (sim, "action", "add", "service", "4", "link", LINK, "quantity", "100",
                               "custom_data", "colour: blue", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (placed), "order"), ==, 23501);

  sim_test_stop (sim);
}

static void
test_dripfeed_flags (void)
{
  SmmSim *sim = sim_test_new_started (php_catalogue_cb);
  g_autoptr(JsonNode) services = sim_test_post_json (sim, "action", "services", NULL);
  JsonArray *array = json_node_get_array (services);
  g_autoptr(JsonNode) placed = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *balance = NULL;

  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 0), "dripfeed"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 1), "dripfeed"));
  g_assert_false (json_object_has_member (json_array_get_object_element (array, 2), "dripfeed"));

  /* runs on a service without drip-feed: one plain delivery of quantity, charged once */
  placed = sim_test_post_json (sim, "action", "add", "service", "2", "link", LINK, "quantity", "1000",
                               "runs", "3", "interval", "10", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (placed), "order"), ==, 23501);
  status = sim_test_status (sim, 23501);
  g_assert_cmpstr (json_object_get_string_member (status, "remains"), ==, "1000");
  g_assert_cmpstr (json_object_get_string_member (status, "charge"), ==, "0.50000");
  balance = smm_sim_dup_balance (sim);
  g_assert_cmpstr (balance, ==, "999.50000");

  sim_test_stop (sim);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/panel/no-refill", test_no_refill);
  g_test_add_func ("/sim/panel/no-cancel", test_no_cancel);
  g_test_add_func ("/sim/panel/unknown-action", test_unknown_action);
  g_test_add_func ("/sim/panel/one-refill", test_one_refill);
  g_test_add_func ("/sim/panel/cancel-refunds", test_cancel_refunds);
  g_test_add_func ("/sim/panel/cancel-slow-partial", test_cancel_slow_partial);
  /* each of these sets the quirk of its name */
  g_test_add_func ("/sim/panel/cancel-slow", test_cancel_slow);
  g_test_add_func ("/sim/panel/cancel-refused", test_cancel_refused);
  g_test_add_func ("/sim/panel/processing", test_processing);
  g_test_add_func ("/sim/panel/refunded", test_refunded);
  g_test_add_func ("/sim/panel/refill-rejected", test_refill_rejected);
  g_test_add_func ("/sim/panel/subscriptions", test_subscriptions);
  g_test_add_func ("/sim/panel/custom-data", test_custom_data);
  g_test_add_func ("/sim/panel/dripfeed-flags", test_dripfeed_flags);

  return g_test_run ();
}
