/* test-edit-history.c — each editor action, its undo and its redo
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sd-edit-history.h"
#include "sd-test-util.h"

typedef struct
{
  SdStore       *store;
  SdEditHistory *history;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "p.txt", "sum", "UTF-8", "text", 4 };

  fixture->store = sd_test_open_library (NULL);
  for (guint i = 0; i < 3; i++)
    {
      SdStory *story = sd_story_new ();
      story->headline = g_strdup_printf ("标题%u", i);
      story->body = g_strdup ("吴江区举行活动。党建引领基层治理。");
      story->place_code = g_strdup ("320509");
      story->place_confidence = 0.8;
      g_ptr_array_add (stories, story);
    }
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, &error));
  fixture->history = sd_edit_history_new (fixture->store);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
}

static SdStory *
get (Fixture *fixture, gint64 id)
{
  return sd_test_get_story (fixture->store, id);
}

static gboolean
has_tag (Fixture *fixture, gint64 id, const char *tag)
{
  g_autoptr (SdStory) story = get (fixture, id);
  return g_ptr_array_find_with_equal_func (story->tags, tag, g_str_equal, NULL);
}

static void
test_bulk_tag (Fixture *fixture, gconstpointer data)
{
  const gint64 ids[] = { 1, 2, 3 };

  /* Story 2 had the tag before: undoing the bulk add must leave it. */
  g_assert_true (sd_store_add_tag (fixture->store, 2, "党建", NULL));
  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 3, "党建", NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_true (has_tag (fixture, ids[i], "党建"));
  g_assert_true (sd_edit_history_can_undo (fixture->history));

  sd_test_undo (fixture->history);
  g_assert_false (has_tag (fixture, 1, "党建"));
  g_assert_true (has_tag (fixture, 2, "党建"));
  g_assert_false (has_tag (fixture, 3, "党建"));
  g_assert_true (sd_edit_history_can_redo (fixture->history));

  sd_test_redo (fixture->history);
  g_assert_true (has_tag (fixture, 1, "党建"));
  g_assert_true (has_tag (fixture, 3, "党建"));
}

static void
test_remove_tag (Fixture *fixture, gconstpointer data)
{
  const gint64 ids[] = { 1, 2 };

  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 2, "人才", NULL));
  g_assert_true (sd_edit_history_remove_tag (fixture->history, ids, 1, "人才", NULL));
  g_assert_false (has_tag (fixture, 1, "人才"));
  sd_test_undo (fixture->history);
  g_assert_true (has_tag (fixture, 1, "人才"));
  sd_test_undo (fixture->history);
  g_assert_false (has_tag (fixture, 1, "人才"));
  g_assert_false (has_tag (fixture, 2, "人才"));
  g_assert_false (sd_edit_history_can_undo (fixture->history));
}

static void
test_note_typing_is_one_step (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;

  g_assert_true (sd_store_set_note (fixture->store, 1, "原来的", NULL));
  g_assert_true (sd_edit_history_set_note (fixture->history, 1, "核", NULL));
  g_assert_true (sd_edit_history_set_note (fixture->history, 1, "核实", NULL));
  g_assert_true (sd_edit_history_set_note (fixture->history, 1, "核实数字", NULL));
  sd_test_undo (fixture->history);
  story = get (fixture, 1);
  g_assert_cmpstr (story->note, ==, "原来的");
  g_assert_false (sd_edit_history_can_undo (fixture->history));
  sd_test_redo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpstr (story->note, ==, "核实数字");

  /* After the group is closed (another story opened), a new step. */
  sd_edit_history_close_group (fixture->history);
  g_assert_true (sd_edit_history_set_note (fixture->history, 1, "第二次", NULL));
  sd_test_undo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpstr (story->note, ==, "核实数字");
}

/* #14 item 2: an editor types a note while another writer sets it.  The
 * editor's next save, made over the note the editor began from, must not
 * overwrite the other text or glue onto it: it is refused, and saving over
 * the other text (the editor chose or merged) then works. */
static void
test_note_race_refused (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_edit_history_set_note_from (fixture->history, 1, "", "核", NULL));
  g_assert_true (sd_edit_history_set_note_from (fixture->history, 1, "核", "核实", NULL));
  /* another process (the CLI) writes meanwhile */
  g_assert_true (sd_store_set_note (fixture->store, 1, "另一位编辑的批注", NULL));
  g_assert_false (sd_edit_history_set_note_from (fixture->history, 1, "核实", "核实数字", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  story = get (fixture, 1);
  g_assert_cmpstr (story->note, ==, "另一位编辑的批注");

  g_assert_true (sd_edit_history_set_note_from (fixture->history, 1, "另一位编辑的批注",
                                                "另一位编辑的批注\n核实数字", NULL));
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpstr (story->note, ==, "另一位编辑的批注\n核实数字");
  /* a save over an unchanged note writes nothing and is no conflict */
  g_assert_true (
      sd_store_set_note_from (fixture->store, 1, "x", "另一位编辑的批注\n核实数字", NULL));
}

static void
test_status (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;

  g_assert_true (
      sd_edit_history_set_status (fixture->history, 1, SD_STORY_STATUS_NEEDS_WORK, NULL));
  g_assert_true (sd_edit_history_set_status (fixture->history, 1, SD_STORY_STATUS_REVIEWED, NULL));
  sd_test_undo (fixture->history);
  story = get (fixture, 1);
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_NEEDS_WORK);
  sd_test_undo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_NEW);
}

/* Undo and redo say what they would do, naming the story as the editor
 * sees it; many stories are counted. */
static void
test_labels (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = get (fixture, 1);
  g_autofree char *title = sd_story_dup_title (story);
  g_autofree char *start = g_utf8_substring (title, 0, MIN (13, g_utf8_strlen (title, -1)));
  const gint64     ids[] = { 1, 2, 3 };
  const char      *label;

  g_assert_null (sd_edit_history_get_undo_label (fixture->history));
  g_assert_true (sd_edit_history_set_status (fixture->history, 1, SD_STORY_STATUS_REVIEWED, NULL));
  label = sd_edit_history_get_undo_label (fixture->history);
  g_assert_true (g_str_has_prefix (label, "Mark “"));
  g_assert_nonnull (strstr (label, start));
  g_assert_true (g_str_has_suffix (label, sd_story_status_to_label (SD_STORY_STATUS_REVIEWED)));
  g_assert_cmpint (sd_edit_history_get_next_story (fixture->history, FALSE), ==, 1);

  sd_test_undo (fixture->history);
  g_assert_null (sd_edit_history_get_undo_label (fixture->history));
  g_assert_true (g_str_has_prefix (sd_edit_history_get_redo_label (fixture->history), "Mark “"));
  g_assert_cmpint (sd_edit_history_get_next_story (fixture->history, TRUE), ==, 1);

  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 3, "党建", NULL));
  g_assert_cmpstr (sd_edit_history_get_undo_label (fixture->history), ==,
                   "Add the tag “党建” to 3 stories");
  g_assert_null (sd_edit_history_get_redo_label (fixture->history));
}

static void
test_highlight (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;
  gint64 id;

  g_assert_true (sd_edit_history_add_highlight (fixture->history, 1, 8, 10, "重点", NULL));
  story = get (fixture, 1);
  g_assert_cmpuint (story->highlights->len, ==, 1);
  id = ((SdHighlight *) story->highlights->pdata[0])->id;
  g_assert_cmpstr (((SdHighlight *) story->highlights->pdata[0])->quote, ==, "党建");

  g_assert_true (sd_edit_history_remove_highlight (fixture->history, 1, id, NULL));
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpuint (story->highlights->len, ==, 0);

  sd_test_undo (fixture->history); /* the removal: back, with its comment */
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpuint (story->highlights->len, ==, 1);
  g_assert_cmpstr (((SdHighlight *) story->highlights->pdata[0])->comment, ==, "重点");

  sd_test_undo (fixture->history); /* the addition: gone, whatever its new id */
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpuint (story->highlights->len, ==, 0);
  sd_test_redo (fixture->history);
  sd_test_redo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpuint (story->highlights->len, ==, 0);
}

static void
test_place (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;

  g_assert_true (sd_edit_history_set_place (fixture->history, 1, "3206", NULL));
  story = get (fixture, 1);
  g_assert_cmpstr (story->place_code, ==, "3206");
  g_assert_true (story->place_by_editor);
  sd_test_undo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpstr (story->place_code, ==, "320509");
  g_assert_false (story->place_by_editor);
  g_assert_cmpfloat_with_epsilon (story->place_confidence, 0.8, 1e-9);
}

/* The list's menu on a selection: a status or a place for all the stories
 * selected is one step, and undo puts each back as it was. */
static void
test_status_and_place_of_several (Fixture *fixture, gconstpointer data)
{
  const gint64 ids[] = { 1, 2, 3 };
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_edit_history_set_status (fixture->history, 2, SD_STORY_STATUS_REJECTED, NULL));
  g_assert_true (sd_edit_history_set_status_of (fixture->history, ids, G_N_ELEMENTS (ids),
                                                SD_STORY_STATUS_REVIEWED, &error));
  g_assert_no_error (error);
  g_assert_true (
      g_str_has_prefix (sd_edit_history_get_undo_label (fixture->history), "Mark 3 stories as "));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (SdStory) story = get (fixture, ids[i]);
      g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
    }
  g_assert_true (sd_edit_history_set_place_of (fixture->history, ids, 2, "3206", &error));
  g_assert_no_error (error);
  /* the place in one undo, the status in the next */
  sd_test_undo (fixture->history);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (SdStory) story = get (fixture, ids[i]);
      g_assert_cmpstr (story->place_code, ==, "320509");
      g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
    }
  sd_test_undo (fixture->history);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (SdStory) story = get (fixture, ids[i]);
      g_assert_cmpint (story->status, ==, i == 1 ? SD_STORY_STATUS_REJECTED : SD_STORY_STATUS_NEW);
    }
  /* nothing to change: no step */
  {
    const char *before = sd_edit_history_get_undo_label (fixture->history);

    g_assert_true (
        sd_edit_history_set_status_of (fixture->history, ids, 1, SD_STORY_STATUS_NEW, &error));
    g_assert_true (sd_edit_history_get_undo_label (fixture->history) == before);
  }
}

static void
test_dismiss_theme (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) dismissed = NULL;

  g_assert_true (sd_edit_history_dismiss_theme (fixture->history, 1, "安全生产", NULL));
  dismissed = sd_store_list_dismissed_themes (fixture->store, 1, NULL);
  g_assert_cmpuint (dismissed->len, ==, 1);
  sd_test_undo (fixture->history);
  g_clear_pointer (&dismissed, g_ptr_array_unref);
  dismissed = sd_store_list_dismissed_themes (fixture->store, 1, NULL);
  g_assert_cmpuint (dismissed->len, ==, 0);
}

static void
test_new_action_clears_redo (Fixture *fixture, gconstpointer data)
{
  const gint64 ids[] = { 1 };

  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 1, "甲", NULL));
  sd_test_undo (fixture->history);
  g_assert_true (sd_edit_history_can_redo (fixture->history));
  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 1, "乙", NULL));
  g_assert_false (sd_edit_history_can_redo (fixture->history));
}

static void
test_failed_action_records_nothing (Fixture *fixture, gconstpointer data)
{
  const gint64 ids[] = { 99 };
  g_autoptr (GError) error = NULL;

  g_assert_false (sd_edit_history_add_tag (fixture->history, ids, 1, "党建", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_assert_false (sd_edit_history_can_undo (fixture->history));
}

static void
test_tag_rename_and_merge (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) colors = NULL;

  g_assert_true (sd_store_add_tag (fixture->store, 1, "党建工作", NULL));
  g_assert_true (sd_store_add_tag (fixture->store, 2, "党建", NULL));
  g_assert_true (sd_store_add_tag (fixture->store, 3, "党建工作", NULL));
  g_assert_true (sd_store_add_tag (fixture->store, 3, "党建", NULL));
  g_assert_true (sd_store_rename_tag (fixture->store, "党建工作", "党建", &error));
  g_assert_no_error (error);
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr (SdStory) story = get (fixture, id);
      g_assert_cmpuint (story->tags->len, ==, 1);
      g_assert_cmpstr (story->tags->pdata[0], ==, "党建");
    }
  g_assert_true (sd_store_rename_tag (fixture->store, "党建", "基层党建", &error));
  g_assert_true (has_tag (fixture, 1, "基层党建"));
  g_assert_true (sd_store_set_tag_color (fixture->store, "基层党建", "#e01b24", &error));
  g_assert_no_error (error);
  g_assert_false (sd_store_set_tag_color (fixture->store, "基层党建", "red", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  colors = sd_store_dup_tag_colors (fixture->store, NULL);
  g_assert_cmpstr (g_hash_table_lookup (colors, "基层党建"), ==, "#e01b24");
}

static gint64
add_long_story (Fixture *fixture)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord page = { "long.txt", "long-sum", "UTF-8",
                        "长标题\n第一段。\n小标题\n第二段正文。\n第三段。", 60 };
  SdStory     *story = sd_story_new ();
  SdStory     *after = sd_story_new ();

  story->headline = g_strdup ("长标题");
  story->body = g_strdup ("第一段。\n小标题\n第二段正文。\n第三段。");
  story->source_start = 0;
  story->source_end = 40;
  after->headline = g_strdup ("下一篇");
  after->body = g_strdup ("下一篇正文。");
  after->source_start = 40;
  after->source_end = 60;
  g_ptr_array_add (stories, story);
  g_ptr_array_add (stories, after);
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, NULL));
  return story->id;
}

static void
test_split_and_merge (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) head = NULL;
  g_autoptr (SdStory) tail = NULL;
  gint64       id = add_long_story (fixture);
  gint64       tail_id = 0;
  const gint64 ids[] = { id };

  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 1, "党建", NULL));
  /* "第二段正文" at characters 9..14 of the body */
  g_assert_true (sd_edit_history_add_highlight (fixture->history, id, 9, 14, NULL, NULL));

  g_assert_true (sd_edit_history_split_story (fixture->history, id, 1, &tail_id, &error));
  g_assert_no_error (error);
  head = get (fixture, id);
  tail = get (fixture, tail_id);
  g_assert_cmpstr (head->body, ==, "第一段。");
  g_assert_cmpstr (tail->headline, ==, "小标题"); /* a short unpunctuated line */
  g_assert_cmpstr (tail->body, ==, "第二段正文。\n第三段。");
  g_assert_true (has_tag (fixture, tail_id, "党建"));
  g_assert_cmpuint (head->highlights->len, ==, 0);
  g_assert_cmpuint (tail->highlights->len, ==, 1);
  g_assert_cmpstr (((SdHighlight *) tail->highlights->pdata[0])->quote, ==, "第二段正文");
  g_assert_cmpint (((SdHighlight *) tail->highlights->pdata[0])->start, ==, 0);
  g_assert_cmpint (tail->source_start, >, head->source_start);
  g_assert_cmpint (head->source_end, ==, tail->source_start);

  /* Lists keep page order: the tail comes right after its head. */
  {
    SdScope all = { SD_SCOPE_ALL, NULL, NULL };
    g_autoptr (GPtrArray) listed = sd_store_list_stories (fixture->store, &all, NULL);
    for (guint i = 0; i + 1 < listed->len; i++)
      if (((SdStory *) listed->pdata[i])->id == id)
        g_assert_cmpint (((SdStory *) listed->pdata[i + 1])->id, ==, tail_id);
  }

  sd_test_undo (fixture->history); /* the split: one story again, highlight back in place */
  g_clear_pointer (&head, sd_story_unref);
  head = get (fixture, id);
  g_assert_cmpstr (head->body, ==, "第一段。\n小标题\n第二段正文。\n第三段。");
  g_assert_cmpuint (head->highlights->len, ==, 1);
  g_assert_cmpint (((SdHighlight *) head->highlights->pdata[0])->start, ==, 9);
  g_assert_null (sd_store_get_story (fixture->store, tail_id, NULL));

  /* Merging the next story in, and undoing it, gives that story back. */
  g_assert_true (sd_store_set_note (fixture->store, id + 1, "另一篇的批注", NULL));
  g_assert_true (sd_edit_history_merge_with_next (fixture->history, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&head, sd_story_unref);
  head = get (fixture, id);
  g_assert_true (g_str_has_suffix (head->body, "第三段。\n下一篇\n下一篇正文。"));
  g_assert_cmpstr (head->note, ==, "另一篇的批注");
  sd_test_undo (fixture->history);
  {
    gint64 next_id = sd_store_find_next_story (fixture->store, id, NULL);
    g_autoptr (SdStory) next = get (fixture, next_id);
    g_assert_cmpstr (next->headline, ==, "下一篇");
    g_assert_cmpstr (next->body, ==, "下一篇正文。");
    g_assert_cmpstr (next->note, ==, "另一篇的批注");
    g_assert_false (g_ptr_array_find_with_equal_func (next->tags, "党建", g_str_equal, NULL));
  }
  g_clear_pointer (&head, sd_story_unref);
  head = get (fixture, id);
  g_assert_cmpstr (head->note, ==, "");

  /* Nothing after the last story. */
  {
    gint64 last = sd_store_find_next_story (fixture->store, id, NULL);
    g_assert_false (sd_edit_history_merge_with_next (fixture->history, last, &error));
    g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (sd_edit_history_split_story (fixture->history, id, 0, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
}

static char *
dump_library (Fixture *fixture)
{
  return sd_test_dump_library (sd_store_get_path (fixture->store));
}

static void
run_sql (Fixture *fixture, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (sd_store_get_path (fixture->store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Undoing a merge is one transaction: when a step of it fails (a trigger
 * refuses the tag being put back, after the stories are), the
 * library is left exactly as it was, and the step can be undone later. */
static void
test_failed_undo_changes_nothing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64           id = add_long_story (fixture);
  const gint64     ids[] = { id + 1 };

  g_assert_true (sd_edit_history_add_tag (fixture->history, ids, 1, "党建", NULL));
  g_assert_true (sd_store_set_note (fixture->store, id + 1, "另一篇的批注", NULL));
  g_assert_true (sd_edit_history_merge_with_next (fixture->history, id, &error));
  g_assert_no_error (error);

  run_sql (fixture, "CREATE TRIGGER refuse_tags BEFORE INSERT ON story_tags "
                    "BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  before = dump_library (fixture);
  g_assert_false (sd_edit_history_undo (fixture->history, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = dump_library (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sd_edit_history_can_undo (fixture->history));

  run_sql (fixture, "DROP TRIGGER refuse_tags");
  sd_test_undo (fixture->history);
  {
    gint64 next_id = sd_store_find_next_story (fixture->store, id, NULL);
    g_autoptr (SdStory) next = get (fixture, next_id);
    g_assert_cmpstr (next->headline, ==, "下一篇");
    g_assert_cmpstr (next->note, ==, "另一篇的批注");
    g_assert_true (g_ptr_array_find_with_equal_func (next->tags, "党建", g_str_equal, NULL));
  }
}

static void
test_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = NULL;

  g_assert_true (sd_edit_history_set_story_field (fixture->history, 1, SD_STORY_FIELD_BYLINE,
                                                  " 王书 曹波 ", NULL));
  story = get (fixture, 1);
  g_assert_cmpstr (story->byline, ==, "王书 曹波");
  sd_test_undo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_null (story->byline);
  sd_test_redo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, 1);
  g_assert_cmpstr (story->byline, ==, "王书 曹波");
}

static gint64
add_repaired_story (Fixture *fixture)
{
  return sd_test_add_repaired_story (fixture->store);
}

static gint64
repair_id (Fixture *fixture, gint64 story_id, SdRepairKind kind)
{
  g_autoptr (SdStory) story = get (fixture, story_id);

  for (guint i = 0; i < story->repairs->len; i++)
    if (((SdRepair *) story->repairs->pdata[i])->kind == kind)
      return ((SdRepair *) story->repairs->pdata[i])->id;
  return 0;
}

static void
test_revert_repairs (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  gint64 id = add_repaired_story (fixture);

  g_assert_true (sd_edit_history_revert_repair (
      fixture->history, id, repair_id (fixture, id, SD_REPAIR_JOINED_BREAK), &error));
  g_assert_no_error (error);
  story = get (fixture, id);
  g_assert_cmpstr (story->body, ==, "第一段前半\n后半结束。\n重复段落。\n末段。");
  g_assert_cmpuint (story->repairs->len, ==, 2);

  g_assert_true (sd_edit_history_revert_repair (
      fixture->history, id, repair_id (fixture, id, SD_REPAIR_DROPPED_DUPLICATE), &error));
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, id);
  g_assert_cmpstr (story->body, ==, "第一段前半\n后半结束。\n重复段落。\n重复段落。\n末段。");

  g_assert_true (sd_edit_history_revert_repair (
      fixture->history, id, repair_id (fixture, id, SD_REPAIR_SPLIT_BYLINE), &error));
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, id);
  g_assert_true (g_str_has_suffix (story->body, "末段。王书"));
  g_assert_null (story->byline);
  g_assert_cmpuint (story->repairs->len, ==, 0);

  /* Undo puts each repair back, text and record. */
  sd_test_undo (fixture->history);
  sd_test_undo (fixture->history);
  sd_test_undo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, id);
  g_assert_cmpstr (story->body, ==, "第一段前半后半结束。\n重复段落。\n末段。");
  g_assert_cmpstr (story->byline, ==, "王书");
  g_assert_cmpuint (story->repairs->len, ==, 3);
  sd_test_redo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, id);
  g_assert_cmpstr (story->body, ==, "第一段前半\n后半结束。\n重复段落。\n末段。");

  g_assert_false (sd_edit_history_revert_repair (fixture->history, id, 9999, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

/* A stray mark the segmenter left out goes back where it was read, and
 * undo leaves it out again. */
static void
test_revert_stray_mark (Fixture *fixture, gconstpointer data)
{
  static const char page_text[] = "标题\n\n连日来,卯镇持 | 续开展\n环境整治。\n";
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  SdPageRecord page = { "marks.txt", "marks-sum", "UTF-8", page_text, strlen (page_text) };
  SdStory     *stored = sd_story_new ();
  const char  *mark = strstr (page_text, " | ");
  gint64       id;

  stored->headline = g_strdup ("标题");
  stored->body = g_strdup ("连日来，卯镇持续开展环境整治。");
  stored->source_end = strlen (page_text);
  stored->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  g_ptr_array_add (stored->repairs, sd_repair_new (SD_REPAIR_DROPPED_MARK, mark - page_text,
                                                   mark - page_text + 3, "mark"));
  g_ptr_array_add (stories, stored);
  g_assert_true (sd_store_add_page (fixture->store, &page, stories, NULL, NULL));
  id = stored->id;

  g_assert_true (sd_edit_history_revert_repair (
      fixture->history, id, repair_id (fixture, id, SD_REPAIR_DROPPED_MARK), &error));
  g_assert_no_error (error);
  story = get (fixture, id);
  g_assert_cmpstr (story->body, ==, "连日来，卯镇持|续开展环境整治。");
  g_assert_cmpuint (story->repairs->len, ==, 0);

  sd_test_undo (fixture->history);
  g_clear_pointer (&story, sd_story_unref);
  story = get (fixture, id);
  g_assert_cmpstr (story->body, ==, "连日来，卯镇持续开展环境整治。");
  g_assert_cmpuint (story->repairs->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/edit-history/tag/bulk", test_bulk_tag);
  ADD ("/edit-history/tag/remove", test_remove_tag);
  ADD ("/edit-history/status-and-place/several", test_status_and_place_of_several);
  ADD ("/edit-history/tag/rename-and-merge", test_tag_rename_and_merge);
  ADD ("/edit-history/note/typing", test_note_typing_is_one_step);
  ADD ("/edit-history/note/race-refused", test_note_race_refused);
  ADD ("/edit-history/status", test_status);
  ADD ("/edit-history/labels", test_labels);
  ADD ("/edit-history/highlight", test_highlight);
  ADD ("/edit-history/place", test_place);
  ADD ("/edit-history/dismiss-theme", test_dismiss_theme);
  ADD ("/edit-history/redo-cleared", test_new_action_clears_redo);
  ADD ("/edit-history/failed-action", test_failed_action_records_nothing);
  ADD ("/edit-history/correction/split-and-merge", test_split_and_merge);
  ADD ("/edit-history/correction/failed-undo", test_failed_undo_changes_nothing);
  ADD ("/edit-history/correction/field", test_field);
  ADD ("/edit-history/correction/revert-repairs", test_revert_repairs);
  ADD ("/edit-history/correction/revert-stray-mark", test_revert_stray_mark);
#undef ADD

  return g_test_run ();
}
