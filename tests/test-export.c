/* test-export.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sd-export.h"
#include "sd-json-import.h"
#include "sd-store.h"
#include "sd-test-util.h"

static SdStore *
make_library (char **out_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (SdStore) store = sd_test_open_library (&path);
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "001_page.txt", "abc", "UTF-8", "text", 4 };
  SdStory     *story = sd_story_new ();

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
  SdScope     scope = { SD_SCOPE_ALL, NULL, NULL };
  JsonArray  *array;
  JsonObject *object, *source;
  JsonArray  *tags;

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
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "uuid")));
  g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==,
                   ((SdStory *) g_ptr_array_index (stories, 0))->uuid);
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

  g_assert_false (sd_export_format_from_string ("odt", &format, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "odt"));
}

/* A story made by hand, with what editors add: no library needed. */
static SdStory *
make_story (gint64 id, const char *headline, const char *body)
{
  SdStory     *story = sd_story_new ();
  SdHighlight *highlight = g_new0 (SdHighlight, 1);

  story->id = id;
  story->source_file = g_strdup ("001_page.txt");
  story->source_start = 10;
  story->source_end = 400;
  story->headline = g_strdup (headline);
  story->body = g_strdup (body);
  story->place_code = g_strdup ("320509110");
  story->status = SD_STORY_STATUS_NEEDS_WORK;
  g_ptr_array_add (story->tags, g_strdup ("新就业群体"));
  g_ptr_array_add (story->tags, g_strdup ("-负面"));
  g_free (story->note);
  story->note = g_strdup ("核对人名, \"王某\"\n第二行");
  story->editor = g_strdup ("王编辑");
  story->updated = g_strdup ("2026-03-01T08:30:00Z");

  story->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);
  highlight->id = 7;
  highlight->start = 1;
  highlight->end = 3;
  highlight->quote = g_utf8_substring (body, 1, 3);
  highlight->prefix = g_utf8_substring (body, 0, 1);
  highlight->suffix = g_utf8_substring (body, 3, 10);
  highlight->comment = g_strdup ("核实");
  highlight->editor = g_strdup ("李编辑");
  highlight->created = g_strdup ("2026-03-02T09:00:00Z");
  g_ptr_array_add (story->highlights, highlight);
  return story;
}

static GPtrArray *
make_stories (void)
{
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  g_ptr_array_add (stories, make_story (1, "=HYPERLINK(\"http://x\")",
                                        "第一段。\n第二段<script>alert(1)</script>。"));
  g_ptr_array_add (stories,
                   make_story (2, "1. *吴江* [链接](x) #标签", "- 列表？\n> 引用 & 符号_下划线"));
  return stories;
}

/* Writes @stories in @format; returns the bytes, NUL-terminated. */
static char *
write_to_string (SdExportFormat         format,
                 GPtrArray             *stories,
                 const SdExportOptions *options,
                 gsize                 *out_length)
{
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_export_write_full (format, stories, options, output, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (output, NULL, &error));
  if (out_length != NULL)
    *out_length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)) - 1;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
}

typedef struct
{
  const char    *name;
  SdExportFormat format;
  const char    *extension;
} FormatCase;

static const FormatCase format_cases[] = {
  { "csv", SD_EXPORT_FORMAT_CSV, "csv" },    { "json", SD_EXPORT_FORMAT_JSON, "json" },
  { "md", SD_EXPORT_FORMAT_MARKDOWN, "md" }, { "markdown", SD_EXPORT_FORMAT_MARKDOWN, "md" },
  { "HTML", SD_EXPORT_FORMAT_HTML, "html" }, { "pdf", SD_EXPORT_FORMAT_PDF, "pdf" },
  { "w3c", SD_EXPORT_FORMAT_W3C, "jsonld" },
};

static void
test_format_names (gconstpointer data)
{
  const FormatCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *filename = NULL;
  SdExportFormat   format;

  g_assert_true (sd_export_format_from_string (c->name, &format, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, c->format);
  g_assert_cmpstr (sd_export_format_get_extension (format), ==, c->extension);
  filename = g_strconcat ("/tmp/out.", c->extension, NULL);
  g_assert_true (sd_export_format_from_filename (filename, &format));
  g_assert_cmpint (format, ==, c->format);
}

static void
test_fields_parse (void)
{
  g_autoptr (GError) error = NULL;
  SdExportOptions options;
  SdExportFields  fields;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_CSV);
  g_assert_false (options.fields & SD_EXPORT_FIELD_BODY);
  g_assert_true (options.fields & SD_EXPORT_FIELD_NOTE);

  g_assert_true (sd_export_fields_parse ("id, headline,body", options.fields, &fields, &error));
  g_assert_cmpint (fields, ==,
                   SD_EXPORT_FIELD_ID | SD_EXPORT_FIELD_HEADLINE | SD_EXPORT_FIELD_BODY);
  g_assert_true (sd_export_fields_parse ("+body,-note", options.fields, &fields, &error));
  g_assert_cmpint (fields, ==, (options.fields | SD_EXPORT_FIELD_BODY) & ~SD_EXPORT_FIELD_NOTE);
  g_assert_true (sd_export_fields_parse ("all", 0, &fields, &error));
  g_assert_cmpint (fields, ==, SD_EXPORT_FIELDS_ALL);
  g_assert_no_error (error);

  g_assert_false (sd_export_fields_parse ("id,colour", options.fields, &fields, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_UNKNOWN_FIELD);
  g_assert_nonnull (strstr (error->message, "colour"));
}

static void
test_csv_quoting (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autofree char *csv = NULL;
  SdExportOptions  options;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_CSV);
  csv = write_to_string (SD_EXPORT_FORMAT_CSV, stories, &options, NULL);

  g_assert_true (g_str_has_prefix (csv, "id,uuid,source,paper,date,page,headline,city,district,"
                                        "town,kind,status,tags,note,byline,headings,captions\r\n"));
  /* A formula is neutralised, quotes doubled, a cell with a line break
   * quoted; tags joined by ";" and the one starting with "-" neutralised. */
  g_assert_nonnull (
      strstr (csv, "\r\n1,,001_page.txt,,,,\"'=HYPERLINK(\"\"http://x\"\")\",苏州市,吴江区,"
                   "黎里镇,news,needs-work,新就业群体;-负面,"));
  g_assert_nonnull (strstr (csv, ",\"核对人名, \"\"王某\"\"\n第二行\","));
  g_assert_null (strstr (csv, "<script>"));
  g_assert_false (g_str_has_prefix (csv, "\xef\xbb\xbf"));
}

static void
test_csv_excel (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autofree char *csv = NULL;
  SdExportOptions  options;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_CSV);
  options.for_excel = TRUE;
  options.fields |= SD_EXPORT_FIELD_BODY;
  csv = write_to_string (SD_EXPORT_FORMAT_CSV, stories, &options, NULL);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfid,"));
  g_assert_true (strstr (csv, "byline,headings,captions,body\r\n") != NULL);
  g_assert_nonnull (strstr (csv, "\"第一段。\n第二段<script>alert(1)</script>。\""));
  /* "- 列表" starts with "-": neutralised. */
  g_assert_nonnull (strstr (csv, "\"'- 列表？\n> 引用 & 符号_下划线\""));
}

static void
test_json_highlights (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autofree char *json = write_to_string (SD_EXPORT_FORMAT_JSON, stories, NULL, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *story, *highlight;
  JsonArray  *highlights;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  story = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  highlights = json_object_get_array_member (story, "highlights");
  g_assert_cmpuint (json_array_get_length (highlights), ==, 1);
  highlight = json_array_get_object_element (highlights, 0);
  g_assert_cmpstr (json_object_get_string_member (highlight, "quote"), ==, "一段");
  g_assert_cmpint (json_object_get_int_member (highlight, "start"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (highlight, "end"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (highlight, "comment"), ==, "核实");
  g_assert_cmpstr (json_object_get_string_member (highlight, "prefix"), ==, "第");
  g_assert_cmpstr (json_object_get_string_member (highlight, "editor"), ==, "李编辑");
  g_assert_cmpstr (json_object_get_string_member (highlight, "created"), ==,
                   "2026-03-02T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (story, "editor"), ==, "王编辑");
}

static void
test_markdown_escapes (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autofree char *md = write_to_string (SD_EXPORT_FORMAT_MARKDOWN, stories, NULL, NULL);

  g_assert_nonnull (strstr (md, "\n## 1\\. \\*吴江\\* \\[链接\\](x) \\#标签\n"));
  g_assert_nonnull (strstr (md, "\n\\- 列表？\n"));
  g_assert_nonnull (strstr (md, "\n\\> 引用 \\& 符号\\_下划线\n"));
  g_assert_nonnull (strstr (md, "第二段\\<script\\>alert(1)\\</script\\>。"));
  g_assert_nonnull (strstr (md, "**苏州市 · 吴江区 · 黎里镇**"));
  g_assert_nonnull (strstr (md, "> **Note:** 核对人名, \"王某\"\n>\n> 第二行\n"));
  g_assert_nonnull (strstr (md, "> **Highlight:** “一段”\n>\n> 核实\n"));
  g_assert_null (strstr (md, "<script>"));
}

/* #14: a terminal escape (ESC [ … m, a C1 CSI) or a bidi override in a
 * story shows as U+FFFD in CSV and Markdown, which terminals and editors
 * open as they are, instead of acting. */
static void
test_acting_characters (void)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  const SdExportFormat formats[] = { SD_EXPORT_FORMAT_CSV, SD_EXPORT_FORMAT_MARKDOWN };
  SdExportOptions      options = { .fields = SD_EXPORT_FIELDS_ALL };

  g_ptr_array_add (stories, make_story (1, "标题\x1b[2J\x1b]0;x\x07清屏",
                                        "正文\u202e倒序\u2066隔离\u2069\xc2\x9b"
                                        "31m完"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize            length = 0;
      g_autofree char *text = write_to_string (formats[i], stories, &options, &length);

      g_assert_true (g_utf8_validate (text, length, NULL));
      g_assert_null (memchr (text, 0x1b, length));
      g_assert_null (memchr (text, 0x07, length));
      g_assert_null (strstr (text, "\u202e"));
      g_assert_null (strstr (text, "\u2066"));
      g_assert_null (strstr (text, "\xc2\x9b"));
      g_assert_nonnull (strstr (text, "倒序"));
      g_assert_nonnull (strstr (text, "\xef\xbf\xbd"));
    }
}

static void
test_html_escapes (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autofree char *html = write_to_string (SD_EXPORT_FORMAT_HTML, stories, NULL, NULL);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));
  g_assert_nonnull (strstr (html, "\"Noto Serif CJK SC\""));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "第二段&lt;script&gt;alert(1)&lt;/script&gt;。"));
  /* The highlight is marked in the body; tags are chips. */
  g_assert_nonnull (strstr (html, "<p>第<mark>一段</mark>。</p>"));
  g_assert_nonnull (strstr (html, "<li>新就业群体</li>"));
  g_assert_nonnull (strstr (html, "<a href=\"#city-3205\">苏州市</a>"));
}

static void
test_w3c_annotations (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autofree char *text = write_to_string (SD_EXPORT_FORMAT_W3C, stories, NULL, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *collection, *page, *annotation, *target, *selector, *body;
  JsonArray  *items, *selectors;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  collection = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  page = json_object_get_object_member (collection, "first");
  items = json_object_get_array_member (page, "items");
  /* Per story: a highlight, a note, the tags. */
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 6);
  g_assert_cmpuint (json_array_get_length (items), ==, 6);

  annotation = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (annotation, "id"), ==,
                   "urn:storydesk:highlight:7");
  g_assert_cmpstr (json_object_get_string_member (annotation, "motivation"), ==, "commenting");
  target = json_object_get_object_member (annotation, "target");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (target, "source"), "id"), ==,
      "urn:storydesk:story:1");
  selectors = json_object_get_array_member (target, "selector");
  selector = json_array_get_object_element (selectors, 0);
  g_assert_cmpstr (json_object_get_string_member (selector, "type"), ==, "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (selector, "exact"), ==, "一段");
  selector = json_array_get_object_element (selectors, 1);
  g_assert_cmpstr (json_object_get_string_member (selector, "type"), ==, "TextPositionSelector");
  g_assert_cmpint (json_object_get_int_member (selector, "end"), ==, 3);

  annotation = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (annotation, "motivation"), ==, "commenting");
  body = json_object_get_object_member (annotation, "body");
  g_assert_cmpstr (json_object_get_string_member (body, "value"), ==, "核对人名, \"王某\"\n第二行");
  annotation = json_array_get_object_element (items, 2);
  g_assert_cmpstr (json_object_get_string_member (annotation, "motivation"), ==, "tagging");

  /* A story with a uuid is named by it, which outlives its library id. */
  {
    SdStory *story = g_ptr_array_index (stories, 0);
    g_autoptr (JsonParser) again = json_parser_new ();
    g_autofree char *with_uuid = NULL;

    story->uuid = g_strdup ("0f8fad5b-d9cb-469f-a165-70867728950e");
    with_uuid = write_to_string (SD_EXPORT_FORMAT_W3C, stories, NULL, NULL);
    g_assert_true (json_parser_load_from_data (again, with_uuid, -1, NULL));
    page = json_object_get_object_member (json_node_get_object (json_parser_get_root (again)),
                                          "first");
    annotation = json_array_get_object_element (json_object_get_array_member (page, "items"), 1);
    target = json_object_get_object_member (annotation, "target");
    g_assert_cmpstr (
        json_object_get_string_member (json_object_get_object_member (target, "source"), "id"), ==,
        "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e");
    g_assert_cmpstr (json_object_get_string_member (annotation, "id"), ==,
                     "urn:storydesk:note:0f8fad5b-d9cb-469f-a165-70867728950e");
  }
}

/* A PDF holds NUL bytes: strstr () would stop at the first. */
static gboolean
contains_bytes (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf_renders (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  gsize            length = 0;
  g_autofree char *pdf = write_to_string (SD_EXPORT_FORMAT_PDF, stories, NULL, &length);

  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (length, >, 1000);
  /* The CJK fonts go in, as CFF. */
  g_assert_true (contains_bytes (pdf, length, "/FontFile3"));
}

static void
count_progress (guint done, guint total, gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* A cancelled export leaves neither a file nor its hidden part; an old
 * file stays whole until an export completes. */
static void
test_file_whole_or_nothing (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = sd_test_make_dir ("out");
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GDir) listing = NULL;
  g_autofree char *contents = NULL;
  SdExportOptions  options;
  guint            calls = 0;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_PDF);
  g_cancellable_cancel (cancellable);
  g_assert_false (
      sd_export_to_file (SD_EXPORT_FORMAT_PDF, stories, &options, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  listing = g_dir_open (dir, 0, &error);
  g_assert_null (g_dir_read_name (listing));

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_false (
      sd_export_to_file (SD_EXPORT_FORMAT_PDF, stories, &options, file, cancellable, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  options.progress = count_progress;
  options.progress_data = &calls;
  g_assert_true (sd_export_to_file (SD_EXPORT_FORMAT_CSV, stories, &options, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, stories->len);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "id,"));
  g_dir_rewind (listing);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "out.pdf");
  g_assert_null (g_dir_read_name (listing));

  /* A folder that does not exist: an error naming the file. */
  g_clear_object (&file);
  file = g_file_new_for_path ("/nonexistent-folder/x.csv");
  g_assert_false (sd_export_to_file (SD_EXPORT_FORMAT_CSV, stories, &options, file, NULL, &error));
  g_assert_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "x.csv"));
}

/* JSON written and read back gives the same records. */
static void
test_json_import_parse (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  gsize            length = 0;
  g_autofree char *json = write_to_string (SD_EXPORT_FORMAT_JSON, stories, NULL, &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) read = sd_json_import_parse ("x.json", json, length, &error);
  const SdStory     *story;
  const SdHighlight *highlight;

  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  story = g_ptr_array_index (read, 0);
  g_assert_cmpstr (story->headline, ==, "=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (story->source_file, ==, "001_page.txt");
  g_assert_cmpint (story->source_end, ==, 400);
  g_assert_cmpstr (story->place_code, ==, "320509110");
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_NEEDS_WORK);
  g_assert_cmpuint (story->tags->len, ==, 2);
  g_assert_cmpstr (story->note, ==, "核对人名, \"王某\"\n第二行");
  g_assert_cmpstr (story->editor, ==, "王编辑");
  g_assert_cmpuint (story->highlights->len, ==, 1);
  highlight = g_ptr_array_index (story->highlights, 0);
  g_assert_cmpstr (highlight->quote, ==, "一段");
  g_assert_cmpstr (highlight->comment, ==, "核实");
  g_assert_cmpstr (highlight->created, ==, "2026-03-02T09:00:00Z");
}

/* Times in a file are read as the store writes them, so that "the newer
 * edit wins" compares like with like: 09:00 in Beijing is 01:00 UTC. */
static void
test_json_import_times (void)
{
  static const char json[] = "[{\"source\": {\"file\": \"a.txt\", \"start\": 0, \"end\": 4}, "
                             "\"body\": \"正文\", \"updated\": \"2030-01-01T09:00:00.5+08:00\"}]";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) read = sd_json_import_parse ("t.json", json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (((SdStory *) g_ptr_array_index (read, 0))->updated, ==, "2030-01-01T01:00:00Z");
}

typedef struct
{
  const char *json;
  int         code;
  const char *where;
} BadJsonCase;

static const BadJsonCase bad_json_cases[] = {
  { "[{\"body\": \"x\",}", SD_JSON_IMPORT_ERROR_SYNTAX, "not valid JSON" },
  { "{\"body\": \"x\"}", SD_JSON_IMPORT_ERROR_INVALID, "$:" },
  { "[]", SD_JSON_IMPORT_ERROR_INVALID, "$:" },
  { "[{\"headline\": \"x\"}]", SD_JSON_IMPORT_ERROR_INVALID, "$[0]: “body” is missing" },
  { "[{\"body\": \"x\"}, {\"body\": \"y\", \"status\": \"maybe\"}]", SD_JSON_IMPORT_ERROR_INVALID,
    "$[1].status:" },
  { "[{\"body\": \"x\", \"tags\": [\"a\", 3]}]", SD_JSON_IMPORT_ERROR_INVALID, "$[0].tags[1]:" },
  { "[{\"body\": \"x\", \"place_code\": \"99\"}]", SD_JSON_IMPORT_ERROR_INVALID,
    "$[0].place_code:" },
  { "[{\"body\": \"abc\", \"highlights\": [{\"start\": 1, \"end\": 9}]}]",
    SD_JSON_IMPORT_ERROR_INVALID, "$[0].highlights[0]:" },
  { "[{\"body\": \"x\", \"source\": {\"file\": \"a.txt\", \"start\": \"0\"}}]",
    SD_JSON_IMPORT_ERROR_INVALID, "$[0].source.start:" },
  { "[{\"body\": \"x\", \"updated\": \"yesterday\"}]", SD_JSON_IMPORT_ERROR_INVALID,
    "$[0].updated:" },
};

static void
test_json_import_refuses (gconstpointer data)
{
  const BadJsonCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) read = sd_json_import_parse ("bad.json", c->json, strlen (c->json), &error);

  g_assert_null (read);
  g_assert_error (error, SD_JSON_IMPORT_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
  if (strstr (error->message, c->where) == NULL)
    g_error ("“%s” does not say “%s”", error->message, c->where);
}

/* Stored once: the second import of the same bytes changes nothing. */
static void
test_json_import_store (void)
{
  g_autoptr (GPtrArray) stories = make_stories ();
  gsize            length = 0;
  g_autofree char *json = write_to_string (SD_EXPORT_FORMAT_JSON, stories, NULL, &length);
  g_autoptr (GError) error = NULL;
  g_autofree char *json_path = sd_test_build_filename ("stories.json");
  g_autoptr (SdStore) store = sd_test_open_library (NULL);
  g_autoptr (SdImportResult) first = NULL;
  g_autoptr (SdImportResult) second = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  SdScope            scope = { SD_SCOPE_ALL, NULL, NULL };
  const SdStory     *story;
  const SdHighlight *highlight;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json_path, json, length, &error));
  g_assert_true (sd_json_import_is_export (json_path));
  first = sd_json_import_file (store, json_path);
  g_assert_no_error (first->error);
  g_assert_cmpuint (first->n_stories, ==, 2);
  g_assert_false (first->known);
  second = sd_json_import_file (store, json_path);
  g_assert_no_error (second->error);
  g_assert_true (second->known);

  stored = sd_store_list_full_stories (store, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  story = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (story->source_file, ==, "001_page.txt");
  g_assert_cmpstr (story->note, ==, "核对人名, \"王某\"\n第二行");
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_NEEDS_WORK);
  g_assert_cmpstr (story->editor, ==, "王编辑");
  g_assert_cmpstr (story->updated, ==, "2026-03-01T08:30:00Z");
  g_assert_cmpuint (story->tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (story->tags, 0), ==, "新就业群体");
  g_assert_cmpstr (g_ptr_array_index (story->tags, 1), ==, "-负面");
  g_assert_nonnull (story->highlights);
  g_assert_cmpuint (story->highlights->len, ==, 1);
  highlight = g_ptr_array_index (story->highlights, 0);
  g_assert_cmpstr (highlight->quote, ==, "一段");
  g_assert_cmpstr (highlight->editor, ==, "李编辑");
  g_assert_cmpstr (highlight->created, ==, "2026-03-02T09:00:00Z");
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  g_test_add_func ("/export/json/round-trip", test_json_round_trip);
  g_test_add_func ("/export/format/unknown", test_unknown_format);
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export/format/%s", format_cases[i].name);
      g_test_add_data_func (path, &format_cases[i], test_format_names);
    }
  g_test_add_func ("/export/fields/parse", test_fields_parse);
  g_test_add_func ("/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/export/csv/excel", test_csv_excel);
  g_test_add_func ("/export/json/highlights", test_json_highlights);
  g_test_add_func ("/export/markdown/escapes", test_markdown_escapes);
  g_test_add_func ("/export/html/escapes", test_html_escapes);
  g_test_add_func ("/export/acting-characters", test_acting_characters);
  g_test_add_func ("/export/w3c/annotations", test_w3c_annotations);
  g_test_add_func ("/export/pdf/renders", test_pdf_renders);
  g_test_add_func ("/export/file/whole-or-nothing", test_file_whole_or_nothing);
  g_test_add_func ("/json-import/parse", test_json_import_parse);
  g_test_add_func ("/json-import/times", test_json_import_times);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-import/refuses/%u", i);
      g_test_add_data_func (path, &bad_json_cases[i], test_json_import_refuses);
    }
  g_test_add_func ("/json-import/store", test_json_import_store);

  return g_test_run ();
}
