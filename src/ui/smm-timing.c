/* smm-timing.c: the app's own timing hooks, for benchmarks/
 *
 * With SMM_DESK_TIMING set, the app prints "smm-timing: WHAT MICROSECONDS" lines on standard
 * error, the time read from the monotonic clock (the one Python's time.monotonic() reads), so a
 * benchmark can measure from the moment it started the process. It also keeps the longest
 * stretch the main loop spent between two polls: the longest the window could not draw.
 *
 * SMM_DESK_TIMING=quit also ends the app once it has drawn its first frame and has had nothing
 * to do for a moment, after printing its resident memory and that longest stall.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "smm-timing.h"

static gboolean enabled;
static gboolean quit_when_settled;
static gint64 last_check;
static gint64 max_stall;

void
smm_timing_mark (const char *what)
{
  if (enabled)
    fprintf (stderr, "smm-timing: %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

/* Every iteration of the loop prepares each source before it polls and checks each after: the
 * time from one check to the next prepare is what the loop spent dispatching, not waiting. */
static gboolean
stall_prepare (GSource *source,
               int     *timeout)
{
  *timeout = -1;
  if (last_check > 0)
    max_stall = MAX (max_stall, g_get_monotonic_time () - last_check);
  return FALSE;
}

static gboolean
stall_check (GSource *source)
{
  last_check = g_get_monotonic_time ();
  return FALSE;
}

static GSourceFuncs stall_funcs = {
  .prepare = stall_prepare,
  .check = stall_check,
};

/* Returns: the longest stall, in microseconds, since the last call */
gint64
smm_timing_take_max_stall (void)
{
  gint64 stall = max_stall;

  max_stall = 0;
  return stall;
}

void
smm_timing_init (void)
{
  const char *value = g_getenv ("SMM_DESK_TIMING");
  GSource *source;

  if (enabled || value == NULL || *value == '\0')
    return;
  enabled = TRUE;
  quit_when_settled = g_str_equal (value, "quit");
  source = g_source_new (&stall_funcs, sizeof (GSource));
  g_source_set_name (source, "[smm-desk] stall meter");
  /* first to prepare, last to check: the stretch between covers every other source */
  g_source_set_priority (source, G_PRIORITY_HIGH - 100);
  g_source_attach (source, NULL);
  g_source_unref (source);
}

static gint64
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmRSS:");
  return line ? g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10) : -1;
}

static gboolean
settled_cb (gpointer data)
{
  GtkWindow *window = data;

  fprintf (stderr, "smm-timing: rss-kb %" G_GINT64_FORMAT "\n", read_rss_kb ());
  fprintf (stderr, "smm-timing: max-stall-us %" G_GINT64_FORMAT "\n", smm_timing_take_max_stall ());
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  smm_timing_mark ("first-frame");
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  if (quit_when_settled)
    /* what start-up left for later has had its turn once the loop idles */
    g_timeout_add_full (G_PRIORITY_LOW, 500, settled_cb, g_object_ref (window), g_object_unref);
}

static void
realize_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), widget, 0);
}

/* Marks "first-frame" once @window has drawn itself. */
void
smm_timing_watch_window (GtkWindow *window)
{
  if (!enabled)
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
