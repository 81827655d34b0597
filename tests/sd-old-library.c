/* sd-old-library.c — a library at schema 13, made for the upgrade tests
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-old-library.h"

#include <sqlite3.h>

#include "sd-store-fts5.h"
#include "sd-store.h"

#define STORIES_A_PAGE 200

static const char *const places[] = { "吴江区", "昆山市", "常熟市", "张家港市", "太仓市",
                                      "江阴市", "宜兴市", "南京市", "无锡市",   "苏州市" };
static const char *const words[] = { "推进", "党建", "工作", "乡村振兴", "发展",
                                     "服务", "群众", "项目", "建设",     "会议",
                                     "企业", "创新", "文化", "社区",     "交通" };

static const char *
pick (GRand *rand, const char *const *list, guint n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}

static SdStory *
make_story (GRand *rand, guint n)
{
  SdStory    *story = sd_story_new ();
  const char *place = pick (rand, places, G_N_ELEMENTS (places));
  GString    *body = g_string_new (NULL);

  story->headline =
      g_strdup_printf ("%s%s%s新举措第%u号", place, pick (rand, words, G_N_ELEMENTS (words)),
                       pick (rand, words, G_N_ELEMENTS (words)), n);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (body, "%s%s，", pick (rand, words, G_N_ELEMENTS (words)),
                            i % 8 == 0 ? place : pick (rand, words, G_N_ELEMENTS (words)));
  g_string_append (body, "受到好评。");
  story->body = g_string_free (body, FALSE);
  story->source_end = 10;
  return story;
}

void
sd_test_make_schema_13_library (const char *path, guint n_stories)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (n_stories);
  g_autoptr (SdStore) store = sd_store_open (path, &error);
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_no_error (error);
  for (guint done = 0, p = 0; done < n_stories; p++)
    {
      g_autoptr (GPtrArray) stories =
          g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
      g_autofree char *file = g_strdup_printf ("p%05u.txt", p);
      g_autofree char *checksum = g_strdup_printf ("old-library-%u-%u", n_stories, p);
      SdPageRecord     page = { file, checksum, "UTF-8", "页面", 6 };

      for (guint i = 0; i < STORIES_A_PAGE && done < n_stories; i++, done++)
        g_ptr_array_add (stories, make_story (rand, done));
      g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, SD_TEST_BACK_TO_SCHEMA_13, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}
