/* sd-export.h — write a selection of stories in the formats editors hand on
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_EXPORT_ERROR (sd_export_error_quark ())
typedef enum
{
  SD_EXPORT_ERROR_UNKNOWN_FORMAT,
} SdExportError;
GQuark sd_export_error_quark (void);

typedef enum
{
  SD_EXPORT_FORMAT_JSON,
} SdExportFormat;

gboolean sd_export_format_from_string (const char     *name,
                                       SdExportFormat *out_format,
                                       GError        **error);

/* Writes @stories (element-type SdStory, full records) to @output. */
gboolean sd_export_write              (SdExportFormat  format,
                                       GPtrArray      *stories,
                                       GOutputStream  *output,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
