/* test-pg-roles.c — who may do what in a shared library is the server's
 * to enforce (issue #17, item 5): an editor cannot set 已审 or delete, not
 * even with hand-written SQL through libpq; every write carries its role
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "sd-pg-corrections.h"
#include "sd-library.h"
#include "sd-pg-library.h"
#include "sd-pg-shared.h"

/* SD_TEST_PG_URL, logged in as @person instead. */
static char *
location_as (const char *person)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  const char *user;

  if (location == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  user = strstr (location, "user=");
  g_assert_nonnull (user);
  return g_strdup_printf ("%.*suser=%s", (int) (user - location), location, person);
}

static SdPgLibrary *
open_as (const char *person)
{
  g_autofree char *location = location_as (person);
  g_autoptr (GError) error = NULL;
  SdPgLibrary *library = sd_pg_library_open (location, &error);

  g_assert_no_error (error);
  return library;
}

/* Hand-written SQL as @person fails with the SQLSTATE @expected, or
 * succeeds when it is "" (and changes @rows rows). */
static void
assert_sql (const char *person, const char *sql, int rows, const char *expected)
{
  g_autofree char *location = location_as (person);
  g_autofree char *state = NULL;
  PGconn          *conn = PQconnectdb (location);
  PGresult        *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    {
      g_autofree char *n = g_strdup_printf ("%d", rows);

      g_assert_cmpstr (PQcmdTuples (result), ==, n);
      state = g_strdup ("");
    }
  else
    state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  PQclear (result);
  PQfinish (conn);
  if (g_strcmp0 (state, expected) != 0)
    g_error ("%s as %s: SQLSTATE '%s', expected '%s'", sql, person, state, expected);
}

static void
put (SdPgLibrary *library, gint64 id, const char *headline)
{
  g_autoptr (SdStory) story = sd_story_new ();
  g_autoptr (GError) error = NULL;

  story->id = id;
  story->kind = SD_STORY_KIND_NEWS;
  story->headline = g_strdup (headline);
  story->body = g_strdup ("本报讯 全市新就业形态劳动者党建工作推进会召开。");
  g_assert_true (sd_pg_library_put_story (library, story, &error));
  g_assert_no_error (error);
}

static void
test_roles (void)
{
  g_autoptr (SdPgLibrary) owner = open_as ("storydesk");
  g_autoptr (SdPgLibrary) editor = NULL;
  g_autoptr (SdPgLibrary) reviewer = NULL;
  g_autoptr (SdPgLibrary) admin = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const denied = "42501"; /* insufficient_privilege */

  g_assert_true (sd_pg_library_create (owner, &error));
  g_assert_no_error (error);
  /* made twice: a library that has it all already is left as it is */
  g_assert_true (sd_pg_library_create (owner, &error));
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_add_person (owner, "小王", SD_PG_ROLE_EDITOR, &error));
  g_assert_true (sd_pg_library_add_person (owner, "reviewer li", SD_PG_ROLE_REVIEWER, &error));
  g_assert_true (sd_pg_library_add_person (owner, "admin", SD_PG_ROLE_EDITOR, &error));
  /* a person's role changed: only the new one holds */
  g_assert_true (sd_pg_library_add_person (owner, "admin", SD_PG_ROLE_ADMIN, &error));
  g_assert_no_error (error);

  admin = open_as ("admin");
  put (admin, 1, "党建引领");
  put (admin, 2, "新业态");
  editor = open_as ("小王");
  reviewer = open_as ("reviewer%20li");

  /* the editor: notes and statuses short of 已审/不用, recorded as theirs */
  g_assert_true (sd_pg_library_set_note (editor, 1, "待核实", &error));
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_set_status (editor, 1, SD_STORY_STATUS_NEEDS_WORK, &error));
  g_assert_no_error (error);
  g_assert_false (sd_pg_library_set_status (editor, 1, SD_STORY_STATUS_REVIEWED, &error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sd_pg_library_set_status (editor, 2, SD_STORY_STATUS_REJECTED, &error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED);
  g_clear_error (&error);

  /* the same through hand-written SQL */
  assert_sql ("小王", "UPDATE storydesk.stories SET status = 'reviewed'", 0, denied);
  assert_sql ("小王", "DELETE FROM storydesk.stories WHERE id = 2", 0, denied);
  assert_sql ("小王", "UPDATE storydesk.stories SET headline = 'x' WHERE id = 2", 0, denied);
  assert_sql ("小王", "UPDATE storydesk.stories SET editor = 'admin'", 0, denied);
  assert_sql ("小王",
              "INSERT INTO storydesk.stories (id, kind, body)"
              " VALUES (3, 'news', 'x')",
              0, denied);
  assert_sql ("小王", "ALTER TABLE storydesk.stories DISABLE ROW LEVEL SECURITY", 0, denied);
  assert_sql ("小王", "SET ROLE storydesk_admin", 0, denied);
  /* a copy's session keeps the editor and time it brings: an admin's only */
  assert_sql ("小王",
              "SET storydesk.copying = 'on';"
              "INSERT INTO storydesk.stories (id, kind, body, editor) VALUES (3, 'news', 'x', 'a')",
              0, denied);
  assert_sql ("小王", "INSERT INTO storydesk.pages (identity, source_file) VALUES ('p', 'p')", 0,
              denied);
  /* a highlight is the editor's own, never in another's name */
  assert_sql ("小王",
              "INSERT INTO storydesk.highlights (story_id, start_char, end_char, quote, editor)"
              " VALUES (1, 0, 2, '党建', 'admin')",
              0, denied);
  assert_sql ("小王",
              "INSERT INTO storydesk.highlights (story_id, start_char, end_char, quote)"
              " VALUES (1, 0, 2, '党建')",
              1, "");
  assert_sql ("小王", "SELECT 1 FROM storydesk.highlights WHERE editor = '小王'", 1, "");
  assert_sql ("小王", "SELECT id FROM storydesk.stories", 2, "");
  assert_sql ("小王", "UPDATE storydesk.stories SET note = '看过' WHERE id = 2", 1, "");

  /* the reviewer gives 已审; an editor may then still write a note on it */
  g_assert_true (sd_pg_library_set_status (reviewer, 1, SD_STORY_STATUS_REVIEWED, &error));
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_set_note (editor, 1, "已核实", &error));
  g_assert_no_error (error);
  assert_sql ("reviewer li", "DELETE FROM storydesk.stories WHERE id = 2", 0, denied);
  /* every write says whose it was, and counts a version */
  assert_sql ("小王",
              "SELECT 1 FROM storydesk.stories WHERE id = 1"
              " AND editor = '小王' AND status = 'reviewed'"
              " AND note = '已核实' AND version = 5",
              1, "");
  assert_sql ("admin", "DELETE FROM storydesk.stories WHERE id = 2", 1, "");
}

/* @call failed for want of rights. */
#define assert_denied(call)                                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr (GError) denied_error = NULL;                                                        \
    g_assert_false (call);                                                                         \
    g_assert_error (denied_error, SD_PG_ERROR, SD_PG_ERROR_DENIED);                                \
  }                                                                                                \
  G_STMT_END

/* Corrections and splits are a reviewer's, the trash an admin's: the
 * server refuses them to the others, through Storydesk and by hand (#17). */
static void
test_corrections (void)
{
  g_autoptr (SdPgLibrary) owner = open_as ("storydesk");
  g_autoptr (SdPgLibrary) editor = NULL;
  g_autoptr (SdPgLibrary) reviewer = NULL;
  g_autoptr (SdPgLibrary) admin = NULL;
  g_autoptr (GError) error = NULL;
  gint64                   tail = 0;
  guint                    n = 0;
  static const char *const denied = "42501";
  const gint64             both[] = { 11, 12 };

  g_assert_true (sd_pg_library_create (owner, &error));
  g_assert_true (sd_pg_library_add_person (owner, "小张", SD_PG_ROLE_EDITOR, &error));
  g_assert_true (sd_pg_library_add_person (owner, "审稿人", SD_PG_ROLE_REVIEWER, &error));
  g_assert_true (sd_pg_library_add_person (owner, "主编", SD_PG_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  admin = open_as ("主编");
  put (admin, 11, "一版头条");
  put (admin, 12, "二条");
  put (admin, 13, "三条");
  /* three stories of one page, the first of three paragraphs */
  assert_sql ("主编",
              "INSERT INTO storydesk.pages (identity, source_file) VALUES ('a01', 'a01.txt');"
              "UPDATE storydesk.stories SET page_id = (SELECT id FROM storydesk.pages"
              "  WHERE identity = 'a01'), ordinal = id, body = body || E'\\n第二段。\\n第三段。'"
              " WHERE id IN (11, 12, 13)",
              3, "");
  editor = open_as ("小张");
  reviewer = open_as ("审稿人");

  /* an editor: none of it */
  assert_denied (sd_pg_library_set_story_field (editor, 11, SD_STORY_FIELD_HEADLINE, NULL, "改",
                                                &denied_error));
  assert_denied (sd_pg_library_set_place (editor, both, 2, "320571", &denied_error));
  assert_denied (sd_pg_library_split_story (editor, 11, 1, NULL, &denied_error));
  assert_denied (sd_pg_library_merge_with_next (editor, 11, &denied_error));
  assert_denied (sd_pg_library_set_page_fields (editor, 11, "新华日报", NULL, NULL, &denied_error));
  assert_denied (sd_pg_library_trash (editor, SD_TRASH_STORY, 12, NULL, &denied_error));
  assert_denied (sd_pg_library_empty_trash (editor, NULL, &denied_error));
  assert_sql ("小张", "UPDATE storydesk.stories SET trashed = now () WHERE id = 12", 0, denied);
  assert_sql ("小张", "UPDATE storydesk.stories SET ordinal = 9 WHERE id = 12", 0, denied);
  assert_sql ("小张", "UPDATE storydesk.pages SET paper = 'x'", 0, denied);
  assert_sql ("小张", "SELECT storydesk.merge_away (12, 1, 11)", 0, denied);
  assert_sql ("小张",
              "INSERT INTO storydesk.stories (id, kind, body, page_id)"
              " SELECT 99, 'news', 'x', page_id FROM storydesk.stories WHERE id = 11",
              0, denied);
  assert_sql ("小张", "UPDATE storydesk.highlights SET start_char = 0", 0, denied);

  /* a reviewer corrects, splits and joins, recorded as theirs; no trash */
  g_assert_true (sd_pg_library_set_story_field (reviewer, 11, SD_STORY_FIELD_HEADLINE, NULL,
                                                "一版头条（改）", &error));
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_set_place (reviewer, both, 2, "320571", &error));
  g_assert_true (sd_pg_library_set_page_fields (reviewer, 11, "新华日报", NULL, NULL, &error));
  g_assert_true (sd_pg_library_split_story (reviewer, 11, 2, &tail, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tail, >, 13);
  g_assert_true (sd_pg_library_merge_with_next (reviewer, 11, &error));
  g_assert_no_error (error);
  assert_sql ("审稿人",
              "SELECT 1 FROM storydesk.stories WHERE id = 11 AND editor = '审稿人'"
              " AND updated > now () - interval '1 minute'",
              1, "");
  assert_denied (sd_pg_library_trash (reviewer, SD_TRASH_STORY, 12, NULL, &denied_error));
  assert_denied (sd_pg_library_empty_trash (reviewer, NULL, &denied_error));
  assert_sql ("审稿人", "UPDATE storydesk.stories SET trashed = now () WHERE id = 12", 0, denied);
  assert_sql ("审稿人", "DELETE FROM storydesk.stories WHERE id = 12", 0, denied);
  /* a join only removes the story after the one it joins, on its page */
  assert_sql ("审稿人", "SELECT storydesk.merge_away (11, 1, 12)", 0, denied);
  /* a new story only on a page that has stories: not an import */
  assert_sql ("审稿人", "INSERT INTO storydesk.stories (id, kind, body) VALUES (98, 'news', 'x')",
              0, denied);

  /* an admin deletes, restores and empties, recorded as theirs */
  g_assert_true (sd_pg_library_trash (admin, SD_TRASH_STORY, 12, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  assert_sql ("主编", "SELECT 1 FROM storydesk.stories WHERE trashed_by = '主编'", 1, "");
  /* a trashed story is refused to a reviewer's corrections */
  g_assert_false (
      sd_pg_library_set_story_field (reviewer, 12, SD_STORY_FIELD_HEADLINE, NULL, "x", &error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sd_pg_library_empty_trash (admin, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

/* The shared library of @person, as their window opens it. */
static SdLibrary *
open_shared_as (const char *person)
{
  g_autofree char *location = location_as (person);
  g_autoptr (GError) error = NULL;
  SdPgShared *shared = sd_pg_shared_open (location, &error);

  g_assert_no_error (error);
  return SD_LIBRARY (shared);
}

/* Marks and organising (after /pg/roles, on its people and story 1): an
 * editor highlights, turns themes down and keeps saved searches, each in
 * their own name only; a tag's name and colour are a reviewer's, refused
 * to an editor in words that say so, and through hand-written SQL. */
static void
test_marks (void)
{
  g_autoptr (SdLibrary) editor = open_shared_as ("小王");
  g_autoptr (SdLibrary) reviewer = open_shared_as ("reviewer%20li");
  g_autoptr (GError) error = NULL;
  static const char *const denied = "42501";
  const gint64             id = 1;
  gint64                   highlight = 0;

  /* through the library, as the window writes */
  g_assert_true (sd_library_tag_stories (editor, &id, 1, "党建", TRUE, &error));
  g_assert_true (sd_library_add_highlight (editor, 1, 7, 11, "核实", &highlight, &error));
  g_assert_no_error (error);
  g_assert_cmpint (highlight, >, 0);
  /* the story's new version, stamped as the editor's (the tag and the
   * highlight each count one) */
  assert_sql ("小王",
              "SELECT 1 FROM storydesk.stories WHERE id = 1 AND editor = '小王' AND version = 7", 1,
              "");
  assert_sql ("小王",
              "SELECT 1 FROM storydesk.highlights WHERE editor = '小王' AND comment = '核实'"
              " AND quote = '就业形态' AND created ~ '^[0-9-]{10}T[0-9:]{8}Z$'",
              1, "");
  g_assert_true (sd_library_dismiss_theme (editor, 1, "乡村振兴", TRUE, NULL, &error));
  g_assert_true (sd_library_save_search (editor, "党建的", "党建", &error));
  g_assert_no_error (error);
  assert_sql ("小王", "SELECT 1 FROM storydesk.saved_searches WHERE editor = '小王'", 1, "");
  assert_sql ("小王", "SELECT 1 FROM storydesk.dismissed_themes WHERE editor = '小王'", 1, "");
  g_assert_false (sd_library_rename_tag (editor, "党建", "党的建设", &error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "审稿"));
  g_clear_error (&error);
  g_assert_false (sd_library_set_tag_color (editor, "党建", "#3584e4", &error));
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED);
  g_clear_error (&error);
  /* the reviewer may */
  g_assert_true (sd_library_set_tag_color (reviewer, "党建", "#3584e4", &error));
  g_assert_true (sd_library_rename_tag (reviewer, "党建", "党的建设", &error));
  g_assert_no_error (error);
  assert_sql ("小王", "SELECT 1 FROM storydesk.tags WHERE name = '党的建设' AND color = '#3584e4'",
              1, "");

  /* never in another's name, nor anyone's tags renamed, by hand */
  assert_sql ("小王",
              "INSERT INTO storydesk.dismissed_themes (story_id, theme, editor)"
              " VALUES (1, '就业', 'admin')",
              0, denied);
  assert_sql ("小王", "UPDATE storydesk.dismissed_themes SET editor = 'admin'", 0, denied);
  assert_sql (
      "小王",
      "INSERT INTO storydesk.saved_searches (name, query, editor) VALUES ('x', 'y', 'admin')", 0,
      denied);
  /* the row's policy: WITH CHECK on the editor it names */
  assert_sql ("小王", "UPDATE storydesk.saved_searches SET editor = 'admin'", 0, denied);
  assert_sql ("小王", "UPDATE storydesk.highlights SET comment = '改'", 0, denied);
  assert_sql ("小王", "UPDATE storydesk.tags SET name = 'x'", 0, denied);
  assert_sql ("小王", "UPDATE storydesk.tags SET color = '#000000'", 0, denied);
  assert_sql ("小王", "DELETE FROM storydesk.tags", 0, denied);
  assert_sql ("小王", "ALTER TABLE storydesk.saved_searches DISABLE ROW LEVEL SECURITY", 0, denied);
  /* what an editor may: take a theme back, forget a search, whoever's */
  assert_sql ("reviewer li",
              "INSERT INTO storydesk.saved_searches (name, query) VALUES ('李的', '苏州')", 1, "");
  assert_sql ("小王", "DELETE FROM storydesk.saved_searches WHERE name = '李的'", 1, "");
  assert_sql ("小王", "DELETE FROM storydesk.dismissed_themes WHERE story_id = 1", 1, "");
  assert_sql ("reviewer li", "UPDATE storydesk.tags SET color = NULL", 1, "");
}

/* A page's text and its stories' OCR repairs are an import's (an admin's)
 * to write; taking a repair back is a reviewer's: refused to an editor
 * through Storydesk and by hand, and recorded as the reviewer's (#17). */
static void
test_repairs (void)
{
  g_autoptr (SdPgLibrary) owner = open_as ("storydesk");
  g_autoptr (SdPgLibrary) editor = NULL;
  g_autoptr (SdPgLibrary) reviewer = NULL;
  g_autoptr (SdPgLibrary) admin = NULL;
  g_autoptr (SdLibrary) shared = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const denied = "42501";
  gint64                   repair;

  g_assert_true (sd_pg_library_create (owner, &error));
  g_assert_true (sd_pg_library_add_person (owner, "编辑甲", SD_PG_ROLE_EDITOR, &error));
  g_assert_true (sd_pg_library_add_person (owner, "审稿乙", SD_PG_ROLE_REVIEWER, &error));
  g_assert_true (sd_pg_library_add_person (owner, "管理丙", SD_PG_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  admin = open_as ("管理丙");
  put (admin, 21, "片段");
  /* its page's text holds a fragment the segmenter left out of it */
  assert_sql ("管理丙",
              "INSERT INTO storydesk.pages (identity, source_file) VALUES ('b02', 'b02.txt');"
              "UPDATE storydesk.stories SET page_id = (SELECT id FROM storydesk.pages"
              "  WHERE identity = 'b02') WHERE id = 21;"
              "INSERT INTO storydesk.page_texts (page_id, text) SELECT id,"
              "  E'本报讯 全市新就业形态劳动者党建工作推进会召开。\\n另一篇稿件的段落。\\n'"
              "  FROM storydesk.pages WHERE identity = 'b02';"
              "INSERT INTO storydesk.story_repairs (story_id, kind, start_byte, end_byte, detail)"
              "  VALUES (21, 'dropped-fragment', 71, 98, '另一篇稿件的段落。')",
              1, "");
  story = sd_pg_library_get_story (admin, 21, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (story->repairs->len, ==, 1);
  repair = ((SdRepair *) story->repairs->pdata[0])->id;
  editor = open_as ("编辑甲");
  reviewer = open_as ("审稿乙");

  /* an editor reads them, and may not take one back or write them */
  assert_sql ("编辑甲", "SELECT 1 FROM storydesk.story_repairs WHERE story_id = 21", 1, "");
  assert_sql ("编辑甲", "SELECT 1 FROM storydesk.page_texts", 1, "");
  assert_denied (sd_pg_library_revert_repair (editor, 21, repair, &denied_error));
  assert_sql ("编辑甲", "DELETE FROM storydesk.story_repairs", 0, denied);
  assert_sql ("编辑甲", "UPDATE storydesk.story_repairs SET story_id = 1", 0, denied);
  assert_sql ("编辑甲",
              "INSERT INTO storydesk.story_repairs (story_id, kind, start_byte, end_byte)"
              " VALUES (21, 'dropped-mark', 0, 1)",
              0, denied);
  assert_sql ("编辑甲", "UPDATE storydesk.page_texts SET text = 'x'", 0, denied);
  assert_sql ("编辑甲", "DELETE FROM storydesk.page_texts", 0, denied);
  assert_sql ("编辑甲", "SELECT 1 FROM storydesk.story_repairs WHERE story_id = 21", 1, "");
  /* their window is told whose it is, before the server is asked */
  shared = open_shared_as ("编辑甲");
  g_assert_false (sd_library_revert_repair (shared, 21, repair, &error));
  g_assert_error (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "审稿"));
  g_clear_error (&error);
  /* a reviewer neither writes a page's text nor makes repairs up */
  assert_sql ("审稿乙", "UPDATE storydesk.page_texts SET text = 'x'", 0, denied);
  assert_sql ("审稿乙",
              "INSERT INTO storydesk.story_repairs (story_id, kind, start_byte, end_byte)"
              " VALUES (21, 'dropped-mark', 0, 1)",
              0, denied);
  /* nor reads the repairs the server keeps for undo, nor puts back one
   * it did not keep; an editor puts back none */
  assert_sql ("审稿乙", "SELECT 1 FROM storydesk.repairs_taken_back", 0, denied);
  assert_sql ("审稿乙", "SELECT 1 WHERE storydesk.put_back_repair (987654, 21)", 0, "");
  assert_sql ("编辑甲", "SELECT storydesk.put_back_repair (987654, 21)", 0, denied);

  /* a reviewer takes it back: the text comes back, the repair goes */
  g_assert_true (sd_pg_library_revert_repair (reviewer, 21, repair, &error));
  g_assert_no_error (error);
  g_clear_pointer (&story, sd_story_unref);
  story = sd_pg_library_get_story (reviewer, 21, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (story->repairs->len, ==, 0);
  g_assert_nonnull (strstr (story->body, "另一篇稿件的段落。"));
  g_assert_cmpstr (story->editor, ==, "审稿乙");
}

/* Import batches and story history (after /pg/roles/corrections, on its
 * people and the page a01 was, of story 11: its details corrected there
 * carry its identity): an admin's to make, delete and restore; refused
 * to an editor and a reviewer through Storydesk and by hand, as are the
 * trash's restore and empty. */
static void
test_batches (void)
{
  g_autoptr (SdPgLibrary) editor = open_as ("小张");
  g_autoptr (SdPgLibrary) reviewer = open_as ("审稿人");
  g_autoptr (SdPgLibrary) admin = open_as ("主编");
  g_autoptr (GPtrArray) batches = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const denied = "42501";
  SdPgLibrary *const       others[] = { editor, reviewer };
  const char *const        names[] = { "小张", "审稿人" };
  guint                    n = 0;

  assert_sql ("主编",
              "INSERT INTO storydesk.batches (kind) VALUES ('import');"
              "UPDATE storydesk.pages SET batch_id = (SELECT max (id) FROM storydesk.batches)"
              " WHERE id = (SELECT page_id FROM storydesk.stories WHERE id = 11)",
              1, "");
  batches = sd_pg_library_list_batches (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpstr (((SdBatch *) batches->pdata[0])->editor, ==, "主编");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      assert_denied (sd_pg_library_trash (
          others[i], SD_TRASH_BATCH, ((SdBatch *) batches->pdata[0])->id, NULL, &denied_error));
      assert_sql (names[i], "INSERT INTO storydesk.batches (kind) VALUES ('import')", 0, denied);
      assert_sql (names[i], "DELETE FROM storydesk.batches", 0, denied);
      assert_sql (names[i], "UPDATE storydesk.pages SET batch_id = NULL", 0, denied);
      assert_sql (names[i],
                  "UPDATE storydesk.stories SET trashed = now (), trash_kind = 'batch',"
                  " trash_of = 1 WHERE id = 11",
                  0, denied);
      assert_sql (names[i],
                  "INSERT INTO storydesk.story_history (story_id, field, value)"
                  " VALUES (11, 'note', 'x')",
                  0, denied);
      assert_sql (names[i], "ALTER TABLE storydesk.batches DISABLE ROW LEVEL SECURITY", 0, denied);
    }
  /* an admin's batch says truly whose it is */
  assert_sql ("主编", "INSERT INTO storydesk.batches (kind, editor) VALUES ('import', 'x')", 0,
              denied);

  /* the admin deletes the batch; the others may neither restore nor empty */
  g_assert_true (
      sd_pg_library_trash (admin, SD_TRASH_BATCH, ((SdBatch *) batches->pdata[0])->id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      assert_denied (sd_pg_library_restore (
          others[i], SD_TRASH_BATCH, ((SdBatch *) batches->pdata[0])->id, NULL, &denied_error));
      assert_denied (sd_pg_library_empty_trash (others[i], NULL, &denied_error));
      assert_sql (names[i], "UPDATE storydesk.stories SET trashed = NULL WHERE id = 11", 0, denied);
      assert_sql (names[i], "DELETE FROM storydesk.stories WHERE trashed IS NOT NULL", 0, denied);
    }
  g_assert_true (sd_pg_library_restore (admin, SD_TRASH_BATCH, ((SdBatch *) batches->pdata[0])->id,
                                        &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/roles", test_roles);
  g_test_add_func ("/pg/roles/corrections", test_corrections);
  g_test_add_func ("/pg/roles/marks", test_marks);
  g_test_add_func ("/pg/roles/batches", test_batches);
  g_test_add_func ("/pg/roles/repairs", test_repairs);
  return g_test_run ();
}
