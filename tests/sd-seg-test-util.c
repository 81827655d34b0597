/* sd-seg-test-util.c — what the segmenter's tests share: a page cut, a
 * story found by its headline, its body and captions checked
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-seg-test-util.h"

/* @page cut into stories. */
GPtrArray *
sd_test_cut (const char *page)
{
  return sd_segmenter_split (page, strlen (page));
}

/* The story of @segments headed @headline; the test fails without one. */
SdSegment *
sd_test_story_headed (GPtrArray *segments, const char *headline)
{
  for (guint i = 0; i < segments->len; i++)
    if (g_strcmp0 (((SdSegment *) g_ptr_array_index (segments, i))->headline, headline) == 0)
      return g_ptr_array_index (segments, i);
  g_error ("no story headed “%s”", headline);
  return NULL;
}

/* Whether the body of @segment opens with @prefix and closes with @suffix
 * (either nullable). */
gboolean
sd_test_body_has (SdSegment *segment, const char *prefix, const char *suffix)
{
  g_autofree char *body = sd_segment_dup_body (segment);

  if (prefix != NULL && !g_str_has_prefix (body, prefix))
    g_test_message ("body “%.60s…” does not open with “%s”", body, prefix);
  else if (suffix != NULL && !g_str_has_suffix (body, suffix))
    g_test_message ("body “…%s” does not close with “%s”", body + MAX (strlen (body), 60) - 60,
                    suffix);
  else
    return TRUE;
  return FALSE;
}

/* Cuts @page into @n stories and checks that the one headed @headline (the
 * first when NULL) opens with @prefix. */
void
sd_test_assert_cut (const char *page, guint n, const char *headline, const char *prefix)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (page);

  g_assert_cmpuint (segments->len, ==, n);
  g_assert_true (sd_test_body_has (headline != NULL ? sd_test_story_headed (segments, headline)
                                                    : g_ptr_array_index (segments, 0),
                                   prefix, NULL));
}

/* The one story @page is cut into: headed @headline (any when NULL), its
 * body opening with @prefix (nullable), reported by @reporter (not asked
 * when NULL). */
SdSegment *
sd_test_only_story (GPtrArray  *segments,
                    const char *headline,
                    const char *prefix,
                    const char *reporter)
{
  SdSegment *story;

  g_assert_cmpuint (segments->len, ==, 1);
  story = g_ptr_array_index (segments, 0);
  if (headline != NULL)
    g_assert_cmpstr (story->headline, ==, headline);
  g_assert_true (sd_test_body_has (story, prefix, NULL));
  if (reporter != NULL)
    g_assert_cmpstr (story->reporter, ==, reporter);
  return story;
}

/* The one photo caption of @story opens with @prefix. */
void
sd_test_assert_one_caption (SdSegment *story, const char *prefix)
{
  g_assert_cmpuint (story->captions->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (story->captions, 0), prefix));
}
