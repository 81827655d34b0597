/* sd-store-saved-search.c — searches kept under a name, with live counts
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-query.h"
#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"

void
sd_saved_search_free (SdSavedSearch *search)
{
  if (search == NULL)
    return;
  g_free (search->name);
  g_free (search->query);
  g_free (search);
}

/* The name a search is kept under, stripped, once @query parses; NULL
 * with @error otherwise (a shared library's rule too: sd-pg-organise.c). */
char *
_sd_store_check_saved_search (const char *name, const char *query, GError **error)
{
  g_autoptr (SdQuery) parsed = NULL;
  g_autofree char *clean_name = g_strstrip (g_strdup (name));

  if (*clean_name == '\0' || !g_utf8_validate (clean_name, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A saved search needs a name"));
      return NULL;
    }
  parsed = sd_query_parse (query, error);
  return parsed != NULL ? g_steal_pointer (&clean_name) : NULL;
}

/**
 * sd_store_save_search:
 * @name: what the editor calls it; a search of that name is replaced
 * @query: the search, checked before it is saved
 */
gboolean
sd_store_save_search (SdStore *self, const char *name, const char *query, GError **error)
{
  g_autofree char *clean_name = NULL;
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && query != NULL, FALSE);

  clean_name = _sd_store_check_saved_search (name, query, error);
  if (clean_name == NULL || !_sd_store_write_begin (self, &write, error))
    return FALSE;
  stmt = _sd_store_get_statement (self,
                                  "INSERT INTO saved_searches (name, query, editor, created) "
                                  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET "
                                  "query = excluded.query, editor = excluded.editor, "
                                  "created = excluded.created",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, clean_name);
  _sd_store_bind_text (stmt, 2, query);
  _sd_store_bind_text (stmt, 3, self->editor);
  _sd_store_bind_text (stmt, 4, write.now);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  return _sd_store_write_commit (&write, error);
}

/**
 * sd_store_list_saved_searches:
 *
 * Returns: (element-type SdSavedSearch) (transfer full): by name, each with
 * its live count (-1 when its query no longer parses)
 */
GPtrArray *
sd_store_list_saved_searches (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) searches =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_saved_search_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt =
      _sd_store_get_statement (self, "SELECT name, query FROM saved_searches ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdSavedSearch *search = g_new0 (SdSavedSearch, 1);

      search->name = _sd_store_dup_column_text (stmt, 0);
      search->query = _sd_store_dup_column_text (stmt, 1);
      g_ptr_array_add (searches, search);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list saved searches");
      return NULL;
    }

  for (guint i = 0; i < searches->len; i++)
    {
      SdSavedSearch *search = g_ptr_array_index (searches, i);
      g_autoptr (GError) count_error = NULL;

      search->count = sd_store_count_matches (self, NULL, search->query, &count_error);
      if (search->count < 0 && count_error->domain != SD_QUERY_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&count_error));
          return NULL;
        }
    }
  return g_steal_pointer (&searches);
}

gboolean
sd_store_delete_saved_search (SdStore *self, const char *name, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  stmt = _sd_store_get_statement (self, "DELETE FROM saved_searches WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, name);
  if (!_sd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No saved search called “%s”"), name);
      return FALSE;
    }
  return _sd_store_write_commit (&write, error);
}
