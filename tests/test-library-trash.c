/* test-library-trash.c — import batches, the trash, a page imported again
 * out of the trash and a story's history through SdLibrary, the same test
 * bodies on each engine (issue #17): a personal library of the seeds, and,
 * run through tests/with-postgres.py (SD_TEST_PG_URL), the shared library
 * it is copied into; then the trash's 30-day purge on an admin's open
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "sd-edit-history.h"
#include "sd-importer.h"
#include "sd-library.h"
#include "sd-pg-corrections.h"
#include "sd-pg-shared.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

/* The engines under test: the personal library always, the shared one when
 * a server was given. */
static SdLibrary *engines[2];

/* Each engine's batch of the two pages the tests import, and what it
 * holds. */
static struct
{
  gint64 id;
  guint  n_stories;
  guint  n_first; /* of the first page, u01.txt */
  gint64 first_page;
} batches[2];

static const char *const page_names[] = { "u01.txt", "v01.txt" };

/* The story whose note a merge replaced (merge_a_note ()). */
static gint64 merged_story;

/* A JSON export's record of a story, with a newer note, merged into the
 * personal library: its note before is kept in its history
 * (sd-store-exchange.c), which the copy into the shared one brings. */
static void
merge_a_note (SdStore *store)
{
  SdScope all = { .kind = SD_SCOPE_ALL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = sd_store_list_full_stories (store, &all, &error);
  g_autoptr (GPtrArray) incoming = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdStory          *story;
  SdExchangeOutcome outcome = { 0 };

  g_assert_no_error (error);
  merged_story = ((SdStory *) stories->pdata[0])->id;
  g_assert_true (sd_store_set_note (store, merged_story, "旧的备注", &error));
  story = sd_store_get_story (store, merged_story, &error);
  g_assert_no_error (error);
  g_free (story->note);
  story->note = g_strdup ("新的备注");
  g_free (story->updated);
  story->updated = g_strdup ("2099-01-01T00:00:00Z");
  story->id = 0;
  g_ptr_array_add (incoming, story);
  g_assert_true (
      sd_store_import_stories (store, "library-trash-export", 1, incoming, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outcome.n_merged, ==, 1);
}

/* The ids @scope lists, in order. (element-type gint64) */
static GArray *
listed (SdLibrary *library, SdScopeKind kind, gint64 batch_id)
{
  SdScope scope = { .kind = kind, .batch_id = batch_id };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryListing *listing;
  GArray         *ids;

  sd_library_list_story_ids_async (library, &scope, SD_STORY_ORDER_NONE, FALSE, 0, NULL, NULL, NULL,
                                   sd_test_keep_result_cb, &result);
  listing = sd_library_list_story_ids_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  ids = g_array_ref (listing->ids);
  sd_story_listing_free (listing);
  return ids;
}

static gboolean
has_id (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static SdImportResult *
import (SdLibrary *library, const char *name)
{
  g_autofree char *path = g_build_filename (SD_PAGES_DIR, name, NULL);
  SdImportFile     file = { path, (char *) name };
  SdImportResult  *result = sd_importer_import_page (library, &file, NULL);

  g_assert_no_error (result->error);
  return result;
}

/* The engine's batch of @id, from its list. */
static const SdBatch *
find_batch (GPtrArray *list, gint64 id)
{
  for (guint i = 0; i < list->len; i++)
    if (((SdBatch *) list->pdata[i])->id == id)
      return list->pdata[i];
  return NULL;
}

/* Two pages imported in one run are one batch, listed with its counts,
 * in the summary (the window's 导入批次) and as a scope. */
static void
test_batches (gconstpointer data)
{
  guint      e = GPOINTER_TO_UINT (data);
  SdLibrary *library = engines[e];
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (SdLibrarySummary) summary = NULL;
  g_autoptr (GArray) in_batch = NULL;
  g_autoptr (GError) error = NULL;
  const SdBatch *batch;

  before = sd_library_list_batches (library, &error);
  g_assert_no_error (error);
  sd_library_begin_batch (library, SD_BATCH_IMPORT);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr (SdImportResult) result = import (library, page_names[i]);

      g_assert_false (result->known);
      g_assert_cmpuint (result->n_stories, >, 0);
      batches[e].n_stories += result->n_stories;
      if (i == 0)
        batches[e].n_first = result->n_stories;
    }
  after = sd_library_list_batches (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  batch = after->pdata[after->len - 1];
  batches[e].id = batch->id;
  g_assert_cmpint (batch->kind, ==, SD_BATCH_IMPORT);
  g_assert_cmpuint (batch->n_pages, ==, 2);
  g_assert_cmpuint (batch->n_stories, ==, batches[e].n_stories);
  g_assert_cmpuint (batch->n_trashed, ==, 0);
  g_assert_cmpstr (batch->first_file, ==, "u01.txt");
  g_assert_nonnull (batch->started);
  g_assert_true (g_str_has_suffix (batch->started, "Z"));

  summary = sd_test_read_summary (library);
  g_assert_nonnull (find_batch (summary->batches, batch->id));
  in_batch = listed (library, SD_SCOPE_BATCH, batch->id);
  g_assert_cmpuint (in_batch->len, ==, batches[e].n_stories);
}

/* "Delete this import": every story of the batch goes and comes back, one
 * entry of the trash. */
static void
test_trash_batch (gconstpointer data)
{
  guint      e = GPOINTER_TO_UINT (data);
  SdLibrary *library = engines[e];
  g_autoptr (GArray) in_batch = listed (library, SD_SCOPE_BATCH, batches[e].id);
  g_autoptr (GArray) all = NULL;
  g_autoptr (GArray) back = NULL;
  g_autoptr (GPtrArray) trash = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const SdTrashEntry *entry;
  const SdBatch      *batch;
  gint64              one = g_array_index (in_batch, gint64, 0);
  g_autoptr (SdStory) story = sd_library_get_story (library, one, &error);
  guint n = 0;

  g_assert_no_error (error);
  batches[e].first_page = story->page_id;
  g_assert_true (sd_library_trash (library, SD_TRASH_BATCH, batches[e].id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, batches[e].n_stories);
  all = listed (library, SD_SCOPE_ALL, 0);
  g_assert_false (has_id (all, one));
  trash = sd_library_list_trash (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 1);
  entry = trash->pdata[0];
  g_assert_cmpint (entry->kind, ==, SD_TRASH_BATCH);
  g_assert_cmpint (entry->target, ==, batches[e].id);
  g_assert_cmpuint (entry->n_pages, ==, 2);
  g_assert_cmpuint (entry->n_stories, ==, batches[e].n_stories);
  g_assert_cmpstr (entry->label, ==, "u01.txt");
  g_assert_cmpint (entry->batch_kind, ==, SD_BATCH_IMPORT);
  list = sd_library_list_batches (library, &error);
  batch = find_batch (list, batches[e].id);
  g_assert_cmpuint (batch->n_stories, ==, 0);
  g_assert_cmpuint (batch->n_trashed, ==, batches[e].n_stories);

  g_assert_true (sd_library_restore (library, SD_TRASH_BATCH, batches[e].id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, batches[e].n_stories);
  back = listed (library, SD_SCOPE_ALL, 0);
  g_assert_true (has_id (back, one));

  g_assert_false (sd_library_trash (library, SD_TRASH_BATCH, 99999, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

/* The batch deleted as the window deletes it, through the edit history:
 * one step on either engine, undone (its stories back, the trash empty),
 * redone (one entry of the trash again) and undone again. */
static void
test_batch_undo (gconstpointer data)
{
  guint      e = GPOINTER_TO_UINT (data);
  SdLibrary *library = engines[e];
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) before = listed (library, SD_SCOPE_BATCH, batches[e].id);

  g_assert_cmpuint (before->len, ==, batches[e].n_stories);
  g_assert_true (sd_edit_history_trash (history, SD_TRASH_BATCH, &batches[e].id, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sd_edit_history_can_undo (history));
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr (GArray) now = listed (library, SD_SCOPE_BATCH, batches[e].id);
      g_autoptr (GPtrArray) trash = sd_library_list_trash (library, &error);
      gboolean deleted = round != 1;

      g_assert_no_error (error);
      g_assert_cmpuint (now->len, ==, deleted ? 0 : before->len);
      g_assert_cmpuint (trash->len, ==, deleted ? 1 : 0);
      if (deleted)
        g_assert_cmpint (((SdTrashEntry *) trash->pdata[0])->kind, ==, SD_TRASH_BATCH);
      if (round == 1)
        sd_test_redo (history);
      else
        sd_test_undo (history);
    }
  g_assert_false (sd_edit_history_can_undo (history));
  g_clear_pointer (&before, g_array_unref);
  before = listed (library, SD_SCOPE_BATCH, batches[e].id);
  g_assert_cmpuint (before->len, ==, batches[e].n_stories);
}

/* A page imported again while its stories are in the trash, deleted with
 * it or with its batch: they come back, and only they. */
static void
test_reimport (gconstpointer data)
{
  guint      e = GPOINTER_TO_UINT (data);
  SdLibrary *library = engines[e];
  g_autoptr (SdImportResult) again = NULL;
  g_autoptr (SdImportResult) twice = NULL;
  g_autoptr (SdImportResult) from_batch = NULL;
  g_autoptr (GArray) in_batch = NULL;
  g_autoptr (GPtrArray) trash = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (sd_library_trash (library, SD_TRASH_PAGE, batches[e].first_page, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, batches[e].n_first);
  again = import (library, "u01.txt");
  g_assert_true (again->known);
  g_assert_cmpuint (again->n_restored, ==, batches[e].n_first);
  trash = sd_library_list_trash (library, &error);
  g_assert_cmpuint (trash->len, ==, 0);
  /* nothing in the trash: known, nothing brought back */
  twice = import (library, "u01.txt");
  g_assert_true (twice->known);
  g_assert_cmpuint (twice->n_restored, ==, 0);

  /* the batch deleted: only the page imported comes back */
  g_assert_true (sd_library_trash (library, SD_TRASH_BATCH, batches[e].id, &n, &error));
  from_batch = import (library, "u01.txt");
  g_assert_true (from_batch->known);
  g_assert_cmpuint (from_batch->n_restored, ==, batches[e].n_first);
  in_batch = listed (library, SD_SCOPE_BATCH, batches[e].id);
  g_assert_cmpuint (in_batch->len, ==, batches[e].n_first);
  g_assert_true (sd_library_restore (library, SD_TRASH_BATCH, batches[e].id, &n, &error));
  g_assert_cmpuint (n, ==, batches[e].n_stories - batches[e].n_first);
}

/* A story's history, by id or uuid: the note a merge replaced (made in
 * the personal library before the copy, which brings it); none for a
 * story no merge touched; an unknown story said as one. */
static void
test_history (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdStory) story = sd_library_get_story (library, merged_story, NULL);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) personal = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GError) error = NULL;
  const SdHistoryEntry *entry, *mine;

  g_assert_cmpstr (story->note, ==, "新的备注");
  g_assert_cmpint (sd_library_find_story (library, story->uuid, &error), ==, merged_story);
  g_assert_no_error (error);
  history = sd_library_list_history (library, merged_story, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->field, ==, "note");
  g_assert_cmpstr (entry->value, ==, "旧的备注");
  g_assert_cmpstr (entry->reason, ==, "merge");
  /* the same on both engines, to the second */
  personal = sd_library_list_history (engines[0], merged_story, &error);
  mine = personal->pdata[0];
  g_assert_cmpstr (entry->editor, ==, mine->editor);
  g_assert_cmpstr (entry->edited, ==, mine->edited);
  g_assert_cmpstr (entry->replaced, ==, mine->replaced);
  g_assert_nonnull (entry->replaced);

  none = sd_library_list_history (library, merged_story + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (sd_library_find_story (library, "99999", &error), ==, -1);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

/* Runs @sql as the library's owner. */
static void
run_as_owner (const char *sql)
{
  PGconn   *conn = PQconnectdb (g_getenv ("SD_TEST_PG_URL"));
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* A shared library's history rows (written here as the owner: no merge
 * writes them there yet) listed oldest first, as a personal library lists
 * them. */
static void
test_history_rows (void)
{
  SdLibrary *library = engines[1];
  g_autoptr (GArray) all = listed (library, SD_SCOPE_ALL, 0);
  gint64 id = g_array_index (all, gint64, 0) == merged_story ? g_array_index (all, gint64, 1)
                                                             : g_array_index (all, gint64, 0);
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO storydesk.story_history (story_id, field, value, editor, edited, replaced)"
      " VALUES (%" G_GINT64_FORMAT ", 'note', '旧的备注', 'anna', '2024-01-02T03:04:05Z',"
      "  '2024-02-01 00:00:00+00'),"
      " (%" G_GINT64_FORMAT ", 'status', 'reviewed', 'bo', NULL, '2024-03-01 00:00:00+00')",
      id, id);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  const SdHistoryEntry *entry;

  run_as_owner (sql);
  history = sd_library_list_history (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->field, ==, "note");
  g_assert_cmpstr (entry->value, ==, "旧的备注");
  g_assert_cmpstr (entry->editor, ==, "anna");
  g_assert_cmpstr (entry->edited, ==, "2024-01-02T03:04:05Z");
  g_assert_cmpstr (entry->replaced, ==, "2024-02-01T00:00:00Z");
  g_assert_cmpstr (entry->reason, ==, "merge");
  entry = history->pdata[1];
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_null (entry->edited);
}

/* Thirty-one days in the trash: an admin's open of the shared library
 * purges it, a story deleted today stays; a personal library's open
 * purges the same (test-trash.c). */
static void
test_purge (void)
{
  g_autoptr (GArray) all = listed (engines[1], SD_SCOPE_ALL, 0);
  gint64           old = g_array_index (all, gint64, 2);
  gint64           recent = g_array_index (all, gint64, 3);
  g_autofree char *sql = g_strdup_printf ("UPDATE storydesk.stories SET trashed = now () - "
                                          "interval '31 days' WHERE id = %" G_GINT64_FORMAT,
                                          old);
  g_autofree char *old_ref = g_strdup_printf ("%" G_GINT64_FORMAT, old);
  g_autoptr (SdLibrary) opened = NULL;
  g_autoptr (GPtrArray) trash = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_library_trash (engines[1], SD_TRASH_STORY, old, NULL, &error));
  g_assert_true (sd_library_trash (engines[1], SD_TRASH_STORY, recent, NULL, &error));
  g_assert_no_error (error);
  run_as_owner (sql);
  opened = SD_LIBRARY (sd_pg_shared_open (g_getenv ("SD_TEST_PG_URL"), &error));
  g_assert_no_error (error);
  trash = sd_library_list_trash (opened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_cmpint (((SdTrashEntry *) trash->pdata[0])->target, ==, recent);
  g_assert_cmpint (sd_library_find_story (opened, old_ref, &error), ==, -1);
  g_clear_error (&error);
  g_assert_true (sd_library_restore (opened, SD_TRASH_STORY, recent, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  static const SdTestBody bodies[] = {
    { "batches", test_batches },       { "trash-batch", test_trash_batch },
    { "batch-undo", test_batch_undo }, { "reimport", test_reimport },
    { "history", test_history },
  };
  g_autofree char *folder = g_dir_make_tmp ("sd-library-trash-XXXXXX", NULL);
  int              status;

  sd_test_init (&argc, &argv);
  engines[0] = SD_LIBRARY (sd_test_open_seeds_in (folder));
  merge_a_note (SD_STORE (engines[0]));
  engines[1] = sd_test_copy_to_shared (SD_STORE (engines[0]));
  sd_test_add_engine_bodies ("/library/trash", engines, bodies, G_N_ELEMENTS (bodies));
  if (engines[1] != NULL)
    {
      g_test_add_func ("/library/trash/postgresql/history-rows", test_history_rows);
      g_test_add_func ("/library/trash/postgresql/purge", test_purge);
    }
  status = g_test_run ();
  g_clear_object (&engines[0]);
  g_clear_object (&engines[1]);
  sd_test_remove_tree (folder);
  return status;
}
