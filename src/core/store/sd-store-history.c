/* sd-store-history.c — a story's earlier notes and statuses: what a newer
 * edit replaced in a merge, kept with who wrote it and when
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include "sd-store-private.h"

void
sd_history_entry_free (SdHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->field);
  g_free (entry->value);
  g_free (entry->editor);
  g_free (entry->edited);
  g_free (entry->replaced);
  g_free (entry->reason);
  g_free (entry);
}

/* One earlier value, unless the same value of the same edit is kept
 * already (the same export imported twice, or two exports of it). */
static gboolean
keep (SdStore       *self,
      gint64         story_id,
      const char    *field,
      const char    *value,
      const SdStory *older,
      const char    *now,
      gboolean      *out_kept,
      GError       **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "INSERT INTO story_history (story_id, field, value, editor, edited, replaced, reason) "
      "SELECT ?1, ?2, ?3, ?4, ?5, ?6, 'merge' WHERE NOT EXISTS (SELECT 1 FROM story_history "
      "WHERE story_id = ?1 AND field = ?2 AND value = ?3 AND edited IS ?5)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  _sd_store_bind_text (stmt, 2, field);
  _sd_store_bind_text (stmt, 3, value);
  _sd_store_bind_text (stmt, 4, older->editor);
  _sd_store_bind_text (stmt, 5, older->updated);
  _sd_store_bind_text (stmt, 6, now);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  *out_kept |= sqlite3_changes (self->db) > 0;
  return TRUE;
}

gboolean
_sd_store_keep_older_edit (SdStore       *self,
                           gint64         story_id,
                           const SdStory *older,
                           const SdStory *newer,
                           const char    *now,
                           gboolean      *out_kept,
                           GError       **error)
{
  *out_kept = FALSE;
  if (g_strcmp0 (older->note, newer->note) != 0
      && !keep (self, story_id, "note", older->note != NULL ? older->note : "", older, now,
                out_kept, error))
    return FALSE;
  if (older->status != newer->status
      && !keep (self, story_id, "status", sd_story_status_to_string (older->status), older, now,
                out_kept, error))
    return FALSE;
  return TRUE;
}

/**
 * sd_store_list_history:
 *
 * Returns: (transfer full) (element-type SdHistoryEntry): the story's
 * earlier notes and statuses, oldest first, or %NULL with @error set
 */
GPtrArray *
sd_store_list_history (SdStore *self, gint64 story_id, GError **error)
{
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_history_entry_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt = _sd_store_get_statement (self,
                                  "SELECT field, value, editor, edited, replaced, reason "
                                  "FROM story_history WHERE story_id = ? ORDER BY replaced, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdHistoryEntry *entry = g_new0 (SdHistoryEntry, 1);

      entry->field = _sd_store_dup_column_text (stmt, 0);
      entry->value = _sd_store_dup_column_text (stmt, 1);
      entry->editor = _sd_store_dup_column_text (stmt, 2);
      entry->edited = _sd_store_dup_column_text (stmt, 3);
      entry->replaced = _sd_store_dup_column_text (stmt, 4);
      entry->reason = _sd_store_dup_column_text (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "read the history");
      return NULL;
    }
  return g_steal_pointer (&entries);
}
