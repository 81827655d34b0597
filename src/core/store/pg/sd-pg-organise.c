/* sd-pg-organise.c — what organises a shared library rather than a story
 * (#17): saved searches, an editor's (编辑) to keep for everyone, and the
 * tags' names and colours, a reviewer's (审稿) to change; told to the
 * other windows as change 0 (the triggers of schema step 6)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-organise"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sd-pg-private.h"
#include "sd-store-rows-private.h"

gboolean
sd_pg_library_save_search (SdPgLibrary *self, const char *name, const char *query, GError **error)
{
  g_autofree char *clean_name = NULL;
  const char      *params[2] = { NULL, query };

  g_return_val_if_fail (name != NULL && query != NULL, FALSE);
  /* checked before it is kept, as on a personal library */
  params[0] = clean_name = _sd_store_check_saved_search (name, query, error);
  return clean_name != NULL
         && _sd_pg_run_command (self,
                                "INSERT INTO saved_searches (name, query) VALUES ($1, $2)"
                                " ON CONFLICT (name) DO UPDATE SET query = excluded.query,"
                                " editor = current_user, created = now ()",
                                2, params, error);
}

GPtrArray *
sd_pg_library_list_saved_searches (SdPgLibrary *self, GError **error)
{
  g_autoptr (GPtrArray) searches =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_saved_search_free);
  PGresult *result = _sd_pg_run (
      self, "SELECT name, query FROM saved_searches ORDER BY name COLLATE \"C\"", 0, NULL, error);

  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      SdSavedSearch *search = g_new0 (SdSavedSearch, 1);

      search->name = g_strdup (PQgetvalue (result, row, 0));
      search->query = g_strdup (PQgetvalue (result, row, 1));
      g_ptr_array_add (searches, search);
    }
  PQclear (result);
  /* live counts, as the list would show them; -1 for a query this
   * version no longer reads */
  for (guint i = 0; i < searches->len; i++)
    {
      SdSavedSearch *search = g_ptr_array_index (searches, i);
      const SdScope  scope = { SD_SCOPE_ALL, .text = search->query };
      g_autoptr (GError) count_error = NULL;
      g_autoptr (GArray) ids =
          sd_pg_library_list_ids (self, &scope, SD_STORY_ORDER_NONE, FALSE, &count_error);

      if (ids == NULL && count_error->domain != SD_QUERY_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&count_error));
          return NULL;
        }
      search->count = ids != NULL ? (gint64) ids->len : -1;
    }
  return g_steal_pointer (&searches);
}

gboolean
sd_pg_library_delete_search (SdPgLibrary *self, const char *name, GError **error)
{
  const char *const params[] = { name };
  PGresult         *result =
      _sd_pg_run (self, "DELETE FROM saved_searches WHERE name = $1", 1, params, error);
  gboolean deleted = result != NULL && atoi (PQcmdTuples (result)) > 0;

  if (result != NULL && !deleted)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("No saved search called “%s”"), name);
  PQclear (result);
  return deleted;
}

typedef struct
{
  const char *params[2]; /* the tag's name now, the new name or colour */
  gboolean    rename;
} TagChange;

/* The tag's id, or NULL with @error: SD_STORE_ERROR_NOT_FOUND when there
 * is no tag of that name. */
static char *
dup_tag_id (SdPgLibrary *self, const char *name, gboolean needed, GError **error)
{
  const char *const params[] = { name };
  PGresult *result = _sd_pg_run (self, "SELECT id FROM tags WHERE name = $1", 1, params, error);
  char     *id =
      result != NULL && PQntuples (result) == 1 ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;

  if (result != NULL && id == NULL && needed)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND, _("There is no tag “%s”"), name);
  PQclear (result);
  return id;
}

/* A rename, or a merge into the tag of that name when there is one; the
 * stories that carry it now show another: stamped, told, a new version. */
static gboolean
change_tag (SdPgLibrary *self, gpointer data, GError **error)
{
  TagChange *change = data;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *from = dup_tag_id (self, change->params[0], TRUE, error);
  g_autofree char *to = NULL;

  if (from == NULL)
    return FALSE;
  if (!change->rename)
    {
      const char *const params[] = { from, change->params[1] };

      return _sd_pg_run_command (self, "UPDATE tags SET color = $2 WHERE id = $1", 2, params,
                                 error);
    }
  to = dup_tag_id (self, change->params[1], FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  {
    const char *const params[] = { from, to != NULL ? to : change->params[1] };

    return _sd_pg_run_command (self,
                               "UPDATE stories SET note = note WHERE id IN"
                               " (SELECT story_id FROM story_tags WHERE tag_id = $1)",
                               1, params, error)
           && (to == NULL
                   ? _sd_pg_run_command (self, "UPDATE tags SET name = $2 WHERE id = $1", 2, params,
                                         error)
                   : _sd_pg_run_command (self,
                                         "INSERT INTO story_tags (story_id, tag_id)"
                                         " SELECT story_id, $2::bigint FROM story_tags"
                                         " WHERE tag_id = $1 ORDER BY n ON CONFLICT DO NOTHING",
                                         2, params, error)
                         && _sd_pg_run_command (self, "DELETE FROM tags WHERE id = $1", 1, params,
                                                error));
  }
}

gboolean
sd_pg_library_rename_tag (SdPgLibrary *self, const char *tag, const char *new_name, GError **error)
{
  g_autofree char *from = _sd_store_normalize_tag (tag, error);
  g_autofree char *to = NULL;
  TagChange        change = { { NULL, NULL }, TRUE };

  if (from == NULL || (to = _sd_store_normalize_tag (new_name, error)) == NULL)
    return FALSE;
  if (g_str_equal (from, to))
    return TRUE;
  change.params[0] = from;
  change.params[1] = to;
  return _sd_pg_transact (self, change_tag, &change, error);
}

gboolean
sd_pg_library_set_tag_color (SdPgLibrary *self, const char *tag, const char *color, GError **error)
{
  g_autofree char *name = _sd_store_normalize_tag (tag, error);
  TagChange        change = { { name, color }, FALSE };

  return name != NULL && _sd_store_check_tag_color (color, error)
         && _sd_pg_transact (self, change_tag, &change, error);
}
