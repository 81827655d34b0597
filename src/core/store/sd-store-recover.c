/* sd-store-recover.c — what can still be read of a damaged library, copied
 * into a new one
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store-recover"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-store-library.h"
#include "sd-store-private.h"
#include "sd-store-write-private.h"

typedef struct
{
  sqlite3      *source;
  SdStore      *dest;
  const char   *table;
  GString      *columns; /* "a", "b", … as both libraries have them */
  guint         n_columns;
  char         *key; /* rowid, or the first column of the primary key */
  sqlite3_stmt *insert;
  guint64       n_saved;
  guint64       n_refused; /* rows whose page or story was lost */
  guint         n_damaged; /* stretches that could not be read */
  gboolean      gave_up;
} Salvage;

static void
salvage_clear (Salvage *salvage)
{
  g_string_free (salvage->columns, TRUE);
  g_free (salvage->key);
  sqlite3_finalize (salvage->insert);
}

/* The columns @table has in both libraries, and the key its rows are read
 * in the order of; FALSE when the damaged library has no such table. */
static gboolean
find_columns (Salvage *salvage)
{
  sqlite3_stmt *in_dest = NULL, *in_source = NULL, *rowid = NULL;
  char         *sql;

  sqlite3_prepare_v2 (salvage->dest->db, "SELECT name FROM pragma_table_info (?1)", -1, &in_dest,
                      NULL);
  sqlite3_prepare_v2 (salvage->source, "SELECT pk FROM pragma_table_info (?1) WHERE name = ?2", -1,
                      &in_source, NULL);
  sqlite3_bind_text (in_dest, 1, salvage->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (in_source, 1, salvage->table, -1, SQLITE_STATIC);
  while (sqlite3_step (in_dest) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (in_dest, 0);

      sqlite3_reset (in_source);
      sqlite3_bind_text (in_source, 2, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (in_source) != SQLITE_ROW)
        continue;
      sql = sqlite3_mprintf ("%s\"%w\"", salvage->n_columns++ > 0 ? ", " : "", name);
      g_string_append (salvage->columns, sql);
      sqlite3_free (sql);
      if (sqlite3_column_int (in_source, 0) == 1 && salvage->key == NULL)
        {
          char *quoted = sqlite3_mprintf ("\"%w\"", name);
          salvage->key = g_strdup (quoted);
          sqlite3_free (quoted);
        }
    }
  sqlite3_finalize (in_dest);
  sqlite3_finalize (in_source);

  /* a table with rowids is read in their order (WITHOUT ROWID has none) */
  sql = sqlite3_mprintf ("SELECT rowid FROM \"%w\" LIMIT 0", salvage->table);
  if (sqlite3_prepare_v2 (salvage->source, sql, -1, &rowid, NULL) == SQLITE_OK)
    {
      g_free (salvage->key);
      salvage->key = g_strdup ("rowid");
    }
  sqlite3_finalize (rowid);
  sqlite3_free (sql);
  return salvage->n_columns > 0 && salvage->key != NULL;
}

/* Whether rows after @after can be read: the first key past it in *@out_key. */
static int
probe (Salvage *salvage, gint64 after, gint64 *out_key)
{
  char         *sql = sqlite3_mprintf ("SELECT %s FROM \"%w\" WHERE %s > ?1 ORDER BY %s LIMIT 1",
                                       salvage->key, salvage->table, salvage->key, salvage->key);
  sqlite3_stmt *stmt = NULL;
  int           rc = sqlite3_prepare_v2 (salvage->source, sql, -1, &stmt, NULL);

  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, after);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && out_key != NULL)
        *out_key = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
readable (Salvage *salvage, gint64 after)
{
  int rc = probe (salvage, after, NULL);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The smallest key past @last from which rows can be read again (seeking
 * into a damaged page fails; past it, the next page's rows are found): found by
 * leaps, then halving the distance back; FALSE when none is. */
static gboolean
skip_damage (Salvage *salvage, gint64 last, gint64 *out_resume)
{
  gint64 low = last, high;
  gint64 leap = 1;

  while (!readable (salvage, high = last + leap))
    {
      low = high;
      if (leap > G_MAXINT64 / 4 || last > G_MAXINT64 - 2 * leap)
        return FALSE;
      leap *= 2;
    }
  while (high - low > 1)
    {
      gint64 middle = low + (high - low) / 2;
      if (readable (salvage, middle))
        high = middle;
      else
        low = middle;
    }
  *out_resume = high;
  return TRUE;
}

/* Reads the rows from key @from on into the new library until the end
 * (TRUE) or damage; *@last is the last key read. */
static gboolean
copy_rows (Salvage *salvage, gint64 from, gint64 *last, guint *out_n_read)
{
  char *sql = sqlite3_mprintf ("SELECT %s, %s FROM \"%w\" WHERE %s >= ?1 ORDER BY %s", salvage->key,
                               salvage->columns->str, salvage->table, salvage->key, salvage->key);
  sqlite3_stmt *select = NULL;
  int           rc = sqlite3_prepare_v2 (salvage->source, sql, -1, &select, NULL);

  sqlite3_free (sql);
  *out_n_read = 0;
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (select, 1, from);
      while ((rc = sqlite3_step (select)) == SQLITE_ROW)
        {
          *last = sqlite3_column_int64 (select, 0);
          (*out_n_read)++;
          sqlite3_reset (salvage->insert);
          for (guint i = 0; i < salvage->n_columns; i++)
            sqlite3_bind_value (salvage->insert, i + 1, sqlite3_column_value (select, i + 1));
          if (sqlite3_step (salvage->insert) == SQLITE_DONE)
            salvage->n_saved++;
          else
            salvage->n_refused++;
        }
    }
  sqlite3_finalize (select);
  return rc == SQLITE_DONE;
}

static void
salvage_table (Salvage *salvage)
{
  gint64   from = G_MININT64;
  gboolean resumed = FALSE;
  char    *sql;

  g_autoptr (GString) values = g_string_new ("?1");
  for (guint i = 2; i <= salvage->n_columns; i++)
    g_string_append_printf (values, ", ?%u", i);
  sql = sqlite3_mprintf ("INSERT INTO \"%w\" (%s) VALUES (%s)", salvage->table,
                         salvage->columns->str, values->str);
  sqlite3_prepare_v2 (salvage->dest->db, sql, -1, &salvage->insert, NULL);
  sqlite3_free (sql);

  for (;;)
    {
      guint  n_read = 0;
      gint64 last = 0, next = 0, resume = 0, done;

      if (copy_rows (salvage, from, &last, &n_read))
        return;
      salvage->n_damaged++;
      /* every key up to here is read or lost */
      done = n_read > 0 ? last : from == G_MININT64 ? G_MININT64 : from - 1;
      /* a row whose key reads but whose columns do not: passed over */
      if (resumed && n_read == 0 && probe (salvage, done, &next) == SQLITE_ROW && next < G_MAXINT64)
        resume = next + 1;
      else if (!skip_damage (salvage, done, &resume))
        break;
      if (resume <= from)
        break;
      from = resume;
      resumed = TRUE;
    }
  salvage->gave_up = TRUE;
}

static GPtrArray *
list_tables (SdStore *dest)
{
  GPtrArray    *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  /* in the order they were made: pages before the stories that refer to
   * them; not the weekly check's times, which are the new library's own */
  sqlite3_prepare_v2 (dest->db,
                      "SELECT name FROM sqlite_master WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'story_fts%' "
                      "AND name <> 'maintenance' "
                      "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return tables;
}

static void
remove_library (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
report_table (GString *report, const Salvage *salvage)
{
  g_string_append_printf (report, _("%s: %llu rows saved"), salvage->table,
                                     (unsigned long long) salvage->n_saved);
  if (salvage->n_damaged > 0)
    g_string_append_printf (report, _(", %u read errors passed over"), salvage->n_damaged);
  if (salvage->gave_up)
    g_string_append (report, _(", the rest unreadable"));
  if (salvage->n_refused > 0)
    g_string_append_printf (report, _(", %llu rows left out (their page or story was lost)"),
                                       (unsigned long long) salvage->n_refused);
  g_string_append_c (report, '\n');
}

/**
 * sd_store_recover_file:
 * @source: a damaged library
 * @dest: where the new library goes: no file may be there
 *
 * Returns: (transfer full) (nullable) what was saved, table by table.
 */
char *
sd_store_recover_file (const char *source, const char *dest, GError **error)
{
  g_autofree char *name = g_canonicalize_filename (source, NULL);
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3 *db = NULL;
  guint64  n_saved = 0;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_LIBRARY,
                   _("%s: there is no library here"), source);
      return NULL;
    }
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("%s: a file is there already; what is saved goes to a new library"), dest);
      return NULL;
    }
  if (sqlite3_open_v2 (name, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: cannot be opened: %s"), source, db != NULL ? sqlite3_errmsg (db) : "");
      sqlite3_close (db);
      return NULL;
    }
  /* Another program's database is not ours to salvage; a header too
   * damaged to say is tried all the same. */
  if (_sd_store_recognise (db, source, &local_error) == SD_STORE_KIND_OTHER
      && g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      sqlite3_close (db);
      return NULL;
    }

  store = sd_store_open_full (dest, SD_STORE_OPEN_CREATE, error);
  if (store == NULL || !_sd_store_write_begin (store, &write, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  tables = list_tables (store);
  for (guint i = 0; i < tables->len; i++)
    {
      Salvage salvage = { db, store, g_ptr_array_index (tables, i), g_string_new (NULL) };

      if (!find_columns (&salvage))
        g_string_append_printf (report, _("%s: cannot be read in the damaged library\n"),
                                           salvage.table);
      else
        {
          salvage_table (&salvage);
          report_table (report, &salvage);
          n_saved += salvage.n_saved;
        }
      salvage_clear (&salvage);
    }
  sqlite3_close (db);
  if (n_saved == 0)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED,
                 _("%s: nothing could be read:\n%s"), source, report->str);
  if (n_saved == 0 || !_sd_store_write_commit (&write, error))
    {
      _sd_store_write_clear (&write);
      g_clear_object (&store);
      remove_library (dest);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&report), FALSE);
}
