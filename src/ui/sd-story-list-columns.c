/* sd-story-list-columns.c — the story list's columns: a click on a header
 * orders the rows by it, and which columns show (the headers' context menu
 * or the window's menu), both kept in GSettings
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list"

#include "config.h"

#include "sd-story-list-private.h"

static GtkTreeViewColumn *
column_of_sort (SdStoryList *self, SdStorySort sort)
{
  GtkTreeViewColumn *columns[] = { self->story_column, self->date_column,  self->paper_column,
                                   self->page_column,  self->place_column, self->status_column };

  return columns[sort < G_N_ELEMENTS (columns) ? sort : 0];
}

/* The header's arrow says what the rows are ordered by. */
static void
show_sort (SdStoryList *self, SdStorySort sort, gboolean descending)
{
  for (SdStorySort s = SD_STORY_SORT_NONE; s <= SD_STORY_SORT_STATUS; s++)
    gtk_tree_view_column_set_sort_indicator (column_of_sort (self, s),
                                             s == sort && sort != SD_STORY_SORT_NONE);
  gtk_tree_view_column_set_sort_order (column_of_sort (self, sort),
                                       descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
apply_sort (SdStoryList *self, SdStorySort sort, gboolean descending)
{
  show_sort (self, sort, descending);
  if (self->stories != NULL)
    sd_story_list_model_set_sort (self->stories, sort, descending);
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "story-list-sort", sd_story_sort_to_string (sort));
      g_settings_set_boolean (self->settings, "story-list-sort-descending", descending);
    }
}

/* A header clicked: rows by that column; again: the other way round.  The
 * story column goes back to page order (or a search's ranking). */
void
_sd_story_list_column_clicked_cb (GtkTreeViewColumn *column, SdStoryList *self)
{
  SdStorySort sort = SD_STORY_SORT_NONE, current = SD_STORY_SORT_NONE;
  gboolean    descending = FALSE;

  for (SdStorySort s = SD_STORY_SORT_NONE; s <= SD_STORY_SORT_STATUS; s++)
    if (column_of_sort (self, s) == column)
      sort = s;
  if (self->stories != NULL)
    current = sd_story_list_model_get_sort (self->stories, &descending);
  descending = sort == current && sort != SD_STORY_SORT_NONE ? !descending : FALSE;
  apply_sort (self, sort, descending);
}

gboolean
_sd_story_list_pop_up_columns_menu (SdStoryList *self, GdkEvent *event)
{
  if (self->columns_menu == NULL)
    return GDK_EVENT_PROPAGATE;
  /* made once and kept: a menu destroyed as it closes would drop the
   * check item's action before it runs */
  if (self->columns_popup == NULL)
    {
      self->columns_popup = gtk_menu_new_from_model (self->columns_menu);
      gtk_menu_attach_to_widget (GTK_MENU (self->columns_popup), GTK_WIDGET (self->tree_view),
                                 NULL);
    }
  gtk_menu_popup_at_pointer (GTK_MENU (self->columns_popup), event);
  return GDK_EVENT_STOP;
}

/* @settings: where the chosen sort is kept (story-list-sort and
 * story-list-sort-descending) and which columns show (list-column-*); the
 * list takes what is kept there, and follows it. */
void
sd_story_list_set_settings (SdStoryList *self, GSettings *settings)
{
  static const struct
  {
    const char *key;
    gsize       offset;
  } shown[] = {
    { "list-column-status", G_STRUCT_OFFSET (SdStoryList, status_column) },
    { "list-column-date", G_STRUCT_OFFSET (SdStoryList, date_column) },
    { "list-column-paper", G_STRUCT_OFFSET (SdStoryList, paper_column) },
    { "list-column-page", G_STRUCT_OFFSET (SdStoryList, page_column) },
    { "list-column-place", G_STRUCT_OFFSET (SdStoryList, place_column) },
  };
  g_autofree char *sort = NULL;

  g_return_if_fail (SD_IS_STORY_LIST (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_settings_bind (settings, shown[i].key,
                     *(GtkTreeViewColumn **) ((char *) self + shown[i].offset), "visible",
                     G_SETTINGS_BIND_GET);
  sort = g_settings_get_string (settings, "story-list-sort");
  apply_sort (self, sd_story_sort_from_string (sort),
              g_settings_get_boolean (settings, "story-list-sort-descending"));
}

/* @menu: (nullable) the headers' context menu: which columns show */
void
sd_story_list_set_columns_menu (SdStoryList *self, GMenuModel *menu)
{
  g_return_if_fail (SD_IS_STORY_LIST (self));
  g_set_object (&self->columns_menu, menu);
}

/* The sort as GSettings keeps it. */
static const char *const sort_names[] = { "none", "date", "paper", "page", "place", "status" };

SdStorySort
sd_story_sort_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (name, sort_names[i]) == 0)
      return i;
  return SD_STORY_SORT_NONE;
}

const char *
sd_story_sort_to_string (SdStorySort sort)
{
  return sort < G_N_ELEMENTS (sort_names) ? sort_names[sort] : sort_names[0];
}
