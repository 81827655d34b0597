/* sd-export-pdf-private.h — the PDF layout's state, shared by the layout
 * (sd-export-pdf.c) and what draws it: a PDF file or pages for a printer
 * (sd-export-pages.c); nothing outside src/core/export/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <pango/pangocairo.h>

#include "sd-export-private.h"

G_BEGIN_DECLS

/* A4 in points: the PDF file's page. */
#define SD_EXPORT_PDF_A4_WIDTH  595.2756
#define SD_EXPORT_PDF_A4_HEIGHT 841.8898

typedef struct
{
  PangoContext    *context;
  double           width;    /* the page, in points */
  double           height;
  gboolean         cover;    /* the first page lists the selection and its counts */
  cairo_surface_t *surface;  /* the PDF file's, for its outline; else NULL */
  GPtrArray       *recorded; /* (element-type cairo_surface_t) when drawing page by page */
  cairo_t         *cr;       /* NULL while counting pages */
  int              page;     /* the current page, 1 being the first */
  int              n_pages;  /* 0 while counting */
  double           y;        /* top of the free space */
} SdExportPdf;

/* A context for laying out in points, unhinted, Simplified Chinese. */
G_GNUC_INTERNAL PangoContext *_sd_export_pdf_new_context (PangoFontMap          *font_map);
/* Runs the whole layout from the first page: with pdf->cr NULL it only
 * counts pages; with pdf->recorded set, each page is drawn on a recording
 * surface of its own, else on pdf->cr, cairo_show_page () between pages. */
G_GNUC_INTERNAL gboolean      _sd_export_pdf_lay_out     (SdExportPdf           *pdf,
                                                          GPtrArray             *stories,
                                                          const SdExportOptions *options,
                                                          guint                  pass,
                                                          GCancellable          *cancellable,
                                                          GError               **error);

G_END_DECLS
