/* sd-pg-cursor.h — a shared library's full stories one at a time, as a
 * story source for the exports (sd-story-source.h), the same records a
 * personal library's cursor reads (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-pg-library.h"
#include "sd-story-source.h"

G_BEGIN_DECLS

typedef struct _SdPgCursor SdPgCursor;

/* The library's stories in its order (page by page, as they were copied
 * or stored), or those @query finds; the ids are read at once, each story
 * when it is asked for.  @query: (nullable) */
SdPgCursor *sd_pg_library_open_cursor (SdPgLibrary    *library,
                                       const SdQuery  *query,
                                       GError        **error);
/* @scope's stories as a personal library's cursor reads them: in the
 * library's order (a search's too), of the editor's selection
 * (@scope->ids) those the scope lists. */
SdPgCursor *sd_pg_library_open_scope_cursor (SdPgLibrary   *library,
                                       const SdScope  *scope,
                                       GError        **error);
guint       sd_pg_cursor_get_total    (SdPgCursor     *self);
/* The next story in @out_story (transfer full), %NULL after the last. */
gboolean    sd_pg_cursor_next         (SdPgCursor     *self,
                                       SdStory       **out_story,
                                       GError        **error);
void        sd_pg_cursor_rewind       (SdPgCursor     *self);
/* (transfer full) */
SdStory    *sd_pg_cursor_get          (SdPgCursor     *self,
                                       gint64          id,
                                       GError        **error);
void        sd_pg_cursor_free         (SdPgCursor     *self);
/* @self as a story source; the caller keeps the cursor. */
void        sd_pg_cursor_init_source  (SdPgCursor     *self,
                                       SdStorySource  *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPgCursor, sd_pg_cursor_free)

G_END_DECLS
