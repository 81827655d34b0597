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

/* The window on the shared library at @location (a postgresql:// address),
 * or an error dialog and NULL (sd-application-shared.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_open_shared (SdApplication *self,
                                                       const char    *location);

G_END_DECLS
