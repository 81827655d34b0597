/* sd-article-typography.h — the article view's type sizes, measure and
 * colours, set on its named text tags
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The smallest and largest article font size, in points. */
#define SD_ARTICLE_MIN_POINTS 9.0
#define SD_ARTICLE_MAX_POINTS 32.0

G_GNUC_INTERNAL
void   _sd_article_typography_create_tags (GtkTextBuffer *buffer);
G_GNUC_INTERNAL
void   _sd_article_typography_apply       (GtkTextView   *view,
                                           double         points);
G_GNUC_INTERNAL
void   _sd_article_typography_apply_colors (GtkTextView  *view);
/* The side margin that keeps lines of body text within the measure at
 * @points in a view @width pixels wide, the column centred. */
G_GNUC_INTERNAL
int    _sd_article_typography_get_margin  (GtkTextView   *view,
                                           double         points,
                                           int            width);

G_END_DECLS
