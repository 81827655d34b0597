/* sd-captions.c — photo captions and credits taken out of a story's body
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter: a story's photo credits take their captions
 * out of the body (sd-story-builder.c fills the rest); a photo item is its
 * caption and credit, nothing more.
 */
#define G_LOG_DOMAIN "sd-story-builder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-segmenter-private.h"

#include "sd-text-util.h"

static gsize
count_prose (SdSegPage *page, SdSegStory *story, gsize limit)
{
  gsize n = 0;

  for (guint i = story->first; i <= story->last && n <= limit; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_BODY)
        n += _sd_text_count_chars (page->text, u->prose_start, u->prose_end, limit - n);
    }
  return n;
}

static gboolean
has_credit (SdSegPage *page, SdSegStory *story)
{
  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_CREDIT || (u->role == ROLE_BODY && (u->tail_credit || u->head_credit)))
        return TRUE;
    }
  return FALSE;
}

/* A photo item is its caption and credit, nothing more; or a spread of
 * photos, every paragraph a caption closed by its own credit, which keeps
 * them all as its text (taken out, nothing would be left). */
gboolean
_sd_seg_is_photo_story (SdSegPage *page, SdSegStory *story)
{
  guint    paragraphs = 0;
  gboolean credited = TRUE;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_SECTION || u->news_lead)
        return FALSE;
      if (u->role != ROLE_BODY)
        continue;
      paragraphs += _sd_seg_opens_paragraph (page, i);
      credited &=
          u->tail_credit || (i < story->last && _sd_seg_unit_at (page, i + 1)->role == ROLE_CREDIT);
    }
  if (paragraphs == 0 || !has_credit (page, story))
    return FALSE;
  return (paragraphs > 2 && credited)
         || (paragraphs <= 2 && count_prose (page, story, PHOTO_MAX_CHARS) <= PHOTO_MAX_CHARS);
}

static char *
dup_caption (SdSegPage *page, SdSegUnit *caption, SdSegUnit *credit)
{
  const char *text = page->text;
  g_autoptr (GString) out = g_string_new (NULL);

  if (caption != NULL)
    g_string_append_len (out, text + caption->prose_start,
                         caption->prose_end - caption->prose_start);
  /* "…注入新鲜力量。(X供图)", but "…启动。 徐宇欣 摄" */
  if (caption != NULL
      && !_sd_seg_char_in ("(（【", _sd_text_first_char (text, credit->start, credit->end)))
    g_string_append_c (out, ' ');
  g_string_append_len (out, text + credit->start, credit->end - credit->start);
  return _sd_text_dup_widened (out->str, out->len);
}

/* A photo item's text closed by its credit ("…供应市场。 王须中摄"), then
 * one short sentence at its end: printed under the photo, its caption
 * ("采茶工在…采摘春茶。"). */
static void
take_caption_under_photo (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  guint      i = story->last_body;
  SdSegUnit *u, *above;

  if (i == NONE || i <= story->first)
    return;
  u = _sd_seg_unit_at (page, i);
  above = _sd_seg_unit_at (page, i - 1);
  if (u->tail_credit || u->tail_names || !u->ends_sentence || u->news_lead
      || above->role != ROLE_BODY || !above->tail_credit
      || _sd_text_count_chars (page->text, u->prose_start, u->prose_end, LONE_CAPTION_CHARS + 1)
             > LONE_CAPTION_CHARS
      || _sd_text_last_sentence_end (page->text, u->prose_start,
                                     _sd_text_prev_char (page->text, page->text + u->prose_end)
                                         - page->text)
             != u->prose_start)
    return;
  u->role = ROLE_CAPTION;
  _sd_seg_add_repair (segment, SD_REPAIR_MOVED_CAPTION, u->prose_start, u->prose_end,
                      N_("photo caption taken out of the body"));
  g_ptr_array_add (segment->captions, _sd_text_dup_widened (page->text + u->prose_start,
                                                            u->prose_end - u->prose_start));
}

/* One sentence of at most LONE_CAPTION_CHARS characters, as a caption
 * printed apart from its credit is. */
static gboolean
is_lone_sentence (SdSegPage *page, SdSegUnit *u)
{
  return u->ends_sentence && !u->news_lead
         && _sd_text_count_chars (page->text, u->prose_start, u->prose_end, LONE_CAPTION_CHARS + 1)
                <= LONE_CAPTION_CHARS
         && _sd_text_last_sentence_end (page->text, u->prose_start,
                                        _sd_text_prev_char (page->text, page->text + u->prose_end)
                                            - page->text)
                == u->prose_start;
}

/* The story's text opens with its dateline ("中国江苏网5月12日讯…"): a
 * lone short sentence between the header and the dateline is a photo's
 * caption printed there ("社区居民表演的《洲岛大鼓》。"), not the text's
 * start.  So is one over a lead that opens as news does ("28日上午，…",
 * 近日) when it opens no such lead itself and no credit printed apart
 * (which takes the lone sentence) is the story's ("人社区志愿者看望空巢
 * 老人。", its △ read as 人). */
static gboolean
precedes_dateline (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  SdSegUnit *next;

  if (i <= story->first || i >= story->last || u->tail_credit || u->tail_names)
    return FALSE;
  next = _sd_seg_unit_at (page, i + 1);
  return next->role == ROLE_BODY
         && (next->news_lead
             || (_sd_seg_starts_with_opener (page, next) && !_sd_seg_starts_with_opener (page, u)
                 && story->credit == NONE))
         && _sd_seg_unit_at (page, i - 1)->role == ROLE_HEADLINE && is_lone_sentence (page, u);
}

/* Short paragraphs right under a story's header, at most this many, may
 * be the captions of its photos. */
#define HEAD_CAPTIONS_MAX 4

/* A short paragraph that says it is a caption: it opens showing a
 * picture ("图为扬州新地标万福大桥。", "△社区志愿者看望空巢老人。"). */
static gboolean
reads_as_caption (SdSegPage *page, SdSegUnit *u)
{
  static const char *const marks[] = { "图为", "△", "▲", "上图", "下图" };

  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    if (_sd_text_has_prefix (page->text, u->prose_start, u->prose_end, marks[m])
        && u->prose_end - u->prose_start > strlen (marks[m]))
      return TRUE;
  return FALSE;
}

static gboolean
is_header (SdSegUnit *u)
{
  return u->role == ROLE_HEADLINE || u->role == ROLE_SUBHEADLINE || u->role == ROLE_KICKER
         || u->role == ROLE_REPORTER;
}

/* The photos' captions printed between a story's header and its text: a
 * run of short paragraphs that read as captions, or one line of no full
 * stop over a credit line ("在贾汪城区,这样的…墙画超过300幅" over
 * "通讯员供图"), the text going on under them.  How many units the run
 * holds, credit included, or 0. */
static guint
count_head_captions (SdSegPage *page, SdSegStory *story, guint first)
{
  guint marked = 0;

  if (first <= story->first || !is_header (_sd_seg_unit_at (page, first - 1)))
    return 0;
  for (guint i = first; i < story->last_body && i - first < HEAD_CAPTIONS_MAX; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      /* one line of no full stop over a credit: a short first paragraph
       * of prose over a caption and its credit stays the text's */
      if (u->role == ROLE_CREDIT)
        return i == first + 1 && !_sd_seg_unit_at (page, first)->ends_sentence ? 2 : 0;
      if (u->role != ROLE_BODY || u->news_lead || u->bracket_lead || u->tail_credit || u->tail_names
          || u->head_credit
          || _sd_text_count_chars (page->text, u->prose_start, u->prose_end, LONE_CAPTION_CHARS + 1)
                 > LONE_CAPTION_CHARS)
        break;
      if (marked == i - first && reads_as_caption (page, u))
        marked++;
    }
  return marked;
}

static void
take_caption (SdSegPage *page, SdSegUnit *u, SdSegment *segment)
{
  u->role = ROLE_CAPTION;
  _sd_seg_add_repair (segment, SD_REPAIR_MOVED_CAPTION, u->prose_start, u->prose_end,
                      N_("photo caption taken out of the body"));
  g_ptr_array_add (segment->captions, _sd_text_dup_widened (page->text + u->prose_start,
                                                            u->prose_end - u->prose_start));
}

/* "图2 观战。": a caption that says which of a spread's photos it is */
static gboolean
is_numbered_caption (SdSegPage *page, SdSegUnit *u)
{
  gsize pos = u->prose_start;

  if (u->role != ROLE_BODY || !_sd_text_has_prefix (page->text, pos, u->prose_end, "图"))
    return FALSE;
  pos += strlen ("图");
  return pos < u->prose_end && g_ascii_isdigit (page->text[pos]) && is_lone_sentence (page, u);
}

/* The numbered captions of a spread printed one under another over the
 * last one's credit ("图1 开赛。" … "图4 棋场。" over "施伍钰摄"): those
 * above @caption are captions too, taken in the order they stand. */
static void
take_numbered_captions_above (SdSegPage *page, SdSegStory *story, guint caption, SdSegment *segment)
{
  guint first = caption;

  if (!is_numbered_caption (page, _sd_seg_unit_at (page, caption)))
    return;
  while (first > story->first && is_numbered_caption (page, _sd_seg_unit_at (page, first - 1)))
    first--;
  for (guint k = first; k < caption; k++)
    take_caption (page, _sd_seg_unit_at (page, k), segment);
}

/* Photo credits inside a story: the short sentence printed with each one is
 * its caption; a credit printed apart takes the lone sentence under the
 * headline.  A photo item keeps its text, but for a caption under it. */
void
_sd_seg_collect_captions (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  guint first_body = NONE, head_captions = 0;

  if (_sd_seg_is_photo_story (page, story))
    {
      take_caption_under_photo (page, story, segment);
      return;
    }

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *caption = NULL;

      if (u->role == ROLE_BODY && first_body == NONE && precedes_dateline (page, story, i))
        {
          take_caption (page, u, segment);
          continue;
        }
      if (u->role == ROLE_BODY && first_body == NONE && head_captions == 0
          && (head_captions = count_head_captions (page, story, i)) > 0)
        {
          for (guint k = i; k < i + head_captions; k++)
            if (_sd_seg_unit_at (page, k)->role == ROLE_BODY)
              take_caption (page, _sd_seg_unit_at (page, k), segment);
          /* a credit closing them is taken as every credit is, below */
          i += head_captions - 1;
          if (_sd_seg_unit_at (page, i)->role != ROLE_CREDIT)
            continue;
          u = _sd_seg_unit_at (page, i);
        }
      if (u->role == ROLE_BODY && first_body == NONE)
        first_body = i;
      /* "…体验采摘乐趣。 赵明/摄" with the story going on after it, or
       * after such a caption ("…盛开的花。 X 摄" over "游客在…“打卡”。
       * X供图": a spread's captions, each with its credit, end the story;
       * a caption, a paragraph of its own, not the end of one a column
       * break cut) */
      if (u->role == ROLE_BODY && u->tail_credit
          && (i < story->last_body
              || (i > story->first && _sd_seg_unit_at (page, i - 1)->role == ROLE_CAPTION
                  && _sd_seg_unit_at (page, i - 1)->tail_credit
                  && _sd_seg_opens_paragraph (page, i - 1)))
          && u->ends_sentence
          && _sd_text_count_chars (page->text, u->prose_start, u->prose_end, CAPTION_MAX_CHARS)
                 <= CAPTION_MAX_CHARS)
        {
          u->role = ROLE_CAPTION;
          _sd_seg_add_repair (segment, SD_REPAIR_MOVED_CAPTION, u->prose_start, u->tail_end,
                              N_("photo caption taken out of the body"));
          g_ptr_array_add (segment->captions,
                           g_strndup (page->text + u->prose_start, u->tail_end - u->prose_start));
          continue;
        }
      if (u->role != ROLE_CREDIT)
        continue;
      /* the caption is a paragraph of its own, not the end of one a
       * column break cut */
      if (i > story->first && _sd_seg_unit_at (page, i - 1)->role == ROLE_BODY
          && _sd_seg_unit_at (page, i - 1)->ends_sentence && _sd_seg_opens_paragraph (page, i - 1)
          && _sd_text_count_chars (page->text, _sd_seg_unit_at (page, i - 1)->prose_start,
                                   _sd_seg_unit_at (page, i - 1)->prose_end, CAPTION_MAX_CHARS)
                 <= CAPTION_MAX_CHARS)
        caption = _sd_seg_unit_at (page, i - 1);
      /* a dated sentence under the headline of a photo item of a few
       * sentences ("10月20日，一名农民…") opens its text */
      else if (first_body != NONE && first_body != i - 1
               && !(_sd_seg_starts_with_opener (page, _sd_seg_unit_at (page, first_body))
                    && count_prose (page, story, PHOTO_MAX_CHARS) <= PHOTO_MAX_CHARS))
        {
          SdSegUnit *lone = _sd_seg_unit_at (page, first_body);

          /* one sentence only */
          if (is_lone_sentence (page, lone))
            caption = lone;
        }
      if (caption != NULL && caption == _sd_seg_unit_at (page, i - 1))
        take_numbered_captions_above (page, story, i - 1, segment);
      if (caption != NULL)
        {
          caption->role = ROLE_CAPTION;
          _sd_seg_add_repair (segment, SD_REPAIR_MOVED_CAPTION, caption->prose_start,
                              caption->prose_end, N_("photo caption taken out of the body"));
        }
      _sd_seg_add_repair (segment, SD_REPAIR_MOVED_CAPTION, u->start, u->end,
                          N_("photo credit taken out of the body"));
      g_ptr_array_add (segment->captions, dup_caption (page, caption, u));
    }
}
