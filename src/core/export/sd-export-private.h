/* sd-export-private.h — what the export writers share; nothing outside
 * src/core/export/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-export.h"
#include "sd-gazetteer.h"
#include "sd-store-cursor.h"
#include "sd-story-source.h"

G_BEGIN_DECLS

/* Writers flush their text to the stream once this much is buffered. */
#define SD_EXPORT_CHUNK (64 * 1024)

/* Where a writer takes its stories from, one at a time, so that an export
 * of the whole library never holds it whole (#16): an array the caller
 * holds, or a story source, of either engine (sd-story-source.h;
 * sd-export-source.c). */
typedef struct
{
  GPtrArray     *stories; /* (nullable) */
  SdStorySource  source;  /* its funcs NULL when @stories is the source */
  guint          next;    /* the array's next index */
  SdStory       *current; /* (nullable) the last story read from the source */
} SdExportSource;

/* @stories or, when it is NULL, @source. */
G_GNUC_INTERNAL void           _sd_export_source_init      (SdExportSource       *source,
                                                            GPtrArray            *stories,
                                                            const SdStorySource  *from);
G_GNUC_INTERNAL void           _sd_export_source_clear     (SdExportSource       *source);
G_GNUC_INTERNAL guint          _sd_export_source_get_total (const SdExportSource *source);
/* The next story in @out_story, %NULL after the last; each is the
 * source's until the next call. */
G_GNUC_INTERNAL gboolean       _sd_export_source_next      (SdExportSource       *source,
                                                            const SdStory       **out_story,
                                                            GError              **error);
/* Back to the first story, for a writer that reads them twice. */
G_GNUC_INTERNAL void           _sd_export_source_rewind    (SdExportSource       *source);
/* The story read @index-th (its id @id) once more, for a writer that
 * writes in another order than it reads; the source's until the next
 * call.  %NULL with @error set. */
G_GNUC_INTERNAL const SdStory *_sd_export_source_get       (SdExportSource       *source,
                                                            guint                 index,
                                                            gint64                id,
                                                            GError              **error);
/* Every story at once, for the PDF, which lays them all out before it
 * draws. (transfer full) */
G_GNUC_INTERNAL GPtrArray     *_sd_export_source_dup_all   (SdExportSource       *source,
                                                            GError              **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdExportSource, _sd_export_source_clear)

/* Writes @source to @file as sd_export_to_file () does (sd-export-file.c). */
G_GNUC_INTERNAL gboolean       _sd_export_source_to_file   (SdExportFormat         format,
                                                            SdExportSource        *source,
                                                            const SdExportOptions *options,
                                                            GFile                 *file,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
/* Appends @story, the @index-th, to @out. */
typedef void (*SdExportAppendFunc) (GString       *out,
                                    const SdStory *story,
                                    guint          index,
                                    gpointer       data);
/* Each story of @stories through @append, @out flushed to @output and the
 * progress reported after each. */
G_GNUC_INTERNAL gboolean       _sd_export_write_each       (SdExportSource         *stories,
                                                            const SdExportOptions  *options,
                                                            GString                *out,
                                                            SdExportAppendFunc      append,
                                                            gpointer                data,
                                                            GOutputStream          *output,
                                                            GCancellable           *cancellable,
                                                            GError                **error);
/* sd_export_write_full () of @source. */
G_GNUC_INTERNAL gboolean       _sd_export_write_source     (SdExportFormat         format,
                                                            SdExportSource        *source,
                                                            const SdExportOptions *options,
                                                            GOutputStream         *output,
                                                            GCancellable          *cancellable,
                                                            GError               **error);

typedef gboolean (*SdExportWriter) (SdExportSource        *stories,
                                    const SdExportOptions *options,
                                    GOutputStream         *output,
                                    GCancellable          *cancellable,
                                    GError               **error);

/* A writer that takes the stories one at a time, so an export of the whole
 * library never holds it whole (issue #16): begin, add each story, end;
 * clear frees its state, also after a failure. */
typedef struct
{
  const SdExportOptions *options;
  GOutputStream         *output;
  GCancellable          *cancellable;
  guint                  total; /* the stories to come */
  gpointer               state;
} SdExportSink;

typedef struct
{
  gboolean (*begin) (SdExportSink *sink, GError **error);
  gboolean (*add)   (SdExportSink *sink, const SdStory *story, GError **error);
  gboolean (*end)   (SdExportSink *sink, GError **error);
  void     (*clear) (SdExportSink *sink);
} SdExportSinkClass;

/* @text with terminal controls and bidi overrides shown as U+FFFD
 * (sd-export-text.c), for CSV and Markdown, which editors and terminals
 * open as they are. */
G_GNUC_INTERNAL char    *_sd_export_dup_visible (const char *text);

G_GNUC_INTERNAL extern const SdExportSinkClass _sd_export_docx_sink;
G_GNUC_INTERNAL extern const SdExportSinkClass _sd_export_xlsx_sink;

G_GNUC_INTERNAL gboolean _sd_export_write_json (SdExportSource        *stories,
                                                const SdExportOptions *options,
                                                GOutputStream         *output,
                                                GCancellable          *cancellable,
                                                GError               **error);
G_GNUC_INTERNAL gboolean _sd_export_write_csv (SdExportSource        *stories,
                                               const SdExportOptions *options,
                                               GOutputStream         *output,
                                               GCancellable          *cancellable,
                                               GError               **error);
G_GNUC_INTERNAL gboolean _sd_export_write_markdown (SdExportSource        *stories,
                                                    const SdExportOptions *options,
                                                    GOutputStream         *output,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
G_GNUC_INTERNAL gboolean _sd_export_write_html (SdExportSource        *stories,
                                                const SdExportOptions *options,
                                                GOutputStream         *output,
                                                GCancellable          *cancellable,
                                                GError               **error);
G_GNUC_INTERNAL gboolean _sd_export_write_pdf (SdExportSource        *stories,
                                               const SdExportOptions *options,
                                               GOutputStream         *output,
                                               GCancellable          *cancellable,
                                               GError               **error);
G_GNUC_INTERNAL gboolean _sd_export_write_w3c (SdExportSource        *stories,
                                               const SdExportOptions *options,
                                               GOutputStream         *output,
                                               GCancellable          *cancellable,
                                               GError               **error);

/* The official names of the story's city, district and town; each may be
 * NULL. */
G_GNUC_INTERNAL void     _sd_export_get_place      (const SdStory  *story,
                                                    const SdPlace **city,
                                                    const SdPlace **district,
                                                    const SdPlace **town);
/* "苏州市 · 吴江区 · 黎里镇", or NULL when unplaced. (transfer full) */
G_GNUC_INTERNAL char    *_sd_export_dup_place_line (const SdStory  *story);
/* "苏州日报 · 2022-11-03 · 第A05版": the page's paper, date and number as
 * far as they are known, or NULL. (transfer full) */
G_GNUC_INTERNAL char    *_sd_export_dup_issue_line (const SdStory  *story);
/* Adds to @parts the status, the page, source file and story id lines that @fields
 * asks for, as the meta line of the Markdown and PDF writers shows them. */
G_GNUC_INTERNAL void     _sd_export_add_record_parts (GPtrArray      *parts,
                                                      const SdStory  *story,
                                                      SdExportFields  fields);
typedef enum
{
  SD_EXPORT_BLOCK_PARAGRAPH,
  SD_EXPORT_BLOCK_HEADING, /* a section head (小标题) */
} SdExportBlockKind;

/* The body as a reader sees it: paragraphs and section heads in order. */
typedef struct
{
  SdExportBlockKind kind;
  char             *text;   /* stripped */
  glong             offset; /* a paragraph's first character in the body, for
                             * highlights; -1 for a heading */
} SdExportBlock;

/* The body's paragraphs, a paragraph equal to a section heading a heading
 * in its place (sd_story_is_section_heading ()); headings the body does not
 * hold (a story stored before bodies held them) come first.  Headings only
 * when @fields asks for them. (element-type SdExportBlock) (transfer full) */
G_GNUC_INTERNAL GArray  *_sd_export_dup_blocks     (const SdStory  *story,
                                                    SdExportFields  fields);
/* How many captions @fields lets show. */
G_GNUC_INTERNAL guint    _sd_export_count_captions (const SdStory  *story,
                                                    SdExportFields  fields);
/* The CSV's columns, which the workbook shares: a story's cell is
 * (nullable) (transfer full). */
G_GNUC_INTERNAL guint          _sd_export_get_n_columns     (void);
G_GNUC_INTERNAL const char    *_sd_export_get_column_header (guint          column);
G_GNUC_INTERNAL SdExportFields _sd_export_get_column_field  (guint          column);
G_GNUC_INTERNAL char          *_sd_export_dup_cell          (const SdStory *story,
                                                             guint          column);

/* @tag's colour, "#rrggbb", from @options' tag colours, or NULL. */
G_GNUC_INTERNAL const char *_sd_export_get_tag_color (const SdExportOptions *options,
                                                      const char            *tag);
/* "#rrggbb" as 0xRRGGBB. */
G_GNUC_INTERNAL guint32     _sd_export_parse_color   (const char            *color);
/* The text colour that reads on @fill: near black or white. */
G_GNUC_INTERNAL guint32     _sd_export_get_ink       (guint32                fill);

/* Set before a caption, as papers print one under a photo. */
#define SD_EXPORT_PHOTO_MARK "▲"
G_GNUC_INTERNAL guint    _sd_export_count_highlights (const SdStory *story);
/* For each of the body's @n_chars characters, how many highlights cover
 * it; all 0 unless @mark. (transfer full) */
G_GNUC_INTERNAL guint8  *_sd_export_dup_marks      (const SdStory *story,
                                                    glong          n_chars,
                                                    gboolean       mark);
/* Reports @done of @total and checks @cancellable. */
G_GNUC_INTERNAL gboolean _sd_export_step           (const SdExportOptions *options,
                                                    guint                  done,
                                                    guint                  total,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* Writes @buffer out and empties it once it holds SD_EXPORT_CHUNK, or
 * always when @force. */
G_GNUC_INTERNAL gboolean _sd_export_flush          (GOutputStream *output,
                                                    GString       *buffer,
                                                    gboolean       force,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
/* "2026-03-01 08:30" in local time from an ISO 8601 stamp; NULL stays NULL. */
G_GNUC_INTERNAL char    *_sd_export_format_time    (const char    *iso8601);

G_END_DECLS
