/* test-library-corrections.c — corrections, the trash and page details
 * through SdLibrary, the same test bodies on each engine (issue #17): a
 * personal library of the seeds, and, run through tests/with-postgres.py
 * (SD_TEST_PG_URL), the shared library it is copied into; the two must
 * then hold the same stories, field for field
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-edit-history.h"
#include "sd-library.h"
#include "sd-pg-shared.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

/* The engines under test: the personal library always, the shared one when
 * a server was given. */
static SdLibrary *engines[2];

/* The stories each test works on, picked once from the personal library
 * before anything changed, so both engines are asked the same. */
static struct
{
  gint64 field;    /* its headline corrected */
  gint64 moved[2]; /* filed elsewhere */
  gint64 split;    /* three paragraphs or more, a story after it on its page */
  gint64 merged;   /* a story after it on its page */
  gint64 trashed;  /* deleted and restored */
  gint64 page;     /* a story of a page of several stories: the page deleted and restored */
  gint64 emptied;  /* deleted for good */
  gint64 paged;    /* its page's paper, date and number corrected */
  gint64 last;     /* the last story of its page */
  gint64 repaired; /* one with an OCR repair that can be taken back */
} picked;

/* The ids @scope lists, as text ("3 5 8"). */
static char *
listed (SdLibrary *library, SdScopeKind kind, const char *place_code, const char *text)
{
  return sd_test_list_ids (library, kind, place_code, text);
}

/* Whether @id is among the ids of @list, a listed () text. */
static gboolean
lists (const char *list, gint64 id)
{
  g_auto (GStrv) ids = g_strsplit (list, " ", -1);
  g_autofree char *wanted = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return g_strv_contains ((const char *const *) ids, wanted);
}

/* Whether the engine has story @id, in the trash or not (the list's rows). */
static gboolean
has (SdLibrary *library, gint64 id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  sd_library_get_story_rows_async (library, &id, 1, NULL, sd_test_keep_result_cb, &result);
  rows = sd_library_get_story_rows_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  return rows->len == 1;
}

/* Story @id whole, as the window shows it; NULL when the engine has none. */
static SdStory *
fetch (SdLibrary *library, gint64 id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStoryDetails) details = NULL;

  if (!has (library, id))
    return NULL;
  sd_library_get_story_details_async (library, id, NULL, sd_test_keep_result_cb, &result);
  details = sd_library_get_story_details_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  return sd_story_ref (details->story);
}

static gint64
count_at (SdLibrarySummary *summary, const char *code)
{
  gint64 *count = g_hash_table_lookup (summary->counts, code);

  return count != NULL ? *count : 0;
}

/* A headline corrected: stored trimmed, searched by its new words and no
 * longer by the old ones; written only over the value the editor saw. */
static void
test_field (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  gint64     id = picked.field;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (SdEditHistory) history = NULL;
  g_autofree char *before = listed (library, SD_SCOPE_ALL, NULL, "鳄鱼");
  g_autofree char *found = NULL;
  g_autofree char *gone = NULL;

  g_assert_cmpstr (before, ==, "");
  g_assert_true (sd_library_set_story_field (library, id, SD_STORY_FIELD_HEADLINE, NULL,
                                             "  鳄鱼湖畔的早晨 ", &error));
  g_assert_no_error (error);
  story = fetch (library, id);
  g_assert_cmpstr (story->headline, ==, "鳄鱼湖畔的早晨");
  found = listed (library, SD_SCOPE_ALL, NULL, "鳄鱼");
  g_assert_true (lists (found, id));
  g_assert_false (strchr (found, ' ') != NULL); /* that story only */

  /* the editor saw another headline: refused, nothing written */
  g_assert_false (sd_library_set_story_field (library, id, SD_STORY_FIELD_HEADLINE, "旧标题",
                                              "白鹭洲头", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_clear_pointer (&story, sd_story_unref);
  story = fetch (library, id);
  g_assert_cmpstr (story->headline, ==, "鳄鱼湖畔的早晨");

  g_assert_true (sd_library_set_story_field (library, id, SD_STORY_FIELD_HEADLINE, "鳄鱼湖畔的早晨",
                                             "白鹭洲头", &error));
  g_assert_no_error (error);
  gone = listed (library, SD_SCOPE_ALL, NULL, "鳄鱼");
  g_assert_cmpstr (gone, ==, "");
  g_free (found);
  found = listed (library, SD_SCOPE_ALL, NULL, "白鹭洲");
  g_assert_true (lists (found, id));

  /* as the story editor writes, through the edit history: a field left as
   * shown writes nothing, whatever it holds now */
  history = sd_edit_history_new_for_library (library);
  g_assert_true (sd_edit_history_set_story_field_from (history, id, SD_STORY_FIELD_HEADLINE,
                                                       "旧标题", "旧标题", &error));
  g_assert_no_error (error);
  g_clear_pointer (&story, sd_story_unref);
  story = fetch (library, id);
  g_assert_cmpstr (story->headline, ==, "白鹭洲头");
  /* one changed over a value someone changed since: refused on a shared
   * library; a personal library has one writer, whose undo step keeps it */
  if (GPOINTER_TO_UINT (data) == 1)
    {
      g_assert_false (sd_edit_history_set_story_field_from (history, id, SD_STORY_FIELD_HEADLINE,
                                                            "旧标题", "新标题", &error));
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
      g_clear_error (&error);
    }
  g_assert_true (sd_edit_history_set_story_field_from (history, id, SD_STORY_FIELD_HEADLINE,
                                                       "白鹭洲头", "白鹭洲头畔", &error));
  g_assert_no_error (error);
  /* an undo step on either engine (tests/test-library-undo.c undoes it) */
  g_assert_true (sd_edit_history_can_undo (history));

  /* a byline cleared, and invalid text refused */
  g_assert_true (sd_library_set_story_field (library, id, SD_STORY_FIELD_BYLINE, NULL, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&story, sd_story_unref);
  story = fetch (library, id);
  g_assert_null (story->byline);
  g_assert_false (
      sd_library_set_story_field (library, id, SD_STORY_FIELD_REPORTER, NULL, "\xff\xfe", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
}

/* Two stories filed elsewhere at once: by the editor, and the tree's
 * counts follow. */
static void
test_place (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdLibrarySummary) before = sd_test_read_summary (library);
  g_autoptr (SdLibrarySummary) after = NULL;
  g_autoptr (SdStory) first = fetch (library, picked.moved[0]);
  g_autoptr (GError) error = NULL;
  g_autofree char *there = NULL;
  const char      *code = "320571";
  gint64           n_moved_in = 0;

  for (guint i = 0; i < G_N_ELEMENTS (picked.moved); i++)
    {
      g_autoptr (SdStory) story = fetch (library, picked.moved[i]);

      n_moved_in += g_strcmp0 (story->place_code, code) != 0;
    }
  g_assert_true (
      sd_library_set_place (library, picked.moved, G_N_ELEMENTS (picked.moved), code, &error));
  g_assert_no_error (error);
  after = sd_test_read_summary (library);
  g_assert_cmpint (count_at (after, code), ==, count_at (before, code) + n_moved_in);
  if (first->place_code != NULL && g_strcmp0 (first->place_code, code) != 0)
    g_assert_cmpint (count_at (after, first->place_code), <, count_at (before, first->place_code));
  there = listed (library, SD_SCOPE_PLACE, code, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (picked.moved); i++)
    {
      g_autoptr (SdStory) story = fetch (library, picked.moved[i]);

      g_assert_cmpstr (story->place_code, ==, code);
      g_assert_true (story->place_by_editor);
      g_assert_true (lists (there, picked.moved[i]));
    }
}

/* A story cut in two, through the edit history as the window cuts it: the
 * new one after it in the list, with its tags, status and place, found by
 * its own text; joined on again, the story is whole. */
static void
test_split_merge (gconstpointer data)
{
  static gint64 tail_start[2];
  static guint  tail_repairs[2]; /* the head's, a hundred each, and the tail's */
  SdLibrary    *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (SdStory) story = fetch (library, picked.split);
  g_autoptr (SdStory) head = NULL;
  g_autoptr (SdStory) tail = NULL;
  g_autoptr (SdStory) whole = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) paragraphs = g_strsplit (story->body, "\n", -1);
  g_auto (GStrv) head_paragraphs = NULL;
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;
  g_autofree char *phrase = NULL;
  g_autofree char *position = NULL;
  const char      *end;
  gint64           new_id = 0;

  g_assert_true (sd_library_tag_stories (library, &picked.split, 1, "拆分", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (
      sd_library_set_status (library, picked.split, NULL, SD_STORY_STATUS_NEEDS_WORK, &error));
  g_assert_no_error (error);
  g_assert_true (sd_edit_history_split_story (history, picked.split, 2, &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, 0);

  head = fetch (library, picked.split);
  tail = fetch (library, new_id);
  g_assert_nonnull (tail);
  g_assert_true (g_str_has_prefix (story->body, head->body));
  g_assert_true (g_str_has_suffix (story->body, tail->body));
  g_assert_cmpuint (g_strv_length (head_paragraphs = g_strsplit (head->body, "\n", -1)), ==, 2);
  g_assert_cmpstr (tail->place_code, ==, story->place_code);
  g_assert_cmpint (tail->status, ==, SD_STORY_STATUS_NEEDS_WORK);
  g_assert_cmpuint (tail->tags->len, ==, 1);
  g_assert_cmpstr (tail->tags->pdata[0], ==, "拆分");
  g_assert_cmpint (tail->page_id, ==, story->page_id);
  /* where the tail starts in its page file: its paragraph found in the
   * page's text, the same on both engines (the personal library's ran
   * first), and its repairs with it */
  tail_start[GPOINTER_TO_UINT (data)] = tail->source_start;
  tail_repairs[GPOINTER_TO_UINT (data)] = tail->repairs->len + head->repairs->len * 100;
  g_assert_cmpint (tail->source_start, >, story->source_start);
  g_assert_cmpint (tail->source_start, <, story->source_end);
  if (GPOINTER_TO_UINT (data) == 1)
    {
      g_assert_cmpint (tail_start[1], ==, tail_start[0]);
      g_assert_cmpuint (tail_repairs[1], ==, tail_repairs[0]);
    }

  /* listed right after the story it was cut from */
  all = listed (library, SD_SCOPE_ALL, NULL, NULL);
  position = g_strdup_printf (" %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " ", picked.split, new_id);
  {
    g_autofree char *spaced = g_strdup_printf (" %s ", all);

    g_assert_nonnull (strstr (spaced, position));
  }

  /* the tail's words find the tail */
  end = tail->body;
  for (guint i = 0; i < 4 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  phrase = g_strdup_printf ("\"%.*s\"", (int) (end - tail->body), tail->body);
  found = listed (library, SD_SCOPE_ALL, NULL, phrase);
  g_test_message ("%s: %s", phrase, found);
  g_assert_true (lists (found, new_id));

  /* and joined on again */
  g_assert_true (sd_edit_history_merge_with_next (history, picked.split, &error));
  g_assert_no_error (error);
  whole = fetch (library, picked.split);
  g_clear_pointer (&tail, sd_story_unref);
  tail = fetch (library, new_id);
  g_assert_null (tail);
  g_assert_true (g_str_has_prefix (whole->body, head->body));
  g_assert_true (g_str_has_suffix (whole->body, paragraphs[g_strv_length (paragraphs) - 1]));
  g_free (found);
  found = listed (library, SD_SCOPE_ALL, NULL, phrase);
  g_assert_true (lists (found, picked.split));
  g_assert_false (lists (found, new_id));
}

/* Joined: the next story's text, note and tags come along, and it is gone;
 * the last story of a page has nothing to join. */
static void
test_merge (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdStory) story = fetch (library, picked.merged);
  g_autoptr (SdStory) joined = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *all = listed (library, SD_SCOPE_ALL, NULL, NULL);
  g_auto (GStrv) ids = g_strsplit (all, " ", -1);
  g_autofree char *wanted = g_strdup_printf ("%" G_GINT64_FORMAT, picked.merged);
  g_autoptr (SdStory) next = NULL;
  g_autofree char *after = NULL;
  gint64           next_id = 0;

  for (guint i = 0; ids[i] != NULL && ids[i + 1] != NULL; i++)
    if (g_str_equal (ids[i], wanted))
      next_id = g_ascii_strtoll (ids[i + 1], NULL, 10);
  next = fetch (library, next_id);
  g_assert_cmpint (next->page_id, ==, story->page_id);
  g_assert_true (sd_library_set_note_from (library, next_id, NULL, "下一篇的备注", &error));
  g_assert_true (sd_library_tag_stories (library, &next_id, 1, "合并", TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (sd_library_merge_with_next (library, picked.merged, &error));
  g_assert_no_error (error);
  joined = fetch (library, picked.merged);
  g_assert_true (g_str_has_prefix (joined->body, story->body));
  g_assert_true (g_str_has_suffix (joined->body, next->body));
  g_assert_cmpstr (joined->note, ==, "下一篇的备注");
  g_assert_true (g_ptr_array_find_with_equal_func (joined->tags, "合并", g_str_equal, NULL));
  g_clear_pointer (&next, sd_story_unref);
  next = fetch (library, next_id);
  g_assert_null (next);
  after = listed (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_false (lists (after, next_id));

  g_assert_false (sd_library_merge_with_next (library, picked.last, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID);
}

/* Deleted: out of every list, count and search, in the trash; restored:
 * back as it was.  A page's stories go and come back together. */
static void
test_trash (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdStory) story = fetch (library, picked.trashed);
  g_autoptr (SdStory) in_trash = NULL;
  g_autoptr (SdLibrarySummary) before = sd_test_read_summary (library);
  g_autoptr (SdLibrarySummary) during = NULL;
  g_autoptr (SdLibrarySummary) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *all = NULL, *trash = NULL, *searched = NULL, *back = NULL;
  g_autofree char *word = NULL;
  g_autofree char *only = g_strdup_printf ("%" G_GINT64_FORMAT, picked.trashed);
  const char      *end = story->body;
  guint            n = 0;

  for (guint i = 0; i < 2 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  word = g_strndup (story->body, end - story->body);

  g_assert_true (sd_library_trash (library, SD_TRASH_STORY, picked.trashed, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  all = listed (library, SD_SCOPE_ALL, NULL, NULL);
  trash = listed (library, SD_SCOPE_TRASH, NULL, NULL);
  searched = listed (library, SD_SCOPE_ALL, NULL, word);
  g_assert_false (lists (all, picked.trashed));
  g_assert_cmpstr (trash, ==, only);
  g_assert_false (lists (searched, picked.trashed));
  in_trash = fetch (library, picked.trashed);
  g_assert_nonnull (in_trash->trashed);
  during = sd_test_read_summary (library);
  g_assert_cmpint (during->n_trashed, ==, before->n_trashed + 1);
  if (story->place_code != NULL)
    g_assert_cmpint (count_at (during, story->place_code), ==,
                     count_at (before, story->place_code) - 1);
  /* in the trash already: nothing moves */
  g_assert_true (sd_library_trash (library, SD_TRASH_STORY, picked.trashed, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (sd_library_restore (library, SD_TRASH_STORY, picked.trashed, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  back = listed (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_true (lists (back, picked.trashed));
  after = sd_test_read_summary (library);
  g_assert_cmpint (after->n_trashed, ==, before->n_trashed);

  g_assert_false (sd_library_trash (library, SD_TRASH_STORY, 999999, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

static void
test_trash_page (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdStory) story = fetch (library, picked.page);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = listed (library, SD_SCOPE_ALL, NULL, NULL);
  g_autofree char *during = NULL, *after = NULL, *trash = NULL;
  guint            n = 0, n_back = 0;

  g_assert_true (sd_library_trash (library, SD_TRASH_PAGE, story->page_id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 2);
  during = listed (library, SD_SCOPE_ALL, NULL, NULL);
  trash = listed (library, SD_SCOPE_TRASH, NULL, NULL);
  g_assert_false (lists (during, picked.page));
  g_assert_true (lists (trash, picked.page));
  g_assert_true (sd_library_restore (library, SD_TRASH_PAGE, story->page_id, &n_back, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_back, ==, n);
  after = listed (library, SD_SCOPE_ALL, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Emptied: gone for good, from the trash too. */
static void
test_empty (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) gone = NULL;
  g_autoptr (SdLibrarySummary) summary = NULL;
  g_autofree char *trash = NULL;
  guint            n = 0;

  g_assert_true (sd_library_trash (library, SD_TRASH_STORY, picked.emptied, NULL, &error));
  g_assert_true (sd_library_empty_trash (library, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  gone = fetch (library, picked.emptied);
  g_assert_null (gone);
  trash = listed (library, SD_SCOPE_TRASH, NULL, NULL);
  g_assert_cmpstr (trash, ==, "");
  summary = sd_test_read_summary (library);
  g_assert_cmpint (summary->n_trashed, ==, 0);
}

/* A page's paper, date and number, on each of its stories; a date that is
 * none refused, naming the page's file, nothing changed. */
static void
test_page_fields (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = NULL;

  g_assert_true (
      sd_library_set_page_fields (library, picked.paged, "扬子晚报", "2023-05-06", "A07", &error));
  g_assert_no_error (error);
  story = fetch (library, picked.paged);
  g_assert_cmpstr (story->paper, ==, "扬子晚报");
  g_assert_cmpstr (story->issue_date, ==, "2023-05-06");
  g_assert_cmpstr (story->page_no, ==, "A07");
  /* NULL keeps, "" clears */
  g_assert_true (sd_library_set_page_fields (library, picked.paged, NULL, NULL, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&story, sd_story_unref);
  story = fetch (library, picked.paged);
  g_assert_cmpstr (story->paper, ==, "扬子晚报");
  g_assert_null (story->page_no);

  g_assert_false (
      sd_library_set_page_fields (library, picked.paged, NULL, "2023-13-45", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, story->source_file));
  g_clear_pointer (&story, sd_story_unref);
  story = fetch (library, picked.paged);
  g_assert_cmpstr (story->issue_date, ==, "2023-05-06");
}

/* Story @id's page text and its span there, as the page view reads them;
 * NULL with @error where the engine cannot. */
static SdStoryPage *
read_page (SdLibrary *library, gint64 id, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sd_library_read_story_page_async (library, id, NULL, sd_test_keep_result_cb, &result);
  return sd_library_read_story_page_finish (library, sd_test_await (&result), error);
}

/* The page view: the story's page as it was imported, the story's span in
 * it holding its text, the same on both engines. */
static void
test_page_text (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStoryPage) page = NULL;
  g_autoptr (SdStoryPage) mine = NULL;
  g_autoptr (SdStory) story = fetch (library, picked.last);
  g_autofree char *span = NULL;
  g_autofree char *probe = NULL;

  g_assert_true (sd_library_get_features (library) & SD_LIBRARY_CAN_PAGE_TEXT);
  page = read_page (library, picked.last, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->story_id, ==, picked.last);
  g_assert_cmpuint (strlen (page->text), >, 0);
  g_assert_cmpuint (page->start, <, page->end);
  g_assert_cmpuint (page->end, <=, strlen (page->text));
  /* the story's headline opens its span */
  g_assert_nonnull (story->headline);
  span = g_strndup (page->text + page->start, page->end - page->start);
  probe = g_utf8_substring (story->headline, 0, MIN (4, g_utf8_strlen (story->headline, -1)));
  g_assert_nonnull (strstr (span, probe));

  mine = read_page (engines[0], picked.last, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->text, ==, mine->text);
  g_assert_cmpuint (page->start, ==, mine->start);
  g_assert_cmpuint (page->end, ==, mine->end);

  /* a story the library does not have */
  g_clear_pointer (&page, sd_story_page_free);
  page = read_page (library, G_MAXINT32, &error);
  g_assert_null (page);
  g_assert_nonnull (error);
}

/* The first repair of @story that can be taken back (NULL: none). */
static const SdRepair *
first_revertible (const SdStory *story)
{
  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    {
      const SdRepair *repair = g_ptr_array_index (story->repairs, i);

      if (repair->kind != SD_REPAIR_TRUNCATED)
        return repair;
    }
  return NULL;
}

/* An OCR repair taken back: its text back in the story, found by search,
 * the repair gone; the same repair again is not there; both engines end
 * with the same text (test_same_results). */
static void
test_revert_repair (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) before = fetch (library, picked.repaired);
  g_autoptr (SdStory) after = NULL;
  g_autoptr (SdStory) mine = fetch (engines[0], picked.repaired);
  const SdRepair *repair = first_revertible (before);
  gint64          repair_id;
  guint           n_repairs;

  g_assert_nonnull (repair);
  repair_id = repair->id;
  n_repairs = before->repairs->len;
  /* the engine read the repairs the personal library has */
  if (GPOINTER_TO_UINT (data) == 1)
    g_assert_cmpuint (n_repairs, ==, mine->repairs->len + 1);
  g_assert_true (sd_library_revert_repair (library, picked.repaired, repair_id, &error));
  g_assert_no_error (error);
  after = fetch (library, picked.repaired);
  g_assert_cmpuint (after->repairs->len, ==, n_repairs - 1);
  for (guint i = 0; i < after->repairs->len; i++)
    g_assert_cmpint (((SdRepair *) after->repairs->pdata[i])->id, !=, repair_id);
  g_assert_cmpstr (after->body, !=, before->body);
  if (GPOINTER_TO_UINT (data) == 1)
    g_assert_cmpstr (after->body, ==, mine->body);
  else
    {
      /* the text put back is searched: a paragraph the story did not have */
      g_auto (GStrv) paragraphs = g_strsplit (after->body, "\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        if (strstr (before->body, paragraphs[i]) == NULL && g_utf8_strlen (paragraphs[i], -1) >= 4)
          {
            g_autofree char *term = g_utf8_substring (paragraphs[i], 0, 4);
            g_autofree char *found = listed (library, SD_SCOPE_ALL, NULL, term);

            g_assert_true (lists (found, picked.repaired));
          }
    }
  g_assert_false (sd_library_revert_repair (library, picked.repaired, repair_id, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

/* A page's corrected details are what a later import knows it by, on
 * either engine: its identity follows them. */
static void
test_page_identity (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = fetch (library, picked.paged);
  SdPageRecord record = { story->source_file, "0000",       "UTF-8", "", 0, NULL,
                          "新华日报",         "2023-06-07", "A03" };
  gboolean     known = TRUE, named = FALSE;

  g_assert_true (sd_library_check_page (library, &record, &known, &named, &error));
  g_assert_no_error (error);
  g_assert_false (named);
  g_assert_true (
      sd_library_set_page_fields (library, picked.paged, "新华日报", "2023-06-07", "A03", &error));
  g_assert_no_error (error);
  g_assert_true (sd_library_check_page (library, &record, &known, &named, &error));
  g_assert_no_error (error);
  g_assert_false (known);
  g_assert_true (named);
  /* and no longer by the details it had */
  record.page_no = "A04";
  g_assert_true (sd_library_check_page (library, &record, &known, &named, &error));
  g_assert_false (named);
}

/* Both engines, after the same corrections, hold the same stories in the
 * same order, field for field. */
static void
test_same_results (void)
{
  g_autofree char *mine = listed (engines[0], SD_SCOPE_ALL, NULL, NULL);
  g_autofree char *shared = listed (engines[1], SD_SCOPE_ALL, NULL, NULL);
  g_autofree char *mine_trash = listed (engines[0], SD_SCOPE_TRASH, NULL, NULL);
  g_autofree char *shared_trash = listed (engines[1], SD_SCOPE_TRASH, NULL, NULL);
  g_auto (GStrv) ids = g_strsplit (mine, " ", -1);

  g_assert_cmpstr (shared, ==, mine);
  g_assert_cmpstr (shared_trash, ==, mine_trash);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
      g_autoptr (SdStory) a = fetch (engines[0], id);
      g_autoptr (SdStory) b = fetch (engines[1], id);

      g_assert_cmpstr (b->headline, ==, a->headline);
      g_assert_cmpstr (b->byline, ==, a->byline);
      g_assert_cmpstr (b->body, ==, a->body);
      g_assert_cmpstr (b->note, ==, a->note);
      g_assert_cmpstr (b->place_code, ==, a->place_code);
      g_assert_cmpstr (b->paper, ==, a->paper);
      g_assert_cmpstr (b->issue_date, ==, a->issue_date);
      g_assert_cmpstr (b->page_no, ==, a->page_no);
      g_assert_cmpint (b->status, ==, a->status);
      g_assert_cmpuint (b->tags->len, ==, a->tags->len);
      for (guint t = 0; t < a->tags->len; t++)
        g_assert_cmpstr (b->tags->pdata[t], ==, a->tags->pdata[t]);
      g_assert_cmpuint (b->section_headings->len, ==, a->section_headings->len);
      /* where each stands in its page file: a split's tail found in the
       * page's text on both */
      g_assert_cmpint (b->source_start, ==, a->source_start);
      g_assert_cmpint (b->source_end, ==, a->source_end);
      g_assert_cmpuint (b->repairs->len, ==, a->repairs->len);
      for (guint r = 0; r < a->repairs->len; r++)
        {
          const SdRepair *x = a->repairs->pdata[r], *y = b->repairs->pdata[r];

          g_assert_cmpint (y->kind, ==, x->kind);
          g_assert_cmpint (y->start, ==, x->start);
          g_assert_cmpint (y->end, ==, x->end);
          g_assert_cmpstr (y->detail, ==, x->detail);
        }
    }
}

/* The stories the tests work on, from the personal library as it came. */
static void
pick (SdStore *store)
{
  g_autofree char *all = listed (SD_LIBRARY (store), SD_SCOPE_ALL, NULL, NULL);
  g_auto (GStrv) ids = g_strsplit (all, " ", -1);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 *slots[] = { &picked.split,    &picked.merged,   &picked.field,
                      &picked.moved[0], &picked.moved[1], &picked.trashed,
                      &picked.page,     &picked.emptied,  &picked.paged };

  for (guint s = 0; s < G_N_ELEMENTS (slots); s++)
    for (guint i = 0; ids[i] != NULL && ids[i + 1] != NULL && *slots[s] == 0; i++)
      {
        gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
        gint64 next = g_ascii_strtoll (ids[i + 1], NULL, 10);
        g_autoptr (SdStory) story = sd_store_get_story (store, id, NULL);
        g_autoptr (SdStory) after = sd_store_get_story (store, next, NULL);
        gboolean paged = story->page_id == after->page_id;
        g_auto (GStrv) paragraphs = g_strsplit (story->body, "\n", -1);

        /* each wants a story after it on its page (the split and the
         * merge join onto it), neither of them another's */
        if (g_hash_table_contains (used, &id) || g_hash_table_contains (used, &next) || !paged
            || (slots[s] == &picked.split && g_strv_length (paragraphs) < 4))
          continue;
        *slots[s] = id;
        g_hash_table_add (used, g_memdup2 (&id, sizeof id));
        g_hash_table_add (used, g_memdup2 (&next, sizeof next));
      }
  for (guint i = 0; ids[i] != NULL && ids[i + 1] != NULL && picked.last == 0; i++)
    {
      g_autoptr (SdStory) story =
          sd_store_get_story (store, g_ascii_strtoll (ids[i], NULL, 10), NULL);
      g_autoptr (SdStory) after =
          sd_store_get_story (store, g_ascii_strtoll (ids[i + 1], NULL, 10), NULL);

      if (story->page_id != after->page_id && !g_hash_table_contains (used, &story->id))
        picked.last = story->id;
    }
  /* a story with a repair to take back, its own only */
  for (guint i = 0; ids[i] != NULL && picked.repaired == 0; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
      g_autoptr (SdStory) story = sd_store_get_story (store, id, NULL);

      /* the seeds' pasted fragments: their text comes back as a paragraph */
      if (!g_hash_table_contains (used, &id) && id != picked.last
          && first_revertible (story) != NULL
          && first_revertible (story)->kind == SD_REPAIR_DROPPED_FRAGMENT)
        picked.repaired = id;
    }
  for (guint s = 0; s < G_N_ELEMENTS (slots); s++)
    g_assert_cmpint (*slots[s], >, 0);
  g_assert_cmpint (picked.last, >, 0);
  g_assert_cmpint (picked.repaired, >, 0);
}

static void
make_engines (const char *folder)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);
  g_autoptr (GError) error = NULL;

  pick (store);
  if (location != NULL)
    {
      g_autoptr (SdPgLibrary) owner = sd_pg_library_open (location, &error);
      guint n_copied = 0, n_skipped = 0;

      g_assert_no_error (error);
      sd_pg_library_create (owner, &error);
      g_assert_no_error (error);
      g_assert_true (sd_pg_library_copy_library (owner, store, &n_copied, &n_skipped, &error));
      g_assert_no_error (error);
      engines[1] = SD_LIBRARY (sd_pg_shared_open (location, &error));
      g_assert_no_error (error);
    }
  engines[0] = SD_LIBRARY (g_steal_pointer (&store));
}

int
main (int argc, char *argv[])
{
  static const SdTestBody bodies[] = {
    { "field", test_field },
    { "place", test_place },
    { "split-merge", test_split_merge },
    { "merge", test_merge },
    { "trash", test_trash },
    { "trash-page", test_trash_page },
    { "empty", test_empty },
    { "page-fields", test_page_fields },
    { "page-text", test_page_text },
    { "revert-repair", test_revert_repair },
    { "page-identity", test_page_identity },
  };
  g_autofree char *folder = g_dir_make_tmp ("sd-corrections-XXXXXX", NULL);
  int              status;

  sd_test_init (&argc, &argv);
  make_engines (folder);
  sd_test_add_engine_bodies ("/library/corrections", engines, bodies, G_N_ELEMENTS (bodies));
  if (engines[1] != NULL)
    g_test_add_func ("/library/corrections/compared/same-results", test_same_results);
  status = g_test_run ();
  g_clear_object (&engines[0]);
  g_clear_object (&engines[1]);
  sd_test_remove_tree (folder);
  return status;
}
