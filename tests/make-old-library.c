/* make-old-library.c — libraries at older schemas, for test-ui-upgrade.py
 * (#16):
 *   make-old-library PATH N          a library of N made-up stories at schema 13
 *   make-old-library --to PATH S     the library at PATH brought to schema S
 *                                    through the migrations alone
 *   make-old-library --schemas       "LATEST FIRST": this version's schema and
 *                                    the first after the last step that
 *                                    rewrites (an upgrade from there makes
 *                                    no copy)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sd-old-library.h"
#include "sd-store-private.h"
#include "sd-test-schema.h"

int
main (int argc, char *argv[])
{
  if (argc == 2 && strcmp (argv[1], "--schemas") == 0)
    g_print ("%u %u\n", _sd_store_n_migrations, sd_test_schema_after_last_rewrite ());
  else if (argc == 4 && strcmp (argv[1], "--to") == 0)
    sd_test_migrate_to (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  else if (argc == 3)
    sd_test_make_schema_13_library (argv[1], (guint) g_ascii_strtoull (argv[2], NULL, 10));
  else
    {
      g_printerr ("usage: make-old-library PATH N_STORIES | --to PATH SCHEMA | --schemas\n");
      return 2;
    }
  return 0;
}
