/* test-exchange.c — a JSON export imported into a library that holds its
 * stories merges by identity instead of doubling them (#13, defect 7)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-export.h"
#include "sd-importer.h"
#include "sd-json-import.h"
#include "sd-test-util.h"

typedef SdTestLibrary Fixture;

static GPtrArray *
list_all (SdStore *store)
{
  SdScope all = { SD_SCOPE_ALL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  GPtrArray *stories = sd_store_list_full_stories (store, &all, &error);

  g_assert_no_error (error);
  return stories;
}

/* Library A: the bundled pages, with some editors' work on them. */
static void
fill_library (SdStore *store)
{
  const char *const paths[] = { SD_SEEDS_DIR, NULL };
  g_autoptr (GPtrArray) files = sd_importer_collect_files (paths, NULL);
  g_autoptr (GPtrArray) stories = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (SdImportResult) result =
          sd_importer_import_file (store, g_ptr_array_index (files, i));
      g_assert_no_error (result->error);
    }
  stories = list_all (store);
  g_assert_cmpuint (stories->len, >=, 30);
  for (guint i = 0; i < 6; i++)
    {
      gint64 id = ((SdStory *) g_ptr_array_index (stories, i))->id;

      g_assert_true (sd_store_add_tag (store, id, "党建", NULL));
      g_assert_true (sd_store_set_note (store, id, "核对人名", NULL));
      g_assert_true (sd_store_set_status (store, id, SD_STORY_STATUS_REVIEWED, NULL));
      g_assert_true (sd_store_add_highlight (store, id, 0, 2, "看", NULL, NULL));
    }
}

/* Writes the whole library as JSON to @name; returns its path. */
static char *
export_library (SdStore *store, const char *name)
{
  g_autofree char *path = sd_test_build_filename (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) stories = list_all (store);
  g_autoptr (GError) error = NULL;
  SdExportOptions options;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_JSON);
  g_assert_true (sd_export_to_file (SD_EXPORT_FORMAT_JSON, stories, &options, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Library A filled and exported to "a.json": returns the export's path,
 * sets @out_n to its story count. */
static char *
fill_and_export (SdStore *store, gint64 *out_n)
{
  fill_library (store);
  *out_n = sd_store_count_stories (store, NULL);
  return export_library (store, "a.json");
}

static SdImportResult *
import_export (SdStore *store, const char *path)
{
  SdImportResult *result = sd_json_import_file (store, path);

  g_assert_no_error (result->error);
  g_assert_true (result->exchange);
  g_assert_false (result->known);
  return result;
}

static void
run_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Back into the library it came from: nothing at all changes. */
static void
test_into_itself (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (SdImportResult) result = NULL;
  gint64 n;

  path = fill_and_export (fixture->store, &n);
  before = sd_test_dump_library (fixture->path);

  result = import_export (fixture->store, path);
  g_assert_cmpuint (result->n_stories, ==, n);
  g_assert_cmpuint (result->n_merged, ==, n);
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_conflicting, ==, 0);
  after = sd_test_dump_library (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

/* Story @id's history holds just the note @note (none when NULL), written
 * at @edited (any time when NULL). */
static void
assert_history (SdStore *store, gint64 id, const char *note, const char *edited)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = sd_store_list_history (store, id, &error);
  SdHistoryEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, note != NULL ? 1 : 0);
  if (note == NULL)
    return;
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->field, ==, "note");
  g_assert_cmpstr (entry->value, ==, note);
  g_assert_cmpstr (entry->reason, ==, "merge");
  g_assert_nonnull (entry->replaced);
  if (edited != NULL)
    g_assert_cmpstr (entry->edited, ==, edited);
  else
    g_assert_nonnull (entry->edited);
}

static SdStory *
find_uuid (GPtrArray *stories, const char *uuid)
{
  for (guint i = 0; i < stories->len; i++)
    if (g_strcmp0 (((SdStory *) g_ptr_array_index (stories, i))->uuid, uuid) == 0)
      return g_ptr_array_index (stories, i);
  return NULL;
}

/* Into a copy of the library edited since: tags and highlights are joined,
 * the newer note and status win, and the stories are not doubled. */
static void
test_into_edited_copy (Fixture *fixture, gconstpointer data)
{
  g_autofree char *copy_path = sd_test_build_filename ("copy.db");
  g_autofree char *vacuum = g_strdup_printf ("VACUUM INTO '%s'", copy_path);
  g_autofree char *path = NULL;
  g_autoptr (SdStore) copy = NULL;
  g_autoptr (GPtrArray) original = NULL;
  g_autoptr (GPtrArray) merged = NULL;
  g_autoptr (SdImportResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdStory *a, *b, *c, *d;
  gint64   n;

  path = fill_and_export (fixture->store, &n);
  original = list_all (fixture->store);
  run_sql (fixture->path, vacuum);

  /* In the copy, story 0 gets another tag, story 1 a later note of its
   * own, story 2 an earlier one (the export's is newer), story 3 loses its
   * highlight and tag. */
  copy = sd_store_open (copy_path, &error);
  g_assert_no_error (error);
  a = original->pdata[0], b = original->pdata[1], c = original->pdata[2], d = original->pdata[3];
  g_assert_true (sd_store_add_tag (copy, a->id, "民生", NULL));
  g_assert_true (sd_store_set_note (copy, b->id, "副本的批注", NULL));
  g_assert_true (sd_store_set_note (copy, c->id, "副本更早的批注", NULL));
  g_assert_true (sd_store_remove_tag (copy, d->id, "党建", NULL));
  g_clear_object (&copy);
  {
    g_autofree char *sql = g_strdup_printf (
        "UPDATE stories SET updated = '2099-01-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT ";"
        "UPDATE stories SET updated = '2000-01-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT ";"
        "DELETE FROM highlights WHERE story_id = %" G_GINT64_FORMAT,
        b->id, c->id, d->id);
    run_sql (copy_path, sql);
  }
  copy = sd_store_open (copy_path, &error);
  g_assert_no_error (error);

  result = import_export (copy, path);
  g_assert_cmpuint (result->n_merged, ==, n);
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpuint (result->n_conflicting, ==, 2); /* the two notes */
  g_assert_cmpint (sd_store_count_stories (copy, NULL), ==, n);

  merged = list_all (copy);
  a = find_uuid (merged, a->uuid), b = find_uuid (merged, b->uuid);
  c = find_uuid (merged, c->uuid), d = find_uuid (merged, d->uuid);
  g_assert_cmpuint (a->tags->len, ==, 2);
  g_assert_cmpstr (b->note, ==, "副本的批注");
  g_assert_cmpstr (c->note, ==, "核对人名");
  g_assert_cmpuint (d->tags->len, ==, 1);
  g_assert_cmpuint (d->highlights->len, ==, 1);
  g_assert_cmpuint (a->highlights->len, ==, 1);

  /* The edit that lost is kept in the story's history: the export's older
   * note of b, the copy's older note of c; a second import keeps no more. */
  assert_history (copy, b->id, "核对人名", NULL);
  assert_history (copy, c->id, "副本更早的批注", "2000-01-01T00:00:00Z");
  assert_history (copy, a->id, NULL, NULL);
  /* another export of A (one more tag somewhere), imported again */
  g_assert_true (
      sd_store_add_tag (fixture->store, ((SdStory *) original->pdata[9])->id, "另一个", NULL));
  {
    g_autofree char *second_path = export_library (fixture->store, "a2.json");
    g_autoptr (SdImportResult) second = import_export (copy, second_path);

    g_assert_cmpuint (second->n_conflicting, ==, 1); /* b: c took the export's note */
  }
  assert_history (copy, b->id, "核对人名", NULL);
  assert_history (copy, c->id, "副本更早的批注", "2000-01-01T00:00:00Z");
}

/* Into an empty library: the same stories, each with its uuid. */
static void
test_into_empty (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStore) empty = sd_test_open_library_at ("empty/library.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (SdImportResult) result = NULL;
  gint64 n;

  path = fill_and_export (fixture->store, &n);
  result = import_export (empty, path);
  g_assert_cmpuint (result->n_added, ==, n);
  g_assert_cmpuint (result->n_merged, ==, 0);
  g_assert_cmpuint (result->n_conflicting, ==, 0);

  again = export_library (empty, "b.json");
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (second, ==, first);
}

/* Story @id of @store has @n highlights, each on the characters it quotes;
 * returns its body. */
static char *
assert_highlights_hold (SdStore *store, gint64 id, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = sd_store_get_story (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (story->highlights->len, ==, n);
  for (guint i = 0; i < story->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      g_autofree char   *marked = g_utf8_substring (story->body, highlight->start, highlight->end);

      g_assert_cmpstr (marked, ==, highlight->quote);
    }
  return g_strdup (story->body);
}

/* @path with story @uuid's body set to @body, written to @name. */
static char *
rewrite_body (const char *path, const char *uuid, const char *body, const char *name)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = sd_test_build_filename (name);
  JsonArray       *stories;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  stories = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (stories); i++)
    {
      JsonObject *story = json_array_get_object_element (stories, i);

      if (g_strcmp0 (json_object_get_string_member (story, "uuid"), uuid) == 0)
        json_object_set_string_member (story, "body", body);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, out, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* A library stored before bodies held their section heads (its story's
 * body has none) and one since exchange highlights made past a head: each
 * lands on the same characters in the other's body. */
static void
test_heads_in_one_body (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStore) old = sd_test_open_library_at ("old/library.db", NULL);
  g_autofree char *new_json = NULL, *old_json = NULL, *body = NULL;
  g_autoptr (SdImportResult) filled = NULL, into_old = NULL, into_new = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GString) prose = g_string_new (NULL);
  g_autoptr (SdStory) story = NULL;
  g_auto (GStrv) lines = NULL;
  const char *head;
  gint64      start;

  fill_library (fixture->store);
  stories = list_all (fixture->store);
  for (guint i = 0; i < stories->len && story == NULL; i++)
    if (((SdStory *) g_ptr_array_index (stories, i))->section_headings->len > 0)
      story = sd_story_ref (g_ptr_array_index (stories, i));
  g_assert_nonnull (story);
  /* the old library: the same stories, this one's body its lines but its heads */
  lines = g_strsplit (story->body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!sd_story_is_section_heading (story, lines[i]))
      g_string_append_printf (prose, "%s%s", prose->len > 0 ? "\n" : "", lines[i]);
  g_assert_cmpuint (prose->len, <, strlen (story->body));
  new_json = export_library (fixture->store, "new.json");
  old_json = rewrite_body (new_json, story->uuid, prose->str, "old.json");
  filled = import_export (old, old_json);
  g_assert_cmpuint (filled->n_added, ==, stories->len);
  g_clear_pointer (&new_json, g_free);
  g_clear_pointer (&old_json, g_free);

  /* new → old: a highlight on the paragraph under the first head */
  head = strstr (story->body, g_ptr_array_index (story->section_headings, 0));
  start = g_utf8_pointer_to_offset (story->body, strchr (head, '\n') + 1);
  g_assert_true (
      sd_store_add_highlight (fixture->store, story->id, start, start + 4, "新", NULL, NULL));
  new_json = export_library (fixture->store, "new.json");
  into_old = import_export (old, new_json);
  body = assert_highlights_hold (old, story->id, 2); /* fill_library's and this */
  g_assert_cmpstr (body, ==, prose->str);

  /* old → new: one on the old body's last characters */
  start = g_utf8_strlen (prose->str, -1) - 3;
  g_assert_true (sd_store_add_highlight (old, story->id, start, start + 3, "旧", NULL, NULL));
  old_json = export_library (old, "old.json");
  into_new = import_export (fixture->store, old_json);
  g_free (body);
  body = assert_highlights_hold (fixture->store, story->id, 3);
  g_assert_cmpstr (body, ==, story->body);
}

/* A story of 100,000 tags (#14: 45.8 s, quadratic in them) goes out and
 * back in with every tag in its order, and merges into itself; no time is
 * checked here (the benchmark's json.import-tags does). */
#define MANY_TAGS 100000

static void
test_many_tags (Fixture *fixture, gconstpointer data)
{
  g_autoptr (SdStore) copy = sd_test_open_library_at ("copy/library.db", NULL);
  g_autoptr (SdImportResult) added = NULL, merged = NULL;
  g_autoptr (GPtrArray) stories = NULL, copied = NULL;
  g_autofree char *path = NULL, *sql = NULL;
  const SdStory   *story, *back;

  fill_library (fixture->store);
  /* the names' order is the reverse of the tags' ids: the order kept is
   * the library's, not the alphabet's */
  sql = g_strdup_printf (
      "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
      "INSERT INTO tags (name) SELECT printf ('标签%%06d', %d - i) FROM n;"
      "INSERT INTO story_tags (story_id, tag_id, added) SELECT (SELECT min (id) FROM stories), "
      "id, '2026-01-01T00:00:00Z' FROM tags WHERE name LIKE '标签%%';",
      MANY_TAGS, MANY_TAGS);
  run_sql (fixture->path, sql);
  stories = list_all (fixture->store);
  story = g_ptr_array_index (stories, 0);
  g_assert_cmpuint (story->tags->len, ==, MANY_TAGS + 1);
  path = export_library (fixture->store, "a.json");

  added = import_export (copy, path);
  g_assert_cmpuint (added->n_added, ==, stories->len);
  copied = list_all (copy);
  back = g_ptr_array_index (copied, 0);
  g_assert_cmpstr (back->uuid, ==, story->uuid);
  g_assert_cmpuint (back->tags->len, ==, story->tags->len);
  for (guint i = 0; i < story->tags->len; i++)
    g_assert_cmpstr (g_ptr_array_index (back->tags, i), ==, g_ptr_array_index (story->tags, i));

  merged = import_export (fixture->store, path);
  g_assert_cmpuint (merged->n_merged, ==, stories->len);
  g_assert_cmpuint (merged->n_added, ==, 0);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/exchange/into-itself", NULL, test_into_itself);
  SD_TEST_ADD_WITH_LIBRARY ("/exchange/into-edited-copy", NULL, test_into_edited_copy);
  SD_TEST_ADD_WITH_LIBRARY ("/exchange/into-empty", NULL, test_into_empty);
  SD_TEST_ADD_WITH_LIBRARY ("/exchange/many-tags", NULL, test_many_tags);
  SD_TEST_ADD_WITH_LIBRARY ("/exchange/heads-in-one-body", NULL, test_heads_in_one_body);

  return g_test_run ();
}
