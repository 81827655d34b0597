/* sd-library-pages.c — the page view and OCR repairs taken back through
 * the SdLibrary interface, and a personal library's (SdStore's) side of
 * them: the store's own functions (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-library"

#include "config.h"

#include "sd-library.h"
#include "sd-store-private.h"

#define IFACE(self) SD_LIBRARY_GET_IFACE (self)

void
sd_library_read_story_page_async (SdLibrary          *self,
                                  gint64              id,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_return_if_fail (SD_IS_LIBRARY (self));
  if (IFACE (self)->read_story_page_async == NULL)
    {
      g_task_report_new_error (
          self, callback, user_data, sd_library_read_story_page_async, SD_LIBRARY_ERROR,
          SD_LIBRARY_ERROR_UNSUPPORTED, "%s",
          sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_PAGE_TEXT));
      return;
    }
  IFACE (self)->read_story_page_async (self, id, cancellable, callback, user_data);
}

SdStoryPage *
sd_library_read_story_page_finish (SdLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  if (g_async_result_is_tagged (result, sd_library_read_story_page_async))
    return g_task_propagate_pointer (G_TASK (result), error);
  return IFACE (self)->read_story_page_finish (self, result, error);
}

gboolean
sd_library_revert_repair (SdLibrary *self, gint64 id, gint64 repair_id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  /* a correction: said as whose it is before the server refuses it in its
   * own words (the window's repair buttons reach here directly) */
  if (IFACE (self)->revert_repair == NULL
      || !(sd_library_get_features (self) & SD_LIBRARY_CAN_CORRECT))
    {
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_CORRECT));
      return FALSE;
    }
  return IFACE (self)->revert_repair (self, id, repair_id, error);
}

/* A personal library's side. */

static void
store_read_story_page_async (SdLibrary          *library,
                             gint64              id,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  sd_store_read_story_page_async (SD_STORE (library), id, cancellable, callback, user_data);
}

static SdStoryPage *
store_read_story_page_finish (SdLibrary *library, GAsyncResult *result, GError **error)
{
  return sd_store_read_story_page_finish (SD_STORE (library), result, error);
}

void
_sd_store_library_init_pages (SdLibraryInterface *iface)
{
  iface->read_story_page_async = store_read_story_page_async;
  iface->read_story_page_finish = store_read_story_page_finish;
  iface->revert_repair = (gpointer) sd_store_revert_repair;
}
