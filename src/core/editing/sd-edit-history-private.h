/* sd-edit-history-private.h — what the edit history's source files share;
 * nothing outside src/core/editing/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-edit-history.h"
#include "sd-library.h"
#include "sd-store-edit.h"

G_BEGIN_DECLS

typedef enum
{
  EDIT_ADD_TAG,
  EDIT_REMOVE_TAG,
  EDIT_NOTE,
  EDIT_STATUS,
  EDIT_ADD_HIGHLIGHT,
  EDIT_REMOVE_HIGHLIGHT,
  EDIT_PLACE,
  EDIT_DISMISS_THEME,
  EDIT_FIELD,
  EDIT_SPLIT,
  EDIT_MERGE,
  EDIT_REVERT_REPAIR,
  EDIT_TRASH,
  EDIT_RESTORE,
} EditKind;

/* What an action asks for and what it did, for perform (). */
typedef struct
{
  EditKind         kind;
  gint64           story_id;
  const gint64    *ids; /* EDIT_*_TAG; the stories, pages or batches of EDIT_TRASH, EDIT_RESTORE */
  guint            n_ids;
  const char      *text;     /* the tag, note, place code, theme or field value */
  const char      *expected; /* EDIT_NOTE: the note the editor began from, or NULL */
  const SdStoryStatus *expected_status; /* EDIT_STATUS on a shared library: the status
                                         * the editor saw, or NULL */
  SdStoryStatus    status;
  SdStoryField     field;
  gint64           start; /* EDIT_ADD_HIGHLIGHT */
  gint64           end;
  gint64           number; /* the highlight, the repair, the paragraph to split before */
  SdTrashKind      trash;  /* EDIT_TRASH, EDIT_RESTORE: what @ids are */
  gint64           new_id; /* out: the highlight or story it made */
  gboolean         changed;
  char            *label;    /* out: what it did, in the editor's words */
  SdStoreSnapshot *snapshot; /* what the step covers; a split adds its new story */
} Action;

typedef struct _SharedStep SharedStep;

/* One undo step: the rows it changed, as they were before it (after an
 * undo, as they were after it: undo and redo swap them back in). */
typedef struct
{
  EditKind         kind;
  gint64           story_id;
  SdStoreSnapshot *snapshot;
  SharedStep      *shared; /* instead, on a shared library */
  char            *label;  /* what the step did, for the editor: "Mark “…” as reviewed" */
  gboolean         open;   /* a note edit that later saves extend */
} Edit;

/* sd-edit-history-labels.c: what @action does, in the editor's words;
 * read before it runs (on a personal library inside its transaction), so
 * the story still has the name the editor saw. */
G_GNUC_INTERNAL char *_sd_edit_history_describe (SdLibrary *library, const Action *action);

/* sd-edit-history-shared.c: the undo steps of a library that keeps no
 * snapshots (a shared one, #17): what each action changed, taken back and
 * done again through the library's own versioned writes. */
/* Runs @action on @library: @out_step (NULL when nothing changed; set
 * when it failed part way too) and @out_label, what it did; the actions
 * the library cannot do yet refused with SD_LIBRARY_ERROR_UNSUPPORTED. */
G_GNUC_INTERNAL gboolean _sd_edit_history_run_shared (SdLibrary *library, Action *action,
                                                      SharedStep **out_step, char **out_label,
                                                      GError **error);
/* A note typed on, inside the step @step (an open EDIT_NOTE step). */
G_GNUC_INTERNAL gboolean _sd_edit_history_extend_shared (SdLibrary *library, SharedStep *step,
                                                         const Action *action, GError **error);
/* Undoes @step (or does it again, !@undo); SD_STORE_ERROR_CHANGED, naming
 * who changed what since, when that would overwrite another editor's
 * change, and then nothing is written.  @label: the step's.  A highlight
 * made again has a new id: @renumbered, its old one and the new. */
G_GNUC_INTERNAL gboolean _sd_edit_history_swap_shared (SdLibrary *library, SharedStep *step,
                                                       gboolean undo, const char *label,
                                                       gint64 renumbered[2], GError **error);
/* The steps of @queue (element-type Edit) that name highlight
 * @renumbered[0] name @renumbered[1] instead. */
G_GNUC_INTERNAL void     _sd_edit_history_renumber_shared (GQueue *queue,
                                                           const gint64 renumbered[2]);
G_GNUC_INTERNAL void     _sd_edit_history_shared_step_free (SharedStep *step);
/* Refused: @what of story @id (0: of none) changed since, by the editor
 * the library names as its last writer; SD_STORE_ERROR_CHANGED saying the
 * step @label, who and what.  Returns FALSE. */
G_GNUC_INTERNAL gboolean _sd_edit_history_refuse_shared (SdLibrary *library, gint64 id,
                                                         gboolean undo, const char *label,
                                                         const char *what, GError **error);

/* sd-edit-history-corrections.c: corrections (a field, places, a split, a
 * join, an OCR repair taken back) and the trash on a library that keeps
 * no snapshots: a step keeps
 * the stories whole, before and after, and undo writes them back through
 * sd_library_put_back_stories (); deletes and restores are taken back by
 * the trash's own writes. */
typedef struct _CorrectionStep CorrectionStep;
/* Whether @action is one of them; then @out_ok, whether it was written,
 * and @out_step, the step (NULL when nothing changed). */
G_GNUC_INTERNAL gboolean _sd_edit_history_run_correction (SdLibrary *library, Action *action,
                                                          CorrectionStep **out_step,
                                                          gboolean *out_ok, GError **error);
/* As _sd_edit_history_swap_shared (), for a correction's step. */
G_GNUC_INTERNAL gboolean _sd_edit_history_swap_correction (SdLibrary *library,
                                                           CorrectionStep *step, gboolean undo,
                                                           const char *label, GError **error);
G_GNUC_INTERNAL void     _sd_edit_history_correction_free (CorrectionStep *step);
/* The stories of @step name highlight @renumbered[0] @renumbered[1]. */
G_GNUC_INTERNAL void     _sd_edit_history_renumber_correction (CorrectionStep *step,
                                                               const gint64 renumbered[2]);

G_END_DECLS
