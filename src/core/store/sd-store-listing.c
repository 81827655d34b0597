/* sd-store-listing.c — a long list read the way a window shows it: the
 * ids first, in order, from indexes; the rows later, a screenful at a time
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <string.h>

#include "sd-store-async.h"
#include "sd-store-private.h"

/* One listed story and what it is ordered by. */
typedef struct
{
  gint64 id;
  char  *key;   /* (nullable) the text ordered by */
  int    value; /* the status ordered by */
  guint  index; /* in the store's order: ties keep it */
} Entry;

/* The second column of an ids listing, by order: what it is sorted by.
 * The covering index stories_listing holds the story's part. */
static const char *const order_columns[] = {
  [SD_STORY_ORDER_NONE] = "s.id, NULL",          [SD_STORY_ORDER_DATE] = "s.id, p.issue_date",
  [SD_STORY_ORDER_PAPER] = "s.id, p.paper",      [SD_STORY_ORDER_PAGE] = "s.id, p.page_no",
  [SD_STORY_ORDER_PLACE] = "s.id, s.place_code", [SD_STORY_ORDER_STATUS] = "s.id, s.status",
};

typedef struct
{
  SdStoryOrder order;
  gboolean     descending;
} Order;

static int
compare_entries (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const Entry *a = pa, *b = pb;
  const Order *order = data;
  int          cmp;

  if (order->order == SD_STORY_ORDER_STATUS)
    cmp = order->descending ? b->value - a->value : a->value - b->value;
  else
    {
      gboolean no_a = a->key == NULL || *a->key == '\0', no_b = b->key == NULL || *b->key == '\0';

      /* unknown values last, whichever the direction */
      if (no_a || no_b)
        cmp = no_a - no_b;
      else
        cmp = order->descending ? -strcmp (a->key, b->key) : strcmp (a->key, b->key);
    }
  if (cmp != 0)
    return cmp;
  return a->index < b->index ? -1 : a->index > b->index;
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->key);
}

GArray *
sd_store_list_story_ids (
    SdStore *self, const SdScope *scope, SdStoryOrder order, gboolean descending, GError **error)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GArray       *ids;
  Order         by = { order, descending };
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (order <= SD_STORY_ORDER_STATUS, NULL);

  g_array_set_clear_func (entries, entry_clear);
  stmt = _sd_store_prepare_listing_columns (self, scope, order_columns[order], TRUE, error);
  if (stmt == NULL)
    return NULL;
  /* In the store's order the ids are all there is: no entry (24 bytes) a
   * story, a million of them 32 MB of the worker's peak, only to be copied. */
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (order == SD_STORY_ORDER_NONE && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  while (order != SD_STORY_ORDER_NONE && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { sqlite3_column_int64 (stmt, 0), NULL, 0, entries->len };

      if (order == SD_STORY_ORDER_STATUS)
        {
          SdStoryStatus status = SD_STORY_STATUS_NEW;
          sd_story_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &status);
          entry.value = status;
        }
      else
        entry.key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list story ids");
      g_array_unref (ids);
      return NULL;
    }
  if (order == SD_STORY_ORDER_NONE)
    return ids;
  /* Sorted here, in the reader's thread: the index tie-break keeps it stable. */
  g_qsort_with_data (entries->data, entries->len, sizeof (Entry), compare_entries, &by);
  g_array_set_size (ids, 0);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (ids, g_array_index (entries, Entry, i).id);
  return ids;
}

GPtrArray *
sd_store_get_story_rows (SdStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = _sd_store_get_statement (self, "SELECT " STORY_COLUMNS STORY_FROM "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (stories, _sd_store_read_story_row (stmt, FALSE));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _sd_store_set_sql_error (self, error, "read story rows");
          return NULL;
        }
    }
  return g_steal_pointer (&stories);
}

/* The last list a worker's reader read, and where the change log stood. */
typedef struct
{
  SdScope *scope;
  gint64   seq;
  GArray  *ids;
} ListingMemo;

static void
listing_memo_free (ListingMemo *memo)
{
  sd_scope_free (memo->scope);
  g_array_unref (memo->ids);
  g_free (memo);
}

/* Lists read again from the change log: in page order, neither a search
 * nor the trash nor a selection. */
static gboolean
is_page_ordered (const SdScope *scope, SdStoryOrder order)
{
  return order == SD_STORY_ORDER_NONE && (scope->text == NULL || *scope->text == '\0')
         && scope->kind != SD_SCOPE_TRASH && scope->ids == NULL;
}

static gboolean
same_list (const SdScope *a, const SdScope *b)
{
  return a->kind == b->kind && g_strcmp0 (a->place_code, b->place_code) == 0
         && a->batch_id == b->batch_id;
}

/* One integer the statement @sql gives, @fallback when none (NULL). */
static gboolean
read_integer (SdStore *self, const char *sql, gint64 arg, gint64 fallback, gint64 *out_value)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (self, sql, NULL);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  *out_value = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
                   ? sqlite3_column_int64 (stmt, 0)
                   : fallback;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The first page changed since @memo was read, or 0 when the list must be
 * read whole (the log no longer reaches back to it). */
static gint64
first_page_changed (SdStore *self, ListingMemo *memo)
{
  gint64 oldest, page_id;

  if (!read_integer (self, "SELECT min (seq) FROM story_changes", 0, 0, &oldest) || oldest == 0
      || oldest > memo->seq + 1
      || !read_integer (self, "SELECT min (page_id) FROM story_changes WHERE seq > ?", memo->seq, 0,
                        &page_id))
    return 0;
  return page_id;
}

/* How many of @ids, from the start, are still there on a page before
 * @page_id.  A story on such a page that changed would have logged it, so
 * those are the list's start as it is now; the others are gone or after. */
static gboolean
count_kept (SdStore *self, GArray *ids, gint64 page_id, guint *out_n_kept)
{
  guint lo = 0, hi = ids->len;

  while (lo < hi)
    {
      guint  mid = lo + (hi - lo) / 2;
      gint64 on;

      if (!read_integer (self, "SELECT page_id FROM stories WHERE id = ?",
                         g_array_index (ids, gint64, mid), G_MAXINT64, &on))
        return FALSE;
      if (on < page_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  *out_n_kept = lo;
  return TRUE;
}

/* What follows the ids from @page_id on, by scope kind (is_page_ordered ()) */
static const char *const tail_conditions[] = {
  [SD_SCOPE_ALL] = "",
  [SD_SCOPE_UNPLACED] = "AND s.place_code IS NULL ",
  [SD_SCOPE_PLACE] = "AND s.place_code >= ?1 AND s.place_code < ?1 || ':' ",
  [SD_SCOPE_BATCH] = "AND p.batch_id = ?2 ",
};

/* Appends to @ids the list's stories on pages from @page_id on. */
static gboolean
append_tail (SdStore *self, const SdScope *scope, gint64 page_id, GArray *ids, GError **error)
{
  g_autofree char *text = g_strconcat (
      "SELECT s.id FROM stories s INDEXED BY stories_listing JOIN pages p ON p.id = s.page_id "
      "WHERE s.page_id >= ?3 AND s.trashed IS NULL AND NOT p.partial ",
      tail_conditions[scope->kind], STORY_ORDER, NULL);
  sqlite3_stmt *stmt = _sd_store_get_statement (self, g_intern_string (text), error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_scope (stmt, scope);
  sqlite3_bind_int64 (stmt, 3, page_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sd_store_set_sql_error (self, error, "list story ids");
      return FALSE;
    }
  return TRUE;
}

/* Inside the read's snapshot, so that the log and the list agree. */
static GArray *
list_again (SdStore       *reader,
            const SdScope *scope,
            SdStoryOrder   order,
            gboolean       descending,
            guint         *out_n_kept,
            GError       **error)
{
  ListingMemo *memo = g_object_get_data (G_OBJECT (reader), "sd-listing-memo");
  GArray      *ids;
  gint64       seq, page_id = 0;

  if (!read_integer (reader, "SELECT seq FROM sqlite_sequence WHERE name = 'story_changes'", 0, 0,
                     &seq))
    return sd_store_list_story_ids (reader, scope, order, descending, error);
  if (memo != NULL && same_list (memo->scope, scope) && memo->seq <= seq)
    page_id = memo->seq == seq ? G_MAXINT64 : first_page_changed (reader, memo);
  if (page_id > 0 && page_id < G_MAXINT64 && !count_kept (reader, memo->ids, page_id, out_n_kept))
    page_id = 0;
  else if (page_id == G_MAXINT64)
    *out_n_kept = memo->ids->len;
  /* The list is never changed once read (the window's model holds it as it
   * is): unchanged, it is handed out again, not copied. */
  if (page_id == G_MAXINT64)
    ids = g_array_ref (memo->ids);
  else if (page_id > 0)
    {
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), memo->ids->len);
      g_array_append_vals (ids, memo->ids->data, *out_n_kept);
      if (!append_tail (reader, scope, page_id, ids, error))
        g_clear_pointer (&ids, g_array_unref);
    }
  else
    ids = sd_store_list_story_ids (reader, scope, order, descending, error);
  if (ids == NULL)
    return NULL;
  memo = g_new0 (ListingMemo, 1);
  memo->scope = sd_scope_copy (scope);
  memo->seq = seq;
  memo->ids = g_array_ref (ids); /* (shared: nobody changes it) */
  g_object_set_data_full (G_OBJECT (reader), "sd-listing-memo", memo,
                          (GDestroyNotify) listing_memo_free);
  return ids;
}

GArray *
_sd_store_list_story_ids_again (SdStore       *reader,
                                const SdScope *scope,
                                SdStoryOrder   order,
                                gboolean       descending,
                                guint         *out_n_kept,
                                GError       **error)
{
  GArray *ids;

  *out_n_kept = 0;
  if (!is_page_ordered (scope, order))
    return sd_store_list_story_ids (reader, scope, order, descending, error);
  if (!_sd_store_exec (reader, "SAVEPOINT listing", error))
    return NULL;
  ids = list_again (reader, scope, order, descending, out_n_kept, error);
  _sd_store_exec (reader, "RELEASE listing", NULL);
  return ids;
}

/* The first rows, on their way to the caller's thread. */
typedef struct
{
  SdStoryListing    *first;
  SdStoryListingFunc func;
  gpointer           data;
  GCancellable      *cancellable;
} FirstRows;

static void
first_rows_free (FirstRows *rows)
{
  sd_story_listing_free (rows->first);
  g_clear_object (&rows->cancellable);
  g_free (rows);
}

/* (a request superseded meanwhile is not told) */
static gboolean
tell_first_rows (gpointer data)
{
  FirstRows *rows = data;

  if (!g_cancellable_is_cancelled (rows->cancellable))
    rows->func (rows->first, rows->data);
  return G_SOURCE_REMOVE;
}

/* The first @n_rows ids of a list in page order (a place of the tree, all,
 * a batch): the index gives them in order, so a LIMIT stops there, where
 * the whole list of a city reads tens of thousands. */
static GArray *
list_first_ids (SdStore *reader, const SdScope *scope, guint n_rows)
{
  g_autofree char *text = g_strconcat (
      "SELECT s.id FROM stories s INDEXED BY stories_listing JOIN pages p ON p.id = s.page_id "
      "WHERE s.trashed IS NULL AND NOT p.partial ",
      tail_conditions[scope->kind], STORY_ORDER, " LIMIT ?4", NULL);
  sqlite3_stmt *stmt = _sd_store_get_statement (reader, g_intern_string (text), NULL);
  GArray       *ids;
  int           rc;

  if (stmt == NULL)
    return NULL;
  _sd_store_bind_scope (stmt, scope);
  sqlite3_bind_int64 (stmt, 4, n_rows);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_rows);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    g_clear_pointer (&ids, g_array_unref);
  return ids;
}

/* Whether the list read last is @scope's and nothing changed since: the
 * whole list is then handed out again at once (list_again ()), and first
 * rows before it would only land the list twice. */
static gboolean
memo_is_current (SdStore *reader, const SdScope *scope)
{
  ListingMemo *memo = g_object_get_data (G_OBJECT (reader), "sd-listing-memo");
  gint64       seq;

  return memo != NULL && same_list (memo->scope, scope)
         && read_integer (reader, "SELECT seq FROM sqlite_sequence WHERE name = 'story_changes'", 0,
                          0, &seq)
         && memo->seq == seq;
}

/* The first rows of @scope, or NULL when they are no quicker than the
 * whole list (sorted otherwise, the trash, a selection, a list read last
 * and unchanged) or cannot be read
 * (the whole list then says why). */
static SdStoryListing *
read_first_rows (SdStore *reader, const SdScope *scope, SdStoryOrder order, guint n_rows)
{
  SdStoryListing *first;
  GPtrArray      *rows;
  GArray         *ids;

  if (order == SD_STORY_ORDER_NONE && scope->by_relevance && scope->text != NULL
      && *scope->text != '\0' && scope->kind != SD_SCOPE_TRASH)
    {
      /* a search ranked best first: its best rows from the index alone */
      rows = sd_store_search (reader, scope, scope->text, n_rows, NULL);
      if (rows == NULL)
        return NULL;
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
      for (guint i = 0; i < rows->len; i++)
        g_array_append_val (ids, ((SdStory *) g_ptr_array_index (rows, i))->id);
    }
  else if (is_page_ordered (scope, order) && !memo_is_current (reader, scope))
    {
      ids = list_first_ids (reader, scope, n_rows);
      if (ids == NULL)
        return NULL;
      rows = sd_store_get_story_rows (reader, (const gint64 *) ids->data, ids->len, NULL);
      if (rows == NULL)
        {
          g_array_unref (ids);
          return NULL;
        }
    }
  else
    return NULL;
  first = g_new0 (SdStoryListing, 1);
  first->ids = ids;
  first->rows = rows;
  return first;
}

/* The first rows are told before the whole list is read: a search ranked
 * best first finds them from the index alone, far sooner than it ranks
 * every match, and a list in page order (a city of the tree, 42,735
 * stories at 100,000) from the first entries of its index. */
void
_sd_store_tell_first_rows (SdStore           *reader,
                           const SdScope     *scope,
                           SdStoryOrder       order,
                           guint              n_rows,
                           SdStoryListingFunc func,
                           gpointer           data,
                           GMainContext      *context,
                           GCancellable      *cancellable)
{
  SdStoryListing *first = read_first_rows (reader, scope, order, n_rows);
  FirstRows      *rows;

  if (first == NULL)
    return;
  rows = g_new0 (FirstRows, 1);
  rows->first = first;
  rows->func = func;
  rows->data = data;
  g_set_object (&rows->cancellable, cancellable);
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, tell_first_rows, rows,
                              (GDestroyNotify) first_rows_free);
}
