/* sd-tag-chip.h — one tag in the story inspector: its name, which opens a
 * popover to rename or recolour it, and a button to take it off
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_TAG_CHIP (sd_tag_chip_get_type ())
G_DECLARE_FINAL_TYPE (SdTagChip, sd_tag_chip, SD, TAG_CHIP, GtkBox)

/* Signals:
 *   remove-tag (SdTagChip *self, gpointer data): the editor takes the tag
 *     off the stories.
 *   rename-tag (SdTagChip *self, const char *name, gpointer data): the
 *     editor renames the tag on every story; an existing tag's name merges
 *     the two.
 *   recolor-tag (SdTagChip *self, const char *color, gpointer data): the
 *     editor picked a colour, as "#rrggbb". */

/* @color: (nullable) "#rrggbb" or another CSS colour; @count: when above 0,
 * how many of the selected stories carry the tag, shown after its name. */
GtkWidget  *sd_tag_chip_new      (const char *tag,
                                  const char *color,
                                  guint       count);
const char *sd_tag_chip_get_tag  (SdTagChip  *self);
void        sd_tag_chip_set_look (SdTagChip  *self,
                                  const char *color,
                                  guint       count);

G_END_DECLS
