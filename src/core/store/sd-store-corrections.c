/* sd-store-corrections.c — editors correct what the segmenter got wrong:
 * fields, splits and merges (taking back a repair: sd-store-repairs.c)
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
#include "sd-story-cuts.h"

static const char *const field_updates[] = {
  [SD_STORY_FIELD_HEADLINE] = "UPDATE stories SET headline = ?, corrected = 1 WHERE id = ?",
  [SD_STORY_FIELD_SUBHEADLINE] = "UPDATE stories SET subheadline = ?, corrected = 1 WHERE id = ?",
  [SD_STORY_FIELD_REPORTER] = "UPDATE stories SET reporter = ?, corrected = 1 WHERE id = ?",
  [SD_STORY_FIELD_BYLINE] = "UPDATE stories SET byline = ?, corrected = 1 WHERE id = ?",
};

static const char *
get_field (const SdStory *story, SdStoryField field)
{
  switch (field)
    {
    case SD_STORY_FIELD_HEADLINE:
      return story->headline;
    case SD_STORY_FIELD_SUBHEADLINE:
      return story->subheadline;
    case SD_STORY_FIELD_REPORTER:
      return story->reporter;
    case SD_STORY_FIELD_BYLINE:
      return story->byline;
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
set_field (
    SdStoreWrite *write, gint64 story_id, SdStoryField field, const char *value, GError **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt    *stmt;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("The text must be UTF-8"));
      return FALSE;
    }
  clean = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  if (!_sd_store_write_touch_story (write, story_id, error)
      || (stmt = _sd_store_get_statement (write->store, field_updates[field], error)) == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, story_id);
  return _sd_store_step_done (write->store, stmt, error);
}

gboolean
sd_store_set_story_field (
    SdStore *self, gint64 story_id, SdStoryField field, const char *value, GError **error)
{
  return sd_store_edit_story_field (self, story_id, field, value, NULL, error);
}

gboolean
sd_store_edit_story_field (SdStore         *self,
                           gint64           story_id,
                           SdStoryField     field,
                           const char      *value,
                           SdStoreReplaced *out,
                           GError         **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || !_sd_store_write_read_before (&write, story_id, out, error))
    return FALSE;
  if (out != NULL && g_strcmp0 (get_field (out->story, field), value) == 0)
    return _sd_store_write_commit (&write, error); /* nothing to change */
  if (!set_field (&write, story_id, field, value, error))
    return FALSE;
  if (out != NULL)
    out->changed = TRUE;
  return _sd_store_write_commit (&write, error);
}

/* Makes room for a story after @ordinal; two steps, as UNIQUE (page_id,
 * ordinal) is checked row by row. */
static gboolean
shift_ordinals (SdStore *self, gint64 page_id, gint64 after, int delta, GError **error)
{
  static const char *const sqls[] = {
    "UPDATE stories SET ordinal = -ordinal - 1 WHERE page_id = ?1 AND ordinal > ?2",
    "UPDATE stories SET ordinal = -ordinal - 1 + ?3 WHERE page_id = ?1 AND ordinal < 0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
    {
      sqlite3_stmt *stmt = _sd_store_get_statement (self, sqls[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, page_id);
      sqlite3_bind_int64 (stmt, 2, after);
      if (i == 1)
        sqlite3_bind_int (stmt, 3, delta);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_body (SdStore    *self,
             gint64      story_id,
             const char *body,
             gint64      source_end,
             GPtrArray  *headings,
             GError    **error)
{
  g_autofree char *joined = _sd_store_join_array (headings);
  sqlite3_stmt    *stmt;

  if (!_sd_store_forget_body_mentions (self, story_id, error))
    return FALSE;
  stmt = _sd_store_get_statement (
      self,
      "UPDATE stories SET body = ?, source_end = ?, section_headings = ?, corrected = 1 "
      "WHERE id = ?",
      error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, body);
  sqlite3_bind_int64 (stmt, 2, source_end);
  _sd_store_bind_text (stmt, 3, joined);
  sqlite3_bind_int64 (stmt, 4, story_id);
  return _sd_store_step_done (self, stmt, error);
}

/* Gives the repairs starting at or after @from (page-text bytes) to
 * another story: the text they changed went there. */
static gboolean
move_repairs (SdStore *self, gint64 from_story, gint64 to_story, gint64 from, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "UPDATE repairs SET story_id = ?3 WHERE story_id = ?1 AND start >= ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_story);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to_story);
  return _sd_store_step_done (self, stmt, error);
}

/* Moves highlights from one story to another (or keeps them), shifting
 * their offsets by @shift; only those starting at or after @from. */
static gboolean
move_highlights (
    SdStore *self, gint64 from_story, gint64 to_story, gint64 from, gint64 shift, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "UPDATE highlights SET story_id = ?3, start = start + ?4, end = end + ?4 "
      "WHERE story_id = ?1 AND start >= ?2",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_story);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to_story);
  sqlite3_bind_int64 (stmt, 4, shift);
  return _sd_store_step_done (self, stmt, error);
}

/* Splits the story inside @write; see sd_store_split_story(). */
static gboolean
split (SdStoreWrite *write, gint64 story_id, guint paragraph, gint64 *out_new_id, GError **error)
{
  SdStore *self = write->store;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStoryCut) cut = NULL;
  g_auto (SdPageInfo) page = { 0 };
  SdStory      *tail;
  gint64        split_offset;
  sqlite3_stmt *stmt;

  story = sd_store_get_story (self, story_id, error);
  if (story == NULL || !_sd_store_read_page_info (self, story_id, &page, error)
      || (cut = sd_story_cut (story, paragraph, error)) == NULL)
    return FALSE;
  tail = cut->tail;
  split_offset =
      sd_story_cut_find_offset (cut, story, page.text, page.text_length, page.encoding, page.size);
  tail->source_start = split_offset;
  tail->source_end = story->source_end;

  if (!shift_ordinals (self, page.page_id, page.ordinal, 1, error)
      || !_sd_store_insert_story (self, page.page_id, page.ordinal + 1, tail, error)
      || !update_body (self, story_id, cut->head_body, split_offset, cut->head_headings, error)
      || !move_repairs (
          self, story_id, tail->id,
          sd_page_text_offset (split_offset, page.text_length, page.encoding, page.size), error)
      || !_sd_store_copy_tags (self, story_id, tail->id, error))
    return FALSE;

  /* The tail keeps the review state and place the story had, as the
   * editor's own, so a re-import does not undo the split's filing. */
  stmt = _sd_store_get_statement (
      self,
      "UPDATE stories SET status = (SELECT status FROM stories WHERE id = ?1), "
      "place_by_editor = (SELECT place_by_editor FROM stories WHERE id = ?1), corrected = 1 "
      "WHERE id = ?2",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_int64 (stmt, 2, tail->id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;

  if (!move_highlights (self, story_id, tail->id, cut->tail_from, cut->tail_shift, error))
    return FALSE;
  *out_new_id = tail->id;
  return _sd_store_write_touch_story (write, story_id, error)
         && _sd_store_write_touch_story (write, tail->id, error);
}

gboolean
sd_store_split_story (
    SdStore *self, gint64 story_id, guint paragraph, gint64 *out_new_id, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  gint64 new_id = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || !split (&write, story_id, paragraph, &new_id, error))
    return FALSE;
  if (out_new_id != NULL)
    *out_new_id = new_id;
  return _sd_store_write_commit (&write, error);
}

gint64
sd_store_find_next_story (SdStore *self, gint64 story_id, GError **error)
{
  g_auto (SdPageInfo) page = { 0 };
  sqlite3_stmt *stmt;
  gint64        next_id = 0;

  g_return_val_if_fail (SD_IS_STORE (self), -1);

  if (!_sd_store_read_page_info (self, story_id, &page, error))
    return -1;
  stmt = _sd_store_get_statement (
      self,
      "SELECT id FROM stories WHERE page_id = ? AND ordinal > ? AND trashed IS NULL "
      "ORDER BY ordinal LIMIT 1",
      error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, page.page_id);
  sqlite3_bind_int64 (stmt, 2, page.ordinal);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (next_id == 0)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                 _("This is the last story of its page: there is nothing to join"));
  return next_id > 0 ? next_id : -1;
}

static gboolean
set_note (SdStore *self, gint64 story_id, const char *note, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "UPDATE stories SET note = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, note);
  sqlite3_bind_int64 (stmt, 2, story_id);
  return _sd_store_step_done (self, stmt, error);
}

/* Joins the next story onto this one inside @write, handing both back as
 * they were in @out (nullable); see sd_store_merge_with_next(). */
static gboolean
merge (SdStoreWrite    *write,
       gint64           story_id,
       gint64          *out_removed_id,
       guint           *out_paragraph,
       SdStoreReplaced *out,
       GError         **error)
{
  SdStore *self = write->store;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStory) next = NULL;
  g_auto (SdPageInfo) page = { 0 };
  g_autoptr (SdStoryJoin) join = NULL;
  gint64        next_id = 0;
  sqlite3_stmt *stmt;

  story = sd_store_get_story (self, story_id, error);
  if (story == NULL || !_sd_store_read_page_info (self, story_id, &page, error))
    return FALSE;
  next_id = sd_store_find_next_story (self, story_id, error);
  if (next_id <= 0)
    return FALSE;
  next = sd_store_get_story (self, next_id, error);
  if (next == NULL)
    return FALSE;

  join = sd_story_join (story, next);
  if (!update_body (self, story_id, join->body, next->source_end, join->headings, error)
      || !_sd_store_copy_tags (self, next_id, story_id, error)
      || !move_highlights (self, next_id, story_id, 0, join->shift, error)
      || !move_repairs (self, next_id, story_id, 0, error)
      || !set_note (self, story_id, join->note, error))
    return FALSE;
  stmt = _sd_store_get_statement (self, "DELETE FROM stories WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, next_id);
  if (!_sd_store_step_done (self, stmt, error)
      || !_sd_store_write_touch_story (write, story_id, error))
    return FALSE;
  *out_removed_id = next_id;
  *out_paragraph = join->paragraph;
  if (out != NULL)
    {
      g_clear_pointer (&out->story, sd_story_unref);
      out->story = g_steal_pointer (&story);
      out->next = g_steal_pointer (&next);
      out->changed = TRUE;
    }
  return TRUE;
}

gboolean
sd_store_merge_with_next (
    SdStore *self, gint64 story_id, gint64 *out_removed_id, guint *out_paragraph, GError **error)
{
  return sd_store_edit_merge_with_next (self, story_id, out_removed_id, out_paragraph, NULL, error);
}

gboolean
sd_store_edit_merge_with_next (SdStore         *self,
                               gint64           story_id,
                               gint64          *out_removed_id,
                               guint           *out_paragraph,
                               SdStoreReplaced *out,
                               GError         **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  gint64 removed_id = 0;
  guint  paragraph = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || !merge (&write, story_id, &removed_id, &paragraph, out, error))
    return FALSE;
  if (out_removed_id != NULL)
    *out_removed_id = removed_id;
  if (out_paragraph != NULL)
    *out_paragraph = paragraph;
  return _sd_store_write_commit (&write, error);
}
