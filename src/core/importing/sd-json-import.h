/* sd-json-import.h — a Storydesk JSON export read back into a library
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-importer.h"

G_BEGIN_DECLS

#define SD_JSON_IMPORT_ERROR (sd_json_import_error_quark ())
typedef enum
{
  SD_JSON_IMPORT_ERROR_SYNTAX,    /* not JSON at all */
  SD_JSON_IMPORT_ERROR_INVALID,   /* JSON, but not a Storydesk export */
  SD_JSON_IMPORT_ERROR_TOO_LARGE,
} SdJsonImportError;
GQuark sd_json_import_error_quark (void);

/* Exports larger than this are refused. */
#define SD_JSON_IMPORT_MAX_SIZE (512 * 1024 * 1024)

/* Whether @path is a Storydesk JSON export rather than a page: its name
 * ends in .json, or its text starts with "[" and then "{" or "]". */
gboolean        sd_json_import_is_export (const char  *path);

/* Reads the stories of an export, with their tags, note, status, place,
 * editor, time and highlights.  A problem is reported with @name and the
 * JSON path of the value at fault ("$[3].tags[1]"), and nothing is
 * returned.  (element-type SdStory) (transfer full) */
GPtrArray      *sd_json_import_parse     (const char  *name,
                                          const char  *data,
                                          gsize        length,
                                          GError     **error);

/* Reads the export at @path and merges it into @library (type SdLibrary:
 * a personal or a shared one, sd_library_import_stories ()); importing the
 * same file again changes nothing (see sd_store_import_stories()). */
SdImportResult *sd_json_import_file      (gpointer     library,
                                          const char  *path);

G_END_DECLS
