/* sd-export-file.c — an export written to a file: a regular file replaced
 * whole, keeping its permissions; a pipe or a device written into
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-export-private.h"

static void
set_write_error (GError **error, GFile *file, const GError *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char      *reason = cause->message;

  if (cause->domain == G_IO_ERROR)
    switch (cause->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        reason = _("its folder does not exist");
        break;
      case G_IO_ERROR_PERMISSION_DENIED:
        reason = _("permission denied");
        break;
      case G_IO_ERROR_IS_DIRECTORY:
        reason = _("it is a folder");
        break;
      case G_IO_ERROR_NO_SPACE:
        reason = _("the disk is full");
        break;
      case G_IO_ERROR_READ_ONLY:
        reason = _("the disk is read-only");
        break;
      default:
        break;
      }
  g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
               _("Cannot write %s: %s"), name, reason);
}

/* A new hidden file beside @file: ".NAME.XXXXXXXX.part". */
static GOutputStream *
create_sibling (GFile *file, GFile **out_part, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr (GError) local_error = NULL;

  if (parent == NULL)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "/");
      set_write_error (error, file, local_error);
      return NULL;
    }
  for (guint attempt = 0; attempt < 16; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr (GFile) part = g_file_get_child (parent, name);
      GFileOutputStream *stream;

      g_clear_error (&local_error);
      stream = g_file_create (part, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        {
          *out_part = g_steal_pointer (&part);
          return G_OUTPUT_STREAM (stream);
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    set_write_error (error, file, local_error);
  return NULL;
}

/* A file written over keeps its permissions: a chmod 600 export stays
 * private.  @old: (nullable) the file's information, when there was one. */
static gboolean
keep_mode (GFile *part, GFileInfo *old, GCancellable *cancellable, GError **error)
{
  if (old == NULL || !g_file_info_has_attribute (old, G_FILE_ATTRIBUTE_UNIX_MODE))
    return TRUE;
  return g_file_set_attribute_uint32 (
      part, G_FILE_ATTRIBUTE_UNIX_MODE,
      g_file_info_get_attribute_uint32 (old, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777,
      G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
}

/* Into what is not a regular file of its own (/dev/null, a FIFO, a link
 * such as /dev/stdout): written as it is, never replaced by a file.  A
 * regular file reached through a link starts empty. */
static gboolean
stream_into (SdExportFormat         format,
             SdExportSource        *stories,
             const SdExportOptions *options,
             GFile                 *file,
             gboolean               truncate,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GOutputStream) output = NULL;
  g_autoptr (GError) local_error = NULL;
  int fd = path != NULL
               ? g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0)
               : -1;

  if (fd < 0)
    {
      int saved = path != NULL ? errno : ENOENT;
      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved),
                           g_strerror (saved));
      set_write_error (error, file, local_error);
      return FALSE;
    }
  output = g_unix_output_stream_new (fd, TRUE);
  if (_sd_export_write_source (format, stories, options, output, cancellable, &local_error)
      && g_output_stream_close (output, cancellable, &local_error))
    return TRUE;
  if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
    set_write_error (error, file, local_error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * sd_export_to_file:
 * @options: (nullable)
 */
gboolean
sd_export_to_file (SdExportFormat         format,
                   GPtrArray             *stories,
                   const SdExportOptions *options,
                   GFile                 *file,
                   GCancellable          *cancellable,
                   GError               **error)
{
  SdExportSource source = { stories }; /* of an array: nothing to clear */

  g_return_val_if_fail (stories != NULL, FALSE);
  return _sd_export_source_to_file (format, &source, options, file, cancellable, error);
}

gboolean
_sd_export_source_to_file (SdExportFormat         format,
                           SdExportSource        *stories,
                           const SdExportOptions *options,
                           GFile                 *file,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr (GOutputStream) output = NULL;
  g_autoptr (GFile) part = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  GFileType type = G_FILE_TYPE_UNKNOWN;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The name itself, not what a link leads to: renaming over a link (or a
   * device) would put a file in its place. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (info == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      set_write_error (error, file, local_error);
      return FALSE;
    }
  g_clear_error (&local_error);
  if (info != NULL)
    type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_SYMBOLIC_LINK || type == G_FILE_TYPE_SPECIAL)
    {
      GFileType target = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

      if (target != G_FILE_TYPE_DIRECTORY)
        return stream_into (format, stories, options, file, target == G_FILE_TYPE_REGULAR,
                            cancellable, error);
      type = target;
    }
  /* Fail before the work, not at the rename after it. */
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
      set_write_error (error, file, local_error);
      return FALSE;
    }
  output = create_sibling (file, &part, cancellable, error);
  if (output == NULL)
    return FALSE;

  if (keep_mode (part, type == G_FILE_TYPE_REGULAR ? info : NULL, cancellable, &local_error)
      && _sd_export_write_source (format, stories, options, output, cancellable, &local_error)
      && g_output_stream_close (output, cancellable, &local_error)
      && g_file_move (part, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      cancellable, NULL, NULL, &local_error))
    return TRUE;

  g_output_stream_close (output, NULL, NULL);
  g_file_delete (part, NULL, NULL);
  if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
    set_write_error (error, file, local_error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
