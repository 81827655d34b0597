/* test-library-exchange.c — a Storydesk JSON export imported through
 * SdLibrary into a library that holds some of its stories with other
 * notes and statuses, the same test bodies on each engine (issue #17): a
 * personal library of the seeds, and, run through tests/with-postgres.py
 * (SD_TEST_PG_URL), the shared library it is copied into
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-export.h"
#include "sd-importer.h"
#include "sd-library.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

static SdLibrary *engines[2];

/* The export: stories 0–2 of the library with editors' work of their own,
 * and two stories it does not hold. */
static char  *folder;
static char  *export_path;
static char  *uuids[5];
static gint64 won, lost, marked; /* the stories merged */

#define NEWER_NOTE "导出的新备注"
#define OLDER_NOTE "导出的旧备注"
#define OWN_NOTE "库里的备注"
#define NEW_TAG "导入标签"

static gint64
find (SdLibrary *library, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  gint64 id = sd_library_find_story (library, uuid, &error);

  g_assert_no_error (error);
  return id;
}

/* The library's own edits, then the export written from its stories with
 * other edits: one newer (it wins), one older (it loses, kept in the
 * history), one with a tag and a highlight more, two new stories. */
static void
make_export (SdStore *store)
{
  SdScope all = { .kind = SD_SCOPE_ALL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stories = sd_store_list_full_stories (store, &all, &error);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GFile) file = NULL;
  SdExportOptions options;
  SdStory        *story;
  SdHighlight    *highlight;

  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, >, 5);
  won = ((SdStory *) stories->pdata[0])->id;
  lost = ((SdStory *) stories->pdata[1])->id;
  marked = ((SdStory *) stories->pdata[2])->id;
  g_assert_true (sd_store_set_note (store, won, OWN_NOTE, &error));
  g_assert_true (sd_store_set_note (store, lost, OWN_NOTE, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      story =
          sd_store_get_story (store, ((SdStory *) stories->pdata[i < 3 ? i : i + 1])->id, &error);
      g_assert_no_error (error);
      g_ptr_array_add (out, story);
    }
  story = out->pdata[0];
  g_free (story->note), story->note = g_strdup (NEWER_NOTE);
  story->status = SD_STORY_STATUS_REVIEWED;
  g_free (story->updated), story->updated = g_strdup ("2099-01-01T00:00:00Z");
  story = out->pdata[1];
  g_free (story->note), story->note = g_strdup (OLDER_NOTE);
  g_free (story->updated), story->updated = g_strdup ("2000-01-01T00:00:00Z");
  story = out->pdata[2];
  g_ptr_array_add (story->tags, g_strdup (NEW_TAG));
  highlight = g_new0 (SdHighlight, 1);
  highlight->start = 0;
  highlight->end = 2;
  highlight->quote = g_utf8_substring (story->body, 0, 2);
  highlight->comment = g_strdup ("导入的批注");
  g_ptr_array_add (story->highlights, highlight);
  for (guint i = 3; i < 5; i++)
    {
      story = out->pdata[i];
      g_free (story->uuid), story->uuid = g_uuid_string_random ();
      g_free (story->source_file), story->source_file = g_strdup ("另一份.txt");
      g_free (story->note), story->note = g_strdup ("新稿");
    }
  for (guint i = 0; i < 5; i++)
    uuids[i] = g_strdup (((SdStory *) out->pdata[i])->uuid);

  export_path = g_build_filename (folder, "export.json", NULL);
  file = g_file_new_for_path (export_path);
  sd_export_options_init (&options, SD_EXPORT_FORMAT_JSON);
  g_assert_true (sd_export_to_file (SD_EXPORT_FORMAT_JSON, out, &options, file, NULL, &error));
  g_assert_no_error (error);
}

static SdImportResult *
import (SdLibrary *library, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdLibrary) importer = sd_library_open_for_import (library, &error);
  SdImportFile file = { (char *) path, (char *) "export.json" };

  g_assert_no_error (error);
  return sd_importer_import_page (importer, &file, NULL);
}

/* The merge rule: the newer note wins, the older is kept in the history,
 * tags and highlights join, the others are added; told to the window. */
static void
test_import (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (SdImportResult) result = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  SdTestTold            told;
  const SdHistoryEntry *entry;

  sd_test_told_start (&told, library, won);
  result = import (library, export_path);
  g_assert_no_error (result->error);
  g_assert_true (result->exchange);
  g_assert_cmpuint (result->n_added, ==, 2);
  g_assert_cmpuint (result->n_merged, ==, 3);
  g_assert_cmpuint (result->n_conflicting, ==, 2);
  /* another window of a shared library is told by NOTIFY; a personal
   * library's window reloads when its import ends */
  if (library == engines[1])
    sd_test_told_wait (&told, 0);
  sd_test_told_stop (&told);

  story = sd_library_get_story (library, won, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (story->note, ==, NEWER_NOTE);
  g_assert_cmpint (story->status, ==, SD_STORY_STATUS_REVIEWED);
  history = sd_library_list_history (library, won, &error);
  g_assert_no_error (error);
  /* the note and the status it had, both replaced */
  g_assert_cmpuint (history->len, ==, 2);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->field, ==, "note");
  g_assert_cmpstr (entry->value, ==, OWN_NOTE);
  g_assert_cmpstr (entry->reason, ==, "merge");
  entry = history->pdata[1];
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_cmpstr (entry->value, ==, "new");
  g_clear_pointer (&history, g_ptr_array_unref);
  g_clear_pointer (&story, sd_story_unref);

  story = sd_library_get_story (library, lost, &error);
  g_assert_cmpstr (story->note, ==, OWN_NOTE);
  history = sd_library_list_history (library, lost, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->value, ==, OLDER_NOTE);
  g_assert_cmpstr (entry->edited, ==, "2000-01-01T00:00:00Z");
  g_clear_pointer (&story, sd_story_unref);

  story = sd_library_get_story (library, marked, &error);
  g_assert_true (g_ptr_array_find_with_equal_func (story->tags, NEW_TAG, g_str_equal, NULL));
  g_assert_cmpuint (story->highlights->len, >=, 1);
  g_assert_cmpint (find (library, uuids[3]), >, 0);
  g_assert_cmpint (find (library, uuids[4]), >, 0);
}

/* Each story of the export as an editor sees it, and its history, the same
 * on both engines. */
static void
test_same (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];

  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    {
      gint64           mine = find (library, uuids[i]), theirs = find (engines[0], uuids[i]);
      g_autofree char *described = sd_test_describe_story (library, mine);
      g_autofree char *expected = sd_test_describe_story (engines[0], theirs);
      g_autoptr (GPtrArray) history = sd_library_list_history (library, mine, NULL);
      g_autoptr (GPtrArray) personal = sd_library_list_history (engines[0], theirs, NULL);

      g_assert_cmpstr (described, ==, expected);
      g_assert_cmpuint (history->len, ==, personal->len);
      for (guint h = 0; h < history->len; h++)
        {
          const SdHistoryEntry *a = history->pdata[h], *b = personal->pdata[h];

          g_assert_cmpstr (a->field, ==, b->field);
          g_assert_cmpstr (a->value, ==, b->value);
          g_assert_cmpstr (a->editor, ==, b->editor);
          g_assert_cmpstr (a->edited, ==, b->edited);
        }
    }
}

/* Imported again: nothing changes, no second of anything. */
static void
test_again (gconstpointer data)
{
  SdLibrary       *library = engines[GPOINTER_TO_UINT (data)];
  g_autofree char *before = sd_test_describe_story (library, marked);
  g_autoptr (SdImportResult) result = import (library, export_path);
  g_autofree char *after = sd_test_describe_story (library, marked);
  g_autoptr (GPtrArray) history = sd_library_list_history (library, won, NULL);

  g_assert_no_error (result->error);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (find (engines[0], uuids[3]), >, 0);
}

/* Bad input: refused naming the file and the reason, nothing stored lost
 * or added. */
static void
test_bad (gconstpointer data)
{
  SdLibrary       *library = engines[GPOINTER_TO_UINT (data)];
  g_autofree char *path = g_build_filename (folder, "bad.json", NULL);
  g_autofree char *before = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  g_autofree char *note_before = sd_test_describe_story (library, won);
  g_autoptr (SdImportResult) result = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note_after = NULL;

  g_assert_true (g_file_set_contents (
      path, "[{\"uuid\": \"x\", \"headline\": \"题\", \"body\": \"文\", \"tags\": [3]}]", -1,
      NULL));
  result = import (library, path);
  g_assert_nonnull (result->error);
  g_assert_nonnull (strstr (result->error->message, "bad.json"));
  g_test_message ("%s", result->error->message);
  g_assert_nonnull (strstr (result->error->message, "not a UUID"));
  after = sd_test_list_ids (library, SD_SCOPE_ALL, NULL, NULL);
  note_after = sd_test_describe_story (library, won);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (note_after, ==, note_before);
}

int
main (int argc, char *argv[])
{
  static const SdTestBody bodies[] = {
    { "import", test_import },
    { "same", test_same },
    { "again", test_again },
    { "bad", test_bad },
  };
  int status;

  sd_test_init (&argc, &argv);
  folder = g_dir_make_tmp ("sd-library-exchange-XXXXXX", NULL);
  engines[0] = SD_LIBRARY (sd_test_open_seeds_in (folder));
  make_export (SD_STORE (engines[0]));
  engines[1] = sd_test_copy_to_shared (SD_STORE (engines[0]));
  sd_test_add_engine_bodies ("/library/exchange", engines, bodies, G_N_ELEMENTS (bodies));
  status = g_test_run ();
  g_clear_object (&engines[0]);
  g_clear_object (&engines[1]);
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    g_free (uuids[i]);
  g_free (export_path);
  sd_test_remove_tree (folder);
  g_free (folder);
  return status;
}
