/* sd-edit-history-corrections.c — undo and redo of corrections and the
 * trash on a library that keeps no snapshots (a shared one, #17): a step
 * keeps the stories it changed whole, as they were and as it left them,
 * and undo writes them back through sd_library_put_back_stories (), over
 * what it left only; deletes and restores are taken back by the trash's
 * own writes
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-edit-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-edit-history-private.h"

struct _CorrectionStep
{
  EditKind    kind;
  GPtrArray  *was;        /* (element-type SdStory) what the next swap writes back */
  GArray     *was_after;  /* (element-type gint64) where each of @was goes when made
                          * again (0: after the one before it) */
  GPtrArray  *was_extras; /* (element-type GVariant) what no SdStory of @was carries */
  GPtrArray  *left;       /* (element-type SdStory) what it must find */
  GArray     *left_after;
  GPtrArray  *left_extras;
  SdTrashKind trash;   /* EDIT_TRASH, EDIT_RESTORE: what @targets are */
  GArray     *targets; /* (element-type gint64) those that moved */
};

void
_sd_edit_history_correction_free (CorrectionStep *step)
{
  g_clear_pointer (&step->was, g_ptr_array_unref);
  g_clear_pointer (&step->left, g_ptr_array_unref);
  g_clear_pointer (&step->was_extras, g_ptr_array_unref);
  g_clear_pointer (&step->left_extras, g_ptr_array_unref);
  g_clear_pointer (&step->was_after, g_array_unref);
  g_clear_pointer (&step->left_after, g_array_unref);
  g_clear_pointer (&step->targets, g_array_unref);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CorrectionStep, _sd_edit_history_correction_free)

static CorrectionStep *
correction_new (EditKind kind)
{
  CorrectionStep *step = g_new0 (CorrectionStep, 1);

  step->kind = kind;
  step->was = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  step->left = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  step->was_extras = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  step->left_extras = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  step->targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  step->was_after = g_array_new (FALSE, TRUE, sizeof (gint64));
  step->left_after = g_array_new (FALSE, TRUE, sizeof (gint64));
  return step;
}

/* Each of @ids read whole into @into, and what no SdStory carries of it
 * (a joined story's turned-down themes) into @extras; FALSE with @error
 * when one cannot be. */
static gboolean
read_stories (SdLibrary    *library,
              const gint64 *ids,
              guint         n_ids,
              GPtrArray    *into,
              GPtrArray    *extras,
              GError      **error)
{
  for (guint i = 0; i < n_ids; i++)
    {
      SdStory  *story = sd_library_get_story (library, ids[i], error);
      GVariant *kept;

      if (story == NULL)
        return FALSE;
      g_ptr_array_add (into, story);
      if ((kept = sd_library_read_story_extras (library, ids[i], error)) == NULL)
        return FALSE;
      g_ptr_array_add (extras, kept);
    }
  return TRUE;
}

/* Whether the stories a correction left differ from those it found. */
static gboolean
changed_any (CorrectionStep *step)
{
  if (step->was->len != step->left->len)
    return TRUE;
  for (guint i = 0; i < step->was->len; i++)
    {
      g_autofree char *change =
          sd_story_describe_change (step->was->pdata[i], step->left->pdata[i]);

      if (change != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
write_correction (
    SdLibrary *library, Action *action, const gint64 *ids, guint n_ids, GError **error)
{
  switch (action->kind)
    {
    case EDIT_FIELD:
      return sd_library_set_story_field (library, action->story_id, action->field, action->expected,
                                         action->text, error);
    case EDIT_PLACE:
      return sd_library_set_place (library, ids, n_ids, action->text, error);
    case EDIT_SPLIT:
      return sd_library_split_story (library, action->story_id, action->number, &action->new_id,
                                     error);
    case EDIT_REVERT_REPAIR:
      return sd_library_revert_repair (library, action->story_id, action->number, error);
    default:
      return sd_library_merge_with_next (library, action->story_id, error);
    }
}

/* Deletes or restores, the targets that moved kept. */
static gboolean
run_trash (SdLibrary *library, const Action *action, CorrectionStep *step, GError **error)
{
  const gint64 *ids = action->ids != NULL ? action->ids : &action->story_id;
  guint         n_ids = action->ids != NULL ? action->n_ids : 1;

  step->trash = action->trash;
  for (guint i = 0; i < n_ids; i++)
    {
      guint n = 0;

      if (!(action->kind == EDIT_TRASH
                ? sd_library_trash (library, action->trash, ids[i], &n, error)
                : sd_library_restore (library, action->trash, ids[i], &n, error)))
        return FALSE;
      if (n > 0)
        g_array_append_val (step->targets, ids[i]);
    }
  return TRUE;
}

gboolean
_sd_edit_history_run_correction (
    SdLibrary *library, Action *action, CorrectionStep **out_step, gboolean *out_ok, GError **error)
{
  const gint64 *ids = action->ids != NULL ? action->ids : &action->story_id;
  guint         n_ids = action->ids != NULL ? action->n_ids : 1;
  g_autoptr (CorrectionStep) step = NULL;
  g_autoptr (GArray) after = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 next = 0, next_after = 0;

  *out_step = NULL;
  if (action->kind != EDIT_FIELD && action->kind != EDIT_PLACE && action->kind != EDIT_SPLIT
      && action->kind != EDIT_MERGE && action->kind != EDIT_TRASH && action->kind != EDIT_RESTORE
      && action->kind != EDIT_REVERT_REPAIR)
    return FALSE;
  step = correction_new (action->kind);
  if (action->kind == EDIT_TRASH || action->kind == EDIT_RESTORE)
    {
      /* a delete refused part way is still a step for those that moved */
      *out_ok = run_trash (library, action, step, error);
      if (step->targets->len > 0)
        *out_step = g_steal_pointer (&step);
      return TRUE;
    }

  /* the stories as they are, and the one a join will take */
  if (action->kind == EDIT_MERGE
      && (next = sd_library_find_next_story (library, action->story_id, &next_after, error)) < 0)
    return !(*out_ok = FALSE);
  if (!read_stories (library, ids, n_ids, step->was, step->was_extras, error)
      || (next > 0 && !read_stories (library, &next, 1, step->was, step->was_extras, error))
      || !write_correction (library, action, ids, n_ids, error))
    return !(*out_ok = FALSE);
  *out_ok = TRUE;
  /* a join's next story goes back where it was, after the story before it
   * then (one in the trash perhaps); a split's new one after its head */
  g_array_set_size (step->was_after, step->was->len);
  if (next > 0)
    g_array_index (step->was_after, gint64, step->was->len - 1) = next_after;

  g_array_append_vals (after, ids, n_ids);
  if (action->kind == EDIT_SPLIT)
    g_array_append_val (after, action->new_id);
  /* written: a step when the stories can be read again and changed */
  g_array_set_size (step->left_after, after->len);
  if (read_stories (library, (const gint64 *) after->data, after->len, step->left,
                    step->left_extras, NULL)
      && changed_any (step))
    *out_step = g_steal_pointer (&step);
  return TRUE;
}

/* Every target still where the step left it, so a refusal writes none. */
static gboolean
check_trash (SdLibrary      *library,
             CorrectionStep *step,
             gboolean        back,
             gboolean        undo,
             const char     *label,
             GError        **error)
{
  for (guint i = 0; step->trash == SD_TRASH_STORY && i < step->targets->len; i++)
    {
      gint64 id = g_array_index (step->targets, gint64, i);
      g_autoptr (SdStory) now = sd_library_get_story (library, id, error);

      if (now == NULL)
        return FALSE;
      if ((now->trashed != NULL) != back)
        return _sd_edit_history_refuse_shared (library, id, undo, label,
                                               back ? _("the story (restored it)")
                                                    : _("the story (deleted it)"), error);
    }
  return TRUE;
}

/* Taken back (or done again): @back, out of the trash. */
static gboolean
swap_trash (
    SdLibrary *library, CorrectionStep *step, gboolean undo, const char *label, GError **error)
{
  gboolean back = (step->kind == EDIT_TRASH) == undo;

  if (!check_trash (library, step, back, undo, label, error))
    return FALSE;
  for (guint i = 0; i < step->targets->len; i++)
    {
      gint64 id = g_array_index (step->targets, gint64, i);
      guint  n = 0;

      if (!(back ? sd_library_restore (library, step->trash, id, &n, error)
                 : sd_library_trash (library, step->trash, id, &n, error)))
        return FALSE;
      if (n == 0) /* a page someone else restored or deleted meanwhile */
        return _sd_edit_history_refuse_shared (library, 0, undo, label,
                                               back ? _("the page (restored it)")
                                                    : _("the page (deleted it)"), error);
    }
  return TRUE;
}

gboolean
_sd_edit_history_swap_correction (
    SdLibrary *library, CorrectionStep *step, gboolean undo, const char *label, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GPtrArray *swap;
  GArray    *swap_after;

  if (step->kind == EDIT_TRASH || step->kind == EDIT_RESTORE)
    return swap_trash (library, step, undo, label, error);
  /* said first in the editor's words: who changed what since */
  for (guint i = 0; i < step->left->len; i++)
    {
      const SdStory *left = step->left->pdata[i];
      g_autoptr (SdStory) now = sd_library_get_story (library, left->id, &local_error);
      g_autofree char *change = NULL;

      /* a story gone (its engine's "not found") was joined away or
       * deleted for good; a server gone away is said as such */
      if (now == NULL && g_error_matches (local_error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_OFFLINE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (now == NULL)
        return _sd_edit_history_refuse_shared (
            library, left->id, undo, label, _("the story (joined it away or deleted it)"), error);
      if ((change = sd_story_describe_change (left, now)) != NULL)
        return _sd_edit_history_refuse_shared (library, left->id, undo, label, change, error);
    }
  if (!sd_library_put_back_stories (library, step->was, step->was_after, step->was_extras,
                                    step->left, &local_error))
    {
      /* changed between the look and the write */
      if (g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED))
        return _sd_edit_history_refuse_shared (library, ((SdStory *) step->left->pdata[0])->id,
                                               undo, label, _("the story"), error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* the next swap goes the other way */
  swap = step->was;
  step->was = step->left;
  step->left = swap;
  swap_after = step->was_after;
  step->was_after = step->left_after;
  step->left_after = swap_after;
  swap = step->was_extras;
  step->was_extras = step->left_extras;
  step->left_extras = swap;
  return TRUE;
}

/* A highlight an undo made again has a new id: the stories a correction
 * step keeps name it by that id from now on, so the step still finds
 * them as it left them. */
void
_sd_edit_history_renumber_correction (CorrectionStep *step, const gint64 renumbered[2])
{
  GPtrArray *sides[] = { step->was, step->left };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        SdStory *story = sides[s]->pdata[i];

        for (guint h = 0; story->highlights != NULL && h < story->highlights->len; h++)
          {
            SdHighlight *highlight = story->highlights->pdata[h];

            if (highlight->id == renumbered[0])
              highlight->id = renumbered[1];
          }
      }
}
