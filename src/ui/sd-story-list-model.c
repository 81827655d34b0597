/* sd-story-list-model.c — owns the request, its cancellable, the cache of
 * listed stories and the splice that lands them; follows the store's
 * signals so nobody has to poll or reload it by hand
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list-model"

#include "config.h"

#include <string.h>

#include "sd-query.h"
#include "sd-store-async.h"
#include "sd-story-item.h"
#include "sd-story-list-model.h"

struct _SdStoryListModel
{
  GObject parent_instance;

  SdStore    *store;
  GPtrArray  *items;     /* (element-type SdStoryItem) in page order */
  GHashTable *positions; /* story id → position in items */

  gboolean    requested;
  SdScopeKind kind;
  char       *place_code;
  gint64      batch_id;
  char       *text;
  gboolean    by_relevance;
  GStrv       terms; /* the search words of the stories listed */
  GError     *error;
  gint64      started;
  gboolean    keep; /* the list being read is the same request again */
  SdStorySort sort;
  gboolean    descending;

  GCancellable *cancellable;        /* the list being read */
  GCancellable *update_cancellable; /* changed stories being read again */
  GHashTable   *changed;            /* ids of listed stories changed since */
  gboolean      stale;              /* read the whole list again */
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

/* Changed stories read again in one job, and how many were asked for. */
typedef struct
{
  SdStoryListModel *self;
  guint             n_ids;
} ChangesRead;

static SdStory *
story_at (GPtrArray *items, guint position)
{
  return sd_story_item_get_story (g_ptr_array_index (items, position));
}

static gboolean
same_tags (const SdStory *a, const SdStory *b)
{
  guint n_a = a->tags != NULL ? a->tags->len : 0;
  guint n_b = b->tags != NULL ? b->tags->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (g_ptr_array_index (a->tags, i), g_ptr_array_index (b->tags, i)) != 0)
      return FALSE;
  return TRUE;
}

/* What a row and the inspector's view of a selection show. */
static gboolean
differs (const SdStory *a, const SdStory *b)
{
  return g_strcmp0 (a->headline, b->headline) != 0 || g_strcmp0 (a->place_code, b->place_code) != 0
         || a->status != b->status || g_strcmp0 (a->updated, b->updated) != 0
         || g_strcmp0 (a->note, b->note) != 0 || g_strcmp0 (a->source_file, b->source_file) != 0
         || g_strcmp0 (a->paper, b->paper) != 0 || g_strcmp0 (a->issue_date, b->issue_date) != 0
         || g_strcmp0 (a->page_no, b->page_no) != 0 || !same_tags (a, b);
}

static const char *const sort_names[] = { "none", "date", "paper", "page", "place", "status" };

/* Unknown values (a page without a date) go last whichever the direction. */
static int
compare_nullable (const char *a, const char *b, gboolean descending)
{
  gboolean no_a = a == NULL || *a == '\0', no_b = b == NULL || *b == '\0';

  if (no_a || no_b)
    return no_a - no_b;
  return descending ? -strcmp (a, b) : strcmp (a, b);
}

static int
compare_stories (const SdStory *a, const SdStory *b, SdStoryListModel *self)
{
  switch (self->sort)
    {
    case SD_STORY_SORT_DATE:
      return compare_nullable (a->issue_date, b->issue_date, self->descending);
    case SD_STORY_SORT_PAPER:
      return compare_nullable (a->paper, b->paper, self->descending);
    case SD_STORY_SORT_PAGE:
      return compare_nullable (a->page_no, b->page_no, self->descending);
    case SD_STORY_SORT_PLACE:
      /* codes nest (city, district, town), so a city's stories stay together */
      return compare_nullable (a->place_code, b->place_code, self->descending);
    case SD_STORY_SORT_STATUS:
      return self->descending ? (int) b->status - (int) a->status
                              : (int) a->status - (int) b->status;
    case SD_STORY_SORT_NONE:
    default:
      return 0;
    }
}

static int
compare_stories_cb (gconstpointer a, gconstpointer b, gpointer self)
{
  return compare_stories (*(SdStory *const *) a, *(SdStory *const *) b, self);
}

static int
compare_items_cb (gconstpointer a, gconstpointer b, gpointer self)
{
  return compare_stories (sd_story_item_get_story (*(SdStoryItem *const *) a),
                          sd_story_item_get_story (*(SdStoryItem *const *) b), self);
}

static void
index_positions (SdStoryListModel *self)
{
  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_insert (self->positions, &story_at (self->items, i)->id, GUINT_TO_POINTER (i));
}

static GStrv
dup_terms (const char *text)
{
  g_autoptr (SdQuery) query = text != NULL ? sd_query_parse (text, NULL) : NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *terms = query != NULL ? sd_query_get_terms (query) : NULL;

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (terms, i));
  return g_strv_builder_end (builder);
}

/* Puts @story at @position when it differs from what is there. */
static void
replace_story (SdStoryListModel *self, guint position, SdStory *story)
{
  g_autoptr (SdStoryItem) item = g_ptr_array_index (self->items, position);
  SdStory *old = sd_story_item_get_story (item);
  gboolean moved = g_strcmp0 (old->place_code, story->place_code) != 0;

  if (!differs (old, story))
    {
      g_steal_pointer (&item);
      return;
    }
  g_ptr_array_index (self->items, position) = sd_story_item_new (story);
  /* The key is the old story's id: it goes with the old item. */
  g_hash_table_replace (self->positions, &story->id, GUINT_TO_POINTER (position));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  if (moved)
    g_signal_emit (self, signals[STORY_MOVED], 0, story->id);
}

/* Lands a list read: a new request replaces every row in one splice; the
 * same request read again keeps the rows before and after what changed,
 * so a view keeps its selection and scroll. */
static void
land (SdStoryListModel *self, GPtrArray *stories, gboolean keep)
{
  g_autoptr (GPtrArray) old = g_steal_pointer (&self->items);
  guint n_old = old->len, n_new = stories->len, prefix = 0, suffix = 0;

  /* g_ptr_array_sort_with_data() is a merge sort: stable, so ties keep
   * the store's order. */
  if (self->sort != SD_STORY_SORT_NONE)
    g_ptr_array_sort_with_data (stories, compare_stories_cb, self);
  if (keep)
    {
      while (prefix < MIN (n_old, n_new)
             && story_at (old, prefix)->id == ((SdStory *) g_ptr_array_index (stories, prefix))->id)
        prefix++;
      while (suffix < MIN (n_old, n_new) - prefix
             && story_at (old, n_old - 1 - suffix)->id
                    == ((SdStory *) g_ptr_array_index (stories, n_new - 1 - suffix))->id)
        suffix++;
    }

  self->items = g_ptr_array_new_full (n_new, g_object_unref);
  for (guint i = 0; i < n_new; i++)
    {
      /* Rows before and after the change keep their items until compared. */
      if (i < prefix || i >= n_new - suffix)
        g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (
                                          old, i < prefix ? i : n_old - (n_new - i))));
      else
        g_ptr_array_add (self->items, sd_story_item_new (g_ptr_array_index (stories, i)));
    }
  index_positions (self);
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                                n_new - prefix - suffix);
  for (guint i = 0; i < n_new; i++)
    if (i < prefix || i >= n_new - suffix)
      replace_story (self, i, g_ptr_array_index (stories, i));
}

static void
read_done (SdStoryListModel *self, GPtrArray *stories, GError *error, gboolean keep)
{
  g_clear_error (&self->error);
  if (stories == NULL)
    self->error = error;
  else
    {
      if (!keep)
        {
          g_strfreev (self->terms);
          self->terms = dup_terms (self->text);
        }
      land (self, stories, keep);
      g_debug ("listed %u stories in %.0f ms", stories->len,
               (g_get_monotonic_time () - self->started) / 1000.0);
    }
  g_signal_emit (self, signals[LOADED], 0);
}

static void
list_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdStoryListModel) self = user_data;
  g_autoptr (GPtrArray) stories = NULL;
  GError *error = NULL;

  stories = sd_store_list_stories_finish (self->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_error_free (error);
  else
    {
      g_clear_object (&self->cancellable); /* nothing being read now */
      read_done (self, stories, error, self->keep);
    }
}

/* Reads the request; @keep: it is the same request, read again. */
static void
read_list (SdStoryListModel *self, gboolean keep)
{
  SdScope scope = { self->kind, self->place_code,   self->text,    NULL,
                    0,          self->by_relevance, self->batch_id };

  /* What a whole list brings supersedes the changed stories being read. */
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_hash_table_remove_all (self->changed);
  self->stale = FALSE;

  /* A new request still being read stays new: reading it again for a
   * change must not skip taking its search terms. */
  keep = keep && (self->cancellable == NULL || self->keep);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  self->keep = keep;
  sd_store_list_stories_async (self->store, &scope, self->cancellable, list_read_cb,
                               g_object_ref (self));
}

static void
changes_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChangesRead *job = user_data;
  g_autoptr (SdStoryListModel) self = job->self;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
  guint    n_ids = job->n_ids;
  gboolean gone = FALSE;

  g_free (job);
  stories = sd_store_get_stories_finish (self->store, result, &error);
  if (stories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the changed stories: %s", error->message);
      return;
    }
  for (guint i = 0; i < stories->len; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);
      gpointer position;

      /* one that went to the trash, or came back from it, leaves the list */
      if ((story->trashed != NULL) != (self->kind == SD_SCOPE_TRASH))
        gone = TRUE;
      else if (g_hash_table_lookup_extended (self->positions, &story->id, NULL, &position))
        replace_story (self, GPOINTER_TO_UINT (position), story);
    }
  /* A story joined onto another is gone: the list says so. */
  if (stories->len < n_ids || gone)
    read_list (self, TRUE);
}

static gboolean
changes_idle_cb (gpointer data)
{
  SdStoryListModel *self = data;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer       id;
  ChangesRead   *job;

  self->changes_idle = 0;
  if (self->stale)
    {
      read_list (self, TRUE);
      return G_SOURCE_REMOVE;
    }
  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (ids, *(gint64 *) id);
  g_hash_table_remove_all (self->changed);
  if (ids->len == 0)
    return G_SOURCE_REMOVE;

  if (self->update_cancellable == NULL)
    self->update_cancellable = g_cancellable_new ();
  job = g_new0 (ChangesRead, 1);
  job->self = g_object_ref (self);
  job->n_ids = ids->len;
  sd_store_get_stories_async (self->store, (const gint64 *) ids->data, ids->len,
                              self->update_cancellable, changes_read_cb, job);
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
story_changed_cb (SdStore *store, gint64 id, SdStoryListModel *self)
{
  /* A story not listed may belong now: a split's new half, an undone move. */
  if (g_hash_table_contains (self->positions, &id))
    g_hash_table_add (self->changed, g_memdup2 (&id, sizeof id));
  else
    self->stale = TRUE;
  schedule_changes (self);
}

static void
library_changed_cb (SdStore *store, SdStoryListModel *self)
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
  return SD_STORY_LIST_MODEL (model)->items->len;
}

static gpointer
sd_story_list_model_get_item (GListModel *model, guint position)
{
  SdStoryListModel *self = SD_STORY_LIST_MODEL (model);

  return position < self->items->len ? g_object_ref (g_ptr_array_index (self->items, position))
                                     : NULL;
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
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_clear_handle_id (&self->changes_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  G_OBJECT_CLASS (sd_story_list_model_parent_class)->dispose (object);
}

static void
sd_story_list_model_finalize (GObject *object)
{
  SdStoryListModel *self = SD_STORY_LIST_MODEL (object);

  /* Kept until now: a cancelled read still lands, and asks the store. */
  g_clear_object (&self->store);
  g_hash_table_unref (self->positions);
  g_ptr_array_unref (self->items);
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

  /**
   * SdStoryListModel::loaded:
   *
   * A reading of the list landed, or failed (sd_story_list_model_get_error()).
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SdStoryListModel::story-moved:
   * @id: a listed story now filed under another place
   */
  signals[STORY_MOVED] = g_signal_new ("story-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sd_story_list_model_init (SdStoryListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->terms = g_new0 (char *, 1);
}

SdStoryListModel *
sd_story_list_model_new (SdStore *store)
{
  SdStoryListModel *self;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  self = g_object_new (SD_TYPE_STORY_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  g_signal_connect (store, "story-changed", G_CALLBACK (story_changed_cb), self);
  g_signal_connect (store, "tags-changed", G_CALLBACK (library_changed_cb), self);
  g_signal_connect (store, "library-changed", G_CALLBACK (library_changed_cb), self);
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
  read_list (self, FALSE);
}

void
sd_story_list_model_refresh (SdStoryListModel *self)
{
  g_return_if_fail (SD_IS_STORY_LIST_MODEL (self));

  if (self->requested)
    read_list (self, TRUE);
}

SdStory *
sd_story_list_model_get_story (SdStoryListModel *self, guint position)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);

  return position < self->items->len ? story_at (self->items, position) : NULL;
}

SdStory *
sd_story_list_model_lookup (SdStoryListModel *self, gint64 id)
{
  gpointer position;

  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), NULL);

  if (!g_hash_table_lookup_extended (self->positions, &id, NULL, &position))
    return NULL;
  return story_at (self->items, GPOINTER_TO_UINT (position));
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
  if (self->items->len == 0)
    return;
  if (sort == SD_STORY_SORT_NONE)
    {
      /* back to the store's own order: read it again */
      sd_story_list_model_refresh (self);
      return;
    }
  g_ptr_array_sort_with_data (self->items, compare_items_cb, self);
  index_positions (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->items->len, self->items->len);
}

SdStorySort
sd_story_list_model_get_sort (SdStoryListModel *self, gboolean *descending)
{
  g_return_val_if_fail (SD_IS_STORY_LIST_MODEL (self), SD_STORY_SORT_NONE);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

SdStorySort
sd_story_sort_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (name, sort_names[i]) == 0)
      return i;
  return SD_STORY_SORT_NONE;
}

const char *
sd_story_sort_to_string (SdStorySort sort)
{
  return sort < G_N_ELEMENTS (sort_names) ? sort_names[sort] : sort_names[0];
}
