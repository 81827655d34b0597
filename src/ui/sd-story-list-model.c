/* sd-story-list-model.c — owns the request, its cancellable, the listed
 * stories' ids, the rows read of them (a block at a time, as a view asks)
 * and the splices that land them; follows the library's signals so nobody
 * has to poll or reload it by hand
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list-model"

#include "config.h"

#include <string.h>

#include "sd-query.h"
#include "sd-library.h"
#include "sd-story-item.h"
#include "sd-story-list-model-private.h"

enum
{
  LOADED,
  STORY_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void sd_story_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (SdStoryListModel,
                         sd_story_list_model,
                         G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                sd_story_list_model_list_model_init))

/* Rows read in one job: a block a view reached, or changed stories (G_MAXUINT)
 * with where each was listed when asked (@hints), so that finding them again
 * is no scan of a long list */
typedef struct
{
  SdStoryListModel *self;
  guint             block;
  guint             n_ids;
  GArray           *hints; /* (element-type guint) (nullable) */
} RowsRead;

static void
unref_item (gpointer item)
{
  g_clear_object (&item);
}

/* Puts @story at @position when it was not read or differs from what is
 * there. */
void
_sd_story_list_model_replace_story (SdStoryListModel *self, guint position, SdStory *story)
{
  SdStoryItem *old_item = g_ptr_array_index (self->items, position);
  SdStory     *old = old_item != NULL ? sd_story_item_get_story (old_item) : NULL;
  gboolean     moved = old != NULL && g_strcmp0 (old->place_code, story->place_code) != 0;

  if (old != NULL && !sd_story_row_differs (old, story))
    return;
  g_ptr_array_index (self->items, position) = sd_story_item_new (story);
  g_clear_object (&old_item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  if (moved)
    g_signal_emit (self, signals[STORY_MOVED], 0, story->id);
}

static void rows_read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* Reads the rows of these listed stories again (or the first time); @block:
 * the block a view reached, or G_MAXUINT for changed stories. */
static void
read_rows (SdStoryListModel *self, const gint64 *ids, guint n_ids, guint block, GArray *hints)
{
  GCancellable **cancellable =
      block == G_MAXUINT ? &self->update_cancellable : &self->rows_cancellable;
  RowsRead *job = g_new0 (RowsRead, 1);

  if (*cancellable == NULL)
    *cancellable = g_cancellable_new ();
  job->self = g_object_ref (self);
  job->block = block;
  job->n_ids = n_ids;
  job->hints = hints != NULL ? g_array_ref (hints) : NULL;
  sd_library_get_story_rows_async (self->library, ids, n_ids, *cancellable, rows_read_cb, job);
}

/* After the list was read again: the rows read before may have changed
 * too (another process wrote them), and only those are read again. */
void
_sd_story_list_model_read_loaded_rows_again (SdStoryListModel *self)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) hints = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = ROWS_PER_BLOCK; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) != NULL)
      {
        g_array_append_val (ids, g_array_index (self->ids, gint64, i));
        g_array_append_val (hints, i);
      }
  if (ids->len > 0)
    read_rows (self, (const gint64 *) ids->data, ids->len, G_MAXUINT, hints);
}

static void
read_done (SdStoryListModel *self, SdStoryListing *listing, GError *error, int how)
{
  g_clear_error (&self->error);
  if (listing == NULL)
    self->error = error;
  else
    {
      if (how == READ_NEW)
        {
          g_strfreev (self->terms);
          self->terms = sd_query_dup_marked_terms (self->text);
        }
      _sd_story_list_model_land (self, listing, how);
      /* (how many ids the store kept from its last read of the list) */
      g_debug ("listed %u stories in %.0f ms, %u kept", listing->ids->len,
               (g_get_monotonic_time () - self->started) / 1000.0, listing->n_kept);
    }
  g_signal_emit (self, signals[LOADED], 0);
}

static void
list_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdStoryListModel) self = user_data;
  g_autoptr (SdStoryListing) listing = NULL;
  GError *error = NULL;

  listing = sd_library_list_story_ids_finish (self->library, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_error_free (error);
  else
    {
      g_clear_object (&self->cancellable); /* nothing being read now */
      read_done (self, listing, error, self->keep);
    }
}

/* The first rows of a new request came before the whole list (a search
 * ranked best first, a list in page order): they show now, and the whole
 * list lands on them. */
static void
list_first_cb (SdStoryListing *first, gpointer data)
{
  SdStoryListModel *self = data;

  if (self->cancellable == NULL || self->keep != READ_NEW)
    return;
  g_clear_error (&self->error);
  g_strfreev (self->terms);
  self->terms = sd_query_dup_marked_terms (self->text);
  _sd_story_list_model_land (self, first, READ_NEW);
  self->keep = READ_AGAIN;
  g_debug ("first %u rows in %.0f ms", first->ids->len,
           (g_get_monotonic_time () - self->started) / 1000.0);
}

/* Reads the request: its ids, and the first rows.  A read still running
 * for the request before stops at once. */
static void
read_list (SdStoryListModel *self, int how)
{
  SdScope scope = { self->kind, self->place_code,   self->text,    NULL,
                    0,          self->by_relevance, self->batch_id };

  /* What the list brings supersedes the changed stories being read; the
   * rows read before are read again after it (read_loaded_rows_again ()). */
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_hash_table_remove_all (self->changed);
  self->stale = FALSE;

  /* A new request still being read stays new: reading it again for a
   * change must not skip taking its search terms. */
  if (self->cancellable != NULL && self->keep == READ_NEW)
    how = READ_NEW;
  /* The blocks of rows the view asked of the list before are no use to
   * another request, and would hold the worker its first rows wait for. */
  if (how == READ_NEW)
    {
      g_cancellable_cancel (self->rows_cancellable);
      g_clear_object (&self->rows_cancellable);
      g_hash_table_remove_all (self->pending);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  self->keep = how;
  /* (dispose cancels the request before @self goes) */
  sd_library_list_story_ids_async (self->library, &scope, (SdStoryOrder) self->sort,
                                   self->descending, ROWS_PER_BLOCK,
                                   how == READ_NEW ? list_first_cb : NULL, self, self->cancellable,
                                   list_read_cb, g_object_ref (self));
}

/* Where the @i-th story read was listed when asked (rows come back in
 * the order asked; a story gone leaves the hint wrong, and a scan finds it). */
static guint
hint_at (guint block, GArray *hints, guint i)
{
  if (block != G_MAXUINT)
    return block * ROWS_PER_BLOCK + i;
  return hints != NULL && i < hints->len ? g_array_index (hints, guint, i) : 0;
}

static void
rows_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RowsRead *job = user_data;
  g_autoptr (SdStoryListModel) self = job->self;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) hints = job->hints;
  guint    n_ids = job->n_ids, block = job->block;
  gboolean gone = FALSE;

  g_free (job);
  stories = sd_library_get_story_rows_finish (self->library, result, &error);
  if (stories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the listed stories: %s", error->message);
      return;
    }
  if (block != G_MAXUINT)
    g_hash_table_remove (self->pending, GUINT_TO_POINTER (block + 1));
  for (guint i = 0; i < stories->len; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);
      guint    position;

      /* one that went to the trash, or came back from it, leaves the list */
      if ((story->trashed != NULL) != (self->kind == SD_SCOPE_TRASH))
        gone = TRUE;
      else if (_sd_story_list_model_find_position (self, story->id, hint_at (block, hints, i),
                                                   &position)
               && (block != G_MAXUINT || g_ptr_array_index (self->items, position) != NULL))
        _sd_story_list_model_replace_story (self, position, story);
    }
  /* A story joined onto another is gone: the list says so. */
  if (stories->len < n_ids || gone)
    read_list (self, READ_AGAIN);
}

static gboolean
changes_idle_cb (gpointer data)
{
  SdStoryListModel *self = data;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) hints = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer       id, position;

  self->changes_idle = 0;
  if (self->stale)
    {
      read_list (self, READ_AGAIN);
      return G_SOURCE_REMOVE;
    }
  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &id, &position))
    {
      guint hint = GPOINTER_TO_UINT (position);

      g_array_append_val (ids, *(gint64 *) id);
      g_array_append_val (hints, hint);
    }
  g_hash_table_remove_all (self->changed);
  if (ids->len > 0)
    read_rows (self, (const gint64 *) ids->data, ids->len, G_MAXUINT, hints);
  return G_SOURCE_REMOVE;
}

/* A burst of changes (a tag put on 500 stories) is read in one job. */
static void
schedule_changes (SdStoryListModel *self)
{
  if (self->requested && self->changes_idle == 0)
    self->changes_idle = g_idle_add (changes_idle_cb, self);
}

static void
story_changed_cb (SdLibrary *library, gint64 id, SdStoryListModel *self)
{
  guint position;

  /* A story not listed may belong now: a split's new half, an undone move;
   * one listed but not read yet is read when shown. */
  if (!_sd_story_list_model_find_position (self, id, 0, &position))
    self->stale = TRUE;
  else if (g_ptr_array_index (self->items, position) != NULL)
    g_hash_table_insert (self->changed, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (position));
  schedule_changes (self);
}

/* Another process wrote, or tags were renamed: the ids again, then the
 * rows read so far; never every row. */
static void
library_changed_cb (SdLibrary *library, SdStoryListModel *self)
{
  self->stale = TRUE;
  schedule_changes (self);
}

static GType
sd_story_list_model_get_item_type (GListModel *model)
{
  return SD_TYPE_STORY_ITEM;
}

static guint
sd_story_list_model_get_n_items (GListModel *model)
{
  return SD_STORY_LIST_MODEL (model)->ids->len;
}

/* A row not read yet is an item of a record holding only its id, until
 * items-changed replaces it. */
static gpointer
sd_story_list_model_get_item (GListModel *model, guint position)
{
  SdStoryListModel *self = SD_STORY_LIST_MODEL (model);
  g_autoptr (SdStory) stub = NULL;

  if (position >= self->ids->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) != NULL)
    return g_object_ref (g_ptr_array_index (self->items, position));
  sd_story_list_model_fetch (self, position);
  stub = sd_story_new ();
  stub->id = _sd_story_list_model_id_at (self, position);
  return sd_story_item_new (stub);
}

static void
sd_story_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sd_story_list_model_get_item_type;
  iface->get_n_items = sd_story_list_model_get_n_items;
  iface->get_item = sd_story_list_model_get_item;
}

static void
sd_story_list_model_dispose (GObject *object)
{
  SdStoryListModel *self = SD_STORY_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->rows_cancellable);
  g_clear_object (&self->rows_cancellable);
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_clear_handle_id (&self->changes_idle, g_source_remove);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);

  G_OBJECT_CLASS (sd_story_list_model_parent_class)->dispose (object);
}

static void
sd_story_list_model_finalize (GObject *object)
{
  SdStoryListModel *self = SD_STORY_LIST_MODEL (object);

  /* Kept until now: a cancelled read still lands, and asks the store. */
  g_clear_object (&self->library);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_ptr_array_unref (self->items);
  g_array_unref (self->ids);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->changed);
  g_free (self->place_code);
  g_free (self->text);
  g_strfreev (self->terms);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sd_story_list_model_parent_class)->finalize (object);
}

static void
sd_story_list_model_class_init (SdStoryListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sd_story_list_model_dispose;
  object_class->finalize = sd_story_list_model_finalize;

  /* SdStoryListModel::loaded: the whole list landed, or its reading failed
   * (sd_story_list_model_get_error()) */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  /* SdStoryListModel::story-moved (gint64 id): a listed story now filed
   * under another place */
  signals[STORY_MOVED] = g_signal_new ("story-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sd_story_list_model_init (SdStoryListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->pending = g_hash_table_new (NULL, NULL);
  self->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->terms = g_new0 (char *, 1);
}

SdStoryListModel *
sd_story_list_model_new (SdLibrary *library)
{
  SdStoryListModel *self;

  g_return_val_if_fail (SD_IS_LIBRARY (library), NULL);

  self = g_object_new (SD_TYPE_STORY_LIST_MODEL, NULL);
  self->library = g_object_ref (library);
  g_signal_connect (library, "story-changed", G_CALLBACK (story_changed_cb), self);
  g_signal_connect (library, "tags-changed", G_CALLBACK (library_changed_cb), self);
  g_signal_connect (library, "library-changed", G_CALLBACK (library_changed_cb), self);
  return self;
}

void
sd_story_list_model_set_request (SdStoryListModel *self, const SdScope *scope)
{
  g_return_if_fail (SD_IS_STORY_LIST_MODEL (self));
  g_return_if_fail (scope != NULL);

  self->requested = TRUE;
  self->kind = scope->kind;
  g_free (self->place_code);
  self->place_code = g_strdup (scope->place_code);
  self->batch_id = scope->batch_id;
  g_free (self->text);
  self->text = g_strdup (scope->text);
  self->by_relevance = scope->by_relevance;
  read_list (self, READ_NEW);
}

void
sd_story_list_model_refresh (SdStoryListModel *self)
{
  g_return_if_fail (SD_IS_STORY_LIST_MODEL (self));

  if (self->requested)
    read_list (self, READ_AGAIN);
}

void
sd_story_list_model_fetch (SdStoryListModel *self, guint position)
{
  guint block, start;

  g_return_if_fail (SD_IS_STORY_LIST_MODEL (self));

  if (position >= self->ids->len || g_ptr_array_index (self->items, position) != NULL)
    return;
  block = position / ROWS_PER_BLOCK;
  if (!g_hash_table_add (self->pending, GUINT_TO_POINTER (block + 1)))
    return;
  start = block * ROWS_PER_BLOCK;
  read_rows (self, &g_array_index (self->ids, gint64, start),
             MIN (ROWS_PER_BLOCK, self->ids->len - start), block, NULL);
}

gboolean
sd_story_list_model_is_reading (SdStoryListModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), FALSE);
  /* (a search's first rows are its best matches, shown first as they
   * always were: only a list in page order is awaited) */
  return self->cancellable != NULL && (self->text == NULL || *self->text == '\0');
}

SdStory *
sd_story_list_model_get_story (SdStoryListModel *self, guint position)
{
  SdStoryItem *item;

  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);
  item = position < self->ids->len ? g_ptr_array_index (self->items, position) : NULL;
  return item != NULL ? sd_story_item_get_story (item) : NULL;
}

gint64
sd_story_list_model_get_id (SdStoryListModel *self, guint position)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), 0);

  return position < self->ids->len ? _sd_story_list_model_id_at (self, position) : 0;
}

gboolean
sd_story_list_model_find (SdStoryListModel *self, gint64 id, guint *out_position)
{
  guint position;

  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), FALSE);
  return _sd_story_list_model_find_position (self, id, 0,
                                             out_position != NULL ? out_position : &position);
}

SdStory *
sd_story_list_model_lookup (SdStoryListModel *self, gint64 id)
{
  guint position;

  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);
  return _sd_story_list_model_find_position (self, id, 0, &position)
             ? sd_story_list_model_get_story (self, position)
             : NULL;
}

const char *const *
sd_story_list_model_get_terms (SdStoryListModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);
  return (const char *const *) self->terms;
}

const GError *
sd_story_list_model_get_error (SdStoryListModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);
  return self->error;
}

void
sd_story_list_model_set_sort (SdStoryListModel *self, SdStorySort sort, gboolean descending)
{
  g_return_if_fail (SD_IS_STORY_LIST_MODEL (self));

  if (sort == self->sort && descending == self->descending)
    return;
  self->sort = sort;
  self->descending = descending;
  /* sorted in the store's worker, the rows read so far kept */
  if (self->requested)
    read_list (self, READ_REORDER);
}

SdStorySort
sd_story_list_model_get_sort (SdStoryListModel *self, gboolean *descending)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), SD_STORY_SORT_NONE);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}
