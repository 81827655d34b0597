/* sd-file-read.h — a file's bytes, read only when it is a regular file
 * and only up to a limit
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SD_FILE_READ_ERROR (sd_file_read_error_quark ())
typedef enum
{
  SD_FILE_READ_ERROR_NOT_REGULAR, /* a folder, a device, a pipe, a socket */
  SD_FILE_READ_ERROR_TOO_LARGE,
  SD_FILE_READ_ERROR_READ,
} SdFileReadError;
GQuark sd_file_read_error_quark (void);

/* The whole of the regular file at @path, refused (TOO_LARGE) before any
 * byte is read when it holds more than @max_size bytes, and while it is
 * read should it grow past them.  A pipe or a device is never opened for
 * reading, so a FIFO cannot make the caller wait.  Errors name the file;
 * one that is missing or cannot be asked about is a G_IO_ERROR.
 * (transfer full) */
GBytes *sd_file_read_bounded (const char  *path,
                              gsize        max_size,
                              GError     **error);

/* At most the first @n_bytes of the regular file at @path, whatever its
 * size; for telling kinds of files apart. (transfer full) */
GBytes *sd_file_read_head    (const char  *path,
                              gsize        n_bytes,
                              GError     **error);

G_END_DECLS
