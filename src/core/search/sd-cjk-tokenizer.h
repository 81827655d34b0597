/* sd-cjk-tokenizer.h — the search tokens of Chinese newspaper text; the
 * store hands them to SQLite's FTS5 (store/sd-store-fts5.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Han (and kana, hangul) characters are indexed as overlapping bigrams, the
 * way Lucene's CJK bigram analyzer does, with single characters only at the
 * ends of a run; Latin words and numbers as whole words.  Everything is
 * folded first: full-width forms to half-width (Ａ→a, １→1), compatibility
 * ideographs to unified ones, Latin lowercased.  So a search of any length
 * is answered from the index: one character by the tokens that start with
 * it, two by their bigram, more by a phrase of consecutive bigrams.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A token's flag: it stands at the same position as the one before (a
 * Han character's unigram beside its bigram); FTS5_TOKEN_COLOCATED's
 * value, so the store passes flags on unchanged. */
#define SD_CJK_TOKEN_COLOCATED 0x0001

/* Called with each token and its byte span in the text; returning non-zero
 * stops the walk. */
typedef int (*SdCjkTokenFunc) (void       *user_data,
                               int         flags,
                               const char *token,
                               int         n_token,
                               int         start,
                               int         end);

int      sd_cjk_tokenize                (const char     *text,
                                         int             n_text,
                                         gboolean        for_query,
                                         SdCjkTokenFunc  func,
                                         void           *user_data);

/* @text as the index sees it, character for character (each character folds
 * to exactly one; a byte that is not UTF-8 to a space). (transfer full) */
char    *sd_cjk_fold_text               (const char *text);

/* TRUE when @text holds anything the index keeps (a letter, a digit, a
 * Chinese character), that is when searching for it means something. */
gboolean sd_cjk_text_is_searchable      (const char *text);

/* @text as an FTS5 phrase of its query tokens, "标题" + "题"* + "3": a Han
 * character standing alone in it is a prefix, since the index holds it as
 * the first half of a bigram; without one, @text quoted as it is, which
 * FTS5 tokenizes the same. (transfer full) */
char    *sd_cjk_dup_fts_phrase          (const char *text);

/* @text's query tokens joined by AND, for an index without positions
 * (`detail=none`): "乡村" AND "村振" AND "振兴".  @exact: (out) (optional)
 * TRUE when this finds exactly the stories holding @text (one token),
 * FALSE when each must be checked with sd_cjk_term_found_in ().
 * (transfer full) */
char    *sd_cjk_dup_fts_tokens          (const char *text,
                                         gboolean   *exact);

/* A search term, read once, to find in texts as the index would: its
 * tokens at consecutive positions, punctuation and spaces between them
 * ignored, Latin words whole, widths and case folded. */
typedef struct _SdCjkTerm SdCjkTerm;

SdCjkTerm *sd_cjk_term_new              (const char      *text);
void       sd_cjk_term_free             (SdCjkTerm       *term);
/* @text: NUL-terminated (as SQLite gives a text), @n_text its length in
 * bytes or -1; a %NULL @text holds nothing */
gboolean   sd_cjk_term_found_in         (const SdCjkTerm *term,
                                         const char      *text,
                                         int              n_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCjkTerm, sd_cjk_term_free)

/* The tokens of @text in document or query mode, separated by spaces, each
 * token sharing its position with the one before marked by a leading '+':
 * "党建 +党 建 2024".  For tests and for explaining. (transfer full) */
char    *sd_cjk_tokenize_to_string      (const char *text,
                                         gboolean    for_query);

G_END_DECLS
