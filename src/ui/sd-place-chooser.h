/* sd-place-chooser.h — a popover to file a story under a place of Jiangsu,
 * found by typing part of its name
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_PLACE_CHOOSER (sd_place_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SdPlaceChooser, sd_place_chooser, SD, PLACE_CHOOSER, GtkPopover)

/* Signals:
 *   place-chosen (SdPlaceChooser *self, const char *code, gpointer data):
 *     a place was picked: a gazetteer code, or NULL for "Unplaced".
 *     The popover then pops down. */

GtkWidget *sd_place_chooser_new         (GtkWidget      *relative_to);
/* @code: (nullable) the story's place, marked in the list; NULL marks the
 * "Unplaced" row. */
void       sd_place_chooser_set_current (SdPlaceChooser *self,
                                         const char     *code);

G_END_DECLS
