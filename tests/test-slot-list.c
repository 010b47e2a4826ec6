/* test-slot-list.c: the services table's list as a view sees it: slots that keep their place while
 * the filter, the sort and the items change, and how the list grows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-slot-list"

#include "config.h"

#include <gtk/gtk.h>

#include "smm-service.h"
#include "smm-slot-list.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"

#define STEP  8     /* rows told per turn of the main loop while the list grows (smm-list-mode.c) */
#define EAGER 200   /* past these, the rest at once */

typedef struct {
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  SmmSlotList     *list;
  SmmTestRecorder *recorder;
  gint64           divisor;     /* the filter keeps the ids it divides, 1: every id */
  gboolean         descending;  /* the sorter's order of ids */
  guint            n_notified;  /* notify::item of the slots the view holds */
} Fixture;

typedef enum {
  MODE_SLOTS,
  MODE_UNPACED,
  MODE_PLAIN,
} Mode;

static Mode
get_mode (void)
{
  const char *mode = g_getenv ("SMM_DESK_LIST_MODE");

  if (g_strcmp0 (mode, "plain") == 0)
    return MODE_PLAIN;
  return g_strcmp0 (mode, "unpaced") == 0 ? MODE_UNPACED : MODE_SLOTS;
}

/* The service a row shows: a slot's item, or (plain) the item itself */
static gint64
id_of (gpointer item)
{
  if (SMM_IS_SLOT (item))
    item = smm_slot_get_item (item);
  return smm_service_get_id (SMM_SERVICE (item));
}

static gboolean
match_cb (gpointer item,
          gpointer data)
{
  Fixture *f = data;

  return smm_service_get_id (item) % f->divisor == 0;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  Fixture *f = data;
  gint64 id_a = smm_service_get_id ((SmmService *) a);
  gint64 id_b = smm_service_get_id ((SmmService *) b);
  int order = id_a < id_b ? GTK_ORDERING_SMALLER : id_a > id_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;

  return f->descending ? -order : order;
}

static void
item_notify_cb (GObject    *slot,
                GParamSpec *pspec,
                Fixture    *f)
{
  f->n_notified++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->divisor = 1;
  f->filter = gtk_custom_filter_new (match_cb, f, NULL);
  f->sorter = gtk_custom_sorter_new (compare_cb, f, NULL);
  f->list = smm_slot_list_new (GTK_FILTER (f->filter), GTK_SORTER (f->sorter));
  f->recorder = smm_test_recorder_new (G_LIST_MODEL (f->list), id_of);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  smm_test_recorder_free (f->recorder);
  g_assert_finalize_object (f->list);
  g_assert_finalize_object (f->filter);
  g_assert_finalize_object (f->sorter);
}

/* Services @first to @last, in that order */
static GPtrArray *
services_new (gint64 first,
              gint64 last)
{
  GPtrArray *services = g_ptr_array_new_with_free_func (g_object_unref);

  for (gint64 id = first; id <= last; id++)
    {
      g_autofree char *name = g_strdup_printf ("Service %" G_GINT64_FORMAT, id);

      g_ptr_array_add (services, smm_service_new (id, name));
    }
  return services;
}

/* Turns the main loop until the list has told of all it shows, and its slots show it */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

/* Watches the item of every slot the view holds */
static void
watch_slots (Fixture *f)
{
  for (guint i = 0; i < f->recorder->mirror->len; i++)
    {
      GObject *slot = f->recorder->mirror->pdata[i];

      g_assert_true (SMM_IS_SLOT (slot));
      g_signal_handlers_disconnect_by_func (slot, item_notify_cb, f);
      g_signal_connect (slot, "notify::item", G_CALLBACK (item_notify_cb), f);
    }
  f->n_notified = 0;
}

static void
set_items (Fixture *f,
           gint64   first,
           gint64   last)
{
  g_autoptr(GPtrArray) services = services_new (first, last);

  smm_slot_list_set_items (f->list, services);
}

/* Items, told a few at a time in the default mode, and at once otherwise. */
static void
test_set_items (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  set_items (f, 1, 20);
  g_assert_cmpuint (smm_slot_list_get_n_shown (f->list), ==, 20);
  g_assert_cmpuint (smm_slot_list_get_items (f->list)->len, ==, 20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, get_mode () == MODE_SLOTS ? STEP : 20);
  settle ();
  smm_test_recorder_assert (f->recorder, get_mode () == MODE_SLOTS ? "0 -0 +8, 8 -0 +8, 16 -0 +4" : "0 -0 +20",
                            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) ==
                 (get_mode () == MODE_PLAIN ? G_TYPE_OBJECT : SMM_TYPE_SLOT));
}

/* A filter that leaves some items out: the rows on screen keep their slots and show the items
 * that stay; the list is told it got shorter, at its end. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GObject) first_slot = NULL;

  set_items (f, 1, 20);
  settle ();
  smm_test_recorder_assert (f->recorder, NULL, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20");
  first_slot = g_list_model_get_item (G_LIST_MODEL (f->list), 0);

  f->divisor = 2;
  if (get_mode () != MODE_PLAIN)
    watch_slots (f);
  gtk_filter_changed (GTK_FILTER (f->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  settle ();
  g_assert_cmpuint (smm_slot_list_get_n_shown (f->list), ==, 10);
  smm_test_recorder_assert (f->recorder, get_mode () == MODE_PLAIN ? NULL : "10 -10 +0",
                            "2 4 6 8 10 12 14 16 18 20");
  if (get_mode () != MODE_PLAIN)
    {
      g_autoptr(GObject) slot = g_list_model_get_item (G_LIST_MODEL (f->list), 0);

      g_assert_true (slot == first_slot);
      g_assert_cmpint (id_of (slot), ==, 2);
      g_assert_cmpuint (f->n_notified, ==, 10);   /* the 10 rows that stay all show another item */
    }

  /* and back: the list is told it grew, at its end, a few rows a turn */
  f->divisor = 1;
  gtk_filter_changed (GTK_FILTER (f->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  settle ();
  smm_test_recorder_assert (f->recorder,
                            get_mode () == MODE_PLAIN ? NULL :
                            get_mode () == MODE_SLOTS ? "10 -0 +8, 18 -0 +2" : "10 -0 +10",
                            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20");
}

/* A sort the other way round: the same slots, each with another item; nothing is told. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  set_items (f, 1, 12);
  settle ();
  smm_test_recorder_assert (f->recorder, NULL, "1 2 3 4 5 6 7 8 9 10 11 12");

  f->descending = TRUE;
  if (get_mode () != MODE_PLAIN)
    watch_slots (f);
  gtk_sorter_changed (GTK_SORTER (f->sorter), GTK_SORTER_CHANGE_INVERTED);
  if (get_mode () == MODE_SLOTS)
    g_assert_cmpuint (f->n_notified, ==, STEP);   /* the first rows at once, the rest next turn */
  settle ();
  smm_test_recorder_assert (f->recorder, get_mode () == MODE_PLAIN ? NULL : "", "12 11 10 9 8 7 6 5 4 3 2 1");
  if (get_mode () != MODE_PLAIN)
    g_assert_cmpuint (f->n_notified, ==, 12);
}

/* New items (a catalogue fetched again): one more is told at the end, wherever it sorts; one
 * fewer likewise. */
static void
test_new_and_removed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) services = services_new (1, 10);

  f->descending = TRUE;
  gtk_sorter_changed (GTK_SORTER (f->sorter), GTK_SORTER_CHANGE_INVERTED);
  smm_slot_list_set_items (f->list, services);
  settle ();
  smm_test_recorder_assert (f->recorder, get_mode () == MODE_SLOTS ? "0 -0 +8, 8 -0 +2" : NULL,
                            "10 9 8 7 6 5 4 3 2 1");

  /* service 11 arrives, first in this order */
  g_ptr_array_add (services, smm_service_new (11, "Service 11"));
  smm_slot_list_set_items (f->list, services);
  settle ();
  smm_test_recorder_assert (f->recorder, get_mode () == MODE_PLAIN ? NULL : "10 -0 +1",
                            "11 10 9 8 7 6 5 4 3 2 1");

  /* service 5 leaves */
  g_ptr_array_remove_index (services, 4);
  smm_slot_list_set_items (f->list, services);
  settle ();
  smm_test_recorder_assert (f->recorder, get_mode () == MODE_PLAIN ? NULL : "10 -1 +0",
                            "11 10 9 8 7 6 4 3 2 1");
  g_assert_cmpuint (smm_slot_list_get_items (f->list)->len, ==, 10);
}

/* A long list: a few rows a turn of the main loop up to EAGER, then the rest. */
static void
test_pacing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *changes = NULL;
  g_autofree char *values = NULL;
  guint n_items, turns = 0;

  set_items (f, 1, 1000);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n_items, ==, get_mode () == MODE_SLOTS ? STEP : 1000);
  while (g_main_context_iteration (NULL, FALSE))
    {
      guint was = n_items;

      n_items = g_list_model_get_n_items (G_LIST_MODEL (f->list));
      g_assert_cmpuint (n_items, >=, was);
      if (n_items > was)
        turns++;
    }
  g_assert_cmpuint (n_items, ==, 1000);
  g_assert_cmpuint (turns, ==, get_mode () == MODE_SLOTS ? (EAGER - STEP) / STEP + 1 : 0);

  changes = smm_test_recorder_take_changes (f->recorder);
  if (get_mode () == MODE_SLOTS)
    {
      for (guint told = 0; told < EAGER; told += STEP)
        g_string_append_printf (expected, "%u -0 +%u, ", told, STEP);
      g_string_append_printf (expected, "%u -0 +%u", EAGER, 1000 - EAGER);
      g_assert_cmpstr (changes, ==, expected->str);
    }
  else if (get_mode () == MODE_UNPACED)
    g_assert_cmpstr (changes, ==, "0 -0 +1000");
  values = smm_test_list_dup_values (G_LIST_MODEL (f->list), id_of);
  g_assert_true (g_str_has_prefix (values, "1 2 3 4 5 6 7 8 9 10 "));
  g_assert_true (g_str_has_suffix (values, " 998 999 1000"));
  smm_test_recorder_assert (f->recorder, "", values);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = smm_test_ui_init (&argc, &argv);
  int status;

#define ADD(path, func) g_test_add ("/ui/slot-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("set-items", test_set_items);
  ADD ("filter", test_filter);
  ADD ("sort", test_sort);
  ADD ("new-and-removed", test_new_and_removed);
  ADD ("pacing", test_pacing);
#undef ADD
  status = g_test_run ();
  smm_test_dir_remove (dir);
  return status;
}
