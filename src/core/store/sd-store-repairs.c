/* sd-store-repairs.c — editors take back an OCR repair the segmenter made
 * (a dropped duplicate or fragment, a caption taken out, a joined column
 * break, a split-off byline, a stray mark left out), and undo puts it back
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <string.h>

#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"
#include "sd-story-repairs.h"

static gboolean
write_story_text (SdStore    *self,
                  gint64      story_id,
                  const char *body,
                  const char *byline,
                  GPtrArray  *captions,
                  GError    **error)
{
  g_autofree char *joined = _sd_store_join_array (captions);
  sqlite3_stmt    *stmt = _sd_store_get_statement (
         self, "UPDATE stories SET body = ?, byline = ?, captions = ?, corrected = 1 WHERE id = ?",
         error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, body);
  _sd_store_bind_text (stmt, 2, byline);
  _sd_store_bind_text (stmt, 3, joined);
  sqlite3_bind_int64 (stmt, 4, story_id);
  return _sd_store_step_done (self, stmt, error)
         && _sd_store_forget_body_mentions (self, story_id, error);
}

static gboolean
delete_repair (SdStore *self, gint64 story_id, gint64 repair_id, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "DELETE FROM repairs WHERE rowid = ? AND story_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, repair_id);
  sqlite3_bind_int64 (stmt, 2, story_id);
  return _sd_store_step_done (self, stmt, error);
}

gboolean
sd_store_revert_repair (SdStore *self, gint64 story_id, gint64 repair_id, GError **error)
{
  return sd_store_edit_revert_repair (self, story_id, repair_id, NULL, error);
}

gboolean
sd_store_edit_revert_repair (
    SdStore *self, gint64 story_id, gint64 repair_id, SdStoreReplaced *out, GError **error)
{
  g_autoptr (SdStory) story = NULL;
  g_auto (SdPageInfo) page = { 0 };
  g_auto (SdStoryReverted) reverted = { 0 };
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  story = sd_store_get_story (self, story_id, error);
  if (story == NULL || !_sd_store_read_page_info (self, story_id, &page, error)
      || !sd_story_revert_repair (story, repair_id, page.text, page.text_length, &reverted, error))
    return FALSE;
  if (!write_story_text (self, story_id, reverted.body, reverted.byline, reverted.captions, error)
      || !delete_repair (self, story_id, repair_id, error)
      || !_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  if (out != NULL)
    {
      g_clear_pointer (&out->story, sd_story_unref);
      out->story = g_steal_pointer (&story);
      out->changed = TRUE;
    }
  return _sd_store_write_commit (&write, error);
}
