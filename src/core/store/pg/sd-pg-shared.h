/* sd-pg-shared.h — a shared library as the window reads it: the SdLibrary
 * interface on a PostgreSQL server (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections: one in the main loop for the editor's writes and the
 * server's NOTIFY (sd-pg-watch.c), one for the reads, in a worker.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-export.h"
#include "sd-library.h"
#include "sd-pg-library.h"

G_BEGIN_DECLS

#define SD_TYPE_PG_SHARED (sd_pg_shared_get_type ())
G_DECLARE_FINAL_TYPE (SdPgShared, sd_pg_shared, SD, PG_SHARED, GObject)

/* Opens the shared library at @location (sd_pg_library_open ()) and
 * starts hearing its changes in the thread-default main context. */
SdPgShared  *sd_pg_shared_open         (const char  *location,
                                        GError     **error);
/* The same on one connection, for an import in a worker or on the command
 * line (sd_library_open_for_import ()): no reads, no NOTIFY. */
SdPgShared  *sd_pg_shared_open_importer (const char *location,
                                        GError     **error);
/* The same without ever blocking the caller: the connections are made in
 * a worker (sd_pg_library_open_full (): @password, (nullable), the one the
 * editor typed, kept in the keyring when @remember), @callback called in
 * the thread-default main context; an admin's opening also fills, in a
 * worker, the headline index of stories stored before it was there
 * (sd-pg-shared-open.c). */
void         sd_pg_shared_open_async   (const char          *location,
                                        const char          *password,
                                        gboolean             remember,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
SdPgShared  *sd_pg_shared_open_finish  (GAsyncResult        *result,
                                        GError             **error);
/* The library on two connections made already, which it takes. */
G_GNUC_INTERNAL
SdPgShared  *_sd_pg_shared_new_for     (SdPgLibrary         *library,
                                        SdPgLibrary         *reader,
                                        GError             **error);
/* The address it was opened with (it holds no password). */
/* The stories of these ids that exist, whole, in their order, read in
 * the library's worker (the window's Print). (element-type SdStory) */
void         sd_pg_shared_get_stories_async  (SdPgShared          *self,
                                              const gint64        *ids,
                                              guint                n_ids,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray   *sd_pg_shared_get_stories_finish (SdPgShared          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* The reader an export of the library reads through
 * (sd_export_to_file_async ()): a connection of the export's own, made in
 * its worker, and the scope's cursor, as a personal library's reader
 * reads it (sd-pg-export.c); the export fails with
 * SD_LIBRARY_ERROR_OFFLINE, trying nothing, when the server cannot be
 * reached now. */
void         sd_pg_shared_init_export_reader (SdPgShared      *self,
                                              SdExportReader  *out_reader);
const char  *sd_pg_shared_get_location (SdPgShared  *self);
/* Who the connection is, as sd_pg_library_get_person (). */
gboolean     sd_pg_shared_get_person   (SdPgShared  *self,
                                        char       **out_name,
                                        SdPgRole    *out_role,
                                        GError     **error);

G_END_DECLS
