/* sd-cut-leads.c — a lead's first line set apart, taken for a title
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  A page a paragraph a line may still hold a
 * paragraph broken where the printed line broke, its first line a line of
 * its own: short, no sentence end, a title by its shape ("清明小长假首日,
 * 骆马湖国家级旅游度假区春和景" over "明、游人如织,…", b17; "22日上午,海陵
 * 区…开展关爱老人活" over "动,组织…", b16).  A title may hold a comma,
 * but the text under a title opens a sentence of its own; text that goes
 * on mid-sentence at once, one character and a clause mark, says the line
 * above it was cut.  On a page in columns sd-column-lines.c reads the
 * edge; this pass needs none.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

static gboolean
holds_comma (SdSegPage *page, SdSegUnit *u)
{
  return _sd_text_contains (page->text, u->text_start, u->text_end, ",")
         || _sd_text_contains (page->text, u->text_start, u->text_end, "，");
}

/* "明、游人如织": one character and a 、 of a list going on; not a
 * numbered part (一、…) */
static gboolean
goes_on_in_list (SdSegPage *page, SdSegUnit *next)
{
  const char *text = page->text;
  gunichar    first = _sd_text_first_char (text, next->text_start, next->text_end);
  gsize second = next->text_start < next->text_end ? _sd_seg_skip_char (text, next->text_start)
                                                   : next->text_end;

  return _sd_text_is_han (first) && !_sd_seg_char_in ("一二三四五六七八九十", first)
         && _sd_text_first_char (text, second, next->text_end) == 0x3001 /* 、 */;
}

void
_sd_seg_find_cut_leads (SdSegPage *page)
{
  for (guint i = 0; i + 1 < page->units->len; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *next = _sd_seg_unit_at (page, i + 1);

      /* cut mid-word, it ends in a Han character, not in a title's !, ?
       * or …… (小长假里的泗阳,精彩无限! over a line OCR lost the start of) */
      if (!u->title || u->md_level > 0 || u->bold || u->dash_start || u->dash_end
          || !holds_comma (page, u)
          || !_sd_text_is_han (_sd_text_last_char (page->text, u->text_start, u->text_end)))
        continue;
      if (next->shape != SHAPE_TEXT || next->title || next->news_lead || next->md_level > 0
          || !(_sd_seg_continues_sentence (page, next) || goes_on_in_list (page, next)))
        continue;
      u->title = FALSE;
      u->section_shape = FALSE;
    }
}
