/* sd-store-write.c — the write guard: begin, commit or roll back, and the
 * signals a committed write emits
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-store-write-private.h"

/* How long a writer waits for the write lock before it says the library
 * is busy.  Imports hold it a batch of stories at a time (a fraction of a
 * second), so only a program that holds it for minutes gets this far. */
#define WRITE_WAIT_LIMIT (5 * 60 * G_USEC_PER_SEC)

/* BEGIN IMMEDIATE, tried again with growing pauses while another writer
 * holds the lock past the busy timeout: "database is locked" is SQLite's
 * word, never the editor's (#14 item 12). */
static gboolean
begin_immediate (SdStore *self, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  gulong pause = 10000; /* µs */
  int    rc;

  while ((rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        return _sd_store_set_sql_error (self, error, "begin a write");
      if (g_get_monotonic_time () - start > WRITE_WAIT_LIMIT)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_BUSY,
                       _("%s: the library is busy: another program has been writing to it for "
                         "%d minutes; nothing was changed, try again later"),
                          self->path, (int) (WRITE_WAIT_LIMIT / G_USEC_PER_SEC / 60));
          return FALSE;
        }
      /* jittered, so that writers waiting together do not wake together */
      g_usleep (pause + g_random_int_range (0, pause));
      pause = MIN (pause * 2, G_USEC_PER_SEC);
    }
  return TRUE;
}

gboolean
_sd_store_write_begin (SdStore *self, SdStoreWrite *write, GError **error)
{
  g_return_val_if_fail (write->store == NULL, FALSE);

  /* a library opened before its check is written once that has passed */
  if (self->check != NULL && !_sd_store_check_settle (self->check, error))
    return FALSE;
  if (self->damaged != NULL)
    {
      g_propagate_error (error, g_error_copy (self->damaged));
      return FALSE;
    }
  if (self->edit_write != NULL && self->edit_write != write)
    write->outer = self->edit_write; /* no transaction of its own */
  else if (!begin_immediate (self, error))
    return FALSE;
  /* IMMEDIATE takes the write lock up front, so two writers queue on the
   * busy timeout instead of failing half-way with SQLITE_BUSY. */
  write->store = self;
  if (write->now == NULL)
    write->now = _sd_store_dup_now ();
  if (write->stories == NULL)
    write->stories = g_array_new (FALSE, FALSE, sizeof (gint64));
  return TRUE;
}

gboolean
_sd_store_write_commit (SdStoreWrite *write, GError **error)
{
  g_autoptr (SdStore) store = NULL;

  g_return_val_if_fail (write->store != NULL, FALSE);

  if (write->outer != NULL)
    {
      for (guint i = 0; i < write->stories->len; i++)
        _sd_store_write_announce_story (write->outer, g_array_index (write->stories, gint64, i));
      write->outer->tags |= write->tags;
      write->store = NULL;
      return TRUE;
    }
  if (!_sd_store_exec (write->store, "COMMIT", error))
    return FALSE; /* still open: the guard rolls it back */
  /* Closed before the signals, so a handler may start a write of its own. */
  store = g_object_ref (g_steal_pointer (&write->store));
  for (guint i = 0; i < write->stories->len; i++)
    _sd_store_notify_story (store, g_array_index (write->stories, gint64, i));
  if (write->tags)
    _sd_store_notify_tags (store);
  /* announced once: a write begun again (a long import's next batch)
   * collects afresh */
  g_array_set_size (write->stories, 0);
  write->tags = FALSE;
  return TRUE;
}

void
_sd_store_write_clear (SdStoreWrite *write)
{
  /* A joined write that failed leaves the rollback to the edit's write. */
  if (write->store != NULL && write->outer == NULL)
    _sd_store_exec (g_steal_pointer (&write->store), "ROLLBACK", NULL);
  g_clear_pointer (&write->now, g_free);
  g_clear_pointer (&write->stories, g_array_unref);
}

gboolean
_sd_store_write_touch_story (SdStoreWrite *write, gint64 story_id, GError **error)
{
  SdStore      *self = write->store;
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "UPDATE stories SET editor = ?, updated = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, self->editor);
  _sd_store_bind_text (stmt, 2, write->now);
  sqlite3_bind_int64 (stmt, 3, story_id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No story with the id %lld"), (long long) story_id);
      return FALSE;
    }
  _sd_store_write_announce_story (write, story_id);
  return TRUE;
}

void
_sd_store_write_announce_story (SdStoreWrite *write, gint64 story_id)
{
  for (guint i = 0; i < write->stories->len; i++)
    if (g_array_index (write->stories, gint64, i) == story_id)
      return;
  g_array_append_val (write->stories, story_id);
}

void
_sd_store_write_notify_tags (SdStoreWrite *write)
{
  write->tags = TRUE;
}

gboolean
_sd_store_write_read_before (SdStoreWrite    *write,
                             gint64           story_id,
                             SdStoreReplaced *out,
                             GError         **error)
{
  g_return_val_if_fail (write->store != NULL, FALSE);

  if (out == NULL)
    return TRUE;
  g_clear_pointer (&out->story, sd_story_unref);
  out->story = sd_store_get_story (write->store, story_id, error);
  return out->story != NULL;
}

void
sd_store_replaced_clear (SdStoreReplaced *replaced)
{
  g_clear_pointer (&replaced->story, sd_story_unref);
  g_clear_pointer (&replaced->next, sd_story_unref);
  replaced->changed = FALSE;
}
