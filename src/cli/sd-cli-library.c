/* sd-cli-library.c — storydesk check, backup and recover: the library
 * file kept safe
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-cli-private.h"
#include "sd-export.h"
#include "sd-store-library.h"

int
_sd_cli_run_check (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (!_sd_cli_parse_options ("check", NULL, &argc, &argv))
    return EXIT_REFUSED;
  path = _sd_cli_dup_db_path ();
  if (!sd_store_check_file (path, &error))
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  g_print (_("%s: no damage found\n"), path);
  return EXIT_SUCCESS;
}

int
_sd_cli_run_backup (int argc, char **argv)
{
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *written = NULL;

  if (!_sd_cli_parse_options ("backup", NULL, &argc, &argv))
    return EXIT_REFUSED;
  if (argc != 3)
    {
      _sd_cli_print_error (_("backup needs where to put the copy: a new file or a folder"));
      return EXIT_REFUSED;
    }
  store = _sd_cli_open_store ();
  if (store == NULL)
    return EXIT_REFUSED;
  if (!sd_store_backup (store, argv[2], &written, &error))
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  g_print (_("Library copied to %s\n"), written);
  return EXIT_SUCCESS;
}

/* NEW.db → NEW.json, beside it */
static char *
dup_json_name (const char *library)
{
  g_autofree char *stem = g_strdup (library);

  if (g_str_has_suffix (stem, ".db"))
    stem[strlen (stem) - 3] = '\0';
  return g_strconcat (stem, ".json", NULL);
}

int
_sd_cli_run_recover (int argc, char **argv)
{
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GFile) json = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *json_path = NULL;
  SdScope          scope = { SD_SCOPE_ALL, NULL, NULL };

  if (!_sd_cli_parse_options ("recover", NULL, &argc, &argv))
    return EXIT_REFUSED;
  if (argc != 4)
    {
      _sd_cli_print_error (
          _("recover needs the damaged library and a new file for what is saved"));
      return EXIT_REFUSED;
    }
  report = sd_store_recover_file (argv[2], argv[3], &error);
  if (report == NULL)
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  g_print ("%s", report);

  json_path = dup_json_name (argv[3]);
  json = g_file_new_for_path (json_path);
  store = sd_store_open_full (argv[3], SD_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || (stories = sd_store_list_full_stories (store, &scope, &error)) == NULL
      || !sd_export_to_file (SD_EXPORT_FORMAT_JSON, stories, NULL, json, NULL, &error))
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  g_print (_("Saved in %s; its %u stories also in %s\n"), argv[3], stories->len, json_path);
  return EXIT_SUCCESS;
}
