/* sd-place-tree.h — 江苏省 → cities → districts → towns, with story counts
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-library-model.h"

G_BEGIN_DECLS

#define SD_TYPE_PLACE_TREE (sd_place_tree_get_type ())
G_DECLARE_FINAL_TYPE (SdPlaceTree, sd_place_tree, SD, PLACE_TREE, GtkScrolledWindow)

/* @counts: story counts per place code, "" for unplaced (as from
 * sd_library_model_get_counts()).  Keeps the selection and expanded rows. */
void        sd_place_tree_set_counts    (SdPlaceTree *self,
                                         GHashTable  *counts);
/* @dates: (nullable) story counts per yyyy-mm-dd (as from
 * sd_library_model_get_dates()), shown under 日期 by year, month and day. */
void        sd_place_tree_set_dates     (SdPlaceTree *self,
                                         GHashTable  *dates);
void        sd_place_tree_set_hide_empty (SdPlaceTree *self,
                                         gboolean     hide_empty);
/* @searches: (element-type SdSavedSearch) shown under 保存的检索 with their
 * live counts. */
void        sd_place_tree_set_saved_searches (SdPlaceTree *self,
                                              GPtrArray   *searches);
/* @batches: (element-type SdBatch) (nullable) shown under 导入批次 (those
 * with stories in the library); @n_trashed: the count of 回收站. */
void        sd_place_tree_set_trash     (SdPlaceTree *self,
                                         GPtrArray   *batches,
                                         gint64       n_trashed);
/* The query of the selected saved search, or NULL. (transfer none) */
const char *sd_place_tree_get_selected_query (SdPlaceTree *self);
/* The day, month or year of the selected 日期 row (2022-11-03, 2022-11,
 * 2022), or NULL. (transfer none) */
const char *sd_place_tree_get_selected_date (SdPlaceTree *self);
/* The name of the selected saved search, or NULL. (transfer full) */
char       *sd_place_tree_dup_selected_search_name (SdPlaceTree *self);
/* Selects 全部稿件, the first node. */
void        sd_place_tree_select_all    (SdPlaceTree *self);
/* The selected node; @out_code is set for SD_SCOPE_PLACE, and to the
 * batch's id for SD_SCOPE_BATCH. */
SdScopeKind sd_place_tree_get_selected  (SdPlaceTree *self,
                                         char       **out_code);

/* Nodes by key, kept from one session to the next: "place:320509",
 * "search:NAME", "date:2022-11", "scope:N", "group:NAME". */
char       *sd_place_tree_dup_selected_key (SdPlaceTree *self);
/* The expanded rows' keys, parents first. (transfer full) */
GStrv       sd_place_tree_dup_expanded  (SdPlaceTree *self);
/* Selects @selected and expands @expanded now, or once the tree is built. */
void        sd_place_tree_restore       (SdPlaceTree        *self,
                                         const char         *selected,
                                         const char *const  *expanded);
/* The scope @key names when the key alone says it (all stories, the
 * unplaced, a place of the gazetteer), for the window to list it before
 * the tree is built; FALSE for the others (a search, a day, a batch). */
gboolean    sd_place_tree_scope_of_key  (const char         *key,
                                         SdScopeKind        *out_kind,
                                         char              **out_code);

G_END_DECLS
