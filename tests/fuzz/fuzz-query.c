/* fuzz-query.c — the search language on arbitrary text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever an editor types or pastes into the search entry goes through
 * sd_query_parse().  A query it accepts must come out well formed, and its
 * MATCH expressions must be ones FTS5 takes: they are run here against a
 * one-row in-memory index with the store's own tokenizer.
 */
#define G_LOG_DOMAIN "fuzz-query"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-store-fts5.h"
#include "sd-fuzz.h"
#include "sd-gazetteer.h"
#include "sd-query.h"
#include "sd-story.h"

static sqlite3      *db;
static sqlite3_stmt *match_stmt;

static void
open_index (void)
{
  g_autoptr (GError) error = NULL;
  char *message = NULL;

  if (sqlite3_open (":memory:", &db) != SQLITE_OK)
    g_error ("cannot open an in-memory database");
  if (!sd_store_register_fts5 (db, &error))
    g_error ("cannot register the tokenizer: %s", error->message);
  if (sqlite3_exec (db,
                    "CREATE VIRTUAL TABLE fts USING fts5 (headline, body, tokenize = 'sd_cjk');"
                    "INSERT INTO fts VALUES ('乡村振兴 Storydesk 2024', '党建工作 吴江区 10:30');",
                    NULL, NULL, &message)
      != SQLITE_OK)
    g_error ("cannot create the index: %s", message);
  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM fts WHERE fts MATCH ?1", -1, &match_stmt, NULL)
      != SQLITE_OK)
    g_error ("cannot prepare: %s", sqlite3_errmsg (db));
}

/* The store binds these as the right-hand side of MATCH; a syntax error
 * there would reach the editor as a failed search.  Only up to
 * MAX_MATCH_CHECKED bytes: FTS5 grows a phrase 8 terms at a time, and under
 * ASan every realloc() copies, so a 100k-character phrase takes 20 s there
 * (0.02 s without ASan). */
#define MAX_MATCH_CHECKED (16 * 1024)

static void
check_match (const char *expression, const char *what)
{
  int rc;

  if (expression == NULL)
    return;
  SD_FUZZ_CHECK_UTF8 (expression, what);
  if (strlen (expression) > MAX_MATCH_CHECKED)
    return;
  sqlite3_reset (match_stmt);
  sqlite3_bind_text (match_stmt, 1, expression, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (match_stmt)) == SQLITE_ROW)
    ;
  SD_FUZZ_CHECK (rc == SQLITE_DONE, "FTS5 refuses the %s expression ‹%s›: %s", what, expression,
                 sqlite3_errmsg (db));
}

static void
check_filter (const SdQueryFilter *filter, guint index)
{
  SdStoryStatus status;
  SdStoryKind   kind;

  SD_FUZZ_CHECK (filter->field <= SD_QUERY_FIELD_SOURCE, "filter %u field %d", index,
                 filter->field);
  SD_FUZZ_CHECK (filter->value != NULL && *filter->value != '\0', "filter %u has no value", index);
  SD_FUZZ_CHECK_UTF8 (filter->value, "filter value");
  switch (filter->field)
    {
    case SD_QUERY_FIELD_PLACE:
      SD_FUZZ_CHECK (sd_gazetteer_lookup (sd_gazetteer_get_default (), filter->value) != NULL,
                     "filter %u place “%s” is no place code", index, filter->value);
      break;
    case SD_QUERY_FIELD_STATUS:
      SD_FUZZ_CHECK (sd_story_status_from_string (filter->value, &status), "filter %u status “%s”",
                     index, filter->value);
      break;
    case SD_QUERY_FIELD_KIND:
      SD_FUZZ_CHECK (sd_story_kind_from_string (filter->value, &kind), "filter %u kind “%s”", index,
                     filter->value);
      break;
    case SD_QUERY_FIELD_TAG:
    case SD_QUERY_FIELD_SOURCE:
    default:
      break;
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  sd_fuzz_make_criticals_fatal ();
  sd_gazetteer_get_default ();
  open_index ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* The entry hands over a C string: anything after a NUL never arrives. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdQuery) query = NULL;
  GPtrArray *terms;
  GPtrArray *filters;

  query = sd_query_parse (text, &error);
  if (query == NULL)
    {
      SD_FUZZ_CHECK (error != NULL, "refused without an error");
      SD_FUZZ_CHECK (error->domain == SD_QUERY_ERROR && error->code <= SD_QUERY_ERROR_TOO_LONG,
                     "error %s %d", g_quark_to_string (error->domain), error->code);
      SD_FUZZ_CHECK_UTF8 (error->message, "error message");
      return 0;
    }
  SD_FUZZ_CHECK (error == NULL, "query parsed but error set: %s", error->message);

  terms = sd_query_get_terms (query);
  filters = sd_query_get_filters (query);
  SD_FUZZ_CHECK (terms != NULL && filters != NULL, "NULL terms or filters");
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      SD_FUZZ_CHECK (term != NULL, "term %u is NULL", i);
      SD_FUZZ_CHECK_UTF8 (term, "term");
      SD_FUZZ_CHECK (sd_cjk_text_is_searchable (term), "term %u “%s” has nothing to search", i,
                     term);
    }
  for (guint i = 0; i < filters->len; i++)
    check_filter (g_ptr_array_index (filters, i), i);

  /* The header's contract between the three views of one query. */
  SD_FUZZ_CHECK ((sd_query_get_match (query) != NULL) == (terms->len > 0), "MATCH %s with %u terms",
                 sd_query_get_match (query) ? "set" : "unset", terms->len);
  SD_FUZZ_CHECK (sd_query_get_match (query) == NULL || sd_query_get_exclude (query) == NULL,
                 "both a MATCH and an exclusion");
  SD_FUZZ_CHECK (
      !sd_query_is_empty (query)
          || (terms->len == 0 && filters->len == 0 && sd_query_get_exclude (query) == NULL),
      "an empty query with something in it");
  check_match (sd_query_get_match (query), "match");
  check_match (sd_query_get_exclude (query), "exclude");
  return 0;
}
