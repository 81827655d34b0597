/* sd-library-model.h — what the window shows of the whole library besides
 * its stories: the tags and their colours, the story counts by place and
 * the saved searches, read in the store's worker and read again when the
 * store says they may have changed
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-export.h"
#include "sd-importer.h"
#include "sd-library.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* What SdLibraryModel::changed brings: the parts that differ from before. */
typedef enum
{
  SD_LIBRARY_MODEL_TAGS     = 1 << 0, /* the tag names or their colours */
  SD_LIBRARY_MODEL_COUNTS   = 1 << 1, /* the story counts by place */
  SD_LIBRARY_MODEL_SEARCHES = 1 << 2, /* the saved searches or their counts */
  SD_LIBRARY_MODEL_TRASH    = 1 << 3, /* the import batches or the trash's count */
  SD_LIBRARY_MODEL_DATES    = 1 << 4, /* the story counts by their page's date */
} SdLibraryModelParts;

#define SD_TYPE_LIBRARY_MODEL (sd_library_model_get_type ())
G_DECLARE_FINAL_TYPE (SdLibraryModel, sd_library_model, SD, LIBRARY_MODEL, GObject)

/* Starts reading at once; SdLibraryModel::changed follows. */
SdLibraryModel *sd_library_model_new                (SdLibrary      *library);
/* Reads nothing until sd_library_model_start () (or a change the library
 * says): the window's first rows do not wait behind the counts (#16). */
SdLibraryModel *sd_library_model_new_unread         (SdLibrary      *library);
/* Starts the first reading, unless one started already. */
void            sd_library_model_start              (SdLibraryModel *self);
/* Every tag name, most used first; empty until read. (element-type utf8) (transfer none) */
GPtrArray      *sd_library_model_get_tags           (SdLibraryModel *self);
/* The colour "#rrggbb" of @tag, or NULL for the default. */
const char     *sd_library_model_lookup_tag_color   (SdLibraryModel *self,
                                                     const char     *tag);
/* Story counts by place code, "" for the unplaced, as
 * sd_store_count_by_place() gives them; NULL until read.
 * (element-type utf8 gint64*) (transfer none) */
GHashTable     *sd_library_model_get_counts         (SdLibraryModel *self);
/* Story counts by their page's date, yyyy-mm-dd, as
 * sd_store_count_by_date() gives them; NULL until read.
 * (element-type utf8 gint64*) (transfer none) */
GHashTable     *sd_library_model_get_dates          (SdLibraryModel *self);
/* NULL until read. (element-type SdSavedSearch) (transfer none) */
GPtrArray      *sd_library_model_get_saved_searches (SdLibraryModel *self);
/* The import batches, oldest first; NULL until read.
 * (element-type SdBatch) (transfer none) */
GPtrArray      *sd_library_model_get_batches        (SdLibraryModel *self);
/* How many stories are in the trash; 0 until read. */
gint64          sd_library_model_get_trash_count    (SdLibraryModel *self);
/* Why the last reading failed, or NULL; what was read before stays. */
const GError   *sd_library_model_get_error          (SdLibraryModel *self);

/* The writes the widgets ask for, passed on to the store; the model
 * follows them as it follows every change. */
gboolean        sd_library_model_rename_tag         (SdLibraryModel *self,
                                                     const char     *tag,
                                                     const char     *new_name,
                                                     GError        **error);
/* @color: (nullable) "#rrggbb", or NULL for the default */
gboolean        sd_library_model_set_tag_color      (SdLibraryModel *self,
                                                     const char     *tag,
                                                     const char     *color,
                                                     GError        **error);
gboolean        sd_library_model_save_search        (SdLibraryModel *self,
                                                     const char     *name,
                                                     const char     *query,
                                                     GError        **error);
gboolean        sd_library_model_delete_search      (SdLibraryModel *self,
                                                     const char     *name,
                                                     GError        **error);
/* The paper, date and page number of the page @story_id was cut from
 * (sd_store_set_page_fields ()): NULL leaves a field, "" clears it. */
gboolean        sd_library_model_set_page_fields    (SdLibraryModel *self,
                                                     gint64          story_id,
                                                     const char     *paper,
                                                     const char     *issue_date,
                                                     const char     *page_no,
                                                     GError        **error);
/* Deletes for good every story in the trash (sd_store_empty_trash ());
 * @out_n: (optional) how many. */
gboolean        sd_library_model_empty_trash        (SdLibraryModel *self,
                                                     guint          *out_n,
                                                     GError        **error);
/* Another connection wrote (an import in a worker finished): every model
 * of the store reads again, without waiting for the files to say so. */
void            sd_library_model_check_library      (SdLibraryModel *self);

/* The long jobs, each in a worker on a connection of its own: importing
 * page files or exports (sd_importer_import_async (), on a personal
 * library or, for an admin, a shared one; @options copied),
 * exporting stories (sd_export_to_file_async ()).  @owner, a GObject, is
 * kept alive for @progress, called in this thread's main context, and
 * handed to @callback with a reference the callback drops. */
void            sd_library_model_import_async       (SdLibraryModel        *self,
                                                     const char *const     *paths,
                                                     const SdImportOptions *options,
                                                     GCancellable          *cancellable,
                                                     SdImportProgressFunc   progress,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               owner);
/* Returns: (element-type SdImportResult) (transfer full) */
GPtrArray      *sd_library_model_import_finish      (SdLibraryModel        *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void            sd_library_model_export_async       (SdLibraryModel        *self,
                                                     const SdScope         *scope,
                                                     SdExportFormat         format,
                                                     const SdExportOptions *options,
                                                     GFile                 *file,
                                                     GCancellable          *cancellable,
                                                     SdExportProgressFunc   progress,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               owner);
/* @out_n_stories: (out) (optional) how many stories were written */
gboolean        sd_library_model_export_finish      (SdLibraryModel        *self,
                                                     GAsyncResult          *result,
                                                     guint                 *out_n_stories,
                                                     GError               **error);
/* The full records of the stories @ids, read in the store's worker (to
 * print them). */
void            sd_library_model_read_stories_async (SdLibraryModel        *self,
                                                     const gint64          *ids,
                                                     guint                  n_ids,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray      *sd_library_model_read_stories_finish (SdLibraryModel       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* The id of the story @ref (an id or a uuid) names, found in the store's
 * worker; -1 with @error set when none has it. */
void            sd_library_model_find_story_async   (SdLibraryModel        *self,
                                                     const char            *ref,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64          sd_library_model_find_story_finish  (SdLibraryModel        *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
