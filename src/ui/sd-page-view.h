/* sd-page-view.h — a story's page file as it was imported, with the story's
 * span highlighted
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text tag covering the story's span, for tests. */
#define SD_PAGE_VIEW_SPAN_TAG "sd-span"

#define SD_TYPE_PAGE_VIEW (sd_page_view_get_type ())
G_DECLARE_FINAL_TYPE (SdPageView, sd_page_view, SD, PAGE_VIEW, GtkWindow)

GtkWidget *sd_page_view_new           (GtkWindow          *parent,
                                       const char         *file_name,
                                       const char         *page_text,
                                       gint64              span_start,
                                       gint64              span_end);
void       sd_page_view_add_marks     (SdPageView         *self,
                                       const gint64       *starts,
                                       const gint64       *ends,
                                       guint               n,
                                       const char *const  *tooltips);
GtkWidget *sd_page_view_get_text_view (SdPageView         *self);

G_END_DECLS
