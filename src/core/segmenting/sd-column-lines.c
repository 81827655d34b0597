/* sd-column-lines.c — lines of a page in columns that only look like titles
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a page set in columns, a short line with no sentence end is a title
 * by its shape; but the column's edge cuts lines of prose too, and a line
 * cut there, whose paragraph goes on after a break the OCR put in, is no
 * title.  These passes run once the units are read (sd-page-units.c) and
 * take the title shape back from such lines.  And the other way round: a
 * line of no sentence right over a dateline lead is a title, whatever its
 * clauses, on any page.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

#define CUT_LINE_CHARS 12 /* a line of prose, most of a column's width */

/* "园”同样五彩缤纷": a word broken at the line end, closing a quote */
static gboolean
closes_second (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       second;

  if (u->text_start >= u->text_end)
    return FALSE;
  second = _sd_seg_skip_char (text, u->text_start);
  return _sd_text_is_han (_sd_text_get_char (text + u->text_start)) && second < u->text_end
         && _sd_text_is_closing (_sd_text_get_char (text + second));
}

/* In a scan's columns, a title-shaped line that runs to the edge before
 * text that goes on mid-sentence was cut there, by a column or a
 * paragraph break the OCR put in. */
static void
find_cut_lines (SdSegPage *page)
{
  for (guint i = 0; i + 1 < page->units->len; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *next = _sd_seg_unit_at (page, i + 1);
      gunichar   first;

      /* OCR's line widths vary: a long line short of the edge was cut
       * there too when the next line is of its block and goes on */
      if (!u->title || u->md_level > 0 || u->bold
          || !(u->at_edge || (next->blank_before == 0 && u->chars >= CUT_LINE_CHARS)))
        continue;
      first = _sd_text_first_char (page->text, next->text_start, next->text_end);
      if (next->shape != SHAPE_TEXT || next->title || next->news_lead)
        continue;
      /* in a column only a paragraph's first line is indented: one opens
       * under a line of no sentence mark, which so ends a block of its own
       * ("“咚咚锵!…" is no sentence going on) */
      if (next->indented && !_sd_seg_unit_has_sentence_mark (page, u))
        continue;
      /* a particle first tells at the edge; away from it only 们 does,
       * which opens no word ("得益于…", "地处…" open sentences) */
      if (_sd_seg_char_in (u->at_edge ? "的了地得着过们" : "们", first)
          || _sd_text_is_closing (first) || _sd_seg_continues_sentence (page, next)
          || closes_second (page, next))
        {
          u->title = FALSE;
          u->section_shape = FALSE;
        }
    }
}

/* A lone line that runs to the column's edge and reads like prose (a
 * particle at its end, clauses) was cut there: the rest of its paragraph
 * follows after a column break.  Not when it holds no sentence mark, the
 * text above ended its sentence and an indented paragraph opens under it:
 * in a column only a paragraph's first line is indented, so the line ends
 * a block of its own, a title's ("太湖街道:锚定奋进坐标 展现首善作为" ends
 * in 为 as prose may). */
void
_sd_seg_find_edge_prose (SdSegPage *page)
{
  for (guint i = 0; i < page->units->len; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *prev = i > 0 ? _sd_seg_unit_at (page, i - 1) : NULL;
      SdSegUnit *next = i + 1 < page->units->len ? _sd_seg_unit_at (page, i + 1) : NULL;

      if (!u->title || u->md_level > 0 || u->bold || !u->at_edge
          || !_sd_seg_reads_like_cut_prose (page, u))
        continue;
      if (next != NULL && next->indented && next->shape == SHAPE_TEXT
          && !_sd_seg_unit_has_sentence_mark (page, u)
          && (prev == NULL || !_sd_seg_carries_prose (prev) || prev->ends_sentence))
        continue;
      u->title = FALSE;
      u->section_shape = FALSE;
    }
}

/* OCR of a scan sets its blocks apart with blank lines, and a title is a
 * block of its own: on such a page a title-shaped line that runs to the
 * column's edge with a line of its block right above or under it is a
 * line of prose, cut there. */
static void
find_block_lines (SdSegPage *page)
{
  guint blocks = 0;

  for (guint i = 1; i < page->units->len; i++)
    blocks += _sd_seg_unit_at (page, i)->blank_before > 0;
  if (blocks * 3 < page->units->len)
    return;
  for (guint i = 1; i + 1 < page->units->len; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      /* a ——副题 right under its title is of the title's block */
      if (u->dash_start && _sd_seg_unit_at (page, i - 1)->title && u->blank_before == 0)
        continue;
      if (u->title && u->at_edge && u->md_level == 0 && !u->bold
          && (u->blank_before == 0 || _sd_seg_unit_at (page, i + 1)->blank_before == 0))
        {
          u->title = FALSE;
          u->section_shape = FALSE;
        }
    }
}

/* A line of no sentence that prose would not end with (no 。！？, no
 * clause left open at its end), short enough for a headline. */
static gboolean
could_head (SdSegPage *page, SdSegUnit *u)
{
  gunichar last = _sd_text_last_char (page->text, u->text_start, u->text_end);

  return u->shape == SHAPE_TEXT && !u->title && u->md_level == 0 && !u->bold && !u->news_lead
         && !u->continued && !u->tail_names && !u->tail_credit && u->chars >= 4
         && u->chars <= TITLE_MAX_CHARS && !(page->column > 0 && u->indented)
         && !_sd_seg_char_in ("，,、；;：:（(“‘《", last)
         && !_sd_text_is_closing (_sd_text_first_char (page->text, u->text_start, u->text_end))
         && !_sd_seg_unit_has_sentence_mark (page, u);
}

/* "吕四依海而兴,因渔而名。…渔港经济区——" over "且看吕四新渔港的裂变效应":
 * a line no longer than a headline that ends in a dash leads into the
 * title under it, a 引题, though it holds sentences. */
static gboolean
opens_title_below (SdSegUnit *u, SdSegUnit *next)
{
  return u->shape == SHAPE_TEXT && !u->title && u->dash_end && u->md_level == 0 && !u->news_lead
         && !u->continued && u->chars <= TITLE_MAX_CHARS && next->title && !next->dash_end
         && next->shape == SHAPE_TEXT;
}

/* A paragraph ends its last sentence; a line that ends none right over a
 * dateline lead (本报讯, 淮安日报讯:…), or over a title that is, or standing
 * alone over a lead that opens with a date, heads the story, though it strings clauses as prose does ("你我共参与,家园更美丽,
 * …整治活动") or reads as a line cut at the column's edge ("中央、省、市主流
 * 媒体记者走进海陵九龙"). */
void
_sd_seg_find_lead_titles (SdSegPage *page)
{
  for (guint i = page->units->len; i-- > 0;)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *next = i + 1 < page->units->len ? _sd_seg_unit_at (page, i + 1) : NULL;
      SdSegUnit *lead = i + 2 < page->units->len ? _sd_seg_unit_at (page, i + 2) : NULL;

      if (next == NULL)
        continue;
      if (opens_title_below (u, next))
        u->title = TRUE;
      if (!could_head (page, u))
        continue;
      if (next->news_lead
          || (next->title && next->md_level == 0 && lead != NULL && lead->news_lead))
        u->title = TRUE;
      /* and so is a block of its own between a sentence's end and a
       * paragraph that opens as a lead does (连日来, 近日, a date): a title
       * the OCR damaged into clauses ("车流增多了 ,商店营业了,景  区家"), else
       * the story above runs on into the next one's text */
      if (i > 0 && u->blank_before > 0 && next->blank_before > 0 && next->shape == SHAPE_TEXT
          && _sd_seg_unit_at (page, i - 1)->ends_sentence
          && _sd_seg_starts_with_opener (page, next))
        u->title = TRUE;
    }
}

/* A title-shaped line that runs to the column's edge between two pieces
 * of one sentence, the text above ending mid-clause and the text under it
 * going on unindented, is a line of that sentence that the OCR set apart
 * with blank lines ("连云港市紫菜养殖业已成为渔业转型发展的支柱" between
 * "…近年来，" and "产业，形成…").  A headline read inside a sentence
 * (sd-late-titles.c) is wider than a column or shorter, or names its
 * place before a colon. */
static void
find_sentence_lines (SdSegPage *page)
{
  for (guint i = 1; i + 1 < page->units->len; i++)
    {
      SdSegUnit *prev = _sd_seg_unit_at (page, i - 1);
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *next = _sd_seg_unit_at (page, i + 1);

      /* "江苏连云港：沿海…" names its place as headlines do, never prose */
      if (!u->title || !u->at_edge || u->md_level > 0 || u->bold
          || _sd_seg_colon_names_place (page, u))
        continue;
      if (prev->shape != SHAPE_TEXT || prev->title || prev->ends_sentence
          || prev->prose_end <= prev->prose_start)
        continue;
      if (next->shape != SHAPE_TEXT || next->title || next->news_lead || next->indented)
        continue;
      u->title = FALSE;
      u->section_shape = FALSE;
    }
}

/* A short line that ends in an ellipsis under prose cut at the column's
 * edge mid-clause ends that sentence ("…预计不出正", "月就施工完成……"): a
 * headline may trail off so, but does not go on from a cut line. */
static void
find_sentence_ends (SdSegPage *page)
{
  for (guint i = 1; i < page->units->len; i++)
    {
      SdSegUnit *prev = _sd_seg_unit_at (page, i - 1);
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (!u->title || u->md_level > 0 || u->bold
          || _sd_text_last_char (page->text, u->text_start, u->text_end) != 0x2026)
        continue;
      if (prev->shape != SHAPE_TEXT || prev->ends_sentence || prev->prose_end <= prev->prose_start
          || !(prev->at_edge || prev->chars >= CUT_LINE_CHARS))
        continue;
      u->title = FALSE;
      u->section_shape = FALSE;
    }
}

void
_sd_seg_find_column_lines (SdSegPage *page)
{
  if (page->column == 0)
    return;
  find_cut_lines (page);
  find_block_lines (page);
  find_sentence_lines (page);
  find_sentence_ends (page);
}
