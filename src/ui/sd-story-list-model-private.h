/* sd-story-list-model-private.h — what the story list model's source files
 * share; nothing outside src/ui/sd-story-list-model*.c includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library.h"
#include "sd-story-list-model.h"

G_BEGIN_DECLS

struct _SdStoryListModel
{
  GObject parent_instance;

  SdLibrary  *library;
  GArray     *ids;       /* (element-type gint64) the listed stories, in order */
  GPtrArray  *items;     /* (element-type SdStoryItem) (nullable) each id's row,
                          * NULL until read */
  GHashTable *positions; /* (nullable) story id → position, made when asked */
  guint       n_scans;   /* look-ups by a scan of the ids since they changed */
  GHashTable *pending;   /* blocks of rows being read */

  gboolean    requested;
  SdScopeKind kind;
  char       *place_code;
  gint64      batch_id;
  char       *text;
  gboolean    by_relevance;
  GStrv       terms; /* the search words of the stories listed */
  GError     *error;
  gint64      started;
  int         keep; /* how the list being read lands: READ_NEW … */
  SdStorySort sort;
  gboolean    descending;

  GCancellable *cancellable;        /* the list being read */
  GCancellable *rows_cancellable;   /* blocks of rows being read for this list */
  GCancellable *update_cancellable; /* changed stories being read again */
  GHashTable   *changed;            /* ids of listed stories changed since → where */
  gboolean      stale;              /* read the list's ids again */
  guint         changes_idle;
};

/* Rows read at once: the first with the list, then where a view reaches */
#define ROWS_PER_BLOCK 100

/* How a list read lands. */
enum
{
  READ_NEW,     /* another request: every row in one splice */
  READ_AGAIN,   /* the same request: rows before and after a change stay */
  READ_REORDER, /* the same stories sorted otherwise: one splice, rows kept */
};

static inline gint64
_sd_story_list_model_id_at (SdStoryListModel *self, guint position)
{
  return g_array_index (self->ids, gint64, position);
}

/* sd-story-list-model.c */
G_GNUC_INTERNAL void     _sd_story_list_model_replace_story          (SdStoryListModel *self,
                                                                      guint             position,
                                                                      SdStory          *story);
G_GNUC_INTERNAL void     _sd_story_list_model_read_loaded_rows_again (SdStoryListModel *self);

/* sd-story-list-model-land.c */
G_GNUC_INTERNAL gboolean _sd_story_list_model_find_position          (SdStoryListModel *self,
                                                                      gint64            id,
                                                                      guint             hint,
                                                                      guint            *out_position);
G_GNUC_INTERNAL void     _sd_story_list_model_land                   (SdStoryListModel *self,
                                                                      SdStoryListing   *listing,
                                                                      int               how);

G_END_DECLS
