/* test-pg-heads.c — a shared library made before its headline index
 * (story_heads, which ranks a search's headline hits first) gets it: the
 * schema's step 4 makes the table, and its rows are filled by batches,
 * resumably, by `storydesk admin upgrade` or when an admin opens the
 * window (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through tests/with-postgres.py (SD_TEST_PG_URL).
 */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "sd-library.h"
#include "sd-pg-library.h"
#include "sd-pg-shared.h"

#define N_STORIES 23

static const char *
location (void)
{
  const char *url = g_getenv ("SD_TEST_PG_URL");

  if (url == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  return url;
}

/* @sql's first value, by hand through libpq, as an old Storydesk or a
 * person with psql would. */
static char *
sql (const char *statement)
{
  PGconn   *conn = PQconnectdb (location ());
  PGresult *result = PQexec (conn, statement);
  char     *value = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", statement, PQresultErrorMessage (result));
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* Every headline's tokens, as the library holds them. */
static char *
heads (void)
{
  return sql ("SELECT string_agg (story_id || ' ' || tokens::text, E'\\n' ORDER BY story_id)"
              " FROM storydesk.story_heads");
}

/* A library of N_STORIES stories (one with no headline), its headline
 * index then taken back to what a library made before it had: no table,
 * and the schema at step 3. */
static SdPgLibrary *
make_old_library (char **out_heads)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) admin = sd_pg_library_open (location (), &error);

  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (admin, &error));
  g_assert_no_error (error);
  for (gint64 id = 1; id <= N_STORIES; id++)
    {
      g_autoptr (SdStory) story = sd_story_new ();

      story->id = id;
      story->kind = SD_STORY_KIND_NEWS;
      story->headline = id == 7 ? NULL : g_strdup_printf ("苏州第%" G_GINT64_FORMAT "个村", id);
      story->body = g_strdup ("本报讯 全市党建工作推进会召开。");
      g_assert_true (sd_pg_library_put_story (admin, story, &error));
      g_assert_no_error (error);
    }
  *out_heads = heads ();
  g_free (sql ("DROP TABLE storydesk.story_heads;"
               "DELETE FROM storydesk.schema_steps WHERE step = 4"));
  return g_steal_pointer (&admin);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The window's way: connected in a worker, the main loop running. */
static SdPgShared *
open_shared (GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sd_pg_shared_open_async (location (), NULL, FALSE, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sd_pg_shared_open_finish (result, error);
}

static gint64
missing (SdPgLibrary *library)
{
  g_autoptr (GError) error = NULL;
  gint64 count = sd_pg_library_count_missing_heads (library, &error);

  g_assert_no_error (error);
  return count;
}

/* The schema brought up to date, then the rows filled a batch at a time:
 * stopped after one, it goes on from there; the same tokens as a story
 * stored now gets. */
static void
test_upgrade (void)
{
  g_autofree char *made = NULL;
  g_autoptr (SdPgLibrary) library = make_old_library (&made);
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  guint            n_filled = 0;

  /* a library lacking a step is refused, saying what to do */
  g_assert_null (open_shared (&error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "storydesk admin upgrade"));
  g_clear_error (&error);
  g_assert_cmpint (sd_pg_library_count_missing_heads (library, &error), ==, -1);
  g_clear_error (&error);

  g_assert_true (sd_pg_library_create (library, &error));
  g_assert_no_error (error);
  g_assert_cmpint (missing (library), ==, N_STORIES - 1); /* story 7 has no headline */
  g_assert_true (sd_pg_library_fill_heads (library, 5, 1, NULL, &n_filled, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_filled, ==, 5);
  g_assert_cmpint (missing (library), ==, N_STORIES - 1 - 5);
  g_assert_true (sd_pg_library_fill_heads (library, 5, 0, NULL, &n_filled, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_filled, ==, N_STORIES - 1 - 5);
  g_assert_cmpint (missing (library), ==, 0);
  after = heads ();
  g_assert_cmpstr (after, ==, made);
  /* nothing left: nothing done */
  g_assert_true (sd_pg_library_fill_heads (library, 5, 0, NULL, &n_filled, &error));
  g_assert_cmpuint (n_filled, ==, 0);
}

static void
library_changed_cb (SdLibrary *library, gboolean *changed)
{
  *changed = TRUE;
}

/* An admin's window opening fills them in a worker, and says the library
 * changed (the list ranks again). */
static void
test_filled_on_open (void)
{
  g_autofree char *made = NULL;
  g_autoptr (SdPgLibrary) library = make_old_library (&made);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgShared) shared = NULL;
  g_autofree char *after = NULL;
  gboolean         changed = FALSE;
  gint64           end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* stopped half-way by an earlier opening */
  g_assert_true (sd_pg_library_create (library, &error));
  g_assert_true (sd_pg_library_fill_heads (library, 100, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (sql ("DELETE FROM storydesk.story_heads WHERE story_id > 10"));
  g_assert_cmpint (missing (library), ==, N_STORIES - 10);

  shared = open_shared (&error);
  g_assert_no_error (error);
  g_signal_connect (shared, "library-changed", G_CALLBACK (library_changed_cb), &changed);
  while (!changed && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_true (changed);
  g_assert_cmpint (missing (library), ==, 0);
  after = heads ();
  g_assert_cmpstr (after, ==, made);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/heads/upgrade", test_upgrade);
  g_test_add_func ("/pg/heads/filled-on-open", test_filled_on_open);
  return g_test_run ();
}
