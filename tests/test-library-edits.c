/* test-library-edits.c — an editor's marks, organising and undo, one test
 * body run on each engine (issue #17, item 1): a personal library (SQLite)
 * and, through tests/with-postgres.py (SD_TEST_PG_URL), a shared one
 * (PostgreSQL) holding the same stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each engine has a second connection, another editor's window, whose
 * writes an undo must not overwrite.  Without SD_TEST_PG_URL (the core
 * suite) only the personal library runs.
 */
#include "config.h"

#include <string.h>

#include "sd-edit-history.h"
#include "sd-library.h"
#include "sd-pg-shared.h"
#include "sd-query.h"
#include "sd-search-terms.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

typedef struct
{
  const char *name;
  SdLibrary  *library; /* the editor's */
  SdLibrary  *other;   /* another editor's, on the same library */
} Engine;

static Engine engines[2] = { { "sqlite" }, { "postgresql" } };

static gboolean
holds (GPtrArray *strings, const char *string)
{
  return strings != NULL && g_ptr_array_find_with_equal_func (strings, string, g_str_equal, NULL);
}

static gboolean
has_tag (SdLibrary *library, gint64 id, const char *tag)
{
  g_autoptr (SdStoryDetails) details = sd_test_read_details (library, id);

  return holds (details->story->tags, tag);
}

static char *
dup_note (SdLibrary *library, gint64 id)
{
  g_autoptr (SdStoryDetails) details = sd_test_read_details (library, id);

  return g_strdup (details->story->note != NULL ? details->story->note : "");
}

/* The story's highlights as "start-end:quote:comment", in order. */
static char *
describe_highlights (SdLibrary *library, gint64 id)
{
  g_autoptr (SdStoryDetails) details = sd_test_read_details (library, id);
  GPtrArray *highlights = details->story->highlights;
  GString   *out = g_string_new (NULL);

  for (guint i = 0; highlights != NULL && i < highlights->len; i++)
    {
      const SdHighlight *h = g_ptr_array_index (highlights, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%s:%s",
                              i > 0 ? " " : "", h->start, h->end, h->quote,
                              h->comment != NULL ? h->comment : "");
    }
  return g_string_free (out, FALSE);
}

/* Highlights: made, quoted with their context as the library keeps them,
 * undone and redone with the same label on both engines, taken off; a
 * range outside the body refused, nothing stored. */
static void
test_highlights (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (engine->library);
  g_autoptr (SdStoryDetails) before = sd_test_read_details (engine->library, 2);
  g_autoptr (SdStoryDetails) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *quote = g_utf8_substring (before->story->body, 2, 6);
  g_autofree char   *prefix = g_utf8_substring (before->story->body, 0, 2);
  g_autofree char   *suffix = g_utf8_substring (before->story->body, 6, 38);
  g_autofree char   *made = g_strdup_printf ("2-6:%s:核实", quote);
  g_autofree char   *label = NULL;
  SdTestTold         told;
  const SdHighlight *highlight;
  char              *described;

  g_assert_cmpuint (before->story->highlights->len, ==, 0);
  sd_test_told_start (&told, engine->library, 2);
  g_assert_true (sd_edit_history_add_highlight (history, 2, 2, 6, "核实", &error));
  g_assert_no_error (error);
  /* told, as the article view is */
  sd_test_told_wait (&told, 0);
  sd_test_told_stop (&told);

  after = sd_test_read_details (engine->library, 2);
  g_assert_cmpuint (after->story->highlights->len, ==, 1);
  highlight = g_ptr_array_index (after->story->highlights, 0);
  g_assert_cmpstr (highlight->quote, ==, quote);
  g_assert_cmpstr (highlight->prefix, ==, prefix);
  g_assert_cmpstr (highlight->suffix, ==, suffix);
  g_assert_cmpstr (highlight->comment, ==, "核实");
  g_assert_nonnull (highlight->created);
  g_assert_cmpuint (strlen (highlight->created), ==, strlen ("2026-01-01T00:00:00Z"));
  /* the label names the story as the editor saw it */
  label = g_strdup (sd_edit_history_get_undo_label (history));
  g_assert_true (g_str_has_prefix (label, "Highlight text in “"));
  g_assert_cmpint (sd_edit_history_get_next_story (history, FALSE), ==, 2);

  sd_test_undo (history);
  described = describe_highlights (engine->library, 2);
  g_assert_cmpstr (described, ==, "");
  g_free (described);
  g_assert_cmpstr (sd_edit_history_get_redo_label (history), ==, label);
  sd_test_redo (history);
  described = describe_highlights (engine->library, 2);
  g_assert_cmpstr (described, ==, made);
  g_free (described);

  /* taken off, and back with undo */
  g_clear_pointer (&after, sd_story_details_free);
  after = sd_test_read_details (engine->library, 2);
  highlight = g_ptr_array_index (after->story->highlights, 0);
  g_assert_true (sd_edit_history_remove_highlight (history, 2, highlight->id, &error));
  g_assert_no_error (error);
  g_assert_true (
      g_str_has_prefix (sd_edit_history_get_undo_label (history), "Remove a highlight from “"));
  described = describe_highlights (engine->library, 2);
  g_assert_cmpstr (described, ==, "");
  g_free (described);
  sd_test_undo (history);
  described = describe_highlights (engine->library, 2);
  g_assert_cmpstr (described, ==, made);
  g_free (described);

  /* the highlight made again by that undo is the one the first step made:
   * undoing that takes it off */
  sd_test_undo (history);
  described = describe_highlights (engine->library, 2);
  g_assert_cmpstr (described, ==, "");
  g_free (described);

  /* made again, then another editor takes it off: undoing its making
   * would overwrite that */
  sd_test_redo (history);
  g_clear_pointer (&after, sd_story_details_free);
  after = sd_test_read_details (engine->library, 2);
  highlight = g_ptr_array_index (after->story->highlights, 0);
  g_assert_true (sd_library_remove_highlight (engine->other, 2, highlight->id, &error));
  g_assert_no_error (error);
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* outside the body: refused, nothing stored, no step */
  g_assert_false (sd_edit_history_add_highlight (history, 2, 5, 5 + 100000, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  described = describe_highlights (engine->library, 2);
  g_assert_cmpstr (described, ==, "");
  g_free (described);
}

/* A suggested theme turned down, shown as such beside the story and no
 * longer suggested; undo takes it back. */
static void
test_themes (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (engine->library);
  g_autoptr (GError) error = NULL;
  SdStoryDetails *details = NULL;
  gint64          id = 0;
  const char     *theme = "不存在的主题";

  /* a story something is suggested for, if the seeds have one */
  for (gint64 candidate = 1; candidate <= 30 && id == 0; candidate++)
    {
      g_autoptr (SdStoryDetails) read = sd_test_read_details (engine->library, candidate);

      if (read->suggestions->len > 0)
        {
          id = candidate;
          theme = ((SdThemeSuggestion *) g_ptr_array_index (read->suggestions, 0))->theme;
          details = g_steal_pointer (&read);
        }
    }
  g_test_message ("story %" G_GINT64_FORMAT ", theme %s", id, theme);
  if (id == 0)
    id = 3;
  g_assert_true (sd_edit_history_dismiss_theme (history, id, theme, &error));
  g_assert_no_error (error);
  g_assert_true (
      g_str_has_prefix (sd_edit_history_get_undo_label (history), "Dismiss the theme “"));
  {
    g_autoptr (SdStoryDetails) now = sd_test_read_details (engine->library, id);

    g_assert_true (holds (now->dismissed, theme));
    for (guint i = 0; i < now->suggestions->len; i++)
      g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (now->suggestions, i))->theme, !=,
                       theme);
  }
  sd_test_undo (history);
  {
    g_autoptr (SdStoryDetails) now = sd_test_read_details (engine->library, id);

    g_assert_false (holds (now->dismissed, theme));
    if (details != NULL)
      g_assert_cmpuint (now->suggestions->len, ==, details->suggestions->len);
  }
  sd_test_redo (history);
  {
    g_autoptr (SdStoryDetails) now = sd_test_read_details (engine->library, id);

    g_assert_true (holds (now->dismissed, theme));
  }
  g_clear_pointer (&details, sd_story_details_free);
}

/* Tags: undo takes off only where this editor put the tag on; another
 * editor's tag on a story stays. */
static void
test_tags (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (engine->library);
  g_autoptr (GError) error = NULL;
  const gint64 ids[] = { 4, 5 };

  g_assert_true (sd_library_tag_stories (engine->other, &ids[0], 1, "复核", TRUE, &error));
  g_assert_true (sd_edit_history_add_tag (history, ids, 2, "复核", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_edit_history_get_undo_label (history), ==, "Add the tag “复核” to 2 stories");
  g_assert_true (has_tag (engine->library, 4, "复核") && has_tag (engine->library, 5, "复核"));
  sd_test_undo (history);
  g_assert_true (has_tag (engine->library, 4, "复核"));
  g_assert_false (has_tag (engine->library, 5, "复核"));
  sd_test_redo (history);
  g_assert_true (has_tag (engine->library, 5, "复核"));

  /* a tag already on every story changes nothing: no step */
  g_assert_true (sd_edit_history_add_tag (history, ids, 2, "复核", &error));
  g_assert_cmpstr (sd_edit_history_get_undo_label (history), ==, "Add the tag “复核” to 2 stories");
  sd_test_undo (history);
  g_assert_false (has_tag (engine->library, 5, "复核"));
  g_assert_false (sd_edit_history_can_undo (history));
}

/* A note typed in two saves is one step; undo brings back the note as it
 * was; an undo over another editor's later note is refused, saying so,
 * and theirs stays. */
static void
test_note (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (engine->library);
  g_autoptr (GError) error = NULL;
  g_autofree char *was = dup_note (engine->library, 6);
  char            *now;

  g_assert_true (sd_edit_history_set_note_from (history, 6, was, "初稿", &error));
  g_assert_true (sd_edit_history_set_note_from (history, 6, "初稿", "初稿二", &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sd_edit_history_get_undo_label (history), "Edit the note of "));
  sd_test_undo (history);
  now = dup_note (engine->library, 6);
  g_assert_cmpstr (now, ==, was);
  g_free (now);
  sd_test_redo (history);
  now = dup_note (engine->library, 6);
  g_assert_cmpstr (now, ==, "初稿二");
  g_free (now);

  /* another editor writes over it: undo refused, naming it */
  sd_edit_history_close_group (history);
  g_assert_true (sd_library_set_note_from (engine->other, 6, "初稿二", "别人的", &error));
  g_assert_no_error (error);
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  now = dup_note (engine->library, 6);
  g_assert_cmpstr (now, ==, "别人的");
  g_free (now);
  /* the step is gone: the next undo does not fail on it again */
  g_assert_false (sd_edit_history_can_undo (history));
}

/* Statuses of several stories, one step; undo puts each back; an undo
 * over another editor's later status is refused and writes none. */
static void
test_status (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (engine->library);
  g_autoptr (GError) error = NULL;
  const gint64 ids[] = { 7, 8 };
  g_autoptr (SdStoryDetails) seven = sd_test_read_details (engine->library, 7);
  g_autoptr (SdStoryDetails) eight = sd_test_read_details (engine->library, 8);
  SdStoryStatus before[] = { seven->story->status, eight->story->status };

  g_assert_true (
      sd_edit_history_set_status_of (history, ids, 2, SD_STORY_STATUS_NEEDS_WORK, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sd_edit_history_get_undo_label (history), ==, "Mark 2 stories as Needs work");
  sd_test_undo (history);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (SdStoryDetails) now = sd_test_read_details (engine->library, ids[i]);

      g_assert_cmpint (now->story->status, ==, before[i]);
    }
  sd_test_redo (history);
  g_assert_true (sd_library_set_status (engine->other, 8, NULL, SD_STORY_STATUS_NEW, &error));
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  {
    g_autoptr (SdStoryDetails) now = sd_test_read_details (engine->library, 8);

    g_assert_cmpint (now->story->status, ==, SD_STORY_STATUS_NEW);
  }
}

static const SdSavedSearch *
find_search (SdLibrarySummary *summary, const char *name)
{
  for (guint i = 0; i < summary->searches->len; i++)
    {
      const SdSavedSearch *search = g_ptr_array_index (summary->searches, i);

      if (g_str_equal (search->name, name))
        return search;
    }
  return NULL;
}

/* Saved searches: kept for the library with their live counts, seen by
 * the other editor too, replaced by name, forgotten; a wrong query or an
 * empty name refused. */
static void
test_saved_searches (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdLibrarySummary) summary = NULL;
  const SdSavedSearch *search;

  g_assert_true (sd_library_save_search (engine->library, " 苏州的 ", "苏州", &error));
  g_assert_no_error (error);
  summary = sd_test_read_summary (engine->other);
  search = find_search (summary, "苏州的");
  g_assert_nonnull (search);
  g_assert_cmpstr (search->query, ==, "苏州");
  g_assert_cmpint (search->count, >, 0);
  g_assert_true (sd_library_save_search (engine->library, "苏州的", "苏州 -无锡", &error));
  g_clear_pointer (&summary, sd_library_summary_free);
  summary = sd_test_read_summary (engine->library);
  g_assert_cmpstr (find_search (summary, "苏州的")->query, ==, "苏州 -无锡");

  g_assert_false (sd_library_save_search (engine->library, "错的", "\"没有结束", &error));
  g_assert_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNCLOSED_QUOTE);
  g_clear_error (&error);
  g_assert_false (sd_library_save_search (engine->library, "  ", "苏州", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sd_library_delete_search (engine->library, "苏州的", &error));
  g_assert_no_error (error);
  g_assert_false (sd_library_delete_search (engine->library, "苏州的", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&summary, sd_library_summary_free);
  summary = sd_test_read_summary (engine->library);
  g_assert_null (find_search (summary, "苏州的"));
  g_assert_null (find_search (summary, "错的"));
}

/* A tag renamed onto another merges into it; colours set and taken off;
 * what is wrong refused. */
static void
test_tag_rename (gconstpointer data)
{
  const Engine *engine = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdLibrarySummary) summary = NULL;
  const gint64 ids[] = { 9, 10 };

  g_assert_true (sd_library_tag_stories (engine->library, ids, 2, "旧名", TRUE, &error));
  g_assert_true (sd_library_tag_stories (engine->library, &ids[1], 1, "新名", TRUE, &error));
  g_assert_true (sd_library_tag_stories (engine->library, &ids[0], 1, "别名", TRUE, &error));
  g_assert_no_error (error);
  /* a plain rename, then a merge into an existing name */
  g_assert_true (sd_library_rename_tag (engine->library, "别名", "改名", &error));
  g_assert_true (sd_library_rename_tag (engine->library, "旧名", "新名", &error));
  g_assert_no_error (error);
  g_assert_true (has_tag (engine->library, 9, "新名") && has_tag (engine->library, 10, "新名"));
  g_assert_true (has_tag (engine->library, 9, "改名"));
  g_assert_false (has_tag (engine->library, 9, "旧名") || has_tag (engine->library, 9, "别名"));
  g_assert_true (sd_library_set_tag_color (engine->library, "新名", "#3584e4", &error));
  g_assert_no_error (error);
  summary = sd_test_read_summary (engine->library);
  g_assert_true (holds (summary->tags, "新名"));
  g_assert_false (holds (summary->tags, "旧名"));
  g_assert_cmpstr (g_hash_table_lookup (summary->tag_colors, "新名"), ==, "#3584e4");

  g_assert_false (sd_library_set_tag_color (engine->library, "新名", "blue", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sd_library_rename_tag (engine->library, "没有这个", "别的", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sd_library_rename_tag (engine->library, "新名", " ", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sd_library_set_tag_color (engine->library, "新名", NULL, &error));
  g_clear_pointer (&summary, sd_library_summary_free);
  summary = sd_test_read_summary (engine->library);
  g_assert_null (g_hash_table_lookup (summary->tag_colors, "新名"));
}

/* The seeds in a personal library, and, with a server, copied into a
 * shared one: the same stories under the same ids. */
static void
make_engines (const char *folder)
{
  const char      *location = g_getenv ("SD_TEST_PG_URL");
  g_autofree char *path = g_build_filename (folder, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  SdStore *store = sd_store_open (path, &error);

  g_assert_no_error (error);
  sd_search_terms_import_seeds (store);
  engines[0].library = SD_LIBRARY (store);
  engines[0].other = SD_LIBRARY (sd_store_open (path, &error));
  g_assert_no_error (error);
  if (location != NULL)
    {
      g_autoptr (SdPgLibrary) admin = sd_pg_library_open (location, &error);
      guint n_copied = 0, n_skipped = 0;

      g_assert_no_error (error);
      g_assert_true (sd_pg_library_create (admin, &error));
      g_assert_true (sd_pg_library_copy_library (admin, store, &n_copied, &n_skipped, &error));
      g_assert_no_error (error);
      engines[1].library = SD_LIBRARY (sd_pg_shared_open (location, &error));
      g_assert_no_error (error);
      engines[1].other = SD_LIBRARY (sd_pg_shared_open (location, &error));
      g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  static const struct
  {
    const char   *name;
    GTestDataFunc func;
  } tests[] = {
    { "highlights", test_highlights },
    { "themes", test_themes },
    { "tags", test_tags },
    { "note", test_note },
    { "status", test_status },
    { "saved-searches", test_saved_searches },
    { "tag-rename", test_tag_rename },
  };
  g_autofree char *folder = g_dir_make_tmp ("sd-library-edits-XXXXXX", NULL);
  const char      *remove[] = { "rm", "-rf", folder, NULL };
  int              status;

  sd_test_init (&argc, &argv);
  make_engines (folder);
  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    for (guint i = 0; engines[e].library != NULL && i < G_N_ELEMENTS (tests); i++)
      {
        g_autofree char *path =
            g_strdup_printf ("/library-edits/%s/%s", engines[e].name, tests[i].name);

        g_test_add_data_func (path, &engines[e], tests[i].func);
      }
  status = g_test_run ();
  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_clear_object (&engines[e].library);
      g_clear_object (&engines[e].other);
    }
  /* the library and what SQLite put beside it */
  g_spawn_sync (NULL, (char **) remove, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
  return status;
}
