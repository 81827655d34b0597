/* test-store-import.c — a page stored a batch of stories at a time: the
 * search index exactly right after each way a page comes in (#16), and a
 * page an import left partial stored again whole (#14 item 12)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "sd-importer.h"
#include "sd-store-fts5.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

/* More than three batches of the store's 200 stories. */
#define N_STORIES 650

static const char *const han_digits[] = {
  "零", "一", "二", "三", "四", "五", "六", "七", "八", "九"
};

/* "代码四三七" for 437: a term only story 437 holds. */
static char *
dup_code (guint n)
{
  return g_strdup_printf ("代码%s%s%s", han_digits[n / 100 % 10], han_digits[n / 10 % 10],
                          han_digits[n % 10]);
}

/* The stories of version @version of a page; the second loses story 5. */
static GPtrArray *
make_stories (guint version)
{
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  for (guint i = 0; i < N_STORIES; i++)
    {
      SdStory         *story = sd_story_new ();
      g_autofree char *code = dup_code (i);

      if (version == 2 && i == 5)
        {
          sd_story_unref (story);
          continue;
        }
      story->headline = g_strdup_printf ("乡镇稿件%s", code);
      story->body = g_strdup_printf ("本报讯 稿件正文，%s，第%u版。", code, version);
      story->source_end = 10;
      g_ptr_array_add (stories, story);
    }
  return stories;
}

static void
add_version (SdStore *store, guint version)
{
  g_autoptr (GPtrArray) stories = make_stories (version);
  g_autoptr (GError) error = NULL;
  g_autofree char *checksum = g_strdup_printf ("checksum-%u", version);
  SdPageRecord     page = { "big.txt", checksum, "UTF-8", "", 10 };

  g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));
  g_assert_no_error (error);
}

static gint64
find_one (SdStore *store, guint n)
{
  g_autofree char *code = dup_code (n);
  g_autoptr (GPtrArray) found = sd_store_search (store, NULL, code, 10, NULL);

  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  return ((SdStory *) g_ptr_array_index (found, 0))->id;
}

/* Every story is found by its own term, whichever batch it was in. */
static void
assert_all_found (Fixture *fixture, guint n_stories)
{
  g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, "乡镇稿件", NULL), ==, n_stories);
  for (guint n = 0; n < N_STORIES; n += 7)
    if (n != 5)
      find_one (fixture->store, n);
  sd_test_assert_index_whole (fixture->path);
}

static void
test_batches_indexed (Fixture *fixture, gconstpointer data)
{
  g_autofree char *ids = NULL;
  gint64           late;

  add_version (fixture->store, 1);
  assert_all_found (fixture, N_STORIES);
  /* the first and last of a batch, and the story after */
  for (guint n = 198; n < 203; n++)
    find_one (fixture->store, n);

  /* an edit of a story of a late batch goes through the triggers */
  late = find_one (fixture->store, 600);
  g_assert_true (sd_store_set_note (fixture->store, late, "核对人名", NULL));
  ids = sd_test_search_ids (fixture->store, NULL, "核对");
  g_assert_cmpint (g_ascii_strtoll (ids, NULL, 10), ==, late);
  sd_test_assert_index_whole (fixture->path);
}

/* A new version of a page of several batches: the old one's stories carried
 * over in the last, the note with them; the index holds the new text. */
static void
test_new_version (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;
  gint64 late;

  add_version (fixture->store, 1);
  late = find_one (fixture->store, 600);
  g_assert_true (sd_store_set_note (fixture->store, late, "核对人名", NULL));
  add_version (fixture->store, 2);

  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), ==, N_STORIES - 1);
  assert_all_found (fixture, N_STORIES - 1);
  g_assert_cmpint (find_one (fixture->store, 600), ==, late);
  story = sd_test_get_story (fixture->store, late);
  g_assert_cmpstr (story->note, ==, "核对人名");
  g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, "第1版", NULL), ==, 0);
  g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, "第2版", NULL), ==, N_STORIES - 1);
}

/* The stories the library's counts by place hold, in all. */
static gint64
count_placed (SdStore *store)
{
  g_autoptr (GHashTable) counts = sd_store_count_by_place (store, NULL);
  GHashTableIter iter;
  gpointer       count;
  gint64         n = 0;

  g_assert_nonnull (counts);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    n += *(gint64 *) count;
  return n;
}

/* What an import stopped half-way leaves: a partial page with some of its
 * stories.  Not known; stored again whole by the next import. */
static void
test_partial_page_stored_again (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SdPageRecord page = { "big.txt", "checksum-1", "UTF-8", "", 10 };
  gboolean     known = TRUE;
  sqlite3     *db = NULL;

  add_version (fixture->store, 1);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE pages SET partial = 1;"
                                 "DELETE FROM stories WHERE ordinal >= 400",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  /* (the counts of the tree leave a partial page's stories out) */
  g_assert_cmpint (count_placed (fixture->store), ==, 0);

  g_assert_true (sd_store_check_page (fixture->store, &page, &known, NULL, &error));
  g_assert_false (known);
  add_version (fixture->store, 1);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), ==, N_STORIES);
  g_assert_cmpint (count_placed (fixture->store), ==, N_STORIES);
  assert_all_found (fixture, N_STORIES);
  g_assert_true (sd_store_check_page (fixture->store, &page, &known, NULL, &error));
  g_assert_true (known);
}

/* A file whose bytes the library holds is known by its checksum before its
 * text is read (#16): these bytes, which the page reader refuses (a NUL),
 * are stored as a page here, and importing the file finds them. */
static void
test_known_before_reading (Fixture *fixture, gconstpointer data)
{
  static const char bytes[] = "本报讯\0不是文本";
  g_autoptr (GPtrArray) stories = make_stories (1);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, "known.txt", NULL);
  g_autofree char *checksum =
      g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, sizeof bytes);
  g_autoptr (SdImportResult) result = NULL;
  SdPageRecord page = { "known.txt", checksum, "UTF-8", "本报讯", sizeof bytes };

  g_assert_true (g_file_set_contents (path, bytes, sizeof bytes, &error));
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, &error));
  g_assert_no_error (error);

  result = sd_importer_import_file (fixture->store, path);
  g_assert_no_error (result->error);
  g_assert_true (result->known);
  g_assert_cmpuint (result->n_stories, ==, 0);
}

/* The one look-up an unchanged re-import makes of each file (#16): known
 * while the page is whole and out of the trash; a story put in the trash
 * alone leaves it known, the page or its batch put there does not. */
static void
test_known_trash_kinds (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *sql;
    gboolean    known;
  } steps[] = {
    { "UPDATE stories SET trashed = 1, trash_kind = 'story' WHERE ordinal = 3", TRUE },
    { "UPDATE stories SET trashed = 1, trash_kind = 'page' WHERE ordinal = 4", FALSE },
    { "UPDATE stories SET trash_kind = 'batch' WHERE ordinal = 4", FALSE },
    { "UPDATE stories SET trashed = NULL, trash_kind = NULL WHERE ordinal = 4", TRUE },
    { "UPDATE pages SET partial = 1", FALSE },
  };
  SdPageRecord page = { "big.txt", "checksum-1", "UTF-8", "", 10 };
  SdPageRecord other = { "big.txt", "checksum-2", "UTF-8", "", 10 };
  sqlite3     *db = NULL;

  add_version (fixture->store, 1);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean known = !steps[i].known;

      g_assert_cmpint (sqlite3_exec (db, steps[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_true (sd_store_check_page (fixture->store, &page, &known, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (known, ==, steps[i].known);
      g_assert_true (sd_store_check_page (fixture->store, &other, &known, NULL, &error));
      g_assert_false (known);
    }
  sqlite3_close (db);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/store-import/batches-indexed", NULL, test_batches_indexed);
  SD_TEST_ADD_WITH_LIBRARY ("/store-import/known-before-reading", NULL, test_known_before_reading);
  SD_TEST_ADD_WITH_LIBRARY ("/store-import/known-trash-kinds", NULL, test_known_trash_kinds);
  SD_TEST_ADD_WITH_LIBRARY ("/store-import/new-version", NULL, test_new_version);
  SD_TEST_ADD_WITH_LIBRARY ("/store-import/partial-page-stored-again", NULL,
                            test_partial_page_stored_again);

  return g_test_run ();
}
