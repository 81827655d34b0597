/* sd-export-w3c.c — highlights, notes and tags as W3C Web Annotations
 *
 * One AnnotationCollection (JSON-LD, the anno.jsonld context) whose first
 * and only AnnotationPage holds the annotations:
 * - each highlight: motivation "highlighting", or "commenting" with a
 *   TextualBody when it has a comment, its target the story body selected
 *   by a TextQuoteSelector (exact, prefix, suffix) and a
 *   TextPositionSelector (start, end: characters into the body);
 * - each note: motivation "commenting", a TextualBody, the whole story;
 * - each story's tags: motivation "tagging", one TextualBody per tag.
 * A story is "urn:uuid:UUID" (its body as plain text; a story without a
 * uuid is "urn:storydesk:story:ID"); the scope of every target names the
 * page file it was cut from.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sd-export-private.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

static void
set_nullable_string (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

static JsonObject *
new_textual_body (const char *value, const char *purpose)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "type", "TextualBody");
  json_object_set_string_member (body, "value", value);
  json_object_set_string_member (body, "format", "text/plain");
  json_object_set_string_member (body, "language", "zh-CN");
  json_object_set_string_member (body, "purpose", purpose);
  return body;
}

/* The story's permanent name: its uuid, which survives re-imports, splits,
 * joins and exchange; the library id for a story that has none. */
static char *
dup_story_urn (const SdStory *story)
{
  if (story->uuid != NULL)
    return g_strconcat ("urn:uuid:", story->uuid, NULL);
  return g_strdup_printf ("urn:storydesk:story:%" G_GINT64_FORMAT, story->id);
}

/* What names the story in an annotation's id: its uuid, else its id. */
static char *
dup_story_key (const SdStory *story)
{
  if (story->uuid != NULL)
    return g_strdup (story->uuid);
  return g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
}

static JsonObject *
new_target (const SdStory *story)
{
  JsonObject      *target = json_object_new ();
  JsonObject      *source = json_object_new ();
  g_autofree char *id = dup_story_urn (story);
  g_autofree char *title = sd_story_dup_title (story);

  json_object_set_string_member (source, "id", id);
  json_object_set_string_member (source, "type", "Text");
  json_object_set_string_member (source, "format", "text/plain");
  json_object_set_string_member (source, "language", "zh-CN");
  set_nullable_string (source, "title", title);

  json_object_set_string_member (target, "type", "SpecificResource");
  json_object_set_object_member (target, "source", source);
  if (story->source_file != NULL)
    {
      JsonObject      *scope = json_object_new ();
      g_autofree char *escaped = g_uri_escape_string (story->source_file, NULL, FALSE);
      g_autofree char *scope_id = g_strconcat ("urn:storydesk:file:", escaped, NULL);

      json_object_set_string_member (scope, "id", scope_id);
      json_object_set_string_member (scope, "type", "Text");
      json_object_set_string_member (scope, "title", story->source_file);
      json_object_set_object_member (target, "scope", scope);
    }
  return target;
}

static JsonObject *
new_annotation (const char *id, const char *motivation, const char *editor, const char *created)
{
  JsonObject *annotation = json_object_new ();

  json_object_set_string_member (annotation, "id", id);
  json_object_set_string_member (annotation, "type", "Annotation");
  json_object_set_string_member (annotation, "motivation", motivation);
  if (editor != NULL && *editor != '\0')
    {
      JsonObject *creator = json_object_new ();
      json_object_set_string_member (creator, "type", "Person");
      json_object_set_string_member (creator, "name", editor);
      json_object_set_object_member (annotation, "creator", creator);
    }
  set_nullable_string (annotation, "created", created);
  return annotation;
}

static JsonObject *
new_highlight_annotation (const SdStory *story, const SdHighlight *highlight, guint index)
{
  gboolean         commented = highlight->comment != NULL && *highlight->comment != '\0';
  g_autofree char *key = dup_story_key (story);
  g_autofree char *id =
      highlight->id > 0
          ? g_strdup_printf ("urn:storydesk:highlight:%" G_GINT64_FORMAT, highlight->id)
          : g_strdup_printf ("urn:storydesk:story:%s:highlight:%u", key, index);
  JsonObject *annotation = new_annotation (id, commented ? "commenting" : "highlighting",
                                           highlight->editor, highlight->created);
  JsonObject *target = new_target (story);
  JsonArray  *selectors = json_array_new ();
  JsonObject *quote = json_object_new ();
  JsonObject *position = json_object_new ();

  if (commented)
    json_object_set_object_member (annotation, "body",
                                   new_textual_body (highlight->comment, "commenting"));

  json_object_set_string_member (quote, "type", "TextQuoteSelector");
  json_object_set_string_member (quote, "exact", highlight->quote != NULL ? highlight->quote : "");
  set_nullable_string (quote, "prefix", highlight->prefix);
  set_nullable_string (quote, "suffix", highlight->suffix);
  json_object_set_string_member (position, "type", "TextPositionSelector");
  json_object_set_int_member (position, "start", highlight->start);
  json_object_set_int_member (position, "end", highlight->end);
  json_array_add_object_element (selectors, quote);
  json_array_add_object_element (selectors, position);
  json_object_set_array_member (target, "selector", selectors);

  json_object_set_object_member (annotation, "target", target);
  return annotation;
}

static void
add_story (JsonArray *items, const SdStory *story, SdExportFields fields)
{
  if ((fields & SD_EXPORT_FIELD_HIGHLIGHTS))
    for (guint i = 0; i < _sd_export_count_highlights (story); i++)
      json_array_add_object_element (
          items, new_highlight_annotation (story, g_ptr_array_index (story->highlights, i), i));

  if ((fields & SD_EXPORT_FIELD_NOTE) && story->note != NULL && *story->note != '\0')
    {
      g_autofree char *key = dup_story_key (story);
      g_autofree char *id = g_strconcat ("urn:storydesk:note:", key, NULL);
      /* A note keeps no time of its own: the story's last change is it. */
      JsonObject *annotation = new_annotation (id, "commenting", story->editor, story->updated);

      json_object_set_object_member (annotation, "body",
                                     new_textual_body (story->note, "commenting"));
      json_object_set_object_member (annotation, "target", new_target (story));
      json_array_add_object_element (items, annotation);
    }

  if ((fields & SD_EXPORT_FIELD_TAGS) && story->tags != NULL && story->tags->len > 0)
    {
      g_autofree char *key = dup_story_key (story);
      g_autofree char *id = g_strconcat ("urn:storydesk:tags:", key, NULL);
      JsonObject      *annotation = new_annotation (id, "tagging", story->editor, story->updated);
      JsonArray       *bodies = json_array_new ();

      for (guint i = 0; i < story->tags->len; i++)
        json_array_add_object_element (
            bodies, new_textual_body (g_ptr_array_index (story->tags, i), "tagging"));
      json_object_set_array_member (annotation, "body", bodies);
      json_object_set_object_member (annotation, "target", new_target (story));
      json_array_add_object_element (items, annotation);
    }
}

/* The same annotations give the same collection id: a digest of their
 * ids, fed a story at a time. */
static void
add_ids (GChecksum *checksum, JsonArray *items)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (item, "id");

      g_checksum_update (checksum, (const guchar *) id, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
}

/* @object printed as the export prints it. (transfer full) */
static char *
dup_printed (JsonObject *object)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_node_set_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* Each annotation of @items as the collection prints it, four levels
 * deep: put in a page of its own in a collection of its own, printed, and
 * cut out of them. */
static void
append_items (GString *out, JsonArray *items, guint *n_written)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr (JsonObject) collection = json_object_new ();
      JsonObject      *page = json_object_new ();
      JsonArray       *one = json_array_new ();
      g_autofree char *text = NULL;
      const char      *start, *end;

      json_array_add_element (one, json_array_dup_element (items, i));
      json_object_set_array_member (page, "items", one);
      json_object_set_object_member (collection, "first", page);
      text = dup_printed (collection);
      /* {\n  "first" : {\n    "items" : [\n ITEM \n    ]\n  }\n} */
      start = strstr (text, "[\n") + 2;
      end = g_strrstr (text, "\n    ]");
      g_string_append (out, (*n_written)++ == 0 ? "\n" : ",\n");
      g_string_append_len (out, start, end - start);
    }
}

/* A story's annotations. (transfer full) */
static JsonArray *
dup_story_items (const SdStory *story, SdExportFields fields)
{
  JsonArray *items = json_array_new ();

  add_story (items, story, fields);
  return items;
}

typedef struct
{
  SdExportFields fields;
  guint          n_written;
} Writing;

static void
add_story_items (GString *out, const SdStory *story, guint index, gpointer data)
{
  Writing *writing = data;
  g_autoptr (JsonArray) items = dup_story_items (story, writing->fields);

  append_items (out, items, &writing->n_written);
}

/* Read twice: first for the collection's id and size, which come before
 * the annotations, then for the annotations, written a story at a time
 * into the collection printed with none. */
gboolean
_sd_export_write_w3c (SdExportSource        *stories,
                      const SdExportOptions *options,
                      GOutputStream         *output,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (JsonObject) collection = json_object_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  JsonObject      *page = json_object_new ();
  guint            total = _sd_export_source_get_total (stories);
  Writing          writing = { options->fields, 0 };
  guint            n_items = 0;
  g_autofree char *id = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  const char      *empty;
  const SdStory   *story;

  _sd_export_source_rewind (stories);
  for (;;)
    {
      g_autoptr (JsonArray) items = NULL;

      if (!_sd_export_source_next (stories, &story, error))
        return FALSE;
      if (story == NULL)
        break;
      items = dup_story_items (story, options->fields);
      add_ids (checksum, items);
      n_items += json_array_get_length (items);
    }

  id = g_strconcat ("urn:storydesk:export:", g_checksum_get_string (checksum), NULL);
  id[strlen ("urn:storydesk:export:") + 32] = '\0';
  page_id = g_strconcat (id, ":page:1", NULL);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Storydesk annotations on %u story",
                                        "Storydesk annotations on %u stories", total),
                           total);

  json_object_set_string_member (page, "id", page_id);
  json_object_set_string_member (page, "type", "AnnotationPage");
  json_object_set_int_member (page, "startIndex", 0);
  json_object_set_array_member (page, "items", json_array_new ());

  json_object_set_string_member (collection, "@context", ANNO_CONTEXT);
  json_object_set_string_member (collection, "id", id);
  json_object_set_string_member (collection, "type", "AnnotationCollection");
  json_object_set_string_member (collection, "label", label);
  json_object_set_int_member (collection, "total", n_items);
  json_object_set_object_member (collection, "first", page);
  json_object_set_string_member (collection, "last", page_id);

  text = dup_printed (collection);
  /* the annotations go between the brackets of "items" : [] */
  empty = strstr (text, "\"items\" : []") + strlen ("\"items\" : [");
  g_string_append_len (out, text, empty - text);

  _sd_export_source_rewind (stories);
  if (!_sd_export_write_each (stories, options, out, add_story_items, &writing, output, cancellable,
                              error))
    return FALSE;
  if (writing.n_written > 0)
    g_string_append (out, "\n    ");
  g_string_append (out, empty);
  g_string_append (out, "\n");
  return _sd_export_flush (output, out, TRUE, cancellable, error);
}
