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
/* With @expected, the note is written only over that text: a note someone
 * else changed since the editor began is kept, and SD_STORE_ERROR_CHANGED
 * says so. */
gboolean    sd_store_edit_note               (SdStore         *self,
                                              gint64           story_id,
                                              const char      *expected,
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
/* The rows of some stories (every table's: the story, its tags,
 * highlights, repairs, place mentions and dismissed themes, ids included)
 * and of some tags, as they were: what undo puts back. */
typedef struct _SdStoreSnapshot SdStoreSnapshot;

SdStoreSnapshot *sd_store_snapshot_new       (void);
void        sd_store_snapshot_free           (SdStoreSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoreSnapshot, sd_store_snapshot_free)
/* Names what a snapshot covers.  A story added after the capture (the new
 * part of a split) is covered as one that was not there. */
void        sd_store_snapshot_add_story      (SdStoreSnapshot *snapshot,
                                              gint64           story_id);
/* Every story of @story_id's page, as the page is at the capture. */
void        sd_store_snapshot_add_page_of    (SdStoreSnapshot *snapshot,
                                              gint64           story_id);
/* Every story deleting or restoring the story, page or batch @id may
 * change, as they are at the capture. */
void        sd_store_snapshot_add_trash_target (SdStoreSnapshot *snapshot,
                                              SdTrashKind      kind,
                                              gint64           id);
void        sd_store_snapshot_add_tag        (SdStoreSnapshot *snapshot,
                                              const char      *tag);

typedef gboolean (*SdStoreEditFunc)          (SdStore         *store,
                                              gpointer         data,
                                              GError         **error);
/* Runs @func in one transaction, capturing into @snapshot first the rows
 * it covers; the store's writes @func makes join that transaction. */
gboolean    sd_store_run_edit                (SdStore         *self,
                                              SdStoreSnapshot *snapshot,
                                              SdStoreEditFunc  func,
                                              gpointer         data,
                                              GError         **error);
/* Runs @func in one transaction as part of the step @snapshot already
 * holds (a note typed on): the rows before stay, the rows after are read
 * again. */
gboolean    sd_store_extend_edit             (SdStore         *self,
                                              SdStoreSnapshot *snapshot,
                                              SdStoreEditFunc  func,
                                              gpointer         data,
                                              GError         **error);
/* In one transaction, puts back the rows @snapshot holds and keeps in it
 * the ones they replaced: undo, and after it redo.  Refused with
 * SD_STORE_ERROR_CHANGED when the rows are no longer as the step left
 * them. */
gboolean    sd_store_swap_snapshot           (SdStore         *self,
                                              SdStoreSnapshot *snapshot,
                                              GError         **error);

G_END_DECLS
