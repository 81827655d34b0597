/* sd-bench-pipeline.c — the benchmark's figures of the import pipeline
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading, segmenting, placing and theming, before SQLite: each figure
 * times one step of sd-pipeline.h, the steps the importer takes.
 *
 *   gazetteer.build      loading the gazetteer from its four files
 *   gazetteer.places     the same made lazy (sd_gazetteer_new_lazy ()): its
 *                        places alone, what the window pays at its start
 *   gazetteer.names      then its names, built at the first asked for
 *   read.1mb             sd_page_read_bytes () on a 1 MB page
 *   segment.1mb          sd_pipeline_segment () on it: stories cut, repaired
 *   stories.1mb          sd_pipeline_make_stories (): their records, with
 *                        their spans mapped to the file
 *   segment.1mb-wrapped  sd_pipeline_segment () on the same page
 *                        hard-wrapped as a narrow column
 *   segment.page         sd_pipeline_segment () on each seed page
 *   place.story          sd_pipeline_place_story () on each of their stories
 *   themes.story         sd_pipeline_suggest_themes () on each
 */
#include "config.h"

#include <string.h>

#include "sd-bench.h"
#include "sd-gazetteer.h"
#include "sd-importer.h"
#include "sd-pipeline.h"
#include "sd-theme-suggester.h"

#define RESOURCE_DIR "/io/github/storydesk/Storydesk/gazetteer/"

/* A page of about @size bytes made of the seed pages, one after another,
 * each time with its numbers changed so repeats are not exact copies. */
static GString *
make_big_page (GPtrArray *pages, gsize size)
{
  GString *text = g_string_new (NULL);

  for (guint round = 0; text->len < size; round++)
    for (guint i = 0; i < pages->len && text->len < size; i++)
      {
        const SdPage *page = g_ptr_array_index (pages, i);
        for (const char *p = page->text; *p != '\0'; p++)
          g_string_append_c (text,
                             g_ascii_isdigit (*p) ? (char) ('0' + (*p - '0' + round) % 10) : *p);
        g_string_append (text, "\n\n");
      }
  return text;
}

/* The same page as OCR of a narrow column writes it: every paragraph
 * indented and cut into lines of @width characters, no blank lines. */
static GString *
make_wrapped_page (const GString *page, guint width)
{
  GString    *wrapped = g_string_sized_new (page->len + page->len / 8);
  const char *p = page->str;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      const char *end = eol != NULL ? eol : p + strlen (p);
      glong       chars = g_utf8_strlen (p, end - p);

      if (chars <= (glong) width)
        {
          if (end > p)
            g_string_append_len (wrapped, p, end - p), g_string_append_c (wrapped, '\n');
        }
      else
        {
          guint column = 2;

          g_string_append (wrapped, "\u3000\u3000");
          for (const char *c = p; c < end; c = g_utf8_next_char (c))
            {
              if (column == width)
                {
                  g_string_append_c (wrapped, '\n');
                  column = 0;
                }
              g_string_append_len (wrapped, c, g_utf8_next_char (c) - c);
              column++;
            }
          g_string_append_c (wrapped, '\n');
        }
      p = eol != NULL ? eol + 1 : end;
    }
  return wrapped;
}

static gboolean
time_gazetteer (int n_runs, GPtrArray *table, GError **error)
{
  g_autoptr (GBytes) places = g_resources_lookup_data (RESOURCE_DIR "jiangsu.tsv", 0, error);
  g_autoptr (GBytes) aliases =
      places != NULL ? g_resources_lookup_data (RESOURCE_DIR "aliases.tsv", 0, error) : NULL;
  g_autoptr (GBytes) stopwords =
      aliases != NULL ? g_resources_lookup_data (RESOURCE_DIR "stopwords.tsv", 0, error) : NULL;
  g_autoptr (GBytes) villages =
      stopwords != NULL ? g_resources_lookup_data (RESOURCE_DIR "villages.tsv", 0, error) : NULL;

  if (villages == NULL)
    return FALSE;
  for (int run = 0; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (SdGazetteer) built =
          sd_gazetteer_new_with_villages (places, aliases, stopwords, villages, error);
      if (built == NULL)
        return FALSE;
      sd_bench_record (table, "gazetteer.build", "pipeline", "ms", sd_bench_elapsed_ms (start));
    }
  for (int run = 0; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (SdGazetteer) lazy =
          sd_gazetteer_new_lazy (places, aliases, stopwords, villages, error);

      if (lazy == NULL)
        return FALSE;
      sd_bench_record (table, "gazetteer.places", "pipeline", "ms", sd_bench_elapsed_ms (start));
      start = g_get_monotonic_time ();
      if (sd_gazetteer_find_by_name (lazy, "吴江", NULL) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "the lazy gazetteer does not know 吴江");
          return FALSE;
        }
      sd_bench_record (table, "gazetteer.names", "pipeline", "ms", sd_bench_elapsed_ms (start));
    }
  return TRUE;
}

/* The segment step on a page made of @bytes, timed under @name; with
 * @all_steps, reading it (read.1mb) and making its stories (stories.1mb)
 * too. */
static gboolean
time_segment (GBytes *bytes, const char *name, gboolean all_steps, GPtrArray *table, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (SdPage) page = sd_page_read_bytes ("big.txt", bytes, error);
  g_autoptr (SdPipeline) pipeline = NULL;

  if (page == NULL)
    return FALSE;
  if (all_steps)
    sd_bench_record (table, "read.1mb", "pipeline", "ms", sd_bench_elapsed_ms (start));
  pipeline = sd_pipeline_new (page);
  start = g_get_monotonic_time ();
  sd_pipeline_segment (pipeline);
  sd_bench_record (table, name, "pipeline", "ms", sd_bench_elapsed_ms (start));
  if (all_steps)
    {
      start = g_get_monotonic_time ();
      sd_pipeline_make_stories (pipeline);
      sd_bench_record (table, "stories.1mb", "pipeline", "ms", sd_bench_elapsed_ms (start));
    }
  return TRUE;
}

/* Every step on one seed page: segment.page, then place.story and
 * themes.story for each of its stories. */
static void
time_page (const SdPage *page, GPtrArray *table)
{
  g_autoptr (SdPipeline) pipeline = sd_pipeline_new (page);
  gint64 start = g_get_monotonic_time ();

  sd_pipeline_segment (pipeline);
  sd_bench_record (table, "segment.page", "pipeline", "ms", sd_bench_elapsed_ms (start));
  sd_pipeline_make_stories (pipeline);
  for (guint k = 0; k < pipeline->stories->len; k++)
    {
      start = g_get_monotonic_time ();
      sd_pipeline_place_story (pipeline, k);
      sd_bench_record (table, "place.story", "pipeline", "us", g_get_monotonic_time () - start);
      start = g_get_monotonic_time ();
      sd_pipeline_suggest_themes (pipeline, k);
      sd_bench_record (table, "themes.story", "pipeline", "us", g_get_monotonic_time () - start);
    }
  sd_pipeline_settle_places (pipeline);
}

gboolean
sd_bench_time_pipeline (const char *dir, int n_runs, GPtrArray *table, GError **error)
{
  const char *const paths[] = { dir, NULL };
  g_autoptr (GPtrArray) files = sd_importer_collect_files (paths, error);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_page_free);
  g_autoptr (GString) big = NULL;
  g_autoptr (GString) wrapped = NULL;
  g_autoptr (GBytes) big_bytes = NULL;
  g_autoptr (GBytes) wrapped_bytes = NULL;

  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      SdPage *page = sd_page_read_file (g_ptr_array_index (files, i), error);
      if (page == NULL)
        return FALSE;
      g_ptr_array_add (pages, page);
    }
  big = make_big_page (pages, 1024 * 1024);
  big_bytes = g_bytes_new (big->str, big->len);
  wrapped = make_wrapped_page (big, 18);
  wrapped_bytes = g_bytes_new (wrapped->str, wrapped->len);

  if (!time_gazetteer (n_runs, table, error))
    return FALSE;
  /* loaded once, as in the app: not part of any step's cost */
  sd_gazetteer_get_default ();
  sd_theme_vocabulary_get_default ();

  for (int run = 0; run < n_runs; run++)
    if (!time_segment (big_bytes, "segment.1mb", TRUE, table, error))
      return FALSE;
  /* the baseline for this one is segment.1mb, in the same run */
  for (int run = 0; run < n_runs; run++)
    if (!time_segment (wrapped_bytes, "segment.1mb-wrapped", FALSE, table, error))
      return FALSE;
  for (int run = 0; run < n_runs; run++)
    for (guint i = 0; i < pages->len; i++)
      time_page (g_ptr_array_index (pages, i), table);

  g_print ("pipeline: %u seed pages, a %.2f MB page (%.2f MB hard-wrapped)\n", pages->len,
           big->len / 1048576.0, wrapped->len / 1048576.0);
  return TRUE;
}
