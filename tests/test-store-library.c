/* test-store-library.c — issue #14, item 11: the library copied aside
 * before its schema changes, the last three such copies kept; and item 9's
 * opening rules at the level of the store.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-store-fts5.h"
#include "sd-store-library.h"
#include "sd-store-private.h"
#include "sd-test-schema.h"
#include "sd-test-util.h"

/* A library at @schema, as the Storydesk of that schema left it, with one
 * tag in it, and space left free inside the file (a table dropped), which
 * only a VACUUM gives back. */
static void
make_older_library (const char *path, guint schema)
{
  sqlite3         *db = NULL;
  g_autofree char *version = g_strdup_printf (
      "PRAGMA application_id = %d; PRAGMA user_version = %u", SD_STORE_APPLICATION_ID, schema);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, NULL));
  for (guint i = 0; i < schema; i++)
    g_assert_cmpint (sqlite3_exec (db, _sd_store_migrations[i].sql, NULL, NULL, NULL), ==,
                     SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO tags (name) VALUES ('旧标签');"
                                 "CREATE TABLE scratch AS WITH RECURSIVE n (i) AS (SELECT 1 "
                                 "UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                                 "SELECT zeroblob (1000) AS b FROM n;"
                                 "DROP TABLE scratch",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The schema just before the last step that rewrites what a library
 * holds: a library there still owes its copy before the upgrade. */
static guint
schema_before_last_rewrite (void)
{
  guint schema = 0;

  for (guint i = 1; i < _sd_store_n_migrations; i++)
    if (_sd_store_migrations[i].work == SD_STORE_UPGRADE_REWRITES)
      schema = i;
  g_assert_cmpuint (schema, >, 0);
  return schema;
}

static gint64
query_int (const char *path, const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
list_sorted (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray  *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
test_item11_backup_before_migration (void)
{
  g_autofree char *folder = sd_test_make_dir ("libraries");
  g_autofree char *path = g_build_filename (folder, "desk.db", NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (SdStore) store = NULL;
  g_autofree char *copy = NULL;
  guint            schema = schema_before_last_rewrite ();
  g_autofree char *expected_suffix = g_strdup_printf (".schema-%u.db", schema);

  g_assert_cmpint (sd_store_weigh_upgrade (schema), ==, SD_STORE_UPGRADE_REWRITES);
  make_older_library (path, schema);
  g_assert_cmpint (query_int (path, "PRAGMA freelist_count"), >, 0);
  /* copies from earlier migrations, and another library's */
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("desk.2001010%uT000000Z.schema-%u.db", i, i);
      g_autofree char *old = g_build_filename (backups, name, NULL);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  {
    g_autofree char *theirs =
        g_build_filename (backups, "other.20010101T000000Z.schema-1.db", NULL);
    g_assert_true (g_file_set_contents (theirs, "other", -1, NULL));
  }

  store = sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, _sd_store_n_migrations);
  /* repacked after the rewrite: no space left free */
  g_assert_cmpint (query_int (path, "PRAGMA freelist_count"), ==, 0);

  /* the three newest of desk's, the new one last; other's left alone */
  names = list_sorted (backups);
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "desk.20010103T000000Z.schema-3.db");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "desk.20010104T000000Z.schema-4.db");
  g_assert_true (g_str_has_suffix (g_ptr_array_index (names, 2), expected_suffix));
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "other.20010101T000000Z.schema-1.db");

  /* the copy is the library as it was: its schema, its tag */
  copy = g_build_filename (backups, g_ptr_array_index (names, 2), NULL);
  g_assert_cmpint (query_int (copy, "PRAGMA user_version"), ==, schema);
  g_assert_cmpint (query_int (copy, "SELECT count (*) FROM tags WHERE name = '旧标签'"), ==, 1);
  g_assert_cmpint (query_int (copy, "PRAGMA application_id"), ==, SD_STORE_APPLICATION_ID);
}

/* A library at the current schema is not copied when opened. */
static void
test_item11_no_backup_without_migration (void)
{
  g_autofree char *folder = sd_test_make_dir ("current");
  g_autofree char *path = g_build_filename (folder, "desk.db", NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autoptr (SdStore) made = sd_store_open (path, NULL);
  g_autoptr (SdStore) again = NULL;

  g_assert_nonnull (made);
  again = sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (again);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_item9_open_rules (void)
{
  g_autofree char *missing = sd_test_build_filename ("missing.db");
  g_autofree char *empty = sd_test_build_filename ("empty.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) store = NULL;

  g_assert_null (sd_store_open_full (missing, SD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_LIBRARY);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* an empty file is not a library unless one is to be made */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (sd_store_open_full (empty, SD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY);
  g_clear_error (&error);
  store = sd_store_open_full (empty, SD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (empty, "PRAGMA application_id"), ==, SD_STORE_APPLICATION_ID);
}

static void
exec_on (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* the store's worker may still be ending its read or checkpoint: wait,
   * as the store's own writers do (SQLITE_BUSY under load otherwise) */
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
maintained_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* sd_store_maintain_async () as the window runs it, to its end */
static gboolean
maintain_in_worker (SdStore *store, char **report, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sd_store_maintain_async (store, 0, NULL, maintained_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sd_store_maintain_finish (store, result, report, error);
}

/* The weekly check and backup in the window's worker: nothing due for a
 * new library; both once the remembered times are a week old; damage only
 * integrity_check sees refuses the window's writes, and is not backed up. */
static void
test_item11_weekly_in_a_worker (void)
{
  g_autofree char *folder = sd_test_make_dir ("weekly");
  g_autofree char *path = g_build_filename (folder, "weekly.db", NULL);
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *copy = NULL;

  g_assert_nonnull (store);
  g_assert_true (sd_store_save_search (store, "本周", "tag:周", &error));
  g_assert_true (maintain_in_worker (store, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  exec_on (path, "UPDATE maintenance SET done = done - 8 * 86400");
  g_assert_true (maintain_in_worker (store, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "weekly.db: weekly check: no damage found"));
  g_assert_nonnull (strstr (report, "weekly.db: weekly backup made: "));
  names = list_sorted (backups);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (names, 0), ".weekly.db"));
  copy = g_build_filename (backups, g_ptr_array_index (names, 0), NULL);
  g_assert_cmpint (query_int (copy, "SELECT count (*) FROM saved_searches"), ==, 1);
  g_clear_pointer (&report, g_free);

  /* an index that no longer matches its table: quick_check passes it */
  exec_on (path, "CREATE INDEX saved_by_editor ON saved_searches (editor)");
  exec_on (path, "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                 "'CREATE INDEX saved_by_editor ON saved_searches (query)' "
                 "WHERE name = 'saved_by_editor'");
  exec_on (path, "UPDATE maintenance SET done = done - 8 * 86400");
  g_assert_false (maintain_in_worker (store, &report, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (sd_store_save_search (store, "下周", "tag:周", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_sorted (backups);
  g_assert_cmpuint (names->len, ==, 1);
}

/* Noise over the last @n_pages pages of the closed library at @path, where
 * the rows written last are, as a failing disk might leave them. */
static void
damage_tail (const char *path, guint n_pages)
{
  g_autofree char *bytes = NULL;
  gsize            size = 0;

  exec_on (path, "PRAGMA wal_checkpoint (TRUNCATE)");
  g_assert_true (g_file_get_contents (path, &bytes, &size, NULL));
  g_assert_cmpuint (size, >, (n_pages + 8) * 4096);
  for (gsize i = size - n_pages * 4096; i < size; i++)
    bytes[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, bytes, size, NULL));
}

/* The window opens a library before its quick_check (#16): the check runs
 * later, in the maintenance's worker; writes wait for it and are refused
 * when it finds damage, and nothing is written to the damaged file. */
static void
test_check_later (void)
{
  g_autofree char *path = sd_test_build_filename ("later.db");
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize            size = 0;

  g_assert_nonnull (store);
  g_clear_object (&store);
  exec_on (path, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
                 "INSERT INTO saved_searches (name, query, created) "
                 "SELECT '检索' || i, 'tag:周 ' || i, '2026-12-07' FROM n");

  /* sound: opened, written once the worker's check has passed */
  store = sd_store_open_full (path, SD_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_true (maintain_in_worker (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_save_search (store, "本周", "tag:周", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* damaged: the open that checks refuses it; the open that checks later
   * opens it, and the check finds the damage */
  damage_tail (path, 2);
  g_assert_null (sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &before, &size, NULL));
  store = sd_store_open_full (path, SD_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (maintain_in_worker (store, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (sd_store_save_search (store, "下周", "tag:周", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_clear_object (&store);

  /* a write before the worker's check runs the check itself */
  store = sd_store_open_full (path, SD_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_false (sd_store_save_search (store, "下周", "tag:周", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (memcmp (before, after, size) == 0);
}

/* #16: a library at the first schema after the last step that rewrites
 * (sd_store_weigh_upgrade () below REWRITES: settings, an index) opens
 * with no copy made and not repacked: every story, note, tag and
 * highlight as it was, and its searches answered the same.  The library
 * is made at that schema and filled with the seeds' rows. */
static void
test_settings_upgrade_no_backup (void)
{
  g_autofree char *folder = sd_test_make_dir ("settings-upgrade");
  g_autofree char *seeds = sd_test_make_dir ("seeds");
  g_autofree char *path = g_build_filename (folder, "library.db", NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autoptr (SdStore) store = sd_test_open_seeds_in (seeds);
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdTestStored) stored = NULL;
  g_autofree char *before = NULL, *seeded = NULL, *found = NULL, *found_after = NULL;
  g_autofree char *changed = NULL;
  guint            schema = sd_test_schema_after_last_rewrite ();
  gint64           id, n_free;

  g_assert_cmpuint (schema, <, _sd_store_n_migrations);
  g_assert_cmpint (sd_store_weigh_upgrade (schema), >, SD_STORE_UPGRADE_NONE);
  g_assert_cmpint (sd_store_weigh_upgrade (schema), <, SD_STORE_UPGRADE_REWRITES);
  g_assert_cmpint (sd_store_weigh_upgrade (schema - 1), ==, SD_STORE_UPGRADE_REWRITES);
  g_assert_cmpint (sd_store_weigh_upgrade (_sd_store_n_migrations), ==, SD_STORE_UPGRADE_NONE);
  stories = sd_store_list_stories (store, &(SdScope){ SD_SCOPE_ALL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, >, 10);
  id = ((SdStory *) g_ptr_array_index (stories, 3))->id;
  g_assert_true (sd_store_set_note (store, id, "升级前写的批注", &error));
  g_assert_true (sd_store_add_tag (store, id, "待升级", &error));
  g_assert_true (sd_store_add_highlight (store, id, 0, 4, "看这里", NULL, &error));
  g_assert_no_error (error);
  found = sd_test_search_ids (store, NULL, "江苏");
  g_assert_cmpstr (found, !=, "");
  seeded = g_strdup (sd_store_get_path (store));
  g_clear_object (&store);

  sd_test_make_library_at (path, schema, seeded);
  exec_on (path, "CREATE TABLE scratch AS SELECT body FROM stories; DROP TABLE scratch");
  before = sd_test_dump_library (path);
  g_assert_nonnull (strstr (before, "升级前写的批注"));
  g_assert_nonnull (strstr (before, "待升级"));
  g_assert_nonnull (strstr (before, "看这里"));
  stored = sd_test_read_stored (path);
  n_free = query_int (path, "PRAGMA freelist_count");
  g_assert_cmpint (n_free, >, 0);

  store = sd_store_open_full (path, SD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, _sd_store_n_migrations);
  g_assert_cmpint (query_int (path, "SELECT v FROM story_fts_config WHERE k = 'automerge'"), ==,
                   16);
  /* no copy, no repack (the free space there still, less the pages of a
   * new table or index), nothing stored changed */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_cmpint (query_int (path, "PRAGMA freelist_count"), >, n_free / 2);
  changed = sd_test_describe_changed (stored, path);
  g_assert_cmpstr (changed, ==, NULL);
  found_after = sd_test_search_ids (store, NULL, "江苏");
  g_assert_cmpstr (found_after, ==, found);
  g_clear_object (&store);
  sd_test_assert_index_whole (path);
}

/* #16: both search indexes merge 16 segments a level, in a new library
 * and in one upgraded from the schema before, whose index kept FTS5's
 * default until then. */
static void
test_index_merge_settings (void)
{
  g_autofree char *folder = sd_test_make_dir ("merge-settings");
  g_autofree char *older = g_build_filename (folder, "older.db", NULL);
  g_autofree char *fresh = g_build_filename (folder, "fresh.db", NULL);
  g_autoptr (SdStore) upgraded = NULL;
  g_autoptr (SdStore) made = NULL;
  const char *const paths[] = { older, fresh };

  make_older_library (older, _sd_store_n_migrations - 1);
  g_assert_cmpint (
      query_int (older, "SELECT count (*) FROM story_fts_config WHERE k = 'automerge'"), ==, 0);
  upgraded = sd_store_open_full (older, SD_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (upgraded);
  made = sd_store_open (fresh, NULL);
  g_assert_nonnull (made);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_cmpint (query_int (paths[i], "SELECT v FROM story_fts_config WHERE k = 'automerge'"),
                       ==, 16);
      g_assert_cmpint (
          query_int (paths[i], "SELECT v FROM story_fts_config WHERE k = 'crisismerge'"), ==, 32);
      g_assert_cmpint (
          query_int (paths[i], "SELECT v FROM story_fts_headline_config WHERE k = 'automerge'"), ==,
          16);
    }
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  g_test_add_func ("/store-library/item11/backup-before-migration",
                   test_item11_backup_before_migration);
  g_test_add_func ("/store-library/item11/no-backup-without-migration",
                   test_item11_no_backup_without_migration);
  g_test_add_func ("/store-library/item11/weekly-in-a-worker", test_item11_weekly_in_a_worker);
  g_test_add_func ("/store-library/item9/open-rules", test_item9_open_rules);
  g_test_add_func ("/store-library/check-later", test_check_later);
  g_test_add_func ("/store-library/index-merge-settings", test_index_merge_settings);
  g_test_add_func ("/store-library/settings-upgrade-no-backup", test_settings_upgrade_no_backup);
  return g_test_run ();
}
