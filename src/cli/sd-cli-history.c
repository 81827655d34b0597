/* sd-cli-history.c — storydesk history: a story's earlier notes and
 * statuses, kept when a merge replaced them, on either engine's library
 * (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-cli-private.h"
#include "sd-library.h"

int
_sd_cli_run_history (int argc, char **argv)
{
  g_autofree char   *story_ref = NULL;
  const GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_ref, N_("The story’s id or uuid"), N_("ID") },
      { NULL },
    };
  g_autoptr (SdLibrary) library = NULL;
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (!_sd_cli_parse_options ("history", entries, &argc, &argv))
    return EXIT_REFUSED;
  if (story_ref == NULL)
    {
      _sd_cli_print_error (_("history needs --story"));
      return EXIT_REFUSED;
    }
  if ((library = _sd_cli_open_library (FALSE)) == NULL)
    return EXIT_REFUSED;
  if ((id = sd_library_find_story (library, story_ref, &error)) < 0
      || (story = sd_library_get_story (library, id, &error)) == NULL
      || (history = sd_library_list_history (library, id, &error)) == NULL)
    {
      _sd_cli_say_library_error (library, _("read a story’s history"), error);
      return EXIT_REFUSED;
    }
  /* oldest first, then what the story holds now: field, when written, by
   * whom, value; a replaced one says when and why */
  for (guint i = 0; i < history->len; i++)
    {
      const SdHistoryEntry *entry = g_ptr_array_index (history, i);

      g_print (_("%s\t%s\t%s\t%s\t(replaced %s in a merge)\n"), entry->field,
                  entry->edited != NULL ? entry->edited : "-",
                  entry->editor != NULL ? entry->editor : "-", entry->value, entry->replaced);
    }
  g_print (_("note\t%s\t%s\t%s\t(now)\n"), story->updated != NULL ? story->updated : "-",
              story->editor != NULL ? story->editor : "-", story->note);
  g_print (_("status\t%s\t%s\t%s\t(now)\n"), story->updated != NULL ? story->updated : "-",
              story->editor != NULL ? story->editor : "-",
              sd_story_status_to_string (story->status));
  return EXIT_SUCCESS;
}
