/* sd-pg-schema.c — the shared library's tables, and who may do what in
 * them, enforced by the server
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three group roles, each holding the one before: storydesk_editor (编辑:
 * notes, status other than 已审/不用, tags), storydesk_reviewer (审稿:
 * also 已审 and 不用, corrections), storydesk_admin (管理员: imports,
 * deletes, people).  Column privileges say which fields a role may write;
 * row-level security, forced so the tables' owner is bound too, says which
 * rows and which values; a trigger stamps every write with its role, time
 * and a new version.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sd-pg-private.h"
#include "sd-pg-undo.h"
#include "sd-tsvector.h"

/* Run as one script: every statement may run again on a library that has
 * it already. */
static const char schema_sql[] =
    "CREATE SCHEMA IF NOT EXISTS storydesk;"
    "CREATE TABLE IF NOT EXISTS storydesk.stories ("
    "  id bigint PRIMARY KEY,"
    "  kind text NOT NULL,"
    "  headline text,"
    "  subheadline text,"
    "  reporter text,"
    "  byline text,"
    "  body text NOT NULL,"
    "  note text NOT NULL DEFAULT '',"
    "  status text NOT NULL DEFAULT 'new'"
    "    CHECK (status IN ('new', 'reviewed', 'needs-work', 'rejected')),"
    "  place_code text,"
    "  editor text,"
    "  updated timestamptz,"
    "  version bigint NOT NULL DEFAULT 1);"
    /* A story's search tokens in windows (search/sd-tsvector.h). */
    "CREATE TABLE IF NOT EXISTS storydesk.story_windows ("
    "  story_id bigint NOT NULL REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  n integer NOT NULL,"
    "  tokens tsvector NOT NULL,"
    "  PRIMARY KEY (story_id, n));"
    "CREATE INDEX IF NOT EXISTS story_windows_by_token"
    "  ON storydesk.story_windows USING gin (tokens);"

    /* Tags: a story's tag is a row of its own, so two editors tagging one
   * story at once both land. */
    "CREATE TABLE IF NOT EXISTS storydesk.tags ("
    "  id bigserial PRIMARY KEY,"
    "  name text NOT NULL UNIQUE,"
    "  color text);"
    "CREATE TABLE IF NOT EXISTS storydesk.story_tags ("
    "  story_id bigint NOT NULL REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  tag_id bigint NOT NULL REFERENCES storydesk.tags (id) ON DELETE CASCADE,"
    "  editor text NOT NULL DEFAULT current_user,"
    "  added timestamptz NOT NULL DEFAULT now (),"
    "  PRIMARY KEY (story_id, tag_id));"

    /* Every change to a story or its tags, numbered: NOTIFY tells the open
   * windows at once, and a window that lost its connection reads what it
   * missed from here, since NOTIFY keeps nothing (sd-pg-watch.c). */
    "CREATE TABLE IF NOT EXISTS storydesk.changes ("
    "  n bigserial PRIMARY KEY,"
    "  story_id bigint NOT NULL,"
    "  at timestamptz NOT NULL DEFAULT now ());"
    "CREATE OR REPLACE FUNCTION storydesk.note_change () RETURNS trigger"
    "  LANGUAGE plpgsql AS $$ DECLARE"
    "    story bigint;"
    "    number bigint;"
    "  BEGIN"
    "    IF TG_TABLE_NAME = 'stories' THEN story := COALESCE (NEW.id, OLD.id);"
    "    ELSIF TG_OP = 'DELETE' THEN story := OLD.story_id;"
    "    ELSE story := NEW.story_id; END IF;"
    "    INSERT INTO storydesk.changes (story_id) VALUES (story) RETURNING n INTO number;"
    "    PERFORM pg_notify ('storydesk_changes', number || ' ' || story);"
    "    RETURN NULL;"
    "  END $$;"
    "CREATE OR REPLACE TRIGGER note_story_change AFTER INSERT OR UPDATE OR DELETE"
    "  ON storydesk.stories FOR EACH ROW EXECUTE FUNCTION storydesk.note_change ();"
    "CREATE OR REPLACE TRIGGER note_tag_change AFTER INSERT OR DELETE"
    "  ON storydesk.story_tags FOR EACH ROW EXECUTE FUNCTION storydesk.note_change ();"

    /* Who wrote last, when, and the version a later write must name. */
    "CREATE OR REPLACE FUNCTION storydesk.stamp_story () RETURNS trigger"
    "  LANGUAGE plpgsql AS $$ BEGIN"
    "    NEW.editor := current_user;"
    "    NEW.updated := now ();"
    "    IF TG_OP = 'UPDATE' THEN NEW.version := OLD.version + 1; END IF;"
    "    RETURN NEW;"
    "  END $$;"
    "CREATE OR REPLACE TRIGGER stamp_story BEFORE INSERT OR UPDATE ON storydesk.stories"
    "  FOR EACH ROW EXECUTE FUNCTION storydesk.stamp_story ();"

    /* The roles are the server's, shared by its databases. */
    "DO $$ BEGIN"
    "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storydesk_editor') THEN"
    "    CREATE ROLE storydesk_editor NOLOGIN;"
    "  END IF;"
    "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storydesk_reviewer') THEN"
    "    CREATE ROLE storydesk_reviewer NOLOGIN IN ROLE storydesk_editor;"
    "  END IF;"
    "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storydesk_admin') THEN"
    "    CREATE ROLE storydesk_admin NOLOGIN IN ROLE storydesk_reviewer;"
    "  END IF;"
    "END $$;"
    "GRANT storydesk_admin TO CURRENT_USER;"
    "GRANT USAGE ON SCHEMA storydesk TO storydesk_editor;"
    "GRANT SELECT ON storydesk.stories, storydesk.story_windows TO storydesk_editor;"
    "GRANT UPDATE (note, status) ON storydesk.stories TO storydesk_editor;"
    /* a note is searched: whoever may write one rewrites the story's windows */
    "GRANT INSERT, DELETE ON storydesk.story_windows TO storydesk_editor;"
    "GRANT SELECT, INSERT ON storydesk.changes TO storydesk_editor;"
    "GRANT USAGE ON SEQUENCE storydesk.changes_n_seq TO storydesk_editor;"
    "GRANT UPDATE (kind, headline, subheadline, reporter, byline, body, place_code)"
    "  ON storydesk.stories TO storydesk_reviewer;"
    "GRANT SELECT ON storydesk.tags, storydesk.story_tags TO storydesk_editor;"
    "GRANT INSERT (name) ON storydesk.tags TO storydesk_editor;"
    "GRANT USAGE ON SEQUENCE storydesk.tags_id_seq TO storydesk_editor;"
    "GRANT INSERT (story_id, tag_id), DELETE ON storydesk.story_tags TO storydesk_editor;"
    "GRANT INSERT, UPDATE, DELETE ON storydesk.stories TO storydesk_admin;"
    "GRANT UPDATE, DELETE ON storydesk.tags TO storydesk_admin;"

    "ALTER TABLE storydesk.stories ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.stories FORCE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_windows ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_windows FORCE ROW LEVEL SECURITY;"
    "DROP POLICY IF EXISTS read_stories ON storydesk.stories;"
    "CREATE POLICY read_stories ON storydesk.stories FOR SELECT TO storydesk_editor"
    "  USING (true);"
    /* 已审 and 不用 are a reviewer's to give; an editor may leave them as
   * they are (the subquery reads the row as it was before the update). */
    "DROP POLICY IF EXISTS edit_stories ON storydesk.stories;"
    "CREATE POLICY edit_stories ON storydesk.stories FOR UPDATE TO storydesk_editor"
    "  USING (true)"
    "  WITH CHECK (pg_has_role ('storydesk_reviewer', 'MEMBER')"
    "    OR status IN ('new', 'needs-work')"
    "    OR status = (SELECT o.status FROM storydesk.stories o WHERE o.id = stories.id));"
    "DROP POLICY IF EXISTS add_stories ON storydesk.stories;"
    "CREATE POLICY add_stories ON storydesk.stories FOR INSERT TO storydesk_admin"
    "  WITH CHECK (true);"
    "DROP POLICY IF EXISTS remove_stories ON storydesk.stories;"
    "CREATE POLICY remove_stories ON storydesk.stories FOR DELETE TO storydesk_admin"
    "  USING (true);"
    "ALTER TABLE storydesk.tags ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.tags FORCE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_tags ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_tags FORCE ROW LEVEL SECURITY;"
    "DROP POLICY IF EXISTS tags ON storydesk.tags;"
    "CREATE POLICY tags ON storydesk.tags FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (true);"
    /* a tag put on says truly whose it was */
    "DROP POLICY IF EXISTS story_tags ON storydesk.story_tags;"
    "CREATE POLICY story_tags ON storydesk.story_tags FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (editor = current_user);"
    "ALTER TABLE storydesk.changes ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.changes FORCE ROW LEVEL SECURITY;"
    "DROP POLICY IF EXISTS changes ON storydesk.changes;"
    "CREATE POLICY changes ON storydesk.changes FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (true);"
    "DROP POLICY IF EXISTS story_windows ON storydesk.story_windows;"
    "CREATE POLICY story_windows ON storydesk.story_windows FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (true);";

/* Step 2: what a story copied from a personal library brings (#17 item
 * 6): its page, identity, provenance, captions and section heads, place
 * details and highlights.  A copy made by an admin keeps the editor and
 * time each story had (storydesk.copying, set for the copy's session); every
 * other write is stamped as before. */
static const char step2_sql[] =
    "CREATE TABLE storydesk.pages ("
    "  id bigserial PRIMARY KEY,"
    "  identity text NOT NULL UNIQUE," /* file, paper, date and page: one page of one copy */
    "  source_file text NOT NULL,"
    "  paper text,"
    "  issue_date text,"
    "  page_no text);"
    "ALTER TABLE storydesk.stories"
    "  ADD COLUMN uuid text UNIQUE,"
    "  ADD COLUMN page_id bigint REFERENCES storydesk.pages (id),"
    "  ADD COLUMN ordinal bigint NOT NULL DEFAULT 0,"
    "  ADD COLUMN source_start bigint NOT NULL DEFAULT 0,"
    "  ADD COLUMN source_end bigint NOT NULL DEFAULT 0,"
    "  ADD COLUMN captions jsonb NOT NULL DEFAULT '[]',"
    "  ADD COLUMN section_headings jsonb NOT NULL DEFAULT '[]',"
    "  ADD COLUMN truncated boolean NOT NULL DEFAULT false,"
    "  ADD COLUMN place_confidence double precision NOT NULL DEFAULT 0,"
    "  ADD COLUMN place_by_editor boolean NOT NULL DEFAULT false;"
    "CREATE INDEX stories_in_order ON storydesk.stories (page_id, ordinal, id);"
    /* the order tags were put on in, as a personal library lists them */
    "ALTER TABLE storydesk.story_tags ADD COLUMN n bigserial;"
    "CREATE TABLE storydesk.highlights ("
    "  id bigserial PRIMARY KEY,"
    "  story_id bigint NOT NULL REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  start_char bigint NOT NULL," /* body characters, as SdHighlight */
    "  end_char bigint NOT NULL,"
    "  quote text NOT NULL DEFAULT '',"
    "  prefix text NOT NULL DEFAULT '',"
    "  suffix text NOT NULL DEFAULT '',"
    "  comment text NOT NULL DEFAULT '',"
    "  editor text DEFAULT current_user,"
    "  created text);" /* ISO 8601 as written, so a copy keeps it to the letter */
    "CREATE INDEX highlights_by_story ON storydesk.highlights (story_id);"
    "CREATE OR REPLACE FUNCTION storydesk.stamp_story () RETURNS trigger"
    "  LANGUAGE plpgsql AS $$ BEGIN"
    "    IF TG_OP = 'INSERT' AND current_setting ('storydesk.copying', true) = 'on'"
    "       AND pg_has_role ('storydesk_admin', 'MEMBER') THEN"
    "      RETURN NEW;"
    "    END IF;"
    "    NEW.editor := current_user;"
    "    NEW.updated := now ();"
    "    IF TG_OP = 'UPDATE' THEN NEW.version := OLD.version + 1; END IF;"
    "    RETURN NEW;"
    "  END $$;"
    "GRANT SELECT ON storydesk.pages, storydesk.highlights, storydesk.schema_steps"
    "  TO storydesk_editor;"
    "GRANT INSERT (story_id, start_char, end_char, quote, prefix, suffix, comment),"
    "  DELETE ON storydesk.highlights TO storydesk_editor;"
    "GRANT USAGE ON SEQUENCE storydesk.highlights_id_seq, storydesk.story_tags_n_seq"
    "  TO storydesk_editor;"
    "GRANT INSERT, UPDATE ON storydesk.pages TO storydesk_admin;"
    "GRANT USAGE ON SEQUENCE storydesk.pages_id_seq TO storydesk_admin;"
    "GRANT INSERT (editor, created) ON storydesk.highlights TO storydesk_admin;"
    "GRANT UPDATE (place_confidence, place_by_editor) ON storydesk.stories"
    "  TO storydesk_reviewer;"
    "ALTER TABLE storydesk.pages ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.pages FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY read_pages ON storydesk.pages FOR SELECT TO storydesk_editor USING (true);"
    "CREATE POLICY write_pages ON storydesk.pages FOR ALL TO storydesk_admin"
    "  USING (true) WITH CHECK (true);"
    "ALTER TABLE storydesk.highlights ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.highlights FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY read_highlights ON storydesk.highlights FOR SELECT TO storydesk_editor"
    "  USING (true);"
    /* a highlight says truly whose it is; an admin's copy brings the
     * editor who made it in the personal library */
    "CREATE POLICY add_highlights ON storydesk.highlights FOR INSERT TO storydesk_editor"
    "  WITH CHECK (editor = current_user OR pg_has_role ('storydesk_admin', 'MEMBER'));"
    "CREATE POLICY remove_highlights ON storydesk.highlights FOR DELETE TO storydesk_editor"
    "  USING (true);";

/* Step 3: pages imported into the shared library (sd-pg-import.c): known
 * by their bytes, as a personal library knows them; who imported each and
 * when.  A page's identity is then the key a personal library knows it by
 * (sd_page_identity_dup_key ()); a copied page keeps the copy's. */
static const char step3_sql[] = "ALTER TABLE storydesk.pages"
                                "  ADD COLUMN checksum text," /* SHA-256 of the file's bytes */
                                "  ADD COLUMN name text," /* the path from the folder imported */
                                "  ADD COLUMN encoding text,"
                                "  ADD COLUMN size bigint,"
                                "  ADD COLUMN imported timestamptz,"
                                "  ADD COLUMN imported_by text;"
                                "CREATE INDEX pages_by_checksum ON storydesk.pages (checksum);";

/* Step 4: the headline's tokens again, by themselves: a ranked search puts
 * the stories whose headline holds its terms first, and few headlines hold
 * a term, so their own index answers at once.  (Step 1 held this table for
 * a day; a library made then has it already, hence IF NOT EXISTS.)  Its
 * rows are filled by sd_pg_library_fill_heads () for the stories stored
 * before. */
static const char step4_sql[] =
    "CREATE TABLE IF NOT EXISTS storydesk.story_heads ("
    "  story_id bigint PRIMARY KEY REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  tokens tsvector NOT NULL);"
    "CREATE INDEX IF NOT EXISTS story_heads_by_token"
    "  ON storydesk.story_heads USING gin (tokens);"
    "GRANT SELECT ON storydesk.story_heads TO storydesk_editor;"
    /* a note's writer rewrites the story's windows, its headline's too */
    "GRANT INSERT, DELETE ON storydesk.story_heads TO storydesk_editor;"
    "ALTER TABLE storydesk.story_heads ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_heads FORCE ROW LEVEL SECURITY;"
    "DROP POLICY IF EXISTS story_heads ON storydesk.story_heads;"
    "CREATE POLICY story_heads ON storydesk.story_heads FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (true);";

/* Step 5: corrections, the trash and page details on a shared library
 * (sd-pg-corrections.c, sd-pg-trash.c).  A deleted story keeps its rows,
 * marked trashed (when, by whom, and with what: itself or its page), and
 * every list, count, search and export leaves it out.  Only an admin
 * writes those columns (an admin's UPDATE on every column; the policy
 * below says so again for the row).  A reviewer corrects: fields and
 * places (step 1's column privileges), the order of a page's stories and
 * a split's new story, which may only join a page that has stories; the
 * highlights a split or merge carries over; a page's paper, date and
 * number.  A merge removes the story joined on through merge_away (),
 * which only a reviewer's session may call and only for the story after
 * the one it joins, at the version the reviewer read. */
static const char step5_sql[] =
    "ALTER TABLE storydesk.stories"
    "  ADD COLUMN IF NOT EXISTS trashed timestamptz,"
    "  ADD COLUMN IF NOT EXISTS trashed_by text,"
    "  ADD COLUMN IF NOT EXISTS trash_kind text CHECK (trash_kind IN ('story', 'page')),"
    "  ADD COLUMN IF NOT EXISTS trash_of bigint;"
    "CREATE INDEX IF NOT EXISTS stories_trashed ON storydesk.stories (trash_kind, trash_of)"
    "  WHERE trashed IS NOT NULL;"
    "DROP POLICY IF EXISTS trash_is_admins ON storydesk.stories;"
    "CREATE POLICY trash_is_admins ON storydesk.stories AS RESTRICTIVE FOR UPDATE"
    "  TO storydesk_editor USING (true)"
    "  WITH CHECK (pg_has_role ('storydesk_admin', 'MEMBER')"
    "    OR EXISTS (SELECT 1 FROM storydesk.stories o WHERE o.id = stories.id"
    "      AND o.trashed IS NOT DISTINCT FROM stories.trashed"
    "      AND o.trashed_by IS NOT DISTINCT FROM stories.trashed_by"
    "      AND o.trash_kind IS NOT DISTINCT FROM stories.trash_kind"
    "      AND o.trash_of IS NOT DISTINCT FROM stories.trash_of));"
    "GRANT UPDATE (ordinal, section_headings, source_start, source_end)"
    "  ON storydesk.stories TO storydesk_reviewer;"
    "GRANT INSERT (id, kind, headline, subheadline, reporter, byline, body, note, status,"
    "  place_code, uuid, page_id, ordinal, source_start, source_end, captions,"
    "  section_headings, truncated, place_confidence, place_by_editor)"
    "  ON storydesk.stories TO storydesk_reviewer;"
    "DROP POLICY IF EXISTS split_stories ON storydesk.stories;"
    "CREATE POLICY split_stories ON storydesk.stories FOR INSERT TO storydesk_reviewer"
    "  WITH CHECK (page_id IS NOT NULL AND trashed IS NULL AND EXISTS"
    "    (SELECT 1 FROM storydesk.stories o WHERE o.page_id = stories.page_id"
    "     AND o.trashed IS NULL));"
    "GRANT UPDATE (story_id, start_char, end_char) ON storydesk.highlights"
    "  TO storydesk_reviewer;"
    "DROP POLICY IF EXISTS move_highlights ON storydesk.highlights;"
    "CREATE POLICY move_highlights ON storydesk.highlights FOR UPDATE TO storydesk_reviewer"
    "  USING (true) WITH CHECK (true);"
    "GRANT UPDATE (paper, issue_date, page_no, identity) ON storydesk.pages"
    "  TO storydesk_reviewer;"
    "DROP POLICY IF EXISTS edit_pages ON storydesk.pages;"
    "CREATE POLICY edit_pages ON storydesk.pages FOR UPDATE TO storydesk_reviewer"
    "  USING (true) WITH CHECK (true);"
    "GRANT DELETE ON storydesk.pages TO storydesk_admin;"
    "CREATE OR REPLACE FUNCTION storydesk.merge_away (gone bigint, gone_version bigint, kept "
    "bigint)"
    "  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER"
    "  SET search_path = storydesk, pg_temp AS $$ BEGIN"
    "    IF NOT pg_has_role (session_user, 'storydesk_reviewer', 'MEMBER') THEN"
    "      RAISE EXCEPTION 'only a reviewer may join stories' USING ERRCODE = '42501';"
    "    END IF;"
    "    IF NOT EXISTS (SELECT 1 FROM stories g JOIN stories k ON k.page_id = g.page_id"
    "        WHERE g.id = gone AND k.id = kept AND k.ordinal < g.ordinal"
    "        AND g.trashed IS NULL AND k.trashed IS NULL) THEN"
    "      RAISE EXCEPTION 'story % is not on the page of story %', gone, kept"
    "        USING ERRCODE = '42501';"
    "    END IF;"
    "    DELETE FROM stories WHERE id = gone AND version = gone_version;"
    "    RETURN FOUND;"
    "  END $$;"
    "REVOKE ALL ON FUNCTION storydesk.merge_away (bigint, bigint, bigint) FROM PUBLIC;"
    "GRANT EXECUTE ON FUNCTION storydesk.merge_away (bigint, bigint, bigint)"
    "  TO storydesk_reviewer;";
/* Step 6: marks and organising on a shared library (#17): themes turned
 * down and saved searches, each an editor's (编辑) to make, and a tag's
 * name and colour a reviewer's (审稿) to change, since every editor's
 * stories show them.  A highlight or a dismissal an editor writes bumps
 * the story's version (sd-pg-marks.c); a change of no one story (a saved
 * search, a tag renamed or recoloured) is change 0, "the library". */
#define SD_PG_NOW_TEXT "to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
static const char step6_sql[] =
    "CREATE TABLE storydesk.dismissed_themes ("
    "  story_id bigint NOT NULL REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  theme text NOT NULL,"
    "  editor text NOT NULL DEFAULT current_user,"
    "  created text NOT NULL DEFAULT " SD_PG_NOW_TEXT ","
    "  PRIMARY KEY (story_id, theme));"
    "ALTER TABLE storydesk.highlights ALTER COLUMN created SET DEFAULT " SD_PG_NOW_TEXT ";"
    "CREATE TABLE storydesk.saved_searches ("
    "  name text PRIMARY KEY,"
    "  query text NOT NULL,"
    "  editor text NOT NULL DEFAULT current_user,"
    "  created timestamptz NOT NULL DEFAULT now ());"
    "CREATE FUNCTION storydesk.note_library_change () RETURNS trigger"
    "  LANGUAGE plpgsql AS $$ DECLARE"
    "    number bigint;"
    "  BEGIN"
    "    INSERT INTO storydesk.changes (story_id) VALUES (0) RETURNING n INTO number;"
    "    PERFORM pg_notify ('storydesk_changes', number || ' 0');"
    "    RETURN NULL;"
    "  END $$;"
    "CREATE TRIGGER note_search_change AFTER INSERT OR UPDATE OR DELETE"
    "  ON storydesk.saved_searches FOR EACH STATEMENT"
    "  EXECUTE FUNCTION storydesk.note_library_change ();"
    "CREATE TRIGGER note_tags_change AFTER UPDATE OR DELETE"
    "  ON storydesk.tags FOR EACH STATEMENT EXECUTE FUNCTION storydesk.note_library_change ();"
    "GRANT SELECT, INSERT (story_id, theme), DELETE ON storydesk.dismissed_themes"
    "  TO storydesk_editor;"
    "GRANT SELECT, INSERT (name, query), UPDATE (query, editor, created), DELETE"
    "  ON storydesk.saved_searches TO storydesk_editor;"
    "GRANT UPDATE (name, color), DELETE ON storydesk.tags TO storydesk_reviewer;"
    "ALTER TABLE storydesk.dismissed_themes ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.dismissed_themes FORCE ROW LEVEL SECURITY;"
    /* each says truly whose it is; any editor may take one back */
    "CREATE POLICY dismissed_themes ON storydesk.dismissed_themes FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (editor = current_user);"
    "ALTER TABLE storydesk.saved_searches ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.saved_searches FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY saved_searches ON storydesk.saved_searches FOR ALL TO storydesk_editor"
    "  USING (true) WITH CHECK (editor = current_user);";

/* Step 7: a story whose headline, subheadline, reporter, byline or body a
 * reviewer corrected says so, so that a new version of its page keeps the
 * corrected fields (sd-pg-versions.c), as a personal library does. */
static const char step7_sql[] =
    "ALTER TABLE storydesk.stories ADD COLUMN IF NOT EXISTS corrected boolean NOT NULL"
    "  DEFAULT false;"
    "GRANT UPDATE (corrected) ON storydesk.stories TO storydesk_reviewer;";

/* The schema's steps, each run once, in order, in a transaction of its
 * own, and recorded in storydesk.schema_steps.  Step 1 may also run again
 * on a library made before the steps were counted: each of its statements
 * keeps what is there.  A new step goes at the end; none is ever edited. */
static const char *const steps[] = {
  schema_sql,
  step2_sql,
  step3_sql,
  step4_sql,
  step5_sql,
  step6_sql,
  step7_sql,
  _sd_pg_step_pages_sql,     /* step 8: page text and OCR repairs (sd-pg-pages.c) */
  _sd_pg_schema_batches_sql, /* step 9: import batches and story history (sd-pg-batches.c) */
  _sd_pg_step_undo_sql,      /* step 10: repairs taken back kept (sd-pg-undo-repairs.c) */
};

/* The steps recorded, each a bit (step n is 1 << n), and the highest in
 * @out_last; FALSE with @error when they cannot be read.  A library is up
 * to date when every step is there: one whose record lacks a step in the
 * middle (taken back by hand) runs that step again. */
static gboolean
read_steps (SdPgLibrary *self, guint64 *out_done, gint *out_last, GError **error)
{
  PGresult *result =
      _sd_pg_run (self, "SELECT step FROM storydesk.schema_steps ORDER BY step", 0, NULL, error);

  if (result == NULL)
    return FALSE;
  *out_done = 0;
  *out_last = 0;
  for (int row = 0; row < PQntuples (result); row++)
    {
      gint step = atoi (PQgetvalue (result, row, 0));

      *out_last = MAX (*out_last, step);
      if (step > 0 && step < 64)
        *out_done |= G_GUINT64_CONSTANT (1) << step;
    }
  PQclear (result);
  return TRUE;
}

typedef struct
{
  guint step; /* counted from 1 */
} SchemaStep;

static gboolean
run_step (SdPgLibrary *self, gpointer data, GError **error)
{
  SchemaStep      *step = data;
  g_autofree char *record =
      g_strdup_printf ("INSERT INTO storydesk.schema_steps (step) VALUES (%u)", step->step);

  return _sd_pg_run_script (self, steps[step->step - 1], error)
         && _sd_pg_run_script (self, record, error);
}

gboolean
sd_pg_library_create (SdPgLibrary *self, GError **error)
{
  guint64 done;
  gint    last;

  if (!_sd_pg_run_script (self,
                          "CREATE SCHEMA IF NOT EXISTS storydesk;"
                          "CREATE TABLE IF NOT EXISTS storydesk.schema_steps ("
                          "  step integer PRIMARY KEY,"
                          "  done timestamptz NOT NULL DEFAULT now ());",
                          error)
      || !read_steps (self, &done, &last, error))
    return FALSE;
  for (guint next = 1; next <= G_N_ELEMENTS (steps); next++)
    {
      SchemaStep run = { next };

      if ((done & (G_GUINT64_CONSTANT (1) << next)) == 0
          && !_sd_pg_transact (self, run_step, &run, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_sd_pg_check_schema (SdPgLibrary *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  guint64 done = 0, all = ((G_GUINT64_CONSTANT (1) << G_N_ELEMENTS (steps)) - 1) << 1;
  gint    last = 0;

  if (read_steps (self, &done, &last, &local_error) && last <= (gint) G_N_ELEMENTS (steps)
      && (done & all) == all)
    return TRUE;
  if (last > (gint) G_N_ELEMENTS (steps))
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_UNSUPPORTED,
                 _("The shared library %s was made by a newer Storydesk (schema step %d)"),
                    self->location, last);
  else
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_UNSUPPORTED,
                 _("The shared library %s needs its schema brought up to date: an admin runs "
                   "storydesk admin upgrade %s"),
                    self->location, self->location);
  return FALSE;
}

static const char *const role_names[] = {
  [SD_PG_ROLE_EDITOR] = "storydesk_editor",
  [SD_PG_ROLE_REVIEWER] = "storydesk_reviewer",
  [SD_PG_ROLE_ADMIN] = "storydesk_admin",
};

gboolean
sd_pg_role_from_string (const char *text, SdPgRole *out_role)
{
  static const char *const names[] = { "editor", "reviewer", "admin" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out_role = (SdPgRole) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * sd_pg_library_add_person:
 * @name: the person's database role, which they log in as
 *
 * Makes @name a person of the library with @role only, creating the login
 * role when the server has none of that name.  Its password is set apart
 * (psql's \password), never passed here.
 */
gboolean
sd_pg_library_add_person (SdPgLibrary *self, const char *name, SdPgRole role, GError **error)
{
  g_autofree char *ident = _sd_pg_quote (self, name, TRUE);
  g_autofree char *literal = _sd_pg_quote (self, name, FALSE);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (role <= SD_PG_ROLE_ADMIN, FALSE);
  if (ident == NULL || literal == NULL)
    return _sd_pg_set_error (self, NULL, error);
  sql = g_strdup_printf ("DO $$ BEGIN"
                         "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %s) THEN"
                         "    CREATE ROLE %s LOGIN;"
                         "  END IF;"
                         "END $$;"
                         "REVOKE storydesk_editor, storydesk_reviewer, storydesk_admin FROM %s;"
                         "GRANT %s TO %s;",
                         literal, ident, ident, role_names[role], ident);
  return _sd_pg_run_script (self, sql, error);
}

gboolean
sd_pg_library_ensure_database (const char *server_location, const char *name, GError **error)
{
  g_autoptr (SdPgLibrary) server = sd_pg_library_open (server_location, error);
  g_autofree char *ident = NULL;
  g_autofree char *literal = NULL;
  g_autofree char *exists_sql = NULL;
  PGresult        *result;
  gboolean         exists;

  if (server == NULL)
    return FALSE;
  ident = _sd_pg_quote (server, name, TRUE);
  literal = _sd_pg_quote (server, name, FALSE);
  exists_sql = g_strdup_printf ("SELECT 1 FROM pg_database WHERE datname = %s", literal);
  result = PQexec (server->conn, exists_sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      _sd_pg_set_error (server, result, error);
      PQclear (result);
      return FALSE;
    }
  exists = PQntuples (result) > 0;
  PQclear (result);
  if (!exists)
    {
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s ENCODING 'UTF8'", ident);

      return _sd_pg_run_script (server, create, error);
    }
  return TRUE;
}

/* The stories with a headline and no row in story_heads: those stored
 * before the table was there. */
#define MISSING_HEADS                                                                              \
  " FROM stories s WHERE coalesce (s.headline, '') <> ''"                                          \
  " AND NOT EXISTS (SELECT 1 FROM story_heads h WHERE h.story_id = s.id)"

gint64
sd_pg_library_count_missing_heads (SdPgLibrary *self, GError **error)
{
  PGresult *result = _sd_pg_run (self, "SELECT count (*)" MISSING_HEADS, 0, NULL, error);
  gint64    count;

  if (result == NULL)
    return -1;
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return count;
}

typedef struct
{
  const char *after; /* the last id of the batch before */
  const char *limit;
  guint       n_filled;
  gint64      last_id; /* out: the batch's last id, 0 when it was empty */
} HeadsBatch;

/* One batch: read, tokenized here (the server cannot cut Chinese), and
 * written in the same transaction.  A row an editor's note wrote meanwhile
 * is left as it is. */
static gboolean
fill_heads_batch (SdPgLibrary *self, gpointer data, GError **error)
{
  HeadsBatch       *batch = data;
  const char *const params[] = { batch->after, batch->limit };
  PGresult         *result = _sd_pg_run (
              self, "SELECT s.id, s.headline" MISSING_HEADS " AND s.id > $1 ORDER BY s.id LIMIT $2", 2,
              params, error);
  gboolean ok = result != NULL;

  batch->n_filled = 0;
  batch->last_id = 0;
  for (int row = 0; ok && row < PQntuples (result); row++)
    {
      const char *const fields[] = { PQgetvalue (result, row, 1) };
      g_autoptr (GPtrArray) head = sd_tsvector_windows (fields, 1);
      const char *const insert[] = { PQgetvalue (result, row, 0),
                                     head->len > 0 ? head->pdata[0] : "" };

      batch->last_id = g_ascii_strtoll (insert[0], NULL, 10);
      if (head->len == 0)
        continue;
      ok = _sd_pg_run_command (self,
                               "INSERT INTO story_heads (story_id, tokens)"
                               " VALUES ($1, $2::tsvector) ON CONFLICT (story_id) DO NOTHING",
                               2, insert, error);
      batch->n_filled += ok;
    }
  PQclear (result);
  return ok;
}

/**
 * sd_pg_library_fill_heads:
 * @batch_size: stories a transaction
 * @max_batches: 0 for as many as it takes
 * @out_n_filled: (optional): headlines indexed
 *
 * Indexes the headlines of the stories stored before story_heads was
 * there, @batch_size stories to a transaction: stopped (cancelled, or the
 * connection lost), it has kept what it did, and runs on from there.
 */
gboolean
sd_pg_library_fill_heads (SdPgLibrary  *self,
                          guint         batch_size,
                          guint         max_batches,
                          GCancellable *cancellable,
                          guint        *out_n_filled,
                          GError      **error)
{
  g_autofree char *limit = g_strdup_printf ("%u", MAX (batch_size, 1));
  gint64           after = 0;
  guint            n_filled = 0;

  for (guint n = 0; max_batches == 0 || n < max_batches; n++)
    {
      g_autofree char *after_text = g_strdup_printf ("%" G_GINT64_FORMAT, after);
      HeadsBatch       batch = { after_text, limit, 0, 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !_sd_pg_transact (self, fill_heads_batch, &batch, error))
        {
          if (out_n_filled != NULL)
            *out_n_filled = n_filled;
          return FALSE;
        }
      n_filled += batch.n_filled;
      if (batch.last_id == 0)
        break;
      after = batch.last_id;
    }
  if (out_n_filled != NULL)
    *out_n_filled = n_filled;
  return TRUE;
}
