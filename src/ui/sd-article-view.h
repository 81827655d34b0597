/* sd-article-view.h — one story, set as a Chinese page should be
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_TYPE_ARTICLE_VIEW (sd_article_view_get_type ())
G_DECLARE_FINAL_TYPE (SdArticleView, sd_article_view, SD, ARTICLE_VIEW, GtkScrolledWindow)

/* @story: (nullable) a full record, or NULL for the empty view */
void     sd_article_view_set_story     (SdArticleView *self,
                                        const SdStory *story);
void     sd_article_view_set_font_size (SdArticleView *self,
                                        double         points);
/* The plain text shown, for tests and copying. (transfer full) */
char    *sd_article_view_dup_text      (SdArticleView *self);

G_END_DECLS
