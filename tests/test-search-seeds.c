/* test-search-seeds.c — full-text search on the seed pages: exact answers
 * from the index for terms of any length, and the planner using the index
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-store.h"
#include "sd-search-terms.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

static void
test_seeds_exact (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GArray) folded = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GString) failures = g_string_new (NULL);
  guint n_failed = 0, n_found = 0;
  guint by_length[6] = { 0 };
  g_autoptr (GPtrArray) stories = NULL;

  sd_search_terms_import_seeds (fixture->store);
  stories = sd_search_terms_annotate_seeds (fixture->store);
  folded = sd_search_terms_fold (stories);
  terms = sd_search_terms_pick (folded);

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = terms->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *expected = sd_search_terms_expected (folded, term);
      g_autofree char *found = sd_test_search_ids (fixture->store, NULL, term);
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
  sd_test_assert_index_whole (fixture->path);
}

/* Ranked results put every story whose headline holds the term before
 * every story that only mentions it (#15 item 6: the README's promise),
 * over the 2-character terms of the seeds' headlines. */
static void
test_headline_first (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GArray) folded = NULL;
  g_autoptr (GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) headlines = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  const char    *term;
  guint          n_checked = 0, n_mixed = 0;
  g_autoptr (GPtrArray) stories = NULL;

  sd_search_terms_import_seeds (fixture->store);
  stories = sd_search_terms_annotate_seeds (fixture->store);
  folded = sd_search_terms_fold (stories);
  for (guint i = 0; i < folded->len; i++)
    {
      SdFoldedStory *story = &g_array_index (folded, SdFoldedStory, i);
      sd_search_terms_collect_cjk (terms, story->fields[0], 2);
      g_hash_table_insert (headlines, &story->id, story->fields[0]);
    }
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, (gpointer *) &term, NULL))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) ranked = sd_store_search (fixture->store, NULL, term, 0, &error);
      gboolean mention_seen = FALSE, mixed = FALSE;

      g_assert_no_error (error);
      for (guint i = 0; i < ranked->len; i++)
        {
          SdStory    *story = g_ptr_array_index (ranked, i);
          const char *headline = g_hash_table_lookup (headlines, &story->id);
          gboolean    in_headline = headline != NULL && strstr (headline, term) != NULL;

          if (in_headline && mention_seen)
            g_error ("%s: story %" G_GINT64_FORMAT " has it in its headline but ranks below a "
                     "story that only mentions it",
                     term, story->id);
          mixed |= mention_seen || (!in_headline && i > 0);
          mention_seen |= !in_headline;
        }
      n_checked++;
      n_mixed += mixed;
    }
  g_test_message ("%u headline terms ranked, %u of them also found elsewhere", n_checked, n_mixed);
  g_assert_cmpuint (n_mixed, >=, 50);
}

/* The planner answers 1-, 2- and 3-character terms from the index. */
static void
test_plan (Fixture *fixture, gconstpointer data)
{
  static const char *const queries[] = {
    "党", "党建", "新就业", "乡村振兴", "党建 工作", "党建 place:苏州市 -外卖", "gdp",
  };

  sd_search_terms_import_seeds (fixture->store);
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
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/search/seeds-exact", NULL, test_seeds_exact);
  SD_TEST_ADD_WITH_LIBRARY ("/search/plan", NULL, test_plan);
  SD_TEST_ADD_WITH_LIBRARY ("/search/headline-first", NULL, test_headline_first);
  return g_test_run ();
}
