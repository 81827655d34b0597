/* sd-frame-probe.c — main-loop stalls and story opening timed for the
 * benchmark (tests/bench-window.py), only when STORYDESK_FRAME_LOG is set
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-frame-probe"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sd-frame-probe.h"

/* The probe's tick, and the lateness of a tick that is a stall. */
#define TICK_MS 10
#define STALL_US (50 * 1000)

static FILE  *probe_log;
static gint64 last_tick;
static gint64 story_asked;
/* the main thread's schedstat when the story was asked for */
static gint64 asked_cpu_ns, asked_wait_ns;
/* when the story was shown, and the ends of its frame's phases */
static gint64 story_shown, frame_began, layout_done, paint_done;
/* the story's widget drawing itself in that frame: when it began, and
 * the time it took (of the paint phase: the rest is the window's) */
static GtkWidget *story_widget;
static gint64     draw_began, draw_us;
/* the window in that frame: whether it was allocated anew (a resize
 * somewhere went up to it), and the box of what it repainted */
static GtkWidget   *story_window;
static gboolean     window_allocated;
static GdkRectangle window_painted;
/* the same ask, kept for the frame that paints the inspector after it */
static gint64     panel_asked, panel_cpu_ns, panel_wait_ns;
static gboolean   panel_allocated;
static GtkWidget *panel_window;
static int        schedstat_fd = -1;
static gint64     last_cpu_ns, last_wait_ns;

/* The main thread's time on a CPU and waiting for one (Linux's
 * /proc/thread-self/schedstat), so that a stall tells the window's own
 * work from a machine busy with others; -1 where it cannot be read. */
static void
read_schedstat (gint64 *cpu_ns, gint64 *wait_ns)
{
  char    buf[128];
  ssize_t n;

  *cpu_ns = *wait_ns = -1;
  if (schedstat_fd < 0 || lseek (schedstat_fd, 0, SEEK_SET) != 0
      || (n = read (schedstat_fd, buf, sizeof buf - 1)) <= 0)
    return;
  buf[n] = '\0';
  if (sscanf (buf, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, cpu_ns, wait_ns) != 2)
    *cpu_ns = *wait_ns = -1;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time (), cpu_ns, wait_ns;

  read_schedstat (&cpu_ns, &wait_ns);
  /* a tick due TICK_MS after the last that came later than that by more
   * than a stall: the main loop ran something else all that time, or
   * waited for a CPU (the last two figures: ms on one, ms waiting) */
  if (now - last_tick - TICK_MS * 1000 > STALL_US)
    {
      fprintf (probe_log, "stall %" G_GINT64_FORMAT " %.1f %.1f %.1f\n", last_tick,
               (now - last_tick) / 1000.0, cpu_ns < 0 ? -1 : (cpu_ns - last_cpu_ns) / 1e6,
               wait_ns < 0 ? -1 : (wait_ns - last_wait_ns) / 1e6);
      fflush (probe_log);
    }
  last_tick = now;
  last_cpu_ns = cpu_ns;
  last_wait_ns = wait_ns;
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
  schedstat_fd = open ("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
  read_schedstat (&last_cpu_ns, &last_wait_ns);
  last_tick = g_get_monotonic_time ();
  /* at the priority of redraws, so that it waits behind nothing but work */
  g_timeout_add_full (GDK_PRIORITY_REDRAW, TICK_MS, tick_cb, NULL, NULL);
}

void
sd_frame_probe_story_asked (void)
{
  if (probe_log == NULL)
    return;
  story_asked = g_get_monotonic_time ();
  read_schedstat (&asked_cpu_ns, &asked_wait_ns);
}

/* Connected after GTK's own handlers, each marks the end of a phase. */
static void
phase_cb (GdkFrameClock *clock, gint64 *mark)
{
  *mark = g_get_monotonic_time ();
}

static void after_paint_cb (GdkFrameClock *clock, gpointer data);

static gboolean
draw_begin_cb (GtkWidget *widget, cairo_t *cr, gpointer data)
{
  draw_began = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static gboolean
draw_end_cb (GtkWidget *widget, cairo_t *cr, gpointer data)
{
  draw_us += g_get_monotonic_time () - draw_began;
  return GDK_EVENT_PROPAGATE;
}

static void
window_allocated_cb (GtkWidget *window, GdkRectangle *allocation, gpointer data)
{
  window_allocated = TRUE;
}

static gboolean
window_draw_cb (GtkWidget *window, cairo_t *cr, gpointer data)
{
  GdkRectangle clip;

  if (!gdk_cairo_get_clip_rectangle (cr, &clip))
    return GDK_EVENT_PROPAGATE;
  if (window_painted.width == 0)
    window_painted = clip;
  else
    gdk_rectangle_union (&window_painted, &clip, &window_painted);
  return GDK_EVENT_PROPAGATE;
}

static void
disconnect_phases (GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, phase_cb, &frame_began);
  g_signal_handlers_disconnect_by_func (clock, phase_cb, &layout_done);
  g_signal_handlers_disconnect_by_func (clock, phase_cb, &paint_done);
  if (story_widget != NULL)
    {
      g_signal_handlers_disconnect_by_func (story_widget, draw_begin_cb, NULL);
      g_signal_handlers_disconnect_by_func (story_widget, draw_end_cb, NULL);
      g_clear_object (&story_widget);
    }
  if (story_window != NULL)
    {
      g_signal_handlers_disconnect_by_func (story_window, window_allocated_cb, NULL);
      g_signal_handlers_disconnect_by_func (story_window, window_draw_cb, NULL);
      g_clear_object (&story_window);
    }
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  gint64       now = g_get_monotonic_time (), cpu_ns, wait_ns;
  gboolean     allocated = window_allocated;
  GdkRectangle painted = window_painted;

  disconnect_phases (clock);
  if (story_asked == 0)
    return;
  read_schedstat (&cpu_ns, &wait_ns);
  panel_asked = story_asked;
  panel_cpu_ns = asked_cpu_ns;
  panel_wait_ns = asked_wait_ns;
  /* then, from the selection: the story shown (read and set), its frame
   * begun, laid out and painted; the ms the story's widget took to draw
   * itself in the paint; and the ms the main thread ran on a CPU and
   * waited for one all that time (-1 where the system does not say);
   * whether the window was allocated anew, and the box it repainted */
  fprintf (probe_log,
           "story %" G_GINT64_FORMAT " %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %d %d,%d,%d,%d\n",
           story_asked, (now - story_asked) / 1000.0, (story_shown - story_asked) / 1000.0,
           (frame_began - story_asked) / 1000.0, (layout_done - story_asked) / 1000.0,
           (paint_done - story_asked) / 1000.0, draw_us / 1000.0,
           cpu_ns < 0 || asked_cpu_ns < 0 ? -1 : (cpu_ns - asked_cpu_ns) / 1e6,
           wait_ns < 0 || asked_wait_ns < 0 ? -1 : (wait_ns - asked_wait_ns) / 1e6, allocated,
           painted.x, painted.y, painted.width, painted.height);
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
  disconnect_phases (clock);
  story_shown = frame_began = layout_done = paint_done = g_get_monotonic_time ();
  g_signal_connect (clock, "before-paint", G_CALLBACK (phase_cb), &frame_began);
  g_signal_connect (clock, "layout", G_CALLBACK (phase_cb), &layout_done);
  g_signal_connect (clock, "paint", G_CALLBACK (phase_cb), &paint_done);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  story_widget = g_object_ref (widget);
  draw_us = 0;
  g_signal_connect (widget, "draw", G_CALLBACK (draw_begin_cb), NULL);
  g_signal_connect_after (widget, "draw", G_CALLBACK (draw_end_cb), NULL);
  story_window = g_object_ref (gtk_widget_get_toplevel (widget));
  window_allocated = FALSE;
  window_painted = (GdkRectangle){ 0 };
  g_signal_connect (story_window, "size-allocate", G_CALLBACK (window_allocated_cb), NULL);
  g_signal_connect (story_window, "draw", G_CALLBACK (window_draw_cb), NULL);
  gtk_widget_queue_draw (widget);
}

static void
panel_allocated_cb (GtkWidget *window, GdkRectangle *allocation, gpointer data)
{
  panel_allocated = TRUE;
}

static void
panel_painted_cb (GdkFrameClock *clock, gpointer data)
{
  gint64 now = g_get_monotonic_time (), cpu_ns, wait_ns;

  g_signal_handlers_disconnect_by_func (clock, panel_painted_cb, data);
  if (panel_window != NULL)
    g_signal_handlers_disconnect_by_func (panel_window, panel_allocated_cb, NULL);
  g_clear_object (&panel_window);
  if (panel_asked == 0)
    return;
  read_schedstat (&cpu_ns, &wait_ns);
  fprintf (probe_log, "panel %" G_GINT64_FORMAT " %.1f %.1f %.1f %d\n", panel_asked,
           (now - panel_asked) / 1000.0,
           cpu_ns < 0 || panel_cpu_ns < 0 ? -1 : (cpu_ns - panel_cpu_ns) / 1e6,
           wait_ns < 0 || panel_wait_ns < 0 ? -1 : (wait_ns - panel_wait_ns) / 1e6,
           panel_allocated);
  fflush (probe_log);
  panel_asked = 0;
}

void
sd_frame_probe_panel_shown (GtkWidget *widget)
{
  GdkFrameClock *clock;

  if (probe_log == NULL || panel_asked == 0
      || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, panel_painted_cb, NULL);
  if (panel_window != NULL)
    g_signal_handlers_disconnect_by_func (panel_window, panel_allocated_cb, NULL);
  g_set_object (&panel_window, gtk_widget_get_toplevel (widget));
  panel_allocated = FALSE;
  g_signal_connect (panel_window, "size-allocate", G_CALLBACK (panel_allocated_cb), NULL);
  /* the end of the next frame's paint (this one's is over): a frame asked
   * for without invalidating anything, so that an inspector with nothing
   * changed is not painted for the probe's sake */
  g_signal_connect (clock, "paint", G_CALLBACK (panel_painted_cb), NULL);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static gint64 rows_landed;

static void
rows_painted_cb (GdkFrameClock *clock, gpointer data)
{
  gint64        now = g_get_monotonic_time (), cpu_ns, wait_ns;
  struct rusage usage = { 0 };

  g_signal_handlers_disconnect_by_func (clock, rows_painted_cb, data);
  read_schedstat (&cpu_ns, &wait_ns);
  getrusage (RUSAGE_SELF, &usage);
  fprintf (probe_log, "rows %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.1f %.1f %.1f\n",
           rows_landed, now, cpu_ns < 0 ? -1 : cpu_ns / 1e6, wait_ns < 0 ? -1 : wait_ns / 1e6,
           (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
               + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
  fflush (probe_log);
}

void
sd_frame_probe_first_rows (GtkWidget *widget)
{
  GdkFrameClock *clock;

  if (probe_log == NULL || rows_landed != 0
      || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return;
  rows_landed = g_get_monotonic_time ();
  g_signal_connect (clock, "after-paint", G_CALLBACK (rows_painted_cb), NULL);
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
