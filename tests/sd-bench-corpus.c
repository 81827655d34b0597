/* sd-bench-corpus.c — the benchmark's archive: a folder of page files,
 * each of its own stories, made from the seed pages
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page is about STORIES_PER_PAGE stories (a real archive: 100,000
 * stories in 2,670 page files), each a headline, a reporter's line and
 * one to four paragraphs, every paragraph of sentences drawn from the
 * seeds with their numbers changed and a place name set in, so that no
 * page repeats another and no long run of text repeats within a page
 * (the repair step would take it for text printed twice).  The same
 * number of stories makes the same folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sd-bench.h"
#include "sd-importer.h"

#define STORIES_PER_PAGE 37

static const char *const places[] = {
  "吴江", "昆山", "常熟", "张家港", "太仓", "江阴", "宜兴", "溧阳", "丹阳", "句容",
  "如皋", "海门", "启东", "东台",   "邳州", "新沂", "高邮", "仪征", "泰兴", "靖江",
};
static const char *const surnames = "王李张刘陈杨黄赵周吴徐孙朱马";

struct _SdBenchCorpus
{
  GPtrArray *headlines; /* (element-type utf8) */
  GPtrArray *sentences; /* (element-type utf8) each ending in 。 */
};

void
sd_bench_corpus_free (SdBenchCorpus *corpus)
{
  g_ptr_array_unref (corpus->headlines);
  g_ptr_array_unref (corpus->sentences);
  g_free (corpus);
}

static void
add_sentences (SdBenchCorpus *corpus, const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", "。", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_utf8_strlen (g_strstrip (parts[i]), -1) >= 8 && strchr (parts[i], '\n') == NULL)
      g_ptr_array_add (corpus->sentences, g_strconcat (parts[i], "。", NULL));
}

/* The headlines and sentences of the stories cut from the pages of @dir. */
SdBenchCorpus *
sd_bench_corpus_new (const char *dir, GError **error)
{
  g_autofree char *tmp = g_dir_make_tmp ("sd-bench-seeds-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  const char    *paths[] = { dir, NULL };
  SdScope        all = { SD_SCOPE_ALL, NULL, NULL };
  SdBenchCorpus *corpus;

  if (tmp == NULL)
    return NULL;
  path = g_build_filename (tmp, "seeds.db", NULL);
  store = sd_store_open (path, error);
  files = store != NULL ? sd_importer_collect_files (paths, error) : NULL;
  if (files == NULL)
    return NULL;
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (SdImportResult) result = sd_importer_import_file (store, files->pdata[i]);
      if (result->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&result->error));
          return NULL;
        }
    }
  stories = sd_store_list_full_stories (store, &all, error);
  if (stories == NULL)
    return NULL;

  corpus = g_new0 (SdBenchCorpus, 1);
  corpus->headlines = g_ptr_array_new_with_free_func (g_free);
  corpus->sentences = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);

      if (story->headline != NULL && strchr (story->headline, '\n') == NULL)
        g_ptr_array_add (corpus->headlines, g_strdup (story->headline));
      add_sentences (corpus, story->body);
    }
  g_clear_object (&store);
  sd_bench_remove_library (path);
  g_rmdir (tmp);
  return corpus;
}

/* @text with its digits changed and a place name set in at a random
 * character, appended to @out. */
static void
append_varied (GString *out, const char *text, GRand *rand)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong at = g_rand_int_range (rand, 0, MAX (1, n_chars));
  glong k = 0;
  guint shift = g_rand_int_range (rand, 1, 10);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), k++)
    {
      if (k == at)
        g_string_append (out, places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, (char) ('0' + (*p - '0' + shift) % 10));
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static const char *
pick (GPtrArray *array, GRand *rand)
{
  return g_ptr_array_index (array, g_rand_int_range (rand, 0, array->len));
}

static void
append_story (GString *page, const SdBenchCorpus *corpus, GRand *rand)
{
  glong surname = g_rand_int_range (rand, 0, g_utf8_strlen (surnames, -1));
  guint n_paragraphs = g_rand_int_range (rand, 1, 5);

  append_varied (page, pick (corpus->headlines, rand), rand);
  g_string_append (page, "\n\n本报讯（记者 ");
  g_string_append_len (page, g_utf8_offset_to_pointer (surnames, surname), 3);
  g_string_append_printf (page, "%s）", g_rand_boolean (rand) ? "明" : "华");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      guint n_sentences = g_rand_int_range (rand, 1, 4);

      if (i > 0)
        g_string_append (page, "\n\n　　");
      for (guint k = 0; k < n_sentences; k++)
        append_varied (page, pick (corpus->sentences, rand), rand);
    }
  g_string_append (page, "\n\n\n");
}

/**
 * sd_bench_corpus_write_pages:
 * @dir: an empty folder
 *
 * Writes page files of about STORIES_PER_PAGE stories into @dir, @n_stories
 * in all; @out_bytes: their size.
 */
gboolean
sd_bench_corpus_write_pages (const SdBenchCorpus *corpus,
                             const char          *dir,
                             int                  n_stories,
                             gint64              *out_bytes,
                             guint               *out_n_pages,
                             GError             **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260101 + n_stories);
  g_autoptr (GString) page = g_string_new (NULL);
  guint n_pages = 0;

  *out_bytes = 0;
  for (int done = 0; done < n_stories; n_pages++)
    {
      g_autofree char *name = g_strdup_printf ("p%06u.txt", n_pages);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_string_truncate (page, 0);
      for (int k = 0; k < STORIES_PER_PAGE && done < n_stories; k++, done++)
        append_story (page, corpus, rand);
      if (!g_file_set_contents (path, page->str, page->len, error))
        return FALSE;
      *out_bytes += page->len;
    }
  *out_n_pages = n_pages;
  return TRUE;
}
