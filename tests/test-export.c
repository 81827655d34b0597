/* test-export.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sd-export.h"
#include "sd-store.h"

static SdStore *
make_library (char **out_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-test-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (SdStore) store = sd_store_open (path, &error);
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "001_page.txt", "abc", "UTF-8", "text", 4 };
  SdStory *story = sd_story_new ();

  g_assert_no_error (error);
  story->headline = g_strdup ("吴江让新就业群体感受到浓浓温情");
  story->subheadline = g_strdup ("扎实推进工程");
  story->body = g_strdup ("第一段。\n第二段<script>alert(1)</script>。");
  story->kind = SD_STORY_KIND_BRIEF;
  story->place_code = g_strdup ("320509110"); /* a town: city, district and town all set */
  story->source_start = 3;
  story->source_end = 300;
  g_ptr_array_add (stories, story);
  g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));
  g_assert_true (sd_store_add_tag (store, story->id, "新就业群体", &error));
  g_assert_true (sd_store_set_note (store, story->id, "注意\"引号\"", &error));
  g_assert_no_error (error);
  *out_path = g_steal_pointer (&path);
  return g_steal_pointer (&store);
}

static void
test_json_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr (SdStore) store = make_library (&path);
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  SdScope scope = { SD_SCOPE_ALL, NULL, NULL };
  JsonArray *array;
  JsonObject *object, *source;
  JsonArray *tags;

  stories = sd_store_list_full_stories (store, &scope, &error);
  g_assert_no_error (error);
  g_assert_true (sd_export_write (SD_EXPORT_FORMAT_JSON, stories, output, NULL, &error));
  g_assert_true (g_output_stream_close (output, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (
      parser, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)),
      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)), &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);

  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 1);
  source = json_object_get_object_member (object, "source");
  g_assert_cmpstr (json_object_get_string_member (source, "file"), ==, "001_page.txt");
  g_assert_cmpint (json_object_get_int_member (source, "start"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (source, "end"), ==, 300);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "brief");
  g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==,
                   "吴江让新就业群体感受到浓浓温情");
  g_assert_cmpstr (json_object_get_string_member (object, "subheadline"), ==, "扎实推进工程");
  g_assert_true (json_object_get_null_member (object, "reporter"));
  g_assert_true (json_object_get_null_member (object, "byline"));
  g_assert_cmpstr (json_object_get_string_member (object, "body"), ==,
                   "第一段。\n第二段<script>alert(1)</script>。");
  g_assert_cmpstr (json_object_get_string_member (object, "city"), ==, "苏州市");
  g_assert_cmpstr (json_object_get_string_member (object, "district"), ==, "吴江区");
  g_assert_cmpstr (json_object_get_string_member (object, "town"), ==, "黎里镇");
  tags = json_object_get_array_member (object, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "新就业群体");
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "注意\"引号\"");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "new");
}

static void
test_unknown_format (void)
{
  g_autoptr (GError) error = NULL;
  SdExportFormat format;

  g_assert_false (sd_export_format_from_string ("docx", &format, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "docx"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/json/round-trip", test_json_round_trip);
  g_test_add_func ("/export/format/unknown", test_unknown_format);

  return g_test_run ();
}
