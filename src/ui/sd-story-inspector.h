/* sd-story-inspector.h — the side panel for the selected stories: place,
 * review status, tags, theme suggestions, highlights and note
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-edit-history.h"
#include "sd-library-model.h"
#include "sd-story-model.h"

G_BEGIN_DECLS

#define SD_TYPE_STORY_INSPECTOR (sd_story_inspector_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryInspector, sd_story_inspector, SD, STORY_INSPECTOR, GtkBox)

/* The inspector reads the tags' names and colours from @library and the
 * shown story's theme suggestions from @shown; its edits go through
 * @history, renaming and recolouring tags through @library. */
void sd_story_inspector_set_models   (SdStoryInspector *self,
                                      SdLibraryModel   *library,
                                      SdStoryModel     *shown,
                                      SdEditHistory    *history);
/* @stories: (element-type SdStory) the selected stories: one full record,
 * or several short ones (then only tags can be changed, on all of them).
 * @ids: (element-type gint64) (nullable): every selected story's id, when
 * the selection holds stories the list has not read (select all on a long
 * list): tags then change on all of them, and the count says so.  Saves a
 * note still being typed for the previous story. */
void sd_story_inspector_set_stories  (SdStoryInspector *self,
                                      GPtrArray        *stories,
                                      GArray           *ids);
/* The shown story changed in the library (an undo, a tag added elsewhere):
 * shows @story again, keeping a note being typed. */
void sd_story_inspector_update_story (SdStoryInspector *self,
                                      const SdStory    *story);
/* Writes a note still being typed now, instead of after the typing pause. */
void sd_story_inspector_flush        (SdStoryInspector *self);

G_END_DECLS
