/* test-pg-concurrency.c — eight editors at once on one shared library
 * (issue #17, item 4 and its concurrency bar): 8 processes × 500 random
 * editorial actions on a few stories, conflicts forced on purpose; every
 * acknowledged action is there exactly once or was reported as a conflict,
 * and no deadlock reaches an editor
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sd-pg-library.h"

#define N_EDITORS 8
#define N_ACTIONS 500
#define N_STORIES 4

/* SD_TEST_PG_URL, logged in as @person instead. */
static char *
location_as (const char *person)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  const char *user = location != NULL ? strstr (location, "user=") : NULL;

  if (user == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  return g_strdup_printf ("%.*suser=%s", (int) (user - location), location, person);
}

/* One editor: prints a line per acknowledged action ("note STORY VERSION
 * TEXT", "tag STORY NAME") or conflict ("conflict STORY"); any other failure
 * ends it with an error. */
static int
run_editor (guint k)
{
  g_autofree char *person = g_strdup_printf ("editor%u", k);
  g_autofree char *location = location_as (person);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) library = sd_pg_library_open (location, &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261207 + k);
  gint64 seen[N_STORIES + 1] = { 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < N_ACTIONS; i++)
    {
      gint64 story = g_rand_int_range (rand, 1, N_STORIES + 1);
      double dice = g_rand_double (rand);

      if (dice < 0.3 || seen[story] == 0)
        {
          /* open the story: its note as it is now */
          if (!sd_pg_library_get_note (library, story, NULL, &seen[story], &error))
            g_error ("editor%u reading story %" G_GINT64_FORMAT ": %s", k, story, error->message);
        }
      else if (dice < 0.7)
        {
          /* write the note over what was seen, often long ago: a conflict */
          g_autofree char *note = g_strdup_printf ("editor%u-%u", k, i);
          gint64           version = 0;

          if (sd_pg_library_set_note_at (library, story, seen[story], note, &version, &error))
            {
              g_print ("note %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n", story, version, note);
              seen[story] = version;
            }
          else if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED))
            {
              g_print ("conflict %" G_GINT64_FORMAT "\n", story);
              g_clear_error (&error);
              /* the editor sees both texts and takes the new one's version */
              if (!sd_pg_library_get_note (library, story, NULL, &seen[story], &error))
                g_error ("editor%u: %s", k, error->message);
            }
          else
            g_error ("editor%u writing a note: %s", k, error->message);
        }
      else
        {
          g_autofree char *tag = g_strdup_printf ("editor%u-%u", k, i);

          if (!sd_pg_library_add_tag (library, story, tag, &error))
            g_error ("editor%u adding a tag: %s", k, error->message);
          g_print ("tag %" G_GINT64_FORMAT " %s\n", story, tag);
        }
    }
  return 0;
}

static void
test_editors (void)
{
  g_autofree char *owner_location = location_as ("storydesk");
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) owner = sd_pg_library_open (owner_location, &error);
  GSubprocess *editors[N_EDITORS];
  g_autoptr (GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char  *last_note[N_STORIES + 1] = { NULL };
  gint64 last_version[N_STORIES + 1] = { 0 };
  guint  n_notes = 0, n_conflicts = 0, n_tags = 0;

  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (owner, &error));
  for (gint64 id = 1; id <= N_STORIES; id++)
    {
      g_autoptr (SdStory) story = sd_story_new ();

      story->id = id;
      story->kind = SD_STORY_KIND_NEWS;
      story->headline = g_strdup_printf ("稿件%" G_GINT64_FORMAT, id);
      story->body = g_strdup ("本报讯 全市新就业形态劳动者党建工作推进会召开。");
      g_assert_true (sd_pg_library_put_story (owner, story, &error));
    }
  for (guint k = 0; k < N_EDITORS; k++)
    {
      g_autofree char *person = g_strdup_printf ("editor%u", k);

      g_assert_true (sd_pg_library_add_person (owner, person, SD_PG_ROLE_EDITOR, &error));
    }
  g_assert_no_error (error);

  for (guint k = 0; k < N_EDITORS; k++)
    {
      g_autofree char *arg = g_strdup_printf ("%u", k);

      editors[k] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/proc/self/exe",
                                     "--editor", arg, NULL);
      g_assert_no_error (error);
    }
  for (guint k = 0; k < N_EDITORS; k++)
    {
      g_autofree char *out = NULL;
      g_auto (GStrv) lines = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (editors[k], NULL, NULL, &out, NULL, &error));
      g_assert_true (g_subprocess_get_successful (editors[k]));
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_auto (GStrv) f = g_strsplit (lines[i], " ", 4);
          gint64 story = g_ascii_strtoll (f[1], NULL, 10);

          if (g_str_equal (f[0], "tag"))
            {
              g_assert_true (g_hash_table_add (tags, g_strdup_printf ("%s %s", f[1], f[2])));
              n_tags++;
            }
          else if (g_str_equal (f[0], "conflict"))
            n_conflicts++;
          else
            {
              gint64 version = g_ascii_strtoll (f[2], NULL, 10);

              /* two acknowledged writes of one version: one was lost */
              g_assert_true (g_hash_table_add (versions, g_strdup_printf ("%s %s", f[1], f[2])));
              if (version > last_version[story])
                {
                  last_version[story] = version;
                  g_free (last_note[story]);
                  last_note[story] = g_strdup (f[3]);
                }
              n_notes++;
            }
        }
      g_object_unref (editors[k]);
    }
  g_test_message ("%u notes written, %u conflicts reported, %u tags put on", n_notes, n_conflicts,
                  n_tags);
  g_assert_cmpuint (n_conflicts, >, 50);
  g_assert_cmpuint (n_notes + n_conflicts + n_tags, >, N_EDITORS * N_ACTIONS / 2);

  /* each story holds the last acknowledged note and every tag once */
  for (gint64 id = 1; id <= N_STORIES; id++)
    {
      g_autofree char *note = NULL;
      g_autoptr (GPtrArray) names = NULL;
      guint          expected_tags = 0;
      GHashTableIter iter;
      const char    *key;

      g_assert_true (sd_pg_library_get_note (owner, id, &note, NULL, &error));
      g_assert_cmpstr (note, ==, last_note[id]);
      names = sd_pg_library_list_tags (owner, id, &error);
      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, tags);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        expected_tags += g_ascii_strtoll (key, NULL, 10) == id;
      g_assert_cmpuint (names->len, ==, expected_tags);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *key_of =
              g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, (char *) names->pdata[i]);

          g_assert_true (g_hash_table_contains (tags, key_of));
        }
      g_free (last_note[id]);
    }
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--editor"))
    return run_editor (g_ascii_strtoull (argv[2], NULL, 10));
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/concurrency/editors", test_editors);
  return g_test_run ();
}
