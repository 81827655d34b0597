/* sd-page-reader.h — read one OCR'd page file into UTF-8 text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_PAGE_READER_ERROR (sd_page_reader_error_quark ())
typedef enum
{
  SD_PAGE_READER_ERROR_EMPTY,
  SD_PAGE_READER_ERROR_TOO_LARGE,
  SD_PAGE_READER_ERROR_BINARY,
  SD_PAGE_READER_ERROR_ENCODING,
} SdPageReaderError;
GQuark sd_page_reader_error_quark (void);

/* Pages over this size are refused: no newspaper page comes near it. */
#define SD_PAGE_MAX_SIZE (64 * 1024 * 1024)

typedef struct
{
  char   *path;
  char   *basename;
  char   *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030" */
  char   *checksum; /* SHA-256 of the file's bytes */
  char   *text;     /* UTF-8, BOM removed, line ends as in the file */
  gsize   length;   /* of text, in bytes */
  gsize   file_size;
  GBytes *raw;      /* the file's bytes */
  gsize   bom_length;
} SdPage;

SdPage *sd_page_read_file        (const char *path,
                                  GError    **error);
/* Reads @bytes as if they were the file at @path (for tests and fuzzing). */
SdPage *sd_page_read_bytes       (const char *path,
                                  GBytes     *bytes,
                                  GError    **error);
void    sd_page_free             (SdPage     *page);

/* Maps byte offsets in page->text to byte offsets in the original file.
 * @offsets is sorted in place order of the caller's choosing; each entry is
 * rewritten.  Linear in the page size when offsets come in ascending order. */
void    sd_page_map_to_file      (const SdPage *page,
                                  gint64       *offsets,
                                  guint         n_offsets);

/* The reverse: byte offsets in a file of @encoding and @file_size bytes
 * whose decoded text is @text, mapped to byte offsets in @text. */
void    sd_page_map_from_file    (const char   *text,
                                  const char   *encoding,
                                  gint64        file_size,
                                  gint64       *offsets,
                                  guint         n_offsets);

/* A stored story's span (SdStory.source_start, .source_end: page-file
 * bytes) back in page-text bytes, given its page as the library keeps it
 * (the text, the file's encoding and size): what the page view shows.
 * Its repairs are in page-text bytes already. */
void    sd_page_find_story_span  (const SdStory *story,
                                  const char   *page_text,
                                  const char   *encoding,
                                  gint64        file_size,
                                  gsize        *out_start,
                                  gsize        *out_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPage, sd_page_free)

G_END_DECLS
