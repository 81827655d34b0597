/* sd-untitled.c — items printed with no title and no byline before them
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  A page of briefs may set an item with no
 * title straight under the last sentence of the story above, with no
 * byline to close it (a story's last sentence, then "18日中午,崇川区
 * 学田南路…").  Such an item opens as a dated lead does and names its own
 * places and people: its words are not the story's.  (An undated opening,
 * "金秋时节,…", is not taken: no rule for it has held across batches.)
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

/* Measured on the real pages b1–b24 over every paragraph after a finished
 * sentence in a story with no byline yet: of the dated leads there with
 * three paragraphs above them, the items printed with no title share
 * under 6 % of their bigrams with the story above (2009年8月19日,镇江市
 * 润州区…: 3 %; 18日中午,崇川区…: 5 %), the story's own dated paragraphs
 * 6 % or more ("连日来,…": 7 %), but for a photo's caption set over the
 * next title, which the check on the line under it leaves alone. */
#define COHESION_UNTITLED 6
/* a story's first paragraphs still set its scene, in words of their own */
#define UNTITLED_MIN_PARAGRAPHS 3

gboolean
_sd_seg_opens_untitled_item (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (i == 0 || u->role != ROLE_BODY || u->title || !story->has_body || story->ended
      || !u->ends_sentence || !_sd_seg_unit_at (page, i - 1)->ends_sentence
      || _sd_seg_is_photo_caption (page, i) || !_sd_seg_starts_with_dated_lead (page, u))
    return FALSE;
  /* the item goes on in text or ends the page; a dated line straight above a title is
   * more likely that title's photo caption (3月26日,游客在…(无人机拍摄)。) */
  if (i + 1 < page->units->len && _sd_seg_unit_at (page, i + 1)->title)
    return FALSE;
  return _sd_seg_count_paragraphs_above (page, story, i, UNTITLED_MIN_PARAGRAPHS)
             >= UNTITLED_MIN_PARAGRAPHS
         && _sd_seg_measure_lead_cohesion (page, story, i, i) < COHESION_UNTITLED;
}
