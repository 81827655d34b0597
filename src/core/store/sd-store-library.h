/* sd-store-library.h — the library file kept safe: checked, backed up,
 * salvaged
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* Full PRAGMA integrity_check of the library at @path, opened read-only:
 * TRUE when it finds nothing; else DAMAGED with the first problems in
 * @error (or NOT_LIBRARY, NO_LIBRARY). Takes as long as the file needs. */
gboolean    sd_store_check_file          (const char    *path,
                                          GError       **error);

/* A consistent copy of @self's library at @dest (a new file, or a folder
 * to put one in), made with SQLite's online backup while other
 * connections go on writing; written beside @dest and renamed into place.
 * @out_path: (out) (optional) (transfer full) where it went. */
gboolean    sd_store_backup              (SdStore       *self,
                                          const char    *dest,
                                          char         **out_path,
                                          GError       **error);

/* Copies what can still be read of the (damaged) library at @source into
 * a new library at @dest, table by table and row by row, passing over
 * rows that cannot be read (and rows whose story or page was lost).
 * Returns: (transfer full) one line per table saying what was saved and
 * what was lost, or NULL with @error set (and no library at @dest). */
char       *sd_store_recover_file        (const char    *source,
                                          const char    *dest,
                                          GError       **error);

/* The weekly care (sd-store-maintenance.c): a full integrity_check within
 * @check_budget_us (0: no limit), and a backup in "backups" beside the
 * library (the last four kept), each when the last is over a week old.
 * After damage, @self refuses writes.  @report: (out) (optional)
 * (transfer full) (nullable): a line for each thing done. */
gboolean    sd_store_maintain            (SdStore       *self,
                                          gint64         check_budget_us,
                                          char         **report,
                                          GError       **error);
void        sd_store_maintain_async      (SdStore       *self,
                                          gint64         check_budget_us,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
gboolean    sd_store_maintain_finish     (SdStore       *self,
                                          GAsyncResult  *result,
                                          char         **report,
                                          GError       **error);

G_END_DECLS
