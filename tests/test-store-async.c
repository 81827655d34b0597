/* test-store-async.c — the store's reads in its worker, and the watcher
 * that notices other connections' writes
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-store-async.h"

static char *
dup_library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "library.db", NULL);
}

/* A page of @n stories, every other one filed under 吴江区. */
static void
store_page (SdStore *store, const char *checksum, guint n)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "async.txt", checksum, "UTF-8", "页面的文字", 15 };
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
  g_autoptr (GAsyncResult) listed = NULL, got = NULL, counted = NULL, searched = NULL, page = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GPtrArray) searches = NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  SdScope          scope = { SD_SCOPE_PLACE, "320509", NULL, NULL, 0 };
  gint64           size = 0;

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

  sd_store_count_by_place_async (store, NULL, got_result_cb, &counted);
  counts = sd_store_count_by_place_finish (store, wait_for_result (&counted), &error);
  g_assert_no_error (error);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, "320509"), ==, 2);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, ""), ==, 2);

  sd_store_list_saved_searches_async (store, NULL, got_result_cb, &searched);
  searches = sd_store_list_saved_searches_finish (store, wait_for_result (&searched), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (searches->len, ==, 1);
  g_assert_cmpint (((SdSavedSearch *) g_ptr_array_index (searches, 0))->count, ==, 4);

  sd_store_dup_page_text_async (store, story->page_id, NULL, got_result_cb, &page);
  text = sd_store_dup_page_text_finish (store, wait_for_result (&page), &encoding, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "页面的文字");
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpint (size, ==, 15);
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/async/reads", test_reads);
  g_test_add_func ("/store/async/errors", test_errors);
  g_test_add_func ("/store/async/watch", test_watch);
  return g_test_run ();
}
