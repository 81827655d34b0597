/* sd-store-cursor.h — a scope's full stories one at a time, for exports of
 * the whole library in bounded memory (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* The stories sd_store_list_full_stories () gives for a scope, in the same
 * order and the same records, read as they are asked for.  The cursor
 * steps the store's own statement: nothing else lists stories on the same
 * connection while it is open. */
typedef struct _SdStoryCursor SdStoryCursor;

SdStoryCursor *sd_store_open_cursor       (SdStore        *self,
                                           const SdScope  *scope,
                                           GError        **error);
/* How many stories the cursor gives in all. */
guint          sd_story_cursor_get_total  (SdStoryCursor  *self);
/* The next story in @out_story (transfer full), %NULL after the last;
 * FALSE with @error set when the library cannot be read. */
gboolean       sd_story_cursor_next       (SdStoryCursor  *self,
                                           SdStory       **out_story,
                                           GError        **error);
/* Back to the first story. */
void           sd_story_cursor_rewind     (SdStoryCursor  *self);
/* The story @id read as sd_story_cursor_next () reads it, for a writer
 * that writes in another order than it reads. (transfer full) */
SdStory       *sd_story_cursor_get        (SdStoryCursor  *self,
                                           gint64          id,
                                           GError        **error);
void           sd_story_cursor_free       (SdStoryCursor  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoryCursor, sd_story_cursor_free)

G_END_DECLS
