/* sd-application-private.h — what the application's files share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-application.h"
#include "sd-store.h"
#include "sd-window.h"

G_BEGIN_DECLS

/* Shows the connection window on the shared library at @location (a
 * postgresql:// address), which connects in a worker and gives way to the
 * library's window once connected: NULL now (sd-application-shared.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_open_shared (SdApplication *self,
                                                       const char    *location);
/* Files to import (`storydesk --db postgresql://… FILE…`), kept while the
 * connection or upgrade window stands in for the library's window, and
 * taken by it (sd-application.c). */
G_GNUC_INTERNAL void      _sd_application_import_when_open (SdApplication      *self,
                                                            const char *const  *paths);
G_GNUC_INTERNAL GStrv     _sd_application_take_imports     (SdApplication      *self);
/* The window on the personal library at @path, or an error dialog and
 * NULL (sd-application.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_open_library (SdApplication *self,
                                                        const char    *path);
/* The library's window on @store (taken), made and shown, the sample
 * pages imported into a new one when @seed (sd-application.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_show_library (SdApplication *self,
                                                        SdStore       *store,
                                                        gboolean       seed,
                                                        gboolean       first_run);
/* "The library cannot be opened" and why, offering to save what can be
 * read of a damaged one (sd-application.c). */
G_GNUC_INTERNAL void      _sd_application_open_failed  (SdApplication *self,
                                                        const GError  *error);
/* The upgrade window, shown at once, while the library at @path is
 * opened and its schema brought up to date in a worker; the library's
 * window replaces it when done: NULL now (sd-application-upgrade.c). */
G_GNUC_INTERNAL SdWindow *_sd_application_open_upgrading (SdApplication   *self,
                                                          const char      *path,
                                                          SdStoreOpenFlags flags,
                                                          gboolean         seed,
                                                          gint64           n_stories);

G_END_DECLS
