/* sd-store-versions.c — a new version of a page (the same identity, other
 * bytes: a page OCR'd again) replaces the old one without losing anything
 * editors did to its stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <string.h>

#include "sd-store-rows-private.h"
#include "sd-story-match.h"

/* Old stories kept on the new page go after its own stories. */
#define KEPT_ORDINAL_BASE 100000

/* An old story, the new one it is found again in (or NULL), and whether
 * an editor worked on it. */
typedef struct
{
  const SdStory *old;
  SdStory       *match;
  gboolean       worked;
  gboolean       corrected;
  guint          index; /* on the old page */
} Pairing;

static gboolean
read_flags (SdStore *self, gint64 id, gboolean *corrected, gboolean *dismissed, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self,
      "SELECT corrected, EXISTS (SELECT 1 FROM dismissed_themes WHERE story_id = ?1) "
      "FROM stories WHERE id = ?1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *corrected = sqlite3_column_int (stmt, 0);
      *dismissed = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Moves tags, note, status, dismissals, and (when they were the editor's)
 * place and corrected fields; FALSE in @out_complete when a highlight's
 * text is gone from the new version. */
static gboolean
carry_story (SdStore       *self,
             const SdStory *old,
             const SdStory *story,
             gboolean       corrected,
             gboolean      *out_complete,
             GError       **error)
{
  *out_complete = TRUE;
  if (!_sd_store_copy_tags (self, old->id, story->id, error)
      || !_sd_store_run_pair (self,
                              "UPDATE stories SET (note, status, editor, updated) = "
                              "(SELECT note, status, editor, updated FROM stories WHERE id = ?1) "
                              "WHERE id = ?2",
                              old->id, story->id, error)
      || !_sd_store_run_pair (
          self,
          "INSERT OR IGNORE INTO dismissed_themes (story_id, theme, editor, created) "
          "SELECT ?2, theme, editor, created FROM dismissed_themes WHERE story_id = ?1",
          old->id, story->id, error))
    return FALSE;
  if (old->place_by_editor
      && !_sd_store_run_pair (
          self,
          "UPDATE stories SET (place_code, place_confidence, place_by_editor) = "
          "(SELECT place_code, place_confidence, 1 FROM stories WHERE id = ?1) "
          "WHERE id = ?2",
          old->id, story->id, error))
    return FALSE;
  if (corrected
      && !_sd_store_run_pair (
          self,
          "UPDATE stories SET (headline, subheadline, reporter, byline, corrected) = "
          "(SELECT headline, subheadline, reporter, byline, 1 FROM stories "
          "WHERE id = ?1) WHERE id = ?2",
          old->id, story->id, error))
    return FALSE;

  for (guint i = 0; i < old->highlights->len; i++)
    {
      SdHighlight moved = *(SdHighlight *) g_ptr_array_index (old->highlights, i);

      if (!sd_highlight_find_again (&moved, story->body, &moved.start, &moved.end))
        {
          *out_complete = FALSE;
          continue;
        }
      if (!_sd_store_insert_highlight (self, story->id, &moved, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
keep_story (SdStore *self, gint64 story_id, gint64 page_id, guint index, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "UPDATE stories SET page_id = ?, ordinal = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, page_id);
  sqlite3_bind_int64 (stmt, 2, KEPT_ORDINAL_BASE + index);
  sqlite3_bind_int64 (stmt, 3, story_id);
  return _sd_store_step_done (self, stmt, error);
}

/* The new story takes the old one's identity, its uuid and its id (free
 * now: the old story is gone), with the rows that point at it; the foreign
 * keys are checked at the commit, once both sides agree again. */
static gboolean
take_identity (SdStore *self, const SdStory *old, SdStory *story, GError **error)
{
  static const char *const moves[] = {
    "UPDATE stories SET id = ?1, uuid = ?3 WHERE id = ?2",
    "UPDATE repairs SET story_id = ?1 WHERE story_id = ?2",
    "UPDATE place_mentions SET story_id = ?1 WHERE story_id = ?2",
    "UPDATE story_tags SET story_id = ?1 WHERE story_id = ?2",
    "UPDATE highlights SET story_id = ?1 WHERE story_id = ?2",
    "UPDATE dismissed_themes SET story_id = ?1 WHERE story_id = ?2",
  };

  if (!_sd_store_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      sqlite3_stmt *stmt = _sd_store_get_statement (self, moves[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old->id);
      sqlite3_bind_int64 (stmt, 2, story->id);
      if (i == 0)
        _sd_store_bind_text (stmt, 3, old->uuid);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  story->id = old->id;
  g_free (story->uuid);
  story->uuid = g_strdup (old->uuid);
  return TRUE;
}

/* Sets @out_worked when an editor added anything to @old. */
static gboolean
read_editors_work (SdStore       *self,
                   const SdStory *old,
                   gboolean      *out_worked,
                   gboolean      *out_corrected,
                   GError       **error)
{
  gboolean dismissed = FALSE;

  *out_corrected = FALSE;
  if (!read_flags (self, old->id, out_corrected, &dismissed, error))
    return FALSE;
  *out_worked = old->tags->len > 0 || *old->note != '\0' || old->status != SD_STORY_STATUS_NEW
                || old->highlights->len > 0 || old->place_by_editor || *out_corrected || dismissed;
  return TRUE;
}

struct _SdVersionPlan
{
  gint64     old_page_id;
  GPtrArray *old_stories; /* (element-type SdStory) */
  GArray    *pairings;    /* (element-type Pairing) the editors' stories first */
  guint      n_dropped;
};

void
_sd_version_plan_free (SdVersionPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->old_stories, g_ptr_array_unref);
  g_clear_pointer (&plan->pairings, g_array_unref);
  g_free (plan);
}

guint
_sd_version_plan_get_n_dropped (const SdVersionPlan *plan)
{
  return plan->n_dropped;
}

/* Matches the old version's stories with @new_stories, writing nothing:
 * what a dry run reports and what _sd_store_carry_over () then does. */
SdVersionPlan *
_sd_store_plan_version (SdStore *self, gint64 old_page_id, GPtrArray *new_stories, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "SELECT " FULL_STORY_COLUMNS STORY_FROM "WHERE s.page_id = ? ORDER BY s.ordinal",
      error);
  g_autoptr (SdVersionPlan) plan = g_new0 (SdVersionPlan, 1);
  g_autofree gboolean *worked = NULL, *corrected = NULL;
  g_autofree guint    *order = NULL;
  g_autofree SdStory **matches = NULL;
  guint                n;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, old_page_id);
  plan->old_page_id = old_page_id;
  plan->pairings = g_array_new (FALSE, FALSE, sizeof (Pairing));
  plan->old_stories =
      _sd_store_read_stories (self, stmt, TRUE, NULL, "read the page's stories", error);
  if (plan->old_stories == NULL)
    return NULL;

  n = plan->old_stories->len;
  worked = g_new0 (gboolean, n + 1);
  corrected = g_new0 (gboolean, n + 1);
  order = g_new0 (guint, n + 1);
  matches = g_new0 (SdStory *, n + 1);
  for (guint i = 0; i < n; i++)
    if (!read_editors_work (self, g_ptr_array_index (plan->old_stories, i), &worked[i],
                            &corrected[i], error))
      return NULL;
  sd_story_find_all_again (plan->old_stories, worked, new_stories, order, matches);
  for (guint k = 0; k < n; k++)
    {
      guint   i = order[k];
      Pairing pairing = { g_ptr_array_index (plan->old_stories, i), matches[i], worked[i],
                          corrected[i], i };

      /* an untouched story that matches nothing goes with its page */
      if (!pairing.worked && pairing.match == NULL)
        plan->n_dropped++;
      g_array_append_val (plan->pairings, pairing);
    }
  return g_steal_pointer (&plan);
}

static void
add_pair (GPtrArray *pairs, const SdStory *old, SdStory *story)
{
  g_ptr_array_add (pairs, (gpointer) old);
  g_ptr_array_add (pairs, story);
}

gboolean
_sd_store_carry_over (SdStore       *self,
                      SdVersionPlan *plan,
                      gint64         new_page_id,
                      guint         *out_carried,
                      guint         *out_kept,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  /* (old, new) pairs: the new story becomes the old one */
  g_autoptr (GPtrArray) same = g_ptr_array_new ();

  *out_carried = *out_kept = 0;
  for (guint i = 0; i < plan->pairings->len; i++)
    {
      const Pairing *pairing = &g_array_index (plan->pairings, Pairing, i);
      gboolean       complete = TRUE;

      if (!pairing->worked)
        {
          if (pairing->match != NULL)
            add_pair (same, pairing->old, pairing->match);
          continue;
        }
      if (pairing->match != NULL
          && !carry_story (self, pairing->old, pairing->match, pairing->corrected, &complete,
                           error))
        return FALSE;
      if (pairing->match != NULL)
        (*out_carried)++;
      /* A story that matches nothing, or whose highlighted text is gone,
       * stays as it was, so no work is lost. */
      if (pairing->match == NULL || !complete)
        {
          if (!keep_story (self, pairing->old->id, new_page_id, pairing->index, error))
            return FALSE;
          (*out_kept)++;
        }
      else
        add_pair (same, pairing->old, pairing->match);
    }

  stmt = _sd_store_get_statement (self, "DELETE FROM pages WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->old_page_id);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < same->len; i += 2)
    if (!take_identity (self, same->pdata[i], same->pdata[i + 1], error))
      return FALSE;
  return TRUE;
}
