/* sd-pg-export.c — the window's export of a shared library (#17): the
 * export code a personal library's goes through (sd-export-async.c), fed
 * by the shared library's cursor on a connection of the export's own
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-export"

#include "config.h"

#include "sd-pg-cursor.h"
#include "sd-pg-private.h"

/* What the export's worker reads through; the connection is made and
 * closed there, so neither holds up the main loop. */
typedef struct
{
  SdPgShared  *shared;
  GError      *offline; /* (nullable) the server was gone when the export was asked for */
  SdPgLibrary *library; /* the worker's */
  SdPgCursor  *cursor;
} Reader;

static gboolean
reader_open (gpointer       data,
             const SdScope *scope,
             GCancellable  *cancellable,
             SdStorySource *out_source,
             GHashTable   **out_tag_colors,
             GError       **error)
{
  Reader *reader = data;

  /* refused before trying: the main loop's connection is being tried
   * again every second already */
  if (reader->offline != NULL)
    {
      g_propagate_error (error, g_error_copy (reader->offline));
      return FALSE;
    }
  reader->library = _sd_pg_shared_connect_worker (reader->shared, cancellable, error);
  if (reader->library == NULL
      || (*out_tag_colors = sd_pg_library_dup_tag_colors (reader->library, error)) == NULL
      || (reader->cursor = sd_pg_library_open_scope_cursor (reader->library, scope, error)) == NULL)
    return FALSE;
  sd_pg_cursor_init_source (reader->cursor, out_source);
  return TRUE;
}

static void
reader_close (gpointer data)
{
  Reader *reader = data;

  g_clear_pointer (&reader->cursor, sd_pg_cursor_free);
  g_clear_pointer (&reader->library, sd_pg_library_close);
}

/* (closed already: the worker always runs) */
static void
reader_free (Reader *reader)
{
  g_object_unref (reader->shared);
  g_clear_error (&reader->offline);
  g_free (reader);
}

static const SdExportReaderFuncs reader_funcs = { reader_open, reader_close };

void
sd_pg_shared_init_export_reader (SdPgShared *self, SdExportReader *out_reader)
{
  Reader *reader;

  g_return_if_fail (SD_IS_PG_SHARED (self) && out_reader != NULL);

  reader = g_new0 (Reader, 1);
  reader->shared = g_object_ref (self);
  _sd_pg_shared_check_online (self, &reader->offline);
  *out_reader = (SdExportReader){ &reader_funcs, reader, (GDestroyNotify) reader_free };
}
