/* test-export-pages.c — printing's pages: the PDF export's layout, page by
 * page, on any paper
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "sd-export-pages.h"
#include "sd-export.h"

#define A4_WIDTH 595.2756
#define A4_HEIGHT 841.8898

/* Three stories of @n_paragraphs paragraphs each, with tags and a note. */
static GPtrArray *
make_stories (guint n_paragraphs)
{
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  for (guint i = 0; i < 3; i++)
    {
      SdStory *story = sd_story_new ();
      g_autoptr (GString) body = g_string_new (NULL);

      for (guint p = 0; p < n_paragraphs; p++)
        g_string_append_printf (body,
                                "%s第%u段：吴江区今年新建了一批新就业群体服务站点，"
                                "为外卖骑手和快递小哥提供歇脚、充电和热水。",
                                p > 0 ? "\n" : "", p + 1);
      story->id = i + 1;
      story->headline = g_strdup_printf ("吴江让新就业群体感受到浓浓温情（%u）", i + 1);
      story->body = g_string_free (g_steal_pointer (&body), FALSE);
      story->place_code = g_strdup ("320509");
      /* sd_story_new () made the tag list and an empty note */
      g_ptr_array_add (story->tags, g_strdup ("民生"));
      g_free (story->note);
      story->note = g_strdup ("核实站点数量");
      g_ptr_array_add (stories, story);
    }
  return stories;
}

/* The pages of a PDF cairo wrote: each page object says "/Type /Page".
 * The file holds NUL bytes, so no string search. */
static guint
count_in (const char *data, gsize length, const char *needle, char not_next)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n < length; i++)
    count += memcmp (data + i, needle, n) == 0 && data[i + n] != not_next;
  return count;
}

static char *
export_pdf (GPtrArray *stories, gsize *out_length)
{
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (sd_export_write (SD_EXPORT_FORMAT_PDF, stories, output, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (output, NULL, &error));
  *out_length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
}

static SdExportPages *
lay_out (GPtrArray *stories, double width, double height)
{
  g_autoptr (GError) error = NULL;
  SdExportOptions options;
  SdExportPages  *pages;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_PDF);
  pages = sd_export_pages_new (stories, &options, width, height, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pages);
  return pages;
}

/* On A4 the pages are the PDF export's, its cover left out. */
static void
test_same_layout (void)
{
  g_autoptr (GPtrArray) stories = make_stories (30);
  g_autoptr (SdExportPages) pages = lay_out (stories, A4_WIDTH, A4_HEIGHT);
  gsize            length;
  g_autofree char *pdf = export_pdf (stories, &length);
  guint            n_pdf = count_in (pdf, length, "/Type /Page", 's');

  g_assert_cmpuint (n_pdf, >, 3);
  g_assert_cmpuint (sd_export_pages_get_n_pages (pages), ==, n_pdf - 1);
}

/* A smaller paper takes more pages; the text fits its width. */
static void
test_paper_size (void)
{
  g_autoptr (GPtrArray) stories = make_stories (30);
  g_autoptr (SdExportPages) a4 = lay_out (stories, A4_WIDTH, A4_HEIGHT);
  g_autoptr (SdExportPages) a5 = lay_out (stories, 419.53, 595.28);

  g_assert_cmpuint (sd_export_pages_get_n_pages (a5), >, sd_export_pages_get_n_pages (a4));
}

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return g_output_stream_write_all (closure, data, length, NULL, NULL, NULL)
             ? CAIRO_STATUS_SUCCESS
             : CAIRO_STATUS_WRITE_ERROR;
}

/* The played-back page draws ink, and on a PDF surface stays text with
 * its fonts embedded. */
static void
test_draw_page (void)
{
  g_autoptr (GPtrArray) stories = make_stories (2);
  g_autoptr (SdExportPages) pages = lay_out (stories, A4_WIDTH, A4_HEIGHT);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t         *cr = cairo_create (image);
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  cairo_surface_t *pdf;
  guint            dark = 0;
  const guint8    *data;
  int              stride;
  gsize            length;

  g_assert_cmpuint (sd_export_pages_get_n_pages (pages), ==, 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sd_export_pages_draw (pages, 0, cr);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 596; x++)
      dark += (((const guint32 *) (data + y * stride))[x] & 0xff) < 0x80;
  g_assert_cmpuint (dark, >, 2000);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  pdf = cairo_pdf_surface_create_for_stream (write_cb, output, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (pdf);
  sd_export_pages_draw (pages, 0, cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  g_assert_cmpuint (count_in (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)),
                              length, "/FontFile3", '\0'),
                    >, 0);
}

static void
test_cancelled (void)
{
  g_autoptr (GPtrArray) stories = make_stories (2);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  SdExportOptions options;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_PDF);
  g_cancellable_cancel (cancellable);
  g_assert_null (sd_export_pages_new (stories, &options, A4_WIDTH, A4_HEIGHT, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/pages/same-layout", test_same_layout);
  g_test_add_func ("/export/pages/paper-size", test_paper_size);
  g_test_add_func ("/export/pages/draw", test_draw_page);
  g_test_add_func ("/export/pages/cancelled", test_cancelled);
  return g_test_run ();
}
