/* sd-export.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sd-export.h"
#include "sd-gazetteer.h"

G_DEFINE_QUARK (sd-export-error-quark, sd_export_error)

gboolean
sd_export_format_from_string (const char *name, SdExportFormat *out_format, GError **error)
{
  if (g_strcmp0 (name, "json") == 0)
    {
      *out_format = SD_EXPORT_FORMAT_JSON;
      return TRUE;
    }
  g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("Unknown export format “%s” (known: json)"), name != NULL ? name : "");
  return FALSE;
}

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
add_story (JsonBuilder *builder, SdGazetteer *gazetteer, const SdStory *story)
{
  const SdPlace *place = NULL, *city = NULL, *district = NULL, *town = NULL;
  g_autofree char *body = NULL;

  if (story->place_code != NULL)
    place = sd_gazetteer_lookup (gazetteer, story->place_code);
  if (place != NULL)
    sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, story->id);

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "file", story->source_file);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, story->source_start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, story->source_end);
  json_builder_end_object (builder);

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
  add_nullable_string (builder, "note", story->note != NULL ? story->note : "");
  add_nullable_string (builder, "status", sd_story_status_to_string (story->status));
  add_nullable_string (builder, "editor", story->editor);
  add_nullable_string (builder, "updated", story->updated);
  json_builder_end_object (builder);
}

static gboolean
write_json (GPtrArray *stories, GOutputStream *output, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  SdGazetteer *gazetteer = sd_gazetteer_get_default ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < stories->len; i++)
    add_story (builder, gazetteer, g_ptr_array_index (stories, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  if (!json_generator_to_stream (generator, output, cancellable, error))
    return FALSE;
  return g_output_stream_write_all (output, "\n", 1, NULL, cancellable, error);
}

gboolean
sd_export_write (SdExportFormat format, GPtrArray *stories, GOutputStream *output,
                 GCancellable *cancellable, GError **error)
{
  switch (format)
    {
    case SD_EXPORT_FORMAT_JSON:
      return write_json (stories, output, cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
