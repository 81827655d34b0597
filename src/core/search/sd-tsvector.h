/* sd-tsvector.h — Storydesk's search tokens as PostgreSQL tsvector and
 * tsquery text, so a shared library searches Chinese without extensions
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tokens are sd-cjk-tokenizer.h's, written as tsvector and tsquery
 * literals that the server takes as they are (a cast from text normalises
 * nothing), so every term matches on PostgreSQL exactly as on SQLite.
 *
 * A tsvector keeps at most 256 positions a lexeme and none past 16,383, so a
 * story is indexed in windows: window k holds the tokens at positions
 * [k·SD_TSVECTOR_WINDOW, (k + 1)·SD_TSVECTOR_WINDOW + SD_TSVECTOR_OVERLAP),
 * renumbered from 1.  A phrase of at most SD_TSVECTOR_OVERLAP + 1 tokens lies
 * whole in the window of its first token.  A story matches a term when any
 * of its windows does; several terms are several such tests, since two
 * terms may stand in different windows.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SD_TSVECTOR_WINDOW  1024
#define SD_TSVECTOR_OVERLAP 255

/* The windows of a story whose searchable fields are @fields (NULL ones
 * skipped); a phrase never spans two fields.  (transfer full) (element-type
 * utf8): tsvector literals, at least one (possibly empty: ""). */
GPtrArray *sd_tsvector_windows   (const char *const *fields,
                                  guint              n_fields);

/* The tsquery literal that matches a window holding @term (a word or a
 * phrase, as typed; a lone Chinese character as a prefix), or NULL when @term holds nothing the index keeps.  A
 * phrase longer than a window's overlap becomes the AND of overlapping
 * pieces, which may also match the pieces standing apart. (transfer full) */
char      *sd_tsquery_for_term   (const char        *term);

G_END_DECLS
