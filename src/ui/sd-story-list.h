/* sd-story-list.h — the stories of the selected node
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-library-model.h"
#include "sd-story-list-model.h"

G_BEGIN_DECLS

#define SD_TYPE_STORY_LIST (sd_story_list_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryList, sd_story_list, SD, STORY_LIST, GtkScrolledWindow)

/* Shows the stories of @stories and follows it; keeps the selected story
 * selected when it is still there. */
void    sd_story_list_set_model    (SdStoryList      *self,
                                    SdStoryListModel *stories);
/* The story the editor is on (the cursor, or the first selected), 0 for
 * none. */
gint64  sd_story_list_get_selected (SdStoryList   *self);
/* All selected stories, in list order. (transfer full) (element-type gint64) */
GArray *sd_story_list_dup_selected_ids (SdStoryList *self);
gboolean sd_story_list_select_story (SdStoryList   *self,
                                    gint64         id);
guint   sd_story_list_get_count    (SdStoryList   *self);
/* What the right button offers on the selected stories (window actions). */
void    sd_story_list_set_menu     (SdStoryList   *self,
                                    GMenuModel    *menu);
/* What the right button offers on the column headers: which show. */
void    sd_story_list_set_columns_menu (SdStoryList *self,
                                    GMenuModel    *menu);
void    sd_story_list_set_settings (SdStoryList   *self,
                                    GSettings     *settings);
/* The rows' tag chips take their colours from @library. */
void    sd_story_list_set_library  (SdStoryList   *self,
                                    SdLibraryModel *library);

G_END_DECLS
