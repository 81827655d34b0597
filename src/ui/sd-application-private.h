/* sd-application-private.h — what the application's files share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-application.h"
#include "sd-window.h"

G_BEGIN_DECLS

/* Shows the connection window on the shared library at @location (a
 * postgresql:// address), which connects in a worker and gives way to the
 * library's window once connected: NULL now (sd-application-shared.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_open_shared (SdApplication *self,
                                                       const char    *location);
/* Files to import (`storydesk --db postgresql://… FILE…`), handed to the
 * library's window once connected (sd-application-shared.c). */
G_GNUC_INTERNAL void      _sd_application_import_when_open (SdApplication      *self,
                                                            const char *const  *paths);
/* The window on the personal library at @path, or an error dialog and
 * NULL (sd-application.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_open_library (SdApplication *self,
                                                        const char    *path);

G_END_DECLS
