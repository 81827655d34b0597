/* test-search-seeds.c — full-text search on the seed pages: exact answers
 * from the index for terms of any length, and the planner using the index
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-importer.h"
#include "sd-store.h"
#include "sd-test-util.h"

#define SAMPLES_PER_LENGTH 400

typedef SdTestLibrary Fixture;

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

  import_seeds (fixture);
  folded = fold_seed_stories (fixture);
  for (guint i = 0; i < folded->len; i++)
    {
      Folded *story = &g_array_index (folded, Folded, i);
      collect_cjk_terms (terms, story->fields[0], 2);
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
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/search/seeds-exact", NULL, test_seeds_exact);
  SD_TEST_ADD_WITH_LIBRARY ("/search/plan", NULL, test_plan);
  SD_TEST_ADD_WITH_LIBRARY ("/search/headline-first", NULL, test_headline_first);
  return g_test_run ();
}
