/* sd-tag-panel.h — the editor's tags, suggestions, highlights, note and
 * review status for the selected stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-edit-history.h"

G_BEGIN_DECLS

#define SD_TYPE_TAG_PANEL (sd_tag_panel_get_type ())
G_DECLARE_FINAL_TYPE (SdTagPanel, sd_tag_panel, SD, TAG_PANEL, GtkBox)

void sd_tag_panel_set_history (SdTagPanel    *self,
                               SdStore       *store,
                               SdEditHistory *history);
/* @stories: (element-type SdStory) the selected stories: one full record,
 * or several short ones (then only tags can be changed, on all of them).
 * Saves a note still being typed for the previous story. */
void sd_tag_panel_set_stories (SdTagPanel    *self,
                               GPtrArray     *stories);
/* The shown story changed in the library (an undo, a tag added elsewhere):
 * shows @story again, keeping a note being typed. */
void sd_tag_panel_update_story (SdTagPanel   *self,
                                const SdStory *story);
/* Writes a note still being typed now, instead of after the typing pause. */
void sd_tag_panel_flush      (SdTagPanel    *self);

G_END_DECLS
