/* sd-highlight-popover.h — asks for an optional comment on the selected
 * passage of a story before highlighting it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_HIGHLIGHT_POPOVER (sd_highlight_popover_get_type ())
G_DECLARE_FINAL_TYPE (SdHighlightPopover, sd_highlight_popover, SD, HIGHLIGHT_POPOVER, GtkPopover)

/* Signals:
 *   confirmed (SdHighlightPopover *self, gpointer data): the editor asked
 *     for the highlight.  The popover then pops down, and is destroyed
 *     once closed. */

/* @start, @end: the passage, in characters into the story body. */
GtkWidget  *sd_highlight_popover_new         (GtkWidget          *relative_to,
                                              const GdkRectangle *pointing_to,
                                              gint64              start,
                                              gint64              end);
void        sd_highlight_popover_get_range   (SdHighlightPopover *self,
                                              gint64             *out_start,
                                              gint64             *out_end);
/* The comment typed, possibly empty. */
const char *sd_highlight_popover_get_comment (SdHighlightPopover *self);

G_END_DECLS
