/* test-export-stream.c — exports read from the library a story at a time
 * (sd-store-cursor.h, #16) write the very bytes of exports of the stories
 * read all at once; the window's export of them in a worker
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-export.h"
#include "sd-importer.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

static const SdExportFormat stream_formats[] = {
  SD_EXPORT_FORMAT_JSON, SD_EXPORT_FORMAT_CSV, SD_EXPORT_FORMAT_MARKDOWN,
  SD_EXPORT_FORMAT_HTML, SD_EXPORT_FORMAT_W3C,
};

/* The seed pages, with tags, a note and highlights to export. */
static void
fill_library (Fixture *fixture)
{
  const char *const paths[] = { SD_SEEDS_DIR, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = sd_importer_collect_pages (paths, &error);
  g_autoptr (GPtrArray) stories = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < pages->len; i++)
    sd_import_result_free (sd_importer_import_page (fixture->store, pages->pdata[i], NULL));
  stories = sd_store_list_stories (fixture->store, &(SdScope){ SD_SCOPE_ALL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, >, 20);
  for (guint i = 0; i < stories->len; i += 7)
    {
      gint64 id = ((SdStory *) g_ptr_array_index (stories, i))->id;

      g_assert_true (sd_store_add_tag (fixture->store, id, i % 2 ? "重点" : "待核", &error));
      g_assert_true (sd_store_set_note (fixture->store, id, "核对数字", &error));
      g_assert_true (sd_store_add_highlight (fixture->store, id, 0, 3, "标题", NULL, &error));
      g_assert_no_error (error);
    }
}

/* The export's bytes, the minute it was made in taken out (Markdown and
 * HTML say when). */
static char *
finish (GOutputStream *output)
{
  g_autoptr (GRegex) minute = g_regex_new ("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", 0, 0, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (output, NULL, &error));
  g_assert_no_error (error);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
  return g_regex_replace_literal (minute, text, -1, 0, "(time)", 0, NULL);
}

static void
assert_same_exports (Fixture *fixture, const SdScope *scope)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = sd_store_list_full_stories (fixture->store, scope, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stream_formats); i++)
    {
      g_autoptr (SdStoryCursor) cursor = sd_store_open_cursor (fixture->store, scope, &error);
      g_autoptr (GOutputStream) all = g_memory_output_stream_new_resizable ();
      g_autoptr (GOutputStream) streamed = g_memory_output_stream_new_resizable ();
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (sd_story_cursor_get_total (cursor), ==, stories->len);
      g_assert_true (sd_export_write_full (stream_formats[i], stories, NULL, all, NULL, &error));
      g_assert_true (
          sd_export_write_cursor (stream_formats[i], cursor, NULL, streamed, NULL, NULL, &error));
      g_assert_no_error (error);
      expected = finish (all);
      written = finish (streamed);
      g_test_message ("%s: %zu bytes", sd_export_format_to_string (stream_formats[i]),
                      strlen (expected));
      g_assert_cmpstr (written, ==, expected);
    }
}

static void
test_scopes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  SdScope scope = { SD_SCOPE_ALL };

  fill_library (fixture);
  assert_same_exports (fixture, &scope);
  scope.text = "党建";
  assert_same_exports (fixture, &scope);
  scope.text = "不在任何稿件里的词";
  assert_same_exports (fixture, &scope);

  /* the editor's selection: every third story */
  listed = sd_store_list_stories (fixture->store, &(SdScope){ SD_SCOPE_ALL }, NULL);
  for (guint i = 0; i < listed->len; i += 3)
    g_array_append_val (picked, ((SdStory *) g_ptr_array_index (listed, i))->id);
  scope = (SdScope){ SD_SCOPE_ALL, NULL, NULL, (gint64 *) picked->data, picked->len };
  assert_same_exports (fixture, &scope);
  scope = (SdScope){ SD_SCOPE_PLACE, "3205" };
  assert_same_exports (fixture, &scope);
}

/* A story read again by its id is the record the cursor gave. */
static void
test_cursor_get (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStoryCursor) cursor = NULL;
  guint n = 0;

  fill_library (fixture);
  cursor = sd_store_open_cursor (fixture->store, &(SdScope){ SD_SCOPE_ALL }, &error);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (SdStory) story = NULL;
      g_autoptr (SdStory) again = NULL;
      g_autoptr (GPtrArray) one = g_ptr_array_new ();
      g_autoptr (GPtrArray) other = g_ptr_array_new ();
      g_autoptr (GOutputStream) first = g_memory_output_stream_new_resizable ();
      g_autoptr (GOutputStream) second = g_memory_output_stream_new_resizable ();
      g_autofree char *first_text = NULL;
      g_autofree char *second_text = NULL;

      g_assert_true (sd_story_cursor_next (cursor, &story, &error));
      if (story == NULL)
        break;
      n++;
      again = sd_story_cursor_get (cursor, story->id, &error);
      g_assert_no_error (error);
      g_ptr_array_add (one, story);
      g_ptr_array_add (other, again);
      g_assert_true (sd_export_write (SD_EXPORT_FORMAT_JSON, one, first, NULL, &error));
      g_assert_true (sd_export_write (SD_EXPORT_FORMAT_JSON, other, second, NULL, &error));
      first_text = finish (first);
      second_text = finish (second);
      g_assert_cmpstr (first_text, ==, second_text);
    }
  g_assert_cmpuint (n, ==, sd_story_cursor_get_total (cursor));
  g_assert_null (sd_story_cursor_get (cursor, 999999, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint *n_stories = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_export_to_file_finish (result, n_stories, &error));
  g_assert_no_error (error);
}

/* Starts the window's export of @scope to @path; @n_stories is set when
 * it is done. */
static void
start_export (Fixture *fixture, const SdScope *scope, const char *path, guint *n_stories)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  SdExportReader reader;

  *n_stories = G_MAXUINT;
  g_assert_true (sd_export_reader_init_for_store (&reader, fixture->store, &error));
  g_assert_no_error (error);
  sd_export_to_file_async (&reader, scope, SD_EXPORT_FORMAT_JSON, NULL, file, NULL, NULL, NULL,
                           NULL, export_done_cb, n_stories);
}

/* The window's export: a story at a time through the store's reader, in a
 * worker on a connection of the job's own, while the window's connection
 * goes on writing; an import batch's stories (the dialog's scope with its
 * batch). */
static void
test_file_async (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sd_test_build_filename ("async.json");
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  SdScope  scope = { SD_SCOPE_ALL };
  SdBatch *batch;
  guint    n_stories;

  fill_library (fixture);
  listed = sd_store_list_stories (fixture->store, &scope, &error);
  sd_store_set_editor (fixture->store, "王编辑");
  start_export (fixture, &scope, path, &n_stories);
  g_assert_true (sd_store_set_note (fixture->store, 1, "导出时写的批注", &error));
  g_assert_no_error (error);
  while (n_stories == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_stories, ==, listed->len);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "吴江让新就业群体感受到浓浓温情"));

  batches = sd_store_list_batches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, >, 0);
  batch = g_ptr_array_index (batches, batches->len - 1);
  g_assert_cmpuint (batch->n_stories, >, 0);
  scope = (SdScope){ SD_SCOPE_BATCH, .batch_id = batch->id };
  start_export (fixture, &scope, path, &n_stories);
  while (n_stories == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_stories, ==, batch->n_stories);
}

/* An output stream that keeps only the size of its largest write and the
 * bytes written in all. */
#define TEST_TYPE_WRITE_METER (test_write_meter_get_type ())
G_DECLARE_FINAL_TYPE (TestWriteMeter, test_write_meter, TEST, WRITE_METER, GOutputStream)

struct _TestWriteMeter
{
  GOutputStream parent_instance;
  gsize         largest;
  gsize         total;
  char          tail[16]; /* the last bytes written */
};

G_DEFINE_TYPE (TestWriteMeter, test_write_meter, G_TYPE_OUTPUT_STREAM)

static gssize
test_write_meter_write (GOutputStream *stream,
                        const void    *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  TestWriteMeter *self = TEST_WRITE_METER (stream);

  self->largest = MAX (self->largest, count);
  self->total += count;
  if (count >= sizeof self->tail - 1)
    memcpy (self->tail, (const char *) buffer + count - (sizeof self->tail - 1),
            sizeof self->tail - 1);
  return count;
}

static void
test_write_meter_class_init (TestWriteMeterClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_write_meter_write;
}

static void
test_write_meter_init (TestWriteMeter *self)
{
}

/* The HTML export's table of contents is written a chunk at a time as the
 * stories are (#16: it was held whole, 209 MB at 1,000,000 stories): no
 * write is much larger than a chunk, whatever the number of stories. */
static void
test_html_contents_bounded (void)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (TestWriteMeter) meter = g_object_new (TEST_TYPE_WRITE_METER, NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 4000; i++)
    {
      SdStory *story = sd_story_new ();

      story->id = i + 1;
      story->headline = g_strdup_printf ("第%u篇：吴江让新就业群体感受到浓浓温情", i + 1);
      story->body = g_strdup ("第一段。");
      story->place_code = g_strdup (i % 3 == 0 ? "320509110" : i % 3 == 1 ? "3201" : NULL);
      g_ptr_array_add (stories, story);
    }
  g_assert_true (sd_export_write_full (SD_EXPORT_FORMAT_HTML, stories, NULL,
                                       G_OUTPUT_STREAM (meter), NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%zu bytes, the largest write %zu", meter->total, meter->largest);
  /* 4,000 entries of the contents are over 300 KB */
  g_assert_cmpuint (meter->total, >, 4000 * 80);
  g_assert_cmpuint (meter->largest, <, 96 * 1024);
  g_assert_cmpstr (meter->tail + sizeof meter->tail - 1 - 8, ==, "</html>\n");
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/export-stream/scopes", NULL, test_scopes);
  SD_TEST_ADD_WITH_LIBRARY ("/export-stream/cursor-get", NULL, test_cursor_get);
  SD_TEST_ADD_WITH_LIBRARY ("/export-stream/file-async", NULL, test_file_async);
  g_test_add_func ("/export-stream/html-contents-bounded", test_html_contents_bounded);
  return g_test_run ();
}
