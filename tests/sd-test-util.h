/* sd-test-util.h — what the core tests share: a library of their own, searched
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test case runs with HOME and the XDG folders in a temporary folder
 * of its own (G_TEST_OPTION_ISOLATE_DIRS), which GLib removes when the test
 * case passes and keeps, to be looked at, when it fails.  Libraries and
 * files a test makes go there, so no test cleans up by hand.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* g_test_init () with G_TEST_OPTION_ISOLATE_DIRS; call it first in main (). */
void     sd_test_init            (int        *argc,
                                  char     ***argv);

/* The path of @name in the running test case's own folder, which is made.
 * (transfer full) */
char    *sd_test_build_filename  (const char *name);
/* A new, empty folder @name in the test case's own folder. (transfer full) */
char    *sd_test_make_dir        (const char *name);

/* A new, empty library in the test case's own folder; @out_path: (out)
 * (optional) its file.  Fails the test if it cannot be opened.
 * (transfer full) */
SdStore *sd_test_open_library    (char      **out_path);
/* The same at @name there, in folders made as needed. (transfer full) */
SdStore *sd_test_open_library_at (const char *name,
                                  char      **out_path);

/* A test fixture: a new, empty library for each test case. */
typedef struct
{
  char    *path;
  SdStore *store;
} SdTestLibrary;

void     sd_test_library_set_up    (SdTestLibrary *fixture,
                                    gconstpointer  data);
void     sd_test_library_tear_down (SdTestLibrary *fixture,
                                    gconstpointer  data);
/* g_test_add () of a test case taking (SdTestLibrary *, gconstpointer). */
#define SD_TEST_ADD_WITH_LIBRARY(path, data, func)                          \
  g_test_add ((path), SdTestLibrary, (data), sd_test_library_set_up, (func), \
              sd_test_library_tear_down)

/* "1 3 5": the ids of @stories, ascending. (transfer full) */
char    *sd_test_describe_ids       (GPtrArray     *stories);
/* The same of the stories @query finds in @scope (nullable). */
char    *sd_test_search_ids         (SdStore       *store,
                                     const SdScope *scope,
                                     const char    *query);
/* Fails the test unless the library at @path passes the full-text index's
 * own integrity check. */
void     sd_test_assert_index_whole (const char    *path);
/* The full record of story @id; fails the test if it cannot be read.
 * (transfer full) */
SdStory *sd_test_get_story          (SdStore       *store,
                                     gint64         id);
/* Undoes or redoes one step of @history (an SdEditHistory); fails the test
 * if it cannot. */
void     sd_test_undo               (gpointer       history);
void     sd_test_redo               (gpointer       history);
/* Page "repaired.txt" with one story and the repairs a segmenter makes: a
 * joined column break in its first paragraph, then a dropped duplicate
 * and a split-off byline; returns the story's id. */
gint64   sd_test_add_repaired_story (SdStore       *store);
/* Every row of every table of the library at @path but the full-text
 * index's, rowids included, sorted: what "exactly as before" compares.
 * (transfer full) */
char    *sd_test_dump_library       (const char    *path);
/* The tables of @db's main schema that hold stored rows (element-type
 * utf8): not the search index's, fed by triggers, nor SQLite's own, nor
 * the change log, which only grows.  @db is a sqlite3 connection. */
struct sqlite3;
GPtrArray *sd_test_list_stored_tables (struct sqlite3 *db);

/* An async call's result: pass sd_test_keep_result_cb with a pointer to a
 * NULL GAsyncResult *, then sd_test_await () it (the main loop runs until
 * the callback ran); the caller unrefs it. */
void          sd_test_keep_result_cb (GObject       *source,
                                      GAsyncResult  *result,
                                      gpointer       slot);
GAsyncResult *sd_test_await         (GAsyncResult **slot);
/* Removes @folder and everything in it (a library made outside a test
 * case, with what SQLite put beside it). */
void          sd_test_remove_tree   (const char    *folder);
/* A personal library of the seeds at @folder/library.db. (transfer full) */
SdStore      *sd_test_open_seeds_in (const char    *folder);
/* @library's summary (tags, counts, the trash's count); fails the test if
 * it cannot be read. (transfer full) */
SdLibrarySummary *sd_test_read_summary (SdLibrary *library);

/* The bytes of the file @name in @dir; fails the test if it cannot be
 * read. (transfer full)  Inline: a test using only this does not link
 * sd-test-util.c and keeps LeakSanitizer's fast stacks. */
static inline GBytes *
sd_test_read_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

G_END_DECLS
