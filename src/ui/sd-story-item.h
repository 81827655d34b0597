/* sd-story-item.h — one story of a SdStoryListModel: a GListModel holds
 * objects, and SdStory is a plain record
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_TYPE_STORY_ITEM (sd_story_item_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryItem, sd_story_item, SD, STORY_ITEM, GObject)

/* Keeps a reference to @story; an item never changes: a changed story is a
 * new item. */
SdStoryItem *sd_story_item_new       (SdStory     *story);
/* (transfer none) */
SdStory     *sd_story_item_get_story (SdStoryItem *self);
gint64       sd_story_item_get_id    (SdStoryItem *self);

/* Where the story was printed, as a newsroom says it: "苏州日报
 * 2022-11-03 A05版", the parts known; NULL when none is. */
char        *sd_story_dup_issue_label (const SdStory *story);

/* Whether two records of a story differ in what a row and the
 * inspector's view of a selection show. */
gboolean     sd_story_row_differs     (const SdStory *a,
                                       const SdStory *b);

G_END_DECLS
