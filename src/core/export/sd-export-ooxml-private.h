/* sd-export-ooxml-private.h — what the Word and Excel writers share;
 * nothing outside src/core/export/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <string.h>

#include "sd-export-private.h"

G_BEGIN_DECLS

/* Appends @text (@length bytes, or to its end when -1) escaped for XML
 * 1.0, the characters it cannot hold as U+FFFD. */
G_GNUC_INTERNAL void      _sd_export_append_xml   (GString       *out,
                                                   const char    *text,
                                                   gssize         length);
/* @text with the characters XML 1.0 cannot hold as U+FFFD. (transfer full) */
G_GNUC_INTERNAL char     *_sd_export_dup_xml_safe (const char    *text);
/* A new empty file in the temporary folder. (transfer full) */
G_GNUC_INTERNAL char     *_sd_export_make_temp    (const char    *name,
                                                   GError       **error);
/* Writes the file at @path to @output. */
G_GNUC_INTERNAL gboolean  _sd_export_copy_temp    (const char    *path,
                                                   GOutputStream *output,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

G_END_DECLS
