/* sd-library-model.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-library-model"

#include "config.h"

#include "sd-library-model.h"
#include "sd-library.h"
#include "sd-pg-shared.h"
#include "sd-store-async.h"

struct _SdLibraryModel
{
  GObject parent_instance;

  SdLibrary        *library;
  SdStore          *store;   /* the same, a personal library; NULL on a shared one */
  SdLibrarySummary *summary; /* (nullable) as last read */
  GPtrArray        *no_tags; /* what get_tags gives before the first read */
  GError           *error;
  GCancellable     *cancellable;
  guint             read_idle; /* a pending read, once for a burst of changes */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdLibraryModel, sd_library_model, G_TYPE_OBJECT)

static gboolean
same_names (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Whether two tables hold the same keys with values @equal calls equal. */
static gboolean
same_table (GHashTable *a, GHashTable *b, GEqualFunc equal)
{
  GHashTableIter iter;
  gpointer       key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other) || !equal (value, other))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_searches (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const SdSavedSearch *x = g_ptr_array_index (a, i);
      const SdSavedSearch *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->query, y->query) != 0
          || x->count != y->count)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_batches (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const SdBatch *x = g_ptr_array_index (a, i);
      const SdBatch *y = g_ptr_array_index (b, i);

      if (x->id != y->id || x->n_stories != y->n_stories || x->n_trashed != y->n_trashed)
        return FALSE;
    }
  return TRUE;
}

/* The parts of @summary that differ from @old (all of them when @old is NULL). */
static SdLibraryModelParts
compare (const SdLibrarySummary *old, const SdLibrarySummary *summary)
{
  SdLibraryModelParts parts = 0;

  if (old == NULL || !same_names (old->tags, summary->tags)
      || !same_table (old->tag_colors, summary->tag_colors, g_str_equal))
    parts |= SD_LIBRARY_MODEL_TAGS;
  if (old == NULL || !same_table (old->counts, summary->counts, g_int64_equal))
    parts |= SD_LIBRARY_MODEL_COUNTS;
  if (old == NULL || !same_table (old->dates, summary->dates, g_int64_equal))
    parts |= SD_LIBRARY_MODEL_DATES;
  if (old == NULL || !same_searches (old->searches, summary->searches))
    parts |= SD_LIBRARY_MODEL_SEARCHES;
  if (old == NULL || old->n_trashed != summary->n_trashed
      || !same_batches (old->batches, summary->batches))
    parts |= SD_LIBRARY_MODEL_TRASH;
  return parts;
}

static void
summary_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdLibraryModel) self = user_data;
  g_autoptr (SdLibrarySummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  SdLibraryModelParts parts;

  summary = sd_library_read_summary_finish (self->library, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_error (&self->error);
  if (summary == NULL)
    {
      self->error = g_steal_pointer (&error);
      g_signal_emit (self, signals[CHANGED], 0, 0);
      return;
    }
  parts = compare (self->summary, summary);
  g_clear_pointer (&self->summary, sd_library_summary_free);
  self->summary = g_steal_pointer (&summary);
  if (parts != 0)
    g_signal_emit (self, signals[CHANGED], 0, parts);
}

static void
read_summary (SdLibraryModel *self)
{
  g_clear_handle_id (&self->read_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sd_library_read_summary_async (self->library, self->cancellable, summary_read_cb,
                                 g_object_ref (self));
}

static gboolean
read_idle_cb (gpointer data)
{
  SdLibraryModel *self = data;

  self->read_idle = 0;
  read_summary (self);
  return G_SOURCE_REMOVE;
}

/* A story's place, tags or text may count differently now.  Read once the
 * burst of changes is over, after the story shown is read again. */
static void
store_changed_cb (SdLibraryModel *self)
{
  if (self->read_idle == 0)
    self->read_idle = g_idle_add (read_idle_cb, self);
}

static void
sd_library_model_dispose (GObject *object)
{
  SdLibraryModel *self = SD_LIBRARY_MODEL (object);

  g_clear_handle_id (&self->read_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);

  G_OBJECT_CLASS (sd_library_model_parent_class)->dispose (object);
}

static void
sd_library_model_finalize (GObject *object)
{
  SdLibraryModel *self = SD_LIBRARY_MODEL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->summary, sd_library_summary_free);
  g_clear_pointer (&self->no_tags, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sd_library_model_parent_class)->finalize (object);
}

static void
sd_library_model_class_init (SdLibraryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sd_library_model_dispose;
  object_class->finalize = sd_library_model_finalize;

  /**
   * SdLibraryModel::changed:
   * @parts: the #SdLibraryModelParts that changed; 0 when reading failed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sd_library_model_init (SdLibraryModel *self)
{
  self->no_tags = g_ptr_array_new ();
}

/* (an import's or an export's @data is a reference to its owner, which
 * the callback lets go of, as on a personal library) */
static void
report_missing (SdLibraryModel     *self,
                SdLibraryFeatures   feature,
                gpointer            tag,
                GAsyncReadyCallback callback,
                gpointer            data)
{
  g_task_report_new_error (self, callback, data, tag, SD_LIBRARY_ERROR,
                           SD_LIBRARY_ERROR_UNSUPPORTED, "%s",
                           sd_library_describe_missing_feature (self->library, feature));
}

/* Everything is read again whenever the library says it may have changed. */
SdLibraryModel *
sd_library_model_new_unread (SdLibrary *library)
{
  SdLibraryModel *self;

  g_return_val_if_fail (SD_IS_LIBRARY (library), NULL);

  self = g_object_new (SD_TYPE_LIBRARY_MODEL, NULL);
  self->library = g_object_ref (library);
  self->store = SD_IS_STORE (library) ? g_object_ref (SD_STORE (library)) : NULL;
  g_signal_connect_swapped (library, "tags-changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (library, "story-changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (library, "library-changed", G_CALLBACK (store_changed_cb), self);
  return self;
}

SdLibraryModel *
sd_library_model_new (SdLibrary *library)
{
  SdLibraryModel *self = sd_library_model_new_unread (library);

  read_summary (self);
  return self;
}

void
sd_library_model_start (SdLibraryModel *self)
{
  g_return_if_fail (SD_IS_LIBRARY_MODEL (self));

  /* read or reading already: a change noticed meanwhile started it */
  if (self->cancellable == NULL)
    read_summary (self);
}

GPtrArray *
sd_library_model_get_tags (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->summary != NULL ? self->summary->tags : self->no_tags;
}

const char *
sd_library_model_lookup_tag_color (SdLibraryModel *self, const char *tag)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->summary != NULL ? g_hash_table_lookup (self->summary->tag_colors, tag) : NULL;
}

GHashTable *
sd_library_model_get_counts (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->summary != NULL ? self->summary->counts : NULL;
}

GHashTable *
sd_library_model_get_dates (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->summary != NULL ? self->summary->dates : NULL;
}

GPtrArray *
sd_library_model_get_saved_searches (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->summary != NULL ? self->summary->searches : NULL;
}

GPtrArray *
sd_library_model_get_batches (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->summary != NULL ? self->summary->batches : NULL;
}

gint64
sd_library_model_get_trash_count (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), 0);
  return self->summary != NULL ? self->summary->n_trashed : 0;
}

/* Emptying the trash is for good: no undo step, the window asks first. */
gboolean
sd_library_model_empty_trash (SdLibraryModel *self, guint *out_n, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);
  return sd_library_empty_trash (self->library, out_n, error);
}

const GError *
sd_library_model_get_error (SdLibraryModel *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  return self->error;
}

gboolean
sd_library_model_rename_tag (SdLibraryModel *self,
                             const char     *tag,
                             const char     *new_name,
                             GError        **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);
  return sd_library_rename_tag (self->library, tag, new_name, error);
}

gboolean
sd_library_model_set_page_fields (SdLibraryModel *self,
                                  gint64          story_id,
                                  const char     *paper,
                                  const char     *issue_date,
                                  const char     *page_no,
                                  GError        **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);
  return sd_library_set_page_fields (self->library, story_id, paper, issue_date, page_no, error);
}

gboolean
sd_library_model_set_tag_color (SdLibraryModel *self,
                                const char     *tag,
                                const char     *color,
                                GError        **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);
  return sd_library_set_tag_color (self->library, tag, color, error);
}

/* Saved searches change no story, so the store says nothing: read now. */
gboolean
sd_library_model_save_search (SdLibraryModel *self,
                              const char     *name,
                              const char     *query,
                              GError        **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);

  if (!sd_library_save_search (self->library, name, query, error))
    return FALSE;
  read_summary (self);
  return TRUE;
}

gboolean
sd_library_model_delete_search (SdLibraryModel *self, const char *name, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);

  if (!sd_library_delete_search (self->library, name, error))
    return FALSE;
  read_summary (self);
  return TRUE;
}

void
sd_library_model_check_library (SdLibraryModel *self)
{
  g_return_if_fail (SD_IS_LIBRARY_MODEL (self));
  if (self->store != NULL)
    sd_store_check_library (self->store);
}

void
sd_library_model_import_async (SdLibraryModel        *self,
                               const char *const     *paths,
                               const SdImportOptions *options,
                               GCancellable          *cancellable,
                               SdImportProgressFunc   progress,
                               GAsyncReadyCallback    callback,
                               gpointer               owner)
{
  g_return_if_fail (SD_IS_LIBRARY_MODEL (self) && G_IS_OBJECT (owner));
  /* a shared library takes pages from an admin only */
  if ((sd_library_get_features (self->library) & SD_LIBRARY_CAN_IMPORT) == 0)
    {
      report_missing (self, SD_LIBRARY_CAN_IMPORT, sd_library_model_import_async, callback,
                      g_object_ref (owner));
      return;
    }
  sd_importer_import_async (self->library, paths, options, cancellable, progress,
                            g_object_ref (owner), g_object_unref, callback, g_object_ref (owner));
}

GPtrArray *
sd_library_model_import_finish (SdLibraryModel *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  if (g_task_is_valid (result, self))
    return g_task_propagate_pointer (G_TASK (result), error);
  return sd_importer_import_finish (result, error);
}

void
sd_library_model_export_async (SdLibraryModel        *self,
                               const SdScope         *scope,
                               SdExportFormat         format,
                               const SdExportOptions *options,
                               GFile                 *file,
                               GCancellable          *cancellable,
                               SdExportProgressFunc   progress,
                               GAsyncReadyCallback    callback,
                               gpointer               owner)
{
  g_autoptr (GError) error = NULL;
  SdExportReader reader;

  g_return_if_fail (SD_IS_LIBRARY_MODEL (self) && G_IS_OBJECT (owner));
  if (self->store != NULL)
    {
      if (!sd_export_reader_init_for_store (&reader, self->store, &error))
        {
          g_task_report_error (self, callback, g_object_ref (owner), sd_library_model_export_async,
                               g_steal_pointer (&error));
          return;
        }
    }
  /* a shared library's through the same export code, on a connection of
   * the export's own made in its worker */
  else if (SD_IS_PG_SHARED (self->library)
           && (sd_library_get_features (self->library) & SD_LIBRARY_CAN_EXPORT) != 0)
    sd_pg_shared_init_export_reader (SD_PG_SHARED (self->library), &reader);
  else
    {
      report_missing (self, SD_LIBRARY_CAN_EXPORT, sd_library_model_export_async, callback,
                      g_object_ref (owner));
      return;
    }
  sd_export_to_file_async (&reader, scope, format, options, file, cancellable, progress,
                           g_object_ref (owner), g_object_unref, callback, g_object_ref (owner));
}

gboolean
sd_library_model_export_finish (SdLibraryModel *self,
                                GAsyncResult   *result,
                                guint          *out_n_stories,
                                GError        **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), FALSE);
  if (g_task_is_valid (result, self))
    return g_task_propagate_boolean (G_TASK (result), error);
  return sd_export_to_file_finish (result, out_n_stories, error);
}

void
sd_library_model_read_stories_async (SdLibraryModel     *self,
                                     const gint64       *ids,
                                     guint               n_ids,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_return_if_fail (SD_IS_LIBRARY_MODEL (self));
  if (self->store != NULL)
    sd_store_get_stories_async (self->store, ids, n_ids, cancellable, callback, user_data);
  else if (SD_IS_PG_SHARED (self->library)
           && (sd_library_get_features (self->library) & SD_LIBRARY_CAN_EXPORT) != 0)
    sd_pg_shared_get_stories_async (SD_PG_SHARED (self->library), ids, n_ids, cancellable, callback,
                                    user_data);
  else
    report_missing (self, SD_LIBRARY_CAN_EXPORT, sd_library_model_read_stories_async, callback,
                    user_data);
}

GPtrArray *
sd_library_model_read_stories_finish (SdLibraryModel *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), NULL);
  if (g_task_is_valid (result, self))
    return g_task_propagate_pointer (G_TASK (result), error);
  if (self->store == NULL)
    return sd_pg_shared_get_stories_finish (SD_PG_SHARED (self->library), result, error);
  return sd_store_get_stories_finish (self->store, result, error);
}

void
sd_library_model_find_story_async (SdLibraryModel     *self,
                                   const char         *ref,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_return_if_fail (SD_IS_LIBRARY_MODEL (self));
  if (self->store == NULL)
    {
      report_missing (self, SD_LIBRARY_CAN_PAGES, sd_library_model_find_story_async, callback,
                      user_data);
      return;
    }
  sd_store_find_story_async (self->store, ref, cancellable, callback, user_data);
}

gint64
sd_library_model_find_story_finish (SdLibraryModel *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (self), -1);
  if (g_task_is_valid (result, self))
    {
      g_task_propagate_boolean (G_TASK (result), error);
      return -1;
    }
  return sd_store_find_story_finish (self->store, result, error);
}
