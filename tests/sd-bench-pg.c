/* sd-bench-pg.c — the benchmark's stories in a shared PostgreSQL library:
 * copied in, searched and counted, next to the SQLite figures of the same
 * run (issue #17's bar)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   pg.copy         the library copied into the server as storydesk copy
 *                   does (every field, 200 stories a transaction, read
 *                   through the store's cursor), stories/s; next to
 *                   sqlite.import, the whole import's stories/s
 *   pg.search       sd_pg_library_search_ids (): every matching id
 *   pg.ranked       the window's list of a search, best first: every
 *                   matching id, those whose headline holds the terms
 *                   first, then in the library's order
 *   pg.tree-counts  the stories of each place, as the tree shows them; next
 *                   to sqlite.tree-counts
 */
#include "config.h"

#include "sd-bench.h"
#include "sd-pg-library.h"
#include "sd-query.h"

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
                          int                  n_runs,
                          double               sqlite_stories_per_s,
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
  if (sqlite_stories_per_s > 0)
    sd_bench_record (table, "sqlite.import", "import", "stories/s", sqlite_stories_per_s);
  g_print ("copied %u stories into %s (%u there already)\n", n_copied, location, n_skipped);

  for (int run = 0; run < n_runs; run++)
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

  for (int run = 0; run < n_runs; run++)
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
  return TRUE;
}
