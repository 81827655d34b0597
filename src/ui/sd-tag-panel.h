/* sd-tag-panel.h — the editor's tags, note and review status for one story
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_TAG_PANEL (sd_tag_panel_get_type ())
G_DECLARE_FINAL_TYPE (SdTagPanel, sd_tag_panel, SD, TAG_PANEL, GtkBox)

void sd_tag_panel_set_store (SdTagPanel    *self,
                             SdStore       *store);
/* @story: (nullable) Saves a note still being typed for the previous story. */
void sd_tag_panel_set_story (SdTagPanel    *self,
                             const SdStory *story);
/* Writes a note still being typed now, instead of after the typing pause. */
void sd_tag_panel_flush     (SdTagPanel    *self);

G_END_DECLS
