/* sd-ocr-agree.c — how far two copies of a text agree, OCR's slips passed over
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repeat finder (sd-ocr-repair.c) walks from a shingle two blocks share
 * both ways, as far as their content characters agree.
 */
#define G_LOG_DOMAIN "sd-ocr-agree"

#include "config.h"

#include "sd-ocr-text-private.h"

#include <string.h>

#define BRIDGE 4 /* characters that must agree again after a misread one */

/* A character misread in one copy ("观鸟" and "观乌") is passed over when
 * the BRIDGE characters after it agree again: a paragraph printed twice
 * is the same paragraph with OCR's slips.  Digits are not: "第3组" and
 * "第4组" tell two facts apart. */
static gboolean
is_misread (gunichar a, gunichar b)
{
  return !g_ascii_isdigit (a) && !g_ascii_isdigit (b);
}

/* How many characters after a misread must agree again: BRIDGE, or all
 * that are left when both texts end sooner together.  0 if none can. */
static guint
bridge_length (guint left_i, guint left_j)
{
  if (left_i >= BRIDGE && left_j >= BRIDGE)
    return BRIDGE;
  return left_i == left_j ? left_i : 0;
}

/* How many characters from @i on agree with those from @j on, before
 * either text ends, misreads passed over. */
guint
_sd_ocr_agree_ahead (const gunichar *chars, guint i, guint i_end, guint j, guint j_end)
{
  guint n = 0;

  for (;;)
    {
      guint bridge;

      while (i + n < i_end && j + n < j_end && chars[i + n] == chars[j + n])
        n++;
      if (i + n >= i_end || j + n >= j_end)
        return n;
      bridge = bridge_length (i_end - (i + n + 1), j_end - (j + n + 1));
      if (bridge == 0 || !is_misread (chars[i + n], chars[j + n])
          || memcmp (chars + i + n + 1, chars + j + n + 1, bridge * sizeof (gunichar)) != 0)
        return n;
      n += 1 + bridge;
    }
}

/* The same backwards: how many characters before @i and @j agree, going
 * back no further than @i_floor and @j_floor. */
guint
_sd_ocr_agree_behind (const gunichar *chars, guint i, guint i_floor, guint j, guint j_floor)
{
  guint n = 0;

  for (;;)
    {
      guint bridge;

      while (i - n > i_floor && j - n > j_floor && chars[i - n - 1] == chars[j - n - 1])
        n++;
      if (i - n <= i_floor || j - n <= j_floor)
        return n;
      bridge = bridge_length (i - n - 1 - i_floor, j - n - 1 - j_floor);
      if (bridge == 0 || !is_misread (chars[i - n - 1], chars[j - n - 1])
          || memcmp (chars + i - n - 1 - bridge, chars + j - n - 1 - bridge,
                     bridge * sizeof (gunichar))
                 != 0)
        return n;
      n += 1 + bridge;
    }
}
