/* sd-story-list-jumps.c — the keys that reach past the rows the view has
 * (#16): the home and end keys move the view's run of rows to the list's
 * first or last story, and select all selects every story of the list by
 * its id, the view's rows shown selected as it takes them; before, each
 * took every row between into the view (100,000 rows: seconds of the main
 * thread, and as many signals to the view's accessible)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list"

#include "config.h"

#include <stdlib.h>

#include "sd-story-list-private.h"

/* Whether @event went to the view: a click on it, or a key while it has
 * the focus (a key event is its toplevel's, whose focus widget it goes to). */
static gboolean
went_to_view (SdStoryList *self, GdkEvent *event)
{
  GtkWidget   *view = GTK_WIDGET (self->tree_view);
  GtkWidget   *widget = gtk_get_event_widget (event);
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_KEY_PRESS || type == GDK_KEY_RELEASE)
    return widget != NULL && widget == gtk_widget_get_toplevel (view) && gtk_widget_is_focus (view);
  return widget == view;
}

/* The modifiers of the key or click being handled, when it went to the
 * view (not another widget's event that led to the view being changed). */
static GdkModifierType
view_event_state (SdStoryList *self)
{
  g_autoptr (GdkEvent) event = gtk_get_current_event ();
  GdkModifierType state = 0;

  if (event == NULL || !went_to_view (self, event) || !gdk_event_get_state (event, &state))
    return 0;
  return state;
}

static GHashTable *
excluded (SdStoryList *self)
{
  if (self->excluded == NULL)
    self->excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self->excluded;
}

static gint64
row_id (GtkTreeModel *model, GtkTreeIter *iter)
{
  gint64 id = 0;

  gtk_tree_model_get (model, iter, COLUMN_ID, &id, -1);
  return id;
}

static int
by_id (gconstpointer a, gconstpointer b)
{
  gint64 ia = *(const gint64 *) a, ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* Whether story @id was listed when every story was selected (or came
 * with the rest of the list then being read). */
static gboolean
was_listed (SdStoryList *self, gint64 id)
{
  return bsearch (&id, self->listed->data, self->listed->len, sizeof (gint64), by_id) != NULL;
}

/* Ctrl+A: every story listed, however many rows the view has. */
gboolean
_sd_story_list_select_all_cb (SdStoryList *self)
{
  guint n;

  if (self->rows == NULL || gtk_tree_selection_get_mode (self->selection) != GTK_SELECTION_MULTIPLE)
    return FALSE;
  /* (GTK's own would select the view's rows only, as this does below) */
  g_signal_stop_emission_by_name (self->tree_view, "select-all");
  /* (the editor chose: the rest of a list still read no longer brings
   * the view back to the story awaited in it) */
  self->awaited = 0;
  self->all_selected = TRUE;
  g_hash_table_remove_all (excluded (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  g_clear_pointer (&self->listed, g_array_unref);
  self->listed = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = sd_story_list_model_get_id (self->stories, i);
      g_array_append_val (self->listed, id);
    }
  g_array_sort (self->listed, by_id);
  /* the rest of a list still being read is as much selected as its first rows */
  self->listed_reading = sd_story_list_model_is_reading (self->stories);
  self->filling = TRUE;
  gtk_tree_selection_select_all (self->selection);
  self->filling = FALSE;
  _sd_story_list_tell_selection (self);
  return TRUE;
}

void
_sd_story_list_forget_all_selected (SdStoryList *self)
{
  if (self->held != NULL)
    g_hash_table_remove_all (self->held);
  self->all_selected = FALSE;
  if (self->excluded != NULL)
    g_hash_table_remove_all (self->excluded);
  g_clear_pointer (&self->listed, g_array_unref);
}

/* The editor changed the selection while every story was selected: a
 * click or key with Ctrl adds or takes a row (the rest stay selected,
 * as in GTK), any other makes what the view shows the selection. */
void
_sd_story_list_selection_edited (SdStoryList *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->rows);
  GtkTreeIter   iter;

  if (!(view_event_state (self) & GDK_CONTROL_MASK))
    {
      _sd_story_list_forget_all_selected (self);
      return;
    }
  if (!self->all_selected)
    return;
  for (gboolean valid = gtk_tree_model_get_iter_first (model, &iter); valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      gint64 id = row_id (model, &iter);

      if (gtk_tree_selection_iter_is_selected (self->selection, &iter))
        g_hash_table_remove (excluded (self), &id);
      else
        g_hash_table_add (excluded (self), g_memdup2 (&id, sizeof id));
    }
}

static gboolean
not_listed (gpointer id, gpointer value, gpointer stories)
{
  return !sd_story_list_model_find (stories, *(gint64 *) id, NULL);
}

/* The list changed while every story was selected: the stories that
 * joined it are not selected (as GTK's rows inserted are not), those that
 * were listed stay so, moved or not, though the move came as a removal
 * and an addition told apart; what it costs is the change's block. */
void
_sd_story_list_note_change (SdStoryList *self, guint position, guint removed, guint added)
{
  gboolean came = FALSE;

  /* a story held selected that left the list (trashed, here or by another
   * writer) is selected no more: nothing acts on it */
  if (removed > 0 && self->held != NULL)
    g_hash_table_foreach_remove (self->held, not_listed, self->stories);
  if (!self->all_selected || self->listed == NULL)
    return;
  for (guint i = position; i < position + added; i++)
    {
      gint64 id = sd_story_list_model_get_id (self->stories, i);

      /* (the rest of a list still read is as much listed as its first rows) */
      if (self->listed_reading)
        {
          g_array_append_val (self->listed, id);
          came = TRUE;
        }
      else if (!was_listed (self, id))
        g_hash_table_add (excluded (self), g_memdup2 (&id, sizeof id));
    }
  if (came)
    g_array_sort (self->listed, by_id);
  self->listed_reading = self->listed_reading && sd_story_list_model_is_reading (self->stories);
}

/* The view took rows @from, @n of them (G_MAXUINT: to its last): they
 * show selected when every story is (but the excluded), or when they
 * are of the stories held selected. */
void
_sd_story_list_select_taken (SdStoryList *self, guint from, guint n)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->rows);
  GtkTreeIter   iter;
  guint         n_rows;
  gboolean      filling = self->filling; /* (its caller's, kept) */

  if (self->rows == NULL
      || (!self->all_selected && (self->held == NULL || g_hash_table_size (self->held) == 0)))
    return;
  n_rows = _sd_story_list_rows_get_n_rows (self->rows);
  n = MIN (n, n_rows - MIN (from, n_rows));
  if (n == 0)
    return;
  self->filling = TRUE;
  if (self->all_selected && (self->excluded == NULL || g_hash_table_size (self->excluded) == 0))
    {
      g_autoptr (GtkTreePath) start = gtk_tree_path_new_from_indices (from, -1);
      g_autoptr (GtkTreePath) end = gtk_tree_path_new_from_indices (from + n - 1, -1);

      gtk_tree_selection_select_range (self->selection, start, end);
    }
  else if (gtk_tree_model_iter_nth_child (model, &iter, NULL, from))
    for (guint i = 0; i < n; i++, gtk_tree_model_iter_next (model, &iter))
      {
        gint64 id = row_id (model, &iter);

        if (self->all_selected && g_hash_table_contains (self->excluded, &id))
          gtk_tree_selection_unselect_iter (self->selection, &iter);
        else if (self->all_selected || g_hash_table_remove (self->held, &id))
          gtk_tree_selection_select_iter (self->selection, &iter);
      }
  self->filling = filling;
}

/* The one story held selected; 0 for none or several (no one of them is
 * the editor's story). */
gint64
_sd_story_list_get_held (SdStoryList *self)
{
  GHashTableIter iter;
  gpointer       id;

  if (self->held == NULL || g_hash_table_size (self->held) != 1)
    return 0;
  g_hash_table_iter_init (&iter, self->held);
  return g_hash_table_iter_next (&iter, &id, NULL) ? *(gint64 *) id : 0;
}

/* Shift with the home and end keys stretches the selection to the list's
 * end: GTK selects the rows between, so the view takes them all. */
static void
take_all_rows (SdStoryList *self, gboolean before, gboolean after)
{
  guint n_rows = _sd_story_list_rows_get_n_rows (self->rows);

  if (before)
    {
      guint base = _sd_story_list_rows_get_base (self->rows);

      _sd_story_list_rows_grow_front (self->rows, G_MAXUINT);
      _sd_story_list_select_taken (self, 0, base);
    }
  if (after)
    {
      _sd_story_list_rows_grow (self->rows, G_MAXUINT);
      _sd_story_list_select_taken (self, n_rows, G_MAXUINT);
    }
}

/* What is selected, held by id, before the view lets go of its rows
 * (every story, when all are, stays so without). */
static void
hold_selection (SdStoryList *self)
{
  g_autoptr (GArray) ids = NULL;

  if (self->all_selected)
    return;
  ids = sd_story_list_dup_selected_ids (self);
  if (self->held == NULL)
    self->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->held, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
}

/* Home and End: the view takes the rows at that end of the list instead
 * of every row up to it, and its first or last story is selected, as
 * GTK's own does once the view has that end; with Ctrl, as GTK's, the
 * cursor goes there and the selection stays as it was. */
gboolean
_sd_story_list_move_cursor_cb (SdStoryList *self, GtkMovementStep step, int count)
{
  g_autoptr (GtkTreePath) path = NULL;
  guint           n = sd_story_list_get_count (self), base, end, position;
  GdkModifierType state;

  if (step != GTK_MOVEMENT_BUFFER_ENDS || count == 0 || self->rows == NULL || n == 0)
    return FALSE;
  state = view_event_state (self);
  if (state & GDK_SHIFT_MASK)
    {
      gboolean up = (count < 0);
      gboolean down = (count > 0);

      take_all_rows (self, up, down);
      return FALSE;
    }
  base = _sd_story_list_rows_get_base (self->rows);
  end = base + _sd_story_list_rows_get_n_rows (self->rows);
  if (count < 0 ? base == 0 : end == n)
    return FALSE; /* the view has that end: GTK's own */
  g_signal_stop_emission_by_name (self->tree_view, "move-cursor");
  position = count < 0 ? 0 : n - 1;
  self->awaited = 0; /* (as select all) */
  if (state & GDK_CONTROL_MASK)
    hold_selection (self);
  else
    _sd_story_list_forget_all_selected (self);
  self->filling = TRUE;
  _sd_story_list_take_rows_around (self, position);
  path = gtk_tree_path_new_from_indices (position - _sd_story_list_rows_get_base (self->rows), -1);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  if (state & GDK_CONTROL_MASK)
    {
      /* (the cursor set selected its row alone: what was, again) */
      gtk_tree_selection_unselect_all (self->selection);
      _sd_story_list_select_taken (self, 0, G_MAXUINT);
    }
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, FALSE, 0, 0);
  self->filling = FALSE;
  if (!(state & GDK_CONTROL_MASK))
    _sd_story_list_tell_selection (self);
  return TRUE;
}

static int
by_position (gconstpointer a, gconstpointer b, gpointer stories)
{
  guint pa = G_MAXUINT, pb = G_MAXUINT;

  sd_story_list_model_find (stories, *(const gint64 *) a, &pa);
  sd_story_list_model_find (stories, *(const gint64 *) b, &pb);
  return pa < pb ? -1 : pa > pb;
}

GArray *
sd_story_list_dup_selected_ids (SdStoryList *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->rows);
  GArray       *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GList        *rows;

  g_return_val_if_fail (SD_IS_STORY_LIST (self), ids);

  if (model == NULL)
    return ids;
  if (self->all_selected)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

      for (guint i = 0; i < n; i++)
        {
          gint64 id = sd_story_list_model_get_id (self->stories, i);

          if (self->excluded == NULL || !g_hash_table_contains (self->excluded, &id))
            g_array_append_val (ids, id);
        }
      return ids;
    }
  rows = gtk_tree_selection_get_selected_rows (self->selection, NULL);
  for (GList *l = rows; l != NULL; l = l->next)
    {
      GtkTreeIter iter;

      if (gtk_tree_model_get_iter (model, &iter, l->data))
        {
          gint64 id = row_id (model, &iter);
          g_array_append_val (ids, id);
        }
    }
  g_list_free_full (rows, (GDestroyNotify) gtk_tree_path_free);
  if (self->held != NULL)
    {
      GHashTableIter iter;
      gpointer       id;

      g_hash_table_iter_init (&iter, self->held);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_array_append_val (ids, *(gint64 *) id);
      /* (in list order, those held among the rows') */
      if (g_hash_table_size (self->held) > 0)
        g_array_sort_with_data (ids, by_position, self->stories);
    }
  return ids;
}

/* The scroll bar's slider let go of at an end of the view's rows, with
 * more of the list past it: the view takes the rows at that end of the
 * list, as the editor meant (while it was held, it took none: dragged to
 * the top and held there, it took 1,000 rows above at every move until it
 * had them all), what was selected kept selected by id. */
static void
jump_keeping_selection (SdStoryList *self, guint position)
{
  g_autoptr (GtkTreePath) path = NULL;
  guint n_rows;

  self->awaited = 0; /* (as select all) */
  hold_selection (self);
  self->filling = TRUE;
  _sd_story_list_take_rows_around (self, position);
  _sd_story_list_select_taken (self, 0, G_MAXUINT);
  self->filling = FALSE;
  n_rows = _sd_story_list_rows_get_n_rows (self->rows);
  path = gtk_tree_path_new_from_indices (position > 0 ? n_rows - 1 : 0, -1);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, FALSE, 0, 0);
}

static gboolean
bar_pressed_cb (GtkWidget *bar, GdkEventButton *event, SdStoryList *self)
{
  if (event->button == GDK_BUTTON_PRIMARY)
    self->dragging = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
bar_released_cb (GtkWidget *bar, GdkEventButton *event, SdStoryList *self)
{
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (bar));
  double         value = gtk_adjustment_get_value (adjustment);
  guint          base, end, n = sd_story_list_get_count (self);

  if (event->button != GDK_BUTTON_PRIMARY || !self->dragging)
    return GDK_EVENT_PROPAGATE;
  self->dragging = FALSE;
  if (self->rows != NULL && n > 0)
    {
      base = _sd_story_list_rows_get_base (self->rows);
      end = base + _sd_story_list_rows_get_n_rows (self->rows);
      if (value <= gtk_adjustment_get_lower (adjustment) && base > 0)
        jump_keeping_selection (self, 0);
      else if (value >= gtk_adjustment_get_upper (adjustment)
                            - gtk_adjustment_get_page_size (adjustment)
               && end < n)
        jump_keeping_selection (self, n - 1);
    }
  _sd_story_list_grow_later (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
bar_let_go_cb (SdStoryList *self)
{
  self->dragging = FALSE;
  _sd_story_list_grow_later (self);
  return GDK_EVENT_PROPAGATE;
}

static void
bar_unmapped_cb (SdStoryList *self)
{
  bar_let_go_cb (self);
}

void
_sd_story_list_watch_scroll_bar (SdStoryList *self)
{
  GtkWidget *bar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (self));

  g_signal_connect (bar, "button-press-event", G_CALLBACK (bar_pressed_cb), self);
  g_signal_connect (bar, "button-release-event", G_CALLBACK (bar_released_cb), self);
  /* (a release that never comes ends it too: the pointer grabbed away, or
   * the bar unmapped, its grab gone with it without grab-broken) */
  g_signal_connect_swapped (bar, "grab-broken-event", G_CALLBACK (bar_let_go_cb), self);
  g_signal_connect_swapped (bar, "unmap", G_CALLBACK (bar_unmapped_cb), self);
}
