/* sd-segment.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-segment"

#include "config.h"

#include "sd-segment.h"

static const char *const kind_names[] = {
  [SD_STORY_KIND_NEWS] = "news",
  [SD_STORY_KIND_BRIEF] = "brief",
  [SD_STORY_KIND_PHOTO] = "photo",
  [SD_STORY_KIND_CONTINUATION] = "continuation",
};

static const char *const repair_names[] = {
  [SD_REPAIR_JOINED_BREAK] = "joined-break",
  [SD_REPAIR_DROPPED_DUPLICATE] = "dropped-duplicate",
  [SD_REPAIR_DROPPED_FRAGMENT] = "dropped-fragment",
  [SD_REPAIR_MOVED_CAPTION] = "moved-caption",
  [SD_REPAIR_SPLIT_BYLINE] = "split-byline",
  [SD_REPAIR_TRUNCATED] = "truncated",
  [SD_REPAIR_DROPPED_MARK] = "dropped-mark",
};

const char *
sd_story_kind_to_string (SdStoryKind kind)
{
  g_return_val_if_fail (kind <= SD_STORY_KIND_CONTINUATION, NULL);
  return kind_names[kind];
}

gboolean
sd_story_kind_from_string (const char *text, SdStoryKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sd_repair_kind_to_string (SdRepairKind kind)
{
  g_return_val_if_fail (kind <= SD_REPAIR_LAST, NULL);
  return repair_names[kind];
}

SdSegment *
sd_segment_new (void)
{
  SdSegment *segment = g_new0 (SdSegment, 1);

  segment->section_headings = g_ptr_array_new_with_free_func (g_free);
  segment->paragraphs = g_ptr_array_new_with_free_func (g_free);
  segment->captions = g_ptr_array_new_with_free_func (g_free);
  segment->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  return segment;
}

void
sd_segment_free (SdSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->headline);
  g_free (segment->subheadline);
  g_free (segment->reporter);
  g_free (segment->byline);
  g_ptr_array_unref (segment->section_headings);
  g_ptr_array_unref (segment->paragraphs);
  g_ptr_array_unref (segment->captions);
  g_ptr_array_unref (segment->repairs);
  g_free (segment);
}

SdRepair *
sd_repair_new (SdRepairKind kind, gsize start, gsize end, const char *detail)
{
  SdRepair *repair = g_new0 (SdRepair, 1);

  repair->kind = kind;
  repair->start = start;
  repair->end = end;
  repair->detail = g_strdup (detail);
  return repair;
}

void
sd_repair_free (SdRepair *repair)
{
  if (repair == NULL)
    return;
  g_free (repair->detail);
  g_free (repair);
}

/**
 * sd_segment_dup_body:
 *
 * Returns: (transfer full) the paragraphs joined by "\n".
 */
char *
sd_segment_dup_body (const SdSegment *segment)
{
  g_autoptr (GString) body = g_string_new (NULL);

  for (guint i = 0; i < segment->paragraphs->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (segment->paragraphs, i));
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}
