/* test-ui-util.h: shared helpers of the test programs that drive the GTK views */
#pragma once

#include <adwaita.h>

/* The button under @widget whose label is @label, mnemonic included */
static inline GtkWidget *
test_find_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

/* Answers @dialog as the user's click on the button of @response does: it closes, then answers. */
static inline void
test_alert_respond (AdwAlertDialog *dialog,
                    const char     *response)
{
  GtkWidget *button;

  g_assert_true (adw_alert_dialog_has_response (dialog, response));
  button = test_find_button (GTK_WIDGET (dialog), adw_alert_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}
