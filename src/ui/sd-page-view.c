/* sd-page-view.c
 *
 * The page is shown exactly as imported (line ends as printed), so an editor
 * can check where the segmenter cut a story and what the OCR repairs
 * touched.  Offsets come in as bytes of the page text; they are turned into
 * buffer positions through character counts, since GtkTextBuffer keeps the
 * text verbatim ("\r\n" stays two characters).
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-page-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-page-view.h"

#define PAGE_FAMILY "Noto Sans CJK SC, Sans"

struct _SdPageView
{
  GtkWindow parent_instance;

  GtkHeaderBar  *header_bar;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;

  GtkTextTag *page_tag;
  GtkTextTag *span_tag;
  GHashTable *mark_tooltips; /* GtkTextTag → its tooltip, one tag per mark */

  /* The text as put in the buffer, to map byte offsets to characters. */
  char *text;
  gsize length;
};

G_DEFINE_TYPE (SdPageView, sd_page_view, GTK_TYPE_WINDOW)

/* Clamps @offset into the text and moves it back to the start of the
 * character it falls in. */
static gsize
align_down (SdPageView *self, gint64 offset)
{
  gsize pos = (gsize) CLAMP (offset, 0, (gint64) self->length);

  while (pos > 0 && ((guchar) self->text[pos] & 0xC0) == 0x80)
    pos--;
  return pos;
}

/* Clamps @offset and moves it on past a character it cuts, so a range
 * keeps every character it touches. */
static gsize
align_up (SdPageView *self, gint64 offset)
{
  gsize pos = (gsize) CLAMP (offset, 0, (gint64) self->length);

  while (pos < self->length && ((guchar) self->text[pos] & 0xC0) == 0x80)
    pos++;
  return pos;
}

static void
get_iter_at_byte (SdPageView *self, gsize byte, GtkTextIter *iter)
{
  gtk_text_buffer_get_iter_at_offset (
      self->buffer, iter, (int) g_utf8_pointer_to_offset (self->text, self->text + byte));
}

/* The byte range [@start, @end) as buffer iters, whole characters only. */
static void
get_range (SdPageView *self, gint64 start, gint64 end, GtkTextIter *out_start, GtkTextIter *out_end)
{
  gsize first = align_down (self, MIN (start, end));
  gsize last = align_up (self, MAX (start, end));

  get_iter_at_byte (self, first, out_start);
  get_iter_at_byte (self, last, out_end);
}

static void
set_text (SdPageView *self, const char *page_text)
{
  GtkTextIter start, end;

  /* The store only holds valid UTF-8, but GtkTextBuffer aborts on anything
   * else, so a damaged page still shows (with U+FFFD in the bad spots).
   * The empty text init () set is freed first (#14: a 1-byte leak). */
  g_free (self->text);
  if (g_utf8_validate (page_text, -1, NULL))
    self->text = g_strdup (page_text);
  else
    self->text = g_utf8_make_valid (page_text, -1);
  self->length = strlen (self->text);

  gtk_text_buffer_set_text (self->buffer, self->text, (int) self->length);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->page_tag, &start, &end);
}

static void
show_span (SdPageView *self, gint64 span_start, gint64 span_end)
{
  g_autofree char *subtitle = NULL;
  GtkTextMark     *mark;
  GtkTextIter      start, end;

  get_range (self, span_start, span_end, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->span_tag, &start, &end);
  gtk_text_buffer_place_cursor (self->buffer, &start);

  /* A mark, not an iter: the scroll then waits until the lines are laid
   * out, which has not happened yet in a window not yet shown. */
  mark = gtk_text_buffer_create_mark (self->buffer, "sd-span-start", &start, TRUE);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.2);

  /* TRANSLATORS: the header bar subtitle of the page window: where the
   * story lies in the page, as a range of byte offsets */
  subtitle = g_strdup_printf (_("bytes %lld–%lld"),
                                 (long long) align_down (self, MIN (span_start, span_end)),
                                 (long long) align_up (self, MAX (span_start, span_end)));
  gtk_header_bar_set_subtitle (self->header_bar, subtitle);
}

static gboolean
is_blank (const GtkTextIter *start, const GtkTextIter *end)
{
  GtkTextIter iter = *start;

  for (; gtk_text_iter_compare (&iter, end) < 0; gtk_text_iter_forward_char (&iter))
    if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
      return FALSE;
  return TRUE;
}

/* Collects the tooltips of the marks at @iter, one a line. */
static char *
dup_marks_tooltip (SdPageView *self, const GtkTextIter *iter)
{
  g_autoptr (GSList) tags = gtk_text_iter_get_tags (iter);
  g_autoptr (GString) text = g_string_new (NULL);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *tooltip = g_hash_table_lookup (self->mark_tooltips, l->data);

      if (tooltip != NULL && *tooltip != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", tooltip);
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
text_view_query_tooltip_cb (
    GtkWidget *widget, int x, int y, gboolean keyboard_mode, GtkTooltip *tooltip, SdPageView *self)
{
  g_autofree char *text = NULL;
  GtkTextIter      iter;
  GdkRectangle     area;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                      gtk_text_buffer_get_insert (self->buffer));
  else
    {
      int buffer_x, buffer_y, trailing;

      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                             &buffer_x, &buffer_y);
      /* FALSE past the end of a line or below the text: no mark there. */
      if (!gtk_text_view_get_iter_at_position (self->text_view, &iter, &trailing, buffer_x,
                                               buffer_y))
        return FALSE;
    }

  text = dup_marks_tooltip (self, &iter);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);

  /* Only this character: moving on to the next mark asks again. */
  gtk_text_view_get_iter_location (self->text_view, &iter, &area);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, area.x, area.y,
                                         &area.x, &area.y);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static gboolean
sd_page_view_key_press_event (GtkWidget *widget, GdkEventKey *event)
{
  /* A dialog-like window: Escape closes it, as in GtkDialog. */
  if (event->keyval == GDK_KEY_Escape
      && (event->state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      gtk_window_close (GTK_WINDOW (widget));
      return GDK_EVENT_STOP;
    }
  return GTK_WIDGET_CLASS (sd_page_view_parent_class)->key_press_event (widget, event);
}

static void
sd_page_view_finalize (GObject *object)
{
  SdPageView *self = SD_PAGE_VIEW (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->mark_tooltips, g_hash_table_unref);

  G_OBJECT_CLASS (sd_page_view_parent_class)->finalize (object);
}

static void
sd_page_view_class_init (SdPageViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sd_page_view_finalize;
  widget_class->key_press_event = sd_page_view_key_press_event;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/storydesk/Storydesk/ui/sd-page-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPageView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SdPageView, text_view);
  gtk_widget_class_bind_template_child (widget_class, SdPageView, buffer);
  gtk_widget_class_bind_template_callback (widget_class, text_view_query_tooltip_cb);
}

static void
sd_page_view_init (SdPageView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Language zh-cn picks the Simplified glyph forms, as in the article view. */
  self->page_tag =
      gtk_text_buffer_create_tag (self->buffer, "sd-page", "family", PAGE_FAMILY, "language",
                                  "zh-cn", "pixels-inside-wrap", 4, "pixels-below-lines", 4, NULL);
  /* A fixed dark foreground keeps the span readable under a dark theme. */
  self->span_tag = gtk_text_buffer_create_tag (self->buffer, SD_PAGE_VIEW_SPAN_TAG, "background",
                                               "#d8e7f8", "foreground", "#241f31", NULL);
  self->text = g_strdup ("");
  self->mark_tooltips = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * sd_page_view_new:
 * @parent: (nullable): the window the page view stays above
 * @file_name: (nullable): the page file's name, for the title
 * @page_text: the page text as imported (UTF-8, BOM removed, line ends as
 *   in the file)
 * @span_start: where the story starts, as a byte offset into @page_text
 * @span_end: where it ends (exclusive), as a byte offset into @page_text
 *
 * Offsets outside the text are clamped, and offsets inside a character
 * widen the span to the whole character.  The story's offsets are in the
 * original file's bytes; the caller converts them first.
 *
 * Returns: (transfer none): a new window, not yet shown; it is destroyed
 *   when closed or with @parent
 */
GtkWidget *
sd_page_view_new (GtkWindow  *parent,
                  const char *file_name,
                  const char *page_text,
                  gint64      span_start,
                  gint64      span_end)
{
  SdPageView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (page_text != NULL, NULL);

  self = g_object_new (SD_TYPE_PAGE_VIEW, "transient-for", parent, NULL);
  if (file_name == NULL)
    file_name = _("Page");
  gtk_window_set_title (GTK_WINDOW (self), file_name);
  gtk_header_bar_set_title (self->header_bar, file_name);
  set_text (self, page_text);
  show_span (self, span_start, span_end);
  return GTK_WIDGET (self);
}

/**
 * sd_page_view_add_marks:
 * @starts: (array length=n): byte offsets into the page text
 * @ends: (array length=n): byte offsets into the page text (exclusive)
 * @n: the number of marks
 * @tooltips: (array length=n) (nullable): what to say on hover for each
 *   mark; the array or any entry may be %NULL
 *
 * Underlines each range with a wavy orange line, such as the spans the OCR
 * repairs changed.  A range that is empty or holds only white space (a
 * paragraph break that was joined again) also takes in the characters on
 * either side, so it still shows.
 */
void
sd_page_view_add_marks (SdPageView        *self,
                        const gint64      *starts,
                        const gint64      *ends,
                        guint              n,
                        const char *const *tooltips)
{
  GdkRGBA orange = { 0.902, 0.380, 0.0, 1.0 }; /* GNOME palette Orange 4, #e66100 */

  g_return_if_fail (SD_IS_PAGE_VIEW (self));
  g_return_if_fail (n == 0 || (starts != NULL && ends != NULL));

  for (guint i = 0; i < n; i++)
    {
      GtkTextIter start, end;
      /* One tag per mark, so each keeps its own tooltip where marks overlap. */
      GtkTextTag *tag = gtk_text_buffer_create_tag (
          self->buffer, NULL, "underline", PANGO_UNDERLINE_ERROR, "underline-rgba", &orange, NULL);

      if (tooltips != NULL && tooltips[i] != NULL)
        g_hash_table_insert (self->mark_tooltips, tag, g_strdup (tooltips[i]));
      get_range (self, starts[i], ends[i], &start, &end);
      /* An underline needs a glyph: a mark on nothing, or only on line
       * breaks (a paragraph joined again), takes in its neighbours. */
      if (is_blank (&start, &end))
        {
          gtk_text_iter_backward_char (&start);
          gtk_text_iter_forward_char (&end);
        }
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
    }
}

/* Returns: (transfer none) */
GtkWidget *
sd_page_view_get_text_view (SdPageView *self)
{
  g_return_val_if_fail (SD_IS_PAGE_VIEW (self), NULL);
  return GTK_WIDGET (self->text_view);
}
