/* sd-bench-slices.c — is the import linear? (#16: at 1,000,000 stories,
 * ≤ 1.1× ten times the 100,000 time)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * storydesk-bench-slices --stories N --pages DIR --db FILE [--slices K]
 *
 * Writes the benchmark's archive of N stories into DIR (sd-bench-corpus.c;
 * kept, and used as it is when DIR holds page files already), imports it
 * into the new library FILE as `storydesk import` does, page by page on
 * this thread, and prints, for each of K successive slices of the files
 * (10 by default), its wall time and its time on a CPU (user + sys), and
 * the same pages read, segmented and placed again storing nothing: the
 * slice less that is the store's part.  The machine is shared, so the CPU
 * time is the figure to compare; a slice late in the import slower on a CPU
 * than an early one is what the store does with what it holds already.
 * Each slice's start is printed with the process id, for `perf record -p`.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sd-bench.h"
#include "sd-importer.h"
#include "sd-page-reader.h"
#include "sd-pipeline.h"

static int   n_stories = 100000;
static int   n_slices = 10;
static char *pages_dir = NULL;
static char *db_path = NULL;
static char *seeds_dir = NULL;

static const GOptionEntry entries[] = {
  { "stories", 'n', 0, G_OPTION_ARG_INT, &n_stories, "Stories in the archive (100000)", "N" },
  { "slices", 0, 0, G_OPTION_ARG_INT, &n_slices, "Slices of the import timed apart (10)", "K" },
  { "pages", 0, 0, G_OPTION_ARG_FILENAME, &pages_dir,
    "The archive's folder, written when it holds no page files", "DIR" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The new library (must not exist)", "FILE" },
  { "seeds", 0, 0, G_OPTION_ARG_FILENAME, &seeds_dir, "The pages to recombine", "DIR" },
  { NULL },
};

typedef struct
{
  double wall; /* seconds */
  double cpu;  /* user + sys, every thread of the process */
} Clock;

static Clock
clock_now (void)
{
  struct rusage use = { 0 };

  getrusage (RUSAGE_SELF, &use);
  return (Clock){ g_get_monotonic_time () / 1e6, use.ru_utime.tv_sec + use.ru_utime.tv_usec / 1e6
                                                     + use.ru_stime.tv_sec
                                                     + use.ru_stime.tv_usec / 1e6 };
}

static Clock
clock_since (Clock start)
{
  Clock now = clock_now ();

  return (Clock){ now.wall - start.wall, now.cpu - start.cpu };
}

static double
load_now (void)
{
  double load[3] = { -1, -1, -1 };

  getloadavg (load, 3);
  return load[0];
}

/* The archive's page files in @dir, written first when it has none. */
static GPtrArray *
collect_archive (GError **error)
{
  const char *const paths[] = { pages_dir, NULL };
  g_autoptr (GPtrArray) files = NULL;

  if (g_mkdir_with_parents (pages_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot be made", pages_dir);
      return NULL;
    }
  files = sd_importer_collect_pages (paths, error);
  if (files != NULL && files->len == 0)
    {
      SdBenchCorpus *corpus =
          sd_bench_corpus_new (seeds_dir != NULL ? seeds_dir : SD_SEEDS_DIR, error);
      Clock    start = clock_now ();
      gint64   bytes = 0;
      guint    n_pages = 0;
      gboolean ok =
          corpus != NULL
          && sd_bench_corpus_write_pages (corpus, pages_dir, n_stories, &bytes, &n_pages, error);

      if (corpus != NULL)
        sd_bench_corpus_free (corpus);
      if (!ok)
        return NULL;
      g_print ("wrote %u page files, %.0f MB, of about %d stories in %.1f s\n", n_pages,
               bytes / 1e6, n_stories, clock_since (start).wall);
      g_clear_pointer (&files, g_ptr_array_unref);
      files = sd_importer_collect_pages (paths, error);
    }
  return g_steal_pointer (&files);
}

/* The files [@from, @to) read, segmented and placed, nothing stored. */
static gboolean
run_pipeline (GPtrArray *files, guint from, guint to, GError **error)
{
  for (guint i = from; i < to; i++)
    {
      const SdImportFile *file = g_ptr_array_index (files, i);
      g_autoptr (SdPage) page = sd_page_read_file (file->path, error);

      if (page == NULL)
        return FALSE;
      sd_pipeline_free (sd_pipeline_run (page, SD_PIPELINE_DEFAULT));
    }
  return TRUE;
}

static gboolean
run_slices (SdStore *store, GPtrArray *files, GError **error)
{
  Clock total = { 0 }, total_pipeline = { 0 }, first = { 0 };
  guint n_done = 0;
  Clock begun = clock_now ();

  g_print ("%5s %9s %9s %9s %9s %9s %9s %7s %6s %8s\n", "slice", "stories", "wall s", "cpu s",
           "pipe cpu", "store cpu", "store wall", "cpu/1st", "load", "MB");
  for (int s = 0; s < n_slices; s++)
    {
      guint from = (guint) ((guint64) files->len * s / n_slices);
      guint to = (guint) ((guint64) files->len * (s + 1) / n_slices);
      Clock start, import, pipeline;
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%H:%M:%S");

      g_printerr ("slice %d begins %s (pid %d)\n", s + 1, stamp, (int) getpid ());
      start = clock_now ();
      for (guint i = from; i < to; i++)
        {
          g_autoptr (SdImportResult) result =
              sd_importer_import_page (store, g_ptr_array_index (files, i), NULL);

          if (result->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&result->error));
              return FALSE;
            }
          n_done += result->n_stories;
        }
      import = clock_since (start);
      start = clock_now ();
      if (!run_pipeline (files, from, to, error))
        return FALSE;
      pipeline = clock_since (start);
      if (s == 0)
        first = import;
      total.wall += import.wall, total.cpu += import.cpu;
      total_pipeline.wall += pipeline.wall, total_pipeline.cpu += pipeline.cpu;
      g_print ("%5d %9u %9.1f %9.1f %9.1f %9.1f %9.1f %6.2f× %6.1f %8.0f\n", s + 1, n_done,
               import.wall, import.cpu, pipeline.cpu, import.cpu - pipeline.cpu,
               import.wall - pipeline.wall, import.cpu / MAX (first.cpu, 1e-6), load_now (),
               sd_bench_library_bytes (db_path) / 1e6);
    }
  g_print ("import: %u stories, %u files: wall %.1f s, cpu %.1f s; the store's part: wall "
           "%.1f s, cpu %.1f s (the pipeline alone: wall %.1f s, cpu %.1f s); %.1f s in all\n",
           n_done, files->len, total.wall, total.cpu, total.wall - total_pipeline.wall,
           total.cpu - total_pipeline.cpu, total_pipeline.wall, total_pipeline.cpu,
           clock_since (begun).wall);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (SdStore) store = NULL;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times the import of the benchmark's archive slice by "
                                         "slice, wall and CPU, to see whether it stays linear.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto fail;
  if (pages_dir == NULL || db_path == NULL || n_stories < 1 || n_slices < 1)
    {
      g_printerr ("storydesk-bench-slices: --pages and --db are needed (see --help)\n");
      return 2;
    }
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("storydesk-bench-slices: %s exists: the import wants a new library\n", db_path);
      return 2;
    }
  if ((files = collect_archive (&error)) == NULL
      || (store = sd_store_open (db_path, &error)) == NULL || !run_slices (store, files, &error))
    goto fail;
  return 0;
fail:
  g_printerr ("storydesk-bench-slices: %s\n", error->message);
  return 1;
}
