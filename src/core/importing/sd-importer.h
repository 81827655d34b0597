/* sd-importer.h — page files in, stories in the library out
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-import-pacer.h"
#include "sd-library.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* What happened to one file. */
typedef struct
{
  char    *path;
  guint    n_stories;
  gboolean known;         /* the same bytes were imported before; nothing changed */
  char    *name;          /* the page's name: its identity when it has no date and page */
  guint    n_restored;    /* known, but deleted: its stories back from the trash */
  gboolean replaced;      /* a new version of the page of the same identity */
  guint    n_carried;     /* old stories whose annotations moved to new ones */
  guint    n_kept;        /* old annotated stories kept because nothing matched */
  guint    n_dropped;     /* old stories without editors' work that matched nothing: gone
                           * (or, refused with SD_STORE_ERROR_WOULD_DROP or in a dry run,
                           * that would go) */
  gboolean exchange;      /* a Storydesk JSON export, whose stories were: */
  guint    n_added;       /* new to the library */
  guint    n_merged;      /* held already, merged (sd_store_import_stories ()) */
  guint    n_conflicting; /* merged, with note or status edited on both sides */
  gboolean no_paper;      /* neither its name nor its text named a paper: the */
  gboolean no_date;       /* import's own (SdImportOptions), if any, was used */
  GError  *error;         /* (nullable) why the file was refused */
} SdImportResult;

void        sd_import_result_free     (SdImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdImportResult, sd_import_result_free)

/* A page file to import and the name its identity falls back on. */
typedef struct
{
  char *path;
  char *name; /* the path from the folder imported, that folder's name first
               * ("2022-11-03/A01.txt"); a file named on its own: its name */
} SdImportFile;

void        sd_import_file_free       (SdImportFile   *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdImportFile, sd_import_file_free)

typedef struct
{
  const char *paper;      /* (nullable) for pages whose name and text name none */
  const char *issue_date; /* (nullable) yyyy-mm-dd, the same */
  gboolean    allow_drop; /* a new version may drop stories of the earlier one
                           * (else such a file is refused, SD_STORE_ERROR_WOULD_DROP) */
  gboolean    dry_run;    /* only find out what would happen: known, replaced and
                           * n_dropped; nothing is written (new pages are not segmented) */
  SdBatchKind batch_kind; /* the import batch the new pages make (an import, or
                           * the sample pages of the window's first run) */
  SdImportPacer *pacer;   /* (nullable) the window's: the import steps aside
                           * while its main loop is late (sd-import-pacer) */
} SdImportOptions;

/* Called in the caller's main context as files are done. */
typedef void (*SdImportProgressFunc) (guint       done,
                                      guint       total,
                                      const char *path,
                                      gpointer    user_data);

/* Expands folders (their page files, *.txt, sorted by name, and those of
 * the folders inside, not hidden ones nor linked ones) and keeps files as
 * given, each named by the imported folder's own name and its path below
 * it.  A folder inside that cannot be read is listed as it is: importing
 * it reports why.  (element-type SdImportFile) */
GPtrArray  *sd_importer_collect_pages (const char *const *paths,
                                       GError            **error);
/* The same, paths only. (element-type filename) */
GPtrArray  *sd_importer_collect_files (const char *const *paths,
                                       GError            **error);

/* Reads, segments, places and stores one page in one transaction, known
 * by its file name; a new version that would drop stories is refused. */
SdImportResult *sd_importer_import_file (SdStore    *store,
                                         const char *path);
/* The same for @file, into @library (an SdLibrary: a personal library's
 * SdStore or a shared library's SdPgShared), on the calling thread's
 * connection.  @options: (nullable) */
SdImportResult *sd_importer_import_page (gpointer               library,
                                         const SdImportFile    *file,
                                         const SdImportOptions *options);

/* Imports @paths into @library (an SdLibrary: a personal library's SdStore
 * or a shared library's SdPgShared) in a worker thread, on a connection of
 * the job's own (sd_library_open_for_import ()); the new pages make one
 * import batch of @options' batch_kind.  @options: (nullable) */
void        sd_importer_import_async  (gpointer             library,
                                       const char *const   *paths,
                                       const SdImportOptions *options,
                                       GCancellable        *cancellable,
                                       SdImportProgressFunc progress,
                                       gpointer             progress_data,
                                       GDestroyNotify       progress_destroy,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Returns: (element-type SdImportResult) (transfer full) */
GPtrArray  *sd_importer_import_finish (GAsyncResult        *result,
                                       GError             **error);

/* The import thread's nice value: the window's own, measured against 5 and
 * 10 (#16: below it, the window's import took 1.6× the CLI's and stalled no
 * less); STORYDESK_IMPORT_NICE (0 to 19) sets another, for the benchmark. */
#define SD_IMPORT_NICE 0
int         sd_importer_thread_nice   (void);

/* New pages, unchanged pages, new versions and exports told apart, in one
 * sentence; NULL when no file was read. (transfer full) */
char       *sd_import_results_dup_summary (GPtrArray    *results);

G_END_DECLS
