/* sd-cli.h — storydesk import|export|tag|note|status, without a display
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    sd_cli_is_command        (const char *word);
/* The commands, as shown under `storydesk --help`. */
const char *sd_cli_describe_commands (void);
/* Runs argv[1] as a command; returns the exit status. */
int         sd_cli_run               (int         argc,
                                      char      **argv);

G_END_DECLS
