/* test-pg-seam.c — the window's seam, SdLibrary, answered alike by both
 * engines (issue #17, item 1): a personal library of the seeds and the
 * shared library it is copied into list, read, count and write the same
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through tests/with-postgres.py (SD_TEST_PG_URL).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sd-edit-history.h"
#include "sd-export.h"
#include "sd-library.h"
#include "sd-theme-suggester.h"
#include "sd-pg-shared.h"
#include "sd-search-terms.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

/* Both engines, made once: the seeds in a personal library, copied into
 * the shared one. */
static SdLibrary        *engines[2];
static const char *const engine_names[] = { "sqlite", "postgresql" };

static GArray *
list_sorted (SdLibrary     *library,
             const SdScope *scope,
             SdStoryOrder   order,
             gboolean       descending,
             GPtrArray    **out_rows)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryListing *listing;
  GArray         *ids;

  sd_library_list_story_ids_async (library, scope, order, descending, 5, NULL, NULL, NULL,
                                   sd_test_keep_result_cb, &result);
  listing = sd_library_list_story_ids_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  ids = g_steal_pointer (&listing->ids);
  if (out_rows != NULL)
    *out_rows = g_steal_pointer (&listing->rows);
  sd_story_listing_free (listing);
  return ids;
}

static GArray *
list_ids (SdLibrary *library, const SdScope *scope, GPtrArray **out_rows)
{
  return list_sorted (library, scope, SD_STORY_ORDER_NONE, FALSE, out_rows);
}

static SdStory *
read_story (SdLibrary *library, gint64 id)
{
  g_autoptr (SdStoryDetails) details = sd_test_read_details (library, id);

  return sd_story_ref (details->story);
}

static char *
describe (GArray *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

/* Every scope the window lists lists the same stories in the same order,
 * the first rows with them. */
static void
test_same_lists (void)
{
  const SdScope scopes[] = {
    { SD_SCOPE_ALL },
    { SD_SCOPE_UNPLACED },
    { SD_SCOPE_PLACE, .place_code = "3205" },
    { SD_SCOPE_ALL, .text = "苏州" },
    { SD_SCOPE_ALL, .text = "苏州 -吴江" },
    { SD_SCOPE_ALL, .text = "\"新就业\"" },
    { SD_SCOPE_PLACE, .place_code = "3205", .text = "党" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autoptr (GPtrArray) mine_rows = NULL;
      g_autoptr (GPtrArray) shared_rows = NULL;
      g_autoptr (GArray) mine = list_ids (engines[0], &scopes[i], &mine_rows);
      g_autoptr (GArray) shared = list_ids (engines[1], &scopes[i], &shared_rows);
      g_autofree char *mine_text = describe (mine);
      g_autofree char *shared_text = describe (shared);

      g_test_message ("scope %u: %u stories", i, mine->len);
      g_assert_cmpstr (shared_text, ==, mine_text);
      /* not a list of nothing, but for the unplaced */
      g_assert_true (mine->len > 0 || scopes[i].kind == SD_SCOPE_UNPLACED);
      g_assert_cmpuint (shared_rows->len, ==, MIN (5, mine->len));
      g_assert_cmpuint (mine_rows->len, ==, shared_rows->len);
      for (guint j = 0; j < mine_rows->len; j++)
        {
          SdStory *a = mine_rows->pdata[j], *b = shared_rows->pdata[j];

          g_assert_cmpint (a->id, ==, b->id);
          g_assert_cmpstr (a->headline, ==, b->headline);
          g_assert_cmpstr (a->place_code, ==, b->place_code);
          g_assert_cmpint (a->status, ==, b->status);
        }
    }
}

/* A search ranked best first: exactly the personal library's order on the
 * shared one (#16, #17), for a term of one, two and more characters, two
 * terms, a term left out, and within a place: the stories whose headline
 * holds every wanted term, then the others, each part newest (the highest
 * id) first. */
static void
test_ranked (void)
{
  /* each search, and the words its first part holds in the headline */
  const struct
  {
    const char *text;
    const char *words[3];
    const char *place_code;
  } searches[] = {
    { "党", { "党" } },
    { "苏州", { "苏州" } },
    { "新就业", { "新就业" } },
    { "\"乡村振兴\"", { "乡村振兴" } },
    { "基层 治理", { "基层", "治理" } },
    { "苏州 -稻作", { "苏州" } },
    { "苏州 -金鸡湖", { "苏州" } },
    { "治理", { "治理" }, "3205" },
  };

  for (guint t = 0; t < G_N_ELEMENTS (searches); t++)
    {
      SdScope scope = { searches[t].place_code != NULL ? SD_SCOPE_PLACE : SD_SCOPE_ALL,
                        searches[t].place_code, searches[t].text, .by_relevance = TRUE };
      SdScope plain = scope;
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GPtrArray) mine_rows = NULL;
      g_autoptr (GArray) shared = list_ids (engines[1], &scope, &rows);
      g_autoptr (GArray) mine = list_ids (engines[0], &scope, &mine_rows);
      g_autoptr (GArray) unranked = NULL;
      g_autofree char *shared_text = describe (shared);
      g_autofree char *mine_text = describe (mine);
      g_autofree char *unranked_text = NULL;
      guint            n_heads = 0;
      gint64           last = G_MAXINT64;

      plain.by_relevance = FALSE;
      unranked = list_ids (engines[1], &plain, NULL);
      unranked_text = describe (unranked);
      g_test_message ("%s: %s", searches[t].text, shared_text);
      g_assert_cmpstr (shared_text, ==, mine_text);
      for (guint i = 0; i < shared->len; i++)
        {
          g_autoptr (SdStory) story = read_story (engines[1], g_array_index (shared, gint64, i));
          gboolean in_head = story->headline != NULL;

          for (guint w = 0; w < G_N_ELEMENTS (searches[t].words) && searches[t].words[w]; w++)
            in_head = in_head && strstr (story->headline, searches[t].words[w]) != NULL;
          if (in_head)
            {
              /* no headline hit after a story without one */
              g_assert_cmpuint (n_heads, ==, i);
              n_heads++;
            }
          /* each part newest first: ids fall within it */
          g_assert_true (i == n_heads || story->id < last);
          last = i + 1 == n_heads ? G_MAXINT64 : story->id;
        }
      g_test_message ("%s: %u stories, %u with the words in the headline", searches[t].text,
                      shared->len, n_heads);
      /* the test means something: headline hits, and an order that is not
       * the library's */
      g_assert_cmpuint (n_heads, >, 0);
      if (shared->len > 1)
        g_assert_cmpstr (shared_text, !=, unranked_text);
      g_assert_cmpuint (rows->len, ==, mine_rows->len);
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpint (((SdStory *) rows->pdata[i])->id, ==,
                         ((SdStory *) mine_rows->pdata[i])->id);
    }
}

/* Sorted by each of the list's columns, either way: the same order, ties
 * and unknown values (last) included. */
static void
test_same_sorts (void)
{
  for (SdStoryOrder order = SD_STORY_ORDER_DATE; order <= SD_STORY_ORDER_STATUS; order++)
    for (int descending = 0; descending < 2; descending++)
      {
        const SdScope all = { SD_SCOPE_ALL };
        g_autoptr (GArray) mine = list_sorted (engines[0], &all, order, descending, NULL);
        g_autoptr (GArray) shared = list_sorted (engines[1], &all, order, descending, NULL);
        g_autoptr (GArray) plain = list_ids (engines[0], &all, NULL);
        g_autofree char *mine_text = describe (mine);
        g_autofree char *shared_text = describe (shared);
        g_autofree char *plain_text = describe (plain);

        g_assert_cmpstr (shared_text, ==, mine_text);
        /* not the library's order: the sort did something */
        g_assert_cmpstr (mine_text, !=, plain_text);
      }
}

/* A story read whole, the tree's counts and the tags: the same. */
static void
test_same_reads (void)
{
  g_autoptr (GArray) ids = list_ids (engines[0], &(SdScope){ SD_SCOPE_ALL }, NULL);
  g_autoptr (SdLibrarySummary) mine = sd_test_read_summary (engines[0]);
  g_autoptr (SdLibrarySummary) shared = sd_test_read_summary (engines[1]);
  GHashTableIter iter;
  gpointer       code, count;
  guint          n_suggested = 0;

  for (guint i = 0; i < ids->len; i += 7)
    {
      g_autoptr (SdStoryDetails) first =
          sd_test_read_details (engines[0], g_array_index (ids, gint64, i));
      g_autoptr (SdStoryDetails) second =
          sd_test_read_details (engines[1], g_array_index (ids, gint64, i));
      SdStory *a = first->story, *b = second->story;

      /* the panel suggests the same themes on either engine */
      g_assert_cmpuint (first->suggestions->len, ==, second->suggestions->len);
      for (guint k = 0; k < first->suggestions->len; k++)
        {
          SdThemeSuggestion *x = g_ptr_array_index (first->suggestions, k);
          SdThemeSuggestion *y = g_ptr_array_index (second->suggestions, k);

          g_assert_cmpstr (x->theme, ==, y->theme);
          g_assert_cmpfloat_with_epsilon (x->score, y->score, 1e-9);
          n_suggested++;
        }

      g_assert_cmpstr (a->uuid, ==, b->uuid);
      g_assert_cmpstr (a->headline, ==, b->headline);
      g_assert_cmpstr (a->body, ==, b->body);
      g_assert_cmpstr (a->note, ==, b->note);
      g_assert_cmpuint (a->tags->len, ==, b->tags->len);
    }
  g_assert_cmpuint (n_suggested, >, 0);
  g_assert_cmpuint (g_hash_table_size (mine->counts), >, 3);
  g_assert_cmpuint (g_hash_table_size (mine->counts), ==, g_hash_table_size (shared->counts));
  g_hash_table_iter_init (&iter, mine->counts);
  while (g_hash_table_iter_next (&iter, &code, &count))
    {
      gint64 *theirs = g_hash_table_lookup (shared->counts, code);

      g_assert_nonnull (theirs);
      g_assert_cmpint (*theirs, ==, *(gint64 *) count);
    }
  g_assert_cmpuint (mine->tags->len, ==, shared->tags->len);
  /* the tree's 日期: the same days with the same counts */
  g_assert_cmpuint (g_hash_table_size (mine->dates), ==, 2);
  g_assert_cmpuint (g_hash_table_size (mine->dates), ==, g_hash_table_size (shared->dates));
  g_hash_table_iter_init (&iter, mine->dates);
  while (g_hash_table_iter_next (&iter, &code, &count))
    {
      gint64 *theirs = g_hash_table_lookup (shared->dates, code);

      g_assert_nonnull (theirs);
      g_assert_cmpint (*theirs, ==, *(gint64 *) count);
    }
}

static void
count_progress_cb (guint done, guint total, gpointer user_data)
{
  guint *last = user_data;

  *last = done;
}

/* Writes @scope's stories as @format from @library's worker, as the
 * window's export does (sd_export_to_file_async () through either
 * engine's reader); the file's bytes. */
static GBytes *
export_scope (SdLibrary *library, const SdScope *scope, SdExportFormat format, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint   n_stories = 0, done = G_MAXUINT;
  GBytes *bytes;

  SdExportReader reader;

  if (SD_IS_STORE (library))
    g_assert_true (sd_export_reader_init_for_store (&reader, SD_STORE (library), &error));
  else
    sd_pg_shared_init_export_reader (SD_PG_SHARED (library), &reader);
  g_assert_no_error (error);
  sd_export_to_file_async (&reader, scope, format, NULL, file, NULL, count_progress_cb, &done, NULL,
                           sd_test_keep_result_cb, &result);
  g_assert_true (sd_export_to_file_finish (sd_test_await (&result), &n_stories, &error));
  g_assert_no_error (error);
  /* the last report said every story was written */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (done, ==, n_stories);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return bytes;
}

/* An HTML export says the minute it was made: two made either side of a
 * minute's turn differ only there. */
static GBytes *
without_minute (GBytes *bytes, SdExportFormat format)
{
  g_autoptr (GRegex) minute = NULL;
  char *text;

  if (format != SD_EXPORT_FORMAT_HTML)
    return g_bytes_ref (bytes);
  minute = g_regex_new ("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", 0, 0, NULL);
  text = g_regex_replace_literal (minute, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  0, "(minute)", 0, NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* The window's export, in a worker: the same bytes from both engines for
 * each text format, of a search, a place, the unplaced and a selection
 * (those of it the scope lists, in the library's order); the documents
 * written whole from the shared library. */
static void
test_same_exports (gconstpointer data)
{
  const char   *folder = data;
  const gint64  selected[] = { 30, 12, 20, 1, 25 };
  const SdScope scopes[] = {
    { SD_SCOPE_ALL, .text = "苏州", .by_relevance = TRUE },
    { SD_SCOPE_PLACE, .place_code = "3205" },
    { SD_SCOPE_UNPLACED },
    { SD_SCOPE_PLACE, .place_code = "3205", .ids = selected, .n_ids = G_N_ELEMENTS (selected) },
  };
  const SdExportFormat formats[] = { SD_EXPORT_FORMAT_JSON, SD_EXPORT_FORMAT_CSV,
                                     SD_EXPORT_FORMAT_MARKDOWN, SD_EXPORT_FORMAT_HTML,
                                     SD_EXPORT_FORMAT_W3C };
  const SdExportFormat documents[] = { SD_EXPORT_FORMAT_PDF, SD_EXPORT_FORMAT_DOCX,
                                       SD_EXPORT_FORMAT_XLSX };
  g_autofree char     *mine_path = g_build_filename (folder, "mine.out", NULL);
  g_autofree char     *shared_path = g_build_filename (folder, "shared.out", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr (GBytes) mine = export_scope (engines[0], &scopes[i], formats[f], mine_path);
        g_autoptr (GBytes) shared = export_scope (engines[1], &scopes[i], formats[f], shared_path);
        g_autoptr (GBytes) mine_seen = without_minute (mine, formats[f]);
        g_autoptr (GBytes) shared_seen = without_minute (shared, formats[f]);

        g_test_message ("scope %u as %s: %zu bytes", i, sd_export_format_to_string (formats[f]),
                        g_bytes_get_size (mine));
        g_assert_cmpuint (g_bytes_get_size (mine), >, 0);
        g_assert_true (g_bytes_equal (mine_seen, shared_seen));
      }
  /* the documents, which say when they were made: written, whole */
  for (guint f = 0; f < G_N_ELEMENTS (documents); f++)
    {
      const char *magic = documents[f] == SD_EXPORT_FORMAT_PDF ? "%PDF-" : "PK\x03\x04";
      g_autoptr (GBytes) shared = export_scope (engines[1], &scopes[1], documents[f], shared_path);

      g_test_message ("a place as %s: %zu bytes", sd_export_format_to_string (documents[f]),
                      g_bytes_get_size (shared));
      g_assert_cmpuint (g_bytes_get_size (shared), >, 1000);
      g_assert_cmpmem (g_bytes_get_data (shared, NULL), strlen (magic), magic, strlen (magic));
    }
}

static gboolean
has_tag (SdStory *story, const char *tag)
{
  for (guint i = 0; i < story->tags->len; i++)
    if (g_str_equal (story->tags->pdata[i], tag))
      return TRUE;
  return FALSE;
}

/* The three writes, and "story-changed" after each: a tag on and off, a
 * note over the one the editor began from (refused over another), a
 * status. */
static void
test_writes (gconstpointer data)
{
  SdLibrary *library = engines[GPOINTER_TO_UINT (data)];
  g_autoptr (GArray) ids = list_ids (library, &(SdScope){ SD_SCOPE_ALL }, NULL);
  SdTestTold told;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) before = read_story (library, g_array_index (ids, gint64, 3));
  SdStory *after;
  guint    n_told;
  gboolean status_ok;

  sd_test_told_start (&told, library, before->id);
  g_assert_true (sd_library_is_online (library));
  g_assert_true (sd_library_tag_stories (library, &told.id, 1, "缝合", TRUE, &error));
  g_assert_no_error (error);
  sd_test_told_wait (&told, 0);
  after = read_story (library, told.id);
  g_assert_true (has_tag (after, "缝合"));
  sd_story_unref (after);
  n_told = told.n_told;
  g_assert_true (sd_library_tag_stories (library, &told.id, 1, "缝合", FALSE, &error));
  sd_test_told_wait (&told, n_told);
  after = read_story (library, told.id);
  g_assert_false (has_tag (after, "缝合"));
  sd_story_unref (after);

  /* over the note the editor began from */
  n_told = told.n_told;
  g_assert_true (
      sd_library_set_note_from (library, told.id, before->note ? before->note : "", "甲", &error));
  g_assert_no_error (error);
  sd_test_told_wait (&told, n_told);
  /* over another: refused, nothing written */
  g_assert_false (sd_library_set_note_from (library, told.id, "不是这条", "乙", &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  after = read_story (library, told.id);
  g_assert_cmpstr (after->note, ==, "甲");
  sd_story_unref (after);

  n_told = told.n_told;
  g_assert_true (sd_library_set_status (library, told.id, &before->status,
                                        SD_STORY_STATUS_NEEDS_WORK, &error));
  g_assert_no_error (error);
  sd_test_told_wait (&told, n_told);
  after = read_story (library, told.id);
  g_assert_cmpint (after->status, ==, SD_STORY_STATUS_NEEDS_WORK);
  sd_story_unref (after);
  /* over a status the story no longer has: a shared library refuses, naming
   * both (a personal one writes it, as its edit history always did) */
  status_ok =
      sd_library_set_status (library, told.id, &before->status, SD_STORY_STATUS_REJECTED, &error);
  after = read_story (library, told.id);
  if (library == engines[1])
    {
      g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED);
      g_assert_nonnull (strstr (error->message, sd_story_status_to_label (after->status)));
      g_assert_false (status_ok);
      g_assert_cmpint (after->status, ==, SD_STORY_STATUS_NEEDS_WORK);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpint (after->status, ==, SD_STORY_STATUS_REJECTED);
    }
  g_clear_error (&error);
  sd_story_unref (after);
  sd_test_told_stop (&told);
}

/* The edit history on each: a tag is an undo step on both; a repair the
 * story lacks is refused on both. */
static void
test_history (gconstpointer data)
{
  guint      engine = GPOINTER_TO_UINT (data);
  SdLibrary *library = engines[engine];
  g_autoptr (SdEditHistory) history = sd_edit_history_new_for_library (library);
  g_autoptr (GArray) ids = list_ids (library, &(SdScope){ SD_SCOPE_ALL }, NULL);
  gint64 id = g_array_index (ids, gint64, 5);
  g_autoptr (GError) error = NULL;
  gboolean placed;

  g_assert_true (sd_edit_history_add_tag (history, &id, 1, "历史", &error));
  g_assert_no_error (error);
  g_assert_true (sd_edit_history_can_undo (history));
  /* a place move is written on both (the shared library's admin may); on
   * the shared one it keeps no undo step, so undo still takes the tag back */
  placed = sd_edit_history_set_place (history, id, "320571", &error);
  g_assert_no_error (error);
  g_assert_true (placed);
  g_assert_true (sd_edit_history_can_undo (history));
  if (engine == 0)
    g_assert_cmpint (sd_library_get_features (library), ==, SD_LIBRARY_CAN_EVERYTHING);
  else
    g_assert_cmpint (sd_library_get_features (library) & SD_LIBRARY_CAN_UNDO, !=, 0);
  /* an OCR repair taken back goes to either engine (library-corrections
   * takes one back); one the story does not have is said so on both */
  g_assert_false (sd_edit_history_revert_repair (history, id, G_MAXINT32, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

static void
make_engines (const char *folder)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) admin = NULL;
  guint n_copied = 0, n_skipped = 0;

  if (location == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  /* what the list's columns sort by, unknown in part: statuses, and the
   * paper, date and page of two pages */
  for (gint64 id = 1; id <= 30; id++)
    if (id % 3 == 0 || id % 7 == 0)
      g_assert_true (sd_store_set_status (
          store, id, id % 3 == 0 ? SD_STORY_STATUS_REVIEWED : SD_STORY_STATUS_REJECTED, &error));
  g_assert_true (sd_store_set_page_fields (store, 20, "苏州日报", "2022-11-03", "A05", &error));
  g_assert_true (sd_store_set_page_fields (store, 30, "新华日报", "2021-01-02", "B01", &error));
  g_assert_no_error (error);
  /* highlights, which the W3C export carries, copied with their editor and
   * time */
  for (gint64 id = 1; id <= 30; id += 4)
    g_assert_true (
        sd_store_add_highlight (store, id, 1, 5, id % 8 == 1 ? "批注" : NULL, NULL, &error));
  g_assert_no_error (error);
  admin = sd_pg_library_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (admin, &error));
  g_assert_true (sd_pg_library_copy_library (admin, store, &n_copied, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_copied, >, 20);
  engines[0] = SD_LIBRARY (g_steal_pointer (&store));
  engines[1] = SD_LIBRARY (sd_pg_shared_open (location, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_autofree char *folder = g_dir_make_tmp ("sd-pg-seam-XXXXXX", NULL);
  int              status;

  sd_test_init (&argc, &argv);
  make_engines (folder);

  g_test_add_func ("/pg/seam/same-lists", test_same_lists);
  g_test_add_func ("/pg/seam/same-sorts", test_same_sorts);
  g_test_add_func ("/pg/seam/ranked", test_ranked);
  g_test_add_func ("/pg/seam/same-reads", test_same_reads);
  g_test_add_data_func ("/pg/seam/same-exports", folder, test_same_exports);
  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autofree char *writes = g_strdup_printf ("/pg/seam/%s/writes", engine_names[i]);
      g_autofree char *history = g_strdup_printf ("/pg/seam/%s/history", engine_names[i]);

      g_test_add_data_func (writes, GUINT_TO_POINTER (i), test_writes);
      g_test_add_data_func (history, GUINT_TO_POINTER (i), test_history);
    }
  status = g_test_run ();
  g_clear_object (&engines[0]);
  g_clear_object (&engines[1]);
  sd_test_remove_tree (folder);
  return status;
}
