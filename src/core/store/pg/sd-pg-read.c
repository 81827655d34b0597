/* sd-pg-read.c — a shared library's stories read back whole, as a personal
 * library's cursor gives them, and what else the command line asks of it:
 * tag colours, a story by id or uuid, who the connection is (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-read"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "sd-pg-private.h"

/* One statement a story: its tags (in the order they were put on),
 * highlights and OCR repairs come as JSON arrays. */
static const char story_sql[] =
    "SELECT s.id, s.uuid, p.source_file, s.source_start, s.source_end, p.paper, p.issue_date,"
    "  p.page_no, s.kind, s.headline, s.subheadline, s.reporter, s.byline, s.body,"
    "  s.captions, s.section_headings, s.truncated, s.place_code, s.place_confidence,"
    "  s.place_by_editor, s.note, s.status, s.editor,"
    "  to_char (s.updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    "  (SELECT coalesce (json_agg (t.name ORDER BY st.n), '[]') FROM story_tags st"
    "    JOIN tags t ON t.id = st.tag_id WHERE st.story_id = s.id),"
    "  (SELECT coalesce (json_agg (json_build_array (h.id, h.start_char, h.end_char, h.quote,"
    "     h.prefix, h.suffix, h.comment, h.editor, h.created) ORDER BY h.start_char, h.id),"
    "     '[]') FROM highlights h WHERE h.story_id = s.id),"
    "  s.version, s.page_id,"
    "  to_char (s.trashed AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    "  (SELECT coalesce (json_agg (json_build_array (r.id, r.kind, r.start_byte, r.end_byte,"
    "     r.detail) ORDER BY r.start_byte, r.id), '[]')"
    "   FROM story_repairs r WHERE r.story_id = s.id)"
    " FROM stories s LEFT JOIN pages p ON p.id = s.page_id WHERE s.id = $1";

static char *
dup_value (PGresult *result, int column)
{
  return PQgetisnull (result, 0, column) ? NULL : g_strdup (PQgetvalue (result, 0, column));
}

static gint64
get_int (PGresult *result, int column)
{
  return g_ascii_strtoll (PQgetvalue (result, 0, column), NULL, 10);
}

static gboolean
get_bool (PGresult *result, int column)
{
  return g_str_equal (PQgetvalue (result, 0, column), "t");
}

/* A JSON array of the column as a JsonArray; an empty one when unreadable. */
static JsonNode *
parse_array (PGresult *result, int column)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *empty;

  if (json_parser_load_from_data (parser, PQgetvalue (result, 0, column), -1, NULL)
      && JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return json_node_copy (json_parser_get_root (parser));
  empty = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (empty, json_array_new ());
  return empty;
}

static GPtrArray *
dup_strings (PGresult *result, int column)
{
  g_autoptr (JsonNode) node = parse_array (result, column);
  JsonArray *array = json_node_get_array (node);
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (strings, g_strdup (json_array_get_string_element (array, i)));
  return strings;
}

static char *
dup_element (JsonArray *array, guint i)
{
  return json_array_get_null_element (array, i)
             ? NULL
             : g_strdup (json_array_get_string_element (array, i));
}

/* A highlight's fields in the order story_sql's array gives them. */
static const gsize highlight_numbers[] = { G_STRUCT_OFFSET (SdHighlight, id),
                                           G_STRUCT_OFFSET (SdHighlight, start),
                                           G_STRUCT_OFFSET (SdHighlight, end) };
static const gsize highlight_texts[] = {
  G_STRUCT_OFFSET (SdHighlight, quote),  G_STRUCT_OFFSET (SdHighlight, prefix),
  G_STRUCT_OFFSET (SdHighlight, suffix), G_STRUCT_OFFSET (SdHighlight, comment),
  G_STRUCT_OFFSET (SdHighlight, editor), G_STRUCT_OFFSET (SdHighlight, created),
};

static GPtrArray *
dup_highlights (PGresult *result, int column)
{
  g_autoptr (JsonNode) node = parse_array (result, column);
  JsonArray *rows = json_node_get_array (node);
  GPtrArray *highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray   *row = json_array_get_array_element (rows, i);
      SdHighlight *highlight = g_new0 (SdHighlight, 1);
      guint        n = 0;

      for (guint k = 0; k < G_N_ELEMENTS (highlight_numbers); k++)
        G_STRUCT_MEMBER (gint64, highlight, highlight_numbers[k]) =
            json_array_get_int_element (row, n++);
      for (guint k = 0; k < G_N_ELEMENTS (highlight_texts); k++)
        G_STRUCT_MEMBER (char *, highlight, highlight_texts[k]) = dup_element (row, n++);
      g_ptr_array_add (highlights, highlight);
    }
  return highlights;
}

/* story_sql's columns that are a story's text fields, NULL kept. */
static const struct
{
  gsize offset;
  int   column;
} story_texts[] = {
  { G_STRUCT_OFFSET (SdStory, uuid), 1 },         { G_STRUCT_OFFSET (SdStory, source_file), 2 },
  { G_STRUCT_OFFSET (SdStory, paper), 5 },        { G_STRUCT_OFFSET (SdStory, issue_date), 6 },
  { G_STRUCT_OFFSET (SdStory, page_no), 7 },      { G_STRUCT_OFFSET (SdStory, headline), 9 },
  { G_STRUCT_OFFSET (SdStory, subheadline), 10 }, { G_STRUCT_OFFSET (SdStory, reporter), 11 },
  { G_STRUCT_OFFSET (SdStory, byline), 12 },      { G_STRUCT_OFFSET (SdStory, body), 13 },
  { G_STRUCT_OFFSET (SdStory, place_code), 17 },  { G_STRUCT_OFFSET (SdStory, note), 20 },
  { G_STRUCT_OFFSET (SdStory, editor), 22 },      { G_STRUCT_OFFSET (SdStory, updated), 23 },
  { G_STRUCT_OFFSET (SdStory, trashed), 28 }, /* NULL unless in the trash */
};

/**
 * sd_pg_library_get_story:
 * @out_version: (out) (optional): the story's version now
 *
 * Returns: (transfer full): story @id with every field, its tags and
 * highlights, or %NULL with @error (SD_PG_ERROR_NOT_FOUND when there is
 * none).
 */
SdStory *
sd_pg_library_get_story (SdPgLibrary *self, gint64 id, gint64 *out_version, GError **error)
{
  g_autofree char  *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *const params[] = { id_text };
  g_autoptr (SdStory) story = NULL;
  PGresult *result = _sd_pg_run (self, story_sql, 1, params, error);

  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    {
      PQclear (result);
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                   _("The shared library %s has no story %s"), self->location, id_text);
      return NULL;
    }
  story = sd_story_new ();
  for (guint i = 0; i < G_N_ELEMENTS (story_texts); i++)
    {
      char **field = &G_STRUCT_MEMBER (char *, story, story_texts[i].offset);

      g_free (*field); /* sd_story_new ()'s empty note */
      *field = dup_value (result, story_texts[i].column);
    }
  story->id = get_int (result, 0);
  story->source_start = get_int (result, 3);
  story->source_end = get_int (result, 4);
  if (!sd_story_kind_from_string (PQgetvalue (result, 0, 8), &story->kind))
    story->kind = SD_STORY_KIND_NEWS;
  story->captions = dup_strings (result, 14);
  story->section_headings = dup_strings (result, 15);
  story->truncated = get_bool (result, 16);
  story->place_confidence = g_ascii_strtod (PQgetvalue (result, 0, 18), NULL);
  story->place_by_editor = get_bool (result, 19);
  if (!sd_story_status_from_string (PQgetvalue (result, 0, 21), &story->status))
    story->status = SD_STORY_STATUS_NEW;
  g_ptr_array_unref (story->tags);
  story->tags = dup_strings (result, 24);
  story->highlights = dup_highlights (result, 25);
  if (out_version != NULL)
    *out_version = get_int (result, 26);
  story->page_id = PQgetisnull (result, 0, 27) ? 0 : get_int (result, 27);
  {
    g_autoptr (JsonNode) repairs = parse_array (result, 29);

    g_clear_pointer (&story->repairs, g_ptr_array_unref);
    story->repairs = _sd_pg_parse_repairs (json_node_get_array (repairs));
  }
  PQclear (result);
  return g_steal_pointer (&story);
}

/* (element-type utf8 utf8) (transfer full): tag name → "#rrggbb", as
 * sd_store_dup_tag_colors (). */
GHashTable *
sd_pg_library_dup_tag_colors (SdPgLibrary *self, GError **error)
{
  PGresult *result =
      _sd_pg_run (self, "SELECT name, color FROM tags WHERE color IS NOT NULL", 0, NULL, error);
  GHashTable *colors;

  if (result == NULL)
    return NULL;
  colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_insert (colors, g_strdup (PQgetvalue (result, row, 0)),
                         g_strdup (PQgetvalue (result, row, 1)));
  PQclear (result);
  return colors;
}

/* The id of the story @ref names, an id or a uuid; -1 with @error. */
gint64
sd_pg_library_find_story (SdPgLibrary *self, const char *ref, GError **error)
{
  const char *const params[] = { ref };
  gboolean  by_id = *ref != '\0' && strspn (ref, "0123456789") == strlen (ref) && strlen (ref) < 19;
  PGresult *result = _sd_pg_run (self,
                                 by_id ? "SELECT id FROM stories WHERE id = $1"
                                       : "SELECT id FROM stories WHERE uuid = $1",
                                 1, params, error);
  gint64    id = -1;

  if (result == NULL)
    return -1;
  if (PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  else
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                 _("The shared library %s has no story %s"), self->location, ref);
  PQclear (result);
  return id;
}

/**
 * sd_pg_library_get_person:
 * @out_name: (out) (transfer full): the database role the connection is
 * @out_role: (out): the highest of the library's roles it holds
 *
 * Returns: TRUE when the person holds one of the library's roles; FALSE
 * with @error unset when they hold none.
 */
gboolean
sd_pg_library_get_person (SdPgLibrary *self, char **out_name, SdPgRole *out_role, GError **error)
{
  PGresult *result =
      _sd_pg_run (self,
                  "SELECT current_user,"
                  "  CASE WHEN pg_has_role ('storydesk_admin', 'MEMBER') THEN 2"
                  "   WHEN pg_has_role ('storydesk_reviewer', 'MEMBER') THEN 1"
                  "   WHEN pg_has_role ('storydesk_editor', 'MEMBER') THEN 0 ELSE -1 END",
                  0, NULL, error);
  int role;

  if (result == NULL)
    return FALSE;
  *out_name = g_strdup (PQgetvalue (result, 0, 0));
  role = atoi (PQgetvalue (result, 0, 1));
  PQclear (result);
  if (role < 0)
    return FALSE;
  *out_role = (SdPgRole) role;
  return TRUE;
}

const char *
sd_pg_role_to_label (SdPgRole role)
{
  switch (role)
    {
    case SD_PG_ROLE_EDITOR:
      return _("an editor (编辑)");
    case SD_PG_ROLE_REVIEWER:
      return _("a reviewer (审稿)");
    case SD_PG_ROLE_ADMIN:
      return _("an admin (管理员)");
    }
  g_return_val_if_reached ("");
}
