/* sd-bench-import.c — the benchmark's import figures, each with its floor
 * from the same run (#16 item 1)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   import.folder       the page folder through the importer (reading,
 *                       segmenting, placing, storing, indexing), as
 *                       `storydesk import` does, into a new library
 *   floor.sqlite-fts5   the same page texts and story fields inserted
 *                       into bare SQLite tables and an FTS5 index of the
 *                       same tokenizer, one transaction a page
 *   pipeline            reading, segmenting and placing the same pages,
 *                       storing nothing: import.folder less this is the
 *                       library's part, to set against the floor
 *   reimport.unchanged  the same folder again: every page known
 *   floor.hash          reading and hashing (SHA-256) the same files; the
 *                       two, and the look-ups alone, taken in turns
 *   library / text      the library's size over the page text's, and the
 *                       floor's over the same
 *   json.import-tags    a JSON export of one story with 100,000 tags into
 *                       a new library (#14: 45.8 s, quadratic in them)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <time.h>

#include "sd-bench.h"
#include "sd-file-read.h"
#include "sd-importer.h"
#include "sd-page-reader.h"
#include "sd-pipeline.h"
#include "sd-store-fts5.h"

#define N_TAGS 100000

static const char floor_schema[] =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
    "CREATE TABLE pages (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
    "CREATE TABLE stories (id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, headline, "
    "  subheadline, body, byline, note);"
    "CREATE INDEX stories_by_page ON stories (page_id);"
    "CREATE VIRTUAL TABLE story_fts USING fts5 (headline, subheadline, body, byline, note,"
    "  content = 'stories', content_rowid = 'id', tokenize = 'sd_cjk');";

static gboolean
sql_failed (sqlite3 *db, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
  return FALSE;
}

/* @files into @library (an SdLibrary: a personal library's SdStore or a
 * shared one's importer), the stories they made in @out_stories; also
 * sd-bench-pg.c's. */
gboolean
sd_bench_import_folder (gpointer library, GPtrArray *files, guint *out_stories, GError **error)
{
  *out_stories = 0;
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (SdImportResult) result =
          sd_importer_import_page (library, g_ptr_array_index (files, i), NULL);

      if (result->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&result->error));
          return FALSE;
        }
      *out_stories += result->n_stories;
      if (i % 50 == 49)
        g_printerr ("\r%u of %u pages", i + 1, files->len);
    }
  g_printerr ("\r");
  return TRUE;
}

/* One page of the library copied into the floor's tables: read (not
 * timed), then written in a transaction of its own (timed). */
static gboolean
copy_page (sqlite3 *from, sqlite3 *to, gint64 page_id, double *seconds, GError **error)
{
  sqlite3_stmt *read = NULL, *write = NULL;
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  gint64           start;
  gboolean         ok = FALSE;

  if (sqlite3_prepare_v2 (from, "SELECT " SD_STORE_PAGE_TEXT " (text) FROM pages WHERE id = ?", -1,
                          &read, NULL))
    return sql_failed (from, error);
  sqlite3_bind_int64 (read, 1, page_id);
  if (sqlite3_step (read) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (read, 0));
  sqlite3_finalize (read);
  if (sqlite3_prepare_v2 (from,
                          "SELECT headline, subheadline, body, byline, note FROM stories "
                          "WHERE page_id = ? ORDER BY ordinal",
                          -1, &read, NULL))
    return sql_failed (from, error);
  sqlite3_bind_int64 (read, 1, page_id);
  while (sqlite3_step (read) == SQLITE_ROW)
    for (int c = 0; c < 5; c++)
      g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (read, c)));
  sqlite3_finalize (read);

  start = g_get_monotonic_time ();
  if (sqlite3_exec (to, "BEGIN", NULL, NULL, NULL)
      || sqlite3_prepare_v2 (to, "INSERT INTO pages (id, text) VALUES (?, ?)", -1, &write, NULL))
    goto out;
  sqlite3_bind_int64 (write, 1, page_id);
  sqlite3_bind_text (write, 2, text != NULL ? text : "", -1, SQLITE_STATIC);
  if (sqlite3_step (write) != SQLITE_DONE)
    goto out;
  sqlite3_finalize (write);
  if (sqlite3_prepare_v2 (to,
                          "INSERT INTO stories (page_id, headline, subheadline, body, byline, "
                          "note) VALUES (?, ?, ?, ?, ?, ?)",
                          -1, &write, NULL))
    goto out;
  for (guint i = 0; i < values->len; i += 5)
    {
      sqlite3_reset (write);
      sqlite3_bind_int64 (write, 1, page_id);
      for (int c = 0; c < 5; c++)
        sqlite3_bind_text (write, c + 2, values->pdata[i + c], -1, SQLITE_STATIC);
      if (sqlite3_step (write) != SQLITE_DONE)
        goto out;
    }
  sqlite3_finalize (write);
  if (sqlite3_prepare_v2 (to,
                          "INSERT INTO story_fts (rowid, headline, subheadline, body, byline, "
                          "note) SELECT id, headline, subheadline, body, byline, note "
                          "FROM stories WHERE page_id = ?",
                          -1, &write, NULL))
    goto out;
  sqlite3_bind_int64 (write, 1, page_id);
  ok = sqlite3_step (write) == SQLITE_DONE && sqlite3_exec (to, "COMMIT", NULL, NULL, NULL) == 0;
out:
  sqlite3_finalize (write);
  *seconds += sd_bench_elapsed_ms (start) / 1000.0;
  return ok || sql_failed (to, error);
}

/* The floor of import.folder: the library's texts into bare tables. */
static gboolean
time_floor (const char *library, const char *floor_path, SdBenchImport *out, GError **error)
{
  sqlite3      *from = NULL, *to = NULL;
  sqlite3_stmt *pages = NULL;
  gboolean      ok = FALSE;

  out->floor_seconds = 0;
  if (sqlite3_open_v2 (library, &from, SQLITE_OPEN_READONLY, NULL) || sqlite3_open (floor_path, &to)
      || !sd_store_register_fts5 (from, error) || !sd_store_register_fts5 (to, error))
    goto out;
  if (sqlite3_exec (to, floor_schema, NULL, NULL, NULL)
      || sqlite3_prepare_v2 (from, "SELECT id FROM pages ORDER BY id", -1, &pages, NULL))
    {
      sql_failed (to, error);
      goto out;
    }
  while (sqlite3_step (pages) == SQLITE_ROW)
    if (!copy_page (from, to, sqlite3_column_int64 (pages, 0), &out->floor_seconds, error))
      goto out;
  ok = TRUE;
out:
  sqlite3_finalize (pages);
  sqlite3_close (from);
  sqlite3_close (to);
  out->floor_bytes = sd_bench_library_bytes (floor_path);
  return ok;
}

/* Each file read and hashed (SHA-256), the floor of an unchanged
 * re-import; or, with @pipeline, read, segmented and placed, storing
 * nothing: the part of import.folder that is not the library's. */
static gboolean
time_files (GPtrArray *files, gboolean pipeline, double *out_seconds, GError **error)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = ((const SdImportFile *) g_ptr_array_index (files, i))->path;
      g_autoptr (SdPage) page = NULL;
      g_autofree char *data = NULL;
      gsize            length;

      if (pipeline && (page = sd_page_read_file (path, error)) == NULL)
        return FALSE;
      if (pipeline)
        sd_pipeline_free (sd_pipeline_run (page, SD_PIPELINE_DEFAULT));
      else if (!g_file_get_contents (path, &data, &length, error))
        return FALSE;
      else
        g_free (g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length));
    }
  *out_seconds = sd_bench_elapsed_ms (start) / 1000.0;
  return TRUE;
}

/* Each file read, hashed and asked of the library by its checksum, as the
 * importer asks it first: the look-up's part of an unchanged re-import. */
static gboolean
time_lookups (SdStore *store, GPtrArray *files, double *out_seconds, GError **error)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = ((const SdImportFile *) g_ptr_array_index (files, i))->path;
      g_autoptr (GBytes) bytes = sd_file_read_bounded (path, SD_PAGE_MAX_SIZE, error);
      g_autofree char *checksum = NULL;
      SdPageRecord     record = { 0 };
      gboolean         known = FALSE;

      if (bytes == NULL)
        return FALSE;
      record.checksum = checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (!sd_store_check_page (store, &record, &known, NULL, error))
        return FALSE;
      /* an unchanged re-import, or nothing: not an import of new pages */
      if (!known)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: not in the library", path);
          return FALSE;
        }
    }
  *out_seconds = sd_bench_elapsed_ms (start) / 1000.0;
  return TRUE;
}

/* The process's time on a CPU so far. */
static double
cpu_seconds (void)
{
  struct timespec now = { 0 };

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/**
 * sd_bench_time_reimport:
 * @files: (element-type SdImportFile): page files @store holds already
 *
 * Times, @n_rounds times, hashing @files (the floor), then the same with
 * each checksum asked of the library (the look-up), then importing them
 * again, each page known: taken in turns, the three see the same page
 * cache and the same load of the moment (run once, the first import read
 * the files cold and the hashing after it warm).  Fills @out with the
 * medians.
 */
gboolean
sd_bench_time_reimport (
    SdStore *store, GPtrArray *files, guint n_rounds, SdBenchImport *out, GError **error)
{
  g_autoptr (GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double *medians[] = {
    &out->hash_seconds,     &out->lookup_seconds,     &out->reimport_seconds,
    &out->hash_cpu_seconds, &out->lookup_cpu_seconds, &out->reimport_cpu_seconds,
  };

  for (guint i = 0; i < G_N_ELEMENTS (medians); i++)
    g_ptr_array_add (times, g_array_new (FALSE, FALSE, sizeof (double)));
  for (guint round = 0; round < MAX (n_rounds, 1); round++)
    for (guint step = 0; step < 3; step++)
      {
        double cpu = cpu_seconds (), seconds = 0;
        gint64 start = g_get_monotonic_time ();
        guint  n_stories = 0;

        if (!(step == 0   ? time_files (files, FALSE, &seconds, error)
              : step == 1 ? time_lookups (store, files, &seconds, error)
                          : sd_bench_import_folder (store, files, &n_stories, error)))
          return FALSE;
        seconds = sd_bench_elapsed_ms (start) / 1000.0;
        cpu = cpu_seconds () - cpu;
        g_array_append_val (g_ptr_array_index (times, step), seconds);
        g_array_append_val (g_ptr_array_index (times, step + 3), cpu);
        if (n_stories > 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         "%u stories stored again: the files were not all known", n_stories);
            return FALSE;
          }
      }
  for (guint i = 0; i < G_N_ELEMENTS (medians); i++)
    *medians[i] = median (g_ptr_array_index (times, i));
  return TRUE;
}

/* A new library, a JSON export of one story with N_TAGS tags into it. */
static gboolean
time_json_tags (const char *tmp, double *out_seconds, GError **error)
{
  g_autofree char *json = g_build_filename (tmp, "tags.json", NULL);
  g_autofree char *db = g_build_filename (tmp, "tags.db", NULL);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (SdStore) store = NULL;
  g_autoptr (SdImportResult) result = NULL;
  gint64 start;

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, "标签很多的稿件");
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, "正文。");
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < N_TAGS; i++)
    {
      g_autofree char *tag = g_strdup_printf ("标签%06u", N_TAGS - i);
      json_builder_add_string_value (builder, tag);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, json, error)
      || (store = sd_store_open (db, error)) == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  result = sd_importer_import_file (store, json);
  *out_seconds = sd_bench_elapsed_ms (start) / 1000.0;
  g_clear_object (&store);
  sd_bench_remove_library (db);
  g_unlink (json);
  if (result->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&result->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * sd_bench_time_import:
 * @store: a new library, at @library
 * @tmp: a folder for the floor's database and the JSON file
 *
 * Imports the page folder @pages into @store and fills @out with the
 * import figures and their floors.
 */
gboolean
sd_bench_time_import (SdStore       *store,
                      const char    *library,
                      const char    *pages,
                      const char    *tmp,
                      SdBenchImport *out,
                      GError       **error)
{
  const char *const paths[] = { pages, NULL };
  g_autoptr (GPtrArray) files = sd_importer_collect_pages (paths, error);
  g_autofree char *floor_path = g_build_filename (tmp, "floor.db", NULL);
  sqlite3         *db = NULL;
  gint64           start;

  if (files == NULL)
    return FALSE;
  out->n_pages = files->len;
  start = g_get_monotonic_time ();
  if (!sd_bench_import_folder (store, files, &out->n_stories, error))
    return FALSE;
  out->import_seconds = sd_bench_elapsed_ms (start) / 1000.0;
  g_print ("imported %u pages, %u stories, in %.1f s\n", out->n_pages, out->n_stories,
           out->import_seconds);

  if (!time_floor (library, floor_path, out, error))
    return FALSE;
  sd_bench_remove_library (floor_path);

  if (!sd_bench_time_reimport (store, files, 3, out, error)
      || !time_files (files, TRUE, &out->pipeline_seconds, error))
    return FALSE;
  /* as the library is left when the last connection closes */
  if (sqlite3_open (library, &db) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
  out->library_bytes = sd_bench_library_bytes (library);
  return time_json_tags (tmp, &out->json_tags_seconds, error);
}

void
sd_bench_print_import (const SdBenchImport *f)
{
  g_print ("\n%-34s %10s   %-24s %10s %7s\n", "import figure", "", "floor (same run)", "", "ratio");
  g_print ("%-34s %8.1f s   %-24s %8.1f s %6.2f×\n", "import of the page folder", f->import_seconds,
           "raw SQLite + FTS5", f->floor_seconds, f->import_seconds / MAX (f->floor_seconds, 1e-6));
  g_print ("%-34s %8.1f s   %-24s %8.1f s %6.2f×\n", "  less reading, segmenting, placing",
           f->import_seconds - f->pipeline_seconds, "raw SQLite + FTS5", f->floor_seconds,
           (f->import_seconds - f->pipeline_seconds) / MAX (f->floor_seconds, 1e-6));
  g_print ("%-34s %8.2f s   %-24s %8.2f s %6.2f×\n", "re-import of the unchanged files",
           f->reimport_seconds, "hashing the files", f->hash_seconds,
           f->reimport_seconds / MAX (f->hash_seconds, 1e-6));
  g_print ("%-34s %8.2f s   %-24s %8.2f s %6.2f×\n", "  on a CPU", f->reimport_cpu_seconds,
           "on a CPU", f->hash_cpu_seconds,
           f->reimport_cpu_seconds / MAX (f->hash_cpu_seconds, 1e-6));
  g_print ("%-34s %8.2f s   %-24s %8.2f s %6.2f×\n", "  its look-ups alone, with hashing",
           f->lookup_seconds, "hashing the files", f->hash_seconds,
           f->lookup_seconds / MAX (f->hash_seconds, 1e-6));
  g_print ("%-34s %7.0f MB   %-24s %7.0f MB %6.2f×  (floor %.2f×)\n", "library size",
           f->library_bytes / 1e6, "page text", f->text_bytes / 1e6,
           (double) f->library_bytes / MAX (f->text_bytes, 1),
           (double) f->floor_bytes / MAX (f->text_bytes, 1));
  g_print ("%-34s %8.2f s\n", "JSON import, one story, 100k tags", f->json_tags_seconds);
}

void
sd_bench_add_import_json (JsonBuilder *builder, const SdBenchImport *f)
{
  const struct
  {
    const char *name;
    double      value;
  } members[] = {
    { "pages", f->n_pages },
    { "stories", f->n_stories },
    { "import_seconds", f->import_seconds },
    { "floor_sqlite_fts5_seconds", f->floor_seconds },
    { "import_over_floor", f->import_seconds / MAX (f->floor_seconds, 1e-6) },
    { "pipeline_seconds", f->pipeline_seconds },
    { "store_over_floor",
      (f->import_seconds - f->pipeline_seconds) / MAX (f->floor_seconds, 1e-6) },
    { "reimport_unchanged_seconds", f->reimport_seconds },
    { "floor_hash_seconds", f->hash_seconds },
    { "reimport_over_hash", f->reimport_seconds / MAX (f->hash_seconds, 1e-6) },
    { "reimport_lookups_seconds", f->lookup_seconds },
    { "reimport_unchanged_cpu_seconds", f->reimport_cpu_seconds },
    { "floor_hash_cpu_seconds", f->hash_cpu_seconds },
    { "library_bytes", f->library_bytes },
    { "text_bytes", f->text_bytes },
    { "library_over_text", (double) f->library_bytes / MAX (f->text_bytes, 1) },
    { "floor_bytes", f->floor_bytes },
    { "floor_over_text", (double) f->floor_bytes / MAX (f->text_bytes, 1) },
    { "json_import_100k_tags_seconds", f->json_tags_seconds },
  };

  json_builder_set_member_name (builder, "import");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].name);
      json_builder_add_double_value (builder, members[i].value);
    }
  json_builder_end_object (builder);
}
