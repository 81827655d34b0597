/* sd-segment.h — one story as cut out of a page by the segmenter
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SD_STORY_KIND_NEWS,
  SD_STORY_KIND_BRIEF,
  SD_STORY_KIND_PHOTO,
  SD_STORY_KIND_CONTINUATION,
} SdStoryKind;

typedef enum
{
  SD_REPAIR_JOINED_BREAK,       /* paragraph split at a column break, joined again */
  SD_REPAIR_DROPPED_DUPLICATE,  /* a paragraph printed twice, kept once */
  SD_REPAIR_DROPPED_FRAGMENT,   /* text pasted in from another story, left out */
  SD_REPAIR_MOVED_CAPTION,      /* a photo caption or credit taken out of the body */
  SD_REPAIR_SPLIT_BYLINE,       /* names glued to the last sentence, split off */
  SD_REPAIR_TRUNCATED,          /* the story is cut off (page end or next headline) */
  SD_REPAIR_DROPPED_MARK,       /* a stray mark OCR read from a column rule or a speck, left out */
} SdRepairKind;

#define SD_REPAIR_LAST SD_REPAIR_DROPPED_MARK

/* Offsets are page-text bytes (into the text handed to the segmenter), here
 * and in the library alike: see sd-pipeline.h. */
typedef struct
{
  gint64       id;     /* in the library; 0 until stored */
  SdRepairKind kind;
  gsize        start;
  gsize        end;
  char        *detail; /* why, for the editor; UTF-8 */
} SdRepair;

typedef struct
{
  gsize       start; /* the whole story, in page-text bytes (not file bytes) */
  gsize       end;
  SdStoryKind kind;
  char       *headline;    /* (nullable) markup stripped */
  char       *subheadline; /* (nullable) 引题 or 副题 */
  char       *reporter;    /* (nullable) */
  char       *byline;      /* (nullable) */
  GPtrArray  *section_headings; /* (element-type utf8) also in paragraphs, in place */
  GPtrArray  *paragraphs;       /* (element-type utf8) the repaired body, heads
                                 * each a paragraph of its own */
  GPtrArray  *captions;         /* (element-type utf8) */
  GPtrArray  *repairs;          /* (element-type SdRepair) */
  gboolean    truncated;
} SdSegment;

const char *sd_story_kind_to_string   (SdStoryKind  kind);
gboolean    sd_story_kind_from_string (const char  *text,
                                       SdStoryKind *out_kind);
const char *sd_repair_kind_to_string  (SdRepairKind kind);

SdSegment  *sd_segment_new            (void);
void        sd_segment_free           (SdSegment   *segment);
SdRepair   *sd_repair_new             (SdRepairKind kind,
                                       gsize        start,
                                       gsize        end,
                                       const char  *detail);
void        sd_repair_free            (SdRepair    *repair);
char       *sd_segment_dup_body       (const SdSegment *segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdSegment, sd_segment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdRepair, sd_repair_free)

G_END_DECLS
