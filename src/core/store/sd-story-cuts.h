/* sd-story-cuts.h — a story cut in two and two stories joined, as text: what
 * a split and a merge write, the same on either engine (no SQL here)
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

/* The value of a field an editor corrects (nullable). */
const char *sd_story_get_field    (const SdStory    *story,
                                   SdStoryField      field);

/* A story cut before one of its body paragraphs. */
typedef struct
{
  char      *head_body;     /* the paragraphs before the cut */
  GPtrArray *head_headings; /* the section heads among them (element-type utf8) */
  char      *at;            /* the paragraph the cut is before */
  SdStory   *tail;          /* the new story: headline (the cut's paragraph when it
                             * reads as one), body, section heads, kind, place */
  gint64     tail_from;     /* body characters: a highlight from here goes to the tail, */
  gint64     tail_shift;    /* shifted by this */
} SdStoryCut;

/* @story cut before body paragraph @paragraph (1 ≤ it < the number of
 * paragraphs); NULL with SD_STORE_ERROR_INVALID otherwise. */
SdStoryCut *sd_story_cut          (const SdStory    *story,
                                   guint             paragraph,
                                   GError          **error);
/* Where the tail starts in the page file: its paragraph found in the
 * page's text (@page_text nullable), as a page of @encoding and @size
 * maps; else sd_story_cut_guess_offset ().  Both engines' splits. */
gint64      sd_story_cut_find_offset  (const SdStoryCut *cut,
                                       const SdStory    *story,
                                       const char       *page_text,
                                       gint64            text_length,
                                       const char       *encoding,
                                       gint64            size);
/* A page-file offset as page-text bytes (a repair's), the other way. */
gint64      sd_page_text_offset       (gint64            file_offset,
                                       gint64            text_length,
                                       const char       *encoding,
                                       gint64            size);
/* Where the tail starts in the page file when the page's text cannot say:
 * in proportion to the bodies' lengths. */
gint64      sd_story_cut_guess_offset (const SdStoryCut *cut,
                                   const SdStory    *story);
void        sd_story_cut_free     (SdStoryCut       *cut);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoryCut, sd_story_cut_free)

/* @next joined onto @story. */
typedef struct
{
  char      *body;      /* @story's, then @next's headline and body as paragraphs */
  GPtrArray *headings;  /* both stories' section heads, @next's headline among them */
  char      *note;      /* both notes, one after the other */
  gint64     shift;     /* body characters @next's highlights move by */
  guint      paragraph; /* the paragraph the joined part starts at, for a split back */
} SdStoryJoin;

SdStoryJoin *sd_story_join        (const SdStory    *story,
                                   const SdStory    *next);
void        sd_story_join_free    (SdStoryJoin      *join);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoryJoin, sd_story_join_free)

G_END_DECLS
