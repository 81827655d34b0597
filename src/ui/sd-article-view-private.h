/* sd-article-view-private.h — what the article view's files share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-article-view.h"

G_BEGIN_DECLS

struct _SdArticleView
{
  GtkScrolledWindow parent_instance;

  GtkTextView   *text_view;
  GtkTextBuffer *buffer;

  double        font_size;   /* points */
  double        zoom_scroll; /* Ctrl+scroll not yet turned into a step */
  GtkTextTag   *meta_tag;
  GtkTextTag   *kicker_tag;
  GtkTextTag   *headline_tag;
  GtkTextTag   *subheadline_tag;
  GtkTextTag   *reporter_tag;
  GtkTextTag   *heading_tag;
  GtkTextTag   *paragraph_tag;
  GtkTextTag   *byline_tag;
  GtkTextTag   *caption_tag;
  GtkTextTag   *repair_tag;
  GtkTextTag   *highlight_tag;
  GtkTextTag   *place_tag;
  GtkTextTag   *match_tag;
  GtkTextTag   *halved_tag;
  GStrv         terms;  /* the search's words */
  SdStoryModel *model;  /* (nullable) the story shown */
  GArray       *places; /* (element-type PlaceSpan) the underlined names */

  /* The body is laid out as story->body is stored (paragraphs and "\n"),
   * from this mark on, so body offsets and buffer offsets differ by a
   * constant. */
  GtkTextMark *body_start;
  GtkTextMark *body_end;

  /* A long body is shown in part, with a button for more. */
  SdStory *story;      /* (nullable) the story shown */
  glong    body_limit; /* characters of the body shown at most */
  glong    body_shown; /* characters of the body in the buffer */
};

/* A place name underlined in the buffer, for its tooltip. */
typedef struct
{
  int         start; /* buffer character offsets */
  int         end;
  const char *code; /* owned by the gazetteer */
} PlaceSpan;

/* sd-article-marks.c: what is marked on the text */
gboolean _sd_article_view_query_tooltip_cb  (GtkWidget     *widget,
                                             int            x,
                                             int            y,
                                             gboolean       keyboard,
                                             GtkTooltip    *tooltip,
                                             SdArticleView *self);
void     _sd_article_view_underline_places  (SdArticleView *self,
                                             const SdStory *story,
                                             int            headline_offset);
void     _sd_article_view_mark_matches      (SdArticleView *self);

G_END_DECLS
