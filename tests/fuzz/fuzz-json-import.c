/* fuzz-json-import.c — the JSON export reader on arbitrary bytes
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export comes back from other people's disks and editors: whatever
 * sd_json_import_parse() accepts goes straight into the library, so every
 * story it returns must be one the store and the UI can take as it is.
 */
#define G_LOG_DOMAIN "fuzz-json-import"

#include "config.h"

#include <string.h>

#include "sd-fuzz.h"
#include "sd-gazetteer.h"
#include "sd-json-import.h"
#include "sd-story.h"

static void
check_lines (GPtrArray *lines, const char *what)
{
  if (lines == NULL)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      SD_FUZZ_CHECK (line != NULL, "%s[%u] is NULL", what, i);
      SD_FUZZ_CHECK_UTF8 (line, what);
      SD_FUZZ_CHECK (strchr (line, '\n') == NULL, "%s[%u] is more than one line", what, i);
    }
}

static void
check_time (const char *text, const char *what)
{
  g_autoptr (GDateTime) time = NULL;

  if (text == NULL)
    return;
  time = g_date_time_new_from_iso8601 (text, NULL);
  SD_FUZZ_CHECK (time != NULL, "%s “%s” is not ISO 8601", what, text);
}

static void
check_highlights (const SdStory *story, guint index)
{
  glong body_chars = g_utf8_strlen (story->body, -1);

  SD_FUZZ_CHECK (story->highlights != NULL, "story %u has no highlights array", index);
  for (guint i = 0; i < story->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);

      SD_FUZZ_CHECK (highlight->start >= 0 && highlight->start < highlight->end
                         && highlight->end <= body_chars,
                     "story %u highlight %u spans characters %" G_GINT64_FORMAT
                     "..%" G_GINT64_FORMAT " of %ld",
                     index, i, highlight->start, highlight->end, body_chars);
      SD_FUZZ_CHECK (highlight->quote != NULL && highlight->prefix != NULL
                         && highlight->suffix != NULL && highlight->comment != NULL,
                     "story %u highlight %u has a NULL text", index, i);
      SD_FUZZ_CHECK_UTF8 (highlight->quote, "highlight quote");
      SD_FUZZ_CHECK_UTF8 (highlight->prefix, "highlight prefix");
      SD_FUZZ_CHECK_UTF8 (highlight->suffix, "highlight suffix");
      SD_FUZZ_CHECK_UTF8 (highlight->comment, "highlight comment");
      SD_FUZZ_CHECK_UTF8 (highlight->editor, "highlight editor");
      check_time (highlight->created, "highlight time");
    }
}

static void
check_story (const SdStory *story, guint index)
{
  SD_FUZZ_CHECK (story != NULL, "story %u is NULL", index);
  SD_FUZZ_CHECK (story->body != NULL, "story %u has no body", index);
  SD_FUZZ_CHECK_UTF8 (story->body, "body");
  SD_FUZZ_CHECK_UTF8 (story->headline, "headline");
  SD_FUZZ_CHECK_UTF8 (story->subheadline, "subheadline");
  SD_FUZZ_CHECK_UTF8 (story->reporter, "reporter");
  SD_FUZZ_CHECK_UTF8 (story->byline, "byline");
  SD_FUZZ_CHECK_UTF8 (story->editor, "editor");
  SD_FUZZ_CHECK (story->note != NULL, "story %u has a NULL note", index);
  SD_FUZZ_CHECK_UTF8 (story->note, "note");
  SD_FUZZ_CHECK (story->source_file != NULL && *story->source_file != '\0',
                 "story %u has no source file", index);
  SD_FUZZ_CHECK_UTF8 (story->source_file, "source file");
  SD_FUZZ_CHECK (story->source_start >= 0 && story->source_start <= story->source_end,
                 "story %u source %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, index,
                 story->source_start, story->source_end);
  SD_FUZZ_CHECK (story->kind <= SD_STORY_KIND_CONTINUATION, "story %u kind %d", index, story->kind);
  SD_FUZZ_CHECK (story->status <= SD_STORY_STATUS_REJECTED, "story %u status %d", index,
                 story->status);
  SD_FUZZ_CHECK (story->place_confidence >= 0.0 && story->place_confidence <= 1.0,
                 "story %u place confidence %g", index, story->place_confidence);
  SD_FUZZ_CHECK (story->place_code == NULL
                     || sd_gazetteer_lookup (sd_gazetteer_get_default (), story->place_code)
                            != NULL,
                 "story %u place %s unknown", index, story->place_code);
  check_lines (story->captions, "caption");
  check_lines (story->section_headings, "section heading");
  check_time (story->updated, "updated");

  SD_FUZZ_CHECK (story->tags != NULL, "story %u has no tags array", index);
  for (guint i = 0; i < story->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (story->tags, i);

      SD_FUZZ_CHECK (tag != NULL && *tag != '\0', "story %u tag %u is empty", index, i);
      SD_FUZZ_CHECK_UTF8 (tag, "tag");
      /* The store joins tags with U+001F. */
      SD_FUZZ_CHECK (strchr (tag, '\x1f') == NULL, "story %u tag %u holds U+001F", index, i);
      for (guint j = 0; j < i; j++)
        SD_FUZZ_CHECK (!g_str_equal (tag, g_ptr_array_index (story->tags, j)),
                       "story %u tag “%s” twice", index, tag);
    }
  check_highlights (story, index);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  sd_fuzz_make_criticals_fatal ();
  sd_gazetteer_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = NULL;

  stories = sd_json_import_parse ("fuzz.json", (const char *) data, size, &error);
  if (stories == NULL)
    {
      SD_FUZZ_CHECK_REFUSAL (error, SD_JSON_IMPORT_ERROR);
      return 0;
    }
  SD_FUZZ_CHECK (error == NULL, "stories read but error set: %s", error->message);
  SD_FUZZ_CHECK (stories->len > 0, "an empty export accepted");
  for (guint i = 0; i < stories->len; i++)
    check_story (g_ptr_array_index (stories, i), i);
  return 0;
}
