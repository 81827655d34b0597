/* sd-story-list-private.h — what the story list's source files share;
 * nothing outside src/ui/sd-story-list*.c includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library-model.h"
#include "sd-story-list.h"

G_BEGIN_DECLS

/* The rows a view shows of a SdStoryListModel (sd-story-list-rows.c). */
#define SD_TYPE_STORY_LIST_ROWS (sd_story_list_rows_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryListRows, sd_story_list_rows, SD, STORY_LIST_ROWS, GObject)

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
  N_COLUMNS
};

struct _SdStoryList
{
  GtkScrolledWindow parent_instance;

  GtkTreeView       *tree_view;
  SdStoryListRows   *rows; /* (nullable) until a model is set */
  GtkTreeSelection  *selection;
  GtkTreeViewColumn *status_column;
  GtkTreeViewColumn *story_column;
  GtkTreeViewColumn *date_column;
  GtkTreeViewColumn *paper_column;
  GtkTreeViewColumn *page_column;
  GtkTreeViewColumn *place_column;

  SdStoryListModel *stories;
  gboolean          filling;
  gint64            awaited;   /* the editor's story, not among a new list's
                                * first rows: looked for in the rest */
  guint             grow_idle; /* the view takes the rows of a long list in slices */
  gboolean          placing;   /* rows taken anew, not drawn yet: where the view
                                * is scrolled to is not known until then */
  GMenuModel       *menu;     /* (nullable) the rows' context menu */
  GtkWidget        *popup;    /* (nullable) the menu made of it, attached */
  GMenuModel       *columns_menu; /* (nullable) the headers': which columns show */
  GtkWidget        *columns_popup; /* (nullable) the menu made of it, attached */
  GSettings        *settings; /* (nullable) keeps the chosen sort */
  SdLibraryModel   *library;  /* (nullable) the tags' colours */
  gboolean          all_selected; /* select all: every story listed is selected
                                   * but those in @excluded, whether or not
                                   * the view has its row (sd-story-list-jumps.c) */
  GHashTable       *excluded; /* (element-type gint64) stories unselected by
                               * Ctrl or listed since all were selected */
  GArray           *listed;   /* (element-type gint64) (nullable) the list's
                               * ids at select all (and the rest of the list
                               * then read), sorted: a story that joins it is
                               * told from one that moved in it */
  gboolean          listed_reading; /* select all came before the whole list */
  GHashTable       *held;     /* (element-type gint64) (nullable) stories
                               * selected whose rows the view let go of (the
                               * scroll bar dragged to an end of the list) */
  gboolean          dragging; /* the scroll bar's slider held */
};

/* sd-story-list-columns.c: the columns' order of the rows and which show */
G_GNUC_INTERNAL void     _sd_story_list_column_clicked_cb   (GtkTreeViewColumn *column,
                                                             SdStoryList       *self);
G_GNUC_INTERNAL gboolean _sd_story_list_pop_up_columns_menu (SdStoryList       *self,
                                                             GdkEvent          *event);

/* sd-story-list.c: what the jumps share with the rest of the list */
G_GNUC_INTERNAL void     _sd_story_list_take_rows_around    (SdStoryList       *self,
                                                             guint              position);
G_GNUC_INTERNAL void     _sd_story_list_tell_selection      (SdStoryList       *self);
G_GNUC_INTERNAL void     _sd_story_list_grow_later          (SdStoryList       *self);

/* sd-story-list-jumps.c: the keys that reach past the view's rows, and the
 * selection of every story listed */
G_GNUC_INTERNAL gboolean _sd_story_list_select_all_cb       (SdStoryList       *self);
G_GNUC_INTERNAL gboolean _sd_story_list_move_cursor_cb      (SdStoryList       *self,
                                                             GtkMovementStep    step,
                                                             int                count);
G_GNUC_INTERNAL void     _sd_story_list_selection_edited    (SdStoryList       *self);
G_GNUC_INTERNAL void     _sd_story_list_forget_all_selected (SdStoryList       *self);
G_GNUC_INTERNAL void     _sd_story_list_note_change         (SdStoryList       *self,
                                                             guint              position,
                                                             guint              removed,
                                                             guint              added);
G_GNUC_INTERNAL void     _sd_story_list_select_taken        (SdStoryList       *self,
                                                             guint              from,
                                                             guint              n);
G_GNUC_INTERNAL gint64   _sd_story_list_get_held            (SdStoryList       *self);
G_GNUC_INTERNAL void     _sd_story_list_watch_scroll_bar    (SdStoryList       *self);

/* sd-story-list-rows.c: the rows, made as the view draws them */
G_GNUC_INTERNAL SdStoryListRows *_sd_story_list_rows_new         (SdStoryListModel *stories);
G_GNUC_INTERNAL void             _sd_story_list_rows_set_library (SdStoryListRows  *self,
                                                                  SdLibraryModel   *library);
G_GNUC_INTERNAL void             _sd_story_list_rows_reset       (SdStoryListRows  *self,
                                                                  guint             base,
                                                                  guint             n_rows);
G_GNUC_INTERNAL guint            _sd_story_list_rows_get_n_rows  (SdStoryListRows  *self);
G_GNUC_INTERNAL guint            _sd_story_list_rows_get_base    (SdStoryListRows  *self);
G_GNUC_INTERNAL void             _sd_story_list_rows_change      (SdStoryListRows  *self,
                                                                  guint             position,
                                                                  guint             removed,
                                                                  guint             added);
G_GNUC_INTERNAL void             _sd_story_list_rows_grow        (SdStoryListRows  *self,
                                                                  guint             n);
G_GNUC_INTERNAL void             _sd_story_list_rows_grow_front  (SdStoryListRows  *self,
                                                                  guint             n);

G_END_DECLS
