/* test-trash.c — deleting stories, pages and import batches into the trash,
 * restoring them, purging them, and undoing all of it exactly (#13,
 * defect 10: nothing could be deleted)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-edit-history.h"
#include "sd-export.h"
#include "sd-importer.h"
#include "sd-store-fts5.h"
#include "sd-test-util.h"

static const SdScope all = { SD_SCOPE_ALL };

/* Imports the bundled page @name; returns the result. */
static SdImportResult *
import_seed (SdStore *store, const char *name)
{
  g_autofree char *path = g_build_filename (SD_SEEDS_DIR, name, NULL);
  SdImportResult  *result = sd_importer_import_file (store, path);

  g_assert_no_error (result->error);
  return result;
}

static gint64
count (SdStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 n = sd_store_count_stories (store, &error);

  g_assert_no_error (error);
  return n;
}

static guint
n_listed (SdStore *store, const SdScope *scope)
{
  g_autoptr (GPtrArray) stories = sd_store_list_stories (store, scope, NULL);

  g_assert_nonnull (stories);
  return stories->len;
}

static gint64
sum_counts (SdStore *store)
{
  g_autoptr (GHashTable) counts = sd_store_count_by_place (store, NULL);
  GHashTableIter iter;
  gpointer       value;
  gint64         sum = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += *(gint64 *) value;
  return sum;
}

/* The ids of the stories of page @page_id, in the library or not. */
static GPtrArray *
list_page (SdStore *store, gint64 page_id)
{
  g_autoptr (GPtrArray) stories = sd_store_list_stories (store, &all, NULL);
  g_autoptr (GPtrArray) trashed = NULL;
  SdScope    trash = { SD_SCOPE_TRASH };
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  trashed = sd_store_list_stories (store, &trash, NULL);
  for (guint i = 0; i < stories->len + trashed->len; i++)
    {
      SdStory *story = i < stories->len ? g_ptr_array_index (stories, i)
                                        : g_ptr_array_index (trashed, i - stories->len);
      if (story->page_id == page_id)
        g_ptr_array_add (found, sd_story_ref (story));
    }
  return found;
}

/* A deleted story leaves the lists, counts, searches and exports, keeps its
 * rows, and comes back exactly. */
static void
test_story (SdTestLibrary *fixture, gconstpointer data)
{
  g_autoptr (SdImportResult) result = import_seed (fixture->store, "000_17ad7f2eb8d76244.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = sd_store_list_stories (fixture->store, &all, NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) exported = NULL;
  g_autofree char *before = sd_test_dump_library (fixture->path);
  g_autofree char *restored = NULL;
  g_autofree char *word = NULL;
  SdStory         *victim = g_ptr_array_index (stories, 1);
  gint64           n = count (fixture->store);
  SdTrashEntry    *entry;
  SdScope          trash = { SD_SCOPE_TRASH };
  SdScope          found = { SD_SCOPE_ALL };
  guint            moved = 0;

  g_assert_cmpint (n, >, 2);
  g_assert_nonnull (victim->headline);
  word = g_utf8_substring (victim->headline, 0, 4);
  found.text = word;
  g_assert_cmpuint (n_listed (fixture->store, &found), >=, 1);
  g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, word, NULL), >=, 1);

  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_STORY, victim->id, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpint (count (fixture->store), ==, n - 1);
  g_assert_cmpint (sum_counts (fixture->store), ==, n - 1);
  g_assert_cmpuint (n_listed (fixture->store, &all), ==, n - 1);
  g_assert_cmpint (sd_store_count_trash (fixture->store, NULL), ==, 1);
  g_assert_cmpuint (n_listed (fixture->store, &trash), ==, 1);
  /* searches and exports do not see it */
  {
    g_autoptr (GPtrArray) hits = sd_store_search (fixture->store, NULL, word, 0, NULL);
    g_autoptr (GPtrArray) listed = sd_store_list_stories (fixture->store, &found, NULL);

    for (guint i = 0; i < hits->len; i++)
      g_assert_cmpint (((SdStory *) g_ptr_array_index (hits, i))->id, !=, victim->id);
    for (guint i = 0; i < listed->len; i++)
      g_assert_cmpint (((SdStory *) g_ptr_array_index (listed, i))->id, !=, victim->id);
  }
  exported = sd_store_list_full_stories (fixture->store, &all, NULL);
  g_assert_cmpuint (exported->len, ==, n - 1);
  for (guint i = 0; i < exported->len; i++)
    g_assert_cmpint (((SdStory *) g_ptr_array_index (exported, i))->id, !=, victim->id);
  sd_test_assert_index_whole (fixture->path);

  entries = sd_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->kind, ==, SD_TRASH_STORY);
  g_assert_cmpint (entry->target, ==, victim->id);
  g_assert_cmpstr (entry->label, ==, victim->headline);
  g_assert_cmpuint (entry->n_stories, ==, 1);
  g_assert_nonnull (entry->trashed);

  /* deleting it again moves nothing; a story that never was is refused */
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_STORY, victim->id, &moved, NULL));
  g_assert_cmpuint (moved, ==, 0);
  g_assert_false (sd_store_trash (fixture->store, SD_TRASH_STORY, 9999, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sd_store_restore (fixture->store, SD_TRASH_STORY, victim->id, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 1);
  restored = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, word, NULL), >=, 1);
  sd_test_assert_index_whole (fixture->path);
}

/* Each connection's pages are one batch; a page and a batch go to the
 * trash with all their stories, and come back as one entry. */
static void
test_page_and_batch (SdTestLibrary *fixture, gconstpointer data)
{
  g_autoptr (SdImportResult) first = import_seed (fixture->store, "000_17ad7f2eb8d76244.txt");
  g_autoptr (SdImportResult) second = import_seed (fixture->store, "001_76d1ea9befcd34c7.txt");
  gint64 n = count (fixture->store);
  g_autoptr (GPtrArray) stories = sd_store_list_stories (fixture->store, &all, NULL);
  gint64           page_id = ((SdStory *) g_ptr_array_index (stories, 0))->page_id;
  g_autofree char *before = sd_test_dump_library (fixture->path);
  g_autoptr (SdImportResult) third = NULL;
  g_autoptr (GPtrArray) batches = NULL, entries = NULL, page = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  SdBatch         *batch;
  guint            moved = 0;

  sd_store_begin_batch (fixture->store, SD_BATCH_SAMPLE);
  third = import_seed (fixture->store, "002_09cb3cf91eb8dba5.txt");
  batches = sd_store_list_batches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 2);
  batch = g_ptr_array_index (batches, 0);
  g_assert_cmpint (batch->kind, ==, SD_BATCH_IMPORT);
  g_assert_cmpuint (batch->n_pages, ==, 2);
  g_assert_cmpuint (batch->n_stories, ==, n);
  g_assert_cmpstr (batch->first_file, ==, "000_17ad7f2eb8d76244.txt");
  batch = g_ptr_array_index (batches, 1);
  g_assert_cmpint (batch->kind, ==, SD_BATCH_SAMPLE);
  g_assert_cmpuint (batch->n_stories, ==, third->n_stories);
  g_assert_true (sd_store_has_batch_kind (fixture->store, SD_BATCH_SAMPLE, NULL));

  /* one story of the first page alone, then the page */
  page = list_page (fixture->store, page_id);
  g_assert_cmpuint (page->len, ==, first->n_stories);
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_STORY,
                                 ((SdStory *) g_ptr_array_index (page, 0))->id, NULL, NULL));
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_PAGE, page_id, &moved, &error));
  g_assert_cmpuint (moved, ==, first->n_stories - 1);
  g_assert_cmpint (count (fixture->store), ==, n + third->n_stories - first->n_stories);

  /* the sample batch in one action */
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_BATCH, batch->id, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, third->n_stories);
  g_assert_cmpint (count (fixture->store), ==, second->n_stories);

  entries = sd_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  {
    SdTrashEntry *newest = g_ptr_array_index (entries, 0);
    gboolean      seen[3] = { FALSE };

    for (guint i = 0; i < entries->len; i++)
      {
        SdTrashEntry *entry = g_ptr_array_index (entries, i);

        seen[entry->kind] = TRUE;
        if (entry->kind == SD_TRASH_BATCH)
          {
            g_assert_cmpint (entry->batch_kind, ==, SD_BATCH_SAMPLE);
            g_assert_cmpstr (entry->label, ==, "002_09cb3cf91eb8dba5.txt");
            g_assert_cmpuint (entry->n_stories, ==, third->n_stories);
          }
        if (entry->kind == SD_TRASH_PAGE)
          g_assert_cmpstr (entry->label, ==, "000_17ad7f2eb8d76244.txt");
      }
    g_assert_true (seen[0] && seen[1] && seen[2]);
    g_assert_cmpstr (newest->trashed, >=, ((SdTrashEntry *) entries->pdata[2])->trashed);
  }

  /* the page's entry brings back the page, not the story deleted alone */
  g_assert_true (sd_store_restore (fixture->store, SD_TRASH_PAGE, page_id, &moved, &error));
  g_assert_cmpuint (moved, ==, first->n_stories - 1);
  g_assert_true (sd_store_restore (fixture->store, SD_TRASH_BATCH, batch->id, &moved, &error));
  g_assert_cmpuint (moved, ==, third->n_stories);
  g_assert_true (sd_store_restore (fixture->store, SD_TRASH_STORY,
                                   ((SdStory *) g_ptr_array_index (page, 0))->id, &moved, NULL));
  g_assert_cmpint (count (fixture->store), ==, n + third->n_stories);
  g_assert_cmpint (sd_store_count_trash (fixture->store, NULL), ==, 0);
  sd_test_assert_index_whole (fixture->path);

  /* the batch (and its page) made since are all that differs */
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_BATCH, batch->id, NULL, NULL));
  g_assert_true (sd_store_empty_trash (fixture->store, NULL, &moved, &error));
  g_assert_cmpuint (moved, ==, third->n_stories);
  after = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (strstr (after, "stories:"), ==, strstr (before, "stories:"));
}

/* The same file imported again brings its deleted page back as it was;
 * a purged page is imported anew. */
static void
test_import_again (SdTestLibrary *fixture, gconstpointer data)
{
  g_autoptr (SdImportResult) first = import_seed (fixture->store, "003_edcdabef6f55a9e7.txt");
  g_autoptr (SdImportResult) again = NULL;
  g_autoptr (SdImportResult) purged = NULL;
  g_autoptr (GPtrArray) stories = sd_store_list_stories (fixture->store, &all, NULL);
  g_autoptr (GPtrArray) results = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *before = NULL;
  g_autofree char *back = NULL;
  SdStory         *story = g_ptr_array_index (stories, 0);
  sqlite3         *db = NULL;

  g_assert_true (sd_store_set_note (fixture->store, story->id, "核对人名", NULL));
  before = sd_test_dump_library (fixture->path);
  g_assert_cmpint (sd_store_has_stories (fixture->store, NULL), ==, 1);
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_PAGE, story->page_id, NULL, &error));
  g_assert_cmpint (count (fixture->store), ==, 0);
  /* none listed, but some in the trash: the window seeds no sample pages */
  g_assert_cmpint (sd_store_has_stories (fixture->store, NULL), ==, 1);

  again = import_seed (fixture->store, "003_edcdabef6f55a9e7.txt");
  g_assert_true (again->known);
  g_assert_cmpuint (again->n_restored, ==, first->n_stories);
  g_ptr_array_add (results, again);
  summary = sd_import_results_dup_summary (results);
  g_assert_nonnull (strstr (summary, "back from the trash"));
  back = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (back, ==, before);

  /* thirty-one days in the trash: purged when the library is opened */
  g_assert_true (sd_store_trash (fixture->store, SD_TRASH_PAGE, story->page_id, NULL, NULL));
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, NULL));
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE stories SET trashed = '2020-01-01T00:00:00Z' "
                                 "WHERE trashed IS NOT NULL",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  fixture->store = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_store_count_trash (fixture->store, NULL), ==, 0);
  g_assert_cmpint (sd_store_has_stories (fixture->store, NULL), ==, 0);
  g_clear_pointer (&back, g_free);
  back = sd_test_dump_library (fixture->path);
  g_assert_null (strstr (back, "003_edcdabef6f55a9e7.txt"));

  purged = import_seed (fixture->store, "003_edcdabef6f55a9e7.txt");
  g_assert_false (purged->known);
  g_assert_cmpint (count (fixture->store), ==, first->n_stories);
}

/* Delete and restore are undo steps that put the library back exactly. */
static void
test_undo (SdTestLibrary *fixture, gconstpointer data)
{
  g_autoptr (SdImportResult) first = import_seed (fixture->store, "001_76d1ea9befcd34c7.txt");
  g_autoptr (SdEditHistory) history = sd_edit_history_new (fixture->store);
  g_autoptr (GPtrArray) stories = sd_store_list_stories (fixture->store, &all, NULL);
  g_autoptr (GPtrArray) batches = sd_store_list_batches (fixture->store, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = sd_test_dump_library (fixture->path);
  g_autofree char *deleted = NULL;
  g_autofree char *now = NULL;
  SdStory         *story = g_ptr_array_index (stories, 0);
  gint64           batch_id = ((SdBatch *) g_ptr_array_index (batches, 0))->id;

  g_assert_true (sd_edit_history_trash (history, SD_TRASH_STORY, &story->id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_edit_history_get_undo_label (history), !=, NULL);
  g_assert_true (g_str_has_prefix (sd_edit_history_get_undo_label (history), "Delete “"));
  g_assert_cmpint (sd_edit_history_get_next_story (history, FALSE), ==, story->id);
  deleted = sd_test_dump_library (fixture->path);
  sd_test_undo (history);
  now = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (now, ==, before);
  sd_test_redo (history);
  g_clear_pointer (&now, g_free);
  now = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (now, ==, deleted);

  /* the batch, then its restore, each undone */
  g_assert_true (sd_edit_history_trash (history, SD_TRASH_BATCH, &batch_id, 1, &error));
  g_assert_cmpint (count (fixture->store), ==, 0);
  g_assert_true (sd_edit_history_restore (history, SD_TRASH_BATCH, &batch_id, 1, &error));
  g_assert_cmpint (count (fixture->store), ==, first->n_stories - 1);
  g_assert_true (g_str_has_prefix (sd_edit_history_get_undo_label (history),
                                   "Restore the import batch “001_76d1ea9befcd34c7.txt”"));
  sd_test_undo (history);
  g_assert_cmpint (count (fixture->store), ==, 0);
  sd_test_undo (history);
  g_clear_pointer (&now, g_free);
  now = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (now, ==, deleted);
  sd_test_undo (history);
  g_clear_pointer (&now, g_free);
  now = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (now, ==, before);
  sd_test_assert_index_whole (fixture->path);

  /* nothing moved, no step */
  g_assert_true (sd_edit_history_restore (history, SD_TRASH_STORY, &story->id, 1, &error));
  g_assert_false (sd_edit_history_can_undo (history));

  /* three stories selected and deleted: one step, one undo */
  {
    gint64 ids[3] = { ((SdStory *) stories->pdata[1])->id, ((SdStory *) stories->pdata[2])->id,
                      ((SdStory *) stories->pdata[4])->id };

    g_assert_true (sd_edit_history_trash (history, SD_TRASH_STORY, ids, 3, &error));
    g_assert_cmpint (count (fixture->store), ==, first->n_stories - 3);
    g_assert_cmpstr (sd_edit_history_get_undo_label (history), ==, "Delete 3 stories");
    g_assert_cmpint (sd_edit_history_get_next_story (history, FALSE), ==, 0);
    sd_test_undo (history);
    g_assert_false (sd_edit_history_can_undo (history));
    g_clear_pointer (&now, g_free);
    now = sd_test_dump_library (fixture->path);
    g_assert_cmpstr (now, ==, before);
  }
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/trash/story", NULL, test_story);
  SD_TEST_ADD_WITH_LIBRARY ("/trash/page-and-batch", NULL, test_page_and_batch);
  SD_TEST_ADD_WITH_LIBRARY ("/trash/import-again", NULL, test_import_again);
  SD_TEST_ADD_WITH_LIBRARY ("/trash/undo", NULL, test_undo);

  return g_test_run ();
}
