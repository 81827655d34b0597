/* sd-suggestion-row.h — one theme suggestion in the story inspector: the
 * theme, its score and evidence, and buttons to accept or dismiss it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-theme-suggester.h"

G_BEGIN_DECLS

#define SD_TYPE_SUGGESTION_ROW (sd_suggestion_row_get_type ())
G_DECLARE_FINAL_TYPE (SdSuggestionRow, sd_suggestion_row, SD, SUGGESTION_ROW, GtkListBoxRow)

/* Signals:
 *   accept (SdSuggestionRow *self, gpointer data): the editor takes the
 *     theme as a tag.
 *   dismiss (SdSuggestionRow *self, gpointer data): the editor does not
 *     want the theme suggested for the story again. */

GtkWidget  *sd_suggestion_row_new            (const SdThemeSuggestion *suggestion);
void        sd_suggestion_row_set_suggestion (SdSuggestionRow         *self,
                                              const SdThemeSuggestion *suggestion);
const char *sd_suggestion_row_get_theme      (SdSuggestionRow         *self);

G_END_DECLS
