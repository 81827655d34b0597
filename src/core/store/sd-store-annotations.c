/* sd-store-annotations.c — what editors add to stories: tags, notes, status,
 * highlights, dismissed suggestions
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

/* A story's value as a string, to compare with what an editor asks for. */
typedef const char *(*ValueOf) (const SdStory *story);

/* Runs one editor action as a single transaction: @sql, bound to ?1 = the
 * story, ?2 = @value, ?3 = now, ?4 = the editor, plus the who-and-when
 * stamp on the story.  With @out, the story as it was goes there and, with
 * @current, nothing is written when the value already is @value.  With
 * @expected too, nothing is written unless the value still is @expected:
 * the value the editor started from, which another writer may have
 * changed meanwhile. */
static gboolean
run_story_action (SdStore         *self,
                  gint64           story_id,
                  const char      *sql,
                  const char      *expected,
                  const char      *value,
                  ValueOf          current,
                  SdStoreReplaced *out,
                  GError         **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_auto (SdStoreReplaced) own = { 0 };
  sqlite3_stmt *stmt;

  if (expected != NULL && out == NULL)
    out = &own;
  if (!_sd_store_write_begin (self, &write, error)
      || !_sd_store_write_read_before (&write, story_id, out, error))
    return FALSE;
  if (out != NULL && current != NULL && g_strcmp0 (current (out->story), value) == 0)
    return _sd_store_write_commit (&write, error);
  if (expected != NULL && g_strcmp0 (current (out->story), expected) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED,
                   _("Story %lld was changed by someone else meanwhile"), (long long) story_id);
      return FALSE;
    }

  if (!_sd_store_write_touch_story (&write, story_id, error)
      || (stmt = _sd_store_get_statement (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  _sd_store_bind_text (stmt, 2, value);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    _sd_store_bind_text (stmt, 3, write.now);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    _sd_store_bind_text (stmt, 4, self->editor);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  if (out != NULL)
    out->changed = TRUE;
  return _sd_store_write_commit (&write, error);
}

GPtrArray *
sd_store_list_tags (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self,
                               "SELECT t.name FROM tags t "
                               "LEFT JOIN story_tags st ON st.tag_id = t.id "
                               "GROUP BY t.id ORDER BY count (st.story_id) DESC, t.name",
                               error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, _sd_store_dup_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list tags");
      return NULL;
    }
  return g_steal_pointer (&tags);
}

#define NOTE_SQL "UPDATE stories SET note = ?2 WHERE id = ?1"
#define STATUS_SQL "UPDATE stories SET status = ?2 WHERE id = ?1"
#define PLACE_SQL                                                                                  \
  "UPDATE stories SET place_code = ?2, place_confidence = 1, place_by_editor = 1 WHERE "           \
  "id = ?1"

static gboolean
check_note (const char *note, GError **error)
{
  if (note != NULL && g_utf8_validate (note, -1, NULL))
    return TRUE;
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("A note must be UTF-8 text"));
  return FALSE;
}

static const char *
note_of (const SdStory *story)
{
  return story->note;
}

static const char *
status_of (const SdStory *story)
{
  return sd_story_status_to_string (story->status);
}

gboolean
sd_store_set_note (SdStore *self, gint64 story_id, const char *note, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return check_note (note, error)
         && run_story_action (self, story_id, NOTE_SQL, NULL, note, NULL, NULL, error);
}

gboolean
sd_store_set_note_from (
    SdStore *self, gint64 story_id, const char *expected, const char *note, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return check_note (note, error)
         && run_story_action (self, story_id, NOTE_SQL, expected, note, note_of, NULL, error);
}

gboolean
sd_store_edit_note (SdStore         *self,
                    gint64           story_id,
                    const char      *expected,
                    const char      *note,
                    SdStoreReplaced *out,
                    GError         **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return check_note (note, error)
         && run_story_action (self, story_id, NOTE_SQL, expected, note, note_of, out, error);
}

gboolean
sd_store_set_status (SdStore *self, gint64 story_id, SdStoryStatus status, GError **error)
{
  return sd_store_edit_status (self, story_id, status, NULL, error);
}

gboolean
sd_store_edit_status (
    SdStore *self, gint64 story_id, SdStoryStatus status, SdStoreReplaced *out, GError **error)
{
  const char *name = sd_story_status_to_string (status);

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return run_story_action (self, story_id, STATUS_SQL, NULL, name, status_of, out, error);
}

gboolean
sd_store_set_place (SdStore *self, gint64 story_id, const char *place_code, GError **error)
{
  return sd_store_edit_place (self, story_id, place_code, NULL, error);
}

gboolean
sd_store_edit_place (
    SdStore *self, gint64 story_id, const char *place_code, SdStoreReplaced *out, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return run_story_action (self, story_id, PLACE_SQL, NULL, place_code, NULL, out, error);
}

gboolean
sd_store_restore_place (SdStore    *self,
                        gint64      story_id,
                        const char *place_code,
                        double      confidence,
                        gboolean    by_editor,
                        GError    **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || !_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  stmt = _sd_store_get_statement (self,
                                  "UPDATE stories SET place_code = ?, place_confidence = ?, "
                                  "place_by_editor = ? WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, place_code);
  sqlite3_bind_double (stmt, 2, confidence);
  sqlite3_bind_int (stmt, 3, by_editor);
  sqlite3_bind_int64 (stmt, 4, story_id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}

/* Characters [@start, @end) of @text, clamped; (transfer full) */
static char *
dup_char_range (const char *text, glong length, glong start, glong end)
{
  const char *from, *to;

  start = CLAMP (start, 0, length);
  end = CLAMP (end, start, length);
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

/* How much context a highlight keeps either side to be found again. */
#define HIGHLIGHT_CONTEXT 32

gboolean
sd_store_add_highlight (SdStore    *self,
                        gint64      story_id,
                        gint64      start,
                        gint64      end,
                        const char *comment,
                        gint64     *out_id,
                        GError    **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autoptr (SdStory) story = NULL;
  g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
  glong            length;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  story = sd_store_get_story (self, story_id, error);
  if (story == NULL)
    return FALSE;
  length = g_utf8_strlen (story->body, -1);
  if (start < 0 || end <= start || end > length)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A highlight must cover text of the story (characters %lld–%lld of %ld)"),
                      (long long) start, (long long) end, length);
      return FALSE;
    }
  if (comment != NULL && !g_utf8_validate (comment, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A comment must be UTF-8 text"));
      return FALSE;
    }
  quote = dup_char_range (story->body, length, start, end);
  prefix = dup_char_range (story->body, length, start - HIGHLIGHT_CONTEXT, start);
  suffix = dup_char_range (story->body, length, end, end + HIGHLIGHT_CONTEXT);

  if (!_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  {
    const SdHighlight row = { .start = start,
                              .end = end,
                              .quote = quote,
                              .prefix = prefix,
                              .suffix = suffix,
                              .comment = (char *) comment,
                              .editor = self->editor,
                              .created = write.now };

    if (!_sd_store_insert_highlight (self, story_id, &row, out_id, error))
      return FALSE;
  }
  return _sd_store_write_commit (&write, error);
}

/* Removes a highlight of story @story_id, or of any story when it is 0. */
static gboolean
remove_highlight (SdStoreWrite *write, gint64 story_id, gint64 highlight_id, GError **error)
{
  SdStore      *self = write->store;
  sqlite3_stmt *stmt;
  gint64        owner = 0;

  stmt = _sd_store_get_statement (self, "SELECT story_id FROM highlights WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owner = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (owner == 0 || (story_id != 0 && owner != story_id))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No highlight with the id %lld"), (long long) highlight_id);
      return FALSE;
    }
  stmt = _sd_store_get_statement (self, "DELETE FROM highlights WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  return _sd_store_step_done (self, stmt, error)
         && _sd_store_write_touch_story (write, owner, error);
}

gboolean
sd_store_remove_highlight (SdStore *self, gint64 highlight_id, GError **error)
{
  return sd_store_edit_remove_highlight (self, 0, highlight_id, NULL, error);
}

/* @story_id 0 is any story (for sd_store_remove_highlight()); @out needs one. */
gboolean
sd_store_edit_remove_highlight (
    SdStore *self, gint64 story_id, gint64 highlight_id, SdStoreReplaced *out, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out == NULL || story_id > 0, FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || !_sd_store_write_read_before (&write, story_id, out, error)
      || !remove_highlight (&write, story_id, highlight_id, error))
    return FALSE;
  if (out != NULL)
    out->changed = TRUE;
  return _sd_store_write_commit (&write, error);
}

/* Adds or removes @tag on many stories in one transaction; @out_changed gets
 * the ids whose tags really changed, which is what an undo must revert. */
static gboolean
change_tag_on_stories (SdStore      *self,
                       const gint64 *ids,
                       guint         n_ids,
                       const char   *tag,
                       gboolean      add,
                       GArray       *out_changed,
                       GError      **error)
{
  g_autofree char *name = _sd_store_normalize_tag (tag, error);
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (name == NULL)
    return FALSE;
  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  /* no story, no new tag: a query that matched nothing leaves no trace */
  if (add && n_ids > 0 && !_sd_store_insert_tag (self, name, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      stmt = _sd_store_get_statement (self, "SELECT 1 FROM stories WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                       _("No story with the id %lld"), (long long) ids[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);

      if (add ? !_sd_store_link_tag (self, ids[i], name, self->editor, write.now, error)
              : !_sd_store_unlink_tag (self, ids[i], name, error))
        return FALSE;
      if (sqlite3_changes (self->db) > 0)
        {
          if (!_sd_store_write_touch_story (&write, ids[i], error))
            return FALSE;
          g_array_append_val (changed, ids[i]);
        }
    }
  if (!_sd_store_write_commit (&write, error))
    return FALSE;
  if (out_changed != NULL)
    g_array_append_vals (out_changed, changed->data, changed->len);
  return TRUE;
}

gboolean
sd_store_add_tag (SdStore *self, gint64 story_id, const char *tag, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return change_tag_on_stories (self, &story_id, 1, tag, TRUE, NULL, error);
}

gboolean
sd_store_remove_tag (SdStore *self, gint64 story_id, const char *tag, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return change_tag_on_stories (self, &story_id, 1, tag, FALSE, NULL, error);
}

gboolean
sd_store_add_tag_to_stories (SdStore      *self,
                             const gint64 *ids,
                             guint         n_ids,
                             const char   *tag,
                             GArray       *out_changed,
                             GError      **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return change_tag_on_stories (self, ids, n_ids, tag, TRUE, out_changed, error);
}

gboolean
sd_store_remove_tag_from_stories (SdStore      *self,
                                  const gint64 *ids,
                                  guint         n_ids,
                                  const char   *tag,
                                  GArray       *out_changed,
                                  GError      **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return change_tag_on_stories (self, ids, n_ids, tag, FALSE, out_changed, error);
}

gboolean
sd_store_dismiss_theme (SdStore *self, gint64 story_id, const char *theme, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return run_story_action (self, story_id,
                           "INSERT OR IGNORE INTO dismissed_themes (story_id, theme, created, "
                           "editor) VALUES (?1, ?2, ?3, ?4)",
                           NULL, theme, NULL, NULL, error);
}

gboolean
sd_store_undismiss_theme (SdStore *self, gint64 story_id, const char *theme, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return run_story_action (self, story_id,
                           "DELETE FROM dismissed_themes WHERE story_id = ?1 AND theme = ?2", NULL,
                           theme, NULL, NULL, error);
}

GPtrArray *
sd_store_list_dismissed_themes (SdStore *self, gint64 story_id, GError **error)
{
  g_autoptr (GPtrArray) themes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "SELECT theme FROM dismissed_themes WHERE story_id = ? ORDER BY theme", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (themes, _sd_store_dup_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list dismissed themes");
      return NULL;
    }
  return g_steal_pointer (&themes);
}
