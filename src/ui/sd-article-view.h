/* sd-article-view.h — one story, set as a Chinese page should be
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-story-model.h"

G_BEGIN_DECLS

#define SD_TYPE_ARTICLE_VIEW (sd_article_view_get_type ())
G_DECLARE_FINAL_TYPE (SdArticleView, sd_article_view, SD, ARTICLE_VIEW, GtkScrolledWindow)

/* Shows the story of @model and follows it (set once). */
void     sd_article_view_set_model     (SdArticleView *self,
                                        SdStoryModel  *model);
/* @story: (nullable) a full record, or NULL for the empty view */
void     sd_article_view_set_story     (SdArticleView *self,
                                        const SdStory *story);
void     sd_article_view_set_font_size (SdArticleView *self,
                                        double         points);
double   sd_article_view_get_font_size (SdArticleView *self);
void     sd_article_view_zoom          (SdArticleView *self,
                                        int            steps);
/* Shows the story's highlights again after they changed, keeping the
 * scroll position. */
void     sd_article_view_update_highlights (SdArticleView *self,
                                            const SdStory *story);
/* The selected part of the body as character offsets into story->body;
 * FALSE when nothing of the body is selected. */
gboolean sd_article_view_get_body_selection (SdArticleView *self,
                                             gint64        *out_start,
                                             gint64        *out_end);
/* Where the selection is drawn, in the view's widget coordinates. */
void     sd_article_view_get_selection_rect (SdArticleView *self,
                                             GdkRectangle  *out_rect);
GtkWidget *sd_article_view_get_text_view    (SdArticleView *self);
/* The body paragraph holding the cursor (0-based), or -1 outside the body. */
int        sd_article_view_get_cursor_paragraph (SdArticleView *self);
/* Marks these words wherever they appear in the article. */
void     sd_article_view_set_search_terms (SdArticleView     *self,
                                           const char *const *terms);
/* Selects and shows the next marked word after the cursor, from the top
 * again after the last one. */
void     sd_article_view_next_match        (SdArticleView     *self);
/* The plain text shown, for tests and copying. (transfer full) */

G_END_DECLS
