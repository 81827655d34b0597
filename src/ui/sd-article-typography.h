/* sd-article-typography.h — the article view's type sizes, measure and
 * colours, set on its named text tags, and its meta line
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-story.h"

G_BEGIN_DECLS

/* The smallest and largest article font size, in points. */
#define SD_ARTICLE_MIN_POINTS 9.0
#define SD_ARTICLE_MAX_POINTS 32.0

G_GNUC_INTERNAL
void   _sd_article_typography_create_tags (GtkTextBuffer *buffer);
G_GNUC_INTERNAL
void   _sd_article_typography_apply       (GtkTextView   *view,
                                           double         points);
/* Sets the tags' colours from the view's theme (again when it changes). */
G_GNUC_INTERNAL
void   _sd_article_typography_apply_colors (GtkTextView  *view);
/* The side margin that keeps lines of body text within the measure at
 * @points in a view @width pixels wide, the column centred. */
G_GNUC_INTERNAL
int    _sd_article_typography_get_margin  (GtkTextView   *view,
                                           double         points,
                                           int            width);
/* The line above the headline: place, page file, whether it was cut off.
 * (transfer full) */
G_GNUC_INTERNAL
char  *_sd_article_dup_meta_line          (const SdStory *story);
/* "City District Town" of a place, or NULL for an unknown code.
 * (transfer full) (nullable) */
G_GNUC_INTERNAL
char  *_sd_article_dup_place_path         (const char    *code);

G_END_DECLS
