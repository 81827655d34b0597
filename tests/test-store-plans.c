/* test-store-plans.c — how the store's statements read a library: a
 * search's ids from a covering index only when the columns asked for are
 * in it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-store-private.h"
#include "sd-test-util.h"

/* The EXPLAIN QUERY PLAN lines of @stmt's statement, one a line. */
static char *
explain (SdStore *store, sqlite3_stmt *stmt)
{
  g_autofree char *text = g_strconcat ("EXPLAIN QUERY PLAN ", sqlite3_sql (stmt), NULL);
  GString         *plan = g_string_new (NULL);
  sqlite3_stmt    *explained = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, text, -1, &explained, NULL), ==, SQLITE_OK);
  while (sqlite3_step (explained) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (explained, 3));
  sqlite3_finalize (explained);
  return g_string_free (plan, FALSE);
}

/* "1 3 5": the first column of @stmt's rows, in their order, then reset. */
static char *
read_ids (sqlite3_stmt *stmt)
{
  GString *ids = g_string_new (NULL);
  int      rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? " " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  return g_string_free (ids, FALSE);
}

/* A ranked search's list of ids reads its matches from stories_filters
 * alone, which holds the listing's columns; asked for columns it does not
 * hold (a headline), the statement is not forced through it, which would
 * look each match up in the index and then in the table, but reads each
 * row by its id.  Both find the same stories in the same order. */
static void
test_matching_columns_covering (void)
{
  g_autofree char *folder = sd_test_make_dir ("plans");
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);
  g_autoptr (GError) error = NULL;
  SdScope          scope = { SD_SCOPE_ALL, .text = "江苏", .by_relevance = TRUE };
  sqlite3_stmt    *stmt;
  g_autofree char *covered_plan = NULL, *row_plan = NULL;
  g_autofree char *covered_ids = NULL, *row_ids = NULL;

  stmt = _sd_store_prepare_listing_columns (store, &scope, "s.id, s.place_code", TRUE, &error);
  g_assert_no_error (error);
  covered_plan = explain (store, stmt);
  covered_ids = read_ids (stmt);
  g_assert_nonnull (strstr (covered_plan, "SEARCH s USING COVERING INDEX stories_filters"));

  stmt = _sd_store_prepare_listing_columns (store, &scope, "s.id, s.headline", FALSE, &error);
  g_assert_no_error (error);
  row_plan = explain (store, stmt);
  row_ids = read_ids (stmt);
  g_assert_null (strstr (row_plan, "stories_filters"));
  g_assert_nonnull (strstr (row_plan, "SEARCH s USING INTEGER PRIMARY KEY"));

  g_assert_cmpstr (covered_ids, !=, "");
  g_assert_cmpstr (row_ids, ==, covered_ids);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  g_test_add_func ("/store-plans/matching-columns-covering", test_matching_columns_covering);
  return g_test_run ();
}
