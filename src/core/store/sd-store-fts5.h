/* sd-store-fts5.h — the CJK tokenizer registered with SQLite's full-text
 * search, and the functions the library's statements use
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
/* sd_fts_holds (term, text…): 1 when a text holds the search term, as a
 * phrase: what the index (without positions) cannot tell */
#define SD_STORE_FTS5_HOLDS     "sd_fts_holds"
/* sd_fts_deferred (): 1 while this thread feeds the index itself, which
 * the insert trigger leaves alone */
#define SD_STORE_FTS5_DEFERRED  "sd_fts_deferred"
/* sd_page_pack (text): a page's text as stored, deflated (a blob);
 * sd_page_text (stored): the text again, a page stored before as it is */
#define SD_STORE_PAGE_PACK      "sd_page_pack"
#define SD_STORE_PAGE_TEXT      "sd_page_text"

/* Registers the tokenizer "sd_cjk" with @db's FTS5, and the functions
 * above; every connection that reads or writes stories needs them. */
gboolean sd_store_register_fts5 (sqlite3  *db,
                                 GError  **error);
/* While TRUE, stories this thread inserts are left out of the index by its
 * trigger: the caller indexes them, a batch at a time. */
G_GNUC_INTERNAL
void     _sd_store_fts5_defer   (gboolean  defer);

G_END_DECLS
