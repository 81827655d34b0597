/* sd-store-search.c — full-text search over the stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index, story_fts, is an FTS5 table over headline, subheadline, body,
 * byline and note without positions, story_fts_headline the same of the
 * headlines alone, both kept by triggers on stories (sd-store-schema.c) and
 * tokenized by sd-cjk-tokenizer.c.  A query (sd-query.h)
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

#include "sd-cjk-tokenizer.h"
#include "sd-query.h"
#include "sd-store-fts5.h"
#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"

typedef enum
{
  SHAPE_RANKED,     /* short records, best first, up to a limit */
  SHAPE_PAGE_ORDER, /* records in page order */
  SHAPE_COUNT,      /* how many */
} Shape;

/* A query's words as the index is asked for them (#16: it keeps no
 * positions, `detail=none`).  A term of one token (a character, two side
 * by side, a Latin word) is exact; a longer one is asked as all its
 * tokens, and each story found is checked against the term's text. */
typedef struct
{
  char      *wanted;          /* every wanted term's tokens, ANDed; NULL without one */
  char      *match;           /* @wanted NOT each exact excluded term */
  char      *exact_excluded;  /* the exact excluded terms, ORed; NULL without one */
  GPtrArray *checks;          /* wanted terms a story found must hold */
  GPtrArray *excluded_checks; /* excluded terms to check, each after its tokens */
} Terms;

static void
terms_clear (Terms *terms)
{
  g_free (terms->wanted);
  g_free (terms->match);
  g_free (terms->exact_excluded);
  g_clear_pointer (&terms->checks, g_ptr_array_unref);
  g_clear_pointer (&terms->excluded_checks, g_ptr_array_unref);
}

static void
terms_init (Terms *terms, const SdQuery *query)
{
  GPtrArray *wanted = sd_query_get_terms (query);
  GPtrArray *excluded = sd_query_get_excluded (query);
  GString   *match = g_string_new (NULL);
  GString   *exact_excluded = g_string_new (NULL);

  terms->checks = g_ptr_array_new_with_free_func (g_free);
  terms->excluded_checks = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < wanted->len; i++)
    {
      const char      *term = g_ptr_array_index (wanted, i);
      gboolean         exact = TRUE;
      g_autofree char *tokens = sd_cjk_dup_fts_tokens (term, &exact);

      g_string_append_printf (match, "%s(%s)", i > 0 ? " AND " : "", tokens);
      if (!exact)
        g_ptr_array_add (terms->checks, g_strdup (term));
    }
  terms->wanted = match->len > 0 ? g_strdup (match->str) : NULL;
  for (guint i = 0; i < excluded->len; i++)
    {
      const char *term = g_ptr_array_index (excluded, i);
      gboolean    exact = TRUE;
      char       *tokens = sd_cjk_dup_fts_tokens (term, &exact);

      if (exact)
        {
          g_string_append_printf (exact_excluded, "%s(%s)", exact_excluded->len > 0 ? " OR " : "",
                                  tokens);
          if (match->len > 0)
            g_string_append_printf (match, " NOT (%s)", tokens);
          g_free (tokens);
          continue;
        }
      g_ptr_array_add (terms->excluded_checks, tokens);
      g_ptr_array_add (terms->excluded_checks, g_strdup (term));
    }
  terms->match = g_string_free (match, match->len == 0);
  terms->exact_excluded = g_string_free (exact_excluded, exact_excluded->len == 0);
}

/* A statement being written and the values for its ?1, ?2 … */
typedef struct
{
  GString    *text;
  GPtrArray  *values;      /* (element-type utf8) */
  guint       limit_index; /* 0 when there is no LIMIT */
  gboolean    has_where;
  gboolean    hide_partial; /* some page is being imported: its stories left out */
  const char *columns;      /* what each row gives: STORY_COLUMNS unless another */
  gboolean    ids_only;     /* @columns are a list's ids and what it is sorted by */
  Terms       terms;
} Sql;

static void
sql_clear (Sql *sql)
{
  if (sql->text != NULL)
    g_string_free (sql->text, TRUE);
  g_clear_pointer (&sql->values, g_ptr_array_unref);
  terms_clear (&sql->terms);
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
  IDS_FROM_STORIES,   /* s.id: rows of stories, found through their indexes */
  IDS_FROM_MATCHES,   /* story_fts.rowid: each match of the full-text index */
  IDS_FROM_HEADLINES, /* story_fts_headline.rowid: each match of the headlines' */
} IdSource;

static const char *const id_columns[] = {
  [IDS_FROM_STORIES] = "s.id",
  [IDS_FROM_MATCHES] = "story_fts.rowid",
  [IDS_FROM_HEADLINES] = "story_fts_headline.rowid",
};

/* The searched columns of a story, as sd_fts_holds ()'s texts */
#define SEARCHED(x) x "headline, " x "subheadline, " x "body, " x "byline, " x "note"

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
 * @value (nullable), each %i the id of the story (@ids). */
static void
add_condition_on (Sql *sql, IdSource ids, const char *condition, const char *value)
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
      g_auto (GStrv) id_parts = g_strsplit (parts[i], "%i", -1);
      g_autofree char *part = g_strjoinv (id_columns[ids], id_parts);

      if (i > 0)
        g_string_append_printf (sql->text, "?%u", index);
      g_string_append (sql->text, part);
    }
}

static void
add_condition (Sql *sql, const char *condition, const char *value)
{
  add_condition_on (sql, IDS_FROM_STORIES, condition, value);
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
                        "EXISTS (SELECT 1 FROM story_tags WHERE story_id = %i "
                        "AND tag_id = " TAG_ID ")",
                        NULL);
  else
    text = g_strconcat (no,
                        "EXISTS (SELECT 1 FROM stories f INDEXED BY stories_filters "
                        "WHERE f.id = %i AND ",
                        condition, ")", NULL);
  add_condition_on (sql, ids, text, value);
}

/* That the story holds each wanted term of several tokens, in the searched
 * columns or @headline_only: the index has all its tokens in the story,
 * not where. */
static void
add_wanted_checks (Sql *sql, IdSource ids, gboolean headline_only)
{
  for (guint i = 0; i < sql->terms.checks->len; i++)
    {
      g_autofree char *check =
          ids == IDS_FROM_STORIES && !headline_only
              ? g_strdup (SD_STORE_FTS5_HOLDS " (%u, " SEARCHED ("s.") ")")
              : g_strdup_printf ("(SELECT " SD_STORE_FTS5_HOLDS " (%%u, %s) FROM stories x "
                                 "WHERE x.id = %%i)",
                                 headline_only ? "x.headline" : SEARCHED ("x."));

      add_condition_on (sql, ids, check, g_ptr_array_index (sql->terms.checks, i));
    }
}

/* That the story holds none of the excluded terms of several tokens: its
 * row is read only when the index has all the term's tokens in it. */
static void
add_excluded_checks (Sql *sql, IdSource ids)
{
  GPtrArray *excluded = sql->terms.excluded_checks;

  for (guint i = 0; i + 1 < excluded->len; i += 2)
    {
      g_autofree char *check = NULL;

      g_ptr_array_add (sql->values, g_strdup (g_ptr_array_index (excluded, i)));
      check = g_strdup_printf ("NOT (%%i IN (SELECT rowid FROM story_fts WHERE story_fts MATCH "
                               "?%u) AND (SELECT " SD_STORE_FTS5_HOLDS
                               " (%%u, " SEARCHED ("x.") ") FROM stories x WHERE x.id = %%i))",
                               sql->values->len);
      add_condition_on (sql, ids, check, g_ptr_array_index (excluded, i + 1));
    }
}

/* The scope, the words left out and the fields. */
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
  /* the full index's match leaves the exact ones out itself */
  if (sql->terms.exact_excluded != NULL && (sql->terms.match == NULL || ids == IDS_FROM_HEADLINES))
    add_condition_on (sql, ids, "%i NOT IN (SELECT rowid FROM story_fts WHERE story_fts MATCH %u)",
                      sql->terms.exact_excluded);
  add_wanted_checks (sql, ids, ids == IDS_FROM_HEADLINES);
  add_excluded_checks (sql, ids);
  for (guint i = 0; i < filters->len; i++)
    {
      const SdQueryFilter *filter = g_ptr_array_index (filters, i);

      add_story_condition (sql, ids, filter->negated, filter->field == SD_QUERY_FIELD_TAG,
                           field_conditions[filter->field], filter->value);
    }
}

static void
add_match (Sql *sql, const char *table, const char *match)
{
  g_ptr_array_add (sql->values, g_strdup (match));
  g_string_append_printf (sql->text, " WHERE %s MATCH ?%u", table, sql->values->len);
  sql->has_where = TRUE;
}

/* One limit however many times it is written; its value is bound last. */
static void
add_limit (Sql *sql)
{
  if (sql->limit_index == 0)
    {
      g_ptr_array_add (sql->values, NULL);
      sql->limit_index = sql->values->len;
    }
  g_string_append_printf (sql->text, " LIMIT ?%u", sql->limit_index);
}

/* Ranked: the stories whose headline holds every wanted term, then the
 * others, each newest (the highest id) first (#16).  Each part is read
 * from its index in that order and stops at the limit, so the first
 * screenful costs the same however many stories match. */
static void
build_ranked (Sql *sql, const SdScope *scope, const SdQuery *query)
{
  if (sql->terms.match == NULL)
    {
      /* nothing to rank by */
      g_string_append_printf (sql->text, "SELECT %s" STORY_FROM, sql->columns);
      add_conditions (sql, IDS_FROM_STORIES, scope, query);
      g_string_append (sql->text, STORY_ORDER);
      add_limit (sql);
      return;
    }
  g_string_append_printf (sql->text,
                          "SELECT %s FROM (SELECT hit, score FROM (SELECT "
                          "story_fts_headline.rowid AS hit, 0 AS score FROM story_fts_headline",
                          sql->columns);
  add_match (sql, "story_fts_headline", sql->terms.wanted);
  add_conditions (sql, IDS_FROM_HEADLINES, scope, query);
  g_string_append (sql->text, " ORDER BY story_fts_headline.rowid DESC");
  add_limit (sql);
  g_string_append (sql->text, ") UNION ALL SELECT hit, score FROM (SELECT story_fts.rowid AS hit, "
                              "1 AS score FROM story_fts");
  add_match (sql, "story_fts", sql->terms.match);
  add_conditions (sql, IDS_FROM_MATCHES, scope, query);
  /* not one of the first part's */
  g_ptr_array_add (sql->values, g_strdup (sql->terms.wanted));
  g_string_append_printf (sql->text,
                          " AND NOT (story_fts.rowid IN (SELECT rowid FROM story_fts_headline "
                          "WHERE story_fts_headline MATCH ?%u)",
                          sql->values->len);
  add_wanted_checks (sql, IDS_FROM_MATCHES, TRUE);
  g_string_append (sql->text, ") ORDER BY story_fts.rowid DESC");
  add_limit (sql);
  /* A list's ids need no more of a story than the small covering index
   * stories_filters holds (its place, status and page): looking each
   * match up in the table walks the rows' bodies, a page read a match,
   * 2 s for the 700,000 stories holding 党 at 1,000,000 (#16). */
  g_string_append_printf (sql->text,
                          ")) hits JOIN stories s%s ON s.id = hits.hit "
                          "JOIN pages p ON p.id = s.page_id ORDER BY hits.score, hits.hit DESC",
                          sql->ids_only ? " INDEXED BY stories_filters" : "");
  add_limit (sql);
}

static void
build_page_order (Sql *sql, const SdScope *scope, const SdQuery *query)
{
  g_string_append_printf (sql->text, "SELECT %s" STORY_FROM, sql->columns);
  if (sql->terms.match != NULL)
    add_condition (sql, "s.id IN (SELECT rowid FROM story_fts WHERE story_fts MATCH %u)",
                   sql->terms.match);
  add_conditions (sql, IDS_FROM_STORIES, scope, query);
  g_string_append (sql->text, STORY_ORDER);
}

static void
build_count (Sql *sql, const SdScope *scope, const SdQuery *query)
{
  if (sql->terms.match != NULL)
    {
      g_string_append (sql->text, "SELECT count (*) FROM story_fts");
      add_match (sql, "story_fts", sql->terms.match);
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
       gboolean       ids_only,
       gboolean       hide_partial)
{
  sql_init (sql);
  sql->hide_partial = hide_partial;
  sql->columns = columns;
  sql->ids_only = ids_only;
  terms_init (&sql->terms, query);
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
         gboolean       ids_only,
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
  build (&sql, shape, scope, parsed, columns, ids_only, _sd_store_has_partial_pages (self));
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
                  full ? FULL_STORY_COLUMNS : STORY_COLUMNS, FALSE, "", ranked ? -1 : 0, error);
}

sqlite3_stmt *
_sd_store_prepare_matching_columns (
    SdStore *self, const SdScope *scope, const char *columns, gboolean covering, GError **error)
{
  return prepare (self, scope->by_relevance ? SHAPE_RANKED : SHAPE_PAGE_ORDER, scope, scope->text,
                  columns, covering, "", scope->by_relevance ? -1 : 0, error);
}

/**
 * sd_store_search:
 * @scope: (nullable): where to look (its text is not used); %NULL for all
 * @query: a search in the query language of sd-query.h
 * @limit: at most this many stories; 0 for all
 *
 * Returns: (element-type SdStory) (transfer full): short records, best
 * match first (headline matches, then the rest, each newest first; page
 * order when the query has no words), or %NULL with @error set, in
 * %SD_QUERY_ERROR when the query is wrong.
 */
GPtrArray *
sd_store_search (
    SdStore *self, const SdScope *scope, const char *query, guint limit, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = prepare (self, SHAPE_RANKED, scope, query, STORY_COLUMNS, FALSE, "",
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

  stmt = prepare (self, SHAPE_COUNT, scope, query, STORY_COLUMNS, FALSE, "", 0, error);
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

  stmt = prepare (self, SHAPE_RANKED, scope, query, STORY_COLUMNS, FALSE, "EXPLAIN QUERY PLAN ",
                  200, error);
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
