/* sd-cjk-tokenizer.h — an FTS5 tokenizer for Chinese newspaper text, and
 * the ranking function that goes with it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Han (and kana, hangul) characters are indexed as overlapping bigrams plus
 * single characters, the way Lucene's CJK bigram analyzer does; Latin words
 * and numbers as whole words.  Everything is folded first: full-width forms
 * to half-width (Ａ→a, １→1), compatibility ideographs to unified ones,
 * Latin lowercased.  So a search of any length is answered from the index:
 * one character by its single-character token, two by their bigram, more by
 * a phrase of consecutive bigrams.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SD_CJK_TOKENIZER_NAME "sd_cjk"
/* sd_bm25 (fts_table, weights…): bm25 () with the same column weights but no
 * normalisation by length (b = 0), which spares a lookup per match */
#define SD_CJK_RANK_NAME      "sd_bm25"

#define SD_CJK_TOKENIZER_ERROR (sd_cjk_tokenizer_error_quark ())
typedef enum
{
  SD_CJK_TOKENIZER_ERROR_NO_FTS5,
} SdCjkTokenizerError;
GQuark sd_cjk_tokenizer_error_quark (void);

/* Registers the tokenizer "sd_cjk" and the rank function "sd_bm25" with
 * @db's FTS5. */
gboolean sd_cjk_tokenizer_register      (sqlite3    *db,
                                         GError    **error);

/* @text as the index sees it, character for character (each character folds
 * to exactly one; a byte that is not UTF-8 to a space). (transfer full) */
char    *sd_cjk_fold_text               (const char *text);

/* TRUE when @text holds anything the index keeps (a letter, a digit, a
 * Chinese character), that is when searching for it means something. */
gboolean sd_cjk_text_is_searchable      (const char *text);

/* The tokens of @text in document or query mode, separated by spaces, each
 * token sharing its position with the one before marked by a leading '+':
 * "党建 +党 建 2024".  For tests and for explaining. (transfer full) */
char    *sd_cjk_tokenize_to_string      (const char *text,
                                         gboolean    for_query);

G_END_DECLS
