/* sd-story-repairs.c — an OCR repair taken back, as text: the story's
 * body, byline and captions without it, worked out from its page's text
 * the same on either engine (sd-store-repairs.c, pg/sd-pg-corrections.c;
 * no SQL here)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-story-repairs.h"
#include "sd-text-util.h"

typedef struct
{
  const char *text;
  gint64      text_length;
} PageText;

/* The span @start..@end of the page text, trimmed; "" outside it. */
static char *
dup_page_span (const PageText *page, gint64 start, gint64 end)
{
  start = CLAMP (start, 0, page->text_length);
  end = CLAMP (end, start, page->text_length);
  return g_strstrip (g_strndup (page->text + start, end - start));
}

#define MARK_CONTEXT 4 /* characters beside a stray mark that find its place again */

/* Up to MARK_CONTEXT characters of page text before @at (@forward: from
 * @at on), spaces and line ends passed over as the story's text has none,
 * set full width as that text is. */
static char *
dup_mark_context (const PageText *page, gint64 at, gboolean forward)
{
  GString    *context = g_string_new (NULL);
  const char *text = page->text, *end = page->text + page->text_length;
  const char *p = text + CLAMP (at, 0, page->text_length);
  guint       n = 0;

  while (n < MARK_CONTEXT && (forward ? p < end : p > text))
    {
      const char *c = forward ? p : g_utf8_find_prev_char (text, p);

      if (c == NULL)
        break;
      p = forward ? g_utf8_next_char (c) : c;
      if (*c == ' ' || *c == '\n' || *c == '\r' || *c == '\t')
        continue;
      if (forward)
        g_string_append_len (context, c, g_utf8_next_char (c) - c);
      else
        g_string_prepend_len (context, c, g_utf8_next_char (c) - c);
      n++;
    }
  {
    char *widened = _sd_text_dup_widened (context->str, context->len);

    g_string_free (context, TRUE);
    return widened;
  }
}

/* Puts a stray mark back where it was read: after the characters before
 * it, else before those after it (at a paragraph's start). */
static gboolean
put_mark_back (const PageText *page, const SdRepair *repair, GPtrArray *paragraphs)
{
  g_autofree char *mark = dup_page_span (page, repair->start, repair->end);
  g_autofree char *before = dup_mark_context (page, repair->start, FALSE);
  g_autofree char *after = dup_mark_context (page, repair->end, TRUE);

  if (*mark == '\0')
    return FALSE;
  for (guint pass = 0; pass < 2; pass++)
    {
      const char *probe = pass == 0 ? before : after;

      for (guint i = 0; *probe != '\0' && i < paragraphs->len; i++)
        {
          char       *paragraph = g_ptr_array_index (paragraphs, i);
          const char *found = strstr (paragraph, probe);
          gsize       cut;

          if (found == NULL)
            continue;
          cut = found - paragraph + (pass == 0 ? strlen (probe) : 0);
          g_ptr_array_index (paragraphs, i) =
              g_strdup_printf ("%.*s%s%s", (int) cut, paragraph, mark, paragraph + cut);
          g_free (paragraph);
          return TRUE;
        }
    }
  return FALSE;
}

/* Where each body paragraph starts in the page text (-1 when repairs
 * changed it beyond recognition); paragraphs appear in page order. */
static gint64 *
locate_paragraphs (const PageText *page, char **paragraphs, guint n)
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

/* Works out the story's text without the repair; FALSE when the text the
 * repair changed cannot be found any more (the editor corrected it since). */
static gboolean
compute_reverted (const PageText *page,
                  const SdStory  *story,
                  const SdRepair *repair,
                  GPtrArray      *paragraphs,
                  char          **byline,
                  GPtrArray      *captions)
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
    case SD_REPAIR_DROPPED_MARK:
      return put_mark_back (page, repair, paragraphs);
    case SD_REPAIR_TRUNCATED:
    default:
      return FALSE;
    }
}

const SdRepair *
sd_story_find_repair (const SdStory *story, gint64 repair_id)
{
  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    if (((SdRepair *) g_ptr_array_index (story->repairs, i))->id == repair_id)
      return g_ptr_array_index (story->repairs, i);
  return NULL;
}

/**
 * sd_story_revert_repair:
 * @page_text: the text of @story's page, as stored
 * @out_reverted: (out caller-allocates): the story's text without the repair
 *
 * Works out @story's body, byline and captions with @repair taken back:
 * NOT_FOUND when the story has no such repair, INVALID when the text it
 * changed is no longer there (an editor corrected it since).
 */
gboolean
sd_story_revert_repair (const SdStory   *story,
                        gint64           repair_id,
                        const char      *page_text,
                        gsize            page_length,
                        SdStoryReverted *out_reverted,
                        GError         **error)
{
  const SdRepair *repair = sd_story_find_repair (story, repair_id);
  PageText        page = { page_text, (gint64) page_length };
  g_autoptr (GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) captions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *byline = NULL;
  g_auto (GStrv) parts = NULL;

  if (repair == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("The story has no repair %lld"), (long long) repair_id);
      return FALSE;
    }
  parts = g_strsplit (story->body, "\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (paragraphs, g_strdup (parts[i]));
  for (guint i = 0; story->captions != NULL && i < story->captions->len; i++)
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
  out_reverted->body = g_strjoinv ("\n", (char **) paragraphs->pdata);
  out_reverted->byline = g_steal_pointer (&byline);
  out_reverted->captions = g_steal_pointer (&captions);
  return TRUE;
}

void
sd_story_reverted_clear (SdStoryReverted *reverted)
{
  g_clear_pointer (&reverted->body, g_free);
  g_clear_pointer (&reverted->byline, g_free);
  g_clear_pointer (&reverted->captions, g_ptr_array_unref);
}
