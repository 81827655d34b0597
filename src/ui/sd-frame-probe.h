/* sd-frame-probe.h — what the benchmark's window run measures inside the
 * window: stalls of the main loop and the time to open a story (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starts the probe when STORYDESK_FRAME_LOG names a file (else nothing):
 * each stall of the main loop over 50 ms is a line "stall START MS CPU WAIT"
 * there (START in µs of the monotonic clock, as Python's time.monotonic ();
 * CPU and WAIT the ms the main thread ran meanwhile and waited for a CPU,
 * -1 where the system does not say). */
void     sd_frame_probe_start       (void);
/* A story was asked for: the next sd_frame_probe_story_shown () times it. */
void     sd_frame_probe_story_asked (void);
/* The story is in @widget: the time from the ask to the end of the next
 * frame @widget's frame clock paints is a line "story START MS SHOWN
 * BEGUN LAID PAINTED DRAW CPU WAIT": the ms from the ask to the story
 * shown, to its frame begun, laid out and painted, the ms @widget drew in
 * it, and the ms the main thread ran and waited for a CPU meanwhile. */
void     sd_frame_probe_story_shown (GtkWidget *widget);
/* The inspector was filled for that story, a frame after it: the time from
 * the ask to the end of the next frame's paint is a line "panel START MS
 * CPU WAIT ALLOCATED" (ALLOCATED 1 when the window was laid out anew in
 * it).  The story's line gains two figures: 1 when the window was laid
 * out anew in the story's frame, and X,Y,WIDTH,HEIGHT, the box of what
 * the window repainted in it. */
void     sd_frame_probe_panel_shown (GtkWidget *widget);
/* The window's first list landed: once, the end of the next frame @widget
 * paints is a line "rows LANDED PAINTED CPU WAIT ALL" (both times in µs of
 * the monotonic clock; CPU and WAIT the ms the main thread ran and waited
 * for a CPU since the process began, ALL the ms every thread of the
 * process ran, user and system), the cold start's cost on a CPU. */
void     sd_frame_probe_first_rows  (GtkWidget *widget);
/* Something the benchmark waits for happened (an import began or ended):
 * a line "mark START WHAT". */
void     sd_frame_probe_mark        (const char *what);

G_END_DECLS
