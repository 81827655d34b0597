/* sd-store.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-store-fts5.h"
#include "sd-store-write-private.h"

enum
{
  PROP_0,
  PROP_EDITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_CODE (SdStore,
                         sd_store,
                         G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (SD_TYPE_LIBRARY, _sd_store_library_init))
G_DEFINE_QUARK (sd - store - error - quark, sd_store_error)

gboolean
_sd_store_set_sql_error (SdStore *self, GError **error, const char *what)
{
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_SQL, "%s: %s: %s", self->path, what,
               sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
_sd_store_exec (SdStore *self, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_SQL, "%s: %s", self->path, message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* A reset statement for @sql, prepared on first use. (transfer none) */
static sqlite3_stmt *
lookup_statement (SdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
          != SQLITE_OK)
        {
          _sd_store_set_sql_error (self, error, "prepare");
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/* Every statement of the store passes here, so this is where a read the
 * window should have left to the worker is caught.  The write guard is the
 * only BEGIN: inside a transaction a read is part of a write. */
sqlite3_stmt *
_sd_store_get_statement (SdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = lookup_statement (self, sql, error);

  if (G_UNLIKELY (self->read_guard != NULL) && stmt != NULL && self->read_guard == g_thread_self ()
      && sqlite3_get_autocommit (self->db) && sqlite3_stmt_readonly (stmt))
    g_critical ("%s: a synchronous read on the main thread, outside a write: %s", self->path, sql);
  return stmt;
}

void
_sd_store_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Runs a statement that returns no rows. */
gboolean
_sd_store_step_done (SdStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "write");
  return TRUE;
}

gboolean
_sd_store_run_pair (SdStore *self, const char *sql, gint64 first, gint64 second, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return _sd_store_step_done (self, stmt, error);
}

/* Text the store wrote is UTF-8; bytes damaged in the file since are not
 * passed on (to an export, a window) as they are: said, and each bad
 * sequence shown as U+FFFD. */
static char *
dup_valid_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int         length = sqlite3_column_bytes (stmt, column);

  if (text == NULL)
    return NULL;
  if (g_utf8_validate_len (text, length, NULL))
    return g_strndup (text, length);
  g_warning ("%s: the library holds text that is not UTF-8 (is the file damaged? `storydesk "
             "check` tells): each bad byte is given as U+FFFD",
             sqlite3_db_filename (sqlite3_db_handle (stmt), "main"));
  return g_utf8_make_valid (text, length);
}

char *
_sd_store_dup_column_text (sqlite3_stmt *stmt, int column)
{
  return dup_valid_text (stmt, column);
}

GPtrArray *
_sd_store_split_column (sqlite3_stmt *stmt, int column, const char *separator)
{
  g_autofree char *text = dup_valid_text (stmt, column);
  GPtrArray       *array = g_ptr_array_new_with_free_func (g_free);

  if (text != NULL && *text != '\0')
    {
      g_auto (GStrv) parts = g_strsplit (text, separator, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (array, g_steal_pointer (&parts[i]));
    }
  return array;
}

char *
_sd_store_join_array (GPtrArray *array)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (array, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

SdStory *
_sd_store_read_story_row (sqlite3_stmt *stmt, gboolean full)
{
  SdStory    *story = sd_story_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 5);
  const char *status = (const char *) sqlite3_column_text (stmt, 15);

  story->id = sqlite3_column_int64 (stmt, 0);
  story->page_id = sqlite3_column_int64 (stmt, 1);
  story->source_file = _sd_store_dup_column_text (stmt, 2);
  story->source_start = sqlite3_column_int64 (stmt, 3);
  story->source_end = sqlite3_column_int64 (stmt, 4);
  if (!sd_story_kind_from_string (kind, &story->kind))
    story->kind = SD_STORY_KIND_NEWS;
  story->headline = _sd_store_dup_column_text (stmt, 6);
  story->subheadline = _sd_store_dup_column_text (stmt, 7);
  story->reporter = _sd_store_dup_column_text (stmt, 8);
  story->byline = _sd_store_dup_column_text (stmt, 9);
  story->truncated = sqlite3_column_int (stmt, 10);
  story->place_code = _sd_store_dup_column_text (stmt, 11);
  story->place_confidence = sqlite3_column_double (stmt, 12);
  story->place_by_editor = sqlite3_column_int (stmt, 13);
  g_free (story->note);
  story->note = _sd_store_dup_column_text (stmt, 14);
  if (!sd_story_status_from_string (status, &story->status))
    story->status = SD_STORY_STATUS_NEW;
  story->editor = _sd_store_dup_column_text (stmt, 16);
  story->updated = _sd_store_dup_column_text (stmt, 17);
  g_ptr_array_unref (story->tags);
  story->tags = _sd_store_split_column (stmt, 18, "\x1f");
  story->uuid = _sd_store_dup_column_text (stmt, 20);
  story->paper = _sd_store_dup_column_text (stmt, 21);
  story->issue_date = _sd_store_dup_column_text (stmt, 22);
  story->page_no = _sd_store_dup_column_text (stmt, 23);
  story->trashed = _sd_store_dup_column_text (stmt, 24);
  if (full)
    {
      story->body = _sd_store_dup_column_text (stmt, 25);
      story->captions = _sd_store_split_column (stmt, 26, "\n");
      story->section_headings = _sd_store_split_column (stmt, 27, "\n");
    }
  else
    story->body = _sd_store_dup_column_text (stmt, 19);
  return story;
}

char *
_sd_store_dup_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sd_store_finalize (GObject *object)
{
  SdStore *self = SD_STORE (object);

  _sd_store_async_clear (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->editor);
  g_clear_error (&self->damaged);
  g_clear_pointer (&self->check, _sd_store_check_unref);

  G_OBJECT_CLASS (sd_store_parent_class)->finalize (object);
}

static void
sd_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdStore *self = SD_STORE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_string (value, self->editor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SdStore *self = SD_STORE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      sd_store_set_editor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_store_class_init (SdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_store_finalize;
  object_class->get_property = sd_store_get_property;
  object_class->set_property = sd_store_set_property;

  properties[PROP_EDITOR] =
      g_param_spec_string ("editor", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_store_init (SdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->editor = g_strdup (g_get_real_name ());
}

/* Turns @path into a name SQLite takes as a file and nothing else: an
 * absolute path is never ":memory:" nor a "file:" URI. */
static char *
dup_sqlite_name (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

/* Whether opening the library writes nothing to it: in WAL mode already
 * and at the current schema. */
static gboolean
opens_unwritten (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      wal = FALSE;
  int           version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return wal && version == (int) _sd_store_n_migrations;
}

/* sd_store_open_full (), its worker's connections sharing @shared; a
 * migration stops when @cancellable is cancelled. */
static SdStore *
open_full (const char      *path,
           SdStoreOpenFlags flags,
           SdStoreCheck    *shared,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr (SdStore) self = g_object_new (SD_TYPE_STORE, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = dup_sqlite_name (path);
  gboolean         exists = g_file_test (path, G_FILE_TEST_EXISTS);
  SdStoreKind      kind;

  self->path = g_strdup (path);
  if (shared != NULL)
    self->check = _sd_store_check_ref (shared);
  if (!exists && !(flags & SD_STORE_OPEN_CREATE))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_LIBRARY,
                   _("%s: there is no library here (`storydesk import --db FILE` makes one)"),
                      path);
      return NULL;
    }
  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY,
                   _("%s: not a Storydesk library: not a regular file"), path);
      return NULL;
    }
  if (!exists && g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: cannot create the folder: %s"), path, g_strerror (errno));
      return NULL;
    }
  if (sqlite3_open_v2 (name, &self->db, SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE),
                       NULL)
      != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: cannot open the library: %s"), path,
                      self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* Nothing is written before the file is known to be a library, and a
   * sound one. */
  kind = _sd_store_recognise (self->db, path, error);
  if (kind == SD_STORE_KIND_OTHER)
    return NULL;
  if (kind == SD_STORE_KIND_EMPTY && !(flags & SD_STORE_OPEN_CREATE))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_LIBRARY,
                   _("%s: not a Storydesk library: an empty database; left untouched"), path);
      return NULL;
    }
  /* quick_check reads the whole file (a second on a large library): it may
   * wait until the window shows when opening writes nothing, and every
   * write waits for it */
  if (kind != SD_STORE_KIND_EMPTY && !(flags & SD_STORE_OPEN_NO_CHECK))
    {
      if ((flags & SD_STORE_OPEN_CHECK_LATER) && kind == SD_STORE_KIND_STORYDESK
          && opens_unwritten (self->db))
        self->check = _sd_store_check_new (path);
      else if (!_sd_store_quick_check (self->db, path, error))
        return NULL;
    }

  /* WAL lets the window read while an import writes; synchronous=NORMAL in
   * WAL mode still never corrupts the file on a crash. */
  if (!_sd_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !_sd_store_exec (self, "PRAGMA synchronous = NORMAL", error)
      || !_sd_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* a new library, or one an older Storydesk made before it had its id */
  if (kind != SD_STORE_KIND_STORYDESK
      && !_sd_store_exec (self, "PRAGMA application_id = " G_STRINGIFY (SD_STORE_APPLICATION_ID),
                          error))
    return NULL;
  /* before migrate (): the search index and its triggers tokenize with it */
  if (!sd_store_register_fts5 (self->db, error))
    return NULL;
  /* the trash is emptied once the check has passed (sd_store_maintain ()) */
  if (!_sd_store_migrate (self, cancellable, error)
      || (self->check == NULL && !_sd_store_purge_trash (self, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sd_store_open_full:
 * @path: the library file
 * @flags: whether to make a new library where there is none
 *
 * Opens a Storydesk library: refused, and left as it was, when @path holds
 * another program's database, nothing (unless @flags has
 * %SD_STORE_OPEN_CREATE), or a library `PRAGMA quick_check` finds damaged.
 *
 * Returns: (transfer full) the store, or %NULL with @error set.
 */
SdStore *
sd_store_open_full (const char *path, SdStoreOpenFlags flags, GError **error)
{
  return open_full (path, flags, NULL, NULL, error);
}

/* What the worker opens: freed with g_free (). */
typedef struct
{
  SdStoreOpenFlags flags;
  char             path[];
} Opening;

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Opening *opening = task_data;
  GError  *error = NULL;
  SdStore *store = open_full (opening->path, opening->flags, NULL, cancellable, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sd_store_open_async:
 * @path: the library file
 * @flags: as for sd_store_open_full ()
 * @cancellable: (nullable): stops a migration under way, which leaves the
 *   library at the schema it had (each migration is a transaction)
 *
 * sd_store_open_full () in a worker thread: a library that needs its
 * schema brought up to date (sd_store_peek_upgrade ()) can take minutes.
 */
void
sd_store_open_async (const char         *path,
                     SdStoreOpenFlags    flags,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  gsize    size = strlen (path) + 1;
  Opening *opening = g_malloc (sizeof (Opening) + size);

  opening->flags = flags;
  memcpy (opening->path, path, size);
  g_task_set_source_tag (task, sd_store_open_async);
  g_task_set_task_data (task, opening, g_free);
  /* the cancellable stops the migration itself; the store opened whole is
   * handed back all the same */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, open_thread);
}

/**
 * sd_store_open_finish:
 *
 * Returns: (transfer full) the store, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when a migration was stopped).
 */
SdStore *
sd_store_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sd_store_open:
 * @path: the library file; created, with its folder, when missing
 *
 * sd_store_open_full () with %SD_STORE_OPEN_CREATE.
 *
 * Returns: (transfer full) the store, or %NULL with @error set.
 */
SdStore *
sd_store_open (const char *path, GError **error)
{
  return sd_store_open_full (path, SD_STORE_OPEN_CREATE, error);
}

/**
 * sd_store_open_for_worker:
 * @self: an open store
 *
 * Opens another connection to @self's library, writing in the same
 * editor's name, for one long job in a worker thread (an import, an
 * export): a connection is used by one thread at a time, and a long job on
 * one of its own leaves the window's reads and writes free.
 *
 * Returns: (transfer full) the store, or %NULL with @error set.
 */
SdStore *
sd_store_open_for_worker (SdStore *self, GError **error)
{
  SdStore *other;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  /* this process checked the library when it first opened it, or its
   * writes wait for the same check as @self's */
  other = open_full (self->path, SD_STORE_OPEN_NO_CHECK, self->check, NULL, error);
  if (other != NULL)
    {
      sd_store_set_editor (other, self->editor);
      /* damage the weekly check found refuses the worker's writes too */
      if (self->damaged != NULL)
        other->damaged = g_error_copy (self->damaged);
    }
  return other;
}

const char *
sd_store_get_path (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->path;
}

void
sd_store_set_editor (SdStore *self, const char *editor)
{
  g_return_if_fail (SD_IS_STORE (self));
  if (g_strcmp0 (self->editor, editor) == 0)
    return;
  g_free (self->editor);
  self->editor = g_strdup (editor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
}

const char *
sd_store_get_editor (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->editor;
}

void
_sd_store_notify_story (SdStore *self, gint64 story_id)
{
  sd_library_emit_story_changed (SD_LIBRARY (self), story_id);
}

void
_sd_store_notify_tags (SdStore *self)
{
  sd_library_emit_tags_changed (SD_LIBRARY (self));
}

void
_sd_store_notify_library (SdStore *self)
{
  sd_library_emit_library_changed (SD_LIBRARY (self));
}

gint64
sd_store_get_data_version (SdStore *self, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        version = -1;

  g_return_val_if_fail (SD_IS_STORE (self), -1);

  /* Asks the connection, not the library: no read the guard is for. */
  stmt = lookup_statement (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/**
 * sd_store_forbid_main_thread_reads:
 * @forbid: whether to report synchronous reads from this thread
 *
 * A debugging aid for the window: while on, each read this store makes
 * from the calling thread (the main thread) outside a write is reported
 * with g_critical() naming its statement.  Such reads belong in the
 * worker (sd-store-async.h); reads inside a write are part of the write.
 */
void
sd_store_forbid_main_thread_reads (SdStore *self, gboolean forbid)
{
  g_return_if_fail (SD_IS_STORE (self));
  self->read_guard = forbid ? g_thread_self () : NULL;
}

SdScope *
sd_scope_copy (const SdScope *scope)
{
  SdScope *copy = g_memdup2 (scope, sizeof *scope);

  copy->place_code = g_strdup (scope->place_code);
  copy->text = g_strdup (scope->text);
  copy->ids = g_memdup2 (scope->ids, scope->n_ids * sizeof (gint64));
  return copy;
}

void
sd_scope_free (SdScope *scope)
{
  if (scope == NULL)
    return;
  g_free ((char *) scope->place_code);
  g_free ((char *) scope->text);
  g_free ((gint64 *) scope->ids);
  g_free (scope);
}
