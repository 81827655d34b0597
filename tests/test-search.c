/* test-search.c — full-text search: exact answers from the index for terms
 * of any length, the query language's fields, ranking, the index kept in
 * step with every change, saved searches, and the upgrade of old libraries
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-importer.h"
#include "sd-query.h"
#include "sd-store.h"

#define SAMPLES_PER_LENGTH 400

typedef struct
{
  char    *dir;
  char    *path;
  SdStore *store;
} Fixture;

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
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sd-test-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

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

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* "1 3 5": the ids of @stories, ascending. */
static char *
describe_ids (GPtrArray *stories)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < stories->len; i++)
    g_array_append_val (ids, ((SdStory *) g_ptr_array_index (stories, i))->id);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static char *
search_ids (SdStore *store, const SdScope *scope, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = sd_store_search (store, scope, query, 0, &error);

  g_assert_no_error (error);
  return describe_ids (found);
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

  found = search_ids (fixture->store, &scope, c->query);
  g_assert_cmpstr (found, ==, c->ids);
  g_assert_cmpint (sd_store_count_matches (fixture->store, &scope, c->query, &error), ==, expected);
  g_assert_no_error (error);

  /* the same through the lists of the window and the command line */
  listed = sd_store_list_full_stories (fixture->store, &listed_scope, &error);
  g_assert_no_error (error);
  listed_ids = describe_ids (listed);
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

static void
assert_fts_integrity (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_cjk_tokenizer_register (db, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, "INSERT INTO story_fts (story_fts) VALUES ('integrity-check')", NULL, NULL,
                &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
assert_found (Fixture *fixture, const char *query, const char *ids)
{
  g_autofree char *found = search_ids (fixture->store, NULL, query);

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
  assert_fts_integrity (fixture);

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
  assert_fts_integrity (fixture);
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
    "DROP TRIGGER story_fts_insert", "DROP TRIGGER story_fts_delete",
    "DROP TRIGGER story_fts_update", "DROP TABLE story_fts",
    "DROP TABLE saved_searches",     "DROP INDEX stories_filters",
    "PRAGMA user_version = 2",
  };
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  build_library (fixture);
  g_clear_object (&fixture->store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (sd_cjk_tokenizer_register (db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (downgrade); i++)
    g_assert_cmpint (sqlite3_exec (db, downgrade[i], NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->store = sd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_found (fixture, "乡村振兴", "1 2");
  assert_found (fixture, "核对", "3");
  assert_fts_integrity (fixture);
}

/* The correctness bar, on the seed pages. */

static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      return g_unichar_isalnum (c) || c == 0x3007;
    default:
      return FALSE;
    }
}

static gboolean
is_word (gunichar c)
{
  return !is_cjk (c) && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* Whether folded @text holds folded @term; a Latin word or number only
 * whole, as words are indexed. */
static gboolean
text_contains (const char *text, const char *term)
{
  gsize    n = strlen (term);
  gunichar first = g_utf8_get_char (term);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (term + n));

  for (const char *p = strstr (text, term); p != NULL; p = strstr (p + 1, term))
    {
      if (is_word (first) && p > text && is_word (g_utf8_get_char (g_utf8_prev_char (p))))
        continue;
      if (is_word (last) && p[n] != '\0' && is_word (g_utf8_get_char (p + n)))
        continue;
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  gint64 id;
  char  *fields[5]; /* folded headline, subheadline, body, byline, note */
} Folded;

static void
folded_clear (Folded *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (folded->fields); i++)
    g_free (folded->fields[i]);
}

static char *
expected_ids (GArray *folded, const char *term)
{
  g_autofree char *folded_term = sd_cjk_fold_text (term);
  GString         *out = g_string_new (NULL);

  for (guint i = 0; i < folded->len; i++)
    {
      Folded *story = &g_array_index (folded, Folded, i);

      for (guint f = 0; f < G_N_ELEMENTS (story->fields); f++)
        if (text_contains (story->fields[f], folded_term))
          {
            g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len > 0 ? " " : "", story->id);
            break;
          }
    }
  return g_string_free (out, FALSE);
}

/* Every run of @n Han characters in @text. */
static void
collect_cjk_terms (GHashTable *terms, const char *text, guint n)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q = p;
      guint       k = 0;

      while (k < n && *q != '\0' && is_cjk (g_utf8_get_char (q)))
        q = g_utf8_next_char (q), k++;
      if (k == n)
        g_hash_table_add (terms, g_strndup (p, q - p));
    }
}

static void
collect_words (GHashTable *terms, const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && is_word (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_hash_table_add (terms, g_strndup (start, p - start));
      else
        p = g_utf8_next_char (p);
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A deterministic sample of at most @n of @terms, added to @out. */
static void
add_sample (GPtrArray *out, GHashTable *terms, guint n, GRand *rand)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer       term;

  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    g_ptr_array_add (all, term);
  g_ptr_array_sort (all, compare_strings);
  for (guint i = 0; i < all->len && i < n; i++)
    {
      guint    j = g_rand_int_range (rand, i, all->len);
      gpointer swap = all->pdata[i];

      all->pdata[i] = all->pdata[j];
      all->pdata[j] = swap;
      g_ptr_array_add (out, g_strdup (all->pdata[i]));
    }
}

static void
import_seeds (Fixture *fixture)
{
  const char *paths[] = { SD_SEEDS_DIR, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = sd_importer_collect_files (paths, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (SdImportResult) result = sd_importer_import_file (fixture->store, files->pdata[i]);
      g_assert_no_error (result->error);
    }
}

/* The seed stories, folded as the index folds them; with notes on a few,
 * full-width ones among them. */
static GArray *
fold_seed_stories (Fixture *fixture)
{
  static const char *const notes[] = {
    "核对：ＧＤＰ与２０２３年数据",
    "待补充Ｗｉ－Ｆｉ覆盖情况",
    "请问记者核实姓名",
  };
  SdScope all = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  GArray *folded = g_array_new (FALSE, TRUE, sizeof (Folded));

  g_array_set_clear_func (folded, (GDestroyNotify) folded_clear);
  stories = sd_store_list_full_stories (fixture->store, &all, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      SdStory *story = g_ptr_array_index (stories, i * 7 % stories->len);
      g_assert_true (sd_store_set_note (fixture->store, story->id, notes[i], &error));
      g_free (story->note);
      story->note = g_strdup (notes[i]);
    }
  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);
      const char    *fields[] = { story->headline, story->subheadline, story->body, story->byline,
                                  story->note };
      Folded         entry = { story->id };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        entry.fields[f] = sd_cjk_fold_text (fields[f] != NULL ? fields[f] : "");
      g_array_append_val (folded, entry);
    }
  return folded;
}

/* The terms to check: samples of every length from 1 to 4 from headlines and
 * bodies, the same reversed (mostly absent), absent ones, and the Latin words
 * and numbers of all fields, also typed in full width and upper case. */
static GPtrArray *
pick_terms (GArray *folded)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260106);
  g_autoptr (GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray               *terms = g_ptr_array_new_with_free_func (g_free);
  static const char *const absent[] = { "龘", "靐齉", "齉龘靐", "zzqx", "987654321" };

  for (guint n = 1; n <= 4; n++)
    {
      g_autoptr (GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint first = terms->len;

      for (guint i = 0; i < folded->len; i++)
        {
          Folded *story = &g_array_index (folded, Folded, i);
          collect_cjk_terms (found, story->fields[0], n);
          collect_cjk_terms (found, story->fields[2], n);
        }
      add_sample (terms, found, SAMPLES_PER_LENGTH, rand);
      for (guint i = first; n > 1 && i < first + 50 && i < terms->len; i++)
        g_ptr_array_add (terms, g_utf8_strreverse (terms->pdata[i], -1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_ptr_array_add (terms, g_strdup (absent[i]));

  for (guint i = 0; i < folded->len; i++)
    for (guint f = 0; f < 5; f++)
      collect_words (words, g_array_index (folded, Folded, i).fields[f]);
  g_assert_cmpuint (g_hash_table_size (words), >, 10);
  {
    guint first = terms->len;

    add_sample (terms, words, G_MAXUINT, rand);
    for (guint i = first; i < first + 40 && i < terms->len; i++)
      {
        /* what an editor may type: full width, capitals */
        GString *wide = g_string_new (NULL);
        for (const char *p = terms->pdata[i]; *p != '\0'; p = g_utf8_next_char (p))
          {
            gunichar c = g_unichar_toupper (g_utf8_get_char (p));
            g_string_append_unichar (wide, c < 0x7F && c > 0x20 && i % 2 ? c + 0xFEE0 : c);
          }
        g_ptr_array_add (terms, g_string_free (wide, FALSE));
      }
  }
  return terms;
}

static void
test_seeds_exact (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GArray) folded = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GString) failures = g_string_new (NULL);
  guint n_failed = 0, n_found = 0;
  guint by_length[6] = { 0 };

  import_seeds (fixture);
  folded = fold_seed_stories (fixture);
  terms = pick_terms (folded);

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = terms->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *expected = expected_ids (folded, term);
      g_autofree char *found = search_ids (fixture->store, NULL, term);
      gint64           count = sd_store_count_matches (fixture->store, NULL, term, &error);
      guint            n_expected = *expected == '\0' ? 0 : 1;

      g_assert_no_error (error);
      for (const char *p = expected; *p != '\0'; p++)
        n_expected += *p == ' ';
      by_length[MIN (g_utf8_strlen (term, -1), 5)]++;
      n_found += *expected != '\0';
      if (strcmp (expected, found) != 0 || count != n_expected)
        {
          if (n_failed++ < 10)
            g_string_append_printf (
                failures, "  %s: expected [%s], found [%s], counted %" G_GINT64_FORMAT "\n", term,
                expected, found, count);
        }
    }
  g_test_message ("checked %u terms (by length 1–4, 5+: %u %u %u %u %u; %u found somewhere) "
                  "on %u stories",
                  terms->len, by_length[1], by_length[2], by_length[3], by_length[4], by_length[5],
                  n_found, folded->len);
  if (n_failed > 0)
    g_error ("%u of %u terms found the wrong stories:\n%s", n_failed, terms->len, failures->str);
  g_assert_cmpuint (by_length[1], >=, 300);
  g_assert_cmpuint (by_length[2], >=, 300);
  g_assert_cmpuint (by_length[3], >=, 300);
  g_assert_cmpuint (by_length[4], >=, 300);
  assert_fts_integrity (fixture);
}

/* The planner answers 1-, 2- and 3-character terms from the index. */
static void
test_plan (Fixture *fixture, gconstpointer data)
{
  static const char *const queries[] = {
    "党", "党建", "新就业", "乡村振兴", "党建 工作", "党建 place:苏州市 -外卖", "gdp",
  };

  import_seeds (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *plan = sd_store_explain_search (fixture->store, NULL, queries[i], &error);

      g_assert_no_error (error);
      g_test_message ("%s:\n%s", queries[i], plan);
      g_assert_nonnull (strstr (plan, "SCAN story_fts VIRTUAL TABLE INDEX"));
      g_assert_null (strstr (plan, "SCAN s\n"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search/filters/%u", i);
      g_test_add (path, Fixture, &filter_cases[i], fixture_set_up, test_filters, fixture_tear_down);
    }
  g_test_add ("/search/rank", Fixture, NULL, fixture_set_up, test_rank, fixture_tear_down);
  g_test_add ("/search/sync", Fixture, NULL, fixture_set_up, test_sync, fixture_tear_down);
  g_test_add ("/search/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/search/saved", Fixture, NULL, fixture_set_up, test_saved, fixture_tear_down);
  g_test_add ("/search/upgrade", Fixture, NULL, fixture_set_up, test_upgrade, fixture_tear_down);
  g_test_add ("/search/seeds-exact", Fixture, NULL, fixture_set_up, test_seeds_exact,
              fixture_tear_down);
  g_test_add ("/search/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  return g_test_run ();
}
