/* test-page-reader.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-page-reader.h"

#define SAMPLE "苏州吴江区新闻\n\n本报讯(张三)今天，吴江区举行活动。\r\n第二段，内容。\n"

typedef struct
{
  const char *name;
  const char *encoding; /* to encode SAMPLE in, NULL: as is */
  const char *bom;
  gsize       bom_length;
  const char *expected_encoding;
} EncodingCase;

static const EncodingCase encoding_cases[] = {
  { "utf8", NULL, "", 0, "UTF-8" },
  { "utf8-bom", NULL, "\xef\xbb\xbf", 3, "UTF-8" },
  { "utf16le-bom", "UTF-16LE", "\xff\xfe", 2, "UTF-16LE" },
  { "utf16be-bom", "UTF-16BE", "\xfe\xff", 2, "UTF-16BE" },
  { "gb18030", "GB18030", "", 0, "GB18030" },
  { "gbk", "GBK", "", 0, "GB18030" },
};

static GBytes *
encode_sample (const EncodingCase *test_case)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autofree char *encoded = NULL;
  gsize            length = strlen (SAMPLE);

  g_byte_array_append (bytes, (const guint8 *) test_case->bom, test_case->bom_length);
  if (test_case->encoding != NULL)
    {
      encoded = g_convert (SAMPLE, -1, test_case->encoding, "UTF-8", NULL, &length, NULL);
      g_assert_nonnull (encoded);
      g_byte_array_append (bytes, (const guint8 *) encoded, length);
    }
  else
    g_byte_array_append (bytes, (const guint8 *) SAMPLE, length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
test_encoding (gconstpointer data)
{
  const EncodingCase *test_case = data;
  g_autoptr (GBytes) bytes = encode_sample (test_case);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_bytes ("/pages/sample.txt", bytes, &error);
  const char *second = strstr (SAMPLE, "第二段");
  gint64      offsets[2] = { 0, second - SAMPLE };

  g_assert_no_error (error);
  g_assert_cmpstr (page->text, ==, SAMPLE); /* line ends as printed */
  g_assert_cmpstr (page->encoding, ==, test_case->expected_encoding);
  g_assert_cmpstr (page->basename, ==, "sample.txt");
  g_assert_cmpuint (strlen (page->checksum), ==, 64);

  /* Offsets map back to the same text in the file's own bytes, and from
   * there to the text again. */
  sd_page_map_to_file (page, offsets, 2);
  {
    gint64 back[2] = { offsets[0], offsets[1] };
    sd_page_map_from_file (page->text, page->encoding, page->file_size, back, 2);
    g_assert_cmpint (back[0], ==, 0);
    g_assert_cmpint (back[1], ==, second - SAMPLE);
  }
  g_assert_cmpint (offsets[0], ==, test_case->bom_length);
  {
    gsize            size;
    const char      *raw = g_bytes_get_data (bytes, &size);
    g_autofree char *tail = NULL;
    if (test_case->encoding == NULL)
      tail = g_strndup (raw + offsets[1], size - offsets[1]);
    else
      tail = g_convert (raw + offsets[1], size - offsets[1], "UTF-8", test_case->encoding, NULL,
                        NULL, NULL);
    g_assert_true (g_str_has_prefix (tail, "第二段"));
  }
}

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;
  int         code;
} RefusalCase;

static const RefusalCase refusal_cases[] = {
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, SD_PAGE_READER_ERROR_BINARY },
  { "latin1",
    "Caf\xe9 cr\xe8me br\xfbl\xe9"
    "e, une recette fran\xe7"
    "aise tr\xe8s connue.",
    -1, SD_PAGE_READER_ERROR_ENCODING },
  { "empty", "", 0, SD_PAGE_READER_ERROR_EMPTY },
  { "blank", "  \n\r\n\t \xe3\x80\x80\n", -1, SD_PAGE_READER_ERROR_EMPTY },
  { "controls", "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11", -1,
    SD_PAGE_READER_ERROR_BINARY },
};

static void
test_refusal (gconstpointer data)
{
  const RefusalCase *test_case = data;
  gsize length = test_case->length >= 0 ? (gsize) test_case->length : strlen (test_case->data);
  g_autoptr (GBytes) bytes = g_bytes_new_static (test_case->data, length);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_bytes ("/pages/bad-page.txt", bytes, &error);

  g_assert_null (page);
  g_assert_error (error, SD_PAGE_READER_ERROR, test_case->code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "bad-page.txt"));
}

static void
test_empty_bytes (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_bytes ("/pages/nothing.txt", bytes, &error);

  g_assert_null (page);
  g_assert_error (error, SD_PAGE_READER_ERROR, SD_PAGE_READER_ERROR_EMPTY);
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_file ("/nonexistent/page-404.txt", &error);

  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "page-404.txt"));
}

static void
test_seed_pages (void)
{
  g_autoptr (GDir) dir = g_dir_open (SD_SEEDS_DIR, 0, NULL);
  const char *name;
  guint       n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (SD_SEEDS_DIR, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (SdPage) page = sd_page_read_file (path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (page->encoding, ==, "UTF-8");
      g_assert_cmpuint (page->length, >, 10000);
      n++;
    }
  g_assert_cmpuint (n, ==, 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (encoding_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/page-reader/encoding/%s", encoding_cases[i].name);
      g_test_add_data_func (path, &encoding_cases[i], test_encoding);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusal_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/page-reader/refuse/%s", refusal_cases[i].name);
      g_test_add_data_func (path, &refusal_cases[i], test_refusal);
    }
  g_test_add_func ("/page-reader/refuse/missing", test_missing_file);
  g_test_add_func ("/page-reader/refuse/empty-bytes", test_empty_bytes);
  g_test_add_func ("/page-reader/seeds", test_seed_pages);

  return g_test_run ();
}
