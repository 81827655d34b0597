/* sd-edit-history.h — an editor's actions on the library, with undo and redo
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_EDIT_HISTORY (sd_edit_history_get_type ())
G_DECLARE_FINAL_TYPE (SdEditHistory, sd_edit_history, SD, EDIT_HISTORY, GObject)

SdEditHistory *sd_edit_history_new              (SdStore        *store);
SdEditHistory *sd_edit_history_new_for_library  (SdLibrary      *library);

/* Each call is one store transaction and one undo step. */
gboolean       sd_edit_history_add_tag          (SdEditHistory  *self,
                                                 const gint64   *ids,
                                                 guint           n_ids,
                                                 const char     *tag,
                                                 GError        **error);
gboolean       sd_edit_history_remove_tag       (SdEditHistory  *self,
                                                 const gint64   *ids,
                                                 guint           n_ids,
                                                 const char     *tag,
                                                 GError        **error);
/* Consecutive saves of one story's note make a single undo step, so undo
 * brings back the note as it was before the editor started typing. */
gboolean       sd_edit_history_set_note         (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 const char     *note,
                                                 GError        **error);
/* Writes @note only over the note @expected, the one the editor began
 * from; SD_STORE_ERROR_CHANGED when someone else changed it since, and
 * then nothing is written. */
gboolean       sd_edit_history_set_note_from    (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 const char     *expected,
                                                 const char     *note,
                                                 GError        **error);
gboolean       sd_edit_history_set_status       (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 SdStoryStatus   status,
                                                 GError        **error);
/* On a shared library only over the status @expected the editor saw, else
 * SD_STORE_ERROR_CHANGED naming both; on a personal one as above. */
gboolean       sd_edit_history_set_status_from  (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 SdStoryStatus   expected,
                                                 SdStoryStatus   status,
                                                 GError        **error);
/* The status or the place (NULL: unplaced) of several stories, in one
 * undo step; no step when none of them changed. */
gboolean       sd_edit_history_set_status_of    (SdEditHistory  *self,
                                                 const gint64   *ids,
                                                 guint           n_ids,
                                                 SdStoryStatus   status,
                                                 GError        **error);
gboolean       sd_edit_history_set_place_of     (SdEditHistory  *self,
                                                 const gint64   *ids,
                                                 guint           n_ids,
                                                 const char     *place_code,
                                                 GError        **error);
gboolean       sd_edit_history_add_highlight    (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 gint64          start,
                                                 gint64          end,
                                                 const char     *comment,
                                                 GError        **error);
gboolean       sd_edit_history_remove_highlight (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 gint64          highlight_id,
                                                 GError        **error);
gboolean       sd_edit_history_set_place        (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 const char     *place_code,
                                                 GError        **error);
gboolean       sd_edit_history_dismiss_theme    (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 const char     *theme,
                                                 GError        **error);
gboolean       sd_edit_history_set_story_field  (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 SdStoryField    field,
                                                 const char     *value,
                                                 GError        **error);
/* The same, over the value @expected the editor was shown: on a shared
 * library SD_STORE_ERROR_CHANGED, nothing written, when someone else
 * changed the field since; nothing at all when @value is @expected. */
gboolean       sd_edit_history_set_story_field_from (SdEditHistory *self,
                                                 gint64          story_id,
                                                 SdStoryField    field,
                                                 const char     *expected,
                                                 const char     *value,
                                                 GError        **error);
gboolean       sd_edit_history_split_story      (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 guint           paragraph,
                                                 gint64         *out_new_id,
                                                 GError        **error);
gboolean       sd_edit_history_merge_with_next  (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 GError        **error);
gboolean       sd_edit_history_revert_repair    (SdEditHistory  *self,
                                                 gint64          story_id,
                                                 gint64          repair_id,
                                                 GError        **error);
/* Sends the stories, the pages' stories or the batches' stories @ids to
 * the trash (sd_store_trash ()), or brings them back (sd_store_restore ()),
 * in one undo step; no step when nothing moved. */
gboolean       sd_edit_history_trash            (SdEditHistory  *self,
                                                 SdTrashKind     kind,
                                                 const gint64   *ids,
                                                 guint           n_ids,
                                                 GError        **error);
gboolean       sd_edit_history_restore          (SdEditHistory  *self,
                                                 SdTrashKind     kind,
                                                 const gint64   *ids,
                                                 guint           n_ids,
                                                 GError        **error);
/* Ends a run of note saves: the next save is a new undo step. */
void           sd_edit_history_close_group      (SdEditHistory  *self);

gboolean       sd_edit_history_can_undo         (SdEditHistory  *self);
gboolean       sd_edit_history_can_redo         (SdEditHistory  *self);
/* What undo and redo would do, in the editor's words ("Mark “…” as
 * Reviewed"); NULL when there is nothing to undo or redo. */
const char    *sd_edit_history_get_undo_label   (SdEditHistory  *self);
const char    *sd_edit_history_get_redo_label   (SdEditHistory  *self);
/* The story the next undo (or, with @redo, redo) is about; 0 if none. */
gint64         sd_edit_history_get_next_story   (SdEditHistory  *self,
                                                 gboolean        redo);
gboolean       sd_edit_history_undo             (SdEditHistory  *self,
                                                 GError        **error);
gboolean       sd_edit_history_redo             (SdEditHistory  *self,
                                                 GError        **error);

G_END_DECLS
