/* sd-test-util.c — what the core tests share: a library of their own, searched
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-edit-history.h"
#include "sd-search-terms.h"
#include "sd-store-fts5.h"

/* Without isolation the helpers would write into the real home folder. */
static gboolean isolated;

#ifdef __SANITIZE_ADDRESS__
/* GLib keeps the folders of every isolated test case for the life of the
 * process (g_set_user_dirs ()), by design.  LeakSanitizer only sees that
 * with full stacks, as GLib has no frame pointers (see tests/lsan.supp);
 * they slow every allocation, so only the tests that link this file take
 * them (sd_test_read_file () is inline for those that time themselves). */
const char *__lsan_default_options (void);

const char *
__lsan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

void
sd_test_init (int *argc, char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  isolated = TRUE;
}

char *
sd_test_build_filename (const char *name)
{
  const char *folder = g_get_user_data_dir ();

  g_assert_true (isolated);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return g_build_filename (folder, name, NULL);
}

char *
sd_test_make_dir (const char *name)
{
  g_autofree char *path = sd_test_build_filename (name);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  return g_steal_pointer (&path);
}

SdStore *
sd_test_open_library (char **out_path)
{
  return sd_test_open_library_at ("library.db", out_path);
}

SdStore *
sd_test_open_library_at (const char *name, char **out_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sd_test_build_filename (name);
  SdStore         *store = sd_store_open (path, &error);

  g_assert_no_error (error);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return store;
}

void
sd_test_library_set_up (SdTestLibrary *fixture, gconstpointer data)
{
  fixture->store = sd_test_open_library (&fixture->path);
}

void
sd_test_library_tear_down (SdTestLibrary *fixture, gconstpointer data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

char *
sd_test_describe_ids (GPtrArray *stories)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stories->len; i++)
    g_array_append_val (ids, ((SdStory *) g_ptr_array_index (stories, i))->id);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

char *
sd_test_search_ids (SdStore *store, const SdScope *scope, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = sd_store_search (store, scope, query, 0, &error);

  g_assert_no_error (error);
  return sd_test_describe_ids (found);
}

void
sd_test_assert_index_whole (const char *path)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, "INSERT INTO story_fts (story_fts) VALUES ('integrity-check')", NULL, NULL,
                &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The rows of one table, each a line, with its rowid when it has one. */
static void
dump_table (sqlite3 *db, const char *table, GString *dump)
{
  g_autofree char *with_rowid = g_strdup_printf ("SELECT rowid, * FROM %s", table);
  g_autofree char *without = g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  /* WITHOUT ROWID tables have no rowid to select */
  if (sqlite3_prepare_v2 (db, with_rowid, -1, &stmt, NULL) != SQLITE_OK)
    g_assert_cmpint (sqlite3_prepare_v2 (db, without, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (line, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (lines, compare_lines);
  g_string_append_printf (dump, "%s:\n", table);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (dump, "%s\n", (const char *) g_ptr_array_index (lines, i));
}

GPtrArray *
sd_test_list_stored_tables (sqlite3 *db)
{
  GPtrArray    *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'story!_fts%' ESCAPE '!' "
                                       "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
                                       "AND name <> 'story_changes' ORDER BY name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return tables;
}

char *
sd_test_dump_library (const char *path)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  g_autoptr (GPtrArray) tables = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* the full-text index is checked by sd_test_assert_index_whole (); the
   * change log only grows, an undo's writes logged too */
  tables = sd_test_list_stored_tables (db);
  for (guint i = 0; i < tables->len; i++)
    dump_table (db, g_ptr_array_index (tables, i), dump);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

SdStory *
sd_test_get_story (SdStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  SdStory *story = sd_store_get_story (store, id, &error);

  g_assert_no_error (error);
  return story;
}

void
sd_test_undo (gpointer history)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (sd_edit_history_undo (SD_EDIT_HISTORY (history), &error));
  g_assert_no_error (error);
}

void
sd_test_redo (gpointer history)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (sd_edit_history_redo (SD_EDIT_HISTORY (history), &error));
  g_assert_no_error (error);
}

#define REPAIR_PAGE "标题\n\n第一段前半\n\n后半结束。\n\n重复段落。\n\n重复段落。\n\n末段。王书\n"

gint64
sd_test_add_repaired_story (SdStore *store)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  const char  *page_text = REPAIR_PAGE;
  SdPageRecord page = { "repaired.txt", "repaired-sum", "UTF-8", page_text, strlen (REPAIR_PAGE) };
  SdStory     *story = sd_story_new ();
  const char  *join = strstr (page_text, "第一段前半") + strlen ("第一段前半");
  const char  *second = strstr (strstr (page_text, "重复段落。") + 1, "重复段落。");
  const char  *name = strstr (page_text, "王书");

  story->headline = g_strdup ("标题");
  story->body = g_strdup ("第一段前半后半结束。\n重复段落。\n末段。");
  story->byline = g_strdup ("王书");
  story->source_start = 0;
  story->source_end = strlen (REPAIR_PAGE);
  story->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  g_ptr_array_add (story->repairs,
                   sd_repair_new (SD_REPAIR_JOINED_BREAK, join - page_text,
                                  strstr (page_text, "后半") - page_text, "joined"));
  g_ptr_array_add (story->repairs,
                   sd_repair_new (SD_REPAIR_DROPPED_DUPLICATE, second - page_text,
                                  second - page_text + strlen ("重复段落。"), "duplicate"));
  g_ptr_array_add (story->repairs, sd_repair_new (SD_REPAIR_SPLIT_BYLINE, name - page_text,
                                                  name - page_text + strlen ("王书"), "byline"));
  g_ptr_array_add (stories, story);
  g_assert_true (sd_store_add_page (store, &page, stories, NULL, NULL));
  return story->id;
}

void
sd_test_keep_result_cb (GObject *source, GAsyncResult *result, gpointer slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
sd_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

SdLibrarySummary *
sd_test_read_summary (SdLibrary *library)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdLibrarySummary *summary;

  sd_library_read_summary_async (library, NULL, sd_test_keep_result_cb, &result);
  summary = sd_library_read_summary_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  return summary;
}

void
sd_test_remove_tree (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        sd_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (folder);
}

SdStore *
sd_test_open_seeds_in (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  SdStore *store = sd_store_open (path, &error);

  g_assert_no_error (error);
  sd_search_terms_import_seeds (store);
  return store;
}
