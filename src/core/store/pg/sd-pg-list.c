/* sd-pg-list.c — what the window lists of a shared library: a scope's story
 * ids in the library's order, their rows, and the tags by use (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-pg-private.h"
#include "sd-tsvector.h"

/* A place's code is the prefix of the codes below it; LIKE's own marks in
 * a code would widen it, so they are escaped (codes are digits anyway). */
static char *
dup_prefix_pattern (const char *code)
{
  GString *pattern = g_string_new (NULL);

  for (const char *c = code; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* What a list is ordered by before the library's order, as a personal
 * library orders it (sd-store-listing.c): text byte by byte, an unknown
 * value last either way; a status in its enum's order. */
static const char *const order_keys[] = {
  [SD_STORY_ORDER_DATE] = "p.issue_date",
  [SD_STORY_ORDER_PAPER] = "p.paper",
  [SD_STORY_ORDER_PAGE] = "p.page_no",
  [SD_STORY_ORDER_PLACE] = "s.place_code",
};

static void
append_order (GString *sql, SdStoryOrder order, gboolean descending, gboolean ranked)
{
  const char *direction = descending ? " DESC" : "";

  g_string_append (sql, " ORDER BY ");
  /* best first, as a personal library ranks (sd-store-search.c, #16): the
   * stories whose headline holds every wanted term, then the others, each
   * part newest (the story stored last) first */
  if (ranked)
    {
      g_string_append (sql, "hits.head DESC, s.id DESC");
      return;
    }
  if (order == SD_STORY_ORDER_STATUS)
    g_string_append_printf (sql,
                            "CASE s.status WHEN 'reviewed' THEN 1 WHEN 'needs-work' THEN 2"
                            " WHEN 'rejected' THEN 3 ELSE 0 END%s, ",
                            direction);
  else if (order != SD_STORY_ORDER_NONE && order < G_N_ELEMENTS (order_keys))
    g_string_append_printf (sql, "coalesce (%s, '') = '', %s COLLATE \"C\"%s, ", order_keys[order],
                            order_keys[order], direction);
  g_string_append (sql, "s.page_id NULLS FIRST, s.ordinal, s.id");
}

GArray *
sd_pg_library_list_ids (SdPgLibrary   *self,
                        const SdScope *scope,
                        SdStoryOrder   order,
                        gboolean       descending,
                        GError       **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT s.id FROM stories s");
  g_autoptr (GString) where = g_string_new (" LEFT JOIN pages p ON p.id = s.page_id WHERE TRUE");
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (SdQuery) query = NULL;
  gboolean  ranked = FALSE;
  PGresult *result;

  /* the trash, the most recently deleted first, searched by no text, as
   * a personal library lists it; every other scope leaves it out */
  if (scope->kind == SD_SCOPE_TRASH)
    return _sd_pg_take_ids (_sd_pg_run (self,
                                        "SELECT id FROM stories WHERE trashed IS NOT NULL"
                                        " ORDER BY trashed DESC, page_id, ordinal, id",
                                        0, NULL, error));
  g_string_append (where, " AND s.trashed IS NULL");
  switch (scope->kind)
    {
    case SD_SCOPE_ALL:
      break;
    case SD_SCOPE_UNPLACED:
      g_string_append (where, " AND s.place_code IS NULL");
      break;
    case SD_SCOPE_PLACE:
      g_ptr_array_add (owned, dup_prefix_pattern (scope->place_code));
      g_ptr_array_add (params, owned->pdata[owned->len - 1]);
      g_string_append_printf (where, " AND s.place_code LIKE $%u", params->len);
      break;
    case SD_SCOPE_BATCH: /* an import batch's pages (sd-pg-batches.c) */
      g_ptr_array_add (owned, g_strdup_printf ("%" G_GINT64_FORMAT, scope->batch_id));
      g_ptr_array_add (params, owned->pdata[owned->len - 1]);
      g_string_append_printf (where, " AND p.batch_id = $%u", params->len);
      break;
    default:
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  if (scope->text != NULL && *scope->text != '\0')
    {
      query = sd_query_parse (scope->text, error);
      if (query == NULL)
        return NULL;
      _sd_pg_append_filters (where, "s.id", params, owned, query);
      g_string_append (sql, " JOIN (");
      ranked = scope->by_relevance && order == SD_STORY_ORDER_NONE;
      /* with no wanted term, nothing to rank by: the library's order */
      ranked = _sd_pg_append_hits (sql, params, owned, query, ranked) && ranked;
      g_string_append (sql, ") hits ON hits.story_id = s.id");
    }
  g_string_append_len (sql, where->str, where->len);
  append_order (sql, order, descending, ranked);
  result = query != NULL ? _sd_pg_run_search (self, sql->str, params, error)
                         : _sd_pg_run (self, sql->str, params->len,
                                       (const char *const *) params->pdata, error);
  return _sd_pg_take_ids (result);
}

GPtrArray *
sd_pg_library_get_stories (SdPgLibrary *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (GError) local_error = NULL;
      SdStory *story = sd_pg_library_get_story (self, ids[i], NULL, &local_error);

      if (story != NULL)
        g_ptr_array_add (stories, story);
      else if (!g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&stories);
}

GPtrArray *
sd_pg_library_list_all_tags (SdPgLibrary *self, GError **error)
{
  PGresult *result =
      _sd_pg_run (self,
                  "SELECT t.name FROM tags t LEFT JOIN story_tags st ON st.tag_id = t.id"
                  " GROUP BY t.id, t.name ORDER BY count (st.story_id) DESC, t.name",
                  0, NULL, error);
  GPtrArray *tags;

  if (result == NULL)
    return NULL;
  tags = g_ptr_array_new_with_free_func (g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (tags, g_strdup (PQgetvalue (result, row, 0)));
  PQclear (result);
  return tags;
}
