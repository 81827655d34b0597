/* test-search.c — full-text search on a small library: the query
 * language's fields, ranking, the index kept in step with every change,
 * saved searches, and the upgrade of old libraries (exact answers on the
 * seed pages: test-search-seeds.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-old-library.h"
#include "sd-store-fts5.h"
#include "sd-query.h"
#include "sd-store.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

typedef struct
{
  const char *headline;
  const char *body;
  const char *byline;
  const char *place_code;
  SdStoryKind kind;
} StorySpec;

typedef struct
{
  const char *query;
  SdScopeKind scope;
  const char *place_code;
  const char *ids; /* the stories found, by id, ascending */
} FilterCase;

/* Ids 1–4 on p1.txt, 5 on p2.txt; then story 2 is reviewed, 1 and 5 are
 * tagged 党建 and 3 has a note. */
static const StorySpec library_p1[] = {
  { "吴江区推进乡村振兴", "党建引领基层治理。", "张三", "320509", SD_STORY_KIND_NEWS },
  { "苏州市召开会议", "会议强调乡村振兴战略。ＧＤＰ增长１２％。", NULL, "3205",
    SD_STORY_KIND_BRIEF },
  { "南京新闻", "消防安全检查。", NULL, "3201", SD_STORY_KIND_PHOTO },
  { NULL, "图为活动现场，党员志愿者在服务。", NULL, NULL, SD_STORY_KIND_PHOTO },
};
static const StorySpec library_p2[] = {
  { "吴江 外卖小哥", "新就业群体。", NULL, "320509102", SD_STORY_KIND_NEWS },
};

/* Headlines with 党 (1, 3) and bodies with it (2, 5), for the order. */
static const StorySpec order_page[] = {
  { "党员大会", "内容。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "会议", "党的建设。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "党建新闻", "党员。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "别的", "没有。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "通知", "入党。", NULL, NULL, SD_STORY_KIND_NEWS },
};

/* 新就 and 就业 apart (1, and 4's headline) or side by side; words whole. */
static const StorySpec phrase_page[] = {
  { "新闻", "新就是新，就业是就业。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "新就业群体", "内容。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "其他", "关注新就业群体。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "新就与就业", "正文谈新就业。", NULL, NULL, SD_STORY_KIND_NEWS },
  { "标题30", "ＧＤＰ增长12％，\xef\xa4\x80有此理。", NULL, NULL, SD_STORY_KIND_NEWS }, /* U+F900 */
};

static const FilterCase filter_cases[] = {
  { "", SD_SCOPE_ALL, NULL, "1 2 3 4 5" },
  { "乡村振兴", SD_SCOPE_ALL, NULL, "1 2" },
  { "乡村", SD_SCOPE_ALL, NULL, "1 2" },
  { "振", SD_SCOPE_ALL, NULL, "1 2" },
  { "党建", SD_SCOPE_ALL, NULL, "1" },
  { "党", SD_SCOPE_ALL, NULL, "1 4" },
  { "gdp", SD_SCOPE_ALL, NULL, "2" },
  { "ＧＤＰ 12", SD_SCOPE_ALL, NULL, "2" },
  { "１２", SD_SCOPE_ALL, NULL, "2" },
  { "1", SD_SCOPE_ALL, NULL, "" },
  { "核对", SD_SCOPE_ALL, NULL, "3" }, /* the note */
  { "张三", SD_SCOPE_ALL, NULL, "1" }, /* the byline */
  { "吴江", SD_SCOPE_ALL, NULL, "1 5" },
  { "吴江 -外卖", SD_SCOPE_ALL, NULL, "1" },
  { "-吴江", SD_SCOPE_ALL, NULL, "2 3 4" },
  { "-吴江 -消防", SD_SCOPE_ALL, NULL, "2 4" },
  { "\"乡村 振兴\"", SD_SCOPE_ALL, NULL, "1 2" },
  { "\"振兴 乡村\"", SD_SCOPE_ALL, NULL, "" },
  { "乡村振兴 会议", SD_SCOPE_ALL, NULL, "2" },
  { "place:吴江区", SD_SCOPE_ALL, NULL, "1 5" },
  { "place:苏州市", SD_SCOPE_ALL, NULL, "1 2 5" },
  { "-place:苏州市", SD_SCOPE_ALL, NULL, "3 4" },
  { "place:苏州市 乡村", SD_SCOPE_ALL, NULL, "1 2" },
  { "status:reviewed", SD_SCOPE_ALL, NULL, "2" },
  { "status:未审", SD_SCOPE_ALL, NULL, "1 3 4 5" },
  { "-status:new", SD_SCOPE_ALL, NULL, "2" },
  { "kind:photo", SD_SCOPE_ALL, NULL, "3 4" },
  { "kind:photo -党", SD_SCOPE_ALL, NULL, "3" },
  { "tag:党建", SD_SCOPE_ALL, NULL, "1 5" },
  { "-tag:党建", SD_SCOPE_ALL, NULL, "2 3 4" },
  { "tag:党建 吴江 -外卖", SD_SCOPE_ALL, NULL, "1" },
  { "source:p2", SD_SCOPE_ALL, NULL, "5" },
  { "source:p1.txt", SD_SCOPE_ALL, NULL, "1 2 3 4" },
  { "-source:p1", SD_SCOPE_ALL, NULL, "5" },
  { "乡村", SD_SCOPE_PLACE, "3205", "1 2" },
  { "吴江", SD_SCOPE_PLACE, "320509", "1 5" },
  { "党", SD_SCOPE_UNPLACED, NULL, "4" },
  { "-党", SD_SCOPE_UNPLACED, NULL, "" },
};

static void
add_page (Fixture *fixture, const char *file, const char *checksum, const StorySpec *specs, guint n)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GError) error = NULL;
  SdPageRecord page = { file, checksum, "UTF-8", "页面", 6 };

  for (guint i = 0; i < n; i++)
    {
      SdStory *story = sd_story_new ();

      story->headline = g_strdup (specs[i].headline);
      story->body = g_strdup (specs[i].body);
      story->byline = g_strdup (specs[i].byline);
      story->place_code = g_strdup (specs[i].place_code);
      story->kind = specs[i].kind;
      story->source_end = 10;
      g_ptr_array_add (stories, story);
    }
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, &error));
  g_assert_no_error (error);
}

static void
build_library (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  add_page (fixture, "p1.txt", "c1", library_p1, G_N_ELEMENTS (library_p1));
  add_page (fixture, "p2.txt", "c2", library_p2, G_N_ELEMENTS (library_p2));
  g_assert_true (sd_store_set_status (fixture->store, 2, SD_STORY_STATUS_REVIEWED, &error));
  g_assert_true (sd_store_add_tag (fixture->store, 1, "党建", &error));
  g_assert_true (sd_store_add_tag (fixture->store, 5, "党建", &error));
  g_assert_true (sd_store_set_note (fixture->store, 3, "核对人名", &error));
  g_assert_no_error (error);
}

static void
test_filters (Fixture *fixture, gconstpointer data)
{
  const FilterCase *c = data;
  SdScope           scope = { c->scope, c->place_code, NULL };
  SdScope           listed_scope = { c->scope, c->place_code, c->query };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *found = NULL;
  g_autofree char *listed_ids = NULL;
  guint            expected = *c->ids == '\0' ? 0 : 1;

  build_library (fixture);
  for (const char *p = c->ids; *p != '\0'; p++)
    expected += *p == ' ';

  found = sd_test_search_ids (fixture->store, &scope, c->query);
  g_assert_cmpstr (found, ==, c->ids);
  g_assert_cmpint (sd_store_count_matches (fixture->store, &scope, c->query, &error), ==, expected);
  g_assert_no_error (error);

  /* the same through the lists of the window and the command line */
  listed = sd_store_list_full_stories (fixture->store, &listed_scope, &error);
  g_assert_no_error (error);
  listed_ids = sd_test_describe_ids (listed);
  g_assert_cmpstr (listed_ids, ==, c->ids);
}

static void
test_rank (Fixture *fixture, gconstpointer data)
{
  static const StorySpec specs[] = {
    { "会议", "乡村振兴很重要。会议还谈了别的。", NULL, NULL, SD_STORY_KIND_NEWS },
    { "乡村振兴", "会议内容。会议还谈了别的。", NULL, NULL, SD_STORY_KIND_NEWS },
    { "别的", "没有相关的词。", NULL, NULL, SD_STORY_KIND_NEWS },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;

  add_page (fixture, "rank.txt", "rank", specs, G_N_ELEMENTS (specs));
  found = sd_store_search (fixture->store, NULL, "乡村振兴", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((SdStory *) found->pdata[0])->headline, ==, "乡村振兴");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = sd_store_search (fixture->store, NULL, "会议", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((SdStory *) found->pdata[0])->headline, ==, "会议");
}

/* The ids found by @query in the order given, best first, at most @limit. */
static char *
ranked_ids (Fixture *fixture, const char *query, guint limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = sd_store_search (fixture->store, NULL, query, limit, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            ((SdStory *) g_ptr_array_index (found, i))->id);
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *query;
  guint       limit;  /* 0 for all */
  const char *ranked; /* the ids found, best first */
} RankedCase;

/* Each case's stories best first; found all, they are as many as counted
 * and the same as listed in page order. */
static void
assert_ranked (Fixture *fixture, const RankedCase *cases, guint n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const RankedCase *c = &cases[i];
      SdScope           listed_scope = { SD_SCOPE_ALL, NULL, c->query };
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) listed = NULL;
      g_autofree char *ids = ranked_ids (fixture, c->query, c->limit);
      g_autofree char *found = NULL, *listed_ids = NULL;
      gint64           count;

      g_test_message ("%s (%u) → %s", c->query, c->limit, ids);
      g_assert_cmpstr (ids, ==, c->ranked);
      if (c->limit > 0)
        continue;
      count = sd_store_count_matches (fixture->store, NULL, c->query, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, *ids == '\0' ? 0 : (gint64) strlen (ids) / 2 + 1);
      found = sd_test_search_ids (fixture->store, NULL, c->query);
      listed = sd_store_list_full_stories (fixture->store, &listed_scope, &error);
      g_assert_no_error (error);
      listed_ids = sd_test_describe_ids (listed);
      g_assert_cmpstr (listed_ids, ==, found);
    }
}

/* A one-character search (#16): the stories whose headline holds it, then
 * the others, each newest first; a shorter list is the same one cut. */
static void
test_one_character_order (Fixture *fixture, gconstpointer data)
{
  static const RankedCase cases[] = {
    { "党", 0, "3 1 5 2" }, { "党", 3, "3 1 5" },   { "党", 1, "3" },
    { "党员", 0, "1 3" },   { "党 -建", 0, "1 5" },
  };
  static const RankedCase edited[] = { { "党", 0, "1 5 3 2" } };
  g_autoptr (GError) error = NULL;

  add_page (fixture, "order.txt", "order", order_page, G_N_ELEMENTS (order_page));
  assert_ranked (fixture, cases, G_N_ELEMENTS (cases));

  /* a headline edited moves its story between the two parts */
  sd_store_set_story_field (fixture->store, 3, SD_STORY_FIELD_HEADLINE, "新闻", &error);
  g_assert_no_error (error);
  assert_ranked (fixture, edited, G_N_ELEMENTS (edited));
}

/* No positions in the index: a term of several tokens is checked against
 * the text of each story that has them all, wanted or left out. */
static void
test_phrase_checked (Fixture *fixture, gconstpointer data)
{
  static const RankedCase cases[] = {
    { "新就业", 0, "2 4 3" },   { "-\"新就业\"", 0, "1 5" },   { "新就 -新就业", 0, "1" },
    { "就业 -新就业", 0, "1" }, { "\"就业 群体\"", 0, "2 3" }, { "新就业 -群体", 0, "4" },
    { "就业是", 0, "1" },       { "就业 是", 0, "1" },         { "新就与", 0, "4" },
    { "标题3", 0, "" },         { "标题30", 0, "5" },          { "\"gdp 增长\"", 0, "5" },
    { "增长12", 0, "5" },       { "豈有此", 0, "5" },          { "增长1", 0, "" },
  };

  add_page (fixture, "phrase.txt", "phrase", phrase_page, G_N_ELEMENTS (phrase_page));
  assert_ranked (fixture, cases, G_N_ELEMENTS (cases));
}

static void
assert_found (Fixture *fixture, const char *query, const char *ids)
{
  g_autofree char *found = sd_test_search_ids (fixture->store, NULL, query);

  g_test_message ("%s → %s", query, found);
  g_assert_cmpstr (found, ==, ids);
}

/* Edits, notes, splits, merges and replaced pages all reach the index. */
static void
test_sync (Fixture *fixture, gconstpointer data)
{
  static const StorySpec first[] = {
    { "端午节", "龙舟下水。\n选手划船。", NULL, NULL, SD_STORY_KIND_NEWS },
    { "其他", "别的稿件。", NULL, NULL, SD_STORY_KIND_NEWS },
  };
  static const StorySpec second[] = {
    { "新版", "新的文本。", NULL, NULL, SD_STORY_KIND_NEWS },
  };
  g_autoptr (GError) error = NULL;
  gint64 tail = 0, removed = 0;
  guint  paragraph = 0;

  add_page (fixture, "a.txt", "a1", first, G_N_ELEMENTS (first));
  assert_found (fixture, "龙舟", "1");

  g_assert_true (sd_store_set_note (fixture->store, 1, "核对：粽子", &error));
  assert_found (fixture, "粽子", "1");
  g_assert_true (sd_store_set_note (fixture->store, 1, "已改", &error));
  assert_found (fixture, "粽子", "");
  assert_found (fixture, "已改", "1");

  g_assert_true (
      sd_store_set_story_field (fixture->store, 1, SD_STORY_FIELD_HEADLINE, "赛龙舟", &error));
  assert_found (fixture, "端午", "");
  assert_found (fixture, "赛龙舟", "1");
  g_assert_true (
      sd_store_set_story_field (fixture->store, 1, SD_STORY_FIELD_BYLINE, "李四", &error));
  assert_found (fixture, "李四", "1");

  g_assert_true (sd_store_split_story (fixture->store, 1, 1, &tail, &error));
  g_assert_no_error (error);
  assert_found (fixture, "龙舟下水", "1");
  {
    g_autofree char *tail_ids = g_strdup_printf ("%" G_GINT64_FORMAT, tail);
    assert_found (fixture, "划船", tail_ids);
  }

  g_assert_true (sd_store_merge_with_next (fixture->store, 1, &removed, &paragraph, &error));
  g_assert_no_error (error);
  g_assert_cmpint (removed, ==, tail);
  assert_found (fixture, "划船", "1");
  sd_test_assert_index_whole (fixture->path);

  /* a new version of a.txt: stories nobody touched go with the old page,
   * an annotated one stays */
  add_page (fixture, "a.txt", "a2", second, G_N_ELEMENTS (second));
  assert_found (fixture, "别的稿件", "");
  assert_found (fixture, "龙舟", "1");
  {
    g_autoptr (GPtrArray) found = sd_store_search (fixture->store, NULL, "新的文本", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((SdStory *) found->pdata[0])->headline, ==, "新版");
  }
  sd_test_assert_index_whole (fixture->path);
}

static void
test_errors (Fixture *fixture, gconstpointer data)
{
  static const char *const bad[] = { "\"党建", "-", "foo:bar", "place:火星", "status:done" };
  SdScope                  scope = { SD_SCOPE_ALL, NULL, NULL };

  build_library (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) found = sd_store_search (fixture->store, NULL, bad[i], 10, &error);

      g_assert_null (found);
      g_assert_true (error != NULL && error->domain == SD_QUERY_ERROR);
      g_clear_error (&error);
      g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, bad[i], &error), ==, -1);
      g_assert_true (error != NULL && error->domain == SD_QUERY_ERROR);
      g_clear_error (&error);
      scope.text = bad[i];
      g_assert_null (sd_store_list_stories (fixture->store, &scope, &error));
      g_assert_true (error != NULL && error->domain == SD_QUERY_ERROR);
    }
}

/* #14: ≥ 990 field filters failed with SQLite's "Expression tree is too
 * large"; a search of at most SD_QUERY_MAX_PARTS words and fields of any
 * kind runs, and one more is refused by the query language, saying so. */
static void
test_query_size_limit (Fixture *fixture, gconstpointer data)
{
  static const char *const parts[] = { "tag:t%u",        "-tag:t%u",     "place:吴江区",
                                       "-place:南京市",  "status:new",   "kind:news",
                                       "source:a%u.txt", "date:2022-11", "-date:2021-01..2021-03",
                                       "paper:报%u",     "page:A%u",     "词%u",
                                       "-词%u" };
  SdScope                  scope = { SD_SCOPE_ALL, NULL, NULL };

  build_library (fixture);
  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    for (guint n = SD_QUERY_MAX_PARTS; n <= SD_QUERY_MAX_PARTS + 1; n++)
      {
        g_autoptr (GString) query = g_string_new (NULL);
        g_autoptr (GError) error = NULL;
        g_autoptr (GPtrArray) found = NULL;
        g_autoptr (GPtrArray) listed = NULL;

        for (guint i = 0; i < n; i++)
          {
            g_string_append_c (query, ' ');
            g_string_append_printf (query, parts[k], i % 90 + 1);
          }
        found = sd_store_search (fixture->store, NULL, query->str, 10, &error);
        if (n == SD_QUERY_MAX_PARTS)
          {
            g_assert_no_error (error);
            g_assert_nonnull (found);
            scope.text = query->str;
            listed = sd_store_list_stories (fixture->store, &scope, &error);
            g_assert_no_error (error);
            g_assert_cmpint (sd_store_count_matches (fixture->store, NULL, query->str, &error), >=,
                             0);
            g_assert_no_error (error);
          }
        else
          {
            g_assert_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_TOO_LONG);
            g_assert_nonnull (strstr (error->message, "256"));
          }
      }
}

static void
test_saved (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) saved = NULL;
  SdSavedSearch *search;

  build_library (fixture);
  g_assert_true (sd_store_save_search (fixture->store, "吴江稿件", "吴江", &error));
  g_assert_true (sd_store_save_search (fixture->store, "  照片 ", "kind:photo", &error));
  g_assert_true (sd_store_save_search (fixture->store, "吴江稿件", "吴江 -外卖", &error));
  g_assert_no_error (error);

  g_assert_false (sd_store_save_search (fixture->store, "坏的", "\"党建", &error));
  g_assert_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNCLOSED_QUOTE);
  g_clear_error (&error);
  g_assert_false (sd_store_save_search (fixture->store, " ", "党建", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  saved = sd_store_list_saved_searches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 2);
  search = g_ptr_array_index (saved, 0);
  g_assert_cmpstr (search->name, ==, "吴江稿件");
  g_assert_cmpstr (search->query, ==, "吴江 -外卖");
  g_assert_cmpint (search->count, ==, 1);
  search = g_ptr_array_index (saved, 1);
  g_assert_cmpstr (search->name, ==, "照片");
  g_assert_cmpint (search->count, ==, 2);

  g_assert_true (sd_store_delete_saved_search (fixture->store, "照片", &error));
  g_assert_false (sd_store_delete_saved_search (fixture->store, "照片", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = sd_store_list_saved_searches (fixture->store, NULL);
  g_assert_cmpuint (saved->len, ==, 1);
}

/* A library from before the index (schema 2) gets its stories indexed when
 * it is opened. */
static void
test_upgrade (Fixture *fixture, gconstpointer data)
{
  static const char *const downgrade[] = {
    SD_TEST_UNDO_SCHEMA_14,
    "DROP INDEX stories_listing",
    "DROP INDEX pages_partial",
    "DROP TABLE maintenance",
    "DROP INDEX pages_by_checksum",
    "DROP INDEX stories_trashed_by_page",
    "ALTER TABLE pages DROP COLUMN partial",
    "DROP TABLE story_history",
    "DROP TRIGGER story_fts_insert",
    "DROP TRIGGER story_fts_delete",
    "DROP TRIGGER story_fts_update",
    "DROP TABLE story_fts",
    "DROP VIEW live_stories",
    "DROP INDEX stories_in_trash",
    "ALTER TABLE stories DROP COLUMN trashed",
    "ALTER TABLE stories DROP COLUMN trash_kind",
    "ALTER TABLE stories DROP COLUMN trash_of",
    "DROP INDEX pages_by_batch",
    "ALTER TABLE pages DROP COLUMN batch_id",
    "DROP TABLE batches",
    "DROP INDEX pages_by_identity",
    "DROP INDEX pages_by_issue",
    "ALTER TABLE pages DROP COLUMN identity",
    "ALTER TABLE pages DROP COLUMN page_no",
    "ALTER TABLE pages DROP COLUMN issue_date",
    "ALTER TABLE pages DROP COLUMN paper",
    "ALTER TABLE pages DROP COLUMN path",
    "DROP INDEX stories_by_uuid",
    "ALTER TABLE stories DROP COLUMN uuid",
    "DROP TABLE saved_searches",
    "DROP INDEX stories_filters",
    "PRAGMA user_version = 2",
  };
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  build_library (fixture);
  g_clear_object (&fixture->store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (downgrade); i++)
    g_assert_cmpint (sqlite3_exec (db, downgrade[i], NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->store = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_found (fixture, "乡村振兴", "1 2");
  assert_found (fixture, "核对", "3");
  sd_test_assert_index_whole (fixture->path);
}

/* A library of schema 8 (#16 before): page texts as they are, the index
 * with its column sizes.  Opened, its pages are kept deflated and read back
 * the same, and the index is rebuilt without the sizes. */
static void
test_upgrade_smaller (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) stories = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64        page_id;

  build_library (fixture);
  stories = sd_store_list_stories (fixture->store, &(SdScope){ SD_SCOPE_ALL }, &error);
  g_assert_no_error (error);
  page_id = ((SdStory *) g_ptr_array_index (stories, 0))->page_id;
  before = sd_store_dup_page_text (fixture->store, page_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_cmpint (sqlite3_exec (db,
                                 SD_TEST_UNDO_SCHEMA_14
                                 "DROP INDEX stories_listing;"
                                 "DROP INDEX pages_partial;"
                                 "DROP TABLE maintenance;"
                                 "UPDATE pages SET text = sd_page_text (text);"
                                 "DROP TABLE story_fts;"
                                 "CREATE VIRTUAL TABLE story_fts USING fts5 ("
                                 "  headline, subheadline, body, byline, note,"
                                 "  content = 'live_stories', content_rowid = 'id',"
                                 "  tokenize = 'sd_cjk');"
                                 "INSERT INTO story_fts (story_fts) VALUES ('rebuild');"
                                 "DROP INDEX pages_by_checksum;"
                                 "DROP INDEX stories_trashed_by_page;"
                                 "PRAGMA user_version = 8",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count (*) FROM pages WHERE typeof (text) = 'text'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  fixture->store = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  after = sd_store_dup_page_text (fixture->store, page_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  assert_found (fixture, "乡村振兴", "1 2");
  assert_found (fixture, "核对", "3");
  sd_test_assert_index_whole (fixture->path);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count (*) FROM pages WHERE typeof (text) "
                                       "<> 'blob'), (SELECT count (*) FROM sqlite_schema WHERE "
                                       "name = 'story_fts_docsize')",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static char *
query_text (const char *path, const char *sql)
{
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *text = NULL;

  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, NULL));
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_true (rc == SQLITE_ROW || rc == SQLITE_DONE);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_steal_pointer (&text);
}

/* A library of schema 13 (#16 before): an index with positions and no
 * index of headlines.  Opened, both are built without positions, and every
 * search finds what it found before. */
static void
test_upgrade_no_positions (Fixture *fixture, gconstpointer data)
{
  static const char *const queries[] = {
    "乡村振兴",  "\"乡村 振兴\"", "党",     "吴江 -外卖",    "-吴江",
    "ＧＤＰ 12", "核对",          "志愿者", "\"振兴 乡村\"",
  };
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *fts = NULL, *headlines = NULL;
  sqlite3         *db = NULL;

  build_library (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_add (before, sd_test_search_ids (fixture->store, NULL, queries[i]));
  g_clear_object (&fixture->store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_cmpint (sqlite3_exec (db, SD_TEST_BACK_TO_SCHEMA_13, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->store = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *after = sd_test_search_ids (fixture->store, NULL, queries[i]);

      g_test_message ("%s → %s", queries[i], after);
      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }
  fts = query_text (fixture->path, "SELECT sql FROM sqlite_schema WHERE name = 'story_fts'");
  headlines = query_text (fixture->path, "SELECT group_concat (rowid, ' ') FROM story_fts_headline "
                                         "WHERE story_fts_headline MATCH '吴江'");
  g_assert_nonnull (strstr (fts, "detail = none"));
  g_assert_cmpstr (headlines, ==, "1 5");
  sd_test_assert_index_whole (fixture->path);
  g_free (query_text (fixture->path, "INSERT INTO story_fts_headline (story_fts_headline) "
                                     "VALUES ('integrity-check')"));
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/filters/%u", i);
      SD_TEST_ADD_WITH_LIBRARY (path, &filter_cases[i], test_filters);
    }
  SD_TEST_ADD_WITH_LIBRARY ("/search/rank", NULL, test_rank);
  SD_TEST_ADD_WITH_LIBRARY ("/search/one-character-order", NULL, test_one_character_order);
  SD_TEST_ADD_WITH_LIBRARY ("/search/phrase-checked", NULL, test_phrase_checked);
  SD_TEST_ADD_WITH_LIBRARY ("/search/sync", NULL, test_sync);
  SD_TEST_ADD_WITH_LIBRARY ("/search/errors", NULL, test_errors);
  SD_TEST_ADD_WITH_LIBRARY ("/search/query-size-limit", NULL, test_query_size_limit);
  SD_TEST_ADD_WITH_LIBRARY ("/search/saved", NULL, test_saved);
  SD_TEST_ADD_WITH_LIBRARY ("/search/upgrade", NULL, test_upgrade);
  SD_TEST_ADD_WITH_LIBRARY ("/search/upgrade-smaller", NULL, test_upgrade_smaller);
  SD_TEST_ADD_WITH_LIBRARY ("/search/upgrade-no-positions", NULL, test_upgrade_no_positions);
  return g_test_run ();
}
