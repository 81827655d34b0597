/* sd-ocr-repair.h — find text printed twice on a page
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library.  OCR'd pages repeat text in two ways: a
 * paragraph printed twice inside one story (a duplicate), and a run of
 * sentences pasted from one story into another (a fragment).  Both are found
 * with hashed character shingles, in time linear in the page.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-segment.h"

G_BEGIN_DECLS

typedef struct
{
  gsize    start; /* byte span in the page text */
  gsize    end;
  guint    story; /* index of the story the block sits in */
  gboolean vocabulary_only; /* a headline: tells whose text a fragment is, never dropped */
} SdTextBlock;

typedef struct
{
  guint        block; /* index into the blocks handed in */
  gsize        start; /* byte span to leave out */
  gsize        end;
  SdRepairKind kind;  /* SD_REPAIR_DROPPED_DUPLICATE, _FRAGMENT or _MARK */
  guint        other; /* duplicate: the earlier block it repeats; fragment: the
                       * story the text belongs to */
} SdTextDrop;

/* Blocks must be in page order.  Returns (element-type SdTextDrop) the spans
 * to leave out, ordered by block and offset. */
G_GNUC_INTERNAL GArray *_sd_ocr_find_repeats (const char        *text,
                                              const SdTextBlock *blocks,
                                              guint              n_blocks,
                                              guint              n_stories);

/* sd-stray-marks.c: adds the stray marks of column rules and specks in the
 * blocks' text to @drops (element-type SdTextDrop), keeping their order */
G_GNUC_INTERNAL void    _sd_ocr_add_stray_marks (const char        *text,
                                                 const SdTextBlock *blocks,
                                                 guint              n_blocks,
                                                 GArray            *drops);

G_END_DECLS
