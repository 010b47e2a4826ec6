/* test-mass-order.c: reading, checking and placing many orders at once */
#include "config.h"

#include <string.h>

#include "smm-csv.h"
#include "smm-mass-order.h"
#include "smm-test-fixture.h"

static SmmMassOrder *
read_ok (const char         *text,
         SmmMassOrderFormat  format)
{
  g_autoptr(GError) error = NULL;
  SmmMassOrder *mass = smm_mass_order_new_from_text (text, -1, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mass);
  return mass;
}

static void
assert_line (SmmMassOrder *mass,
             guint         position,
             guint         line_number,
             gint64        service_id,
             const char   *link,
             gint64        quantity)
{
  SmmMassOrderLine *line = smm_mass_order_get_line (mass, position);

  g_assert_cmpuint (smm_mass_order_line_get_line (line), ==, line_number);
  g_assert_no_error ((GError *) smm_mass_order_line_get_error (line));
  g_assert_cmpint (smm_mass_order_line_get_state (line), ==, SMM_MASS_ORDER_STATE_NEW);
  g_assert_cmpint (smm_mass_order_line_get_service_id (line), ==, service_id);
  g_assert_cmpstr (smm_mass_order_line_get_link (line), ==, link);
  g_assert_cmpint (smm_mass_order_line_get_quantity (line), ==, quantity);
}

static void
assert_error (SmmMassOrder *mass,
              guint         position,
              int           code,
              const char   *message)
{
  SmmMassOrderLine *line = smm_mass_order_get_line (mass, position);

  g_assert_cmpint (smm_mass_order_line_get_state (line), ==, SMM_MASS_ORDER_STATE_INVALID);
  g_assert_error ((GError *) smm_mass_order_line_get_error (line), SMM_MASS_ORDER_ERROR, code);
  g_assert_cmpstr (smm_mass_order_line_get_error (line)->message, ==, message);
}

static void
test_text (void)
{
  g_autoptr(SmmMassOrder) mass = NULL;

  /* a BOM, CRLF, comments, blank lines, blanks around fields, both orders */
  mass = read_ok ("\xef\xbb\xbf# my orders for Monday\r\n"
                  "1|https://instagram.com/nasa|1000\r\n"
                  "\r\n"
                  "   \t\r\n"
                  "  2 | 500 | instagram.com/esa  \r\n"
                  "   # indented comment\n"
                  "3|https://www.tiktok.com/@jaxa/video/7212345678901234567?lang=tr|100",
                  SMM_MASS_ORDER_FORMAT_AUTO);
  g_assert_cmpuint (smm_mass_order_get_n_lines (mass), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mass)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (mass)) == SMM_TYPE_MASS_ORDER_LINE);
  assert_line (mass, 0, 2, 1, "https://instagram.com/nasa", 1000);
  assert_line (mass, 1, 5, 2, "instagram.com/esa", 500);
  assert_line (mass, 2, 7, 3, "https://www.tiktok.com/@jaxa/video/7212345678901234567?lang=tr", 100);
}

static void
test_text_errors (void)
{
  g_autoptr(SmmMassOrder) mass = NULL;

  mass = read_ok ("1|https://instagram.com/a\n"              /* 1: two fields */
                  "1|https://instagram.com/a|100|x\n"        /* 2: four fields */
                  "x1|https://instagram.com/a|100\n"         /* 3: service */
                  "|https://instagram.com/a|100\n"           /* 4: no service */
                  "1||100\n"                                 /* 5: no link */
                  "1|https://instagram.com/a|\n"             /* 6: no quantity */
                  "1|https://instagram.com/a|1.000\n"        /* 7: with a separator */
                  "1|https://instagram.com/a|-5\n"           /* 8: negative */
                  "1|https://instagram.com/a|0\n"            /* 9: zero */
                  "1|https://instagram.com/a|ten\n"          /* 10: words */
                  "1|https://instagram.com/a|99999999999999999999\n" /* 11: too large */
                  "4|https://instagram.com/fine|100\n",      /* 12: fine */
                  SMM_MASS_ORDER_FORMAT_TEXT);
  g_assert_cmpuint (smm_mass_order_get_n_lines (mass), ==, 12);
  assert_error (mass, 0, SMM_MASS_ORDER_ERROR_SYNTAX,
                "Line 1: write the service ID, the link and the quantity, separated by “|”.");
  assert_error (mass, 1, SMM_MASS_ORDER_ERROR_SYNTAX,
                "Line 2: write the service ID, the link and the quantity, separated by “|”.");
  assert_error (mass, 2, SMM_MASS_ORDER_ERROR_SYNTAX, "Line 3: “x1” is not a service ID.");
  assert_error (mass, 3, SMM_MASS_ORDER_ERROR_SYNTAX, "Line 4: the service ID is missing.");
  assert_error (mass, 4, SMM_MASS_ORDER_ERROR_SYNTAX, "Line 5: the link is missing.");
  assert_error (mass, 5, SMM_MASS_ORDER_ERROR_SYNTAX, "Line 6: the quantity is missing.");
  for (guint i = 6; i <= 10; i++)
    {
      g_autofree char *message = g_strdup_printf ("Line %u: the quantity is not a whole number.", i + 1);
      assert_error (mass, i, SMM_MASS_ORDER_ERROR_SYNTAX, message);
    }
  assert_line (mass, 11, 12, 4, "https://instagram.com/fine", 100);
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  SmmMassOrder *mass;

  mass = smm_mass_order_new_from_text ("# nothing\n\n   \n", -1, SMM_MASS_ORDER_FORMAT_AUTO, &error);
  g_assert_null (mass);
  g_assert_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_EMPTY);
  g_clear_error (&error);

  mass = smm_mass_order_new_from_text ("1|https://instagram.com/\xff|100\n", -1, SMM_MASS_ORDER_FORMAT_AUTO, &error);
  g_assert_null (mass);
  g_assert_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  for (guint i = 0; i <= SMM_MASS_ORDER_MAX_LINES; i++)
    g_string_append_printf (text, "1|https://instagram.com/u%u|100\n", i);
  mass = smm_mass_order_new_from_text (text->str, text->len, SMM_MASS_ORDER_FORMAT_AUTO, &error);
  g_assert_null (mass);
  g_assert_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "There are more than 5000 orders: split the file.");
  g_clear_error (&error);

  /* exactly the limit is fine */
  g_string_truncate (text, 0);
  for (guint i = 0; i < SMM_MASS_ORDER_MAX_LINES; i++)
    g_string_append_printf (text, "1|https://instagram.com/u%u|100\n", i);
  mass = smm_mass_order_new_from_text (text->str, text->len, SMM_MASS_ORDER_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smm_mass_order_get_n_lines (mass), ==, SMM_MASS_ORDER_MAX_LINES);
  g_object_unref (mass);

  while (text->len <= SMM_MASS_ORDER_MAX_BYTES)
    g_string_append (text, "# padding padding padding padding padding padding padding\n");
  mass = smm_mass_order_new_from_text (text->str, text->len, SMM_MASS_ORDER_FORMAT_AUTO, &error);
  g_assert_null (mass);
  g_assert_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_TOO_LARGE);
}

static void
test_csv (void)
{
  g_autoptr(SmmMassOrder) mass = NULL;
  g_autoptr(GError) error = NULL;

  /* a header in another order, a quoted link with a comma */
  mass = read_ok ("Quantity,Service,Link\r\n"
                  "1000,1,\"https://instagram.com/p/abc?x=1,2\"\r\n"
                  "# a comment\r\n"
                  ",,\r\n"
                  "250,2,https://instagram.com/esa\r\n",
                  SMM_MASS_ORDER_FORMAT_AUTO);
  g_assert_cmpuint (smm_mass_order_get_n_lines (mass), ==, 2);
  assert_line (mass, 0, 2, 1, "https://instagram.com/p/abc?x=1,2", 1000);
  assert_line (mass, 1, 5, 2, "https://instagram.com/esa", 250);
  g_clear_object (&mass);

  /* a Turkish spreadsheet: semicolons, Turkish names */
  mass = read_ok ("SERVİS;BAĞLANTI;MİKTAR\n7;https://instagram.com/nasa;300\n", SMM_MASS_ORDER_FORMAT_CSV);
  g_assert_cmpuint (smm_mass_order_get_n_lines (mass), ==, 1);
  assert_line (mass, 0, 2, 7, "https://instagram.com/nasa", 300);
  g_clear_object (&mass);

  /* no header: either order, the web address decides */
  mass = read_ok ("1,https://instagram.com/a,100\n2,200,https://instagram.com/b\n3,300\n4,https://x.com/a,five\n"
                  "5,https://x.com/a,1,extra\n",
                  SMM_MASS_ORDER_FORMAT_CSV);
  g_assert_cmpuint (smm_mass_order_get_n_lines (mass), ==, 5);
  assert_line (mass, 0, 1, 1, "https://instagram.com/a", 100);
  assert_line (mass, 1, 2, 2, "https://instagram.com/b", 200);
  assert_error (mass, 2, SMM_MASS_ORDER_ERROR_SYNTAX,
                "Line 3: write three columns: the service ID, the link and the quantity.");
  assert_error (mass, 3, SMM_MASS_ORDER_ERROR_SYNTAX, "Line 4: the quantity is not a whole number.");
  assert_error (mass, 4, SMM_MASS_ORDER_ERROR_SYNTAX,
                "Line 5: write three columns: the service ID, the link and the quantity.");
  g_clear_object (&mass);

  /* a header that names only some columns */
  mass = read_ok ("service,link,amount of likes\n1,https://instagram.com/a,100\n", SMM_MASS_ORDER_FORMAT_CSV);
  assert_error (mass, 0, SMM_MASS_ORDER_ERROR_SYNTAX,
                "Line 1: the header must name the columns service, link and quantity.");
  assert_line (mass, 1, 2, 1, "https://instagram.com/a", 100);
  g_clear_object (&mass);

  /* a quote left open is the file's error: the columns cannot be trusted */
  mass = smm_mass_order_new_from_text ("1,\"https://instagram.com/a,100\n2,x,3\n", -1,
                                       SMM_MASS_ORDER_FORMAT_CSV, &error);
  g_assert_null (mass);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_SYNTAX);
}

static GPtrArray *
catalogue_new (void)
{
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);

#define ADD(id, name, type, rate, min, max) \
  g_ptr_array_add (services, smm_test_service_new (id, "Instagram", name, type, rate, min, max))
  ADD (1, "Instagram Followers", "Default", "0.90", 50, 10000);
  ADD (6, "Instagram Likes Package", "Package", "1.50", 1, 1);
  ADD (7, "Instagram Custom Comments", "Custom Comments", "8", 10, 1500);
  ADD (21, "Instagram Auto Likes", "Subscriptions", "0.30", 50, 10000);
  ADD (30, "Some New Kind", "Brand New Type", "2", 10, 1000);
  /* in this catalogue, not on the simulated panel: the panel refuses it */
  ADD (999, "Gone Followers", "Default", "0.10", 10, 1000);
#undef ADD
  return services;
}

static void
test_check (void)
{
  g_autoptr(GPtrArray) services = catalogue_new ();
  g_autoptr(SmmMassOrder) mass = NULL;
  SmmMassOrderSummary summary;
  SmmMoney balance = { 500000000 };   /* 5.00 */
  SmmMoney charge;

  mass = read_ok ("1|https://instagram.com/nasa|1000\n"    /* 1: 0.90 */
                  "5|https://instagram.com/nasa|1000\n"    /* 2: no such service */
                  "1|https://instagram.com/esa|10\n"       /* 3: below the minimum */
                  "1|https://instagram.com/esa|20000\n"    /* 4: above the maximum */
                  "1|nasa|100\n"                           /* 5: not a web address */
                  "7|https://instagram.com/p/x|10\n"       /* 6: needs comments */
                  "21|https://instagram.com/x|100\n"       /* 7: needs a username */
                  "6|https://instagram.com/p/y|1\n"        /* 8: a package: 1.50 */
                  "6|https://instagram.com/p/z|3\n"        /* 9: a package of 3 */
                  "30|https://instagram.com/p/z|100\n"     /* 10: unknown type, default fields: 0.20 */
                  "1|https://instagram.com/nasa|2000\n"    /* 11: the same as line 1 */
                  "bad line\n",                            /* 12: unreadable */
                  SMM_MASS_ORDER_FORMAT_TEXT);

  g_assert_false (smm_mass_order_check (mass, services, &balance, &summary));
  g_assert_cmpuint (summary.n_lines, ==, 12);
  g_assert_cmpuint (summary.n_ready, ==, 3);
  g_assert_cmpuint (summary.n_invalid, ==, 9);
  g_assert_cmpint (summary.total.units, ==, 260000000);   /* 0.90 + 1.50 + 0.20 */
  g_assert_true (summary.balance_known);
  g_assert_false (summary.over_balance);

  g_assert_cmpint (smm_mass_order_line_get_state (smm_mass_order_get_line (mass, 0)), ==, SMM_MASS_ORDER_STATE_READY);
  g_assert_true (smm_mass_order_line_get_charge (smm_mass_order_get_line (mass, 0), &charge));
  g_assert_cmpint (charge.units, ==, 90000000);
  g_assert_true (smm_mass_order_line_get_service (smm_mass_order_get_line (mass, 0)) == services->pdata[0]);
  assert_error (mass, 1, SMM_MASS_ORDER_ERROR_NO_SERVICE, "Line 2: the panel has no service 5.");
  assert_error (mass, 2, SMM_MASS_ORDER_ERROR_INVALID, "Line 3: Quantity is below this service’s minimum of 50.");
  assert_error (mass, 3, SMM_MASS_ORDER_ERROR_INVALID,
                "Line 4: Quantity is above this service’s maximum of 10000.");
  assert_error (mass, 4, SMM_MASS_ORDER_ERROR_INVALID,
                "Line 5: Link is not a web address. Enter the full link, like https://instagram.com/name.");
  assert_error (mass, 5, SMM_MASS_ORDER_ERROR_NEEDS_FIELDS,
                "Line 6: service 7 needs more than a link and a quantity (Comments); order it on its own.");
  assert_error (mass, 6, SMM_MASS_ORDER_ERROR_NEEDS_FIELDS,
                "Line 7: service 21 needs more than a link and a quantity (Username); order it on its own.");
  g_assert_cmpint (smm_mass_order_line_get_state (smm_mass_order_get_line (mass, 7)), ==, SMM_MASS_ORDER_STATE_READY);
  g_assert_true (smm_mass_order_line_get_charge (smm_mass_order_get_line (mass, 7), &charge));
  g_assert_cmpint (charge.units, ==, 150000000);
  /* a package is sent with its link only */
  g_assert_null (smm_order_request_get (smm_mass_order_line_get_request (smm_mass_order_get_line (mass, 7)),
                                        SMM_FIELD_QUANTITY));
  assert_error (mass, 8, SMM_MASS_ORDER_ERROR_NEEDS_FIELDS, "Line 9: service 6 is a package: write 1 as its quantity.");
  g_assert_cmpint (smm_mass_order_line_get_state (smm_mass_order_get_line (mass, 9)), ==, SMM_MASS_ORDER_STATE_READY);
  assert_error (mass, 10, SMM_MASS_ORDER_ERROR_DUPLICATE,
                "Line 11: the same service and link as line 1; the panel would refuse the second order "
                "while the first runs.");
  assert_error (mass, 11, SMM_MASS_ORDER_ERROR_SYNTAX,
                "Line 12: write the service ID, the link and the quantity, separated by “|”.");

  /* a smaller balance: the total is more than it */
  balance.units = 100000000;
  smm_mass_order_check (mass, services, &balance, &summary);
  g_assert_cmpuint (summary.n_ready, ==, 3);
  g_assert_true (summary.over_balance);
  smm_mass_order_check (mass, services, NULL, &summary);
  g_assert_false (summary.balance_known);
  g_assert_false (summary.over_balance);
}

/* ---------------------------------------------------------------------------------------------
 * Placing, against the simulated panel
 */

typedef struct {
  SmmTestPanel  panel;
  GPtrArray    *services;
  GAsyncResult *result;
  GCancellable *cancellable;
  guint         n_finished;
  guint         cancel_after;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  smm_test_panel_set_up (&f->panel, data ? data : "1000.00");
  f->services = catalogue_new ();
  f->cancellable = g_cancellable_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->cancellable);
  g_clear_pointer (&f->services, g_ptr_array_unref);
  smm_test_panel_tear_down (&f->panel);
}

static void
line_finished_cb (SmmMassOrder     *mass,
                  SmmMassOrderLine *line,
                  Fixture          *f)
{
  g_assert_cmpint (smm_mass_order_line_get_state (line), !=, SMM_MASS_ORDER_STATE_SENDING);
  if (++f->n_finished == f->cancel_after)
    g_cancellable_cancel (f->cancellable);
}

static gboolean
place (Fixture            *f,
       SmmMassOrder       *mass,
       SmmMassOrderReport *report,
       GError            **error)
{
  g_clear_object (&f->result);
  smm_order_actions_place_many_async (f->panel.actions, mass, f->panel.account_id, f->cancellable,
                                      smm_test_result_cb, &f->result);
  return smm_order_actions_place_many_finish (f->panel.actions, smm_test_wait_result (&f->result), report, error);
}

static SmmMassOrder *
checked (Fixture    *f,
         const char *text)
{
  SmmMassOrder *mass = read_ok (text, SMM_MASS_ORDER_FORMAT_AUTO);

  smm_mass_order_check (mass, f->services, NULL, NULL);
  g_signal_connect (mass, "line-finished", G_CALLBACK (line_finished_cb), f);
  return mass;
}

static SmmMassOrderState
state_of (SmmMassOrder *mass,
          guint         position)
{
  return smm_mass_order_line_get_state (smm_mass_order_get_line (mass, position));
}

#define count_status(f, status) smm_test_count_orders ((f)->panel.store, (f)->panel.account_id, (status))

static void
test_place (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SmmMassOrder) mass = checked (f, "1|https://instagram.com/nasa|1000\n"
                                             "5|https://instagram.com/nasa|1000\n"   /* invalid: never sent */
                                             "999|https://instagram.com/esa|100\n"   /* the panel refuses it */
                                             "1|https://instagram.com/esa|500\n");
  g_autoptr(GError) error = NULL;
  SmmMassOrderReport report;
  SmmOrder *order;

  g_assert_true (place (f, mass, &report, &error));
  g_assert_no_error (error);
  g_assert_false (smm_mass_order_is_placing (mass));
  g_assert_cmpuint (report.n_placed, ==, 2);
  g_assert_cmpuint (report.n_rejected, ==, 1);
  g_assert_cmpuint (report.n_unconfirmed + report.n_failed + report.n_skipped, ==, 0);
  g_assert_false (report.cancelled);
  g_assert_cmpuint (report.stopped_at, ==, 0);
  g_assert_cmpuint (f->n_finished, ==, 3);

  g_assert_cmpint (state_of (mass, 0), ==, SMM_MASS_ORDER_STATE_PLACED);
  g_assert_cmpint (state_of (mass, 1), ==, SMM_MASS_ORDER_STATE_INVALID);
  g_assert_cmpint (state_of (mass, 2), ==, SMM_MASS_ORDER_STATE_REJECTED);
  g_assert_error ((GError *) smm_mass_order_line_get_error (smm_mass_order_get_line (mass, 2)),
                  SMM_API_ERROR, SMM_API_ERROR_INCORRECT_SERVICE);
  g_assert_cmpint (state_of (mass, 3), ==, SMM_MASS_ORDER_STATE_PLACED);

  /* each went the way of a single order: recorded, with the panel's id */
  order = smm_mass_order_line_get_order (smm_mass_order_get_line (mass, 0));
  g_assert_cmpint (smm_order_get_id (order), >, 0);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_cmpstr (smm_order_get_link (order), ==, "https://instagram.com/nasa");
  order = smm_mass_order_line_get_order (smm_mass_order_get_line (mass, 2));
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_REJECTED);
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 2);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add"), ==, 3);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_PENDING), ==, 2);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_REJECTED), ==, 1);

  /* nothing is sent twice */
  g_assert_false (place (f, mass, &report, &error));
  g_assert_error (error, SMM_MASS_ORDER_ERROR, SMM_MASS_ORDER_ERROR_NOTHING_READY);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add"), ==, 3);
}

static void
test_stop_no_funds (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SmmMassOrder) mass = checked (f, "1|https://instagram.com/a|1000\n"
                                             "1|https://instagram.com/b|1000\n"
                                             "1|https://instagram.com/c|1000\n");
  SmmMassOrderReport report;

  g_assert_true (place (f, mass, &report, NULL));
  g_assert_cmpuint (report.n_placed, ==, 1);
  g_assert_cmpuint (report.n_rejected, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 1);
  g_assert_cmpuint (report.stopped_at, ==, 2);
  g_assert_error ((GError *) smm_mass_order_line_get_error (smm_mass_order_get_line (mass, 1)),
                  SMM_API_ERROR, SMM_API_ERROR_NOT_ENOUGH_FUNDS);
  g_assert_cmpint (state_of (mass, 2), ==, SMM_MASS_ORDER_STATE_SKIPPED);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add"), ==, 2);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SmmMassOrder) mass = checked (f, "1|https://instagram.com/a|100\n"
                                             "1|https://instagram.com/b|100\n"
                                             "1|https://instagram.com/c|100\n");
  SmmMassOrderReport report;

  /* stopped while the first `add` is answered: it is recorded, the rest wait */
  f->cancel_after = 1;
  g_assert_true (place (f, mass, &report, NULL));
  g_assert_true (report.cancelled);
  g_assert_cmpuint (report.n_placed, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 2);
  g_assert_cmpint (state_of (mass, 0), ==, SMM_MASS_ORDER_STATE_PLACED);
  g_assert_cmpint (state_of (mass, 1), ==, SMM_MASS_ORDER_STATE_SKIPPED);
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 1);

  /* cancelled before it starts: nothing leaves */
  g_assert_true (place (f, mass, &report, NULL));
  g_assert_true (report.cancelled);
  g_assert_cmpuint (report.n_placed, ==, 0);
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 1);

  /* resumed: only the lines never sent */
  g_clear_object (&f->cancellable);
  f->cancellable = g_cancellable_new ();
  g_assert_true (place (f, mass, &report, NULL));
  g_assert_false (report.cancelled);
  g_assert_cmpuint (report.n_placed, ==, 2);
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 3);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add"), ==, 3);
}

static void
test_unconfirmed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SmmMassOrder) mass = checked (f, "1|https://instagram.com/a|100\n"
                                             "1|https://instagram.com/b|100\n");
  SmmMassOrderReport report;
  SmmOrder *order;

  smm_sim_set_fault (f->panel.sim, SMM_SIM_FAULT_DROP_AFTER_ADD, 1.0);
  g_assert_true (place (f, mass, &report, NULL));
  g_assert_cmpuint (report.n_unconfirmed, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 1);
  g_assert_cmpuint (report.stopped_at, ==, 1);
  g_assert_cmpint (state_of (mass, 0), ==, SMM_MASS_ORDER_STATE_UNCONFIRMED);
  /* the order exists on the panel, was sent once, and is in the history to be settled */
  g_assert_cmpuint (smm_sim_get_order_count (f->panel.sim), ==, 1);
  g_assert_cmpuint (smm_sim_get_request_count (f->panel.sim, "add"), ==, 1);
  order = smm_mass_order_line_get_order (smm_mass_order_get_line (mass, 0));
  g_assert_nonnull (order);
  g_assert_cmpint (smm_order_get_status (order), ==, SMM_ORDER_STATUS_UNCONFIRMED);
  g_assert_cmpuint (count_status (f, SMM_ORDER_STATUS_UNCONFIRMED), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/mass-order/text", test_text);
  g_test_add_func ("/core/mass-order/text-errors", test_text_errors);
  g_test_add_func ("/core/mass-order/file-errors", test_file_errors);
  g_test_add_func ("/core/mass-order/csv", test_csv);
  g_test_add_func ("/core/mass-order/check", test_check);
  g_test_add ("/core/mass-order/place", Fixture, NULL, fixture_set_up, test_place, fixture_tear_down);
  g_test_add ("/core/mass-order/stop-no-funds", Fixture, "1.00", fixture_set_up, test_stop_no_funds,
              fixture_tear_down);
  g_test_add ("/core/mass-order/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/core/mass-order/unconfirmed", Fixture, NULL, fixture_set_up, test_unconfirmed, fixture_tear_down);

  return g_test_run ();
}
