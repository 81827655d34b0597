/* sd-pg-corrections.c — a reviewer's corrections on a shared library:
 * fields, places, splits and merges, page details (#17); each a write at
 * the version read, with the story's search windows rewritten in its
 * transaction
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-corrections"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-pg-corrections.h"
#include "sd-pg-private.h"
#include "sd-story-cuts.h"
#include "sd-story-repairs.h"

/* Whatever a correction changes, it hands back the searched fields
 * (headline, subheadline, body, byline, note) for the windows, then the
 * version. */
#define RETURNING_SEARCHED " RETURNING headline, subheadline, body, byline, note, version"

static const char *const field_columns[] = {
  [SD_STORY_FIELD_HEADLINE] = "headline",
  [SD_STORY_FIELD_SUBHEADLINE] = "subheadline",
  [SD_STORY_FIELD_REPORTER] = "reporter",
  [SD_STORY_FIELD_BYLINE] = "byline",
};

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
say_changed (SdPgLibrary *self, const char *id, GError **error)
{
  g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED,
               _("Someone else changed story %s of %s since you opened it"), id, self->location);
  return FALSE;
}

/* Runs @sql, an UPDATE of story $1 … AND version = $n RETURNING_SEARCHED:
 * SD_PG_ERROR_CHANGED when no row was at that version; else the story's
 * windows rewritten. */
static gboolean
update_searched (SdPgLibrary       *self,
                 const char        *id,
                 const char        *sql,
                 int                n_params,
                 const char *const *params,
                 GError           **error)
{
  g_autoptr (SdStory) story = sd_story_new ();
  PGresult *result = _sd_pg_run (self, sql, n_params, params, error);
  gboolean  ok;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      PQclear (result);
      return say_changed (self, id, error);
    }
  _sd_pg_read_searched_fields (story, result);
  PQclear (result);
  ok = _sd_pg_put_windows (self, id, story, error);
  return ok;
}

/* A story read whole in the transaction, with its version; a story in the
 * trash is not there for corrections. */
static SdStory *
read_live (SdPgLibrary *self, gint64 id, gint64 *out_version, GError **error)
{
  g_autofree char  *id_str = id_text (id);
  const char *const params[] = { id_str };
  PGresult         *result;
  gboolean          live;

  result = _sd_pg_run (self, "SELECT 1 FROM stories WHERE id = $1 AND trashed IS NULL", 1, params,
                       error);
  if (result == NULL)
    return NULL;
  live = PQntuples (result) == 1;
  PQclear (result);
  if (!live)
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                   _("The shared library %s has no story %s"), self->location, id_str);
      return NULL;
    }
  return sd_pg_library_get_story (self, id, out_version, error);
}

typedef struct
{
  gint64       id;
  SdStoryField field;
  const char  *expected;
  const char  *value; /* cleaned: NULL clears */
} FieldWrite;

static gboolean
write_field (SdPgLibrary *self, gpointer data, GError **error)
{
  FieldWrite      *write = data;
  g_autofree char *id = id_text (write->id);
  g_autofree char *version_text = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (SdStory) story = NULL;
  gint64 version;

  story = read_live (self, write->id, &version, error);
  if (story == NULL)
    return FALSE;
  if (write->expected != NULL
      && g_strcmp0 (sd_story_get_field (story, write->field),
                    *write->expected != '\0' ? write->expected : NULL)
             != 0)
    return say_changed (self, id, error);
  if (g_strcmp0 (sd_story_get_field (story, write->field), write->value) == 0)
    return TRUE; /* nothing to change: no new version */
  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  sql = g_strdup_printf ("UPDATE stories SET %s = $2, corrected = true WHERE id = $1 AND version = "
                         "$3" RETURNING_SEARCHED,
                         field_columns[write->field]);
  return update_searched (self, id, sql, 3, (const char *const[]){ id, write->value, version_text },
                          error);
}

gboolean
sd_pg_library_set_story_field (SdPgLibrary *self,
                               gint64       id,
                               SdStoryField field,
                               const char  *expected,
                               const char  *value,
                               GError     **error)
{
  g_autofree char *clean = NULL;
  FieldWrite       write = { id, field, expected, NULL };

  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, FALSE);
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("The text must be UTF-8"));
      return FALSE;
    }
  /* stored as a personal library stores it: trimmed, empty as none */
  clean = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  write.value = clean != NULL && *clean != '\0' ? clean : NULL;
  /* a field the editor left as shown is no change of theirs, whoever
   * changed it since */
  if (expected != NULL && g_strcmp0 (*expected != '\0' ? expected : NULL, write.value) == 0)
    return TRUE;
  return _sd_pg_transact (self, write_field, &write, error);
}

typedef struct
{
  const gint64 *ids;
  guint         n_ids;
  const char   *place_code;
} PlaceWrite;

static gboolean
write_places (SdPgLibrary *self, gpointer data, GError **error)
{
  PlaceWrite *write = data;

  for (guint i = 0; i < write->n_ids; i++)
    {
      g_autofree char *id = id_text (write->ids[i]);
      g_autofree char *version_text = NULL;
      g_autoptr (SdStory) story = NULL;
      gint64 version;

      story = read_live (self, write->ids[i], &version, error);
      if (story == NULL)
        return FALSE;
      version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      if (!update_searched (
              self, id,
              "UPDATE stories SET place_code = $2, place_confidence = 1,"
              "  place_by_editor = true WHERE id = $1 AND version = $3" RETURNING_SEARCHED,
              3, (const char *const[]){ id, write->place_code, version_text }, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sd_pg_library_set_place (
    SdPgLibrary *self, const gint64 *ids, guint n_ids, const char *place_code, GError **error)
{
  PlaceWrite write = { ids, n_ids, place_code };

  return _sd_pg_transact (self, write_places, &write, error);
}

/* Where story @id stands: its page and place on it. */
static gboolean
read_position (
    SdPgLibrary *self, const char *id, char **out_page, gint64 *out_ordinal, GError **error)
{
  PGresult *result = _sd_pg_run (self, "SELECT page_id, ordinal FROM stories WHERE id = $1", 1,
                                 (const char *const[]){ id }, error);
  gboolean  paged;

  if (result == NULL)
    return FALSE;
  paged = PQntuples (result) == 1 && !PQgetisnull (result, 0, 0);
  if (paged)
    {
      *out_page = g_strdup (PQgetvalue (result, 0, 0));
      *out_ordinal = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
    }
  PQclear (result);
  if (!paged)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                 _("Story %s of %s was cut from no page: it cannot be split or joined"), id,
                    self->location);
  return paged;
}

/* Highlights of story @from starting at or after @start go to @to,
 * shifted by @shift characters. */
static gboolean
carry_highlights (
    SdPgLibrary *self, const char *from, const char *to, gint64 start, gint64 shift, GError **error)
{
  g_autofree char *start_text = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_autofree char *shift_text = g_strdup_printf ("%" G_GINT64_FORMAT, shift);

  return _sd_pg_run_command (self,
                             "UPDATE highlights SET story_id = $2, start_char = start_char + $4,"
                             "  end_char = end_char + $4 WHERE story_id = $1 AND start_char >= $3",
                             4, (const char *const[]){ from, to, start_text, shift_text }, error);
}

/* @from's tags put on @to too, in the order they were put on, as this
 * editor's. */
static gboolean
carry_tags (SdPgLibrary *self, const char *from, const char *to, GError **error)
{
  return _sd_pg_run_command (self,
                             "INSERT INTO story_tags (story_id, tag_id)"
                             " SELECT $2::bigint, tag_id FROM story_tags WHERE story_id = $1"
                             " ORDER BY n ON CONFLICT DO NOTHING",
                             2, (const char *const[]){ from, to }, error);
}

typedef struct
{
  gint64 id;
  guint  paragraph;
  gint64 new_id; /* out */
} SplitWrite;

/* The tail, the next after the highest id (new stories one at a time, as
 * an import makes them), after the head on its page, with the head's
 * review state and place as the editor's. */
static char *
insert_tail (SdPgLibrary      *self,
             const SdStory    *head,
             const SdStoryCut *cut,
             const char       *page,
             gint64            ordinal,
             GError          **error)
{
  SdStory          *tail = cut->tail;
  g_autofree char  *uuid = g_uuid_string_random ();
  g_autofree char  *ordinal_text = g_strdup_printf ("%" G_GINT64_FORMAT, ordinal + 1);
  g_autofree char  *start = g_strdup_printf ("%" G_GINT64_FORMAT, tail->source_start);
  g_autofree char  *end = g_strdup_printf ("%" G_GINT64_FORMAT, tail->source_end);
  g_autofree char  *headings = _sd_pg_dup_json_strings (tail->section_headings);
  char              confidence[G_ASCII_DTOSTR_BUF_SIZE];
  const char *const params[] = {
    sd_story_kind_to_string (tail->kind),
    tail->headline,
    tail->body,
    sd_story_status_to_string (head->status),
    tail->place_code,
    confidence,
    head->place_by_editor ? "true" : "false",
    uuid,
    page,
    ordinal_text,
    start,
    end,
    headings,
  };
  PGresult *result;
  char     *id;

  g_ascii_dtostr (confidence, sizeof confidence, tail->place_confidence);
  if (!_sd_pg_run_command (self, "SELECT pg_advisory_xact_lock (hashtext ('storydesk import'))", 0,
                           NULL, error))
    return NULL;
  result = _sd_pg_run (self,
                       "INSERT INTO stories (id, kind, headline, body, status, place_code,"
                       "  place_confidence, place_by_editor, uuid, page_id, ordinal,"
                       "  source_start, source_end, section_headings)"
                       " VALUES ((SELECT coalesce (max (id), 0) + 1 FROM stories),"
                       "  $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                       " RETURNING id",
                       G_N_ELEMENTS (params), params, error);
  if (result == NULL)
    return NULL;
  id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return id;
}

static gboolean
write_split (SdPgLibrary *self, gpointer data, GError **error)
{
  SplitWrite      *write = data;
  g_autofree char *id = id_text (write->id);
  g_autofree char *page = NULL, *version_text = NULL, *headings = NULL, *end = NULL;
  g_autofree char *ordinal_text = NULL, *tail_id = NULL, *text = NULL, *encoding = NULL;
  g_autofree char *from = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStoryCut) cut = NULL;
  gint64 version, ordinal = 0, size = 0, length;

  story = read_live (self, write->id, &version, error);
  if (story == NULL || !read_position (self, id, &page, &ordinal, error)
      || (cut = sd_story_cut (story, write->paragraph, error)) == NULL
      || !_sd_pg_read_page_text (self, story->page_id, &text, &encoding, &size, error))
    return FALSE;
  /* the paragraph found in the page's text, as a personal library finds
   * it; the repairs from there on are the tail's */
  length = text != NULL ? (gint64) strlen (text) : 0;
  cut->tail->source_start = sd_story_cut_find_offset (cut, story, text, length, encoding, size);
  from = id_text (sd_page_text_offset (cut->tail->source_start, length, encoding, size));
  cut->tail->source_end = story->source_end;
  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  headings = _sd_pg_dup_json_strings (cut->head_headings);
  end = g_strdup_printf ("%" G_GINT64_FORMAT, cut->tail->source_start);
  ordinal_text = g_strdup_printf ("%" G_GINT64_FORMAT, ordinal);
  if (!update_searched (
          self, id,
          "UPDATE stories SET body = $2, section_headings = $3::jsonb,"
          "  source_end = $4, corrected = true WHERE id = $1 AND version = $5" RETURNING_SEARCHED,
          5, (const char *const[]){ id, cut->head_body, headings, end, version_text }, error)
      || !_sd_pg_run_command (self,
                              "UPDATE stories SET ordinal = ordinal + 1"
                              " WHERE page_id = $1 AND ordinal > $2",
                              2, (const char *const[]){ page, ordinal_text }, error)
      || (tail_id = insert_tail (self, story, cut, page, ordinal, error)) == NULL
      || !_sd_pg_put_windows (self, tail_id, cut->tail, error)
      || !carry_tags (self, id, tail_id, error)
      || !carry_highlights (self, id, tail_id, cut->tail_from, cut->tail_shift, error)
      || !_sd_pg_run_command (self,
                              "UPDATE story_repairs SET story_id = $2"
                              " WHERE story_id = $1 AND start_byte >= $3",
                              3, (const char *const[]){ id, tail_id, from }, error))
    return FALSE;
  write->new_id = g_ascii_strtoll (tail_id, NULL, 10);
  return TRUE;
}

gboolean
sd_pg_library_split_story (
    SdPgLibrary *self, gint64 id, guint paragraph, gint64 *out_new_id, GError **error)
{
  SplitWrite write = { id, paragraph, 0 };

  if (!_sd_pg_transact (self, write_split, &write, error))
    return FALSE;
  if (out_new_id != NULL)
    *out_new_id = write.new_id;
  return TRUE;
}

/* The live story after @ordinal on @page; NULL with an error when none. */
static char *
find_next (SdPgLibrary *self, const char *page, gint64 ordinal, GError **error)
{
  g_autofree char *ordinal_text = g_strdup_printf ("%" G_GINT64_FORMAT, ordinal);
  PGresult        *result = _sd_pg_run (self,
                                        "SELECT id FROM stories WHERE page_id = $1 AND ordinal > $2"
                                               " AND trashed IS NULL ORDER BY ordinal, id LIMIT 1",
                                        2, (const char *const[]){ page, ordinal_text }, error);
  char            *next = NULL;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 1)
    next = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  if (next == NULL)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                 _("This is the last story of its page: there is nothing to join"));
  return next;
}

static gboolean
write_merge (SdPgLibrary *self, gpointer data, GError **error)
{
  gint64          *story_id = data;
  g_autofree char *id = id_text (*story_id);
  g_autofree char *page = NULL, *next_id = NULL, *version_text = NULL, *next_version = NULL;
  g_autofree char *headings = NULL, *end = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStory) next = NULL;
  g_autoptr (SdStoryJoin) join = NULL;
  gint64    version, ordinal = 0, later;
  PGresult *result;
  gboolean  gone;

  story = read_live (self, *story_id, &version, error);
  if (story == NULL || !read_position (self, id, &page, &ordinal, error)
      || (next_id = find_next (self, page, ordinal, error)) == NULL
      || (next = read_live (self, g_ascii_strtoll (next_id, NULL, 10), &later, error)) == NULL)
    return FALSE;
  join = sd_story_join (story, next);
  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  next_version = g_strdup_printf ("%" G_GINT64_FORMAT, later);
  headings = _sd_pg_dup_json_strings (join->headings);
  end = g_strdup_printf ("%" G_GINT64_FORMAT, next->source_end);
  if (!update_searched (
          self, id,
          "UPDATE stories SET body = $2, section_headings = $3::jsonb,"
          "  source_end = $4, note = $5, corrected = true WHERE id = $1 AND version = "
          "$6" RETURNING_SEARCHED,
          6, (const char *const[]){ id, join->body, headings, end, join->note, version_text },
          error)
      || !carry_tags (self, next_id, id, error)
      || !carry_highlights (self, next_id, id, 0, join->shift, error)
      /* its OCR repairs too: the text they changed is this story's now */
      || !_sd_pg_run_command (self, "UPDATE story_repairs SET story_id = $2 WHERE story_id = $1", 2,
                              (const char *const[]){ next_id, id }, error))
    return FALSE;
  /* the joined story goes at the version read, through the server's
   * function: a reviewer deletes no other story */
  result = _sd_pg_run (self, "SELECT merge_away ($1, $2, $3)", 3,
                       (const char *const[]){ next_id, next_version, id }, error);
  if (result == NULL)
    return FALSE;
  gone = g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);
  return gone || say_changed (self, next_id, error);
}

gboolean
sd_pg_library_merge_with_next (SdPgLibrary *self, gint64 id, GError **error)
{
  return _sd_pg_transact (self, write_merge, &id, error);
}

typedef struct
{
  gint64 id;
  gint64 repair_id;
} RepairRevert;

/* The repair's text put back as a personal library puts it back
 * (sd-story-repairs.c), from the page's text, at the version read; the
 * repair's row gone in the same transaction. */
static gboolean
write_revert (SdPgLibrary *self, gpointer data, GError **error)
{
  RepairRevert    *revert = data;
  g_autofree char *id = id_text (revert->id);
  g_autofree char *repair_id = id_text (revert->repair_id);
  g_autofree char *text = NULL, *encoding = NULL, *version_text = NULL, *captions = NULL;
  g_auto (SdStoryReverted) reverted = { 0 };
  g_autoptr (SdStory) story = NULL;
  gint64 version, size;

  story = read_live (self, revert->id, &version, error);
  /* a page kept without its text: the repairs alone say nothing */
  if (story == NULL || !_sd_pg_read_page_text (self, story->page_id, &text, &encoding, &size, error)
      || !sd_story_revert_repair (story, revert->repair_id, text != NULL ? text : "",
                                  text != NULL ? strlen (text) : 0, &reverted, error))
    return FALSE;
  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  captions = _sd_pg_dup_json_strings (reverted.captions);
  return update_searched (
             self, id,
             "UPDATE stories SET body = $2, byline = $3, captions = $4::jsonb,"
             "  corrected = true WHERE id = $1 AND version = $5" RETURNING_SEARCHED,
             5, (const char *const[]){ id, reverted.body, reverted.byline, captions, version_text },
             error)
         && _sd_pg_run_command (self, "DELETE FROM story_repairs WHERE id = $1 AND story_id = $2",
                                2, (const char *const[]){ repair_id, id }, error);
}

gboolean
sd_pg_library_revert_repair (SdPgLibrary *self, gint64 id, gint64 repair_id, GError **error)
{
  RepairRevert revert = { id, repair_id };

  return _sd_pg_transact (self, write_revert, &revert, error);
}

/* SdLibrary's corrections on a shared library: on the main loop's
 * connection, as the person's role; what the server refuses is said. */

static SdPgLibrary *
get_writer (SdLibrary *library, GError **error)
{
  SdPgShared *self = SD_PG_SHARED (library);

  if (!_sd_pg_shared_check_online (self, error))
    return NULL;
  return _sd_pg_shared_get_writer (self, error);
}

/* @local_error (taken), when the write failed, as the window reads it. */
static gboolean
pass_on (SdLibrary *library, GError *local_error, GError **error)
{
  return local_error == NULL || _sd_pg_shared_fail (SD_PG_SHARED (library), local_error, error);
}

static gboolean
shared_set_story_field (SdLibrary   *library,
                        gint64       id,
                        SdStoryField field,
                        const char  *expected,
                        const char  *value,
                        GError     **error)
{
  SdPgLibrary *writer = get_writer (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  sd_pg_library_set_story_field (writer, id, field, expected, value, &local_error);
  return pass_on (library, local_error, error);
}

static gboolean
shared_set_place (
    SdLibrary *library, const gint64 *ids, guint n_ids, const char *place_code, GError **error)
{
  SdPgLibrary *writer = get_writer (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  sd_pg_library_set_place (writer, ids, n_ids, place_code, &local_error);
  return pass_on (library, local_error, error);
}

static gboolean
shared_split_story (
    SdLibrary *library, gint64 id, guint paragraph, gint64 *out_new_id, GError **error)
{
  SdPgLibrary *writer = get_writer (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  sd_pg_library_split_story (writer, id, paragraph, out_new_id, &local_error);
  return pass_on (library, local_error, error);
}

static gboolean
shared_merge_with_next (SdLibrary *library, gint64 id, GError **error)
{
  SdPgLibrary *writer = get_writer (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  sd_pg_library_merge_with_next (writer, id, &local_error);
  return pass_on (library, local_error, error);
}

static gboolean
shared_set_page_fields (SdLibrary  *library,
                        gint64      story_id,
                        const char *paper,
                        const char *issue_date,
                        const char *page_no,
                        GError    **error)
{
  SdPgLibrary *writer = get_writer (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  sd_pg_library_set_page_fields (writer, story_id, paper, issue_date, page_no, &local_error);
  return pass_on (library, local_error, error);
}

static gboolean
shared_revert_repair (SdLibrary *library, gint64 id, gint64 repair_id, GError **error)
{
  SdPgLibrary *writer = get_writer (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  sd_pg_library_revert_repair (writer, id, repair_id, &local_error);
  return pass_on (library, local_error, error);
}

void
_sd_pg_shared_corrections_init (SdLibraryInterface *iface)
{
  iface->set_story_field = shared_set_story_field;
  iface->set_place = shared_set_place;
  iface->split_story = shared_split_story;
  iface->merge_with_next = shared_merge_with_next;
  iface->set_page_fields = shared_set_page_fields;
  iface->revert_repair = shared_revert_repair;
}
