/* sd-place-tree-private.h — what the place tree's source files share;
 * nothing outside src/ui/sd-place-tree*.c includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-place-tree.h"

G_BEGIN_DECLS

enum
{
  COLUMN_NAME,
  COLUMN_CODE,
  COLUMN_SCOPE,
  COLUMN_COUNT,
  COLUMN_COUNT_TEXT,
  COLUMN_QUERY,
  COLUMN_DATE, /* a 日期 row's day, month or year: 2022-11-03, 2022-11, 2022 */
};

struct _SdPlaceTree
{
  GtkScrolledWindow parent_instance;

  GtkTreeView      *tree_view;
  GtkTreeStore     *model;
  GtkTreeSelection *selection;
  GtkCellRenderer  *name_renderer;

  GHashTable *counts;   /* code → gint64*, as last set */
  GHashTable *dates;    /* (nullable) yyyy-mm-dd → gint64*, as last set */
  GPtrArray  *searches; /* (element-type SdSavedSearch) as last set */
  GPtrArray  *batches;  /* (element-type SdBatch) (nullable) as last set */
  gint64      n_trashed;
  char       *selected_query;
  char       *selected_date;
  gboolean    hide_empty;
  gboolean    rebuilding;
  char       *pending_key;  /* the node to select once the tree is built */
  GStrv       pending_rows; /* the rows to expand once the tree is built */
};

/* sd-place-tree.c */
G_GNUC_INTERNAL void      _sd_place_tree_rebuild     (SdPlaceTree       *self);
G_GNUC_INTERNAL void      _sd_place_tree_refresh     (SdPlaceTree       *self);
G_GNUC_INTERNAL void      _sd_place_tree_expand_row  (SdPlaceTree       *self,
                                                      GtkTreeIter       *iter);
G_GNUC_INTERNAL void      _sd_place_tree_set_row     (SdPlaceTree       *self,
                                                      GtkTreeIter       *iter,
                                                      const char        *name,
                                                      const char        *code,
                                                      SdScopeKind        scope,
                                                      gint64             count);

/* sd-place-tree-keys.c: nodes by key, from one session to the next */
G_GNUC_INTERNAL char     *_sd_place_tree_dup_row_key (SdPlaceTree       *self,
                                                      GtkTreeIter       *iter);
G_GNUC_INTERNAL gboolean  _sd_place_tree_select_key  (SdPlaceTree       *self,
                                                      const char        *key);
G_GNUC_INTERNAL void      _sd_place_tree_expand_keys (SdPlaceTree       *self,
                                                      const char *const *keys);

/* sd-place-tree-dates.c: 日期, year → month → day */
G_GNUC_INTERNAL void      _sd_place_tree_add_dates   (SdPlaceTree       *self);

G_END_DECLS
