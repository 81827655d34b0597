/* sd-story-list-private.h — what the story list's source files share;
 * nothing outside src/ui/sd-story-list*.c includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-story-list.h"

G_BEGIN_DECLS

enum
{
  COLUMN_ID,
  COLUMN_MARKUP,
  COLUMN_STATUS_ICON,
  COLUMN_STATUS_LABEL,
  COLUMN_TITLE,
  COLUMN_DATE,
  COLUMN_PAPER,
  COLUMN_PAGE,
  COLUMN_PLACE,
};

struct _SdStoryList
{
  GtkScrolledWindow parent_instance;

  GtkTreeView       *tree_view;
  GtkListStore      *model;
  GtkTreeSelection  *selection;
  GtkTreeViewColumn *status_column;
  GtkTreeViewColumn *story_column;
  GtkTreeViewColumn *date_column;
  GtkTreeViewColumn *paper_column;
  GtkTreeViewColumn *page_column;
  GtkTreeViewColumn *place_column;

  SdStoryListModel *stories;
  gboolean          filling;
  guint             n_rows; /* the rows filled: the model's first ones */
  guint             fill_idle;
  GMenuModel       *menu;     /* (nullable) the rows' context menu */
  GtkWidget        *popup;    /* (nullable) the menu made of it, attached */
  GMenuModel       *columns_menu; /* (nullable) the headers': which columns show */
  GtkWidget        *columns_popup; /* (nullable) the menu made of it, attached */
  GSettings        *settings; /* (nullable) keeps the chosen sort */
  SdLibraryModel   *library;  /* (nullable) the tags' colours */
};

/* sd-story-list-columns.c: the columns' order of the rows and which show */
G_GNUC_INTERNAL void     _sd_story_list_column_clicked_cb   (GtkTreeViewColumn *column,
                                                             SdStoryList       *self);
G_GNUC_INTERNAL gboolean _sd_story_list_pop_up_columns_menu (SdStoryList       *self,
                                                             GdkEvent          *event);

G_END_DECLS
