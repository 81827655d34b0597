/* sd-store-search.c — full-text search over the stories, and saved searches
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index, story_fts, is an FTS5 table over headline, subheadline, body,
 * byline and note, kept by triggers on stories (sd-store-schema.c) and
 * tokenized and ranked by sd-cjk-tokenizer.c.  A query (sd-query.h)
 * becomes one statement: its words a MATCH, its fields and the scope sets of
 * story ids read from indexes.  The shape of the statement depends on which
 * fields a query uses, never on its values, which are all bound; each
 * shape's text is interned, so the statement cache prepares it once and
 * keys on it for good.
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-store-fts5.h"
#include "sd-query.h"
#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"

/* Column weights of headline, subheadline, body, byline, note; see
 * sd-cjk-tokenizer.h for sd_bm25 (). */
#define RANK SD_STORE_FTS5_RANK " (story_fts, 10.0, 4.0, 1.0, 1.0, 2.0)"

typedef enum
{
  SHAPE_RANKED,     /* short records, best first, up to a limit */
  SHAPE_PAGE_ORDER, /* records in page order */
  SHAPE_COUNT,      /* how many */
} Shape;

/* A statement being written and the values for its ?1, ?2 … */
typedef struct
{
  GString    *text;
  GPtrArray  *values;      /* (element-type utf8) */
  guint       limit_index; /* 0 when there is no LIMIT */
  gboolean    has_where;
  gboolean    hide_partial; /* some page is being imported: its stories left out */
  const char *columns;      /* what each row gives: STORY_COLUMNS unless another */
} Sql;

static void
sql_clear (Sql *sql)
{
  if (sql->text != NULL)
    g_string_free (sql->text, TRUE);
  g_clear_pointer (&sql->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sql, sql_clear)

static void
sql_init (Sql *sql)
{
  sql->text = g_string_new (NULL);
  sql->values = g_ptr_array_new_with_free_func (g_free);
  sql->limit_index = 0;
  sql->has_where = FALSE;
}

/* Where a statement's story ids come from. */
typedef enum
{
  IDS_FROM_STORIES, /* s.id: rows of stories, found through their indexes */
  IDS_FROM_MATCHES, /* story_fts.rowid: each match of the full-text index */
} IdSource;

/* What a field asks of a story, as a condition on its entry f in the
 * covering index stories_filters (sd-store-schema.c); tags aside. */
static const char *const field_conditions[] = {
  [SD_QUERY_FIELD_TAG] = NULL,
  /* codes nest by prefix */
  [SD_QUERY_FIELD_PLACE] = "f.place_code >= %u AND f.place_code < %u || ':'",
  [SD_QUERY_FIELD_STATUS] = "f.status = %u",
  [SD_QUERY_FIELD_KIND] = "f.kind = %u",
  [SD_QUERY_FIELD_SOURCE] = "f.page_id IN (SELECT id FROM pages "
                            "WHERE substr (file, 1, length (%u)) = %u)",
  /* "2022-11-01..2022-11-30": ISO dates compare as text */
  [SD_QUERY_FIELD_DATE] = "f.page_id IN (SELECT id FROM pages WHERE issue_date "
                          "BETWEEN substr (%u, 1, 10) AND substr (%u, 13, 10))",
  [SD_QUERY_FIELD_PAPER] = "f.page_id IN (SELECT id FROM pages WHERE paper = %u)",
  [SD_QUERY_FIELD_PAGE] = "f.page_id IN (SELECT id FROM pages WHERE page_no = %u)",
};

#define TAG_ID "(SELECT id FROM tags WHERE name = %u)"

/* Appends " WHERE " or " AND " and @condition, each %u in it the number of
 * @value (nullable). */
static void
add_condition (Sql *sql, const char *condition, const char *value)
{
  g_auto (GStrv) parts = g_strsplit (condition, "%u", -1);
  guint index = 0;

  if (value != NULL)
    {
      g_ptr_array_add (sql->values, g_strdup (value));
      index = sql->values->len;
    }
  g_string_append (sql->text, sql->has_where ? " AND " : " WHERE ");
  sql->has_where = TRUE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_printf (sql->text, "?%u", index);
      g_string_append (sql->text, parts[i]);
    }
}

/* @condition on f, or with @is_tag the tag named @value.  Stories are
 * filtered by sets of ids their indexes give; matches are each looked up
 * in the small covering index, since the ranked search runs through tens
 * of thousands of them and reading each one's row would cost more than
 * ranking it. */
static void
add_story_condition (Sql        *sql,
                     IdSource    ids,
                     gboolean    negated,
                     gboolean    is_tag,
                     const char *condition,
                     const char *value)
{
  const char      *no = negated ? "NOT " : "";
  g_autofree char *text = NULL;

  if (ids == IDS_FROM_STORIES && is_tag)
    text = g_strconcat ("s.id ", no,
                        "IN (SELECT story_id FROM story_tags WHERE tag_id = " TAG_ID ")", NULL);
  else if (ids == IDS_FROM_STORIES)
    text = g_strconcat ("s.id ", no, "IN (SELECT f.id FROM stories f WHERE ", condition, ")", NULL);
  else if (is_tag)
    text = g_strconcat (no,
                        "EXISTS (SELECT 1 FROM story_tags WHERE story_id = story_fts.rowid "
                        "AND tag_id = " TAG_ID ")",
                        NULL);
  else
    text = g_strconcat (no,
                        "EXISTS (SELECT 1 FROM stories f INDEXED BY stories_filters "
                        "WHERE f.id = story_fts.rowid AND ",
                        condition, ")", NULL);
  add_condition (sql, text, value);
}

/* The scope, the words left out (only in queries without a wanted word,
 * so never with IDS_FROM_MATCHES) and the fields. */
static void
add_conditions (Sql *sql, IdSource ids, const SdScope *scope, const SdQuery *query)
{
  GPtrArray *filters = sd_query_get_filters (query);

  /* The index holds no story in the trash; the stories table holds them all. */
  if (ids == IDS_FROM_STORIES)
    add_condition (sql, "s.trashed IS NULL", NULL);
  /* A page an import is still storing, a batch at a time, is not shown
   * until it is whole (#14). */
  if (sql->hide_partial)
    add_story_condition (sql, ids, TRUE, FALSE, "f.page_id IN (SELECT id FROM pages WHERE partial)",
                         NULL);
  if (scope != NULL && scope->kind == SD_SCOPE_TRASH)
    add_condition (sql, "0", NULL); /* the trash is not searched */
  if (scope != NULL && scope->kind == SD_SCOPE_BATCH)
    {
      g_autofree char *batch = g_strdup_printf ("%" G_GINT64_FORMAT, scope->batch_id);

      add_story_condition (sql, ids, FALSE, FALSE,
                           "f.page_id IN (SELECT id FROM pages WHERE batch_id = %u)", batch);
    }
  if (scope != NULL && scope->kind == SD_SCOPE_UNPLACED)
    add_story_condition (sql, ids, FALSE, FALSE, "f.place_code IS NULL", NULL);
  else if (scope != NULL && scope->kind == SD_SCOPE_PLACE)
    add_story_condition (sql, ids, FALSE, FALSE, field_conditions[SD_QUERY_FIELD_PLACE],
                         scope->place_code);
  if (sd_query_get_exclude (query) != NULL)
    add_condition (sql, "s.id NOT IN (SELECT rowid FROM story_fts WHERE story_fts MATCH %u)",
                   sd_query_get_exclude (query));
  for (guint i = 0; i < filters->len; i++)
    {
      const SdQueryFilter *filter = g_ptr_array_index (filters, i);

      add_story_condition (sql, ids, filter->negated, filter->field == SD_QUERY_FIELD_TAG,
                           field_conditions[filter->field], filter->value);
    }
}

static void
add_match (Sql *sql, const SdQuery *query)
{
  g_ptr_array_add (sql->values, g_strdup (sd_query_get_match (query)));
  g_string_append_printf (sql->text, " WHERE story_fts MATCH ?%u", sql->values->len);
  sql->has_where = TRUE;
}

static void
add_limit (Sql *sql)
{
  sql->limit_index = sql->values->len + 1;
  g_string_append_printf (sql->text, " LIMIT ?%u", sql->limit_index);
}

static void
build_ranked (Sql *sql, const SdScope *scope, const SdQuery *query)
{
  if (sd_query_get_match (query) == NULL)
    {
      /* nothing to rank by */
      g_string_append_printf (sql->text, "SELECT %s" STORY_FROM, sql->columns);
      add_conditions (sql, IDS_FROM_STORIES, scope, query);
      g_string_append (sql->text, STORY_ORDER);
      add_limit (sql);
      return;
    }
  /* Rank and cut on the index alone; only the rows shown read their
   * columns and tags. */
  g_string_append_printf (sql->text,
                          "SELECT %s FROM (SELECT rowid AS hit, " RANK " AS score "
                          "FROM story_fts",
                          sql->columns);
  add_match (sql, query);
  add_conditions (sql, IDS_FROM_MATCHES, scope, query);
  g_string_append (sql->text, " ORDER BY score, hit");
  add_limit (sql);
  g_string_append (sql->text, ") hits JOIN stories s ON s.id = hits.hit "
                              "JOIN pages p ON p.id = s.page_id ORDER BY hits.score, hits.hit");
}

static void
build_page_order (Sql *sql, const SdScope *scope, const SdQuery *query)
{
  g_string_append_printf (sql->text, "SELECT %s" STORY_FROM, sql->columns);
  if (sd_query_get_match (query) != NULL)
    add_condition (sql, "s.id IN (SELECT rowid FROM story_fts WHERE story_fts MATCH %u)",
                   sd_query_get_match (query));
  add_conditions (sql, IDS_FROM_STORIES, scope, query);
  g_string_append (sql->text, STORY_ORDER);
}

static void
build_count (Sql *sql, const SdScope *scope, const SdQuery *query)
{
  if (sd_query_get_match (query) != NULL)
    {
      g_string_append (sql->text, "SELECT count (*) FROM story_fts");
      add_match (sql, query);
      add_conditions (sql, IDS_FROM_MATCHES, scope, query);
    }
  else
    {
      g_string_append (sql->text, "SELECT count (*) FROM stories s");
      add_conditions (sql, IDS_FROM_STORIES, scope, query);
    }
}

static void
build (Sql           *sql,
       Shape          shape,
       const SdScope *scope,
       const SdQuery *query,
       const char    *columns,
       gboolean       hide_partial)
{
  sql_init (sql);
  sql->hide_partial = hide_partial;
  sql->columns = columns;
  switch (shape)
    {
    case SHAPE_RANKED:
      build_ranked (sql, scope, query);
      break;
    case SHAPE_PAGE_ORDER:
      build_page_order (sql, scope, query);
      break;
    case SHAPE_COUNT:
    default:
      build_count (sql, scope, query);
      break;
    }
}

/* Parses @query and prepares its statement of @shape; @prefix goes before
 * the statement text ("EXPLAIN QUERY PLAN "). */
static sqlite3_stmt *
prepare (SdStore       *self,
         Shape          shape,
         const SdScope *scope,
         const char    *query,
         const char    *columns,
         const char    *prefix,
         gint64         limit,
         GError       **error)
{
  g_autoptr (SdQuery) parsed = sd_query_parse (query, error);
  g_auto (Sql) sql = { 0 };
  g_autofree char *text = NULL;
  sqlite3_stmt    *stmt;

  if (parsed == NULL)
    return NULL;
  build (&sql, shape, scope, parsed, columns, _sd_store_has_partial_pages (self));
  text = g_strconcat (prefix, sql.text->str, NULL);
  stmt = _sd_store_get_statement (self, g_intern_string (text), error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < sql.values->len; i++)
    _sd_store_bind_text (stmt, i + 1, g_ptr_array_index (sql.values, i));
  if (sql.limit_index > 0)
    sqlite3_bind_int64 (stmt, sql.limit_index, limit);
  return stmt;
}

sqlite3_stmt *
_sd_store_prepare_matching (SdStore *self, const SdScope *scope, gboolean full, GError **error)
{
  /* the ranked statement reads short records only */
  gboolean ranked = scope->by_relevance && !full;

  return prepare (self, ranked ? SHAPE_RANKED : SHAPE_PAGE_ORDER, scope, scope->text,
                  full ? FULL_STORY_COLUMNS : STORY_COLUMNS, "", ranked ? -1 : 0, error);
}

sqlite3_stmt *
_sd_store_prepare_matching_columns (SdStore       *self,
                                    const SdScope *scope,
                                    const char    *columns,
                                    GError       **error)
{
  return prepare (self, scope->by_relevance ? SHAPE_RANKED : SHAPE_PAGE_ORDER, scope, scope->text,
                  columns, "", scope->by_relevance ? -1 : 0, error);
}

/**
 * sd_store_search:
 * @scope: (nullable): where to look (its text is not used); %NULL for all
 * @query: a search in the query language of sd-query.h
 * @limit: at most this many stories; 0 for all
 *
 * Returns: (element-type SdStory) (transfer full): short records, best
 * match first (bm25, headline matches weighing most; page order when the
 * query has no words), or %NULL with @error set, in %SD_QUERY_ERROR when
 * the query is wrong.
 */
GPtrArray *
sd_store_search (
    SdStore *self, const SdScope *scope, const char *query, guint limit, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = prepare (self, SHAPE_RANKED, scope, query, STORY_COLUMNS, "",
                  limit > 0 ? (gint64) limit : -1, error);
  return stmt != NULL ? _sd_store_read_stories (self, stmt, FALSE, NULL, "search", error) : NULL;
}

/**
 * sd_store_count_matches:
 * @scope: (nullable): where to look (its text is not used); %NULL for all
 *
 * Returns: how many stories match @query, or -1 with @error set.
 */
gint64
sd_store_count_matches (SdStore *self, const SdScope *scope, const char *query, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        count;

  g_return_val_if_fail (SD_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  stmt = prepare (self, SHAPE_COUNT, scope, query, STORY_COLUMNS, "", 0, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sd_store_set_sql_error (self, error, "count matches");
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * sd_store_explain_search:
 *
 * How SQLite runs sd_store_search() for @query: the EXPLAIN QUERY PLAN
 * lines, one a line.  For tests and the benchmark.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
char *
sd_store_explain_search (SdStore *self, const SdScope *scope, const char *query, GError **error)
{
  g_autoptr (GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt =
      prepare (self, SHAPE_RANKED, scope, query, STORY_COLUMNS, "EXPLAIN QUERY PLAN ", 200, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "explain");
      return NULL;
    }
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

void
sd_saved_search_free (SdSavedSearch *search)
{
  if (search == NULL)
    return;
  g_free (search->name);
  g_free (search->query);
  g_free (search);
}

/**
 * sd_store_save_search:
 * @name: what the editor calls it; a search of that name is replaced
 * @query: the search, checked before it is saved
 */
gboolean
sd_store_save_search (SdStore *self, const char *name, const char *query, GError **error)
{
  g_autoptr (SdQuery) parsed = NULL;
  g_autofree char *clean_name = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && query != NULL, FALSE);

  clean_name = g_strstrip (g_strdup (name));
  if (*clean_name == '\0' || !g_utf8_validate (clean_name, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A saved search needs a name"));
      return FALSE;
    }
  parsed = sd_query_parse (query, error);
  if (parsed == NULL || !_sd_store_write_begin (self, &write, error))
    return FALSE;
  stmt = _sd_store_get_statement (self,
                                  "INSERT INTO saved_searches (name, query, editor, created) "
                                  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET "
                                  "query = excluded.query, editor = excluded.editor, "
                                  "created = excluded.created",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, clean_name);
  _sd_store_bind_text (stmt, 2, query);
  _sd_store_bind_text (stmt, 3, self->editor);
  _sd_store_bind_text (stmt, 4, write.now);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}

/**
 * sd_store_list_saved_searches:
 *
 * Returns: (element-type SdSavedSearch) (transfer full): by name, each with
 * its live count (-1 when its query no longer parses)
 */
GPtrArray *
sd_store_list_saved_searches (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) searches =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_saved_search_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt =
      _sd_store_get_statement (self, "SELECT name, query FROM saved_searches ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdSavedSearch *search = g_new0 (SdSavedSearch, 1);

      search->name = _sd_store_dup_column_text (stmt, 0);
      search->query = _sd_store_dup_column_text (stmt, 1);
      g_ptr_array_add (searches, search);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list saved searches");
      return NULL;
    }

  for (guint i = 0; i < searches->len; i++)
    {
      SdSavedSearch *search = g_ptr_array_index (searches, i);
      g_autoptr (GError) count_error = NULL;

      search->count = sd_store_count_matches (self, NULL, search->query, &count_error);
      if (search->count < 0 && count_error->domain != SD_QUERY_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&count_error));
          return NULL;
        }
    }
  return g_steal_pointer (&searches);
}

gboolean
sd_store_delete_saved_search (SdStore *self, const char *name, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  stmt = _sd_store_get_statement (self, "DELETE FROM saved_searches WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, name);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No saved search called “%s”"), name);
      return FALSE;
    }
  return _sd_store_write_commit (&write, error);
}
