/* sd-highlight-row.h — one highlight in the story inspector: the quoted
 * passage, its comment, and a button to remove it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_TYPE_HIGHLIGHT_ROW (sd_highlight_row_get_type ())
G_DECLARE_FINAL_TYPE (SdHighlightRow, sd_highlight_row, SD, HIGHLIGHT_ROW, GtkListBoxRow)

/* Signals:
 *   remove-highlight (SdHighlightRow *self, gpointer data): the editor
 *     removes the highlight. */

GtkWidget *sd_highlight_row_new    (const SdHighlight *highlight);
/* The highlight's id in the library. */
gint64     sd_highlight_row_get_id (SdHighlightRow    *self);

G_END_DECLS
