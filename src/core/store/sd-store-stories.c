/* sd-store-stories.c — pages and the stories cut from them
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-page-identity.h"
#include "sd-query.h"
#include "sd-store-fts5.h"
#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"

/* A page an import is still storing, a batch at a time, is neither listed
 * nor counted until it is whole (#14); its pages are few, in an index. */
#define NOT_PARTIAL "AND page_id NOT IN (SELECT id FROM pages WHERE partial) "

gboolean
_sd_store_has_partial_pages (SdStore *self)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "SELECT EXISTS (SELECT 1 FROM pages WHERE partial)", NULL);
  gboolean any;

  if (stmt == NULL)
    return FALSE;
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return any;
}

gint64
sd_store_count_stories (SdStore *self, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "SELECT count (*) FROM stories WHERE trashed IS NULL " NOT_PARTIAL, error);
  gint64 count;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sd_store_set_sql_error (self, error, "count");
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

int
sd_store_has_stories (SdStore *self, GError **error)
{
  /* the first row answers: a count would read every one (10 ms and more
   * at 100,000 stories, on the window's start) */
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self,
                               "SELECT EXISTS (SELECT 1 FROM stories WHERE trashed IS NOT NULL "
                               "OR page_id NOT IN (SELECT id FROM pages WHERE partial))",
                               error);
  int any;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sd_store_set_sql_error (self, error, "look for a story");
      return -1;
    }
  any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return any;
}

GHashTable *
sd_store_count_by_place (SdStore *self, GError **error)
{
  /* Every story counted from the narrow index by place, in its order (no
   * sort), less those in the trash and those of a page being imported:
   * 0.08 s on a CPU at 1,000,000 stories, where grouping the live
   * stories' listing entries took 0.49 s, before the window's first
   * search could be read (#16).  A page being imported has few stories,
   * read from stories_listing.  The trash is found through its partial
   * index, which holds no place: each story in it is read from its row,
   * past its body.  That is cheap while the trash is small, but a batch
   * sent to the trash puts all its stories there, and the count
   * then reads as many rows; an index of the trash's places would need a
   * schema step of its own (not measured here). */
  return _sd_store_read_counts (
      self,
      "SELECT code, sum (n) FROM ("
      "SELECT coalesce (place_code, '') AS code, count (*) AS n "
      "FROM stories INDEXED BY stories_by_place GROUP BY place_code "
      "UNION ALL SELECT coalesce (place_code, ''), -count (*) FROM stories "
      "WHERE trashed IS NOT NULL GROUP BY 1 "
      "UNION ALL SELECT coalesce (place_code, ''), -count (*) "
      "FROM stories INDEXED BY stories_listing "
      "WHERE trashed IS NULL AND page_id IN (SELECT id FROM pages WHERE partial) GROUP BY 1) "
      "GROUP BY code HAVING sum (n) > 0",
      "count", error);
}

/* The editor's selection as a set, or NULL when the scope has none. */
static GHashTable *
dup_id_set (const SdScope *scope)
{
  GHashTable *set;

  if (scope->ids == NULL)
    return NULL;
  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < scope->n_ids; i++)
    g_hash_table_add (set, (gpointer) &scope->ids[i]);
  return set;
}

/* Stories in the library; those in the trash, the most recently deleted first. */
#define LIVE "WHERE s.trashed IS NULL AND NOT p.partial "
#define TRASHED "WHERE s.trashed IS NOT NULL ORDER BY s.trashed DESC, s.page_id, s.ordinal"

/* What follows a listing's columns and FROM, by scope kind: one statement
 * text per kind and set of columns, so each is prepared once. */
static const char *const listing_tails[] = {
  LIVE STORY_ORDER,
  LIVE "AND s.place_code IS NULL" STORY_ORDER,
  LIVE "AND s.place_code >= ?1 AND s.place_code < ?1 || ':'" STORY_ORDER,
  TRASHED,
  LIVE "AND p.batch_id = ?2" STORY_ORDER,
};

/* Binds what a listing's tail of @scope's kind asks: ?1 the place, ?2
 * the batch (the tails of sd-store-stories.c and sd-store-listing.c). */
void
_sd_store_bind_scope (sqlite3_stmt *stmt, const SdScope *scope)
{
  if (scope->kind == SD_SCOPE_PLACE)
    _sd_store_bind_text (stmt, 1, scope->place_code);
  if (scope->kind == SD_SCOPE_BATCH)
    sqlite3_bind_int64 (stmt, 2, scope->batch_id);
}

/* The statement that gives @columns of @scope's stories in order, bound
 * (the store's cached one: step it, then reset it); @covering: the
 * columns are in the index stories_listing, which then gives the order,
 * and a search's in stories_filters, which it then reads alone. */
sqlite3_stmt *
_sd_store_prepare_listing_columns (
    SdStore *self, const SdScope *scope, const char *columns, gboolean covering, GError **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->kind <= SD_SCOPE_BATCH, NULL);

  /* The text is a search (sd-query.h), answered from the full-text index,
   * which holds no story in the trash. */
  if (scope->text != NULL && *scope->text != '\0' && scope->kind != SD_SCOPE_TRASH)
    return _sd_store_prepare_matching_columns (self, scope, columns, covering, error);
  text = g_strconcat (
      "SELECT ", columns,
      covering && scope->kind != SD_SCOPE_TRASH
          ? " FROM stories s INDEXED BY stories_listing JOIN pages p ON p.id = s.page_id "
          : STORY_FROM,
      listing_tails[scope->kind], NULL);
  stmt = _sd_store_get_statement (self, g_intern_string (text), error);
  if (stmt == NULL)
    return NULL;
  _sd_store_bind_scope (stmt, scope);
  return stmt;
}

/* The statement that lists @scope's stories in order, bound; the ids of
 * the editor's selection in @out_selected (NULL when all are wanted).  The
 * statement is the store's cached one: step it, then reset it. */
sqlite3_stmt *
_sd_store_prepare_listing (
    SdStore *self, const SdScope *scope, gboolean full, GHashTable **out_selected, GError **error)
{
  gboolean matching = scope->text != NULL && *scope->text != '\0' && scope->kind != SD_SCOPE_TRASH;
  sqlite3_stmt *stmt;

  /* (a ranked search reads short records only) */
  if (matching)
    stmt = _sd_store_prepare_matching (self, scope, full, error);
  else
    stmt = _sd_store_prepare_listing_columns (
        self, scope, full ? FULL_STORY_COLUMNS : STORY_COLUMNS, FALSE, error);
  if (stmt == NULL)
    return NULL;
  *out_selected = dup_id_set (scope);
  return stmt;
}

static GPtrArray *
list_stories (SdStore *self, const SdScope *scope, gboolean full, GError **error)
{
  g_autoptr (GHashTable) selected = NULL;
  sqlite3_stmt *stmt = _sd_store_prepare_listing (self, scope, full, &selected, error);

  if (stmt == NULL)
    return NULL;
  return _sd_store_read_stories (self, stmt, full, selected, "list stories", error);
}

GPtrArray *
sd_store_list_stories (SdStore *self, const SdScope *scope, GError **error)
{
  return list_stories (self, scope, FALSE, error);
}

GPtrArray *
sd_store_list_full_stories (SdStore *self, const SdScope *scope, GError **error)
{
  return list_stories (self, scope, TRUE, error);
}

static gboolean
read_mentions (SdStore *self, SdStory *story, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "SELECT field, start, end, place_code FROM place_mentions WHERE story_id = ? "
      "ORDER BY field DESC, start",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  story->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_mention_free);
  sqlite3_bind_int64 (stmt, 1, story->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdMention *mention = g_new0 (SdMention, 1);

      mention->in_headline =
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "headline") == 0;
      mention->start = sqlite3_column_int64 (stmt, 1);
      mention->end = sqlite3_column_int64 (stmt, 2);
      mention->place_code = _sd_store_dup_column_text (stmt, 3);
      g_ptr_array_add (story->mentions, mention);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read place mentions");
  return TRUE;
}

static gboolean
read_repairs (SdStore *self, SdStory *story, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "SELECT kind, start, end, detail, rowid FROM repairs WHERE story_id = ? ORDER BY start",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  story->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  sqlite3_bind_int64 (stmt, 1, story->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind_name = (const char *) sqlite3_column_text (stmt, 0);
      for (SdRepairKind kind = 0; kind <= SD_REPAIR_LAST; kind++)
        if (g_strcmp0 (kind_name, sd_repair_kind_to_string (kind)) == 0)
          {
            SdRepair *repair =
                sd_repair_new (kind, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3));
            repair->id = sqlite3_column_int64 (stmt, 4);
            g_ptr_array_add (story->repairs, repair);
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read repairs");
  return TRUE;
}

SdStory *
_sd_store_read_story_by_id (SdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "SELECT " FULL_STORY_COLUMNS STORY_FROM "WHERE s.id = ?", error);
  g_autoptr (SdStory) story = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    story = _sd_store_read_story_row (stmt, TRUE);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("No story with the id %lld"), (long long) id);
  else if (rc != SQLITE_ROW)
    _sd_store_set_sql_error (self, error, "read story");
  return g_steal_pointer (&story);
}

/**
 * sd_store_get_story:
 *
 * Returns: (transfer full) the full record, or %NULL with
 * %SD_STORE_ERROR_NOT_FOUND.
 */
SdStory *
sd_store_get_story (SdStore *self, gint64 id, GError **error)
{
  g_autoptr (SdStory) story = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  story = _sd_store_read_story_by_id (self, id, error);
  if (story == NULL)
    return NULL;
  if (!read_repairs (self, story, error) || !_sd_store_read_highlights (self, story, error)
      || !read_mentions (self, story, error))
    return NULL;
  return g_steal_pointer (&story);
}

char *
sd_store_dup_page_text (
    SdStore *self, gint64 page_id, char **out_encoding, gint64 *out_size, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self,
                               "SELECT " SD_STORE_PAGE_TEXT " (text), encoding, size FROM pages "
                               "WHERE id = ?",
                               error);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, page_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      text = _sd_store_dup_column_text (stmt, 0);
      if (out_encoding != NULL)
        *out_encoding = _sd_store_dup_column_text (stmt, 1);
      if (out_size != NULL)
        *out_size = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (text == NULL)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("No page with the id %lld"), (long long) page_id);
  return text;
}

gint64
sd_store_find_story (SdStore *self, const char *ref, GError **error)
{
  sqlite3_stmt *stmt;
  guint64       number = 0;
  gint64        id = -1;

  g_return_val_if_fail (SD_IS_STORE (self), -1);

  if (ref != NULL && g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &number, NULL))
    stmt = _sd_store_get_statement (self, "SELECT id FROM stories WHERE id = ?", error);
  else if (ref != NULL && g_uuid_string_is_valid (ref))
    stmt = _sd_store_get_statement (self, "SELECT id FROM stories WHERE uuid = lower (?)", error);
  else
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("“%s” is neither a story’s id nor its uuid"), ref != NULL ? ref : "");
      return -1;
    }
  if (stmt == NULL)
    return -1;
  if (number > 0)
    sqlite3_bind_int64 (stmt, 1, number);
  else
    _sd_store_bind_text (stmt, 1, ref);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id < 0)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND, _("No story “%s”"), ref);
  return id;
}

/* @value checked by @parse into the stored form; "" is NULL, NULL keeps
 * @current. */
static gboolean
take_field (const char *value,
            const char *current,
            char *(*parse) (const char *, GError **),
            char   **out,
            GError **error)
{
  if (value == NULL)
    *out = g_strdup (current);
  else if (*value == '\0')
    *out = NULL;
  else if ((*out = parse (value, error)) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
announce_page_stories (SdStoreWrite *write, gint64 page_id, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (write->store, "SELECT id FROM stories WHERE page_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, page_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    _sd_store_write_announce_story (write, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * sd_store_set_page_fields:
 * @story_id: a story of the page
 * @paper: (nullable): the paper; %NULL leaves it, "" clears it
 * @issue_date: (nullable): yyyy-mm-dd (or another form
 *   sd_page_identity_parse_date () reads); the same
 * @page_no: (nullable): A05; the same
 *
 * Sets what an editor knows of the page @story_id was cut from; its
 * identity follows, so a later import of the same page finds it.
 */
gboolean
sd_store_set_page_fields (SdStore    *self,
                          gint64      story_id,
                          const char *paper,
                          const char *issue_date,
                          const char *page_no,
                          GError    **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autofree char *new_paper = NULL, *new_date = NULL, *new_page = NULL, *identity = NULL;
  g_autofree char *path = NULL, *old_paper = NULL, *old_date = NULL, *old_page = NULL;
  sqlite3_stmt    *stmt;
  gint64           page_id = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  stmt = _sd_store_get_statement (self,
                                  "SELECT p.id, p.path, p.paper, p.issue_date, p.page_no "
                                  "FROM stories s JOIN pages p ON p.id = s.page_id WHERE s.id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, story_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      page_id = sqlite3_column_int64 (stmt, 0);
      path = _sd_store_dup_column_text (stmt, 1);
      old_paper = _sd_store_dup_column_text (stmt, 2);
      old_date = _sd_store_dup_column_text (stmt, 3);
      old_page = _sd_store_dup_column_text (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (page_id == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No story %lld"), (long long) story_id);
      return FALSE;
    }
  if (!take_field (paper, old_paper, sd_page_identity_parse_paper, &new_paper, error)
      || !take_field (issue_date, old_date, sd_page_identity_parse_date, &new_date, error)
      || !take_field (page_no, old_page, sd_page_identity_parse_page, &new_page, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  identity = sd_page_identity_dup_key (new_paper, new_date, new_page, path);
  stmt = _sd_store_get_statement (
      self, "UPDATE pages SET paper = ?, issue_date = ?, page_no = ?, identity = ? WHERE id = ?",
      error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, new_paper);
  _sd_store_bind_text (stmt, 2, new_date);
  _sd_store_bind_text (stmt, 3, new_page);
  _sd_store_bind_text (stmt, 4, identity);
  sqlite3_bind_int64 (stmt, 5, page_id);
  if (!_sd_store_step_done (self, stmt, error) || !announce_page_stories (&write, page_id, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}
