/* test-tokenizer.c — the FTS5 tokenizer for Chinese text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-store-fts5.h"

typedef struct
{
  const char *text;
  const char *tokens; /* "+" marks a token at the same position as the one before */
} TokenCase;

static const TokenCase document_cases[] = {
  { "", "" },
  { "，。！“”", "" },
  { "党", "党" },
  { "党建", "党建 +党 建" },
  { "党建工作", "党建 +党 建工 工作 作" }, /* unigrams only at a run's ends */
  { "党 建", "党 建" },
  { "党建，工作。", "党建 +党 建 工作 +工 作" },
  { "标题3", "标题 +标 题 3" },
  { "2024年", "2024 年" },
  { "二〇二四年", "二〇 +二 〇二 二四 四年 年" },
  { "GDP增长12%", "gdp 增长 +增 长 12" },
  { "ＧＤＰ增长１２％", "gdp 增长 +增 长 12" },
  { "Hello, World 5G", "hello world 5g" },
  { "COVID-19", "covid 19" },
  { "café", "café" },
  { "\xef\xa4\x80", "\xe8\xb1\x88" }, /* U+F900 → U+8C48 */
  { "ﾃｽﾄ", "テス +テ スト ト" },      /* half-width katakana */
  { "a\xff"
    "b",
    "a b" }, /* a broken byte separates */
  { "①号", "1 号" },
};

static const TokenCase query_cases[] = {
  { "党", "党" },
  { "党建", "党建" },
  { "党建工", "党建 建工" },
  { "党建工作", "党建 建工 工作" },
  { "标题3", "标题 题 3" },
  { "3标题", "3 标题" },
  { "5月", "5 月" },
  { "党建 工作", "党建 建 工作" },
  { "党 建", "党 建" },
  { "ＧＤＰ", "gdp" },
  { "COVID-19", "covid 19" },
  { "，党建。", "党建" },
};

/* What sd-query.c hands FTS5 for a term: a lone Han character a prefix. */
static const TokenCase phrase_cases[] = {
  { "党", "\"党\"*" },
  { "党建", "\"党建\"" },
  { "\"党建\"", "\"\"\"党建\"\"\"" }, /* no lone character: the text as it is */
  { "标题3", "\"标题\" + \"题\"* + \"3\"" },
  { "党 建", "\"党\"* + \"建\"*" },
  { "A股", "\"a\" + \"股\"*" },
  { "COVID-19", "\"COVID-19\"" },
};

static void
test_document_tokens (gconstpointer data)
{
  const TokenCase *c = data;
  g_autofree char *tokens = sd_cjk_tokenize_to_string (c->text, FALSE);

  g_assert_cmpstr (tokens, ==, c->tokens);
}

static void
test_query_tokens (gconstpointer data)
{
  const TokenCase *c = data;
  g_autofree char *tokens = sd_cjk_tokenize_to_string (c->text, TRUE);

  g_assert_cmpstr (tokens, ==, c->tokens);
}

static void
test_phrase (gconstpointer data)
{
  const TokenCase *c = data;
  g_autofree char *phrase = sd_cjk_dup_fts_phrase (c->text);

  g_assert_cmpstr (phrase, ==, c->tokens);
}

static void
test_fold (void)
{
  static const char *const cases[][2] = {
    { "ＡＢＣ１２３", "abc123" },  { "Ｈｅｌｌｏ，ＷＯＲＬＤ", "hello,world" },
    { "党建　工作", "党建 工作" }, { "吴江区", "吴江区" },
    { "MiXeD", "mixed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = sd_cjk_fold_text (cases[i][0]);
      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
}

static void
test_searchable (void)
{
  g_assert_true (sd_cjk_text_is_searchable ("党"));
  g_assert_true (sd_cjk_text_is_searchable ("，a"));
  g_assert_true (sd_cjk_text_is_searchable ("１"));
  g_assert_false (sd_cjk_text_is_searchable (""));
  g_assert_false (sd_cjk_text_is_searchable ("，。——“”"));
  g_assert_false (sd_cjk_text_is_searchable ("　 "));
}

static gint64
count_matches (sqlite3 *db, const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gint64        count;

  g_assert_cmpint (
      sqlite3_prepare_v2 (db, "SELECT count (*) FROM t WHERE t MATCH ?", -1, &stmt, NULL), ==,
      SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* Through FTS5 itself: the query tokens land on the document's positions. */
static void
test_fts5 (void)
{
  static const char *const rows[] = {
    "党建引领基层治理", "标题3", "标题30", "乡村振兴，党建先行", "ＧＤＰ增长12％", "党 建",
  };
  static const struct
  {
    const char *match;
    gint64      count;
  } queries[] = {
    { "党", 3 },    { "党建", 2 },     { "党建引", 1 }, { "基层治理", 1 }, { "层治", 1 },
    { "标题3", 1 }, { "标题30", 1 },   { "题", 2 },     { "gdp", 1 },      { "ＧＤＰ", 1 },
    { "12", 1 },    { "振兴党建", 0 }, { "党 建", 3 },  { "建先", 1 },     { "兴党", 0 },
    { "增长1", 0 }, { "建", 3 },       { "领", 1 },     { "治理 ", 1 },    { "引 领", 1 },
    { "3标", 0 },   { "题3", 1 },      { "先行", 1 },   { "建 先行", 1 },
  };
  g_autoptr (GError) error = NULL;
  sqlite3      *db = NULL;
  sqlite3_stmt *insert = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'sd_cjk')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (x) VALUES (?)", -1, &insert, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, rows[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
    }
  sqlite3_finalize (insert);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      /* as sd-query.c asks: the phrase of the text's tokens */
      g_autofree char *match = sd_cjk_dup_fts_phrase (queries[i].match);

      g_test_message ("MATCH %s", match);
      g_assert_cmpint (count_matches (db, match), ==, queries[i].count);
    }
  sqlite3_close (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (document_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tokenizer/document/%u", i);
      g_test_add_data_func (path, &document_cases[i], test_document_tokens);
    }
  for (guint i = 0; i < G_N_ELEMENTS (query_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tokenizer/query/%u", i);
      g_test_add_data_func (path, &query_cases[i], test_query_tokens);
    }
  for (guint i = 0; i < G_N_ELEMENTS (phrase_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tokenizer/phrase/%u", i);
      g_test_add_data_func (path, &phrase_cases[i], test_phrase);
    }
  g_test_add_func ("/tokenizer/fold", test_fold);
  g_test_add_func ("/tokenizer/searchable", test_searchable);
  g_test_add_func ("/tokenizer/fts5", test_fts5);
  return g_test_run ();
}
