/* sd-story.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-story.h"

G_DEFINE_BOXED_TYPE (SdStory, sd_story, sd_story_ref, sd_story_unref)

static const char *const status_names[] = {
  [SD_STORY_STATUS_NEW] = "new",
  [SD_STORY_STATUS_REVIEWED] = "reviewed",
  [SD_STORY_STATUS_NEEDS_WORK] = "needs-work",
  [SD_STORY_STATUS_REJECTED] = "rejected",
};

static void
clear_story (SdStory *story)
{
  g_free (story->uuid);
  g_free (story->source_file);
  g_free (story->paper);
  g_free (story->issue_date);
  g_free (story->page_no);
  g_free (story->headline);
  g_free (story->subheadline);
  g_free (story->reporter);
  g_free (story->byline);
  g_free (story->body);
  g_clear_pointer (&story->captions, g_ptr_array_unref);
  g_clear_pointer (&story->section_headings, g_ptr_array_unref);
  g_clear_pointer (&story->repairs, g_ptr_array_unref);
  g_clear_pointer (&story->highlights, g_ptr_array_unref);
  g_clear_pointer (&story->mentions, g_ptr_array_unref);
  g_free (story->place_code);
  g_clear_pointer (&story->tags, g_ptr_array_unref);
  g_free (story->note);
  g_free (story->editor);
  g_free (story->updated);
  g_free (story->trashed);
}

void
sd_highlight_free (SdHighlight *highlight)
{
  if (highlight == NULL)
    return;
  g_free (highlight->quote);
  g_free (highlight->prefix);
  g_free (highlight->suffix);
  g_free (highlight->comment);
  g_free (highlight->editor);
  g_free (highlight->created);
  g_free (highlight);
}

void
sd_mention_free (SdMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->place_code);
  g_free (mention);
}

SdStory *
sd_story_new (void)
{
  SdStory *story = g_rc_box_new0 (SdStory);

  story->tags = g_ptr_array_new_with_free_func (g_free);
  story->note = g_strdup ("");
  return story;
}

SdStory *
sd_story_ref (SdStory *story)
{
  return g_rc_box_acquire (story);
}

void
sd_story_unref (SdStory *story)
{
  g_rc_box_release_full (story, (GDestroyNotify) clear_story);
}

static gpointer
copy_string (gconstpointer string, gpointer unused)
{
  return g_strdup (string);
}

static GPtrArray *
copy_strv_array (GPtrArray *array)
{
  return g_ptr_array_copy (array, copy_string, NULL);
}

/**
 * sd_story_new_from_segment:
 * @file_start: where the segment starts in the page file's bytes
 * @file_end: where it ends
 *
 * The segment's own span is in page-text bytes; the story keeps page-file
 * bytes, which the caller maps (see sd-pipeline.h).
 *
 * Returns: (transfer full) a story not yet stored (id 0, no place)
 */
SdStory *
sd_story_new_from_segment (const SdSegment *segment, gint64 file_start, gint64 file_end)
{
  SdStory *story = sd_story_new ();

  story->source_start = file_start;
  story->source_end = file_end;
  story->kind = segment->kind;
  story->headline = g_strdup (segment->headline);
  story->subheadline = g_strdup (segment->subheadline);
  story->reporter = g_strdup (segment->reporter);
  story->byline = g_strdup (segment->byline);
  story->body = sd_segment_dup_body (segment);
  story->captions = copy_strv_array (segment->captions);
  story->section_headings = copy_strv_array (segment->section_headings);
  story->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  for (guint i = 0; i < segment->repairs->len; i++)
    {
      const SdRepair *repair = g_ptr_array_index (segment->repairs, i);
      g_ptr_array_add (story->repairs,
                       sd_repair_new (repair->kind, repair->start, repair->end, repair->detail));
    }
  story->truncated = segment->truncated;
  return story;
}

const char *
sd_story_status_to_string (SdStoryStatus status)
{
  g_return_val_if_fail (status <= SD_STORY_STATUS_REJECTED, NULL);
  return status_names[status];
}

gboolean
sd_story_status_from_string (const char *text, SdStoryStatus *out_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *out_status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * sd_story_is_section_heading:
 * @paragraph: a line of @story's body
 *
 * A body holds the story's section heads where they stand, each a paragraph
 * equal to one of section_headings (one stored before it did holds none;
 * see sd-story.h).
 *
 * Returns: whether @paragraph is a section head of @story
 */
gboolean
sd_story_is_section_heading (const SdStory *story, const char *paragraph)
{
  g_return_val_if_fail (story != NULL && paragraph != NULL, FALSE);

  for (guint i = 0; story->section_headings != NULL && i < story->section_headings->len; i++)
    if (g_str_equal (paragraph, g_ptr_array_index (story->section_headings, i)))
      return TRUE;
  return FALSE;
}

const char *
sd_story_status_to_label (SdStoryStatus status)
{
  switch (status)
    {
    case SD_STORY_STATUS_NEW:
      return _("New");
    case SD_STORY_STATUS_REVIEWED:
      return _("Reviewed");
    case SD_STORY_STATUS_NEEDS_WORK:
      return _("Needs work");
    case SD_STORY_STATUS_REJECTED:
      return _("Rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
sd_story_dup_title (const SdStory *story)
{
  const char *text = NULL;

  if (story->headline != NULL && *story->headline != '\0')
    return g_strdup (story->headline);
  if (story->captions != NULL && story->captions->len > 0)
    text = g_ptr_array_index (story->captions, 0);
  else if (story->body != NULL)
    text = story->body;
  if (text == NULL || *text == '\0')
    return g_strdup (_("(untitled)"));

  /* Twenty characters are enough to recognise an untitled photo item. */
  {
    const char *end = text;
    for (guint i = 0; i < 20 && *end != '\0' && *end != '\n'; i++)
      end = g_utf8_next_char (end);
    return g_strdup_printf ("%.*s…", (int) (end - text), text);
  }
}
