/* sd-pg-undo.c — undo and redo of corrections on a shared library (#17):
 * a field, a place, a split or a join taken back (or done again) by
 * writing the stories it changed back whole, in one transaction, after
 * checking that each is still as the step left it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A personal library swaps snapshots of its rows (sd-store-snapshot.c);
 * here each story is written through the same columns a correction
 * writes, as the person's role, so an undo needs the role the correction
 * needed.  A story a join took away is made again with its own id and
 * uuid; a story a split made is joined away again through merge_away ().
 * OCR repairs go back by id (sd-pg-undo-repairs.c).
 * What no SdStory carries (its corrected mark, the themes turned down for
 * it: a join's cascade drops them) travels beside it as a GVariant "(bas)"
 * that read_story_extras () reads.
 */
#define G_LOG_DOMAIN "sd-pg-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-pg-private.h"
#include "sd-pg-undo.h"

/* The columns an undo writes back, and each one's value in a story, as
 * text: a column is written only when its value differs. */
enum
{
  COL_HEADLINE,
  COL_SUBHEADLINE,
  COL_REPORTER,
  COL_BYLINE,
  COL_BODY,
  COL_NOTE,
  COL_STATUS,
  COL_PLACE,
  COL_CONFIDENCE,
  COL_BY_EDITOR,
  COL_HEADINGS,
  COL_START,
  COL_END,
  COL_CAPTIONS,
  N_COLUMNS
};

static const char *const columns[N_COLUMNS] = {
  "headline",
  "subheadline",
  "reporter",
  "byline",
  "body",
  "note",
  "status",
  "place_code",
  "place_confidence",
  "place_by_editor",
  "section_headings",
  "source_start",
  "source_end",
  "captions",
};

static void
column_values (const SdStory *story, char *values[N_COLUMNS])
{
  char confidence[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (confidence, sizeof confidence, story->place_confidence);
  values[COL_HEADLINE] = g_strdup (story->headline);
  values[COL_SUBHEADLINE] = g_strdup (story->subheadline);
  values[COL_REPORTER] = g_strdup (story->reporter);
  values[COL_BYLINE] = g_strdup (story->byline);
  values[COL_BODY] = g_strdup (story->body != NULL ? story->body : "");
  values[COL_NOTE] = g_strdup (story->note != NULL ? story->note : "");
  values[COL_STATUS] = g_strdup (sd_story_status_to_string (story->status));
  values[COL_PLACE] = g_strdup (story->place_code);
  values[COL_CONFIDENCE] = g_strdup (confidence);
  values[COL_BY_EDITOR] = g_strdup (story->place_by_editor ? "true" : "false");
  values[COL_HEADINGS] = _sd_pg_dup_json_strings (story->section_headings);
  values[COL_START] = g_strdup_printf ("%" G_GINT64_FORMAT, story->source_start);
  values[COL_END] = g_strdup_printf ("%" G_GINT64_FORMAT, story->source_end);
  values[COL_CAPTIONS] = _sd_pg_dup_json_strings (story->captions);
}

static void
free_values (char *values[N_COLUMNS])
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (values[i]);
}

typedef struct
{
  GPtrArray  *put;    /* (element-type SdStory) as they were */
  GArray     *after;  /* (element-type gint64) (nullable) where each goes when made again */
  GPtrArray  *extras; /* (element-type GVariant) (nullable) what each held besides */
  GPtrArray  *left;   /* (element-type SdStory) as the step left them */
  GHashTable *now;    /* id → SdStory read in the transaction, the left ones */
} PutBack;

static const SdStory *
find_story (GPtrArray *stories, gint64 id)
{
  for (guint i = 0; i < stories->len; i++)
    if (((SdStory *) stories->pdata[i])->id == id)
      return stories->pdata[i];
  return NULL;
}

static gboolean
say_changed (SdPgLibrary *self, gint64 id, GError **error)
{
  g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED,
               _("Someone else changed story %lld of %s since, and undoing would overwrite that"),
                  (long long) id, self->location);
  return FALSE;
}

/* Every story the step names locked, in id order (no deadlock with another
 * undo), and each story it left read again: still as it left it. */
static gboolean
lock_and_check (SdPgLibrary *self, PutBack *back, GError **error)
{
  g_autoptr (GString) ids = g_string_new ("{");
  PGresult *result;

  for (guint i = 0; i < back->put->len + back->left->len; i++)
    {
      const SdStory *story =
          i < back->put->len ? back->put->pdata[i] : back->left->pdata[i - back->put->len];

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", story->id);
    }
  g_string_append_c (ids, '}');
  result = _sd_pg_run (
      self, "SELECT id FROM stories WHERE id = ANY ($1::bigint[]) ORDER BY id FOR UPDATE", 1,
      (const char *const[]){ ids->str }, error);
  if (result == NULL)
    return FALSE;
  PQclear (result);

  g_hash_table_remove_all (back->now);
  for (guint i = 0; i < back->left->len; i++)
    {
      const SdStory *was = back->left->pdata[i];
      g_autoptr (GError) local_error = NULL;
      g_autoptr (SdStory) now = sd_pg_library_get_story (self, was->id, NULL, &local_error);
      g_autofree char *change = NULL;

      if (now == NULL && !g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (now == NULL || (change = sd_story_describe_change (was, now)) != NULL)
        return say_changed (self, was->id, error);
      g_hash_table_insert (back->now, &now->id, sd_story_ref (now));
    }
  /* a story to be made again whose id another has taken since */
  for (guint i = 0; i < back->put->len; i++)
    {
      const SdStory   *story = back->put->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
      gboolean         taken;

      if (g_hash_table_contains (back->now, &story->id))
        continue;
      result = _sd_pg_run (self, "SELECT 1 FROM stories WHERE id = $1", 1,
                           (const char *const[]){ id }, error);
      if (result == NULL)
        return FALSE;
      taken = PQntuples (result) > 0;
      PQclear (result);
      if (taken)
        return say_changed (self, story->id, error);
    }
  return TRUE;
}

/* The columns of @story that differ from @now written, the story stamped
 * (a new version, told to every window) even when none does. */
static gboolean
update_story (SdPgLibrary *self, const SdStory *story, const SdStory *now, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("UPDATE stories SET ");
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  char            *wanted[N_COLUMNS], *there[N_COLUMNS];
  gboolean         ok;

  column_values (story, wanted);
  column_values (now, there);
  g_ptr_array_add (params, id);
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (wanted[i], there[i]) != 0)
      {
        g_ptr_array_add (params, wanted[i]);
        g_string_append_printf (sql, "%s%s = $%u%s", params->len > 2 ? ", " : "", columns[i],
                                params->len,
                                i == COL_HEADINGS || i == COL_CAPTIONS ? "::jsonb" : "");
      }
  if (params->len == 1)
    g_string_append (sql, "note = note");
  g_string_append (sql, " WHERE id = $1");
  ok = _sd_pg_run_command (self, sql->str, params->len, (const char *const *) params->pdata, error);
  free_values (wanted);
  free_values (there);
  return ok;
}

/* @story made again with its id and uuid, right after story @after on its
 * page, as a split makes its tail. */
static gboolean
insert_story (SdPgLibrary *self, const SdStory *story, gint64 after, GError **error)
{
  g_autofree char *after_id = g_strdup_printf ("%" G_GINT64_FORMAT, after);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  g_autofree char *page = NULL, *ordinal = NULL;
  const char      *params[SD_PG_STORY_PARAMS + 11];
  char            *values[N_COLUMNS];
  PGresult        *result;
  gboolean         ok;

  result = _sd_pg_run (self, "SELECT page_id, ordinal + 1 FROM stories WHERE id = $1", 1,
                       (const char *const[]){ after_id }, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1 || PQgetisnull (result, 0, 0))
    {
      PQclear (result);
      return say_changed (self, after, error);
    }
  page = g_strdup (PQgetvalue (result, 0, 0));
  ordinal = g_strdup (PQgetvalue (result, 0, 1));
  PQclear (result);
  if (!_sd_pg_run_command (self,
                           "UPDATE stories SET ordinal = ordinal + 1"
                           " WHERE page_id = $1 AND ordinal >= $2",
                           2, (const char *const[]){ page, ordinal }, error))
    return FALSE;

  column_values (story, values);
  _sd_pg_fill_story_params (params, id, story);
  params[SD_PG_STORY_PARAMS + 0] = story->uuid;
  params[SD_PG_STORY_PARAMS + 1] = page;
  params[SD_PG_STORY_PARAMS + 2] = ordinal;
  params[SD_PG_STORY_PARAMS + 3] = values[COL_START];
  params[SD_PG_STORY_PARAMS + 4] = values[COL_END];
  params[SD_PG_STORY_PARAMS + 5] = values[COL_CAPTIONS];
  params[SD_PG_STORY_PARAMS + 6] = values[COL_HEADINGS];
  params[SD_PG_STORY_PARAMS + 7] = story->truncated ? "true" : "false";
  params[SD_PG_STORY_PARAMS + 8] = values[COL_CONFIDENCE];
  params[SD_PG_STORY_PARAMS + 9] = values[COL_BY_EDITOR];
  params[SD_PG_STORY_PARAMS + 10] = NULL;
  ok = _sd_pg_run_command (
      self,
      "INSERT INTO stories (id, kind, headline, subheadline, reporter, byline, body, note,"
      "  status, place_code, uuid, page_id, ordinal, source_start, source_end, captions,"
      "  section_headings, truncated, place_confidence, place_by_editor)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
      "  $16::jsonb, $17::jsonb, $18, $19, $20)",
      SD_PG_STORY_PARAMS + 10, params, error);
  free_values (values);
  return ok;
}

/* @story's highlights back where they were (a split or join moved them
 * between stories), those not moved left alone. */
static gboolean
move_highlights (SdPgLibrary *self, PutBack *back, const SdStory *story, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);

  for (guint i = 0; story->highlights != NULL && i < story->highlights->len; i++)
    {
      const SdHighlight *highlight = story->highlights->pdata[i];
      const SdStory     *now = g_hash_table_lookup (back->now, &story->id);
      g_autofree char   *highlight_id = g_strdup_printf ("%" G_GINT64_FORMAT, highlight->id);
      g_autofree char   *start = g_strdup_printf ("%" G_GINT64_FORMAT, highlight->start);
      g_autofree char   *end = g_strdup_printf ("%" G_GINT64_FORMAT, highlight->end);
      gboolean           there = FALSE;

      for (guint j = 0; now != NULL && now->highlights != NULL && j < now->highlights->len; j++)
        {
          const SdHighlight *other = now->highlights->pdata[j];

          there |= other->id == highlight->id && other->start == highlight->start
                   && other->end == highlight->end;
        }
      if (!there
          && !_sd_pg_run_command (self,
                                  "UPDATE highlights SET story_id = $2, start_char = $3,"
                                  "  end_char = $4 WHERE id = $1",
                                  4, (const char *const[]){ highlight_id, id, start, end }, error))
        return FALSE;
    }
  return TRUE;
}

/* @story's OCR repairs as they were (sd-pg-undo-repairs.c). */
static gboolean
put_repairs (SdPgLibrary *self, PutBack *back, const SdStory *story, GError **error)
{
  const SdStory *now = g_hash_table_lookup (back->now, &story->id);
  gint64         gone = 0;

  if (_sd_pg_undo_put_repairs (self, back->put, now, story, &gone, error))
    return TRUE;
  return gone == 0 ? FALSE : say_changed (self, story->id, error);
}

/* @names as a PostgreSQL array literal of text: {"a","b"}. */
static char *
dup_text_array (GPtrArray *names)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      g_string_append (out, i > 0 ? ",\"" : "\"");
      for (const char *c = names->pdata[i]; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* @story's tags as they were: those it lacks put on, those it had not
 * taken off. */
static gboolean
put_tags (SdPgLibrary *self, PutBack *back, const SdStory *story, GError **error)
{
  const SdStory   *now = g_hash_table_lookup (back->now, &story->id);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  g_autofree char *names = dup_text_array (story->tags);
  guint            n_tags = story->tags != NULL ? story->tags->len : 0;
  gboolean         same = n_tags == (now != NULL && now->tags != NULL ? now->tags->len : 0);

  for (guint i = 0; same && i < n_tags; i++)
    same = g_ptr_array_find_with_equal_func (now->tags, story->tags->pdata[i], g_str_equal, NULL);
  if (same)
    return TRUE;
  return _sd_pg_run_command (self,
                             "DELETE FROM story_tags WHERE story_id = $1 AND tag_id NOT IN"
                             " (SELECT id FROM tags WHERE name = ANY ($2::text[]))",
                             2, (const char *const[]){ id, names }, error)
         && _sd_pg_run_command (self,
                                "INSERT INTO tags (name) SELECT unnest ($1::text[])"
                                " ON CONFLICT DO NOTHING",
                                1, (const char *const[]){ names }, error)
         && _sd_pg_run_command (self,
                                "INSERT INTO story_tags (story_id, tag_id)"
                                " SELECT $1::bigint, t.id FROM unnest ($2::text[]) WITH ORDINALITY"
                                "  AS n (name, i) JOIN tags t ON t.name = n.name ORDER BY n.i"
                                " ON CONFLICT DO NOTHING",
                                2, (const char *const[]){ id, names }, error);
}

/* What @story held besides its SdStory, as @extras says: its corrected
 * mark (written only when it differs, a reviewer's column) and, made again
 * (@made), the themes turned down for it, which its join dropped. */
static gboolean
put_extras (
    SdPgLibrary *self, const SdStory *story, GVariant *extras, gboolean made, GError **error)
{
  g_autofree char        *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  g_autofree const char **themes = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *array = NULL;
  gboolean         corrected, now;
  PGresult        *result;

  g_variant_get (extras, "(b^a&s)", &corrected, &themes);
  result = _sd_pg_run (self, "SELECT corrected FROM stories WHERE id = $1", 1,
                       (const char *const[]){ id }, error);
  if (result == NULL)
    return FALSE;
  now = PQntuples (result) == 1 && g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);
  if (now != corrected
      && !_sd_pg_run_command (self, "UPDATE stories SET corrected = $2 WHERE id = $1", 2,
                              (const char *const[]){ id, corrected ? "true" : "false" }, error))
    return FALSE;
  for (guint i = 0; made && themes[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) themes[i]);
  if (names->len == 0)
    return TRUE;
  array = dup_text_array (names);
  return _sd_pg_run_command (self,
                             "INSERT INTO dismissed_themes (story_id, theme)"
                             " SELECT $1::bigint, unnest ($2::text[]) ON CONFLICT DO NOTHING",
                             2, (const char *const[]){ id, array }, error);
}

/* A story the step left that is not put back (a split's tail): joined
 * away onto the first story put back, at its version now. */
static gboolean
join_away (SdPgLibrary *self, gint64 gone, gint64 kept, GError **error)
{
  g_autofree char *gone_id = g_strdup_printf ("%" G_GINT64_FORMAT, gone);
  g_autofree char *kept_id = g_strdup_printf ("%" G_GINT64_FORMAT, kept);
  g_autofree char *version = NULL;
  PGresult        *result;
  gboolean         done;

  result = _sd_pg_run (self, "SELECT version FROM stories WHERE id = $1", 1,
                       (const char *const[]){ gone_id }, error);
  if (result == NULL)
    return FALSE;
  version = PQntuples (result) == 1 ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  PQclear (result);
  if (version == NULL)
    return say_changed (self, gone, error);
  result = _sd_pg_run (self, "SELECT merge_away ($1, $2, $3)", 3,
                       (const char *const[]){ gone_id, version, kept_id }, error);
  if (result == NULL)
    return FALSE;
  done = g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);
  return done || say_changed (self, gone, error);
}

static gboolean
write_put_back (SdPgLibrary *self, gpointer data, GError **error)
{
  PutBack *back = data;

  if (!lock_and_check (self, back, error))
    return FALSE;
  for (guint i = 0; i < back->put->len; i++)
    {
      const SdStory   *story = back->put->pdata[i];
      const SdStory   *now = g_hash_table_lookup (back->now, &story->id);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
      gint64           after = back->after != NULL ? g_array_index (back->after, gint64, i) : 0;

      if (after <= 0 && i > 0)
        after = ((SdStory *) back->put->pdata[i - 1])->id;
      if (now == NULL && after <= 0)
        return say_changed (self, story->id, error);
      if (!(now != NULL ? update_story (self, story, now, error)
                        : insert_story (self, story, after, error))
          || !_sd_pg_put_windows (self, id, story, error))
        return FALSE;
      if (back->extras != NULL && back->extras->pdata[i] != NULL
          && !put_extras (self, story, back->extras->pdata[i], now == NULL, error))
        return FALSE;
    }
  /* highlights and tags once every story is there to take them */
  for (guint i = 0; i < back->put->len; i++)
    if (!move_highlights (self, back, back->put->pdata[i], error)
        || !put_tags (self, back, back->put->pdata[i], error)
        || !put_repairs (self, back, back->put->pdata[i], error))
      return FALSE;
  for (guint i = 0; i < back->left->len; i++)
    {
      const SdStory *story = back->left->pdata[i];

      if (find_story (back->put, story->id) == NULL
          && !join_away (self, story->id, ((SdStory *) back->put->pdata[0])->id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sd_pg_library_put_back (SdPgLibrary *self,
                        GPtrArray   *put,
                        GArray      *after,
                        GPtrArray   *put_extras,
                        GPtrArray   *left,
                        GError     **error)
{
  g_autoptr (GHashTable) now =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) sd_story_unref);
  PutBack back = { put, after, put_extras, left, now };

  g_return_val_if_fail (put != NULL && put->len > 0 && left != NULL, FALSE);
  return _sd_pg_transact (self, write_put_back, &back, error);
}

static gboolean
shared_put_back_stories (SdLibrary *library,
                         GPtrArray *put,
                         GArray    *after,
                         GPtrArray *put_extras,
                         GPtrArray *left,
                         GError   **error)
{
  SdPgShared  *shared = SD_PG_SHARED (library);
  SdPgLibrary *writer;
  GError      *local_error = NULL;

  if (!_sd_pg_shared_check_online (shared, error)
      || (writer = _sd_pg_shared_get_writer (shared, error)) == NULL)
    return FALSE;
  if (sd_pg_library_put_back (writer, put, after, put_extras, left, &local_error))
    return TRUE;
  return _sd_pg_shared_fail (shared, local_error, error);
}

/* On the writes' connection, which the main loop holds, as get_story. */
static gint64
shared_find_next_story (SdLibrary *library, gint64 id, gint64 *out_after, GError **error)
{
  SdPgShared      *shared = SD_PG_SHARED (library);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  SdPgLibrary     *writer;
  GError          *local_error = NULL;
  PGresult        *result;
  gint64           next = 0;

  if (!_sd_pg_shared_check_online (shared, error)
      || (writer = _sd_pg_shared_get_writer (shared, error)) == NULL)
    return -1;
  result = _sd_pg_run (writer,
                       "SELECT n.id, (SELECT b.id FROM stories b WHERE b.page_id = n.page_id"
                       "   AND (b.ordinal, b.id) < (n.ordinal, n.id) ORDER BY b.ordinal DESC,"
                       "   b.id DESC LIMIT 1)"
                       " FROM stories s JOIN stories n ON n.page_id = s.page_id"
                       "  AND n.ordinal > s.ordinal AND n.trashed IS NULL"
                       " WHERE s.id = $1 ORDER BY n.ordinal, n.id LIMIT 1",
                       1, (const char *const[]){ id_text }, &local_error);
  if (result == NULL)
    {
      _sd_pg_shared_fail (shared, local_error, error);
      return -1;
    }
  *out_after = id;
  if (PQntuples (result) == 1)
    {
      next = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      *out_after = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
    }
  PQclear (result);
  return next;
}

/* Its corrected mark and the themes turned down for it, "(bas)", on the
 * writes' connection as get_story. */
static GVariant *
shared_read_story_extras (SdLibrary *library, gint64 id, GError **error)
{
  SdPgShared      *shared = SD_PG_SHARED (library);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr (GPtrArray) themes = g_ptr_array_new ();
  SdPgLibrary *writer;
  GError      *local_error = NULL;
  PGresult    *result;
  GVariant    *extras;

  if (!_sd_pg_shared_check_online (shared, error)
      || (writer = _sd_pg_shared_get_writer (shared, error)) == NULL)
    return NULL;
  result = _sd_pg_run (writer,
                       "SELECT s.corrected, d.theme FROM stories s"
                       " LEFT JOIN dismissed_themes d ON d.story_id = s.id"
                       " WHERE s.id = $1 ORDER BY d.theme COLLATE \"C\"",
                       1, (const char *const[]){ id_text }, &local_error);
  if (result == NULL)
    {
      _sd_pg_shared_fail (shared, local_error, error);
      return NULL;
    }
  if (PQntuples (result) == 0)
    {
      PQclear (result);
      g_set_error (&local_error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                   _("The shared library %s has no story %s"), writer->location, id_text);
      _sd_pg_shared_fail (shared, local_error, error);
      return NULL;
    }
  for (int row = 0; row < PQntuples (result); row++)
    if (!PQgetisnull (result, row, 1))
      g_ptr_array_add (themes, PQgetvalue (result, row, 1));
  g_ptr_array_add (themes, NULL);
  /* copied before the result that holds the themes goes */
  extras = g_variant_ref_sink (g_variant_new (
      "(b^as)", g_str_equal (PQgetvalue (result, 0, 0), "t"), (const char *const *) themes->pdata));
  PQclear (result);
  return extras;
}

void
_sd_pg_shared_undo_init (SdLibraryInterface *iface)
{
  iface->put_back_stories = shared_put_back_stories;
  iface->find_next_story = shared_find_next_story;
  iface->read_story_extras = shared_read_story_extras;
}
