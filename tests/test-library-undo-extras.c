/* test-library-undo-extras.c — what undo gives back that no SdStory
 * carries, on each engine (issue #17): a story's corrected mark (read
 * from the engine's own rows, on a connection of the test's), the themes
 * turned down for it, and an OCR repair taken back, undone and redone
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-edit-history.h"
#include "sd-test-library.h"
#include "sd-test-util.h"
#include "test-library-undo.h"

/* Whether story @id is marked corrected (what a new version of its page
 * keeps its fields by), which no SdStory says: read from the engine's own
 * rows, on a connection of the test's. */
gboolean
corrected_of (const Engine *engine, gint64 id)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT corrected FROM %sstories WHERE id = %" G_GINT64_FORMAT,
                       engine == &engines[0] ? "" : "storydesk.", id);
  gboolean corrected = FALSE;

  if (engine == &engines[0])
    {
      sqlite3      *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open_v2 (sqlite_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                       SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      corrected = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  else
    {
      PGconn   *conn = PQconnectdb (g_getenv ("SD_TEST_PG_URL"));
      PGresult *result = PQexec (conn, sql);

      g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
      g_assert_cmpint (PQntuples (result), ==, 1);
      corrected = g_str_equal (PQgetvalue (result, 0, 0), "t");
      PQclear (result);
      PQfinish (conn);
    }
  return corrected;
}

/* Whether @theme is turned down for story @id. */
gboolean
dismissed_for (SdLibrary *library, gint64 id, const char *theme)
{
  g_autoptr (SdStoryDetails) details = sd_test_read_details (library, id);

  return details->dismissed != NULL
         && g_ptr_array_find_with_equal_func (details->dismissed, theme, g_str_equal, NULL);
}

/* Story @id's OCR repairs (id, kind, bytes) and captions, which
 * sd_test_describe_story () leaves out: the ids are each engine's own. */
static char *
repairs_of (SdLibrary *library, gint64 id)
{
  g_autoptr (SdStory) story = sd_library_get_story (library, id, NULL);
  GString *out = g_string_new ("repairs");

  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    {
      const SdRepair *repair = story->repairs->pdata[i];

      g_string_append_printf (out, " %" G_GINT64_FORMAT ":%s:%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                              repair->id, sd_repair_kind_to_string (repair->kind), repair->start,
                              repair->end);
    }
  g_string_append (out, "\ncaptions");
  for (guint i = 0; story->captions != NULL && i < story->captions->len; i++)
    g_string_append_printf (out, " %s", (char *) story->captions->pdata[i]);
  return g_string_free (out, FALSE);
}

/* The id of @story's pasted fragment, a repair whose taking back gives
 * the story a paragraph (0: none). */
gint64
fragment_of (const SdStory *story)
{
  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    if (((SdRepair *) story->repairs->pdata[i])->kind == SD_REPAIR_DROPPED_FRAGMENT)
      return ((SdRepair *) story->repairs->pdata[i])->id;
  return 0;
}

/* An OCR repair taken back, an undo step on both engines: undone, the
 * story's text and the repair (under its id) back, its corrected mark as
 * before; redone, taken back again; an undo over another editor's later
 * note refused, nothing written. */
void
test_repair (gconstpointer data)
{
  const Engine *engine = data;
  SdLibrary    *library = engine->library;
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = sd_library_get_story (library, picked.repaired, NULL);
  gint64           id = picked.repaired, repair = fragment_of (story);
  g_autofree char *before = sd_test_describe_story (library, id);
  g_autofree char *repairs = repairs_of (library, id);
  g_autofree char *taken = NULL, *taken_repairs = NULL;
  gboolean         was_corrected = corrected_of (engine, id), is_corrected;

  g_assert_cmpint (repair, >, 0);
  g_assert_true (sd_edit_history_revert_repair (history, id, repair, &error));
  g_assert_no_error (error);
  g_assert_true (sd_edit_history_can_undo (history));
  taken = sd_test_describe_story (library, id);
  taken_repairs = repairs_of (library, id);
  is_corrected = corrected_of (engine, id);
  g_assert_cmpstr (taken, !=, before);
  g_assert_cmpstr (taken_repairs, !=, repairs);

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *undone = NULL, *undone_repairs = NULL, *redone = NULL;
      g_autofree char *redone_repairs = NULL;

      sd_test_undo (history);
      undone = sd_test_describe_story (library, id);
      undone_repairs = repairs_of (library, id);
      g_assert_cmpstr (undone, ==, before);
      g_assert_cmpstr (undone_repairs, ==, repairs);
      g_assert_cmpint (corrected_of (engine, id), ==, was_corrected);
      sd_test_redo (history);
      redone = sd_test_describe_story (library, id);
      redone_repairs = repairs_of (library, id);
      g_assert_cmpstr (redone, ==, taken);
      g_assert_cmpstr (redone_repairs, ==, taken_repairs);
      g_assert_cmpint (corrected_of (engine, id), ==, is_corrected);
    }

  g_assert_true (sd_library_set_note_from (engine->other, id, NULL, "别人的批注", &error));
  g_assert_no_error (error);
  g_assert_false (sd_edit_history_undo (history, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* nothing written: the repair still taken back */
  g_free (repairs);
  repairs = repairs_of (library, id);
  g_assert_cmpstr (repairs, ==, taken_repairs);
}
