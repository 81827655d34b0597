/* test-library-history.c — the edit history's own behaviour, one test body
 * on each engine (issue #17): test-edit-history.c's bodies that an editor
 * meets on both, written through SdLibrary: a personal library of the
 * seeds and, through tests/with-postgres.py (SD_TEST_PG_URL), the shared
 * library it is copied into
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-edit-history.c keeps the personal library's own cases: a repair
 * taken back (a shared library keeps no page text), a failure injected
 * into SQLite part way through an undo, tags renamed through the store.
 */
#include "config.h"

#include <string.h>

#include "sd-edit-history.h"
#include "sd-library.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

typedef struct
{
  const char *name;
  SdLibrary  *library;
} Engine;

static Engine engines[2] = { { "sqlite" }, { "postgresql" } };

/* The first stories of the seeds, three a body, picked in main (). */
static gint64 listed_ids[12];

static gboolean
has_tag (SdLibrary *library, gint64 id, const char *tag)
{
  g_autoptr (SdStory) story = sd_library_get_story (library, id, NULL);

  return g_ptr_array_find_with_equal_func (story->tags, tag, g_str_equal, NULL);
}

/* A tag on three stories, one of which had it: undo leaves that one's. */
static void
test_bulk_tag (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  const gint64 *ids = &listed_ids[0];

  g_assert_true (sd_library_tag_stories (library, &ids[1], 1, "党建", TRUE, NULL));
  g_assert_true (sd_edit_history_add_tag (history, ids, 3, "党建", NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_true (has_tag (library, ids[i], "党建"));
  sd_test_undo (history);
  g_assert_false (has_tag (library, ids[0], "党建"));
  g_assert_true (has_tag (library, ids[1], "党建"));
  g_assert_false (has_tag (library, ids[2], "党建"));
  g_assert_true (sd_edit_history_can_redo (history));
  sd_test_redo (history);
  g_assert_true (has_tag (library, ids[0], "党建"));
  g_assert_true (has_tag (library, ids[2], "党建"));

  /* taken off one, undone, then the adding undone too */
  g_assert_true (sd_edit_history_remove_tag (history, ids, 1, "党建", NULL));
  g_assert_false (has_tag (library, ids[0], "党建"));
  sd_test_undo (history);
  g_assert_true (has_tag (library, ids[0], "党建"));
  sd_test_undo (history);
  g_assert_false (has_tag (library, ids[0], "党建"));
  g_assert_false (sd_edit_history_can_undo (history));
}

/* A status, then a place, for a selection: one step each, undone each
 * story to its own; nothing to change makes no step. */
static void
test_status_and_place_of_several (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  const gint64 *ids = &listed_ids[3];
  char         *before[3] = { NULL };
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_edit_history_set_status (history, ids[1], SD_STORY_STATUS_REJECTED, NULL));
  for (guint i = 0; i < 3; i++)
    before[i] = sd_test_describe_story (library, ids[i]);
  g_assert_true (sd_edit_history_set_status_of (history, ids, 3, SD_STORY_STATUS_REVIEWED, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sd_edit_history_get_undo_label (history), "Mark 3 stories as "));
  g_assert_true (sd_edit_history_set_place_of (history, ids, 2, "3206", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (SdStory) story = sd_library_get_story (library, ids[i], NULL);

      g_assert_cmpstr (story->place_code, ==, "3206");
      g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
    }
  sd_test_undo (history);
  sd_test_undo (history);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *now = sd_test_describe_story (library, ids[i]);

      g_assert_cmpstr (now, ==, before[i]);
      g_free (before[i]);
    }
  {
    const char *label = sd_edit_history_get_undo_label (history);

    g_assert_true (
        sd_edit_history_set_status_of (history, &ids[1], 1, SD_STORY_STATUS_REJECTED, &error));
    g_assert_true (sd_edit_history_get_undo_label (history) == label);
  }
}

/* Undo and redo say what they would do, naming the story; a new action
 * clears redo; a failed one records nothing. */
static void
test_labels (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  const gint64 *ids = &listed_ids[6];
  const gint64  missing = 999999;
  g_autoptr (GError) error = NULL;

  g_assert_null (sd_edit_history_get_undo_label (history));
  g_assert_true (sd_edit_history_set_status (history, ids[0], SD_STORY_STATUS_REVIEWED, NULL));
  g_assert_true (g_str_has_prefix (sd_edit_history_get_undo_label (history), "Mark “"));
  g_assert_cmpint (sd_edit_history_get_next_story (history, FALSE), ==, ids[0]);
  sd_test_undo (history);
  g_assert_null (sd_edit_history_get_undo_label (history));
  g_assert_true (g_str_has_prefix (sd_edit_history_get_redo_label (history), "Mark “"));
  g_assert_cmpint (sd_edit_history_get_next_story (history, TRUE), ==, ids[0]);

  g_assert_true (sd_edit_history_add_tag (history, ids, 3, "人才", NULL));
  g_assert_cmpstr (sd_edit_history_get_undo_label (history), ==, "Add the tag “人才” to 3 stories");
  g_assert_false (sd_edit_history_can_redo (history));

  g_assert_false (sd_edit_history_add_tag (history, &missing, 1, "人才", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (sd_edit_history_get_undo_label (history), ==, "Add the tag “人才” to 3 stories");
}

/* A byline corrected: stored trimmed, undone to none, redone. */
static void
test_field (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  gint64 id = listed_ids[9];
  g_autoptr (SdStory) was = sd_library_get_story (library, id, NULL);
  SdStory *story;

  g_assert_true (
      sd_edit_history_set_story_field (history, id, SD_STORY_FIELD_BYLINE, " 王书 曹波 ", NULL));
  story = sd_library_get_story (library, id, NULL);
  g_assert_cmpstr (story->byline, ==, "王书 曹波");
  sd_story_unref (story);
  sd_test_undo (history);
  story = sd_library_get_story (library, id, NULL);
  g_assert_cmpstr (story->byline, ==, was->byline);
  sd_story_unref (story);
  sd_test_redo (history);
  story = sd_library_get_story (library, id, NULL);
  g_assert_cmpstr (story->byline, ==, "王书 曹波");
  sd_story_unref (story);
}

static void
make_engines (const char *folder)
{
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);
  g_autofree char *all = sd_test_list_ids (SD_LIBRARY (store), SD_SCOPE_ALL, NULL, NULL);
  g_auto (GStrv) ids = g_strsplit (all, " ", -1);

  for (guint i = 0; i < G_N_ELEMENTS (listed_ids); i++)
    {
      g_assert_nonnull (ids[i]);
      listed_ids[i] = g_ascii_strtoll (ids[i], NULL, 10);
    }
  engines[1].library = sd_test_copy_to_shared (store);
  engines[0].library = SD_LIBRARY (g_steal_pointer (&store));
}

int
main (int argc, char *argv[])
{
  static const struct
  {
    const char   *name;
    GTestDataFunc func;
  } bodies[] = {
    { "tags", test_bulk_tag },
    { "status-and-place", test_status_and_place_of_several },
    { "labels", test_labels },
    { "field", test_field },
  };
  g_autofree char *folder = g_dir_make_tmp ("sd-library-history-XXXXXX", NULL);
  int              status;

  sd_test_init (&argc, &argv);
  make_engines (folder);
  for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
    for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
      if (engines[e].library != NULL)
        {
          g_autofree char *path =
              g_strdup_printf ("/library-history/%s/%s", engines[e].name, bodies[b].name);

          g_test_add_data_func (path, &engines[e], bodies[b].func);
        }
  status = g_test_run ();
  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    g_clear_object (&engines[e].library);
  sd_test_remove_tree (folder);
  return status;
}
