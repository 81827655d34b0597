/* sd-story-model.h — the story shown: its full record and its theme
 * suggestions, read in the store's worker and read again when the library
 * changes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-library.h"

G_BEGIN_DECLS

/* What SdStoryModel::changed brings. */
typedef enum
{
  SD_STORY_MODEL_CHANGE_STORY,       /* another story, or none */
  SD_STORY_MODEL_CHANGE_TEXT,        /* the same story read again: what sets
                                      * out its article changed (text, title,
                                      * byline, place) */
  SD_STORY_MODEL_CHANGE_ANNOTATIONS, /* the same story: only its tags, note,
                                      * status or highlights changed */
} SdStoryModelChange;

#define SD_TYPE_STORY_MODEL (sd_story_model_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryModel, sd_story_model, SD, STORY_MODEL, GObject)

SdStoryModel *sd_story_model_new       (SdLibrary    *library);
/* Shows the story @id (0 for none): it is read in the store's worker, and
 * SdStoryModel::changed follows once it is there.  The story shown until
 * then stays. */
void          sd_story_model_set_id    (SdStoryModel *self,
                                        gint64        id);
/* The story asked for, which may still be being read. */
gint64        sd_story_model_get_id    (SdStoryModel *self);
/* The full record of the story shown, or NULL. (transfer none) */
SdStory      *sd_story_model_get_story (SdStoryModel *self);
/* Why the story asked for could not be read, or NULL. */
const GError *sd_story_model_get_error (SdStoryModel *self);
/* The themes an editor turned down for the story shown. (element-type utf8) (transfer none) */
GPtrArray    *sd_story_model_get_dismissed_themes (SdStoryModel *self);
/* The theme suggestions to show beside it, worked out with it in the
 * store's worker. (element-type SdThemeSuggestion) (transfer none) */
GPtrArray    *sd_story_model_get_suggestions (SdStoryModel *self);
/* The library the story is read from. (transfer none) */
SdLibrary    *sd_story_model_get_library     (SdStoryModel *self);

/* The page of the story shown, and its span in the page's text, read
 * in the store's worker. */
void          sd_story_model_read_page_async  (SdStoryModel        *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: (transfer full) */
SdStoryPage  *sd_story_model_read_page_finish (SdStoryModel        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
