/* storydesk-bench.c — search latency on a large synthetic library
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes an archive of --stories stories (100,000 by default) as a folder of
 * page files made from the seed pages (sd-bench-corpus.c), imports it as
 * `storydesk import` would and times that, and the rest of the import
 * figures, against their floors in the same run (sd-bench-import.c), then
 * times a fixed list of searches on the library:
 *
 *   fts.first_page  sd_store_search (…, 200): the ranked first page an
 *                   editor sees, with its records: headline matches, then
 *                   the rest, each newest first, read from the index in
 *                   that order up to the page (a term of several tokens
 *                   checked against each story's text as it is read)
 *   fts.count       sd_store_count_matches (): how many stories match
 *   scan.count      the same count by a brute-force instr () over the same
 *                   five fields of every story, as the store searched before
 *   scan.first_page the first 200 matches in page order by the same scan,
 *                   unranked: it stops early when matches are common
 *
 * Each measurement is a named row of p50/p95 over all runs of all queries of
 * a class; later figures belong in the same table.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sd-bench.h"
#include "sd-store-fts5.h"
#include "sd-importer.h"
#include "sd-store.h"

#define PAGE_SIZE 1000 /* synthetic stories per synthetic page */
#define FIRST_PAGE 200 /* the list the editor sees */

typedef struct
{
  const char *klass;
  const char *query;
  /* the same search for the scan: all of words, none of not_word, in place */
  const char *words[3];
  const char *not_word;
  const char *place;
} BenchQuery;

static const BenchQuery bench_queries[] = {
  { "1-char", "党", { "党" } },
  { "1-char", "镇", { "镇" } },
  { "1-char", "吴", { "吴" } },
  { "1-char", "稻", { "稻" } },
  { "2-char", "党建", { "党建" } },
  { "2-char", "吴江", { "吴江" } },
  { "2-char", "乡村", { "乡村" } },
  { "2-char", "消防", { "消防" } },
  { "2-char", "政协", { "政协" } },
  { "2-char", "统战", { "统战" } },
  { "3-char", "新就业", { "新就业" } },
  { "3-char", "志愿者", { "志愿者" } },
  { "3-char", "党支部", { "党支部" } },
  { "3-char", "高质量", { "高质量" } },
  { "3-char", "吴江区", { "吴江区" } },
  { "multi-term", "乡村 振兴", { "乡村", "振兴" } },
  { "multi-term", "党建 引领 服务", { "党建", "引领", "服务" } },
  { "multi-term", "吴江 -外卖", { "吴江" }, "外卖" },
  { "multi-term", "新就业 群体", { "新就业", "群体" } },
  { "multi-term", "党建 place:苏州市", { "党建" }, NULL, "3205" },
  { "multi-term", "\"文明 实践\" 志愿", { "文明实践", "志愿" } },
};

typedef struct
{
  char   *name;
  char   *klass;
  char   *unit;
  GArray *samples; /* double */
} Measurement;

typedef struct
{
  const BenchQuery *query;
  gint64            matches;
  gint64            scan_matches;
  double            first_page_p50;
  double            count_p50;
  double            scan_p50;
} QueryResult;

static int      n_stories = 100000;
static int      n_runs = 20;
static int      n_scan_runs = 5;
static char    *db_path = NULL;
static char    *json_path = NULL;
static char    *seeds_dir = NULL;
static gboolean optimize = FALSE;
static gboolean pipeline_only = FALSE;
static gboolean quick = FALSE;
static char    *postgresql = NULL;
static char    *engine = NULL;
static gboolean window = FALSE;
static gboolean no_exports = FALSE;
static char    *reimport_dir = NULL;

static const GOptionEntry entries[] = {
  { "stories", 'n', 0, G_OPTION_ARG_INT, &n_stories, "Stories in the library (100000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Timed runs of each search (20)", "N" },
  { "scan-runs", 0, 0, G_OPTION_ARG_INT, &n_scan_runs, "Timed runs of each scan (5)", "N" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
    "Keep the library in FILE and reuse it when it has N stories", "FILE" },
  { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures to FILE", "FILE" },
  { "seeds", 0, 0, G_OPTION_ARG_FILENAME, &seeds_dir, "The pages to recombine", "DIR" },
  { "optimize", 0, 0, G_OPTION_ARG_NONE, &optimize,
    "Merge the index into one segment before timing", NULL },
  { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "10,000 stories and fewer runs: a run for CI", NULL },
  { "engine", 0, 0, G_OPTION_ARG_STRING, &engine, "sqlite (the default) or postgresql", "NAME" },
  { "postgresql", 0, 0, G_OPTION_ARG_STRING, &postgresql,
    "The server of --engine postgresql (else $SD_TEST_PG_URL), an empty database", "URL" },
  { "window", 0, 0, G_OPTION_ARG_NONE, &window,
    "Also time the real window under Xvfb (tests/bench-window.py)", NULL },
  { "no-exports", 0, 0, G_OPTION_ARG_NONE, &no_exports,
    "Leave out the exports (a library of a million stories takes minutes for each)", NULL },
  { "reimport", 0, 0, G_OPTION_ARG_FILENAME, &reimport_dir,
    "Only time importing DIR again, its pages all in the --db library, against hashing them, "
    "--runs rounds in turns (DIR written first for --stories when it does not exist)",
    "DIR" },
  { "pipeline-only", 0, 0, G_OPTION_ARG_NONE, &pipeline_only,
    "Time only reading, segmenting, placing and theming (no library)", NULL },
  { NULL },
};

static void
measurement_free (Measurement *m)
{
  g_free (m->name);
  g_free (m->klass);
  g_free (m->unit);
  g_array_unref (m->samples);
  g_free (m);
}

void
sd_bench_record (
    GPtrArray *table, const char *name, const char *klass, const char *unit, double value)
{
  Measurement *m = NULL;

  for (guint i = 0; i < table->len && m == NULL; i++)
    {
      Measurement *row = g_ptr_array_index (table, i);
      if (strcmp (row->name, name) == 0 && g_strcmp0 (row->klass, klass) == 0)
        m = row;
    }
  if (m == NULL)
    {
      m = g_new0 (Measurement, 1);
      m->name = g_strdup (name);
      m->klass = g_strdup (klass);
      m->unit = g_strdup (unit);
      m->samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (table, m);
    }
  g_array_append_val (m->samples, value);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @samples (sorted here). */
static double
percentile (GArray *samples, double q)
{
  guint rank;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_doubles);
  rank = (guint) MAX (1, (guint) (q * samples->len + 0.999999));
  return g_array_index (samples, double, MIN (rank, samples->len) - 1);
}

static gboolean
exec_sql (sqlite3 *db, const char *sql, GError **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* @op whether parameter @n is in any of the five searched fields. */
static void
append_in_any_field (GString *sql, const char *op, int n)
{
  g_string_append_printf (sql,
                          "%s (instr (coalesce (headline, ''), ?%d) OR "
                          "instr (coalesce (subheadline, ''), ?%d) OR instr (body, ?%d) OR "
                          "instr (coalesce (byline, ''), ?%d) OR instr (note, ?%d))",
                          op, n, n, n, n, n);
}

/* The brute-force scan of a query; @first_page: the first FIRST_PAGE ids in
 * page order rather than the count. */
static sqlite3_stmt *
prepare_scan (sqlite3 *db, const BenchQuery *q, gboolean first_page, GError **error)
{
  g_autoptr (GString) sql = g_string_new (first_page ? "SELECT id FROM stories WHERE 1"
                                                     : "SELECT count (*) FROM stories WHERE 1");
  sqlite3_stmt *stmt = NULL;
  int           n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (q->words) && q->words[i] != NULL; i++)
    append_in_any_field (sql, " AND", ++n);
  if (q->not_word != NULL)
    append_in_any_field (sql, " AND NOT", ++n);
  if (q->place != NULL)
    {
      n++;
      g_string_append_printf (sql, " AND place_code >= ?%d AND place_code < ?%d || ':'", n, n);
    }
  if (first_page)
    g_string_append_printf (sql, " ORDER BY page_id, ordinal LIMIT %d", FIRST_PAGE);

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  n = 0;
  for (guint i = 0; i < G_N_ELEMENTS (q->words) && q->words[i] != NULL; i++)
    sqlite3_bind_text (stmt, ++n, q->words[i], -1, SQLITE_STATIC);
  if (q->not_word != NULL)
    sqlite3_bind_text (stmt, ++n, q->not_word, -1, SQLITE_STATIC);
  if (q->place != NULL)
    sqlite3_bind_text (stmt, ++n, q->place, -1, SQLITE_STATIC);
  return stmt;
}

/* Runs a scan to its end; returns the count or the number of rows. */
static gint64
run_scan (sqlite3_stmt *stmt, gboolean first_page)
{
  gint64 n = 0;

  sqlite3_reset (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n = first_page ? n + 1 : sqlite3_column_int64 (stmt, 0);
  return n;
}

static double
median_of_last (GPtrArray *table, const char *name, const char *klass, guint n)
{
  for (guint i = 0; i < table->len; i++)
    {
      Measurement *m = g_ptr_array_index (table, i);
      if (strcmp (m->name, name) == 0 && g_strcmp0 (m->klass, klass) == 0)
        {
          g_autoptr (GArray) last = g_array_new (FALSE, FALSE, sizeof (double));
          g_array_append_vals (last, &g_array_index (m->samples, double, m->samples->len - n), n);
          return percentile (last, 0.5);
        }
    }
  return 0;
}

static gboolean
time_query (SdStore          *store,
            sqlite3          *db,
            const BenchQuery *q,
            GPtrArray        *table,
            QueryResult      *result,
            GError          **error)
{
  sqlite3_stmt *scan_count = prepare_scan (db, q, FALSE, error);
  sqlite3_stmt *scan_page = scan_count != NULL ? prepare_scan (db, q, TRUE, error) : NULL;
  gboolean      ok = FALSE;

  if (scan_page == NULL)
    goto out;
  result->query = q;
  /* once untimed, to warm the caches */
  result->matches = sd_store_count_matches (store, NULL, q->query, error);
  if (result->matches < 0)
    goto out;
  result->scan_matches = run_scan (scan_count, FALSE);

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr (GPtrArray) page = NULL;
      gint64 start = g_get_monotonic_time ();

      page = sd_store_search (store, NULL, q->query, FIRST_PAGE, error);
      if (page == NULL)
        goto out;
      sd_bench_record (table, "fts.first_page", q->klass, "ms", sd_bench_elapsed_ms (start));
      start = g_get_monotonic_time ();
      if (sd_store_count_matches (store, NULL, q->query, error) < 0)
        goto out;
      sd_bench_record (table, "fts.count", q->klass, "ms", sd_bench_elapsed_ms (start));
    }
  for (int run = 0; run < n_scan_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      run_scan (scan_count, FALSE);
      sd_bench_record (table, "scan.count", q->klass, "ms", sd_bench_elapsed_ms (start));
      start = g_get_monotonic_time ();
      run_scan (scan_page, TRUE);
      sd_bench_record (table, "scan.first_page", q->klass, "ms", sd_bench_elapsed_ms (start));
    }
  result->first_page_p50 = median_of_last (table, "fts.first_page", q->klass, n_runs);
  result->count_p50 = median_of_last (table, "fts.count", q->klass, n_runs);
  result->scan_p50 = median_of_last (table, "scan.count", q->klass, n_scan_runs);
  ok = TRUE;

out:
  sqlite3_finalize (scan_count);
  sqlite3_finalize (scan_page);
  return ok;
}

static void
print_measurements (GPtrArray *table)
{
  g_print ("\n%-20s %-11s %6s %10s %10s %10s\n", "measurement", "class", "runs", "p50", "p95",
           "max");
  for (guint i = 0; i < table->len; i++)
    {
      Measurement *m = g_ptr_array_index (table, i);

      g_print ("%-20s %-11s %6u %7.2f %-2s %7.2f %-2s %7.2f %-2s\n", m->name,
               m->klass != NULL ? m->klass : "", m->samples->len, percentile (m->samples, 0.5),
               m->unit, percentile (m->samples, 0.95), m->unit, percentile (m->samples, 1.0),
               m->unit);
    }
}

static void
print_tables (GPtrArray *table, GArray *results)
{
  static const char *const classes[] = { "1-char", "2-char", "3-char", "multi-term" };

  print_measurements (table);

  g_print ("\n%-11s %16s %12s\n", "class", "scan.count p50", "speed-up of");
  g_print ("%-11s %16s %12s %12s\n", "", "", "first_page", "count");
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      double scan = 0, page = 0, count = 0;

      for (guint i = 0; i < table->len; i++)
        {
          Measurement *m = g_ptr_array_index (table, i);
          if (g_strcmp0 (m->klass, classes[c]) != 0)
            continue;
          if (strcmp (m->name, "scan.count") == 0)
            scan = percentile (m->samples, 0.5);
          else if (strcmp (m->name, "fts.first_page") == 0)
            page = percentile (m->samples, 0.5);
          else if (strcmp (m->name, "fts.count") == 0)
            count = percentile (m->samples, 0.5);
        }
      g_print ("%-11s %13.2f ms %11.1f× %11.1f×\n", classes[c], scan, scan / MAX (page, 0.001),
               scan / MAX (count, 0.001));
    }

  g_print ("\n%-11s %8s %8s %11s %9s %9s  %s\n", "class", "matches", "by scan", "first page",
           "count", "scan", "query (p50 of each)");
  for (guint i = 0; i < results->len; i++)
    {
      QueryResult *r = &g_array_index (results, QueryResult, i);

      g_print ("%-11s %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT " %8.2f ms %6.2f ms %6.1f ms  %s\n",
               r->query->klass, r->matches, r->scan_matches, r->first_page_p50, r->count_p50,
               r->scan_p50, r->query->query);
    }
}

/* The figures as JSON, written by json-glib so that any JSON reader takes
 * them (queries in Chinese included). */
static gboolean
write_json (const char          *path,
            GPtrArray           *table,
            GArray              *results,
            gint64               n_stored,
            const SdBenchImport *import,
            gint64               db_bytes,
            GError             **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stories_asked");
  json_builder_add_int_value (builder, n_stories);
  json_builder_set_member_name (builder, "stories");
  json_builder_add_int_value (builder, n_stored);
  json_builder_set_member_name (builder, "first_page");
  json_builder_add_int_value (builder, FIRST_PAGE);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, n_runs);
  json_builder_set_member_name (builder, "scan_runs");
  json_builder_add_int_value (builder, n_scan_runs);
  json_builder_set_member_name (builder, "optimized");
  json_builder_add_boolean_value (builder, optimize);
  json_builder_set_member_name (builder, "sqlite");
  json_builder_add_string_value (builder, sqlite3_libversion ());
  if (import != NULL)
    sd_bench_add_import_json (builder, import);
  json_builder_set_member_name (builder, "db_bytes");
  json_builder_add_int_value (builder, db_bytes);

  json_builder_set_member_name (builder, "measurements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < table->len; i++)
    {
      Measurement *m = g_ptr_array_index (table, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, m->name);
      json_builder_set_member_name (builder, "class");
      json_builder_add_string_value (builder, m->klass != NULL ? m->klass : "");
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, m->unit);
      json_builder_set_member_name (builder, "samples");
      json_builder_add_int_value (builder, m->samples->len);
      json_builder_set_member_name (builder, "p50");
      json_builder_add_double_value (builder, percentile (m->samples, 0.5));
      json_builder_set_member_name (builder, "p95");
      json_builder_add_double_value (builder, percentile (m->samples, 0.95));
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, percentile (m->samples, 1.0));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "queries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      QueryResult *r = &g_array_index (results, QueryResult, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "class");
      json_builder_add_string_value (builder, r->query->klass);
      json_builder_set_member_name (builder, "query");
      json_builder_add_string_value (builder, r->query->query);
      json_builder_set_member_name (builder, "matches");
      json_builder_add_int_value (builder, r->matches);
      json_builder_set_member_name (builder, "scan_matches");
      json_builder_add_int_value (builder, r->scan_matches);
      json_builder_set_member_name (builder, "first_page_p50");
      json_builder_add_double_value (builder, r->first_page_p50);
      json_builder_set_member_name (builder, "count_p50");
      json_builder_add_double_value (builder, r->count_p50);
      json_builder_set_member_name (builder, "scan_count_p50");
      json_builder_add_double_value (builder, r->scan_p50);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_file (generator, path, error);
}

static int
fail (GError *error)
{
  g_printerr ("storydesk-bench: %s\n", error->message);
  g_error_free (error);
  return 1;
}

/* Writes the archive's page files into @tmp and imports them, timing that
 * and the other import figures against their floors. */
static gboolean
build_library (SdStore *store, const char *tmp, SdBenchImport *figures, GError **error)
{
  g_autofree char *pages = g_build_filename (tmp, "pages", NULL);
  SdBenchCorpus *corpus = sd_bench_corpus_new (seeds_dir != NULL ? seeds_dir : SD_SEEDS_DIR, error);
  gboolean       ok;

  if (corpus == NULL)
    return FALSE;
  g_mkdir (pages, 0700);
  ok = sd_bench_corpus_write_pages (corpus, pages, n_stories, &figures->text_bytes,
                                    &figures->n_pages, error);
  sd_bench_corpus_free (corpus);
  if (!ok)
    return FALSE;
  g_print ("wrote %u page files, %.0f MB, of about %d stories\n", figures->n_pages,
           figures->text_bytes / 1e6, n_stories);
  ok = sd_bench_time_import (store, db_path, pages, tmp, figures, error);
  for (guint i = 0; i < figures->n_pages; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%06u.txt", i);
      g_autofree char *path = g_build_filename (pages, name, NULL);
      g_unlink (path);
    }
  g_rmdir (pages);
  return ok;
}

/* --reimport: the unchanged re-import of a folder the library holds, alone
 * (#16: a library of 1,000,000 stories is not built again for it). */
static gboolean
time_reimport_only (SdStore *store, SdBenchImport *figures)
{
  const char *const paths[] = { reimport_dir, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = NULL;
  double load[3] = { 0 };

  /* the archive's pages for --stories, written once: a library built by
   * the benchmark before holds them */
  if (!g_file_test (reimport_dir, G_FILE_TEST_EXISTS))
    {
      SdBenchCorpus *corpus =
          sd_bench_corpus_new (seeds_dir != NULL ? seeds_dir : SD_SEEDS_DIR, &error);
      if (corpus == NULL || g_mkdir_with_parents (reimport_dir, 0700) != 0
          || !sd_bench_corpus_write_pages (corpus, reimport_dir, n_stories, &figures->text_bytes,
                                           &figures->n_pages, &error))
        {
          g_clear_pointer (&corpus, sd_bench_corpus_free);
          return fail (error != NULL
                           ? g_steal_pointer (&error)
                           : g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                          "%s: the pages cannot be written", reimport_dir))
                 == 0;
        }
      sd_bench_corpus_free (corpus);
    }
  files = sd_importer_collect_pages (paths, &error);
  if (files == NULL || !sd_bench_time_reimport (store, files, n_runs, figures, &error))
    return fail (g_steal_pointer (&error)) == 0;
  if (getloadavg (load, 3) < 0)
    load[0] = -1;
  g_print ("%u files, %d rounds in turns, medians (load average %.2f):\n", files->len, n_runs,
           load[0]);
  g_print ("  hashing %.3f s; with the look-ups %.3f s (%.2f×); re-import %.3f s (%.2f×)\n",
           figures->hash_seconds, figures->lookup_seconds,
           figures->lookup_seconds / MAX (figures->hash_seconds, 1e-6), figures->reimport_seconds,
           figures->reimport_seconds / MAX (figures->hash_seconds, 1e-6));
  g_print ("  on a CPU: hashing %.3f s; with the look-ups %.3f s (%.2f×); re-import %.3f s "
           "(%.2f×)\n",
           figures->hash_cpu_seconds, figures->lookup_cpu_seconds,
           figures->lookup_cpu_seconds / MAX (figures->hash_cpu_seconds, 1e-6),
           figures->reimport_cpu_seconds,
           figures->reimport_cpu_seconds / MAX (figures->hash_cpu_seconds, 1e-6));
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) measurement_free);
  g_autoptr (GArray) results = g_array_new (FALSE, TRUE, sizeof (QueryResult));
  g_autofree char *tmp = NULL;
  sqlite3         *db = NULL;
  SdBenchImport    figures = { 0 };
  gboolean         own_db = db_path == NULL;
  gint64           existing;
  GStatBuf         st;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times Storydesk's import and search on a synthetic "
                                         "archive, each against its floor.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || !sd_bench_choose_engine (engine, &postgresql, &error))
    return fail (g_steal_pointer (&error));
  if (quick)
    n_stories = 10000, n_runs = MIN (n_runs, 5), n_scan_runs = MIN (n_scan_runs, 2);
  if (n_stories < 1 || n_runs < 1 || n_scan_runs < 1)
    {
      g_printerr ("storydesk-bench: --stories and --runs want positive numbers\n");
      return 1;
    }
  if (!sd_bench_time_pipeline (seeds_dir != NULL ? seeds_dir : SD_SEEDS_DIR, n_runs, table, &error))
    return fail (g_steal_pointer (&error));
  if (pipeline_only)
    {
      print_measurements (table);
      return 0;
    }
  tmp = g_dir_make_tmp ("sd-bench-XXXXXX", &error);
  if (tmp == NULL)
    return fail (g_steal_pointer (&error));
  own_db = db_path == NULL;
  if (own_db)
    db_path = g_build_filename (tmp, "bench.db", NULL);

  store = sd_store_open (db_path, &error);
  if (store == NULL)
    return fail (g_steal_pointer (&error));
  existing = sd_store_count_stories (store, &error);
  if (existing < 0)
    return fail (g_steal_pointer (&error));
  if (existing == 0)
    {
      if (!build_library (store, tmp, &figures, &error))
        return fail (g_steal_pointer (&error));
      sd_bench_record (table, "import.folder", "import", "s", figures.import_seconds);
      existing = sd_store_count_stories (store, NULL);
    }
  else
    g_print ("reusing %s (%" G_GINT64_FORMAT " stories)\n", db_path, existing);
  if (reimport_dir != NULL)
    return time_reimport_only (store, &figures) ? 0 : 1;

  /* Our own connection for the scan, as the store keeps its own private. */
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || !sd_store_register_fts5 (db, &error))
    return fail (error != NULL
                     ? g_steal_pointer (&error)
                     : g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db)));
  if (optimize && !exec_sql (db, "INSERT INTO story_fts (story_fts) VALUES ('optimize')", &error))
    return fail (g_steal_pointer (&error));
  if (g_stat (db_path, &st) == 0)
    g_print ("library: %s, %.0f MB\n", db_path, st.st_size / 1e6);

  for (guint i = 0; i < G_N_ELEMENTS (bench_queries); i++)
    {
      QueryResult result = { 0 };

      if (!time_query (store, db, &bench_queries[i], table, &result, &error))
        return fail (g_steal_pointer (&error));
      g_array_append_val (results, result);
    }
  if (postgresql != NULL)
    {
      SdBenchSearch searches[G_N_ELEMENTS (bench_queries)];
      SdBenchPgRun  run = { n_runs, seeds_dir, n_stories, tmp, &figures };

      for (guint i = 0; i < G_N_ELEMENTS (bench_queries); i++)
        searches[i] = (SdBenchSearch){ bench_queries[i].klass, bench_queries[i].query };
      if (!sd_bench_time_postgresql (store, postgresql, searches, G_N_ELEMENTS (searches), &run,
                                     table, &error))
        return fail (g_steal_pointer (&error));
    }
  if (!no_exports && !sd_bench_time_exports (db_path, tmp, table, &error))
    return fail (g_steal_pointer (&error));
  /* the window's figures are the last and the frailest: the others stand */
  if (window && !sd_bench_time_window (db_path, tmp, table, &error))
    {
      g_printerr ("storydesk-bench: no window figures: %s\n", error->message);
      g_clear_error (&error);
    }
  print_tables (table, results);
  if (figures.n_pages > 0)
    sd_bench_print_import (&figures);
  if (json_path != NULL
      && !write_json (json_path, table, results, existing, figures.n_pages > 0 ? &figures : NULL,
                      g_stat (db_path, &st) == 0 ? st.st_size : -1, &error))
    return fail (g_steal_pointer (&error));

  sqlite3_close (db);
  g_clear_object (&store);
  if (own_db)
    sd_bench_remove_library (db_path);
  g_rmdir (tmp);
  return 0;
}
