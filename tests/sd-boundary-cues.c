/* sd-boundary-cues.c — print the cues the segmenter weighs for every
 * undecided title, for fitting the weights (tests/fit-boundary.py)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: sd-boundary-cues PAGE…
 * One line a title: the page's path, the title, then the cues, tab-parted.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "sd-page-reader.h"
#include "sd-segmenter-private.h"
#include "sd-segmenter.h"

static void
print_cues (const char   *text,
            gsize         title_start,
            gsize         title_end,
            const double *cues,
            guint         n_cues,
            gpointer      data)
{
  printf ("%s\t%.*s", (const char *) data, (int) (title_end - title_start), text + title_start);
  for (guint k = 0; k < n_cues; k++)
    printf ("\t%.4f", cues[k]);
  printf ("\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SdPage) page = sd_page_read_file (argv[i], &error);
      g_autoptr (GPtrArray) segments = NULL;

      if (page == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      _sd_seg_set_cue_sink (print_cues, argv[i]);
      segments = sd_segmenter_split_page (page);
      _sd_seg_set_cue_sink (NULL, NULL);
    }
  return 0;
}
