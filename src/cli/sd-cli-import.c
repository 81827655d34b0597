/* sd-cli-import.c — storydesk import: page files into a personal library,
 * or into a shared one (--db postgresql://…, an admin's), through the one
 * importer (sd-importer.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-cli-private.h"
#include "sd-importer.h"
#include "sd-page-identity.h"
#include "sd-pg-shared.h"

/* The library --db names: a shared library on one connection (the server
 * says whether the person may import), else a personal library, made
 * where there is none; NULL, said, when it cannot be opened. */
static SdLibrary *
open_library (void)
{
  g_autofree char *location = _sd_cli_dup_db_path ();
  g_autoptr (GError) error = NULL;
  SdPgShared *shared;

  if (!sd_pg_library_is_location (location))
    return (SdLibrary *) _sd_cli_open_store_to_import ();
  shared = sd_pg_shared_open_importer (location, &error);
  if (shared == NULL)
    _sd_cli_print_error (error->message);
  return (SdLibrary *) shared;
}

static void
print_import_result (const SdImportResult *result)
{
  g_autofree char *display = g_filename_display_name (result->path);

  if (result->error != NULL)
    {
      /* the reason, without the file's name a second time */
      g_autofree char *named = g_strconcat (display, ": ", NULL);
      const char      *why = result->error->message;

      if (g_str_has_prefix (why, named))
        why += strlen (named);
      g_print (_("%s: refused: %s\n"), display, why);
    }
  else if (result->known && result->n_restored > 0)
    g_print (_("%s: back from the trash (%u stories, as they were)\n"), display,
                result->n_restored);
  else if (result->known)
    g_print (_("%s: already in the library\n"), display);
  else if (result->exchange)
    g_print (_("%s: %u stories: %u added, %u merged into the stories the library held "
               "(%u conflicting: the newer note or status kept)\n"),
                display, result->n_stories, result->n_added, result->n_merged,
                result->n_conflicting);
  else if (result->replaced)
    g_print (_("%s: %u stories, replacing the earlier version (editors’ work carried over "
               "from %u stories, %u kept as they were, %u stories of it dropped)\n"),
                display, result->n_stories, result->n_carried, result->n_kept, result->n_dropped);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u story\n", "%s: %u stories\n", result->n_stories),
             display, result->n_stories);
}

int
_sd_cli_run_import (int argc, char **argv)
{
  SdImportOptions    options = { 0 };
  g_autofree char   *paper = NULL;
  g_autofree char   *date = NULL;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &options.allow_drop,
      N_("Let a new version of a page drop the stories of the earlier one that it no longer "
         "holds (stories editors worked on are always kept)"),
          NULL },
      { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
        N_("The paper of the pages whose file name and masthead name none"), N_("NAME") },
        { "date", 0, 0, G_OPTION_ARG_STRING, &date,
          N_("The date of the pages whose file name and masthead give none"), N_("YYYY-MM-DD") },
          { NULL },
        };
  g_autofree char *clean_paper = NULL;
  g_autofree char *clean_date = NULL;
  g_autoptr (SdLibrary) library = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  int   status = EXIT_SUCCESS;
  guint n_would_drop = 0;

  if (!_sd_cli_parse_options ("import", entries, &argc, &argv))
    return EXIT_REFUSED;
  if (argc < 3)
    {
      _sd_cli_print_error (_("import needs at least one file or folder"));
      return EXIT_REFUSED;
    }
  if ((paper != NULL && (clean_paper = sd_page_identity_parse_paper (paper, &error)) == NULL)
      || (date != NULL && (clean_date = sd_page_identity_parse_date (date, &error)) == NULL))
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  options.paper = clean_paper;
  options.issue_date = clean_date;
  files = sd_importer_collect_pages ((const char *const *) argv + 2, &error);
  if (files == NULL)
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  library = open_library ();
  if (library == NULL)
    return EXIT_REFUSED;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (SdImportResult) result =
          sd_importer_import_page (library, g_ptr_array_index (files, i), &options);

      print_import_result (result);
      if (result->error != NULL)
        status = EXIT_REFUSED;
      if (g_error_matches (result->error, SD_STORE_ERROR, SD_STORE_ERROR_WOULD_DROP))
        n_would_drop++;
    }
  if (n_would_drop > 0)
    {
      g_autofree char *message = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "%u page was left as it was: its new version would drop stories; "
                       "import it again with --replace to replace it",
                       "%u pages were left as they were: their new versions would drop "
                       "stories; import them again with --replace to replace them",
                       n_would_drop),
          n_would_drop);
      _sd_cli_print_error (message);
    }
  return status;
}
