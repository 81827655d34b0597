/* sd-late-titles.c — headlines that OCR reads after their story's first lines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tesseract reads a page in columns block by block, and a headline set
 * across columns is a block of its own: it comes out after the first lines
 * of the column beside it, often in the middle of a sentence
 * ("…全国微电影大赛颁奖典", "全国微电影大赛在淮安颁奖", "礼在淮安市文化馆举行。").
 * Such a title heads the story whose sentence it breaks into, and that story
 * began above it: where the story has no title yet, the story itself; else
 * at the paragraph above whose words are the title's.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-line-structure.h"
#include "sd-segmenter-private.h"

#define LATE_WINDOW 1800      /* bytes above the title its story may begin: some 600 Han */
#define HEADLINE_REST_CHARS 8 /* the second line of a headline, read apart */
#define LATE_LEAD_BIGRAMS 3   /* of the title's words, in its story's lead paragraph */
#define LATE_LEAD_BLOCKS 3    /* of text above a title that heads them */

/* The title at unit @i, with @n header units, breaks into a sentence of
 * @story: the text above stops mid-sentence and the text under it goes on.
 * Not when the text under it opens as a lead does ("近日，…", a date,
 * 本报讯): that is a story of its own. */
static gboolean
breaks_sentence (SdSegPage *page, SdSegStory *story, guint i, guint n)
{
  SdSegUnit *last, *lead;

  SdSegUnit *title = _sd_seg_unit_at (page, i);

  /* a line that runs to the column's edge, or across a column rule ("|"),
   * is prose of the column beside, cut there */
  if (page->column == 0 || story->last_body == NONE || i + n >= page->units->len
      || _sd_seg_is_marked (title) || title->at_edge
      || memchr (page->text + title->text_start, '|', title->text_end - title->text_start) != NULL)
    return FALSE;
  last = _sd_seg_unit_at (page, story->last_body);
  lead = _sd_seg_unit_at (page, i + n);
  /* "▶上接1版" goes on with no title of its own; "…美好现实! 本报记者" over
   * the names signs a story */
  if (_sd_seg_unit_at (page, story->first)->continued
      || _sd_text_has_suffix (page->text, last->text_start, last->text_end, "记者"))
    return FALSE;
  if (last->ends_sentence || lead->shape != SHAPE_TEXT || lead->title || lead->news_lead
      || lead->continued || _sd_seg_starts_with_opener (page, lead)
      || _sd_seg_is_photo_caption (page, i + n))
    return FALSE;
  /* only names or credits between the broken sentence and the title */
  for (guint k = story->last_body + 1; k < i; k++)
    if (_sd_seg_unit_at (page, k)->shape == SHAPE_TEXT
        || _sd_seg_unit_at (page, k)->shape == SHAPE_REPORTER)
      return FALSE;
  return TRUE;
}

/* Tesseract reads the first lines of the column beside a headline before
 * it, a block to three: a story that has more text above a title began
 * under a headline of its own, however damaged. */
static gboolean
few_blocks_above (SdSegPage *page, SdSegStory *story, guint i)
{
  guint blocks = 0;

  for (guint k = story->first; k < i; k++)
    if (_sd_seg_unit_at (page, k)->role == ROLE_BODY && ++blocks > LATE_LEAD_BLOCKS)
      return FALSE;
  return TRUE;
}

/* The title at unit @i, with @n header units, comes after the first whole
 * sentences of a story that has no title: the text above uses the title's
 * words, and the text under it goes on as no lead begins ("8月4日,真州镇…
 * 文明城市创建。", "“志愿红”为文明城市创建“加码”", "在万年大道,…").  Not
 * when the story opens with its reporter line, printed under the headline
 * in the column: the title read after it heads a section. */
static gboolean
follows_own_lead (SdSegPage *page, SdSegStory *story, guint i, guint n)
{
  SdSegUnit *title = _sd_seg_unit_at (page, i);
  SdSegUnit *first = _sd_seg_unit_at (page, story->first);
  SdSegUnit *lead;

  if (page->column == 0 || story->headline != NONE || story->last_body == NONE || story->ended
      || i + n >= page->units->len || first->continued || first->shape != SHAPE_TEXT
      || first->start + LATE_WINDOW < title->start || _sd_seg_is_marked (title) || title->at_edge
      || memchr (page->text + title->text_start, '|', title->text_end - title->text_start) != NULL)
    return FALSE;
  lead = _sd_seg_unit_at (page, i + n);
  if (lead->shape != SHAPE_TEXT || lead->title || lead->news_lead || lead->continued
      || _sd_seg_starts_with_opener (page, lead) || _sd_seg_is_photo_caption (page, i + n))
    return FALSE;
  for (guint k = story->last_body + 1; k < i; k++)
    if (_sd_seg_unit_at (page, k)->shape == SHAPE_TEXT
        || _sd_seg_unit_at (page, k)->shape == SHAPE_REPORTER)
      return FALSE;
  return few_blocks_above (page, story, i)
         && _sd_seg_count_title_bigrams (page, title, first->start, title->start)
                >= LATE_LEAD_BIGRAMS;
}

static gboolean
has_body_before (SdSegPage *page, SdSegStory *story, guint i)
{
  for (guint k = story->first; k < i; k++)
    if (_sd_seg_unit_at (page, k)->role == ROLE_BODY)
      return TRUE;
  return FALSE;
}

/* Makes the title at unit @i, with @n header units, the headline of the
 * page's last story.  Returns the last unit taken. */
static guint
take_late_headline (SdSegPage *page, guint i, guint n)
{
  SdSegStory *story = _sd_seg_story_at (page, page->stories->len - 1);
  SdSegUnit  *above = _sd_seg_unit_at (page, i - 1);

  /* the story's only text right above it is its 引题, too long for a
   * title's shape: "产业兴旺、城乡融合、生活幸福——", or the start of one
   * broken over two lines ("…同比增长20.", "1%——") */
  if (story->last_body == i - 1 && !has_body_before (page, story, i - 1)
      && (above->dash_end || (_sd_seg_unit_at (page, i)->dash_end && !above->ends_sentence)))
    {
      above->role = ROLE_KICKER;
      story->has_body = FALSE;
      story->last_body = NONE;
    }
  /* names read between the broken sentence and the title sign nothing:
   * the story goes on */
  for (guint k = story->last_body != NONE ? story->last_body + 1 : i; k < i; k++)
    if (_sd_seg_unit_at (page, k)->role == ROLE_BYLINE)
      _sd_seg_unit_at (page, k)->role = ROLE_STRAY;
  _sd_seg_set_header_roles (page, i, n, page->stories->len - 1);
  story->last = i + n - 1;
  story->ended = FALSE;
  return i + n - 1;
}

/* In a story with a headline of its own, the paragraph above unit @i where
 * the title's story begins: the farthest one back, within a window, whose
 * text uses the title's words; or NONE.  The story above keeps its first
 * paragraph. */
static guint
find_story_start (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *title = _sd_seg_unit_at (page, i);
  gsize      para_end = title->start;
  guint      first = story->headline + 1, best = NONE;

  for (guint k = i; k-- > first + 1;)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, k);
      SdSegUnit *above = _sd_seg_unit_at (page, k - 1);

      if (u->start + LATE_WINDOW < title->start)
        break;
      if (u->role != ROLE_BODY || !_sd_seg_carries_prose (above) || !above->ends_sentence)
        continue;
      if (_sd_seg_count_title_bigrams (page, title, u->start, para_end) >= LATE_LEAD_BIGRAMS)
        best = k;
      para_end = u->start;
    }
  return best;
}

/* A headline broken over two lines of the column reads its second line at
 * the top of the next column ("市领导赴丹阳 调研" … "外资外贸企业"): a short
 * title every word of which the story has already used in its text. */
static gboolean
is_headline_rest (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *title = _sd_seg_unit_at (page, i);
  gsize      from = _sd_seg_unit_at (page, story->headline)->end;

  /* read a column further on at the most */
  if (title->start > from + 2 * LATE_WINDOW)
    return FALSE;
  return title->chars <= HEADLINE_REST_CHARS && title->chars >= 3
         && _sd_seg_count_title_bigrams (page, title, from, title->start) >= title->chars - 1;
}

/* Units [@k, @i) leave the page's last story for a new one. */
static void
split_story (SdSegPage *page, guint k, guint i)
{
  SdSegStory *story = _sd_seg_story_at (page, page->stories->len - 1);
  SdSegStory  next = { .first = k, .last = i - 1, .headline = NONE, .credit = NONE };

  story->last = k - 1;
  story->last_body = k - 1;
  story->ended = TRUE;
  if (story->credit != NONE && story->credit >= k)
    story->credit = NONE;
  next.last_body = NONE;
  for (guint j = k; j < i; j++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, j);

      u->story = page->stories->len;
      if (_sd_seg_carries_prose (u))
        {
          next.has_body = TRUE;
          next.last_body = j;
        }
    }
  g_array_append_val (page->stories, next);
}

/* A headline set across two columns is read in halves, each over its own
 * column: the second half ("共治密码", "家门口再升级") comes out between the
 * last line of the first column and the first of the second, inside a
 * sentence.  Print never puts a section head or a new story's title there:
 * a short title that breaks a sentence of the story under a headline read
 * shortly before, the text under it going on as no lead begins, is the
 * rest of that headline. */
#define HEADLINE_HALF_CHARS 12

/* The headline read so far fits over one column and does not end as a
 * headline may ("…精彩无限！"). */
static gboolean
reads_as_first_half (SdSegPage *page, SdSegUnit *head)
{
  gunichar last = _sd_text_last_char (page->text, head->text_start, head->text_end);

  return head->chars * 2 <= page->column && !_sd_seg_char_in ("！!？?）)", last);
}

/* "2023年8月23日，…": a lead dated by the year */
static gboolean
opens_with_year (SdSegPage *page, SdSegUnit *u)
{
  gsize pos = u->prose_start;

  while (pos < u->prose_end && g_ascii_isdigit (page->text[pos]))
    pos++;
  return pos >= u->prose_start + 4 && _sd_text_has_prefix (page->text, pos, u->prose_end, "年");
}

gboolean
_sd_seg_take_headline_half (SdSegPage *page, guint i)
{
  SdSegStory *story = _sd_seg_story_at (page, page->stories->len - 1);
  SdSegUnit  *title = _sd_seg_unit_at (page, i);
  SdSegUnit  *above, *next;

  if (page->column == 0 || story->headline == NONE || story->last_body != i - 1
      || i + 1 >= page->units->len || _sd_seg_is_marked (title) || title->dash_start
      || title->chars > HEADLINE_HALF_CHARS
      || title->start > _sd_seg_unit_at (page, story->headline)->end + 2 * LATE_WINDOW)
    return FALSE;
  above = _sd_seg_unit_at (page, i - 1);
  next = _sd_seg_unit_at (page, i + 1);
  /* the line above ends the first column, full to its edge */
  if (above->role != ROLE_BODY || above->ends_sentence || page->lines == NULL
      || !sd_line_structure_ends_at_edge (page->lines, above->end) || next->shape != SHAPE_TEXT
      || next->title || next->news_lead || next->continued
      || _sd_seg_starts_with_opener (page, next) || _sd_seg_is_photo_caption (page, i + 1))
    return FALSE;
  /* a title naming its place first ("灌南：…") heads a story of its own,
   * and so does one under a lead dated by the year or one whose words a
   * paragraph above began its story with (a late title, below) */
  if (_sd_seg_has_title_colon (page, title) || opens_with_year (page, next)
      || !reads_as_first_half (page, _sd_seg_unit_at (page, story->headline))
      || find_story_start (page, story, i) != NONE)
    return FALSE;
  title->role = ROLE_HEADLINE;
  title->story = page->stories->len - 1;
  story->last = i;
  return TRUE;
}

/**
 * _sd_seg_take_late_title:
 * @i: a title-shaped unit, with a story above it
 *
 * Returns: the last unit taken when the title at @i heads the story whose
 * sentence it breaks into (see above), else NONE.
 */
guint
_sd_seg_take_late_title (SdSegPage *page, guint i)
{
  SdSegStory *story = _sd_seg_story_at (page, page->stories->len - 1);
  guint       n, start;

  /* a page of paragraph lines has no columns to read out of order */
  if (page->column == 0)
    return NONE;
  n = _sd_seg_measure_header (page, i);
  if (follows_own_lead (page, story, i, n))
    return take_late_headline (page, i, n);
  if (!breaks_sentence (page, story, i, n))
    return NONE;
  if (story->headline == NONE)
    return few_blocks_above (page, story, i) ? take_late_headline (page, i, n) : NONE;
  /* a story with a title of its own was cut where its last line ran to the
   * column's edge */
  if (page->lines == NULL
      || !sd_line_structure_ends_at_edge (page->lines,
                                          _sd_seg_unit_at (page, story->last_body)->end))
    return NONE;
  start = find_story_start (page, story, i);
  if (start != NONE)
    {
      split_story (page, start, i);
      return take_late_headline (page, i, n);
    }
  if (n == 1 && is_headline_rest (page, story, i))
    {
      /* fill_header () joins the two */
      _sd_seg_unit_at (page, i)->role = ROLE_HEADLINE;
      _sd_seg_unit_at (page, i)->story = page->stories->len - 1;
      story->last = i;
      return i;
    }
  return NONE;
}
