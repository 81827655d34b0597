/* sd-pg-undo-repairs.c — a story's OCR repairs put back by an undo on a
 * shared library (#17): handed back from the story a split or join gave
 * them to, one taken back made again from the server's own record of it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reviewer takes a repair back (its row deleted) but may not make one
 * up, so the server keeps each deleted row (repairs_taken_back, which no
 * role reads or writes) and puts it back, under its id, only through
 * put_back_repair (), a reviewer's.
 */
#define G_LOG_DOMAIN "sd-pg-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-pg-private.h"
#include "sd-pg-undo.h"

/* Schema step 10. */
const char _sd_pg_step_undo_sql[] =
    "CREATE TABLE storydesk.repairs_taken_back ("
    "  id bigint PRIMARY KEY,"
    "  story_id bigint NOT NULL,"
    "  kind text NOT NULL,"
    "  start_byte bigint NOT NULL,"
    "  end_byte bigint NOT NULL,"
    "  detail text NOT NULL);"
    /* no role has a right on it: the policy binds its owner, the
     * functions below */
    "ALTER TABLE storydesk.repairs_taken_back ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.repairs_taken_back FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY repairs_taken_back ON storydesk.repairs_taken_back"
    "  USING (true) WITH CHECK (true);"
    "CREATE FUNCTION storydesk.keep_repair_taken_back () RETURNS trigger"
    "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = storydesk, pg_temp AS $$ BEGIN"
    "    INSERT INTO repairs_taken_back VALUES (OLD.id, OLD.story_id, OLD.kind,"
    "      OLD.start_byte, OLD.end_byte, OLD.detail)"
    "      ON CONFLICT (id) DO UPDATE SET story_id = EXCLUDED.story_id, kind = EXCLUDED.kind,"
    "        start_byte = EXCLUDED.start_byte, end_byte = EXCLUDED.end_byte,"
    "        detail = EXCLUDED.detail;"
    "    RETURN OLD;"
    "  END $$;"
    "REVOKE ALL ON FUNCTION storydesk.keep_repair_taken_back () FROM PUBLIC;"
    "CREATE TRIGGER keep_repair_taken_back AFTER DELETE ON storydesk.story_repairs"
    "  FOR EACH ROW EXECUTE FUNCTION storydesk.keep_repair_taken_back ();"
    "CREATE FUNCTION storydesk.put_back_repair (repair bigint, story bigint)"
    "  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER"
    "  SET search_path = storydesk, pg_temp AS $$ BEGIN"
    "    IF NOT pg_has_role (session_user, 'storydesk_reviewer', 'MEMBER') THEN"
    "      RAISE EXCEPTION 'only a reviewer may put a repair back' USING ERRCODE = '42501';"
    "    END IF;"
    "    INSERT INTO story_repairs (id, story_id, kind, start_byte, end_byte, detail)"
    "      SELECT id, story, kind, start_byte, end_byte, detail FROM repairs_taken_back"
    "      WHERE id = repair;"
    "    IF NOT FOUND THEN"
    "      RETURN false;"
    "    END IF;"
    "    DELETE FROM repairs_taken_back WHERE id = repair;"
    "    RETURN true;"
    "  END $$;"
    "REVOKE ALL ON FUNCTION storydesk.put_back_repair (bigint, bigint) FROM PUBLIC;"
    "GRANT EXECUTE ON FUNCTION storydesk.put_back_repair (bigint, bigint)"
    "  TO storydesk_reviewer;";

/* Whether @a and @b (nullable: none) have the same repairs, by id. */
static gboolean
same_repairs (const SdStory *a, const SdStory *b)
{
  guint n_a = a != NULL && a->repairs != NULL ? a->repairs->len : 0;
  guint n_b = b != NULL && b->repairs != NULL ? b->repairs->len : 0;

  for (guint i = 0; i < n_a && n_a == n_b; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_b && !found; j++)
        found = ((SdRepair *) a->repairs->pdata[i])->id == ((SdRepair *) b->repairs->pdata[j])->id;
      if (!found)
        return FALSE;
    }
  return n_a == n_b;
}

/* Repair @repair_id on story @id: moved there when another story has it,
 * else put back from the server's record (FALSE, nothing written, when it
 * has none: someone else's import replaced it). */
static gboolean
give_back (SdPgLibrary *self, const char *id, gint64 repair_id, gboolean *out_found, GError **error)
{
  g_autofree char *repair = g_strdup_printf ("%" G_GINT64_FORMAT, repair_id);
  PGresult        *result;
  gboolean         there, moved;

  result = _sd_pg_run (self, "SELECT story_id::text = $2 FROM story_repairs WHERE id = $1", 2,
                       (const char *const[]){ repair, id }, error);
  if (result == NULL)
    return FALSE;
  there = PQntuples (result) == 1;
  moved = there && g_str_equal (PQgetvalue (result, 0, 0), "f");
  PQclear (result);
  *out_found = TRUE;
  if (there)
    return !moved
           || _sd_pg_run_command (self, "UPDATE story_repairs SET story_id = $2 WHERE id = $1", 2,
                                  (const char *const[]){ repair, id }, error);
  result = _sd_pg_run (self, "SELECT put_back_repair ($1, $2)", 2,
                       (const char *const[]){ repair, id }, error);
  if (result == NULL)
    return FALSE;
  *out_found = g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);
  return TRUE;
}

/**
 * _sd_pg_undo_put_repairs:
 * @put: (element-type SdStory): every story the undo puts back
 * @now: (nullable): @story as it is now (NULL: made again)
 *
 * @story's OCR repairs as they were, by id; one it has now that no story
 * of @put had (a repair a redo takes back again) deleted.  Nothing
 * written when they are the same, so an editor's undo needs no
 * reviewer's right.  FALSE with @out_gone (a repair the server no longer
 * knows) or @error.
 */
gboolean
_sd_pg_undo_put_repairs (SdPgLibrary   *self,
                         GPtrArray     *put,
                         const SdStory *now,
                         const SdStory *story,
                         gint64        *out_gone,
                         GError       **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
  g_autoptr (GString) kept = g_string_new ("{");

  *out_gone = 0;
  if (same_repairs (story, now))
    return TRUE;
  for (guint i = 0; i < put->len; i++)
    {
      const SdStory *one = put->pdata[i];

      for (guint r = 0; one->repairs != NULL && r < one->repairs->len; r++)
        g_string_append_printf (kept, "%s%" G_GINT64_FORMAT, kept->len > 1 ? "," : "",
                                ((SdRepair *) one->repairs->pdata[r])->id);
    }
  g_string_append_c (kept, '}');
  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    {
      gint64   repair_id = ((SdRepair *) story->repairs->pdata[i])->id;
      gboolean found = FALSE;

      if (!give_back (self, id, repair_id, &found, error))
        return FALSE;
      if (!found)
        {
          *out_gone = repair_id;
          return FALSE;
        }
    }
  return _sd_pg_run_command (self,
                             "DELETE FROM story_repairs WHERE story_id = $1"
                             " AND NOT id = ANY ($2::bigint[])",
                             2, (const char *const[]){ id, kept->str }, error);
}
