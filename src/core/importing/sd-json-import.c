/* sd-json-import.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-json-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sd-file-read.h"
#include "sd-gazetteer.h"
#include "sd-json-import.h"

/* How much context a highlight keeps either side when the file has none. */
#define CONTEXT_CHARS 32
/* How deep arrays and objects may nest. */
#define MAX_DEPTH 32

typedef struct
{
  const char *name; /* the file, for messages */
  GError    **error;
} Reader;

G_DEFINE_QUARK (sd - json - import - error - quark, sd_json_import_error)

static gboolean fail (Reader *reader, const char *path, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader *reader, const char *path, const char *format, ...)
{
  g_autofree char *problem = NULL;
  va_list          args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (reader->error, SD_JSON_IMPORT_ERROR, SD_JSON_IMPORT_ERROR_INVALID, "%s: %s: %s",
               reader->name, path, problem);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A string value; JSON escapes can spell what is not UTF-8 (a lone
 * surrogate), and nothing that is not goes into a library. */
static const char *
get_text (Reader *reader, JsonNode *node, const char *path)
{
  const char *text;

  if (!holds (node, G_TYPE_STRING))
    {
      fail (reader, path, _("must be a string, not %s"), describe_node (node));
      return NULL;
    }
  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL))
    {
      fail (reader, path, _("is not valid Unicode text"));
      return NULL;
    }
  return text;
}

static char *
member_path (const char *at, const char *member)
{
  return g_strdup_printf ("%s.%s", at, member);
}

/* A string member.  Absent leaves *@out as it is; null is allowed when
 * @nullable. */
static gboolean
read_string (Reader     *reader,
             JsonObject *object,
             const char *at,
             const char *member,
             gboolean    required,
             gboolean    nullable,
             char      **out)
{
  JsonNode        *node = json_object_get_member (object, member);
  g_autofree char *path = member_path (at, member);
  const char      *text;

  if (node == NULL)
    return !required || fail (reader, at, _("“%s” is missing"), member);
  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    {
      g_clear_pointer (out, g_free);
      return TRUE;
    }
  text = get_text (reader, node, path);
  if (text == NULL)
    return FALSE;
  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (Reader     *reader,
          JsonObject *object,
          const char *at,
          const char *member,
          gboolean    required,
          gint64     *out)
{
  JsonNode        *node = json_object_get_member (object, member);
  g_autofree char *path = member_path (at, member);

  if (node == NULL)
    return !required || fail (reader, at, _("“%s” is missing"), member);
  if (!holds (node, G_TYPE_INT64))
    return fail (reader, path, _("must be a whole number, not %s"), describe_node (node));
  *out = json_node_get_int (node);
  if (*out < 0)
    return fail (reader, path, _("must not be negative"));
  return TRUE;
}

static gboolean
read_boolean (Reader *reader, JsonObject *object, const char *at, const char *member, gboolean *out)
{
  JsonNode        *node = json_object_get_member (object, member);
  g_autofree char *path = member_path (at, member);

  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_BOOLEAN))
    return fail (reader, path, _("must be true or false, not %s"), describe_node (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* @text on one line: every run of control characters and white space
 * becomes one space, the ends trimmed. */
static char *
dup_one_line (const char *text)
{
  GString *line = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        space = line->len > 0;
      else
        {
          if (space)
            g_string_append_c (line, ' ');
          space = FALSE;
          g_string_append_unichar (line, c);
        }
    }
  return g_string_free (line, FALSE);
}

/* An array of one-line strings (lines broken by older libraries are
 * joined); absent or null gives an empty array. */
static gboolean
read_lines (Reader *reader, JsonObject *object, const char *at, const char *member, GPtrArray **out)
{
  JsonNode        *node = json_object_get_member (object, member);
  g_autofree char *path = member_path (at, member);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (reader, path, _("must be an array of strings, not %s"), describe_node (node));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode        *element = json_array_get_element (array, i);
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          const char      *text = get_text (reader, element, element_path);

          if (text == NULL)
            return FALSE;
          /* Libraries older than the store's rule for names could hold a
           * tag with a line break; their exports must still come back. */
          g_ptr_array_add (lines, dup_one_line (text));
        }
    }
  g_clear_pointer (out, g_ptr_array_unref);
  *out = g_steal_pointer (&lines);
  return TRUE;
}

static gboolean
check_time (Reader *reader, const char *path, char **text)
{
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GDateTime) utc = NULL;

  if (*text == NULL)
    return TRUE;
  time = g_date_time_new_from_iso8601 (*text, NULL);
  if (time == NULL)
    return fail (reader, path, _("“%s” is not an ISO 8601 time"), *text);
  /* Written as the store writes times (UTC, whole seconds), so that the
   * newer of two edits is the greater string (sd-store-exchange.c). */
  utc = g_date_time_to_utc (time);
  g_free (*text);
  *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

/* Tags as the store keeps them: NFKC, trimmed, each once. */
static gboolean
read_tags (Reader *reader, JsonObject *object, const char *at, SdStory *story)
{
  g_autofree char *path = member_path (at, "tags");
  g_autoptr (GPtrArray) raw = NULL;
  /* a set, so that a story of 100,000 tags is read in linear time */
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!read_lines (reader, object, at, "tags", &raw))
    return FALSE;
  for (guint i = 0; i < raw->len; i++)
    {
      g_autofree char *tag = g_utf8_normalize (g_ptr_array_index (raw, i), -1, G_NORMALIZE_NFKC);

      g_strstrip (tag);
      if (*tag == '\0' || strchr (tag, '\x1f') != NULL)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          return fail (reader, element_path,
                       _("“%s” is not a usable tag"), (const char *) g_ptr_array_index (raw, i));
        }
      if (g_hash_table_add (seen, tag))
        g_ptr_array_add (story->tags, g_steal_pointer (&tag));
    }
  return TRUE;
}

static gboolean
read_source (Reader *reader, JsonObject *object, const char *at, SdStory *story)
{
  JsonNode        *node = json_object_get_member (object, "source");
  g_autofree char *path = member_path (at, "source");
  JsonObject      *source;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      story->source_file = g_path_get_basename (reader->name);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, path, _("must be an object, not %s"), describe_node (node));
  source = json_node_get_object (node);
  if (!read_string (reader, source, path, "file", TRUE, FALSE, &story->source_file)
      || !read_int (reader, source, path, "start", FALSE, &story->source_start)
      || !read_int (reader, source, path, "end", FALSE, &story->source_end))
    return FALSE;
  if (*story->source_file == '\0')
    {
      g_autofree char *file_path = member_path (path, "file");
      return fail (reader, file_path, _("must not be empty"));
    }
  if (story->source_end < story->source_start)
    return fail (reader, path, _("“end” is before “start”"));
  return TRUE;
}

/* The story's permanent identity, by which an import finds it again. */
static gboolean
read_uuid (Reader *reader, JsonObject *object, const char *at, SdStory *story)
{
  g_autofree char *uuid = NULL;
  g_autofree char *path = member_path (at, "uuid");

  if (!read_string (reader, object, at, "uuid", FALSE, TRUE, &uuid))
    return FALSE;
  if (uuid != NULL && !g_uuid_string_is_valid (uuid))
    return fail (reader, path, _("“%s” is not a UUID"), uuid);
  story->uuid = uuid != NULL ? g_ascii_strdown (uuid, -1) : NULL;
  return TRUE;
}

static gboolean
read_place (Reader *reader, JsonObject *object, const char *at, SdStory *story)
{
  JsonNode        *node = json_object_get_member (object, "place_confidence");
  g_autofree char *path = member_path (at, "place_code");

  if (!read_string (reader, object, at, "place_code", FALSE, TRUE, &story->place_code)
      || !read_boolean (reader, object, at, "place_by_editor", &story->place_by_editor))
    return FALSE;
  if (story->place_code != NULL
      && sd_gazetteer_lookup (sd_gazetteer_get_default (), story->place_code) == NULL)
    return fail (reader, path, _("“%s” is not a place Storydesk knows"), story->place_code);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *confidence_path = member_path (at, "place_confidence");

      if (!holds (node, G_TYPE_DOUBLE) && !holds (node, G_TYPE_INT64))
        return fail (reader, confidence_path, _("must be a number, not %s"), describe_node (node));
      story->place_confidence = json_node_get_double (node);
      if (!(story->place_confidence >= 0 && story->place_confidence <= 1))
        return fail (reader, confidence_path, _("must be between 0 and 1"));
    }
  return TRUE;
}

/* Up to CONTEXT_CHARS characters of @body before or after [@start, @end). */
static char *
dup_context (const char *body, gint64 start, gint64 end, gboolean before)
{
  glong n_chars = g_utf8_strlen (body, -1);
  glong from = before ? MAX (0, start - CONTEXT_CHARS) : end;
  glong to = before ? start : MIN (n_chars, end + CONTEXT_CHARS);

  return g_utf8_substring (body, from, to);
}

static SdHighlight *
read_highlight (
    Reader *reader, JsonNode *node, const char *path, const SdStory *story, glong body_chars)
{
  g_autoptr (SdHighlight) highlight = g_new0 (SdHighlight, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, path, _("a highlight must be an object, not %s"), describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_int (reader, object, path, "start", TRUE, &highlight->start)
      || !read_int (reader, object, path, "end", TRUE, &highlight->end)
      || !read_string (reader, object, path, "quote", FALSE, FALSE, &highlight->quote)
      || !read_string (reader, object, path, "prefix", FALSE, FALSE, &highlight->prefix)
      || !read_string (reader, object, path, "suffix", FALSE, FALSE, &highlight->suffix)
      || !read_string (reader, object, path, "comment", FALSE, TRUE, &highlight->comment)
      || !read_string (reader, object, path, "editor", FALSE, TRUE, &highlight->editor)
      || !read_string (reader, object, path, "created", FALSE, TRUE, &highlight->created))
    return NULL;
  if (highlight->end <= highlight->start || highlight->end > body_chars)
    {
      fail (reader, path,
            _("characters %lld to %lld are not a passage of the body (%ld characters)"),
               (long long) highlight->start, (long long) highlight->end, body_chars);
      return NULL;
    }
  {
    g_autofree char *created_path = member_path (path, "created");
    if (!check_time (reader, created_path, &highlight->created))
      return NULL;
  }

  /* What the file leaves out is taken from the body. */
  if (highlight->quote == NULL)
    highlight->quote = g_utf8_substring (story->body, highlight->start, highlight->end);
  if (highlight->prefix == NULL)
    highlight->prefix = dup_context (story->body, highlight->start, highlight->end, TRUE);
  if (highlight->suffix == NULL)
    highlight->suffix = dup_context (story->body, highlight->start, highlight->end, FALSE);
  if (highlight->comment == NULL)
    highlight->comment = g_strdup ("");
  if (highlight->created == NULL)
    highlight->created = story->updated != NULL ? g_strdup (story->updated) : NULL;
  return g_steal_pointer (&highlight);
}

static gboolean
read_highlights (Reader *reader, JsonObject *object, const char *at, SdStory *story)
{
  JsonNode        *node = json_object_get_member (object, "highlights");
  g_autofree char *path = member_path (at, "highlights");
  glong            body_chars = g_utf8_strlen (story->body, -1);
  JsonArray       *array;

  story->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, path, _("must be an array, not %s"), describe_node (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
      SdHighlight     *highlight = read_highlight (reader, json_array_get_element (array, i),
                                                   element_path, story, body_chars);
      if (highlight == NULL)
        return FALSE;
      g_ptr_array_add (story->highlights, highlight);
    }
  return TRUE;
}

static SdStory *
read_story (Reader *reader, JsonNode *node, guint index)
{
  g_autofree char *at = g_strdup_printf ("$[%u]", index);
  g_autoptr (SdStory) story = sd_story_new ();
  g_autofree char *kind = NULL;
  g_autofree char *status = NULL;
  JsonObject      *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, at, _("a story must be an object, not %s"), describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_source (reader, object, at, story) || !read_uuid (reader, object, at, story)
      || !read_string (reader, object, at, "kind", FALSE, FALSE, &kind)
      || !read_string (reader, object, at, "headline", FALSE, TRUE, &story->headline)
      || !read_string (reader, object, at, "subheadline", FALSE, TRUE, &story->subheadline)
      || !read_string (reader, object, at, "reporter", FALSE, TRUE, &story->reporter)
      || !read_string (reader, object, at, "byline", FALSE, TRUE, &story->byline)
      || !read_string (reader, object, at, "body", TRUE, FALSE, &story->body)
      || !read_lines (reader, object, at, "section_headings", &story->section_headings)
      || !read_lines (reader, object, at, "captions", &story->captions)
      || !read_boolean (reader, object, at, "truncated", &story->truncated)
      || !read_place (reader, object, at, story) || !read_tags (reader, object, at, story)
      || !read_string (reader, object, at, "note", FALSE, TRUE, &story->note)
      || !read_string (reader, object, at, "status", FALSE, FALSE, &status)
      || !read_string (reader, object, at, "editor", FALSE, TRUE, &story->editor)
      || !read_string (reader, object, at, "updated", FALSE, TRUE, &story->updated)
      /* the page's, as exports write them since they have them */
      || !read_string (reader, object, at, "paper", FALSE, TRUE, &story->paper)
      || !read_string (reader, object, at, "date", FALSE, TRUE, &story->issue_date)
      || !read_string (reader, object, at, "page", FALSE, TRUE, &story->page_no))
    return NULL;

  if (kind != NULL && !sd_story_kind_from_string (kind, &story->kind))
    {
      g_autofree char *path = member_path (at, "kind");
      fail (reader, path,
            _("“%s” is not a kind of story (news, brief, photo, continuation)"), kind);
      return NULL;
    }
  if (status != NULL && !sd_story_status_from_string (status, &story->status))
    {
      g_autofree char *path = member_path (at, "status");
      fail (reader, path,
            _("“%s” is not a review status (new, reviewed, needs-work, rejected)"), status);
      return NULL;
    }
  {
    g_autofree char *path = member_path (at, "updated");
    if (!check_time (reader, path, &story->updated))
      return NULL;
  }
  if (story->note == NULL)
    story->note = g_strdup ("");
  if (!read_highlights (reader, object, at, story))
    return NULL;
  return g_steal_pointer (&story);
}

/* The byte offset where arrays and objects nest deeper than MAX_DEPTH, or
 * -1.  json-glib parses by recursion, and a file of "[[[[…" would use up
 * the stack; an export nests four deep. */
static gssize
find_too_deep (const char *data, gsize length, gboolean *out_nul)
{
  gboolean in_string = FALSE;
  guint    depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              /* "\u0000": json-glib would cut the string there, unsaid */
              if (i + 5 < length && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                {
                  *out_nul = TRUE;
                  return i;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return i;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return -1;
}

/**
 * sd_json_import_parse:
 *
 * Returns: (transfer full) (nullable) the stories, or %NULL with @error set.
 */
GPtrArray *
sd_json_import_parse (const char *name, const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GError) local_error = NULL;
  Reader      reader = { name, error };
  gssize      too_deep;
  gboolean    nul = FALSE;
  const char *bad = NULL;
  JsonNode   *root;
  JsonArray  *array;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      /* text with a NUL byte in it is UTF-8, but no JSON */
      if (*bad == '\0')
        {
          g_set_error (error, SD_JSON_IMPORT_ERROR, SD_JSON_IMPORT_ERROR_SYNTAX,
                       _("%s: not valid JSON: a NUL byte at byte %lld"), name,
                          (long long) (bad - data));
          return NULL;
        }
      g_set_error (error, SD_JSON_IMPORT_ERROR, SD_JSON_IMPORT_ERROR_SYNTAX,
                   _("%s: a JSON export must be UTF-8 text"), name);
      return NULL;
    }
  too_deep = find_too_deep (data, length, &nul);
  if (too_deep >= 0 && nul)
    {
      g_set_error (error, SD_JSON_IMPORT_ERROR, SD_JSON_IMPORT_ERROR_INVALID,
                   _("%s: a string holds a NUL character (\\u0000) at byte %lld, which no "
                     "Storydesk text can hold"),
                      name, (long long) too_deep);
      return NULL;
    }
  if (too_deep >= 0)
    {
      g_set_error (error, SD_JSON_IMPORT_ERROR, SD_JSON_IMPORT_ERROR_SYNTAX,
                   _("%s: not a Storydesk export: nested more than %d deep at byte %lld"), name,
                      MAX_DEPTH, (long long) too_deep);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);
      g_set_error (error, SD_JSON_IMPORT_ERROR, SD_JSON_IMPORT_ERROR_SYNTAX,
                   _("%s: not valid JSON: %s"), name, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      fail (&reader, "$",
            _("a Storydesk export is an array of stories, not %s"),
               root != NULL ? describe_node (root) : _("nothing"));
      return NULL;
    }
  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    {
      fail (&reader, "$", _("the export holds no stories"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      SdStory *story = read_story (&reader, json_array_get_element (array, i), i);
      if (story == NULL)
        return NULL;
      g_ptr_array_add (stories, story);
    }
  return g_steal_pointer (&stories);
}

static gboolean
starts_like_export (const char *path)
{
  /* only a regular file's head: a pipe is left to the page reader to refuse */
  g_autoptr (GBytes) bytes = sd_file_read_head (path, 256, NULL);
  gsize       n_read = 0;
  const char *head = bytes != NULL ? g_bytes_get_data (bytes, &n_read) : NULL;
  gsize       i = 0;

  if (head == NULL)
    return FALSE;
  if (n_read >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < n_read && g_ascii_isspace (head[i]))
    i++;
  if (i >= n_read || head[i] != '[')
    return FALSE;
  /* A page may begin with "[": an export goes on with a story or ends. */
  for (i++; i < n_read && g_ascii_isspace (head[i]); i++)
    ;
  return i < n_read && (head[i] == '{' || head[i] == ']');
}

gboolean
sd_json_import_is_export (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    return TRUE;
  return starts_like_export (path);
}

/**
 * sd_json_import_file:
 *
 * Returns: (transfer full) what happened; a refused file has its error set
 * and leaves the library as it was (the stories checked whole first).
 */
SdImportResult *
sd_json_import_file (gpointer library, const char *path)
{
  g_autoptr (SdImportResult) result = g_new0 (SdImportResult, 1);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autofree char  *checksum = NULL;
  SdExchangeOutcome outcome = { 0 };
  GError           *error = NULL;
  const char       *data;
  gsize             length;

  result->path = g_strdup (path);
  /* Read, not mapped: a file truncated while it is imported would kill the
   * process with SIGBUS through a mapping. */
  bytes = sd_file_read_bounded (path, SD_JSON_IMPORT_MAX_SIZE, &error);
  if (bytes == NULL)
    {
      result->error = error;
      return g_steal_pointer (&result);
    }
  data = g_bytes_get_data (bytes, &length);

  stories = sd_json_import_parse (display, data != NULL ? data : "", length, &result->error);
  if (stories == NULL)
    return g_steal_pointer (&result);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                          (const guchar *) (data != NULL ? data : ""), length);
  result->exchange = TRUE;
  if (sd_exchange_check_stories (stories, &result->error)
      && sd_library_import_stories (library, checksum, length, stories, &outcome, &result->error))
    {
      result->n_stories = stories->len;
      result->known = outcome.known;
      result->n_added = outcome.n_added;
      result->n_merged = outcome.n_merged;
      result->n_conflicting = outcome.n_conflicting;
    }
  return g_steal_pointer (&result);
}
