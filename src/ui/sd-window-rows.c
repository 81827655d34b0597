/* sd-window-rows.c — the story list's context menu on the selected rows:
 * 状态 (a radio item each), 标签 (the coloured tags, else the most used,
 * each a check item), 移至地区… (the place chooser), each acting on every
 * selected story in one undo step; then export and delete; and the
 * inspector brought up to date once the story shown is painted
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-frame-probe.h"
#include "sd-place-chooser.h"
#include "sd-story-list-model.h"
#include "sd-window-private.h"

/* As many tags as there are tag keys: the menu stays short. */
#define N_ROW_TAGS 9

/* The tags the menu offers: those with a colour, by name (the tag keys'),
 * then the most used. (element-type utf8) (transfer container) */
static GPtrArray *
dup_row_tags (SdWindow *self)
{
  GPtrArray *tags = sd_library_model_get_tags (self->library);
  GPtrArray *offered = _sd_window_dup_keyed_tags (self);

  for (guint i = 0; tags != NULL && i < tags->len && offered->len < N_ROW_TAGS; i++)
    if (!g_ptr_array_find_with_equal_func (offered, g_ptr_array_index (tags, i), g_str_equal, NULL))
      g_ptr_array_add (offered, g_ptr_array_index (tags, i));
  return offered;
}

static GAction *
lookup (SdWindow *self, const char *name)
{
  return g_action_map_lookup_action (G_ACTION_MAP (self), name);
}

static void
row_status_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  g_autoptr (GError) error = NULL;
  SdStoryStatus status;

  if (ids->len == 0
      || !sd_story_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;
  sd_story_inspector_flush (self->inspector);
  if (!sd_edit_history_set_status_of (self->history, (gint64 *) ids->data, ids->len, status,
                                      &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  g_simple_action_set_state (action, parameter);
}

/* On when a selected story lacks the tag, else off: one undo step. */
static void
row_tag_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) state = g_action_get_state (G_ACTION (action));
  /* row-tag-N is the menu's Nth tag */
  guint       n = g_ascii_strtoull (g_action_get_name (G_ACTION (action)) + 8, NULL, 10);
  const char *tag = self->row_tags != NULL && n >= 1 && n <= self->row_tags->len
                        ? g_ptr_array_index (self->row_tags, n - 1)
                        : NULL;
  gboolean    all = g_variant_get_boolean (state), ok;

  if (ids->len == 0 || tag == NULL)
    return;
  ok = all ? sd_edit_history_remove_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error)
           : sd_edit_history_add_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error);
  if (!ok)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  g_simple_action_set_state (action, g_variant_new_boolean (!all));
}

static void
place_chosen_cb (SdWindow *self, const char *code)
{
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  g_autoptr (GError) error = NULL;

  if (ids->len > 0
      && !sd_edit_history_set_place_of (self->history, (gint64 *) ids->data, ids->len, code,
                                        &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
}

/* 移至地区…: the place chooser the tagging panel uses, over the list. */
static void
move_stories_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow  *self = user_data;
  GtkWidget *chooser = sd_place_chooser_new (GTK_WIDGET (self->story_list));
  SdStory   *story = sd_story_model_get_story (self->shown);

  sd_place_chooser_set_current (SD_PLACE_CHOOSER (chooser),
                                story != NULL ? story->place_code : NULL);
  g_signal_connect_object (chooser, "place-chosen", G_CALLBACK (place_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (chooser, "closed", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_popover_popup (GTK_POPOVER (chooser));
}

static const GActionEntry row_entries[] = {
  { "row-status", row_status_activated, "s", "'new'" },
  { "move-stories", move_stories_activated },
};

void
_sd_window_add_row_actions (SdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), row_entries, G_N_ELEMENTS (row_entries),
                                   self);
  for (guint i = 1; i <= N_ROW_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("row-tag-%u", i);
      g_autoptr (GSimpleAction) action =
          g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));

      g_signal_connect (action, "activate", G_CALLBACK (row_tag_activated), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
}

/* The sections of the menu that act on the selection, with the states of
 * the selected stories: their status (the first's), the tags all of them
 * have. */
void
_sd_window_append_row_menu (SdWindow *self, GMenu *menu)
{
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  g_autoptr (GPtrArray) tags = dup_row_tags (self);
  g_autoptr (GMenu) statuses = g_menu_new ();
  g_autoptr (GMenu) tag_items = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();
  const SdStory *first =
      ids->len > 0 ? sd_story_list_model_lookup (self->stories, g_array_index (ids, gint64, 0))
                   : NULL;

  for (SdStoryStatus status = SD_STORY_STATUS_NEW; status <= SD_STORY_STATUS_REJECTED; status++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (sd_story_status_to_label (status), NULL);

      g_menu_item_set_action_and_target (item, "win.row-status", "s",
                                         sd_story_status_to_string (status));
      g_menu_append_item (statuses, item);
    }
  g_simple_action_set_state (
      G_SIMPLE_ACTION (lookup (self, "row-status")),
      g_variant_new_string (sd_story_status_to_string (first != NULL ? first->status : 0)));

  for (guint i = 0; i < N_ROW_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("row-tag-%u", i + 1);
      g_autofree char *detailed = g_strconcat ("win.", name, NULL);
      GAction         *action = lookup (self, name);
      const char      *tag = i < tags->len ? g_ptr_array_index (tags, i) : NULL;
      gboolean         all = ids->len > 0;

      if (tag == NULL)
        continue;
      for (guint j = 0; all && j < ids->len; j++)
        all = _sd_window_story_has_tag (
            sd_story_list_model_lookup (self->stories, g_array_index (ids, gint64, j)), tag);
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (all));
      g_menu_append (tag_items, tag, detailed);
    }

  /* the names, kept: the library's list changes as tags come and go */
  g_clear_pointer (&self->row_tags, g_ptr_array_unref);
  self->row_tags = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tags->len; i++)
    g_ptr_array_add (self->row_tags, g_strdup (g_ptr_array_index (tags, i)));

  g_menu_append_submenu (section, _("_Status"), G_MENU_MODEL (statuses));
  if (tags->len > 0)
    g_menu_append_submenu (section, _("_Tags"), G_MENU_MODEL (tag_items));
  g_menu_append (section, _("_Move to Place…"), "win.move-stories");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

SdStoryListModel *
sd_window_get_stories (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return self->stories;
}

static void
selection_after_paint_cb (GdkFrameClock *clock, SdWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, selection_after_paint_cb, self);
  _sd_window_show_selection (self);
  sd_frame_probe_panel_shown (GTK_WIDGET (self->inspector));
}

/* The story's text is painted first and the inspector (its tags, themes
 * and notes: a few milliseconds of widgets, and their layout in the same
 * frame) a frame later, when a story opened takes longer than the 10 ms
 * of #16 with both.  Without a frame to wait for (not shown), at once. */
void
_sd_window_show_selection_after_frame (SdWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->article_view));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->article_view)))
    {
      _sd_window_show_selection (self);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, selection_after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (selection_after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->article_view));
}
