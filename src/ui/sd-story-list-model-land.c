/* sd-story-list-model-land.c — how a list read lands in the story list's
 * model: the ids and rows spliced in where they differ, the rows read before
 * kept; and where a story is listed, found by id
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list-model"

#include "config.h"

#include <string.h>

#include "sd-story-item.h"
#include "sd-story-list-model-private.h"

/* Where story @id is listed: at @hint, where it is most often, else by a
 * scan of the ids; a hash of them is made only for a run of look-ups (a
 * selection of thousands), as a long list changes more often than that. */
gboolean
_sd_story_list_model_find_position (SdStoryListModel *self,
                                    gint64            id,
                                    guint             hint,
                                    guint            *out_position)
{
  gpointer position;

  if (hint < self->ids->len && _sd_story_list_model_id_at (self, hint) == id)
    {
      *out_position = hint;
      return TRUE;
    }
  if (self->positions == NULL && ++self->n_scans > 16)
    {
      self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i),
                             GUINT_TO_POINTER (i));
    }
  if (self->positions == NULL)
    {
      for (guint i = 0; i < self->ids->len; i++)
        if (_sd_story_list_model_id_at (self, i) == id)
          {
            *out_position = i;
            return TRUE;
          }
      return FALSE;
    }
  if (!g_hash_table_lookup_extended (self->positions, &id, NULL, &position))
    return FALSE;
  *out_position = GPOINTER_TO_UINT (position);
  return TRUE;
}

/* The items of @self->items from @prefix, @n_old of them, replaced by those
 * of the @n_new ids there now: each the item read before of the same story,
 * from @kept, or NULL.  The items before and after stay where they are, so
 * stories added at the end cost what they add, not the whole list. */
static void
splice_items (SdStoryListModel *self, guint prefix, guint n_old, guint n_new, GHashTable *kept)
{
  GPtrArray *items = self->items;
  /* (a new list keeps no item: no copy of its million empty slots) */
  gpointer *middle = kept != NULL ? g_new0 (gpointer, MAX (n_new, 1)) : NULL;
  guint     suffix = items->len - prefix - n_old;

  for (guint i = 0; i < n_new && kept != NULL; i++)
    {
      SdStoryItem *item =
          g_hash_table_lookup (kept, &g_array_index (self->ids, gint64, prefix + i));
      middle[i] = item != NULL ? g_object_ref (item) : NULL;
    }
  for (guint i = prefix; i < prefix + n_old; i++)
    g_clear_object (&g_ptr_array_index (items, i));
  if (n_new > n_old)
    g_ptr_array_set_size (items, items->len + n_new - n_old);
  memmove (&items->pdata[prefix + n_new], &items->pdata[prefix + n_old],
           suffix * sizeof (gpointer));
  if (n_new < n_old)
    {
      /* the slots let go of hold nothing now: the items were moved */
      memset (&items->pdata[prefix + n_new + suffix], 0, (n_old - n_new) * sizeof (gpointer));
      g_ptr_array_set_size (items, items->len - (n_old - n_new));
    }
  if (middle != NULL)
    memcpy (&items->pdata[prefix], middle, n_new * sizeof (gpointer));
  else
    memset (&items->pdata[prefix], 0, n_new * sizeof (gpointer));
  g_free (middle);
}

/* Lands a list read: its ids, and the rows read with them.  Rows that stay
 * keep their items, so a view keeps its selection and scroll. */
void
_sd_story_list_model_land (SdStoryListModel *self, SdStoryListing *listing, int how)
{
  g_autoptr (GArray) old_ids = g_steal_pointer (&self->ids);
  g_autoptr (GHashTable) kept = NULL;
  g_autoptr (GArray) outside = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *ids = listing->ids;
  guint   n_old = old_ids->len, n_new = ids->len, prefix = 0, suffix = 0;

  if (how == READ_AGAIN)
    {
      while (prefix < MIN (n_old, n_new)
             && g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
        prefix++;
      while (suffix < MIN (n_old, n_new) - prefix
             && g_array_index (old_ids, gint64, n_old - 1 - suffix)
                    == g_array_index (ids, gint64, n_new - 1 - suffix))
        suffix++;
    }
  if (how != READ_NEW)
    {
      /* the rows read of stories still listed, by id */
      kept = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = prefix; i < n_old - suffix; i++)
        if (g_ptr_array_index (self->items, i) != NULL)
          g_hash_table_insert (kept, &g_array_index (old_ids, gint64, i),
                               g_ptr_array_index (self->items, i));
    }
  else
    {
      /* the blocks being read were another list's */
      g_cancellable_cancel (self->rows_cancellable);
      g_clear_object (&self->rows_cancellable);
    }
  g_hash_table_remove_all (self->pending);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  self->n_scans = 0;

  /* (none kept, as for the rest of a list after its first rows: no look-up
   * for each of its ids) */
  if (kept != NULL && g_hash_table_size (kept) == 0)
    g_clear_pointer (&kept, g_hash_table_unref);
  self->ids = g_array_ref (ids);
  splice_items (self, prefix, n_old - prefix - suffix, n_new - prefix - suffix, kept);
  /* The rows read with the list: those in the splice go in with it, the
   * others replace what they differ from after it. */
  for (guint i = 0; i < listing->rows->len; i++)
    {
      SdStory *story = g_ptr_array_index (listing->rows, i);
      guint    position;

      if (!_sd_story_list_model_find_position (self, story->id, i, &position))
        continue;
      if (position >= prefix && position < n_new - suffix)
        {
          g_clear_object (&g_ptr_array_index (self->items, position));
          g_ptr_array_index (self->items, position) = sd_story_item_new (story);
        }
      else
        g_array_append_val (outside, i);
    }
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                                n_new - prefix - suffix);
  for (guint i = 0; i < outside->len; i++)
    {
      guint    row = g_array_index (outside, guint, i), position;
      SdStory *story = g_ptr_array_index (listing->rows, row);

      /* (where it was found before the splice, which did not move it) */
      if (_sd_story_list_model_find_position (self, story->id, row, &position))
        _sd_story_list_model_replace_story (self, position, story);
    }
  if (how == READ_AGAIN)
    _sd_story_list_model_read_loaded_rows_again (self);
}
