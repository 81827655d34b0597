/* sd-cli-page.c — storydesk page set on a shared library (#17): a page's
 * paper, date and number corrected by a reviewer, at the version of the
 * story the editor named
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-cli-private.h"
#include "sd-pg-corrections.h"
#include "sd-pg-library.h"

#define EXIT_CONFLICT 1 /* as note and status say a conflict */

/* The page of story @story_ref, its fields NULL to keep, "" to clear;
 * @version: the story's version the editor saw (0: as it is now).  Every
 * story of a page counts a version when its details change, so a version
 * seen is a page seen. */
int
_sd_cli_page_shared (const char *story_ref,
                     const char *paper,
                     const char *issue_date,
                     const char *page_no,
                     gint64      version)
{
  g_autofree char *location = _sd_cli_dup_db_path ();
  g_autoptr (SdPgLibrary) library = _sd_cli_open_shared (location);
  g_autoptr (GError) error = NULL;
  gint64 id = -1, new_version = 0;

  if (library == NULL)
    return EXIT_REFUSED;
  if ((id = sd_pg_library_find_story (library, story_ref, &error)) < 0
      || !sd_pg_library_set_page_fields_at (library, id, version, paper, issue_date, page_no,
                                            &new_version, &error))
    {
      if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_DENIED))
        _sd_cli_print_denied (library, _("correct a page’s details"), error);
      else if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED))
        {
          g_autofree char *message =
              g_strdup_printf (_("someone else changed story %lld or its page since version %lld; "
                                 "nothing was saved.  See it again (storydesk search) and run "
                                 "the command again with the version it shows"),
                                  (long long) id, (long long) version);

          _sd_cli_print_error (message);
          return EXIT_CONFLICT;
        }
      else
        _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  g_print (_("Page details saved: story %lld is at version %lld\n"), (long long) id,
              (long long) new_version);
  return EXIT_SUCCESS;
}
