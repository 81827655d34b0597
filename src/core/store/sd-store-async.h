/* sd-store-async.h — store reads that may take long, done in a worker
 * thread on a read connection the store opens once and keeps; and the
 * watcher that notices other processes' writes
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"
#include "sd-theme-suggester.h"

G_BEGIN_DECLS

/* Each read below runs in a worker thread on the store's own read
 * connection, one read at a time (WAL lets it read while the window's
 * connection writes); a cancelled read still queued never runs.  The
 * callback runs in the caller's thread-default main context. */

/* sd_store_list_stories() in a worker: a node of 100,000 stories takes a
 * noticeable moment to read.  @scope is copied. */
void        sd_store_list_stories_async         (SdStore             *self,
                                                 const SdScope       *scope,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray  *sd_store_list_stories_finish        (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* A list as a window shows it: the ids of all its stories, in order, and
 * the short records of the first @n_rows; the rest are read when they
 * scroll into view (sd_store_get_story_rows_async ()). */
typedef struct
{
  GArray    *ids;  /* (element-type gint64) sd_store_list_story_ids () */
  GPtrArray *rows; /* (element-type SdStory) of the first ids, those still there */
  guint      n_kept; /* the first ids, kept from the same list read before
                      * and not read again (0: all were read) */
} SdStoryListing;

void        sd_story_listing_free               (SdStoryListing      *listing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoryListing, sd_story_listing_free)

/* Told the first @n_rows of a list before the whole list is read, in the
 * caller's thread; @first is the store's (transfer none). */
typedef void (*SdStoryListingFunc)                (SdStoryListing      *first,
                                                 gpointer             user_data);

/* sd_store_list_story_ids () and the first rows in a worker; a read
 * cancelled while it runs stops at once, with G_IO_ERROR_CANCELLED.  When
 * the first rows are quicker to find than the whole list (a search ranked
 * best first, or a list in page order such as a place of the tree: the
 * index alone answers), @first_func (nullable) is told
 * them before, unless @cancellable is cancelled by then; the caller keeps
 * @first_data alive until the callback or the cancellation. */
void        sd_store_list_story_ids_async       (SdStore             *self,
                                                 const SdScope       *scope,
                                                 SdStoryOrder         order,
                                                 gboolean             descending,
                                                 guint                n_rows,
                                                 SdStoryListingFunc   first_func,
                                                 gpointer             first_data,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) */
SdStoryListing *sd_store_list_story_ids_finish  (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* sd_store_get_story_rows () in a worker. */
void        sd_store_get_story_rows_async       (SdStore             *self,
                                                 const gint64        *ids,
                                                 guint                n_ids,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray  *sd_store_get_story_rows_finish      (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* sd_store_get_story() in a worker: the full record. */
void        sd_store_get_story_async            (SdStore             *self,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) */
SdStory    *sd_store_get_story_finish           (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* sd_store_find_story() in a worker: the id of the story @ref (an id or
 * a uuid) names, or -1 with @error set. */
void        sd_store_find_story_async           (SdStore             *self,
                                                 const char          *ref,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gint64      sd_store_find_story_finish          (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The full records of the stories with these ids that still exist, in
 * the order of @ids: what changed stories look like now. */
void        sd_store_get_stories_async          (SdStore             *self,
                                                 const gint64        *ids,
                                                 guint                n_ids,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray  *sd_store_get_stories_finish         (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* What the window shows of the library besides its stories. */
typedef struct
{
  GPtrArray  *tags;       /* (element-type utf8) every tag name, most used first */
  GHashTable *tag_colors; /* (element-type utf8 utf8) as sd_store_dup_tag_colors() */
  GHashTable *counts;     /* (element-type utf8 gint64*) as sd_store_count_by_place() */
  GHashTable *dates;      /* (element-type utf8 gint64*) as sd_store_count_by_date() */
  GPtrArray  *searches;   /* (element-type SdSavedSearch) with their live counts */
  GPtrArray  *batches;    /* (element-type SdBatch) the import batches */
  gint64      n_trashed;  /* stories in the trash */
} SdLibrarySummary;

void        sd_library_summary_free             (SdLibrarySummary    *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLibrarySummary, sd_library_summary_free)

/* The tags, their colours, the counts by place and by date, the saved searches, the
 * import batches and the trash's count, in one read. */
void        sd_store_read_summary_async         (SdStore             *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) */
SdLibrarySummary *sd_store_read_summary_finish  (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* A story and what an editor is shown beside it. */
typedef struct
{
  SdStory   *story;       /* the full record */
  GPtrArray *dismissed;   /* (element-type utf8) the themes turned down for it */
  GPtrArray *suggestions; /* (element-type SdThemeSuggestion) the themes to
                           * suggest, as sd_theme_suggester_suggest_for_story()
                           * picks them */
} SdStoryDetails;

void        sd_story_details_free               (SdStoryDetails      *details);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoryDetails, sd_story_details_free)

/* sd_store_get_story() in a worker, with the story's dismissed themes and
 * its theme suggestions worked out there too. */
void        sd_store_get_story_details_async    (SdStore             *self,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) */
SdStoryDetails *sd_store_get_story_details_finish (SdStore           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* A story's page: its text, and the story's span in it. */
typedef struct
{
  gint64 story_id; /* the story it was read for */
  char  *text;  /* the page text, UTF-8; "" for a story read back from a
                 * Storydesk export, which came without its page */
  gsize  start; /* the story in @text, in page-text bytes */
  gsize  end;
} SdStoryPage;

void        sd_story_page_free                  (SdStoryPage         *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStoryPage, sd_story_page_free)

/* The page story @story_id was cut from, its span mapped from page-file
 * bytes into the page text (sd_page_find_story_span()) in the worker. */
void        sd_store_read_story_page_async      (SdStore             *self,
                                                 gint64               story_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) */
SdStoryPage *sd_store_read_story_page_finish    (SdStore             *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Starts noticing writes of other connections (the command line, a second
 * window, an import in a worker): the store looks at PRAGMA data_version
 * when the library's files change and emits SdStore::library-changed in
 * the caller's main context.  Calling it again does nothing. */
void        sd_store_watch_library              (SdStore             *self);
/* Looks now, without waiting for the files to say so (after a bulk import
 * in a worker finished): emits SdStore::library-changed and returns TRUE
 * when another connection wrote since the last look. */
gboolean    sd_store_check_library              (SdStore             *self);

G_END_DECLS
