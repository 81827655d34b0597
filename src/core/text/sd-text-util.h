/* sd-text-util.h — character classes and small scanners for OCR'd Chinese text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library.  Every span is a pair of byte offsets into
 * one UTF-8 buffer; no function allocates.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Hot paths, so inline.  The text is valid UTF-8 (the segmenter sees to it). */
static inline gunichar
_sd_text_get_char (const char *p)
{
  const guchar *s = (const guchar *) p;

  if (s[0] < 0x80)
    return s[0];
  if (s[0] < 0xE0)
    return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
  if (s[0] < 0xF0)
    return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

static inline gboolean
_sd_text_is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  if (c == 0x3000 || c == 0x00A0 || c == 0xFEFF || c == 0x0085)
    return TRUE;
  /* what g_unichar_isspace () says from U+1680 to U+2FFF, without the call:
   * “”—… live there (the tests hold the two to the same answer) */
  if (c < 0x1680 || c > 0x205F)
    return FALSE;
  return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
         || c == 0x205F;
}

/* g_utf8_find_prev_char () without the call. */
static inline const char *
_sd_text_prev_char (const char *start, const char *p)
{
  while (p > start)
    {
      p--;
      if ((*(const guchar *) p & 0xC0) != 0x80)
        return p;
    }
  return NULL;
}

static inline gboolean
_sd_text_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* Han, Latin letters and digits: what counts as text, not punctuation. */
static inline gboolean
_sd_text_is_content (gunichar c)
{
  if (_sd_text_is_han (c))
    return TRUE;
  /* the same answer as g_unichar_isalnum () below U+0080, without the call */
  if (c < 0x80)
    return g_ascii_isalnum (c);
  /* full-width letters and digits count like their ASCII twins */
  if (c >= 0xFF10 && c <= 0xFF5A)
    return g_unichar_isalnum (c);
  return c < 0x2000 && g_unichar_isalnum (c);
}

static inline gboolean
_sd_text_is_sentence_end (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0x2026: /* … */
    case 0xFF0E: /* ． */
    case '!':
    case '?':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Closing quotes and brackets, which may follow a sentence end. */
static inline gboolean
_sd_text_is_closing (gunichar c)
{
  switch (c)
    {
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
    case 0x3011: /* 】 */
    case 0x300B: /* 》 */
    case '"':
    case '\'':
    case ')':
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
_sd_text_is_clause_end (gunichar c)
{
  return _sd_text_is_sentence_end (c) || c == 0xFF0C /* ， */ || c == ','
         || c == 0xFF1B /* ； */ || c == ';' || c == 0xFF1A /* ： */;
}

G_GNUC_INTERNAL gboolean _sd_text_is_surname       (gunichar c);

static inline gunichar
_sd_text_first_char (const char *text, gsize start, gsize end)
{
  return start < end ? _sd_text_get_char (text + start) : 0;
}

static inline gunichar
_sd_text_last_char (const char *text, gsize start, gsize end)
{
  const char *prev;

  if (start >= end)
    return 0;
  prev = _sd_text_prev_char (text + start, text + end);
  return prev != NULL ? _sd_text_get_char (prev) : 0;
}

G_GNUC_INTERNAL void     _sd_text_trim_spaces      (const char *text,
                                                    gsize      *start,
                                                    gsize      *end);

/* Narrows the span to leave out spaces at either end. */
/* Past the spaces from @pos on, no further than @end. */
static inline gsize
_sd_text_skip_spaces (const char *text, gsize pos, gsize end)
{
  while (pos < end && _sd_text_is_space (_sd_text_get_char (text + pos)))
    pos = g_utf8_next_char (text + pos) - text;
  return pos;
}

/* Past the closing quotes and brackets from @pos on (after a sentence
 * end), no further than @end. */
static inline gsize
_sd_text_skip_closing (const char *text, gsize pos, gsize end)
{
  while (pos < end && _sd_text_is_closing (_sd_text_get_char (text + pos)))
    pos = g_utf8_next_char (text + pos) - text;
  return pos;
}

static inline void
_sd_text_trim (const char *text, gsize *start, gsize *end)
{
  /* most spans start and end with text */
  if (*start < *end && !_sd_text_is_space (_sd_text_get_char (text + *start))
      && !_sd_text_is_space (_sd_text_last_char (text, *start, *end)))
    return;
  _sd_text_trim_spaces (text, start, end);
}

static inline gboolean
_sd_text_has_prefix (const char *text, gsize start, gsize end, const char *prefix)
{
  gsize n;

  /* most tries fail on the first byte, before the strlen () */
  if (prefix[0] == '\0')
    return TRUE;
  if (end == start || text[start] != prefix[0])
    return FALSE;
  n = strlen (prefix);
  return end - start >= n && memcmp (text + start, prefix, n) == 0;
}

static inline gboolean
_sd_text_has_suffix (const char *text, gsize start, gsize end, const char *suffix)
{
  gsize n = strlen (suffix);

  return end - start >= n && memcmp (text + end - n, suffix, n) == 0;
}

G_GNUC_INTERNAL gboolean _sd_text_contains         (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    const char *needle);
/* Number of content characters (see _sd_text_is_content). */
G_GNUC_INTERNAL gsize    _sd_text_count_content    (const char *text,
                                                    gsize       start,
                                                    gsize       end);
/* Valid UTF-8 with no NUL byte: what g_utf8_validate_len () says, in a
 * fraction of its time on Chinese text. */
G_GNUC_INTERNAL gboolean _sd_text_is_clean_utf8    (const char *text,
                                                    gsize       length);
/* Non-space characters, counting no further than @limit + 1. */
G_GNUC_INTERNAL gsize    _sd_text_count_chars      (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    gsize       limit);

/* TRUE when the span ends with 。！？… (possibly followed by closing quotes). */
G_GNUC_INTERNAL gboolean _sd_text_ends_sentence    (const char *text,
                                                    gsize       start,
                                                    gsize       end);
/* Offset just past the last sentence end (and its closing quotes) in the
 * span, or @start when there is none. */
G_GNUC_INTERNAL gsize    _sd_text_last_sentence_end (const char *text,
                                                     gsize       start,
                                                     gsize       end);
/* Personal or unit names: 1–8 whitespace-separated tokens of 2–3 Han
 * characters (4 with a two-character surname).  @strict also wants common
 * surnames, for lines that have nothing else to vouch for them. */
G_GNUC_INTERNAL gboolean _sd_text_is_name_list     (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    gboolean    strict);

/* Finds a photo credit (摄, 供图, 文/图 … after the names, 图/ before
 * them), inside optional brackets.  On success [*names_start, *names_end)
 * are the credited names, trimmed, maybe empty. */
G_GNUC_INTERNAL gboolean _sd_text_strip_credit     (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    gsize      *names_start,
                                                    gsize      *names_end);

/* If the span is wholly inside one pair of brackets, narrows it to the
 * inside and returns TRUE. */
G_GNUC_INTERNAL gboolean _sd_text_strip_brackets   (const char *text,
                                                    gsize      *start,
                                                    gsize      *end);

/* A copy of @text with the half-width ,;:?!() that OCR (or a web page)
 * put inside Chinese text set full width, as Chinese is printed: between
 * Han characters or next to Chinese punctuation, not in "1,000", "10:30"
 * or Latin text.  The page keeps its own bytes. */
G_GNUC_INTERNAL char    *_sd_text_dup_widened      (const char *text,
                                                    gssize      length);

G_END_DECLS
