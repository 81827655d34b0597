/* sd-edit-history-shared.c — the edit history on a library that keeps no
 * undo steps yet (a shared library, #17): the editor's tags, notes and
 * statuses written through the SdLibrary interface, the other actions
 * refused in words the editor can read
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-edit-history"

#include "config.h"

#include "sd-edit-history-private.h"

/* Corrections and the trash (#17), no step kept: whether @action is one,
 * and then @out_ok, whether it was written. */
static gboolean
run_corrections (SdLibrary *library, const Action *action, gboolean *out_ok, GError **error)
{
  const gint64 *ids = action->ids != NULL ? action->ids : &action->story_id;
  guint         n_ids = action->ids != NULL ? action->n_ids : 1;
  gboolean      ok = TRUE;

  switch (action->kind)
    {
    case EDIT_FIELD:
      ok = sd_library_set_story_field (library, action->story_id, action->field, action->expected,
                                       action->text, error);
      break;
    case EDIT_PLACE:
      ok = sd_library_set_place (library, ids, n_ids, action->text, error);
      break;
    case EDIT_SPLIT:
      /* the new story's id goes back through the caller's own action */
      ok = sd_library_split_story (library, action->story_id, action->number,
                                   (gint64 *) &action->new_id, error);
      break;
    case EDIT_MERGE:
      ok = sd_library_merge_with_next (library, action->story_id, error);
      break;
    case EDIT_TRASH:
    case EDIT_RESTORE:
      for (guint i = 0; ok && i < n_ids; i++)
        ok = action->kind == EDIT_TRASH
                 ? sd_library_trash (library, action->trash, ids[i], NULL, error)
                 : sd_library_restore (library, action->trash, ids[i], NULL, error);
      break;
    default:
      return FALSE;
    }
  *out_ok = ok;
  return TRUE;
}

gboolean
_sd_edit_history_run_shared (SdLibrary *library, const Action *action, GError **error)
{
  gboolean ok;

  const gint64 *ids = action->ids != NULL ? action->ids : &action->story_id;
  guint         n_ids = action->ids != NULL ? action->n_ids : 1;

  switch (action->kind)
    {
    case EDIT_ADD_TAG:
    case EDIT_REMOVE_TAG:
      return sd_library_tag_stories (library, ids, n_ids, action->text,
                                     action->kind == EDIT_ADD_TAG, error);
    case EDIT_NOTE:
      return sd_library_set_note_from (library, action->story_id, action->expected, action->text,
                                       error);
    case EDIT_STATUS:
      for (guint i = 0; i < n_ids; i++)
        if (!sd_library_set_status (library, ids[i], action->expected_status, action->status,
                                    error))
          return FALSE;
      return TRUE;
    default:
      if (run_corrections (library, action, &ok, error))
        return ok;
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing (library));
      return FALSE;
    }
}
