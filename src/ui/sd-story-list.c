/* sd-story-list.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-story-list-private.h"

enum
{
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdStoryList, sd_story_list, GTK_TYPE_SCROLLED_WINDOW)

/* Stories dragged onto a place travel as their ids, "1,2,3". */
#define STORY_IDS_TARGET "application/x-storydesk-story-ids"

static void
drag_data_get_cb (GtkWidget        *widget,
                  GdkDragContext   *context,
                  GtkSelectionData *data,
                  guint             info,
                  guint             time,
                  SdStoryList      *self)
{
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  gtk_selection_data_set (data, gdk_atom_intern_static_string (STORY_IDS_TARGET), 8,
                          (const guchar *) text->str, text->len);
}

/* The rows' menu, made once and kept until the menu changes: one destroyed
 * as it closes would drop its item's action before it runs. */
static GtkMenu *
ensure_popup (SdStoryList *self)
{
  if (self->popup == NULL)
    {
      self->popup = gtk_menu_new_from_model (self->menu);
      gtk_menu_attach_to_widget (GTK_MENU (self->popup), GTK_WIDGET (self->tree_view), NULL);
    }
  return GTK_MENU (self->popup);
}

/* The right button: the row under the pointer joins the selection unless
 * it is in it, and the menu acts on the selection. */
static gboolean
pop_up_menu (SdStoryList *self, GdkEventButton *event, GtkTreePath *path)
{
  if (self->menu == NULL)
    return GDK_EVENT_PROPAGATE;
  if (!gtk_tree_selection_path_is_selected (self->selection, path))
    gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  /* (the cursor's row selected, the menu was made again for it) */
  gtk_menu_popup_at_pointer (ensure_popup (self), (GdkEvent *) event);
  return GDK_EVENT_STOP;
}

static gboolean
destroy_cb (gpointer widget)
{
  gtk_widget_destroy (widget);
  return G_SOURCE_REMOVE;
}

/* Shift+F10 or the Menu key: the menu of the selected rows, at the list. */
static gboolean
popup_menu_cb (GtkWidget *widget, SdStoryList *self)
{
  if (self->menu == NULL || gtk_tree_selection_count_selected_rows (self->selection) == 0)
    return FALSE;
  gtk_menu_popup_at_widget (ensure_popup (self), widget, GDK_GRAVITY_CENTER, GDK_GRAVITY_NORTH_WEST,
                            NULL);
  return TRUE;
}

/* A menu replaced while open goes once its item has run. */
static void
destroy_later (GtkWidget *menu)
{
  g_idle_add (destroy_cb, menu);
}

/* Keeps a multiple selection when a drag starts on it: by default the
 * press would select only the row under the pointer. */
static gboolean
button_press_cb (GtkWidget *widget, GdkEventButton *event, SdStoryList *self)
{
  g_autoptr (GtkTreePath) path = NULL;

  /* on a column's header: which columns show */
  if (gdk_event_triggers_context_menu ((GdkEvent *) event)
      && event->window != gtk_tree_view_get_bin_window (self->tree_view))
    return _sd_story_list_pop_up_columns_menu (self, (GdkEvent *) event);
  if (gdk_event_triggers_context_menu ((GdkEvent *) event)
      && gtk_tree_view_get_path_at_pos (self->tree_view, event->x, event->y, &path, NULL, NULL,
                                        NULL))
    return pop_up_menu (self, event, path);

  if (event->button != GDK_BUTTON_PRIMARY
      || (event->state & gtk_accelerator_get_default_mod_mask ()))
    return GDK_EVENT_PROPAGATE;
  if (!gtk_tree_view_get_path_at_pos (self->tree_view, event->x, event->y, &path, NULL, NULL, NULL))
    return GDK_EVENT_PROPAGATE;
  if (gtk_tree_selection_count_selected_rows (self->selection) > 1
      && gtk_tree_selection_path_is_selected (self->selection, path))
    {
      /* the keys (Shift+F10, Delete) still go to the list */
      gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
selection_changed_cb (SdStoryList *self)
{
  if (!self->filling)
    {
      self->awaited = 0; /* the editor chose */
      _sd_story_list_selection_edited (self);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

/* The selection changed, not by the editor's hand on a row. */
void
_sd_story_list_tell_selection (SdStoryList *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
sd_story_list_dispose (GObject *object)
{
  SdStoryList *self = SD_STORY_LIST (object);

  g_clear_handle_id (&self->grow_idle, g_source_remove);
  if (self->stories != NULL)
    g_signal_handlers_disconnect_by_data (self->stories, self);
  g_clear_object (&self->stories);
  g_clear_object (&self->rows);
  g_clear_object (&self->menu);
  g_clear_object (&self->columns_menu);
  g_clear_object (&self->settings);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->listed, g_array_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);

  G_OBJECT_CLASS (sd_story_list_parent_class)->dispose (object);
}

static void
sd_story_list_class_init (SdStoryListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sd_story_list_dispose;

  /**
   * SdStoryList::selection-changed:
   *
   * Another story, or none, is selected.
   */
  signals[SELECTION_CHANGED] =
      g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-story-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, tree_view);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, selection);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, status_column);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, story_column);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, date_column);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, paper_column);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, page_column);
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, place_column);
  gtk_widget_class_bind_template_callback_full (widget_class, "column_clicked_cb",
                                                G_CALLBACK (_sd_story_list_column_clicked_cb));
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void     grow_later (SdStoryList *self);
static gboolean drawn_cb (SdStoryList *self);

static void
sd_story_list_init (SdStoryList *self)
{
  static const GtkTargetEntry targets[] = { { (char *) STORY_IDS_TARGET, GTK_TARGET_SAME_APP, 0 } };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_tree_view_enable_model_drag_source (self->tree_view, GDK_BUTTON1_MASK, targets,
                                          G_N_ELEMENTS (targets), GDK_ACTION_MOVE);
  g_signal_connect (self->tree_view, "drag-data-get", G_CALLBACK (drag_data_get_cb), self);
  g_signal_connect (self->tree_view, "button-press-event", G_CALLBACK (button_press_cb), self);
  g_signal_connect (self->tree_view, "popup-menu", G_CALLBACK (popup_menu_cb), self);
  /* (swapped: the first arguments are the same in every GTK 3 version) */
  g_signal_connect_swapped (self->tree_view, "select-all",
                            G_CALLBACK (_sd_story_list_select_all_cb), self);
  g_signal_connect_swapped (self->tree_view, "move-cursor",
                            G_CALLBACK (_sd_story_list_move_cursor_cb), self);
  g_signal_connect_object (self->tree_view, "draw", G_CALLBACK (drawn_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self)),
                            "value-changed", G_CALLBACK (grow_later), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self)),
                            "changed", G_CALLBACK (grow_later), self);
  _sd_story_list_watch_scroll_bar (self);
}

/* The view has a run of the list's rows: its first ones, or those around
 * the editor's story however far down it is.  More follow, a slice at a
 * time between redraws, as the editor scrolls towards either end of those
 * it has: it keeps as many again past the last one shown (AHEAD_ROWS at
 * least) and AHEAD_ROWS above the first, never the whole of a long list
 * (the home and end keys move the run, select all selects by id:
 * sd-story-list-jumps.c; only Shift with Home or End takes every row).
 * A row costs the view a node (48 bytes, 53 MB for a million), and the
 * view's accessible is told of every row and column it takes or lets go
 * of (a model set with 2,000 rows of three columns: 4.4 ms of the main
 * thread with the accessible, 0.3 ms without; 5–10 ms with an AT-SPI
 * bridge), whether or not a screen reader listens, since GTK makes the
 * accessible of the widget with the focus: so what the view holds stays
 * in proportion to what was shown, a few screens, not to how far down the
 * story is (1,000 each way until session 14: a search cleared took 2,000
 * rows in its landing, and every key let go of them). */
#define FIRST_ROWS 300
#define AHEAD_ROWS 300
#define SLICE_US 8000

/* How many rows the view should have from its first now: up to the one
 * shown last, and as many again. */
static guint
rows_wanted (SdStoryList *self)
{
  g_autoptr (GtkTreePath) end = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories)), last = 0;

  n -= MIN (n, _sd_story_list_rows_get_base (self->rows));
  if (gtk_tree_view_get_visible_range (self->tree_view, NULL, &end))
    last = gtk_tree_path_get_indices (end)[0];
  return MIN (n, MAX (FIRST_ROWS, last + 1 + MAX (AHEAD_ROWS, last + 1)));
}

/* How many rows the view should take before its first now: up to
 * AHEAD_ROWS above the one shown first, once it has under half that. */
static guint
rows_wanted_before (SdStoryList *self)
{
  g_autoptr (GtkTreePath) start = NULL;
  guint first = 0;

  /* (the view still shows its top, its scroll to the editor's story to
   * come with its next frame) */
  if (self->placing)
    return 0;
  if (gtk_tree_view_get_visible_range (self->tree_view, &start, NULL))
    first = gtk_tree_path_get_indices (start)[0];
  return first >= AHEAD_ROWS / 2
             ? 0
             : MIN (_sd_story_list_rows_get_base (self->rows), AHEAD_ROWS - first);
}

/* The view takes @n more rows before its first, what is shown staying
 * where it is: GTK keeps its top row in place only at times, so the rows
 * are scrolled down by as much as the first one shown moved, the scroll's
 * range grown first, before the view's next allocation does. */
static void
grow_front_in_place (SdStoryList *self, guint n)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->tree_view));
  g_autoptr (GtkTreePath) start = NULL;
  GdkRectangle before, after;
  guint        base = _sd_story_list_rows_get_base (self->rows);
  double       shift;

  if (!gtk_widget_get_realized (GTK_WIDGET (self->tree_view))
      || !gtk_tree_view_get_visible_range (self->tree_view, &start, NULL))
    {
      _sd_story_list_rows_grow_front (self->rows, n);
      return;
    }
  gtk_tree_view_get_background_area (self->tree_view, start, NULL, &before);
  _sd_story_list_rows_grow_front (self->rows, n);
  for (guint i = _sd_story_list_rows_get_base (self->rows); i < base; i++)
    gtk_tree_path_next (start);
  gtk_tree_view_get_background_area (self->tree_view, start, NULL, &after);
  shift = after.y - before.y;
  if (shift > 0)
    {
      gtk_adjustment_set_upper (adjustment, gtk_adjustment_get_upper (adjustment) + shift);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
    }
}

static gboolean
grow_cb (gpointer data)
{
  SdStoryList *self = data;
  guint        wanted = rows_wanted (self), before = rows_wanted_before (self);
  gint64       until = g_get_monotonic_time () + SLICE_US;
  guint        shown;

  while (before > 0 && g_get_monotonic_time () < until)
    {
      guint n = MIN (250, before);

      grow_front_in_place (self, n);
      _sd_story_list_select_taken (self, 0, n);
      before -= n;
    }
  while ((shown = _sd_story_list_rows_get_n_rows (self->rows)) < wanted
         && g_get_monotonic_time () < until)
    {
      _sd_story_list_rows_grow (self->rows, MIN (250, wanted - shown));
      _sd_story_list_select_taken (self, shown, G_MAXUINT);
    }
  if (before > 0 || shown < wanted)
    return G_SOURCE_CONTINUE;
  self->grow_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
grow_later (SdStoryList *self)
{
  /* (the scroll bar's slider held: what it is taken to is settled when it
   * is let go, sd-story-list-jumps.c) */
  if (self->grow_idle == 0 && self->rows != NULL && !self->dragging
      && (_sd_story_list_rows_get_n_rows (self->rows) < rows_wanted (self)
          || rows_wanted_before (self) > 0))
    self->grow_idle = g_idle_add_full (G_PRIORITY_LOW, grow_cb, self, NULL);
}

void
_sd_story_list_grow_later (SdStoryList *self)
{
  grow_later (self);
}

/* Puts the cursor on the story the editor was reading; else on the first
 * one, so the article view is never blank while there are stories. */
static void
restore_cursor (SdStoryList *self, gint64 selected)
{
  g_autoptr (GtkTreePath) path = NULL;
  guint position = 0, base;

  if (self->rows == NULL || _sd_story_list_rows_get_n_rows (self->rows) == 0)
    return;
  base = _sd_story_list_rows_get_base (self->rows);
  if (selected == 0 || !sd_story_list_model_find (self->stories, selected, &position)
      || position < base || position - base >= _sd_story_list_rows_get_n_rows (self->rows))
    position = base;
  path = gtk_tree_path_new_from_indices (position - base, -1);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, FALSE, 0, 0);
}

/* The view takes the model's rows around @position anew (its first ones
 * for 0): AHEAD_ROWS above it, where there are, and FIRST_ROWS from it. */
void
_sd_story_list_take_rows_around (SdStoryList *self, guint position)
{
  guint base = position > AHEAD_ROWS ? position - AHEAD_ROWS : 0;

  g_clear_handle_id (&self->grow_idle, g_source_remove);
  gtk_tree_view_set_model (self->tree_view, NULL);
  _sd_story_list_rows_reset (self->rows, base, position - base + FIRST_ROWS);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->rows));
  self->placing = TRUE;
}

/* The view drawn: scrolled where it was asked to, the rows above what it
 * shows may come. */
static gboolean
drawn_cb (SdStoryList *self)
{
  if (self->placing)
    {
      self->placing = FALSE;
      grow_later (self);
    }
  return FALSE;
}

/* A new list: the view takes it, keeping the editor's story, and the rows
 * are made as they are drawn. */
static void
fill_all (SdStoryList *self)
{
  gint64   selected = self->awaited != 0 ? self->awaited : sd_story_list_get_selected (self);
  guint    position = 0;
  gboolean found = selected != 0 && sd_story_list_model_find (self->stories, selected, &position);

  /* the editor's story may be far down a long list (the first of a
   * search, found again in every story when the search is cleared): the
   * view takes the rows around it, and those above as the editor scrolls */
  self->filling = TRUE;
  _sd_story_list_forget_all_selected (self);
  _sd_story_list_take_rows_around (self, found ? position : 0);
  /* Only a list's first rows so far, without the editor's story: it may
   * come with the rest (rest_landed ()), and the article stays on it. */
  self->awaited = 0;
  if (selected != 0 && !found && sd_story_list_model_is_reading (self->stories))
    {
      self->awaited = selected;
      grow_later (self);
      self->filling = FALSE;
      return;
    }
  restore_cursor (self, selected);
  grow_later (self);
  self->filling = FALSE;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Tells the view's rows of a change to the list, saying nothing of the
 * selection while they move. */
static void
tell_rows (SdStoryList *self, guint position, guint removed, guint added)
{
  self->filling = TRUE;
  _sd_story_list_note_change (self, position, removed, added);
  _sd_story_list_rows_change (self->rows, position, removed, added);
  self->filling = FALSE;
  _sd_story_list_select_taken (self, 0, G_MAXUINT);
  grow_later (self);
}

/* Some stories changed, came or went, or their rows were read: the rows
 * around them stay, with the selection and the scroll. */
static void
change_rows (SdStoryList *self, guint position, guint removed, guint added)
{
  gint64 selected = sd_story_list_get_selected (self);

  tell_rows (self, position, removed, added);
  if (removed > added)
    {
      /* The editor's story went (joined onto another): open the first.
       * (None before, or several held: a story held that went leaves the
       * others selected.) */
      if (selected != 0 && sd_story_list_get_selected (self) != selected)
        restore_cursor (self, selected);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

/* The rest of a list after its first rows, the editor's story awaited:
 * found, the view takes the list as fill_all () takes a new one, down to
 * it in one reset (told of every row down to it, GTK took 400 ms for
 * 60,000); not in the list, the change is told as any other (the rows the
 * view has stay) and the first story is opened. */
static void
rest_landed (SdStoryList *self, guint position, guint removed, guint added)
{
  if (sd_story_list_model_find (self->stories, self->awaited, NULL))
    {
      fill_all (self);
      return;
    }
  self->awaited = 0;
  /* (not change_rows (), which would say the selection changed too, and
   * the first story would open twice) */
  if (removed > 0 || added > 0)
    tell_rows (self, position, removed, added);
  self->filling = TRUE;
  restore_cursor (self, 0);
  self->filling = FALSE;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, SdStoryList *self)
{
  guint n_before = g_list_model_get_n_items (model) - added + removed;

  if (position == 0 && removed == n_before)
    fill_all (self);
  else if (self->awaited != 0 && !sd_story_list_model_is_reading (self->stories))
    rest_landed (self, position, removed, added);
  else
    change_rows (self, position, removed, added);
}

/* The loaded list brought no change after its first rows (it was no
 * longer than them), and the editor's story was awaited. */
static void
loaded_cb (SdStoryListModel *stories, SdStoryList *self)
{
  if (self->awaited != 0 && self->rows != NULL)
    rest_landed (self, 0, 0, 0);
}

void
sd_story_list_set_model (SdStoryList *self, SdStoryListModel *stories)
{
  g_return_if_fail (SD_IS_STORY_LIST (self));
  g_return_if_fail (SD_IS_STORY_LIST_MODEL (stories));

  if (self->stories != NULL)
    g_signal_handlers_disconnect_by_data (self->stories, self);
  g_set_object (&self->stories, stories);
  g_clear_handle_id (&self->grow_idle, g_source_remove);
  gtk_tree_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->rows);
  self->rows = _sd_story_list_rows_new (stories);
  _sd_story_list_rows_set_library (self->rows, self->library);
  g_signal_connect (stories, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), self);
  if (self->settings != NULL)
    {
      g_autofree char *sort = g_settings_get_string (self->settings, "story-list-sort");
      sd_story_list_model_set_sort (
          stories, sd_story_sort_from_string (sort),
          g_settings_get_boolean (self->settings, "story-list-sort-descending"));
    }
  fill_all (self);
}

gint64
sd_story_list_get_selected (SdStoryList *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->rows);
  g_autoptr (GtkTreePath) cursor = NULL;
  GtkTreeIter iter;
  gint64      id = 0;
  GList      *rows;

  g_return_val_if_fail (SD_IS_STORY_LIST (self), 0);

  if (model == NULL)
    return 0;
  gtk_tree_view_get_cursor (self->tree_view, &cursor, NULL);
  if (cursor != NULL && gtk_tree_selection_path_is_selected (self->selection, cursor)
      && gtk_tree_model_get_iter (model, &iter, cursor))
    {
      gtk_tree_model_get (model, &iter, COLUMN_ID, &id, -1);
      return id;
    }
  rows = gtk_tree_selection_get_selected_rows (self->selection, NULL);
  if (rows != NULL && gtk_tree_model_get_iter (model, &iter, rows->data))
    gtk_tree_model_get (model, &iter, COLUMN_ID, &id, -1);
  g_list_free_full (rows, (GDestroyNotify) gtk_tree_path_free);
  /* (a story selected whose row the view let go of) */
  return id != 0 ? id : _sd_story_list_get_held (self);
}

guint
sd_story_list_get_count (SdStoryList *self)
{
  g_return_val_if_fail (SD_IS_STORY_LIST (self), 0);
  return self->stories != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->stories)) : 0;
}

/* Selects and shows the row of story @id; FALSE when the list does not
 * hold it. */
gboolean
sd_story_list_select_story (SdStoryList *self, gint64 id)
{
  g_autoptr (GtkTreePath) path = NULL;
  guint position, base, end;

  g_return_val_if_fail (SD_IS_STORY_LIST (self), FALSE);

  if (self->stories == NULL || !sd_story_list_model_find (self->stories, id, &position))
    return FALSE;
  _sd_story_list_forget_all_selected (self);
  /* (a story the view has not taken yet: the rows up to it when they are
   * few, else the rows around it instead of those it has) */
  base = _sd_story_list_rows_get_base (self->rows);
  end = base + _sd_story_list_rows_get_n_rows (self->rows);
  if (position < base && base - position <= AHEAD_ROWS)
    _sd_story_list_rows_grow_front (self->rows, base - position);
  else if (position >= end && position - end < AHEAD_ROWS)
    _sd_story_list_rows_grow (self->rows, position + 1 - end);
  else if (position < base || position >= end)
    {
      self->filling = TRUE;
      _sd_story_list_take_rows_around (self, position);
      self->filling = FALSE;
    }
  path = gtk_tree_path_new_from_indices (position - _sd_story_list_rows_get_base (self->rows), -1);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, TRUE, 0.3, 0);
  return TRUE;
}

/* @menu: (nullable) what the right button offers on the selected stories */
void
sd_story_list_set_menu (SdStoryList *self, GMenuModel *menu)
{
  g_return_if_fail (SD_IS_STORY_LIST (self));
  g_set_object (&self->menu, menu);
  /* a menu open keeps its model until it closes */
  if (self->popup != NULL && !gtk_widget_get_visible (self->popup))
    g_clear_pointer (&self->popup, gtk_widget_destroy);
  else if (self->popup != NULL)
    {
      g_signal_connect (self->popup, "deactivate", G_CALLBACK (destroy_later), NULL);
      self->popup = NULL;
    }
}

static void
library_changed_cb (SdLibraryModel *library, SdLibraryModelParts parts, SdStoryList *self)
{
  /* a tag got a colour (or another one): the chips again, as the rows
   * are drawn */
  if (parts & SD_LIBRARY_MODEL_TAGS)
    gtk_widget_queue_draw (GTK_WIDGET (self->tree_view));
}

/* @library: where the rows find their tags' colours */
void
sd_story_list_set_library (SdStoryList *self, SdLibraryModel *library)
{
  g_return_if_fail (SD_IS_STORY_LIST (self));
  g_return_if_fail (SD_IS_LIBRARY_MODEL (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (self->rows != NULL)
    _sd_story_list_rows_set_library (self->rows, library);
  g_signal_connect (library, "changed", G_CALLBACK (library_changed_cb), self);
}
