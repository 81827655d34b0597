/* sd-export-ooxml.c — what the Word and Excel writers share: text made
 * fit for XML 1.0, and the archive built in a temporary file and then
 * copied to the destination, which may be a pipe
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-export-ooxml-private.h"

/* XML 1.0 has no place for most control characters, even escaped: they
 * become U+FFFD, seen, not dropped. */
static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f) || (c > 0x9f && c < 0xd800)
         || (c >= 0xe000 && c < 0xfffe) || c >= 0x10000;
}

void
_sd_export_append_xml (GString *out, const char *text, gssize length)
{
  const char *end;

  if (text == NULL)
    return;
  end = length < 0 ? text + strlen (text) : text + length;
  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append (out, "\xef\xbf\xbd");
        }
    }
}

char *
_sd_export_dup_xml_safe (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append (out, "\xef\xbf\xbd");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
_sd_export_make_temp (const char *name, GError **error)
{
  g_autofree char *pattern = g_strdup_printf ("storydesk-%s-XXXXXX", name);
  char            *path = NULL;
  int              fd = g_file_open_tmp (pattern, &path, error);

  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  return path;
}

gboolean
_sd_export_copy_temp (const char    *path,
                      GOutputStream *output,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) input = g_file_read (file, cancellable, error);

  if (input == NULL)
    return FALSE;
  return g_output_stream_splice (output, G_INPUT_STREAM (input),
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, error)
         >= 0;
}
