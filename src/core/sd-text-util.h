/* sd-text-util.h — character classes and small scanners for OCR'd Chinese text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library.  Every span is a pair of byte offsets into
 * one UTF-8 buffer; no function allocates.
 */
#pragma once

#include <glib.h>

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
  return c >= 0x1680 && c < 0x3000 && g_unichar_isspace (c);
}

static inline gboolean
_sd_text_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* Han, Latin letters and digits: what counts as text, not punctuation. */
G_GNUC_INTERNAL gboolean _sd_text_is_content       (gunichar c);
G_GNUC_INTERNAL gboolean _sd_text_is_sentence_end  (gunichar c);
/* Closing quotes and brackets, which may follow a sentence end. */
G_GNUC_INTERNAL gboolean _sd_text_is_closing       (gunichar c);
G_GNUC_INTERNAL gboolean _sd_text_is_clause_end    (gunichar c);
G_GNUC_INTERNAL gboolean _sd_text_is_surname       (gunichar c);

G_GNUC_INTERNAL gunichar _sd_text_first_char       (const char *text,
                                                    gsize       start,
                                                    gsize       end);
G_GNUC_INTERNAL gunichar _sd_text_last_char        (const char *text,
                                                    gsize       start,
                                                    gsize       end);
G_GNUC_INTERNAL void     _sd_text_trim             (const char *text,
                                                    gsize      *start,
                                                    gsize      *end);
G_GNUC_INTERNAL gboolean _sd_text_has_prefix       (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    const char *prefix);
G_GNUC_INTERNAL gboolean _sd_text_has_suffix       (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    const char *suffix);
G_GNUC_INTERNAL gboolean _sd_text_contains         (const char *text,
                                                    gsize       start,
                                                    gsize       end,
                                                    const char *needle);
/* Number of content characters (see _sd_text_is_content). */
G_GNUC_INTERNAL gsize    _sd_text_count_content    (const char *text,
                                                    gsize       start,
                                                    gsize       end);
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

G_END_DECLS
