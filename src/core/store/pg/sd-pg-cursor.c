/* sd-pg-cursor.c — a shared library's full stories one at a time, for
 * the exports (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are read first (8 bytes a story), each story with its tags and
 * highlights in one statement when it is asked for: an export of the whole
 * library holds one story, as on a personal library.
 */
#define G_LOG_DOMAIN "sd-pg-cursor"

#include "config.h"

#include "sd-pg-cursor.h"
#include "sd-pg-private.h"

struct _SdPgCursor
{
  SdPgLibrary *library;
  GArray      *ids; /* (element-type gint64) */
  guint        next;
};

/* The library's listing order: a page's stories in the order they came;
 * none in the trash. */
static GArray *
list_ids (SdPgLibrary *library, GError **error)
{
  return _sd_pg_take_ids (_sd_pg_run (library,
                                      "SELECT id FROM stories WHERE trashed IS NULL"
                                      " ORDER BY page_id NULLS FIRST, ordinal, id",
                                      0, NULL, error));
}

/* Leaves in @ids, in their order, only those among the @n_wanted @wanted. */
static void
keep_only (GArray *ids, const gint64 *wanted, guint n_wanted)
{
  g_autoptr (GHashTable) set = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_wanted; i++)
    g_hash_table_add (set, (gpointer) &wanted[i]);
  for (guint i = ids->len; i-- > 0;)
    if (!g_hash_table_contains (set, &g_array_index (ids, gint64, i)))
      g_array_remove_index (ids, i);
}

SdPgCursor *
sd_pg_library_open_cursor (SdPgLibrary *library, const SdQuery *query, GError **error)
{
  g_autoptr (SdPgCursor) self = g_new0 (SdPgCursor, 1);
  g_autoptr (GArray) found = NULL;

  self->library = library;
  if (!_sd_pg_check_schema (library, error) || (self->ids = list_ids (library, error)) == NULL)
    return NULL;
  if (query == NULL)
    return g_steal_pointer (&self);
  /* a search's stories, in the library's order */
  if ((found = sd_pg_library_search_ids (library, query, error)) == NULL)
    return NULL;
  keep_only (self->ids, (const gint64 *) found->data, found->len);
  return g_steal_pointer (&self);
}

/* As a personal library's cursor reads a scope (sd_store_open_cursor ()):
 * its stories in the library's order, a search's too (an export is not
 * ranked), and of the editor's selection only those listed. */
SdPgCursor *
sd_pg_library_open_scope_cursor (SdPgLibrary *library, const SdScope *scope, GError **error)
{
  g_autoptr (SdPgCursor) self = g_new0 (SdPgCursor, 1);
  SdScope listed = *scope;

  self->library = library;
  listed.by_relevance = FALSE;
  if (!_sd_pg_check_schema (library, error)
      || (self->ids = sd_pg_library_list_ids (library, &listed, SD_STORY_ORDER_NONE, FALSE, error))
             == NULL)
    return NULL;
  if (scope->ids != NULL)
    keep_only (self->ids, scope->ids, scope->n_ids);
  return g_steal_pointer (&self);
}

guint
sd_pg_cursor_get_total (SdPgCursor *self)
{
  return self->ids->len;
}

gboolean
sd_pg_cursor_next (SdPgCursor *self, SdStory **out_story, GError **error)
{
  *out_story = NULL;
  if (self->next >= self->ids->len)
    return TRUE;
  *out_story = sd_pg_library_get_story (self->library,
                                        g_array_index (self->ids, gint64, self->next), NULL, error);
  if (*out_story == NULL)
    return FALSE;
  self->next++;
  return TRUE;
}

void
sd_pg_cursor_rewind (SdPgCursor *self)
{
  self->next = 0;
}

SdStory *
sd_pg_cursor_get (SdPgCursor *self, gint64 id, GError **error)
{
  return sd_pg_library_get_story (self->library, id, NULL, error);
}

void
sd_pg_cursor_free (SdPgCursor *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self);
}

static const SdStorySourceFuncs cursor_funcs = {
  (guint (*) (gpointer)) sd_pg_cursor_get_total,
  (gboolean (*) (gpointer, SdStory **, GError **)) sd_pg_cursor_next,
  (void (*) (gpointer)) sd_pg_cursor_rewind,
  (SdStory * (*) (gpointer, gint64, GError **) ) sd_pg_cursor_get,
};

void
sd_pg_cursor_init_source (SdPgCursor *self, SdStorySource *source)
{
  *source = (SdStorySource){ &cursor_funcs, self };
}
