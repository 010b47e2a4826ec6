/* smm-bench-ui.c: the app's window, driven and timed in-process
 *
 *   smm-bench-ui catalogue|search|scroll|place
 *
 * Runs the real window on the store named by $SMM_DESK_STORE, whose "Bench panel" account points
 * at a running simulator (key in $SMM_PANEL_SIM_KEY). Prints one JSON object per measurement:
 *   {"name": "...", "ms": N}
 * Frames are counted when GTK has painted them (the frame clock's after-paint).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <stdlib.h>

#include "smm-application.h"
#include "smm-order-dialog.h"
#include "smm-orders-page.h"
#include "smm-services-page.h"
#include "smm-slot-list.h"
#include "smm-timing.h"
#include "smm-window.h"
#include "test-ui-util.h"

static SmmApplication *app;
static SmmWindow *window;
static SmmAccount *bench_account;
static guint n_paints;

static void
report (const char *name,
        double      ms)
{
  g_print ("{\"name\": \"%s\", \"ms\": %.3f}\n", name, ms);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
after_paint_cb (void)
{
  n_paints++;
}

/* Runs the loop until the window has painted a frame that began after this call. */
static void
wait_for_paint (void)
{
  guint seen = n_paints;

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (n_paints == seen)
    g_main_context_iteration (NULL, TRUE);
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static SmmAccount *
find_account (const char *name)
{
  GListModel *accounts = G_LIST_MODEL (smm_application_get_accounts (app));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SmmAccount) account = g_list_model_get_item (accounts, i);

      if (g_str_equal (smm_account_get_name (account), name))
        return account;
    }
  g_error ("no account “%s” in the store", name);
}

/* ---------------------------------------------------------------------------------------------
 * 1. Choosing an account with a cached catalogue, then fetching it afresh
 */

static SmmServicesPage *
show_catalogue (gboolean report_it)
{
  SmmServicesPage *page = SMM_SERVICES_PAGE (smm_window_get_page (window, "services"));
  GListModel *model = smm_services_page_get_model (page);
  gint64 start;

  wait_for_paint ();
  smm_timing_take_max_stall ();
  start = g_get_monotonic_time ();
  smm_window_select_account (window, bench_account);
  while (g_list_model_get_n_items (model) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint ();
  if (report_it)
    report ("catalogue-cached-shown", ms_since (start));
  /* the list tells of its rows a few at a time: until all are there */
  while (g_list_model_get_n_items (model) < 10000)
    g_main_context_iteration (NULL, TRUE);
  if (report_it)
    {
      report ("catalogue-cached-all-rows", ms_since (start));
      report ("catalogue-cached-max-stall", smm_timing_take_max_stall () / 1000.0);
    }

  /* choosing the account also asked the panel for the catalogue: let that end, then fetch again */
  while (smm_services_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  wait_for_paint ();
  smm_timing_take_max_stall ();
  start = g_get_monotonic_time ();
  smm_services_page_reload (page);
  while (smm_services_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint ();
  /* and until the rows kept have their new services */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  wait_for_paint ();
  if (report_it)
    {
      report ("catalogue-fetch-swapped", ms_since (start));
      report ("catalogue-fetch-max-stall", smm_timing_take_max_stall () / 1000.0);
      report ("catalogue-services", g_list_model_get_n_items (model));
    }
  return page;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The button of @label under @widget */
/* ---------------------------------------------------------------------------------------------
 * 2. Search: one keystroke at a time
 */

static void
bench_search (void)
{
  SmmServicesPage *page = show_catalogue (FALSE);
  GtkWidget *entry = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  const char *const queries[] = { "instagram followers", "tiktok likes", "youtube", "takipçi", "1234" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *end = queries[q];

      while (*end)
        {
          g_autofree char *typed = NULL;
          gint64 start;

          const char *next = g_utf8_next_char (end);
          int position = -1;

          /* a key press: one character more in the entry, and the search it starts */
          typed = g_strndup (queries[q], next - queries[q]);
          start = g_get_monotonic_time ();
          gtk_editable_insert_text (GTK_EDITABLE (entry), end, next - end, &position);
          smm_services_page_set_search (page, typed);
          end = next;
          report ("search-keystroke", ms_since (start));
          /* what a user sees between keystrokes */
          wait_for_paint ();
        }
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      smm_services_page_set_search (page, "");
      wait_for_paint ();
    }
}

/* ---------------------------------------------------------------------------------------------
 * 4. Scrolling the orders page from top to bottom
 */

static void
bench_scroll (void)
{
  GtkWidget *page;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  const guint steps = 200;
  guint n_orders;
  gint64 start;

  page = smm_window_get_page (window, "orders");
  wait_for_paint ();
  smm_timing_take_max_stall ();
  start = g_get_monotonic_time ();
  smm_window_select_account (window, bench_account);
  while (g_list_model_get_n_items (smm_orders_page_get_model (SMM_ORDERS_PAGE (page))) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint ();
  report ("orders-page-shown", ms_since (start));

  /* the list tells of its rows a few at a time: until all are there */
  while ((n_orders = g_list_model_get_n_items (smm_orders_page_get_model (SMM_ORDERS_PAGE (page)))) < 100000)
    g_main_context_iteration (NULL, TRUE);
  report ("orders-rows", n_orders);
  report ("orders-max-stall", smm_timing_take_max_stall () / 1000.0);
  scroller = GTK_SCROLLED_WINDOW (find_widget (page, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  for (guint i = 1; i <= steps; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, upper * i / steps);
      wait_for_paint ();
      report ("orders-scroll-step", ms_since (start));
    }
  /* and a row's height at a time, as a wheel does, near the bottom and the middle */
  for (guint i = 0; i < 50; i++)
    {
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - 48);
      wait_for_paint ();
      report ("orders-scroll-step", ms_since (start));
    }
}

/* ---------------------------------------------------------------------------------------------
 * 5. Placing an order: from confirming to the id on screen
 */

static double
bare_add (const char *url,
          const char *key,
          gint64      service_id,
          guint       n)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *link = g_strdup_printf ("https://instagram.com/bare_%u_%" G_GINT64_FORMAT, n,
                                           g_get_real_time ());
  g_autofree char *service = g_strdup_printf ("%" G_GINT64_FORMAT, service_id);
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_hash_table_insert (form, "key", (char *) key);
  g_hash_table_insert (form, "action", "add");
  g_hash_table_insert (form, "service", service);
  g_hash_table_insert (form, "link", link);
  g_hash_table_insert (form, "quantity", "1000");
  msg = soup_message_new_from_encoded_form ("POST", url, soup_form_encode_hash (form));
  start = g_get_monotonic_time ();
  body = soup_session_send_and_read (session, msg, NULL, &error);
  if (body == NULL || strstr (g_bytes_get_data (body, NULL), "\"order\"") == NULL)
    g_error ("bare add failed");
  return ms_since (start);
}

static void
placed_cb (SmmOrderDialog *dialog,
           SmmOrder       *order,
           gint64         *placed_at)
{
  if (order != NULL)
    *placed_at = g_get_monotonic_time ();
}

static SmmOrderDialog *
find_order_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (SMM_IS_ORDER_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
bench_place (void)
{
  SmmServicesPage *page = show_catalogue (FALSE);
  GListModel *model = smm_services_page_get_model (page);
  const char *key = g_getenv ("SMM_PANEL_SIM_KEY");
  g_autoptr(SmmService) service = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model) && service == NULL; i++)
    {
      g_autoptr(SmmSlot) slot = g_list_model_get_item (model, i);
      g_autoptr(SmmService) candidate = g_object_ref (smm_slot_get_item (slot));

      if (smm_service_get_service_type (candidate) == SMM_SERVICE_TYPE_DEFAULT &&
          smm_service_get_min (candidate) <= 1000 && smm_service_get_max (candidate) >= 1000)
        service = g_steal_pointer (&candidate);
    }
  g_assert (service != NULL);

  for (guint n = 0; n < 5; n++)
    {
      gint64 placed_at;
      SmmOrderDialog *dialog;
      AdwAlertDialog *question;
      GtkWidget *confirm;
      g_autofree char *link = g_strdup_printf ("https://instagram.com/bench_%u_%" G_GINT64_FORMAT, n,
                                               g_get_real_time ());
      gint64 start;

      report ("place-bare-add", bare_add (smm_account_get_endpoint (bench_account), key,
                                          smm_service_get_id (service), n));

      smm_window_new_order (window, bench_account, service, NULL);
      dialog = find_order_dialog ();
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      smm_order_dialog_set_field (dialog, SMM_FIELD_LINK, link);
      smm_order_dialog_set_field (dialog, SMM_FIELD_QUANTITY, "1000");
      question = smm_order_dialog_place (dialog);
      g_assert (question != NULL);
      confirm = test_find_button (GTK_WIDGET (question), adw_alert_dialog_get_response_label (question, "place"));
      g_assert (confirm != NULL);
      iterate_for (100);

      placed_at = 0;
      g_signal_connect (dialog, "placed", G_CALLBACK (placed_cb), &placed_at);
      start = g_get_monotonic_time ();
      /* as the user's click does: the question closes, then answers */
      g_signal_emit_by_name (confirm, "clicked");
      while (dialog != NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert (placed_at > 0);
      /* the toast with the id is up: what the app did, the panel's reply included */
      report ("place-confirm-to-toast", (placed_at - start) / 1000.0);
      wait_for_paint ();
      report ("place-confirm-to-id-shown", ms_since (start));
      iterate_for (200);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *key = g_getenv ("SMM_PANEL_SIM_KEY");
  const char *scenario = argc > 1 ? argv[1] : "";
  SmmAccount *other;

  if (key == NULL || g_getenv ("SMM_DESK_STORE") == NULL)
    {
      g_printerr ("usage: SMM_DESK_STORE=PATH SMM_PANEL_SIM_KEY=KEY smm-bench-ui catalogue|search|scroll|place\n");
      return EXIT_FAILURE;
    }
  g_setenv ("SMM_DESK_TIMING", "1", TRUE);
  smm_timing_init ();
  gtk_init ();
  adw_init ();

  app = smm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  bench_account = find_account ("Bench panel");
  if (!smm_application_connect_account (app, bench_account, key, &error))
    g_error ("%s", error->message);
  /* the window opens on another account, so that choosing the bench one is what is timed */
  other = find_account ("Other panel");
  settings = g_settings_new (APP_ID);
  g_settings_set_int64 (settings, "last-account", smm_account_get_id (other));

  window = smm_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint ();

  if (g_str_equal (scenario, "catalogue"))
    show_catalogue (TRUE);
  else if (g_str_equal (scenario, "search"))
    bench_search ();
  else if (g_str_equal (scenario, "scroll"))
    bench_scroll ();
  else if (g_str_equal (scenario, "place"))
    bench_place ();
  else
    g_error ("unknown scenario “%s”", scenario);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_object_unref (app);
  return EXIT_SUCCESS;
}
