/* sd-line-structure.h — how a page's text lines relate to its paragraphs
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OCR engines write a page in one of a few forms: a paragraph a line (the
 * bundled pages), or every printed column line as a text line (hard-wrapped
 * at the column width, as Tesseract and most scanning software write it),
 * or a mixture.  This pass measures the form from the page's own line
 * widths and, for wrapped text, joins the lines of each paragraph again, so
 * the segmenter always reads a paragraph a line.  Offsets into the joined
 * text map back to the page text it was made from.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SD_LINE_FORM_PARAGRAPHS, /* a paragraph a line: the text is used as it is */
  SD_LINE_FORM_WRAPPED,    /* most lines end at one column width */
} SdLineForm;

typedef struct _SdLineStructure SdLineStructure;

/* @text is valid UTF-8 of @length bytes.  Linear in @length. */
SdLineStructure *sd_line_structure_read      (const char            *text,
                                              gsize                  length);
void             sd_line_structure_free      (SdLineStructure       *lines);

SdLineForm       sd_line_structure_get_form  (const SdLineStructure *lines);
/* The column width in half-width units (a Han character is two), or 0 for
 * a page of paragraph lines. */
guint            sd_line_structure_get_width (const SdLineStructure *lines);
/* The text the segmenter reads: the page itself for a page of paragraph
 * lines, else its paragraphs joined, a paragraph a line. */
const char      *sd_line_structure_get_text  (const SdLineStructure *lines,
                                              gsize                 *length);
/* Whether the text line [@start, @end) runs to the edge of a column
 * @column half-width units wide (and so goes on in the next line, unless
 * it ends a sentence); FALSE for a @column of 0. */
gboolean         sd_line_reaches_edge        (guint                  column,
                                              const char            *text,
                                              gsize                  start,
                                              gsize                  end);
/* Whether the page's line that holds the end of a paragraph line of that
 * text, ending at @offset, runs to the column's edge: the paragraph was cut
 * there, unless it ends a sentence. */
gboolean         sd_line_structure_ends_at_edge (const SdLineStructure *lines,
                                                 gsize                  offset);
/* Whether [@start, @end) of that text is one line of the page wider than
 * its columns: set across two of them or more, as only a headline (or its
 * 引题 or 副题) is; FALSE for a page of paragraph lines. */
gboolean         sd_line_structure_spans_columns (const SdLineStructure *lines,
                                                  gsize                  start,
                                                  gsize                  end);
/* Maps a byte offset into that text to one into the page's text, keeping
 * their order.  An offset at a joint (a space put in where lines were
 * joined) maps to the end of the piece of page text before it. */
gsize            sd_line_structure_to_page   (const SdLineStructure *lines,
                                              gsize                  offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLineStructure, sd_line_structure_free)

G_END_DECLS
