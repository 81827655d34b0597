/* sd-pg-copy.c — a personal library's stories copied into a shared one
 * (#17 item 6): every field the personal library's cursor reads, its page,
 * tags with their colours, highlights with their anchors, and the notes
 * and statuses a merge replaced (its history); the pages a run adds are
 * one import batch, as an import run's are (sd-pg-batches.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A story is known by its uuid: one the shared library holds already is
 * left as it is, so a copy run again (or after it was stopped) adds only
 * what is missing and never a second of anything.
 */
#define G_LOG_DOMAIN "sd-pg-copy"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sd-pg-corrections.h"
#include "sd-pg-private.h"
#include "sd-store-cursor.h"

typedef struct
{
  GPtrArray  *stories;    /* (element-type SdStory) full records */
  GHashTable *tag_colors; /* (nullable) name → "#rrggbb" */
  SdStore    *store;      /* (nullable) the personal library: its pages' text */
  guint       n_copied;
  guint       n_skipped;
  GPtrArray  *histories;  /* (nullable) each story's SdHistoryEntry array, in step */
  gboolean    file_pages; /* a page a story is copied onto goes in the run's batch */
} CopyBatch;

char *
_sd_pg_dup_json_strings (GPtrArray *strings)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Runs @sql, an INSERT … RETURNING id: the id in @out_id, NULL when it
 * returned no row. */
static gboolean
insert_returning_id (SdPgLibrary       *self,
                     const char        *sql,
                     int                n_params,
                     const char *const *params,
                     char             **out_id,
                     GError           **error)
{
  PGresult *result = _sd_pg_run (self, sql, n_params, params, error);

  if (result == NULL)
    return FALSE;
  *out_id = PQntuples (result) == 1 ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  PQclear (result);
  return TRUE;
}

/* The page's row, made on its first story; its id in @out_id,
 * @out_unfiled: whether it belongs to no import batch yet. */
static gboolean
put_page (
    SdPgLibrary *self, const SdStory *story, char **out_id, gboolean *out_unfiled, GError **error)
{
  const char       *file = story->source_file != NULL ? story->source_file : "";
  g_autofree char  *identity = g_strjoin ("\x1f", file, story->paper != NULL ? story->paper : "",
                                         story->issue_date != NULL ? story->issue_date : "",
                                         story->page_no != NULL ? story->page_no : "", NULL);
  const char *const params[] = { identity, file, story->paper, story->issue_date, story->page_no };
  PGresult         *result;

  /* the no-op update makes RETURNING give the row of a page already there */
  result = _sd_pg_run (self,
                       "INSERT INTO pages (identity, source_file, paper, issue_date,"
                       "  page_no) VALUES ($1, $2, $3, $4, $5)"
                       " ON CONFLICT (identity) DO UPDATE SET identity = $1"
                       " RETURNING id, batch_id IS NULL",
                       G_N_ELEMENTS (params), params, error);
  if (result == NULL)
    return FALSE;
  *out_id = g_strdup (PQgetvalue (result, 0, 0));
  *out_unfiled = g_strcmp0 (PQgetvalue (result, 0, 1), "t") == 0;
  PQclear (result);
  return TRUE;
}

/* Inserts @story on page @page_id unless its uuid is there; its id in
 * @out_id, NULL when it was there. */
static gboolean
insert_story (SdPgLibrary   *self,
              const SdStory *story,
              const char    *page_id,
              gint64         ordinal,
              char         **out_id,
              GError       **error)
{
  g_autofree char *order = ordinal > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, ordinal) : NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  g_autofree char *captions = _sd_pg_dup_json_strings (story->captions);
  g_autofree char *headings = _sd_pg_dup_json_strings (story->section_headings);
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, story->source_start);
  g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT, story->source_end);
  char             confidence[G_ASCII_DTOSTR_BUF_SIZE];
  const char      *params[SD_PG_STORY_PARAMS + 12];

  g_ascii_dtostr (confidence, sizeof confidence, story->place_confidence);
  _sd_pg_fill_story_params (params, id, story);
  params[SD_PG_STORY_PARAMS + 0] = story->uuid;
  params[SD_PG_STORY_PARAMS + 1] = page_id;
  params[SD_PG_STORY_PARAMS + 2] = story->editor;
  params[SD_PG_STORY_PARAMS + 3] = story->updated;
  params[SD_PG_STORY_PARAMS + 4] = start;
  params[SD_PG_STORY_PARAMS + 5] = end;
  params[SD_PG_STORY_PARAMS + 6] = captions;
  params[SD_PG_STORY_PARAMS + 7] = headings;
  params[SD_PG_STORY_PARAMS + 8] = story->truncated ? "true" : "false";
  params[SD_PG_STORY_PARAMS + 9] = confidence;
  params[SD_PG_STORY_PARAMS + 10] = story->place_by_editor ? "true" : "false";
  params[SD_PG_STORY_PARAMS + 11] = order;

  /* the story's id when no story has it, else (and for a new story, of
   * id 0) the next after the highest */
  return insert_returning_id (
      self,
      "INSERT INTO stories (id, kind, headline, subheadline, reporter, byline, body, note,"
      "  status, place_code, uuid, page_id, ordinal, editor, updated, source_start, source_end,"
      "  captions, section_headings, truncated, place_confidence, place_by_editor)"
      " VALUES (CASE WHEN $1::bigint = 0 OR EXISTS (SELECT 1 FROM stories WHERE id = $1::bigint)"
      "   THEN (SELECT coalesce (max (id), 0) + 1 FROM stories) ELSE $1::bigint END,"
      "  $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
      "  coalesce ($22::bigint,"
      "    (SELECT coalesce (max (ordinal), 0) + 1 FROM stories WHERE page_id = $12)),"
      "  $13, $14, $15, $16, $17, $18, $19, $20, $21)"
      " ON CONFLICT (uuid) DO NOTHING RETURNING id",
      G_N_ELEMENTS (params), params, out_id, error);
}

static gboolean
put_tags (
    SdPgLibrary *self, const char *id, const SdStory *story, GHashTable *colors, GError **error)
{
  for (guint i = 0; story->tags != NULL && i < story->tags->len; i++)
    {
      const char       *name = g_ptr_array_index (story->tags, i);
      const char       *color = colors != NULL ? g_hash_table_lookup (colors, name) : NULL;
      const char *const tag[] = { name, color };
      const char *const on[] = { id, name };

      /* a colour the shared library gave the tag already stays */
      if (!_sd_pg_run_command (self,
                               "INSERT INTO tags (name, color) VALUES ($1, $2)"
                               " ON CONFLICT (name) DO UPDATE"
                               " SET color = coalesce (tags.color, EXCLUDED.color)",
                               2, tag, error)
          || !_sd_pg_run_command (self,
                                  "INSERT INTO story_tags (story_id, tag_id)"
                                  " SELECT $1::bigint, id FROM tags WHERE name = $2"
                                  " ON CONFLICT DO NOTHING",
                                  2, on, error))
        return FALSE;
    }
  return TRUE;
}

/* Highlight @highlight of story @id at characters [@start, @end), unless
 * the story has one of that span and quote already; @out_added (nullable):
 * whether it was added.  Its time is @created where it has none. */
gboolean
_sd_pg_put_highlight (SdPgLibrary       *self,
                      const char        *id,
                      const SdHighlight *highlight,
                      gint64             start,
                      gint64             end,
                      const char        *created,
                      gboolean          *out_added,
                      GError           **error)
{
  g_autofree char  *from = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_autofree char  *to = g_strdup_printf ("%" G_GINT64_FORMAT, end);
  const char *const params[] = {
    id,
    from,
    to,
    highlight->quote != NULL ? highlight->quote : "",
    highlight->prefix != NULL ? highlight->prefix : "",
    highlight->suffix != NULL ? highlight->suffix : "",
    highlight->comment != NULL ? highlight->comment : "",
    highlight->editor,
    highlight->created != NULL ? highlight->created : created,
  };
  PGresult *result = _sd_pg_run (self,
                                 "INSERT INTO highlights (story_id, start_char, end_char, quote,"
                                 "  prefix, suffix, comment, editor, created)"
                                 " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE NOT EXISTS"
                                 " (SELECT 1 FROM highlights WHERE story_id = $1"
                                 "  AND start_char = $2 AND end_char = $3 AND quote = $4)",
                                 G_N_ELEMENTS (params), params, error);

  if (result == NULL)
    return FALSE;
  if (out_added != NULL)
    *out_added = atoi (PQcmdTuples (result)) > 0;
  PQclear (result);
  return TRUE;
}

static gboolean
put_highlights (SdPgLibrary *self, const char *id, const SdStory *story, GError **error)
{
  for (guint i = 0; story->highlights != NULL && i < story->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);

      if (!_sd_pg_put_highlight (self, id, highlight, highlight->start, highlight->end, NULL, NULL,
                                 error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _sd_pg_write_story:
 *
 * @story on page @page_id, with its search windows, tags (their colours
 * from @colors, nullable), highlights and OCR repairs, as a copy writes it, at
 * @ordinal on its page (0: after the last); @out_id: its id, NULL when a
 * story of its uuid was there, which is left as it is.
 */
gboolean
_sd_pg_write_story (SdPgLibrary   *self,
                    const SdStory *story,
                    const char    *page_id,
                    gint64         ordinal,
                    GHashTable    *colors,
                    char         **out_id,
                    GError       **error)
{
  if (!insert_story (self, story, page_id, ordinal, out_id, error))
    return FALSE;
  return *out_id == NULL
         || (_sd_pg_put_windows (self, *out_id, story, error)
             && put_tags (self, *out_id, story, colors, error)
             && put_highlights (self, *out_id, story, error)
             && _sd_pg_put_repairs (self, *out_id, story, error));
}

/* The text of the personal library's page @story was cut from, on page
 * @page_id, once a batch (@done: the personal library's page ids). */
static gboolean
copy_page_text (SdPgLibrary   *self,
                SdStore       *store,
                const SdStory *story,
                const char    *page_id,
                GHashTable    *done,
                GError       **error)
{
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  gint64           size = 0;

  if (store == NULL || story->page_id == 0
      || !g_hash_table_add (done, g_memdup2 (&story->page_id, sizeof story->page_id)))
    return TRUE;
  text = sd_store_dup_page_text (store, story->page_id, &encoding, &size, error);
  if (text == NULL)
    return FALSE;
  /* a page an export brought has no text */
  return *text == '\0'
         || _sd_pg_put_page_text (self, page_id, text, encoding != NULL ? encoding : "UTF-8", size,
                                  error);
}

static gboolean
copy_batch (SdPgLibrary *self, gpointer data, GError **error)
{
  CopyBatch *batch = data;
  g_autoptr (GHashTable) pages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  batch->n_copied = batch->n_skipped = 0;
  /* the editor and time each story had come along (the stamp trigger) */
  if (!_sd_pg_run_command (self, "SET LOCAL storydesk.copying = 'on'", 0, NULL, error))
    return FALSE;
  for (guint i = 0; i < batch->stories->len; i++)
    {
      const SdStory   *story = g_ptr_array_index (batch->stories, i);
      g_autofree char *page_id = NULL;
      g_autofree char *id = NULL;
      gboolean         unfiled = FALSE;

      if (story->uuid == NULL)
        {
          g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_FAILED,
                       _("Story %lld has no uuid: open its library with this "
                         "version of Storydesk once, then copy it"),
                          (long long) story->id);
          return FALSE;
        }
      if (!put_page (self, story, &page_id, &unfiled, error)
          || !copy_page_text (self, batch->store, story, page_id, pages, error)
          || !_sd_pg_write_story (self, story, page_id, 0, batch->tag_colors, &id, error))
        return FALSE;
      /* as an import's pages are: the run's batch lists them and, deleted,
       * sends their stories to the trash; a page that has a batch keeps it,
       * and a run that copies nothing makes none */
      if (id != NULL && unfiled && batch->file_pages
          && !_sd_pg_file_page_in_batch (self, page_id, error))
        return FALSE;
      if (id == NULL)
        batch->n_skipped++;
      else
        batch->n_copied++;
      /* the notes and statuses a merge replaced come along */
      if (id != NULL && batch->histories != NULL
          && !_sd_pg_keep_history (self, id, batch->histories->pdata[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_copy (
    SdPgLibrary *self, CopyBatch *batch, guint *out_n_copied, guint *out_n_skipped, GError **error)
{
  if (!_sd_pg_check_schema (self, error) || !_sd_pg_transact (self, copy_batch, batch, error))
    return FALSE;
  *out_n_copied = batch->n_copied;
  *out_n_skipped = batch->n_skipped;
  return TRUE;
}

/**
 * sd_pg_library_copy_stories:
 * @stories: (element-type SdStory): full records, as a personal library's
 *   cursor reads them
 * @tag_colors: (nullable): tag name → "#rrggbb"
 *
 * Copies @stories in one transaction.  A story whose uuid the library
 * holds is left as it is and counted in @out_n_skipped; the others keep
 * their ids where the library has no story of that id.
 */
gboolean
sd_pg_library_copy_stories (SdPgLibrary *self,
                            GPtrArray   *stories,
                            GHashTable  *tag_colors,
                            guint       *out_n_copied,
                            guint       *out_n_skipped,
                            GError     **error)
{
  CopyBatch batch = { stories, tag_colors, NULL, 0, 0, NULL, FALSE };

  return run_copy (self, &batch, out_n_copied, out_n_skipped, error);
}

static gboolean
take_repairs (SdStore *store, SdStory *story, GError **error)
{
  g_autoptr (SdStory) whole = sd_store_get_story (store, story->id, error);

  if (whole == NULL)
    return FALSE;
  g_clear_pointer (&story->repairs, g_ptr_array_unref);
  story->repairs = g_steal_pointer (&whole->repairs);
  return TRUE;
}

/* @stories copied as sd_pg_library_copy_stories () copies them, with
 * each one's history (sd_store_list_history ()) and its page's text from
 * @store. */
static gboolean
copy_with_history (SdPgLibrary *self,
                   SdStore     *store,
                   GPtrArray   *stories,
                   GHashTable  *tag_colors,
                   guint       *out_n_copied,
                   guint       *out_n_skipped,
                   GError     **error)
{
  g_autoptr (GPtrArray) histories =
      g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  CopyBatch batch = { stories, tag_colors, store, 0, 0, histories, TRUE };

  for (guint i = 0; i < stories->len; i++)
    {
      GPtrArray *history =
          sd_store_list_history (store, ((SdStory *) stories->pdata[i])->id, error);

      if (history == NULL)
        return FALSE;
      g_ptr_array_add (histories, history);
    }
  return run_copy (self, &batch, out_n_copied, out_n_skipped, error);
}

/* Stories a transaction: a stopped copy loses at most one batch's work,
 * and the next run adds only what is missing. */
#define COPY_BATCH 200

/**
 * sd_pg_library_copy_library:
 *
 * Copies every story of @store (those in its trash aside), read through
 * its cursor a story at a time, COPY_BATCH to a transaction, with the
 * colours of their tags, their OCR repairs and their pages' text.  The
 * pages it adds are one import batch, as one import run's are.
 */
gboolean
sd_pg_library_copy_library (
    SdPgLibrary *self, SdStore *store, guint *out_n_copied, guint *out_n_skipped, GError **error)
{
  SdScope scope = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GHashTable) colors = sd_store_dup_tag_colors (store, error);
  g_autoptr (SdStoryCursor) cursor = NULL;
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdStory *story = NULL;

  *out_n_copied = *out_n_skipped = 0;
  /* the batch is made with the first page filed, kept over the transactions */
  sd_pg_library_begin_batch (self, SD_BATCH_IMPORT);
  if (colors == NULL || (cursor = sd_store_open_cursor (store, &scope, error)) == NULL)
    return FALSE;
  do
    {
      guint n_copied = 0, n_skipped = 0;

      if (!sd_story_cursor_next (cursor, &story, error))
        return FALSE;
      /* the cursor reads no repairs: the story whole has them */
      if (story != NULL && !take_repairs (store, story, error))
        {
          sd_story_unref (story);
          return FALSE;
        }
      if (story != NULL)
        g_ptr_array_add (batch, story);
      if (batch->len == 0 || (story != NULL && batch->len < COPY_BATCH))
        continue;
      if (!copy_with_history (self, store, batch, colors, &n_copied, &n_skipped, error))
        return FALSE;
      *out_n_copied += n_copied;
      *out_n_skipped += n_skipped;
      g_ptr_array_set_size (batch, 0);
    }
  while (story != NULL);
  return TRUE;
}
