/* sd-pg-secret.h — a shared library's password in the desktop keyring
 * (libsecret, the Secret Service: GNOME Keyring, KWallet), never on a
 * command line, in the environment or in a log (#17 item 7)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filed under Storydesk's own schema (APPLICATION_ID ".SharedLibrary"),
 * by the server, port, database and user a connection logs in as: the
 * window stores one the editor typed and asked it to remember; the window
 * and the command line look it up when the server asks for a password and
 * ~/.pgpass has none.  `secret-tool lookup server HOST port PORT database
 * DB user NAME` finds it too.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-pg-library.h"

G_BEGIN_DECLS

/* The password kept for @login, or NULL (none kept, or no keyring to ask:
 * then @error says why).  Freed with sd_pg_secret_free (), which wipes it.
 * Blocks while the keyring answers: call it in a worker. */
char        *sd_pg_secret_lookup        (const SdPgLogin   *login,
                                         GCancellable      *cancellable,
                                         GError           **error);
/* Keeps @password for @login, replacing one kept before. */
gboolean     sd_pg_secret_store         (const SdPgLogin   *login,
                                         const char        *password,
                                         GCancellable      *cancellable,
                                         GError           **error);
/* Forgets the password kept for @login, if any. */
gboolean     sd_pg_secret_forget        (const SdPgLogin   *login,
                                         GCancellable      *cancellable,
                                         GError           **error);
/* Wipes and frees a password. */
void         sd_pg_secret_free          (char              *password);

G_END_DECLS
