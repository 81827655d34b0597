/* sd-store-trash.c — import batches, and the trash: stories, pages and
 * batches deleted, kept until restored or purged
 *
 * A story in the trash keeps every row it had; only its trashed, trash_kind
 * and trash_of columns say it is there and with what it went (itself, its
 * page, its batch).  So a delete is a few column writes that undo
 * (sd-store-snapshot.c) puts back exactly, and a restore loses nothing.
 * The lists, counts and searches leave such stories out, and the search
 * index does not hold them (sd-store-schema.c).
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-store-write-private.h"

static const char *const batch_kinds[] = {
  [SD_BATCH_IMPORT] = "import",
  [SD_BATCH_SAMPLE] = "sample",
};

static const char *const trash_kinds[] = {
  [SD_TRASH_STORY] = "story",
  [SD_TRASH_PAGE] = "page",
  [SD_TRASH_BATCH] = "batch",
};

/* The stories in the library that deleting each kind of target takes. */
static const char *const live_targets[] = {
  [SD_TRASH_STORY] = "SELECT id FROM stories WHERE id = ?1 AND trashed IS NULL",
  [SD_TRASH_PAGE] = "SELECT id FROM stories WHERE page_id = ?1 AND trashed IS NULL "
                    "ORDER BY ordinal",
  [SD_TRASH_BATCH] = "SELECT s.id FROM stories s JOIN pages p ON p.id = s.page_id "
                     "WHERE p.batch_id = ?1 AND s.trashed IS NULL ORDER BY s.page_id, s.ordinal",
};

/* The stories in the trash that restoring each kind of target brings back. */
static const char *const trashed_targets[] = {
  [SD_TRASH_STORY] = "SELECT id FROM stories WHERE id = ?1 AND trashed IS NOT NULL",
  [SD_TRASH_PAGE] = "SELECT id FROM stories WHERE trash_kind = 'page' AND trash_of = ?1",
  [SD_TRASH_BATCH] = "SELECT id FROM stories WHERE trash_kind = 'batch' AND trash_of = ?1",
};

/* Whether the target exists at all, in the trash or not. */
static const char *const target_exists[] = {
  [SD_TRASH_STORY] = "SELECT 1 FROM stories WHERE id = ?",
  [SD_TRASH_PAGE] = "SELECT 1 FROM pages WHERE id = ?",
  [SD_TRASH_BATCH] = "SELECT 1 FROM batches WHERE id = ?",
};

static SdBatchKind
parse_batch_kind (const char *name)
{
  return g_strcmp0 (name, batch_kinds[SD_BATCH_SAMPLE]) == 0 ? SD_BATCH_SAMPLE : SD_BATCH_IMPORT;
}

void
sd_batch_free (SdBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->editor);
  g_free (batch->started);
  g_free (batch->first_file);
  g_free (batch);
}

void
sd_trash_entry_free (SdTrashEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);
  g_free (entry->trashed);
  g_free (entry);
}

/* Runs @sql, bound to @id, for its first column's value; 0 when it gives
 * no row, -1 with @error set. */
static gint64
query_number (SdStore *self, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self, sql, error);
  gint64        value = 0;
  int           rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "read the trash");
      return -1;
    }
  return value;
}

/* The ids @sql gives for @id. (element-type gint64) */
static GArray *
query_ids (SdStore *self, const char *sql, gint64 id, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _sd_store_get_statement (self, sql, error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 found = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, found);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "read the trash");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
_sd_store_file_page_in_batch (SdStore *self, gint64 page_id, const char *now, GError **error)
{
  sqlite3_stmt *stmt;

  /* The batch row goes with a transaction rolled back: make it again. */
  if (self->batch_id > 0
      && query_number (self, "SELECT count (*) FROM batches WHERE id = ?", self->batch_id, error)
             == 0)
    self->batch_id = 0;
  if (self->batch_id == 0)
    {
      stmt = _sd_store_get_statement (
          self, "INSERT INTO batches (kind, editor, started) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      _sd_store_bind_text (stmt, 1, batch_kinds[self->batch_kind]);
      _sd_store_bind_text (stmt, 2, self->editor);
      _sd_store_bind_text (stmt, 3, now);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
      self->batch_id = sqlite3_last_insert_rowid (self->db);
    }
  return _sd_store_run_pair (self, "UPDATE pages SET batch_id = ?2 WHERE id = ?1", page_id,
                             self->batch_id, error);
}

void
sd_store_begin_batch (SdStore *self, SdBatchKind kind)
{
  g_return_if_fail (SD_IS_STORE (self));
  g_return_if_fail (kind <= SD_BATCH_SAMPLE);

  self->batch_kind = kind;
  self->batch_id = 0;
}

/**
 * sd_store_list_batches:
 *
 * Returns: (transfer full) (element-type SdBatch): the import batches,
 * oldest first, or %NULL with @error set.
 */
GPtrArray *
sd_store_list_batches (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_batch_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt = _sd_store_get_statement (
      self,
      "SELECT b.id, b.kind, b.editor, b.started, "
      "  (SELECT min (file) FROM pages WHERE batch_id = b.id), "
      "  (SELECT count (*) FROM pages WHERE batch_id = b.id), "
      "  (SELECT count (*) FROM stories s JOIN pages p ON p.id = s.page_id "
      "   WHERE p.batch_id = b.id AND s.trashed IS NULL), "
      "  (SELECT count (*) FROM stories s JOIN pages p ON p.id = s.page_id "
      "   WHERE p.batch_id = b.id AND s.trashed IS NOT NULL) "
      "FROM batches b ORDER BY b.id",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdBatch *batch = g_new0 (SdBatch, 1);

      batch->id = sqlite3_column_int64 (stmt, 0);
      batch->kind = parse_batch_kind ((const char *) sqlite3_column_text (stmt, 1));
      batch->editor = _sd_store_dup_column_text (stmt, 2);
      batch->started = _sd_store_dup_column_text (stmt, 3);
      batch->first_file = _sd_store_dup_column_text (stmt, 4);
      batch->n_pages = sqlite3_column_int (stmt, 5);
      batch->n_stories = sqlite3_column_int (stmt, 6);
      batch->n_trashed = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (batches, batch);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list the batches");
      return NULL;
    }
  return g_steal_pointer (&batches);
}

gboolean
sd_store_has_batch_kind (SdStore *self, SdBatchKind kind, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  stmt = _sd_store_get_statement (self, "SELECT 1 FROM batches WHERE kind = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, batch_kinds[kind]);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read the batches");
  return rc == SQLITE_ROW;
}

/* Marks each of @ids as sent to the trash with @kind @id (or, when
 * @kind_name is NULL, as back in the library) and announces it. */
static gboolean
mark_stories (
    SdStoreWrite *write, GArray *ids, const char *kind_name, gint64 target, GError **error)
{
  SdStore *self = write->store;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64        id = g_array_index (ids, gint64, i);
      sqlite3_stmt *stmt = _sd_store_get_statement (
          self, "UPDATE stories SET trashed = ?, trash_kind = ?, trash_of = ? WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      _sd_store_bind_text (stmt, 1, kind_name != NULL ? write->now : NULL);
      _sd_store_bind_text (stmt, 2, kind_name);
      if (kind_name != NULL)
        sqlite3_bind_int64 (stmt, 3, target);
      sqlite3_bind_int64 (stmt, 4, id);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
      /* the lists drop it or take it back; nothing of it is stamped */
      _sd_store_write_announce_story (write, id);
    }
  return TRUE;
}

static gboolean
move_stories (
    SdStore *self, SdTrashKind kind, gint64 id, gboolean to_trash, guint *out_n, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autoptr (GArray) ids = NULL;
  gint64 exists;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind <= SD_TRASH_BATCH, FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  if ((exists = query_number (self, target_exists[kind], id, error)) < 0)
    return FALSE;
  if (exists == 0)
    {
      static const char *const what[] = {
        [SD_TRASH_STORY] =
            N_("No story with the id %lld"), [SD_TRASH_PAGE] =
                                                  N_("No page with the id %lld"),
                                                      [SD_TRASH_BATCH] =
                                                          N_("No import batch with the id %lld"),
                                                      };
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND, _(what[kind]), (long long) id);
      return FALSE;
    }
  ids = query_ids (self, to_trash ? live_targets[kind] : trashed_targets[kind], id, error);
  if (ids == NULL || !mark_stories (&write, ids, to_trash ? trash_kinds[kind] : NULL, id, error))
    return FALSE;
  if (out_n != NULL)
    *out_n = ids->len;
  return _sd_store_write_commit (&write, error);
}

gboolean
_sd_store_restore_page (SdStoreWrite *write, gint64 page_id, guint *out_n, GError **error)
{
  g_autoptr (GArray) ids = query_ids (write->store,
                                      "SELECT id FROM stories WHERE page_id = ?1 "
                                      "AND trash_kind IN ('page', 'batch') ORDER BY ordinal",
                                      page_id, error);

  if (ids == NULL || !mark_stories (write, ids, NULL, 0, error))
    return FALSE;
  *out_n = ids->len;
  return TRUE;
}

gboolean
sd_store_trash (SdStore *self, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  return move_stories (self, kind, id, TRUE, out_n, error);
}

gboolean
sd_store_restore (SdStore *self, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  return move_stories (self, kind, id, FALSE, out_n, error);
}

/**
 * sd_store_dup_target_name:
 *
 * Returns: (transfer full): the name, or %NULL with @error set
 */
char *
sd_store_dup_target_name (SdStore *self, SdTrashKind kind, gint64 id, GError **error)
{
  static const char *const names[] = {
    [SD_TRASH_STORY] = "SELECT coalesce (headline, substr (body, 1, 24)) FROM stories WHERE id = ?",
    [SD_TRASH_PAGE] = "SELECT file FROM pages WHERE id = ?",
    [SD_TRASH_BATCH] = "SELECT coalesce ((SELECT min (file) FROM pages WHERE batch_id = b.id), "
                       "started) FROM batches b WHERE id = ?",
  };
  sqlite3_stmt *stmt;
  char         *name = NULL;

  g_return_val_if_fail (SD_IS_STORE (self) && kind <= SD_TRASH_BATCH, NULL);

  if ((stmt = _sd_store_get_statement (self, names[kind], error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (
        sqlite3_column_text (stmt, 0) != NULL ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  if (name == NULL)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("Nothing with the id %lld"), (long long) id);
  return name;
}

/**
 * sd_store_list_trash:
 *
 * Returns: (transfer full) (element-type SdTrashEntry): what is in the
 * trash, one entry per story, page or batch deleted, or %NULL with @error.
 */
GPtrArray *
sd_store_list_trash (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_trash_entry_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt = _sd_store_get_statement (
      self,
      "SELECT s.trash_kind, s.trash_of, max (s.trashed), count (DISTINCT s.page_id), count (*), "
      "  min (p.file), min (coalesce (s.headline, substr (s.body, 1, 24))), "
      "  (SELECT kind FROM batches WHERE id = s.trash_of) "
      "FROM stories s JOIN pages p ON p.id = s.page_id WHERE s.trashed IS NOT NULL "
      "GROUP BY s.trash_kind, s.trash_of ORDER BY 3 DESC, 1, 2",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdTrashEntry *entry = g_new0 (SdTrashEntry, 1);
      const char   *kind = (const char *) sqlite3_column_text (stmt, 0);

      entry->kind = g_strcmp0 (kind, trash_kinds[SD_TRASH_BATCH]) == 0  ? SD_TRASH_BATCH
                    : g_strcmp0 (kind, trash_kinds[SD_TRASH_PAGE]) == 0 ? SD_TRASH_PAGE
                                                                        : SD_TRASH_STORY;
      entry->target = sqlite3_column_int64 (stmt, 1);
      entry->trashed = _sd_store_dup_column_text (stmt, 2);
      entry->n_pages = sqlite3_column_int (stmt, 3);
      entry->n_stories = sqlite3_column_int (stmt, 4);
      entry->label = _sd_store_dup_column_text (stmt, entry->kind == SD_TRASH_STORY ? 6 : 5);
      if (entry->kind == SD_TRASH_BATCH)
        entry->batch_kind = parse_batch_kind ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list the trash");
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gint64
sd_store_count_trash (SdStore *self, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), -1);
  return query_number (self, "SELECT count (*) FROM stories WHERE trashed IS NOT NULL", 0, error);
}

/* Deletes for good what went to the trash before @before, inside @write. */
static gboolean
purge (SdStoreWrite *write, const char *before, guint *out_n, GError **error)
{
  /* A page goes when none of its stories stays; then re-importing its
   * file is a new import.  Its stories go with it (ON DELETE CASCADE). */
  static const char *const deletes[] = {
    "DELETE FROM pages WHERE id IN (SELECT page_id FROM stories WHERE trashed < ?1) "
    "AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.page_id = pages.id "
    "AND (s.trashed IS NULL OR s.trashed >= ?1))",
    "DELETE FROM stories WHERE trashed < ?1",
  };
  SdStore      *self = write->store;
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "SELECT count (*) FROM stories WHERE trashed < ?", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, before);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _sd_store_set_sql_error (self, error, "count the trash");
    }
  *out_n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (deletes) && *out_n > 0; i++)
    {
      if ((stmt = _sd_store_get_statement (self, deletes[i], error)) == NULL)
        return FALSE;
      _sd_store_bind_text (stmt, 1, before);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_empty_trash (SdStore *self, const char *before, guint *out_n, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  guint n = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  /* every time stamp sorts before "~" */
  if (!_sd_store_write_begin (self, &write, error)
      || !purge (&write, before != NULL ? before : "~", &n, error)
      || !_sd_store_write_commit (&write, error))
    return FALSE;
  if (out_n != NULL)
    *out_n = n;
  if (n > 0)
    _sd_store_notify_library (self);
  return TRUE;
}

gboolean
_sd_store_purge_trash (SdStore *self, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, -SD_STORE_TRASH_DAYS);
  g_autofree char *before = g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt    *stmt;
  int              rc;

  /* Most opens find nothing to purge: a read, not a write, says so. */
  stmt = _sd_store_get_statement (self, "SELECT 1 FROM stories WHERE trashed < ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, before);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _sd_store_set_sql_error (self, error, "read the trash");
  return sd_store_empty_trash (self, before, NULL, error);
}
