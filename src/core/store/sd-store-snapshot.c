/* sd-store-snapshot.c — the rows an editorial action changes, kept as they
 * were, so that undo puts the library back exactly, ids included
 *
 * The row writers of sd-store-rows.c make rows; this file only puts back,
 * column for column, rows it read before.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-store-write-private.h"

/* A story's rows in every table, the story's first; tables whose rows have
 * no id column of their own give their rowid, so it comes back too. */
static const char *const story_selects[] = {
  "SELECT * FROM stories WHERE id = ?",
  "SELECT * FROM story_tags WHERE story_id = ?",
  "SELECT * FROM highlights WHERE story_id = ?",
  "SELECT rowid, * FROM repairs WHERE story_id = ?",
  "SELECT rowid, * FROM place_mentions WHERE story_id = ?",
  "SELECT * FROM dismissed_themes WHERE story_id = ?",
  "SELECT * FROM story_history WHERE story_id = ?",
};
static const char *const story_tables[] = {
  "stories",        "story_tags",       "highlights",    "repairs",
  "place_mentions", "dismissed_themes", "story_history",
};
#define TAG_SELECT "SELECT * FROM tags WHERE name = ?"

typedef struct
{
  const char     *insert;   /* interned: the statement that writes it back */
  gint64          story_id; /* the story it belongs to; 0 for a tag */
  guint           n_values;
  sqlite3_value **values;
} Row;

/* Stories a snapshot covers that are found at the capture: the ids @select
 * gives for @id. */
typedef struct
{
  const char *select;
  gint64      id;
} Group;

/* Every story of a story's page; of a page, or in the trash with it; of a
 * batch's pages, or in the trash with it. */
#define PAGE_OF_STORY                                                                              \
  "SELECT id FROM stories WHERE page_id = (SELECT page_id FROM stories WHERE id = ?1) "            \
  "ORDER BY ordinal"
#define PAGE_OR_ITS_TRASH                                                                          \
  "SELECT id FROM stories WHERE page_id = ?1 OR (trash_kind = 'page' AND trash_of = ?1) "          \
  "ORDER BY id"
#define BATCH_OR_ITS_TRASH                                                                         \
  "SELECT id FROM stories WHERE page_id IN (SELECT id FROM pages WHERE batch_id = ?1) "            \
  "OR (trash_kind = 'batch' AND trash_of = ?1) ORDER BY id"

struct _SdStoreSnapshot
{
  GArray    *story_ids; /* (element-type gint64) */
  GArray    *groups;    /* (element-type Group) covered, until captured */
  GPtrArray *tags;      /* (element-type utf8) */
  GPtrArray *rows;      /* (element-type Row) (nullable) until captured */
  GPtrArray *after;     /* (element-type Row) (nullable) the rows as the step left them */
};

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_values; i++)
    sqlite3_value_free (row->values[i]);
  g_free (row->values);
  g_free (row);
}

SdStoreSnapshot *
sd_store_snapshot_new (void)
{
  SdStoreSnapshot *snapshot = g_new0 (SdStoreSnapshot, 1);

  snapshot->story_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  snapshot->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  snapshot->tags = g_ptr_array_new_with_free_func (g_free);
  return snapshot;
}

void
sd_store_snapshot_free (SdStoreSnapshot *snapshot)
{
  g_array_unref (snapshot->story_ids);
  g_array_unref (snapshot->groups);
  g_ptr_array_unref (snapshot->tags);
  g_clear_pointer (&snapshot->rows, g_ptr_array_unref);
  g_clear_pointer (&snapshot->after, g_ptr_array_unref);
  g_free (snapshot);
}

void
sd_store_snapshot_add_story (SdStoreSnapshot *snapshot, gint64 story_id)
{
  for (guint i = 0; i < snapshot->story_ids->len; i++)
    if (g_array_index (snapshot->story_ids, gint64, i) == story_id)
      return;
  g_array_append_val (snapshot->story_ids, story_id);
}

void
sd_store_snapshot_add_page_of (SdStoreSnapshot *snapshot, gint64 story_id)
{
  Group group = { PAGE_OF_STORY, story_id };

  g_array_append_val (snapshot->groups, group);
}

void
sd_store_snapshot_add_trash_target (SdStoreSnapshot *snapshot, SdTrashKind kind, gint64 id)
{
  Group group = { kind == SD_TRASH_PAGE ? PAGE_OR_ITS_TRASH : BATCH_OR_ITS_TRASH, id };

  if (kind == SD_TRASH_STORY)
    sd_store_snapshot_add_story (snapshot, id);
  else
    g_array_append_val (snapshot->groups, group);
}

void
sd_store_snapshot_add_tag (SdStoreSnapshot *snapshot, const char *tag)
{
  g_autofree char *name = tag != NULL ? g_utf8_normalize (tag, -1, G_NORMALIZE_NFKC) : NULL;

  /* named as the store names it (_sd_store_normalize_tag ()) */
  if (name != NULL)
    g_ptr_array_add (snapshot->tags, g_strstrip (g_steal_pointer (&name)));
}

/* "INSERT INTO @table (the columns @select gives) VALUES (?, …)" */
static const char *
intern_insert (sqlite3_stmt *select, const char *table, gboolean or_ignore)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  int n = sqlite3_column_count (select);

  g_string_append_printf (sql, "INSERT %sINTO %s (", or_ignore ? "OR IGNORE " : "", table);
  for (int i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", sqlite3_column_name (select, i));
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < n; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append_c (sql, ')');
  return g_intern_string (sql->str);
}

static gboolean
read_rows (SdStore      *self,
           sqlite3_stmt *stmt,
           const char   *table,
           gint64        story_id,
           GPtrArray    *rows,
           GError      **error)
{
  const char *insert = intern_insert (stmt, table, story_id == 0);
  int         rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->insert = insert;
      row->story_id = story_id;
      row->n_values = sqlite3_column_count (stmt);
      row->values = g_new0 (sqlite3_value *, row->n_values);
      for (guint i = 0; i < row->n_values; i++)
        row->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read a snapshot");
  return TRUE;
}

static gboolean
add_group_stories (SdStore *self, SdStoreSnapshot *snapshot, const Group *group, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self, group->select, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sd_store_snapshot_add_story (snapshot, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read a page's stories");
  return TRUE;
}

/* The covered rows as they are now: tags first, then the stories, then the
 * rows that point at them, the order they can be written back in.
 * (element-type Row) */
static GPtrArray *
capture (SdStore *self, SdStoreSnapshot *snapshot, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < snapshot->groups->len; i++)
    if (!add_group_stories (self, snapshot, &g_array_index (snapshot->groups, Group, i), error))
      return NULL;
  g_array_set_size (snapshot->groups, 0);

  for (guint i = 0; i < snapshot->tags->len; i++)
    {
      if ((stmt = _sd_store_get_statement (self, TAG_SELECT, error)) == NULL)
        return NULL;
      _sd_store_bind_text (stmt, 1, g_ptr_array_index (snapshot->tags, i));
      if (!read_rows (self, stmt, "tags", 0, rows, error))
        return NULL;
    }
  for (guint t = 0; t < G_N_ELEMENTS (story_selects); t++)
    for (guint i = 0; i < snapshot->story_ids->len; i++)
      {
        if ((stmt = _sd_store_get_statement (self, story_selects[t], error)) == NULL)
          return NULL;
        gint64 id = g_array_index (snapshot->story_ids, gint64, i);

        sqlite3_bind_int64 (stmt, 1, id);
        if (!read_rows (self, stmt, story_tables[t], id, rows, error))
          return NULL;
      }
  return g_steal_pointer (&rows);
}

static gboolean
holds_tag (GPtrArray *rows, const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (g_str_has_prefix (row->insert, "INSERT OR IGNORE INTO tags ")
          && g_strcmp0 ((const char *) sqlite3_value_text (row->values[1]), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
values_equal (sqlite3_value *a, sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b) || sqlite3_value_bytes (a) != sqlite3_value_bytes (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    case SQLITE_NULL:
      return TRUE;
    default:
      /* an empty text or blob has no pointer to compare (memcmp of NULL) */
      return sqlite3_value_bytes (a) == 0
             || memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), sqlite3_value_bytes (a))
                    == 0;
    }
}

/* The same row of the same table and story, value for value. */
static gboolean
row_equal (const Row *x, const Row *y)
{
  if (x->insert != y->insert || x->story_id != y->story_id || x->n_values != y->n_values)
    return FALSE;
  for (guint v = 0; v < x->n_values; v++)
    if (!values_equal (x->values[v], y->values[v]))
      return FALSE;
  return TRUE;
}

/* Whether @a and @b hold the same rows of story @story_id (of a tag when
 * 0), only of the table @insert writes when it is not NULL. */
static gboolean
rows_equal (GPtrArray *a, GPtrArray *b, gint64 story_id, const char *insert)
{
  guint i = 0, j = 0;

  for (;;)
    {
      Row *x = NULL, *y = NULL;

      for (; i < a->len && x == NULL; i++)
        if (((Row *) a->pdata[i])->story_id == story_id
            && (insert == NULL || ((Row *) a->pdata[i])->insert == insert))
          x = a->pdata[i];
      for (; j < b->len && y == NULL; j++)
        if (((Row *) b->pdata[j])->story_id == story_id
            && (insert == NULL || ((Row *) b->pdata[j])->insert == insert))
          y = b->pdata[j];
      if (x == NULL || y == NULL)
        return x == y;
      if (!row_equal (x, y))
        return FALSE;
    }
}

/* Whether the covered rows are still exactly @expected: a step may only be
 * undone over the state it left, or it would silently wipe what an import,
 * another window or the command line wrote since. */
static gboolean
same_rows (GPtrArray *current, GPtrArray *expected)
{
  if (current->len != expected->len)
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    if (!row_equal (current->pdata[i], expected->pdata[i]))
      return FALSE;
  return TRUE;
}

/* Announces what differs between @before and @after: the stories still
 * there whose rows changed, and the tags when any story's tags changed. */
static void
announce (SdStoreWrite *write, SdStoreSnapshot *snapshot, GPtrArray *before, GPtrArray *after)
{
  const char *links = NULL;

  for (guint i = 0; i < before->len + after->len && links == NULL; i++)
    {
      Row *row = i < before->len ? before->pdata[i] : after->pdata[i - before->len];
      if (g_str_has_prefix (row->insert, "INSERT INTO story_tags "))
        links = row->insert;
    }
  if (!rows_equal (before, after, 0, NULL))
    _sd_store_write_notify_tags (write);
  for (guint i = 0; i < snapshot->story_ids->len; i++)
    {
      gint64 id = g_array_index (snapshot->story_ids, gint64, i);

      if (rows_equal (before, after, id, NULL))
        continue;
      for (guint r = 0; r < after->len; r++)
        if (((Row *) after->pdata[r])->story_id == id)
          {
            _sd_store_write_announce_story (write, id);
            break;
          }
      if (links != NULL && !rows_equal (before, after, id, links))
        _sd_store_write_notify_tags (write);
    }
}

/* Deletes the covered rows and writes @rows in their place. */
static gboolean
restore (SdStoreWrite *write, SdStoreSnapshot *snapshot, GPtrArray *rows, GError **error)
{
  SdStore      *self = write->store;
  sqlite3_stmt *stmt;

  /* Deleting a story takes the rows that point at it along (ON DELETE
   * CASCADE); a tag that was not there goes with its links. */
  for (guint i = 0; i < snapshot->story_ids->len; i++)
    {
      if ((stmt = _sd_store_get_statement (self, "DELETE FROM stories WHERE id = ?", error))
          == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (snapshot->story_ids, gint64, i));
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < snapshot->tags->len; i++)
    {
      const char *name = g_ptr_array_index (snapshot->tags, i);

      if (holds_tag (rows, name))
        continue;
      /* only when no story outside the step still carries it */
      if ((stmt = _sd_store_get_statement (self,
                                           "DELETE FROM tags WHERE name = ? AND NOT EXISTS "
                                           "(SELECT 1 FROM story_tags WHERE tag_id = tags.id)",
                                           error))
          == NULL)
        return FALSE;
      _sd_store_bind_text (stmt, 1, name);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if ((stmt = _sd_store_get_statement (self, row->insert, error)) == NULL)
        return FALSE;
      for (guint v = 0; v < row->n_values; v++)
        sqlite3_bind_value (stmt, v + 1, row->values[v]);
      if (!_sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_edit (SdStore         *self,
          SdStoreSnapshot *snapshot,
          gboolean         extend,
          SdStoreEditFunc  func,
          gpointer         data,
          GError         **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  gboolean ok;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->edit_write == NULL, FALSE);

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  if (!extend)
    {
      g_clear_pointer (&snapshot->rows, g_ptr_array_unref);
      snapshot->rows = capture (self, snapshot, error);
      if (snapshot->rows == NULL)
        return FALSE;
    }
  self->edit_write = &write;
  ok = func (self, data, error);
  self->edit_write = NULL;
  if (!ok)
    return FALSE;
  g_clear_pointer (&snapshot->after, g_ptr_array_unref);
  snapshot->after = capture (self, snapshot, error);
  return snapshot->after != NULL && _sd_store_write_commit (&write, error);
}

gboolean
sd_store_run_edit (
    SdStore *self, SdStoreSnapshot *snapshot, SdStoreEditFunc func, gpointer data, GError **error)
{
  return run_edit (self, snapshot, FALSE, func, data, error);
}

gboolean
sd_store_extend_edit (
    SdStore *self, SdStoreSnapshot *snapshot, SdStoreEditFunc func, gpointer data, GError **error)
{
  g_return_val_if_fail (snapshot->rows != NULL, FALSE);
  return run_edit (self, snapshot, TRUE, func, data, error);
}

gboolean
sd_store_swap_snapshot (SdStore *self, SdStoreSnapshot *snapshot, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autoptr (GPtrArray) current = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot->rows != NULL, FALSE);

  if (!_sd_store_write_begin (self, &write, error)
      || (current = capture (self, snapshot, error)) == NULL)
    return FALSE;
  if (snapshot->after != NULL && !same_rows (current, snapshot->after))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED,
                   _("The story was changed since, by an import, another window or the "
                     "command line: this step can no longer be undone"));
      return FALSE;
    }
  if (!restore (&write, snapshot, snapshot->rows, error))
    return FALSE;
  announce (&write, snapshot, current, snapshot->rows);
  if (!_sd_store_write_commit (&write, error))
    return FALSE;
  /* the rows just put back are what the next swap must find */
  g_clear_pointer (&snapshot->after, g_ptr_array_unref);
  snapshot->after = g_steal_pointer (&snapshot->rows);
  snapshot->rows = g_steal_pointer (&current);
  return TRUE;
}
