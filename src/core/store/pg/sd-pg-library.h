/* sd-pg-library.h — a shared library on a PostgreSQL server: its schema,
 * stories and search (the first part of the team engine, issue #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search needs no extension: each story's tokens (sd-tsvector.h) are stored
 * as tsvector windows in story_windows, GIN-indexed, and each term of a
 * query is a tsquery matched against them.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

#include "sd-query.h"
#include "sd-story.h"

G_BEGIN_DECLS

#define SD_PG_ERROR (sd_pg_error_quark ())
typedef enum
{
  SD_PG_ERROR_CONNECT,     /* the server cannot be reached or refused us */
  SD_PG_ERROR_FAILED,      /* a statement failed: the server's message */
  SD_PG_ERROR_UNSUPPORTED, /* asked of this engine before it can do it */
} SdPgError;
GQuark sd_pg_error_quark (void);

typedef struct _SdPgLibrary SdPgLibrary;

/* TRUE when @location names a server (postgresql:// or postgres://), not
 * a library file. */
gboolean     sd_pg_library_is_location  (const char        *location);

SdPgLibrary *sd_pg_library_open         (const char        *location,
                                         GError           **error);
void         sd_pg_library_close        (SdPgLibrary       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPgLibrary, sd_pg_library_close)

/* Creates the tables and indexes where they are missing. */
gboolean     sd_pg_library_create       (SdPgLibrary       *self,
                                         GError           **error);

/* Stores @story under its id (replacing a story of that id), with its
 * search windows, in one transaction. */
gboolean     sd_pg_library_put_story    (SdPgLibrary       *self,
                                         const SdStory     *story,
                                         GError           **error);

/* The ids, in order, of the stories holding every wanted word and phrase
 * of @query and none of the unwanted ones.  Field filters are not answered
 * here yet (SD_PG_ERROR_UNSUPPORTED). (element-type gint64) */
GArray      *sd_pg_library_search_ids   (SdPgLibrary       *self,
                                         const SdQuery     *query,
                                         GError           **error);

G_END_DECLS
