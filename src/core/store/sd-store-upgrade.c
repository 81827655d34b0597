/* sd-store-upgrade.c — a library brought to this version's schema: what
 * it needs, asked without writing, and the migrations, which a
 * cancellable stops
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-store-write-private.h"

/* SQLite's progress handler, every few thousand steps: a non-zero answer
 * interrupts the statement, and the write guard rolls its transaction
 * back. */
static int
cancelled_cb (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* What a migration stopped by @cancellable says: cancelled, not an SQL
 * fault. */
static gboolean
set_stopped (GCancellable *cancellable, GError **error)
{
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  return FALSE;
}

static gboolean
run_migrations (SdStore *self, int version, GCancellable *cancellable, GError **error)
{
  for (guint i = version; i < _sd_store_n_migrations; i++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);
      g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !_sd_store_write_begin (self, &write, error)
          || !_sd_store_exec (self, _sd_store_migrations[i].sql, error)
          || !_sd_store_exec (self, set_version, error) || !_sd_store_write_commit (&write, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sd_store_weigh_upgrade:
 * @from: a library's schema (`PRAGMA user_version`, sd_store_peek_upgrade ())
 *
 * What opening a library at schema @from does to it: the most that any
 * step it lacks does.  Only %SD_STORE_UPGRADE_REWRITES copies the library
 * aside first and repacks it after; %SD_STORE_UPGRADE_SETTINGS is over at
 * once, at any size.
 *
 * Returns: %SD_STORE_UPGRADE_NONE for a library at this version's schema
 *   (or a newer one's, which is refused)
 */
SdStoreUpgrade
sd_store_weigh_upgrade (guint from)
{
  SdStoreUpgrade work = SD_STORE_UPGRADE_NONE;

  for (guint i = from; i < _sd_store_n_migrations; i++)
    work = MAX (work, _sd_store_migrations[i].work);
  return work;
}

/* Brings the library to the current schema, each migration in a
 * transaction of its own: stopped (@cancellable) or killed, the library
 * stays at the last schema committed, whole.  A library some pending
 * step rewrites is copied aside first and repacked after; steps that only
 * add settings or an index need neither (#16: a copy and a VACUUM of a
 * 100,000-story library for a step of a few bytes took 11 s). */
gboolean
_sd_store_migrate (SdStore *self, GCancellable *cancellable, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           version = 0;
  gboolean      done, rewrites;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return _sd_store_set_sql_error (self, error, "read the schema version");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > (int) _sd_store_n_migrations)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW,
                   _("%s: the library was written by a newer Storydesk (schema %d)"), self->path,
                      version);
      return FALSE;
    }
  if (version == (int) _sd_store_n_migrations)
    return TRUE;

  /* An older library is copied aside before a step rewrites what it
   * holds (a new library has nothing to copy, nor space to give back). */
  rewrites = version > 0 && sd_store_weigh_upgrade (version) == SD_STORE_UPGRADE_REWRITES;
  if (rewrites && !_sd_store_backup_before_migration (self, version, error))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 4096, cancelled_cb, cancellable);
  /* a migration that rebuilt the index or repacked pages left the space
   * free inside the file: give it back, once (VACUUM stopped leaves the
   * file as it was, at the new schema) */
  done = run_migrations (self, version, cancellable, error)
         && (!rewrites || _sd_store_exec (self, "VACUUM", error));
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  return done || set_stopped (cancellable, error);
}

static gboolean
read_int (sqlite3 *db, const char *sql, gint64 *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
                && sqlite3_step (stmt) == SQLITE_ROW;

  if (ok)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * sd_store_peek_upgrade:
 * @path: a library file
 * @out_from: (out): its schema (`PRAGMA user_version`)
 * @out_to: (out): the schema this Storydesk brings it to
 * @out_n_stories: (out): how many stories it holds, the trash's too
 *
 * What opening @path would have to do, asked on a read-only connection,
 * which writes nothing: a library needs upgrading when *@out_from is
 * below *@out_to.  Cheap: the count walks the smallest index of stories.
 *
 * Returns: %FALSE with @error set when @path cannot be read as a database.
 */
gboolean
sd_store_peek_upgrade (
    const char *path, guint *out_from, guint *out_to, gint64 *out_n_stories, GError **error)
{
  g_autofree char *name = g_canonicalize_filename (path, NULL);
  sqlite3         *db = NULL;
  gint64           version = 0, n_tables = 0, n_stories = 0;
  gboolean         ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_LIBRARY,
                   _("%s: there is no library here"), path);
      return FALSE;
    }
  ok = sqlite3_open_v2 (name, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
  if (ok)
    sqlite3_busy_timeout (db, 2000);
  ok = ok && read_int (db, "PRAGMA user_version", &version)
       && read_int (db,
                    "SELECT count (*) FROM sqlite_schema WHERE type = 'table' AND name = 'stories'",
                    &n_tables)
       && (n_tables == 0 || read_int (db, "SELECT count (*) FROM stories", &n_stories));
  if (!ok)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                 _("%s: cannot read the library: %s"), path,
                    db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  sqlite3_close (db);
  if (!ok)
    return FALSE;
  *out_from = (guint) MAX (version, 0);
  *out_to = _sd_store_n_migrations;
  *out_n_stories = n_stories;
  return TRUE;
}
