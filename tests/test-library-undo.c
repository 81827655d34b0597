/* test-library-undo.c — undo and redo of corrections and deletes through
 * the edit history, one test body on each engine (issue #17): a personal
 * library of the seeds (snapshots swapped back) and, through
 * tests/with-postgres.py (SD_TEST_PG_URL), the shared library it is copied
 * into (the stories written back through versioned writes)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bodies are test-undo.c's, written through SdLibrary: a join undone
 * gives the joined story back under its id and uuid with its tags, note,
 * status and highlights; a split undone leaves the story as before and
 * redone gives the same new story back; an undo over another editor's
 * later change is refused, nothing written.  Each engine has a second
 * connection, another editor's window.
 */
#include "config.h"

#include <string.h>

#include "sd-edit-history.h"
#include "sd-library.h"
#include "sd-pg-shared.h"
#include "sd-test-library.h"
#include "sd-test-util.h"
#include "test-library-undo.h"

Engine     engines[2] = { { "sqlite" }, { "postgresql" } };
char      *sqlite_path;
UndoPicked picked;

/* The id after @id in the library's order. */
static gint64
next_of (SdLibrary *library, gint64 id)
{
  g_autofree char *all = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_autofree char *wanted = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_auto (GStrv) ids = g_strsplit (all, " ", -1);

  for (guint i = 0; ids[i] != NULL && ids[i + 1] != NULL; i++)
    if (g_str_equal (ids[i], wanted))
      return g_ascii_strtoll (ids[i + 1], NULL, 10);
  return 0;
}

static gboolean
lists (const char *list, gint64 id)
{
  g_auto (GStrv) ids = g_strsplit (list, " ", -1);
  g_autofree char *wanted = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return g_strv_contains ((const char *const *) ids, wanted);
}

/* The first four characters of @id's body as a phrase query. */
static char *
phrase_of (SdLibrary *library, gint64 id)
{
  g_autoptr (SdStory) story = sd_library_get_story (library, id, NULL);
  const char *end = story->body;

  for (guint i = 0; i < 4 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  return g_strdup_printf ("\"%.*s\"", (int) (end - story->body), story->body);
}

/* Story @id of @library as sd_test_describe_story () tells it is @expected. */
static void
assert_described (SdLibrary *library, gint64 id, const char *expected)
{
  g_autofree char *now = sd_test_describe_story (library, id);

  g_assert_cmpstr (now, ==, expected);
}

/* A join undone: the joined story back under its id and uuid, with its
 * tags, note, status, highlight, the theme turned down for it and its
 * corrected mark, found by its words, the first story as before (its mark
 * too); redone, gone again; the list as before after each undo. */
static void
test_join (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GError) error = NULL;
  gint64           a = picked.joined, b = next_of (library, a);
  g_autofree char *before_a = NULL, *before_b = NULL, *all = NULL, *joined = NULL;
  g_autofree char *phrase = phrase_of (library, b);

  g_assert_cmpint (b, >, 0);
  g_assert_true (sd_library_tag_stories (library, &b, 1, "党建", TRUE, &error));
  g_assert_true (sd_library_set_note_from (library, b, NULL, "第二篇的批注", &error));
  g_assert_true (sd_library_set_status (library, b, NULL, SD_STORY_STATUS_REVIEWED, &error));
  g_assert_true (sd_library_add_highlight (library, b, 0, 3, "看这里", NULL, &error));
  g_assert_true (sd_library_dismiss_theme (library, b, "乡村振兴", TRUE, NULL, &error));
  g_assert_true (sd_library_set_story_field (library, b, SD_STORY_FIELD_HEADLINE, NULL,
                                             "第二篇改过的标题", &error));
  g_assert_no_error (error);
  g_assert_false (corrected_of (engine, a));
  g_assert_true (corrected_of (engine, b));
  before_a = sd_test_describe_story (library, a);
  before_b = sd_test_describe_story (library, b);
  all = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);

  g_assert_true (sd_edit_history_merge_with_next (history, a, &error));
  g_assert_no_error (error);
  joined = sd_test_describe_story (library, a);
  g_assert_true (strstr (joined, "党建") != NULL);
  assert_described (library, b, "(none)");

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *listed = NULL, *found = NULL, *after_a = NULL, *after_b = NULL;

      sd_test_undo (history);
      after_a = sd_test_describe_story (library, a);
      after_b = sd_test_describe_story (library, b);
      g_assert_cmpstr (after_a, ==, before_a);
      g_assert_cmpstr (after_b, ==, before_b);
      /* what no SdStory carries comes back too */
      g_assert_true (dismissed_for (library, b, "乡村振兴"));
      g_assert_false (corrected_of (engine, a));
      g_assert_true (corrected_of (engine, b));
      listed = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
      g_assert_cmpstr (listed, ==, all);
      found = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, phrase);
      g_assert_true (lists (found, b));
      if (round == 0)
        {
          sd_test_redo (history);
          assert_described (library, a, joined);
          assert_described (library, b, "(none)");
        }
    }
}

/* A split undone: the story as before, the new one gone, the list as
 * before; redone: the same new story, id and uuid, and its highlight. */
static void
test_split (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (SdStory) story = sd_library_get_story (library, picked.split, NULL);
  g_autoptr (SdStory) tail = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *all = NULL, *head_desc = NULL, *tail_desc = NULL;
  glong            length = g_utf8_strlen (story->body, -1);
  gint64           tail_id = 0;
  char            *now;

  g_assert_true (sd_library_tag_stories (library, &picked.split, 1, "拆分", TRUE, &error));
  g_assert_true (
      sd_library_add_highlight (library, picked.split, length - 3, length - 1, "尾", NULL, &error));
  g_assert_no_error (error);
  before = sd_test_describe_story (library, picked.split);
  all = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);

  g_assert_true (sd_edit_history_split_story (history, picked.split, 2, &tail_id, &error));
  g_assert_no_error (error);
  head_desc = sd_test_describe_story (library, picked.split);
  tail_desc = sd_test_describe_story (library, tail_id);
  g_assert_true (strstr (tail_desc, ":尾") != NULL); /* the highlight went with its text */
  tail = sd_library_get_story (library, tail_id, NULL);
  g_assert_cmpstr (tail->uuid, !=, story->uuid);

  sd_test_undo (history);
  assert_described (library, picked.split, before);
  assert_described (library, tail_id, "(none)");
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_cmpstr (now, ==, all);
  g_free (now);

  sd_test_redo (history);
  assert_described (library, picked.split, head_desc);
  assert_described (library, tail_id, tail_desc);
  sd_test_undo (history);
  assert_described (library, picked.split, before);
}

/* A headline corrected and two stories filed elsewhere, each undone and
 * redone. */
static void
test_field_place (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (SdStory) story = sd_library_get_story (library, picked.field, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *field_before = sd_test_describe_story (library, picked.field);
  char            *moved_before[2] = { sd_test_describe_story (library, picked.moved[0]),
                                       sd_test_describe_story (library, picked.moved[1]) };
  g_autofree char *field_after = NULL;
  char            *now;

  g_assert_true (sd_edit_history_set_story_field_from (
      history, picked.field, SD_STORY_FIELD_HEADLINE, story->headline, "鳄鱼湖畔的早晨", &error));
  g_assert_no_error (error);
  field_after = sd_test_describe_story (library, picked.field);
  g_assert_true (strstr (field_after, "鳄鱼湖畔的早晨") != NULL);
  g_assert_true (sd_edit_history_set_place_of (history, picked.moved, 2, "320571", &error));
  g_assert_no_error (error);

  sd_test_undo (history);
  for (guint i = 0; i < 2; i++)
    {
      now = sd_test_describe_story (library, picked.moved[i]);
      g_assert_cmpstr (now, ==, moved_before[i]);
      g_free (moved_before[i]);
      g_free (now);
    }
  sd_test_undo (history);
  assert_described (library, picked.field, field_before);
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, "鳄鱼");
  g_assert_false (lists (now, picked.field));
  g_free (now);

  sd_test_redo (history);
  assert_described (library, picked.field, field_after);
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, "鳄鱼");
  g_assert_true (lists (now, picked.field));
  g_free (now);
  sd_test_redo (history);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (SdStory) moved = sd_library_get_story (library, picked.moved[i], NULL);

      g_assert_cmpstr (moved->place_code, ==, "320571");
      g_assert_true (moved->place_by_editor);
    }
  for (guint i = 0; i < 2; i++)
    sd_test_undo (history);
  assert_described (library, picked.field, field_before);
}

/* A delete undone brings the story back as it was; redone, it is in the
 * trash again. */
static void
test_trash (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = sd_test_describe_story (library, picked.trashed);
  g_autofree char *all = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  char            *now;

  g_assert_true (sd_edit_history_trash (history, SD_TRASH_STORY, &picked.trashed, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sd_edit_history_can_undo (history));
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_false (lists (now, picked.trashed));
  g_free (now);

  sd_test_undo (history);
  assert_described (library, picked.trashed, before);
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_cmpstr (now, ==, all);
  g_free (now);
  sd_test_redo (history);
  now = sd_test_list_ids (library, SD_SCOPE_TRASH, NULL, NULL);
  g_assert_true (lists (now, picked.trashed));
  g_free (now);
  sd_test_undo (history);
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_cmpstr (now, ==, all);
  g_free (now);
}

/* Undoing over another editor's later change is refused, says so, writes
 * nothing and drops the step: a split whose new story's note they wrote,
 * a delete they took back themselves. */
static void
test_refused (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GError) error = NULL;
  g_autofree char *head = NULL, *tail_desc = NULL, *kept = NULL;
  gint64           tail_id = 0;
  char            *now;

  g_assert_true (sd_edit_history_split_story (history, picked.refused, 1, &tail_id, &error));
  g_assert_no_error (error);
  g_assert_true (sd_library_set_note_from (engine->other, tail_id, NULL, "别人的批注", &error));
  g_assert_no_error (error);
  head = sd_test_describe_story (library, picked.refused);
  tail_desc = sd_test_describe_story (library, tail_id);
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  if (engine == &engines[1])
    {
      /* the step, what changed (who: the test's role, both windows') */
      g_assert_nonnull (strstr (error->message, "Split"));
      g_assert_nonnull (strstr (error->message, "the note"));
    }
  g_clear_error (&error);
  assert_described (library, picked.refused, head);
  assert_described (library, tail_id, tail_desc);
  g_assert_false (sd_edit_history_can_undo (history));

  kept = sd_test_describe_story (library, picked.kept);
  g_assert_true (sd_edit_history_trash (history, SD_TRASH_STORY, &picked.kept, 1, &error));
  g_assert_true (sd_library_restore (engine->other, SD_TRASH_STORY, picked.kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  now = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_true (lists (now, picked.kept));
  g_free (now);
  g_assert_false (sd_edit_history_can_undo (history));
}

/* A tag names its editor on the story row, and when, as a note does, on
 * both engines (#17: a shared library named no one). */
static void
test_tag_stamp (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) noted = NULL;
  g_autoptr (SdStory) tagged = NULL;
  gint64 next = next_of (library, picked.tagged);

  g_autoptr (SdStory) untouched = sd_library_get_story (library, picked.tagged, NULL);

  /* who this connection is, as the library names its writers */
  g_assert_true (sd_library_set_note_from (library, next, NULL, "谁写的", &error));
  g_assert_no_error (error);
  noted = sd_library_get_story (library, next, NULL);
  g_assert_nonnull (noted->editor);
  g_assert_true (sd_edit_history_add_tag (history, &picked.tagged, 1, "署名", &error));
  g_assert_no_error (error);
  tagged = sd_library_get_story (library, picked.tagged, NULL);
  g_test_message ("stamped %s at %s (before: %s at %s)", tagged->editor, tagged->updated,
                  untouched->editor, untouched->updated);
  g_assert_cmpstr (tagged->editor, ==, noted->editor);
  g_assert_nonnull (tagged->updated);
  g_assert_cmpstr (tagged->updated, !=, untouched->updated);
}

/* On a shared library an undo needs the role the correction needed: a
 * reviewer's split, its undo refused by the server once they are only an
 * editor (nothing written, the step kept), undone once they are a
 * reviewer again. */
static void
test_role (void)
{
  const char      *location = g_getenv ("SD_TEST_PG_URL");
  const char      *user = strstr (location, "user=");
  g_autofree char *as_reviewer = NULL;
  g_autoptr (SdPgLibrary) owner = sd_pg_library_open (location, NULL);
  g_autoptr (SdLibrary) reviewer = NULL;
  g_autoptr (SdEditHistory) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *split = NULL;
  gint64           tail_id = 0;
  char            *now;

  g_assert_nonnull (user);
  as_reviewer = g_strdup_printf ("%.*suser=undo_reviewer", (int) (user - location), location);
  g_assert_true (sd_pg_library_add_person (owner, "undo_reviewer", SD_PG_ROLE_REVIEWER, &error));
  g_assert_no_error (error);
  reviewer = SD_LIBRARY (sd_pg_shared_open (as_reviewer, &error));
  g_assert_no_error (error);
  history = sd_edit_history_new_for_library (reviewer);
  before = sd_test_describe_story (reviewer, picked.demoted);
  g_assert_true (sd_edit_history_split_story (history, picked.demoted, 1, &tail_id, &error));
  g_assert_no_error (error);
  split = sd_test_describe_story (reviewer, picked.demoted);

  g_assert_true (sd_pg_library_add_person (owner, "undo_reviewer", SD_PG_ROLE_EDITOR, &error));
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  now = sd_test_describe_story (reviewer, picked.demoted);
  g_assert_cmpstr (now, ==, split);
  g_free (now);
  g_assert_true (sd_edit_history_can_undo (history));

  g_assert_true (sd_pg_library_add_person (owner, "undo_reviewer", SD_PG_ROLE_REVIEWER, &error));
  sd_test_undo (history);
  now = sd_test_describe_story (reviewer, picked.demoted);
  g_assert_cmpstr (now, ==, before);
  g_free (now);
  now = sd_test_describe_story (reviewer, tail_id);
  g_assert_cmpstr (now, ==, "(none)");
  g_free (now);
}

/* Both engines, after the same steps, hold the same stories in the same
 * order, as an editor sees them. */
static void
test_same_results (void)
{
  g_autofree char *mine = sd_test_list_ids (engines[0].library, SD_SCOPE_ALL, NULL, NULL);
  g_autofree char *shared = sd_test_list_ids (engines[1].library, SD_SCOPE_ALL, NULL, NULL);
  g_auto (GStrv) ids = g_strsplit (mine, " ", -1);

  g_assert_cmpstr (shared, ==, mine);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64           id = g_ascii_strtoll (ids[i], NULL, 10);
      g_autofree char *a = sd_test_describe_story (engines[0].library, id);
      g_autofree char *b = sd_test_describe_story (engines[1].library, id);

      /* all but the uuid (a split's new story has a random one) */
      g_assert_cmpstr (strchr (b, '\n'), ==, strchr (a, '\n'));
    }
}

/* The stories the bodies work on, from the personal library as it came. */
static void
pick (SdLibrary *library)
{
  g_autofree char *all = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_auto (GStrv) ids = g_strsplit (all, " ", -1);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 *slots[] = { &picked.split,    &picked.joined,  &picked.field,   &picked.moved[0],
                      &picked.moved[1], &picked.trashed, &picked.refused, &picked.kept,
                      &picked.tagged,   &picked.demoted };

  for (guint s = 0; s < G_N_ELEMENTS (slots); s++)
    for (guint i = 0; ids[i] != NULL && ids[i + 1] != NULL && *slots[s] == 0; i++)
      {
        gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
        gint64 next = g_ascii_strtoll (ids[i + 1], NULL, 10);
        g_autoptr (SdStory) story = sd_library_get_story (library, id, NULL);
        g_autoptr (SdStory) after = sd_library_get_story (library, next, NULL);
        g_auto (GStrv) paragraphs = g_strsplit (story->body, "\n", -1);

        if (g_hash_table_contains (used, &id) || g_hash_table_contains (used, &next)
            || story->page_id != after->page_id
            || (slots[s] == &picked.split && g_strv_length (paragraphs) < 4)
            || ((slots[s] == &picked.refused || slots[s] == &picked.demoted)
                && g_strv_length (paragraphs) < 2))
          continue;
        *slots[s] = id;
        g_hash_table_add (used, g_memdup2 (&id, sizeof id));
        g_hash_table_add (used, g_memdup2 (&next, sizeof next));
      }
  /* a story with a pasted fragment to take back, none of those */
  for (guint i = 0; ids[i] != NULL && picked.repaired == 0; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
      g_autoptr (SdStory) story = sd_library_get_story (library, id, NULL);

      if (!g_hash_table_contains (used, &id) && fragment_of (story) > 0)
        picked.repaired = id;
    }
  for (guint s = 0; s < G_N_ELEMENTS (slots); s++)
    g_assert_cmpint (*slots[s], >, 0);
  g_assert_cmpint (picked.repaired, >, 0);
}

static void
make_engines (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "library.db", NULL);
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);
  g_autoptr (GError) error = NULL;

  sqlite_path = g_strdup (path);
  pick (SD_LIBRARY (store));
  engines[0].other = SD_LIBRARY (sd_store_open (path, &error));
  g_assert_no_error (error);
  engines[1].library = sd_test_copy_to_shared (store);
  if (engines[1].library != NULL)
    {
      engines[1].other = SD_LIBRARY (sd_pg_shared_open (g_getenv ("SD_TEST_PG_URL"), &error));
      g_assert_no_error (error);
    }
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
    { "join", test_join },     { "split", test_split },     { "field-place", test_field_place },
    { "trash", test_trash },   { "refused", test_refused }, { "tag-stamp", test_tag_stamp },
    { "repair", test_repair },
  };
  g_autofree char *folder = g_dir_make_tmp ("sd-library-undo-XXXXXX", NULL);
  int              status;

  sd_test_init (&argc, &argv);
  make_engines (folder);
  /* each body on each engine in turn: the same calls, the same answers */
  for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
    for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
      if (engines[e].library != NULL)
        {
          g_autofree char *path =
              g_strdup_printf ("/library-undo/%s/%s", engines[e].name, bodies[b].name);

          g_test_add_data_func (path, &engines[e], bodies[b].func);
        }
  if (engines[1].library != NULL)
    {
      g_test_add_func ("/library-undo/postgresql/role", test_role);
      g_test_add_func ("/library-undo/compared/same-results", test_same_results);
    }
  status = g_test_run ();
  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_clear_object (&engines[e].library);
      g_clear_object (&engines[e].other);
    }
  sd_test_remove_tree (folder);
  return status;
}
