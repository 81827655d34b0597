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

gboolean
_sd_edit_history_run_shared (SdLibrary *library, const Action *action, GError **error)
{
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
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing (library));
      return FALSE;
    }
}
