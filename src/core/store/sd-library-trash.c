/* sd-library-trash.c — import batches, the trash's entries and a story's
 * history through the SdLibrary interface, read on the caller's thread
 * (the command line's), and a personal library's (SdStore's) side of
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

/* Asked of an engine that keeps none of it: said, never a crash. */
static gpointer
refuse (SdLibrary *self, GError **error)
{
  g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                       sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_TRASH));
  return NULL;
}

/**
 * sd_library_list_batches:
 *
 * Returns: (transfer full) (element-type SdBatch): the import batches,
 * oldest first, or %NULL with @error set.
 */
GPtrArray *
sd_library_list_batches (SdLibrary *self, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  if (IFACE (self)->list_batches == NULL)
    return refuse (self, error);
  return IFACE (self)->list_batches (self, error);
}

/**
 * sd_library_list_trash:
 *
 * Returns: (transfer full) (element-type SdTrashEntry): the trash's
 * entries, the most recently deleted first, or %NULL with @error set.
 */
GPtrArray *
sd_library_list_trash (SdLibrary *self, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  if (IFACE (self)->list_trash == NULL)
    return refuse (self, error);
  return IFACE (self)->list_trash (self, error);
}

/**
 * sd_library_list_history:
 *
 * Returns: (transfer full) (element-type SdHistoryEntry): story @id's
 * earlier notes and statuses, oldest first, or %NULL with @error set.
 */
GPtrArray *
sd_library_list_history (SdLibrary *self, gint64 id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  if (IFACE (self)->list_history == NULL)
    return refuse (self, error);
  return IFACE (self)->list_history (self, id, error);
}

gint64
sd_library_find_story (SdLibrary *self, const char *id_or_uuid, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), -1);
  g_return_val_if_fail (id_or_uuid != NULL, -1);
  if (IFACE (self)->find_story == NULL)
    {
      refuse (self, error);
      return -1;
    }
  return IFACE (self)->find_story (self, id_or_uuid, error);
}

void
_sd_store_library_init_trash (SdLibraryInterface *iface)
{
  iface->list_batches = (gpointer) sd_store_list_batches;
  iface->list_trash = (gpointer) sd_store_list_trash;
  iface->list_history = (gpointer) sd_store_list_history;
  iface->find_story = (gpointer) sd_store_find_story;
}
