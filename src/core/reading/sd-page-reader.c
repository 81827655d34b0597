/* sd-page-reader.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-page-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <uchardet.h>

#include "sd-file-read.h"
#include "sd-page-reader.h"
#include "sd-text-util.h"

G_DEFINE_QUARK (sd - page - reader - error - quark, sd_page_reader_error)

static gboolean
has_prefix (const guint8 *data, gsize size, const char *prefix, gsize prefix_len)
{
  return size >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* uchardet names the GB family in several ways; all decode as GB18030,
 * which is a superset of GB2312 and GBK. */
static gboolean
is_gb_family (const char *charset)
{
  return g_ascii_strcasecmp (charset, "GB18030") == 0 || g_ascii_strcasecmp (charset, "GBK") == 0
         || g_ascii_strcasecmp (charset, "GB2312") == 0
         || g_ascii_strcasecmp (charset, "EUC-CN") == 0
         || g_ascii_strcasecmp (charset, "HZ-GB-2312") == 0;
}

static char *
detect_charset (const guint8 *data, gsize size)
{
  uchardet_t detector = uchardet_new ();
  char      *charset = NULL;

  if (uchardet_handle_data (detector, (const char *) data, size) == 0)
    {
      uchardet_data_end (detector);
      charset = g_strdup (uchardet_get_charset (detector));
    }
  uchardet_delete (detector);
  return charset;
}

/* Text pages have no control characters but tab and line ends; OCR output
 * with a few stray ones is still text, a binary file is not. */
static gboolean
looks_like_text (const char *text, gsize length)
{
  gsize controls = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];
      if (c == 0)
        return FALSE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }
  return controls * 100 <= length;
}

/**
 * sd_page_read_bytes:
 *
 * Returns: (transfer full) the page, or %NULL with @error naming the file
 * and the reason.
 */
SdPage *
sd_page_read_bytes (const char *path, GBytes *bytes, GError **error)
{
  g_autoptr (SdPage) page = g_new0 (SdPage, 1);
  g_autofree char *display = g_filename_display_name (path);
  gsize            size = 0;
  const guint8    *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GError) local_error = NULL;

  /* Empty GBytes may hold no data pointer at all. */
  if (data == NULL)
    data = (const guint8 *) "";

  page->path = g_strdup (path);
  page->basename = g_path_get_basename (path);
  page->raw = g_bytes_ref (bytes);
  page->file_size = size;
  page->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (size > SD_PAGE_MAX_SIZE)
    {
      g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_TOO_LARGE,
                   _("%s: the file is %lu MB, larger than a page can be"), display,
                      (gulong) (size / (1024 * 1024)));
      return NULL;
    }

  if (has_prefix (data, size, "\xef\xbb\xbf", 3))
    {
      page->encoding = g_strdup ("UTF-8");
      page->bom_length = 3;
    }
  else if (has_prefix (data, size, "\xff\xfe", 2))
    {
      page->encoding = g_strdup ("UTF-16LE");
      page->bom_length = 2;
    }
  else if (has_prefix (data, size, "\xfe\xff", 2))
    {
      page->encoding = g_strdup ("UTF-16BE");
      page->bom_length = 2;
    }
  else if (_sd_text_is_clean_utf8 ((const char *) data, size))
    {
      page->encoding = g_strdup ("UTF-8");
    }
  else if (memchr (data, 0, size) != NULL)
    {
      g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_BINARY,
                   _("%s: this is a binary file, not a text page"), display);
      return NULL;
    }
  else
    {
      g_autofree char *charset = detect_charset (data, size);

      if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") == 0)
        {
          const char *bad = NULL;

          g_utf8_validate_len ((const char *) data, size, &bad);
          g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_ENCODING,
                       _("%s: the text looks like UTF-8 but byte %lu is not UTF-8"), display,
                          (gulong) (bad - (const char *) data));
          return NULL;
        }
      if (charset == NULL || !is_gb_family (charset))
        {
          g_set_error (
              error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_ENCODING,
              _("%s: the text is neither UTF-8, UTF-16 nor GB18030/GBK (it looks like %s)"),
                 display, charset != NULL && *charset != '\0' ? charset : _("no known encoding"));
          return NULL;
        }
      page->encoding = g_strdup ("GB18030");
    }

  if (g_str_equal (page->encoding, "UTF-8"))
    {
      page->length = size - page->bom_length;
      page->text = g_strndup ((const char *) data + page->bom_length, page->length);
      /* checked already, but for a BOM page */
      if (page->bom_length > 0 && !_sd_text_is_clean_utf8 (page->text, page->length))
        {
          g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_ENCODING,
                       _("%s: the file starts like UTF-8 but holds bytes that are not UTF-8"),
                          display);
          return NULL;
        }
    }
  else
    {
      gsize bytes_read = 0;

      page->text = g_convert ((const char *) data + page->bom_length, size - page->bom_length,
                              "UTF-8", page->encoding, &bytes_read, &page->length, &local_error);
      if (page->text == NULL)
        {
          g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_ENCODING,
                       _("%s: cannot be read as %s at byte %lu: %s"), display, page->encoding,
                          (gulong) (bytes_read + page->bom_length), local_error->message);
          return NULL;
        }
      /* g_convert () leaves a half character at the end unread, unsaid */
      if (bytes_read < size - page->bom_length)
        {
          g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_ENCODING,
                       _("%s: the %s text ends in half a character (from byte %lu on)"), display,
                          page->encoding, (gulong) (bytes_read + page->bom_length));
          return NULL;
        }
    }

  if (!looks_like_text (page->text, page->length))
    {
      g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_BINARY,
                   _("%s: this is a binary file, not a text page"), display);
      return NULL;
    }

  {
    const char *p = page->text;
    while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    if (*p == '\0')
      {
        g_set_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_EMPTY,
                     _("%s: the file holds no text"), display);
        return NULL;
      }
  }

  return g_steal_pointer (&page);
}

/**
 * sd_page_read_file:
 *
 * Returns: (transfer full) the page, or %NULL with @error naming the file
 * and the reason.
 */
SdPage *
sd_page_read_file (const char *path, GError **error)
{
  /* Only a regular file, and never more of it than a page can be: a pipe
   * named *.txt or /dev/zero is refused, not waited on or read for ever. */
  g_autoptr (GBytes) bytes = sd_file_read_bounded (path, SD_PAGE_MAX_SIZE, error);

  if (bytes == NULL)
    return NULL;
  return sd_page_read_bytes (path, bytes, error);
}

void
sd_page_free (SdPage *page)
{
  if (page == NULL)
    return;
  g_free (page->path);
  g_free (page->basename);
  g_free (page->encoding);
  g_free (page->checksum);
  g_free (page->text);
  g_clear_pointer (&page->raw, g_bytes_unref);
  g_free (page);
}

void
sd_page_map_to_file (const SdPage *page, gint64 *offsets, guint n_offsets)
{
  gsize text_pos = 0;
  gsize file_pos = page->bom_length;

  if (g_str_equal (page->encoding, "UTF-8"))
    {
      for (guint i = 0; i < n_offsets; i++)
        offsets[i] += page->bom_length;
      return;
    }

  /* Re-encode the text between consecutive offsets to count the file bytes:
   * one pass over the page when the offsets ascend. */
  for (guint i = 0; i < n_offsets; i++)
    {
      gsize            target = MIN ((gsize) offsets[i], page->length);
      g_autofree char *encoded = NULL;
      gsize            encoded_len = 0;

      if (target < text_pos)
        {
          text_pos = 0;
          file_pos = page->bom_length;
        }
      encoded = g_convert (page->text + text_pos, target - text_pos, page->encoding, "UTF-8", NULL,
                           &encoded_len, NULL);
      file_pos += encoded_len;
      text_pos = target;
      offsets[i] = file_pos;
    }
}

void
sd_page_map_from_file (
    const char *text, const char *encoding, gint64 file_size, gint64 *offsets, guint n_offsets)
{
  gsize            length = strlen (text), encoded_length = 0;
  g_autofree char *encoded = NULL;
  const char      *p = text;
  gint64           bom, file_pos;
  GIConv           converter;

  if (g_str_equal (encoding, "UTF-8"))
    {
      bom = file_size - (gint64) length; /* 3 with a BOM, else 0 */
      for (guint i = 0; i < n_offsets; i++)
        offsets[i] = CLAMP (offsets[i] - bom, 0, (gint64) length);
      return;
    }

  /* Re-encodes character by character up to each offset: one pass over
   * the text when the offsets ascend. */
  encoded = g_convert (text, length, encoding, "UTF-8", NULL, &encoded_length, NULL);
  bom = file_size - (gint64) encoded_length;
  converter = g_iconv_open (encoding, "UTF-8");
  file_pos = bom;
  for (guint i = 0; i < n_offsets; i++)
    {
      if (offsets[i] < file_pos)
        {
          p = text;
          file_pos = bom;
        }
      while (*p != '\0' && file_pos < offsets[i])
        {
          char  out[8], *in = (char *) p, *outp = out;
          gsize in_left = g_utf8_next_char (p) - p, out_left = sizeof out;

          g_iconv (converter, &in, &in_left, &outp, &out_left);
          file_pos += sizeof out - out_left;
          p = g_utf8_next_char (p);
        }
      offsets[i] = p - text;
    }
  g_iconv_close (converter);
}

/**
 * sd_page_find_story_span:
 * @story: a stored story, its span in page-file bytes
 * @page_text: its page's text, as sd_store_dup_page_text () gives it
 * @encoding: the page file's encoding
 * @file_size: the page file's size in bytes
 * @out_start: (out): where the story starts in @page_text
 * @out_end: (out): where it ends
 *
 * The way back from the pipeline's mapping to page-file bytes.
 */
void
sd_page_find_story_span (const SdStory *story,
                         const char    *page_text,
                         const char    *encoding,
                         gint64         file_size,
                         gsize         *out_start,
                         gsize         *out_end)
{
  gint64 span[2];

  g_return_if_fail (story != NULL && page_text != NULL && encoding != NULL);

  span[0] = story->source_start;
  span[1] = story->source_end;
  sd_page_map_from_file (page_text, encoding, file_size, span, 2);
  *out_start = span[0];
  *out_end = span[1];
}
