/* sd-store-cursor.c — a scope's full stories one at a time (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export of the whole library used to read every full story before it
 * wrote the first: 1.4 GiB for the JSON of 100,000 stories.  The cursor
 * steps the listing's statement instead (sd-store-stories.c), so a writer
 * holds one story at a time.
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include "sd-store-cursor.h"
#include "sd-store-rows-private.h"

struct _SdStoryCursor
{
  SdStore      *store;
  sqlite3_stmt *stmt;     /* the store's cached listing statement */
  GHashTable   *selected; /* (nullable) the editor's selection, keys in ids */
  gint64       *ids;
  guint         total;
  gboolean      reading; /* inside its read transaction */
};

/* Steps to the next row of the selection; FALSE at the end or on an error
 * (set). */
static gboolean
step (SdStoryCursor *self, gboolean *out_row, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (self->stmt)) == SQLITE_ROW)
    if (self->selected == NULL
        || g_hash_table_contains (self->selected,
                                  &(gint64){ sqlite3_column_int64 (self->stmt, 0) }))
      break;
  *out_row = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self->store, error, "read the stories");
  return TRUE;
}

SdStoryCursor *
sd_store_open_cursor (SdStore *self, const SdScope *scope, GError **error)
{
  g_autoptr (SdStoryCursor) cursor = g_new0 (SdStoryCursor, 1);
  SdScope  own = *scope;
  gboolean row = TRUE;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  /* the selection's set points into its ids: the cursor keeps its own */
  own.ids = cursor->ids = g_memdup2 (scope->ids, scope->n_ids * sizeof (gint64));
  cursor->store = g_object_ref (self);
  /* One snapshot for the count, every story and whether a page is still
   * being stored (its stories are left out, #14): read apart, an import's
   * batch committed between them was exported half (test-long-import). */
  if (!_sd_store_exec (self, "SAVEPOINT story_cursor", error))
    return NULL;
  cursor->reading = TRUE;
  cursor->stmt = _sd_store_prepare_listing (self, &own, TRUE, &cursor->selected, error);
  if (cursor->stmt == NULL)
    return NULL;
  /* counted first: writers say how many stories follow before the first */
  while (row)
    {
      if (!step (cursor, &row, error))
        return NULL;
      cursor->total += row;
    }
  sqlite3_reset (cursor->stmt);
  return g_steal_pointer (&cursor);
}

guint
sd_story_cursor_get_total (SdStoryCursor *self)
{
  return self->total;
}

gboolean
sd_story_cursor_next (SdStoryCursor *self, SdStory **out_story, GError **error)
{
  g_autoptr (SdStory) story = NULL;
  gboolean row = FALSE;

  *out_story = NULL;
  if (!step (self, &row, error))
    return FALSE;
  if (!row)
    {
      sqlite3_reset (self->stmt);
      return TRUE;
    }
  story = _sd_store_read_story_row (self->stmt, TRUE);
  if (!_sd_store_read_highlights (self->store, story, error))
    return FALSE;
  *out_story = g_steal_pointer (&story);
  return TRUE;
}

void
sd_story_cursor_rewind (SdStoryCursor *self)
{
  sqlite3_reset (self->stmt);
}

SdStory *
sd_story_cursor_get (SdStoryCursor *self, gint64 id, GError **error)
{
  g_autoptr (SdStory) story = _sd_store_read_story_by_id (self->store, id, error);

  if (story == NULL || !_sd_store_read_highlights (self->store, story, error))
    return NULL;
  return g_steal_pointer (&story);
}

void
sd_story_cursor_free (SdStoryCursor *self)
{
  if (self == NULL)
    return;
  if (self->stmt != NULL)
    sqlite3_reset (self->stmt);
  if (self->reading && !_sd_store_exec (self->store, "RELEASE story_cursor", NULL))
    g_warning ("The stories read for an export left their read transaction open");
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_free (self->ids);
  g_clear_object (&self->store);
  g_free (self);
}
