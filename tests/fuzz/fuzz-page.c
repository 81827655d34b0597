/* fuzz-page.c — the page import pipeline, minus SQLite, on arbitrary bytes
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the bytes as a page file and runs sd_pipeline_run (), which
 * sd_importer_import_file () runs too, with theme suggestions on; checks
 * what comes out against the contracts in the core headers.
 */
#define G_LOG_DOMAIN "fuzz-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sd-fuzz.h"
#include "sd-gazetteer.h"
#include "sd-pipeline.h"
#include "sd-theme-suggester.h"

static void
check_page (const SdPage *page, gsize size)
{
  SD_FUZZ_CHECK (page->text != NULL, "no text");
  SD_FUZZ_CHECK (page->text[page->length] == '\0', "text not NUL-terminated at its length");
  SD_FUZZ_CHECK (memchr (page->text, '\0', page->length) == NULL, "NUL inside the text");
  SD_FUZZ_CHECK (g_utf8_validate_len (page->text, page->length, NULL), "text is not UTF-8 (%s)",
                 page->encoding);
  SD_FUZZ_CHECK (page->file_size == size, "file_size %zu, input %zu", page->file_size, size);
  SD_FUZZ_CHECK (page->bom_length <= size, "BOM of %zu bytes in %zu", page->bom_length, size);
  SD_FUZZ_CHECK (
      g_strv_contains ((const char *const[]){ "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", NULL },
                       page->encoding),
      "unknown encoding %s", page->encoding);
  SD_FUZZ_CHECK (page->checksum != NULL && strlen (page->checksum) == 64, "bad checksum");
}

static void
check_lines (GPtrArray *lines, const char *what)
{
  SD_FUZZ_CHECK (lines != NULL, "%s is NULL", what);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      SD_FUZZ_CHECK (line != NULL, "%s[%u] is NULL", what, i);
      SD_FUZZ_CHECK_UTF8 (line, what);
    }
}

static void
check_segment (const SdPage *page, const SdSegment *segment, guint index, gsize previous_start)
{
  SD_FUZZ_CHECK (segment->start < segment->end && segment->end <= page->length,
                 "segment %u spans %zu..%zu of a %zu-byte text", index, segment->start,
                 segment->end, page->length);
  /* The header promises the stories in page order. */
  SD_FUZZ_CHECK (segment->start >= previous_start, "segment %u starts at %zu, before %zu", index,
                 segment->start, previous_start);
  SD_FUZZ_CHECK (segment->kind <= SD_STORY_KIND_CONTINUATION, "segment %u kind %d", index,
                 segment->kind);
  SD_FUZZ_CHECK_UTF8 (segment->headline, "headline");
  SD_FUZZ_CHECK_UTF8 (segment->subheadline, "subheadline");
  SD_FUZZ_CHECK_UTF8 (segment->reporter, "reporter");
  SD_FUZZ_CHECK_UTF8 (segment->byline, "byline");
  check_lines (segment->section_headings, "section heading");
  check_lines (segment->paragraphs, "paragraph");
  check_lines (segment->captions, "caption");

  SD_FUZZ_CHECK (segment->repairs != NULL, "repairs is NULL");
  for (guint i = 0; i < segment->repairs->len; i++)
    {
      const SdRepair *repair = g_ptr_array_index (segment->repairs, i);

      SD_FUZZ_CHECK (repair->kind <= SD_REPAIR_LAST, "repair kind %d", repair->kind);
      SD_FUZZ_CHECK (repair->start <= repair->end && repair->end <= page->length,
                     "segment %u repair %u (%s) spans %zu..%zu of a %zu-byte text", index, i,
                     sd_repair_kind_to_string (repair->kind), repair->start, repair->end,
                     page->length);
      SD_FUZZ_CHECK_UTF8 (repair->detail, "repair detail");
    }
}

static void
check_mentions (const SdPlaceDecision *decision, const char *headline, const char *body)
{
  gsize field_length[] = {
    [SD_MENTION_IN_HEADLINE] = headline != NULL ? strlen (headline) : 0,
    [SD_MENTION_IN_BODY] = body != NULL ? strlen (body) : 0,
  };
  const char *field_text[] = {
    [SD_MENTION_IN_HEADLINE] = headline,
    [SD_MENTION_IN_BODY] = body,
  };

  SD_FUZZ_CHECK (decision != NULL, "no decision");
  SD_FUZZ_CHECK (decision->confidence >= 0.0 && decision->confidence <= 1.0, "confidence %g",
                 decision->confidence);
  SD_FUZZ_CHECK (decision->place == NULL || decision->place->code != NULL, "place without code");
  SD_FUZZ_CHECK (decision->mentions != NULL, "mentions is NULL");
  for (guint i = 0; i < decision->mentions->len; i++)
    {
      const SdPlaceMention *mention = &g_array_index (decision->mentions, SdPlaceMention, i);
      gsize                 length;

      SD_FUZZ_CHECK (mention->field <= SD_MENTION_IN_BODY, "mention %u field %d", i,
                     mention->field);
      length = field_length[mention->field];
      SD_FUZZ_CHECK (mention->start < mention->end && mention->end <= length,
                     "mention %u spans %zu..%zu of a %zu-byte field", i, mention->start,
                     mention->end, length);
      /* A mention cut inside a character would show as mojibake. */
      SD_FUZZ_CHECK (g_utf8_validate_len (field_text[mention->field] + mention->start,
                                          mention->end - mention->start, NULL),
                     "mention %u at %zu..%zu splits a character", i, mention->start, mention->end);
      SD_FUZZ_CHECK (mention->place != NULL && mention->place->name != NULL,
                     "mention %u has no place", i);
    }
}

static void
check_themes (GPtrArray *suggestions)
{
  SD_FUZZ_CHECK (suggestions != NULL, "no suggestions array");
  SD_FUZZ_CHECK (suggestions->len <= SD_PIPELINE_MAX_THEMES, "%u suggestions", suggestions->len);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const SdThemeSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      SD_FUZZ_CHECK (suggestion->theme != NULL, "suggestion %u has no theme", i);
      SD_FUZZ_CHECK (isfinite (suggestion->score)
                         && suggestion->score >= SD_THEME_SUGGESTION_THRESHOLD,
                     "suggestion %u scores %g", i, suggestion->score);
      if (i > 0)
        SD_FUZZ_CHECK (((const SdThemeSuggestion *) g_ptr_array_index (suggestions, i - 1))->score
                           >= suggestion->score,
                       "suggestions not best first at %u", i);
      SD_FUZZ_CHECK (suggestion->evidence != NULL && suggestion->evidence->len > 0,
                     "suggestion %u has no evidence", i);
      for (guint e = 0; e < suggestion->evidence->len; e++)
        {
          const SdThemeEvidence *evidence = g_ptr_array_index (suggestion->evidence, e);

          SD_FUZZ_CHECK (evidence->keyword != NULL && evidence->count > 0,
                         "suggestion %u evidence %u is empty", i, e);
          SD_FUZZ_CHECK_UTF8 (evidence->keyword, "keyword");
        }
    }
}

/* The pipeline maps story spans to file bytes; ascending spans must stay
 * ascending and inside the file. */
static void
check_file_span (const SdPage *page, const SdStory *story, guint index)
{
  SD_FUZZ_CHECK (story->source_start >= 0 && story->source_start <= story->source_end
                     && (gsize) story->source_end <= page->file_size,
                 "story %u maps to file bytes %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT " of %zu",
                 index, story->source_start, story->source_end, page->file_size);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  sd_fuzz_make_criticals_fatal ();
  /* Loaded once, as in the app; not part of any one input's cost. */
  sd_gazetteer_get_default ();
  sd_theme_vocabulary_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = NULL;
  g_autoptr (SdPipeline) pipeline = NULL;
  gsize previous_start = 0;

  page = sd_page_read_bytes ("fuzz.txt", bytes, &error);
  if (page == NULL)
    {
      SD_FUZZ_CHECK_REFUSAL (error, SD_PAGE_READER_ERROR);
      return 0;
    }
  SD_FUZZ_CHECK (error == NULL, "page read but error set: %s", error->message);
  check_page (page, size);

  pipeline = sd_pipeline_run (page, SD_PIPELINE_THEMES);
  SD_FUZZ_CHECK (pipeline->segments != NULL, "segmenter returned NULL");
  SD_FUZZ_CHECK (pipeline->stories->len == pipeline->segments->len
                     && pipeline->decisions->len == pipeline->stories->len,
                 "%u segments, %u stories, %u decisions", pipeline->segments->len,
                 pipeline->stories->len, pipeline->decisions->len);
  for (guint i = 0; i < pipeline->segments->len; i++)
    {
      const SdSegment *segment = g_ptr_array_index (pipeline->segments, i);
      const SdStory   *story = g_ptr_array_index (pipeline->stories, i);

      check_segment (page, segment, i, previous_start);
      previous_start = segment->start;
      check_mentions (g_ptr_array_index (pipeline->decisions, i), story->headline, story->body);
      SD_FUZZ_CHECK (story->mentions != NULL, "story %u has no mentions array", i);
      check_themes (g_ptr_array_index (pipeline->themes, i));
      check_file_span (page, story, i);
    }
  return 0;
}
