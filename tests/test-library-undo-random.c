/* test-library-undo-random.c — random sequences of editorial actions
 * through the edit history, all undone, then all redone, on each engine
 * (issue #17): a personal library of the seeds and, through
 * tests/with-postgres.py (SD_TEST_PG_URL), the shared library it is copied
 * into; each story must come back as an editor sees it (sd-test-library's
 * description), the list in the same order
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bounded (a shared library writes each action over the network, and
 * reads each story back to compare): tests/test-undo-random.c keeps the
 * personal library's long run, every table compared row for row, with the
 * actions a shared library lacks (a repair taken back, a page or import
 * batch deleted).
 */
#include "config.h"

#include "sd-edit-history.h"
#include "sd-library.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

#define N_ROUNDS 2
#define ACTIONS_PER_ROUND 70
#define SEED 20261207

typedef enum
{
  ACTION_TAG,
  ACTION_UNTAG,
  ACTION_NOTE,
  ACTION_STATUS,
  ACTION_ADD_HIGHLIGHT,
  ACTION_REMOVE_HIGHLIGHT,
  ACTION_FIELD,
  ACTION_PLACE,
  ACTION_SPLIT,
  ACTION_JOIN,
  ACTION_DISMISS_THEME,
  ACTION_DELETE,
  ACTION_RESTORE,
  N_ACTIONS
} Action;

static const char *const tags[] = { "党建", "民生", "经济", "待核" };
static const char *const places[] = { "320509", "320100", "320412", NULL };
static const char *const themes[] = { "乡村振兴", "营商环境" };
static const char *const words[] = { "核对", "人名", "数字", "" };

typedef struct
{
  const char *name;
  SdLibrary  *library;
} Engine;

static Engine engines[2] = { { "sqlite" }, { "postgresql" } };

typedef struct
{
  SdLibrary     *library;
  SdEditHistory *history;
  GRand         *rand;
  guint          done[N_ACTIONS];
} Run;

/* Every story as an editor sees it, listed and in the trash, in order. */
static char *
dump (SdLibrary *library)
{
  GString    *out = g_string_new (NULL);
  SdScopeKind kinds[] = { SD_SCOPE_ALL, SD_SCOPE_TRASH };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *listed = sd_test_list_ids (library, kinds[k], NULL, NULL);
      g_auto (GStrv) ids = g_strsplit (listed, " ", -1);

      g_string_append_printf (out, "== %s\n", listed);
      for (guint i = 0; ids[i] != NULL && *ids[i] != '\0'; i++)
        {
          g_autofree char *story =
              sd_test_describe_story (library, g_ascii_strtoll (ids[i], NULL, 10));

          g_string_append_printf (out, "%s\n", story);
        }
    }
  return g_string_free (out, FALSE);
}

/* A random id of @listed ("3 5 8"), 0 when it lists none. */
static gint64
pick (Run *run, const char *listed)
{
  g_auto (GStrv) ids = g_strsplit (listed, " ", -1);
  guint n = *listed != '\0' ? g_strv_length (ids) : 0;

  return n > 0 ? g_ascii_strtoll (ids[g_rand_int_range (run->rand, 0, n)], NULL, 10) : 0;
}

static char *
random_text (Run *run)
{
  return g_strconcat (words[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (words))],
                      words[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (words))], NULL);
}

/* One random action on a random story; FALSE when the library refused it
 * (a join of a page's last story …) or it changed nothing. */
static gboolean
act (Run *run, const char *listed, Action action)
{
  g_autoptr (SdStory) story = NULL;
  g_autofree char *text = NULL;
  const char      *tag = tags[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (tags))];
  gint64           ids[3];
  glong            length;
  guint            n_paragraphs = 1;

  if (action == ACTION_RESTORE)
    {
      g_autofree char *trash = sd_test_list_ids (run->library, SD_SCOPE_TRASH, NULL, NULL);
      gint64           id = pick (run, trash);

      return id > 0 && sd_edit_history_restore (run->history, SD_TRASH_STORY, &id, 1, NULL);
    }
  story = sd_library_get_story (run->library, pick (run, listed), NULL);
  g_assert_nonnull (story);
  length = g_utf8_strlen (story->body, -1);
  for (const char *p = story->body; *p != '\0'; p++)
    n_paragraphs += *p == '\n';
  switch (action)
    {
    case ACTION_TAG:
    case ACTION_UNTAG:
      ids[0] = story->id;
      ids[1] = pick (run, listed);
      ids[2] = pick (run, listed);
      return action == ACTION_TAG ? sd_edit_history_add_tag (run->history, ids, 3, tag, NULL)
                                  : sd_edit_history_remove_tag (run->history, ids,
                                                                1 + (ids[1] != ids[0]), tag, NULL);
    case ACTION_NOTE:
      text = random_text (run);
      return sd_edit_history_set_note (run->history, story->id, text, NULL);
    case ACTION_STATUS:
      return sd_edit_history_set_status (run->history, story->id,
                                         g_rand_int_range (run->rand, 0, 4), NULL);
    case ACTION_ADD_HIGHLIGHT:
      {
        gint64 start = g_rand_int_range (run->rand, 0, MAX (length, 1));
        gint64 end = MIN (length, start + g_rand_int_range (run->rand, 1, 8));

        return end > start
               && sd_edit_history_add_highlight (run->history, story->id, start, end,
                                                 g_rand_boolean (run->rand) ? "看" : NULL, NULL);
      }
    case ACTION_REMOVE_HIGHLIGHT:
      return story->highlights->len > 0
             && sd_edit_history_remove_highlight (
                 run->history, story->id,
                 ((SdHighlight *) story->highlights
                      ->pdata[g_rand_int_range (run->rand, 0, story->highlights->len)])
                     ->id,
                 NULL);
    case ACTION_FIELD:
      text = random_text (run);
      return sd_edit_history_set_story_field (run->history, story->id,
                                              g_rand_int_range (run->rand, 0, 4), text, NULL);
    case ACTION_PLACE:
      ids[0] = story->id;
      ids[1] = pick (run, listed);
      return sd_edit_history_set_place_of (
          run->history, ids, 1 + (ids[1] != ids[0]),
          places[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (places))], NULL);
    case ACTION_SPLIT:
      return n_paragraphs >= 2
             && sd_edit_history_split_story (run->history, story->id,
                                             g_rand_int_range (run->rand, 1, n_paragraphs), NULL,
                                             NULL);
    case ACTION_JOIN:
      return sd_edit_history_merge_with_next (run->history, story->id, NULL);
    case ACTION_DISMISS_THEME:
      return sd_edit_history_dismiss_theme (
          run->history, story->id, themes[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (themes))],
          NULL);
    case ACTION_DELETE:
      ids[0] = story->id;
      ids[1] = pick (run, listed);
      return sd_edit_history_trash (run->history, SD_TRASH_STORY, ids, 1 + (ids[1] != ids[0]),
                                    NULL);
    case ACTION_RESTORE:
    case N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* Fails the test unless @got is @wanted, saying first which lines differ
 * (a dump is long). */
static void
assert_same (const char *what, const char *got, const char *wanted)
{
  g_auto (GStrv) got_lines = g_strsplit (got, "\n", -1);
  g_auto (GStrv) wanted_lines = g_strsplit (wanted, "\n", -1);
  guint n_said = 0;

  for (guint i = 0; got_lines[i] != NULL && wanted_lines[i] != NULL && n_said < 6; i++)
    if (!g_str_equal (got_lines[i], wanted_lines[i]))
      {
        g_test_message ("%s, line %u: %s\n  wanted: %s", what, i, got_lines[i], wanted_lines[i]);
        n_said++;
      }
  g_assert_cmpstr (got, ==, wanted);
}

static guint
undo_all (Run *run)
{
  guint n = 0;

  for (; sd_edit_history_can_undo (run->history); n++)
    {
      g_autofree char *label = g_strdup (sd_edit_history_get_undo_label (run->history));

      sd_test_undo (run->history);
      if (g_getenv ("SD_TEST_DEBUG") != NULL)
        {
          g_autofree char *listed = sd_test_list_ids (run->library, SD_SCOPE_ALL, NULL, NULL);

          g_test_message ("undone %s  [%s]", label, listed);
        }
    }
  return n;
}

static void
test_random_sequences (gconstpointer data)
{
  const Engine *engine = data;
  Run           run = { engine->library, sd_edit_history_new_for_library (engine->library),
                        g_rand_new_with_seed (SEED) };
  gint64        start = g_get_monotonic_time ();
  guint         n_done = 0, n_steps = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *before = dump (engine->library);
      g_autofree char *after = NULL, *undone = NULL, *redone = NULL;
      guint            n;

      for (guint i = 0; i < ACTIONS_PER_ROUND; i++)
        {
          Action           action = g_rand_int_range (run.rand, 0, N_ACTIONS);
          g_autofree char *listed = sd_test_list_ids (engine->library, SD_SCOPE_ALL, NULL, NULL);

          /* a new step each time, not one more save of the same note */
          sd_edit_history_close_group (run.history);
          if (*listed == '\0')
            action = ACTION_RESTORE;
          if (act (&run, listed, action))
            {
              if (g_getenv ("SD_TEST_DEBUG") != NULL)
                g_test_message ("%s  [%s]", sd_edit_history_get_undo_label (run.history), listed);
              run.done[action]++;
              n_done++;
            }
        }
      after = dump (engine->library);

      n = undo_all (&run);
      undone = dump (engine->library);
      assert_same ("all undone", undone, before);
      while (sd_edit_history_can_redo (run.history))
        sd_test_redo (run.history);
      redone = dump (engine->library);
      assert_same ("all redone", redone, after);
      g_assert_cmpuint (undo_all (&run), ==, n);
      n_steps += n;
    }
  for (Action a = 0; a < N_ACTIONS; a++)
    {
      g_test_message ("action %d: %u done", a, run.done[a]);
      g_assert_cmpuint (run.done[a], >, 0); /* every kind was tried and worked */
    }
  g_test_message ("%s: %u actions done, %u undo steps, %.1f s", engine->name, n_done, n_steps,
                  (g_get_monotonic_time () - start) / 1e6);
  g_rand_free (run.rand);
  g_object_unref (run.history);
}

static void
make_engines (const char *folder)
{
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);

  engines[1].library = sd_test_copy_to_shared (store);
  engines[0].library = SD_LIBRARY (g_steal_pointer (&store));
}

int
main (int argc, char *argv[])
{
  g_autofree char *folder = g_dir_make_tmp ("sd-library-undo-random-XXXXXX", NULL);
  int              status;

  sd_test_init (&argc, &argv);
  make_engines (folder);
  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    if (engines[e].library != NULL)
      {
        g_autofree char *path = g_strdup_printf ("/library-undo/%s/random", engines[e].name);

        g_test_add_data_func (path, &engines[e], test_random_sequences);
      }
  status = g_test_run ();
  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    g_clear_object (&engines[e].library);
  sd_test_remove_tree (folder);
  return status;
}
