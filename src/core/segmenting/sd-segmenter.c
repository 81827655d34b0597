/* sd-segmenter.c — split an OCR'd newspaper page into stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is read as a list of units (non-blank lines, sd-page-units.c).
 * Stories are cut at title-shaped units that show evidence of starting a
 * story: markup, a 本报讯 lead or reporter line after them, a byline or a
 * broken-off sentence before them, or cues across the boundary that add
 * up to one (sd-boundary.c weighs them with fitted trees: how the story
 * above ended, what stands under the title, a headline's habits, words
 * the story above never used).  Other
 * title-shaped units are section headings; sd-photos.c tells where a
 * caption goes.  sd-story-builder.c then leaves
 * out text printed twice, joins paragraphs broken at column ends and fills
 * the segments.  Every pass is linear.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter.h"

#include "sd-line-structure.h"
#include "sd-segmenter-private.h"
#include "sd-text-util.h"

/* "望亭镇人民社区开展“清凉" over "送到家”活动": more quotes or brackets
 * open than closed. */
static gboolean
leaves_quote_open (SdSegPage *page, SdSegUnit *u)
{
  int   open = 0;
  guint straight = 0; /* '"' opens and closes alike: an odd count leaves one open */

  for (const char *p = page->text + u->text_start; p < page->text + u->text_end;
       p = g_utf8_next_char (p))
    switch (_sd_text_get_char (p))
      {
      case '"':
        straight++;
        break;
      case 0x201C: /* “ */
      case 0x300A: /* 《 */
      case 0xFF08: /* （ */
      case '(':
        open++;
        break;
      case 0x201D: /* ” */
      case 0x300B: /* 》 */
      case 0xFF09: /* ） */
      case ')':
        open--;
        break;
      default:
        break;
      }
  return open > 0 || straight % 2 == 1;
}

static gboolean
continues_header (SdSegPage *page, guint group_len, SdSegUnit *a, SdSegUnit *b)
{
  if (!b->title || b->blank_before > 3)
    return FALSE;
  if (b->dash_start || leaves_quote_open (page, a))
    return TRUE;
  if (group_len > 1)
    return FALSE;
  if (a->dash_end)
    return TRUE;
  /* a plain line above a marked title is its kicker */
  if (!_sd_seg_is_marked (a) && _sd_seg_is_marked (b))
    return TRUE;
  if (_sd_seg_is_marked (a) || _sd_seg_is_marked (b))
    return _sd_seg_is_marked (a) && _sd_seg_is_marked (b);
  return b->section_shape || b->blank_before <= 1;
}

/* Whether one of the @n header units from @i is set across columns. */
static gboolean
header_spans (SdSegPage *page, guint i, guint n)
{
  for (guint k = 0; k < n; k++)
    if (_sd_seg_unit_at (page, i + k)->spans)
      return TRUE;
  return FALSE;
}

/* Whether one of the @n header units from @i is marked. */
gboolean
_sd_seg_header_is_marked (SdSegPage *page, guint i, guint n)
{
  for (guint k = 0; k < n; k++)
    if (_sd_seg_is_marked (_sd_seg_unit_at (page, i + k)))
      return TRUE;
  return FALSE;
}

/* Number of title units from @i that form one header (kicker, title, 副题). */
guint
_sd_seg_measure_header (SdSegPage *page, guint i)
{
  /* a title that names what goes with it ("…(组图)") has no kicker above
   * it: one line under it at most, its 副题 */
  guint n = 1, most = _sd_seg_ends_with_media_mark (page, _sd_seg_unit_at (page, i)) ? 2 : 3;

  /* a title line over a credit line captions the photo between: "邱圩社区一角"
   * over "顾士刚 摄" is no kicker of the story */

  while (i + n < page->units->len && n < most
         && continues_header (page, n, _sd_seg_unit_at (page, i + n - 1),
                              _sd_seg_unit_at (page, i + n))
         && !(i + n + 1 < page->units->len && !_sd_seg_is_marked (_sd_seg_unit_at (page, i + n))
              && _sd_seg_unit_at (page, i + n + 1)->shape == SHAPE_CREDIT))
    n++;
  return n;
}

/* The title at unit @i and its lead go on in the words of @story: a
 * section of it, whatever a photo or a 本报讯 lead above suggests.
 * Measured on the seed-like real pages: a section head and its first
 * paragraph share 17 % of their bigrams with the story above (median), a
 * new story's title and lead 5 %; 13 of 120 new stories share 17 % or
 * more, 29 of 53 sections do. */
#define COHESION_SECTION 17

static gboolean
goes_on_in_words (SdSegPage *page, SdSegStory *story, guint i, guint lead)
{
  SdSegUnit *prev = _sd_seg_unit_at (page, i - 1);

  /* text cut mid-sentence above goes on under the title, if anywhere: no
   * lead to compare */
  if (_sd_seg_carries_prose (prev) && !prev->ends_sentence)
    return FALSE;
  return _sd_seg_measure_lead_cohesion (page, story, i, lead) >= COHESION_SECTION;
}

/* Paragraphs of column lines follow each other with no blank line, and
 * two titles or more have one above them: the page parts its stories by
 * blank lines (a column break the OCR marked with one parts no title from
 * its text). */
#define GAP_TITLES_MIN 2

static gboolean
parts_stories_by_gaps (SdSegPage *page)
{
  return page->column > 0 && page->usual_gap == 0 && page->gap_titles >= GAP_TITLES_MIN;
}

/* Units between a title and the dateline that restates it: a photo's
 * caption and credit, a reporter line. */
#define RESTATED_BELOW_UNITS 3

/* The @n header units from @i are restated by an agency's dateline right
 * under them ("…电 题:…"), past a photo's caption and credit at most. */
static gboolean
restated_below (SdSegPage *page, guint i, guint n)
{
  SdSegUnit *title = _sd_seg_unit_at (page, i + n - 1);

  for (guint k = i + n; k < page->units->len && k < i + n + RESTATED_BELOW_UNITS; k++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, k);

      if (u->news_lead)
        return _sd_seg_restates_title (page, u, title)
               || _sd_seg_restates_title (page, u, _sd_seg_unit_at (page, i));
      if (u->shape == SHAPE_TEXT && u->title)
        return FALSE;
    }
  return FALSE;
}

/* The dateline at unit @i restates the title of @story: it goes on in it. */
static gboolean
restates_story_title (SdSegPage *page, SdSegStory *story, guint i)
{
  return story->headline != NONE
         && _sd_seg_restates_title (page, _sd_seg_unit_at (page, i),
                                    _sd_seg_unit_at (page, story->headline));
}

static gboolean
starts_story (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  SdSegUnit *prev = _sd_seg_unit_at (page, i - 1);
  guint      n = _sd_seg_measure_header (page, i);
  guint      lead = i + n < page->units->len ? i + n : NONE;
  SdSegUnit *next = lead != NONE ? _sd_seg_unit_at (page, lead) : NULL;

  /* under a reporter line comes the story's text, unless the line signs
   * the story above ("记者 毛莹" after its last paragraph) */
  if (!story->has_body || (prev->role == ROLE_REPORTER && !story->ended))
    return FALSE;
  /* "一、…" numbers a section */
  if (u->numbered_end > u->text_start && u->md_level == 0)
    return FALSE;
  if (u->md_level > 0 && u->md_level == page->min_md_level)
    return TRUE;
  if ((next != NULL && (next->news_lead || next->continued)) || restated_below (page, i, n))
    return TRUE;
  /* on a page of column lines that parts paragraphs by no blank line, a
   * title set across columns is a headline: a section head is set in its
   * column */
  if (page->usual_gap == 0 && header_spans (page, i, n))
    return TRUE;
  /* a report of its own inside a feature signs its part with a reporter
   * line too: where headlines are marked with '#', a plain title over one
   * heads a section */
  if (next != NULL && next->shape == SHAPE_REPORTER
      && !(page->md_titles >= 2 && !_sd_seg_header_is_marked (page, i, n)))
    return TRUE;
  /* where headlines are marked with '#', a line in bold heads a section */
  if (u->bold && u->md_level == 0 && page->min_md_level != G_MAXUINT)
    return FALSE;
  if ((story->ended || (lead != NONE && _sd_seg_is_photo_caption (page, lead)))
      && !(goes_on_in_words (page, story, i, lead) && (!story->ended || story->ended_by_photo)))
    return TRUE;
  /* 引题—— over a title, or a title over its ——副题: a story has those, or
   * a section of a feature whose text goes on about the village or town
   * the story above told of */
  if (n > 1 && (u->dash_end || _sd_seg_unit_at (page, i + 1)->dash_start))
    return lead == NONE || !_sd_seg_lead_names_story_place (page, story, i, lead);
  /* where headlines are marked with '#', a plain title heads a section
   * unless a lead or a reporter line follows it (above) */
  if (page->md_titles >= 2 && !_sd_seg_is_marked (u) && !_sd_seg_header_is_marked (page, i, n))
    return FALSE;
  /* a page of column lines that parts its stories with blank lines parts
   * them all so: a title with none above it heads a section */
  if (parts_stories_by_gaps (page) && u->blank_before <= page->usual_gap)
    return FALSE;
  if (u->section_shape)
    {
      /* the story before was cut off in mid-sentence */
      if (_sd_seg_carries_prose (prev) && !prev->ends_sentence
          && (u->blank_before > page->usual_gap || u->chars >= 8))
        return TRUE;
    }
  /* a story heads its sections one way: after sections in bold or
   * numbered, a plain title after a sentence's end heads the next story
   * (both such titles of the labelled pages do; too few for the trees) */
  if (story->marked_sections && !story->plain_sections && !_sd_seg_is_marked (u)
      && !_sd_seg_is_numbered (u) && prev->ends_sentence)
    return TRUE;
  /* a 本报讯 item has no section headings, short or long: a title after
   * its last sentence, the text under it in words of its own, opens the
   * next story (one at the column's edge too when it ends its sentence
   * there, as a title that exclaims does: no cut line of prose) */
  if (story->news_lead && prev->ends_sentence && (!u->at_edge || u->ends_sentence)
      && !_sd_seg_reads_like_cut_prose (page, u) && !goes_on_in_words (page, story, i, lead))
    return TRUE;
  /* no strong sign but a news lead that restates the title (sd-news-leads.c):
   * the boundary scorer weighs the rest (sd-boundary.c) */
  return (!story->plain_sections && _sd_seg_news_lead_restates (page, i, lead))
         || _sd_seg_weighs_as_story (page, story, i, n, lead);
}

/* Gives the @n header units from @i their roles in story @id. */
void
_sd_seg_set_header_roles (SdSegPage *page, guint i, guint n, guint id)
{
  SdSegUnit *a = _sd_seg_unit_at (page, i);
  SdSegUnit *b = n > 1 ? _sd_seg_unit_at (page, i + 1) : NULL;

  a->role = ROLE_HEADLINE;
  if (n == 3)
    {
      a->role = ROLE_KICKER;
      b->role = ROLE_HEADLINE;
      _sd_seg_unit_at (page, i + 2)->role = ROLE_SUBHEADLINE;
    }
  else if (n == 2 && !a->dash_end && !b->dash_start
           && ((a->md_level > 0 && a->md_level == b->md_level) || leaves_quote_open (page, a)))
    {
      /* two lines marked alike, or a line that leaves a quote open, are one
       * title OCR broke in two: a kicker or a 副题 is set apart from the
       * title */
      b->role = ROLE_HEADLINE;
    }
  else if (n == 2)
    {
      /* 引题 above the title unless the second line is a ——副题 or a
       * deeper markdown level under a '#' title */
      gboolean kicker_first =
          !b->dash_start && (a->dash_end || a->md_level == 0 || a->md_level >= b->md_level);

      /* a line that names its subject before a colon ("常州：破解…") is a
       * headline, never a 引题: the line under it, with none, is its 副题 */
      if (kicker_first && !a->dash_end && a->md_level == b->md_level
          && _sd_seg_has_title_colon (page, a) && !_sd_seg_has_title_colon (page, b))
        kicker_first = FALSE;
      /* and so is one that states a count over one that states none
       * ("…改造老旧小区47个" over "建设面积创新高…"): measured on the
       * labelled pages, 4 such headlines over their 副题 and no 引题 */
      if (kicker_first && !a->dash_end && _sd_seg_states_count (page, a)
          && !_sd_seg_states_count (page, b))
        kicker_first = FALSE;
      /* and so is a line that names what goes with it ("…(组图)") */
      if (kicker_first && _sd_seg_ends_with_media_mark (page, a)
          && !_sd_seg_ends_with_media_mark (page, b))
        kicker_first = FALSE;

      a->role = kicker_first ? ROLE_KICKER : ROLE_HEADLINE;
      b->role = kicker_first ? ROLE_HEADLINE : ROLE_SUBHEADLINE;
    }
  for (guint k = 0; k < n; k++)
    {
      _sd_seg_unit_at (page, i + k)->story = id;
      if (_sd_seg_unit_at (page, i + k)->role == ROLE_HEADLINE
          && _sd_seg_story_at (page, id)->headline == NONE)
        _sd_seg_story_at (page, id)->headline = i + k;
    }
}

/* Starts a story at unit @i; a titled one takes its header units along.
 * Returns the last unit taken. */
guint
_sd_seg_open_story (SdSegPage *page, guint i, gboolean titled)
{
  SdSegStory story = { .first = i, .last = i, .headline = NONE, .last_body = NONE, .credit = NONE };
  guint      n = titled ? _sd_seg_measure_header (page, i) : 1;

  story.last = i + n - 1;
  g_array_append_val (page->stories, story);
  if (titled)
    _sd_seg_set_header_roles (page, i, n, page->stories->len - 1);
  return i + n - 1;
}

/* Lead paragraphs a reporter line may head the rest of its story after;
 * under more it signs the story (通讯员 王蕾 扬子晚报/紫牛新闻记者 周晓青
 * under five, b23) */
#define REPORTER_HEADS_AFTER 2

/* "记者 毛莹" after a story's text signs it, and so does "…陈士洲报道"; a
 * reporter line with a box or with correspondents too ("通讯员 陈鹏飞 戴超
 * …记者 姜振军") heads the rest of the story after lead paragraphs, and
 * signs it after more. */
static gboolean
signs_story (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  gunichar   first = _sd_text_first_char (page->text, u->text_start, u->text_end);

  if (_sd_text_has_suffix (page->text, u->text_start, u->text_end, "报道"))
    return TRUE;
  if (u->boxed || !_sd_text_is_content (first))
    return FALSE;
  return !_sd_text_contains (page->text, u->text_start, u->text_end, "通讯员")
         || _sd_seg_count_paragraphs_above (page, story, i, REPORTER_HEADS_AFTER + 1)
                > REPORTER_HEADS_AFTER;
}

static gboolean
has_han (SdSegPage *page, SdSegUnit *u)
{
  for (const char *p = page->text + u->text_start; p < page->text + u->text_end;
       p = g_utf8_next_char (p))
    if (_sd_text_is_han (_sd_text_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Above the page's first story, a short line standing alone is the
 * masthead's: the paper's motto or town, or specks OCR read as text ("至",
 * "6spz ?9").  A story's first line, or a kicker ending in a dash, runs
 * on into the next line or is longer; specks with no Han character at
 * all may stand right over a headline. */
#define MASTHEAD_SCRAP_CHARS 20

/* Some line of text, no page furniture, follows unit @i. */
static gboolean
text_follows (SdSegPage *page, guint i)
{
  for (guint k = i + 1; k < page->units->len; k++)
    if (_sd_seg_unit_at (page, k)->shape == SHAPE_TEXT)
      return TRUE;
  return FALSE;
}

static gboolean
is_masthead_scrap (SdSegPage *page, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  SdSegUnit *next = i + 1 < page->units->len ? _sd_seg_unit_at (page, i + 1) : NULL;

  /* a page of one short line is a story still (a brief, a page's new
   * version): text must follow */
  return u->shape == SHAPE_TEXT && u->chars < MASTHEAD_SCRAP_CHARS && !u->news_lead && !u->continued
         && !u->dash_end && next != NULL && (next->blank_before > 0 || !has_han (page, u))
         && text_follows (page, i);
}

/* Unit @i stands right under the header of @story, which has no text yet. */
static gboolean
under_header (SdSegPage *page, SdSegStory *story, guint i)
{
  return story != NULL && !story->has_body && story->headline != NONE && story->last + 1 == i
         && _sd_seg_unit_at (page, i - 1)->story == page->stories->len - 1
         && _sd_seg_unit_at (page, i - 1)->role != ROLE_BODY;
}

/* Unit @i stands right under a title the story took as a section. */
static gboolean
follows_section_title (SdSegPage *page, guint i)
{
  SdSegUnit *above = _sd_seg_unit_at (page, i - 1);

  return above->title && (above->role == ROLE_SECTION || above->role == ROLE_BODY)
         && _sd_seg_unit_at (page, i)->blank_before <= 3;
}

/* The first item of a column of briefs (◆5日上午,…) after a story whose
 * text has none opens a story with no title: the column's items are one
 * story (on the labelled pages, ◆ opens only such items). */
static gboolean
opens_briefs (SdSegStory *story, SdSegUnit *u)
{
  return u->bullet && story->has_body && !story->bullets && u->role == ROLE_BODY;
}

/* Gives every unit a story and a role. */
static void
assign_stories (SdSegPage *page)
{
  for (guint i = 1; i < page->units->len; i++)
    page->gap_titles += _sd_seg_unit_at (page, i)->title
                        && _sd_seg_unit_at (page, i)->blank_before > page->usual_gap;
  for (guint i = 0; i < page->units->len; i++)
    {
      SdSegUnit  *u = _sd_seg_unit_at (page, i);
      SdSegStory *story =
          page->stories->len > 0 ? _sd_seg_story_at (page, page->stories->len - 1) : NULL;
      guint last;

      if (u->shape == SHAPE_TEXT && u->title)
        {
          /* a title read late heads its story (sd-late-titles.c): one with
           * no title yet, or one that begins above where a story would
           * begin at the title */
          if (story != NULL && story->headline == NONE
              && (last = _sd_seg_take_late_title (page, i)) != NONE)
            {
              i = last;
              continue;
            }
          if (story != NULL
              && (_sd_seg_take_headline_half (page, i) || _sd_seg_take_headline_tail (page, i)))
            continue;
          /* a section head's ——副题 goes with it: both head the section */
          if (story != NULL && u->dash_start && follows_section_title (page, i))
            u->role = _sd_seg_unit_at (page, i - 1)->role = ROLE_SECTION;
          else if (story == NULL || starts_story (page, story, i))
            {
              last = story != NULL ? _sd_seg_take_late_title (page, i) : NONE;
              i = last != NONE ? last : _sd_seg_open_story (page, i, TRUE);
              continue;
            }
          else
            u->role = u->section_shape ? ROLE_SECTION : ROLE_BODY;
          if (u->role == ROLE_SECTION && (_sd_seg_is_marked (u) || _sd_seg_is_numbered (u)))
            story->marked_sections = TRUE;
          else if (u->role == ROLE_SECTION)
            story->plain_sections = TRUE;
          if (u->role == ROLE_SECTION && _sd_seg_has_title_colon (page, u))
            {
              story->colon_sections = TRUE;
              story->place_sections = _sd_seg_colon_names_place (page, u);
            }
        }
      else if (u->shape == SHAPE_BOLD)
        {
          if (story == NULL)
            {
              _sd_seg_open_story (page, i, FALSE);
              story = _sd_seg_story_at (page, page->stories->len - 1);
            }
          u->role = ROLE_SECTION;
          story->marked_sections = TRUE;
        }
      else if (u->shape == SHAPE_FURNITURE)
        {
          u->role = ROLE_STRAY;
          continue;
        }
      else if (u->shape == SHAPE_NAMES && under_header (page, story, i)
               && _sd_text_count_chars (page->text, u->names_start, u->names_end, 3) >= 3)
        {
          /* "周 茉  封 羽" right under the title, before any text: names
           * set there are the reporters' (two characters alone may be the
           * end of a title OCR broke, "…的乐园") */
          u->role = ROLE_REPORTER;
          u->reporter_start = u->names_start;
          u->reporter_end = u->names_end;
        }
      else if (u->shape == SHAPE_NAMES || u->shape == SHAPE_CREDITS)
        u->role = story == NULL || story->ended || !story->has_body ? ROLE_STRAY : ROLE_BYLINE;
      else if (u->shape == SHAPE_CREDIT)
        {
          u->role = story == NULL ? ROLE_STRAY : ROLE_CREDIT;
          if (story != NULL && _sd_seg_closes_page_item (page, i)
              && _sd_seg_split_off_photo (page, i))
            story = _sd_seg_story_at (page, page->stories->len - 1);
        }
      else if (u->shape == SHAPE_REPORTER)
        {
          /* "□ 本报记者 X" after a story that has ended heads the next
           * one; not after a caption under a title, as the lead is to come */
          if (story == NULL
              || (u->boxed && story->has_body && story->ended
                  && !_sd_seg_holds_only_caption (page, story, i)))
            {
              _sd_seg_open_story (page, i, FALSE);
              story = _sd_seg_story_at (page, page->stories->len - 1);
            }
          u->role = ROLE_REPORTER;
        }
      else if (story == NULL && is_masthead_scrap (page, i))
        {
          u->role = ROLE_STRAY;
          continue;
        }
      else if (story == NULL
               || ((u->news_lead || u->continued || u->head_credit) && story->has_body
                   && !_sd_seg_holds_only_caption (page, story, i)
                   && !restates_story_title (page, story, i))
               || (_sd_seg_is_photo_caption (page, i) && _sd_seg_after_story_end (page, story, i)
                   && !_sd_seg_is_numbered_part (page, u))
               || opens_briefs (story, u) || _sd_seg_opens_after_byline (page, story, i)
               || _sd_seg_opens_untitled_item (page, story, i))
        {
          _sd_seg_open_story (page, i, FALSE);
          story = _sd_seg_story_at (page, page->stories->len - 1);
        }

      if (story == NULL)
        continue;
      if (u->role == ROLE_BODY && u->tail_credit && story->has_body
          && _sd_seg_closes_page_item (page, i) && _sd_seg_split_off_photo (page, i))
        story = _sd_seg_story_at (page, page->stories->len - 1);
      u->story = page->stories->len - 1;
      if (u->role != ROLE_STRAY)
        story->last = i;
      if (u->role == ROLE_BODY || (u->shape == SHAPE_BOLD && u->prose_end > u->prose_start))
        {
          /* the text opens with its dateline, under a photo's caption
           * when the dateline restates the title; reporters in brackets
           * open a lead that, unlike 本报讯's, may have sections */
          if (!story->has_body || (u->news_lead && restates_story_title (page, story, i)))
            story->news_lead = u->news_lead && !u->bracket_lead;
          story->has_body = TRUE;
          story->last_body = i;
          story->bullets |= u->bullet;
        }
      if ((u->role == ROLE_CREDIT || (u->role == ROLE_BODY && u->tail_credit))
          && u->names_end > u->names_start)
        story->credit = i;
      if (u->role == ROLE_BYLINE || u->role == ROLE_STRAY
          || (u->role == ROLE_CREDIT && story->has_body)
          || (u->role == ROLE_REPORTER && story->has_body && signs_story (page, story, i))
          || (u->role == ROLE_BODY && (u->tail_names || u->tail_credit || u->jumps_on)))
        {
          /* a photo's credit closes a caption, which may stand inside a
           * story; a byline closes the story */
          gboolean photo = u->role == ROLE_CREDIT || (u->role == ROLE_BODY && u->tail_credit);

          story->ended_by_photo = story->ended ? story->ended_by_photo && photo : photo;
          story->ended = TRUE;
        }
      else if (u->role == ROLE_BODY)
        story->ended = story->ended_by_photo = FALSE;
    }
}

/* Offsets must stay valid, so bad bytes become '?' in place. */
static char *
dup_valid_utf8 (const char *text, gsize length)
{
  char       *copy = g_malloc (length + 1);
  const char *end;

  /* the page need not end in a NUL: read no further than @length */
  memcpy (copy, text, length);
  copy[length] = '\0';
  for (gsize pos = 0; pos < length;)
    {
      if (g_utf8_validate (copy + pos, length - pos, &end))
        break;
      pos = end - copy;
      copy[pos++] = '?';
    }
  for (gsize pos = 0; pos < length; pos++)
    if (copy[pos] == '\0')
      copy[pos] = ' ';
  return copy;
}

static GPtrArray *
split_paragraph_lines (const char *text, gsize length, const SdLineStructure *lines)
{
  SdSegPage  page = { .text = text,
                      .length = length,
                      .column = lines != NULL ? sd_line_structure_get_width (lines) : 0,
                      .lines = lines };
  GPtrArray *segments;

  /* a unit per line of some 40 bytes at least, mostly */
  page.units = g_array_sized_new (FALSE, FALSE, sizeof (SdSegUnit), length / 40 + 16);
  page.stories = g_array_new (FALSE, FALSE, sizeof (SdSegStory));
  _sd_seg_scan_units (&page);
  assign_stories (&page);
  _sd_seg_trace_units (&page);
  segments = _sd_seg_build_segments (&page);
  g_free (page.bigrams);
  g_array_unref (page.units);
  g_array_unref (page.stories);
  return segments;
}

/* Segment offsets into the joined text, moved back into the page's. */
static void
map_to_page (const SdLineStructure *lines, GPtrArray *segments)
{
  for (guint i = 0; i < segments->len; i++)
    {
      SdSegment *segment = g_ptr_array_index (segments, i);

      segment->start = sd_line_structure_to_page (lines, segment->start);
      segment->end = sd_line_structure_to_page (lines, segment->end);
      for (guint k = 0; k < segment->repairs->len; k++)
        {
          SdRepair *repair = g_ptr_array_index (segment->repairs, k);

          repair->start = sd_line_structure_to_page (lines, repair->start);
          repair->end = sd_line_structure_to_page (lines, repair->end);
        }
    }
}

/* Wrapped lines are joined into paragraphs first: the segmenter reads a
 * paragraph a line. */
static GPtrArray *
split_clean_text (const char *text, gsize length)
{
  g_autoptr (SdLineStructure) lines = sd_line_structure_read (text, length);
  const char *joined;
  gsize       joined_length;
  GPtrArray  *segments;

  if (sd_line_structure_get_form (lines) == SD_LINE_FORM_PARAGRAPHS)
    return split_paragraph_lines (text, length, NULL);
  joined = sd_line_structure_get_text (lines, &joined_length);
  segments = split_paragraph_lines (joined, joined_length, lines);
  map_to_page (lines, segments);
  return segments;
}

/**
 * sd_segmenter_split:
 * @text: the page, UTF-8
 * @length: its length in bytes
 *
 * Returns: (transfer full) (element-type SdSegment): the stories in page order.
 */
GPtrArray *
sd_segmenter_split (const char *text, gsize length)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sd_segment_free);
  if (!_sd_text_is_clean_utf8 (text, length))
    text = valid = dup_valid_utf8 (text, length);
  return split_clean_text (text, length);
}

/**
 * sd_segmenter_split_page:
 * @page: a page from sd_page_read_file () or sd_page_read_bytes ()
 *
 * Returns: (transfer full) (element-type SdSegment): the stories in page order.
 */
GPtrArray *
sd_segmenter_split_page (const SdPage *page)
{
  g_return_val_if_fail (page != NULL && page->text != NULL, NULL);

  return split_clean_text (page->text, page->length);
}
