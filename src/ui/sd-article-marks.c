/* sd-article-marks.c — what the article view marks on the text: place
 * names (underlined, with a tooltip naming the place), the search's
 * words, and the editors' highlights
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-article-view"

#include "config.h"

#include "sd-article-typography.h"
#include "sd-article-view-private.h"
#include "sd-clreq.h"
#include "sd-gazetteer.h"

/* Hovering an underlined place name tells which place it was read as. */
gboolean
_sd_article_view_query_tooltip_cb (
    GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, SdArticleView *self)
{
  GtkTextIter iter;
  int         bx, by, offset;

  if (keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  offset = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < self->places->len; i++)
    {
      const PlaceSpan *span = &g_array_index (self->places, PlaceSpan, i);
      if (offset >= span->start && offset < span->end)
        {
          g_autofree char *path = _sd_article_dup_place_path (span->code);
          if (path == NULL)
            return FALSE;
          gtk_tooltip_set_text (tooltip, g_strstrip (path));
          return TRUE;
        }
    }
  return FALSE;
}

void
_sd_article_view_underline_places (SdArticleView *self, const SdStory *story, int headline_offset)
{
  GtkTextIter body_start;

  g_array_set_size (self->places, 0);
  if (story->mentions == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &body_start, self->body_start);
  for (guint i = 0; i < story->mentions->len; i++)
    {
      const SdMention *mention = g_ptr_array_index (story->mentions, i);
      const char      *text = mention->in_headline ? story->headline : story->body;
      int base = mention->in_headline ? headline_offset : gtk_text_iter_get_offset (&body_start);
      SdPlace const *place = sd_gazetteer_lookup (sd_gazetteer_get_default (), mention->place_code);
      GtkTextIter    start, end;
      PlaceSpan      span;

      if (text == NULL || place == NULL || base < 0 || mention->end > (gint64) strlen (text)
          || mention->start >= mention->end)
        continue;
      span.start = base + g_utf8_pointer_to_offset (text, text + mention->start);
      span.end = base + g_utf8_pointer_to_offset (text, text + mention->end);
      if (!mention->in_headline && span.end - base > self->body_shown)
        continue; /* in the part of a long body not shown */
      span.code = place->code;
      g_array_append_val (self->places, span);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span.start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span.end);
      gtk_text_buffer_apply_tag (self->buffer, self->place_tag, &start, &end);
    }
}

void
_sd_article_view_mark_matches (SdArticleView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    {
      GtkTextIter      from, match_start, match_end;
      g_autofree char *shown = NULL;

      if (*self->terms[i] == '\0')
        continue;
      shown = sd_clreq_dup_for_display (self->terms[i]); /* as the buffer has it */
      gtk_text_buffer_get_start_iter (self->buffer, &from);
      while (gtk_text_iter_forward_search (&from, shown, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start,
                                           &match_end, NULL))
        {
          gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &match_start, &match_end);
          from = match_end;
        }
    }
}

static void
get_body_iter (SdArticleView *self, gint64 offset, GtkTextIter *iter)
{
  gtk_text_buffer_get_iter_at_mark (self->buffer, iter, self->body_start);
  gtk_text_iter_forward_chars (iter, offset);
}

void
sd_article_view_update_highlights (SdArticleView *self, const SdStory *story)
{
  GtkTextIter start, end;

  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->highlight_tag, &start, &end);
  for (guint i = 0; story != NULL && story->highlights != NULL && i < story->highlights->len; i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);

      if (highlight->end > self->body_shown)
        continue; /* in the part of a long body not shown */
      get_body_iter (self, highlight->start, &start);
      get_body_iter (self, highlight->end, &end);
      gtk_text_buffer_apply_tag (self->buffer, self->highlight_tag, &start, &end);
    }
}

void
sd_article_view_set_search_terms (SdArticleView *self, const char *const *terms)
{
  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = g_strdupv ((char **) terms);
  _sd_article_view_mark_matches (self);
}

void
sd_article_view_next_match (SdArticleView *self)
{
  GtkTextIter iter, end;
  gboolean    wrapped = FALSE;

  g_return_if_fail (SD_IS_ARTICLE_VIEW (self));

  gtk_text_buffer_get_selection_bounds (self->buffer, NULL, &iter);
  for (;;)
    {
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, self->match_tag)
          || gtk_text_iter_is_end (&iter))
        {
          if (wrapped)
            return;
          wrapped = TRUE;
          gtk_text_buffer_get_start_iter (self->buffer, &iter);
          if (gtk_text_iter_starts_tag (&iter, self->match_tag))
            break;
          continue;
        }
      if (gtk_text_iter_starts_tag (&iter, self->match_tag))
        break;
    }
  end = iter;
  gtk_text_iter_forward_to_tag_toggle (&end, self->match_tag);
  gtk_text_buffer_select_range (self->buffer, &iter, &end);
  gtk_text_view_scroll_to_iter (self->text_view, &iter, 0.1, TRUE, 0.0, 0.3);
}
