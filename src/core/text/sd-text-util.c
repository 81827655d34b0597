/* sd-text-util.c — character classes and small scanners for OCR'd Chinese text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-text-util"

#include "config.h"

#include "sd-text-util.h"

#include <string.h>

/* Common Chinese family names.  Only used to vouch for a name line that has
 * no other evidence (a lone "于广益" between two stories). */
static const char common_surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
    "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛"
    "闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍"
    "庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍"
    "涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和"
    "仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班"
    "储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖"
    "漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓"
    "修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元"
    "束檀衣信展阴昝智幸奉植衡富尧由";

static const char *const compound_surnames[] = {
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
  "令狐", "夏侯", "端木", "司徒", "长孙", "宇文", "澹台", "西门", "南宫",
};

/* Credits printed before the names. */
static const char *const credit_prefixes[] = {
  "文/图", "文／图", "图/文", "图／文", "图/",    "图／",
  "图：",  "图:",    "摄影/", "摄影／", "摄影：", "摄影:",
};

/* Longest first, so "摄影" wins over "摄".  With their lengths: every
 * short line is asked about each. */
static const struct
{
  const char *text;
  gsize       length;
} credit_markers[] = {
  { "文/图", sizeof "文/图" - 1 },   { "图/文", sizeof "图/文" - 1 },
  { "文／图", sizeof "文／图" - 1 }, { "图／文", sizeof "图／文" - 1 },
  { "摄影", sizeof "摄影" - 1 },     { "供图", sizeof "供图" - 1 },
  { "供稿", sizeof "供稿" - 1 },     { "摄", sizeof "摄" - 1 },
};

/* The common surnames of the basic Han block as bits: looking one up is
 * asked for every token of every line that could be names. */
#define SURNAME_FIRST 0x4E00
#define SURNAME_LAST 0x9FFF

static const guint8 *
surname_bits (void)
{
  static guint8 bits[(SURNAME_LAST - SURNAME_FIRST) / 8 + 1];
  static gsize  ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (const char *p = common_surnames; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = _sd_text_get_char (p);

          if (c >= SURNAME_FIRST && c <= SURNAME_LAST)
            bits[(c - SURNAME_FIRST) / 8] |= 1u << ((c - SURNAME_FIRST) % 8);
        }
      g_once_init_leave (&ready, 1);
    }
  return bits;
}

gboolean
_sd_text_is_surname (gunichar c)
{
  char buf[8];
  int  n;

  if (!_sd_text_is_han (c))
    return FALSE;
  if (c >= SURNAME_FIRST && c <= SURNAME_LAST)
    return (surname_bits ()[(c - SURNAME_FIRST) / 8] >> ((c - SURNAME_FIRST) % 8)) & 1;
  n = g_unichar_to_utf8 (c, buf);
  buf[n] = '\0';
  return strstr (common_surnames, buf) != NULL;
}

void
_sd_text_trim_spaces (const char *text, gsize *start, gsize *end)
{
  while (*start < *end && _sd_text_is_space (_sd_text_get_char (text + *start)))
    *start = g_utf8_next_char (text + *start) - text;
  while (*end > *start)
    {
      const char *prev = _sd_text_prev_char (text + *start, text + *end);

      if (prev == NULL || !_sd_text_is_space (_sd_text_get_char (prev)))
        break;
      *end = prev - text;
    }
}

gboolean
_sd_text_contains (const char *text, gsize start, gsize end, const char *needle)
{
  gsize       n = strlen (needle);
  const char *p = text + start, *last;

  if (n == 0 || end - start < n)
    return n == 0;
  last = text + end - n;
  while (p <= last && (p = memchr (p, needle[0], last - p + 1)) != NULL)
    {
      if (memcmp (p, needle, n) == 0)
        return TRUE;
      p++;
    }
  return FALSE;
}

gsize
_sd_text_count_content (const char *text, gsize start, gsize end)
{
  gsize n = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (_sd_text_is_content (_sd_text_get_char (p)))
      n++;
  return n;
}

/* Lead bytes of every character _sd_text_is_space () may call a space:
 * any other character is counted without decoding it. */
static const guint8 space_lead[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
  [0xC2] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

gsize
_sd_text_count_chars (const char *text, gsize start, gsize end, gsize limit)
{
  const guchar *p = (const guchar *) text + start, *stop = (const guchar *) text + end;
  gsize         n = 0;

  /* no character is longer than four bytes */
  if ((end - start) / 4 > limit)
    return limit + 1;
  while (p < stop && n <= limit)
    {
      /* runs of Han (lead bytes E4 to E9) are most of a page */
      if (*p >= 0xE4 && *p <= 0xE9)
        {
          n++;
          p += 3;
          continue;
        }
      n += !space_lead[*p] || !_sd_text_is_space (_sd_text_get_char ((const char *) p));
      p += g_utf8_skip[*p];
    }
  return n;
}

gboolean
_sd_text_ends_sentence (const char *text, gsize start, gsize end)
{
  const char *p = text + end;

  while (p > text + start)
    {
      gunichar c;

      p = _sd_text_prev_char (text + start, p);
      if (p == NULL)
        break;
      c = _sd_text_get_char (p);
      if (_sd_text_is_closing (c) || _sd_text_is_space (c))
        continue;
      return _sd_text_is_sentence_end (c);
    }
  return FALSE;
}

gsize
_sd_text_last_sentence_end (const char *text, gsize start, gsize end)
{
  const char *p = text + end;

  while (p > text + start)
    {
      p = _sd_text_prev_char (text + start, p);
      if (p == NULL)
        break;
      if (_sd_text_is_sentence_end (_sd_text_get_char (p)))
        return _sd_text_skip_closing (text, g_utf8_next_char (p) - text, end);
    }
  return start;
}

static gboolean
has_compound_surname (const char *token, gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    {
      gsize n = strlen (compound_surnames[i]);

      if (len >= n && memcmp (token, compound_surnames[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_name_token (const char *text, gsize start, gsize end, gboolean strict)
{
  guint    n = 0;
  gunichar first = 0, last = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (!_sd_text_is_han (c) || n == 4)
        return FALSE;
      if (n == 0)
        first = c;
      last = c;
      n++;
    }
  /* "他说" and "表示" end quotes, they are not bylines */
  if (last == 0x8BF4 /* 说 */ || last == 0x9053 /* 道 */)
    return FALSE;
  if (n == 4)
    return has_compound_surname (text + start, end - start);
  if (n < 2 || n > 3)
    return FALSE;
  return !strict || _sd_text_is_surname (first);
}

/* A unit's byline: the short name of a publicity office, "海工宣", "锡宣". */
static gboolean
is_unit_byline (const char *text, gsize start, gsize end)
{
  return end - start >= 6 && end - start <= 12 && _sd_text_has_suffix (text, start, end, "宣");
}

/* The length in bytes of the space-free token at @pos, or 0 past 16 bytes. */
static gsize
token_length (const char *text, gsize pos, gsize end)
{
  gsize token_end = pos;

  while (token_end < end && !_sd_text_is_space (_sd_text_get_char (text + token_end)))
    {
      token_end = g_utf8_next_char (text + token_end) - text;
      if (token_end - pos > 16)
        return 0;
    }
  return token_end - pos;
}

static gboolean
is_one_han (const char *text, gsize start, gsize length)
{
  return length == 3 && _sd_text_is_han (_sd_text_get_char (text + start));
}

gboolean
_sd_text_is_name_list (const char *text, gsize start, gsize end, gboolean strict)
{
  guint    tokens = 0, surnamed = 0;
  gsize    pos = start;
  gboolean spaced_pair = FALSE;

  _sd_text_trim (text, &pos, &end);
  while (pos < end)
    {
      /* names are short: give up on a long token early */
      gsize length = token_length (text, pos, end), next, next_length;

      if (length == 0)
        return FALSE;
      next = _sd_text_skip_spaces (text, pos + length, end);
      next_length = next < end ? token_length (text, next, end) : 0;
      /* a two-character name is set as wide as three with a space between
       * its characters: "韩  冰" */
      if (is_one_han (text, pos, length) && is_one_han (text, next, next_length))
        {
          tokens++;
          surnamed += _sd_text_is_surname (_sd_text_get_char (text + pos));
          spaced_pair = TRUE;
          pos = _sd_text_skip_spaces (text, next + next_length, end);
          continue;
        }
      if (!is_name_token (text, pos, pos + length, FALSE))
        return FALSE;
      tokens++;
      if (is_name_token (text, pos, pos + length, TRUE) || is_unit_byline (text, pos, pos + length))
        surnamed++;
      pos = next;
    }
  if (tokens == 0 || tokens > 8)
    return FALSE;
  /* a single two-character token could be any word; wants a surname, or
   * the space set between its characters, which no word gets ("…祝福。 晓 晖") */
  if (!strict && tokens == 1 && !spaced_pair && _sd_text_count_chars (text, start, end, 2) == 2)
    strict = TRUE;
  return !strict || surnamed * 2 > tokens;
}

gboolean
_sd_text_strip_brackets (const char *text, gsize *start, gsize *end)
{
  gunichar open = _sd_text_first_char (text, *start, *end);
  gunichar close = _sd_text_last_char (text, *start, *end);
  gsize    inner_start, inner_end;

  if (!((open == '(' || open == 0xFF08) && (close == ')' || close == 0xFF09))
      && !(open == 0x3010 && close == 0x3011))
    return FALSE;
  inner_start = g_utf8_next_char (text + *start) - text;
  inner_end = _sd_text_prev_char (text + *start, text + *end) - text;
  /* "(甲)乙(丙)" is not one bracketed span */
  for (const char *p = text + inner_start; p < text + inner_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == ')' || c == 0xFF09 || c == 0x3011)
        return FALSE;
    }
  *start = inner_start;
  *end = inner_end;
  _sd_text_trim (text, start, end);
  return TRUE;
}

static gboolean
strip_separator (const char *text, gsize start, gsize *end)
{
  gunichar last = _sd_text_last_char (text, start, *end);

  if (last != '/' && last != 0xFF0F && last != ':' && last != 0xFF1A)
    return FALSE;
  *end = _sd_text_prev_char (text + start, text + *end) - text;
  _sd_text_trim (text, &start, end);
  return TRUE;
}

/* A credit is bracketed, ends with the last character of a marker or
 * starts with that of a prefix: most short lines are let go at once. */
static gboolean
may_be_credit (gunichar first, gunichar last)
{
  switch (last)
    {
    case 0x56FE: /* 图 */
    case 0x6587: /* 文 */
    case 0x5F71: /* 影 */
    case 0x7A3F: /* 稿 */
    case 0x6444: /* 摄 */
      return TRUE;
    default:
      return first == '(' || first == 0xFF08 || first == 0x3010 || first == 0x56FE /* 图 */
             || first == 0x6444 /* 摄 */ || first == 0x6587 /* 文 */;
    }
}

/* "朱华南摄/光明图片", "司 伟摄(人民图片)": the picture agency after the
 * credit is left out. */
static void
strip_picture_agency (const char *text, gsize start, gsize *end)
{
  gsize stop = *end;
  guint n = 0;

  if (_sd_text_has_suffix (text, start, stop, ")") || _sd_text_has_suffix (text, start, stop, "）"))
    stop = _sd_text_prev_char (text + start, text + stop) - text;
  if (!_sd_text_has_suffix (text, start, stop, "图片"))
    return;
  for (const char *p = text + stop; (p = _sd_text_prev_char (text + start, p)) != NULL && n < 12;
       n++)
    {
      gunichar c = _sd_text_get_char (p);

      if (c == '/' || c == '(' || c == 0xFF08 || c == 0xFF0F)
        {
          gsize cut = p - text, keep_start = start;

          /* only after "X摄": in "图/人民图片" the agency is all the
           * credit names */
          _sd_text_trim (text, &keep_start, &cut);
          if (_sd_text_has_suffix (text, keep_start, cut, "摄") && cut - keep_start > strlen ("摄"))
            *end = cut;
          return;
        }
    }
}

/* "新华社发（周社根 摄）": an agency's release before the bracketed credit
 * is left out. */
static void
strip_agency_release (const char *text, gsize *start, gsize end)
{
  gsize pos = *start;

  for (guint n = 0; n < 8 && pos < end; n++, pos = g_utf8_next_char (text + pos) - text)
    if (_sd_text_has_prefix (text, pos, end, "社发"))
      {
        gsize    after = _sd_text_skip_spaces (text, pos + strlen ("社发"), end);
        gunichar open = _sd_text_first_char (text, after, end);

        if (n >= 1 && (open == '(' || open == 0xFF08))
          *start = after;
        return;
      }
}

gboolean
_sd_text_strip_credit (
    const char *text, gsize start, gsize end, gsize *names_start, gsize *names_end)
{
  _sd_text_trim (text, &start, &end);
  strip_agency_release (text, &start, end);
  strip_picture_agency (text, start, &end);
  if (!may_be_credit (_sd_text_first_char (text, start, end),
                      _sd_text_last_char (text, start, end)))
    return FALSE;
  _sd_text_strip_brackets (text, &start, &end);
  /* "徐宇欣 摄", "张三/摄影", "(X供图)" */
  for (guint i = 0; i < G_N_ELEMENTS (credit_markers); i++)
    {
      gsize n = credit_markers[i].length;

      if (end - start < n || memcmp (text + end - n, credit_markers[i].text, n) != 0)
        continue;
      end -= n;
      _sd_text_trim (text, &start, &end);
      strip_separator (text, start, &end);
      *names_start = start;
      *names_end = end;
      return TRUE;
    }
  /* "图/张三", "摄影：李四" */
  for (guint i = 0; i < G_N_ELEMENTS (credit_prefixes); i++)
    {
      gsize n;

      if (!_sd_text_has_prefix (text, start, end, credit_prefixes[i])
          || end - start <= (n = strlen (credit_prefixes[i])))
        continue;
      start += n;
      _sd_text_trim (text, &start, &end);
      *names_start = start;
      *names_end = end;
      return TRUE;
    }
  return FALSE;
}

/* What g_utf8_validate_len () says, NUL bytes included, in a fraction of
 * its time on text of mostly three-byte characters. */
gboolean
_sd_text_is_clean_utf8 (const char *text, gsize length)
{
  const guchar *p = (const guchar *) text, *end = p + length;

  while (p < end)
    {
      guchar  c = *p;
      gsize   left = end - p;
      guint32 word;

      /* a page is mostly characters of three bytes: E1–EC or EE–EF and two
       * continuation bytes, checked in one go */
      if (left >= 4)
        {
          memcpy (&word, p, 4);
          word = GUINT32_FROM_LE (word);
          if ((word & 0xC0C0F0) == 0x8080E0 && c != 0xE0 && c != 0xED)
            {
              p += 3;
              continue;
            }
        }

      if (c < 0x80)
        {
          if (c == 0)
            return FALSE;
          p++;
        }
      else if (c >= 0xE0 && c <= 0xEF)
        {
          /* no overlong forms (E0 80–9F) and no surrogates (ED A0–BF) */
          if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80
              || (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
            return FALSE;
          p += 3;
        }
      else if (c >= 0xC2 && c <= 0xDF)
        {
          if (left < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          /* no overlong forms (F0 80–8F), nothing past U+10FFFF (F4 90–) */
          if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80
              || (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
            return FALSE;
          p += 4;
        }
      else
        return FALSE;
    }
  return TRUE;
}

/* Han, and the punctuation and quotes set around it. */
static gboolean
is_chinese (gunichar c)
{
  return _sd_text_is_han (c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E)
         || (c >= 0x2018 && c <= 0x201F) || c == 0x2026 || c == 0x2014;
}

static gunichar
full_width_of (gunichar c)
{
  switch (c)
    {
    case ',':
      return 0xFF0C;
    case ';':
      return 0xFF1B;
    case ':':
      return 0xFF1A;
    case '?':
      return 0xFF1F;
    case '!':
      return 0xFF01;
    case '(':
      return 0xFF08;
    case ')':
      return 0xFF09;
    default:
      return 0;
    }
}

/* Where the last character before @pos that is no ASCII space starts, or
 * NULL. */
static const char *
filled_before (const char *text, const char *pos)
{
  const char *p = pos;

  while ((p = _sd_text_prev_char (text, p)) != NULL)
    if (*p != ' ')
      return p;
  return NULL;
}

char *
_sd_text_dup_widened (const char *text, gssize length)
{
  gsize       n = length < 0 ? strlen (text) : (gsize) length;
  const char *end = text + n, *copied = text;
  GString    *out = NULL;
  const char *last_wide = NULL;  /* where the last mark made full width was */
  guint64     widened_opens = 0; /* a bit a '(' still open: was it made full width */
  guint       depth = 0;

  /* the seven marks, a byte each: most text holds none of them, and only
   * they are looked at */
  static const guint8 is_mark[256] = {
    [','] = 1, [';'] = 1, [':'] = 1, ['?'] = 1, ['!'] = 1, ['('] = 1, [')'] = 1,
  };

  for (const char *p = text; p < end; p++)
    {
      gunichar    c, wide, before, after;
      const char *q, *prev;
      gboolean    closes_wide = FALSE;

      if (!is_mark[(guchar) *p])
        continue;
      c = (guchar) *p;
      wide = full_width_of (c);
      /* a ')' is made full width when it closes a '(' that was */
      if (c == ')' && depth > 0)
        {
          depth--;
          closes_wide = depth < 64 && (widened_opens >> depth & 1);
        }
      for (q = p + 1; q < end && *q == ' '; q++)
        ;
      after = q < end ? _sd_text_get_char (q) : 0;
      prev = filled_before (text, p);
      before = prev == NULL ? 0 : _sd_text_get_char (prev);
      /* right after a mark set full width: that is Chinese */
      if (prev != NULL && prev == last_wide)
        before = 0x3002;
      if (c == '(')
        {
          gboolean widen = is_chinese (after);

          if (depth < 64)
            widened_opens =
                (widened_opens & ~(G_GUINT64_CONSTANT (1) << depth)) | ((guint64) widen << depth);
          depth++;
          if (!widen)
            continue;
        }
      else if (c == ')')
        {
          if (!closes_wide && !(depth == 0 && is_chinese (before)))
            continue;
        }
      else if (!(is_chinese (before)
                 || (is_chinese (after) && !(before < 0x80 && g_ascii_isalnum (before)))))
        continue;
      if (out == NULL)
        out = g_string_sized_new (n + 16);
      /* "， 2020年": a full-width mark holds its own space */
      g_string_append_len (out, copied,
                           MAX (prev != NULL ? g_utf8_next_char (prev) : text, copied) - copied);
      g_string_append_unichar (out, wide);
      last_wide = p;
      copied = q;
      p = q - 1;
    }
  if (out == NULL)
    return g_strndup (text, n);
  g_string_append_len (out, copied, end - copied);
  return g_string_free (out, FALSE);
}
