/* sd-story-list.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-gazetteer.h"
#include "sd-library-model.h"
#include "sd-story-item.h"
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

static const char *
status_icon_name (SdStoryStatus status)
{
  switch (status)
    {
    case SD_STORY_STATUS_REVIEWED:
      return "emblem-ok-symbolic";
    case SD_STORY_STATUS_NEEDS_WORK:
      return "document-edit-symbolic";
    case SD_STORY_STATUS_REJECTED:
      return "action-unavailable-symbolic";
    case SD_STORY_STATUS_NEW:
    default:
      return NULL;
    }
}

/* The place as an editor says it: 苏州市 吴江区 黎里镇. */
static char *
dup_place_label (const SdStory *story)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *place =
      story->place_code != NULL ? sd_gazetteer_lookup (gazetteer, story->place_code) : NULL;
  const SdPlace *city = NULL, *district = NULL, *town = NULL;

  if (place == NULL)
    return g_strdup (_("Unplaced"));
  if (place->level == SD_PLACE_LEVEL_PROVINCE)
    return g_strdup (place->name);
  sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);
  return g_strjoin (" ", city ? city->name : "", district ? district->name : "",
                    town ? town->name : "", NULL);
}

/* @text as markup, the search's words in it marked. */
static char *
markup_with_terms (const char *text, const char *const *terms)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *best = NULL;
      gsize       best_len = 0;

      for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
        {
          const char *found = *terms[i] != '\0' ? strstr (p, terms[i]) : NULL;
          if (found != NULL && (best == NULL || found < best))
            {
              best = found;
              best_len = strlen (terms[i]);
            }
        }
      if (best == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (markup, rest);
          break;
        }
      {
        g_autofree char *before = g_markup_escape_text (p, best - p);
        g_autofree char *match = g_markup_escape_text (best, best_len);
        g_string_append_printf (markup,
                                "%s<span background=\"#f9e784\" foreground=\"#241f31\">%s</span>",
                                before, match);
      }
      p = best + best_len;
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
fill_row (SdStoryList *self, GtkTreeIter *iter, const SdStory *story)
{
  g_autofree char *title = sd_story_dup_title (story);
  g_autofree char *place = dup_place_label (story);
  g_autofree char *issue = sd_story_dup_issue_label (story);
  g_autoptr (GString) markup = g_string_new (NULL);

  g_autoptr (GString) chips = g_string_new (NULL);

  /* the tags first on the second line, before the page and place the
   * columns may show too: at the list's narrow default width the end of
   * the line is cut off */
  for (guint i = 0; story->tags != NULL && i < story->tags->len; i++)
    {
      const char      *name = g_ptr_array_index (story->tags, i);
      const char      *color = NULL;
      g_autofree char *tag = NULL;
      GdkRGBA          rgba;

      if (self->library != NULL)
        color = sd_library_model_lookup_tag_color (self->library, name);
      if (color == NULL || !gdk_rgba_parse (&rgba, color))
        tag = g_markup_printf_escaped (
            "<span background=\"#dce8f8\" foreground=\"#1c3f6e\"> %s </span> ", name);
      else /* the tag's own colour, the text dark or light on it */
        tag = g_markup_printf_escaped (
            "<span background=\"%s\" foreground=\"%s\"> %s </span> ", color,
            0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue > 0.5 ? "#241f31"
                                                                               : "#ffffff",
            name);
      g_string_append (chips, tag);
    }
  {
    /* lang: Han text takes Simplified Chinese forms whatever the locale
     * (markup replaces a renderer's own attributes, so it goes here). */
    g_autofree char *marked =
        markup_with_terms (title, sd_story_list_model_get_terms (self->stories));
    /* where it was printed when known, else the page's file */
    g_autofree char *tail =
        issue != NULL ? g_markup_printf_escaped ("%s · %s", issue, g_strstrip (place))
                      : g_markup_printf_escaped ("%s · %s", g_strstrip (place), story->source_file);
    g_string_append_printf (markup, "<span lang=\"zh-cn\"><b>%s</b>\n<small>%s%s", marked,
                            chips->str, tail);
  }
  g_string_append (markup, "</small></span>");

  gtk_list_store_set (self->model, iter, COLUMN_ID, story->id, COLUMN_MARKUP, markup->str,
                      COLUMN_STATUS_ICON, status_icon_name (story->status), COLUMN_STATUS_LABEL,
                      sd_story_status_to_label (story->status), COLUMN_TITLE, title, COLUMN_DATE,
                      story->issue_date, COLUMN_PAPER, story->paper, COLUMN_PAGE, story->page_no,
                      COLUMN_PLACE, place, -1);
}

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
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
sd_story_list_dispose (GObject *object)
{
  SdStoryList *self = SD_STORY_LIST (object);

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  if (self->stories != NULL)
    g_signal_handlers_disconnect_by_data (self->stories, self);
  g_clear_object (&self->stories);
  g_clear_object (&self->menu);
  g_clear_object (&self->columns_menu);
  g_clear_object (&self->settings);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);

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
  gtk_widget_class_bind_template_child (widget_class, SdStoryList, model);
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
}

/* Rows added at once before the list shows; the rest follow in slices
 * between redraws, so a node of 100,000 stories opens without a pause. */
#define FIRST_ROWS 400
#define ROWS_PER_SLICE 4000

static void
insert_rows (SdStoryList *self, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      GtkTreeIter iter;

      gtk_list_store_insert_with_values (self->model, &iter, i, -1);
      fill_row (self, &iter, sd_story_list_model_get_story (self->stories, i));
    }
}

static gboolean
append_slice_cb (gpointer data)
{
  SdStoryList *self = data;
  guint        n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  guint        to = MIN (self->n_rows + ROWS_PER_SLICE, n);

  insert_rows (self, self->n_rows, to);
  self->n_rows = to;
  if (to < n)
    return G_SOURCE_CONTINUE;
  self->fill_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Keeps the story the editor was reading; else opens the first one, so the
 * article view is never blank while there are stories. */
static void
restore_cursor (SdStoryList *self, gint64 selected)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->model);
  g_autoptr (GtkTreePath) path = NULL;
  GtkTreeIter iter;
  gboolean    valid = gtk_tree_model_get_iter_first (model, &iter);

  if (!valid)
    return;
  path = gtk_tree_path_new_first ();
  for (; selected != 0 && valid; valid = gtk_tree_model_iter_next (model, &iter))
    {
      gint64 id;
      gtk_tree_model_get (model, &iter, COLUMN_ID, &id, -1);
      if (id == selected)
        {
          gtk_tree_path_free (path);
          path = gtk_tree_model_get_path (model, &iter);
          break;
        }
    }
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, FALSE, 0, 0);
}

/* A new list: every row again, keeping the editor's story. */
static void
fill_all (SdStoryList *self)
{
  gint64 selected = sd_story_list_get_selected (self);
  guint  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  self->filling = TRUE;
  g_object_ref (self->model);
  gtk_tree_view_set_model (self->tree_view, NULL);
  gtk_list_store_clear (self->model);

  /* The editor's story may be far down a long list: then it all goes in
   * at once, else the first rows now and the rest in slices. */
  self->n_rows = n;
  if (n > FIRST_ROWS)
    {
      self->n_rows = FIRST_ROWS;
      for (guint i = FIRST_ROWS; selected != 0 && i < n; i++)
        if (sd_story_list_model_get_story (self->stories, i)->id == selected)
          self->n_rows = n;
    }
  insert_rows (self, 0, self->n_rows);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->model));
  g_object_unref (self->model);
  restore_cursor (self, selected);
  if (self->n_rows < n)
    self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, append_slice_cb, self, NULL);
  self->filling = FALSE;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Some stories changed, came or went: the rows around them stay, with the
 * selection and the scroll.  Rows not filled yet come from the model. */
static void
change_rows (SdStoryList *self, guint position, guint removed, guint added)
{
  gint64 selected = sd_story_list_get_selected (self);
  guint  shown_removed, common;

  if (position >= self->n_rows && self->fill_idle != 0)
    return;
  shown_removed = MIN (removed, self->n_rows - position);
  common = MIN (shown_removed, added);

  self->filling = TRUE;
  for (guint i = position; i < position + common; i++)
    {
      GtkTreeIter iter;

      gtk_tree_model_iter_nth_child (GTK_TREE_MODEL (self->model), &iter, NULL, i);
      fill_row (self, &iter, sd_story_list_model_get_story (self->stories, i));
    }
  for (guint i = common; i < shown_removed; i++)
    {
      GtkTreeIter iter;

      gtk_tree_model_iter_nth_child (GTK_TREE_MODEL (self->model), &iter, NULL, position + common);
      gtk_list_store_remove (self->model, &iter);
    }
  insert_rows (self, position + common, position + added);
  self->n_rows = self->n_rows - shown_removed + added;
  self->filling = FALSE;

  if (shown_removed > common)
    {
      /* The editor's story went (joined onto another): open the first. */
      if (sd_story_list_get_selected (self) != selected)
        restore_cursor (self, selected);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, SdStoryList *self)
{
  guint n_before = g_list_model_get_n_items (model) - added + removed;

  if (position == 0 && removed == n_before)
    fill_all (self);
  else
    change_rows (self, position, removed, added);
}

void
sd_story_list_set_model (SdStoryList *self, SdStoryListModel *stories)
{
  g_return_if_fail (SD_IS_STORY_LIST (self));
  g_return_if_fail (SD_IS_STORY_LIST_MODEL (stories));

  if (self->stories != NULL)
    g_signal_handlers_disconnect_by_data (self->stories, self);
  g_set_object (&self->stories, stories);
  g_signal_connect (stories, "items-changed", G_CALLBACK (items_changed_cb), self);
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
  GtkTreeModel *model = GTK_TREE_MODEL (self->model);
  g_autoptr (GtkTreePath) cursor = NULL;
  GtkTreeIter iter;
  gint64      id = 0;
  GList      *rows;

  g_return_val_if_fail (SD_IS_STORY_LIST (self), 0);

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
  return id;
}

GArray *
sd_story_list_dup_selected_ids (SdStoryList *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->model);
  GArray       *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GList        *rows;

  g_return_val_if_fail (SD_IS_STORY_LIST (self), ids);

  rows = gtk_tree_selection_get_selected_rows (self->selection, NULL);
  for (GList *l = rows; l != NULL; l = l->next)
    {
      GtkTreeIter iter;
      gint64      id;

      if (!gtk_tree_model_get_iter (model, &iter, l->data))
        continue;
      gtk_tree_model_get (model, &iter, COLUMN_ID, &id, -1);
      g_array_append_val (ids, id);
    }
  g_list_free_full (rows, (GDestroyNotify) gtk_tree_path_free);
  return ids;
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
  GtkTreeModel *model = GTK_TREE_MODEL (self->model);
  GtkTreeIter   iter;
  gboolean      valid;

  g_return_val_if_fail (SD_IS_STORY_LIST (self), FALSE);

  for (valid = gtk_tree_model_get_iter_first (model, &iter); valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      g_autoptr (GtkTreePath) path = NULL;
      gint64 row_id;

      gtk_tree_model_get (model, &iter, COLUMN_ID, &row_id, -1);
      if (row_id != id)
        continue;
      path = gtk_tree_model_get_path (model, &iter);
      gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
      gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, TRUE, 0.3, 0);
      return TRUE;
    }
  return FALSE;
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
  /* a tag got a colour (or another one): the chips again */
  if ((parts & SD_LIBRARY_MODEL_TAGS) && self->stories != NULL)
    fill_all (self);
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
  g_signal_connect (library, "changed", G_CALLBACK (library_changed_cb), self);
}
