/* sd-pg-versions.c — a new version of a page in a shared library replaces
 * the earlier one without losing what editors did to its stories, as a
 * personal library's does (sd-store-versions.c), issue #17
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each earlier story is looked for in the new version (sd-story-match.h),
 * the stories editors worked on first.  One found again is brought up to
 * date in place: its row keeps its id, uuid, tags, note, status,
 * highlights (moved to where their text now is) and whatever else points
 * at it, and the server counts the change in its version and says who
 * made it (the admin who imported); the fields a reviewer corrected stay
 * as corrected.  One editors worked on that is found
 * nowhere, or whose highlighted text is gone, stays as it was after the
 * page's own stories, with its work; when it was found again, the new
 * story takes its tags, note, status and place besides.  One nobody worked
 * on that is found nowhere goes with the old version.
 */
#define G_LOG_DOMAIN "sd-pg-versions"

#include "config.h"

#include "sd-pg-private.h"
#include "sd-story-match.h"

/* Old stories kept on the new page go after its own stories. */
#define KEPT_ORDINAL_BASE 100000

typedef struct
{
  SdStory *old;
  SdStory *match;     /* (nullable) the new story it is found again in */
  gboolean worked;    /* an editor's work is on it */
  gboolean corrected; /* a reviewer corrected its fields */
  gboolean complete;  /* each of its highlights found again in the match */
  guint    index;     /* on the old page */
} Pairing;

struct _SdPgVersionPlan
{
  GPtrArray *old_stories; /* (element-type SdStory) */
  GArray    *pairings;    /* (element-type Pairing) the editors' stories first */
};

void
_sd_pg_version_plan_free (SdPgVersionPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->old_stories, g_ptr_array_unref);
  g_clear_pointer (&plan->pairings, g_array_unref);
  g_free (plan);
}

/* Whether each of @old's highlights is in @story's body. */
static gboolean
highlights_found (const SdStory *old, const SdStory *story)
{
  for (guint i = 0; i < old->highlights->len; i++)
    {
      gint64 start, end;

      if (!sd_highlight_find_again (g_ptr_array_index (old->highlights, i), story->body, &start,
                                    &end))
        return FALSE;
    }
  return TRUE;
}

/* What an editor can have added to a story.  (A new kind of work joins
 * this list, or the story's version is no guide: an import moves it too.) */
#define WORKED_SQL                                                                                 \
  "note <> '' OR status <> 'new' OR place_by_editor OR corrected"                                  \
  " OR EXISTS (SELECT 1 FROM story_tags WHERE story_id = s.id)"                                    \
  " OR EXISTS (SELECT 1 FROM highlights WHERE story_id = s.id)"                                    \
  " OR EXISTS (SELECT 1 FROM dismissed_themes WHERE story_id = s.id)"

SdPgVersionPlan *
_sd_pg_plan_version (SdPgLibrary *self, const char *page_id, GPtrArray *new_stories, GError **error)
{
  const char *const params[] = { page_id };
  g_autoptr (SdPgVersionPlan) plan = g_new0 (SdPgVersionPlan, 1);
  g_autofree gboolean *worked = NULL;
  g_autofree guint    *order = NULL;
  g_autofree SdStory **matches = NULL;
  g_autofree gboolean *corrected = NULL;
  PGresult            *result =
      _sd_pg_run (self,
                  "SELECT id, " WORKED_SQL ", corrected FROM stories s WHERE page_id = $1"
                  " ORDER BY ordinal, id",
                  1, params, error);

  if (result == NULL)
    return NULL;
  plan->old_stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  plan->pairings = g_array_new (FALSE, FALSE, sizeof (Pairing));
  worked = g_new0 (gboolean, PQntuples (result) + 1);
  corrected = g_new0 (gboolean, PQntuples (result) + 1);
  for (int row = 0; row < PQntuples (result); row++)
    {
      SdStory *old = sd_pg_library_get_story (
          self, g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10), NULL, error);

      if (old == NULL)
        {
          PQclear (result);
          return NULL;
        }
      g_ptr_array_add (plan->old_stories, old);
      worked[row] = g_str_equal (PQgetvalue (result, row, 1), "t");
      corrected[row] = g_str_equal (PQgetvalue (result, row, 2), "t");
    }
  PQclear (result);

  order = g_new0 (guint, plan->old_stories->len + 1);
  matches = g_new0 (SdStory *, plan->old_stories->len + 1);
  sd_story_find_all_again (plan->old_stories, worked, new_stories, order, matches);
  for (guint k = 0; k < plan->old_stories->len; k++)
    {
      guint   i = order[k];
      Pairing pairing = {
        g_ptr_array_index (plan->old_stories, i), matches[i], worked[i], corrected[i], TRUE, i
      };

      if (pairing.match != NULL && pairing.worked)
        pairing.complete = highlights_found (pairing.old, pairing.match);
      g_array_append_val (plan->pairings, pairing);
    }
  return g_steal_pointer (&plan);
}

void
_sd_pg_version_plan_count (const SdPgVersionPlan *plan, SdPageOutcome *outcome)
{
  outcome->n_carried = outcome->n_kept = outcome->n_dropped = 0;
  for (guint i = 0; i < plan->pairings->len; i++)
    {
      const Pairing *pairing = &g_array_index (plan->pairings, Pairing, i);

      if (pairing->worked && pairing->match != NULL)
        outcome->n_carried++;
      if (pairing->worked && (pairing->match == NULL || !pairing->complete))
        outcome->n_kept++;
      if (!pairing->worked && pairing->match == NULL)
        outcome->n_dropped++;
    }
}

/* The old story whose row @story takes over, or NULL. */
static const Pairing *
find_pairing (const SdPgVersionPlan *plan, const SdStory *story)
{
  for (guint i = 0; i < plan->pairings->len; i++)
    {
      const Pairing *pairing = &g_array_index (plan->pairings, Pairing, i);

      if (pairing->match == story)
        return pairing;
    }
  return NULL;
}

/* @sql on story @id ($1), with @value ($2, nullable: none). */
static gboolean
run_on_story (SdPgLibrary *self, const char *sql, gint64 id, const char *value, GError **error)
{
  g_autofree char  *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *const params[] = { id_text, value };

  return _sd_pg_run_command (self, sql, value != NULL ? 2 : 1, params, error);
}

/* @highlight's row moved to where its quote is in @body (found there: the
 * plan checked). */
static gboolean
move_highlight (SdPgLibrary *self, const SdHighlight *highlight, const char *body, GError **error)
{
  gint64           start = 0, end = 0;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, highlight->id);
  g_autofree char *start_text = NULL, *end_text = NULL;

  sd_highlight_find_again (highlight, body, &start, &end);
  start_text = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  end_text = g_strdup_printf ("%" G_GINT64_FORMAT, end);
  return _sd_pg_run_command (self,
                             "UPDATE highlights SET start_char = $2, end_char = $3 WHERE id = $1",
                             3, (const char *const[]){ id, start_text, end_text }, error);
}

/* @old's row brought up to @story's text, at @ordinal on the page; its
 * place too unless an editor chose it; its highlights moved to where their
 * text is now. */
static gboolean
update_in_place (SdPgLibrary *self, SdStory *old, SdStory *story, gint64 ordinal, GError **error)
{
  g_autofree char  *id = g_strdup_printf ("%" G_GINT64_FORMAT, old->id);
  g_autofree char  *captions = _sd_pg_dup_json_strings (story->captions);
  g_autofree char  *headings = _sd_pg_dup_json_strings (story->section_headings);
  g_autofree char  *start = g_strdup_printf ("%" G_GINT64_FORMAT, story->source_start);
  g_autofree char  *end = g_strdup_printf ("%" G_GINT64_FORMAT, story->source_end);
  g_autofree char  *order = g_strdup_printf ("%" G_GINT64_FORMAT, ordinal);
  char              confidence[G_ASCII_DTOSTR_BUF_SIZE];
  const char *const params[] = {
    id,
    sd_story_kind_to_string (story->kind),
    story->headline,
    story->subheadline,
    story->reporter,
    story->byline,
    story->body != NULL ? story->body : "",
    start,
    end,
    captions,
    headings,
    story->truncated ? "true" : "false",
    order,
    old->place_by_editor ? "true" : "false",
    story->place_code,
    g_ascii_dtostr (confidence, sizeof confidence, story->place_confidence),
  };

  if (!_sd_pg_run_command (
          self,
          "UPDATE stories SET kind = $2, headline = $3, subheadline = $4, reporter = $5,"
          "  byline = $6, body = $7, source_start = $8, source_end = $9, captions = $10,"
          "  section_headings = $11, truncated = $12, ordinal = $13,"
          "  place_code = CASE WHEN $14::boolean THEN place_code ELSE $15 END,"
          "  place_confidence = CASE WHEN $14::boolean THEN place_confidence ELSE $16 END"
          " WHERE id = $1",
          G_N_ELEMENTS (params), params, error))
    return FALSE;
  for (guint i = 0; i < old->highlights->len; i++)
    if (!move_highlight (self, g_ptr_array_index (old->highlights, i), story->body, error))
      return FALSE;
  /* the windows search the note too, which stays the old one's */
  g_free (story->note);
  story->note = g_strdup (old->note);
  story->id = old->id;
  g_free (story->uuid);
  story->uuid = g_strdup (old->uuid);
  /* the new version's repairs, in its page text */
  return _sd_pg_put_windows (self, id, story, error) && _sd_pg_put_repairs (self, id, story, error);
}

/* A reviewer's corrected fields of @old, on @story, the new version's. */
static void
keep_corrected (const SdStory *old, SdStory *story)
{
  char **fields[] = { &story->headline, &story->subheadline, &story->reporter, &story->byline };
  char *const kept[] = { old->headline, old->subheadline, old->reporter, old->byline };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = g_strdup (kept[i]);
    }
}

/* What an editor added to @old, on @story, a new story written next to
 * the old one kept: its tags, note, status, place when chosen, and the
 * highlights whose text it holds. */
static void
give_work (const SdStory *old, SdStory *story)
{
  g_ptr_array_set_size (story->tags, 0);
  for (guint i = 0; i < old->tags->len; i++)
    g_ptr_array_add (story->tags, g_strdup (old->tags->pdata[i]));
  g_free (story->note);
  story->note = g_strdup (old->note);
  story->status = old->status;
  g_free (story->editor);
  story->editor = g_strdup (old->editor);
  g_free (story->updated);
  story->updated = g_strdup (old->updated);
  if (old->place_by_editor)
    {
      g_free (story->place_code);
      story->place_code = g_strdup (old->place_code);
      story->place_confidence = old->place_confidence;
      story->place_by_editor = TRUE;
    }
  g_clear_pointer (&story->highlights, g_ptr_array_unref);
  story->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);
  for (guint i = 0; i < old->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (old->highlights, i);
      SdHighlight        moved = *highlight;

      if (sd_highlight_find_again (highlight, story->body, &moved.start, &moved.end))
        {
          SdHighlight *copy = g_new0 (SdHighlight, 1);

          *copy = moved;
          copy->quote = g_strdup (highlight->quote);
          copy->prefix = g_strdup (highlight->prefix);
          copy->suffix = g_strdup (highlight->suffix);
          copy->comment = g_strdup (highlight->comment);
          copy->editor = g_strdup (highlight->editor);
          copy->created = g_strdup (highlight->created);
          g_ptr_array_add (story->highlights, copy);
        }
    }
}

gboolean
_sd_pg_carry_over (SdPgLibrary     *self,
                   SdPgVersionPlan *plan,
                   const char      *page_id,
                   GPtrArray       *new_stories,
                   GError         **error)
{
  /* first the old stories that go and those that stay as they were */
  for (guint i = 0; i < plan->pairings->len; i++)
    {
      const Pairing *pairing = &g_array_index (plan->pairings, Pairing, i);

      g_autofree char *ordinal =
          g_strdup_printf ("%" G_GINT64_FORMAT, KEPT_ORDINAL_BASE + (gint64) pairing->index);

      if (!pairing->worked && pairing->match == NULL
          && !run_on_story (self, "DELETE FROM stories WHERE id = $1", pairing->old->id, NULL,
                            error))
        return FALSE;
      if (pairing->worked && (pairing->match == NULL || !pairing->complete)
          && !run_on_story (self, "UPDATE stories SET ordinal = $2 WHERE id = $1", pairing->old->id,
                            ordinal, error))
        return FALSE;
    }
  /* then the new version's stories in their order: a row taken over, or
   * a new one */
  for (guint i = 0; i < new_stories->len; i++)
    {
      SdStory         *story = g_ptr_array_index (new_stories, i);
      const Pairing   *pairing = find_pairing (plan, story);
      g_autofree char *id = NULL;

      if (pairing != NULL && pairing->corrected)
        keep_corrected (pairing->old, story);
      if (pairing != NULL && (!pairing->worked || pairing->complete))
        {
          if (!update_in_place (self, pairing->old, story, i + 1, error))
            return FALSE;
          continue;
        }
      if (pairing != NULL)
        give_work (pairing->old, story);
      story->id = 0;
      if (!_sd_pg_write_story (self, story, page_id, i + 1, NULL, &id, error))
        return FALSE;
      if (id != NULL)
        story->id = g_ascii_strtoll (id, NULL, 10);
      if (id != NULL && pairing != NULL && pairing->corrected
          && !run_on_story (self, "UPDATE stories SET corrected = true WHERE id = $1", story->id,
                            NULL, error))
        return FALSE;
    }
  return TRUE;
}
