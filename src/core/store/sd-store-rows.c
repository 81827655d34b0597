/* sd-store-rows.c — one writer per table row: each row of pages, stories,
 * repairs, highlights, tags and story tags is written by one statement
 * text, here
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-page-identity.h"
#include "sd-store-fts5.h"
#include "sd-store-rows-private.h"

gboolean
_sd_store_insert_page (
    SdStore *self, const SdPageRecord *page, const char *now, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "INSERT INTO pages (file, checksum, encoding, size, text, imported, path, paper, "
      "issue_date, page_no, identity) VALUES (?, ?, ?, ?, " SD_STORE_PAGE_PACK " (?), ?, ?, ?, ?, "
      "?, ?)",
      error);
  const char      *name = page->name != NULL ? page->name : page->file;
  g_autofree char *identity = NULL;
  gint64           page_id;

  if (stmt == NULL)
    return FALSE;
  identity = sd_page_identity_dup_key (page->paper, page->issue_date, page->page_no, name);
  _sd_store_bind_text (stmt, 1, page->file);
  _sd_store_bind_text (stmt, 2, page->checksum);
  _sd_store_bind_text (stmt, 3, page->encoding);
  sqlite3_bind_int64 (stmt, 4, page->size);
  _sd_store_bind_text (stmt, 5, page->text);
  _sd_store_bind_text (stmt, 6, now);
  _sd_store_bind_text (stmt, 7, name);
  _sd_store_bind_text (stmt, 8, page->paper);
  _sd_store_bind_text (stmt, 9, page->issue_date);
  _sd_store_bind_text (stmt, 10, page->page_no);
  _sd_store_bind_text (stmt, 11, identity);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  page_id = sqlite3_last_insert_rowid (self->db);
  if (out_id != NULL)
    *out_id = page_id;
  return _sd_store_file_page_in_batch (self, page_id, now, error);
}

static gboolean
insert_mention (SdStore *self, gint64 story_id, const SdMention *mention, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self,
                                                "INSERT INTO place_mentions (story_id, field, "
                                                "start, end, place_code) VALUES (?, ?, ?, ?, ?)",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  _sd_store_bind_text (stmt, 2, mention->in_headline ? "headline" : "body");
  sqlite3_bind_int64 (stmt, 3, mention->start);
  sqlite3_bind_int64 (stmt, 4, mention->end);
  _sd_store_bind_text (stmt, 5, mention->place_code);
  return _sd_store_step_done (self, stmt, error);
}

gboolean
_sd_store_forget_body_mentions (SdStore *self, gint64 story_id, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "DELETE FROM place_mentions WHERE story_id = ? AND field = 'body'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  return _sd_store_step_done (self, stmt, error);
}

static gboolean
insert_repair (SdStore *self, gint64 story_id, const SdRepair *repair, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "INSERT INTO repairs (story_id, kind, start, end, detail) VALUES (?, ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  _sd_store_bind_text (stmt, 2, sd_repair_kind_to_string (repair->kind));
  sqlite3_bind_int64 (stmt, 3, repair->start);
  sqlite3_bind_int64 (stmt, 4, repair->end);
  _sd_store_bind_text (stmt, 5, repair->detail != NULL ? repair->detail : "");
  return _sd_store_step_done (self, stmt, error);
}

gboolean
_sd_store_insert_story (
    SdStore *self, gint64 page_id, guint ordinal, SdStory *story, GError **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *captions = _sd_store_join_array (story->captions);
  g_autofree char *headings = _sd_store_join_array (story->section_headings);

  /* Everything a story can carry, so an exchange file's annotations go in
   * with it (a page's new stories have the defaults). */
  stmt = _sd_store_get_statement (
      self,
      "INSERT INTO stories (page_id, ordinal, source_start, source_end, kind, headline, "
      "subheadline, reporter, byline, body, captions, section_headings, truncated, place_code, "
      "place_confidence, place_by_editor, note, status, editor, updated, uuid) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, page_id);
  sqlite3_bind_int (stmt, 2, ordinal);
  sqlite3_bind_int64 (stmt, 3, story->source_start);
  sqlite3_bind_int64 (stmt, 4, story->source_end);
  _sd_store_bind_text (stmt, 5, sd_story_kind_to_string (story->kind));
  _sd_store_bind_text (stmt, 6, story->headline);
  _sd_store_bind_text (stmt, 7, story->subheadline);
  _sd_store_bind_text (stmt, 8, story->reporter);
  _sd_store_bind_text (stmt, 9, story->byline);
  _sd_store_bind_text (stmt, 10, story->body != NULL ? story->body : "");
  _sd_store_bind_text (stmt, 11, captions);
  _sd_store_bind_text (stmt, 12, headings);
  sqlite3_bind_int (stmt, 13, story->truncated);
  _sd_store_bind_text (stmt, 14, story->place_code);
  sqlite3_bind_double (stmt, 15, story->place_confidence);
  sqlite3_bind_int (stmt, 16, story->place_by_editor);
  _sd_store_bind_text (stmt, 17, story->note != NULL ? story->note : "");
  _sd_store_bind_text (stmt, 18, sd_story_status_to_string (story->status));
  _sd_store_bind_text (stmt, 19, story->editor);
  _sd_store_bind_text (stmt, 20, story->updated);
  /* a story from an exchange file keeps the identity it came with */
  if (story->uuid == NULL)
    story->uuid = g_uuid_string_random ();
  _sd_store_bind_text (stmt, 21, story->uuid);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  story->id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; story->mentions != NULL && i < story->mentions->len; i++)
    if (!insert_mention (self, story->id, g_ptr_array_index (story->mentions, i), error))
      return FALSE;
  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    if (!insert_repair (self, story->id, g_ptr_array_index (story->repairs, i), error))
      return FALSE;
  return TRUE;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

gboolean
_sd_store_insert_highlight (
    SdStore *self, gint64 story_id, const SdHighlight *highlight, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "INSERT INTO highlights (story_id, start, end, quote, prefix, suffix, comment, editor, "
      "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_int64 (stmt, 2, highlight->start);
  sqlite3_bind_int64 (stmt, 3, highlight->end);
  _sd_store_bind_text (stmt, 4, or_empty (highlight->quote));
  _sd_store_bind_text (stmt, 5, or_empty (highlight->prefix));
  _sd_store_bind_text (stmt, 6, or_empty (highlight->suffix));
  _sd_store_bind_text (stmt, 7, or_empty (highlight->comment));
  _sd_store_bind_text (stmt, 8, highlight->editor);
  _sd_store_bind_text (stmt, 9, highlight->created);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
_sd_store_read_highlights (SdStore *self, SdStory *story, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "SELECT id, start, end, quote, prefix, suffix, comment, editor, created "
      "FROM highlights WHERE story_id = ? ORDER BY start, id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_clear_pointer (&story->highlights, g_ptr_array_unref);
  story->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);
  sqlite3_bind_int64 (stmt, 1, story->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdHighlight *highlight = g_new0 (SdHighlight, 1);

      highlight->id = sqlite3_column_int64 (stmt, 0);
      highlight->start = sqlite3_column_int64 (stmt, 1);
      highlight->end = sqlite3_column_int64 (stmt, 2);
      highlight->quote = _sd_store_dup_column_text (stmt, 3);
      highlight->prefix = _sd_store_dup_column_text (stmt, 4);
      highlight->suffix = _sd_store_dup_column_text (stmt, 5);
      highlight->comment = _sd_store_dup_column_text (stmt, 6);
      highlight->editor = _sd_store_dup_column_text (stmt, 7);
      highlight->created = _sd_store_dup_column_text (stmt, 8);
      g_ptr_array_add (story->highlights, highlight);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read highlights");
  return TRUE;
}

GPtrArray *
_sd_store_read_stories (SdStore      *self,
                        sqlite3_stmt *stmt,
                        gboolean      full,
                        GHashTable   *only,
                        const char   *what,
                        GError      **error)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (only == NULL || g_hash_table_contains (only, &(gint64){ sqlite3_column_int64 (stmt, 0) }))
      g_ptr_array_add (stories, _sd_store_read_story_row (stmt, full));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, what);
      return NULL;
    }
  for (guint i = 0; full && i < stories->len; i++)
    if (!_sd_store_read_highlights (self, g_ptr_array_index (stories, i), error))
      return NULL;
  return g_steal_pointer (&stories);
}

/* The one rule for tag names: what an editor could not type or see in a
 * chip is refused here, before it reaches the library or an export. */
char *
_sd_store_normalize_tag (const char *tag, GError **error)
{
  g_autofree char *normalized = NULL;

  if (tag == NULL || !g_utf8_validate (tag, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("A tag must be UTF-8 text"));
      return NULL;
    }
  normalized = g_utf8_normalize (tag, -1, G_NORMALIZE_NFKC);
  g_strstrip (normalized);
  if (*normalized == '\0')
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("A tag cannot be empty"));
      return NULL;
    }
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                     _("A tag must be one line without control characters"));
        return NULL;
      }
  if (g_utf8_strlen (normalized, -1) > SD_STORE_TAG_MAX_CHARS)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A tag can have at most %d characters"), SD_STORE_TAG_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&normalized);
}

gint64
_sd_store_find_tag (SdStore *self, const char *name, GError **error)
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
_sd_store_insert_tag (SdStore *self, const char *name, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "INSERT OR IGNORE INTO tags (name) VALUES (?)", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, name);
  return _sd_store_step_done (self, stmt, error);
}

gboolean
_sd_store_link_tag (SdStore    *self,
                    gint64      story_id,
                    const char *name,
                    const char *editor,
                    const char *added,
                    GError    **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self,
                                                "INSERT OR IGNORE INTO story_tags (story_id, "
                                                "tag_id, added, editor) SELECT ?1, id, ?3, ?4 "
                                                "FROM tags WHERE name = ?2",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  _sd_store_bind_text (stmt, 2, name);
  _sd_store_bind_text (stmt, 3, added);
  _sd_store_bind_text (stmt, 4, editor);
  return _sd_store_step_done (self, stmt, error);
}

gboolean
_sd_store_unlink_tag (SdStore *self, gint64 story_id, const char *name, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self,
                                                "DELETE FROM story_tags WHERE story_id = ?1 AND "
                                                "tag_id = (SELECT id FROM tags WHERE name = ?2)",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  _sd_store_bind_text (stmt, 2, name);
  return _sd_store_step_done (self, stmt, error);
}

gboolean
_sd_store_copy_tags (SdStore *self, gint64 from_story, gint64 to_story, GError **error)
{
  return _sd_store_run_pair (self,
                             "INSERT OR IGNORE INTO story_tags (story_id, tag_id, editor, added) "
                             "SELECT ?2, tag_id, editor, added FROM story_tags WHERE story_id = ?1",
                             from_story, to_story, error);
}

gboolean
_sd_store_copy_tag_links (SdStore *self, gint64 from_tag, gint64 to_tag, GError **error)
{
  return _sd_store_run_pair (self,
                             "INSERT OR IGNORE INTO story_tags (story_id, tag_id, editor, added) "
                             "SELECT story_id, ?2, editor, added FROM story_tags WHERE tag_id = ?1",
                             from_tag, to_tag, error);
}

void
_sd_page_info_clear (SdPageInfo *info)
{
  g_clear_pointer (&info->encoding, g_free);
  g_clear_pointer (&info->text, g_free);
}

gboolean
_sd_store_read_page_info (SdStore *self, gint64 story_id, SdPageInfo *info, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "SELECT s.page_id, s.ordinal, p.size, p.encoding, " SD_STORE_PAGE_TEXT " (p.text) "
      "FROM stories s "
      "JOIN pages p ON p.id = s.page_id WHERE s.id = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No story with the id %lld"), (long long) story_id);
      return FALSE;
    }
  info->page_id = sqlite3_column_int64 (stmt, 0);
  info->ordinal = sqlite3_column_int64 (stmt, 1);
  info->size = sqlite3_column_int64 (stmt, 2);
  info->encoding = _sd_store_dup_column_text (stmt, 3);
  info->text = _sd_store_dup_column_text (stmt, 4);
  info->text_length = strlen (info->text);
  sqlite3_reset (stmt);
  return TRUE;
}
