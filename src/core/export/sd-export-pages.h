/* sd-export-pages.h — the PDF export's pages drawn one at a time, for a
 * printer: the same layout, on the paper's size, without the cover
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <cairo.h>

#include "sd-export.h"

G_BEGIN_DECLS

typedef struct _SdExportPages SdExportPages;

/* Lays out @stories (element-type SdStory, full records) on pages of
 * @width × @height points with @options' fields, as the PDF export does.
 * Returns: (transfer full) (nullable): NULL when cancelled or failed */
SdExportPages *sd_export_pages_new         (GPtrArray             *stories,
                                            const SdExportOptions *options,
                                            double                 width,
                                            double                 height,
                                            GCancellable          *cancellable,
                                            GError               **error);
guint          sd_export_pages_get_n_pages (SdExportPages         *self);
/* Draws page @page (from 0) on @cr, whose unit is the point and whose
 * origin is the paper's corner. */
void           sd_export_pages_draw        (SdExportPages         *self,
                                            guint                  page,
                                            cairo_t               *cr);
void           sd_export_pages_free        (SdExportPages         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdExportPages, sd_export_pages_free)

G_END_DECLS
