/* sd-furniture.c — page furniture among a page's lines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lines that belong to the page, not to a story: the folio's paper
 * name (as OCR spaces it too), editor lines, dates with a weekday, page
 * numbers.  sd-page-units.c asks it of each line.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

#include "sd-text-util.h"

/* roles an editor line opens with: "责任编辑：X" */
static const char *const furniture_roles[] = {
  "责任编辑", "本版编辑", "值班编辑", "编辑", "美编", "校对", "组版", "版式", "审读", "制图",
};

/* A folio's paper name, alone on its line: "无锡日报", "泰州日报·市县传真". */
static const char *const paper_suffixes[] = {
  "日报", "晚报", "时报", "商报", "快报", "周报", "法治报", "青年报",
};

static gboolean
has_paper_suffix (const char *text, gsize start, gsize end)
{
  for (guint i = 0; i < G_N_ELEMENTS (paper_suffixes); i++)
    if (_sd_text_has_suffix (text, start, end, paper_suffixes[i])
        && end - start >= strlen (paper_suffixes[i]) + 6)
      return TRUE;
  return FALSE;
}

/* "连云港日 报": OCR set a space inside the name; the Han characters alone
 * spell it. */
static gboolean
spells_paper_name (const char *text, gsize start, gsize end)
{
  char  name[16 * 4 + 1];
  gsize n = 0;

  for (gsize pos = start; pos < end; pos = _sd_seg_skip_char (text, pos))
    {
      gunichar c = _sd_text_get_char (text + pos);
      gsize    width = _sd_seg_skip_char (text, pos) - pos;

      if (_sd_text_is_space (c))
        continue;
      if (!_sd_text_is_han (c) || n + width >= sizeof name)
        return FALSE;
      memcpy (name + n, text + pos, width);
      n += width;
    }
  name[n] = '\0';
  return has_paper_suffix (name, 0, n);
}

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
  return has_paper_suffix (text, start, name_end) || spells_paper_name (text, start, end);
}

/* Page furniture: "责任编辑：X", "2022年11月10日 星期四", "第3版", "淮安地方版". */
gboolean
_sd_seg_find_furniture (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint       digits = 0;

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
  /* "北京日报 李如意 摄" names the paper a photographer works for: a credit */
  if ((is_paper_name (text, u->text_start, u->text_end, u->chars)
       && !_sd_text_has_suffix (text, u->text_start, u->text_end, "摄"))
      || _sd_text_contains (text, u->text_start, u->text_end, "星期")
      || (_sd_text_has_suffix (text, u->text_start, u->text_end, "版") && u->chars <= 6))
    goto found;
  for (gsize pos = u->text_start; pos < u->text_end; pos++)
    digits += g_ascii_isdigit (text[pos]) != 0;
  if (digits * 5 < u->chars * 2)
    return FALSE;
found:
  u->shape = SHAPE_FURNITURE;
  return TRUE;
}
