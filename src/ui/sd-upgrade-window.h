/* sd-upgrade-window.h — the window shown while a personal library is
 * brought up to this version's schema, once, in a worker: "Updating the
 * library for this version of Storydesk — once", its stories and path, a
 * pulsing bar; then the library's window, or why it cannot be opened
 * (#16).  Closing it stops the update: the library stays as it was.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_UPGRADE_WINDOW (sd_upgrade_window_get_type ())
G_DECLARE_FINAL_TYPE (SdUpgradeWindow, sd_upgrade_window, SD, UPGRADE_WINDOW,
                      GtkWindow)

SdUpgradeWindow *sd_upgrade_window_new     (GtkApplication  *application,
                                            const char      *path,
                                            gint64           n_stories);
/* Cancelled when the window goes (closed, or the application quits):
 * the update's worker stops and rolls back. (transfer none) */
GCancellable    *sd_upgrade_window_get_cancellable (SdUpgradeWindow *self);
/* Why the library cannot be opened, with Close. */
void             sd_upgrade_window_failed  (SdUpgradeWindow *self,
                                            const char      *message);

G_END_DECLS
