/* sd-store-library.c — what a database file is, whether it is sound, and
 * copies of it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sd-store-library.h"
#include "sd-store-private.h"

/* quick_check reads every page: on a large library it is given this long
 * when the library opens, and the rest is left to `storydesk check`. */
#define QUICK_CHECK_BUDGET_US (2 * G_USEC_PER_SEC)
/* How many copies made before a schema migration are kept. */
#define N_MIGRATION_BACKUPS 3
/* How many of integrity_check's findings are reported. */
#define N_PROBLEMS 20

static int
query_int (sqlite3 *db, const char *sql, gint64 *out)
{
  sqlite3_stmt *stmt = NULL;
  int           rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static void
set_damaged (GError **error, const char *path, const char *problems)
{
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED,
               _("%s: the library is damaged (%s). Nothing was changed; `storydesk recover %s "
                 "NEW-FILE` saves what can still be read"),
                  path, problems, path);
}

SdStoreKind
_sd_store_recognise (sqlite3 *db, const char *path, GError **error)
{
  gint64 app = 0, version = 0, n_tables = 0, n_ours = 0;
  int    rc;

  if ((rc = query_int (db, "PRAGMA application_id", &app)) != SQLITE_OK
      || (rc = query_int (db, "PRAGMA user_version", &version)) != SQLITE_OK
      || (rc = query_int (db, "SELECT count (*) FROM sqlite_master", &n_tables)) != SQLITE_OK
      || (rc = query_int (db,
                          "SELECT count (*) FROM sqlite_master WHERE type = 'table' "
                          "AND name IN ('pages', 'stories')",
                          &n_ours))
             != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY,
                     _("%s: not a Storydesk library: not an SQLite database; left untouched"),
                        path);
      else if ((rc & 0xff) == SQLITE_CORRUPT)
        set_damaged (error, path, sqlite3_errmsg (db));
      else
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                     _("%s: cannot open the library: %s"), path, sqlite3_errmsg (db));
      return SD_STORE_KIND_OTHER;
    }
  if (app == SD_STORE_APPLICATION_ID)
    return SD_STORE_KIND_STORYDESK;
  if (app == 0 && version == 0 && n_tables == 0)
    return SD_STORE_KIND_EMPTY;
  /* Storydesk before it set its id: its tables and a schema version */
  if (app == 0 && version > 0 && n_ours == 2)
    return SD_STORE_KIND_OLDER;
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY,
               _("%s: not a Storydesk library (another program’s database: application id "
                 "%#x, schema version %d, %d tables); left untouched"),
                  path, (guint) app, (int) version, (int) n_tables);
  return SD_STORE_KIND_OTHER;
}

static int
past_deadline_cb (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Runs quick_check or integrity_check: TRUE when it says "ok". */
static gboolean
run_check (
    sqlite3 *db, const char *sql, const char *path, gboolean *out_interrupted, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint         n = 0;
  int           rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  *out_interrupted = FALSE;
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      rc = SQLITE_OK;
      /* a heading, not a problem */
      if (g_strcmp0 (row, "ok") == 0)
        continue;
      /* problems come as lines, sometimes several in one row */
      if (strchr (row, '\n') != NULL)
        {
          g_auto (GStrv) lines = g_strsplit (row, "\n", -1);
          for (guint i = 0; lines[i] != NULL; i++)
            if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "*** in database"))
              g_string_append_printf (problems, "%s%s", n++ > 0 ? "; " : "", lines[i]);
          continue;
        }
      if (n++ > 0)
        g_string_append (problems, "; ");
      g_string_append (problems, row != NULL ? row : "?");
    }
  if ((rc & 0xff) == SQLITE_INTERRUPT)
    *out_interrupted = TRUE;
  else if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      if (n++ > 0)
        g_string_append (problems, "; ");
      g_string_append (problems, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  if (n == 0)
    return TRUE;
  set_damaged (error, path, problems->str);
  return FALSE;
}

gboolean
_sd_store_quick_check (sqlite3 *db, const char *path, GError **error)
{
  gint64   deadline = g_get_monotonic_time () + QUICK_CHECK_BUDGET_US;
  gboolean interrupted = FALSE;
  gboolean ok;

  sqlite3_progress_handler (db, 10000, past_deadline_cb, &deadline);
  ok = run_check (db, "PRAGMA quick_check (" G_STRINGIFY (N_PROBLEMS) ")", path, &interrupted,
                  error);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (interrupted)
    g_debug ("%s: quick_check stopped after %d s; `storydesk check` checks it all", path,
             (int) (QUICK_CHECK_BUDGET_US / G_USEC_PER_SEC));
  return ok;
}

/* @pragma ("quick_check" or "integrity_check") on a read-only connection
 * of its own, stopped after @budget_us (0: none). */
static gboolean
check_file (const char *path,
            const char *pragma,
            gint64      budget_us,
            gboolean   *out_interrupted,
            GError    **error)
{
  g_autofree char *name = g_canonicalize_filename (path, NULL);
  sqlite3         *db = NULL;
  gint64           deadline = g_get_monotonic_time () + budget_us;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s (%d)", pragma, N_PROBLEMS);
  gboolean         interrupted = FALSE, ok;
  SdStoreKind      kind;

  if (out_interrupted != NULL)
    *out_interrupted = FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_LIBRARY,
                   _("%s: there is no library here"), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (name, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: cannot open the library: %s"), path,
                      db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 10000);
  kind = _sd_store_recognise (db, path, error);
  if (kind == SD_STORE_KIND_EMPTY)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY,
                 _("%s: not a Storydesk library: an empty database"), path);
  if (budget_us > 0)
    sqlite3_progress_handler (db, 10000, past_deadline_cb, &deadline);
  ok = kind != SD_STORE_KIND_OTHER && kind != SD_STORE_KIND_EMPTY
       && run_check (db, sql, path, &interrupted, error);
  sqlite3_close (db);
  if (out_interrupted != NULL)
    *out_interrupted = interrupted;
  return ok;
}

gboolean
_sd_store_check_file_within (const char *path,
                             gint64      budget_us,
                             gboolean   *out_interrupted,
                             GError    **error)
{
  return check_file (path, "integrity_check", budget_us, out_interrupted, error);
}

typedef enum
{
  CHECK_WAITING,
  CHECK_RUNNING,
  CHECK_DONE,
} CheckState;

struct _SdStoreCheck
{
  gatomicrefcount refs;
  char           *path;
  GMutex          lock;
  GCond           done;
  CheckState      state;
  GError         *damaged; /* (nullable) once DONE: what it found */
};

SdStoreCheck *
_sd_store_check_new (const char *path)
{
  SdStoreCheck *check = g_new0 (SdStoreCheck, 1);

  g_atomic_ref_count_init (&check->refs);
  check->path = g_strdup (path);
  g_mutex_init (&check->lock);
  g_cond_init (&check->done);
  return check;
}

SdStoreCheck *
_sd_store_check_ref (SdStoreCheck *check)
{
  g_atomic_ref_count_inc (&check->refs);
  return check;
}

void
_sd_store_check_unref (SdStoreCheck *check)
{
  if (!g_atomic_ref_count_dec (&check->refs))
    return;
  g_free (check->path);
  g_mutex_clear (&check->lock);
  g_cond_clear (&check->done);
  g_clear_error (&check->damaged);
  g_free (check);
}

gboolean
_sd_store_check_settle (SdStoreCheck *check, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&check->lock);

  if (check->state == CHECK_WAITING)
    {
      gboolean interrupted = FALSE;
      gint64   start = g_get_monotonic_time ();
      GError  *found = NULL;

      /* the quick_check the open left, as it would have run there: given
       * the same budget, and with the lock let go, so that the others wait
       * on the condition, not on the mutex */
      check->state = CHECK_RUNNING;
      g_mutex_unlock (&check->lock);
      if (!check_file (check->path, "quick_check", QUICK_CHECK_BUDGET_US, &interrupted, &found)
          && !g_error_matches (found, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED))
        {
          /* a library that cannot even be opened to be checked is not
           * written to either */
          GError *refused = NULL;

          set_damaged (&refused, check->path, found->message);
          g_error_free (found);
          found = refused;
        }
      g_mutex_lock (&check->lock);
      if (found != NULL)
        check->damaged = found;
      g_debug ("%s: quick_check after the open: %s in %.0f ms%s", check->path,
               check->damaged != NULL ? "damage" : "ok", (g_get_monotonic_time () - start) / 1000.0,
               interrupted ? " (stopped)" : "");
      check->state = CHECK_DONE;
      g_cond_broadcast (&check->done);
    }
  while (check->state != CHECK_DONE)
    g_cond_wait (&check->done, &check->lock);
  if (check->damaged != NULL)
    {
      g_propagate_error (error, g_error_copy (check->damaged));
      return FALSE;
    }
  return TRUE;
}

/**
 * sd_store_check_file:
 * @path: a library file
 *
 * Returns: %TRUE when PRAGMA integrity_check finds nothing wrong.
 */
gboolean
sd_store_check_file (const char *path, GError **error)
{
  return _sd_store_check_file_within (path, 0, NULL, error);
}

/* Makes @path's bytes durable before it is renamed into place. */
static gboolean
sync_file (const char *path)
{
  int      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;

  if (fd >= 0)
    close (fd);
  return ok;
}

static gboolean
copy_library (SdStore *self, const char *part, GError **error)
{
  sqlite3        *copy = NULL;
  sqlite3_backup *backup;
  int             rc;

  if (sqlite3_open_v2 (part, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN, "%s: %s", part,
                   copy != NULL ? sqlite3_errmsg (copy) : g_strerror (ENOMEM));
      sqlite3_close (copy);
      return FALSE;
    }
  /* All pages in one step: one read transaction, so the copy is the
   * library at one moment however others write meanwhile (WAL lets them). */
  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (copy);
  else
    {
      for (guint attempt = 0; attempt < 100; attempt++)
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
          g_usleep (50 * 1000);
        }
      sqlite3_backup_finish (backup);
    }
  /* one file, without a -wal beside it */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_SQL, "%s: %s", part, sqlite3_errstr (rc));
  sqlite3_close (copy);
  return rc == SQLITE_OK;
}

/**
 * sd_store_backup:
 * @dest: a new file, or a folder to make one in
 *
 * Returns: %TRUE once the copy is complete at its place.
 */
gboolean
sd_store_backup (SdStore *self, const char *dest, char **out_path, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *part = NULL;
  g_autofree char *library = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (g_file_test (dest, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stem = g_path_get_basename (self->path);
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
      g_autofree char *name = NULL;

      if (g_str_has_suffix (stem, ".db"))
        stem[strlen (stem) - 3] = '\0';
      name = g_strdup_printf ("%s.%s.db", stem, stamp);
      target = g_build_filename (dest, name, NULL);
    }
  else
    target = g_strdup (dest);
  {
    g_autofree char *given = g_steal_pointer (&target);

    target = g_canonicalize_filename (given, NULL); /* which copies it */
  }
  library = g_canonicalize_filename (self->path, NULL);
  if (g_str_equal (target, library) || g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("%s: a file is there already; a backup goes to a new file"), target);
      return FALSE;
    }
  /* said of the destination, not of SQLite's temporary file there */
  {
    g_autofree char *folder = g_path_get_dirname (target);

    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                     _("%s: no backup was made: the folder %s does not exist"), target, folder);
        return FALSE;
      }
    if (access (folder, W_OK) != 0)
      {
        int saved = errno;

        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                     _("%s: no backup was made: cannot write in the folder %s: %s"), target,
                        folder, g_strerror (saved));
        return FALSE;
      }
  }
  part = g_strdup_printf ("%s.%08x.part", target, g_random_int ());
  if (!copy_library (self, part, error))
    {
      g_unlink (part);
      g_prefix_error (error, _("%s: no backup was made: "), target);
      return FALSE;
    }
  if (!sync_file (part) || g_rename (part, target) != 0)
    {
      int saved = errno;
      g_unlink (part);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: no backup was made: %s"), target, g_strerror (saved));
      return FALSE;
    }
  if (out_path != NULL)
    *out_path = g_steal_pointer (&target);
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* A copy in "backups" beside the library, STEM.TIME.@kind.db, keeping the
 * newest @keep of those whose kind starts with @family. */
gboolean
_sd_store_backup_rotating (SdStore    *self,
                           const char *kind,
                           const char *family,
                           guint       keep,
                           char      **out_path,
                           GError    **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autofree char *stem = g_path_get_basename (self->path);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *infix = g_strdup_printf (".%s", family);
  g_autoptr (GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  g_autofree char *prefix = NULL;
  const char      *name;

  if (g_str_has_suffix (stem, ".db"))
    stem[strlen (stem) - 3] = '\0';
  prefix = g_strdup_printf ("%s.", stem);
  if (g_mkdir_with_parents (backups, 0700) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: cannot create the folder for backups: %s"), backups, g_strerror (errno));
      return FALSE;
    }
  for (guint n = 0;; n++)
    {
      g_autofree char *file = n == 0 ? g_strdup_printf ("%s%sZ.%s.db", prefix, stamp, kind)
                                     : g_strdup_printf ("%s%sZ-%u.%s.db", prefix, stamp, n, kind);
      g_autofree char *dest = g_build_filename (backups, file, NULL);

      if (g_file_test (dest, G_FILE_TEST_EXISTS))
        continue;
      if (!sd_store_backup (self, dest, out_path, error))
        return FALSE;
      break;
    }

  dir = g_dir_open (backups, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && strstr (name, infix) != NULL
        && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (ours, g_strdup (name));
  g_ptr_array_sort (ours, compare_names);
  for (guint i = 0; i + keep < ours->len; i++)
    {
      g_autofree char *old = g_build_filename (backups, g_ptr_array_index (ours, i), NULL);
      g_unlink (old);
    }
  return TRUE;
}

/* Copies made before migrations: STEM.TIME.schema-N.db in "backups" beside
 * the library; the oldest beyond the last three are removed. */
gboolean
_sd_store_backup_before_migration (SdStore *self, int version, GError **error)
{
  g_autofree char *kind = g_strdup_printf ("schema-%d", version);

  if (!_sd_store_backup_rotating (self, kind, "schema-", N_MIGRATION_BACKUPS, NULL, error))
    {
      g_prefix_error (error, _("The schema was not changed: "));
      return FALSE;
    }
  return TRUE;
}
