/* test-tsvector.c — search tokens written as PostgreSQL tsvector and
 * tsquery literals (sd-tsvector.h); the server's own test is test-pg-search
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-tsvector.h"

static char *
windows_of (const char *a, const char *b)
{
  const char *const fields[] = { a, NULL, b };
  g_autoptr (GPtrArray) windows = sd_tsvector_windows (fields, G_N_ELEMENTS (fields));

  g_ptr_array_add (windows, NULL);
  return g_strjoinv (" | ", (char **) windows->pdata);
}

static void
test_windows (void)
{
  g_autofree char *empty = windows_of (NULL, NULL);
  g_autofree char *short_story = windows_of ("党建引领", "Wi-Fi 党建");
  g_autofree char *quoted = windows_of ("it's a\\b", NULL);

  g_assert_cmpstr (empty, ==, "");
  /* bigrams, and a run's first and last character alone too (at the
   * first's position and the last's); the second field starts past the
   * gap, so no phrase joins the two */
  g_assert_cmpstr (short_story, ==,
                   "'党建':1,263 '党':1,263 '建引':2 '引领':3 '领':4 'wi':261 'fi':262 '建':264");
  /* tokens are letters and digits only: no quote reaches a literal */
  g_assert_cmpstr (quoted, ==, "'it':1 's':2 'a':3 'b':4");
}

static void
test_long_story_windows (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  const char *fields[1];
  g_autoptr (GPtrArray) windows = NULL;

  for (guint i = 0; i < 3 * SD_TSVECTOR_WINDOW; i++)
    g_string_append (body, i % 2 ? "党" : "建");
  fields[0] = body->str;
  windows = sd_tsvector_windows (fields, 1);
  g_assert_cmpuint (windows->len, ==, 3);
  /* no position past the window and its overlap: the server's limits hold */
  for (guint i = 0; i < windows->len; i++)
    {
      g_autofree char *past = g_strdup_printf (",%u", SD_TSVECTOR_WINDOW + SD_TSVECTOR_OVERLAP + 1);

      g_assert_null (strstr (windows->pdata[i], past));
    }
}

static void
assert_query (const char *term, const char *expected)
{
  g_autofree char *query = sd_tsquery_for_term (term);

  g_assert_cmpstr (query, ==, expected);
}

static void
test_queries (void)
{
  g_autoptr (GString) long_phrase = g_string_new (NULL);
  g_autofree char *pieces = NULL;

  assert_query ("，。", NULL);
  assert_query ("党", "('党':*)");
  assert_query ("党建", "('党建')");
  assert_query ("乡村 振兴", "('乡村' <-> '村':* <-> '振兴')");
  assert_query ("ＧＤＰ", "('gdp')");
  for (guint i = 0; i < SD_TSVECTOR_OVERLAP + 10; i++)
    g_string_append_printf (long_phrase, "w%u ", i);
  pieces = sd_tsquery_for_term (long_phrase->str);
  g_assert_nonnull (strstr (pieces, ") & ("));
  g_assert_nonnull (strstr (pieces, "'w255' <-> 'w256'"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tsvector/windows", test_windows);
  g_test_add_func ("/tsvector/long-story", test_long_story_windows);
  g_test_add_func ("/tsvector/queries", test_queries);
  return g_test_run ();
}
