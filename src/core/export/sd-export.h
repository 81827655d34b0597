/* sd-export.h — write a selection of stories in the formats editors hand on
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-store.h"
#include "sd-store-cursor.h"
#include "sd-story-source.h"
#include "sd-story.h"

G_BEGIN_DECLS

#define SD_EXPORT_ERROR (sd_export_error_quark ())
typedef enum
{
  SD_EXPORT_ERROR_UNKNOWN_FORMAT,
  SD_EXPORT_ERROR_UNKNOWN_FIELD,
  SD_EXPORT_ERROR_WRITE,  /* the destination cannot be written */
  SD_EXPORT_ERROR_RENDER, /* the PDF could not be laid out */
} SdExportError;
GQuark sd_export_error_quark (void);

typedef enum
{
  SD_EXPORT_FORMAT_JSON,     /* the full records: Storydesk's exchange format */
  SD_EXPORT_FORMAT_CSV,      /* RFC 4180, one row per story */
  SD_EXPORT_FORMAT_MARKDOWN, /* one section per story */
  SD_EXPORT_FORMAT_HTML,     /* one standalone page, no script */
  SD_EXPORT_FORMAT_PDF,      /* A4, laid out with Pango */
  SD_EXPORT_FORMAT_W3C,      /* W3C Web Annotation, JSON-LD */
  SD_EXPORT_FORMAT_DOCX,     /* a Word document */
  SD_EXPORT_FORMAT_XLSX,     /* an Excel workbook, one row per story */
} SdExportFormat;

#define SD_EXPORT_N_FORMATS (SD_EXPORT_FORMAT_XLSX + 1)

/* What a story's entry holds.  CSV has one column per field (the place is
 * three: city, district, town); the documents leave out what is not asked
 * for; the W3C output holds notes, highlights and tags as annotations.
 * JSON always holds the full record. */
typedef enum
{
  SD_EXPORT_FIELD_ID         = 1 << 0,
  SD_EXPORT_FIELD_SOURCE     = 1 << 1,
  SD_EXPORT_FIELD_HEADLINE   = 1 << 2,
  SD_EXPORT_FIELD_PLACE      = 1 << 3,
  SD_EXPORT_FIELD_KIND       = 1 << 4,
  SD_EXPORT_FIELD_STATUS     = 1 << 5,
  SD_EXPORT_FIELD_TAGS       = 1 << 6,
  SD_EXPORT_FIELD_NOTE       = 1 << 7,
  SD_EXPORT_FIELD_BYLINE     = 1 << 8,
  SD_EXPORT_FIELD_BODY       = 1 << 9,
  SD_EXPORT_FIELD_HIGHLIGHTS = 1 << 10,
  SD_EXPORT_FIELD_HEADINGS   = 1 << 11, /* the body's section heads, set as heads where
                                         * they stand; CSV, XLSX: a column too (their
                                         * body cell is the text as stored, heads in it) */
  SD_EXPORT_FIELD_CAPTIONS   = 1 << 12, /* the photos' captions */
} SdExportFields;

#define SD_EXPORT_FIELDS_ALL ((SdExportFields) ((1 << 13) - 1))

/* Called after each story is written, in the thread that writes. */
typedef void (*SdExportProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);

typedef struct
{
  SdExportFields       fields;
  gboolean             for_excel;  /* CSV: starts with a byte-order mark */
  const char          *query;      /* (nullable) the search text, for covers and titles */
  const char          *place_name; /* (nullable) the place the selection is under */
  GHashTable          *tag_colors; /* (nullable) tag name → "#rrggbb":
                                    * sd_store_dup_tag_colors () */
  SdExportProgressFunc progress;   /* (nullable) */
  gpointer             progress_data;
} SdExportOptions;

/* The defaults for @format: every field, except the body and highlights
 * for CSV and the highlights for XLSX. */
void         sd_export_options_init         (SdExportOptions *options,
                                             SdExportFormat   format);

gboolean     sd_export_format_from_string   (const char      *name,
                                             SdExportFormat  *out_format,
                                             GError         **error);
/* "json", "csv", "md", "html", "pdf", "w3c", "docx", "xlsx" */
const char  *sd_export_format_to_string     (SdExportFormat   format);
/* The file name extension without the dot: "jsonld" for W3C. */
const char  *sd_export_format_get_extension (SdExportFormat   format);
const char  *sd_export_format_get_mime_type (SdExportFormat   format);
/* Guesses the format from a file name's extension. */
gboolean     sd_export_format_from_filename (const char      *filename,
                                             SdExportFormat  *out_format);

/* @list: comma-separated field names (id, source, headline, place, kind,
 * status, tags, note, byline, body, highlights, headings, captions, or
 * all).  When every name
 * starts with + or -, they add to or take from @defaults. */
gboolean     sd_export_fields_parse         (const char      *list,
                                             SdExportFields   defaults,
                                             SdExportFields  *out_fields,
                                             GError         **error);

/* Writes @stories (element-type SdStory, full records) to @output with the
 * defaults for @format. */
gboolean     sd_export_write                (SdExportFormat   format,
                                             GPtrArray       *stories,
                                             GOutputStream   *output,
                                             GCancellable    *cancellable,
                                             GError         **error);
/* @options: (nullable) */
gboolean     sd_export_write_full           (SdExportFormat         format,
                                             GPtrArray             *stories,
                                             const SdExportOptions *options,
                                             GOutputStream         *output,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* The same of the stories @cursor gives, read one at a time as they are
 * written: an export of the whole library in bounded memory (#16; the PDF
 * alone still reads them all first).  To @output, or when it is %NULL to
 * @file as sd_export_to_file () writes. */
gboolean     sd_export_write_cursor         (SdExportFormat         format,
                                             SdStoryCursor         *cursor,
                                             const SdExportOptions *options,
                                             GOutputStream         *output,
                                             GFile                 *file,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* The same of the stories a source of either engine gives (a personal
 * library's cursor, or a shared library's: sd-pg-cursor.h), the export
 * code one for both (#17). */
gboolean     sd_export_write_stories        (SdExportFormat         format,
                                             const SdStorySource   *stories,
                                             const SdExportOptions *options,
                                             GOutputStream         *output,
                                             GFile                 *file,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* @cursor as a story source; the caller keeps the cursor. */
void         sd_story_source_init_for_cursor (SdStorySource        *source,
                                              SdStoryCursor        *cursor);

/* Writes to a hidden file beside @file and renames it into place only once
 * complete: a failed or cancelled export leaves no half file, and a file
 * already there whole. */
gboolean     sd_export_to_file              (SdExportFormat         format,
                                             GPtrArray             *stories,
                                             const SdExportOptions *options,
                                             GFile                 *file,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* Where an export in a worker (sd_export_to_file_async ()) reads its
 * stories from, whichever engine keeps them; both called in the worker. */
typedef struct
{
  /* @scope's full stories in the library's order as @out_source, and the
   * tag colours in @out_tag_colors (transfer full). */
  gboolean   (*open)  (gpointer        data,
                       const SdScope  *scope,
                       GCancellable   *cancellable,
                       SdStorySource  *out_source,
                       GHashTable    **out_tag_colors,
                       GError        **error);
  /* Lets go of what open () opened (called after it, whether it failed). */
  void       (*close) (gpointer        data);
} SdExportReaderFuncs;

typedef struct
{
  const SdExportReaderFuncs *funcs;
  gpointer                   data;
  GDestroyNotify             free_data; /* (nullable) once the export is over */
} SdExportReader;

/* A personal library's reader: a connection of the export's own
 * (sd_store_open_for_worker ()), made now, and its cursor.  A shared
 * library's: sd_pg_shared_init_export_reader (). */
gboolean     sd_export_reader_init_for_store (SdExportReader       *reader,
                                             SdStore               *store,
                                             GError               **error);

/* Reads the stories of @scope through @reader, which the job takes, and
 * writes them to @file, in a worker thread.  @options' progress
 * function is ignored; @progress is called in the caller's main context. */
void         sd_export_to_file_async        (const SdExportReader  *reader,
                                             const SdScope         *scope,
                                             SdExportFormat         format,
                                             const SdExportOptions *options,
                                             GFile                 *file,
                                             GCancellable          *cancellable,
                                             SdExportProgressFunc   progress,
                                             gpointer               progress_data,
                                             GDestroyNotify         progress_destroy,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
/* @out_n_stories: (out) (optional) how many stories were written */
gboolean     sd_export_to_file_finish       (GAsyncResult          *result,
                                             guint                 *out_n_stories,
                                             GError               **error);

G_END_DECLS
