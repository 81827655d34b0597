/* sd-search-terms.c — the terms a search must answer exactly, and the
 * stories that hold each, found without any index: shared by the search
 * tests of both engines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-importer.h"
#include "sd-search-terms.h"

#define SAMPLES_PER_LENGTH 400

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

static void
folded_clear (SdFoldedStory *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (folded->fields); i++)
    g_free (folded->fields[i]);
}

char *
sd_search_terms_expected (GArray *folded, const char *term)
{
  g_autofree char *folded_term = sd_cjk_fold_text (term);
  GString         *out = g_string_new (NULL);

  for (guint i = 0; i < folded->len; i++)
    {
      SdFoldedStory *story = &g_array_index (folded, SdFoldedStory, i);

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
void
sd_search_terms_collect_cjk (GHashTable *terms, const char *text, guint n)
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

void
sd_search_terms_import_seeds (SdStore *store)
{
  const char *paths[] = { SD_SEEDS_DIR, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = sd_importer_collect_files (paths, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (SdImportResult) result = sd_importer_import_file (store, files->pdata[i]);
      g_assert_no_error (result->error);
    }
}

/* The seed stories with notes on a few, full-width ones among them.
 * (transfer full) (element-type SdStory) */
GPtrArray *
sd_search_terms_annotate_seeds (SdStore *store)
{
  static const char *const notes[] = {
    "核对：ＧＤＰ与２０２３年数据",
    "待补充Ｗｉ－Ｆｉ覆盖情况",
    "请问记者核实姓名",
  };
  SdScope all = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  GPtrArray *stories = sd_store_list_full_stories (store, &all, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      SdStory *story = g_ptr_array_index (stories, i * 7 % stories->len);
      g_assert_true (sd_store_set_note (store, story->id, notes[i], &error));
      g_free (story->note);
      story->note = g_strdup (notes[i]);
    }
  return stories;
}

/* @stories folded as the index folds them. (transfer full) */
GArray *
sd_search_terms_fold (GPtrArray *stories)
{
  GArray *folded = g_array_new (FALSE, TRUE, sizeof (SdFoldedStory));

  g_array_set_clear_func (folded, (GDestroyNotify) folded_clear);
  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);
      const char    *fields[] = { story->headline, story->subheadline, story->body, story->byline,
                                  story->note };
      SdFoldedStory  entry = { story->id };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        entry.fields[f] = sd_cjk_fold_text (fields[f] != NULL ? fields[f] : "");
      g_array_append_val (folded, entry);
    }
  return folded;
}

/* The terms to check: samples of every length from 1 to 4 from headlines and
 * bodies, the same reversed (mostly absent), absent ones, and the Latin words
 * and numbers of all fields, also typed in full width and upper case. */
GPtrArray *
sd_search_terms_pick (GArray *folded)
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
          SdFoldedStory *story = &g_array_index (folded, SdFoldedStory, i);
          sd_search_terms_collect_cjk (found, story->fields[0], n);
          sd_search_terms_collect_cjk (found, story->fields[2], n);
        }
      add_sample (terms, found, SAMPLES_PER_LENGTH, rand);
      for (guint i = first; n > 1 && i < first + 50 && i < terms->len; i++)
        g_ptr_array_add (terms, g_utf8_strreverse (terms->pdata[i], -1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_ptr_array_add (terms, g_strdup (absent[i]));

  for (guint i = 0; i < folded->len; i++)
    for (guint f = 0; f < 5; f++)
      collect_words (words, g_array_index (folded, SdFoldedStory, i).fields[f]);
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
