/* sd-edit-history-labels.c — what each undo step did, in the editor's
 * words: "Mark “…” as reviewed", "Add the tag “党建” to 3 stories"
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-edit-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-edit-history-private.h"

/* "“武进探索多元化解…”": a story's headline, shortened, as a label names it. */
static char *
dup_story_name (SdLibrary *library, gint64 story_id)
{
  g_autoptr (SdStory) story = sd_library_get_story (library, story_id, NULL);
  g_autofree char *title = story != NULL ? sd_story_dup_title (story) : NULL;

  if (title == NULL || *title == '\0')
    return g_strdup_printf (_("story %lld"), (long long) story_id);
  if (g_utf8_strlen (title, -1) > 14)
    {
      g_autofree char *start = g_utf8_substring (title, 0, 13);
      g_autofree char *cut = g_strconcat (start, "…", NULL);

      /* TRANSLATORS: a story's headline quoted, as in "Mark “…” as Reviewed" */
      return g_strdup_printf (_("“%s”"), cut);
    }
  return g_strdup_printf (_("“%s”"), title);
}

/* "Delete “…”", "Restore the page “…”": a delete or a restore. */
static char *
describe_trash (SdLibrary *library, const Action *action)
{
  static const char *const formats[2][3] = {
    { N_("Delete %s"), N_("Delete the page “%s”"), N_("Delete the import batch “%s”") },
          { N_("Restore %s"), N_("Restore the page “%s”"), N_("Restore the import batch “%s”") },
          };
  g_autofree char *name = NULL;

  if (action->n_ids != 1)
    return g_strdup_printf (
        action->kind == EDIT_TRASH
            ? g_dngettext (GETTEXT_PACKAGE, "Delete %u story", "Delete %u stories", action->n_ids)
            : g_dngettext (GETTEXT_PACKAGE, "Restore %u story", "Restore %u stories",
                           action->n_ids),
        action->n_ids);
  name = action->trash == SD_TRASH_STORY ? dup_story_name (library, action->ids[0])
         : SD_IS_STORE (library)
             ? sd_store_dup_target_name (SD_STORE (library), action->trash, action->ids[0], NULL)
             : NULL;
  return g_strdup_printf (_(formats[action->kind == EDIT_RESTORE][action->trash]),
                                     name != NULL ? name : "");
}

char *
_sd_edit_history_describe (SdLibrary *library, const Action *action)
{
  g_autofree char *story = NULL;

  if (action->kind == EDIT_TRASH || action->kind == EDIT_RESTORE)
    return describe_trash (library, action);

  if ((action->kind == EDIT_ADD_TAG || action->kind == EDIT_REMOVE_TAG) && action->n_ids != 1)
    return g_strdup_printf (action->kind == EDIT_ADD_TAG
                            ? _("Add the tag “%s” to %u stories")
                            : _("Remove the tag “%s” from %u stories"), action->text,
                                 action->n_ids);
  if (action->kind == EDIT_STATUS && action->ids != NULL && action->n_ids != 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mark %u story as %s",
                                         "Mark %u stories as %s", action->n_ids),
                            action->n_ids, sd_story_status_to_label (action->status));
  if (action->kind == EDIT_PLACE && action->ids != NULL && action->n_ids != 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u story to another place",
                                         "Move %u stories to another place", action->n_ids),
                            action->n_ids);
  story = dup_story_name (library, action->n_ids == 1 ? action->ids[0] : action->story_id);
  switch (action->kind)
    {
    case EDIT_ADD_TAG:
      return g_strdup_printf (_("Add the tag “%s” to %s"), action->text, story);
    case EDIT_REMOVE_TAG:
      return g_strdup_printf (_("Remove the tag “%s” from %s"), action->text, story);
    case EDIT_NOTE:
      return g_strdup_printf (_("Edit the note of %s"), story);
    case EDIT_STATUS:
      return g_strdup_printf (_("Mark %s as %s"), story,
                                 sd_story_status_to_label (action->status));
    case EDIT_ADD_HIGHLIGHT:
      return g_strdup_printf (_("Highlight text in %s"), story);
    case EDIT_REMOVE_HIGHLIGHT:
      return g_strdup_printf (_("Remove a highlight from %s"), story);
    case EDIT_PLACE:
      return g_strdup_printf (_("Move %s to another place"), story);
    case EDIT_DISMISS_THEME:
      return g_strdup_printf (_("Dismiss the theme “%s” for %s"), action->text, story);
    case EDIT_FIELD:
      return g_strdup_printf (_("Correct %s"), story);
    case EDIT_SPLIT:
      return g_strdup_printf (_("Split %s"), story);
    case EDIT_MERGE:
      return g_strdup_printf (_("Join %s with the next story"), story);
    case EDIT_REVERT_REPAIR:
    default:
      return g_strdup_printf (_("Take back a repair in %s"), story);
    }
}
