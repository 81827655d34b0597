/* test-store.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-store-private.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

static SdStory *
make_story (const char *headline, const char *body, const char *place_code)
{
  SdStory *story = sd_story_new ();

  story->headline = g_strdup (headline);
  story->body = g_strdup (body);
  story->place_code = g_strdup (place_code);
  story->kind = SD_STORY_KIND_NEWS;
  story->source_start = 10;
  story->source_end = 200;
  story->captions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (story->captions, g_strdup ("图为活动现场。"));
  return story;
}

static void
add_page (Fixture *fixture, const char *checksum, guint n, gboolean *out_known)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GError) error = NULL;
  SdPageRecord page = { "page.txt", checksum, "UTF-8", "页面文字", 12 };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *headline = g_strdup_printf ("标题%u", i);
      g_ptr_array_add (stories,
                       make_story (headline, "第一段。\n第二段。", i % 2 ? "320509" : "3205"));
    }
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, out_known, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  /* In a folder not made yet: opening the library makes it. */
  fixture->store = sd_test_open_library_at ("sub/library.db", &fixture->path);
  sd_store_set_editor (fixture->store, "测试编辑");
}

static void
test_story_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) reopened = NULL;
  gboolean known = TRUE;

  add_page (fixture, "aaa", 2, &known);
  g_assert_false (known);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), ==, 2);

  /* A second connection, as another process would see it. */
  reopened = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  story = sd_store_get_story (reopened, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (story->headline, ==, "标题1");
  g_assert_cmpstr (story->body, ==, "第一段。\n第二段。");
  g_assert_cmpstr (story->place_code, ==, "320509");
  g_assert_cmpstr (story->source_file, ==, "page.txt");
  g_assert_cmpint (story->source_start, ==, 10);
  g_assert_cmpint (story->source_end, ==, 200);
  g_assert_cmpuint (story->captions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (story->captions, 0), ==, "图为活动现场。");
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_NEW);
}

static void
test_same_page_twice (Fixture *fixture, gconstpointer data)
{
  gboolean known = FALSE;

  add_page (fixture, "aaa", 3, &known);
  g_assert_true (sd_store_add_tag (fixture->store, 1, "党建", NULL));
  add_page (fixture, "aaa", 3, &known);
  g_assert_true (known);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), ==, 3);
  {
    g_autoptr (SdStory) story = sd_store_get_story (fixture->store, 1, NULL);
    g_assert_cmpuint (story->tags->len, ==, 1);
  }
}

static void
test_tag_and_note (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (SdStore) reopened = NULL;

  add_page (fixture, "aaa", 2, NULL);
  g_assert_true (sd_store_add_tag (fixture->store, 1, "党建", &error));
  g_assert_true (sd_store_add_tag (fixture->store, 1, " 新业态 ", &error));
  g_assert_true (sd_store_add_tag (fixture->store, 1, "党建", &error)); /* no duplicate */
  g_assert_true (sd_store_add_tag (fixture->store, 2, "党建", &error));
  g_assert_true (sd_store_set_note (fixture->store, 1, "要核实数字\n第二行", &error));
  g_assert_true (sd_store_set_status (fixture->store, 1, SD_STORY_STATUS_REVIEWED, &error));
  g_assert_no_error (error);

  reopened = sd_store_open (fixture->path, &error);
  story = sd_store_get_story (reopened, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (story->tags->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (story->tags, "党建", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (story->tags, "新业态", g_str_equal, NULL));
  g_assert_cmpstr (story->note, ==, "要核实数字\n第二行");
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
  g_assert_cmpstr (story->editor, ==, "测试编辑");
  g_assert_nonnull (story->updated);

  tags = sd_store_list_tags (reopened, &error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (tags, 0), ==, "党建"); /* most used first */

  g_assert_true (sd_store_remove_tag (fixture->store, 1, "党建", &error));
  g_clear_pointer (&story, sd_story_unref);
  story = sd_store_get_story (fixture->store, 1, &error);
  g_assert_cmpuint (story->tags->len, ==, 1);
}

static void
test_bad_input_refused (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  add_page (fixture, "aaa", 1, NULL);
  g_assert_false (sd_store_add_tag (fixture->store, 1, "   ", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* One rule for names, at the store (issue #14: a tag with a line break
   * made the JSON backup unrestorable). */
  for (const char *const *bad = (const char *const[]){ "坏\n标签", "tab\there", "bell\a", NULL };
       *bad != NULL; bad++)
    {
      g_assert_false (sd_store_add_tag (fixture->store, 1, *bad, &error));
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (sd_store_rename_tag (fixture->store, "无此标签", *bad, &error));
      g_clear_error (&error);
    }
  {
    g_autofree char *long_name = g_strnfill (SD_STORE_TAG_MAX_CHARS + 1, 'x');

    g_assert_false (sd_store_add_tag (fixture->store, 1, long_name, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (sd_store_add_tag (fixture->store, 99, "党建", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sd_store_get_story (fixture->store, 99, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  /* the failed tag left no trace */
  g_clear_error (&error);
  {
    g_autoptr (GPtrArray) tags = sd_store_list_tags (fixture->store, &error);
    g_assert_cmpuint (tags->len, ==, 0);
  }
}

static void
test_scopes_and_counts (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  SdScope suzhou = { SD_SCOPE_PLACE, "3205", NULL };
  SdScope wujiang = { SD_SCOPE_PLACE, "320509", NULL };
  SdScope unplaced = { SD_SCOPE_UNPLACED, NULL, NULL };
  SdScope text = { SD_SCOPE_ALL, NULL, "标题3" };

  add_page (fixture, "aaa", 5, NULL);
  g_assert_true (sd_store_set_place (fixture->store, 5, NULL, NULL));

  counts = sd_store_count_by_place (fixture->store, NULL);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, "3205"), ==, 2);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, "320509"), ==, 2);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, ""), ==, 1);

  listed = sd_store_list_stories (fixture->store, &suzhou, NULL);
  g_assert_cmpuint (listed->len, ==, 4);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = sd_store_list_stories (fixture->store, &wujiang, NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = sd_store_list_stories (fixture->store, &unplaced, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((SdStory *) listed->pdata[0])->id, ==, 5);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = sd_store_list_stories (fixture->store, &text, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((SdStory *) listed->pdata[0])->headline, ==, "标题3");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* The editor's selection narrows any scope, and a search. */
  {
    const gint64 ids[] = { 2, 4, 5 };
    SdScope      selection = { SD_SCOPE_PLACE, "3205", NULL, ids, G_N_ELEMENTS (ids) };
    SdScope      selected_text = { SD_SCOPE_ALL, NULL, "标题", ids, 2 };

    listed = sd_store_list_full_stories (fixture->store, &selection, NULL);
    g_assert_cmpuint (listed->len, ==, 2); /* 5 is unplaced */
    g_assert_cmpint (((SdStory *) listed->pdata[0])->id, ==, 2);
    g_assert_cmpint (((SdStory *) listed->pdata[1])->id, ==, 4);
    g_clear_pointer (&listed, g_ptr_array_unref);
    listed = sd_store_list_stories (fixture->store, &selected_text, NULL);
    g_assert_cmpuint (listed->len, ==, 2);
  }
}

static void
test_wal_and_version (Fixture *fixture, gconstpointer data)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_not_a_library (void)
{
  g_autofree char *path = sd_test_build_filename ("not-a-library.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "this is not sqlite, just text in a file", -1, NULL));
  g_assert_null (sd_store_open (path, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, path));
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "this is not sqlite, just text in a file");
  }
}

static void
test_highlights (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  gint64             id = 0;
  const SdHighlight *highlight;

  add_page (fixture, "aaa", 1, NULL);
  /* body: 第一段。\n第二段。 — characters 5..8 are 第二段 */
  g_assert_true (sd_store_add_highlight (fixture->store, 1, 5, 8, "核对", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  story = sd_store_get_story (fixture->store, 1, &error);
  g_assert_cmpuint (story->highlights->len, ==, 1);
  highlight = g_ptr_array_index (story->highlights, 0);
  g_assert_cmpstr (highlight->quote, ==, "第二段");
  g_assert_cmpstr (highlight->prefix, ==, "第一段。\n");
  g_assert_cmpstr (highlight->suffix, ==, "。");
  g_assert_cmpstr (highlight->comment, ==, "核对");
  g_assert_cmpstr (highlight->editor, ==, "测试编辑");
  g_assert_cmpint (highlight->start, ==, 5);
  g_assert_cmpint (highlight->end, ==, 8);

  /* Out of the body: refused, nothing stored. */
  g_assert_false (sd_store_add_highlight (fixture->store, 1, 5, 99, NULL, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sd_store_remove_highlight (fixture->store, id, &error));
  g_assert_false (sd_store_remove_highlight (fixture->store, id, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&story, sd_story_unref);
  story = sd_store_get_story (fixture->store, 1, NULL);
  g_assert_cmpuint (story->highlights->len, ==, 0);
}

/* A library written by the first schema opens with every row intact and
 * the newest schema in place. */
static void
test_upgrade_from_first_schema (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sd_test_build_filename ("old.db");
  g_autoptr (SdStore) store = NULL;
  g_autoptr (SdStory) story = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _sd_store_migrations[0].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db,
                    "PRAGMA user_version = 1;"
                    "INSERT INTO pages VALUES (1, 'p.txt', 'sum', 'UTF-8', 9, '页', 'x');"
                    "INSERT INTO stories (id, page_id, ordinal, source_start, source_end,"
                    " kind, headline, body, note, status) VALUES (1, 1, 0, 0, 9, 'news',"
                    " '旧标题', '旧正文。', '旧批注', 'reviewed');"
                    "INSERT INTO tags VALUES (1, '党建', NULL);"
                    "INSERT INTO story_tags VALUES (1, 1, 'x', 'y');",
                    NULL, NULL, NULL),
      ==, SQLITE_OK);
  sqlite3_close (db);

  store = sd_store_open (path, &error);
  g_assert_no_error (error);
  story = sd_store_get_story (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (story->headline, ==, "旧标题");
  g_assert_cmpstr (story->note, ==, "旧批注");
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
  g_assert_cmpuint (story->tags->len, ==, 1);
  /* The story got its permanent identity, a random UUID. */
  g_assert_true (g_uuid_string_is_valid (story->uuid));
  g_assert_cmpint (sd_store_find_story (store, story->uuid, &error), ==, 1);
  g_assert_no_error (error);
  /* The new tables work on the upgraded file. */
  g_assert_true (sd_store_add_highlight (store, 1, 0, 2, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The page is known by its file name, as before identities: the same
   * name with other bytes is its new version. */
  {
    SdPageRecord page = { "p.txt", "sum2", "UTF-8", "页", 9 };
    gboolean     known = TRUE, has_identity = FALSE;
    g_assert_true (sd_store_check_page (store, &page, &known, &has_identity, &error));
    g_assert_no_error (error);
    g_assert_false (known);
    g_assert_true (has_identity);
    page.name = "day/p.txt";
    g_assert_true (sd_store_check_page (store, &page, &known, &has_identity, &error));
    g_assert_false (has_identity);
  }

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, _sd_store_n_migrations);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

/* A library from a newer Storydesk is refused, not damaged. */
static void
test_too_new (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sd_test_build_filename ("new.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                                          SD_STORE_APPLICATION_ID, _sd_store_n_migrations + 1);
  g_autoptr (SdStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = sd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW);
}

/* What a story-changed handler saw: the story's note as another connection
 * reads it, so the handler runs after the commit. */
typedef struct
{
  Fixture *fixture;
  GArray  *ids;
  char    *committed_note;
} Seen;

static void
story_changed_cb (SdStore *store, gint64 id, Seen *seen)
{
  g_autoptr (SdStore) other = sd_store_open (seen->fixture->path, NULL);
  g_autoptr (SdStory) story = sd_store_get_story (other, id, NULL);

  g_array_append_val (seen->ids, id);
  g_free (seen->committed_note);
  seen->committed_note = g_strdup (story->note);
  /* The write is closed: a handler may write in turn (once, here). */
  if (story->status != SD_STORY_STATUS_REVIEWED)
    g_assert_true (sd_store_set_status (store, id, SD_STORY_STATUS_REVIEWED, NULL));
}

/* Writes announce their changes once committed, and a write that fails
 * part-way announces and keeps nothing. */
static void
test_signals_after_commit (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  const gint64 ids[] = { 1, 99 };
  Seen         seen = { fixture, g_array_new (FALSE, FALSE, sizeof (gint64)), NULL };
  gulong       handler;

  add_page (fixture, "aaa", 2, NULL);
  handler =
      g_signal_connect (fixture->store, "story-changed", G_CALLBACK (story_changed_cb), &seen);
  g_assert_true (sd_store_set_note (fixture->store, 2, "已提交", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen.committed_note, ==, "已提交");
  g_assert_cmpuint (seen.ids->len, ==, 2); /* the note, then the handler's status */

  /* Story 1 is tagged before 99 is found missing: all of it rolls back. */
  g_array_set_size (seen.ids, 0);
  g_assert_false (sd_store_add_tag_to_stories (fixture->store, ids, 2, "党建", NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (seen.ids->len, ==, 0);
  story = sd_store_get_story (fixture->store, 1, NULL);
  g_assert_cmpuint (story->tags->len, ==, 0);

  g_signal_handler_disconnect (fixture->store, handler);
  g_array_unref (seen.ids);
  g_free (seen.committed_note);
}

/* The 日期 node's counts: a page's stories under its date, the trash and
 * pages without a date left out. */
static void
test_counts_by_date (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GError) error = NULL;

  add_page (fixture, "aaa", 3, NULL);
  counts = sd_store_count_by_date (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_clear_pointer (&counts, g_hash_table_unref);

  g_assert_true (
      sd_store_set_page_fields (fixture->store, 1, "苏州日报", "2022-11-03", "A05", &error));
  g_assert_no_error (error);
  add_page (fixture, "bbb", 2, NULL);
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_STORY, 2, NULL, &error));
  counts = sd_store_count_by_date (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, "2022-11-03"), ==, 2);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, sd_test_library_tear_down)
  ADD ("/store/story/round-trip", test_story_round_trip);
  ADD ("/store/page/same-twice", test_same_page_twice);
  ADD ("/store/annotations/tag-and-note", test_tag_and_note);
  ADD ("/store/annotations/bad-input", test_bad_input_refused);
  ADD ("/store/list/scopes-and-counts", test_scopes_and_counts);
  ADD ("/store/list/counts-by-date", test_counts_by_date);
  ADD ("/store/file/wal-and-version", test_wal_and_version);
  ADD ("/store/annotations/highlights", test_highlights);
  ADD ("/store/write/signals-after-commit", test_signals_after_commit);
#undef ADD
  g_test_add_func ("/store/file/not-a-library", test_not_a_library);
  g_test_add_func ("/store/file/upgrade-from-first-schema", test_upgrade_from_first_schema);
  g_test_add_func ("/store/file/too-new", test_too_new);

  return g_test_run ();
}
