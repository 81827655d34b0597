/* sd-library-corrections.c — corrections, the trash and page details
 * through the SdLibrary interface, and a personal library's (SdStore's)
 * side of them: the store's own functions, as the window always called
 * them (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-library.h"
#include "sd-store-private.h"
#include "sd-story-cuts.h"

/* Asked of a library whose engine lacks the function: said, never a crash. */
static gboolean
refuse (SdLibrary *self, SdLibraryFeatures feature, GError **error)
{
  g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                       sd_library_describe_missing_feature (self, feature));
  return FALSE;
}

#define IFACE(self) SD_LIBRARY_GET_IFACE (self)

gboolean
sd_library_set_story_field (SdLibrary   *self,
                            gint64       id,
                            SdStoryField field,
                            const char  *expected,
                            const char  *value,
                            GError     **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, FALSE);
  if (IFACE (self)->set_story_field == NULL)
    return refuse (self, SD_LIBRARY_CAN_CORRECT, error);
  return IFACE (self)->set_story_field (self, id, field, expected, value, error);
}

gboolean
sd_library_set_place (
    SdLibrary *self, const gint64 *ids, guint n_ids, const char *place_code, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->set_place == NULL)
    return refuse (self, SD_LIBRARY_CAN_CORRECT, error);
  return IFACE (self)->set_place (self, ids, n_ids, place_code, error);
}

gboolean
sd_library_split_story (
    SdLibrary *self, gint64 id, guint paragraph, gint64 *out_new_id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->split_story == NULL)
    return refuse (self, SD_LIBRARY_CAN_CORRECT, error);
  return IFACE (self)->split_story (self, id, paragraph, out_new_id, error);
}

gboolean
sd_library_merge_with_next (SdLibrary *self, gint64 id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->merge_with_next == NULL)
    return refuse (self, SD_LIBRARY_CAN_CORRECT, error);
  return IFACE (self)->merge_with_next (self, id, error);
}

gboolean
sd_library_trash (SdLibrary *self, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->trash == NULL)
    return refuse (self, SD_LIBRARY_CAN_TRASH, error);
  return IFACE (self)->trash (self, kind, id, out_n, error);
}

gboolean
sd_library_restore (SdLibrary *self, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->restore == NULL)
    return refuse (self, SD_LIBRARY_CAN_TRASH, error);
  return IFACE (self)->restore (self, kind, id, out_n, error);
}

gboolean
sd_library_empty_trash (SdLibrary *self, guint *out_n, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->empty_trash == NULL)
    return refuse (self, SD_LIBRARY_CAN_TRASH, error);
  return IFACE (self)->empty_trash (self, out_n, error);
}

gboolean
sd_library_set_page_fields (SdLibrary  *self,
                            gint64      story_id,
                            const char *paper,
                            const char *issue_date,
                            const char *page_no,
                            GError    **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  if (IFACE (self)->set_page_fields == NULL)
    return refuse (self, SD_LIBRARY_CAN_PAGES, error);
  return IFACE (self)->set_page_fields (self, story_id, paper, issue_date, page_no, error);
}

/* A personal library's side. */

/* One writer on a file: what the editor saw is what is there, unless
 * another process wrote meanwhile, which is said, as on a server. */
static gboolean
store_set_story_field (SdLibrary   *library,
                       gint64       id,
                       SdStoryField field,
                       const char  *expected,
                       const char  *value,
                       GError     **error)
{
  SdStore *store = SD_STORE (library);

  /* a field the editor left as shown is no change of theirs */
  if (expected != NULL
      && g_strcmp0 (*expected != '\0' ? expected : NULL,
                    value != NULL && *value != '\0' ? value : NULL)
             == 0)
    return TRUE;
  if (expected != NULL)
    {
      g_autoptr (SdStory) now = sd_store_get_story (store, id, error);

      if (now == NULL)
        return FALSE;
      if (g_strcmp0 (sd_story_get_field (now, field), *expected != '\0' ? expected : NULL) != 0)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED,
                       _("Someone else changed story %lld meanwhile"), (long long) id);
          return FALSE;
        }
    }
  return sd_store_set_story_field (store, id, field, value, error);
}

static gboolean
store_set_place (
    SdLibrary *library, const gint64 *ids, guint n_ids, const char *place_code, GError **error)
{
  for (guint i = 0; i < n_ids; i++)
    if (!sd_store_set_place (SD_STORE (library), ids[i], place_code, error))
      return FALSE;
  return TRUE;
}

static gboolean
store_merge_with_next (SdLibrary *library, gint64 id, GError **error)
{
  return sd_store_merge_with_next (SD_STORE (library), id, NULL, NULL, error);
}

static gboolean
store_empty_trash (SdLibrary *library, guint *out_n, GError **error)
{
  return sd_store_empty_trash (SD_STORE (library), NULL, out_n, error);
}

void
_sd_store_library_init_corrections (SdLibraryInterface *iface)
{
  iface->set_story_field = store_set_story_field;
  iface->set_place = store_set_place;
  /* the store's functions take an SdStore where the interface's take an
   * SdLibrary: the same object */
  iface->split_story = (gpointer) sd_store_split_story;
  iface->merge_with_next = store_merge_with_next;
  iface->trash = (gpointer) sd_store_trash;
  iface->restore = (gpointer) sd_store_restore;
  iface->empty_trash = store_empty_trash;
  iface->set_page_fields = (gpointer) sd_store_set_page_fields;
}
