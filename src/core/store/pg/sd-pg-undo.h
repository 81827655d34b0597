/* sd-pg-undo.h — undo and redo of corrections on a shared library (#17):
 * the stories a step changed written back whole, over what it left only
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library.h"
#include "sd-pg-library.h"

G_BEGIN_DECLS

/* As sd_library_put_back_stories (), as the connection's role: another
 * editor's write since the step is SD_PG_ERROR_CHANGED, nothing written;
 * what the role may not write, SD_PG_ERROR_DENIED. */
gboolean     sd_pg_library_put_back       (SdPgLibrary   *self,
                                           GPtrArray     *put,
                                           GArray        *after,
                                           GPtrArray     *put_extras,
                                           GPtrArray     *left,
                                           GError       **error);

/* sd-pg-undo-repairs.c: schema step 10 (a repair taken back kept by the
 * server, put back by a reviewer's undo under its id), and a story's
 * repairs put back, as _sd_pg_undo_put_repairs () says. */
G_GNUC_INTERNAL extern const char _sd_pg_step_undo_sql[];
G_GNUC_INTERNAL gboolean _sd_pg_undo_put_repairs (SdPgLibrary   *self,
                                                  GPtrArray     *put,
                                                  const SdStory *now,
                                                  const SdStory *story,
                                                  gint64        *out_gone,
                                                  GError       **error);

/* SdPgShared's side of it (sd-pg-shared.c calls it). */
G_GNUC_INTERNAL void _sd_pg_shared_undo_init (SdLibraryInterface *iface);

G_END_DECLS
