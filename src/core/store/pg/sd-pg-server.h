/* sd-pg-server.h — a PostgreSQL server of the desk's own, for a newsroom
 * with no IT: `storydesk serve --data DIR`
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Makes a new database cluster in @data_dir (initdb) unless it holds one:
 * local connections by the same system user, others over the network with
 * a password (scram-sha-256) from the same subnets. */
gboolean     sd_pg_server_prepare     (const char    *data_dir,
                                       GError       **error);
/* Starts postgres on @data_dir, listening on @addresses ("" for the Unix
 * socket only, which is made in @data_dir) and @port. (transfer full) */
GSubprocess *sd_pg_server_start       (const char    *data_dir,
                                       const char    *addresses,
                                       guint          port,
                                       GError       **error);
/* Waits until the server started so answers (at most @timeout_s), then
 * makes the database `storydesk` and the library in it unless they are
 * there; FALSE when the server stopped or never answered. */
gboolean     sd_pg_server_open_library (GSubprocess *process,
                                        const char  *data_dir,
                                        guint        port,
                                        guint        timeout_s,
                                        GError     **error);
/* The address of the library on the server started so, for this machine
 * (the socket) and, when it listens on the network, for others. */
char        *sd_pg_server_local_location (const char *data_dir,
                                          guint       port);

G_END_DECLS
