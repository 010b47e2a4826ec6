/* test-sim-quirks.c: the simulator's named quirks, one at a time and together, and its default
 * reply format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-sim-util.h"

#define LINK "https://instagram.com/quirks"

/* A panel with the quirk the test's path names: /sim/quirks/text-html sets text-html */
static SmmSim *
start_with_test_quirk (void)
{
  return sim_test_new_started (sim_test_set_quirk_of_path);
}

/* Without a quirk: JSON as application/json, numbers where the panel documents numbers */
static void
test_default_format (void)
{
  SmmSim *sim = sim_test_new_started (NULL);
  g_auto(SimReply) reply = { 0 };
  g_autoptr(JsonNode) services = NULL;
  JsonObject *first;

  sim_test_post_form (sim, g_strdup ("key=" SIM_TEST_KEY "&action=services"), &reply);
  g_assert_cmpstr (reply.content_type, ==, "application/json");
  g_assert_cmpint (reply.body[0], ==, '[');
  services = sim_test_parse (reply.body);
  first = json_array_get_object_element (json_node_get_array (services), 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "service")), ==, G_TYPE_INT64);
  g_assert_cmpstr (json_object_get_string_member (first, "min"), ==, "50");
  g_assert_true (json_object_get_boolean_member (first, "refill"));

  sim_test_stop (sim);
}

static void
test_names (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();
  g_autoptr(GError) error = NULL;

  for (guint q = 0; q < SMM_SIM_N_QUIRKS; q++)
    {
      g_autoptr(SmmSim) one = smm_sim_new ();

      g_assert_true (smm_sim_set_quirks_from_string (one, smm_sim_quirk_to_string (q), &error));
      g_assert_no_error (error);
      for (guint other = 0; other < SMM_SIM_N_QUIRKS; other++)
        g_assert_cmpint (smm_sim_get_quirk (one, other), ==, other == q);
    }

  /* combined, and added to what is set */
  g_assert_true (smm_sim_set_quirks_from_string (sim, "text-html, bom", &error));
  g_assert_true (smm_sim_set_quirks_from_string (sim, "php-notice", &error));
  g_assert_true (smm_sim_get_quirk (sim, SMM_SIM_QUIRK_TEXT_HTML));
  g_assert_true (smm_sim_get_quirk (sim, SMM_SIM_QUIRK_BOM));
  g_assert_true (smm_sim_get_quirk (sim, SMM_SIM_QUIRK_PHP_NOTICE));
  smm_sim_set_quirk (sim, SMM_SIM_QUIRK_BOM, FALSE);
  g_assert_false (smm_sim_get_quirk (sim, SMM_SIM_QUIRK_BOM));

  g_assert_false (smm_sim_set_quirks_from_string (sim, "bom,no-such-quirk", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "no-such-quirk"));
}

/* The old --quirks are exactly the seven named shapes, and nothing of the new ones */
static void
test_old_quirks (void)
{
  g_autoptr(SmmSim) sim = smm_sim_new ();

  smm_sim_set_quirks (sim, TRUE);
  for (guint q = 0; q < SMM_SIM_N_QUIRKS; q++)
    g_assert_cmpint (smm_sim_get_quirk (sim, q), ==, q <= SMM_SIM_QUIRK_NO_CURRENCY);
  smm_sim_set_quirk (sim, SMM_SIM_QUIRK_BOM, TRUE);
  smm_sim_set_quirks (sim, FALSE);
  for (guint q = 0; q < SMM_SIM_N_QUIRKS; q++)
    g_assert_cmpint (smm_sim_get_quirk (sim, q), ==, q == SMM_SIM_QUIRK_BOM);
}

static void
test_text_html (void)
{
  SmmSim *sim = start_with_test_quirk ();
  g_auto(SimReply) reply = { 0 };
  g_autoptr(JsonNode) root = NULL;

  sim_test_post_form (sim, g_strdup ("key=" SIM_TEST_KEY "&action=balance"), &reply);
  g_assert_cmpstr (reply.content_type, ==, "text/html; charset=UTF-8");
  root = sim_test_parse (reply.body);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "balance"), ==, "1000.00000");

  sim_test_stop (sim);
}

static void
test_bom (void)
{
  SmmSim *sim = start_with_test_quirk ();
  g_autofree char *body = sim_test_post (sim, "action", "balance", NULL);

  g_assert_true (g_str_has_prefix (body, "\xef\xbb\xbf{\"balance\""));

  sim_test_stop (sim);
}

static void
test_php_notice (void)
{
  SmmSim *sim = start_with_test_quirk ();
  g_autofree char *body = sim_test_post (sim, "action", "balance", NULL);
  const char *json;
  g_autoptr(JsonNode) root = NULL;

  g_assert_true (g_str_has_prefix (body, "<br />\n<b>Deprecated</b>: "));
  g_assert_nonnull (strstr (body, " on line <b>12</b><br />\n"));
  g_assert_nonnull (strstr (body, "<b>Warning</b>: "));
  /* then valid JSON */
  json = strchr (body, '{');
  g_assert_nonnull (json);
  root = sim_test_parse (json);
  g_assert_true (json_object_has_member (json_node_get_object (root), "balance"));

  sim_test_stop (sim);
}

/* What PHP panels send: text/html, and every number a string */
static void
set_php_format_cb (SmmSim *sim)
{
  smm_sim_set_quirk (sim, SMM_SIM_QUIRK_TEXT_HTML, TRUE);
  smm_sim_set_quirk (sim, SMM_SIM_QUIRK_STRING_NUMBERS, TRUE);
}

static void
test_php_format (void)
{
  SmmSim *sim = sim_test_new_started (set_php_format_cb);
  g_autoptr(JsonNode) services = sim_test_post_json (sim, "action", "services", NULL);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) refill = NULL;
  g_autoptr(JsonObject) status = NULL;
  JsonObject *first = json_array_get_object_element (json_node_get_array (services), 0);
  g_autofree char *order = NULL;

  g_assert_cmpstr (json_object_get_string_member (first, "service"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (first, "rate"), ==, "0.90");
  g_assert_cmpstr (json_object_get_string_member (first, "max"), ==, "10000");

  added = sim_test_post_json (sim, "action", "add", "service", "1", "link", LINK, "quantity", "100", NULL);
  order = g_strdup (json_object_get_string_member (json_node_get_object (added), "order"));
  g_assert_cmpstr (order, ==, "23501");
  status = sim_test_status (sim, 23501);
  g_assert_cmpstr (json_object_get_string_member (status, "remains"), ==, "100");

  smm_sim_advance (sim, 3600);
  refill = sim_test_post_json (sim, "action", "refill", "orders", order, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (refill), 0),
                                                  "refill"), ==, "1");

  sim_test_stop (sim);
}

static void
test_status_case (void)
{
  SmmSim *sim = start_with_test_quirk ();
  gint64 id = sim_test_add (sim, "1", LINK, "1000");
  g_autoptr(JsonObject) pending = sim_test_status (sim, id);
  g_autoptr(JsonObject) running = NULL;

  g_assert_cmpstr (json_object_get_string_member (pending, "status"), ==, "pending");
  smm_sim_advance (sim, 10);
  running = sim_test_status (sim, id);
  g_assert_cmpstr (json_object_get_string_member (running, "status"), ==, "Inprogress");

  sim_test_stop (sim);
}

static void
test_no_refill_fields (void)
{
  SmmSim *sim = start_with_test_quirk ();
  g_autoptr(JsonNode) services = sim_test_post_json (sim, "action", "services", NULL);
  JsonArray *array = json_node_get_array (services);
  g_autoptr(JsonNode) refill = NULL;
  g_autofree char *order = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *service = json_array_get_object_element (array, i);

      g_assert_false (json_object_has_member (service, "refill"));
      g_assert_false (json_object_has_member (service, "cancel"));
      g_assert_true (json_object_has_member (service, "dripfeed"));
    }

  /* the panel still refills: only the flags are missing */
  order = sim_test_id_text (sim_test_add (sim, "1", LINK, "100"));
  smm_sim_advance (sim, 3600);
  refill = sim_test_post_json (sim, "action", "refill", "order", order, NULL);
  g_assert_true (json_object_has_member (json_node_get_object (refill), "refill"));

  sim_test_stop (sim);
}

static void
test_cancel_map_strings (void)
{
  SmmSim *sim = start_with_test_quirk ();
  g_autofree char *first = sim_test_id_text (sim_test_add (sim, "1", LINK, "100"));
  g_autofree char *second = sim_test_id_text (sim_test_add (sim, "1", LINK "2", "100"));
  g_autofree char *ids = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  smm_sim_advance (sim, 3600);  /* the second one finishes before it is asked */
  g_free (first);
  first = sim_test_id_text (sim_test_add (sim, "1", LINK "3", "100"));
  ids = g_strconcat (first, ",", second, NULL);
  root = sim_test_post_json (sim, "action", "cancel", "orders", ids, NULL);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, first), ==, "Canceled");
  g_assert_cmpstr (json_object_get_string_member (object, second), ==, "Order cannot be canceled");

  sim_test_stop (sim);
}

/* A status batch of two orders, as the reply's object */
static JsonNode *
status_batch (SmmSim *sim,
              gint64  first,
              gint64  second)
{
  g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, first, second);

  return sim_test_post_json (sim, "action", "status", "orders", ids, NULL);
}

static void
test_batch_extra_ids (void)
{
  SmmSim *sim = start_with_test_quirk ();
  gint64 first = sim_test_add (sim, "1", LINK, "100");
  gint64 second = sim_test_add (sim, "1", LINK "2", "100");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  sim_test_add (sim, "1", LINK "3", "100");
  root = status_batch (sim, first, second);
  object = json_node_get_object (root);
  /* the third order, not asked for, is answered too */
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
  g_assert_true (json_object_has_member (object, "23503"));

  sim_test_stop (sim);
}

static void
test_batch_missing_ids (void)
{
  SmmSim *sim = start_with_test_quirk ();
  gint64 first = sim_test_add (sim, "1", LINK, "100");
  gint64 second = sim_test_add (sim, "1", LINK "2", "100");
  g_autoptr(JsonNode) root = status_batch (sim, first, second);
  JsonObject *object = json_node_get_object (root);

  g_assert_cmpuint (json_object_get_size (object), ==, 1);
  g_assert_true (json_object_has_member (object, "23501"));
  g_assert_false (json_object_has_member (object, "23502"));

  sim_test_stop (sim);
}

static void
test_batch_repeat_ids (void)
{
  SmmSim *sim = start_with_test_quirk ();
  gint64 first = sim_test_add (sim, "1", LINK, "100");
  gint64 second = sim_test_add (sim, "1", LINK "2", "100");
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonArray *array;

  /* keyed by id: the same member twice, which a JSON reader must live with */
  body = sim_test_post (sim, "action", "status", "orders", "23501,23502", NULL);
  g_assert_nonnull (strstr (body, "\"23501\":{\"charge\""));
  g_assert_nonnull (strstr (strstr (body, "\"23501\":{\"charge\"") + 1, "\"23501\":{\"charge\""));
  g_assert_nonnull (strstr (body, "\"status\":\"Canceled\""));
  g_assert_nonnull (strstr (body, "\"status\":\"Pending\""));

  /* as a list, easier to read: the first order twice, with two statuses */
  smm_sim_set_quirk (sim, SMM_SIM_QUIRK_BATCH_LIST, TRUE);
  list = status_batch (sim, first, second);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 2), "order"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==, "Pending");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "status"), ==, "Canceled");

  sim_test_stop (sim);
}

/* wrap-add wraps add's reply only; wrap-single the others */
static void
test_wrap_add (void)
{
  SmmSim *sim = start_with_test_quirk ();
  g_autoptr(JsonNode) added = sim_test_post_json (sim, "action", "add", "service", "1", "link", LINK,
                                                  "quantity", "100", NULL);
  g_autoptr(JsonNode) balance = sim_test_post_json (sim, "action", "balance", NULL);
  JsonObject *order;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (added));
  order = json_array_get_object_element (json_node_get_array (added), 0);
  g_assert_cmpint (json_object_get_int_member (order, "order"), ==, 23501);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (balance));

  sim_test_stop (sim);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/quirks/default-format", test_default_format);
  g_test_add_func ("/sim/quirks/names", test_names);
  g_test_add_func ("/sim/quirks/old-quirks", test_old_quirks);
  g_test_add_func ("/sim/quirks/php-format", test_php_format);
  /* each of these sets the quirk of its name */
  g_test_add_func ("/sim/quirks/text-html", test_text_html);
  g_test_add_func ("/sim/quirks/bom", test_bom);
  g_test_add_func ("/sim/quirks/php-notice", test_php_notice);
  g_test_add_func ("/sim/quirks/status-case", test_status_case);
  g_test_add_func ("/sim/quirks/no-refill-fields", test_no_refill_fields);
  g_test_add_func ("/sim/quirks/cancel-map-strings", test_cancel_map_strings);
  g_test_add_func ("/sim/quirks/batch-extra-ids", test_batch_extra_ids);
  g_test_add_func ("/sim/quirks/batch-missing-ids", test_batch_missing_ids);
  g_test_add_func ("/sim/quirks/batch-repeat-ids", test_batch_repeat_ids);
  g_test_add_func ("/sim/quirks/wrap-add", test_wrap_add);

  return g_test_run ();
}
