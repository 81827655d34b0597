/* sd-story-cuts.c — a story cut in two and two stories joined, as text: the
 * one rule both engines' splits and merges follow (sd-store-corrections.c,
 * pg/sd-pg-corrections.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-store.h"
#include "sd-story-cuts.h"

/* A paragraph this short without closing punctuation reads as a headline. */
#define MAX_HEADLINE_CHARS 40

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

const char *
sd_story_get_field (const SdStory *story, SdStoryField field)
{
  const char *const values[] = {
    [SD_STORY_FIELD_HEADLINE] = story->headline,
    [SD_STORY_FIELD_SUBHEADLINE] = story->subheadline,
    [SD_STORY_FIELD_REPORTER] = story->reporter,
    [SD_STORY_FIELD_BYLINE] = story->byline,
  };

  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, NULL);
  return values[field];
}

SdStoryCut *
sd_story_cut (const SdStory *story, guint paragraph, GError **error)
{
  g_auto (GStrv) paragraphs = g_strsplit (story->body, "\n", -1);
  guint       n = g_strv_length (paragraphs);
  guint       body_from = paragraph;
  SdStoryCut *cut;
  gint64      head_chars, skipped;

  if (paragraph == 0 || paragraph >= n)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A story of %u paragraphs cannot be split before paragraph %u"), n,
                      paragraph + 1);
      return NULL;
    }
  cut = g_new0 (SdStoryCut, 1);
  cut->head_body = join_paragraphs (paragraphs, 0, paragraph);
  cut->head_headings = headings_within (story->section_headings, paragraphs, 0, paragraph);
  cut->at = g_strdup (paragraphs[paragraph]);
  cut->tail = sd_story_new ();
  if (looks_like_headline (paragraphs[paragraph]) && paragraph + 1 < n)
    {
      cut->tail->headline = g_strdup (paragraphs[paragraph]);
      body_from++;
    }
  cut->tail->body = join_paragraphs (paragraphs, body_from, n);
  cut->tail->section_headings = headings_within (story->section_headings, paragraphs, body_from, n);
  cut->tail->kind = story->kind;
  cut->tail->place_code = g_strdup (story->place_code);
  cut->tail->place_confidence = story->place_confidence;

  /* the head's characters and its newline, and the headline's when it
   * left the body */
  head_chars = g_utf8_strlen (cut->head_body, -1) + 1;
  skipped = body_from > paragraph ? g_utf8_strlen (paragraphs[paragraph], -1) + 1 : 0;
  cut->tail_from = head_chars + skipped;
  cut->tail_shift = -(head_chars + skipped);
  return cut;
}

/* A page's text as stored, with its file's encoding and size. */
typedef struct
{
  const char *text;
  gint64      text_length;
  const char *encoding;
  gint64      size;
} PageText;

/* Where @paragraph starts in the original file, looked for inside the
 * story's span.  UTF-8 pages map exactly (a BOM shifts by its length);
 * other encodings are mapped in proportion, close enough to show the page. */
static gint64
find_file_offset (const PageText *page, const SdStory *story, const char *paragraph)
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

/**
 * sd_page_text_offset:
 *
 * Page-file bytes to page-text bytes, as sd_story_cut_find_offset () maps
 * the other way: repairs are kept in page-text bytes.
 */
gint64
sd_page_text_offset (gint64 file_offset, gint64 text_length, const char *encoding, gint64 size)
{
  if (g_strcmp0 (encoding, "UTF-8") == 0)
    return file_offset - (size - text_length);
  return file_offset * text_length / MAX (size, 1);
}

/**
 * sd_story_cut_find_offset:
 * @page_text: (nullable): the text of @story's page, as stored
 *
 * Where @cut's tail starts in the page file: its paragraph looked for in
 * the page's text, else (no text, or not found inside the story's span)
 * sd_story_cut_guess_offset ().
 */
gint64
sd_story_cut_find_offset (const SdStoryCut *cut,
                          const SdStory    *story,
                          const char       *page_text,
                          gint64            text_length,
                          const char       *encoding,
                          gint64            size)
{
  PageText page = { page_text, text_length, encoding, size };
  gint64   offset = page_text != NULL ? find_file_offset (&page, story, cut->at) : -1;

  if (offset <= story->source_start || offset >= story->source_end)
    return sd_story_cut_guess_offset (cut, story);
  return offset;
}

gint64
sd_story_cut_guess_offset (const SdStoryCut *cut, const SdStory *story)
{
  return story->source_start
         + (story->source_end - story->source_start) * strlen (cut->head_body)
               / MAX (strlen (story->body), 1);
}

void
sd_story_cut_free (SdStoryCut *cut)
{
  g_free (cut->head_body);
  g_clear_pointer (&cut->head_headings, g_ptr_array_unref);
  g_free (cut->at);
  g_clear_pointer (&cut->tail, sd_story_unref);
  g_free (cut);
}

SdStoryJoin *
sd_story_join (const SdStory *story, const SdStory *next)
{
  SdStoryJoin *join = g_new0 (SdStoryJoin, 1);
  GString     *body = g_string_new (story->body);

  join->paragraph = 1;
  for (const char *p = story->body; *p != '\0'; p++)
    join->paragraph += *p == '\n';
  join->headings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; story->section_headings != NULL && i < story->section_headings->len; i++)
    g_ptr_array_add (join->headings, g_strdup (g_ptr_array_index (story->section_headings, i)));
  g_string_append_c (body, '\n');
  join->shift = g_utf8_strlen (body->str, -1);
  if (next->headline != NULL)
    {
      /* The joined story's headline stays as a section heading. */
      g_string_append_printf (body, "%s\n", next->headline);
      g_ptr_array_add (join->headings, g_strdup (next->headline));
      join->shift += g_utf8_strlen (next->headline, -1) + 1;
    }
  g_string_append (body, next->body);
  for (guint i = 0; next->section_headings != NULL && i < next->section_headings->len; i++)
    g_ptr_array_add (join->headings, g_strdup (g_ptr_array_index (next->section_headings, i)));
  join->note = *next->note == '\0'    ? g_strdup (story->note)
               : *story->note == '\0' ? g_strdup (next->note)
                                      : g_strconcat (story->note, "\n", next->note, NULL);
  join->body = g_string_free (body, FALSE);
  return join;
}

void
sd_story_join_free (SdStoryJoin *join)
{
  g_free (join->body);
  g_clear_pointer (&join->headings, g_ptr_array_unref);
  g_free (join->note);
  g_free (join);
}
