/* sd-page-units.c — read each line of a page on its own
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit is a non-blank line.  Its shape comes from its own text: prose,
 * a title-shaped line, a bold run, a reporter line, a line of names, a
 * photo credit, page furniture; prose also learns its markers (本报讯,
 * ▶上接) and any names glued after its last sentence.
 */
#define G_LOG_DOMAIN "sd-page-units"

#include "sd-segmenter-private.h"

#include "sd-line-structure.h"
#include "sd-text-util.h"

static const char *const reporter_roles[] = {
  "本报特约记者", "本报通讯员", "本报记者", "特约记者", "通讯员", "实习生", "记者",
};

static const char *const furniture_roles[] = {
  "责任编辑", "本版编辑", "值班编辑", "编辑", "美编", "校对", "组版", "版式", "审读", "制图",
};

static const char *const writer_prefixes[] = {
  "文/",
  "文／",
  "文：",
  "文:",
};

static const char *const credit_roles[] = {
  "记者", "通讯员", "整理", "编辑", "撰稿", "执笔", "摄影", "供图", "文/图",
};

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
  gsize pos = start;

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
  while (u->text_start < u->text_end
         && is_stray_start (_sd_text_get_char (text + u->text_start)))
    u->text_start = _sd_text_skip_spaces (text, _sd_seg_skip_char (text, u->text_start),
                                          u->text_end);
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
  gsize close;

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

static gboolean
names_medium (const char *text, gsize start, gsize end)
{
  if (_sd_text_has_suffix (text, start, end, "媒体") || _sd_text_has_suffix (text, start, end, "新闻"))
    return TRUE;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (_sd_seg_char_in ("报社台网端", _sd_text_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_medium_char (gunichar c)
{
  return _sd_text_is_han (c) || (c < 0x80 && g_ascii_isalpha (c)) || c == '/' || c == 0x00B7;
}

gboolean
_sd_seg_has_role_prefix (const char *text, gsize start, gsize end, gsize *after)
{
  gsize pos = start;

  for (guint i = 0; i < G_N_ELEMENTS (reporter_roles); i++)
    if (_sd_text_has_prefix (text, start, end, reporter_roles[i]))
      {
        *after = start + strlen (reporter_roles[i]);
        return TRUE;
      }
  /* the medium before the role: "融媒体记者", "新华社记者",
   * "南京日报/紫金山新闻记者", "现代快报/ZAKER南京记者"; it names a paper,
   * an agency, a station or a site ("老党员向记者讲述…" names none) */
  for (guint n = 0; n < 16 && pos < end && is_medium_char (_sd_text_get_char (text + pos)); n++)
    {
      pos = _sd_seg_skip_char (text, pos);
      if (n >= 1 && names_medium (text, start, pos)
          && (_sd_text_has_prefix (text, pos, end, "记者")
              || _sd_text_has_prefix (text, pos, end, "通讯员")))
        {
          *after = pos + (_sd_text_has_prefix (text, pos, end, "记者") ? strlen ("记者")
                                                                        : strlen ("通讯员"));
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_box_char (gunichar c)
{
  /* '@' is how OCR reads a small ◎ */
  return c == 0x25A1 || c == 0x25A0 || c == 0x25C7 || c == 0x25C6 || c == 0x25CB || c == 0x25CF
         || c == 0x25B3 || c == 0x25B2 || c == 0x25CE || c == 0x2605 || c == 0x2606 || c == '@';
}

/* The first bytes of 。！？…． and !?: a byte at a time, the other bytes
 * of a line are passed over without decoding a character. */
static const guint8 sentence_lead[256] = {
  ['!'] = 1, ['?'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

static gboolean
has_sentence_mark (const char *text, gsize start, gsize end)
{
  for (const guchar *p = (const guchar *)text + start; p < (const guchar *)text + end; p++)
    if (sentence_lead[*p] && _sd_text_is_sentence_end (_sd_text_get_char ((const char *)p)))
      return TRUE;
  return FALSE;
}

/* has_sentence_mark () over the unit's text, which two tests ask about */
static gboolean
text_has_sentence_mark (SdSegPage *page, SdSegUnit *u)
{
  if (!u->mark_known)
    {
      u->has_mark = has_sentence_mark (page->text, u->text_start, u->text_end);
      u->mark_known = TRUE;
    }
  return u->has_mark;
}

static gboolean
is_comma (gunichar c)
{
  return c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1B || c == ';';
}

/* A comma that parts clauses, not the 、 that parts names. */
static gboolean
has_clause_comma (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c != 0x3001 && is_comma (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_comma (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (is_comma (_sd_text_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "□ 本报记者 徐瑞雅" */
static gboolean
find_reporter_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize pos = u->text_start, after;

  gboolean boxed = is_box_char (_sd_text_first_char (text, pos, u->text_end));

  if (boxed)
    pos = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, pos), u->text_end);
  /* "□ 张 栩 王 敏": a box before names is a reporter line too */
  if (!_sd_seg_has_role_prefix (text, pos, u->text_end, &after)
      && !(boxed && _sd_text_is_name_list (text, pos, u->text_end, FALSE)))
    return FALSE;
  if (u->chars > 42 || has_sentence_mark (text, pos, u->text_end)
      || has_clause_comma (text, pos, u->text_end))
    return FALSE;
  u->shape = SHAPE_REPORTER;
  u->reporter_start = pos;
  u->reporter_end = u->text_end;
  return TRUE;
}

/* "徐宇欣 摄", "(苏州科技城管委会供图)" on a line of their own */
static gboolean
find_credit_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;

  if (u->chars > TAIL_MAX_CHARS || text_has_sentence_mark (page, u)
      || !_sd_text_strip_credit (text, u->text_start, u->text_end, &u->names_start, &u->names_end))
    return FALSE;
  u->shape = SHAPE_CREDIT;
  u->tail_start = u->text_start;
  u->tail_end = u->text_end;
  return TRUE;
}

/* "（参与记者：许雯斐 张瑞 … 整理：张莎莎）" */
static gboolean
find_credits_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize start = u->text_start, end = u->text_end;

  /* "文/张三" names the writer */
  for (guint i = 0; i < G_N_ELEMENTS (writer_prefixes); i++)
    if (_sd_text_has_prefix (text, start, end, writer_prefixes[i]) && u->chars <= 30
        && !has_sentence_mark (text, start, end))
      {
        u->shape = SHAPE_CREDITS;
        u->names_start = _sd_seg_skip_spaces (text, start + strlen (writer_prefixes[i]), end);
        u->names_end = end;
        return u->names_end > u->names_start;
      }
  if (!_sd_text_strip_brackets (text, &start, &end))
    return FALSE;
  if (_sd_text_count_chars (text, start, end, 150) > 150 || has_sentence_mark (text, start, end))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (credit_roles); i++)
    if (_sd_text_contains (text, start, end, credit_roles[i]))
      {
        u->shape = SHAPE_CREDITS;
        u->names_start = start;
        u->names_end = end;
        return TRUE;
      }
  return FALSE;
}

/* "于广益", "（王某 李某）" on a line of their own */
static gboolean
find_name_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize start = u->text_start, end = u->text_end;
  gboolean bracketed;

  /* at most eight names of four characters, and brackets: most lines are
   * longer than any list of names */
  if (u->chars > 8 * 4 + 2)
    return FALSE;
  bracketed = _sd_text_strip_brackets (text, &start, &end);
  /* a lone line of names has nothing else to vouch for it: wants surnames */
  if (!_sd_text_is_name_list (text, start, end, !bracketed))
    return FALSE;
  u->shape = SHAPE_NAMES;
  u->names_start = start;
  u->names_end = end;
  return TRUE;
}

/* A folio's paper name, alone on its line: "无锡日报", "泰州日报·市县传真". */
static const char *const paper_suffixes[] = {
  "日报", "晚报", "时报", "商报", "快报", "周报", "法治报", "青年报",
};

static gboolean
is_paper_name (const char *text, gsize start, gsize end, guint chars)
{
  gsize name_end = end;

  if (chars > 16)
    return FALSE;
  /* the page's section after the name: "·市县传真", " . 要闻" */
  for (gsize pos = start; pos < end; pos = _sd_seg_skip_char (text, pos))
    {
      gunichar c = _sd_text_get_char (text + pos);

      if (c == 0x00B7 || c == 0x30FB || c == '.' || _sd_text_is_space (c))
        {
          name_end = pos;
          break;
        }
      if (!_sd_text_is_han (c))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (paper_suffixes); i++)
    if (_sd_text_has_suffix (text, start, name_end, paper_suffixes[i])
        && name_end - start >= strlen (paper_suffixes[i]) + 6)
      return TRUE;
  return FALSE;
}

/* Page furniture: "责任编辑：X", "2022年11月10日 星期四", "第3版". */
static gboolean
find_furniture (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint digits = 0;

  if (u->chars > 30)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (furniture_roles); i++)
    if (_sd_text_has_prefix (text, u->text_start, u->text_end, furniture_roles[i]))
      {
        gunichar next =
            _sd_text_first_char (text, u->text_start + strlen (furniture_roles[i]), u->text_end);

        if (next == 0xFF1A || next == ':' || next == '/' || _sd_text_is_space (next))
          goto found;
      }
  if (is_paper_name (text, u->text_start, u->text_end, u->chars)
      || _sd_text_contains (text, u->text_start, u->text_end, "星期")
      || (_sd_text_has_prefix (text, u->text_start, u->text_end, "第")
          && _sd_text_has_suffix (text, u->text_start, u->text_end, "版") && u->chars <= 6))
    goto found;
  for (gsize pos = u->text_start; pos < u->text_end; pos++)
    digits += g_ascii_isdigit (text[pos]) != 0;
  if (digits * 5 < u->chars * 2)
    return FALSE;
found:
  u->shape = SHAPE_FURNITURE;
  return TRUE;
}

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

/* Where a dateline ends: "本报讯", "交汇点讯", "中国江苏网7月13日连云港讯",
 * "新华社南京2月19日电", "【连网】"; or @pos when the text opens with none.
 * A dateline is short and unpunctuated; it names its medium, or a date
 * before 电, so prose that reports 喜讯 is not taken for one. */
static gsize
skip_dateline (const char *text, gsize pos, gsize end)
{
  gboolean media = FALSE, dated = FALSE;
  gunichar before = 0;
  guint n = 0;
  gsize look = MIN (end - pos, 31 * 3);

  /* most paragraphs hold no 讯, 电, 消息 or 【 near their start: bytes tell */
  if (!holds_bytes (text + pos, look, "讯") && !holds_bytes (text + pos, look, "电")
      && !holds_bytes (text + pos, look, "息") && !_sd_text_has_prefix (text, pos, end, "【"))
    return pos;

  /* 【连网】 names a medium and 【时政专稿 刘洋、支俊】 the reporters;
   * 【编者按】, 【相关链接】 do neither */
  if (_sd_text_first_char (text, pos, end) == 0x3010)
    {
      gsize inside = _sd_seg_skip_char (text, pos);
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
      gsize next = _sd_seg_skip_char (text, p);

      /* 讯 after the medium ("交汇点讯"), after a place and a date when a
       * medium came first ("中国江苏网7月13日连云港讯"), or before the date
       * or the reporter ("今日镇江讯3月3日"); not 资讯, 通讯员, 讯号 */
      if (c == 0x8BAF /* 讯 */ && n >= 2 && !_sd_seg_char_in ("通资音喜死审传", before)
          && !_sd_seg_char_in ("员号息", _sd_text_first_char (text, next, end))
          && (_sd_seg_char_in (media_chars, before) || (media && dated)
              || opens_date_or_bracket (text, next, end)))
        return _sd_seg_skip_spaces (text, next, end);
      /* "央广网无锡9月23日消息": a medium, a date, then 消息 */
      if (c == 0x606F /* 息 */ && before == 0x6D88 /* 消 */ && media && dated)
        return _sd_seg_skip_spaces (text, next, end);
      /* "新华社南京2月19日电": a medium, a date, and no word going on */
      if (c == 0x7535 /* 电 */ && before == 0x65E5 /* 日 */ && media && n >= 4
          && !_sd_text_is_han (_sd_text_first_char (text, next, end)))
        return _sd_seg_skip_spaces (text, next, end);
      if (!_sd_text_is_content (c) && c != '-' && c != 0x00B7 && c != ' ')
        return pos;
      media |= _sd_seg_char_in (media_chars, c);
      dated |= c == 0x65E5 /* 日 */ && before < 0x80 && g_ascii_isdigit (before);
      before = c;
    }
  return pos;
}

/* "本报讯(范韶欣)…", "现代快报讯(记者 潘荣)…" */
static void
find_news_lead (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize pos = skip_dateline (text, u->prose_start, u->prose_end), close;
  gunichar open;

  if (pos == u->prose_start)
    return;
  u->news_lead = TRUE;
  u->prose_start = pos;
  open = _sd_text_first_char (text, pos, u->prose_end);
  if (open != '(' && open != 0xFF08 && open != 0x3010)
    return;
  for (close = _sd_seg_skip_char (text, pos); close < u->prose_end && close - pos < 120;
       close = _sd_seg_skip_char (text, close))
    {
      gunichar c = _sd_text_get_char (text + close);

      if (c == ')' || c == 0xFF09 || c == 0x3011)
        {
          u->reporter_start = _sd_seg_skip_char (text, pos);
          u->reporter_end = close;
          u->prose_start =
              _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, close), u->prose_end);
          return;
        }
    }
}

/* "▶上接1版 …" at the start, "▶下转2版" at the end */
static void
find_continuation_marks (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize pos = u->prose_start, mark;

  /* a mark before: "▶上接"; an empty span (a lone 本报讯 at the very end
   * of the page) has no character to skip */
  if (pos < u->prose_end && !_sd_text_is_content (_sd_text_get_char (text + pos)))
    pos = _sd_seg_skip_char (text, pos);
  if (_sd_text_has_prefix (text, pos, u->prose_end, "上接"))
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
        _sd_text_trim (text, &u->prose_start, &u->prose_end);
        break;
      }
}

/* What a bracket after a story's last sentence holds that is no signature:
 * "（完）", "（未完待续）", "（上）" */
static const char *const bracket_notes[] = {
  "完", "续", "待续", "未完待续", "上", "中", "下", "图", "略", "摘编", "节选", "有删节",
};

/* Agencies and papers sign reprinted stories: "（人民日报）", "（新华社）". */
static const char *const agency_suffixes[] = {
  "日报", "晚报", "新华社", "报", "社", "网", "电视台", "融媒体中心", "客户端",
};

/* "（苏州广电总台记者 杨民）", "（通讯员 李四）": the names follow the role. */
static void
skip_signature_role (const char *text, gsize *start, gsize end)
{
  for (const char *p = text + *start; p < text + end; p = g_utf8_next_char (p))
    {
      gsize after;

      if (_sd_seg_has_role_prefix (text, p - text, end, &after))
        {
          *start = _sd_text_skip_spaces (text, after, end);
          return;
        }
    }
}

/* A pen name "（心诺）" or an agency, alone in brackets after the last
 * sentence: two to six Han characters that are no note. */
static gboolean
is_bracketed_signature (const char *text, gsize start, gsize end)
{
  guint n = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p), n++)
    if (!_sd_text_is_han (_sd_text_get_char (p)) || n == 6)
      return FALSE;
  if (n < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bracket_notes); i++)
    if (end - start == strlen (bracket_notes[i])
        && memcmp (text + start, bracket_notes[i], end - start) == 0)
      return FALSE;
  if (n <= 3)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (agency_suffixes); i++)
    if (_sd_text_has_suffix (text, start, end, agency_suffixes[i]))
      return TRUE;
  return FALSE;
}

/* Names (and maybe a credit) glued after the last sentence:
 * "…坚强力量。袁腊梅 韩丹", "…日常巡查。史春雨 秦海 文/图". */
/* Where a tail glued after the last sentence end (and its closing marks)
 * starts, or @start when what follows that end cannot be names: a comma,
 * or more than TAIL_MAX_CHARS characters.  Walks back no further. */
static gsize
find_tail_start (const char *text, gsize start, gsize end)
{
  const char *p = text + end;
  guint walked = 0;

  while ((p = _sd_text_prev_char (text + start, p)) != NULL)
    {
      gunichar c = _sd_text_get_char (p);

      if (_sd_text_is_sentence_end (c))
        return _sd_text_skip_closing (text, g_utf8_next_char (p) - text, end);
      /* closing marks right after the end are no part of the tail */
      if (is_comma (c)
          || (!_sd_text_is_space (c) && !_sd_text_is_closing (c) && ++walked > TAIL_MAX_CHARS))
        return start;
    }
  return start;
}

static void
find_glued_tail (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize tail = find_tail_start (text, u->prose_start, u->prose_end);
  gsize tail_end = u->prose_end, names_start, names_end;

  if (tail <= u->prose_start || tail >= tail_end)
    return;
  tail = _sd_seg_skip_spaces (text, tail, tail_end);
  if (_sd_text_count_chars (text, tail, tail_end, TAIL_MAX_CHARS) > TAIL_MAX_CHARS
      || has_comma (text, tail, tail_end))
    return;
  names_start = tail;
  names_end = tail_end;
  if (_sd_text_strip_credit (text, tail, tail_end, &names_start, &names_end))
    {
      u->tail_credit = TRUE;
      u->tail_names = _sd_text_is_name_list (text, names_start, names_end, FALSE);
    }
  else
    {
      /* "…。（王某）", "…。(记者 王某)" */
      gboolean bracketed = _sd_text_strip_brackets (text, &names_start, &names_end);

      if (bracketed)
        skip_signature_role (text, &names_start, names_end);
      if (!_sd_text_is_name_list (text, names_start, names_end, FALSE)
          && !(bracketed && is_bracketed_signature (text, names_start, names_end)))
        return;
      u->tail_names = TRUE;
    }
  u->tail_start = tail;
  u->tail_end = tail_end;
  u->names_start = names_start;
  u->names_end = names_end;
  u->prose_end = tail;
  _sd_text_trim (text, &u->prose_start, &u->prose_end);
}

/* A title may hold one comma between its halves; prose opens with a short
 * adverbial ("今年，…") or strings clauses together. */
static gboolean
reads_like_prose (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint commas = 0, n = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p), n++)
    {
      gunichar c = _sd_text_get_char (p);
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
  const char *text = page->text;

  if (u->chars < 8)
    return FALSE;
  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == 0x3002 || c == 0xFF0E)
        return FALSE;
    }
  return TRUE;
}

/* A particle at the end, a closing mark at the start, a clause mark other
 * than the one comma a title may hold: a line of prose, though it holds no
 * sentence end. */
static gboolean
reads_like_cut_prose (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint commas = 0;

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

static gboolean
is_title_shaped (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize chars = u->chars;
  gunichar last = _sd_text_last_char (text, u->text_start, u->text_end);

  if (u->shape != SHAPE_TEXT || u->news_lead || u->continued || u->tail_names || u->tail_credit)
    return FALSE;
  /* in a column of text only paragraphs are indented */
  if (page->column > 0 && u->indented)
    return FALSE;
  /* a lone line that runs to the column's edge and reads like prose was
   * cut there: the rest of its paragraph follows after a column break */
  if (u->md_level == 0 && !u->bold && reads_like_cut_prose (page, u)
      && sd_line_reaches_edge (page->column, sd_line_width (text, u->start, u->end)))
    return FALSE;
  if (u->md_level > 0 || u->bold)
    return chars <= MD_TITLE_MAX_CHARS;
  if (chars < 4 || chars > TITLE_MAX_CHARS
      || (text_has_sentence_mark (page, u) && !only_exclaims (page, u)))
    return FALSE;
  return !_sd_seg_char_in ("，,、；;：:（(“‘《", last) && !reads_like_prose (page, u);
}

/* "一、", "（二）", "3." before a section heading; returns where the
 * heading proper starts. */
static gsize
skip_enumerator (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize pos = u->text_start;
  gboolean bracket = FALSE;
  guint digits = 0;

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
  gunichar last = _sd_text_last_char (text, u->text_start, u->text_end);

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

  if (!find_bold_run (page, u) && u->md_level == 0 && !find_furniture (page, u)
      && !find_credit_line (page, u) && !find_reporter_line (page, u)
      && !find_credits_line (page, u))
    find_name_line (page, u);
  if (u->shape == SHAPE_TEXT || u->shape == SHAPE_BOLD)
    {
      find_news_lead (page, u);
      find_continuation_marks (page, u);
      find_glued_tail (page, u);
    }
  else
    u->prose_start = u->prose_end;

  u->dash_start = _sd_text_has_prefix (text, u->text_start, u->text_end, "—")
                  || _sd_text_has_prefix (text, u->text_start, u->text_end, "--")
                  || _sd_text_has_prefix (text, u->text_start, u->text_end, "一-")
                  || _sd_text_has_prefix (text, u->text_start, u->text_end, "-一")
                  || _sd_text_has_prefix (text, u->text_start, u->text_end, "一一");
  u->dash_end = _sd_text_has_suffix (text, u->text_start, u->text_end, "——");
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
  guint n = 0;

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

/* In a scan's columns, a title-shaped line that runs to the edge before
 * text that goes on mid-sentence was cut there, by a column or a
 * paragraph break the OCR put in. */
static void
find_cut_lines (SdSegPage *page)
{
  for (guint i = 0; page->column > 0 && i + 1 < page->units->len; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *next = _sd_seg_unit_at (page, i + 1);
      gunichar first;

      if (!u->title || u->md_level > 0 || u->bold
          || !sd_line_reaches_edge (page->column, sd_line_width (page->text, u->start, u->end)))
        continue;
      first = _sd_text_first_char (page->text, next->text_start, next->text_end);
      if (next->shape != SHAPE_TEXT || next->title || next->news_lead)
        continue;
      if (_sd_seg_char_in ("的了地得着过们", first) || _sd_text_is_closing (first)
          || _sd_seg_continues_sentence (page, next))
        {
          u->title = FALSE;
          u->section_shape = FALSE;
        }
    }
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
  gsize pos = 0;
  guint blanks = 0;
  /* most pages end lines with LF alone: memchr finds those fastest */
  gboolean has_cr = memchr (text, '\r', page->length) != NULL;

  page->min_md_level = G_MAXUINT;
  while (pos < page->length)
    {
      gsize eol = pos;
      SdSegUnit u = { 0 };

      if (has_cr)
        while (eol < page->length && text[eol] != '\n' && text[eol] != '\r')
          eol++;
      else
        {
          const char *nl = memchr (text + pos, '\n', page->length - pos);

          eol = nl != NULL ? (gsize)(nl - text) : page->length;
        }
      u.start = pos;
      u.end = eol;
      _sd_text_trim (text, &u.start, &u.end);
      if (u.end > u.start)
        {
          u.blank_before = blanks;
          u.indented = _sd_text_has_prefix (text, pos, eol, "\u3000")
                       || _sd_text_has_prefix (text, pos, eol, "  ");
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
  find_cut_lines (page);
}
