/* sd-fragment-owner-private.h — whose text a run pasted into a story is
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library.  A run of clauses found again in another
 * story may be text pasted in from there, or the story's own text quoted
 * elsewhere: the story whose own words fit it best owns it.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-ocr-text-private.h"

G_BEGIN_DECLS

#define SD_FRAGMENT_MAX_COPIES 8

typedef struct
{
  guint block; /* where the run sits */
  guint from;  /* its clauses [from, to] */
  guint to;
  guint n_copies;
  guint copy_story[SD_FRAGMENT_MAX_COPIES]; /* the stories holding a copy */
  guint owner; /* out: the story whose text it is, or G_MAXUINT when the
                * story it sits in fits it best */
} SdFragment;

/* Sets the owner of each of @fragments; linear in the page. */
G_GNUC_INTERNAL void _sd_fragment_find_owners (const SdOcrText *text,
                                               SdFragment      *fragments,
                                               guint            n_fragments);

G_END_DECLS
