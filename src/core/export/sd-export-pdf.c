/* sd-export-pdf.c — stories laid out on pages with Pango, drawn with Cairo
 *
 * The layout of the PDF export (A4) and of printing (the paper's size; see
 * sd-export-pages.c for both ends).
 * A cover page with the selection and its counts, then the stories one
 * after another: headline, place and status, tags as chips, byline, the
 * body set as a Chinese page is (Noto Serif CJK SC at 10.5 pt, a
 * two-character first-line indent, justified, lines 1.6 apart) with its
 * section heads in bold, the photos' captions under a ▲, then the note and
 * the highlights.  Pages break between lines; a headline is kept
 * with the start of its story.  The layout runs twice: the first pass only
 * counts the pages, so the footers can say "3 / 12".
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-export-pdf-private.h"

/* In points; the page is A4 for a PDF file, the paper when printing. */
#define MARGIN_LEFT 70.0
#define MARGIN_RIGHT 70.0
#define MARGIN_TOP 72.0
#define MARGIN_BOTTOM 78.0
#define TEXT_WIDTH(pdf) ((pdf)->width - MARGIN_LEFT - MARGIN_RIGHT)
#define PAGE_BOTTOM(pdf) ((pdf)->height - MARGIN_BOTTOM)
#define FOOTER_TOP(pdf) ((pdf)->height - 52.0)
#define ASIDE_INSET 12.0 /* notes and highlights, right of their bar */

#define SERIF "Noto Serif CJK SC, Source Han Serif SC, Serif"
#define SANS "Noto Sans CJK SC, Source Han Sans SC, Sans"

typedef struct
{
  const char *family;
  double      size; /* points */
  PangoWeight weight;
  double      pitch;  /* line advance over size */
  double      indent; /* first line, in ems */
  gboolean    justify;
  guint32     color; /* 0xRRGGBB */
} Style;

static const Style title_style = { SANS, 26, PANGO_WEIGHT_BOLD, 1.4, 0, FALSE, 0x1b1b1b };
static const Style cover_style = { SANS, 12, PANGO_WEIGHT_NORMAL, 1.7, 0, FALSE, 0x333333 };
static const Style kicker_style = { SANS, 10, PANGO_WEIGHT_NORMAL, 1.5, 0, FALSE, 0x6b737b };
static const Style headline_style = { SANS, 16, PANGO_WEIGHT_BOLD, 1.4, 0, FALSE, 0x111111 };
static const Style subheadline_style = { SANS, 11, PANGO_WEIGHT_NORMAL, 1.5, 0, FALSE, 0x333333 };
static const Style meta_style = { SANS, 8.5, PANGO_WEIGHT_NORMAL, 1.6, 0, FALSE, 0x5d6670 };
static const Style chip_style = { SANS, 8, PANGO_WEIGHT_NORMAL, 1.0, 0, FALSE, 0x1d3b5e };
static const Style body_style = { SERIF, 10.5, PANGO_WEIGHT_NORMAL, 1.6, 2, TRUE, 0x000000 };
static const Style section_style = { SANS, 11, PANGO_WEIGHT_BOLD, 1.6, 0, FALSE, 0x1b1b1b };
static const Style caption_style = { SANS, 9, PANGO_WEIGHT_NORMAL, 1.5, 0, FALSE, 0x444444 };
static const Style aside_style = { SERIF, 9.5, PANGO_WEIGHT_NORMAL, 1.6, 0, TRUE, 0x222222 };
static const Style footer_style = { SANS, 8, PANGO_WEIGHT_NORMAL, 1.0, 0, FALSE, 0x8a939c };

#define NOTE_BAR 0x5b83b0
#define HIGHLIGHT_BAR 0xe0b800

typedef SdExportPdf Pdf;

static void
set_color (cairo_t *cr, guint32 color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static PangoLayout *
new_layout (Pdf *pdf, const Style *style, const char *text, double width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (style->family);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int) (style->indent * style->size * PANGO_SCALE));
  pango_layout_set_justify (layout, style->justify);
  /* Han characters take their Simplified Chinese forms. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
add_attribute (PangoLayout *layout, PangoAttribute *attribute, gsize start, gsize end)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);

  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attrs, attribute);
  pango_layout_set_attributes (layout, attrs);
}

static PangoAttribute *
new_foreground (guint32 color)
{
  return pango_attr_foreground_new (((color >> 16) & 0xff) * 257, ((color >> 8) & 0xff) * 257,
                                    (color & 0xff) * 257);
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;

  if (pdf->cr == NULL || pdf->page <= (pdf->cover ? 1 : 0))
    return;
  text = g_strdup_printf ("%d / %d", pdf->page, pdf->n_pages);
  layout = new_layout (pdf, &footer_style, text, TEXT_WIDTH (pdf));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_color (pdf->cr, footer_style.color);
  cairo_move_to (pdf->cr, MARGIN_LEFT, FOOTER_TOP (pdf));
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Printing draws a page at a time, in any order: each page is recorded. */
static void
start_recording (Pdf *pdf)
{
  cairo_rectangle_t extents = { 0, 0, pdf->width, pdf->height };
  cairo_surface_t  *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_ptr_array_add (pdf->recorded, surface);
  pdf->cr = cairo_create (surface);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    {
      draw_footer (pdf);
      if (pdf->cr != NULL && pdf->recorded == NULL)
        cairo_show_page (pdf->cr);
    }
  pdf->page++;
  pdf->y = MARGIN_TOP;
  if (pdf->recorded != NULL)
    start_recording (pdf);
}

static gboolean
at_page_top (Pdf *pdf)
{
  return pdf->y <= MARGIN_TOP + 0.01;
}

static void
ensure_space (Pdf *pdf, double height)
{
  if (pdf->y + height > PAGE_BOTTOM (pdf) && !at_page_top (pdf))
    new_page (pdf);
}

/* Vertical space, dropped at the top of a page. */
static void
add_gap (Pdf *pdf, double gap)
{
  if (!at_page_top (pdf))
    pdf->y += gap;
}

/* Sets @layout's lines one by one at a fixed pitch, turning the page
 * between any two of them; a @bar colour draws a rule left of each line. */
static void
show_lines (Pdf *pdf, PangoLayout *layout, const Style *style, double x, guint32 bar)
{
  double           pitch = style->size * style->pitch;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle   logical;
      double           ascent, descent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      descent = (double) logical.height / PANGO_SCALE - ascent;
      ensure_space (pdf, pitch);
      if (pdf->cr != NULL)
        {
          if (bar != 0)
            {
              set_color (pdf->cr, bar);
              cairo_rectangle (pdf->cr, MARGIN_LEFT, pdf->y, 2.5, pitch);
              cairo_fill (pdf->cr);
            }
          set_color (pdf->cr, style->color);
          cairo_move_to (pdf->cr, x + (double) logical.x / PANGO_SCALE,
                         pdf->y + (pitch - ascent - descent) / 2 + ascent);
          pango_cairo_show_layout_line (pdf->cr, line);
        }
      pdf->y += pitch;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
show_text (Pdf *pdf, const Style *style, const char *text)
{
  g_autoptr (PangoLayout) layout = new_layout (pdf, style, text, TEXT_WIDTH (pdf));
  show_lines (pdf, layout, style, MARGIN_LEFT, 0);
}

static void
rounded_rectangle (cairo_t *cr, double x, double y, double width, double height)
{
  double r = height / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + r, y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Tags as chips, in rows as wide as the text. */
static void
show_tags (Pdf *pdf, GPtrArray *tags, const SdExportOptions *options)
{
  const double pad = 6, height = chip_style.size * 1.9, gap = 5;
  double       x = MARGIN_LEFT;

  ensure_space (pdf, height + gap);
  for (guint i = 0; i < tags->len; i++)
    {
      g_autoptr (PangoLayout) layout =
          new_layout (pdf, &chip_style, g_ptr_array_index (tags, i), TEXT_WIDTH (pdf) - 2 * pad);
      PangoRectangle logical;
      double         width;

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (layout, NULL, &logical);
      width = (double) logical.width / PANGO_SCALE + 2 * pad;
      if (x > MARGIN_LEFT && x + width > MARGIN_LEFT + TEXT_WIDTH (pdf))
        {
          x = MARGIN_LEFT;
          pdf->y += height + gap;
          ensure_space (pdf, height + gap);
        }
      if (pdf->cr != NULL)
        {
          const char *color = _sd_export_get_tag_color (options, g_ptr_array_index (tags, i));
          guint32     fill = color != NULL ? _sd_export_parse_color (color) : 0xeef3f9;

          rounded_rectangle (pdf->cr, x, pdf->y, width, height);
          set_color (pdf->cr, fill);
          cairo_fill_preserve (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.773, 0.827, 0.890);
          cairo_set_line_width (pdf->cr, 0.6);
          cairo_stroke (pdf->cr);
          set_color (pdf->cr, color != NULL ? _sd_export_get_ink (fill) : chip_style.color);
          cairo_move_to (pdf->cr, x + pad,
                         pdf->y + (height - (double) logical.height / PANGO_SCALE) / 2);
          pango_cairo_show_layout (pdf->cr, layout);
        }
      x += width + gap;
    }
  pdf->y += height + gap;
}

/* Pango drops the text of a line it cannot shape whole (an unbroken run
 * of some 150,000 characters came out as a few): a paragraph is laid out
 * this many characters at a time, each piece going on where the last
 * stopped. */
#define PIECE_CHARS 20000

static void show_piece (
    Pdf *pdf, const SdStory *story, const char *text, glong offset, gboolean mark, gboolean first);

/* One paragraph of the body, its highlighted characters on a marker
 * background.  @offset is the paragraph's first character in the body. */
static void
show_paragraph (Pdf *pdf, const SdStory *story, const char *text, glong offset, gboolean mark)
{
  const char *piece = text;

  while (TRUE)
    {
      const char      *end = piece;
      glong            n = 0;
      g_autofree char *copy = NULL;

      while (*end != '\0' && n < PIECE_CHARS)
        {
          end = g_utf8_next_char (end);
          n++;
        }
      if (*end == '\0')
        {
          show_piece (pdf, story, piece, offset, mark, piece == text);
          return;
        }
      copy = g_strndup (piece, end - piece);
      show_piece (pdf, story, copy, offset, mark, piece == text);
      offset += n;
      piece = end;
    }
}

static void
show_piece (
    Pdf *pdf, const SdStory *story, const char *text, glong offset, gboolean mark, gboolean first)
{
  g_autoptr (PangoLayout) layout = new_layout (pdf, &body_style, text, TEXT_WIDTH (pdf));
  glong n_chars = g_utf8_strlen (text, -1);

  if (!first)
    pango_layout_set_indent (layout, 0); /* the paragraph goes on */

  for (guint i = 0; mark && i < _sd_export_count_highlights (story); i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      glong              start = CLAMP (highlight->start - offset, 0, n_chars);
      glong              end = CLAMP (highlight->end - offset, 0, n_chars);

      if (start < end)
        add_attribute (layout, pango_attr_background_new (0xffff, 0xf0f0, 0xa0a0),
                       g_utf8_offset_to_pointer (text, start) - text,
                       g_utf8_offset_to_pointer (text, end) - text);
    }
  show_lines (pdf, layout, &body_style, MARGIN_LEFT, 0);
}

static void
show_body (Pdf *pdf, const SdStory *story, SdExportFields fields)
{
  g_autoptr (GArray) blocks = _sd_export_dup_blocks (story, fields);

  for (guint i = 0; i < blocks->len; i++)
    {
      const SdExportBlock *block = &g_array_index (blocks, SdExportBlock, i);

      if (block->kind == SD_EXPORT_BLOCK_HEADING)
        {
          /* a head stays with the lines it heads */
          add_gap (pdf, 4);
          ensure_space (pdf, section_style.size * section_style.pitch
                                 + 2 * body_style.size * body_style.pitch);
          show_text (pdf, &section_style, block->text);
        }
      else
        show_paragraph (pdf, story, block->text, block->offset,
                        (fields & SD_EXPORT_FIELD_HIGHLIGHTS) != 0);
    }
}

static void
show_captions (Pdf *pdf, const SdStory *story, SdExportFields fields)
{
  for (guint i = 0; i < _sd_export_count_captions (story, fields); i++)
    {
      g_autofree char *line = g_strconcat (
          SD_EXPORT_PHOTO_MARK " ", (const char *) g_ptr_array_index (story->captions, i), NULL);
      add_gap (pdf, 3);
      show_text (pdf, &caption_style, line);
    }
}

/* A note or a highlight: a bold label, the text, who and when in grey. */
static void
show_aside (Pdf        *pdf,
            const char *label,
            const char *text,
            const char *editor,
            const char *iso8601,
            guint32     bar)
{
  g_autofree char *time = _sd_export_format_time (iso8601);
  g_autoptr (GString) content = g_string_new (label);
  g_autoptr (PangoLayout) layout = NULL;
  gsize label_end, by_start;

  g_string_append (content, "　");
  label_end = content->len;
  g_string_append (content, text);
  by_start = content->len;
  if ((editor != NULL && *editor != '\0') || time != NULL)
    {
      g_string_append (content, "\n— ");
      if (editor != NULL && *editor != '\0')
        g_string_append (content, editor);
      if (editor != NULL && *editor != '\0' && time != NULL)
        g_string_append (content, ", ");
      if (time != NULL)
        g_string_append (content, time);
    }

  layout = new_layout (pdf, &aside_style, content->str, TEXT_WIDTH (pdf) - ASIDE_INSET);
  add_attribute (layout, pango_attr_family_new ("Noto Sans CJK SC"), 0, label_end);
  add_attribute (layout, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, label_end);
  add_attribute (layout, new_foreground (bar == NOTE_BAR ? NOTE_BAR : 0x8a6d00), 0, label_end);
  add_attribute (layout, pango_attr_family_new ("Noto Sans CJK SC"), by_start, content->len);
  add_attribute (layout, pango_attr_size_new_absolute (8 * PANGO_SCALE), by_start, content->len);
  add_attribute (layout, new_foreground (meta_style.color), by_start, content->len);
  add_gap (pdf, 6);
  show_lines (pdf, layout, &aside_style, MARGIN_LEFT + ASIDE_INSET, bar);
}

static char *
dup_meta_line (const SdStory *story, SdExportFields fields)
{
  g_autofree char *place = _sd_export_dup_place_line (story);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (fields & SD_EXPORT_FIELD_PLACE)
    g_ptr_array_add (parts, place != NULL ? g_strdup (place) : g_strdup (_("Unplaced")));
  _sd_export_add_record_parts (parts, story, fields);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("　·　", (char **) parts->pdata);
}

static void
show_story (Pdf *pdf, const SdStory *story, const SdExportOptions *options, gboolean first)
{
  SdExportFields   fields = options->fields;
  g_autofree char *title = sd_story_dup_title (story);
  g_autofree char *meta = dup_meta_line (story, fields);
  g_autoptr (PangoLayout) headline = new_layout (pdf, &headline_style, title, TEXT_WIDTH (pdf));
  PangoRectangle logical;

  if (!first)
    {
      add_gap (pdf, 16);
      if (pdf->cr != NULL && pdf->y + 40 < PAGE_BOTTOM (pdf))
        {
          cairo_set_source_rgb (pdf->cr, 0.8, 0.82, 0.85);
          cairo_set_line_width (pdf->cr, 0.5);
          cairo_move_to (pdf->cr, MARGIN_LEFT, pdf->y);
          cairo_line_to (pdf->cr, MARGIN_LEFT + TEXT_WIDTH (pdf), pdf->y);
          cairo_stroke (pdf->cr);
        }
      add_gap (pdf, 18);
    }

  /* The headline goes with its place line and the first lines of body. */
  pango_layout_get_extents (headline, NULL, &logical);
  ensure_space (
      pdf, pango_layout_get_line_count (headline) * headline_style.size * headline_style.pitch
               + 2 * meta_style.size * meta_style.pitch + 3 * body_style.size * body_style.pitch);

  if (pdf->cr != NULL && pdf->surface != NULL)
    {
      g_autofree char *link =
          g_strdup_printf ("page=%d pos=[%.1f %.1f]", pdf->page, MARGIN_LEFT, pdf->y);
      cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
    }
  show_lines (pdf, headline, &headline_style, MARGIN_LEFT, 0);
  if (story->subheadline != NULL && *story->subheadline != '\0')
    show_text (pdf, &subheadline_style, story->subheadline);
  add_gap (pdf, 2);
  if (*meta != '\0')
    show_text (pdf, &meta_style, meta);
  if ((fields & SD_EXPORT_FIELD_TAGS) && story->tags != NULL && story->tags->len > 0)
    {
      add_gap (pdf, 2);
      show_tags (pdf, story->tags, options);
    }
  if ((fields & SD_EXPORT_FIELD_BYLINE) && story->byline != NULL && *story->byline != '\0')
    show_text (pdf, &meta_style, story->byline);
  add_gap (pdf, 6);

  if (fields & SD_EXPORT_FIELD_BODY)
    show_body (pdf, story, fields);
  show_captions (pdf, story, fields);
  if ((fields & SD_EXPORT_FIELD_NOTE) && story->note != NULL && *story->note != '\0')
    show_aside (pdf, _("Note"), story->note, story->editor, story->updated, NOTE_BAR);
  for (guint i = 0;
       (fields & SD_EXPORT_FIELD_HIGHLIGHTS) && i < _sd_export_count_highlights (story); i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      g_autofree char   *text = NULL;

      if (highlight->comment != NULL && *highlight->comment != '\0')
        text = g_strdup_printf ("“%s”\n%s", highlight->quote, highlight->comment);
      else
        text = g_strdup_printf ("“%s”", highlight->quote);
      show_aside (pdf, _("Highlight"), text, highlight->editor, highlight->created, HIGHLIGHT_BAR);
    }
}

static int
compare_places (gconstpointer a, gconstpointer b)
{
  const SdPlace *first = *(const SdPlace *const *) a;
  const SdPlace *second = *(const SdPlace *const *) b;

  if (first == NULL || second == NULL)
    return (first == NULL) - (second == NULL);
  return (int) first->order - (int) second->order;
}

/* Name and count in two columns. */
static void
show_count_row (Pdf *pdf, const char *name, guint count)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autoptr (PangoLayout) left = new_layout (pdf, &cover_style, name, 200);
  g_autoptr (PangoLayout) right = new_layout (pdf, &cover_style, number, 60);
  double pitch = cover_style.size * cover_style.pitch;

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  if (pdf->cr != NULL)
    {
      set_color (pdf->cr, cover_style.color);
      cairo_move_to (pdf->cr, MARGIN_LEFT + 24, pdf->y);
      pango_cairo_show_layout (pdf->cr, left);
      cairo_move_to (pdf->cr, MARGIN_LEFT + 224, pdf->y);
      pango_cairo_show_layout (pdf->cr, right);
    }
  pdf->y += pitch;
}

static void
show_cover (Pdf *pdf, GPtrArray *stories, const SdExportOptions *options)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *count = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", stories->len), stories->len);
  g_autofree char *selection = NULL;
  g_autofree char *annotations = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *highlights = NULL;
  g_autofree char *exported = g_strdup_printf (_("Exported %s"), date);
  g_autoptr (GHashTable) by_city = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) cities = g_ptr_array_new ();
  guint n_notes = 0, n_highlights = 0;

  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);
      const SdPlace *city, *district, *town;
      guint          n;

      _sd_export_get_place (story, &city, &district, &town);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (by_city, city));
      if (n == 0 && !g_hash_table_contains (by_city, city))
        g_ptr_array_add (cities, (gpointer) city);
      g_hash_table_insert (by_city, (gpointer) city, GUINT_TO_POINTER (n + 1));
      n_notes += story->note != NULL && *story->note != '\0';
      n_highlights += _sd_export_count_highlights (story);
    }
  g_ptr_array_sort (cities, compare_places);

  if (options->query != NULL && *options->query != '\0')
    selection = g_strdup_printf (_("Stories containing “%s”"), options->query);
  else
    selection = g_strdup (_("All stories"));
  if (options->place_name != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&selection);
      selection = g_strdup_printf ("%s · %s", options->place_name, plain);
    }
  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);
  highlights = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u highlight", "%u highlights", n_highlights), n_highlights);
  annotations = g_strdup_printf ("%s · %s", notes, highlights);

  new_page (pdf);
  pdf->y = 170;
  show_text (pdf, &kicker_style, "Storydesk");
  show_text (pdf, &title_style, _("Story Export"));
  add_gap (pdf, 14);
  show_text (pdf, &cover_style, selection);
  show_text (pdf, &cover_style, count);
  show_text (pdf, &cover_style, annotations);
  show_text (pdf, &cover_style, exported);
  add_gap (pdf, 24);
  if (cities->len > 0)
    show_text (pdf, &kicker_style, _("Stories by city"));
  for (guint i = 0; i < cities->len && pdf->y < PAGE_BOTTOM (pdf) - 20; i++)
    {
      const SdPlace *city = g_ptr_array_index (cities, i);
      show_count_row (pdf, city != NULL ? city->name
                                        : _("Unplaced"), GPOINTER_TO_UINT (
                                                              g_hash_table_lookup (by_city, city)));
    }
}

gboolean
_sd_export_pdf_lay_out (Pdf                   *pdf,
                        GPtrArray             *stories,
                        const SdExportOptions *options,
                        guint                  pass,
                        GCancellable          *cancellable,
                        GError               **error)
{
  pdf->page = 0;
  if (pdf->cover)
    show_cover (pdf, stories, options);
  for (guint i = 0; i < stories->len; i++)
    {
      if (i == 0)
        new_page (pdf);
      show_story (pdf, g_ptr_array_index (stories, i), options, i == 0);
      /* Both passes count: half a story each. */
      if (!_sd_export_step (options, (pass * stories->len + i + 1) / 2, stories->len, cancellable,
                            error))
        return FALSE;
    }
  draw_footer (pdf);
  return TRUE;
}

PangoContext *
_sd_export_pdf_new_context (PangoFontMap *font_map)
{
  PangoContext         *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Points are the unit; metrics unhinted so the layout does not depend on
   * a screen. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  return context;
}
