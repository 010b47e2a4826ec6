/* smm-bench-cells.c: what a table's cells cost, hand-made or from the builder
 *
 * The services and orders tables build their cells in C (src/ui/smm-cell.c) because on GTK 4.8 a
 * row from GtkBuilderListItemFactory cost ~1.7 ms. This program measures both kinds on the GTK at
 * hand, on the same nine-column table of 10,000 services, to the frame GTK painted:
 *
 *   first-screen   the table shown with its rows (every row GTK keeps is built)
 *   swap           every row given another service (a search or a fresh catalogue)
 *
 * Usage: smm-bench-cells RUNS   (prints one JSON line per figure; benchmarks/bench.py reads them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "smm-service.h"

#define N_SERVICES 10000

static const char *const columns[] = {
  "id", "name", "category", "type-name", "min", "max", "refill", "cancel", "description",
};

static guint n_paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  n_paints++;
}

static void
wait_for_paint (GtkWidget *window)
{
  guint seen = n_paints;

  gtk_widget_queue_draw (window);
  while (n_paints == seen)
    g_main_context_iteration (NULL, TRUE);
}

/* ------------------------------------------------------------------ hand-made: SmmCell's way */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *property)
{
  GObject *service = gtk_list_item_get_item (item);
  GValue value = G_VALUE_INIT;
  GValue text = G_VALUE_INIT;

  g_value_init (&text, G_TYPE_STRING);
  g_object_get_property (service, property, &value);
  g_value_transform (&value, &text);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), g_value_get_string (&text));
  g_value_unset (&value);
  g_value_unset (&text);
}

static GtkListItemFactory *
hand_made_factory (const char *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), (gpointer) property);
  return factory;
}

/* ------------------------------------------------------------------ the builder's way */

static GtkListItemFactory *
builder_factory (const char *property)
{
  g_autofree char *ui = g_strdup_printf (
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<property name=\"ellipsize\">end</property>"
    "<binding name=\"label\"><lookup name=\"%s\" type=\"SmmService\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>", property);
  g_autoptr(GBytes) bytes = g_bytes_new (ui, strlen (ui));

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

/* ------------------------------------------------------------------ one run */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *kind,
        const char *name,
        double      ms)
{
  g_print ("{\"kind\": \"%s\", \"name\": \"%s\", \"ms\": %.3f}\n", kind, name, ms);
}

static void
run (GPtrArray *services,
     gboolean   builder)
{
  const char *kind = builder ? "builder" : "hand-made";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GListStore *store = g_list_store_new (SMM_TYPE_SERVICE);
  gint64 start;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = builder ? builder_factory (columns[i]) : hand_made_factory (columns[i]);
      GtkColumnViewColumn *column = gtk_column_view_column_new (columns[i], factory);

      gtk_column_view_column_set_expand (column, i == 1 || i == 8);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint (window);

  start = g_get_monotonic_time ();
  g_list_store_splice (store, 0, 0, services->pdata, services->len);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)))));
  wait_for_paint (window);
  report (kind, "first-screen", ms_since (start));

  /* the same rows, each with another service: the second half of the catalogue first */
  start = g_get_monotonic_time ();
  g_list_store_splice (store, 0, services->len, services->pdata + services->len / 2, services->len / 2);
  wait_for_paint (window);
  report (kind, "swap", ms_since (start));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  int runs = argc > 1 ? atoi (argv[1]) : 5;

  gtk_init ();
  for (guint i = 0; i < N_SERVICES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Instagram Followers [Real, %u days refill] [Max 10K]", i % 90);
      SmmService *service = smm_service_new (i + 1, name);

      smm_service_set_category (service, i % 2 ? "Instagram Followers" : "TikTok Views");
      smm_service_set_type_name (service, "Default");
      g_ptr_array_add (services, service);
    }

  /* the kinds alternate, so that the machine's noise falls on both alike */
  for (int i = 0; i < runs; i++)
    {
      run (services, FALSE);
      run (services, TRUE);
    }
  return 0;
}
