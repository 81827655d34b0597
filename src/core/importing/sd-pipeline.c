/* sd-pipeline.c — one page's text in, its stories cut, repaired and placed out
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pipeline"

#include "config.h"

#include "sd-pipeline.h"

#include "sd-gazetteer.h"
#include "sd-import-pacer.h"
#include "sd-segmenter.h"
#include "sd-theme-suggester.h"

#include <string.h>

/* Where a line of the body's prose starts, there and in the body. */
typedef struct
{
  gsize prose;
  gsize body;
} ProseLine;

static void
free_suggestions (gpointer suggestions)
{
  if (suggestions != NULL)
    g_ptr_array_unref (suggestions);
}

/**
 * sd_pipeline_new:
 * @page: a page from sd_page_read_file () or sd_page_read_bytes ()
 *
 * Returns: (transfer full) a pipeline with no step taken
 */
SdPipeline *
sd_pipeline_new (const SdPage *page)
{
  SdPipeline *self;

  g_return_val_if_fail (page != NULL, NULL);

  self = g_new0 (SdPipeline, 1);
  self->page = page;
  return self;
}

void
sd_pipeline_free (SdPipeline *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->stories, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_free (self);
}

/* The one place page-text spans become page-file spans: every segment's,
 * in one ascending pass over the page. */
static gint64 *
map_spans_to_file (const SdPage *page, GPtrArray *segments)
{
  gint64 *offsets = g_new (gint64, segments->len * 2 + 1);

  for (guint i = 0; i < segments->len; i++)
    {
      const SdSegment *segment = g_ptr_array_index (segments, i);

      offsets[2 * i] = segment->start;
      offsets[2 * i + 1] = segment->end;
    }
  sd_page_map_to_file (page, offsets, segments->len * 2);
  return offsets;
}

void
sd_pipeline_segment (SdPipeline *self)
{
  g_return_if_fail (self != NULL && self->segments == NULL);

  self->segments = sd_segmenter_split_page (self->page);
}

void
sd_pipeline_make_stories (SdPipeline *self)
{
  g_autofree gint64 *file_offsets = NULL;

  g_return_if_fail (self != NULL && self->segments != NULL && self->stories == NULL);

  file_offsets = map_spans_to_file (self->page, self->segments);
  self->stories = g_ptr_array_new_full (self->segments->len, (GDestroyNotify) sd_story_unref);
  self->decisions =
      g_ptr_array_new_full (self->segments->len, (GDestroyNotify) sd_place_decision_free);
  for (guint i = 0; i < self->segments->len; i++)
    {
      SdStory *story = sd_story_new_from_segment (g_ptr_array_index (self->segments, i),
                                                  file_offsets[2 * i], file_offsets[2 * i + 1]);

      story->source_file = g_strdup (self->page->basename);
      g_ptr_array_add (self->stories, story);
      g_ptr_array_add (self->decisions, NULL);
    }
}

/* The body without the section heads it holds in place, as places have
 * always been read: a "head" on a real page is often a photo's caption set
 * apart, naming a place the story is not about.  NULL when it holds none;
 * @lines (nullable) gets where each line starts, to map offsets back. */
static char *
dup_prose (const SdStory *story, GArray *lines)
{
  g_autoptr (GString) prose = NULL;
  guint kept = 0;

  if (story->body == NULL || story->section_headings == NULL || story->section_headings->len == 0)
    return NULL;
  prose = g_string_new (NULL);
  for (const char *line = story->body, *end; line != NULL; line = end != NULL ? end + 1 : NULL)
    {
      g_autofree char *text = NULL;

      end = strchr (line, '\n');
      text = end != NULL ? g_strndup (line, end - line) : g_strdup (line);
      if (sd_story_is_section_heading (story, text))
        continue;
      if (kept++ > 0)
        g_string_append_c (prose, '\n');
      if (lines != NULL)
        g_array_append_val (lines, ((ProseLine){ prose->len, line - story->body }));
      g_string_append (prose, text);
    }
  return g_string_free (g_steal_pointer (&prose), FALSE);
}

/* A byte offset into dup_prose ()'s text, in the body. */
static gsize
prose_to_body (GArray *lines, gsize offset)
{
  guint low = 0, high = lines->len;

  if (lines->len == 0)
    return offset;
  /* the last line starting at or before @offset */
  while (high - low > 1)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (lines, ProseLine, mid).prose <= offset)
        low = mid;
      else
        high = mid;
    }
  return g_array_index (lines, ProseLine, low).body + offset
         - g_array_index (lines, ProseLine, low).prose;
}

void
sd_pipeline_place_story (SdPipeline *self, guint i)
{
  const SdStory   *story;
  SdPlaceDecision *decision;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (ProseLine));
  g_autofree char *prose = NULL;

  g_return_if_fail (self != NULL && self->stories != NULL && i < self->stories->len);

  story = g_ptr_array_index (self->stories, i);
  prose = dup_prose (story, lines);
  g_clear_pointer (&g_ptr_array_index (self->decisions, i), sd_place_decision_free);
  decision = sd_place_resolver_resolve (sd_gazetteer_get_default (), story->headline,
                                        prose != NULL ? prose : story->body);
  /* its mentions' offsets are into the body, heads and all */
  for (guint m = 0; m < decision->mentions->len; m++)
    {
      SdPlaceMention *mention = &g_array_index (decision->mentions, SdPlaceMention, m);

      if (mention->field == SD_MENTION_IN_BODY)
        {
          mention->start = prose_to_body (lines, mention->start);
          mention->end = prose_to_body (lines, mention->end);
        }
    }
  g_ptr_array_index (self->decisions, i) = decision;
}

static void
take_decision (SdStory *story, const SdPlaceDecision *decision)
{
  if (decision->place != NULL)
    {
      story->place_code = g_strdup (decision->place->code);
      story->place_confidence = decision->confidence;
    }
  story->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_mention_free);
  for (guint m = 0; m < decision->mentions->len; m++)
    {
      const SdPlaceMention *found = &g_array_index (decision->mentions, SdPlaceMention, m);
      SdMention            *mention = g_new0 (SdMention, 1);

      mention->in_headline = found->field == SD_MENTION_IN_HEADLINE;
      mention->start = found->start;
      mention->end = found->end;
      mention->place_code = g_strdup (found->place->code);
      g_ptr_array_add (story->mentions, mention);
    }
}

void
sd_pipeline_settle_places (SdPipeline *self)
{
  guint                   n;
  g_autofree const char **headlines = NULL;
  g_autofree const char **bodies = NULL;
  g_autoptr (GPtrArray) proses = NULL;

  g_return_if_fail (self != NULL && self->stories != NULL);

  n = self->stories->len;
  headlines = g_new (const char *, n + 1);
  bodies = g_new (const char *, n + 1);
  proses = g_ptr_array_new_full (n, g_free);
  for (guint i = 0; i < n; i++)
    {
      const SdStory *story = g_ptr_array_index (self->stories, i);

      g_return_if_fail (g_ptr_array_index (self->decisions, i) != NULL);
      g_ptr_array_add (proses, dup_prose (story, NULL));
      headlines[i] = story->headline;
      bodies[i] =
          g_ptr_array_index (proses, i) != NULL ? g_ptr_array_index (proses, i) : story->body;
    }
  /* a page of a local paper says 我市 for its home */
  sd_place_resolver_settle_home (sd_gazetteer_get_default (),
                                 (SdPlaceDecision **) self->decisions->pdata,
                                 (const char *const *) headlines, (const char *const *) bodies, n);
  for (guint i = 0; i < n; i++)
    take_decision (g_ptr_array_index (self->stories, i), g_ptr_array_index (self->decisions, i));
}

void
sd_pipeline_suggest_themes (SdPipeline *self, guint i)
{
  const SdStory *story;

  g_return_if_fail (self != NULL && self->stories != NULL && i < self->stories->len);

  if (self->themes == NULL)
    {
      self->themes = g_ptr_array_new_full (self->stories->len, free_suggestions);
      g_ptr_array_set_size (self->themes, self->stories->len);
    }
  story = g_ptr_array_index (self->stories, i);
  g_clear_pointer (&g_ptr_array_index (self->themes, i), g_ptr_array_unref);
  g_ptr_array_index (self->themes, i) = sd_theme_suggester_suggest (
      sd_theme_vocabulary_get_default (), story->headline, story->body, SD_PIPELINE_MAX_THEMES);
}

/**
 * sd_pipeline_run:
 * @page: a page from sd_page_read_file () or sd_page_read_bytes ()
 *
 * Returns: (transfer full) the page's stories; none when the text holds no
 * story
 */
SdPipeline *
sd_pipeline_run (const SdPage *page, SdPipelineFlags flags)
{
  g_autoptr (SdPipeline) self = NULL;

  g_return_val_if_fail (page != NULL, NULL);

  /* an import in the window steps aside between the steps while its main
   * loop is late (sd-import-pacer; nothing elsewhere) */
  self = sd_pipeline_new (page);
  sd_pipeline_segment (self);
  sd_import_pause_point ();
  sd_pipeline_make_stories (self);
  for (guint i = 0; i < self->stories->len; i++)
    {
      sd_import_pause_point ();
      sd_pipeline_place_story (self, i);
    }
  sd_pipeline_settle_places (self);
  if (flags & SD_PIPELINE_THEMES)
    for (guint i = 0; i < self->stories->len; i++)
      sd_pipeline_suggest_themes (self, i);
  return g_steal_pointer (&self);
}
