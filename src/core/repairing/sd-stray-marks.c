/* sd-stray-marks.c — marks OCR reads from column rules and specks
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scan's column rules and specks come out of Tesseract as marks inside
 * the text ("市，一直持 | 成脱贫…", "暨2023 |"): a vertical bar, which
 * Chinese prose never uses, or an angle bracket that opens or closes
 * nothing in its paragraph.  Each is left out of the story's text with the
 * spaces the OCR put around it, and recorded as a repair the editor can
 * take back.  Between two Latin letters or digits a bar may be text (a
 * table, "A|B"), and is kept.  Specks a paragraph opens with ("， @ [ - ，
 * JR凌城大闸蟹…": marks each alone between spaces, Latin letters in ones
 * and twos), or a line holds alone, are left out together, as one such
 * repair.
 */
#define G_LOG_DOMAIN "sd-stray-marks"

#include "config.h"

#include "sd-ocr-repair.h"

#include "sd-text-util.h"

static gboolean
is_rule_mark (gunichar c)
{
  return c == '|' || c == 0xFF5C /* ｜ */ || c == 0x2502 /* │ */;
}

/* How many of each angle bracket a block holds: 〈 〉 < > */
typedef struct
{
  guint open, close, lt, gt;
} Angles;

static void
count_angles (const char *text, gsize start, gsize end, Angles *angles)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    switch (_sd_text_get_char (p))
      {
      case 0x3008: /* 〈 */
        angles->open++;
        break;
      case 0x3009: /* 〉 */
        angles->close++;
        break;
      case '<':
        angles->lt++;
        break;
      case '>':
        angles->gt++;
        break;
      default:
        break;
      }
}

/* 〈 or 〉 (and < >, as OCR reads them) with no partner in its block */
static gboolean
is_lone_angle (const Angles *angles, gunichar c)
{
  switch (c)
    {
    case 0x3008:
      return angles->close == 0;
    case 0x3009:
      return angles->open == 0;
    case '<':
      return angles->gt == 0;
    case '>':
      return angles->lt == 0;
    default:
      return FALSE;
    }
}

static gboolean
is_latin (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x3000;
}

/* Where the specks a block opens with end (with the spaces after them),
 * else @start: three of them at least, two of them marks (a character that
 * is no letter, digit or space, alone between spaces), the others Latin
 * fragments of one or two letters, the last of which may touch the text's
 * first Han character; the text goes on in Han characters after them, or
 * the block (a line of its own) holds nothing else. */
static gsize
find_opening_specks (const char *text, gsize start, gsize end)
{
  guint tokens = 0, marks = 0;
  gsize pos = start, run_end = start;

  while (pos < end && is_space (_sd_text_get_char (text + pos)))
    pos = g_utf8_next_char (text + pos) - text;
  while (pos < end)
    {
      gunichar c = _sd_text_get_char (text + pos);
      gsize    next = g_utf8_next_char (text + pos) - text;
      gboolean mark = !g_unichar_isalnum (c) && !g_unichar_isspace (c);

      if (!mark)
        {
          guint letters = 0;

          for (next = pos; next < end && g_ascii_isalpha (text[next]); next++)
            letters++;
          if (letters == 0 || letters > 2)
            break;
        }
      if (next < end && !is_space (_sd_text_get_char (text + next))
          && (mark || !_sd_text_is_han (_sd_text_get_char (text + next))))
        break;
      tokens++;
      marks += mark;
      pos = run_end = next;
      while (pos < end && is_space (_sd_text_get_char (text + pos)))
        pos = g_utf8_next_char (text + pos) - text;
      if (pos == run_end)
        break; /* a Latin fragment touching the text */
    }
  if (tokens < 3 || marks < 2 || (pos < end && !_sd_text_is_han (_sd_text_get_char (text + pos))))
    return start;
  return pos;
}

/* The stray marks of one block, as drops, in page order, but none inside
 * @n_dropped drops of the block (@dropped, in page order). */
static void
find_in_block (const char        *text,
               const SdTextBlock *block,
               guint              index,
               const SdTextDrop  *dropped,
               guint              n_dropped,
               GArray            *out)
{
  Angles angles = { 0 };
  guint  k = 0;
  gsize  text_start = find_opening_specks (text, block->start, block->end);

  if (text_start > block->start && !(n_dropped > 0 && dropped[0].start < text_start))
    {
      SdTextDrop drop = { index, block->start, text_start, SD_REPAIR_DROPPED_MARK, 0 };

      g_array_append_val (out, drop);
    }
  else
    text_start = block->start;
  count_angles (text, text_start, block->end, &angles);
  for (gsize pos = text_start; pos < block->end;)
    {
      gunichar c = _sd_text_get_char (text + pos);
      gsize    next = g_utf8_next_char (text + pos) - text;
      gsize    start = pos, end = next;
      gunichar before = 0, after = 0;

      if (!is_rule_mark (c) && !is_lone_angle (&angles, c))
        {
          pos = next;
          continue;
        }
      /* the spaces the OCR read around it go with it */
      while (start > text_start && text[start - 1] == ' ')
        start--;
      while (end < block->end && text[end] == ' ')
        end++;
      if (start > text_start)
        before = _sd_text_get_char (g_utf8_find_prev_char (text + text_start, text + start));
      if (end < block->end)
        after = _sd_text_get_char (text + end);
      while (k < n_dropped && dropped[k].end <= start)
        k++;
      if (!(is_latin (before) || is_latin (after)) && !(k < n_dropped && dropped[k].start < end))
        {
          SdTextDrop drop = { index, start, end, SD_REPAIR_DROPPED_MARK, 0 };

          g_array_append_val (out, drop);
        }
      pos = end;
    }
}

static int
compare_drops (gconstpointer a, gconstpointer b)
{
  const SdTextDrop *x = a, *y = b;

  if (x->block != y->block)
    return x->block < y->block ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/**
 * _sd_ocr_add_stray_marks:
 * @drops: (element-type SdTextDrop) the drops found so far, ordered by
 *   block and offset; the stray marks of the blocks of text are added,
 *   but none inside text dropped already
 */
void
_sd_ocr_add_stray_marks (const char *text, const SdTextBlock *blocks, guint n_blocks, GArray *drops)
{
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (SdTextDrop));
  guint k = 0;

  for (guint b = 0; b < n_blocks; b++)
    {
      guint first;

      /* the drops found so far are in block order: this block's are a run */
      while (k < drops->len && g_array_index (drops, SdTextDrop, k).block < b)
        k++;
      first = k;
      while (k < drops->len && g_array_index (drops, SdTextDrop, k).block == b)
        k++;
      if (!blocks[b].vocabulary_only)
        find_in_block (text, &blocks[b], b, &g_array_index (drops, SdTextDrop, first), k - first,
                       marks);
    }
  if (marks->len == 0)
    return;
  g_array_append_vals (drops, marks->data, marks->len);
  g_array_sort (drops, compare_drops);
}
