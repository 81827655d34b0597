/* sd-old-library.h — a library as the last version left it (schema 13,
 * the search index with positions), for the tests of its upgrade (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What migration 15 added (the change log and its triggers), taken out
 * again. */
#define SD_TEST_UNDO_SCHEMA_15                                                   \
  "DROP TRIGGER story_changes_insert; DROP TRIGGER story_changes_delete;"       \
  "DROP TRIGGER story_changes_update; DROP TRIGGER story_changes_page;"         \
  "DROP TABLE story_changes;"
/* What migrations 14 and 15 added (the headline index and its triggers),
 * taken out again. */
#define SD_TEST_UNDO_SCHEMA_14                                                   \
  SD_TEST_UNDO_SCHEMA_15                                                         \
  "DROP TRIGGER story_fts_headline_insert; DROP TRIGGER story_fts_headline_delete;" \
  "DROP TRIGGER story_fts_headline_update; DROP TABLE story_fts_headline;"
/* A library at schema 14 taken back to 13: that, and the search index with
 * positions, as migration 9 made it, rebuilt (on a connection with the
 * sd_cjk tokenizer: sd_store_register_fts5 ()). */
#define SD_TEST_BACK_TO_SCHEMA_13                                     \
  SD_TEST_UNDO_SCHEMA_14                                              \
  "DROP TABLE story_fts;"                                             \
  "CREATE VIRTUAL TABLE story_fts USING fts5 ("                       \
  "  headline, subheadline, body, byline, note,"                      \
  "  content = 'live_stories', content_rowid = 'id',"                 \
  "  tokenize = 'sd_cjk', columnsize = 0);"                           \
  "INSERT INTO story_fts (story_fts) VALUES ('rebuild');"             \
  "PRAGMA user_version = 13;"

/* Makes a library at @path of @n_stories made-up stories (pages of 200,
 * places and words from a short list, the same for the same @n_stories),
 * then takes it back to schema 13: the headline index and its triggers
 * gone, the search index rebuilt with positions.  Aborts on a failure. */
void sd_test_make_schema_13_library (const char *path,
                                     guint       n_stories);

G_END_DECLS
