/* sd-story-list-model.h — the stories of a place and a search, read in the
 * store's worker and kept up to date from the store's signals
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-library.h"

G_BEGIN_DECLS

#define SD_TYPE_STORY_LIST_MODEL (sd_story_list_model_get_type ())
G_DECLARE_FINAL_TYPE (SdStoryListModel, sd_story_list_model, SD, STORY_LIST_MODEL, GObject)

/* What the list is ordered by; ties keep the order the store gave (page
 * order, or a search's best matches first).  The store sorts, in its
 * worker (SdStoryOrder). */
typedef enum
{
  SD_STORY_SORT_NONE   = SD_STORY_ORDER_NONE,
  SD_STORY_SORT_DATE   = SD_STORY_ORDER_DATE,
  SD_STORY_SORT_PAPER  = SD_STORY_ORDER_PAPER,
  SD_STORY_SORT_PAGE   = SD_STORY_ORDER_PAGE,
  SD_STORY_SORT_PLACE  = SD_STORY_ORDER_PLACE,
  SD_STORY_SORT_STATUS = SD_STORY_ORDER_STATUS,
} SdStorySort;

/* A GListModel of SdStoryItem (short records, in page order, or a
 * search's best matches first when the request asks for that).  It holds
 * every listed story's id; a row's record is read when a view asks for it
 * (sd_story_list_model_fetch ()), a block at a time, the first block with
 * the list.  Until then its item holds a record of only the id, and
 * items-changed says when the record came. */
SdStoryListModel  *sd_story_list_model_new         (SdLibrary        *library);
/* Lists the stories of @scope (its kind, place and search text; ids are
 * not used) instead; a request still being read is dropped.  The stories
 * land in one splice, then SdStoryListModel::loaded; a list whose first
 * rows come sooner (a search ranked best first, a list in page order)
 * lands them first, then the rest after them. */
void               sd_story_list_model_set_request (SdStoryListModel *self,
                                                    const SdScope    *scope);
/* Reads the same request again (after a split, a join, an undo): only the
 * stories that differ change in the model. */
void               sd_story_list_model_refresh     (SdStoryListModel *self);
/* Whether the whole list of a request in page order (no search) is still
 * being read: what is listed may be only its first rows. */
gboolean           sd_story_list_model_is_reading  (SdStoryListModel *self);
/* The listed story at @position, or NULL, also while its row is not read
 * yet. (transfer none) */
SdStory           *sd_story_list_model_get_story   (SdStoryListModel *self,
                                                    guint             position);
/* The id of the listed story at @position, read or not; 0 past the end. */
gint64             sd_story_list_model_get_id      (SdStoryListModel *self,
                                                    guint             position);
/* Whether story @id is listed, and where. */
gboolean           sd_story_list_model_find        (SdStoryListModel *self,
                                                    gint64            id,
                                                    guint            *out_position);
/* Reads the rows around @position if they are not read yet: a view asks
 * as it shows them; items-changed follows. */
void               sd_story_list_model_fetch       (SdStoryListModel *self,
                                                    guint             position);
/* The listed story with this id, or NULL (also while its row is not read
 * yet). (transfer none) */
SdStory           *sd_story_list_model_lookup      (SdStoryListModel *self,
                                                    gint64            id);
/* The words of the search the stories were listed for, to mark them. */
const char *const *sd_story_list_model_get_terms   (SdStoryListModel *self);
/* Why the last reading failed (a query typed half-way, in
 * SD_QUERY_ERROR), or NULL; the stories of the request before stay. */
const GError      *sd_story_list_model_get_error   (SdStoryListModel *self);
/* Orders the listed stories, and every list read after, by @sort; the
 * rows change in one splice. */
void               sd_story_list_model_set_sort    (SdStoryListModel *self,
                                                    SdStorySort       sort,
                                                    gboolean          descending);
SdStorySort        sd_story_list_model_get_sort    (SdStoryListModel *self,
                                                    gboolean         *descending);
/* The sort as GSettings keeps it: "none", "date", "paper", "page",
 * "place", "status"; an unknown name is SD_STORY_SORT_NONE
 * (sd-story-list-columns.c, which keeps it). */
SdStorySort        sd_story_sort_from_string       (const char       *name);
const char        *sd_story_sort_to_string         (SdStorySort       sort);

G_END_DECLS
