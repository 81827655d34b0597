/* sd-headline-tail.c — the rest of a headline OCR read far down its story
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  Tesseract reads a headline broken over two
 * lines as two blocks when the second line is set apart: the first heads
 * the story ("天宁区: 重点", "苏州:打通服务群众“末梢神经”为") and the
 * second comes out some lines down, between two lines of the text
 * ("项目建设按下发展", "民生活提质增效幸福生活加码"), where it would open
 * a story of its own.  The story's lead repeats its headline in a sentence
 * ("…聚焦重点项目建设按下发展“加速键”", "…为居民生活提质增效"): where the
 * lead joins the headline's last character to the short title's first
 * words, and repeats most of the title's words, the title is the rest of
 * the headline.  A new story's title is not written into the text of the
 * story above it so, across the very seam of that story's headline.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

#include <string.h>

#define HEADLINE_TAIL_CHARS 16 /* the second line of a headline */
#define TAIL_WINDOW 5400       /* bytes of the story read before it: some 1800 Han */
#define SEAM_GAP_CHARS 2       /* characters OCR dropped or the lead added at the seam */
/* share (in quarters) of the title's bigrams its lead repeats */
#define TAIL_ECHO_QUARTERS 3

/* The last Han character of the unit's text, or 0 */
static gunichar
last_han (SdSegPage *page, SdSegUnit *u)
{
  const char *start = page->text + u->text_start;

  for (const char *p = page->text + u->text_end; p > start;)
    {
      gunichar c;

      p = g_utf8_find_prev_char (start, p);
      if (p == NULL)
        break;
      c = _sd_text_get_char (p);
      if (_sd_text_is_han (c))
        return c;
      /* "…重点" ends it; not a headline closed by a mark it reads as done */
      if (_sd_text_is_clause_end (c) || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?')
        return 0;
    }
  return 0;
}

/* [@start, @end) holds the title's first two characters with the
 * headline's last character at most SEAM_GAP_CHARS Han characters before
 * them, no mark between: the sentence that reads the two lines as one. */
static gboolean
lead_reads_seam (SdSegPage *page, SdSegUnit *title, gunichar head_last, gsize start, gsize end)
{
  const char *text = page->text;
  gsize       second = _sd_seg_skip_char (text, title->text_start);
  gsize       pair_len;
  char        pair[16];

  if (second >= title->text_end || !_sd_text_is_han (_sd_text_get_char (text + title->text_start))
      || !_sd_text_is_han (_sd_text_get_char (text + second)))
    return FALSE;
  pair_len = _sd_seg_skip_char (text, second) - title->text_start;
  if (pair_len >= sizeof pair)
    return FALSE;
  memcpy (pair, text + title->text_start, pair_len);
  pair[pair_len] = '\0';
  for (const char *hit = g_strstr_len (text + start, end - start, pair); hit != NULL;
       hit = g_strstr_len (hit + pair_len, text + end - (hit + pair_len), pair))
    {
      const char *p = hit;

      for (guint back = 0; back <= SEAM_GAP_CHARS; back++)
        {
          p = g_utf8_find_prev_char (text + start, p);
          if (p == NULL)
            break;
          if (_sd_text_get_char (p) == head_last)
            return TRUE;
          /* within one run of words: not across a sentence's end */
          if (!_sd_text_is_han (_sd_text_get_char (p)))
            break;
        }
    }
  return FALSE;
}

/* Whether [@start, @end) repeats at least TAIL_ECHO_QUARTERS of the
 * title's distinct bigrams of Han characters (not how often: a place's
 * name over and over is no echo of a title) */
static gboolean
lead_echoes_title (SdSegPage *page, SdSegUnit *title, gsize start, gsize end)
{
  const char *text = page->text;
  guint       pairs = 0, echoed = 0;

  for (gsize p = title->text_start; p < title->text_end; p = _sd_seg_skip_char (text, p))
    {
      gsize next = _sd_seg_skip_char (text, p);
      gsize after = _sd_seg_skip_char (text, next);
      char  pair[16];

      if (next >= title->text_end || !_sd_text_is_han (_sd_text_get_char (text + p))
          || !_sd_text_is_han (_sd_text_get_char (text + next)) || after - p >= sizeof pair)
        continue;
      memcpy (pair, text + p, after - p);
      pair[after - p] = '\0';
      pairs++;
      echoed += g_strstr_len (text + start, end - start, pair) != NULL;
    }
  return pairs > 0 && echoed * 4 >= pairs * TAIL_ECHO_QUARTERS;
}

gboolean
_sd_seg_take_headline_tail (SdSegPage *page, guint i)
{
  SdSegStory *story = _sd_seg_story_at (page, page->stories->len - 1);
  SdSegUnit  *title = _sd_seg_unit_at (page, i);
  SdSegUnit  *head, *above;
  gunichar    head_last;
  gsize       from;

  /* OCR's reading order: a page read in columns, a story with a headline
   * of one line and text under it, the title between two of its lines */
  if (page->column == 0 || story->headline == NONE || !story->has_body || story->ended
      || story->last_body != i - 1 || _sd_seg_is_marked (title) || title->dash_start
      || title->dash_end || title->chars > HEADLINE_TAIL_CHARS || title->chars < 3
      || _sd_seg_has_title_colon (page, title))
    return FALSE;
  head = _sd_seg_unit_at (page, story->headline);
  above = _sd_seg_unit_at (page, i - 1);
  if (story->headline + 1 < page->units->len
      && _sd_seg_unit_at (page, story->headline + 1)->role == ROLE_HEADLINE)
    return FALSE;
  from = head->end;
  if (title->start > from + TAIL_WINDOW || above->role != ROLE_BODY
      || (head_last = last_han (page, head)) == 0)
    return FALSE;
  if (!lead_reads_seam (page, title, head_last, from, title->start)
      || !lead_echoes_title (page, title, from, title->start))
    return FALSE;
  title->role = ROLE_HEADLINE;
  title->story = page->stories->len - 1;
  story->last = i;
  return TRUE;
}
