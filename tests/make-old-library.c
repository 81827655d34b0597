/* make-old-library.c — `make-old-library PATH N`: a library of N made-up
 * stories at schema 13, for test-ui-upgrade.py (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "sd-old-library.h"

int
main (int argc, char *argv[])
{
  if (argc != 3)
    {
      g_printerr ("usage: make-old-library PATH N_STORIES\n");
      return 2;
    }
  sd_test_make_schema_13_library (argv[1], (guint) g_ascii_strtoull (argv[2], NULL, 10));
  return 0;
}
