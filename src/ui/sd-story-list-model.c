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
#include "sd-story-list-model.h"

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
  GHashTable   *changed;            /* ids of listed stories changed since */
  gboolean      stale;              /* read the list's ids again */
  guint         changes_idle;
};

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

/* Rows read at once: the first with the list, then where a view reaches */
#define ROWS_PER_BLOCK 100

/* How a list read lands. */
enum
{
  READ_NEW,     /* another request: every row in one splice */
  READ_AGAIN,   /* the same request: rows before and after a change stay */
  READ_REORDER, /* the same stories sorted otherwise: one splice, rows kept */
};

/* Rows read in one job: a block a view reached, or changed stories (G_MAXUINT) */
typedef struct
{
  SdStoryListModel *self;
  guint             block;
  guint             n_ids;
} RowsRead;

static void
unref_item (gpointer item)
{
  g_clear_object (&item);
}

static gint64
id_at (SdStoryListModel *self, guint position)
{
  return g_array_index (self->ids, gint64, position);
}

/* Where story @id is listed: at @hint, where it is most often, else by a
 * scan of the ids; a hash of them is made only for a run of look-ups (a
 * selection of thousands), as a long list changes more often than that. */
static gboolean
find_position (SdStoryListModel *self, gint64 id, guint hint, guint *out_position)
{
  gpointer position;

  if (hint < self->ids->len && id_at (self, hint) == id)
    {
      *out_position = hint;
      return TRUE;
    }
  if (self->positions == NULL && ++self->n_scans > 16)
    {
      self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i),
                             GUINT_TO_POINTER (i));
    }
  if (self->positions == NULL)
    {
      for (guint i = 0; i < self->ids->len; i++)
        if (id_at (self, i) == id)
          {
            *out_position = i;
            return TRUE;
          }
      return FALSE;
    }
  if (!g_hash_table_lookup_extended (self->positions, &id, NULL, &position))
    return FALSE;
  *out_position = GPOINTER_TO_UINT (position);
  return TRUE;
}

/* Puts @story at @position when it was not read or differs from what is
 * there. */
static void
replace_story (SdStoryListModel *self, guint position, SdStory *story)
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
read_rows (SdStoryListModel *self, const gint64 *ids, guint n_ids, guint block)
{
  GCancellable **cancellable =
      block == G_MAXUINT ? &self->update_cancellable : &self->rows_cancellable;
  RowsRead *job = g_new0 (RowsRead, 1);

  if (*cancellable == NULL)
    *cancellable = g_cancellable_new ();
  job->self = g_object_ref (self);
  job->block = block;
  job->n_ids = n_ids;
  sd_library_get_story_rows_async (self->library, ids, n_ids, *cancellable, rows_read_cb, job);
}

/* After the list was read again: the rows read before may have changed
 * too (another process wrote them), and only those are read again. */
static void
read_loaded_rows_again (SdStoryListModel *self)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = ROWS_PER_BLOCK; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) != NULL)
      g_array_append_val (ids, g_array_index (self->ids, gint64, i));
  if (ids->len > 0)
    read_rows (self, (const gint64 *) ids->data, ids->len, G_MAXUINT);
}

/* Lands a list read: its ids, and the rows read with them.  Rows that stay
 * keep their items, so a view keeps its selection and scroll. */
static void
land (SdStoryListModel *self, SdStoryListing *listing, int how)
{
  g_autoptr (GArray) old_ids = g_steal_pointer (&self->ids);
  g_autoptr (GPtrArray) old_items = g_steal_pointer (&self->items);
  g_autoptr (GHashTable) kept = NULL;
  g_autoptr (GPtrArray) outside = g_ptr_array_new ();
  GArray *ids = listing->ids;
  guint   n_old = old_ids->len, n_new = ids->len, prefix = 0, suffix = 0;

  if (how == READ_AGAIN)
    {
      while (prefix < MIN (n_old, n_new)
             && g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
        prefix++;
      while (suffix < MIN (n_old, n_new) - prefix
             && g_array_index (old_ids, gint64, n_old - 1 - suffix)
                    == g_array_index (ids, gint64, n_new - 1 - suffix))
        suffix++;
    }
  if (how != READ_NEW)
    {
      /* the rows read of stories still listed, by id */
      kept = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = prefix; i < n_old - suffix; i++)
        if (g_ptr_array_index (old_items, i) != NULL)
          g_hash_table_insert (kept, &g_array_index (old_ids, gint64, i),
                               g_ptr_array_index (old_items, i));
    }
  else
    {
      /* the blocks being read were another list's */
      g_cancellable_cancel (self->rows_cancellable);
      g_clear_object (&self->rows_cancellable);
    }
  g_hash_table_remove_all (self->pending);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  self->n_scans = 0;

  self->ids = g_array_ref (ids);
  self->items = g_ptr_array_new_full (n_new, unref_item);
  for (guint i = 0; i < n_new; i++)
    {
      SdStoryItem *item;

      if (i < prefix)
        item = g_ptr_array_index (old_items, i);
      else if (i >= n_new - suffix)
        item = g_ptr_array_index (old_items, n_old - (n_new - i));
      else
        item = kept != NULL ? g_hash_table_lookup (kept, &g_array_index (ids, gint64, i)) : NULL;
      g_ptr_array_add (self->items, item != NULL ? g_object_ref (item) : NULL);
    }
  /* The rows read with the list: those in the splice go in with it, the
   * others replace what they differ from after it. */
  for (guint i = 0; i < listing->rows->len; i++)
    {
      SdStory *story = g_ptr_array_index (listing->rows, i);
      guint    position;

      if (!find_position (self, story->id, i, &position))
        continue;
      if (position >= prefix && position < n_new - suffix)
        {
          g_clear_object (&g_ptr_array_index (self->items, position));
          g_ptr_array_index (self->items, position) = sd_story_item_new (story);
        }
      else
        g_ptr_array_add (outside, story);
    }
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                                n_new - prefix - suffix);
  for (guint i = 0; i < outside->len; i++)
    {
      SdStory *story = g_ptr_array_index (outside, i);
      guint    position;

      if (find_position (self, story->id, 0, &position))
        replace_story (self, position, story);
    }
  if (how == READ_AGAIN)
    read_loaded_rows_again (self);
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
      land (self, listing, how);
      g_debug ("listed %u stories in %.0f ms", listing->ids->len,
               (g_get_monotonic_time () - self->started) / 1000.0);
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
 * ranked best first): they show now, and the whole list lands on them. */
static void
list_first_cb (SdStoryListing *first, gpointer data)
{
  SdStoryListModel *self = data;

  if (self->cancellable == NULL || self->keep != READ_NEW)
    return;
  g_clear_error (&self->error);
  g_strfreev (self->terms);
  self->terms = sd_query_dup_marked_terms (self->text);
  land (self, first, READ_NEW);
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

static void
rows_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RowsRead *job = user_data;
  g_autoptr (SdStoryListModel) self = job->self;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
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
      else if (find_position (self, story->id, block != G_MAXUINT ? block * ROWS_PER_BLOCK + i : 0,
                              &position)
               && (block != G_MAXUINT || g_ptr_array_index (self->items, position) != NULL))
        replace_story (self, position, story);
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
  GHashTableIter iter;
  gpointer       id;

  self->changes_idle = 0;
  if (self->stale)
    {
      read_list (self, READ_AGAIN);
      return G_SOURCE_REMOVE;
    }
  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (ids, *(gint64 *) id);
  g_hash_table_remove_all (self->changed);
  if (ids->len > 0)
    read_rows (self, (const gint64 *) ids->data, ids->len, G_MAXUINT);
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
  if (!find_position (self, id, 0, &position))
    self->stale = TRUE;
  else if (g_ptr_array_index (self->items, position) != NULL)
    g_hash_table_add (self->changed, g_memdup2 (&id, sizeof id));
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
  stub->id = id_at (self, position);
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
             MIN (ROWS_PER_BLOCK, self->ids->len - start), block);
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

  return position < self->ids->len ? id_at (self, position) : 0;
}

gboolean
sd_story_list_model_find (SdStoryListModel *self, gint64 id, guint *out_position)
{
  guint position;

  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), FALSE);
  return find_position (self, id, 0, out_position != NULL ? out_position : &position);
}

SdStory *
sd_story_list_model_lookup (SdStoryListModel *self, gint64 id)
{
  guint position;

  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);
  return find_position (self, id, 0, &position) ? sd_story_list_model_get_story (self, position)
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
