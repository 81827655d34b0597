/* sd-store-tags.c — the tags themselves: colours, renaming and merging
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-store-private.h"

static gboolean
is_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gint64
find_tag (SdStore *self, const char *name, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self, "SELECT id FROM tags WHERE name = ?", error);
  gint64        id = 0;

  if (stmt == NULL)
    return -1;
  _sd_store_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
sd_store_rename_tag (SdStore *self, const char *tag, const char *new_name, GError **error)
{
  g_autofree char *from = _sd_store_normalize_tag (tag, error);
  g_autofree char *to = NULL;
  g_autofree char *now = _sd_store_dup_now ();
  gint64           from_id, to_id;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (from == NULL || (to = _sd_store_normalize_tag (new_name, error)) == NULL)
    return FALSE;
  if (g_str_equal (from, to))
    return TRUE;
  if (!_sd_store_begin_write (self, error))
    return FALSE;

  from_id = find_tag (self, from, error);
  if (from_id <= 0)
    {
      if (from_id == 0)
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                     _("There is no tag “%s”"), from);
      goto failed;
    }
  to_id = find_tag (self, to, error);
  if (to_id < 0)
    goto failed;

  /* The stories that carry the tag now show another: stamp them. */
  stmt = _sd_store_get_statement (self,
                                  "UPDATE stories SET editor = ?, updated = ? WHERE id IN "
                                  "(SELECT story_id FROM story_tags WHERE tag_id = ?)",
                                  error);
  if (stmt == NULL)
    goto failed;
  _sd_store_bind_text (stmt, 1, self->editor);
  _sd_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, from_id);
  if (!_sd_store_step_done (self, stmt, error))
    goto failed;

  if (to_id == 0)
    {
      stmt = _sd_store_get_statement (self, "UPDATE tags SET name = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      _sd_store_bind_text (stmt, 1, to);
      sqlite3_bind_int64 (stmt, 2, from_id);
      if (!_sd_store_step_done (self, stmt, error))
        goto failed;
    }
  else if (!_sd_store_run_pair (
               self,
               "INSERT OR IGNORE INTO story_tags (story_id, tag_id, editor, added) "
               "SELECT story_id, ?2, editor, added FROM story_tags WHERE tag_id = ?1",
               from_id, to_id, error)
           || !_sd_store_run_pair (self, "DELETE FROM tags WHERE id = ?1 AND ?2 IS NOT NULL",
                                   from_id, to_id, error))
    goto failed;

  if (!_sd_store_commit_write (self, error))
    goto failed;
  _sd_store_notify_tags (self);
  return TRUE;

failed:
  _sd_store_rollback_write (self);
  return FALSE;
}

gboolean
sd_store_set_tag_color (SdStore *self, const char *tag, const char *color, GError **error)
{
  g_autofree char *name = _sd_store_normalize_tag (tag, error);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (name == NULL)
    return FALSE;
  if (color != NULL && !is_color (color))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("“%s” is not a colour like #3584e4"), color);
      return FALSE;
    }
  stmt = _sd_store_get_statement (self, "UPDATE tags SET color = ? WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, color);
  _sd_store_bind_text (stmt, 2, name);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("There is no tag “%s”"), name);
      return FALSE;
    }
  _sd_store_notify_tags (self);
  return TRUE;
}

GHashTable *
sd_store_dup_tag_colors (SdStore *self, GError **error)
{
  g_autoptr (GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "SELECT name, color FROM tags WHERE color IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (colors, _sd_store_dup_column_text (stmt, 0),
                         _sd_store_dup_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "read tag colours");
      return NULL;
    }
  return g_steal_pointer (&colors);
}
