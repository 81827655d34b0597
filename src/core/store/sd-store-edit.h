/* sd-store-edit.h — editorial actions as the edit history needs them: each
 * one transaction that hands back what it replaced, read inside that same
 * transaction, so an action and its undo record can never disagree and an
 * undo is never left half done
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* What an action replaced. */
typedef struct
{
  SdStory  *story;   /* the story acted on, as it was (full record) */
  SdStory  *next;    /* a merge: the story joined onto it, as it was */
  gboolean  changed; /* FALSE when the story already was as asked: nothing written */
} SdStoreReplaced;

void        sd_store_replaced_clear          (SdStoreReplaced *replaced);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdStoreReplaced, sd_store_replaced_clear)

/* As sd_store_set_note(), sd_store_set_status() and
 * sd_store_set_story_field(), but writing nothing when the value is already
 * @value. */
gboolean    sd_store_edit_note               (SdStore         *self,
                                              gint64           story_id,
                                              const char      *note,
                                              SdStoreReplaced *out,
                                              GError         **error);
gboolean    sd_store_edit_status             (SdStore         *self,
                                              gint64           story_id,
                                              SdStoryStatus    status,
                                              SdStoreReplaced *out,
                                              GError         **error);
gboolean    sd_store_edit_story_field        (SdStore         *self,
                                              gint64           story_id,
                                              SdStoryField     field,
                                              const char      *value,
                                              SdStoreReplaced *out,
                                              GError         **error);
gboolean    sd_store_edit_place              (SdStore         *self,
                                              gint64           story_id,
                                              const char      *place_code,
                                              SdStoreReplaced *out,
                                              GError         **error);
/* NOT_FOUND unless the highlight belongs to the story. */
gboolean    sd_store_edit_remove_highlight   (SdStore         *self,
                                              gint64           story_id,
                                              gint64           highlight_id,
                                              SdStoreReplaced *out,
                                              GError         **error);
gboolean    sd_store_edit_revert_repair      (SdStore         *self,
                                              gint64           story_id,
                                              gint64           repair_id,
                                              SdStoreReplaced *out,
                                              GError         **error);
gboolean    sd_store_edit_merge_with_next    (SdStore         *self,
                                              gint64           story_id,
                                              gint64          *out_removed_id,
                                              guint           *out_paragraph,
                                              SdStoreReplaced *out,
                                              GError         **error);
/* Takes back a merge: splits the story before @paragraph, gives the part
 * after it the fields, note, status, place and tags @joined had, and the
 * story its @note again. */
gboolean    sd_store_edit_unmerge            (SdStore         *self,
                                              gint64           story_id,
                                              guint            paragraph,
                                              const char      *note,
                                              const SdStory   *joined,
                                              gint64          *out_new_id,
                                              GError         **error);

G_END_DECLS
