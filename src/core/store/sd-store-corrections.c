/* sd-store-corrections.c — editors correct what the segmenter got wrong:
 * fields, splits and merges
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

/* A paragraph this short without closing punctuation reads as a headline. */
#define MAX_HEADLINE_CHARS 40

static const char *const field_updates[] = {
  [SD_STORY_FIELD_HEADLINE] = "UPDATE stories SET headline = ?, corrected = 1 WHERE id = ?",
  [SD_STORY_FIELD_SUBHEADLINE] = "UPDATE stories SET subheadline = ?, corrected = 1 WHERE id = ?",
  [SD_STORY_FIELD_REPORTER] = "UPDATE stories SET reporter = ?, corrected = 1 WHERE id = ?",
  [SD_STORY_FIELD_BYLINE] = "UPDATE stories SET byline = ?, corrected = 1 WHERE id = ?",
};

gboolean
sd_store_set_story_field (
    SdStore *self, gint64 story_id, SdStoryField field, const char *value, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autofree char *clean = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("The text must be UTF-8"));
      return FALSE;
    }
  clean = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  if (!_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  stmt = _sd_store_get_statement (self, field_updates[field], error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, story_id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}

static gboolean
looks_like_headline (const char *paragraph)
{
  glong    length = g_utf8_strlen (paragraph, -1);
  gunichar last;

  if (length == 0 || length > MAX_HEADLINE_CHARS)
    return FALSE;
  last = g_utf8_get_char (g_utf8_prev_char (paragraph + strlen (paragraph)));
  return g_utf8_strchr ("。！？!?…；;，,：:", -1, last) == NULL;
}

static char *
join_paragraphs (char **paragraphs, guint from, guint to)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (i > from)
        g_string_append_c (text, '\n');
      g_string_append (text, paragraphs[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where @paragraph starts in the original file, looked for inside the
 * story's span.  UTF-8 pages map exactly (a BOM shifts by its length);
 * other encodings are mapped in proportion, close enough to show the page. */
static gint64
find_file_offset (const SdPageInfo *page, const SdStory *story, const char *paragraph)
{
  gboolean         utf8 = g_strcmp0 (page->encoding, "UTF-8") == 0;
  gint64           bom = utf8 ? page->size - page->text_length : 0;
  gint64           from = utf8 ? story->source_start - bom
                               : story->source_start * page->text_length / MAX (page->size, 1);
  g_autofree char *probe = NULL;
  const char      *end = paragraph;
  const char      *found;

  /* The first few characters: repairs may have changed what follows. */
  for (guint i = 0; i < 8 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  probe = g_strndup (paragraph, end - paragraph);
  from = CLAMP (from, 0, page->text_length);
  found = strstr (page->text + from, probe);
  if (found == NULL)
    return -1;
  if (utf8)
    return (found - page->text) + bom;
  return (found - page->text) * page->size / MAX (page->text_length, 1);
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

/* Body offsets of place mentions no longer hold after a split or a join;
 * the underlines go with them (the place the story is filed under stays). */
static gboolean
forget_mentions (SdStore *self, gint64 story_id, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "DELETE FROM place_mentions WHERE story_id = ? AND field = 'body'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  return _sd_store_step_done (self, stmt, error);
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

  if (!forget_mentions (self, story_id, error))
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

static GPtrArray *
headings_within (GPtrArray *headings, char **paragraphs, guint from, guint to)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  for (guint h = 0; headings != NULL && h < headings->len; h++)
    for (guint i = from; i < to; i++)
      if (g_str_equal (paragraphs[i], g_ptr_array_index (headings, h)))
        {
          g_ptr_array_add (kept, g_strdup (paragraphs[i]));
          break;
        }
  return kept;
}

gboolean
sd_store_split_story (
    SdStore *self, gint64 story_id, guint paragraph, gint64 *out_new_id, GError **error)
{
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStory) tail = sd_story_new ();
  g_auto (SdPageInfo) page = { 0 };
  g_auto (GStrv) paragraphs = NULL;
  g_autofree char *head_body = NULL;
  g_autoptr (GPtrArray) head_headings = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  guint         n, body_from;
  gint64        split_offset;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  story = sd_store_get_story (self, story_id, error);
  if (story == NULL || !_sd_store_read_page_info (self, story_id, &page, error))
    return FALSE;
  paragraphs = g_strsplit (story->body, "\n", -1);
  n = g_strv_length (paragraphs);
  if (paragraph == 0 || paragraph >= n)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A story of %u paragraphs cannot be split before paragraph %u"), n,
                      paragraph + 1);
      return FALSE;
    }

  head_body = join_paragraphs (paragraphs, 0, paragraph);
  head_headings = headings_within (story->section_headings, paragraphs, 0, paragraph);
  body_from = paragraph;
  if (looks_like_headline (paragraphs[paragraph]) && paragraph + 1 < n)
    {
      tail->headline = g_strdup (paragraphs[paragraph]);
      body_from++;
    }
  tail->body = join_paragraphs (paragraphs, body_from, n);
  tail->section_headings = headings_within (story->section_headings, paragraphs, body_from, n);
  tail->kind = story->kind;
  tail->place_code = g_strdup (story->place_code);
  tail->place_confidence = story->place_confidence;
  split_offset = find_file_offset (&page, story, paragraphs[paragraph]);
  if (split_offset <= story->source_start || split_offset >= story->source_end)
    split_offset = story->source_start
                   + (story->source_end - story->source_start) * strlen (head_body)
                         / MAX (strlen (story->body), 1);
  tail->source_start = split_offset;
  tail->source_end = story->source_end;

  if (!shift_ordinals (self, page.page_id, page.ordinal, 1, error)
      || !_sd_store_insert_story (self, page.page_id, page.ordinal + 1, tail, error)
      || !update_body (self, story_id, head_body, split_offset, head_headings, error)
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

  {
    gint64 head_chars = g_utf8_strlen (head_body, -1) + 1;
    gint64 skipped = body_from > paragraph ? g_utf8_strlen (paragraphs[paragraph], -1) + 1 : 0;

    if (!move_highlights (self, story_id, tail->id, head_chars + skipped, -(head_chars + skipped),
                          error))
      return FALSE;
  }
  if (!_sd_store_write_touch_story (&write, story_id, error)
      || !_sd_store_write_touch_story (&write, tail->id, error))
    return FALSE;
  if (out_new_id != NULL)
    *out_new_id = tail->id;
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
      self, "SELECT id FROM stories WHERE page_id = ? AND ordinal > ? ORDER BY ordinal LIMIT 1",
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

gboolean
sd_store_merge_with_next (
    SdStore *self, gint64 story_id, gint64 *out_removed_id, guint *out_paragraph, GError **error)
{
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStory) next = NULL;
  g_auto (SdPageInfo) page = { 0 };
  g_autoptr (GString) body = NULL;
  g_autoptr (GPtrArray) headings = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autofree char *note = NULL;
  gint64           next_id = 0, shift;
  guint            paragraph;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  story = sd_store_get_story (self, story_id, error);
  if (story == NULL || !_sd_store_read_page_info (self, story_id, &page, error))
    return FALSE;
  next_id = sd_store_find_next_story (self, story_id, error);
  if (next_id <= 0)
    return FALSE;
  next = sd_store_get_story (self, next_id, error);
  if (next == NULL)
    return FALSE;

  body = g_string_new (story->body);
  paragraph = 1;
  for (const char *p = story->body; *p != '\0'; p++)
    paragraph += *p == '\n';
  headings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < story->section_headings->len; i++)
    g_ptr_array_add (headings, g_strdup (g_ptr_array_index (story->section_headings, i)));
  g_string_append_c (body, '\n');
  shift = g_utf8_strlen (body->str, -1);
  if (next->headline != NULL)
    {
      /* The joined story's headline stays as a section heading. */
      g_string_append_printf (body, "%s\n", next->headline);
      g_ptr_array_add (headings, g_strdup (next->headline));
      shift += g_utf8_strlen (next->headline, -1) + 1;
    }
  g_string_append (body, next->body);
  for (guint i = 0; i < next->section_headings->len; i++)
    g_ptr_array_add (headings, g_strdup (g_ptr_array_index (next->section_headings, i)));
  note = *next->note == '\0'    ? g_strdup (story->note)
         : *story->note == '\0' ? g_strdup (next->note)
                                : g_strconcat (story->note, "\n", next->note, NULL);

  if (!update_body (self, story_id, body->str, next->source_end, headings, error)
      || !_sd_store_copy_tags (self, next_id, story_id, error)
      || !move_highlights (self, next_id, story_id, 0, shift, error))
    return FALSE;
  stmt = _sd_store_get_statement (self, "UPDATE stories SET note = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, note);
  sqlite3_bind_int64 (stmt, 2, story_id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  stmt = _sd_store_get_statement (self, "DELETE FROM stories WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, next_id);
  if (!_sd_store_step_done (self, stmt, error)
      || !_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  if (out_removed_id != NULL)
    *out_removed_id = next_id;
  if (out_paragraph != NULL)
    *out_paragraph = paragraph;
  return _sd_store_write_commit (&write, error);
}

/* The span @start..@end of the page text, trimmed; "" outside it. */
static char *
dup_page_span (const SdPageInfo *page, gint64 start, gint64 end)
{
  start = CLAMP (start, 0, page->text_length);
  end = CLAMP (end, start, page->text_length);
  return g_strstrip (g_strndup (page->text + start, end - start));
}

/* Where each body paragraph starts in the page text (-1 when repairs
 * changed it beyond recognition); paragraphs appear in page order. */
static gint64 *
locate_paragraphs (const SdPageInfo *page, char **paragraphs, guint n)
{
  gint64     *positions = g_new (gint64, n + 1);
  const char *from = page->text;

  for (guint i = 0; i < n; i++)
    {
      const char      *end = paragraphs[i];
      g_autofree char *probe = NULL;
      const char      *found;

      for (guint c = 0; c < 8 && *end != '\0'; c++)
        end = g_utf8_next_char (end);
      probe = g_strndup (paragraphs[i], end - paragraphs[i]);
      found = *probe != '\0' ? strstr (from, probe) : NULL;
      positions[i] = found != NULL ? found - page->text : -1;
      if (found != NULL)
        from = found;
    }
  return positions;
}

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
  return _sd_store_step_done (self, stmt, error) && forget_mentions (self, story_id, error);
}

/* Works out the story's text without the repair; FALSE when the text the
 * repair changed cannot be found any more (the editor corrected it since). */
static gboolean
compute_reverted (const SdPageInfo *page,
                  const SdStory    *story,
                  const SdRepair   *repair,
                  GPtrArray        *paragraphs,
                  char            **byline,
                  GPtrArray        *captions)
{
  switch (repair->kind)
    {
    case SD_REPAIR_DROPPED_DUPLICATE:
    case SD_REPAIR_DROPPED_FRAGMENT:
    case SD_REPAIR_MOVED_CAPTION:
      {
        g_autofree char   *text = dup_page_span (page, repair->start, repair->end);
        g_autofree gint64 *positions = NULL;
        guint              at = paragraphs->len;

        if (*text == '\0')
          return FALSE;
        positions = locate_paragraphs (page, (char **) paragraphs->pdata, paragraphs->len);
        for (guint i = 0; i < paragraphs->len; i++)
          if (positions[i] > (gint64) repair->start)
            {
              at = i;
              break;
            }
        if (repair->kind == SD_REPAIR_MOVED_CAPTION)
          for (guint i = 0; i < captions->len; i++)
            if (strstr (g_ptr_array_index (captions, i), text) != NULL
                || strstr (text, g_ptr_array_index (captions, i)) != NULL)
              {
                g_ptr_array_remove_index (captions, i);
                break;
              }
        g_ptr_array_insert (paragraphs, at, g_steal_pointer (&text));
        return TRUE;
      }
    case SD_REPAIR_JOINED_BREAK:
      {
        /* The characters just before the break end a paragraph again. */
        gint64           from = MAX (0, (gint64) repair->start - 24);
        g_autofree char *tail = dup_page_span (page, from, repair->start);
        const char      *probe = strrchr (tail, '\n') != NULL ? strrchr (tail, '\n') + 1 : tail;

        while (g_utf8_strlen (probe, -1) > 6)
          probe = g_utf8_next_char (probe);
        for (guint i = 0; *probe != '\0' && i < paragraphs->len; i++)
          {
            char       *paragraph = g_ptr_array_index (paragraphs, i);
            const char *found = strstr (paragraph, probe);
            const char *cut = found != NULL ? found + strlen (probe) : NULL;

            if (cut == NULL || *cut == '\0')
              continue;
            g_ptr_array_insert (paragraphs, i + 1, g_strdup (cut));
            g_ptr_array_index (paragraphs, i) = g_strndup (paragraph, cut - paragraph);
            g_free (paragraph);
            return TRUE;
          }
        return FALSE;
      }
    case SD_REPAIR_SPLIT_BYLINE:
      {
        char *last;

        if (story->byline == NULL || paragraphs->len == 0)
          return FALSE;
        last = g_ptr_array_index (paragraphs, paragraphs->len - 1);
        g_ptr_array_index (paragraphs, paragraphs->len - 1) =
            g_strconcat (last, story->byline, NULL);
        g_free (last);
        g_clear_pointer (byline, g_free);
        return TRUE;
      }
    case SD_REPAIR_TRUNCATED:
    default:
      return FALSE;
    }
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
  g_autoptr (SdStory) story = NULL;
  g_auto (SdPageInfo) page = { 0 };
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) captions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *byline = NULL;
  g_autofree char *body = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_auto (GStrv) parts = NULL;
  const SdRepair *repair = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  story = sd_store_get_story (self, story_id, error);
  if (story == NULL || !_sd_store_read_page_info (self, story_id, &page, error))
    return FALSE;
  for (guint i = 0; i < story->repairs->len; i++)
    if (((SdRepair *) g_ptr_array_index (story->repairs, i))->id == repair_id)
      repair = g_ptr_array_index (story->repairs, i);
  if (repair == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("The story has no repair %lld"), (long long) repair_id);
      return FALSE;
    }

  parts = g_strsplit (story->body, "\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (paragraphs, g_strdup (parts[i]));
  for (guint i = 0; i < story->captions->len; i++)
    g_ptr_array_add (captions, g_strdup (g_ptr_array_index (story->captions, i)));
  byline = g_strdup (story->byline);
  if (!compute_reverted (&page, story, repair, paragraphs, &byline, captions))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   repair->kind == SD_REPAIR_TRUNCATED
                   ? _("A story cut off in the source has nothing to take back")
                   : _("The text this repair changed is no longer in the story"));
      return FALSE;
    }
  g_ptr_array_add (paragraphs, NULL);
  body = g_strjoinv ("\n", (char **) paragraphs->pdata);

  if (!write_story_text (self, story_id, body, byline, captions, error)
      || !delete_repair (self, story_id, repair_id, error)
      || !_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}

gboolean
sd_store_restore_repair (SdStore        *self,
                         gint64          story_id,
                         const SdRepair *repair,
                         const char     *body,
                         const char     *byline,
                         GPtrArray      *captions,
                         GError        **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || !write_story_text (self, story_id, body, byline, captions, error)
      || !_sd_store_insert_repair (self, story_id, repair, TRUE, error)
      || !_sd_store_write_touch_story (&write, story_id, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}
