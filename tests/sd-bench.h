/* sd-bench.h — what the benchmark's files share: the table of figures
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "sd-store.h"

G_BEGIN_DECLS

/* Adds @value to the row @name of class @klass in @table, made on first use. */
void     sd_bench_record        (GPtrArray  *table,
                                 const char *name,
                                 const char *klass,
                                 const char *unit,
                                 double      value);
/* Milliseconds since @start (g_get_monotonic_time ()). */
double   sd_bench_elapsed_ms    (gint64      start);

/* Times the import pipeline's steps, @n_runs times each, on the pages of
 * @dir and on a 1 MB page made of them (sd-bench-pipeline.c). */
gboolean sd_bench_time_pipeline (const char *dir,
                                 int         n_runs,
                                 GPtrArray  *table,
                                 GError    **error);

/* Removes a library and its -wal and -shm files. */
void     sd_bench_remove_library (const char *path);
/* The bytes of a library and its -wal file. */
gint64   sd_bench_library_bytes  (const char *path);

/* The headlines and sentences of the seed pages, and page files made of
 * them (sd-bench-corpus.c). */
typedef struct _SdBenchCorpus SdBenchCorpus;
SdBenchCorpus *sd_bench_corpus_new        (const char          *dir,
                                           GError             **error);
void           sd_bench_corpus_free       (SdBenchCorpus       *corpus);
gboolean       sd_bench_corpus_write_pages (const SdBenchCorpus *corpus,
                                           const char          *dir,
                                           int                  n_stories,
                                           gint64              *out_bytes,
                                           guint               *out_n_pages,
                                           GError             **error);

/* The import figures and their floors (sd-bench-import.c). */
typedef struct
{
  guint  n_pages;
  guint  n_stories;
  double import_seconds;
  double pipeline_seconds;  /* reading, segmenting, placing: no library */
  double floor_seconds;     /* raw SQLite + FTS5 insertion of the same texts */
  double reimport_seconds;  /* the same files, unchanged */
  double hash_seconds;      /* reading and hashing them */
  double lookup_seconds;    /* the same, each checksum asked of the library */
  double reimport_cpu_seconds; /* the three on a CPU */
  double hash_cpu_seconds;
  double lookup_cpu_seconds;
  gint64 text_bytes;
  gint64 library_bytes;
  gint64 floor_bytes;
  double json_tags_seconds; /* one story of 100,000 tags */
} SdBenchImport;

gboolean sd_bench_time_import    (SdStore       *store,
                                  const char    *library,
                                  const char    *pages,
                                  const char    *tmp,
                                  SdBenchImport *out,
                                  GError       **error);
gboolean sd_bench_time_reimport  (SdStore       *store,
                                  GPtrArray     *files,
                                  guint          n_rounds,
                                  SdBenchImport *out,
                                  GError       **error);
void     sd_bench_print_import   (const SdBenchImport *figures);
gboolean sd_bench_import_folder  (gpointer       library,
                                  GPtrArray     *files,
                                  guint         *out_stories,
                                  GError       **error);
void     sd_bench_add_import_json (JsonBuilder  *builder,
                                  const SdBenchImport *figures);

/* Every story exported by `storydesk export` in a child process, each
 * format's time and peak memory (sd-bench-export.c). */
gboolean sd_bench_time_exports   (const char    *library,
                                  const char    *tmp,
                                  GPtrArray     *table,
                                  GError       **error);

/* The window's figures from tests/bench-window.py under Xvfb
 * (sd-bench-window.c). */
gboolean sd_bench_time_window    (const char    *library,
                                  const char    *tmp,
                                  GPtrArray     *table,
                                  GError       **error);

/* A search of the benchmark's list: its class and text. */
typedef struct
{
  const char *klass;
  const char *query;
} SdBenchSearch;

/* What the PostgreSQL figures need of the run: the page folder's seeds
 * (NULL: SD_SEEDS_DIR) and size, the SQLite import's figures (zero when
 * the library was reused). */
typedef struct
{
  int                  n_runs;
  const char          *seeds;
  int                  n_stories;
  const char          *tmp;
  const SdBenchImport *sqlite;
} SdBenchPgRun;

/* --engine sqlite|postgresql: with postgresql, @postgresql is --postgresql
 * or else $SD_TEST_PG_URL, an error when neither is there (sd-bench-pg.c). */
gboolean sd_bench_choose_engine   (const char          *engine,
                                   char               **postgresql,
                                   GError             **error);

/* The library's stories copied into a shared library on PostgreSQL at
 * @location, then searched and counted there and here, and the same page
 * folder imported there next to the SQLite import (sd-bench-pg.c). */
gboolean sd_bench_time_postgresql (SdStore             *store,
                                   const char          *location,
                                   const SdBenchSearch *searches,
                                   guint                n_searches,
                                   const SdBenchPgRun  *run,
                                   GPtrArray           *table,
                                   GError             **error);

G_END_DECLS
