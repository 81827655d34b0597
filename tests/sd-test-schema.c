/* sd-test-schema.c — libraries at older schemas and what they store
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-test-schema.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-store-fts5.h"
#include "sd-store-private.h"
#include "sd-test-util.h"

/* FTS5's structure record, in each index's _data table: its first bytes
 * are the cookie a change of the index's settings bumps, so that other
 * connections read them again. */
#define FTS5_STRUCTURE_ROWID 10

guint
sd_test_schema_after_last_rewrite (void)
{
  guint schema = 0;

  for (guint i = 0; i < _sd_store_n_migrations; i++)
    if (_sd_store_migrations[i].work == SD_STORE_UPGRADE_REWRITES)
      schema = i + 1;
  g_assert_cmpuint (schema, >, 0);
  return schema;
}

static void
exec (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
}

/* The columns of @table in the database @db_name, in order; @out_defaults
 * (optional): each one's default as SQL ("NULL" without one). */
static GPtrArray *
list_columns (sqlite3 *db, const char *db_name, const char *table, GPtrArray **out_defaults)
{
  GPtrArray    *names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray    *defaults = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (
                       db, "SELECT name, dflt_value FROM pragma_table_info (?1, ?2) ORDER BY cid",
                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, db_name, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (defaults, g_strdup (value != NULL ? value : "NULL"));
    }
  sqlite3_finalize (stmt);
  if (out_defaults != NULL)
    *out_defaults = defaults;
  else
    g_ptr_array_unref (defaults);
  return names;
}

static gboolean
has_name (GPtrArray *names, const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* Whether the pages' text is packed at @schema: the step that packs it
 * (SD_STORE_PAGE_PACK) has run. */
static gboolean
pages_packed_at (guint schema)
{
  for (guint i = 0; i < schema; i++)
    if (strstr (_sd_store_migrations[i].sql, SD_STORE_PAGE_PACK " (") != NULL)
      return TRUE;
  return FALSE;
}

/* @table filled with the seed's rows, in the columns both have. */
static void
fill_table (sqlite3 *db, const char *table, gboolean unpack)
{
  g_autoptr (GPtrArray) mine = list_columns (db, "main", table, NULL);
  g_autoptr (GPtrArray) theirs = list_columns (db, "seed", table, NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GString) values = g_string_new (NULL);
  g_autofree char *sql = NULL;

  for (guint i = 0; i < mine->len; i++)
    {
      const char *name = g_ptr_array_index (mine, i);

      if (!has_name (theirs, name))
        continue;
      g_string_append_printf (names, "%s\"%s\"", names->len > 0 ? ", " : "", name);
      if (unpack && strcmp (table, "pages") == 0 && strcmp (name, "text") == 0)
        g_string_append_printf (values, "%s" SD_STORE_PAGE_TEXT " (text)",
                                values->len > 0 ? ", " : "");
      else
        g_string_append_printf (values, "%s\"%s\"", values->len > 0 ? ", " : "", name);
    }
  if (names->len == 0)
    return;
  /* OR IGNORE: rows the migrations wrote themselves (maintenance) stay */
  sql = g_strdup_printf ("INSERT OR IGNORE INTO main.\"%s\" (%s) SELECT %s FROM seed.\"%s\"", table,
                         names->str, values->str, table);
  exec (db, sql);
}

void
sd_test_make_library_at (const char *path, guint schema, const char *seeded)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autofree char *version = g_strdup_printf (
      "PRAGMA application_id = %d; PRAGMA user_version = %u", SD_STORE_APPLICATION_ID, schema);
  sqlite3 *db = NULL;
  char    *attach;

  g_assert_cmpuint (schema, >=, 1);
  g_assert_cmpuint (schema, <, _sd_store_n_migrations);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_no_error (error);
  attach = sqlite3_mprintf ("ATTACH %Q AS seed", seeded);
  exec (db, attach);
  sqlite3_free (attach);
  exec (db, "BEGIN");
  for (guint i = 0; i < schema; i++)
    exec (db, _sd_store_migrations[i].sql);
  /* the tables that hold rows: the search index's are fed by the
   * triggers, as is the change log */
  tables = sd_test_list_stored_tables (db);
  for (guint i = 0; i < tables->len; i++)
    fill_table (db, g_ptr_array_index (tables, i), !pages_packed_at (schema));
  exec (db, "COMMIT");
  exec (db, "DETACH seed");
  exec (db, version);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
sd_test_migrate_to (const char *path, guint schema)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %u", schema);
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  guint            from;

  g_assert_cmpuint (schema, <=, _sd_store_n_migrations);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  from = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (from, <=, schema);
  for (guint i = from; i < schema; i++)
    {
      g_autofree char *step = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      exec (db, "BEGIN");
      exec (db, _sd_store_migrations[i].sql);
      exec (db, step);
      exec (db, "COMMIT");
    }
  exec (db, version);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A table or index as it was read. */
typedef struct
{
  char      *type;
  char      *sql;
  GPtrArray *columns;  /* an ordinary table's; else NULL */
  GPtrArray *defaults; /* their defaults */
  GPtrArray *rows;     /* its rows, sorted, each a line of quoted values */
} Stored;

struct _SdTestStored
{
  GHashTable *objects; /* name → Stored */
  GPtrArray  *names;   /* in the order read */
};

static void
stored_free (gpointer data)
{
  Stored *stored = data;

  g_free (stored->type);
  g_free (stored->sql);
  g_clear_pointer (&stored->columns, g_ptr_array_unref);
  g_clear_pointer (&stored->defaults, g_ptr_array_unref);
  g_clear_pointer (&stored->rows, g_ptr_array_unref);
  g_free (stored);
}

void
sd_test_stored_free (SdTestStored *stored)
{
  g_hash_table_unref (stored->objects);
  g_ptr_array_unref (stored->names);
  g_free (stored);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The rows of @table in @columns, sorted, with their rowid where the table
 * has one; an FTS5 index's structure record left out (its settings'
 * cookie) when @is_fts_data. */
static GPtrArray *
read_rows (sqlite3 *db, const char *table, GPtrArray *columns, gboolean is_fts_data)
{
  g_autoptr (GString) values = g_string_new ("quote (rowid)");
  g_autofree char *where =
      is_fts_data ? g_strdup_printf (" WHERE id <> %d", FTS5_STRUCTURE_ROWID) : g_strdup ("");
  g_autofree char *with_rowid = NULL, *without = NULL;
  GPtrArray       *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt    *stmt = NULL;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (values, " || '|' || quote (\"%s\")",
                            (const char *) g_ptr_array_index (columns, i));
  with_rowid = g_strdup_printf ("SELECT %s FROM \"%s\"%s", values->str, table, where);
  /* WITHOUT ROWID tables have no rowid to select */
  without = g_strdup_printf ("SELECT '-' || %s FROM \"%s\"%s",
                             values->str + strlen ("quote (rowid) || '|' || "), table, where);
  if (sqlite3_prepare_v2 (db, with_rowid, -1, &stmt, NULL) != SQLITE_OK)
    g_assert_cmpint (sqlite3_prepare_v2 (db, without, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_lines);
  return rows;
}

/* Whether @name is an FTS5 index's _data table in @objects. */
static gboolean
is_fts_data (GHashTable *objects, const char *name)
{
  g_autofree char *index =
      g_str_has_suffix (name, "_data") ? g_strndup (name, strlen (name) - strlen ("_data")) : NULL;
  Stored *stored = index != NULL ? g_hash_table_lookup (objects, index) : NULL;

  return stored != NULL && stored->sql != NULL && strstr (stored->sql, "fts5") != NULL;
}

static GHashTable *
read_objects (sqlite3 *db, GPtrArray *names)
{
  GHashTable   *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, sql FROM sqlite_master "
                                       "WHERE type IN ('table', 'index') ORDER BY name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Stored     *stored = g_new0 (Stored, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      stored->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_insert (objects, g_strdup (name), stored);
      if (names != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  return objects;
}

static gboolean
is_ordinary_table (const Stored *stored)
{
  return strcmp (stored->type, "table") == 0
         && (stored->sql == NULL || !g_str_has_prefix (stored->sql, "CREATE VIRTUAL"));
}

SdTestStored *
sd_test_read_stored (const char *path)
{
  SdTestStored *stored = g_new0 (SdTestStored, 1);
  sqlite3      *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  stored->names = g_ptr_array_new_with_free_func (g_free);
  stored->objects = read_objects (db, stored->names);
  for (guint i = 0; i < stored->names->len; i++)
    {
      const char *name = g_ptr_array_index (stored->names, i);
      Stored     *object = g_hash_table_lookup (stored->objects, name);

      if (!is_ordinary_table (object))
        continue;
      object->columns = list_columns (db, "main", name, &object->defaults);
      object->rows = read_rows (db, name, object->columns, is_fts_data (stored->objects, name));
    }
  sqlite3_close (db);
  return stored;
}

/* What became of table @name's columns and rows (@was) in @db. */
static void
describe_table (
    sqlite3 *db, const char *name, const Stored *was, gboolean fts_data, GString *changes)
{
  g_autoptr (GPtrArray) defaults = NULL;
  g_autoptr (GPtrArray) columns = list_columns (db, "main", name, &defaults);
  g_autoptr (GPtrArray) rows = NULL;
  guint lost = 0;

  for (guint i = 0; i < was->columns->len; i++)
    if (!has_name (columns, g_ptr_array_index (was->columns, i)))
      {
        g_string_append_printf (changes, "%s.%s dropped\n", name,
                                (const char *) g_ptr_array_index (was->columns, i));
        return;
      }
  /* a new column at its default in every row rewrote none of them */
  for (guint i = 0; i < columns->len; i++)
    {
      const char      *column = g_ptr_array_index (columns, i);
      g_autofree char *sql = NULL;
      sqlite3_stmt    *stmt = NULL;

      if (has_name (was->columns, column))
        continue;
      sql = g_strdup_printf ("SELECT count (*) FROM \"%s\" WHERE \"%s\" IS NOT (%s)", name, column,
                             (const char *) g_ptr_array_index (defaults, i));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int64 (stmt, 0) > 0)
        g_string_append_printf (changes,
                                "%s.%s added, not at its default in %" G_GINT64_FORMAT " rows\n",
                                name, column, (gint64) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  /* every row there before, as it was (one for one) */
  rows = read_rows (db, name, was->columns, fts_data);
  for (guint i = 0, j = 0; i < was->rows->len; i++)
    {
      const char *row = g_ptr_array_index (was->rows, i);

      while (j < rows->len && strcmp (g_ptr_array_index (rows, j), row) < 0)
        j++;
      if (j < rows->len && strcmp (g_ptr_array_index (rows, j), row) == 0)
        j++;
      else
        lost++;
    }
  if (lost > 0)
    g_string_append_printf (changes, "%s: %u of its %u rows rewritten or dropped\n", name, lost,
                            was->rows->len);
}

char *
sd_test_describe_changed (const SdTestStored *before, const char *path)
{
  g_autoptr (GString) changes = g_string_new (NULL);
  g_autoptr (GHashTable) now = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  now = read_objects (db, NULL);
  for (guint i = 0; i < before->names->len; i++)
    {
      const char   *name = g_ptr_array_index (before->names, i);
      const Stored *was = g_hash_table_lookup (before->objects, name);
      const Stored *is = g_hash_table_lookup (now, name);

      if (is == NULL || strcmp (is->type, was->type) != 0)
        g_string_append_printf (changes, "%s %s dropped\n", was->type, name);
      else if (!is_ordinary_table (was))
        {
          /* an index or a search index defined again is built again */
          if (g_strcmp0 (is->sql, was->sql) != 0)
            g_string_append_printf (changes, "%s %s defined again\n", was->type, name);
        }
      else
        describe_table (db, name, was, is_fts_data (before->objects, name), changes);
    }
  sqlite3_close (db);
  return changes->len > 0 ? g_strdup (changes->str) : NULL;
}
