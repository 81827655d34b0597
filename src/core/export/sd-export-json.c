/* sd-export-json.c — the JSON export: every field of every story, the
 * format Storydesk reads back
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sd-export-private.h"

static void
add_string_array (JsonBuilder *builder, const char *member, GPtrArray *array)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; array != NULL && i < array->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (array, i));
  json_builder_end_array (builder);
}

static void
add_nullable_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_highlights (JsonBuilder *builder, GPtrArray *highlights)
{
  json_builder_set_member_name (builder, "highlights");
  json_builder_begin_array (builder);
  for (guint i = 0; highlights != NULL && i < highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (highlights, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "quote", highlight->quote != NULL ? highlight->quote : "");
      add_int (builder, "start", highlight->start);
      add_int (builder, "end", highlight->end);
      add_nullable_string (builder, "comment",
                           highlight->comment != NULL ? highlight->comment : "");
      add_nullable_string (builder, "prefix", highlight->prefix != NULL ? highlight->prefix : "");
      add_nullable_string (builder, "suffix", highlight->suffix != NULL ? highlight->suffix : "");
      add_nullable_string (builder, "editor", highlight->editor);
      add_nullable_string (builder, "created", highlight->created);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Only the story's tags that have a colour: "tags" stays a list of names. */
static void
add_tag_colors (JsonBuilder *builder, const SdStory *story, const SdExportOptions *options)
{
  json_builder_set_member_name (builder, "tag_colors");
  json_builder_begin_object (builder);
  for (guint i = 0; story->tags != NULL && i < story->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (story->tags, i);
      const char *color = _sd_export_get_tag_color (options, tag);

      if (color != NULL)
        {
          json_builder_set_member_name (builder, tag);
          json_builder_add_string_value (builder, color);
        }
    }
  json_builder_end_object (builder);
}

static void
add_story (JsonBuilder *builder, const SdStory *story, const SdExportOptions *options)
{
  const SdPlace *city, *district, *town;

  _sd_export_get_place (story, &city, &district, &town);

  json_builder_begin_object (builder);
  add_int (builder, "id", story->id);
  add_nullable_string (builder, "uuid", story->uuid);

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "file", story->source_file);
  add_int (builder, "start", story->source_start);
  add_int (builder, "end", story->source_end);
  json_builder_end_object (builder);
  add_nullable_string (builder, "paper", story->paper);
  add_nullable_string (builder, "date", story->issue_date);
  add_nullable_string (builder, "page", story->page_no);

  add_nullable_string (builder, "kind", sd_story_kind_to_string (story->kind));
  add_nullable_string (builder, "headline", story->headline);
  add_nullable_string (builder, "subheadline", story->subheadline);
  add_nullable_string (builder, "reporter", story->reporter);
  add_nullable_string (builder, "byline", story->byline);
  add_string_array (builder, "section_headings", story->section_headings);
  add_nullable_string (builder, "body", story->body != NULL ? story->body : "");
  add_string_array (builder, "captions", story->captions);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, story->truncated);

  add_nullable_string (builder, "place_code", story->place_code);
  add_nullable_string (builder, "city", city != NULL ? city->name : NULL);
  add_nullable_string (builder, "district", district != NULL ? district->name : NULL);
  add_nullable_string (builder, "town", town != NULL ? town->name : NULL);
  json_builder_set_member_name (builder, "place_confidence");
  json_builder_add_double_value (builder, story->place_confidence);
  json_builder_set_member_name (builder, "place_by_editor");
  json_builder_add_boolean_value (builder, story->place_by_editor);

  add_string_array (builder, "tags", story->tags);
  add_tag_colors (builder, story, options);
  add_nullable_string (builder, "note", story->note != NULL ? story->note : "");
  add_nullable_string (builder, "status", sd_story_status_to_string (story->status));
  add_nullable_string (builder, "editor", story->editor);
  add_nullable_string (builder, "updated", story->updated);
  add_highlights (builder, story->highlights);
  json_builder_end_object (builder);
}

/* One story as the pretty array of all of them holds it: the story is put
 * in an array of its own, printed at the same depth, and the array's
 * brackets cut off. */
static char *
dup_story_text (const SdStory *story, const SdExportOptions *options)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize            length = 0;

  json_builder_begin_array (builder);
  add_story (builder, story, options);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  /* "[\n" … "\n]" */
  return g_strndup (text + 2, length - 4);
}

static void
add_story_text (GString *out, const SdStory *story, guint index, gpointer options)
{
  g_autofree char *text = dup_story_text (story, options);

  g_string_append (out, index == 0 ? "\n" : ",\n");
  g_string_append (out, text);
}

/* The full record, whatever the options ask: JSON is the format Storydesk
 * reads back (sd-json-import.c).  Written a story at a time, as
 * json-glib prints the whole array. */
gboolean
_sd_export_write_json (SdExportSource        *stories,
                       const SdExportOptions *options,
                       GOutputStream         *output,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr (GString) out = g_string_new ("[");

  if (!_sd_export_write_each (stories, options, out, add_story_text, (gpointer) options, output,
                              cancellable, error))
    return FALSE;
  g_string_append (out, _sd_export_source_get_total (stories) == 0 ? "]\n" : "\n]\n");
  return _sd_export_flush (output, out, TRUE, cancellable, error);
}
