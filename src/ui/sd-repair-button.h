/* sd-repair-button.h — "Take back" beside one OCR repair in the article view
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_TYPE_REPAIR_BUTTON (sd_repair_button_get_type ())
G_DECLARE_FINAL_TYPE (SdRepairButton, sd_repair_button, SD, REPAIR_BUTTON, GtkButton)

/* Signals:
 *   take-back (SdRepairButton *self, gint64 repair_id, gpointer data): the
 *     editor asked to undo the repair. */

/* What the segmenter did, in the editor's words ("Joined a paragraph broken
 * at a column break"). */
const char *sd_repair_describe              (SdRepairKind    kind);

/* A button for @repair, whose detail is its tooltip. */
GtkWidget  *sd_repair_button_new            (const SdRepair *repair);
gint64      sd_repair_button_get_repair_id  (SdRepairButton *self);

G_END_DECLS
