/* sd-story-source.h — where an export takes its stories from, whichever
 * engine keeps them: a personal library's cursor (sd-store-cursor.h) or a
 * shared library's (sd-pg-cursor.h), one story at a time (#16, #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-story.h"

G_BEGIN_DECLS

/* What a source does, each called with the source's @self. */
typedef struct
{
  /* How many stories the source gives in all, known before the first. */
  guint     (*get_total) (gpointer   self);
  /* The next full story in @out_story (transfer full), %NULL after the
   * last; FALSE with @error set when the library cannot be read. */
  gboolean  (*next)      (gpointer   self,
                          SdStory  **out_story,
                          GError   **error);
  /* Back to the first story. */
  void      (*rewind)    (gpointer   self);
  /* The story @id read as next () reads it, for a writer that writes in
   * another order than it reads. (transfer full) */
  SdStory  *(*get)       (gpointer   self,
                          gint64     id,
                          GError   **error);
} SdStorySourceFuncs;

typedef struct
{
  const SdStorySourceFuncs *funcs;
  gpointer                  self;  /* the cursor; the source's caller keeps it */
} SdStorySource;

G_END_DECLS
