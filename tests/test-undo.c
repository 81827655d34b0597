/* test-undo.c — undo puts the library back exactly as it was, ids and all
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-edit-history.h"
#include "sd-importer.h"
#include "sd-test-util.h"

typedef struct
{
  char          *path;
  SdStore       *store;
  SdEditHistory *history;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->store = sd_test_open_library (&fixture->path);
  fixture->history = sd_edit_history_new (fixture->store);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static SdStory *
get (Fixture *fixture, gint64 id)
{
  return sd_test_get_story (fixture->store, id);
}

#define PAGE_TEXT                                                                                  \
  "第一篇\n开头一段。\n接着一段。\n第二篇\n正文第一段。\n正文第二段。\n第三篇\n尾。\n"

/* A page of three stories; the second carries a repair and place mentions,
 * as the importer stores them. */
static gint64
add_page (Fixture *fixture)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "three.txt", "three-sum", "UTF-8", PAGE_TEXT, strlen (PAGE_TEXT) };
  static const char *const headlines[] = { "第一篇", "第二篇", "第三篇" };
  static const char *const bodies[] = { "开头一段。\n接着一段。", "正文第一段。\n正文第二段。",
                                        "尾。" };

  for (guint i = 0; i < 3; i++)
    {
      SdStory   *story = sd_story_new ();
      SdMention *mention = g_new0 (SdMention, 1);

      story->headline = g_strdup (headlines[i]);
      story->body = g_strdup (bodies[i]);
      story->source_start = strstr (PAGE_TEXT, headlines[i]) - PAGE_TEXT;
      story->source_end =
          i < 2 ? strstr (PAGE_TEXT, headlines[i + 1]) - PAGE_TEXT : (gint64) strlen (PAGE_TEXT);
      story->place_code = g_strdup ("320509");
      story->place_confidence = 0.8;
      story->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_mention_free);
      mention->start = 0;
      mention->end = 3;
      mention->place_code = g_strdup ("320509");
      g_ptr_array_add (story->mentions, mention);
      story->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
      g_ptr_array_add (story->repairs,
                       sd_repair_new (SD_REPAIR_JOINED_BREAK, story->source_start + 4,
                                      story->source_start + 6, "joined"));
      g_ptr_array_add (stories, story);
    }
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, NULL));
  return ((SdStory *) g_ptr_array_index (stories, 0))->id;
}

static gboolean
has_tag (const SdStory *story, const char *tag)
{
  return g_ptr_array_find_with_equal_func (story->tags, tag, g_str_equal, NULL);
}

/* Defect 5: undoing a join gives the joined story back as it was, with its
 * id, and the first story keeps nothing of it. */
static void
test_join_undo_is_exact (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (SdStory) first = NULL;
  g_autoptr (SdStory) second = NULL;
  gint64       id = add_page (fixture);
  const gint64 second_ids[] = { id + 1 };

  g_assert_true (sd_store_add_tag_to_stories (fixture->store, second_ids, 1, "党建", NULL, NULL));
  g_assert_true (sd_store_set_note (fixture->store, id + 1, "第二篇的批注", NULL));
  g_assert_true (sd_store_set_status (fixture->store, id + 1, SD_STORY_STATUS_REVIEWED, NULL));
  g_assert_true (sd_store_add_highlight (fixture->store, id + 1, 0, 3, "看这里", NULL, NULL));
  before = sd_test_dump_library (fixture->path);

  g_assert_true (sd_edit_history_merge_with_next (fixture->history, id, &error));
  g_assert_no_error (error);
  sd_test_undo (fixture->history);

  first = get (fixture, id);
  second = get (fixture, id + 1);
  g_assert_false (has_tag (first, "党建"));
  g_assert_true (has_tag (second, "党建"));
  g_assert_cmpstr (second->note, ==, "第二篇的批注");
  g_assert_cmpint (second->status, ==, SD_STORY_STATUS_REVIEWED);
  g_assert_cmpuint (second->highlights->len, ==, 1);
  g_assert_cmpuint (second->repairs->len, ==, 1);
  after = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (after, ==, before);
  sd_test_assert_index_whole (fixture->path);

  /* and redo joins them again */
  sd_test_redo (fixture->history);
  g_assert_null (sd_store_get_story (fixture->store, id + 1, NULL));
}

static gint64
add_repaired_story (Fixture *fixture)
{
  return sd_test_add_repaired_story (fixture->store);
}

/* Defect 3: a split gives the new story the repairs whose text it took, and
 * undo gives them back. */
static void
test_split_moves_repairs (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) head = NULL;
  g_autoptr (SdStory) tail = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64           id = add_repaired_story (fixture), tail_id = 0;

  before = sd_test_dump_library (fixture->path);
  g_assert_true (sd_edit_history_split_story (fixture->history, id, 1, &tail_id, &error));
  g_assert_no_error (error);
  head = get (fixture, id);
  tail = get (fixture, tail_id);
  g_assert_cmpuint (head->repairs->len, ==, 1);
  g_assert_cmpint (((SdRepair *) head->repairs->pdata[0])->kind, ==, SD_REPAIR_JOINED_BREAK);
  g_assert_cmpuint (tail->repairs->len, ==, 2);
  for (guint i = 0; i < tail->repairs->len; i++)
    g_assert_cmpint (((SdRepair *) tail->repairs->pdata[i])->kind, !=, SD_REPAIR_JOINED_BREAK);

  sd_test_undo (fixture->history);
  after = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (after, ==, before);

  /* Joined again by hand, the story has all three back. */
  sd_test_redo (fixture->history);
  g_assert_true (sd_edit_history_merge_with_next (fixture->history, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&head, sd_story_unref);
  head = get (fixture, id);
  g_assert_cmpuint (head->repairs->len, ==, 3);
}

/* A story's uuid stays with it: the first part of a split keeps it and the
 * second gets its own, the story a join keeps keeps it, and undo gives
 * each back its own. */
static void
test_uuid_kept (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add_page (fixture), tail_id = 0;
  g_autoptr (SdStory) first = get (fixture, id);
  g_autoptr (SdStory) second = get (fixture, id + 1);
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdStory) tail = NULL;

  g_assert_true (g_uuid_string_is_valid (first->uuid));
  g_assert_cmpstr (first->uuid, !=, second->uuid);

  g_assert_true (sd_edit_history_split_story (fixture->history, id, 1, &tail_id, &error));
  g_assert_no_error (error);
  story = get (fixture, id);
  tail = get (fixture, tail_id);
  g_assert_cmpstr (story->uuid, ==, first->uuid);
  g_assert_true (g_uuid_string_is_valid (tail->uuid));
  g_assert_cmpstr (tail->uuid, !=, first->uuid);
  sd_test_undo (fixture->history);

  g_assert_true (sd_edit_history_merge_with_next (fixture->history, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, id);
  g_assert_cmpstr (story->uuid, ==, first->uuid);
  g_assert_cmpint (sd_store_find_story (fixture->store, second->uuid, NULL), ==, -1);
  sd_test_undo (fixture->history);
  g_assert_cmpint (sd_store_find_story (fixture->store, second->uuid, &error), ==, id + 1);
  g_assert_no_error (error);
}

/* Defect 8: taking back a repair forgets the body's place mentions (their
 * offsets no longer hold); undoing it brings every one of them back. */
static void
test_repair_undo_brings_mentions_back (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (SD_SEEDS_DIR, "000_17ad7f2eb8d76244.txt", NULL);
  g_autoptr (SdImportResult) result = sd_importer_import_file (fixture->store, path);
  SdScope all = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GPtrArray) stories = NULL;
  guint n_tried = 0;

  g_assert_no_error (result->error);
  stories = sd_store_list_stories (fixture->store, &all, NULL);
  for (guint i = 0; i < stories->len; i++)
    {
      g_autoptr (SdStory) story = get (fixture, ((SdStory *) stories->pdata[i])->id);
      g_autoptr (SdStory) reverted = NULL;
      g_autoptr (SdStory) back = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (story->repairs->len == 0 || story->mentions->len < 2)
        continue;
      before = sd_test_dump_library (fixture->path);
      if (!sd_edit_history_revert_repair (fixture->history, story->id,
                                          ((SdRepair *) story->repairs->pdata[0])->id, NULL))
        continue; /* the repaired text cannot be told apart any more */
      reverted = get (fixture, story->id);
      g_assert_cmpuint (reverted->mentions->len, <, story->mentions->len);
      sd_test_undo (fixture->history);
      back = get (fixture, story->id);
      g_assert_cmpuint (back->mentions->len, ==, story->mentions->len);
      after = sd_test_dump_library (fixture->path);
      g_assert_cmpstr (after, ==, before);
      n_tried++;
    }
  g_assert_cmpuint (n_tried, >, 0);
}

/* Undoing the tag a step added to one story leaves the same tag on stories
 * tagged outside the history (the review found the tag row deleted, and
 * with it every story's link). */
static gint64
first_story (Fixture *fixture, guint n)
{
  SdScope scope = { SD_SCOPE_ALL };
  g_autoptr (GPtrArray) stories = sd_store_list_stories (fixture->store, &scope, NULL);

  return ((SdStory *) g_ptr_array_index (stories, n))->id;
}

static void
test_tag_undo_spares_others (Fixture *fixture, gconstpointer data)
{
  gint64 a, b;
  g_autoptr (SdStory) story_b = NULL;

  add_page (fixture);
  a = first_story (fixture, 0);
  b = first_story (fixture, 2);
  g_assert_true (sd_edit_history_add_tag (fixture->history, &a, 1, "抗洪", NULL));
  g_assert_true (sd_store_add_tag (fixture->store, b, "抗洪", NULL)); /* an import, the CLI */
  g_assert_true (sd_edit_history_undo (fixture->history, NULL));
  story_b = get (fixture, b);
  g_assert_cmpuint (story_b->tags->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (story_b->tags, 0), ==, "抗洪");
}

/* A step whose story was changed since by someone else is refused, says
 * why, leaves the other change alone and leaves the history, so the next
 * Ctrl+Z is not stuck on it. */
static void
test_undo_refused_after_outside_change (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  gint64 a, b;

  add_page (fixture);
  a = first_story (fixture, 0);
  b = first_story (fixture, 1);
  g_assert_true (sd_edit_history_set_status (fixture->history, b, SD_STORY_STATUS_REVIEWED, NULL));
  g_assert_true (sd_edit_history_set_status (fixture->history, a, SD_STORY_STATUS_REVIEWED, NULL));
  g_assert_true (sd_store_set_note (fixture->store, a, "命令行写的批注", NULL));

  g_assert_false (sd_edit_history_undo (fixture->history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  story = get (fixture, a);
  g_assert_cmpstr (story->note, ==, "命令行写的批注");
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
  /* the next undo reaches the step before, on the other story */
  g_assert_true (sd_edit_history_undo (fixture->history, NULL));
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, b);
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_NEW);
  g_assert_false (sd_edit_history_can_undo (fixture->history));
}

/* A note typed on in several saves is one step, and undo still finds the
 * rows as the last save left them. */
static void
test_note_typed_on_undoes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;
  gint64 a;

  add_page (fixture);
  a = first_story (fixture, 0);
  g_assert_true (sd_edit_history_set_note (fixture->history, a, "核", NULL));
  g_assert_true (sd_edit_history_set_note (fixture->history, a, "核实", NULL));
  g_assert_true (sd_edit_history_set_note (fixture->history, a, "核实人名", NULL));
  g_assert_true (sd_edit_history_undo (fixture->history, NULL));
  story = get (fixture, a);
  g_assert_true (story->note == NULL || *story->note == '\0');
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/join", test_join_undo_is_exact);
  ADD ("/undo/split-moves-repairs", test_split_moves_repairs);
  ADD ("/undo/uuid-kept", test_uuid_kept);
  ADD ("/undo/repair-brings-mentions-back", test_repair_undo_brings_mentions_back);
  ADD ("/undo/tag-spares-others", test_tag_undo_spares_others);
  ADD ("/undo/refused-after-outside-change", test_undo_refused_after_outside_change);
  ADD ("/undo/note-typed-on", test_note_typed_on_undoes);
#undef ADD

  return g_test_run ();
}
