/* sd-frame-probe.c — main-loop stalls and story opening timed for the
 * benchmark (tests/bench-window.py), only when STORYDESK_FRAME_LOG is set
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-frame-probe"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "sd-frame-probe.h"

/* The probe's tick, and the lateness of a tick that is a stall. */
#define TICK_MS 10
#define STALL_US (50 * 1000)

static FILE  *probe_log;
static gint64 last_tick;
static gint64 story_asked;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  /* a tick due TICK_MS after the last that came later than that by more
   * than a stall: the main loop ran something else all that time */
  if (now - last_tick - TICK_MS * 1000 > STALL_US)
    {
      fprintf (probe_log, "stall %" G_GINT64_FORMAT " %.1f\n", last_tick,
               (now - last_tick) / 1000.0);
      fflush (probe_log);
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

void
sd_frame_probe_start (void)
{
  const char *path = g_getenv ("STORYDESK_FRAME_LOG");

  if (path == NULL || probe_log != NULL)
    return;
  probe_log = fopen (path, "a");
  if (probe_log == NULL)
    {
      g_warning ("%s: cannot write the frame log: %s", path, g_strerror (errno));
      return;
    }
  last_tick = g_get_monotonic_time ();
  /* at the priority of redraws, so that it waits behind nothing but work */
  g_timeout_add_full (GDK_PRIORITY_REDRAW, TICK_MS, tick_cb, NULL, NULL);
}

void
sd_frame_probe_story_asked (void)
{
  if (probe_log != NULL)
    story_asked = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, data);
  if (story_asked == 0)
    return;
  fprintf (probe_log, "story %" G_GINT64_FORMAT " %.1f\n", story_asked,
           (now - story_asked) / 1000.0);
  fflush (probe_log);
  story_asked = 0;
}

void
sd_frame_probe_story_shown (GtkWidget *widget)
{
  GdkFrameClock *clock;

  if (probe_log == NULL || story_asked == 0
      || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
}

void
sd_frame_probe_mark (const char *what)
{
  if (probe_log == NULL)
    return;
  fprintf (probe_log, "mark %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), what);
  fflush (probe_log);
}
