/* sd-store-dates.c — the days the library holds pages of, with their
 * stories: what the place tree's 日期 node lists; the reading of such
 * counts, which the counts by place share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include "sd-store-private.h"

GHashTable *
_sd_store_read_counts (SdStore *self, const char *sql, const char *what, GError **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = _sd_store_get_statement (self, sql, error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *count = g_new (gint64, 1);

      *count = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (counts, _sd_store_dup_column_text (stmt, 0), count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * sd_store_count_by_date:
 *
 * Counts the stories not in the trash by their page's date; pages without
 * a date are left out.
 *
 * Returns: (transfer full) (element-type utf8 gint64*): yyyy-mm-dd → count
 */
GHashTable *
sd_store_count_by_date (SdStore *self, GError **error)
{
  /* counted a page at a time from the listing's index, in its order, then
   * the pages' counts summed by date: no sort of every story (#16) */
  return _sd_store_read_counts (
      self,
      "SELECT p.issue_date, sum (c.n) FROM (SELECT page_id, count (*) AS n "
      "FROM stories INDEXED BY stories_listing WHERE trashed IS NULL GROUP BY page_id) c "
      "JOIN pages p ON p.id = c.page_id "
      "WHERE NOT p.partial AND p.issue_date IS NOT NULL GROUP BY 1",
      "count by date", error);
}
