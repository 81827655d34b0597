/* main.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include "sd-application.h"
#include "sd-cli.h"
#include "sd-paths.h"

int
main (int argc, char *argv[])
{
  g_autoptr (SdApplication) app = NULL;

  sd_paths_init ();
  sd_paths_prefer_simplified_glyphs ();
  /* Over `ulimit -f` a write fails (EFBIG) instead of killing the process,
   * so an export removes its half-written file and says why. */
  signal (SIGXFSZ, SIG_IGN);

  /* Commands work without a display, so they never start GTK. */
  if (argc > 1 && sd_cli_is_command (argv[1]))
    return sd_cli_run (argc, argv);

  /* The locale is set up already (sd_paths_init); GTK setting it again
   * from the environment would undo the window's Chinese default in the C
   * locale (sd_paths_prefer_chinese (), called when the window starts up,
   * so that `storydesk --help` speaks the language of `storydesk import
   * --help`). */
  gtk_disable_setlocale ();
  /* No widget draws with OpenGL, but GDK would load the GL driver to pick
   * its visuals (Mesa with LLVM: 45-50 MB of the window's memory). */
  g_setenv ("GDK_GL", "disable", FALSE);
  app = sd_application_new ();
  g_application_set_option_context_description (G_APPLICATION (app), sd_cli_describe_commands ());
  return g_application_run (G_APPLICATION (app), argc, argv);
}
