/* test-shortcuts.c: the keyboard shortcuts window (smm-compat.c) opens over its window and lists
 * the window's own actions, among them the one that opens it */
#include "config.h"

#include <adwaita.h>

#include "smm-compat.h"
#include "smm-test-fixture.h"
#include "smm-test-ui-fixture.h"

static void
collect_actions (GtkWidget *widget,
                 GPtrArray *actions)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkShortcutsShortcut"))
    {
      char *action = NULL;

      g_object_get (widget, "action-name", &action, NULL);
      if (action)
        g_ptr_array_add (actions, action);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_actions (child, actions);
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkShortcutsWindow") &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_show (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *shortcuts;
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  gtk_window_present (parent);
  g_assert_null (find_shortcuts_window ());
  smm_compat_show_shortcuts (parent);
  while ((shortcuts = find_shortcuts_window ()) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == parent);
  collect_actions (GTK_WIDGET (shortcuts), actions);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.new-order", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.show-shortcuts", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.mass-order", g_str_equal, NULL));

  gtk_window_destroy (shortcuts);
  gtk_window_destroy (parent);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = smm_test_ui_init (&argc, &argv);
  int status;

  adw_init ();
  g_test_add_func ("/ui/shortcuts/show", test_show);
  status = g_test_run ();
  smm_test_dir_remove (dir);
  return status;
}
