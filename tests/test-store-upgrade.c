/* test-store-upgrade.c — a library whose schema this version changes
 * (#16): what it needs, asked without writing; the migration stopped by a
 * cancellable, and the process upgrading it killed at several moments:
 * each time the library opens at schema 13 or 14, whole, and answers
 * searches as one upgraded without a stop.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "sd-old-library.h"
#include "sd-store-private.h"
#include "sd-test-util.h"

/* Enough stories that the search index's rebuild takes a while (about a
 * second and a half here), so that a stop or a kill lands inside it. */
#define N_STORIES 60000

static const char *self_path; /* this program, run again as the child */

/* The library's schema, as sd_store_peek_upgrade () reads it. */
static guint
schema (const char *path)
{
  g_autoptr (GError) error = NULL;
  guint  from = 0, to = 0;
  gint64 n = 0;

  g_assert_true (sd_store_peek_upgrade (path, &from, &to, &n, &error));
  g_assert_no_error (error);
  return from;
}

static void
assert_whole (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gint64) buf.st_size : -1;
}

static char *
copy_library (const char *from, const char *name)
{
  g_autofree char *to = sd_test_build_filename (name);
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) dest = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&to);
}

/* What a search answers on @path, opened (and upgraded) normally. */
static char *
answers (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) store = sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GString) all = g_string_new (NULL);
  static const char *const queries[] = { "党建", "\"乡村振兴 新举措\"", "吴江区 -会议",
                                         "第59999号" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *ids = sd_test_search_ids (store, NULL, queries[i]);

      g_string_append_printf (all, "%s: %zu bytes, %.60s\n", queries[i], strlen (ids), ids);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_peek (void)
{
  g_autofree char *path = sd_test_build_filename ("old.db");
  g_autofree char *text = sd_test_build_filename ("notes.txt");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) store = NULL;
  guint  from = 0, to = 0;
  gint64 n = -1;

  sd_test_make_schema_13_library (path, 450);
  before = sd_test_dump_library (path);
  g_assert_true (sd_store_peek_upgrade (path, &from, &to, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (from, ==, 13);
  g_assert_cmpuint (to, ==, _sd_store_n_migrations);
  g_assert_cmpuint (to, >, from);
  g_assert_cmpint (n, ==, 450);
  /* nothing written: the schema and every row as they were */
  after = sd_test_dump_library (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (schema (path), ==, 13);

  store = sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_peek_upgrade (path, &from, &to, &n, &error));
  g_assert_cmpuint (from, ==, to);
  g_assert_cmpint (n, ==, 450);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (text, "不是数据库，只是一段文字。\n", -1, NULL));
  g_assert_false (sd_store_peek_upgrade (text, &from, &to, &n, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);
  g_free (text);
  text = sd_test_build_filename ("nothing.db");
  g_assert_false (sd_store_peek_upgrade (text, &from, &to, &n, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_LIBRARY);
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GMainLoop *loop;
  SdStore   *store;
  GError    *error;
} Opened;

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Opened *opened = user_data;

  opened->store = sd_store_open_finish (result, &opened->error);
  g_main_loop_quit (opened->loop);
}

/* The migration under way: its transaction has written past the cache
 * into the WAL (the old index dropped, the new one being built). */
static gboolean
migrating (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_size (wal) > (1 << 20);
}

static gboolean
cancel_when_migrating_cb (gpointer user_data)
{
  GCancellable *cancellable = user_data;
  const char   *path = g_object_get_data (G_OBJECT (cancellable), "path");

  if (!migrating (path))
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

/* Stopped through its cancellable (the window closed), the migration is
 * rolled back: schema 13, whole, and the next open upgrades it. */
static void
stop_upgrade (const char *old, const char *expected)
{
  g_autofree char *path = copy_library (old, "stopped.db");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *got = NULL;
  Opened           opened = { loop, NULL, NULL };

  g_object_set_data_full (G_OBJECT (cancellable), "path", g_strdup (path), g_free);
  g_timeout_add (5, cancel_when_migrating_cb, cancellable);
  sd_store_open_async (path, SD_STORE_OPEN_CHECK_LATER, cancellable, opened_cb, &opened);
  g_main_loop_run (loop);
  g_assert_null (opened.store);
  g_assert_error (opened.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&opened.error);
  g_assert_cmpint (schema (path), ==, 13);
  assert_whole (path);
  got = answers (path);
  g_assert_cmpstr (got, ==, expected);
}

/* The child: opens the library, which upgrades it, until killed. */
static int
run_child (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) store = sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, &error);

  return store != NULL ? 0 : 1;
}

/* The migration committed: the VACUUM after it under way. */
static gboolean
committed (const char *path)
{
  return schema (path) == (gint64) _sd_store_n_migrations;
}

/* Kills a process upgrading a copy of @old once @moment says so, and
 * @delay_ms after; returns the schema the library is left at, -1 when
 * the process had finished. */
static gint64
kill_upgrade (const char *old,
              gboolean (*moment) (const char *path),
              guint       delay_ms,
              const char *expected)
{
  static guint     n_killed;
  g_autofree char *name = g_strdup_printf ("killed-%u.db", n_killed++);
  g_autofree char *path = copy_library (old, name);
  g_autofree char *got = NULL;
  const char      *argv[] = { self_path, "--upgrade-child", path, NULL };
  g_autoptr (GError) error = NULL;
  GPid   pid;
  gint64 version, waited = 0;
  int    status = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);
  while (!moment (path) && waited++ < 30000)
    g_usleep (1000);
  g_usleep (delay_ms * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* never damaged: at the old schema or the new, as a whole */
  version = schema (path);
  g_test_message ("killed %u ms after %s: schema %" G_GINT64_FORMAT "%s", delay_ms,
                  moment == migrating ? "the migration began writing" : "its commit", version,
                  WIFSIGNALED (status) ? "" : " (it had finished)");
  g_assert_true (version == 13 || version == (gint64) _sd_store_n_migrations);
  assert_whole (path);
  got = answers (path);
  g_assert_cmpstr (got, ==, expected);
  assert_whole (path);
  g_assert_cmpint (schema (path), ==, _sd_store_n_migrations);
  return WIFSIGNALED (status) ? version : -1;
}

static void
test_interrupted (void)
{
  g_autofree char *old = sd_test_build_filename ("old.db");
  g_autofree char *clean = NULL, *expected = NULL;

  sd_test_make_schema_13_library (old, N_STORIES);
  clean = copy_library (old, "clean.db");
  expected = answers (clean);
  g_test_message ("%s", expected);

  stop_upgrade (old, expected);
  /* killed as soon as it writes, the migration is not committed */
  g_assert_cmpint (kill_upgrade (old, migrating, 0, expected), ==, 13);
  /* later in the rebuild, or at its commit */
  kill_upgrade (old, migrating, 800, expected);
  /* in the VACUUM after the commit */
  g_assert_cmpint (kill_upgrade (old, committed, 0, expected), ==, _sd_store_n_migrations);
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--upgrade-child"))
    return run_child (argv[2]);
  self_path = g_canonicalize_filename (argv[0], NULL);
  sd_test_init (&argc, &argv);

  g_test_add_func ("/store-upgrade/peek", test_peek);
  g_test_add_func ("/store-upgrade/interrupted", test_interrupted);
  return g_test_run ();
}
