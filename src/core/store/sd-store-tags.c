/* sd-store-tags.c — the tags themselves: colours, renaming and merging
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"

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

/* TRUE when @color (nullable: none) is one a tag may have (a shared
 * library's rule too: sd-pg-organise.c). */
gboolean
_sd_store_check_tag_color (const char *color, GError **error)
{
  if (color == NULL || is_color (color))
    return TRUE;
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
               _("“%s” is not a colour like #3584e4"), color);
  return FALSE;
}

gboolean
sd_store_rename_tag (SdStore *self, const char *tag, const char *new_name, GError **error)
{
  g_autofree char *from = _sd_store_normalize_tag (tag, error);
  g_autofree char *to = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  gint64        from_id, to_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (from == NULL || (to = _sd_store_normalize_tag (new_name, error)) == NULL)
    return FALSE;
  if (g_str_equal (from, to))
    return TRUE;
  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;

  from_id = _sd_store_find_tag (self, from, error);
  if (from_id <= 0)
    {
      if (from_id == 0)
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                     _("There is no tag “%s”"), from);
      return FALSE;
    }
  to_id = _sd_store_find_tag (self, to, error);
  if (to_id < 0)
    return FALSE;

  /* The stories that carry the tag now show another: stamp them. */
  stmt = _sd_store_get_statement (self,
                                  "UPDATE stories SET editor = ?, updated = ? WHERE id IN "
                                  "(SELECT story_id FROM story_tags WHERE tag_id = ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, self->editor);
  _sd_store_bind_text (stmt, 2, write.now);
  sqlite3_bind_int64 (stmt, 3, from_id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;

  if (to_id == 0)
    {
      stmt = _sd_store_get_statement (self, "UPDATE tags SET name = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _sd_store_bind_text (stmt, 1, to);
      sqlite3_bind_int64 (stmt, 2, from_id);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  else if (!_sd_store_copy_tag_links (self, from_id, to_id, error)
           || !_sd_store_run_pair (self, "DELETE FROM tags WHERE id = ?1 AND ?2 IS NOT NULL",
                                   from_id, to_id, error))
    return FALSE;

  _sd_store_write_notify_tags (&write);
  return _sd_store_write_commit (&write, error);
}

gboolean
sd_store_set_tag_color (SdStore *self, const char *tag, const char *color, GError **error)
{
  g_autofree char *name = _sd_store_normalize_tag (tag, error);
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (name == NULL || !_sd_store_check_tag_color (color, error)
      || !_sd_store_write_begin (self, &write, error))
    return FALSE;
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
  _sd_store_write_notify_tags (&write);
  return _sd_store_write_commit (&write, error);
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
