/* sd-window-story-frame.c — the list's selection and the story it opens
 * painted in one frame (#16)
 *
 * A key or a click on a row repainted the list at once, and the story,
 * read in the library's worker a few milliseconds later, then waited for
 * the next frame: GDK's frame clock starts frames a refresh apart (16.7 ms
 * here), so the story's frame began a median 10 ms after its text was set
 * (perf and the frame probe, session 14).  The window's frame clock is now
 * held from the selection until the story is shown, HOLD_MS at most, and
 * the frame after it paints both: the editor sees the row and its story
 * together.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include "sd-window-private.h"

/* Longer than a story's read takes on a loaded machine (1–8 ms at 100,000
 * stories, load 7–11), short enough that a slow read (a shared library's
 * server far away) holds the selection for no more than three frames. */
#define HOLD_MS 50

static gboolean
hold_expired_cb (gpointer data)
{
  SdWindow *self = data;

  self->hold_timeout = 0;
  _sd_window_release_frame (self);
  return G_SOURCE_REMOVE;
}

/* GTK 3 has no other way to hold a toplevel's frames: gdk_window_freeze_
 * updates () holds its paints but not its frames, and a frame run meanwhile
 * (a layout) starts the refresh's wait again, which is what is avoided. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

void
_sd_window_hold_frame (SdWindow *self)
{
  GdkWindow *window = gtk_widget_get_window (GTK_WIDGET (self));

  if (self->held_window != NULL || window == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self->article_view)))
    return;
  self->held_window = g_object_ref (window);
  gdk_window_freeze_toplevel_updates_libgtk_only (window);
  self->hold_timeout = g_timeout_add (HOLD_MS, hold_expired_cb, self);
}

void
_sd_window_release_frame (SdWindow *self)
{
  g_autoptr (GdkWindow) window = g_steal_pointer (&self->held_window);

  g_clear_handle_id (&self->hold_timeout, g_source_remove);
  if (window != NULL)
    gdk_window_thaw_toplevel_updates_libgtk_only (window);
}

G_GNUC_END_IGNORE_DEPRECATIONS
