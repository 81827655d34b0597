/* sd-pg-exchange.c — a Storydesk JSON export merged into a shared library
 * (#17), by the rule a personal library merges one (sd-store-exchange.c):
 * a story of a known uuid takes the incoming tags and highlights, and the
 * newer of the two notes and statuses, the older kept in story_history;
 * the others are added, each run from one source file on a page of its own
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An admin's (管理员) work, as a page's import: the server refuses anyone
 * else's rows.  The stories are written EXCHANGE_BATCH a transaction, so
 * that editors get in between; each merged story is locked and written at
 * the version read, so an editor's change made meanwhile is weighed by its
 * edit time like any other, never written over unseen.  The stories'
 * triggers tell every window (NOTIFY).
 */
#define G_LOG_DOMAIN "sd-pg-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sd-pg-private.h"
#include "sd-story-match.h"

#define EXCHANGE_ENCODING "storydesk-json"
#define EXCHANGE_BATCH 200
#define UTC(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

typedef struct
{
  const char       *checksum;
  const char       *size;
  GPtrArray        *stories;
  guint             from, to;  /* this transaction's stories */
  char             *page_id;   /* the page of the run under way, committed */
  const SdStory    *run_story; /* its first story */
  guint             run;       /* its number in the page keys */
  GPtrArray        *new_pages; /* (element-type utf8) ids, committed */
  SdExchangeOutcome outcome;   /* committed */

  /* the same, as the transaction under way leaves them */
  char             *try_page_id;
  const SdStory    *try_run_story;
  guint             try_run;
  GPtrArray        *try_pages;
  SdExchangeOutcome try_outcome;
} Exchange;

/* The rows @sql changed, or -1 with @error set. */
static int
count_rows (SdPgLibrary *self, const char *sql, int n, const char *const *params, GError **error)
{
  PGresult *result = _sd_pg_run (self, sql, n, params, error);
  int       n_rows = result != NULL ? atoi (PQcmdTuples (result)) : -1;

  PQclear (result);
  return n_rows;
}

/* One earlier value kept, unless the same value of the same edit is
 * (the same export imported twice). */
static gboolean
keep_edit (SdPgLibrary   *self,
           const char    *id,
           const char    *field,
           const char    *value,
           const SdStory *older,
           gboolean      *out_kept,
           GError       **error)
{
  const char *const params[] = { id, field, value != NULL ? value : "", older->editor,
                                 older->updated };
  int               n;

  if ((n = count_rows (self,
                       "INSERT INTO story_history (story_id, field, value, editor, edited, reason)"
                       " SELECT $1, $2, $3, $4, $5, 'merge' WHERE NOT EXISTS (SELECT 1"
                       "   FROM story_history WHERE story_id = $1 AND field = $2 AND value = $3"
                       "   AND edited IS NOT DISTINCT FROM $5)",
                       G_N_ELEMENTS (params), params, error))
      < 0)
    return FALSE;
  *out_kept |= n > 0;
  return TRUE;
}

/* The incoming tags and highlights joined to story @id's (@own: its body);
 * @out_changed set when one was not there. */
static gboolean
join_marks (SdPgLibrary   *self,
            const char    *id,
            const SdStory *own,
            const SdStory *incoming,
            gboolean      *out_changed,
            GError       **error)
{
  for (guint i = 0; incoming->tags != NULL && i < incoming->tags->len; i++)
    {
      const char *const tag[] = { g_ptr_array_index (incoming->tags, i) };
      const char *const on[] = { id, tag[0] };
      int               n = 0;

      if (!_sd_pg_run_command (self, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING",
                               1, tag, error)
          || (n = count_rows (self,
                              "INSERT INTO story_tags (story_id, tag_id) SELECT $1::bigint, id"
                              " FROM tags WHERE name = $2 ON CONFLICT DO NOTHING",
                              2, on, error))
                 < 0)
        return FALSE;
      *out_changed |= n > 0;
    }
  for (guint i = 0; incoming->highlights != NULL && i < incoming->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (incoming->highlights, i);
      gint64             from = highlight->start, to = highlight->end;
      gboolean           added = FALSE;

      /* offsets into the incoming body, found again in the stored one */
      if (own->body != NULL && g_strcmp0 (own->body, incoming->body) != 0)
        sd_highlight_find_again (highlight, own->body, &from, &to);
      if (!_sd_pg_put_highlight (self, id, highlight, from, to, incoming->updated, &added, error))
        return FALSE;
      *out_changed |= added;
    }
  return TRUE;
}

/* Merges @incoming into the stored story of its uuid, read and locked as
 * @row (id, version, note, status, editor, updated, headline, subheadline,
 * body, byline). */
static gboolean
merge_story (SdPgLibrary   *self,
             PGresult      *row,
             const SdStory *incoming,
             gboolean      *out_conflicting,
             GError       **error)
{
  const char *id = PQgetvalue (row, 0, 0);
  const char *version = PQgetvalue (row, 0, 1);
  g_autoptr (SdStory) own = sd_story_new ();
  gboolean changed = FALSE, incoming_wins = FALSE, kept = FALSE;

  g_free (own->note);
  own->note = PQgetisnull (row, 0, 2) ? NULL : g_strdup (PQgetvalue (row, 0, 2));
  sd_story_status_from_string (PQgetvalue (row, 0, 3), &own->status);
  own->editor = PQgetisnull (row, 0, 4) ? NULL : g_strdup (PQgetvalue (row, 0, 4));
  own->updated = PQgetisnull (row, 0, 5) ? NULL : g_strdup (PQgetvalue (row, 0, 5));
  own->body = g_strdup (PQgetvalue (row, 0, 8));
  if (!join_marks (self, id, own, incoming, &changed, error))
    return FALSE;
  if (sd_exchange_weigh_edits (own, incoming, &incoming_wins, out_conflicting))
    {
      const SdStory *older = incoming_wins ? own : incoming;
      const SdStory *newer = incoming_wins ? incoming : own;

      /* the edit that lost stays in the story's history */
      if ((g_strcmp0 (older->note, newer->note) != 0
           && !keep_edit (self, id, "note", older->note, older, &kept, error))
          || (older->status != newer->status
              && !keep_edit (self, id, "status", sd_story_status_to_string (older->status), older,
                             &kept, error)))
        return FALSE;
      if (incoming_wins)
        {
          const char *const params[] = { id, incoming->note,
                                         sd_story_status_to_string (incoming->status), version };
          PGresult         *result =
              _sd_pg_run (self,
                          "UPDATE stories SET note = $2, status = $3 WHERE id = $1 AND version = $4"
                          " RETURNING headline, subheadline, body, byline, note",
                          G_N_ELEMENTS (params), params, error);
          gboolean ok;

          if (result == NULL)
            return FALSE;
          ok = PQntuples (result) == 1;
          if (!ok)
            g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED,
                         _("Story %s was changed while the export was imported"), id);
          else
            _sd_pg_read_searched_fields (own, result);
          PQclear (result);
          /* the note is searched: its windows follow it */
          return ok && _sd_pg_put_windows (self, id, own, error);
        }
    }
  /* a mark or a kept edit alone: a new version, told to every window */
  if (changed || kept)
    {
      const char *const params[] = { id };

      return _sd_pg_run_command (self, "UPDATE stories SET note = note WHERE id = $1", 1, params,
                                 error);
    }
  return TRUE;
}

/* The page the run of stories @story starts or continues is on. */
static gboolean
find_run_page (SdPgLibrary *self, Exchange *exchange, const SdStory *story, GError **error)
{
  const SdStory   *first = exchange->try_run_story;
  g_autofree char *key = NULL;
  PGresult        *result;

  if (exchange->try_page_id != NULL && g_strcmp0 (story->source_file, first->source_file) == 0
      && g_strcmp0 (story->paper, first->paper) == 0
      && g_strcmp0 (story->issue_date, first->issue_date) == 0
      && g_strcmp0 (story->page_no, first->page_no) == 0)
    return TRUE;
  key = g_strdup_printf ("%s#%u", exchange->checksum, ++exchange->try_run);
  {
    const char *const params[] = {
      key,
      story->source_file != NULL ? story->source_file : "",
      story->paper,
      story->issue_date,
      story->page_no,
      exchange->size,
    };

    /* a page of an import stopped before is taken again */
    result = _sd_pg_run (self,
                         "INSERT INTO pages (identity, source_file, paper, issue_date, page_no,"
                         "  checksum, name, encoding, size, imported, imported_by)"
                         " VALUES ($1, $2, $3, $4, $5, $1, $2, '" EXCHANGE_ENCODING "', $6,"
                         "  now (), current_user)"
                         " ON CONFLICT (identity) DO UPDATE SET imported = now ()"
                         " RETURNING id, xmax = 0",
                         G_N_ELEMENTS (params), params, error);
  }
  if (result == NULL)
    return FALSE;
  g_free (exchange->try_page_id);
  exchange->try_page_id = g_strdup (PQgetvalue (result, 0, 0));
  exchange->try_run_story = story;
  if (g_str_equal (PQgetvalue (result, 0, 1), "t"))
    g_ptr_array_add (exchange->try_pages, g_strdup (exchange->try_page_id));
  PQclear (result);
  return _sd_pg_file_page_in_batch (self, exchange->try_page_id, error);
}

static gboolean
exchange_transaction (SdPgLibrary *self, gpointer data, GError **error)
{
  Exchange *exchange = data;

  /* what a try undone by the server left is forgotten */
  g_free (exchange->try_page_id);
  exchange->try_page_id = g_strdup (exchange->page_id);
  exchange->try_run_story = exchange->run_story;
  exchange->try_run = exchange->run;
  g_ptr_array_set_size (exchange->try_pages, 0);
  exchange->try_outcome = exchange->outcome;
  /* importers one at a time; the stories added keep their editor and time */
  if (!_sd_pg_run_command (self, "SELECT pg_advisory_xact_lock (hashtext ('storydesk import'))", 0,
                           NULL, error)
      || !_sd_pg_run_command (self, "SET LOCAL storydesk.copying = 'on'", 0, NULL, error))
    return FALSE;
  for (guint i = exchange->from; i < exchange->to; i++)
    {
      SdStory          *story = g_ptr_array_index (exchange->stories, i);
      const char *const by_uuid[] = { story->uuid };
      g_autofree char  *id = NULL;
      PGresult         *row = NULL;
      gboolean          ok, conflicting = FALSE;

      if (story->uuid != NULL
          && (row = _sd_pg_run (self,
                                "SELECT id, version, note, status, editor, " UTC (
                                    "updated") ", headline, subheadline, body, byline"
                                               " FROM stories WHERE uuid = $1 FOR UPDATE",
                                1, by_uuid, error))
                 == NULL)
        return FALSE;
      if (row != NULL && PQntuples (row) == 1)
        {
          story->id = g_ascii_strtoll (PQgetvalue (row, 0, 0), NULL, 10);
          ok = merge_story (self, row, story, &conflicting, error);
          PQclear (row);
          if (!ok)
            return FALSE;
          exchange->try_outcome.n_merged++;
          exchange->try_outcome.n_conflicting += conflicting;
          continue;
        }
      PQclear (row);
      if (story->uuid == NULL)
        story->uuid = g_uuid_string_random ();
      story->id = 0;
      if (!find_run_page (self, exchange, story, error)
          || !_sd_pg_write_story (self, story, exchange->try_page_id, 0, NULL, &id, error))
        return FALSE;
      story->id = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
      story->page_id = g_ascii_strtoll (exchange->try_page_id, NULL, 10);
      exchange->try_outcome.n_added++;
    }
  return TRUE;
}

/* The pages this import made, taken out again with their stories after it
 * failed: what it merged into stored stories stays, as merged. */
static void
take_back_pages (SdPgLibrary *self, GPtrArray *pages)
{
  for (guint i = 0; i < pages->len; i++)
    {
      const char *const params[] = { g_ptr_array_index (pages, i) };

      _sd_pg_run_command (self, "DELETE FROM stories WHERE page_id = $1", 1, params, NULL);
      _sd_pg_run_command (self, "DELETE FROM pages WHERE id = $1", 1, params, NULL);
    }
}

static gboolean
import_stories (SdLibrary         *library,
                const char        *checksum,
                gint64             size,
                GPtrArray         *stories,
                SdExchangeOutcome *out,
                GError           **error)
{
  SdPgLibrary     *self = _sd_pg_shared_get_writer (SD_PG_SHARED (library), error);
  g_autofree char *size_text = g_strdup_printf ("%" G_GINT64_FORMAT, size);
  Exchange         exchange = { checksum, size_text, stories };
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  if (out != NULL)
    *out = (SdExchangeOutcome){ 0 };
  if (self == NULL)
    return FALSE;
  exchange.new_pages = g_ptr_array_new_with_free_func (g_free);
  exchange.try_pages = g_ptr_array_new_with_free_func (g_free);
  ok = _sd_pg_check_schema (self, &local_error);
  for (guint from = 0; ok && from < stories->len; from += EXCHANGE_BATCH)
    {
      exchange.from = from;
      exchange.to = MIN (from + EXCHANGE_BATCH, stories->len);
      ok = _sd_pg_transact (self, exchange_transaction, &exchange, &local_error);
      if (!ok)
        break;
      g_free (exchange.page_id);
      exchange.page_id = g_strdup (exchange.try_page_id);
      exchange.run_story = exchange.try_run_story;
      exchange.run = exchange.try_run;
      exchange.outcome = exchange.try_outcome;
      for (guint i = 0; i < exchange.try_pages->len; i++)
        g_ptr_array_add (exchange.new_pages, g_strdup (exchange.try_pages->pdata[i]));
    }
  if (ok && out != NULL)
    *out = exchange.outcome;
  if (!ok)
    {
      take_back_pages (self, exchange.new_pages);
      for (guint i = 0; i < stories->len; i++)
        ((SdStory *) g_ptr_array_index (stories, i))->id = 0;
      if (g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_DENIED))
        g_prefix_error (&local_error,
                        _("Not imported: only an admin (管理员) may import an export into a "
                          "shared library. "));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  g_free (exchange.page_id);
  g_free (exchange.try_page_id);
  g_ptr_array_unref (exchange.new_pages);
  g_ptr_array_unref (exchange.try_pages);
  return ok;
}

void
_sd_pg_shared_exchange_init (SdLibraryInterface *iface)
{
  iface->import_stories = import_stories;
}
