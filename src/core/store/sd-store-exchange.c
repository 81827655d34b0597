/* sd-store-exchange.c — stories read from a Storydesk JSON export, stored
 * with all that editors added to them
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-page-identity.h"
#include "sd-store-rows-private.h"
#include "sd-store-write-private.h"
#include "sd-story-match.h"

/* The encoding recorded for the pages an export makes: they hold no page
 * text, and their stories' source offsets point into the original file. */
#define EXCHANGE_ENCODING "storydesk-json"

/* How many stories of an export are stored in one transaction, so that
 * other writers get in between (#14 item 12). */
#define EXCHANGE_BATCH 200

static int
compare_indices (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);
  return x < y ? -1 : x > y;
}

/* The tags of all @stories in an order that keeps each story's own order
 * (which is the order of the tag ids in the library they came from): a
 * topological sort, ties broken by first appearance.  Creating the tags in
 * this order makes each story list its tags as it did there. */
static GPtrArray *
order_tags (GPtrArray *stories)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) in_degree = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GPtrArray) successors =
      g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GTree) ready = NULL;
  g_autofree gboolean *placed = NULL;
  guint                unplaced = 0;
  GPtrArray           *order = g_ptr_array_new ();

  for (guint i = 0; i < stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (stories, i);
      gpointer       previous = NULL;

      for (guint j = 0; story->tags != NULL && j < story->tags->len; j++)
        {
          const char *name = g_ptr_array_index (story->tags, j);
          gpointer    value;

          if (!g_hash_table_lookup_extended (index, name, NULL, &value))
            {
              value = GUINT_TO_POINTER (names->len);
              g_hash_table_insert (index, (gpointer) name, value);
              g_ptr_array_add (names, (gpointer) name);
              g_array_set_size (in_degree, names->len);
              g_ptr_array_add (successors, g_array_new (FALSE, FALSE, sizeof (guint)));
            }
          if (j > 0)
            {
              guint from = GPOINTER_TO_UINT (previous), to = GPOINTER_TO_UINT (value);
              g_array_append_val (g_ptr_array_index (successors, from), to);
              g_array_index (in_degree, guint, to)++;
            }
          previous = value;
        }
    }

  /* Kahn's algorithm with the ready tags in a tree, so that each step
   * takes the first seen in logarithmic time: linear in the tags, not
   * quadratic, for a story of 100,000 of them. */
  placed = g_new0 (gboolean, names->len + 1);
  ready = g_tree_new (compare_indices);
  for (guint i = 0; i < names->len; i++)
    if (g_array_index (in_degree, guint, i) == 0)
      g_tree_insert (ready, GUINT_TO_POINTER (i + 1), NULL);
  while (order->len < names->len)
    {
      GTreeNode *first = g_tree_node_first (ready);
      guint      next;

      if (first != NULL)
        {
          next = GPOINTER_TO_UINT (g_tree_node_key (first)) - 1;
          g_tree_remove (ready, g_tree_node_key (first));
        }
      else
        {
          /* a cycle (a file edited by hand): first seen first */
          while (placed[unplaced])
            unplaced++;
          next = unplaced;
        }
      if (placed[next])
        continue;
      placed[next] = TRUE;
      g_ptr_array_add (order, g_ptr_array_index (names, next));
      for (guint k = 0; k < ((GArray *) g_ptr_array_index (successors, next))->len; k++)
        {
          guint to = g_array_index ((GArray *) g_ptr_array_index (successors, next), guint, k);
          if (g_array_index (in_degree, guint, to) > 0
              && --g_array_index (in_degree, guint, to) == 0 && !placed[to])
            g_tree_insert (ready, GUINT_TO_POINTER (to + 1), NULL);
        }
    }
  return order;
}

static gboolean
insert_annotations (SdStore *self, const SdStory *story, const char *now, GError **error)
{
  const char *stamp = story->updated != NULL ? story->updated : now;

  for (guint i = 0; story->tags != NULL && i < story->tags->len; i++)
    if (!_sd_store_link_tag (self, story->id, g_ptr_array_index (story->tags, i), story->editor,
                             stamp, error))
      return FALSE;

  for (guint i = 0; story->highlights != NULL && i < story->highlights->len; i++)
    {
      SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      SdHighlight  row = *highlight;

      if (row.created == NULL)
        row.created = (char *) stamp;
      if (!_sd_store_insert_highlight (self, story->id, &row, &highlight->id, error))
        return FALSE;
    }
  return TRUE;
}

/* The story of the library @story is: the one with its uuid, else the one
 * cut from the same span of a page file of the same name (not one this
 * import of the file @checksum added); 0 for none, -1 with @error set. */
static gint64
find_known (SdStore *self, const SdStory *story, const char *checksum, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        id = 0;

  if (story->uuid != NULL)
    {
      if ((stmt = _sd_store_get_statement (self, "SELECT id FROM stories WHERE uuid = ?", error))
          == NULL)
        return -1;
      _sd_store_bind_text (stmt, 1, story->uuid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id > 0)
        return id;
    }
  /* A story from a colleague's library, imported there from the same page */
  stmt = _sd_store_get_statement (self,
                                  "SELECT s.id FROM stories s JOIN pages p ON p.id = s.page_id "
                                  "WHERE p.file = ? AND s.source_start = ? AND s.source_end = ? "
                                  "AND p.checksum NOT LIKE ? || '#%' ORDER BY s.id LIMIT 1",
                                  error);
  if (stmt == NULL)
    return -1;
  _sd_store_bind_text (stmt, 1, story->source_file);
  sqlite3_bind_int64 (stmt, 2, story->source_start);
  sqlite3_bind_int64 (stmt, 3, story->source_end);
  _sd_store_bind_text (stmt, 4, checksum);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
holds_highlight (const SdStory *story, const SdHighlight *highlight)
{
  for (guint i = 0; i < story->highlights->len; i++)
    {
      const SdHighlight *own = g_ptr_array_index (story->highlights, i);

      if (own->start == highlight->start && own->end == highlight->end
          && g_strcmp0 (own->quote, highlight->quote) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * sd_exchange_weigh_edits:
 *
 * The merge rule of both engines: whether the note or status of @own and
 * @incoming differ and @incoming has an edit time (then the two are
 * weighed); @out_incoming_wins: its edit is the later one (ISO 8601 times
 * in UTC compare as text; an edit beats no edit); @out_conflicting: both
 * sides had an edit time.
 */
gboolean
sd_exchange_weigh_edits (const SdStory *own,
                         const SdStory *incoming,
                         gboolean      *out_incoming_wins,
                         gboolean      *out_conflicting)
{
  *out_incoming_wins = *out_conflicting = FALSE;
  if ((g_strcmp0 (own->note, incoming->note) == 0 && own->status == incoming->status)
      || incoming->updated == NULL)
    return FALSE;
  *out_incoming_wins = own->updated == NULL || strcmp (incoming->updated, own->updated) > 0;
  *out_conflicting = own->updated != NULL;
  return TRUE;
}

static gboolean
take_note_and_status (SdStore *self, gint64 id, const SdStory *incoming, GError **error)
{
  sqlite3_stmt *stmt = _sd_store_get_statement (
      self, "UPDATE stories SET note = ?, status = ?, editor = ?, updated = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, incoming->note);
  _sd_store_bind_text (stmt, 2, sd_story_status_to_string (incoming->status));
  _sd_store_bind_text (stmt, 3, incoming->editor);
  _sd_store_bind_text (stmt, 4, incoming->updated);
  sqlite3_bind_int64 (stmt, 5, id);
  return _sd_store_step_done (self, stmt, error);
}

/* Merges @incoming into the library's story @id: its tags and highlights
 * join the story's, and its note and status replace the story's when they
 * were edited later.  Writes nothing when the story has all of it. */
static gboolean
merge_story (SdStoreWrite  *write,
             gint64         id,
             const SdStory *incoming,
             gboolean      *out_conflicting,
             GError       **error)
{
  SdStore    *self = write->store;
  const char *stamp = incoming->updated != NULL ? incoming->updated : write->now;
  g_autoptr (SdStory) own = sd_store_get_story (self, id, error);
  g_autoptr (GHashTable) own_tags = NULL;
  gboolean changed = FALSE;

  if (own == NULL)
    return FALSE;
  own_tags = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < own->tags->len; i++)
    g_hash_table_add (own_tags, g_ptr_array_index (own->tags, i));
  for (guint i = 0; incoming->tags != NULL && i < incoming->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (incoming->tags, i);

      if (g_hash_table_contains (own_tags, tag))
        continue;
      if (!_sd_store_link_tag (self, id, tag, incoming->editor, stamp, error))
        return FALSE;
      changed = TRUE;
    }
  for (guint i = 0; incoming->highlights != NULL && i < incoming->highlights->len; i++)
    {
      SdHighlight *highlight = g_ptr_array_index (incoming->highlights, i);
      SdHighlight  row = *highlight;

      /* Its offsets are into the incoming body; where the stored one
       * differs (one of the two stored before bodies held their section
       * heads), its quote is found again in the stored one. */
      if (own->body != NULL && g_strcmp0 (own->body, incoming->body) != 0)
        sd_highlight_find_again (highlight, own->body, &row.start, &row.end);
      if (holds_highlight (own, &row))
        continue;
      if (row.created == NULL)
        row.created = (char *) stamp;
      if (!_sd_store_insert_highlight (self, id, &row, &highlight->id, error))
        return FALSE;
      changed = TRUE;
    }

  gboolean incoming_wins;

  if (sd_exchange_weigh_edits (own, incoming, &incoming_wins, out_conflicting))
    {
      gboolean kept = FALSE;

      /* the edit that lost stays in the story's history */
      if (!_sd_store_keep_older_edit (self, id, incoming_wins ? own : incoming,
                                      incoming_wins ? incoming : own, write->now, &kept, error))
        return FALSE;
      changed |= kept;
      if (incoming_wins)
        {
          if (!take_note_and_status (self, id, incoming, error))
            return FALSE;
          changed = TRUE;
        }
    }
  if (changed)
    _sd_store_write_announce_story (write, id);
  return TRUE;
}

/* A story's paper, date and page number put in the stored form, as an
 * editor's would be; INVALID naming the story when one is none. */
static gboolean
check_issue (SdStory *story, guint index, GError **error)
{
  char **const fields[] = { &story->paper, &story->issue_date, &story->page_no };
  char *(*const parse[]) (const char *, GError **) = {
    sd_page_identity_parse_paper,
    sd_page_identity_parse_date,
    sd_page_identity_parse_page,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr (GError) local = NULL;
      char *value;

      if (*fields[i] == NULL)
        continue;
      if ((value = parse[i](*fields[i], &local)) == NULL)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, "$[%u]: %s", index,
                       local->message);
          return FALSE;
        }
      g_free (*fields[i]);
      *fields[i] = value;
    }
  return TRUE;
}

/**
 * sd_exchange_check_stories:
 *
 * An export's stories checked before anything is stored, on either
 * engine: tag names put in the form an editor's typed name takes, papers,
 * dates and page numbers in the stored form; INVALID naming the story at
 * fault, the library untouched.
 */
gboolean
sd_exchange_check_stories (GPtrArray *stories, GError **error)
{
  /* Names from a file meet the same rule as names typed in the window. */
  for (guint i = 0; i < stories->len; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);

      for (guint t = 0; story->tags != NULL && t < story->tags->len; t++)
        {
          char *name = _sd_store_normalize_tag (g_ptr_array_index (story->tags, t), error);

          if (name == NULL)
            return FALSE;
          g_free (g_ptr_array_index (story->tags, t));
          story->tags->pdata[t] = name;
        }
      if (!check_issue (story, i, error))
        return FALSE;
    }
  return TRUE;
}

/* Pages an import of the export @checksum left partial when it stopped
 * (its pages are CHECKSUM#1, CHECKSUM#2 …): removed, to be stored again. */
static gboolean
remove_stopped_import (SdStoreWrite *write, const char *checksum, GError **error)
{
  g_autofree char *prefix = g_strconcat (checksum, "#", NULL);
  sqlite3_stmt    *stmt = _sd_store_get_statement (
         write->store, "SELECT id FROM pages WHERE partial AND substr (checksum, 1, ?2) = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, prefix);
  sqlite3_bind_int (stmt, 2, (int) strlen (prefix));
  return _sd_store_remove_partial_pages (write, stmt, error);
}

/* Stores @stories through @write, committing it every EXCHANGE_BATCH
 * stories (see sd_store_import_stories()); the pages it makes are partial
 * until the last story is in, and listed in @new_pages. */
static gboolean
store_stories (SdStoreWrite      *write,
               const char        *checksum,
               gint64             size,
               GPtrArray         *stories,
               GArray            *new_pages,
               SdExchangeOutcome *out,
               GError           **error)
{
  SdStore         *self = write->store;
  g_autofree char *first_key = g_strdup_printf ("%s#1", checksum);
  g_autoptr (GPtrArray) tags = NULL;
  const SdStory *run_story = NULL;
  gint64         page_id = 0;
  guint          run = 0, ordinal = 0;
  sqlite3_stmt  *stmt;

  stmt = _sd_store_get_statement (self, "SELECT partial FROM pages WHERE checksum = ?", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, first_key);
  out->known = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (out->known)
    return TRUE; /* imported before, to its end: all of it is there */

  if (!sd_exchange_check_stories (stories, error))
    return FALSE;
  if (!remove_stopped_import (write, checksum, error))
    return FALSE;
  tags = order_tags (stories);
  for (guint i = 0; i < tags->len; i++)
    if (!_sd_store_insert_tag (self, g_ptr_array_index (tags, i), error))
      return FALSE;
  if (tags->len > 0)
    _sd_store_write_notify_tags (write);

  for (guint i = 0; i < stories->len; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);
      gint64   known_id;
      gboolean conflicting = FALSE;

      /* a short transaction each batch: other writers get in between */
      if (i > 0 && i % EXCHANGE_BATCH == 0
          && (!_sd_store_write_commit (write, error)
              || !_sd_store_write_begin (self, write, error)))
        return FALSE;
      if ((known_id = find_known (self, story, checksum, error)) < 0)
        return FALSE;
      if (known_id > 0)
        {
          if (!merge_story (write, known_id, story, &conflicting, error))
            return FALSE;
          story->id = known_id;
          out->n_merged++;
          out->n_conflicting += conflicting;
          continue;
        }

      /* Each run of stories from one page becomes a page of that name,
       * paper, date and number, so the stories keep their source and
       * their order. */
      if (page_id == 0 || g_strcmp0 (story->source_file, run_story->source_file) != 0
          || g_strcmp0 (story->paper, run_story->paper) != 0
          || g_strcmp0 (story->issue_date, run_story->issue_date) != 0
          || g_strcmp0 (story->page_no, run_story->page_no) != 0)
        {
          g_autofree char   *key = g_strdup_printf ("%s#%u", checksum, ++run);
          const SdPageRecord page = {
            story->source_file, key,           EXCHANGE_ENCODING, "", size, NULL, story->paper,
            story->issue_date,  story->page_no
          };

          if (!_sd_store_insert_page (self, &page, write->now, &page_id, error)
              || !_sd_store_run_pair (self, "UPDATE pages SET partial = ?2 WHERE id = ?1", page_id,
                                      1, error))
            return FALSE;
          g_array_append_val (new_pages, page_id);
          run_story = story;
          ordinal = 0;
        }
      if (!_sd_store_insert_story (self, page_id, ordinal++, story, error)
          || !insert_annotations (self, story, write->now, error))
        return FALSE;
      story->page_id = page_id;
      out->n_added++;
    }
  /* whole: shown from the commit on */
  for (guint i = 0; i < new_pages->len; i++)
    if (!_sd_store_run_pair (self, "UPDATE pages SET partial = ?2 WHERE id = ?1",
                             g_array_index (new_pages, gint64, i), 0, error))
      return FALSE;
  return TRUE;
}

/**
 * sd_store_import_stories:
 * @checksum: SHA-256 of the export file's bytes
 * @size: the export file's size
 * @stories: (element-type SdStory) full records, ids 0
 * @out: (out) (optional) what it did
 */
gboolean
sd_store_import_stories (SdStore           *self,
                         const char        *checksum,
                         gint64             size,
                         GPtrArray         *stories,
                         SdExchangeOutcome *out,
                         GError           **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  g_autoptr (GArray) new_pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  SdExchangeOutcome outcome = { 0 };

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (checksum != NULL && stories != NULL, FALSE);

  if (out != NULL)
    *out = outcome;
  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  if (!store_stories (&write, checksum, size, stories, new_pages, &outcome, error)
      || !_sd_store_write_commit (&write, error))
    {
      g_auto (SdStoreWrite) cleanup = SD_STORE_WRITE_INIT;

      /* the batches committed before the failure are taken out again
       * (what they merged into stored stories stays, as merged) */
      _sd_store_write_clear (&write);
      if (new_pages->len > 0 && _sd_store_write_begin (self, &cleanup, NULL))
        {
          for (guint i = 0; i < new_pages->len; i++)
            _sd_store_remove_partial_page (&cleanup, g_array_index (new_pages, gint64, i), NULL);
          _sd_store_write_commit (&cleanup, NULL);
        }
      for (guint i = 0; i < stories->len; i++)
        ((SdStory *) g_ptr_array_index (stories, i))->id = 0;
      return FALSE;
    }
  if (out != NULL)
    *out = outcome;
  return TRUE;
}
