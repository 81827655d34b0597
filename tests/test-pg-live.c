/* test-pg-live.c — a change by one editor reaches another's open library
 * within a second (issue #17, item 3), and what changed while the
 * connection was lost is told once it is back
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "sd-pg-library.h"

typedef struct
{
  GHashTable *told;      /* story ids */
  int         connected; /* -1 until told */
} Watcher;

static char *
location_as (const char *person, const char *application)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  const char *user = location != NULL ? strstr (location, "user=") : NULL;

  if (user == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  return g_strdup_printf ("%.*suser=%s&application_name=%s", (int) (user - location), location,
                          person, application);
}

static void
changed_cb (SdPgLibrary *library, gint64 story_id, gpointer user_data)
{
  Watcher *watcher = user_data;
  gint64  *id = g_new (gint64, 1);

  *id = story_id;
  g_hash_table_add (watcher->told, id);
}

static void
connection_cb (SdPgLibrary *library, gboolean connected, gpointer user_data)
{
  Watcher *watcher = user_data;

  watcher->connected = connected;
}

static gboolean
was_told (Watcher *watcher, gint64 id)
{
  return g_hash_table_contains (watcher->told, &id);
}

/* Runs the main loop until @done or @seconds pass; the time taken. */
static double
run_until (gboolean (*done) (Watcher *, gint64), Watcher *watcher, gint64 arg, double seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (watcher, arg) && g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static gboolean
is_connection (Watcher *watcher, gint64 state)
{
  return watcher->connected == state;
}

static void
superuser_sql (const char *sql)
{
  g_autofree char *location = location_as ("storydesk", "test");
  PGconn          *conn = PQconnectdb (location);
  PGresult        *result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  PQclear (result);
  PQfinish (conn);
}

static void
test_live (void)
{
  g_autofree char *owner_location = location_as ("storydesk", "owner");
  g_autofree char *watcher_location = location_as ("watcher", "watch");
  g_autofree char *editor_location = location_as ("editor", "edit");
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) owner = sd_pg_library_open (owner_location, &error);
  g_autoptr (SdPgLibrary) watching = NULL;
  g_autoptr (SdPgLibrary) editor = NULL;
  Watcher watcher = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL), -1 };
  double  seconds;

  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (owner, &error));
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr (SdStory) story = sd_story_new ();

      story->id = id;
      story->kind = SD_STORY_KIND_NEWS;
      story->headline = g_strdup ("稿件");
      story->body = g_strdup ("本报讯 全市党建工作推进会召开。");
      g_assert_true (sd_pg_library_put_story (owner, story, &error));
    }
  g_assert_true (sd_pg_library_add_person (owner, "watcher", SD_PG_ROLE_EDITOR, &error));
  g_assert_true (sd_pg_library_add_person (owner, "editor", SD_PG_ROLE_EDITOR, &error));
  g_assert_no_error (error);

  watching = sd_pg_library_open (watcher_location, &error);
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_watch (watching, changed_cb, connection_cb, &watcher, &error));
  editor = sd_pg_library_open (editor_location, &error);
  g_assert_no_error (error);

  /* another editor's tag, within a second */
  g_assert_true (sd_pg_library_add_tag (editor, 1, "党建", &error));
  seconds = run_until (was_told, &watcher, 1, 5);
  g_test_message ("a tag was told after %.3f s", seconds);
  g_assert_true (was_told (&watcher, 1));
  g_assert_cmpfloat (seconds, <, 1.0);
  g_assert_false (was_told (&watcher, 2));

  /* the connection lost; changes meanwhile told when it is back */
  g_hash_table_remove_all (watcher.told);
  superuser_sql ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                 " WHERE application_name = 'watch'");
  g_assert_true (sd_pg_library_set_note (editor, 2, "改过", &error));
  g_assert_true (sd_pg_library_add_tag (editor, 3, "新业态", &error));
  g_assert_no_error (error);
  run_until (is_connection, &watcher, FALSE, 5);
  g_assert_cmpint (watcher.connected, ==, FALSE);
  g_assert_false (sd_pg_library_is_connected (watching));
  seconds = run_until (is_connection, &watcher, TRUE, 10);
  g_test_message ("back after %.3f s", seconds);
  g_assert_cmpint (watcher.connected, ==, TRUE);
  g_assert_true (sd_pg_library_is_connected (watching));
  g_assert_true (was_told (&watcher, 2));
  g_assert_true (was_told (&watcher, 3));

  /* its own write, and a write read off the socket along with a result */
  g_hash_table_remove_all (watcher.told);
  g_assert_true (sd_pg_library_set_note (watching, 1, "自己", &error));
  g_assert_no_error (error);
  run_until (was_told, &watcher, 1, 5);
  g_assert_true (was_told (&watcher, 1));
  g_hash_table_unref (watcher.told);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/live", test_live);
  return g_test_run ();
}
