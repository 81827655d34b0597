/* test-importer.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "sd-importer.h"

typedef struct
{
  char    *dir;
  SdStore *store;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("sd-test-importer-XXXXXX", &error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = sd_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
seed_path (guint index)
{
  const char *const paths[] = { SD_SEEDS_DIR, NULL };
  g_autoptr (GPtrArray) files = sd_importer_collect_files (paths, NULL);

  g_assert_cmpuint (files->len, ==, 5);
  return g_strdup (g_ptr_array_index (files, index));
}

static void
test_seed_page_gives_stories (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = seed_path (0);
  g_autoptr (SdImportResult) result = sd_importer_import_file (fixture->store, path);
  SdScope all = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GPtrArray) stories = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_no_error (result->error);
  g_assert_cmpuint (result->n_stories, >=, 3);
  g_assert_false (result->known);

  stories = sd_store_list_full_stories (fixture->store, &all, NULL);
  g_assert_cmpuint (stories->len, ==, result->n_stories);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);

      /* Provenance: the span lies inside the file, in page order. */
      g_assert_cmpint (story->source_start, <, story->source_end);
      g_assert_cmpint (story->source_end, <=, (gint64) length);
      g_assert_cmpuint (strlen (story->body), >, 0);
      if (story->headline != NULL)
        {
          g_autofree char *span = g_strndup (text + story->source_start,
                                             story->source_end - story->source_start);
          g_assert_nonnull (strstr (span, story->headline));
        }
    }
}

static void
test_reimport_is_idempotent (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = seed_path (1);
  g_autoptr (SdImportResult) first = sd_importer_import_file (fixture->store, path);
  g_autoptr (SdImportResult) second = NULL;
  g_autoptr (SdStory) story = NULL;
  gint64 count;

  g_assert_no_error (first->error);
  g_assert_true (sd_store_add_tag (fixture->store, 1, "人才", NULL));
  g_assert_true (sd_store_set_note (fixture->store, 1, "保留", NULL));
  count = sd_store_count_stories (fixture->store, NULL);

  second = sd_importer_import_file (fixture->store, path);
  g_assert_no_error (second->error);
  g_assert_true (second->known);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), ==, count);
  story = sd_store_get_story (fixture->store, 1, NULL);
  g_assert_cmpuint (story->tags->len, ==, 1);
  g_assert_cmpstr (story->note, ==, "保留");
}

static void
test_bad_file_loses_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *good = seed_path (2);
  g_autofree char *bad = g_build_filename (fixture->dir, "scan.txt", NULL);
  g_autoptr (SdImportResult) first = sd_importer_import_file (fixture->store, good);
  g_autoptr (SdImportResult) refused = NULL;
  gint64 count = sd_store_count_stories (fixture->store, NULL);

  g_assert_true (g_file_set_contents (bad, "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01", 12, NULL));
  refused = sd_importer_import_file (fixture->store, bad);
  g_assert_nonnull (refused->error);
  g_assert_nonnull (strstr (refused->error->message, "scan.txt"));
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), ==, count);
}

static void
test_collect_folder (void)
{
  const char *const paths[] = { SD_SEEDS_DIR, NULL };
  const char *const missing[] = { "/nonexistent-folder/", NULL };
  g_autoptr (GPtrArray) files = sd_importer_collect_files (paths, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (files->len, ==, 5);
  for (guint i = 1; i < files->len; i++)
    g_assert_cmpstr (g_ptr_array_index (files, i - 1), <, g_ptr_array_index (files, i));
  /* A missing path is kept: importing it reports the file by name. */
  g_clear_pointer (&files, g_ptr_array_unref);
  files = sd_importer_collect_files (missing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  guint      progress_calls;
  GError    *error;
} AsyncData;

static void
progress_cb (guint done, guint total, const char *path, gpointer user_data)
{
  AsyncData *data = user_data;

  g_assert_cmpuint (done, <=, total);
  data->progress_calls++;
}

static void
finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  data->results = sd_importer_import_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_import_async (Fixture *fixture, gconstpointer unused)
{
  const char *const paths[] = { SD_SEEDS_DIR, NULL };
  AsyncData data = { g_main_loop_new (NULL, FALSE) };

  sd_importer_import_async (sd_store_get_path (fixture->store), paths, NULL, progress_cb, &data,
                            NULL, finished_cb, &data);
  g_main_loop_run (data.loop);
  /* Progress reports still queued are delivered before we look. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (data.error);
  g_assert_cmpuint (data.results->len, ==, 5);
  g_assert_cmpuint (data.progress_calls, ==, 5);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), >=, 25);
  g_ptr_array_unref (data.results);
  g_main_loop_unref (data.loop);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/importer/seed-page", test_seed_page_gives_stories);
  ADD ("/importer/reimport", test_reimport_is_idempotent);
  ADD ("/importer/bad-file", test_bad_file_loses_nothing);
  ADD ("/importer/async", test_import_async);
#undef ADD
  g_test_add_func ("/importer/collect-folder", test_collect_folder);

  return g_test_run ();
}
