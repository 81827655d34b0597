/* sd-export-pages.c — where the PDF layout (sd-export-pdf.c) is drawn: a
 * PDF file, A4, with a cover and an outline; or pages for a printer, each
 * drawn once on a recording surface and played back when the printer asks
 * for it, so printing draws exactly what the PDF export draws
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sd-export-pages.h"
#include "sd-export-pdf-private.h"

struct _SdExportPages
{
  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray    *recorded; /* (element-type cairo_surface_t) one a page */
};

typedef struct
{
  GOutputStream *output;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->output, data, length, NULL, sink->cancellable,
                                  &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render (PangoContext          *context,
        GPtrArray             *stories,
        const SdExportOptions *options,
        GOutputStream         *output,
        GCancellable          *cancellable,
        GError               **error)
{
  SdExportPdf pdf = {
    .context = context,
    .width = SD_EXPORT_PDF_A4_WIDTH,
    .height = SD_EXPORT_PDF_A4_HEIGHT,
    .cover = TRUE,
  };
  Sink           sink = { output, cancellable, NULL };
  cairo_status_t status;
  gboolean       ok;

  if (!_sd_export_pdf_lay_out (&pdf, stories, options, 0, cancellable, error))
    return FALSE;
  pdf.n_pages = pdf.page;

  pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, pdf.width, pdf.height);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, _("Story Export"));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Storydesk " PACKAGE_VERSION);
  pdf.cr = cairo_create (pdf.surface);
  ok = _sd_export_pdf_lay_out (&pdf, stories, options, 1, cancellable, error);
  if (!ok && sink.error == NULL)
    /* Stopped: cairo is not to write the rest. */
    g_set_error_literal (&sink.error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "");

  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  if (!ok)
    {
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_RENDER,
                   _("Cannot make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
_sd_export_write_pdf (SdExportSource        *source,
                      const SdExportOptions *options,
                      GOutputStream         *output,
                      GCancellable          *cancellable,
                      GError               **error)
{
  /* laid out whole before it is drawn: the PDF reads every story first */
  g_autoptr (GPtrArray) stories = _sd_export_source_dup_all (source, error);
  /* A font map of our own: the default one belongs to the thread that
   * made it, and this may run in a worker. */
  g_autoptr (PangoFontMap) font_map = NULL;
  PangoContext *context;
  gboolean      ok;

  if (stories == NULL)
    return FALSE;
  font_map = pango_cairo_font_map_new ();
  context = _sd_export_pdf_new_context (font_map);
  ok = render (context, stories, options, output, cancellable, error);

  g_object_unref (context);
  return ok;
}

/**
 * sd_export_pages_new:
 *
 * Pages for a printer: no cover (a printout is the stories), the footer
 * numbering from the first page.  The layout runs twice, as for the PDF:
 * the first pass counts the pages, the second records them.
 */
SdExportPages *
sd_export_pages_new (GPtrArray             *stories,
                     const SdExportOptions *options,
                     double                 width,
                     double                 height,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr (SdExportPages) self = g_new0 (SdExportPages, 1);
  SdExportPdf pdf = { .width = width, .height = height };
  gboolean    ok;

  g_return_val_if_fail (stories != NULL && options != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self->font_map = pango_cairo_font_map_new ();
  self->context = _sd_export_pdf_new_context (self->font_map);
  self->recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  pdf.context = self->context;
  if (!_sd_export_pdf_lay_out (&pdf, stories, options, 0, cancellable, error))
    return NULL;
  pdf.n_pages = pdf.page;
  pdf.recorded = self->recorded;
  ok = _sd_export_pdf_lay_out (&pdf, stories, options, 1, cancellable, error);
  g_clear_pointer (&pdf.cr, cairo_destroy);
  return ok ? g_steal_pointer (&self) : NULL;
}

guint
sd_export_pages_get_n_pages (SdExportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->recorded->len;
}

void
sd_export_pages_draw (SdExportPages *self, guint page, cairo_t *cr)
{
  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->recorded->len);

  /* Played back, the recording stays vector text on a PDF or PostScript
   * printer. */
  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->recorded, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
sd_export_pages_free (SdExportPages *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->recorded, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self);
}
