/* sd-story-editor.h — a dialog to correct a story's headline, kicker,
 * reporter and byline
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

#define SD_TYPE_STORY_EDITOR (sd_story_editor_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryEditor, sd_story_editor, SD, STORY_EDITOR, GtkDialog)

/* Shows the dialog; on Apply, each changed field is one undoable step. */
void sd_story_editor_present (GtkWindow     *parent,
                              SdEditHistory *history,
                              const SdStory *story);

G_END_DECLS
