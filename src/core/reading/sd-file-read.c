/* sd-file-read.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-file-read"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sd-file-read.h"

G_DEFINE_QUARK (sd - file - read - error - quark, sd_file_read_error)

static const char *
describe_type (GFileType type)
{
  switch (type)
    {
    case G_FILE_TYPE_DIRECTORY:
      return _("it is a folder, not a file");
    case G_FILE_TYPE_SPECIAL:
      return _("it is a device, a named pipe or a socket, not a file");
    case G_FILE_TYPE_SYMBOLIC_LINK: /* what it leads to could not be asked about */
      return _("it is a link to a file that does not exist");
    default:
      return _("it is not a regular file");
    }
}

static void
set_too_large (GError **error, const char *display, guint64 size, gsize max_size)
{
  g_set_error (error, SD_FILE_READ_ERROR, SD_FILE_READ_ERROR_TOO_LARGE,
               _("%s: the file is %llu MB, over the %lu MB a file can be"), display,
                  (unsigned long long) (size / (1024 * 1024)), (gulong) (max_size / (1024 * 1024)));
}

/* Opens @path for reading once it is known to be a regular file: asked
 * first by name (for a clear reason), then again of the open descriptor,
 * which O_NONBLOCK keeps from waiting on a pipe that replaced the file
 * meanwhile.  Returns the descriptor, or -1 with @error set. */
static int
open_regular (const char *path, gsize max_size, guint64 *out_size, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf         st;
  int              fd, flags;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      /* GIO's message names the file again, in its own words */
      const char *why = local_error->message;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        why = _("there is no such file or folder");
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        why = _("it may not be read (permission denied)");
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display, why);
      return -1;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SD_FILE_READ_ERROR, SD_FILE_READ_ERROR_NOT_REGULAR, "%s: %s", display,
                   describe_type (g_file_info_get_file_type (info)));
      return -1;
    }
  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, display, g_file_info_get_size (info), max_size);
      return -1;
    }

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SD_FILE_READ_ERROR, SD_FILE_READ_ERROR_READ,
                   _("%s: cannot be opened: %s"), display, g_strerror (saved));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, SD_FILE_READ_ERROR, SD_FILE_READ_ERROR_NOT_REGULAR, "%s: %s", display,
                   describe_type (G_FILE_TYPE_SPECIAL));
      close (fd);
      return -1;
    }
  if ((guint64) st.st_size > max_size)
    {
      set_too_large (error, display, st.st_size, max_size);
      close (fd);
      return -1;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  *out_size = st.st_size;
  return fd;
}

/* Reads up to @limit bytes of @fd; *@out_more tells whether there was more. */
static GBytes *
read_limited (
    int fd, const char *path, gsize expected, gsize limit, gboolean *out_more, GError **error)
{
  gsize              allocated = MIN (expected, limit) + 1;
  g_autofree guint8 *buffer = g_malloc (allocated);
  gsize              filled = 0;

  *out_more = FALSE;
  for (;;)
    {
      gssize n;

      if (filled == allocated)
        {
          if (filled > limit)
            break;
          allocated = MIN (allocated * 2, limit + 1);
          buffer = g_realloc (buffer, allocated);
        }
      n = read (fd, buffer + filled, allocated - filled);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int              saved = errno;
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, SD_FILE_READ_ERROR, SD_FILE_READ_ERROR_READ,
                       _("%s: cannot be read: %s"), display, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      filled += n;
    }
  if (filled > limit)
    {
      *out_more = TRUE;
      filled = limit;
    }
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (filled, 1)), filled);
}

/**
 * sd_file_read_bounded:
 * @path: the file
 * @max_size: the most bytes it may hold
 *
 * Returns: (transfer full) its bytes, or %NULL with @error naming the file
 * and the reason.
 */
GBytes *
sd_file_read_bounded (const char *path, gsize max_size, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  guint64  size = 0;
  gboolean more = FALSE;
  int      fd = open_regular (path, max_size, &size, error);

  if (fd < 0)
    return NULL;
  bytes = read_limited (fd, path, size, max_size, &more, error);
  close (fd);
  if (bytes != NULL && more)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, SD_FILE_READ_ERROR, SD_FILE_READ_ERROR_TOO_LARGE,
                   _("%s: the file grew past %lu MB while it was read"), display,
                      (gulong) (max_size / (1024 * 1024)));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/**
 * sd_file_read_head:
 *
 * Returns: (transfer full) up to @n_bytes of the file, or %NULL with
 * @error set.
 */
GBytes *
sd_file_read_head (const char *path, gsize n_bytes, GError **error)
{
  GBytes  *bytes;
  guint64  size = 0;
  gboolean more = FALSE;
  int      fd = open_regular (path, G_MAXSIZE, &size, error);

  if (fd < 0)
    return NULL;
  bytes = read_limited (fd, path, MIN (size, n_bytes), n_bytes, &more, error);
  close (fd);
  return bytes;
}
