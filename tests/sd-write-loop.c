/* sd-write-loop.c — a tagging editor that never stops, for the crash and
 * concurrency tests: adds tag PREFIX<i> to story (i mod N) + 1, one store
 * transaction each, and prints "done <i>" only once the write is committed.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sd-store.h"

int
main (int argc, char *argv[])
{
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gint64 n_stories, count;

  if (argc != 5)
    {
      g_printerr ("usage: %s LIBRARY N-STORIES PREFIX COUNT (0: forever)\n", argv[0]);
      return 2;
    }
  store = sd_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n_stories = g_ascii_strtoll (argv[2], NULL, 10);
  count = g_ascii_strtoll (argv[4], NULL, 10);
  for (gint64 i = 0; count == 0 || i < count; i++)
    {
      g_autofree char *tag = g_strdup_printf ("%s%" G_GINT64_FORMAT, argv[3], i);

      if (!sd_store_add_tag (store, i % n_stories + 1, tag, &error))
        {
          g_printerr ("write %" G_GINT64_FORMAT ": %s\n", i, error->message);
          return 1;
        }
      printf ("done %" G_GINT64_FORMAT "\n", i);
      fflush (stdout);
    }
  return 0;
}
