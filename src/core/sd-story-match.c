/* sd-story-match.c — a story found again in a new version of its page, and
 * a highlight found again in a story's new text (sd-story-match.h)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-story-match.h"

/* Enough characters of a body's start to recognise the story again. */
#define BODY_KEY_CHARS 16

/* Headline or body text with white space and headline markup removed, as
 * OCR runs differ in those first. */
static char *
normalize (const char *text, glong max_chars)
{
  GString *out = g_string_new (NULL);
  glong    n = 0;

  for (const char *p = text; p != NULL && *p != '\0' && (max_chars < 0 || n < max_chars);
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == '#' || c == '*' || c == 0x3000)
        continue;
      g_string_append_unichar (out, c);
      n++;
    }
  return g_string_free (out, FALSE);
}

SdStory *
sd_story_find_again (const SdStory *old, GPtrArray *candidates, gboolean *used)
{
  g_autofree char *headline = normalize (old->headline, -1);
  g_autofree char *key = normalize (old->body, BODY_KEY_CHARS);

  if (*headline != '\0')
    for (guint i = 0; i < candidates->len; i++)
      {
        SdStory         *story = g_ptr_array_index (candidates, i);
        g_autofree char *other = normalize (story->headline, -1);
        if (!used[i] && g_str_equal (headline, other))
          {
            used[i] = TRUE;
            return story;
          }
      }
  if (g_utf8_strlen (key, -1) >= 6)
    for (guint i = 0; i < candidates->len; i++)
      {
        SdStory         *story = g_ptr_array_index (candidates, i);
        g_autofree char *body = normalize (story->body, -1);
        if (!used[i] && strstr (body, key) != NULL)
          {
            used[i] = TRUE;
            return story;
          }
      }
  return NULL;
}

void
sd_story_find_all_again (GPtrArray      *old,
                         const gboolean *worked,
                         GPtrArray      *candidates,
                         guint          *out_order,
                         SdStory       **out_matches)
{
  g_autofree gboolean *used = g_new0 (gboolean, candidates->len + 1);
  guint                n = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < old->len; i++)
      if (worked[i] == (pass == 0))
        {
          out_order[n++] = i;
          out_matches[i] = sd_story_find_again (g_ptr_array_index (old, i), candidates, used);
        }
}

/* How many characters two strings share at their ends (@from_end) or
 * starts. */
static glong
common_chars (const char *a, const char *b, gboolean from_end)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1), n = 0;

  while (n < la && n < lb)
    {
      const char *pa = g_utf8_offset_to_pointer (a, from_end ? la - n - 1 : n);
      const char *pb = g_utf8_offset_to_pointer (b, from_end ? lb - n - 1 : n);
      if (g_utf8_get_char (pa) != g_utf8_get_char (pb))
        break;
      n++;
    }
  return n;
}

gboolean
sd_highlight_find_again (const SdHighlight *highlight,
                         const char        *body,
                         gint64            *out_start,
                         gint64            *out_end)
{
  glong       best_score = -1;
  const char *best = NULL;

  if (highlight->quote == NULL || *highlight->quote == '\0')
    return FALSE;
  for (const char *p = strstr (body, highlight->quote); p != NULL;
       p = strstr (p + 1, highlight->quote))
    {
      g_autofree char *before = g_strndup (body, p - body);
      const char      *after = p + strlen (highlight->quote);
      glong            score = common_chars (before, highlight->prefix, TRUE)
                    + common_chars (after, highlight->suffix, FALSE);
      if (score > best_score)
        {
          best_score = score;
          best = p;
        }
    }
  if (best == NULL)
    return FALSE;
  *out_start = g_utf8_pointer_to_offset (body, best);
  *out_end = *out_start + g_utf8_strlen (highlight->quote, -1);
  return TRUE;
}
