/* sd-cli-copy.c — storydesk copy: a personal library's stories into a
 * shared one (#17 item 6)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-cli-private.h"
#include "sd-pg-library.h"

static char *copy_from, *copy_to;

static const GOptionEntry copy_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_FILENAME, &copy_from,
    N_("The personal library to copy"), N_("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &copy_to,
      N_("The shared library to copy into (postgresql://…)"), N_("LOCATION") }, { NULL },
    };

int
_sd_cli_run_copy (int argc, char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr (SdStore) store = NULL;
  g_autoptr (SdPgLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  guint    n_copied = 0, n_skipped = 0;
  gboolean parsed = _sd_cli_parse_options ("copy", copy_entries, &argc, &argv);

  /* the options' values are this run's to free */
  from = g_steal_pointer (&copy_from);
  to = g_steal_pointer (&copy_to);
  if (!parsed)
    return EXIT_REFUSED;
  if (from == NULL || to == NULL || argc != 2)
    {
      _sd_cli_print_error (_("copy needs --from FILE and --to postgresql://…"));
      return EXIT_REFUSED;
    }
  if (!sd_pg_library_is_location (to) || sd_pg_library_is_location (from))
    {
      _sd_cli_print_error (_("copy goes from a personal library file (--from) to a shared library "
            "(--to postgresql://…)"));
      return EXIT_REFUSED;
    }
  _sd_cli_say_upgrade (from);
  store = sd_store_open_full (from, SD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  if ((library = _sd_cli_open_shared (to)) == NULL)
    return EXIT_REFUSED;
  if (!sd_pg_library_copy_library (library, store, &n_copied, &n_skipped, &error))
    {
      if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_DENIED))
        _sd_cli_print_denied (library, _("copy stories into it"), error);
      else
        _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u story copied into %s", "%u stories copied into %s",
                        n_copied),
           n_copied, to);
  if (n_skipped > 0)
    g_print (g_dngettext (
                 GETTEXT_PACKAGE, "; %u was there already (by its uuid) and was left as it was",
                 "; %u were there already (by their uuids) and were left as they were", n_skipped),
             n_skipped);
  g_print ("\n");
  return EXIT_SUCCESS;
}
