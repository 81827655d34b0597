/* sd-store-fts5.h — the CJK tokenizer and its ranking function registered
 * with SQLite's full-text search
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SD_STORE_FTS5_TOKENIZER "sd_cjk"
/* sd_bm25 (fts_table, weights…): bm25 () with the same column weights but no
 * normalisation by length (b = 0), which spares a lookup per match */
#define SD_STORE_FTS5_RANK      "sd_bm25"
/* sd_fts_deferred (): 1 while this thread feeds the index itself, which
 * the insert trigger leaves alone */
#define SD_STORE_FTS5_DEFERRED  "sd_fts_deferred"
/* sd_page_pack (text): a page's text as stored, deflated (a blob);
 * sd_page_text (stored): the text again, a page stored before as it is */
#define SD_STORE_PAGE_PACK      "sd_page_pack"
#define SD_STORE_PAGE_TEXT      "sd_page_text"

/* Registers the tokenizer "sd_cjk" and the rank function "sd_bm25" with
 * @db's FTS5; every connection that writes stories needs them. */
gboolean sd_store_register_fts5 (sqlite3  *db,
                                 GError  **error);
/* While TRUE, stories this thread inserts are left out of the index by its
 * trigger: the caller indexes them, a batch at a time. */
G_GNUC_INTERNAL
void     _sd_store_fts5_defer   (gboolean  defer);

G_END_DECLS
