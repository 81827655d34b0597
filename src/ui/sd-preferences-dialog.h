/* sd-preferences-dialog.h — the editor's name and the article's type size
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_PREFERENCES_DIALOG (sd_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdPreferencesDialog, sd_preferences_dialog, SD, PREFERENCES_DIALOG, GtkDialog)

/* Changes apply at once through @settings, as GNOME preferences do. */
void sd_preferences_dialog_present (GtkWindow *parent,
                                    GSettings *settings);

G_END_DECLS
