/* sd-article-view.c — one story, set as a Chinese page should be (the
 * typesetting itself is in sd-article-typography.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-article-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-article-typography.h"
#include "sd-article-view-private.h"
#include "sd-clreq.h"
#include "sd-gazetteer.h"
#include "sd-repair-button.h"

/* A body longer than this many characters is shown in part, with a
 * button for more: laying out 100 MB of text would take minutes. */
#define BODY_CHARS_SHOWN 60000
/* Each repair listed has its own button; thousands would freeze the view. */
#define REPAIRS_SHOWN 100

G_DEFINE_TYPE (SdArticleView, sd_article_view, GTK_TYPE_SCROLLED_WINDOW)

enum
{
  REVERT_REPAIR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_FONT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A "Take back" button was clicked: the window takes the repair back. */
static void
take_back_cb (SdRepairButton *button, gint64 repair_id, SdArticleView *self)
{
  g_signal_emit (self, signals[REVERT_REPAIR], 0, repair_id);
}

/* Keeps the body within the measure, centred, whatever the view's width. */
static void
update_margins (SdArticleView *self, int width)
{
  int margin = _sd_article_typography_get_margin (self->text_view, self->font_size, width);

  if (gtk_text_view_get_left_margin (self->text_view) != margin)
    {
      gtk_text_view_set_left_margin (self->text_view, margin);
      gtk_text_view_set_right_margin (self->text_view, margin);
    }
}

static void
text_view_allocated_cb (GtkWidget *widget, GdkRectangle *allocation, SdArticleView *self)
{
  update_margins (self, allocation->width);
}

/* Ctrl+scroll zooms, as in browsers and GNOME's editors: a step a wheel
 * notch, or a step for each whole unit a touchpad scrolls. */
static gboolean
text_view_scrolled_cb (GtkWidget *widget, GdkEventScroll *event, SdArticleView *self)
{
  double dx, dy;
  int    steps;

  if ((event->state & gtk_accelerator_get_default_mod_mask ()) != GDK_CONTROL_MASK)
    return GDK_EVENT_PROPAGATE;
  if (event->direction == GDK_SCROLL_UP)
    self->zoom_scroll -= 1;
  else if (event->direction == GDK_SCROLL_DOWN)
    self->zoom_scroll += 1;
  else if (gdk_event_get_scroll_deltas ((GdkEvent *) event, &dx, &dy))
    self->zoom_scroll += dy;
  steps = (int) self->zoom_scroll; /* towards zero: the rest waits */
  self->zoom_scroll -= steps;
  if (steps != 0)
    sd_article_view_zoom (self, -steps);
  return GDK_EVENT_STOP;
}

/* Adds a line of text as clreq sets it (sd-clreq.h): no 间隔号 opens a
 * line and adjacent marks are closed up.  The shown line has as many
 * characters as @text, so offsets into @text hold in the buffer. */
static void
append_line (SdArticleView *self, const char *text, GtkTextTag *tag)
{
  g_autofree char *shown = sd_clreq_dup_for_display (text);
  g_autoptr (GArray) halved = sd_clreq_find_halved_marks (shown);
  GtkTextIter end;
  int         line_start;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  line_start = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_insert_with_tags (self->buffer, &end, shown, -1, tag, NULL);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags (self->buffer, &end, "\n", -1, tag, NULL);
  for (guint i = 0; i < halved->len; i++)
    {
      GtkTextIter mark_start, mark_end;
      int         offset = line_start + g_array_index (halved, int, i);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &mark_start, offset);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &mark_end, offset + 1);
      gtk_text_buffer_apply_tag (self->buffer, self->halved_tag, &mark_start, &mark_end);
    }
}

/* A 副题 is printed below the title and opens with a dash; anything else in
 * that slot is the 引题 printed above it. */
static gboolean
is_subtitle_below (const char *subheadline)
{
  return g_str_has_prefix (subheadline, "—") || g_str_has_prefix (subheadline, "-");
}

static void
model_changed_cb (SdStoryModel *model, SdStoryModelChange change, SdArticleView *self)
{
  if (change == SD_STORY_MODEL_CHANGE_ANNOTATIONS) /* keeps the scroll */
    sd_article_view_update_highlights (self, sd_story_model_get_story (model));
  else
    sd_article_view_set_story (self, sd_story_model_get_story (model));
}

static void
sd_article_view_dispose (GObject *object)
{
  SdArticleView *self = SD_ARTICLE_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sd_article_view_parent_class)->dispose (object);
}

static void
sd_article_view_finalize (GObject *object)
{
  SdArticleView *self = SD_ARTICLE_VIEW (object);

  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_pointer (&self->story, sd_story_unref);

  G_OBJECT_CLASS (sd_article_view_parent_class)->finalize (object);
}

static void
sd_article_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdArticleView *self = SD_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_FONT_SIZE:
      g_value_set_double (value, self->font_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SdArticleView *self = SD_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_FONT_SIZE:
      sd_article_view_set_font_size (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_article_view_class_init (SdArticleViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_article_view_dispose;
  object_class->finalize = sd_article_view_finalize;
  object_class->get_property = sd_article_view_get_property;
  object_class->set_property = sd_article_view_set_property;

  /* The body's size in points; the window binds it to GSettings, so a zoom
   * is remembered. */
  properties[PROP_FONT_SIZE] = g_param_spec_double (
      "font-size", NULL, NULL, SD_ARTICLE_MIN_POINTS, SD_ARTICLE_MAX_POINTS, 13.5,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdArticleView::revert-repair:
   * @id: the repair the editor wants taken back
   */
  signals[REVERT_REPAIR] =
      g_signal_new ("revert-repair", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SdArticleView, text_view);
  gtk_widget_class_bind_template_child (widget_class, SdArticleView, buffer);
}

static void
sd_article_view_init (SdArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->font_size = 13.5;
  _sd_article_typography_create_tags (self->buffer);
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

    self->meta_tag = gtk_text_tag_table_lookup (table, "meta");
    self->kicker_tag = gtk_text_tag_table_lookup (table, "kicker");
    self->headline_tag = gtk_text_tag_table_lookup (table, "headline");
    self->subheadline_tag = gtk_text_tag_table_lookup (table, "subheadline");
    self->reporter_tag = gtk_text_tag_table_lookup (table, "reporter");
    self->heading_tag = gtk_text_tag_table_lookup (table, "heading");
    self->paragraph_tag = gtk_text_tag_table_lookup (table, "paragraph");
    self->byline_tag = gtk_text_tag_table_lookup (table, "byline");
    self->caption_tag = gtk_text_tag_table_lookup (table, "caption");
    self->repair_tag = gtk_text_tag_table_lookup (table, "repair");
    self->highlight_tag = gtk_text_tag_table_lookup (table, "highlight");
    self->place_tag = gtk_text_tag_table_lookup (table, "place");
    self->match_tag = gtk_text_tag_table_lookup (table, "match");
    self->halved_tag = gtk_text_tag_table_lookup (table, "halved");
  }
  self->places = g_array_new (FALSE, FALSE, sizeof (PlaceSpan));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect (self->text_view, "query-tooltip",
                    G_CALLBACK (_sd_article_view_query_tooltip_cb), self);
  g_signal_connect (self->text_view, "size-allocate", G_CALLBACK (text_view_allocated_cb), self);
  g_signal_connect (self->text_view, "scroll-event", G_CALLBACK (text_view_scrolled_cb), self);
  g_signal_connect (self->text_view, "style-updated",
                    G_CALLBACK (_sd_article_typography_apply_colors), NULL);
  _sd_article_typography_apply (self->text_view, self->font_size);
  _sd_article_typography_apply_colors (self->text_view);

  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (self->buffer, &start);
    self->body_start = gtk_text_buffer_create_mark (self->buffer, "body-start", &start, TRUE);
    self->body_end = gtk_text_buffer_create_mark (self->buffer, "body-end", &start, FALSE);
  }
}

void
sd_article_view_set_model (SdArticleView *self, SdStoryModel *model)
{
  g_return_if_fail (SD_IS_ARTICLE_VIEW (self) && self->model == NULL);
  self->model = g_object_ref (model);
  g_signal_connect (model, "changed", G_CALLBACK (model_changed_cb), self);
  sd_article_view_set_story (self, sd_story_model_get_story (model));
}

/* The body as far as the view lays it out; @out_cut: whether that is
 * less than all of it. */
static char *
dup_shown_body (SdArticleView *self, const char *body, gboolean *out_cut)
{
  const char *cut;

  *out_cut = FALSE;
  if ((glong) strlen (body) <= self->body_limit) /* at most that many characters */
    return g_strdup (body);
  cut = body;
  for (glong i = 0; i < self->body_limit && *cut != '\0'; i++)
    cut = g_utf8_next_char (cut);
  *out_cut = *cut != '\0';
  return g_strndup (body, cut - body);
}

/* Whether @line is one of @body's lines. */
static gboolean
holds_line (const char *body, const char *line)
{
  gsize length = strlen (line);

  for (const char *p = strstr (body, line); p != NULL && length > 0; p = strstr (p + 1, line))
    if ((p == body || p[-1] == '\n') && (p[length] == '\0' || p[length] == '\n'))
      return TRUE;
  return FALSE;
}

static void
show_more_clicked_cb (SdArticleView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self));
  double         value = gtk_adjustment_get_value (adjustment);
  g_autoptr (SdStory) story = sd_story_ref (self->story);

  self->body_limit *= 4;
  sd_article_view_set_story (self, story);
  gtk_adjustment_set_value (adjustment, value); /* where the editor was reading */
}

/* After a body shown in part: how much is left, and a button for more. */
static void
append_show_more (SdArticleView *self, glong hidden)
{
  g_autofree char *line =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… %ld more character not shown ",
                                    "… %ld more characters not shown ", hidden),
                       hidden);
  GtkWidget          *button = gtk_button_new_with_mnemonic (_("Show _More"));
  GtkTextChildAnchor *anchor;
  GtkTextIter         end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags (self->buffer, &end, line, -1, self->meta_tag, NULL);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  anchor = gtk_text_buffer_create_child_anchor (self->buffer, &end);
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_more_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_show (button);
  gtk_text_view_add_child_at_anchor (self->text_view, button, anchor);
  append_line (self, "", self->meta_tag);
}

void
sd_article_view_set_story (SdArticleView *self, const SdStory *story)
{
  int headline_offset = -1;

  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));

  if (story == NULL || self->story == NULL || story->id != self->story->id)
    self->body_limit = BODY_CHARS_SHOWN;
  if (story != self->story)
    {
      SdStory *old = self->story;
      self->story = story != NULL ? sd_story_ref ((SdStory *) story) : NULL;
      g_clear_pointer (&old, sd_story_unref);
    }
  self->body_shown = 0;

  gtk_text_buffer_set_text (self->buffer, "", 0);
  g_array_set_size (self->places, 0);
  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_move_mark (self->buffer, self->body_start, &start);
    gtk_text_buffer_move_mark (self->buffer, self->body_end, &start);
  }
  if (story == NULL)
    return;

  {
    g_autofree char *meta = _sd_article_dup_meta_line (story);
    append_line (self, meta, self->meta_tag);
  }
  if (story->subheadline != NULL && !is_subtitle_below (story->subheadline))
    append_line (self, story->subheadline, self->kicker_tag);
  if (story->headline != NULL)
    {
      GtkTextIter end;
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      headline_offset = gtk_text_iter_get_offset (&end);
      append_line (self, story->headline, self->headline_tag);
    }
  if (story->subheadline != NULL && is_subtitle_below (story->subheadline))
    append_line (self, story->subheadline, self->subheadline_tag);
  if (story->reporter != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Reporter: %s"), story->reporter);
      append_line (self, line, self->reporter_tag);
    }

  if (story->body != NULL)
    {
      gboolean         cut;
      g_autofree char *shown_body = dup_shown_body (self, story->body, &cut);
      g_auto (GStrv) paragraphs = g_strsplit (shown_body, "\n", -1);
      GtkTextIter end;

      /* A body holds its section heads where they stand; one stored before
       * bodies did has them only in the list: shown first, as the exports
       * do, outside the body so that its offsets hold. */
      for (guint h = 0; story->section_headings != NULL && h < story->section_headings->len; h++)
        if (!holds_line (story->body, g_ptr_array_index (story->section_headings, h)))
          append_line (self, g_ptr_array_index (story->section_headings, h), self->heading_tag);
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_buffer_move_mark (self->buffer, self->body_start, &end);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        append_line (self, paragraphs[i],
                     sd_story_is_section_heading (story, paragraphs[i]) ? self->heading_tag
                                                                        : self->paragraph_tag);
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_iter_backward_char (&end); /* the last paragraph's "\n" is not body */
      gtk_text_buffer_move_mark (self->buffer, self->body_end, &end);
      self->body_shown = g_utf8_strlen (shown_body, -1);
      if (cut)
        append_show_more (self, g_utf8_strlen (story->body, -1) - self->body_shown);
    }
  if (story->byline != NULL)
    append_line (self, story->byline, self->byline_tag);

  for (guint i = 0; story->captions != NULL && i < story->captions->len; i++)
    {
      g_autofree char *line = g_strdup_printf (
          _("Caption: %s"), (const char *) g_ptr_array_index (story->captions, i));
      append_line (self, line, self->caption_tag);
    }

  if (story->repairs != NULL && story->repairs->len > 0)
    {
      append_line (self, "", self->repair_tag);
      append_line (self, _("OCR repairs"), self->repair_tag);
      for (guint i = 0; i < MIN (story->repairs->len, REPAIRS_SHOWN); i++)
        {
          const SdRepair  *repair = g_ptr_array_index (story->repairs, i);
          g_autofree char *line = g_strdup_printf ("• %s ", sd_repair_describe (repair->kind));
          GtkTextIter      end;

          gtk_text_buffer_get_end_iter (self->buffer, &end);
          gtk_text_buffer_insert_with_tags (self->buffer, &end, line, -1, self->repair_tag, NULL);
          /* Every repair but the truncation mark can be taken back. */
          if (repair->kind != SD_REPAIR_TRUNCATED && repair->id != 0)
            {
              GtkWidget          *button = sd_repair_button_new (repair);
              GtkTextChildAnchor *anchor;

              g_signal_connect_object (button, "take-back", G_CALLBACK (take_back_cb), self, 0);
              /* a correction: off, saying whose, where the library has
               * the editor read only (a shared library's 编辑) */
              if (self->model != NULL
                  && !(sd_library_get_features (sd_story_model_get_library (self->model))
                       & SD_LIBRARY_CAN_CORRECT))
                {
                  gtk_widget_set_sensitive (button, FALSE);
                  gtk_widget_set_tooltip_text (button, sd_library_describe_missing_feature (
                                                           sd_story_model_get_library (self->model),
                                                           SD_LIBRARY_CAN_CORRECT));
                }
              gtk_text_buffer_get_end_iter (self->buffer, &end);
              anchor = gtk_text_buffer_create_child_anchor (self->buffer, &end);
              gtk_text_view_add_child_at_anchor (self->text_view, button, anchor);
            }
          append_line (self, "", self->repair_tag);
        }
      if (story->repairs->len > REPAIRS_SHOWN)
        {
          guint            hidden = story->repairs->len - REPAIRS_SHOWN;
          g_autofree char *line =
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more repair",
                                            "… and %u more repairs", hidden),
                               hidden);
          append_line (self, line, self->repair_tag);
        }
    }

  sd_article_view_update_highlights (self, story);
  _sd_article_view_underline_places (self, story, headline_offset);
  _sd_article_view_mark_matches (self);
  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_place_cursor (self->buffer, &start);
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self)), 0);
  }
}

void
sd_article_view_set_font_size (SdArticleView *self, double points)
{
  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));

  points = CLAMP (points, SD_ARTICLE_MIN_POINTS, SD_ARTICLE_MAX_POINTS);
  if (points == self->font_size)
    return;
  self->font_size = points;
  _sd_article_typography_apply (self->text_view, self->font_size);
  update_margins (self, gtk_widget_get_allocated_width (GTK_WIDGET (self->text_view)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

double
sd_article_view_get_font_size (SdArticleView *self)
{
  g_return_val_if_fail (SD_IS_ARTICLE_VIEW (self), 0);
  return self->font_size;
}

/**
 * sd_article_view_zoom:
 * @steps: points to add to the body's size, negative to make it smaller
 *
 * Within SD_ARTICLE_MIN_POINTS and SD_ARTICLE_MAX_POINTS.
 */
void
sd_article_view_zoom (SdArticleView *self, int steps)
{
  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));
  sd_article_view_set_font_size (self, self->font_size + steps);
}

gboolean
sd_article_view_get_body_selection (SdArticleView *self, gint64 *out_start, gint64 *out_end)
{
  GtkTextIter start, end, body_start, body_end;

  g_return_val_if_fail (SD_IS_ARTICLE_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &body_start, self->body_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &body_end, self->body_end);
  /* Only the part of the selection that lies in the body counts. */
  if (gtk_text_iter_compare (&start, &body_start) < 0)
    start = body_start;
  if (gtk_text_iter_compare (&end, &body_end) > 0)
    end = body_end;
  if (gtk_text_iter_compare (&start, &end) >= 0)
    return FALSE;
  *out_start = gtk_text_iter_get_offset (&start) - gtk_text_iter_get_offset (&body_start);
  *out_end = gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&body_start);
  return TRUE;
}

void
sd_article_view_get_selection_rect (SdArticleView *self, GdkRectangle *out_rect)
{
  GtkTextIter  start, end;
  GdkRectangle first, last;

  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  gtk_text_view_get_iter_location (self->text_view, &start, &first);
  gtk_text_view_get_iter_location (self->text_view, &end, &last);
  gdk_rectangle_union (&first, &last, out_rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, out_rect->x,
                                         out_rect->y, &out_rect->x, &out_rect->y);
}

GtkWidget *
sd_article_view_get_text_view (SdArticleView *self)
{
  g_return_val_if_fail (SD_IS_ARTICLE_VIEW (self), NULL);
  return GTK_WIDGET (self->text_view);
}

int
sd_article_view_get_cursor_paragraph (SdArticleView *self)
{
  GtkTextIter cursor, body_start, body_end;

  g_return_val_if_fail (SD_IS_ARTICLE_VIEW (self), -1);

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &body_start, self->body_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &body_end, self->body_end);
  if (gtk_text_iter_compare (&cursor, &body_start) < 0
      || gtk_text_iter_compare (&cursor, &body_end) > 0)
    return -1;
  /* Paragraphs are the buffer's lines from the body's start on. */
  return gtk_text_iter_get_line (&cursor) - gtk_text_iter_get_line (&body_start);
}
