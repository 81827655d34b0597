/* test-pg-search.c — search on a shared PostgreSQL library answers every
 * term exactly as the SQLite index does (issue #17, item 2), on a real
 * server started by tests/with-postgres.py
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-pg-library.h"
#include "sd-query.h"
#include "sd-search-terms.h"
#include "sd-test-util.h"
#include "sd-tsvector.h"

typedef SdTestLibrary Fixture;

static SdPgLibrary *
open_server_library (void)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  g_autoptr (GError) error = NULL;
  SdPgLibrary *library;

  if (location == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  library = sd_pg_library_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (library, &error));
  g_assert_no_error (error);
  return library;
}

static char *
search_ids (SdPgLibrary *library, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdQuery) query = sd_query_parse (text, &error);
  g_autoptr (GArray) ids = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  ids = sd_pg_library_search_ids (library, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

/* The SQLite test's terms (tests/test-search-seeds.c), against the seed
 * stories copied into the server. */
static void
test_seeds_exact (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdPgLibrary) library = open_server_library ();
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GArray) folded = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GString) failures = g_string_new (NULL);
  guint n_failed = 0, n_found = 0;

  sd_search_terms_import_seeds (fixture->store);
  stories = sd_search_terms_annotate_seeds (fixture->store);
  for (guint i = 0; i < stories->len; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (sd_pg_library_put_story (library, stories->pdata[i], &error));
      g_assert_no_error (error);
    }
  folded = sd_search_terms_fold (stories);
  terms = sd_search_terms_pick (folded);
  for (guint i = 0; i < terms->len; i++)
    {
      g_autofree char *expected = sd_search_terms_expected (folded, terms->pdata[i]);
      g_autofree char *found = search_ids (library, terms->pdata[i]);

      n_found += *expected != '\0';
      if (strcmp (expected, found) != 0 && n_failed++ < 10)
        g_string_append_printf (failures, "  %s: expected [%s], found [%s]\n",
                                (char *) terms->pdata[i], expected, found);
    }
  g_test_message ("checked %u terms (%u found somewhere) on %u stories", terms->len, n_found,
                  folded->len);
  if (n_failed > 0)
    g_error ("%u of %u terms found the wrong stories:\n%s", n_failed, terms->len, failures->str);
  g_assert_cmpuint (terms->len, >=, 1200);
  g_assert_cmpuint (n_found, >=, 1000);
}

static gboolean
finds (SdPgLibrary *library, const char *text, const char *id)
{
  g_autofree char *found = search_ids (library, text);
  g_auto (GStrv) ids = g_strsplit (found, " ", -1);

  return g_strv_contains ((const char *const *) ids, id);
}

/* A story of several windows (the seed bodies one after another): every
 * run of four characters in it is found, wherever it stands against the
 * window edges; two terms in different windows both count; no phrase spans
 * two fields. */
static void
test_long_story (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdPgLibrary) library = open_server_library ();
  g_autoptr (SdStory) story = sd_story_new ();
  g_autoptr (GPtrArray) seeds = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GString) han = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  guint n_checked = 0;

  sd_search_terms_import_seeds (fixture->store);
  seeds = sd_search_terms_annotate_seeds (fixture->store);
  for (guint i = 0; i < seeds->len && g_utf8_strlen (han->str, -1) < 5 * SD_TSVECTOR_WINDOW; i++)
    {
      const char *text = ((SdStory *) seeds->pdata[i])->body;

      g_string_append (body, text);
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
          g_string_append_unichar (han, g_utf8_get_char (p));
    }
  g_assert_cmpuint (g_utf8_strlen (han->str, -1), >=, 5 * SD_TSVECTOR_WINDOW);
  story->id = 900001;
  story->kind = SD_STORY_KIND_NEWS;
  story->headline = g_strdup ("长稿");
  story->body = g_strdup (body->str);
  g_assert_true (sd_pg_library_put_story (library, story, &error));
  g_assert_no_error (error);

  /* Every four Han characters side by side in the body are a phrase of it. */
  for (const char *p = body->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *run = g_utf8_substring (p, 0, 4);
      g_autofree char *phrase = g_strdup_printf ("\"%s\"", run);
      gboolean         all_han = g_utf8_strlen (run, -1) == 4;

      for (const char *q = run; all_han && *q != '\0'; q = g_utf8_next_char (q))
        all_han = g_unichar_get_script (g_utf8_get_char (q)) == G_UNICODE_SCRIPT_HAN;
      if (!all_han)
        continue;
      if (!finds (library, phrase, "900001"))
        g_error ("%s, at byte %ld of the body, is not found", run, (long) (p - body->str));
      n_checked++;
    }
  g_test_message ("%u phrases of four characters checked over %ld characters", n_checked,
                  g_utf8_strlen (han->str, -1));
  {
    g_autofree char *first = g_utf8_substring (han->str, 0, 2);
    g_autofree char *last = g_utf8_substring (han->str, g_utf8_strlen (han->str, -1) - 2, -1);
    g_autofree char *both = g_strdup_printf ("%s %s 长稿", first, last);

    g_assert_true (finds (library, both, "900001"));
  }
  {
    g_autofree char *first = g_utf8_substring (han->str, 0, 1);
    g_autofree char *across = g_strconcat ("稿", first, NULL);

    g_assert_true (strstr (body->str, across) != NULL || !finds (library, across, "900001"));
  }
  g_assert_false (finds (library, "长稿 -长稿", "900001"));
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/pg/search/seeds-exact", NULL, test_seeds_exact);
  SD_TEST_ADD_WITH_LIBRARY ("/pg/search/long-story", NULL, test_long_story);
  return g_test_run ();
}
