/* test-importer.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-importer.h"
#include "sd-pipeline.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

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
  gsize            length;
  guint            n_mentions = 0;

  g_assert_no_error (result->error);
  g_assert_cmpuint (result->n_stories, >=, 3);
  g_assert_false (result->known);

  stories = sd_store_list_full_stories (fixture->store, &all, NULL);
  g_assert_cmpuint (stories->len, ==, result->n_stories);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);
      g_autoptr (SdStory) full = sd_store_get_story (fixture->store, story->id, NULL);

      /* Place mentions come back with offsets inside their field. */
      n_mentions += full->mentions->len;
      for (guint m = 0; m < full->mentions->len; m++)
        {
          const SdMention *mention = g_ptr_array_index (full->mentions, m);
          const char      *field = mention->in_headline ? full->headline : full->body;
          g_assert_nonnull (field);
          g_assert_cmpint (mention->start, <, mention->end);
          g_assert_cmpint (mention->end, <=, (gint64) strlen (field));
          g_assert_true (
              g_utf8_validate (field + mention->start, mention->end - mention->start, NULL));
          g_assert_nonnull (mention->place_code);
        }

      /* Provenance: the span lies inside the file, in page order. */
      g_assert_cmpint (story->source_start, <, story->source_end);
      g_assert_cmpint (story->source_end, <=, (gint64) length);
      g_assert_cmpuint (strlen (story->body), >, 0);
      if (story->headline != NULL)
        {
          g_autofree char *span =
              g_strndup (text + story->source_start, story->source_end - story->source_start);
          g_assert_nonnull (strstr (span, story->headline));
        }
    }
  g_assert_cmpuint (n_mentions, >, 0);
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

/* A second import of the same pages does not read like the first (issue
 * #13, defect 9). */
static void
test_summary (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) first =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_result_free);
  g_autoptr (GPtrArray) second =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_result_free);
  g_autofree char *first_summary = NULL;
  g_autofree char *second_summary = NULL;
  g_autofree char *expected = NULL;
  guint            n_stories = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = seed_path (i);
      SdImportResult  *result = sd_importer_import_file (fixture->store, path);

      g_assert_no_error (result->error);
      n_stories += result->n_stories;
      g_ptr_array_add (first, result);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = seed_path (i);
      g_ptr_array_add (second, sd_importer_import_file (fixture->store, path));
    }
  first_summary = sd_import_results_dup_summary (first);
  second_summary = sd_import_results_dup_summary (second);
  expected = g_strdup_printf ("Imported %u stories from 2 new pages", n_stories);
  g_assert_cmpstr (first_summary, ==, expected);
  g_assert_cmpstr (second_summary, ==, "2 pages already in the library, unchanged");

  /* each number takes its own plural: many stories from one page */
  {
    g_autoptr (GPtrArray) third =
        g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_result_free);
    g_autofree char *path = seed_path (3);
    g_autofree char *summary = NULL;
    SdImportResult  *result = sd_importer_import_file (fixture->store, path);

    g_assert_no_error (result->error);
    g_assert_cmpuint (result->n_stories, >, 1);
    g_ptr_array_add (third, result);
    summary = sd_import_results_dup_summary (third);
    g_free (expected);
    expected = g_strdup_printf ("Imported %u stories from 1 new page", result->n_stories);
    g_assert_cmpstr (summary, ==, expected);
  }
}

static void
test_bad_file_loses_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *good = seed_path (2);
  g_autofree char *bad = sd_test_build_filename ("scan.txt");
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

static SdStory *
find_by_headline (SdStore *store, const char *headline)
{
  SdScope all = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GPtrArray) stories = sd_store_list_full_stories (store, &all, NULL);

  for (guint i = 0; i < stories->len; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);
      if (g_strcmp0 (story->headline, headline) == 0)
        return sd_story_ref (story);
    }
  return NULL;
}

/* The page OCR'd again (same file name, other bytes): the editors' work on
 * its stories moves to the new stories; what cannot be matched is kept. */
static void
test_new_version_keeps_work (Fixture *fixture, gconstpointer data)
{
  g_autofree char *seed = seed_path (0);
  g_autofree char *copy = sd_test_build_filename ("page.txt");
  g_autofree char *text = NULL;
  g_autoptr (SdImportResult) first = NULL;
  g_autoptr (SdImportResult) second = NULL;
  g_autoptr (SdStory) before = NULL;
  g_autoptr (SdStory) after = NULL;
  g_autoptr (SdStory) doomed = NULL;
  g_autoptr (GString) changed = NULL;
  g_autoptr (GPtrArray) old_stories = NULL;
  g_autofree char *dump = NULL;
  const char      *quote_at;
  gint64           start;
  char            *cut;

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  first = sd_importer_import_file (fixture->store, copy);
  g_assert_no_error (first->error);
  {
    SdScope all = { SD_SCOPE_ALL, NULL, NULL };
    old_stories = sd_store_list_stories (fixture->store, &all, NULL);
  }

  before = find_by_headline (fixture->store, "武进探索多元化解涉法涉诉信访事项");
  g_assert_nonnull (before);
  g_assert_true (sd_store_add_tag (fixture->store, before->id, "法治", NULL));
  g_assert_true (sd_store_set_note (fixture->store, before->id, "核实数字", NULL));
  g_assert_true (sd_store_set_status (fixture->store, before->id, SD_STORY_STATUS_REVIEWED, NULL));
  g_assert_true (sd_store_set_place (fixture->store, before->id, "320412", NULL));
  quote_at = strstr (before->body, "法律援助");
  g_assert_nonnull (quote_at);
  start = g_utf8_pointer_to_offset (before->body, quote_at);
  g_assert_true (
      sd_store_add_highlight (fixture->store, before->id, start, start + 4, "重点", NULL, NULL));
  doomed = find_by_headline (fixture->store, "姜堰区科技局：聚力服务升级，打造科创企业成长“沃土”");
  g_assert_nonnull (doomed);
  g_assert_true (sd_store_add_tag (fixture->store, doomed->id, "科技创新", NULL));

  /* The new OCR run: extra blank lines at the top, a changed first
   * paragraph before the story, and the 姜堰 story gone. */
  changed = g_string_new ("\n\n");
  g_string_append (changed, text);
  cut = strstr (changed->str, "姜堰区科技局");
  g_assert_nonnull (cut);
  g_string_truncate (changed, cut - changed->str);
  g_assert_true (g_file_set_contents (copy, changed->str, -1, NULL));

  /* #14 item 1: the untouched stories after 姜堰 would go; refused unless
   * allowed, and a refusal changes nothing.  A dry run says so too. */
  dump = sd_test_dump_library (fixture->path);
  {
    g_autofree char *name = g_path_get_basename (copy);
    SdImportFile     file = { copy, name };
    SdImportOptions  options = { .dry_run = TRUE };
    g_autoptr (SdImportResult) plan = sd_importer_import_page (fixture->store, &file, &options);
    g_autoptr (SdImportResult) refused = sd_importer_import_file (fixture->store, copy);
    g_autofree char *after_refusal = sd_test_dump_library (fixture->path);

    g_assert_no_error (plan->error);
    g_assert_true (plan->replaced);
    g_assert_cmpuint (plan->n_dropped, >, 0);
    g_assert_error (refused->error, SD_STORE_ERROR, SD_STORE_ERROR_WOULD_DROP);
    g_assert_cmpuint (refused->n_dropped, ==, plan->n_dropped);
    g_assert_cmpstr (after_refusal, ==, dump);

    options = (SdImportOptions){ .allow_drop = TRUE };
    second = sd_importer_import_page (fixture->store, &file, &options);
    g_assert_cmpuint (second->n_dropped, ==, plan->n_dropped);
  }
  g_assert_no_error (second->error);
  g_assert_false (second->known);
  g_assert_true (second->replaced);
  g_assert_cmpuint (second->n_carried, ==, 1);
  g_assert_cmpuint (second->n_kept, ==, 1);

  after = find_by_headline (fixture->store, "武进探索多元化解涉法涉诉信访事项");
  g_assert_nonnull (after);
  /* Defect 6 of #13: the matched story is the same story, id and uuid. */
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpstr (after->uuid, ==, before->uuid);
  g_assert_cmpuint (after->tags->len, ==, 1);
  g_assert_cmpstr (after->note, ==, "核实数字");
  g_assert_cmpint (after->status, ==, SD_STORY_STATUS_REVIEWED);
  g_assert_cmpstr (after->place_code, ==, "320412");
  g_assert_true (after->place_by_editor);
  g_assert_cmpuint (after->highlights->len, ==, 1);
  g_assert_cmpstr (((SdHighlight *) after->highlights->pdata[0])->quote, ==, "法律援助");
  g_assert_cmpstr (((SdHighlight *) after->highlights->pdata[0])->comment, ==, "重点");
  /* The tagged story that is no longer on the page is kept with its tag. */
  g_clear_pointer (&doomed, sd_story_unref);
  doomed = find_by_headline (fixture->store, "姜堰区科技局：聚力服务升级，打造科创企业成长“沃土”");
  g_assert_nonnull (doomed);
  g_assert_cmpuint (doomed->tags->len, ==, 1);
  /* The untouched stories of the old version are gone, not doubled. */
  {
    SdScope all = { SD_SCOPE_ALL, NULL, NULL };
    g_autoptr (GPtrArray) stories = sd_store_list_stories (fixture->store, &all, NULL);
    guint wujin = 0, n_again = 0;
    for (guint i = 0; i < stories->len; i++)
      wujin +=
          g_strcmp0 (((SdStory *) stories->pdata[i])->headline, "武进探索多元化解涉法涉诉信访事项")
          == 0;
    g_assert_cmpuint (wujin, ==, 1);
    /* Every story found again keeps its id and uuid, annotated or not. */
    for (guint i = 0; i < old_stories->len; i++)
      {
        SdStory *old = old_stories->pdata[i];
        g_autoptr (SdStory) again =
            old->headline != NULL ? find_by_headline (fixture->store, old->headline) : NULL;

        if (again == NULL)
          continue; /* cut off the new version */
        n_again++;
        g_assert_cmpint (again->id, ==, old->id);
        g_assert_cmpstr (again->uuid, ==, old->uuid);
      }
    g_assert_cmpuint (n_again, >=, 3);
  }
  sd_test_assert_index_whole (fixture->path);
}

/* #16 item 2: a file whose bytes the library holds is known before any
 * segmenting.  The page stored under this file's checksum holds text in
 * which the segmenter finds no story: segmenting it again would refuse it. */
static void
test_unchanged_skipped_first (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = sd_test_build_filename ("blank.txt");
  const char      *text = "。\n";
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "blank.txt", checksum, "UTF-8", text, strlen (text) };
  g_autoptr (SdImportResult) result = NULL;
  g_autoptr (GPtrArray) results = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  SdStory         *story = sd_story_new ();

  story->body = g_strdup ("。");
  story->source_end = strlen (text);
  g_ptr_array_add (stories, story);
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  result = sd_importer_import_file (fixture->store, path);
  g_assert_no_error (result->error);
  g_assert_true (result->known);
  g_ptr_array_add (results, result);
  summary = sd_import_results_dup_summary (results);
  g_assert_cmpstr (summary, ==, "1 page already in the library, unchanged");
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

/* @text as a file in @encoding; UTF-16 with its BOM, as Windows writes it. */
static GBytes *
encode_page (const char *text, const char *encoding)
{
  g_autoptr (GError) error = NULL;
  gsize            length = 0;
  g_autofree char *body = g_convert (text, -1, encoding, "UTF-8", NULL, &length, &error);
  GByteArray      *file = g_byte_array_new ();

  g_assert_no_error (error);
  if (g_str_equal (encoding, "UTF-16LE"))
    g_byte_array_append (file, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (file, (const guint8 *) body, length);
  return g_byte_array_free_to_bytes (file);
}

/* The pipeline maps each story's span to the file once; the way back gives
 * the segment's span in the text again, whatever the file's encoding. */
static void
test_pipeline_file_spans (gconstpointer data)
{
  const char      *encoding = data;
  g_autofree char *path = seed_path (3);
  g_autofree char *text = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (SdPage) page = NULL;
  g_autoptr (SdPipeline) pipeline = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  bytes = encode_page (text, encoding);
  page = sd_page_read_bytes (path, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->encoding, ==, encoding);

  pipeline = sd_pipeline_run (page, SD_PIPELINE_THEMES);
  g_assert_cmpuint (pipeline->stories->len, >=, 3);
  g_assert_cmpuint (pipeline->themes->len, ==, pipeline->stories->len);
  for (guint i = 0; i < pipeline->stories->len; i++)
    {
      const SdSegment *segment = g_ptr_array_index (pipeline->segments, i);
      const SdStory   *story = g_ptr_array_index (pipeline->stories, i);
      gsize            start = 0, end = 0;

      g_assert_nonnull (story->mentions);
      g_assert_cmpint (story->source_end, <=, (gint64) page->file_size);
      sd_page_find_story_span (story, page->text, page->encoding, page->file_size, &start, &end);
      g_assert_cmpuint (start, ==, segment->start);
      g_assert_cmpuint (end, ==, segment->end);
    }
}

/* The body holds its section heads in place; the place is decided from its
 * prose as before (a head, often a photo's caption set apart on a real
 * page, names a place the story is not about), and every mention's offsets
 * still fall on its name in the body, past the head too. */
static void
test_pipeline_heads_and_places (void)
{
  const char *text = "# 午镇建设美丽乡村\n\n本报记者 柳宁\n\n"
                     "常熟市午镇近年来持续推进美丽乡村建设，村容村貌焕然一新。\n\n"
                     "**南京游客来南京市午镇过周末**\n\n"
                     "周末，不少游客来到常熟市午镇，体验采摘乐趣，感受乡村风光。\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_bytes ("heads.txt", bytes, &error);
  g_autoptr (SdPipeline) pipeline = NULL;
  g_autoptr (SdPlaceDecision) with_heads = NULL;
  const SdStory *story;
  const char    *head;
  guint          after_head = 0;

  g_assert_no_error (error);
  pipeline = sd_pipeline_run (page, SD_PIPELINE_DEFAULT);
  g_assert_cmpuint (pipeline->stories->len, ==, 1);
  story = g_ptr_array_index (pipeline->stories, 0);
  head = strstr (story->body, "\n南京游客来南京市午镇过周末\n");
  g_assert_nonnull (head);
  g_assert_true (sd_story_is_section_heading (story, "南京游客来南京市午镇过周末"));
  g_assert_cmpstr (story->place_code, ==, "320581"); /* 常熟市 */
  /* read with its head, the body would name two cities, neither ahead */
  with_heads =
      sd_place_resolver_resolve (sd_gazetteer_get_default (), story->headline, story->body);
  g_assert_true (with_heads->place == NULL || g_strcmp0 (with_heads->place->code, "320581") != 0);

  for (guint m = 0; m < story->mentions->len; m++)
    {
      const SdMention *mention = g_ptr_array_index (story->mentions, m);
      g_autofree char *name = NULL;

      g_assert_false (mention->in_headline);
      name = g_strndup (story->body + mention->start, mention->end - mention->start);
      g_assert_cmpstr (name, ==, "常熟市");
      after_head += story->body + mention->start > head;
    }
  g_assert_cmpuint (story->mentions->len, ==, 2);
  g_assert_cmpuint (after_head, ==, 1);
}

static void
test_import_async (Fixture *fixture, gconstpointer unused)
{
  const char *const     paths[] = { SD_SEEDS_DIR, NULL };
  AsyncData             data = { g_main_loop_new (NULL, FALSE) };
  const SdImportOptions sample = { .batch_kind = SD_BATCH_SAMPLE };

  sd_importer_import_async (fixture->store, paths, &sample, NULL, progress_cb, &data, NULL,
                            finished_cb, &data);
  g_main_loop_run (data.loop);
  /* Progress reports still queued are delivered before we look. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (data.error);
  g_assert_cmpuint (data.results->len, ==, 5);
  g_assert_cmpuint (data.progress_calls, ==, 5);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), >=, 25);
  /* the job's pages are one batch, of the kind asked for */
  {
    g_autoptr (GPtrArray) batches = sd_store_list_batches (fixture->store, NULL);

    g_assert_cmpuint (batches->len, ==, 1);
    g_assert_cmpint (((SdBatch *) g_ptr_array_index (batches, 0))->kind, ==, SD_BATCH_SAMPLE);
    g_assert_cmpuint (((SdBatch *) g_ptr_array_index (batches, 0))->n_pages, ==, 5);
  }
  g_ptr_array_unref (data.results);
  g_main_loop_unref (data.loop);
}

/* A pacer whose main loop stopped beating (a window busy for good) slows
 * an import and never stops it: every page comes in; a late main loop is
 * waited for, a stopped pacer never (#16, sd-import-pacer). */
static void
test_import_paced (Fixture *fixture, gconstpointer unused)
{
  const char *const paths[] = { SD_SEEDS_DIR, NULL };
  AsyncData         data = { g_main_loop_new (NULL, FALSE) };
  g_autoptr (SdImportPacer) pacer = sd_import_pacer_new ();
  g_autoptr (SdImportPacer) stopped = sd_import_pacer_new ();
  SdImportOptions options = { .pacer = pacer };

  sd_import_pacer_stop (stopped);
  g_usleep ((SD_IMPORT_PACER_LATE_MS + 5) * 1000);
  g_assert_cmpuint (sd_import_pacer_wait (stopped), ==, 0);
  g_assert_cmpuint (sd_import_pacer_wait (pacer), >, 0);
  /* the pause points of a thread with no pacer return at once */
  sd_import_pause_point ();
  g_assert_cmpuint (sd_import_pacer_thread_slept_ms (), ==, 0);

  sd_importer_import_async (fixture->store, paths, &options, NULL, NULL, NULL, NULL, finished_cb,
                            &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_cmpuint (data.results->len, ==, 5);
  for (guint i = 0; i < data.results->len; i++)
    g_assert_no_error (((SdImportResult *) g_ptr_array_index (data.results, i))->error);
  g_assert_cmpint (sd_store_count_stories (fixture->store, NULL), >=, 25);
  g_ptr_array_unref (data.results);
  g_main_loop_unref (data.loop);
}

/* The import thread's nice value: the default, or one from 0 to 19 that the
 * benchmark sets; anything else is ignored (#16). */
static void
test_thread_nice (void)
{
  static const struct
  {
    const char *value;
    int         nice;
  } cases[] = {
    { NULL, SD_IMPORT_NICE },
    { "0", 0 },
    { "5", 5 },
    { "19", 19 },
    { "20", SD_IMPORT_NICE },
    { "-1", SD_IMPORT_NICE },
    { "5x", SD_IMPORT_NICE },
    { "", SD_IMPORT_NICE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].value == NULL)
        g_unsetenv ("STORYDESK_IMPORT_NICE");
      else
        g_setenv ("STORYDESK_IMPORT_NICE", cases[i].value, TRUE);
      g_assert_cmpint (sd_importer_thread_nice (), ==, cases[i].nice);
    }
  g_unsetenv ("STORYDESK_IMPORT_NICE");
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

#define ADD(path, func) SD_TEST_ADD_WITH_LIBRARY (path, NULL, func)
  ADD ("/importer/seed-page", test_seed_page_gives_stories);
  ADD ("/importer/reimport", test_reimport_is_idempotent);
  ADD ("/importer/summary", test_summary);
  ADD ("/importer/bad-file", test_bad_file_loses_nothing);
  ADD ("/importer/async", test_import_async);
  ADD ("/importer/paced", test_import_paced);
  ADD ("/importer/new-version", test_new_version_keeps_work);
#undef ADD
  g_test_add_func ("/importer/collect-folder", test_collect_folder);
  g_test_add_func ("/importer/thread-nice", test_thread_nice);
  g_test_add_data_func ("/importer/pipeline/file-spans/utf-8", "UTF-8", test_pipeline_file_spans);
  g_test_add_func ("/importer/pipeline/heads-and-places", test_pipeline_heads_and_places);
  g_test_add_data_func ("/importer/pipeline/file-spans/gb18030", "GB18030",
                        test_pipeline_file_spans);
  g_test_add_data_func ("/importer/pipeline/file-spans/utf-16", "UTF-16LE",
                        test_pipeline_file_spans);

  SD_TEST_ADD_WITH_LIBRARY ("/importer/unchanged-skipped-first", NULL,
                            test_unchanged_skipped_first);
  return g_test_run ();
}
