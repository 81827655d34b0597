/* sd-ocr-text-private.h — a page's blocks as the repeat finder reads them
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library.  Each block is reduced to its content
 * characters (Han, letters and digits, widths and case folded) and cut into
 * clauses at its punctuation; sd-ocr-repair.c builds this and
 * sd-fragment-owner.c reads it.  sd-ocr-agree.c compares two copies.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-ocr-repair.h"

G_BEGIN_DECLS

typedef struct
{
  guint    first;    /* content characters [first, last) */
  guint    last;
  gsize    start;    /* bytes, with the clause's punctuation and spaces */
  gsize    end;
  gboolean repeated; /* mostly seen in another block */
} SdOcrClause;

typedef struct
{
  const SdTextBlock *blocks;
  guint              n_blocks;
  guint              n_stories;
  const gunichar    *chars;        /* every block's content characters, in order */
  const SdOcrClause *clauses;
  const guint       *clause_first; /* [n_blocks + 1]: each block's first clause */
  const guint       *story_block;  /* [n_stories + 1]: each story's first block */
} SdOcrText;

/* How many content characters from @i on agree with those from @j on,
 * before either text ends at @i_end or @j_end, misreads passed over. */
G_GNUC_INTERNAL guint _sd_ocr_agree_ahead  (const gunichar *chars,
                                            guint           i,
                                            guint           i_end,
                                            guint           j,
                                            guint           j_end);
/* The same backwards, from before @i and @j down to @i_floor and @j_floor. */
G_GNUC_INTERNAL guint _sd_ocr_agree_behind (const gunichar *chars,
                                            guint           i,
                                            guint           i_floor,
                                            guint           j,
                                            guint           j_floor);

G_END_DECLS
