/* sd-pg-batches.c — import batches and a story's history on a shared
 * library (#17): each import run's pages are one batch, as in a personal
 * library (sd-store-trash.c), listed with their counts, deleted and
 * restored whole (sd-pg-trash.c); story_history, a note or status a merge
 * replaced, as sd-store-history.c keeps it, listed oldest first: a copy
 * brings a personal library's (sd-pg-copy.c), and the
 * merge of a JSON export writes it there too (sd-pg-exchange.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An admin (管理员) makes batches (an import) and history; every role reads
 * them.  The server says so (grants, row-level security).
 */
#define G_LOG_DOMAIN "sd-pg-batches"

#include "config.h"

#include <stdlib.h>

#include "sd-pg-corrections.h"
#include "sd-pg-private.h"

/* A time as a personal library writes one: ISO 8601, UTC. */
#define ISO_UTC(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The schema's step for them (sd-pg-schema.c's steps[]): batches, each
 * page's batch, a batch as a kind of the trash's entries, and story
 * history.  An admin writes them, anyone reads them; USING and WITH CHECK
 * on each policy, forced on the owner too. */
const char _sd_pg_schema_batches_sql[] =
    "CREATE TABLE storydesk.batches ("
    "  id bigserial PRIMARY KEY,"
    "  kind text NOT NULL DEFAULT 'import' CHECK (kind IN ('import', 'sample')),"
    "  editor text NOT NULL DEFAULT current_user,"
    "  started timestamptz NOT NULL DEFAULT now ());"
    "ALTER TABLE storydesk.pages ADD COLUMN batch_id bigint"
    "  REFERENCES storydesk.batches (id) ON DELETE SET NULL;"
    "CREATE INDEX pages_by_batch ON storydesk.pages (batch_id);"
    "ALTER TABLE storydesk.stories DROP CONSTRAINT IF EXISTS stories_trash_kind_check;"
    "ALTER TABLE storydesk.stories ADD CONSTRAINT stories_trash_kind_check"
    "  CHECK (trash_kind IN ('story', 'page', 'batch'));"
    "CREATE TABLE storydesk.story_history ("
    "  id bigserial PRIMARY KEY,"
    "  story_id bigint NOT NULL REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  field text NOT NULL CHECK (field IN ('note', 'status')),"
    "  value text NOT NULL,"
    "  editor text,"
    "  edited text,"
    "  replaced timestamptz NOT NULL DEFAULT now (),"
    "  reason text NOT NULL DEFAULT 'merge');"
    "CREATE INDEX story_history_by_story ON storydesk.story_history (story_id);"
    "GRANT SELECT ON storydesk.batches, storydesk.story_history TO storydesk_editor;"
    "GRANT INSERT (kind) ON storydesk.batches TO storydesk_admin;"
    "GRANT INSERT (story_id, field, value, editor, edited, replaced, reason), DELETE"
    "  ON storydesk.story_history TO storydesk_admin;"
    "GRANT USAGE ON SEQUENCE storydesk.batches_id_seq, storydesk.story_history_id_seq"
    "  TO storydesk_admin;"
    "ALTER TABLE storydesk.batches ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.batches FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY read_batches ON storydesk.batches FOR SELECT TO storydesk_editor"
    "  USING (true);"
    "CREATE POLICY write_batches ON storydesk.batches FOR ALL TO storydesk_admin"
    "  USING (true) WITH CHECK (editor = current_user);"
    "ALTER TABLE storydesk.story_history ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_history FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY read_history ON storydesk.story_history FOR SELECT TO storydesk_editor"
    "  USING (true);"
    "CREATE POLICY write_history ON storydesk.story_history FOR ALL TO storydesk_admin"
    "  USING (true) WITH CHECK (true);";

static const char *const batch_kinds[] = {
  [SD_BATCH_IMPORT] = "import",
  [SD_BATCH_SAMPLE] = "sample",
};

static SdBatchKind
parse_batch_kind (const char *name)
{
  return g_strcmp0 (name, batch_kinds[SD_BATCH_SAMPLE]) == 0 ? SD_BATCH_SAMPLE : SD_BATCH_IMPORT;
}

/* A text column, NULL when it is. */
static char *
dup_value (PGresult *result, int row, int column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

gboolean
_sd_pg_file_page_in_batch (SdPgLibrary *self, const char *page_id, GError **error)
{
  g_autofree char *batch = NULL;
  PGresult        *result;

  /* the batch row goes with a transaction rolled back: made again */
  if (self->batch_id > 0)
    {
      g_autofree char  *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->batch_id);
      const char *const params[] = { id };

      result = _sd_pg_run (self, "SELECT 1 FROM batches WHERE id = $1", 1, params, error);
      if (result == NULL)
        return FALSE;
      if (PQntuples (result) == 0)
        self->batch_id = 0;
      PQclear (result);
    }
  if (self->batch_id == 0)
    {
      const char *const params[] = { batch_kinds[self->batch_kind] };

      result = _sd_pg_run (self, "INSERT INTO batches (kind) VALUES ($1) RETURNING id", 1, params,
                           error);
      if (result == NULL)
        return FALSE;
      self->batch_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
    }
  batch = g_strdup_printf ("%" G_GINT64_FORMAT, self->batch_id);
  return _sd_pg_run_command (self, "UPDATE pages SET batch_id = $2 WHERE id = $1", 2,
                             (const char *const[]){ page_id, batch }, error);
}

void
sd_pg_library_begin_batch (SdPgLibrary *self, SdBatchKind kind)
{
  g_return_if_fail (kind <= SD_BATCH_SAMPLE);
  self->batch_kind = kind;
  self->batch_id = 0;
}

GPtrArray *
sd_pg_library_list_batches (SdPgLibrary *self, GError **error)
{
  PGresult *result = _sd_pg_run (
      self,
      "SELECT b.id, b.kind, b.editor, " ISO_UTC (
          "b.started") ","
                       "  (SELECT min (source_file) FROM pages WHERE batch_id = b.id),"
                       "  (SELECT count (*) FROM pages WHERE batch_id = b.id),"
                       "  (SELECT count (*) FROM stories s JOIN pages p ON p.id = s.page_id"
                       "   WHERE p.batch_id = b.id AND s.trashed IS NULL),"
                       "  (SELECT count (*) FROM stories s JOIN pages p ON p.id = s.page_id"
                       "   WHERE p.batch_id = b.id AND s.trashed IS NOT NULL)"
                       " FROM batches b ORDER BY b.id",
      0, NULL, error);
  GPtrArray *batches;

  if (result == NULL)
    return NULL;
  batches = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_batch_free);
  for (int row = 0; row < PQntuples (result); row++)
    {
      SdBatch *batch = g_new0 (SdBatch, 1);

      batch->id = g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10);
      batch->kind = parse_batch_kind (PQgetvalue (result, row, 1));
      batch->editor = dup_value (result, row, 2);
      batch->started = dup_value (result, row, 3);
      batch->first_file = dup_value (result, row, 4);
      batch->n_pages = atoi (PQgetvalue (result, row, 5));
      batch->n_stories = atoi (PQgetvalue (result, row, 6));
      batch->n_trashed = atoi (PQgetvalue (result, row, 7));
      g_ptr_array_add (batches, batch);
    }
  PQclear (result);
  return batches;
}

GPtrArray *
sd_pg_library_list_trash (SdPgLibrary *self, GError **error)
{
  PGresult *result = _sd_pg_run (
      self,
      "SELECT s.trash_kind, s.trash_of, " ISO_UTC (
          "max (s.trashed)") ","
                             "  count (DISTINCT s.page_id), count (*), min (p.source_file),"
                             "  min (coalesce (s.headline, substr (s.body, 1, 24))),"
                             "  CASE WHEN s.trash_kind = 'batch'"
                             "    THEN (SELECT kind FROM batches WHERE id = s.trash_of) END"
                             " FROM stories s JOIN pages p ON p.id = s.page_id WHERE s.trashed IS "
                             "NOT NULL"
                             " GROUP BY s.trash_kind, s.trash_of ORDER BY max (s.trashed) DESC, 1, "
                             "2",
      0, NULL, error);
  GPtrArray *entries;

  if (result == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_trash_entry_free);
  for (int row = 0; row < PQntuples (result); row++)
    {
      SdTrashEntry *entry = g_new0 (SdTrashEntry, 1);
      const char   *kind = PQgetvalue (result, row, 0);

      entry->kind = g_str_equal (kind, "batch")  ? SD_TRASH_BATCH
                    : g_str_equal (kind, "page") ? SD_TRASH_PAGE
                                                 : SD_TRASH_STORY;
      entry->target = g_ascii_strtoll (PQgetvalue (result, row, 1), NULL, 10);
      entry->trashed = dup_value (result, row, 2);
      entry->n_pages = atoi (PQgetvalue (result, row, 3));
      entry->n_stories = atoi (PQgetvalue (result, row, 4));
      entry->label = dup_value (result, row, entry->kind == SD_TRASH_STORY ? 6 : 5);
      if (entry->kind == SD_TRASH_BATCH)
        entry->batch_kind = parse_batch_kind (PQgetvalue (result, row, 7));
      g_ptr_array_add (entries, entry);
    }
  PQclear (result);
  return entries;
}

gboolean
_sd_pg_keep_history (SdPgLibrary *self, const char *story_id, GPtrArray *history, GError **error)
{
  for (guint i = 0; i < history->len; i++)
    {
      const SdHistoryEntry *entry = history->pdata[i];
      const char *const     params[] = {
            story_id,
            entry->field,
        entry->value != NULL ? entry->value : "",
            entry->editor,
            entry->edited,
            entry->replaced,
        entry->reason != NULL ? entry->reason : "merge",
      };

      if (!_sd_pg_run_command (self,
                               "INSERT INTO story_history (story_id, field, value, editor, edited,"
                               "  replaced, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                               G_N_ELEMENTS (params), params, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
sd_pg_library_list_history (SdPgLibrary *self, gint64 story_id, GError **error)
{
  g_autofree char  *id = g_strdup_printf ("%" G_GINT64_FORMAT, story_id);
  const char *const params[] = { id };
  PGresult         *result =
      _sd_pg_run (self,
                  "SELECT field, value, editor, edited, " ISO_UTC (
                      "replaced") ", reason"
                                  " FROM story_history WHERE story_id = $1 ORDER BY replaced, id",
                  1, params, error);
  GPtrArray *entries;

  if (result == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_history_entry_free);
  for (int row = 0; row < PQntuples (result); row++)
    {
      SdHistoryEntry *entry = g_new0 (SdHistoryEntry, 1);

      entry->field = dup_value (result, row, 0);
      entry->value = dup_value (result, row, 1);
      entry->editor = dup_value (result, row, 2);
      entry->edited = dup_value (result, row, 3);
      entry->replaced = dup_value (result, row, 4);
      entry->reason = dup_value (result, row, 5);
      g_ptr_array_add (entries, entry);
    }
  PQclear (result);
  return entries;
}

/* SdLibrary's side on a shared library: on the connection the library
 * writes on (the main loop's, or an import's or the command line's). */

static SdPgLibrary *
connection_of (SdLibrary *library, GError **error)
{
  SdPgShared *self = SD_PG_SHARED (library);

  if (!_sd_pg_shared_check_online (self, error))
    return NULL;
  return _sd_pg_shared_get_writer (self, error);
}

/* In the import's worker, before its first page: its connection is made
 * there, a failure said again by the page's check. */
static void
shared_begin_batch (SdLibrary *library, SdBatchKind kind)
{
  SdPgLibrary *writer = _sd_pg_shared_get_writer (SD_PG_SHARED (library), NULL);

  if (writer != NULL)
    sd_pg_library_begin_batch (writer, kind);
}

static GPtrArray *
shared_list_batches (SdLibrary *library, GError **error)
{
  SdPgLibrary *writer = connection_of (library, error);

  return writer != NULL ? sd_pg_library_list_batches (writer, error) : NULL;
}

static GPtrArray *
shared_list_trash (SdLibrary *library, GError **error)
{
  SdPgLibrary *writer = connection_of (library, error);

  return writer != NULL ? sd_pg_library_list_trash (writer, error) : NULL;
}

static GPtrArray *
shared_list_history (SdLibrary *library, gint64 id, GError **error)
{
  SdPgLibrary *writer = connection_of (library, error);

  return writer != NULL ? sd_pg_library_list_history (writer, id, error) : NULL;
}

static gint64
shared_find_story (SdLibrary *library, const char *ref, GError **error)
{
  SdPgLibrary *writer = connection_of (library, error);
  GError      *local_error = NULL;
  gint64       id;

  if (writer == NULL)
    return -1;
  id = sd_pg_library_find_story (writer, ref, &local_error);
  /* as a personal library says it */
  if (g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND))
    local_error->domain = SD_STORE_ERROR, local_error->code = SD_STORE_ERROR_NOT_FOUND;
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return id;
}

void
_sd_pg_shared_batches_init (SdLibraryInterface *iface)
{
  iface->begin_batch = shared_begin_batch;
  iface->list_batches = shared_list_batches;
  iface->list_trash = shared_list_trash;
  iface->list_history = shared_list_history;
  iface->find_story = shared_find_story;
}
