/* sd-page-units.c — read each line of a page on its own
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit is a non-blank line.  Its shape comes from its own text: prose,
 * a title-shaped line, a bold run, a reporter line, a line of names, a
 * photo credit, page furniture; prose also learns its markers (本报讯,
 * ▶上接) and any names glued after its last sentence.  Reporter lines,
 * datelines, names and credits are recognised in sd-credits.c, page
 * furniture in sd-furniture.c; OCR's stray marks are dropped here.
 */
#define G_LOG_DOMAIN "sd-page-units"

#include "config.h"

#include "sd-segmenter-private.h"

#include "sd-line-structure.h"
#include "sd-text-util.h"

/* 一二三四五六七八九十, which number section headings */
static gboolean
is_numeral (gunichar c)
{
  switch (c)
    {
    case 0x4E00: /* 一 */
    case 0x4E8C: /* 二 */
    case 0x4E09: /* 三 */
    case 0x56DB: /* 四 */
    case 0x4E94: /* 五 */
    case 0x516D: /* 六 */
    case 0x4E03: /* 七 */
    case 0x516B: /* 八 */
    case 0x4E5D: /* 九 */
    case 0x5341: /* 十 */
      return TRUE;
    default:
      return FALSE;
    }
}
/* 的了和与及或等在对为把被将向从于而并就也都还让使给以: words a heading does
 * not end with */
static gboolean
is_particle (gunichar c)
{
  switch (c)
    {
    case 0x7684: /* 的 */
    case 0x4E86: /* 了 */
    case 0x548C: /* 和 */
    case 0x4E0E: /* 与 */
    case 0x53CA: /* 及 */
    case 0x6216: /* 或 */
    case 0x7B49: /* 等 */
    case 0x5728: /* 在 */
    case 0x5BF9: /* 对 */
    case 0x4E3A: /* 为 */
    case 0x628A: /* 把 */
    case 0x88AB: /* 被 */
    case 0x5C06: /* 将 */
    case 0x5411: /* 向 */
    case 0x4ECE: /* 从 */
    case 0x4E8E: /* 于 */
    case 0x800C: /* 而 */
    case 0x5E76: /* 并 */
    case 0x5C31: /* 就 */
    case 0x4E5F: /* 也 */
    case 0x90FD: /* 都 */
    case 0x8FD8: /* 还 */
    case 0x8BA9: /* 让 */
    case 0x4F7F: /* 使 */
    case 0x7ED9: /* 给 */
    case 0x4EE5: /* 以 */
      return TRUE;
    default:
      return FALSE;
    }
}

static void
strip_markdown (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;

  while (u->text_start < u->text_end && text[u->text_start] == '#')
    {
      u->text_start++;
      u->md_level++;
    }
  while (u->text_end > u->text_start && text[u->text_end - 1] == '#')
    u->text_end--;
  _sd_text_trim (text, &u->text_start, &u->text_end);
  if (u->text_end == u->text_start)
    u->md_level = 0;
}

/* Marks no line of text starts with (a closing quote, a rule's '|', a
 * speck read as '.') or ends with (an opening quote, '*' without its
 * pair): OCR picks them up from column rules, specks and ornaments. */
static gboolean
is_stray_start (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == '|' || c == 0xFF5C || c == '.' || c == 0xFF0C
         || c == ',' || c == 0x3002 || c == 0x3001 || c == '`' || c == '~' || c == '_';
}

/* "ae 还带着…", "areaasa as sset aaaaaamon JE村一特色…": letters OCR read
 * into a picture or a rule before Chinese text.  Returns where the Chinese
 * starts, or @start. */
static gsize
skip_latin_speckle (const char *text, gsize start, gsize end)
{
  gboolean lower = FALSE;
  gsize    pos = start;

  while (pos < end && (g_ascii_isalpha (text[pos]) || text[pos] == ' '))
    lower |= g_ascii_islower (text[pos++]);
  if (!lower || pos == start || pos >= end || !_sd_text_is_han (_sd_text_get_char (text + pos)))
    return start;
  return pos;
}

static gboolean
is_stray_end (gunichar c)
{
  return c == 0x201C || c == 0x2018 || c == '|' || c == 0xFF5C || c == '`' || c == '~';
}

static void
strip_stray_marks (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;

  /* only short lines: a paragraph's first character may be a quote's end
   * cut off by a column break, which the repairs join again (no character
   * takes more than four bytes) */
  if (u->text_end - u->text_start > 4 * (TITLE_MAX_CHARS + 1)
      || _sd_text_count_chars (text, u->text_start, u->text_end, TITLE_MAX_CHARS + 2)
             > TITLE_MAX_CHARS + 1)
    return;
  if (page->column > 0)
    u->text_start = skip_latin_speckle (text, u->text_start, u->text_end);
  while (u->text_start < u->text_end && is_stray_start (_sd_text_get_char (text + u->text_start)))
    u->text_start =
        _sd_text_skip_spaces (text, _sd_seg_skip_char (text, u->text_start), u->text_end);
  while (u->text_end > u->text_start
         && is_stray_end (_sd_text_last_char (text, u->text_start, u->text_end)))
    {
      u->text_end = _sd_text_prev_char (text + u->text_start, text + u->text_end) - text;
      _sd_text_trim (text, &u->text_start, &u->text_end);
    }
  /* "…桃花源记*": a lone '*' is no markdown */
  if (u->text_end > u->text_start && text[u->text_end - 1] == '*'
      && (u->text_end - u->text_start < 2 || text[u->text_end - 2] != '*'))
    u->text_end--;
}

/* "**融智——聚焦新市民群体**乐余镇依托…" */
static gboolean
find_bold_run (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       close;

  if (!_sd_text_has_prefix (text, u->text_start, u->text_end, "**"))
    return FALSE;
  for (close = u->text_start + 2; close + 1 < u->text_end; close++)
    if (text[close] == '*' && text[close + 1] == '*')
      break;
  if (close + 1 >= u->text_end || close == u->text_start + 2)
    return FALSE;
  u->prose_start = _sd_seg_skip_spaces (text, close + 2, u->prose_end);
  u->text_start += 2;
  u->text_end = close;
  u->mark_known = FALSE;
  _sd_text_trim (text, &u->text_start, &u->text_end);
  u->chars = _sd_text_count_chars (text, u->text_start, u->text_end, CHARS_LIMIT);
  u->bold = TRUE;
  if (u->prose_start < u->prose_end)
    {
      u->shape = SHAPE_BOLD;
      return TRUE;
    }
  /* a line all in bold is a title like any other, headline or section */
  u->prose_start = u->text_start;
  u->prose_end = u->text_end;
  return TRUE;
}

/* The first bytes of 。！？…． and !?: a byte at a time, the other bytes
 * of a line are passed over without decoding a character. */
static const guint8 sentence_lead[256] = {
  ['!'] = 1, ['?'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

gboolean
_sd_seg_has_sentence_mark (const char *text, gsize start, gsize end)
{
  for (const guchar *p = (const guchar *) text + start; p < (const guchar *) text + end; p++)
    if (sentence_lead[*p] && _sd_text_is_sentence_end (_sd_text_get_char ((const char *) p)))
      return TRUE;
  return FALSE;
}

/* _sd_seg_has_sentence_mark () over the unit's text, which two tests ask about */
gboolean
_sd_seg_unit_has_sentence_mark (SdSegPage *page, SdSegUnit *u)
{
  if (!u->mark_known)
    {
      u->has_mark = _sd_seg_has_sentence_mark (page->text, u->text_start, u->text_end);
      u->mark_known = TRUE;
    }
  return u->has_mark;
}

/* "▶上接1版 …" at the start, "▶下转2版" at the end */
/* "上搂1版)" as OCR reads "上接1版": 上, a misread 接, the page's number, 版. */
static gboolean
reads_as_page_mark (SdSegPage *page, SdSegUnit *u, gsize pos)
{
  const char *text = page->text;
  guint       digits = 0;

  if (!_sd_text_has_prefix (text, pos, u->prose_end, "上") || pos + 6 >= u->prose_end)
    return FALSE;
  pos = _sd_seg_skip_char (text, _sd_seg_skip_char (text, pos));
  for (; pos < u->prose_end && g_ascii_isalnum (text[pos]) && digits < 4; pos++)
    digits += g_ascii_isdigit (text[pos]);
  return digits > 0 && _sd_text_has_prefix (text, pos, u->prose_end, "版");
}

static void
find_continuation_marks (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       pos = u->prose_start, mark;

  /* a mark before: "▶上接"; an empty span (a lone 本报讯 at the very end
   * of the page) has no character to skip */
  if (pos < u->prose_end && !_sd_text_is_content (_sd_text_get_char (text + pos)))
    pos = _sd_seg_skip_char (text, pos);
  if (_sd_text_has_prefix (text, pos, u->prose_end, "上接") || reads_as_page_mark (page, u, pos))
    {
      for (mark = pos; mark < u->prose_end && mark - pos < 30;
           mark = _sd_seg_skip_char (text, mark))
        if (_sd_text_has_prefix (text, mark, u->prose_end, "版"))
          {
            mark = _sd_seg_skip_char (text, mark);
            if (_sd_text_is_closing (_sd_text_first_char (text, mark, u->prose_end)))
              mark = _sd_seg_skip_char (text, mark);
            u->continued = TRUE;
            u->prose_start = _sd_seg_skip_spaces (text, mark, u->prose_end);
            break;
          }
    }
  for (mark = MAX (u->prose_start, u->prose_end > 30 ? u->prose_end - 30 : 0); mark < u->prose_end;
       mark++)
    if (text[mark] == "下"[0] && _sd_text_has_prefix (text, mark, u->prose_end, "下转"))
      {
        const char *prev = g_utf8_find_prev_char (text + u->prose_start, text + mark);

        if (prev != NULL && !_sd_text_is_content (_sd_text_get_char (prev)))
          mark = prev - text;
        u->prose_end = mark;
        u->jumps_on = TRUE;
        _sd_text_trim (text, &u->prose_start, &u->prose_end);
        break;
      }
}

/* A title may hold one comma between its halves; prose opens with a short
 * adverbial ("今年，…") or strings clauses together. */
static gboolean
reads_like_prose (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint       commas = 0, n = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p), n++)
    {
      gunichar    c = _sd_text_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c != 0xFF0C && c != ',')
        continue;
      if (n < 4)
        return TRUE;
      if (next >= text + u->text_end || !_sd_text_is_space (_sd_text_get_char (next)))
        commas++;
    }
  return commas >= 2;
}

/* "厉害了!这三个村…,你最看好哪个?": a headline may exclaim or ask, but
 * holds no full stop, and a line of a few characters that exclaims is a
 * quote ("好！"). */
static gboolean
only_exclaims (SdSegPage *page, SdSegUnit *u)
{
  return u->chars >= 8 && !_sd_text_contains (page->text, u->text_start, u->text_end, "。")
         && !_sd_text_contains (page->text, u->text_start, u->text_end, "．");
}

/* A particle at the end, a closing mark at the start, a clause mark other
 * than the one comma a title may hold: a line of prose, though it holds no
 * sentence end. */
gboolean
_sd_seg_reads_like_cut_prose (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint       commas = 0;

  if (_sd_text_is_closing (_sd_text_first_char (text, u->text_start, u->text_end))
      || is_particle (_sd_text_last_char (text, u->text_start, u->text_end)))
    return TRUE;
  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == 0xFF1B || c == ';' || c == 0x3001 || ((c == 0xFF0C || c == ',') && ++commas > 1))
        return TRUE;
    }
  return FALSE;
}

/* "常州城区景色（2023年12月21日摄 无人机照片）": a bracket that holds 摄
 * dates and credits a photo; the line is its caption, no title. */
static gboolean
holds_bracketed_credit (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gboolean    open = FALSE;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == '(' || c == 0xFF08)
        open = TRUE;
      else if (c == ')' || c == 0xFF09)
        open = FALSE;
      else if (open && c == 0x6444 /* 摄 */)
        return TRUE;
    }
  return FALSE;
}

/* OCR reads a title's closing quote at its end as a comma ("…与百岁老人“结亲，",
 * "…冲刺“双过半，"): a quote left open on two Han characters or more and
 * nothing else, then the comma; not a title cut after one ("徐州灵山:“六，"
 * over "心”工程,…") */
static gboolean
ends_in_misread_quote (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gboolean    open = FALSE;
  guint       quoted = 0; /* Han characters inside the quote left open */
  const char *end = text + u->text_end;

  for (const char *p = text + u->text_start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == 0x201C)
        {
          open = TRUE;
          quoted = 0;
        }
      else if (c == 0x201D)
        open = FALSE;
      else if (g_utf8_next_char (p) == end)
        return open && (c == 0xFF0C || c == ',') && quoted >= 2;
      else if (open && _sd_text_is_han (c))
        quoted++;
      else if (open)
        return FALSE;
    }
  return FALSE;
}

static gboolean
is_title_shaped (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       chars = u->chars;
  gunichar    last = _sd_text_last_char (text, u->text_start, u->text_end);

  if (u->shape != SHAPE_TEXT || u->news_lead || u->continued || u->tail_names || u->tail_credit)
    return FALSE;
  /* in a column of text only paragraphs are indented */
  if (page->column > 0 && u->indented)
    return FALSE;
  if (u->md_level > 0 || u->bold)
    return chars <= MD_TITLE_MAX_CHARS;
  if (chars < 4 || chars > TITLE_MAX_CHARS
      || (_sd_seg_unit_has_sentence_mark (page, u) && !only_exclaims (page, u))
      || holds_bracketed_credit (page, u))
    return FALSE;
  /* a kicker may end in a colon over its title ("江苏省淮安市涟水县扁担村:");
   * a line of prose that does goes on in a quote */
  if ((last == 0xFF1A || last == ':') && u->chars <= KICKER_COLON_CHARS
      && !_sd_text_contains (page->text, u->text_start, u->text_end, "，")
      && !_sd_text_contains (page->text, u->text_start, u->text_end, ","))
    return TRUE;
  if (ends_in_misread_quote (page, u))
    return !reads_like_prose (page, u);
  return !_sd_seg_char_in ("，,、；;：:（(“‘《", last) && !reads_like_prose (page, u);
}

/* "一、", "（二）", "3." before a section heading; returns where the
 * heading proper starts. */
static gsize
skip_enumerator (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       pos = u->text_start;
  gboolean    bracket = FALSE;
  guint       digits = 0;

  if (_sd_seg_char_in ("(（", _sd_text_first_char (text, pos, u->text_end)))
    {
      bracket = TRUE;
      pos = _sd_seg_skip_char (text, pos);
    }
  while (pos < u->text_end && digits < 3
         && (is_numeral (_sd_text_get_char (text + pos)) || g_ascii_isdigit (text[pos])))
    {
      pos = _sd_seg_skip_char (text, pos);
      digits++;
    }
  if (digits == 0 || pos >= u->text_end)
    return u->text_start;
  if (bracket ? !_sd_seg_char_in (")）", _sd_text_get_char (text + pos))
              : !_sd_seg_char_in ("、.．", _sd_text_get_char (text + pos)))
    return u->text_start;
  return _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, pos), u->text_end);
}

/* Section headings are tidy; a line cut at a column end often is not:
 * "通过自荐报名、党员互荐、行业举荐等", "展园面积为4200". */
static gboolean
is_section_shaped (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gunichar    last = _sd_text_last_char (text, u->text_start, u->text_end);

  if (u->md_level > 0 || u->bold)
    return TRUE;
  if (!u->title || u->chars > SECTION_MAX_CHARS)
    return FALSE;
  if (g_unichar_isdigit (last) || is_particle (last))
    return FALSE;
  for (const char *p = text + u->numbered_end; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == 0x3001 || c == ';' || c == 0xFF1B)
        return FALSE;
      /* "体验式调研， 了解…" is a heading's comma; "…服务日，联" is prose */
      if ((c == 0xFF0C || c == ',')
          && (g_utf8_next_char (p) >= text + u->text_end
              || !_sd_text_is_space (_sd_text_get_char (g_utf8_next_char (p)))))
        return FALSE;
    }
  return TRUE;
}

/* What follows 一 when it is a word's first character or a number
 * ("一条胥河", "一村一特色", "一大早", "一年一度"): a measure word or a
 * word 一 begins. */
static const char one_words[] = "个条座片场次年天批份项位张群家幅支段件股种把本只套带路线心起同"
                                "直切定样体举系生步手头名对号级流月日周季代朵枝棵台辆艘架部篇首"
                                "封句声点些下半万千百十二三四五六七八九两边方面大小村院户人岛等"
                                "斤侧亮枪度致如道键站网门城河江湖山桥街镇乡区县市省国家";

/* "——扬州沿湖村…" as OCR reads a 副题: the dash one long stroke, 一. */
static gboolean
opens_with_dash (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       second;

  if (_sd_text_has_prefix (text, u->text_start, u->text_end, "—")
      || _sd_text_has_prefix (text, u->text_start, u->text_end, "--")
      || _sd_text_has_prefix (text, u->text_start, u->text_end, "一-")
      || _sd_text_has_prefix (text, u->text_start, u->text_end, "-一")
      || _sd_text_has_prefix (text, u->text_start, u->text_end, "一一"))
    return TRUE;
  if (!_sd_text_has_prefix (text, u->text_start, u->text_end, "一"))
    return FALSE;
  second = u->text_start + strlen ("一");
  return second < u->text_end && _sd_text_is_han (_sd_text_get_char (text + second))
         && !_sd_seg_char_in (one_words, _sd_text_get_char (text + second));
}

/* "…同比增长20.1%——" over its title, as OCR reads the dash too ("-一"). */
static gboolean
ends_with_dash (SdSegPage *page, SdSegUnit *u)
{
  static const char *const dashes[] = { "—", "--", "-一", "一-", "一一" };

  for (guint k = 0; k < G_N_ELEMENTS (dashes); k++)
    if (_sd_text_has_suffix (page->text, u->text_start, u->text_end, dashes[k]))
      return TRUE;
  return FALSE;
}

static void
classify_unit (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;

  u->text_start = u->start;
  u->text_end = u->end;
  u->shape = SHAPE_TEXT;
  u->role = ROLE_BODY;
  u->story = NONE;
  strip_markdown (page, u);
  strip_stray_marks (page, u);
  /* a line of nothing but stray marks ("# ”") is a speck, no title */
  if (u->text_end <= u->text_start)
    {
      u->text_end = u->text_start;
      u->md_level = 0;
    }
  u->prose_start = u->text_start;
  u->prose_end = u->text_end;
  u->chars = _sd_text_count_chars (text, u->text_start, u->text_end, CHARS_LIMIT);

  if (!find_bold_run (page, u) && u->md_level == 0 && !_sd_seg_find_furniture (page, u)
      && !_sd_seg_find_credit_line (page, u) && !_sd_seg_find_reporter_line (page, u)
      && !_sd_seg_find_credits_line (page, u))
    _sd_seg_find_name_line (page, u);
  if (u->shape == SHAPE_TEXT || u->shape == SHAPE_BOLD)
    {
      _sd_seg_find_head_credit (page, u);
      _sd_seg_find_news_lead (page, u);
      find_continuation_marks (page, u);
      _sd_seg_find_glued_tail (page, u);
    }
  else
    u->prose_start = u->prose_end;

  /* a column of briefs with no title of its own opens each item with ◆ */
  u->bullet = u->shape == SHAPE_TEXT
              && _sd_seg_char_in ("◆◇", _sd_text_first_char (text, u->text_start, u->text_end));
  u->dash_start = opens_with_dash (page, u);
  u->dash_end = ends_with_dash (page, u);
  u->title = is_title_shaped (page, u);
  u->numbered_end = skip_enumerator (page, u);
  u->section_shape = is_section_shaped (page, u);
  u->ends_sentence = _sd_text_ends_sentence (text, u->prose_start, u->prose_end);
}

/* "蟹正式开捕。", "的,孩子们…", "越。进入新时代": text that goes on from
 * the line before, mid-sentence. */
gboolean
_sd_seg_continues_sentence (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint       n = 0;

  /* a sentence of a few characters ends at once ("越。"), or a clause of
   * one ("的,"); a paragraph opens with more ("近日，…") */
  for (const char *p = text + u->text_start; p < text + u->text_end && n <= 4;
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = _sd_text_get_char (p);

      if (_sd_text_is_sentence_end (c))
        return n > 0;
      if (_sd_text_is_clause_end (c))
        return n == 1;
    }
  return FALSE;
}

/* Layouts differ in how many blank lines part paragraphs; a gap is only
 * telling when it is wider than the page's usual one. */
static void
measure_usual_gap (SdSegPage *page)
{
  guint counts[8] = { 0 };
  guint best = 0;

  for (guint i = 1; i < page->units->len; i++)
    counts[MIN (_sd_seg_unit_at (page, i)->blank_before, G_N_ELEMENTS (counts) - 1)]++;
  for (guint gap = 1; gap < G_N_ELEMENTS (counts); gap++)
    if (counts[gap] > counts[best])
      best = gap;
  /* a page of joined column lines may part paragraphs by no blank line at
   * all; then one blank line is telling */
  page->usual_gap = page->column > 0 ? best : MAX (best, 1);
}

void
_sd_seg_scan_units (SdSegPage *page)
{
  const char *text = page->text;
  gsize       pos = 0;
  guint       blanks = 0;
  /* most pages end lines with LF alone: memchr finds those fastest */
  gboolean has_cr = memchr (text, '\r', page->length) != NULL;

  page->min_md_level = G_MAXUINT;
  while (pos < page->length)
    {
      gsize     eol = pos;
      SdSegUnit u = { 0 };

      if (has_cr)
        while (eol < page->length && text[eol] != '\n' && text[eol] != '\r')
          eol++;
      else
        {
          const char *nl = memchr (text + pos, '\n', page->length - pos);

          eol = nl != NULL ? (gsize) (nl - text) : page->length;
        }
      u.start = pos;
      u.end = eol;
      _sd_text_trim (text, &u.start, &u.end);
      if (u.end > u.start)
        {
          u.blank_before = blanks;
          u.indented = _sd_text_has_prefix (text, pos, eol, "\u3000")
                       || _sd_text_has_prefix (text, pos, eol, "  ");
          u.spans =
              page->lines != NULL && sd_line_structure_spans_columns (page->lines, u.start, u.end);
          u.at_edge = !u.spans && sd_line_reaches_edge (page->column, text, u.start, u.end);
          classify_unit (page, &u);
          if (u.md_level > 0)
            page->min_md_level = MIN (page->min_md_level, u.md_level);
          if (u.md_level > 0 && u.title)
            page->md_titles++;
          g_array_append_val (page->units, u);
          blanks = 0;
        }
      else
        blanks++;
      pos = eol;
      if (pos < page->length && text[pos] == '\r')
        pos++;
      if (pos < page->length && text[pos] == '\n')
        pos++;
    }
  measure_usual_gap (page);
  _sd_seg_find_edge_prose (page);
  _sd_seg_find_lead_titles (page);
  _sd_seg_find_column_lines (page);
  _sd_seg_find_cut_leads (page);
}
