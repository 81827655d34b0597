/* sd-edit-history-shared.c — undo and redo on a library that keeps no
 * snapshots (a shared library, #17): each step remembers what the editor's
 * action changed, and undo writes it back through the library's versioned
 * writes, over what the action left only: when another editor changed it
 * since, the undo is refused, naming who and what, and nothing is written
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-edit-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-edit-history-private.h"

struct _SharedStep
{
  EditKind        kind;
  gint64          story_id;
  GArray         *ids;    /* (element-type gint64) the stories whose tags or status changed */
  GArray         *before; /* (element-type SdStoryStatus) each story's status before */
  SdStoryStatus   status; /* the status given */
  char           *text;   /* the tag or the theme */
  char           *note_before, *note_after;
  gint64          highlight;  /* the highlight's id in the library now, or as it was */
  gint64          start, end; /* and what it covers, to be made again */
  char           *comment;
  CorrectionStep *correction; /* a correction's or the trash's (sd-edit-history-corrections.c) */
};

void
_sd_edit_history_shared_step_free (SharedStep *step)
{
  g_clear_pointer (&step->ids, g_array_unref);
  g_clear_pointer (&step->before, g_array_unref);
  g_free (step->text);
  g_free (step->note_before);
  g_free (step->note_after);
  g_free (step->comment);
  g_clear_pointer (&step->correction, _sd_edit_history_correction_free);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SharedStep, _sd_edit_history_shared_step_free)

static SharedStep *
step_new (const Action *action)
{
  SharedStep *step = g_new0 (SharedStep, 1);

  step->kind = action->kind;
  step->story_id = action->story_id;
  step->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  step->before = g_array_new (FALSE, FALSE, sizeof (SdStoryStatus));
  step->text = g_strdup (action->text);
  return step;
}

/* The note's, each story's status: read as they are before the action. */
static gboolean
run_status (SdLibrary *library, const Action *action, SharedStep *step, GError **error)
{
  const gint64 *ids = action->ids != NULL ? action->ids : &action->story_id;
  guint         n_ids = action->ids != NULL ? action->n_ids : 1;

  step->status = action->status;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (SdStory) now = sd_library_get_story (library, ids[i], error);
      SdStoryStatus seen;

      if (now == NULL)
        return FALSE;
      /* over what the editor saw when there is one, else what is there */
      seen = action->expected_status != NULL ? *action->expected_status : now->status;
      if (seen == action->status && now->status == seen)
        continue;
      if (!sd_library_set_status (library, ids[i], &seen, action->status, error))
        return FALSE;
      g_array_append_val (step->ids, ids[i]);
      g_array_append_val (step->before, seen);
    }
  return TRUE;
}

static gboolean
run_note (SdLibrary *library, const Action *action, SharedStep *step, GError **error)
{
  g_autoptr (SdStory) now = sd_library_get_story (library, action->story_id, error);
  const char *from;

  if (now == NULL)
    return FALSE;
  from = action->expected != NULL ? action->expected : now->note != NULL ? now->note : "";
  step->note_before = g_strdup (from);
  step->note_after = g_strdup (action->text);
  if (g_strcmp0 (from, action->text) == 0 && g_strcmp0 (now->note, from) == 0)
    return TRUE; /* nothing to write, no step */
  if (!sd_library_set_note_from (library, action->story_id, from, action->text, error))
    return FALSE;
  g_array_append_val (step->ids, action->story_id);
  return TRUE;
}

/* The highlight as it was, to be made again by an undo. */
static gboolean
run_remove_highlight (SdLibrary *library, const Action *action, SharedStep *step, GError **error)
{
  g_autoptr (SdStory) now = sd_library_get_story (library, action->story_id, error);

  if (now == NULL)
    return FALSE;
  for (guint i = 0; now->highlights != NULL && i < now->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (now->highlights, i);

      if (highlight->id != action->number)
        continue;
      step->highlight = highlight->id;
      step->start = highlight->start;
      step->end = highlight->end;
      step->comment = g_strdup (highlight->comment);
      if (!sd_library_remove_highlight (library, action->story_id, highlight->id, error))
        return FALSE;
      g_array_append_val (step->ids, action->story_id);
      return TRUE;
    }
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
               _("No highlight with the id %lld"), (long long) action->number);
  return FALSE;
}

static gboolean
run_action (SdLibrary *library, Action *action, SharedStep *step, GError **error)
{
  gboolean changed = FALSE, ok;

  switch (action->kind)
    {
    case EDIT_ADD_TAG:
    case EDIT_REMOVE_TAG:
      return sd_library_change_tags (library, action->ids, action->n_ids, action->text,
                                     action->kind == EDIT_ADD_TAG, step->ids, error);
    case EDIT_NOTE:
      return run_note (library, action, step, error);
    case EDIT_STATUS:
      return run_status (library, action, step, error);
    case EDIT_ADD_HIGHLIGHT:
      step->start = action->start;
      step->end = action->end;
      step->comment = g_strdup (action->text);
      if (!sd_library_add_highlight (library, action->story_id, action->start, action->end,
                                     action->text, &step->highlight, error))
        return FALSE;
      action->new_id = step->highlight;
      g_array_append_val (step->ids, action->story_id);
      return TRUE;
    case EDIT_REMOVE_HIGHLIGHT:
      return run_remove_highlight (library, action, step, error);
    case EDIT_DISMISS_THEME:
      if (!sd_library_dismiss_theme (library, action->story_id, action->text, TRUE, &changed,
                                     error))
        return FALSE;
      if (changed)
        g_array_append_val (step->ids, action->story_id);
      return TRUE;
    default:
      if (_sd_edit_history_run_correction (library, action, &step->correction, &ok, error))
        return ok;
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing (library));
      return FALSE;
    }
}

gboolean
_sd_edit_history_run_shared (
    SdLibrary *library, Action *action, SharedStep **out_step, char **out_label, GError **error)
{
  g_autoptr (SharedStep) step = step_new (action);
  gboolean ok;

  *out_label = _sd_edit_history_describe (library, action);
  ok = run_action (library, action, step, error);
  /* a status refused on the third story of five: the two written are
   * still a step the editor may undo */
  action->changed = step->ids->len > 0 || step->correction != NULL;
  *out_step = action->changed ? g_steal_pointer (&step) : NULL;
  return ok;
}

gboolean
_sd_edit_history_extend_shared (SdLibrary    *library,
                                SharedStep   *step,
                                const Action *action,
                                GError      **error)
{
  if (!sd_library_set_note_from (library, action->story_id, action->expected, action->text, error))
    return FALSE;
  g_free (step->note_after);
  step->note_after = g_strdup (action->text);
  return TRUE;
}

/* Refused: @what of story @id was changed since by someone else, named as
 * the library knows them (the last writer of the story). */
gboolean
_sd_edit_history_refuse_shared (SdLibrary  *library,
                                gint64      id,
                                gboolean    undo,
                                const char *label,
                                const char *what,
                                GError    **error)
{
  g_autoptr (SdStory) now = id > 0 ? sd_library_get_story (library, id, NULL) : NULL;
  const char *who = now != NULL && now->editor != NULL && *now->editor != '\0'
                        ? now->editor
                        : _("another editor");

  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED,
               undo ? _("Not undone: %s — %s changed %s since, and undoing would overwrite "
                        "that; nothing was changed")
                    : _("Not redone: %s — %s changed %s since, and redoing would overwrite "
                        "that; nothing was changed"),
                         label, who, what);
  return FALSE;
}

static gboolean
swap_note (SdLibrary *library, SharedStep *step, gboolean undo, const char *label, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (sd_library_set_note_from (library, step->story_id,
                                undo ? step->note_after : step->note_before,
                                undo ? step->note_before : step->note_after, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _sd_edit_history_refuse_shared (library, step->story_id, undo, label,
                                         _("the note"), error);
}

/* Every story checked first, so a refusal writes none of them. */
static gboolean
swap_status (SdLibrary *library, SharedStep *step, gboolean undo, const char *label, GError **error)
{
  for (guint i = 0; i < step->ids->len; i++)
    {
      gint64        id = g_array_index (step->ids, gint64, i);
      SdStoryStatus left = undo ? step->status : g_array_index (step->before, SdStoryStatus, i);
      g_autoptr (SdStory) now = sd_library_get_story (library, id, error);

      if (now == NULL)
        return FALSE;
      if (now->status != left)
        {
          g_autofree char *what =
              g_strdup_printf (_("the status to %s"), sd_story_status_to_label (now->status));

          return _sd_edit_history_refuse_shared (library, id, undo, label, what, error);
        }
    }
  for (guint i = 0; i < step->ids->len; i++)
    {
      SdStoryStatus before = g_array_index (step->before, SdStoryStatus, i);
      SdStoryStatus left = undo ? step->status : before;

      if (!sd_library_set_status (library, g_array_index (step->ids, gint64, i), &left,
                                  undo ? before : step->status, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
swap_highlight (SdLibrary  *library,
                SharedStep *step,
                gboolean    add,
                gboolean    undo,
                const char *label,
                gint64      renumbered[2],
                GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  if (add)
    {
      renumbered[0] = step->highlight;
      if (!sd_library_add_highlight (library, step->story_id, step->start, step->end, step->comment,
                                     &step->highlight, error))
        return FALSE;
      renumbered[1] = step->highlight;
      return TRUE;
    }
  if (sd_library_remove_highlight (library, step->story_id, step->highlight, &local_error))
    return TRUE;
  /* gone already: someone else removed it */
  if (!g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _sd_edit_history_refuse_shared (library, step->story_id, undo, label,
                                         _("the highlight (removed it)"), error);
}

gboolean
_sd_edit_history_swap_shared (SdLibrary  *library,
                              SharedStep *step,
                              gboolean    undo,
                              const char *label,
                              gint64      renumbered[2],
                              GError    **error)
{
  switch (step->kind)
    {
    case EDIT_ADD_TAG:
    case EDIT_REMOVE_TAG:
      /* the stories that gained or lost it only; another editor's tags stay */
      return sd_library_change_tags (library, (const gint64 *) step->ids->data, step->ids->len,
                                     step->text, (step->kind == EDIT_ADD_TAG) != undo, NULL, error);
    case EDIT_NOTE:
      return swap_note (library, step, undo, label, error);
    case EDIT_STATUS:
      return swap_status (library, step, undo, label, error);
    case EDIT_ADD_HIGHLIGHT:
    case EDIT_REMOVE_HIGHLIGHT:
      return swap_highlight (library, step, (step->kind == EDIT_ADD_HIGHLIGHT) != undo, undo, label,
                             renumbered, error);
    case EDIT_DISMISS_THEME:
      return sd_library_dismiss_theme (library, step->story_id, step->text, !undo, NULL, error);
    default:
      return _sd_edit_history_swap_correction (library, step->correction, undo, label, error);
    }
}

/* A highlight made again by a step is, to every other step, the one it
 * made again (a personal library keeps its id; a shared one cannot). */
void
_sd_edit_history_renumber_shared (GQueue *queue, const gint64 renumbered[2])
{
  for (GList *l = queue->head; renumbered[0] != 0 && l != NULL; l = l->next)
    {
      SharedStep *step = ((Edit *) l->data)->shared;

      if (step != NULL && step->correction != NULL)
        _sd_edit_history_renumber_correction (step->correction, renumbered);
      if (step != NULL && step->highlight == renumbered[0]
          && (step->kind == EDIT_ADD_HIGHLIGHT || step->kind == EDIT_REMOVE_HIGHLIGHT))
        step->highlight = renumbered[1];
    }
}
