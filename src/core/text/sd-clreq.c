/* sd-clreq.c — line-start and punctuation-width rules of Chinese text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-clreq.h"

#define MIDDLE_DOT 0x00B7          /* 间隔号 as most text encodes it */
#define KATAKANA_MIDDLE_DOT 0x30FB /* the same mark, classed a non-starter */

/* Marks whose empty half is on the right in Simplified Chinese fonts:
 * stops, pauses and closing brackets and quotes (clreq §3.1.6). */
static gboolean
is_closing_mark (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF0C: /* ， */
    case 0x3001: /* 、 */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
    case 0x300B: /* 》 */
    case 0x3009: /* 〉 */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Marks whose empty half is on the left: opening brackets and quotes. */
static gboolean
is_opening_mark (gunichar c)
{
  switch (c)
    {
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0xFF08: /* （ */
    case 0x300A: /* 《 */
    case 0x3008: /* 〈 */
    case 0x3010: /* 【 */
    case 0x3014: /* 〔 */
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * sd_clreq_dup_for_display:
 * @text: stored text, valid UTF-8
 *
 * A 间隔号 never starts a line (clreq §3.1.7), but U+00B7 is an
 * alphabetic character to the line breaker, which breaks before it after a
 * Han character.  After a non-space character it is shown as U+30FB, the
 * same centred dot classed a non-starter.
 *
 * Returns: (transfer full): @text to show, with as many characters
 */
char *
sd_clreq_dup_for_display (const char *text)
{
  GString *shown = g_string_sized_new (strlen (text) + 8);
  gunichar previous = ' ';

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == MIDDLE_DOT && !g_unichar_isspace (previous))
        g_string_append_unichar (shown, KATAKANA_MIDDLE_DOT);
      else
        g_string_append_len (shown, p, g_utf8_next_char (p) - p);
      previous = c;
    }
  return g_string_free (shown, FALSE);
}

/**
 * sd_clreq_find_halved_marks:
 * @text: text as shown, valid UTF-8
 *
 * Where two punctuation marks meet, the blank halves between them are
 * closed up to one (clreq §3.1.6, "punctuation compression"): a stop or
 * closing mark followed by another mark loses its right half, and an
 * opening mark after another opening mark loses its left half.  Only marks
 * clreq names are touched, one per pair, never a whole run of text.
 *
 * Returns: (transfer full) (element-type int): character offsets of the
 *   marks to set half width, ascending
 */
GArray *
sd_clreq_find_halved_marks (const char *text)
{
  GArray     *halved = g_array_new (FALSE, FALSE, sizeof (int));
  const char *p = text;
  int         offset = 0;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gunichar    c = g_utf8_get_char (p);
      gunichar    d = *next != '\0' ? g_utf8_get_char (next) : 0;

      if (is_closing_mark (c) && (is_closing_mark (d) || is_opening_mark (d)))
        g_array_append_val (halved, offset);
      else if (is_opening_mark (c) && is_opening_mark (d))
        {
          int second = offset + 1;
          g_array_append_val (halved, second);
        }
      p = next;
      offset++;
    }
  return halved;
}
