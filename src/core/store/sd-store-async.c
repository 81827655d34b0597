/* sd-store-async.c — the store's worker: a read connection opened once and
 * used by one worker thread at a time (the watcher of data_version is in
 * sd-store-watch.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include "sd-page-reader.h"
#include "sd-store-async.h"
#include "sd-store-private.h"

/* Two lanes, each its own read connection: a story asked for is read on
 * the quick lane, so that it never waits behind a listing that reads every
 * match of a search (tens of milliseconds at 100,000 stories). */
typedef enum
{
  LANE_LISTS,
  LANE_STORY,
  N_LANES
} Lane;

typedef struct
{
  GMutex   lock;   /* held for each read: SQLite handles are not shared */
  SdStore *reader; /* (nullable) opened by the lane's first read */
} WorkerLane;

/* Shared by the store and its running reads: the store may go away while a
 * read is queued, and the last one out closes the connections. */
struct _SdStoreWorker
{
  char      *path;
  WorkerLane lanes[N_LANES];
};

/* A read done by the reader; returns NULL with @error set on failure. */
typedef gpointer (*ReadFunc) (SdStore *reader, gpointer data, GError **error);

typedef struct
{
  SdStoreWorker *worker;
  Lane           lane;
  ReadFunc       func;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} ReadJob;

static void
worker_free (SdStoreWorker *worker)
{
  for (guint i = 0; i < N_LANES; i++)
    {
      g_clear_object (&worker->lanes[i].reader);
      g_mutex_clear (&worker->lanes[i].lock);
    }
  g_free (worker->path);
}

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_atomic_rc_box_release_full (job->worker, (GDestroyNotify) worker_free);
  g_free (job);
}

/* SQLite asks every few thousand steps: a read whose request was
 * superseded (a key typed on) stops at once. */
static int
cancelled_cb (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ReadJob    *job = task_data;
  WorkerLane *worker = &job->worker->lanes[job->lane];
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&worker->lock);
  GError  *error = NULL;
  gpointer result;

  /* A search typed on queues behind the one running: a stale one stops
   * here without reading. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (worker->reader == NULL)
    worker->reader = sd_store_open_full (job->worker->path, SD_STORE_OPEN_NO_CHECK, &error);
  if (worker->reader != NULL && cancellable != NULL)
    sqlite3_progress_handler (worker->reader->db, 4000, cancelled_cb, cancellable);
  result = worker->reader != NULL ? job->func (worker->reader, job->data, &error) : NULL;
  if (worker->reader != NULL && cancellable != NULL)
    sqlite3_progress_handler (worker->reader->db, 0, NULL, NULL);
  if (result == NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_task_return_error_if_cancelled (task);
    }
  else if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

/* Runs @func on @lane's read connection; the task's source object is
 * NULL, so that a store is never finalized in a worker. */
static void
run_read (SdStore            *self,
          Lane                lane,
          gpointer            source_tag,
          ReadFunc            func,
          gpointer            data,
          GDestroyNotify      data_free,
          GDestroyNotify      result_free,
          GCancellable       *cancellable,
          GAsyncReadyCallback callback,
          gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  if (self->worker == NULL)
    {
      self->worker = g_atomic_rc_box_new0 (SdStoreWorker);
      for (guint i = 0; i < N_LANES; i++)
        g_mutex_init (&self->worker->lanes[i].lock);
      self->worker->path = g_strdup (self->path);
    }
  job->worker = g_atomic_rc_box_acquire (self->worker);
  job->lane = lane;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, source_tag);
  /* GIO's pool runs waiting tasks by priority: a story asked for goes
   * before listings queued for the other lane */
  if (lane == LANE_STORY)
    g_task_set_priority (task, G_PRIORITY_HIGH);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

static gpointer
finish_read (SdStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_sd_store_async_clear (SdStore *self)
{
  _sd_store_watch_clear (self);
  if (self->worker != NULL)
    g_atomic_rc_box_release_full (g_steal_pointer (&self->worker), (GDestroyNotify) worker_free);
}

/* Reads */

static gpointer
list_stories (SdStore *reader, gpointer data, GError **error)
{
  return sd_store_list_stories (reader, data, error);
}

void
sd_store_list_stories_async (SdStore            *self,
                             const SdScope      *scope,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  g_return_if_fail (scope != NULL);

  run_read (self, LANE_LISTS, sd_store_list_stories_async, list_stories, sd_scope_copy (scope),
            (GDestroyNotify) sd_scope_free, (GDestroyNotify) g_ptr_array_unref, cancellable,
            callback, user_data);
}

GPtrArray *
sd_store_list_stories_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_list_stories_async, error);
}

static gpointer
get_story (SdStore *reader, gpointer data, GError **error)
{
  return sd_store_get_story (reader, *(gint64 *) data, error);
}

void
sd_store_get_story_async (SdStore            *self,
                          gint64              id,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  run_read (self, LANE_STORY, sd_store_get_story_async, get_story, g_memdup2 (&id, sizeof id),
            g_free, (GDestroyNotify) sd_story_unref, cancellable, callback, user_data);
}

SdStory *
sd_store_get_story_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_get_story_async, error);
}

static gpointer
find_story (SdStore *reader, gpointer data, GError **error)
{
  gint64 id = sd_store_find_story (reader, data, error);

  return id < 0 ? NULL : g_memdup2 (&id, sizeof id);
}

void
sd_store_find_story_async (SdStore            *self,
                           const char         *ref,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  g_return_if_fail (ref != NULL);
  run_read (self, LANE_STORY, sd_store_find_story_async, find_story, g_strdup (ref), g_free, g_free,
            cancellable, callback, user_data);
}

gint64
sd_store_find_story_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *id = finish_read (self, result, sd_store_find_story_async, error);

  return id != NULL ? *id : -1;
}

/* @func on a copy of @ids (a GArray), for a GPtrArray of stories */
static void
run_ids_read (SdStore            *self,
              gpointer            source_tag,
              ReadFunc            func,
              const gint64       *ids,
              guint               n_ids,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  g_array_append_vals (copy, ids, n_ids);
  run_read (self, LANE_LISTS, source_tag, func, copy, (GDestroyNotify) g_array_unref,
            (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

static gpointer
get_stories (SdStore *reader, gpointer data, GError **error)
{
  GArray *ids = data;
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      SdStory *story = sd_store_get_story (reader, g_array_index (ids, gint64, i), &local_error);

      if (story != NULL)
        g_ptr_array_add (stories, story);
      else if (!g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&stories);
}

void
sd_store_get_stories_async (SdStore            *self,
                            const gint64       *ids,
                            guint               n_ids,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  run_ids_read (self, sd_store_get_stories_async, get_stories, ids, n_ids, cancellable, callback,
                user_data);
}

GPtrArray *
sd_store_get_stories_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_get_stories_async, error);
}

void
sd_story_listing_free (SdStoryListing *listing)
{
  g_clear_pointer (&listing->ids, g_array_unref);
  g_clear_pointer (&listing->rows, g_ptr_array_unref);
  g_free (listing);
}

/* A list's request: what, in what order, how many rows first, and to whom */
typedef struct
{
  SdScope           *scope;
  SdStoryOrder       order;
  gboolean           descending;
  guint              n_rows;
  SdStoryListingFunc first_func;
  gpointer           first_data;
  GMainContext      *context;
  GCancellable      *cancellable;
} ListingRequest;

static void
listing_request_free (ListingRequest *request)
{
  sd_scope_free (request->scope);
  g_clear_pointer (&request->context, g_main_context_unref);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static gpointer
list_story_ids (SdStore *reader, gpointer data, GError **error)
{
  ListingRequest *request = data;
  g_autoptr (SdStoryListing) listing = g_new0 (SdStoryListing, 1);

  if (request->first_func != NULL)
    _sd_store_tell_first_rows (reader, request->scope, request->order, request->n_rows,
                               request->first_func, request->first_data, request->context,
                               request->cancellable);
  listing->ids = _sd_store_list_story_ids_again (reader, request->scope, request->order,
                                                 request->descending, &listing->n_kept, error);
  if (listing->ids == NULL)
    return NULL;
  listing->rows = sd_store_get_story_rows (reader, (const gint64 *) listing->ids->data,
                                           MIN (request->n_rows, listing->ids->len), error);
  if (listing->rows == NULL)
    return NULL;
  return g_steal_pointer (&listing);
}

void
sd_store_list_story_ids_async (SdStore            *self,
                               const SdScope      *scope,
                               SdStoryOrder        order,
                               gboolean            descending,
                               guint               n_rows,
                               SdStoryListingFunc  first_func,
                               gpointer            first_data,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  ListingRequest *request;

  g_return_if_fail (SD_IS_STORE (self));
  g_return_if_fail (scope != NULL);

  request = g_new0 (ListingRequest, 1);
  request->scope = sd_scope_copy (scope);
  request->order = order;
  request->descending = descending;
  request->n_rows = n_rows;
  request->first_func = first_func;
  request->first_data = first_data;
  request->context = g_main_context_ref_thread_default ();
  g_set_object (&request->cancellable, cancellable);
  run_read (self, LANE_LISTS, sd_store_list_story_ids_async, list_story_ids, request,
            (GDestroyNotify) listing_request_free, (GDestroyNotify) sd_story_listing_free,
            cancellable, callback, user_data);
}

SdStoryListing *
sd_store_list_story_ids_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_list_story_ids_async, error);
}

static gpointer
get_story_rows (SdStore *reader, gpointer data, GError **error)
{
  GArray *ids = data;

  return sd_store_get_story_rows (reader, (const gint64 *) ids->data, ids->len, error);
}

void
sd_store_get_story_rows_async (SdStore            *self,
                               const gint64       *ids,
                               guint               n_ids,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  run_ids_read (self, sd_store_get_story_rows_async, get_story_rows, ids, n_ids, cancellable,
                callback, user_data);
}

GPtrArray *
sd_store_get_story_rows_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_get_story_rows_async, error);
}

void
sd_library_summary_free (SdLibrarySummary *summary)
{
  g_clear_pointer (&summary->tags, g_ptr_array_unref);
  g_clear_pointer (&summary->tag_colors, g_hash_table_unref);
  g_clear_pointer (&summary->counts, g_hash_table_unref);
  g_clear_pointer (&summary->dates, g_hash_table_unref);
  g_clear_pointer (&summary->searches, g_ptr_array_unref);
  g_clear_pointer (&summary->batches, g_ptr_array_unref);
  g_free (summary);
}

static gpointer
read_summary (SdStore *reader, gpointer data, GError **error)
{
  g_autoptr (SdLibrarySummary) summary = g_new0 (SdLibrarySummary, 1);

  if ((summary->tags = sd_store_list_tags (reader, error)) == NULL
      || (summary->tag_colors = sd_store_dup_tag_colors (reader, error)) == NULL
      || (summary->counts = sd_store_count_by_place (reader, error)) == NULL
      || (summary->dates = sd_store_count_by_date (reader, error)) == NULL
      || (summary->searches = sd_store_list_saved_searches (reader, error)) == NULL
      || (summary->batches = sd_store_list_batches (reader, error)) == NULL
      || (summary->n_trashed = sd_store_count_trash (reader, error)) < 0)
    return NULL;
  return g_steal_pointer (&summary);
}

void
sd_store_read_summary_async (SdStore            *self,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  run_read (self, LANE_LISTS, sd_store_read_summary_async, read_summary, NULL, NULL,
            (GDestroyNotify) sd_library_summary_free, cancellable, callback, user_data);
}

SdLibrarySummary *
sd_store_read_summary_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_read_summary_async, error);
}

void
sd_story_details_free (SdStoryDetails *details)
{
  g_clear_pointer (&details->story, sd_story_unref);
  g_clear_pointer (&details->dismissed, g_ptr_array_unref);
  g_clear_pointer (&details->suggestions, g_ptr_array_unref);
  g_free (details);
}

/* The suggestions are worked out here rather than kept: the library does
 * not store them yet, and working them out takes a moment. */
static gpointer
get_story_details (SdStore *reader, gpointer data, GError **error)
{
  g_autoptr (SdStoryDetails) details = g_new0 (SdStoryDetails, 1);
  gint64 id = *(gint64 *) data;

  if ((details->story = sd_store_get_story (reader, id, error)) == NULL
      || (details->dismissed = sd_store_list_dismissed_themes (reader, id, error)) == NULL)
    return NULL;
  details->suggestions = sd_theme_suggester_suggest_for_story (sd_theme_vocabulary_get_default (),
                                                               details->story, details->dismissed);
  return g_steal_pointer (&details);
}

void
sd_store_get_story_details_async (SdStore            *self,
                                  gint64              id,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  run_read (self, LANE_STORY, sd_store_get_story_details_async, get_story_details,
            g_memdup2 (&id, sizeof id), g_free, (GDestroyNotify) sd_story_details_free, cancellable,
            callback, user_data);
}

SdStoryDetails *
sd_store_get_story_details_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_get_story_details_async, error);
}

void
sd_story_page_free (SdStoryPage *page)
{
  g_free (page->text);
  g_free (page);
}

/* The page as stored and the story's span mapped into its text, so that
 * the window never needs the page reader. */
static gpointer
read_story_page (SdStore *reader, gpointer data, GError **error)
{
  g_autoptr (SdStory) story = sd_store_get_story (reader, *(gint64 *) data, error);
  g_autoptr (SdStoryPage) page = NULL;
  g_autofree char *encoding = NULL;
  gint64           size = 0;

  if (story == NULL)
    return NULL;
  page = g_new0 (SdStoryPage, 1);
  page->story_id = story->id;
  page->text = sd_store_dup_page_text (reader, story->page_id, &encoding, &size, error);
  if (page->text == NULL)
    return NULL;
  /* Stories read back from a Storydesk export came without their page. */
  if (*page->text != '\0')
    sd_page_find_story_span (story, page->text, encoding, size, &page->start, &page->end);
  return g_steal_pointer (&page);
}

void
sd_store_read_story_page_async (SdStore            *self,
                                gint64              story_id,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORE (self));
  run_read (self, LANE_STORY, sd_store_read_story_page_async, read_story_page,
            g_memdup2 (&story_id, sizeof story_id), g_free, (GDestroyNotify) sd_story_page_free,
            cancellable, callback, user_data);
}

SdStoryPage *
sd_store_read_story_page_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_store_read_story_page_async, error);
}
