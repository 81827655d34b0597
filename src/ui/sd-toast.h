/* sd-toast.h — a short in-app notification over the window's top edge:
 * what just happened, a button to go to it, and a close button
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_TOAST (sd_toast_get_type ())
G_DECLARE_FINAL_TYPE (SdToast, sd_toast, SD, TOAST, GtkRevealer)

/* Signals:
 *   activated (SdToast *self, gint64 story_id, gpointer data): the editor
 *     asked to see the story the notification is about. */

/* Shows @message for a few seconds; @story_id, when not 0, gets a button
 * that emits ::activated. */
void sd_toast_show (SdToast    *self,
                    const char *message,
                    gint64      story_id);
/* Shows @message with an Undo button (the window's win.undo). */
void sd_toast_show_undoable (SdToast    *self,
                             const char *message);

G_END_DECLS
