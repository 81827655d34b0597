/* sd-story.h — a story as the library keeps it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib-object.h>

#include "sd-segment.h"

G_BEGIN_DECLS

typedef enum
{
  SD_STORY_STATUS_NEW,
  SD_STORY_STATUS_REVIEWED,
  SD_STORY_STATUS_NEEDS_WORK,
  SD_STORY_STATUS_REJECTED,
} SdStoryStatus;

/* A passage an editor marked, anchored like a W3C TextQuoteSelector and
 * TextPositionSelector on the story body: character (code point) offsets,
 * the quoted text and a little context either side, so it can be found
 * again after the body changes. */
typedef struct
{
  gint64 id;
  gint64 start;   /* characters into the body */
  gint64 end;
  char  *quote;
  char  *prefix;  /* up to 32 characters before the quote */
  char  *suffix;  /* up to 32 characters after it */
  char  *comment; /* may be empty */
  char  *editor;  /* (nullable) */
  char  *created; /* ISO 8601, UTC */
} SdHighlight;

void         sd_highlight_free (SdHighlight *highlight);

/* A place named in the story, as the resolver found it. */
typedef struct
{
  gboolean in_headline; /* else in the body */
  gint64   start;       /* byte offsets into the headline or body */
  gint64   end;
  char    *place_code;
} SdMention;

void         sd_mention_free   (SdMention   *mention);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdHighlight, sd_highlight_free)

/* A plain, reference-counted record.  Lists fill only the short fields
 * (body holds just its first 40 characters; captions, repairs, highlights
 * and mentions stay NULL); sd_store_get_story() fills all. */
typedef struct
{
  gint64        id;
  char         *uuid;         /* (nullable) the story's permanent identity: kept across
                               * re-imports, by a split's first part, a join's survivor,
                               * undo and exchange */
  gint64        page_id;
  char         *source_file;  /* basename of the page file */
  char         *paper;        /* (nullable) of the page: sd-page-identity.h */
  char         *issue_date;   /* (nullable) yyyy-mm-dd */
  char         *page_no;      /* (nullable) A05 */
  gint64        source_start; /* page-file bytes, never page-text ones: see sd-pipeline.h */
  gint64        source_end;
  SdStoryKind   kind;
  char         *headline;     /* (nullable) */
  char         *subheadline;  /* (nullable) */
  char         *reporter;     /* (nullable) */
  char         *byline;       /* (nullable) */
  char         *body;         /* (nullable) paragraphs joined by "\n", the section
                               * heads among them where they stand */
  GPtrArray    *captions;         /* (element-type utf8) (nullable) */
  GPtrArray    *section_headings; /* (element-type utf8) (nullable) which paragraphs
                                   * of the body are heads; a story stored before
                                   * bodies held them has them here only */
  GPtrArray    *repairs;          /* (element-type SdRepair) (nullable) */
  GPtrArray    *highlights;       /* (element-type SdHighlight) (nullable) */
  GPtrArray    *mentions;         /* (element-type SdMention) (nullable) */
  gboolean      truncated;
  char         *place_code;   /* (nullable) most specific place */
  double        place_confidence;
  gboolean      place_by_editor;
  GPtrArray    *tags;         /* (element-type utf8) */
  char         *note;
  SdStoryStatus status;
  char         *editor;       /* (nullable) who last changed it */
  char         *updated;      /* (nullable) ISO 8601, UTC */
  char         *trashed;      /* (nullable) when it went to the trash (ISO 8601, UTC);
                               * NULL for a story in the library */
} SdStory;

#define SD_TYPE_STORY (sd_story_get_type ())
GType          sd_story_get_type            (void) G_GNUC_CONST;

SdStory       *sd_story_new                 (void);
SdStory       *sd_story_ref                 (SdStory       *story);
void           sd_story_unref               (SdStory       *story);
SdStory       *sd_story_new_from_segment    (const SdSegment *segment,
                                             gint64           file_start,
                                             gint64           file_end);

const char    *sd_story_status_to_string    (SdStoryStatus  status);
gboolean       sd_story_status_from_string  (const char    *text,
                                             SdStoryStatus *out_status);
/* The translated label: New, Reviewed, Needs work, Rejected (未审, 已审,
 * 待修改, 不用 in zh_CN). */
const char    *sd_story_status_to_label     (SdStoryStatus  status);
/* A headline for display, never NULL: the headline, else the start of the
 * first caption or the body. (transfer full) */
char          *sd_story_dup_title           (const SdStory *story);
/* Whether the body's line @paragraph is one of the story's section heads. */
gboolean       sd_story_is_section_heading  (const SdStory *story,
                                             const char    *paragraph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStory, sd_story_unref)

G_END_DECLS
