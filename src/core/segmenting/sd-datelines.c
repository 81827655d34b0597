/* sd-datelines.c — the dateline a story's text opens with
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter: 本报讯(X), 交汇点讯, 新华社南京2月19日电,
 * 央广网…消息, 【连网】 and the reporter in brackets after one, as printed
 * and as OCR reads them (本报汛, a misread mark inside, stray marks before).
 * The text's prose starts after it.  A dated lead after a story's byline
 * opens an item printed with no title.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include <string.h>

#include "sd-gazetteer.h"
#include "sd-segmenter-private.h"

#include "sd-text-util.h"

/* What names the medium in a dateline: "交汇点讯", "中国江苏网…讯". */
static const char media_chars[] = "报网社台端点刊";

/* Whether the @length bytes at @text hold the three bytes of @needle. */
static gboolean
holds_bytes (const char *text, gsize length, const char *needle)
{
  const char *p = text, *end = text + length;

  while (end - p >= 3 && (p = memchr (p, needle[0], end - p - 2)) != NULL)
    {
      if (p[1] == needle[1] && p[2] == needle[2])
        return TRUE;
      p++;
    }
  return FALSE;
}

/* "今日镇江讯3月3日…", "…讯(记者 X)": a date or the reporter follows. */
static gboolean
opens_date_or_bracket (const char *text, gsize pos, gsize end)
{
  gunichar c = _sd_text_first_char (text, pos, end);

  return (c < 0x80 && g_ascii_isdigit (c)) || c == '(' || c == 0xFF08 || c == ' ' || c == 0x3000;
}

/* Whether the text at @pos opens with a day: "28日", "7月21日". */
static gboolean
opens_day (const char *text, gsize pos, gsize end)
{
  gsize p = pos;

  while (p < end && g_ascii_isdigit (text[p]))
    p++;
  return p > pos && p - pos <= 2
         && (_sd_text_has_prefix (text, p, end, "日") || _sd_text_has_prefix (text, p, end, "月"));
}

static gboolean
misreads_paper_dateline (const char *text, gsize pos, gsize end)
{
  static const gunichar dateline[] = { 0x672C /* 本 */, 0x62A5 /* 报 */, 0x8BAF /* 讯 */ };
  const char           *p = text + pos;
  guint                 wrong = 0;

  for (guint k = 0; k < G_N_ELEMENTS (dateline); k++, p = g_utf8_next_char (p))
    {
      gunichar c;

      if (p >= text + end)
        return FALSE;
      c = _sd_text_get_char (p);
      /* each of them a Han character that takes three bytes, as they do */
      if (!_sd_text_is_han (c) || g_utf8_next_char (p) - p != 3)
        return FALSE;
      wrong += c != dateline[k];
    }
  return wrong == 1 && opens_date_or_bracket (text, p - text, end);
}

/* "今日镇江讯为进一步…": a paragraph that opens with a few Han characters
 * and 讯 (neither 闻讯 nor 通讯, 资讯…) opens with a dateline, whatever
 * follows it. */
#define DATELINE_PLAIN_CHARS 6
/* Characters of an outlet's name before 消息: (国际在线江苏频道消息:) */
#define OUTLET_NEWS_CHARS 14
/* how long a web outlet's name and place before 电 may be (人民网南京) */
#define WEB_WIRE_CHARS 10

/* "中新网连云港5月9日电据连云港侨办消息,近日…": a wire's dateline glued
 * to a text that opens citing its source; the dateline ends at its 电,
 * and 据…消息 is the text's.  Where it ends, or 0 when @text holds no
 * 日电据 between @pos and @end. */
static gsize
wire_end_before_source (const char *text, gsize pos, gsize end)
{
  const char *hit = g_strstr_len (text + pos, end - pos, "日电据");

  return hit != NULL ? (gsize) (hit - text) + strlen ("日电") : 0;
}

/* Whether @text between @from and @to is a place's name (南京, 南京市). */
static gboolean
names_place (const char *text, gsize from, gsize to)
{
  g_autofree char *name = NULL;

  if (to <= from || to - from > 5 * 3)
    return FALSE;
  name = g_strndup (text + from, to - from);
  return sd_gazetteer_find_by_name (sd_gazetteer_get_default (), name, NULL) != NULL;
}

/* Han characters of the place a wire's dateline names, at most. */
#define WIRE_PLACE_CHARS_MAX 4

/* "南京6月14日电(田敏 周莹)13日晚,…": a wire's dateline whose agency was
 * left off (or lost), a place, a date, 电 and the reporters in brackets
 * right after it.  Where it ends, or @pos. */
static gsize
skip_place_wire_dateline (const char *text, gsize pos, gsize end)
{
  gsize p = pos;
  guint han = 0;

  while (p < end && han <= WIRE_PLACE_CHARS_MAX && _sd_text_is_han (_sd_text_get_char (text + p)))
    p = _sd_seg_skip_char (text, p), han++;
  if (han < 2 || han > WIRE_PLACE_CHARS_MAX)
    return pos;
  for (guint part = 0; part < 2; part++)
    {
      gsize digits = p;

      while (p < end && g_ascii_isdigit (text[p]))
        p++;
      if (p == digits || p - digits > 2
          || !_sd_text_has_prefix (text, p, end, part == 0 ? "月" : "日"))
        return pos;
      p += strlen ("月");
    }
  if (!_sd_text_has_prefix (text, p, end, "电"))
    return pos;
  p += strlen ("电");
  return _sd_seg_char_in ("(（", _sd_text_first_char (text, p, end)) ? p : pos;
}

/* Where a dateline ends: "本报讯", "交汇点讯", "中国江苏网7月13日连云港讯",
 * "新华社南京2月19日电", "【连网】"; or @pos when the text opens with none.
 * A dateline is short and unpunctuated; it names its medium, or a date
 * before 电, so prose that reports 喜讯 is not taken for one. */
static gsize
skip_dateline (const char *text, gsize pos, gsize end)
{
  gboolean media = FALSE, dated = FALSE, plain = TRUE;
  gsize    after_medium = pos;
  gunichar before = 0, prior = 0;
  guint    n = 0, misread = 0;
  gsize    look = MIN (end - pos, 31 * 3);
  gsize    wire;

  /* 本报讯 as OCR misreads it (本报汛, 木报讯): one of its three characters
   * wrong, then the reporter in brackets or the date */
  if (misreads_paper_dateline (text, pos, end))
    return _sd_seg_skip_spaces (text, pos + strlen ("本报讯"), end);
  /* most paragraphs hold no 讯, 电, 消息 or 【 near their start: bytes tell */
  if (!holds_bytes (text + pos, look, "讯") && !holds_bytes (text + pos, look, "电")
      && !holds_bytes (text + pos, look, "息") && !_sd_text_has_prefix (text, pos, end, "【"))
    return pos;
  if ((wire = skip_place_wire_dateline (text, pos, end)) != pos)
    return wire;

  /* 【连网】 names a medium and 【时政专稿 刘洋、支俊】 the reporters;
   * 【编者按】, 【相关链接】 do neither */
  if (_sd_text_first_char (text, pos, end) == 0x3010)
    {
      gsize    inside = _sd_seg_skip_char (text, pos);
      gunichar last = 0;

      for (gsize p = inside; p < end && n < 16; p = _sd_seg_skip_char (text, p), n++)
        {
          gunichar c = _sd_text_get_char (text + p);

          if (c != 0x3011)
            {
              last = c;
              continue;
            }
          if (_sd_seg_char_in (media_chars, last) || _sd_text_contains (text, inside, p, "专稿")
              || _sd_text_contains (text, inside, p, "记者")
              || _sd_text_contains (text, inside, p, "通讯员"))
            return _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, p), end);
          return pos;
        }
      return pos;
    }
  for (gsize p = pos; p < end && n <= 30; p = _sd_seg_skip_char (text, p), n++)
    {
      gunichar c = _sd_text_get_char (text + p);
      gsize    next = _sd_seg_skip_char (text, p);

      /* 讯 after the medium ("交汇点讯"), after a place and a date when a
       * medium came first ("中国江苏网7月13日连云港讯"), or before the date
       * or the reporter ("今日镇江讯3月3日"); not 资讯, 通讯员, 讯号 */
      if (c == 0x8BAF /* 讯 */ && n >= 2 && !_sd_seg_char_in ("通资音喜死审传闻问", before)
          && !_sd_seg_char_in ("员号息", _sd_text_first_char (text, next, end))
          && (_sd_seg_char_in (media_chars, before) || (media && dated)
              || opens_date_or_bracket (text, next, end) || (plain && n <= DATELINE_PLAIN_CHARS)))
        {
          /* "淮安日报讯:“我们…”": the colon is the dateline's */
          if (_sd_seg_char_in (":：", _sd_text_first_char (text, next, end)))
            next = _sd_seg_skip_char (text, next);
          return _sd_seg_skip_spaces (text, next, end);
        }
      /* "央广网无锡9月23日消息": a medium, a date, then 消息 */
      if (c == 0x606F /* 息 */ && before == 0x6D88 /* 消 */ && media && dated)
        return (wire = wire_end_before_source (text, pos, p)) != 0
                   ? wire
                   : _sd_seg_skip_spaces (text, next, end);
      /* "国际在线江苏频道消息:近日,…": an outlet's name, Han characters
       * only, ending in what names a medium (…频道, …网, …台), and 消息
       * with a colon, dated or not; not a subject that gives news in
       * prose (江苏省气象台发布消息:, 传来好消息:), whose words are the
       * story's */
      if (c == 0x606F /* 息 */ && before == 0x6D88 /* 消 */ && plain && n >= 3
          && n <= OUTLET_NEWS_CHARS
          && (_sd_seg_char_in (media_chars, prior) || prior == 0x9053 /* 频道 */)
          && _sd_seg_char_in (":：", _sd_text_first_char (text, next, end)))
        return _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, next), end);
      /* "新华社南京2月19日电": a medium, a date, and no word going on but
       * the 题 of a headline the text repeats ("…电 题：…") */
      if (c == 0x7535 /* 电 */ && before == 0x65E5 /* 日 */ && media && n >= 4
          && (!_sd_text_is_han (_sd_text_first_char (text, next, end))
              || _sd_text_has_prefix (text, next, end, "题")))
        return _sd_seg_skip_spaces (text, next, end);
      /* "人民网南京电28日上午,…": a medium, a place the gazetteer knows,
       * then 电 before the day, as a web outlet sets a wire's dateline;
       * not a company's name (国网南京供电7月起…), which is the story's */
      if (c == 0x7535 /* 电 */ && media && plain && !dated && n >= 4 && n <= WEB_WIRE_CHARS
          && _sd_text_is_han (before) && !_sd_seg_char_in (media_chars, before)
          && opens_day (text, next, end) && names_place (text, after_medium, p))
        return next;
      /* one mark OCR misread inside it ("中国网。美丽江苏讯", "?月20日讯")
       * is let pass, no more */
      if (c == '?' || c == 0xFF1F || c == 0x3002 || c == '.')
        {
          if (misread++ > 0)
            return pos;
          plain = FALSE;
          prior = before;
          before = c;
          continue;
        }
      if (!_sd_text_is_content (c) && c != '-' && c != 0x00B7 && c != ' ')
        return pos;
      plain &= _sd_text_is_han (c);
      if (_sd_seg_char_in (media_chars, c))
        {
          media = TRUE;
          after_medium = next;
        }
      dated |= c == 0x65E5 /* 日 */ && before < 0x80 && g_ascii_isdigit (before);
      prior = before;
      before = c;
    }
  return pos;
}

/* No paragraph opens with a closing quote, a comma or a full stop: OCR
 * reads them off the rule or the line above ("”本报讯…", "， 中新网…电").
 * Up to three such marks, and the spaces among them, before a dateline are
 * left out of the text with it. */
#define STRAY_MARKS_MAX 3

static gsize
skip_stray_marks (const char *text, gsize pos, gsize end)
{
  for (guint n = 0; pos < end && n < STRAY_MARKS_MAX; n++)
    {
      gunichar c = _sd_text_get_char (text + pos);

      if (!_sd_text_is_closing (c) && !_sd_text_is_clause_end (c) && c != 0x3001 /* 、 */
          && c != '.' && c != '-' && c != '_' && c != '|')
        break;
      pos = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, pos), end);
    }
  return pos;
}

/* A name of a few Han characters, and the end of its run; a name glued
 * to the prose after it ("徐珊珊白天头顶烈日…") is taken as three
 * characters long, as most are. */
#define NAME_CHARS_MAX 3

static gsize
skip_name (const char *text, gsize pos, gsize end)
{
  guint n = 0;

  while (pos < end && n < NAME_CHARS_MAX && _sd_text_is_han (_sd_text_get_char (text + pos)))
    {
      pos = _sd_seg_skip_char (text, pos);
      n++;
    }
  return n >= 2 ? pos : 0;
}

/* "作者 周胜涛 张宏兵 申春华“昨天…": the names after the role, each but
 * the last followed by a space; where they end, or 0. */
static gsize
skip_author_names (const char *text, gsize pos, gsize end)
{
  gsize after = 0, name_end;

  while ((name_end = skip_name (text, pos, end)) != 0)
    {
      after = name_end;
      pos = _sd_seg_skip_spaces (text, name_end, end);
      if (pos == name_end)
        break;
    }
  return after;
}

/* Units above a dateline its title may stand in: a reporter line, a
 * photo's caption and credit between them. */
#define RESTATED_ABOVE_UNITS 3

/* Han characters of a title its restatement must hold, at least. */
#define RESTATED_MIN_CHARS 4

/* Where the Han characters of @title, from its first that @text at @pos
 * opens with to its last, run on in @text; 0 when they do not. */
static gsize
match_title_tail (const char *text, gsize pos, gsize end, const SdSegUnit *title)
{
  for (gsize from = title->text_start; from < title->text_end;
       from = _sd_seg_skip_char (text, from))
    {
      gsize    a = from, b = pos;
      guint    n = 0;
      gboolean whole = TRUE;

      while (a < title->text_end)
        {
          gunichar x = _sd_text_get_char (text + a);

          if (!_sd_text_is_han (x))
            {
              a = _sd_seg_skip_char (text, a);
              continue;
            }
          /* marks differ in width and form ("热土" in straight quotes) */
          while (b < end && !_sd_text_is_han (_sd_text_get_char (text + b)))
            b = _sd_seg_skip_char (text, b);
          if (b >= end || _sd_text_get_char (text + b) != x)
            {
              whole = FALSE;
              break;
            }
          a = _sd_seg_skip_char (text, a);
          b = _sd_seg_skip_char (text, b);
          n++;
        }
      if (whole && n >= RESTATED_MIN_CHARS)
        {
          /* the title's closing marks go with it */
          while (b < end && _sd_text_is_closing (_sd_text_get_char (text + b)))
            b = _sd_seg_skip_char (text, b);
          return b;
        }
    }
  return 0;
}

/* The end of a title restated at @pos and glued to the text, read off a
 * title-shaped line just above the dateline (the unit being classified is
 * the page's next); 0 when none is restated whole. */
static gsize
restated_title_end (SdSegPage *page, gsize pos, gsize end)
{
  guint here = page->units->len;

  for (guint k = here; k > 0 && k + RESTATED_ABOVE_UNITS > here; k--)
    {
      const SdSegUnit *above = _sd_seg_unit_at (page, k - 1);
      gsize            glued;

      if (above->shape == SHAPE_TEXT && above->title
          && (glued = match_title_tail (page->text, pos, end, above)) != 0)
        return glued;
    }
  return 0;
}

/* "中新网淮安7月26日电 题:淮河盱眙站…:只为淮水安澜 作者 徐珊珊…": an
 * agency's dateline restates the story's title after 题, and may name its
 * authors; neither is the story's text, which starts after them.  The
 * title runs to a space before 作者 or 记者, or else to the end of a line
 * that holds no sentence; a line that does is left as it is. */
static void
skip_restated_title (SdSegPage *page, SdSegUnit *u, gsize pos)
{
  const char *text = page->text;
  gsize       end = u->prose_end, title;

  if (!_sd_text_has_prefix (text, pos, end, "题")
      || !_sd_seg_char_in (":：", _sd_text_first_char (text, pos + strlen ("题"), end)))
    return;
  title = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, pos + strlen ("题")), end);
  for (gsize p = title; p < end; p = _sd_seg_skip_char (text, p))
    {
      gsize role = _sd_seg_skip_spaces (text, p, end), names, names_end;

      if (!_sd_text_is_space (_sd_text_get_char (text + p))
          || !(_sd_text_has_prefix (text, role, end, "作者")
               || _sd_text_has_prefix (text, role, end, "记者")))
        continue;
      names = _sd_seg_skip_spaces (text, role + strlen ("作者"), end);
      if ((names_end = skip_author_names (text, names, end)) == 0)
        return;
      u->restated_start = title;
      u->restated_end = p;
      u->reporter_start = names;
      u->reporter_end = names_end;
      u->prose_start = _sd_seg_skip_spaces (text, names_end, end);
      return;
    }
  if (_sd_seg_has_sentence_mark (text, pos, end))
    {
      gsize glued = restated_title_end (page, title, end);

      /* "…电题:苏州——与台湾最具亲情的“热土”今年十二月八日,…": glued to
       * the text, the title ends where the title above ends */
      if (glued != 0)
        {
          u->restated_start = title;
          u->restated_end = glued;
          u->prose_start = _sd_seg_skip_spaces (text, glued, end);
        }
      return;
    }
  u->restated_start = title;
  u->restated_end = end;
  u->prose_start = end;
}

/* Han characters compared between a title and its restatement: OCR may
 * misread one of them. */
#define RESTATED_CHARS 8

gboolean
_sd_seg_restates_title (SdSegPage *page, SdSegUnit *lead, SdSegUnit *title)
{
  const char *text = page->text;
  gsize       a = title->text_start, b = lead->restated_start;
  guint       n = 0, wrong = 0;

  if (lead->restated_end <= lead->restated_start || !lead->news_lead)
    return FALSE;
  while (n < RESTATED_CHARS && a < title->text_end && b < lead->restated_end)
    {
      gunichar x = _sd_text_get_char (text + a), y = _sd_text_get_char (text + b);

      /* Han characters only: marks and spaces differ in width and place */
      if (!_sd_text_is_han (x))
        a = _sd_seg_skip_char (text, a);
      else if (!_sd_text_is_han (y))
        b = _sd_seg_skip_char (text, b);
      else
        {
          wrong += x != y;
          n++;
          a = _sd_seg_skip_char (text, a);
          b = _sd_seg_skip_char (text, b);
        }
    }
  return n >= 4 && wrong <= n / 4;
}

/* Han characters before 热线 in a lead's hotline: "本报热线", "新闻热线". */
#define HOTLINE_NAME_CHARS 4
#define HOTLINE_MIN_DIGITS 5

/* "龙网常州晚报讯 本报热线6633355最近几天…": a paper prints its news
 * hotline after the dateline; the story's text starts after the number. */
static gsize
skip_hotline (const char *text, gsize pos, gsize end)
{
  gsize p = pos;
  guint n = 0, digits = 0;

  while (p < end && n <= HOTLINE_NAME_CHARS && !_sd_text_has_prefix (text, p, end, "热线"))
    {
      if (!_sd_text_is_han (_sd_text_get_char (text + p)))
        return pos;
      p = _sd_seg_skip_char (text, p);
      n++;
    }
  if (!_sd_text_has_prefix (text, p, end, "热线"))
    return pos;
  p = _sd_seg_skip_spaces (text, p + strlen ("热线"), end);
  if (_sd_seg_char_in (":：", _sd_text_first_char (text, p, end)))
    p = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, p), end);
  for (; p < end; p = _sd_seg_skip_char (text, p))
    {
      gunichar c = _sd_text_get_char (text + p);

      if (g_unichar_isdigit (c))
        digits++;
      else if (c != '-' && c != 0xFF0D)
        break;
    }
  return digits >= HOTLINE_MIN_DIGITS ? _sd_seg_skip_spaces (text, p, end) : pos;
}

/* "本报讯(范韶欣)…", "现代快报讯(记者 潘荣)…" */
void
_sd_seg_find_news_lead (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       pos = skip_dateline (text, u->prose_start, u->prose_end), close, hotline;
  gunichar    open;

  if (pos == u->prose_start)
    {
      gsize after_marks = skip_stray_marks (text, u->prose_start, u->prose_end);

      if (after_marks > u->prose_start)
        pos = skip_dateline (text, after_marks, u->prose_end);
      if (pos == after_marks)
        return;
    }
  /* a web outlet's name before 消息: (国际在线江苏频道消息:) is no text of
   * the story, but it is no 本报讯 either: such items head their sections,
   * and under a title OCR damaged it would open a story of no title */
  if (g_strstr_len (text + u->prose_start, pos - u->prose_start, "消息:") != NULL
      || g_strstr_len (text + u->prose_start, pos - u->prose_start, "消息：") != NULL)
    {
      u->prose_start = pos;
      return;
    }
  u->news_lead = TRUE;
  /* OCR may read a mark off the rule before it ("”本报热线…") */
  hotline = skip_stray_marks (text, pos, u->prose_end);
  if ((close = skip_hotline (text, hotline, u->prose_end)) != hotline)
    pos = close;
  u->prose_start = pos;
  skip_restated_title (page, u, pos);
  if (u->prose_start != pos)
    return;
  open = _sd_text_first_char (text, pos, u->prose_end);
  if (open != '(' && open != 0xFF08 && open != 0x3010)
    return;
  for (close = _sd_seg_skip_char (text, pos); close < u->prose_end && close - pos < 120;
       close = _sd_seg_skip_char (text, close))
    {
      gunichar c = _sd_text_get_char (text + close);

      if (c == ')' || c == 0xFF09 || c == 0x3011)
        {
          u->reporter_start = skip_stray_marks (text, _sd_seg_skip_char (text, pos), close);
          u->reporter_end = close;
          u->prose_start =
              _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, close), u->prose_end);
          return;
        }
    }
}

/* How a dated lead opens that names its day in words or in full:
 * "今天(12月2日),…", "昨日上午,…", "2009年8月19日,…". */
static const char *const day_openers[] = {
  "今天", "今日", "昨天", "昨日", "前天",
};

gboolean
_sd_seg_starts_with_dated_lead (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       pos = u->prose_start;
  guint       digits = 0;

  if (_sd_seg_starts_with_opener (page, u))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (day_openers); i++)
    if (_sd_text_has_prefix (text, pos, u->prose_end, day_openers[i]))
      return TRUE;
  while (pos < u->prose_end && g_ascii_isdigit (text[pos]))
    pos++, digits++;
  if (digits != 4 || !_sd_text_has_prefix (text, pos, u->prose_end, "年"))
    return FALSE;
  pos += strlen ("年");
  while (pos < u->prose_end && g_ascii_isdigit (text[pos]))
    pos++;
  return _sd_text_has_prefix (text, pos, u->prose_end, "月");
}

/* A story its byline has closed goes on no further: text after it that
 * opens as a lead does, dated ("今天(12月2日),…", "18日中午,…"), is an
 * item printed with no title.  Not after a photo's credit, which may close
 * a caption inside a story, nor when the story has shown one paragraph
 * yet, captions and short lines aside: names set after a caption or a
 * first paragraph may be its reporters' ("◎孙嘉隆 柳 鑫" under a caption,
 * then "日前,…").  A lead cut off mid-sentence is left alone: OCR may
 * have read the title of its photo inside it, for sd-late-titles.c. */
gboolean
_sd_seg_opens_after_byline (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (u->role != ROLE_BODY || !story->has_body || !story->ended || story->ended_by_photo
      || !u->ends_sentence || !_sd_seg_starts_with_dated_lead (page, u))
    return FALSE;
  return _sd_seg_count_paragraphs_above (page, story, i, 2) >= 2;
}

/* The paragraphs of @story above unit @i, titles and captions aside,
 * counted no further than @most. */
guint
_sd_seg_count_paragraphs_above (SdSegPage *page, SdSegStory *story, guint i, guint most)
{
  guint paragraphs = 0;

  for (guint k = story->first; k < i && paragraphs < most; k++)
    {
      SdSegUnit *above = _sd_seg_unit_at (page, k);

      paragraphs +=
          above->role == ROLE_BODY && !above->title && !_sd_seg_is_photo_caption (page, k);
    }
  return paragraphs;
}
