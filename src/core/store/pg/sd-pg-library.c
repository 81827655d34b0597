/* sd-pg-library.c — a shared library on a PostgreSQL server: schema,
 * stories and search
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-library"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-pg-private.h"
#include "sd-tsvector.h"

G_DEFINE_QUARK (sd - pg - error - quark, sd_pg_error)

gboolean
sd_pg_library_is_location (const char *location)
{
  return location != NULL
         && (g_str_has_prefix (location, "postgresql://")
             || g_str_has_prefix (location, "postgres://"));
}

/* Sets @error from @result (or the connection when NULL): a refusal for
 * want of rights is SD_PG_ERROR_DENIED. Returns FALSE. */
gboolean
_sd_pg_set_error (SdPgLibrary *self, PGresult *result, GError **error)
{
  g_autofree char *message =
      g_strdup (result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (self->conn));
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_RETRY,
                 _("The shared library %s: %s"), self->location, g_strstrip (message));
  else if (g_strcmp0 (state, "42501") == 0) /* insufficient_privilege, row-level security too */
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED,
                 _("The shared library %s does not allow you this: %s"), self->location,
                    g_strstrip (message));
  else
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_FAILED,
                 _("The shared library %s: %s"), self->location, g_strstrip (message));
  return FALSE;
}

gboolean
_sd_pg_run_script (SdPgLibrary *self, const char *sql, GError **error)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean  ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok)
    _sd_pg_set_error (self, result, error);
  PQclear (result);
  return ok;
}

char *
_sd_pg_quote (SdPgLibrary *self, const char *text, gboolean identifier)
{
  char *quoted = identifier ? PQescapeIdentifier (self->conn, text, strlen (text))
                            : PQescapeLiteral (self->conn, text, strlen (text));
  char *copy = g_strdup (quoted);

  PQfreemem (quoted);
  return copy;
}

/* Runs @sql with @n_params text parameters; the result when it succeeded,
 * else NULL with @error set. */
PGresult *
_sd_pg_run (
    SdPgLibrary *self, const char *sql, int n_params, const char *const *params, GError **error)
{
  PGresult      *result = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  _sd_pg_notifies_read (self);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  _sd_pg_set_error (self, result, error);
  PQclear (result);
  return NULL;
}

gboolean
_sd_pg_run_command (
    SdPgLibrary *self, const char *sql, int n_params, const char *const *params, GError **error)
{
  PGresult *result = _sd_pg_run (self, sql, n_params, params, error);

  PQclear (result);
  return result != NULL;
}

/* A transaction's statements, run again when the server chose it as the
 * loser of a deadlock or a serialization conflict: such a failure is the
 * server's to sort out, never the editor's. */
#define MAX_TRIES 5

gboolean
_sd_pg_transact (SdPgLibrary *self, SdPgTransactionFunc func, gpointer data, GError **error)
{
  for (guint attempt = 1;; attempt++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!_sd_pg_run_command (self, "BEGIN", 0, NULL, error))
        return FALSE;
      if (func (self, data, &local_error)
          && _sd_pg_run_command (self, "COMMIT", 0, NULL, &local_error))
        return TRUE;
      if (PQtransactionStatus (self->conn) != PQTRANS_IDLE)
        _sd_pg_run_command (self, "ROLLBACK", 0, NULL, NULL);
      if (attempt >= MAX_TRIES || !g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_RETRY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (g_random_int_range (1000, 20000) * attempt);
    }
}

gboolean
_sd_pg_set_up_session (SdPgLibrary *self, GError **error)
{
  return _sd_pg_run_command (self, "SET search_path = storydesk", 0, NULL, error)
         && _sd_pg_run_command (self, "SET client_min_messages = error", 0, NULL, error);
}

void
sd_pg_library_close (SdPgLibrary *self)
{
  if (self == NULL)
    return;
  _sd_pg_unwatch (self);
  PQfinish (self->conn);
  g_free (self->location);
  g_strfreev (self->conn_keywords);
  g_strfreev (self->conn_values);
  g_free (self);
}

/* Stores window @n of story @id. */
static gboolean
put_window (SdPgLibrary *self, const char *id, int n, const char *tokens, GError **error)
{
  g_autofree char  *n_text = g_strdup_printf ("%d", n);
  const char *const params[] = { id, n_text, tokens };

  return _sd_pg_run_command (self,
                             "INSERT INTO story_windows (story_id, n, tokens)"
                             " VALUES ($1, $2, $3::tsvector)",
                             3, params, error);
}

gboolean
_sd_pg_put_windows (SdPgLibrary *self, const char *id, const SdStory *story, GError **error)
{
  const char *const fields[] = { story->headline, story->subheadline, story->body, story->byline,
                                 story->note };
  g_autoptr (GPtrArray) windows = sd_tsvector_windows (fields, G_N_ELEMENTS (fields));
  const char *const del[] = { id };

  if (!_sd_pg_run_command (self, "DELETE FROM story_windows WHERE story_id = $1", 1, del, error))
    return FALSE;
  for (guint i = 0; i < windows->len; i++)
    if (!put_window (self, id, i, windows->pdata[i], error))
      return FALSE;
  if (!_sd_pg_run_command (self, "DELETE FROM story_heads WHERE story_id = $1", 1, del, error))
    return FALSE;
  if (story->headline != NULL && *story->headline != '\0')
    {
      g_autoptr (GPtrArray) head = sd_tsvector_windows (fields, 1);
      const char *const params[] = { id, head->pdata[0] };

      return _sd_pg_run_command (self,
                                 "INSERT INTO story_heads (story_id, tokens)"
                                 " VALUES ($1, $2::tsvector)",
                                 2, params, error);
    }
  return TRUE;
}

typedef struct
{
  const char        *id;
  const char *const *params; /* the ten of the INSERT */
  const SdStory     *story;
} StoryWrite;

static gboolean
write_story (SdPgLibrary *self, gpointer data, GError **error)
{
  StoryWrite *write = data;

  return _sd_pg_run_command (
             self,
             "INSERT INTO stories (id, kind, headline, subheadline, reporter, byline, body,"
             "  note, status, place_code)"
             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
             " ON CONFLICT (id) DO UPDATE SET kind = $2, headline = $3,"
             "  subheadline = $4, reporter = $5, byline = $6, body = $7, note = $8,"
             "  status = $9, place_code = $10",
             10, write->params, error)
         && _sd_pg_put_windows (self, write->id, write->story, error);
}

gboolean
sd_pg_library_put_story (SdPgLibrary *self, const SdStory *story, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  const char      *params[SD_PG_STORY_PARAMS];
  StoryWrite       write = { id, params, story };

  _sd_pg_fill_story_params (params, id, story);

  return _sd_pg_transact (self, write_story, &write, error);
}

void
_sd_pg_fill_story_params (const char **params, const char *id, const SdStory *story)
{
  params[0] = id;
  params[1] = sd_story_kind_to_string (story->kind);
  params[2] = story->headline;
  params[3] = story->subheadline;
  params[4] = story->reporter;
  params[5] = story->byline;
  params[6] = story->body != NULL ? story->body : "";
  params[7] = story->note != NULL ? story->note : "";
  params[8] = sd_story_status_to_string (story->status);
  params[9] = story->place_code;
}

void
_sd_pg_read_searched_fields (SdStory *story, PGresult *result)
{
  char **fields[] = { &story->headline, &story->subheadline, &story->body, &story->byline,
                      &story->note };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = PQgetisnull (result, 0, i) ? NULL : g_strdup (PQgetvalue (result, 0, i));
    }
}

typedef struct
{
  const char *id;
  const char *sql;
  const char *value;
  gboolean    searched;
} StoryUpdate;

static gboolean
run_update (SdPgLibrary *self, gpointer data, GError **error)
{
  StoryUpdate      *update = data;
  const char *const params[] = { update->id, update->value };
  g_autoptr (SdStory) story = sd_story_new ();
  PGresult *result = _sd_pg_run (self, update->sql, G_N_ELEMENTS (params), params, error);
  gboolean  ok = result != NULL;

  if (ok && PQntuples (result) == 0)
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                   _("The shared library %s has no story %s"), self->location, update->id);
      ok = FALSE;
    }
  if (ok && update->searched)
    {
      _sd_pg_read_searched_fields (story, result);
      ok = _sd_pg_put_windows (self, update->id, story, error);
    }
  PQclear (result);
  return ok;
}

/* Runs @sql, which changes the story @id, in a transaction; when a
 * @searched field changed, with its windows rewritten from the row it
 * returns (headline, subheadline, body, byline, note). */
static gboolean
update_story (SdPgLibrary *self,
              gint64       id,
              const char  *sql,
              const char  *value,
              gboolean     searched,
              GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  StoryUpdate      update = { id_text, sql, value, searched };

  return _sd_pg_transact (self, run_update, &update, error);
}

gboolean
sd_pg_library_set_note (SdPgLibrary *self, gint64 id, const char *note, GError **error)
{
  return update_story (self, id,
                       "UPDATE stories SET note = $2 WHERE id = $1"
                       " RETURNING headline, subheadline, body, byline, note",
                       note, TRUE, error);
}

gboolean
sd_pg_library_set_status (SdPgLibrary *self, gint64 id, SdStoryStatus status, GError **error)
{
  return update_story (self, id,
                       "UPDATE stories SET status = $2 WHERE id = $1"
                       " RETURNING headline, subheadline, body, byline, note",
                       sd_story_status_to_string (status), FALSE, error);
}

/* The counts @sql gives: a text key, then a count, a row each. */
static GHashTable *
read_counts (SdPgLibrary *self, const char *sql, GError **error)
{
  PGresult   *result = _sd_pg_run (self, sql, 0, NULL, error);
  GHashTable *counts;

  if (result == NULL)
    return NULL;
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int row = 0; row < PQntuples (result); row++)
    {
      gint64 *count = g_new (gint64, 1);

      *count = g_ascii_strtoll (PQgetvalue (result, row, 1), NULL, 10);
      g_hash_table_insert (counts, g_strdup (PQgetvalue (result, row, 0)), count);
    }
  PQclear (result);
  return counts;
}

GHashTable *
sd_pg_library_count_by_place (SdPgLibrary *self, GError **error)
{
  return read_counts (
      self,
      "SELECT coalesce (place_code, ''), count (*) FROM stories WHERE trashed IS NULL GROUP BY 1",
      error);
}

GHashTable *
sd_pg_library_count_by_date (SdPgLibrary *self, GError **error)
{
  return read_counts (self,
                      "SELECT p.issue_date, count (*) FROM stories s JOIN pages p"
                      " ON p.id = s.page_id WHERE s.trashed IS NULL AND p.issue_date IS NOT NULL"
                      " GROUP BY 1",
                      error);
}

/* @term's tsquery as the next parameter, or 0 when the index keeps
 * nothing of it (the parser refuses such terms). */
static guint
add_term (GPtrArray *params, GPtrArray *owned, const char *term)
{
  char *tsquery = sd_tsquery_for_term (term);

  if (tsquery == NULL)
    return 0;
  g_ptr_array_add (owned, tsquery);
  g_ptr_array_add (params, tsquery);
  return params->len;
}

/* Each term's stories are one GIN scan of the windows, no story read; a
 * story in all of them (a set operation, whose size the planner estimates
 * well, so it joins the stories by hash) and in none of those left out.
 * Ranked, head says whether its headline holds every wanted term, each a
 * GIN scan of the headlines, which hold a term far more rarely: the order
 * a personal library ranks by (sd-store-search.c, #16). */
gboolean
_sd_pg_append_hits (
    GString *sql, GPtrArray *params, GPtrArray *owned, const SdQuery *query, gboolean ranked)
{
  GPtrArray *terms = sd_query_get_terms (query);
  GPtrArray *excluded = sd_query_get_excluded (query);
  g_autoptr (GString) from = g_string_new (NULL);
  g_autoptr (GString) heads = g_string_new ("TRUE");
  guint n_wanted = 0, n_left_out = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      guint param = add_term (params, owned, terms->pdata[i]);

      if (param == 0)
        continue;
      g_string_append_printf (from,
                              "%sSELECT story_id FROM story_windows WHERE tokens @@ $%u::tsquery",
                              n_wanted++ > 0 ? " INTERSECT " : "", param);
      g_string_append_printf (heads,
                              " AND story_id IN (SELECT story_id FROM story_heads"
                              " WHERE tokens @@ $%u::tsquery)",
                              param);
    }
  /* only terms left out: every story is a candidate */
  if (n_wanted == 0)
    g_string_append (from, "SELECT id AS story_id FROM stories");
  for (guint i = 0; i < excluded->len; i++)
    {
      guint param = add_term (params, owned, excluded->pdata[i]);

      if (param == 0)
        continue;
      g_string_append_printf (
          from, " EXCEPT SELECT story_id FROM story_windows WHERE tokens @@ $%u::tsquery", param);
      n_left_out++;
    }
  /* a set operation gives each story once; one term alone is told to */
  g_string_append_printf (sql, "SELECT %sstory_id",
                          n_wanted == 1 && n_left_out == 0 ? "DISTINCT " : "");
  if (ranked)
    g_string_append_printf (sql, ", %s AS head", n_wanted > 0 ? heads->str : "FALSE");
  g_string_append_printf (sql, " FROM (%s) term_hits", from->str);
  return n_wanted > 0;
}

/* The planner prices reading a tsvector as nothing and scans every window
 * when a term is common; the GIN index answers a word without reading any
 * (a phrase reads only the candidates'), 10-50 times sooner here.  Index
 * scans stay allowed: the list reads its stories' order from an index. */
PGresult *
_sd_pg_run_search (SdPgLibrary *self, const char *sql, GPtrArray *params, GError **error)
{
  PGresult *result = NULL;

  if (!_sd_pg_run_command (self, "BEGIN", 0, NULL, error))
    return NULL;
  /* (workers on a small server would each build the same hash tables) */
  if (_sd_pg_run_command (self, "SET LOCAL enable_seqscan = off", 0, NULL, error)
      && _sd_pg_run_command (self, "SET LOCAL max_parallel_workers_per_gather = 0", 0, NULL, error))
    result = _sd_pg_run (self, sql, params->len, (const char *const *) params->pdata, error);
  _sd_pg_run_command (self, "COMMIT", 0, NULL, NULL);
  return result;
}

GArray *
sd_pg_library_search_ids (SdPgLibrary *self, const SdQuery *query, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT story_id FROM (");
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  PGresult *result;

  _sd_pg_append_hits (sql, params, owned, query, FALSE);
  /* the trash's stories are found by no search */
  g_string_append (sql, ") hits WHERE NOT EXISTS (SELECT 1 FROM stories s"
                        " WHERE s.id = hits.story_id AND s.trashed IS NOT NULL)");
  _sd_pg_append_filters (sql, "story_id", params, owned, query);
  g_string_append (sql, " ORDER BY story_id");
  result = _sd_pg_run_search (self, sql->str, params, error);
  return _sd_pg_take_ids (result);
}

GArray *
_sd_pg_take_ids (PGresult *result)
{
  GArray *ids;

  if (result == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PQntuples (result));
  for (int row = 0; row < PQntuples (result); row++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  PQclear (result);
  return ids;
}
