/* sd-store-import.c — pages coming in: known by their bytes or their
 * identity, their stories stored a batch at a time, each batch a short
 * transaction that feeds the search index at once
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-page-identity.h"
#include "sd-store-fts5.h"
#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"

/* A page's stories go in this many, or this many bytes of text, to a
 * transaction: about a quarter of a second on a 2-core machine, so a page
 * of 50 MB never keeps another writer waiting (#14 item 12). */
#define BATCH_STORIES 200
#define BATCH_BYTES (512 * 1024)

/* The page of @page's identity, through its index: its id, 0 when there
 * is none, -1 with @error set. */
static gint64
find_page_by_identity (SdStore *self, const SdPageRecord *page, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "SELECT id FROM pages WHERE identity = ? AND NOT partial AND EXISTS (SELECT 1 FROM "
      "stories WHERE page_id = pages.id AND trashed IS NULL) ORDER BY id DESC LIMIT 1",
      error);
  g_autofree char *identity = NULL;
  gint64           id = 0;

  if (stmt == NULL)
    return -1;
  identity = sd_page_identity_dup_key (page->paper, page->issue_date, page->page_no,
                                       page->name != NULL ? page->name : page->file);
  _sd_store_bind_text (stmt, 1, identity);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The page of @checksum: its id, 0 when there is none, -1 with @error set;
 * @out_partial: whether an import stopped before it was whole.  From the
 * index alone: the flag comes after the page's text in its row. */
static gint64
find_checksum (SdStore *self, const char *checksum, gboolean *out_partial, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self,
                               "SELECT id, partial FROM pages INDEXED BY pages_by_checksum "
                               "WHERE checksum = ?",
                               error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  _sd_store_bind_text (stmt, 1, checksum);
  *out_partial = FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *out_partial = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

/* Whether a page of @checksum is stored whole and not in the trash, in
 * one statement: an unchanged re-import asks it of every file, and a
 * statement is a read transaction of its own (#16).  The trash's
 * condition is the partial index stories_trashed_by_page's, word for word,
 * so that it answers alone.  FALSE with @error set on a failure. */
static gboolean
find_checksum_done (SdStore *self, const char *checksum, gboolean *out_done, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "SELECT NOT partial AND NOT EXISTS (SELECT 1 FROM stories WHERE page_id = pages.id AND "
      "trash_kind IN ('page', 'batch')) FROM pages INDEXED BY pages_by_checksum "
      "WHERE checksum = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, checksum);
  *out_done = FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out_done = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Where the batch that starts at story @from ends. */
static guint
end_of_batch (GPtrArray *stories, guint from)
{
  gsize bytes = 0;
  guint to = from;

  while (to < stories->len && to - from < BATCH_STORIES && (to == from || bytes < BATCH_BYTES))
    {
      const SdStory *story = g_ptr_array_index (stories, to++);
      bytes += (story->body != NULL ? strlen (story->body) : 0)
               + (story->headline != NULL ? strlen (story->headline) : 0);
    }
  return to;
}

/* The index's entries of a page's stories ?2 to ?3, in one statement:
 * feeding FTS5 a batch costs less than a trigger a story (#16); the
 * headlines have an index of their own, which ranks headline matches
 * first. */
static const char *const index_feeds[] = {
  "INSERT INTO story_fts (rowid, headline, subheadline, body, byline, note) "
  "SELECT id, headline, subheadline, body, byline, note FROM stories "
  "WHERE page_id = ?1 AND ordinal >= ?2 AND ordinal < ?3",
  "INSERT INTO story_fts_headline (rowid, headline) SELECT id, headline FROM stories "
  "WHERE page_id = ?1 AND ordinal >= ?2 AND ordinal < ?3",
};

/* Stories @from to @to of the page, then their index entries. */
static gboolean
insert_batch (
    SdStore *self, gint64 page_id, GPtrArray *stories, guint from, guint to, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean      ok = TRUE;

  _sd_store_fts5_defer (TRUE);
  for (guint i = from; i < to && ok; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);

      ok = _sd_store_insert_story (self, page_id, i, story, error);
      story->page_id = page_id;
    }
  _sd_store_fts5_defer (FALSE);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (index_feeds); i++)
    {
      stmt = _sd_store_get_statement (self, index_feeds[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, page_id);
      sqlite3_bind_int64 (stmt, 2, from);
      sqlite3_bind_int64 (stmt, 3, to);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Removes what an import that stopped half-way left of page @page_id, a
 * batch of stories to a transaction, the page row last; @write is open
 * before and after.  A page that is whole (or another's, with the id
 * again) is left alone. */
gboolean
_sd_store_remove_partial_page (SdStoreWrite *write, gint64 page_id, GError **error)
{
  SdStore *self = write->store;

  for (;;)
    {
      sqlite3_stmt *stmt = _sd_store_get_statement (
          self,
          "DELETE FROM stories WHERE id IN (SELECT s.id FROM stories s JOIN pages p "
          "ON p.id = s.page_id WHERE p.id = ? AND p.partial LIMIT " G_STRINGIFY (BATCH_STORIES) ")",
          error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, page_id);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        break;
      if (!_sd_store_write_commit (write, error) || !_sd_store_write_begin (self, write, error))
        return FALSE;
    }
  return _sd_store_run_pair (self, "DELETE FROM pages WHERE id = ?1 AND partial = ?2", page_id, 1,
                             error);
}

gboolean
_sd_store_remove_partial_pages (SdStoreWrite *write, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    if (!_sd_store_remove_partial_page (write, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Pages of @page's bytes or identity that an import left partial. */
static gboolean
remove_partial_pages (SdStoreWrite *write, const SdPageRecord *page, GError **error)
{
  g_autofree char *identity = sd_page_identity_dup_key (
      page->paper, page->issue_date, page->page_no, page->name != NULL ? page->name : page->file);
  sqlite3_stmt *stmt = _sd_store_get_statement (
      write->store, "SELECT id FROM pages WHERE partial AND (checksum = ? OR identity = ?)", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, page->checksum);
  _sd_store_bind_text (stmt, 2, identity);
  return _sd_store_remove_partial_pages (write, stmt, error);
}

/* Whether @page is a new version of a stored page: then @out_plan says
 * what becomes of the old one's stories.  A version that drops stories is
 * refused unless allowed. */
static gboolean
plan_version (SdStore            *self,
              const SdPageRecord *page,
              GPtrArray          *stories,
              SdPageImportFlags   flags,
              SdPageOutcome      *outcome,
              SdVersionPlan     **out_plan,
              GError            **error)
{
  gint64 old_page_id = find_page_by_identity (self, page, error);

  if (old_page_id < 0)
    return FALSE;
  if (old_page_id > 0)
    {
      *out_plan = _sd_store_plan_version (self, old_page_id, stories, error);
      if (*out_plan == NULL)
        return FALSE;
      outcome->replaced = TRUE;
      outcome->n_dropped = _sd_version_plan_get_n_dropped (*out_plan);
    }
  if (outcome->n_dropped > 0 && !(flags & SD_PAGE_IMPORT_ALLOW_DROP)
      && !(flags & SD_PAGE_IMPORT_DRY_RUN))
    {
      g_autofree char *name =
          g_filename_display_name (page->name != NULL ? page->name : page->file);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_WOULD_DROP,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: this new version of the page would drop %u story of the "
                                "earlier one",
                                "%s: this new version of the page would drop %u stories of the "
                                "earlier one",
                                outcome->n_dropped),
                   name, outcome->n_dropped);
      return FALSE;
    }
  return TRUE;
}

/* Stores @page and @stories, @write open before and after (see
 * sd_store_import_page()): the page and its first batch of stories in the
 * first transaction, each further batch in one of its own, and a new
 * version carried over in the last.  A page of more than one batch is
 * partial until then; @out_committed: whether some of it was committed. */
static gboolean
store_page (SdStoreWrite       *write,
            const SdPageRecord *page,
            GPtrArray          *stories,
            SdPageImportFlags   flags,
            SdPageOutcome      *outcome,
            gint64             *out_page_id,
            GError            **error)
{
  SdStore *self = write->store;
  g_autoptr (SdVersionPlan) plan = NULL;
  gboolean whole = end_of_batch (stories, 0) == stories->len, partial = FALSE;
  gint64   page_id, known = find_checksum (self, page->checksum, &partial, error);

  if (known < 0)
    return FALSE;
  /* The same bytes again: what is stored, with all that editors added,
   * stays as it is; a page deleted is wanted back, as it was. */
  if (known > 0 && !partial)
    {
      outcome->known = TRUE;
      if (flags & SD_PAGE_IMPORT_DRY_RUN)
        return TRUE;
      return _sd_store_restore_page (write, known, &outcome->n_restored, error);
    }
  /* what an import stopped half-way left is stored again; first, as its
   * batches commit, and the plan must see the library as it is written */
  if (!(flags & SD_PAGE_IMPORT_DRY_RUN) && !remove_partial_pages (write, page, error))
    return FALSE;
  if (!plan_version (self, page, stories, flags, outcome, &plan, error))
    return FALSE;
  if (flags & SD_PAGE_IMPORT_DRY_RUN)
    return TRUE;

  if (!_sd_store_insert_page (self, page, write->now, &page_id, error)
      || (!whole
          && !_sd_store_run_pair (self, "UPDATE pages SET partial = ?2 WHERE id = ?1", page_id, 1,
                                  error)))
    return FALSE;
  for (guint from = 0, to; from < stories->len; from = to)
    {
      to = end_of_batch (stories, from);
      if (from > 0 && !_sd_store_write_commit (write, error))
        return FALSE;
      if (from > 0)
        *out_page_id = page_id; /* committed, partial: removed on failure */
      if ((from > 0 && !_sd_store_write_begin (self, write, error))
          || !insert_batch (self, page_id, stories, from, to, error))
        return FALSE;
    }

  if (!whole)
    {
      SdPageOutcome now = { 0 };

      /* what editors did to the old version meanwhile counts too */
      g_clear_pointer (&plan, _sd_version_plan_free);
      if (!plan_version (self, page, stories, flags, &now, &plan, error)
          || !_sd_store_run_pair (self, "UPDATE pages SET partial = ?2 WHERE id = ?1", page_id, 0,
                                  error))
        return FALSE;
      outcome->n_dropped = now.n_dropped;
    }
  if (plan != NULL)
    return _sd_store_carry_over (self, plan, page_id, &outcome->n_carried, &outcome->n_kept, error);
  return TRUE;
}

/**
 * sd_store_import_page:
 * @flags: whether a new version may drop stories, and whether to write
 * @out_outcome: (out) (optional): what it did, or would do
 */
gboolean
sd_store_import_page (SdStore            *self,
                      const SdPageRecord *page,
                      GPtrArray          *stories,
                      SdPageImportFlags   flags,
                      SdPageOutcome      *out_outcome,
                      GError            **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  SdPageOutcome outcome = { 0 };
  gint64        page_id = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  /* a dry run's write is rolled back, uncommitted */
  if (!store_page (&write, page, stories, flags, &outcome, &page_id, error)
      || (!(flags & SD_PAGE_IMPORT_DRY_RUN) && !_sd_store_write_commit (&write, error)))
    {
      /* batches committed before the failure go too; the error stays */
      _sd_store_write_clear (&write);
      if (page_id > 0 && _sd_store_write_begin (self, &write, NULL)
          && _sd_store_remove_partial_page (&write, page_id, NULL))
        _sd_store_write_commit (&write, NULL);
      for (guint i = 0; i < stories->len; i++)
        ((SdStory *) g_ptr_array_index (stories, i))->id = 0;
      /* a refused version still says what it would have dropped */
      if (out_outcome != NULL)
        *out_outcome = outcome;
      return FALSE;
    }
  if (out_outcome != NULL)
    *out_outcome = outcome;
  return TRUE;
}

/**
 * sd_store_check_page:
 * @out_known: (out): whether a page of @page's bytes is stored whole
 * @out_has_identity: (out) (optional): whether a page of @page's identity is
 */
gboolean
sd_store_check_page (SdStore            *self,
                     const SdPageRecord *page,
                     gboolean           *out_known,
                     gboolean           *out_has_identity,
                     GError            **error)
{
  gint64   page_id = 0;
  gboolean done = FALSE;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  /* A page deleted with its stories is not done with: importing it again
   * brings them back (store_page ()). */
  if (!find_checksum_done (self, page->checksum, &done, error))
    return FALSE;
  if (out_has_identity != NULL && (page_id = find_page_by_identity (self, page, error)) < 0)
    return FALSE;
  *out_known = done;
  if (out_has_identity != NULL)
    *out_has_identity = page_id > 0;
  return TRUE;
}

gboolean
sd_store_add_page (SdStore            *self,
                   const SdPageRecord *page,
                   GPtrArray          *stories,
                   gboolean           *out_known,
                   GError            **error)
{
  SdPageOutcome outcome = { 0 };

  if (!sd_store_import_page (self, page, stories, SD_PAGE_IMPORT_ALLOW_DROP, &outcome, error))
    return FALSE;
  if (out_known != NULL)
    *out_known = outcome.known;
  return TRUE;
}
