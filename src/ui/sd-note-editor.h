/* sd-note-editor.h — the story's note in the side panel
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-edit-history.h"

G_BEGIN_DECLS

#define SD_TYPE_NOTE_EDITOR (sd_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (SdNoteEditor, sd_note_editor, SD, NOTE_EDITOR, GtkBox)

/* Notes are saved through @history, one undo step per story typed in. */
void sd_note_editor_set_history  (SdNoteEditor  *self,
                                  SdEditHistory *history);
/* Shows @story's note (NULL: none), after saving what was typed for the
 * story before; a conflict left open keeps both texts. */
void sd_note_editor_show_story   (SdNoteEditor  *self,
                                  const SdStory *story);
/* The shown story changed in the library: its note follows unless the
 * editor has typed since, which makes a conflict the editor settles. */
void sd_note_editor_update_story (SdNoteEditor  *self,
                                  const SdStory *story);
/* Writes a note still being typed now, instead of after the typing pause. */
void sd_note_editor_flush        (SdNoteEditor  *self);
/* The line under the note, for every edit of the panel. */
void sd_note_editor_show_saved   (SdNoteEditor  *self);
void sd_note_editor_show_error   (SdNoteEditor  *self,
                                  const GError  *error);

G_END_DECLS
