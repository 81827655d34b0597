/* sd-news-leads.c — a title its news lead restates opens a story
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  On a page about one place every story names
 * the page's county, so a new story's title and lead share many words with
 * the story above and the boundary scorer takes the title for a section
 * head ("常州高新区18个重大项目集中开工 总投资80亿元" over "9月27日,常州高新
 * 区…总投资80亿元的18个重大项目…", b23).  What tells it from one is the
 * lead under it: a news lead opens as news does (近日, a date) and restates
 * its headline; a section's text goes on from the story's own words.
 * Measured on the candidate titles the scorer weighs on b1–b28: of those
 * after a sentence's end whose lead opens so and repeats half the title's
 * word pairs or more, 35 open a story and 3 head a section; a lead that
 * opens so repeating less, or a title echoed as much under a lead of no such
 * opening, says little (69 stories to 43 sections after a sentence's end).
 * A story that has headed a section plainly already heads its sections
 * so: there the scorer still weighs the title (城西街道头营社区的集装箱街区
 * over 近期,城西街道头营社区的集…, after 城西街道体育公园项目, b25).
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

/* share of the title's Han bigrams the first 200 characters of its lead repeat */
#define NEWS_LEAD_ECHO 0.5

gboolean
_sd_seg_news_lead_restates (SdSegPage *page, guint i, guint lead)
{
  if (lead == NONE || !_sd_seg_unit_at (page, i - 1)->ends_sentence)
    return FALSE;
  return _sd_seg_starts_with_opener (page, _sd_seg_unit_at (page, lead))
         && _sd_seg_measure_title_echo (page, i, lead) >= NEWS_LEAD_ECHO;
}
