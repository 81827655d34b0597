/* test-store-async.c — the store's reads in its worker, and the watcher
 * that notices other connections' writes
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-store-async.h"
#include "sd-test-util.h"

static char *
dup_library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "library.db", NULL);
}

/* A page of @n stories in @file, every other one filed under 吴江区. */
static void
store_file (SdStore *store, const char *file, const char *checksum, guint n)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { file, checksum, "UTF-8", "页面的文字", 15 };
  g_autoptr (GError) error = NULL;

  while (stories->len < n)
    {
      SdStory *story = sd_story_new ();

      story->headline = g_strdup_printf ("第%u篇", stories->len + 1);
      story->body = g_strdup ("正文一段。");
      story->place_code = g_strdup (stories->len % 2 ? "320509" : NULL);
      g_ptr_array_add (stories, story);
    }
  g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));
  g_assert_no_error (error);
}

static void
store_page (SdStore *store, const char *checksum, guint n)
{
  store_file (store, "async.txt", checksum, n);
}

/* Runs the main loop until an async call lands; returns its result. */
static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
got_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (source); /* the store is never a task's source */
  *slot = g_object_ref (result);
}

static void
test_reads (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GAsyncResult) listed = NULL, got = NULL, counted = NULL, page = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (SdLibrarySummary) summary = NULL;
  g_autoptr (SdStoryPage) story_page = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GError) error = NULL;
  SdScope scope = { SD_SCOPE_PLACE, "320509", NULL, NULL, 0 };

  store_page (store, "aaaa", 4);
  g_assert_true (sd_store_save_search (store, "篇", "篇", NULL));

  sd_store_list_stories_async (store, &scope, NULL, got_result_cb, &listed);
  scope.place_code = "3205"; /* the scope was copied */
  stories = sd_store_list_stories_finish (store, wait_for_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 2);

  sd_store_get_story_async (store, ((SdStory *) g_ptr_array_index (stories, 1))->id, NULL,
                            got_result_cb, &got);
  story = sd_store_get_story_finish (store, wait_for_result (&got), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (story->headline, ==, "第4篇");
  g_assert_cmpstr (story->body, ==, "正文一段。");

  {
    g_autoptr (GAsyncResult) got_all = NULL;
    g_autoptr (GPtrArray) full = NULL;
    gint64 ids[] = { story->id, 999, ((SdStory *) g_ptr_array_index (stories, 0))->id };

    /* The stories that are there, in the order asked. */
    sd_store_get_stories_async (store, ids, G_N_ELEMENTS (ids), NULL, got_result_cb, &got_all);
    full = sd_store_get_stories_finish (store, wait_for_result (&got_all), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (full->len, ==, 2);
    g_assert_cmpstr (((SdStory *) g_ptr_array_index (full, 0))->headline, ==, "第4篇");
    g_assert_cmpstr (((SdStory *) g_ptr_array_index (full, 1))->headline, ==, "第2篇");
  }

  g_assert_true (sd_store_add_tag (store, story->id, "党建", NULL));
  g_assert_true (sd_store_set_tag_color (store, "党建", "#3584e4", NULL));
  sd_store_read_summary_async (store, NULL, got_result_cb, &counted);
  summary = sd_store_read_summary_finish (store, wait_for_result (&counted), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->tags->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary->tags, 0), ==, "党建");
  g_assert_cmpstr (g_hash_table_lookup (summary->tag_colors, "党建"), ==, "#3584e4");
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (summary->counts, "320509"), ==, 2);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (summary->counts, ""), ==, 2);
  g_assert_cmpuint (summary->searches->len, ==, 1);
  g_assert_cmpint (((SdSavedSearch *) g_ptr_array_index (summary->searches, 0))->count, ==, 4);

  sd_store_read_story_page_async (store, story->id, NULL, got_result_cb, &page);
  story_page = sd_store_read_story_page_finish (store, wait_for_result (&page), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (story_page->text, ==, "页面的文字");
}

/* #16: a list's ids in order, sorted in the worker (unknown values last
 * either way, ties in page order), with the first rows; then rows by id,
 * those gone left out. */
static void
test_story_ids (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GAsyncResult) listed = NULL, read = NULL;
  g_autoptr (SdStoryListing) listing = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) by_place = NULL;
  g_autoptr (GArray) by_status = NULL;
  g_autoptr (GError) error = NULL;
  SdScope scope = { SD_SCOPE_ALL, NULL, NULL, NULL, 0 };
  gint64  missing[3];

  store_page (store, "cccc", 5);
  sd_store_list_story_ids_async (store, &scope, SD_STORY_ORDER_NONE, FALSE, 2, NULL, NULL, NULL,
                                 got_result_cb, &listed);
  listing = sd_store_list_story_ids_finish (store, wait_for_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listing->ids->len, ==, 5);
  g_assert_cmpuint (listing->rows->len, ==, 2);
  g_assert_cmpstr (((SdStory *) g_ptr_array_index (listing->rows, 1))->headline, ==, "第2篇");
  g_assert_cmpint (((SdStory *) g_ptr_array_index (listing->rows, 1))->id, ==,
                   g_array_index (listing->ids, gint64, 1));

  /* by place, descending: the placed ones (2 and 4) first, page order kept */
  by_place = sd_store_list_story_ids (store, &scope, SD_STORY_ORDER_PLACE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (by_place, gint64, 0), ==,
                   g_array_index (listing->ids, gint64, 1));
  g_assert_cmpint (g_array_index (by_place, gint64, 1), ==,
                   g_array_index (listing->ids, gint64, 3));
  g_assert_cmpint (g_array_index (by_place, gint64, 2), ==,
                   g_array_index (listing->ids, gint64, 0));
  g_assert_true (sd_store_set_status (store, g_array_index (listing->ids, gint64, 4),
                                      SD_STORY_STATUS_REJECTED, NULL));
  by_status = sd_store_list_story_ids (store, &scope, SD_STORY_ORDER_STATUS, TRUE, &error);
  g_assert_cmpint (g_array_index (by_status, gint64, 0), ==,
                   g_array_index (listing->ids, gint64, 4));
  g_assert_cmpint (g_array_index (by_status, gint64, 1), ==,
                   g_array_index (listing->ids, gint64, 0));

  missing[0] = g_array_index (listing->ids, gint64, 4);
  missing[1] = 999;
  missing[2] = g_array_index (listing->ids, gint64, 0);
  sd_store_get_story_rows_async (store, missing, 3, NULL, got_result_cb, &read);
  rows = sd_store_get_story_rows_finish (store, wait_for_result (&read), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((SdStory *) g_ptr_array_index (rows, 0))->headline, ==, "第5篇");
  g_assert_cmpint (((SdStory *) g_ptr_array_index (rows, 0))->status, ==, SD_STORY_STATUS_REJECTED);
  g_assert_cmpstr (((SdStory *) g_ptr_array_index (rows, 1))->headline, ==, "第1篇");
}

/* The list's ids asked of the worker, checked against a fresh read. */
static SdStoryListing *
list_ids_checked (SdStore *store, SdStore *fresh, const SdScope *scope)
{
  g_autoptr (GAsyncResult) listed = NULL;
  g_autoptr (GArray) expected = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryListing *listing;

  sd_store_list_story_ids_async (store, scope, SD_STORY_ORDER_NONE, FALSE, 3, NULL, NULL, NULL,
                                 got_result_cb, &listed);
  listing = sd_store_list_story_ids_finish (store, wait_for_result (&listed), &error);
  g_assert_no_error (error);
  expected = sd_store_list_story_ids (fresh, scope, SD_STORY_ORDER_NONE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (listing->ids->data, listing->ids->len * sizeof (gint64), expected->data,
                   expected->len * sizeof (gint64));
  g_assert_cmpuint (listing->rows->len, ==, MIN (3, expected->len));
  return listing;
}

/* #16: the same list asked again while another connection writes (an
 * import in the window) keeps the ids before the first page changed and
 * reads only the rest; whatever changed, it is the list a fresh read gives. */
static void
test_story_ids_again (void)
{
  SdScope          all = { SD_SCOPE_ALL, NULL, NULL, NULL, 0 };
  SdScope          place = { SD_SCOPE_PLACE, "320509", NULL, NULL, 0 };
  SdScope          search = { SD_SCOPE_ALL, NULL, "篇", NULL, 0 };
  g_autofree char *path = dup_library_path ();
  /* the window's store and an importer's connection */
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (SdStore) other = sd_store_open (path, NULL);
  gint64   second_page;
  sqlite3 *db = NULL;

  store_file (store, "p1p1.txt", "p1p1", 6);
  store_file (store, "p2p2.txt", "p2p2", 4);
  {
    g_autoptr (SdStoryListing) first = list_ids_checked (store, other, &all);
    g_autoptr (SdStoryListing) same = list_ids_checked (store, other, &all);

    g_assert_cmpuint (first->n_kept, ==, 0);
    g_assert_cmpuint (same->n_kept, ==, 10); /* nothing changed: nothing read */
    second_page = g_array_index (first->ids, gint64, 6);
  }
  {
    g_autoptr (SdStoryListing) appended = NULL;

    /* an import in another connection: the new page's stories only */
    store_file (other, "p3p3.txt", "p3p3", 3);
    appended = list_ids_checked (store, other, &all);
    g_assert_cmpuint (appended->ids->len, ==, 13);
    g_assert_cmpuint (appended->n_kept, ==, 10);
  }
  {
    g_autoptr (SdStoryListing) trashed = NULL;

    /* a story of the second page to the trash: the first page is kept */
    g_assert_true (sd_store_trash (other, SD_TRASH_STORY, second_page, NULL, NULL));
    trashed = list_ids_checked (store, other, &all);
    g_assert_cmpuint (trashed->ids->len, ==, 12);
    g_assert_cmpuint (trashed->n_kept, ==, 6);
  }
  {
    g_autoptr (SdStoryListing) placed = list_ids_checked (store, other, &place);
    g_autoptr (SdStoryListing) moved = NULL;
    g_autoptr (SdStoryListing) other_list = NULL;
    g_autoptr (GArray) ids =
        sd_store_list_story_ids (other, &all, SD_STORY_ORDER_NONE, FALSE, NULL);

    /* another list read whole, and then a story filed into it */
    g_assert_cmpuint (placed->n_kept, ==, 0);
    g_assert_true (
        sd_store_set_place (other, g_array_index (ids, gint64, ids->len - 1), "320509", NULL));
    moved = list_ids_checked (store, other, &place);
    g_assert_cmpuint (moved->ids->len, ==, placed->ids->len + 1);
    /* (the third page's own 吴江区 story is read again with it) */
    g_assert_cmpuint (moved->n_kept, ==, placed->ids->len - 1);
    /* the memo is of one list: the first one again is read whole */
    other_list = list_ids_checked (store, other, &all);
    g_assert_cmpuint (other_list->n_kept, ==, 0);
  }
  {
    g_autoptr (SdStoryListing) searched = list_ids_checked (store, other, &search);
    g_autoptr (SdStoryListing) again = list_ids_checked (store, other, &search);

    /* a search is not in page order: read whole each time */
    g_assert_cmpuint (again->n_kept, ==, 0);
  }
  {
    g_autoptr (SdStoryListing) before = list_ids_checked (store, other, &all);
    g_autoptr (SdStoryListing) after = NULL;

    /* a log that no longer reaches back to the last read: read whole */
    store_file (other, "p4p4.txt", "p4p4", 2);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "DELETE FROM story_changes "
                                   "WHERE seq < (SELECT max (seq) FROM story_changes)",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
    after = list_ids_checked (store, other, &all);
    g_assert_cmpuint (after->ids->len, ==, before->ids->len + 2);
    g_assert_cmpuint (after->n_kept, ==, 0);
  }
}

/* A story's page comes with the story's span in the page's text: in a
 * UTF-16 file with a BOM, file bytes and text bytes differ. */
static void
test_story_page (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  /* 第一篇。第二篇。 in UTF-16LE: a BOM of 2 bytes, 2 bytes a character */
  SdPageRecord page = { "utf16.txt", "ffff", "UTF-16LE", "第一篇。第二篇。", 2 + 8 * 2 };
  g_autoptr (GAsyncResult) read = NULL;
  g_autoptr (SdStoryPage) story_page = NULL;
  g_autoptr (GError) error = NULL;
  SdStory *story = sd_story_new ();

  story->headline = g_strdup ("第二篇");
  story->body = g_strdup ("第二篇。");
  story->source_start = 2 + 4 * 2;
  story->source_end = 2 + 8 * 2;
  g_ptr_array_add (stories, story);
  g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));
  g_assert_no_error (error);

  sd_store_read_story_page_async (store, story->id, NULL, got_result_cb, &read);
  story_page = sd_store_read_story_page_finish (store, wait_for_result (&read), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (story_page->start, ==, strlen ("第一篇。"));
  g_assert_cmpuint (story_page->end, ==, strlen ("第一篇。第二篇。"));
}

/* The shown story's dismissed themes and its suggestions come with it. */
static void
test_story_details (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "themes.txt", "9999", "UTF-8", "", 0 };
  g_autoptr (GAsyncResult) first = NULL, second = NULL;
  g_autoptr (SdStoryDetails) details = NULL;
  g_autoptr (GError) error = NULL;
  SdStory         *story = sd_story_new ();
  g_autofree char *theme = NULL;

  story->headline = g_strdup ("市委召开党建工作会议");
  story->body = g_strdup ("会议强调，要加强基层党组织建设，推进全面从严治党，党建引领基层治理。"
                          "各级党组织要落实党建工作责任制。");
  g_ptr_array_add (stories, story);
  g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));

  sd_store_get_story_details_async (store, story->id, NULL, got_result_cb, &first);
  details = sd_store_get_story_details_finish (store, wait_for_result (&first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->story->headline, ==, "市委召开党建工作会议");
  g_assert_cmpuint (details->dismissed->len, ==, 0);
  g_assert_cmpuint (details->suggestions->len, >, 0);
  theme = g_strdup (((SdThemeSuggestion *) g_ptr_array_index (details->suggestions, 0))->theme);
  g_clear_pointer (&details, sd_story_details_free);

  /* Dismissed, it is no longer suggested. */
  g_assert_true (sd_store_dismiss_theme (store, story->id, theme, NULL));
  sd_store_get_story_details_async (store, story->id, NULL, got_result_cb, &second);
  details = sd_store_get_story_details_finish (store, wait_for_result (&second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (details->dismissed->len, ==, 1);
  for (guint i = 0; i < details->suggestions->len; i++)
    g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (details->suggestions, i))->theme, !=,
                     theme);
}

/* #16: a story asked for is read on a connection of its own, so that it
 * lands while a listing of every story is still being read, not after. */
static void
test_story_beside_listing (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GAsyncResult) warmed = NULL, listed = NULL, got = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (SdStoryDetails) details = NULL;
  g_autoptr (GError) error = NULL;
  SdScope scope = { SD_SCOPE_ALL, NULL, NULL, NULL, 0 };
  gint64  id;

  store_page (store, "cccc", 40000);
  /* both connections opened, and the story's id known */
  sd_store_list_stories_async (store, &scope, NULL, got_result_cb, &warmed);
  stories = sd_store_list_stories_finish (store, wait_for_result (&warmed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 40000);
  id = ((SdStory *) g_ptr_array_index (stories, 39999))->id;
  g_clear_pointer (&stories, g_ptr_array_unref);

  sd_store_list_stories_async (store, &scope, NULL, got_result_cb, &listed);
  sd_store_get_story_details_async (store, id, NULL, got_result_cb, &got);
  details = sd_store_get_story_details_finish (store, wait_for_result (&got), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->story->headline, ==, "第40000篇");
  g_assert_null (listed); /* the listing is still being read */
  stories = sd_store_list_stories_finish (store, wait_for_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, ==, 40000);
}

static void
test_errors (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) missing = NULL, cancelled = NULL, orphan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) cancel_error = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  SdScope scope = { SD_SCOPE_ALL, NULL, "\"未闭合", NULL, 0 };

  store_page (store, "bbbb", 3);
  sd_store_get_story_async (store, 999, NULL, got_result_cb, &missing);
  g_assert_null (sd_store_get_story_finish (store, wait_for_result (&missing), &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);

  /* A read cancelled while queued never runs. */
  g_cancellable_cancel (cancellable);
  sd_store_list_stories_async (store, &scope, cancellable, got_result_cb, &cancelled);
  g_assert_null (sd_store_list_stories_finish (store, wait_for_result (&cancelled), &cancel_error));
  g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The store may go before its read lands: the worker keeps what it
   * needs, and the read still answers. */
  scope.text = NULL;
  sd_store_list_stories_async (store, &scope, NULL, got_result_cb, &orphan);
  g_clear_object (&store);
  stories = g_task_propagate_pointer (G_TASK (wait_for_result (&orphan)), NULL);
  g_assert_cmpuint (stories->len, ==, 3);
}

static void
library_changed_cb (SdStore *store, guint *n_changes)
{
  (*n_changes)++;
}

static gboolean
give_up_cb (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
test_watch (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (SdStore) other = sd_store_open (path, NULL);
  guint n_changes = 0, timeout;

  g_signal_connect (store, "library-changed", G_CALLBACK (library_changed_cb), &n_changes);
  sd_store_watch_library (store);
  sd_store_watch_library (store);

  /* The store's own writes are not news to it. */
  store_page (store, "cccc", 2);
  g_assert_false (sd_store_check_library (store));

  /* Another connection's are, as soon as the files say so. */
  store_page (other, "dddd", 2);
  timeout = g_timeout_add_seconds (10, give_up_cb, NULL);
  while (n_changes == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_false (sd_store_check_library (store));

  /* Asked at once (after an import in a worker), without waiting. */
  store_page (other, "eeee", 1);
  g_assert_true (sd_store_check_library (store));
  g_assert_cmpuint (n_changes, ==, 2);
}

/* The window's check: a read from the main thread outside a write is
 * reported, a read inside a write is part of it, the worker's are not. */
static void
test_forbid_reads (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GAsyncResult) listed = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  SdScope scope = { SD_SCOPE_ALL, NULL, NULL, NULL, 0 };
  gint64  id;

  store_page (store, "gggg", 2);
  sd_store_forbid_main_thread_reads (store, TRUE);

  g_test_expect_message ("sd-store", G_LOG_LEVEL_CRITICAL,
                         "*a synchronous read on the main thread, outside a write: SELECT*");
  stories = sd_store_list_stories (store, &scope, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (stories->len, ==, 2);
  id = ((SdStory *) g_ptr_array_index (stories, 0))->id;
  g_clear_pointer (&stories, g_ptr_array_unref);

  /* Writes read what they change (the tag's id, the story as it was). */
  g_assert_true (sd_store_add_tag (store, id, "党建", NULL));
  g_assert_true (sd_store_rename_tag (store, "党建", "党的建设", NULL));
  g_assert_true (sd_store_set_place (store, id, "320100", NULL));
  /* The watcher asks the connection, not the library. */
  g_assert_false (sd_store_check_library (store));

  sd_store_list_stories_async (store, &scope, NULL, got_result_cb, &listed);
  stories = sd_store_list_stories_finish (store, wait_for_result (&listed), NULL);
  g_assert_cmpuint (stories->len, ==, 2);

  sd_store_forbid_main_thread_reads (store, FALSE);
  g_clear_pointer (&stories, g_ptr_array_unref);
  stories = sd_store_list_stories (store, &scope, NULL);
  g_assert_cmpuint (stories->len, ==, 2);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  g_test_add_func ("/store/async/reads", test_reads);
  g_test_add_func ("/store/async/story-ids", test_story_ids);
  g_test_add_func ("/store/async/story-ids-again", test_story_ids_again);
  g_test_add_func ("/store/async/story-page", test_story_page);
  g_test_add_func ("/store/async/story-details", test_story_details);
  g_test_add_func ("/store/async/story-beside-listing", test_story_beside_listing);
  g_test_add_func ("/store/async/errors", test_errors);
  g_test_add_func ("/store/async/watch", test_watch);
  g_test_add_func ("/store/async/forbid-reads", test_forbid_reads);
  return g_test_run ();
}
