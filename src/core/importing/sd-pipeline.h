/* sd-pipeline.h — one page's text in, its stories cut, repaired and placed out
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way from a page to stories, with no SQL: the importer stores what
 * it gives, the fuzz target checks it and the benchmark times its steps.
 *
 * A page has two coordinate systems, and no field holds both:
 *
 *  - page-text bytes: offsets into SdPage.text (UTF-8, BOM removed).  The
 *    segmenter's spans (SdSegment.start, .end) and every repair's
 *    (SdRepair.start, .end), on the way in and in the library.
 *  - page-file bytes: offsets into the page file as read (its encoding,
 *    its BOM).  A story's provenance (SdStory.source_start, .source_end),
 *    and only that.
 *
 * sd_pipeline_make_stories () converts the first to the second, once, for
 * the whole page; sd_page_find_story_span () (sd-page-reader.h) is the way back for a
 * stored story.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-page-reader.h"
#include "sd-place-resolver.h"
#include "sd-story.h"

G_BEGIN_DECLS

/* Theme suggestions kept for each story, best first. */
#define SD_PIPELINE_MAX_THEMES 5

typedef enum
{
  SD_PIPELINE_DEFAULT = 0,
  SD_PIPELINE_THEMES  = 1 << 0, /* also suggest themes; the library does not keep them */
} SdPipelineFlags;

/* One page on its way through; each step fills its own field. */
typedef struct
{
  const SdPage *page;      /* (unowned) must outlive the pipeline */
  GPtrArray    *segments;  /* (element-type SdSegment) as cut, repairs made:
                            * spans in page-text bytes */
  GPtrArray    *stories;   /* (element-type SdStory) one per segment, to be
                            * stored: spans in page-file bytes */
  GPtrArray    *decisions; /* (element-type SdPlaceDecision) one per story,
                            * NULL until it is placed */
  GPtrArray    *themes;    /* (element-type GPtrArray) (nullable) one list of
                            * SdThemeSuggestion per story, NULL until suggested */
} SdPipeline;

/* Every step, in order: segment, make the stories, place each, settle the
 * page's home (and themes with SD_PIPELINE_THEMES). (transfer full) */
SdPipeline *sd_pipeline_run             (const SdPage   *page,
                                         SdPipelineFlags flags);
void        sd_pipeline_free            (SdPipeline     *self);

/* The steps one by one, for whoever times or checks them. */
SdPipeline *sd_pipeline_new             (const SdPage   *page);
/* Cuts the page into segments; the repairs are the segmenter's. */
void        sd_pipeline_segment         (SdPipeline     *self);
/* Makes a story record of each segment, its span mapped to page-file bytes:
 * the one place the pipeline changes coordinates. */
void        sd_pipeline_make_stories    (SdPipeline     *self);
/* Where story @i belongs by its own text. */
void        sd_pipeline_place_story     (SdPipeline     *self,
                                         guint           i);
/* After every story is placed: a local paper's 我市 goes to the page's
 * home; each story gets its place and mentions. */
void        sd_pipeline_settle_places   (SdPipeline     *self);
/* Theme suggestions for story @i, up to SD_PIPELINE_MAX_THEMES. */
void        sd_pipeline_suggest_themes  (SdPipeline     *self,
                                         guint           i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPipeline, sd_pipeline_free)

G_END_DECLS
