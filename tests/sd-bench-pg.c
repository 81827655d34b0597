/* sd-bench-pg.c — the benchmark's stories in a shared PostgreSQL library:
 * copied in, searched and counted, next to the SQLite figures of the same
 * run (issue #17's bar)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pg.copy         the library copied into the server as storydesk copy
 *                   does (every field, 200 stories a transaction, read
 *                   through the store's cursor), stories/s
 *   pg.search       sd_pg_library_search_ids (): every matching id
 *   pg.ranked       the window's list of a search, best first: every
 *                   matching id, those whose headline holds the terms
 *                   first, then in the library's order
 *   pg.tree-counts  the stories of each place, as the tree shows them; next
 *                   to sqlite.tree-counts
 *   pg.import       the same page folder the SQLite library was imported
 *                   from, written again (the corpus is the same for the
 *                   same seeds and --stories), imported as `storydesk
 *                   import --db postgresql://…` does: pages/s and
 *                   stories/s, next to sqlite.import's.  Timed last, into
 *                   the library the copy filled (the import makes pages
 *                   of its own: a copied page has no checksum), so that
 *                   the searches above see each story once
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sd-bench.h"
#include "sd-importer.h"
#include "sd-pg-library.h"
#include "sd-pg-shared.h"
#include "sd-query.h"

gboolean
sd_bench_choose_engine (const char *engine, char **postgresql, GError **error)
{
  if (engine == NULL || g_strcmp0 (engine, "sqlite") == 0)
    return TRUE;
  if (g_strcmp0 (engine, "postgresql") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--engine %s: the engines are sqlite and postgresql", engine);
      return FALSE;
    }
  /* as tests/with-postgres.py sets it for the pg suite */
  if (*postgresql == NULL)
    *postgresql = g_strdup (g_getenv ("SD_TEST_PG_URL"));
  if (*postgresql == NULL || **postgresql == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--engine postgresql needs a server: give --postgresql URL (an "
                           "empty database) or set SD_TEST_PG_URL");
      return FALSE;
    }
  return TRUE;
}

/* pg.import next to sqlite.import (none when the SQLite library was
 * reused, not imported). */
static gboolean
time_import (const char *location, const SdBenchPgRun *run, GPtrArray *table, GError **error)
{
  g_autofree char  *dir = g_build_filename (run->tmp, "pg-pages", NULL);
  const char *const paths[] = { dir, NULL };
  SdBenchCorpus    *corpus =
      sd_bench_corpus_new (run->seeds != NULL ? run->seeds : SD_SEEDS_DIR, error);
  g_autoptr (SdPgShared) shared = NULL;
  g_autoptr (GPtrArray) files = NULL;
  gint64   bytes = 0, start;
  guint    n_pages = 0, n_stories = 0;
  gboolean ok;
  double   seconds;

  if (corpus == NULL)
    return FALSE;
  g_mkdir (dir, 0700);
  ok = sd_bench_corpus_write_pages (corpus, dir, run->n_stories, &bytes, &n_pages, error);
  sd_bench_corpus_free (corpus);
  if (ok)
    ok = (files = sd_importer_collect_pages (paths, error)) != NULL
         && (shared = sd_pg_shared_open_importer (location, error)) != NULL;
  start = g_get_monotonic_time ();
  if (ok)
    ok = sd_bench_import_folder (shared, files, &n_stories, error);
  seconds = sd_bench_elapsed_ms (start) / 1000;
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%06u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  if (!ok)
    return FALSE;
  g_print ("imported %u pages, %u stories into %s in %.1f s\n", n_pages, n_stories, location,
           seconds);
  sd_bench_record (table, "pg.import", "pages", "/s", n_pages / MAX (seconds, 1e-6));
  sd_bench_record (table, "pg.import", "stories", "/s", n_stories / MAX (seconds, 1e-6));
  if (run->sqlite != NULL && run->sqlite->import_seconds > 0)
    {
      sd_bench_record (table, "sqlite.import", "pages", "/s",
                       run->sqlite->n_pages / run->sqlite->import_seconds);
      sd_bench_record (table, "sqlite.import", "stories", "/s",
                       run->sqlite->n_stories / run->sqlite->import_seconds);
    }
  return TRUE;
}

static gboolean
time_ranked (SdPgLibrary *library, const SdBenchSearch *search, GPtrArray *table, GError **error)
{
  SdScope scope = { SD_SCOPE_ALL, .text = search->query, .by_relevance = TRUE };
  g_autoptr (GArray) ids = NULL;
  gint64 start = g_get_monotonic_time ();

  ids = sd_pg_library_list_ids (library, &scope, SD_STORY_ORDER_NONE, FALSE, error);
  if (ids == NULL)
    return FALSE;
  sd_bench_record (table, "pg.ranked", search->klass, "ms", sd_bench_elapsed_ms (start));
  return TRUE;
}

gboolean
sd_bench_time_postgresql (SdStore             *store,
                          const char          *location,
                          const SdBenchSearch *searches,
                          guint                n_searches,
                          const SdBenchPgRun  *run,
                          GPtrArray           *table,
                          GError             **error)
{
  g_autoptr (SdPgLibrary) library = sd_pg_library_open (location, error);
  g_autoptr (GHashTable) here = NULL;
  guint  n_copied = 0, n_skipped = 0;
  gint64 start;

  if (library == NULL || !sd_pg_library_create (library, error))
    return FALSE;
  start = g_get_monotonic_time ();
  if (!sd_pg_library_copy_library (library, store, &n_copied, &n_skipped, error))
    return FALSE;
  sd_bench_record (table, "pg.copy", "import", "stories/s",
                   n_copied / (sd_bench_elapsed_ms (start) / 1000));
  g_print ("copied %u stories into %s (%u there already)\n", n_copied, location, n_skipped);

  for (int i_run = 0; i_run < run->n_runs; i_run++)
    for (guint i = 0; i < n_searches; i++)
      {
        g_autoptr (SdQuery) query = sd_query_parse (searches[i].query, error);
        g_autoptr (GArray) ids = NULL;

        if (query == NULL)
          return FALSE;
        start = g_get_monotonic_time ();
        ids = sd_pg_library_search_ids (library, query, error);
        if (ids == NULL)
          return FALSE;
        sd_bench_record (table, "pg.search", searches[i].klass, "ms", sd_bench_elapsed_ms (start));
        if (!time_ranked (library, &searches[i], table, error))
          return FALSE;
      }

  for (int i_run = 0; i_run < run->n_runs; i_run++)
    {
      g_autoptr (GHashTable) counts = NULL;

      start = g_get_monotonic_time ();
      counts = sd_pg_library_count_by_place (library, error);
      if (counts == NULL)
        return FALSE;
      sd_bench_record (table, "pg.tree-counts", NULL, "ms", sd_bench_elapsed_ms (start));
      start = g_get_monotonic_time ();
      here = sd_store_count_by_place (store, error);
      if (here == NULL)
        return FALSE;
      sd_bench_record (table, "sqlite.tree-counts", NULL, "ms", sd_bench_elapsed_ms (start));
      g_clear_pointer (&here, g_hash_table_unref);
    }
  return time_import (location, run, table, error);
}
