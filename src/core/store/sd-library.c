/* sd-library.c — the interface the window's models read a library through,
 * and a personal library's (SdStore's) side of it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-library.h"
#include "sd-store-edit.h"
#include "sd-store-private.h"

G_DEFINE_QUARK (sd - library - error - quark, sd_library_error)
G_DEFINE_INTERFACE (SdLibrary, sd_library, G_TYPE_OBJECT)

enum
{
  STORY_CHANGED,
  TAGS_CHANGED,
  LIBRARY_CHANGED,
  ONLINE_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* Declared once here for every engine: the models connect to them on
 * whichever library they are given. */
static void
sd_library_default_init (SdLibraryInterface *iface)
{
  /**
   * SdLibrary::story-changed:
   * @id: the story whose tags, note, status or place this library changed
   */
  signals[STORY_CHANGED] =
      g_signal_new ("story-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SdLibrary::tags-changed:
   *
   * A tag was renamed, merged or recoloured: every story may show it.
   */
  signals[TAGS_CHANGED] = g_signal_new ("tags-changed", G_TYPE_FROM_INTERFACE (iface),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SdLibrary::library-changed:
   *
   * Another connection (another process, another editor, an import in a
   * worker) wrote to the library: anything shown may have changed.  A
   * personal library emits it once sd_store_watch_library() or
   * sd_store_check_library() was called.
   */
  signals[LIBRARY_CHANGED] = g_signal_new ("library-changed", G_TYPE_FROM_INTERFACE (iface),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SdLibrary::online-changed:
   * @online: whether the engine's server can be reached now
   *
   * A shared library's server went away or came back.
   */
  signals[ONLINE_CHANGED] =
      g_signal_new ("online-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

void
sd_library_emit_story_changed (SdLibrary *self, gint64 id)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  g_signal_emit (self, signals[STORY_CHANGED], 0, id);
}

void
sd_library_emit_tags_changed (SdLibrary *self)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  g_signal_emit (self, signals[TAGS_CHANGED], 0);
}

void
sd_library_emit_library_changed (SdLibrary *self)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  g_signal_emit (self, signals[LIBRARY_CHANGED], 0);
}

void
sd_library_emit_online_changed (SdLibrary *self, gboolean online)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  g_signal_emit (self, signals[ONLINE_CHANGED], 0, online);
}

void
sd_library_list_story_ids_async (SdLibrary          *self,
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
  g_return_if_fail (SD_IS_LIBRARY (self));
  SD_LIBRARY_GET_IFACE (self)->list_story_ids_async (self, scope, order, descending, n_rows,
                                                     first_func, first_data, cancellable, callback,
                                                     user_data);
}

SdStoryListing *
sd_library_list_story_ids_finish (SdLibrary *self, GAsyncResult *result, GError **error)
{
  return SD_LIBRARY_GET_IFACE (self)->list_story_ids_finish (self, result, error);
}

void
sd_library_get_story_rows_async (SdLibrary          *self,
                                 const gint64       *ids,
                                 guint               n_ids,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  SD_LIBRARY_GET_IFACE (self)->get_story_rows_async (self, ids, n_ids, cancellable, callback,
                                                     user_data);
}

GPtrArray *
sd_library_get_story_rows_finish (SdLibrary *self, GAsyncResult *result, GError **error)
{
  return SD_LIBRARY_GET_IFACE (self)->get_story_rows_finish (self, result, error);
}

void
sd_library_get_story_details_async (SdLibrary          *self,
                                    gint64              id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  SD_LIBRARY_GET_IFACE (self)->get_story_details_async (self, id, cancellable, callback, user_data);
}

SdStoryDetails *
sd_library_get_story_details_finish (SdLibrary *self, GAsyncResult *result, GError **error)
{
  return SD_LIBRARY_GET_IFACE (self)->get_story_details_finish (self, result, error);
}

void
sd_library_read_summary_async (SdLibrary          *self,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  SD_LIBRARY_GET_IFACE (self)->read_summary_async (self, cancellable, callback, user_data);
}

SdLibrarySummary *
sd_library_read_summary_finish (SdLibrary *self, GAsyncResult *result, GError **error)
{
  return SD_LIBRARY_GET_IFACE (self)->read_summary_finish (self, result, error);
}

gboolean
sd_library_tag_stories (
    SdLibrary *self, const gint64 *ids, guint n_ids, const char *tag, gboolean add, GError **error)
{
  return sd_library_change_tags (self, ids, n_ids, tag, add, NULL, error);
}

gboolean
sd_library_change_tags (SdLibrary    *self,
                        const gint64 *ids,
                        guint         n_ids,
                        const char   *tag,
                        gboolean      add,
                        GArray       *out_changed,
                        GError      **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return SD_LIBRARY_GET_IFACE (self)->tag_stories (self, ids, n_ids, tag, add, out_changed, error);
}

gboolean
sd_library_set_note_from (
    SdLibrary *self, gint64 id, const char *expected, const char *note, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return SD_LIBRARY_GET_IFACE (self)->set_note_from (self, id, expected, note, error);
}

gboolean
sd_library_set_status (
    SdLibrary *self, gint64 id, const SdStoryStatus *expected, SdStoryStatus status, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return SD_LIBRARY_GET_IFACE (self)->set_status (self, id, expected, status, error);
}

SdLibraryFeatures
sd_library_get_features (SdLibrary *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), 0);
  return SD_LIBRARY_GET_IFACE (self)->get_features (self);
}

gboolean
sd_library_is_online (SdLibrary *self)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return SD_LIBRARY_GET_IFACE (self)->is_online (self);
}

const char *
sd_library_describe_missing (SdLibrary *self)
{
  return _("Not available on a shared library yet: it works on a personal library");
}

const char *
sd_library_describe_missing_feature (SdLibrary *self, SdLibraryFeatures feature)
{
  SdLibraryInterface *iface;
  const char         *reason = NULL;

  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  iface = SD_LIBRARY_GET_IFACE (self);
  if (iface->describe_missing != NULL)
    reason = iface->describe_missing (self, feature);
  return reason != NULL ? reason : sd_library_describe_missing (self);
}

/* Marks and organising (#17): the interface's dispatch, what a library
 * without them lacks refused in the editor's words. */

static gboolean
can (SdLibrary *self, gpointer func, SdLibraryFeatures feature, GError **error)
{
  if (func != NULL && (sd_library_get_features (self) & feature) != 0)
    return TRUE;
  g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                       sd_library_describe_missing_feature (self, feature));
  return FALSE;
}

#define IFACE(self) SD_LIBRARY_GET_IFACE (self)

gboolean
sd_library_add_highlight (SdLibrary  *self,
                          gint64      id,
                          gint64      start,
                          gint64      end,
                          const char *comment,
                          gint64     *out_id,
                          GError    **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->add_highlight, SD_LIBRARY_CAN_MARK, error)
         && IFACE (self)->add_highlight (self, id, start, end, comment, out_id, error);
}

gboolean
sd_library_remove_highlight (SdLibrary *self, gint64 id, gint64 highlight_id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->remove_highlight, SD_LIBRARY_CAN_MARK, error)
         && IFACE (self)->remove_highlight (self, id, highlight_id, error);
}

gboolean
sd_library_dismiss_theme (SdLibrary  *self,
                          gint64      id,
                          const char *theme,
                          gboolean    dismiss,
                          gboolean   *out_changed,
                          GError    **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->dismiss_theme, SD_LIBRARY_CAN_MARK, error)
         && IFACE (self)->dismiss_theme (self, id, theme, dismiss, out_changed, error);
}

gboolean
sd_library_save_search (SdLibrary *self, const char *name, const char *query, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->save_search, SD_LIBRARY_CAN_ORGANISE, error)
         && IFACE (self)->save_search (self, name, query, error);
}

gboolean
sd_library_delete_search (SdLibrary *self, const char *name, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->delete_search, SD_LIBRARY_CAN_ORGANISE, error)
         && IFACE (self)->delete_search (self, name, error);
}

gboolean
sd_library_rename_tag (SdLibrary *self, const char *tag, const char *new_name, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->rename_tag, SD_LIBRARY_CAN_ORGANISE, error)
         && IFACE (self)->rename_tag (self, tag, new_name, error);
}

gboolean
sd_library_set_tag_color (SdLibrary *self, const char *tag, const char *color, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  return can (self, IFACE (self)->set_tag_color, SD_LIBRARY_CAN_ORGANISE, error)
         && IFACE (self)->set_tag_color (self, tag, color, error);
}

SdStory *
sd_library_get_story (SdLibrary *self, gint64 id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  /* every engine with an edit history has it */
  return can (self, IFACE (self)->get_story, SD_LIBRARY_CAN_UNDO, error)
             ? IFACE (self)->get_story (self, id, error)
             : NULL;
}

/* An import asked of a library that cannot take one: said, never a crash
 * on a missing function. */
static gboolean
refuse_import (SdLibrary *self, GError **error)
{
  g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                       sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_IMPORT));
  return FALSE;
}

/**
 * sd_library_open_for_import:
 *
 * Returns: (transfer full): a library for the import's worker, or %NULL
 * with @error set.
 */
SdLibrary *
sd_library_open_for_import (SdLibrary *self, GError **error)
{
  SdLibraryInterface *iface;

  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  iface = SD_LIBRARY_GET_IFACE (self);
  if (iface->open_for_import == NULL)
    {
      refuse_import (self, error);
      return NULL;
    }
  return iface->open_for_import (self, error);
}

void
sd_library_begin_batch (SdLibrary *self, SdBatchKind kind)
{
  SdLibraryInterface *iface;

  g_return_if_fail (SD_IS_LIBRARY (self));
  iface = SD_LIBRARY_GET_IFACE (self);
  if (iface->begin_batch != NULL)
    iface->begin_batch (self, kind);
}

/* A JSON export merged in (#17): the store's own merge, or a shared
 * library's (sd-pg-exchange.c). */
gboolean
sd_library_import_stories (SdLibrary         *self,
                           const char        *checksum,
                           gint64             size,
                           GPtrArray         *stories,
                           SdExchangeOutcome *out,
                           GError           **error)
{
  SdLibraryInterface *iface;

  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  iface = SD_LIBRARY_GET_IFACE (self);
  if (iface->import_stories == NULL)
    {
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_IMPORT));
      return FALSE;
    }
  return iface->import_stories (self, checksum, size, stories, out, error);
}

gboolean
sd_library_check_page (SdLibrary          *self,
                       const SdPageRecord *page,
                       gboolean           *out_known,
                       gboolean           *out_has_identity,
                       GError            **error)
{
  SdLibraryInterface *iface;

  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  iface = SD_LIBRARY_GET_IFACE (self);
  if (iface->check_page == NULL)
    return refuse_import (self, error);
  return iface->check_page (self, page, out_known, out_has_identity, error);
}

gboolean
sd_library_import_page (SdLibrary          *self,
                        const SdPageRecord *page,
                        GPtrArray          *stories,
                        SdPageImportFlags   flags,
                        SdPageOutcome      *out_outcome,
                        GError            **error)
{
  SdLibraryInterface *iface;

  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  iface = SD_LIBRARY_GET_IFACE (self);
  if (iface->import_page == NULL)
    return refuse_import (self, error);
  return iface->import_page (self, page, stories, flags, out_outcome, error);
}

/* A personal library's side: its own worker reads, and its writes. */

static gboolean
store_tag_stories (SdLibrary    *library,
                   const gint64 *ids,
                   guint         n_ids,
                   const char   *tag,
                   gboolean      add,
                   GArray       *out_changed,
                   GError      **error)
{
  SdStore *store = SD_STORE (library);

  return add ? sd_store_add_tag_to_stories (store, ids, n_ids, tag, out_changed, error)
             : sd_store_remove_tag_from_stories (store, ids, n_ids, tag, out_changed, error);
}

static gboolean
store_set_note_from (
    SdLibrary *library, gint64 id, const char *expected, const char *note, GError **error)
{
  return sd_store_set_note_from (SD_STORE (library), id, expected, note, error);
}

static gboolean
store_set_status (SdLibrary           *library,
                  gint64               id,
                  const SdStoryStatus *expected,
                  SdStoryStatus        status,
                  GError             **error)
{
  return sd_store_set_status (SD_STORE (library), id, status, error);
}

static gboolean
store_remove_highlight (SdLibrary *library, gint64 id, gint64 highlight_id, GError **error)
{
  return sd_store_edit_remove_highlight (SD_STORE (library), id, highlight_id, NULL, error);
}

static gboolean
store_dismiss_theme (SdLibrary  *library,
                     gint64      id,
                     const char *theme,
                     gboolean    dismiss,
                     gboolean   *out_changed,
                     GError    **error)
{
  SdStore *store = SD_STORE (library);
  g_autoptr (GPtrArray) before = sd_store_list_dismissed_themes (store, id, error);
  gboolean was;

  if (before == NULL)
    return FALSE;
  was = g_ptr_array_find_with_equal_func (before, theme, g_str_equal, NULL);
  if (out_changed != NULL)
    *out_changed = was != dismiss;
  return dismiss ? sd_store_dismiss_theme (store, id, theme, error)
                 : sd_store_undismiss_theme (store, id, theme, error);
}

static SdLibraryFeatures
store_get_features (SdLibrary *library)
{
  return SD_LIBRARY_CAN_EVERYTHING;
}

static gboolean
store_is_online (SdLibrary *library)
{
  return TRUE;
}

void
_sd_store_library_init (SdLibraryInterface *iface)
{
  /* The store's functions take an SdStore where the interface's take an
   * SdLibrary: the same object. */
  iface->list_story_ids_async = (gpointer) sd_store_list_story_ids_async;
  iface->list_story_ids_finish = (gpointer) sd_store_list_story_ids_finish;
  iface->get_story_rows_async = (gpointer) sd_store_get_story_rows_async;
  iface->get_story_rows_finish = (gpointer) sd_store_get_story_rows_finish;
  iface->get_story_details_async = (gpointer) sd_store_get_story_details_async;
  iface->get_story_details_finish = (gpointer) sd_store_get_story_details_finish;
  iface->read_summary_async = (gpointer) sd_store_read_summary_async;
  iface->read_summary_finish = (gpointer) sd_store_read_summary_finish;
  iface->tag_stories = store_tag_stories;
  iface->set_note_from = store_set_note_from;
  iface->set_status = store_set_status;
  iface->get_features = store_get_features;
  iface->is_online = store_is_online;
  /* the importer's: the store's own functions, as they always were */
  iface->open_for_import = (gpointer) sd_store_open_for_worker;
  iface->begin_batch = (gpointer) sd_store_begin_batch;
  iface->check_page = (gpointer) sd_store_check_page;
  iface->import_page = (gpointer) sd_store_import_page;
  iface->import_stories = (gpointer) sd_store_import_stories;
  _sd_store_library_init_corrections (iface);
  _sd_store_library_init_pages (iface);
  _sd_store_library_init_trash (iface);
  /* marks and organising */
  iface->add_highlight = (gpointer) sd_store_add_highlight;
  iface->remove_highlight = store_remove_highlight;
  iface->dismiss_theme = store_dismiss_theme;
  iface->save_search = (gpointer) sd_store_save_search;
  iface->delete_search = (gpointer) sd_store_delete_saved_search;
  iface->rename_tag = (gpointer) sd_store_rename_tag;
  iface->set_tag_color = (gpointer) sd_store_set_tag_color;
  iface->get_story = (gpointer) sd_store_get_story;
}
