/* sd-photos.c — photos and their captions among the stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A caption is short prose closed by a photo's credit.  After a story it
 * is a photo of its own, or one of the story's spread of photos (the same
 * photographer, or a short undated caption after another); a caption
 * printed under a title stays with its story, whose lead is to come.
 * sd-segmenter.c asks these as it gives the units their stories.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

/* A caption: short prose closed by a photo credit. */
gboolean
_sd_seg_is_photo_caption (SdSegPage *page, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (u->shape != SHAPE_TEXT || u->title)
    return FALSE;
  /* the credit first: most paragraphs have none, and need not be counted */
  if (!u->tail_credit
      && !(u->ends_sentence && i + 1 < page->units->len
           && _sd_seg_unit_at (page, i + 1)->shape == SHAPE_CREDIT))
    return FALSE;
  return _sd_text_count_chars (page->text, u->prose_start, u->prose_end, PHOTO_MAX_CHARS)
         <= PHOTO_MAX_CHARS;
}

/* The credit of the caption at unit @i: glued to it, or the next line. */
static SdSegUnit *
caption_credit (SdSegPage *page, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (u->tail_credit)
    return u;
  return i + 1 < page->units->len ? _sd_seg_unit_at (page, i + 1) : NULL;
}

/* A spread of photos goes with one story, each credited to the same
 * photographer ("…县城。 曹政 摄", "…景点。 曹政 摄"). */
static gboolean
same_photographer (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *credit = caption_credit (page, i), *last;

  if (story->credit == NONE || credit == NULL)
    return FALSE;
  last = _sd_seg_unit_at (page, story->credit);
  return credit->names_end > credit->names_start
         && last->names_end - last->names_start == credit->names_end - credit->names_start
         && memcmp (page->text + last->names_start, page->text + credit->names_start,
                    last->names_end - last->names_start)
                == 0;
}

/* Whether [@start, @end) holds two Han characters that follow each other
 * in @title (common ones too: 过年).  A title is short, and so is what it
 * is asked about. */
static gboolean
shares_title_bigram (SdSegPage *page, SdSegUnit *title, gsize start, gsize end)
{
  const char *text = page->text;

  for (gsize p = title->text_start; p < title->text_end; p = _sd_seg_skip_char (text, p))
    {
      gsize q = _sd_seg_skip_char (text, p), n = _sd_seg_skip_char (text, q) - p;
      char  bigram[16];

      if (q >= title->text_end || n >= sizeof bigram
          || !_sd_text_is_han (_sd_text_get_char (text + p))
          || !_sd_text_is_han (_sd_text_get_char (text + q)))
        continue;
      memcpy (bigram, text + p, n);
      bigram[n] = '\0';
      if (g_strstr_len (text + start, end - start, bigram) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A titled story that holds photos only, each caption closed by its
 * credit, gets another caption that repeats a word of its title
 * (留锡过年也温暖: "…组织留锡过年的青少年…", "…就地过年的企业职工子女…"):
 * the spread goes on.  Measured on the real pages: each caption of the
 * three spreads shares two characters with the title, no photo of its own
 * printed after a photo's story does. */
static gboolean
goes_on_in_spread (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (story->headline == NONE || !story->ended_by_photo)
    return FALSE;
  for (guint k = story->headline + 1; k < i; k++)
    if (_sd_seg_unit_at (page, k)->role == ROLE_BODY && !_sd_seg_is_photo_caption (page, k))
      return FALSE;
  return shares_title_bigram (page, _sd_seg_unit_at (page, story->headline), u->prose_start,
                              u->prose_end);
}

/* A photo caption after the end of a story is an item of its own: the
 * story before was signed, cut off mid-sentence, or lies a wide gap away;
 * not when the story's last photo has the same photographer. */
gboolean
_sd_seg_after_story_end (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *prev = _sd_seg_unit_at (page, i - 1);
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (!story->has_body || same_photographer (page, story, i) || goes_on_in_spread (page, story, i))
    return FALSE;
  /* a spread of photos: a short undated caption after one closed by a
   * credit ("江宁横溪石塘村青山绿水环绕,环境优美。", "李莉 摄") */
  if (story->ended && story->ended_by_photo && !_sd_seg_starts_with_opener (page, u)
      && _sd_text_count_chars (page->text, u->prose_start, u->prose_end, LONE_CAPTION_CHARS + 1)
             <= LONE_CAPTION_CHARS)
    return FALSE;
  gboolean cut = _sd_seg_carries_prose (prev) && !prev->ends_sentence;

  /* in a page of columns, text cut mid-sentence goes on after the break,
   * however wide */
  if (cut && page->column > 0)
    return story->ended;
  return story->ended || u->blank_before > page->usual_gap
         || (cut && !_sd_seg_continues_sentence (page, u));
}

/* A titled story whose text so far is a picture's caption printed under
 * its title ("2018年的阳澄湖大闸蟹正式开捕。", "周社根摄"): its lead is
 * still to come. */
gboolean
_sd_seg_holds_only_caption (SdSegPage *page, SdSegStory *story, guint i)
{
  guint lines = 0;

  if (story->headline == NONE)
    return FALSE;
  for (guint k = story->headline + 1; k < i; k++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, k);

      if (u->role != ROLE_BODY)
        continue;
      if (++lines > 1 || u->news_lead
          || _sd_text_count_chars (page->text, u->prose_start, u->prose_end, LONE_CAPTION_CHARS + 1)
                 > LONE_CAPTION_CHARS)
        return FALSE;
    }
  return lines == 1;
}

/* The story's first unit of text. */
static SdSegUnit *
first_text (SdSegPage *page, SdSegStory *story)
{
  for (guint k = story->first; k <= story->last; k++)
    if (_sd_seg_unit_at (page, k)->role == ROLE_BODY)
      return _sd_seg_unit_at (page, k);
  return _sd_seg_unit_at (page, story->first);
}

/* "②近期，…", "③在志愿者…": the numbered captions of one spread of
 * photos go on in it. */
gboolean
_sd_seg_is_numbered_part (SdSegPage *page, SdSegUnit *u)
{
  gunichar c = _sd_text_first_char (page->text, u->text_start, u->text_end);

  return c >= 0x2461 && c <= 0x2473; /* ② to ⑳ */
}

/* Nothing but a title, or the page's end, follows unit @i. */
gboolean
_sd_seg_closes_page_item (SdSegPage *page, guint i)
{
  SdSegUnit *next;

  if (i + 1 >= page->units->len)
    return TRUE;
  next = _sd_seg_unit_at (page, i + 1);
  return (next->shape == SHAPE_TEXT && next->title) || next->news_lead || next->continued;
}

/* A photo printed after a story with no title of its own: a credit line
 * closes its caption, one or two short paragraphs that open with a date or
 * 近日 ("3月21日,在连云区高公岛…", "新华社记者 季春鹏 摄") or set a scene
 * of their own (地处洪泽湖畔的泗洪县在…, `_sd_seg_sets_own_scene`).  The story
 * above keeps what came before.  Returns whether the photo was split off
 * into a story of its own. */
gboolean
_sd_seg_split_off_photo (SdSegPage *page, guint i)
{
  guint       id = page->stories->len - 1;
  SdSegStory *story = _sd_seg_story_at (page, id);
  /* the credit on a line of its own, or glued after the caption */
  gboolean glued = _sd_seg_unit_at (page, i)->shape != SHAPE_CREDIT;
  guint    from = glued ? i + 1 : i;
  guint    first = NONE;
  guint    chars = 0, paragraphs = 0;

  for (guint k = from; k-- > story->first && paragraphs < 2;)
    {
      SdSegUnit *c = _sd_seg_unit_at (page, k);

      paragraphs += _sd_seg_opens_paragraph (page, k);

      /* a caption's glued credit reads as names too */
      if (c->role != ROLE_BODY || c->shape != SHAPE_TEXT
          || ((c->tail_names || c->tail_credit) && k != i))
        break;
      chars += _sd_text_count_chars (page->text, c->prose_start, c->prose_end, PHOTO_MAX_CHARS + 1);
      if (chars > PHOTO_MAX_CHARS)
        break;
      if (_sd_seg_starts_with_opener (page, c) || _sd_seg_sets_own_scene (page, story, k))
        first = k;
    }
  /* the story above keeps a paragraph that ends a sentence, or a photo's
   * credit line with a wider gap than the page's under it (a spread of
   * photos, each credited, goes on with none); a titled one
   * that holds only a dated caption is the photo's story itself, its text
   * going on under the caption ("江苏泰州:…忙秋收", "10月20日，一名农民…",
   * "近日，…", "新华社发(李杨 摄)") */
  if (first == NONE || first == story->first
      || (_sd_seg_holds_only_caption (page, story, first)
          && _sd_seg_starts_with_opener (page, first_text (page, story)))
      || !((_sd_seg_unit_at (page, first - 1)->role == ROLE_CREDIT
            && _sd_seg_unit_at (page, first)->blank_before > page->usual_gap)
           || (_sd_seg_carries_prose (_sd_seg_unit_at (page, first - 1))
               && _sd_seg_unit_at (page, first - 1)->ends_sentence)))
    return FALSE;

  story->last = first - 1;
  story->last_body = first - 1;
  _sd_seg_open_story (page, first, FALSE);
  story = _sd_seg_story_at (page, ++id);
  for (guint k = first; k <= i; k++)
    _sd_seg_unit_at (page, k)->story = id;
  story->last = i;
  story->last_body = glued ? i : i - 1;
  story->has_body = TRUE;
  story->ended = TRUE;
  return TRUE;
}
