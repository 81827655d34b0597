/* sd-importer.h — page files in, stories in the library out
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* What happened to one file. */
typedef struct
{
  char    *path;
  guint    n_stories;
  gboolean known;         /* the same bytes were imported before; nothing changed */
  guint    n_restored;    /* known, but deleted: its stories back from the trash */
  gboolean replaced;      /* a new version of a page of the same file name */
  guint    n_carried;     /* old stories whose annotations moved to new ones */
  guint    n_kept;        /* old annotated stories kept because nothing matched */
  gboolean exchange;      /* a Storydesk JSON export, whose stories were: */
  guint    n_added;       /* new to the library */
  guint    n_merged;      /* held already, merged (sd_store_import_stories ()) */
  guint    n_conflicting; /* merged, with note or status edited on both sides */
  GError  *error;         /* (nullable) why the file was refused */
} SdImportResult;

void        sd_import_result_free     (SdImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdImportResult, sd_import_result_free)

/* Called in the caller's main context as files are done. */
typedef void (*SdImportProgressFunc) (guint       done,
                                      guint       total,
                                      const char *path,
                                      gpointer    user_data);

/* Expands folders (their page files, *.txt, sorted by name; not recursive
 * into hidden folders) and keeps files as given. (element-type filename) */
GPtrArray  *sd_importer_collect_files (const char *const *paths,
                                       GError            **error);

/* Reads, segments, places and stores one page in one transaction. */
SdImportResult *sd_importer_import_file (SdStore    *store,
                                         const char *path);

/* Imports @paths into @store's library in a worker thread, on a connection
 * of the job's own (sd_store_open_for_worker ()); the new pages make one
 * import batch of @batch_kind. */
void        sd_importer_import_async  (SdStore             *store,
                                       const char *const   *paths,
                                       SdBatchKind          batch_kind,
                                       GCancellable        *cancellable,
                                       SdImportProgressFunc progress,
                                       gpointer             progress_data,
                                       GDestroyNotify       progress_destroy,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Returns: (element-type SdImportResult) (transfer full) */
GPtrArray  *sd_importer_import_finish (GAsyncResult        *result,
                                       GError             **error);

/* New pages, unchanged pages, new versions and exports told apart, in one
 * sentence; NULL when no file was read. (transfer full) */
char       *sd_import_results_dup_summary (GPtrArray    *results);

G_END_DECLS
