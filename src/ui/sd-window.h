/* sd-window.h
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-application.h"
#include "sd-library-model.h"
#include "sd-story-list-model.h"

G_BEGIN_DECLS

#define SD_TYPE_WINDOW (sd_window_get_type ())
G_DECLARE_FINAL_TYPE (SdWindow, sd_window, SD, WINDOW, GtkApplicationWindow)

/* @library: a personal library (SdStore) or a shared one (#17) */
SdWindow *sd_window_new    (SdApplication     *application,
                            SdLibrary         *library);
/* Imports files or folders in a worker, showing progress in the window;
 * after the import running, if one is; the new pages make one import
 * batch of @batch_kind. */
void      sd_window_import (SdWindow          *self,
                            const char *const *paths,
                            SdBatchKind        batch_kind);
/* The same for files the editor chose, kept among the recent imports. */
void      sd_window_import_files (SdWindow          *self,
                                  const char *const *paths);
/* The list of stories the window shows. */
SdStoryListModel *sd_window_get_stories (SdWindow *self);

G_END_DECLS
