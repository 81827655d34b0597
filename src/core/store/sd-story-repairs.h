/* sd-story-repairs.h — an OCR repair taken back, as text: what both
 * engines write when an editor takes one back (no SQL here)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"
#include "sd-story.h"

G_BEGIN_DECLS

/* A story's text with one repair taken back. */
typedef struct
{
  char      *body;
  char      *byline;   /* (nullable) */
  GPtrArray *captions; /* (element-type utf8) */
} SdStoryReverted;

void            sd_story_reverted_clear (SdStoryReverted  *reverted);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdStoryReverted, sd_story_reverted_clear)

/* (nullable) the repair of @story whose id is @repair_id */
const SdRepair *sd_story_find_repair    (const SdStory    *story,
                                         gint64            repair_id);
gboolean        sd_story_revert_repair  (const SdStory    *story,
                                         gint64            repair_id,
                                         const char       *page_text,
                                         gsize             page_length,
                                         SdStoryReverted  *out_reverted,
                                         GError          **error);

G_END_DECLS
