/* sd-window-trash.c — the window's delete and trash actions: stories, a
 * page, an import batch to the trash and back, the trash emptied; the
 * list's context menu
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-window-private.h"

/* What a delete or a restore did. */
typedef enum
{
  MOVED_NOTHING,
  MOVED_WITH_STEP, /* undo takes it back */
  MOVED_NO_STEP,   /* a library that keeps no undo step for the trash (none now) */
} Moved;

/* Whether the edit history's last action, which was @before's successor,
 * moved anything, and with an undo step. */
static Moved
moved_since (SdWindow *self, const char *before, gboolean ok)
{
  if (!ok)
    return MOVED_NOTHING;
  if (sd_edit_history_get_undo_label (self->history) != before)
    return MOVED_WITH_STEP;
  /* stories in the trash already make no step, on either engine (a
   * shared library keeps a step for whatever moved, #17) */
  return MOVED_NOTHING;
}

/* After a delete: what it did, with a button to take it back when undo
 * can (a shared library keeps no undo step for it: its stories come back
 * from the trash). */
static void
notify_deleted (SdWindow *self, Moved moved)
{
  if (moved == MOVED_NO_STEP)
    sd_toast_show (self->toast, _("Moved to the trash: restore it from there"), 0);
  else if (moved == MOVED_WITH_STEP)
    sd_toast_show_undoable (self->toast, sd_edit_history_get_undo_label (self->history));
}

/* @ids to the trash or back, in one undo step where the library keeps
 * them. */
static Moved
move_stories (SdWindow *self, GArray *ids, gboolean to_trash)
{
  g_autoptr (GError) error = NULL;
  const char *before = sd_edit_history_get_undo_label (self->history);
  gboolean    ok;

  if (ids->len == 0)
    return MOVED_NOTHING;
  ok = to_trash ? sd_edit_history_trash (self->history, SD_TRASH_STORY, (gint64 *) ids->data,
                                         ids->len, &error)
                : sd_edit_history_restore (self->history, SD_TRASH_STORY, (gint64 *) ids->data,
                                           ids->len, &error);
  if (!ok)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  return moved_since (self, before, ok);
}

/* Delete: the selected stories, or, in the tree, the import batch picked. */
static void
delete_stories_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow        *self = user_data;
  g_autofree char *code = NULL;
  g_autoptr (GArray) ids = NULL;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->place_tree))
      && sd_place_tree_get_selected (self->place_tree, &code) == SD_SCOPE_BATCH)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "delete-batch",
                                      g_variant_new_int64 (g_ascii_strtoll (code, NULL, 10)));
      return;
    }
  g_clear_pointer (&code, g_free);
  if (sd_place_tree_get_selected (self->place_tree, &code) == SD_SCOPE_TRASH)
    return; /* emptying is for good: only from the trash's own menu */
  sd_story_inspector_flush (self->inspector);
  ids = sd_story_list_dup_selected_ids (self->story_list);
  notify_deleted (self, move_stories (self, ids, TRUE));
}

static void
trash_target (SdWindow *self, SdTrashKind kind, gint64 id)
{
  g_autoptr (GError) error = NULL;
  const char *before;
  gboolean    ok;

  sd_story_inspector_flush (self->inspector);
  before = sd_edit_history_get_undo_label (self->history);
  ok = sd_edit_history_trash (self->history, kind, &id, 1, &error);
  if (!ok)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  notify_deleted (self, moved_since (self, before, ok));
}

/* Every story of the page the selected story was cut from. */
static void
delete_page_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  SdStory  *story =
      sd_story_list_model_lookup (self->stories, sd_story_list_get_selected (self->story_list));

  if (story != NULL)
    trash_target (self, SD_TRASH_PAGE, story->page_id);
}

static void
delete_batch_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  trash_target (user_data, SD_TRASH_BATCH, g_variant_get_int64 (parameter));
}

static void
restore_stories_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);

  move_stories (self, ids, FALSE);
}

/* Everything the trash lists, each story an undo step. */
static void
restore_all_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  guint     n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  g_autoptr (GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree char *code = NULL;

  if (sd_place_tree_get_selected (self->place_tree, &code) != SD_SCOPE_TRASH)
    return;
  for (guint i = 0; i < n; i++)
    g_array_append_val (ids, (gint64){ sd_story_list_model_get_id (self->stories, i) });
  move_stories (self, ids, FALSE);
}

static void
empty_response_cb (GtkDialog *dialog, int response, SdWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (!sd_library_model_empty_trash (self->library, &n, &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  else
    {
      g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story deleted for good",
                                        "%u stories deleted for good", n),
                           n);
      sd_toast_show (self->toast, message, 0);
    }
}

/* Emptying cannot be undone: the editor says so first. */
static void
empty_trash_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow  *self = user_data;
  gint64     n = sd_library_model_get_trash_count (self->library);
  GtkWidget *dialog;

  if (n == 0)
    return;
  dialog = gtk_message_dialog_new (
      GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_WARNING,
      GTK_BUTTONS_NONE,
      g_dngettext (GETTEXT_PACKAGE, "Delete %u story in the trash for good?",
                   "Delete the %u stories in the trash for good?", n),
      (guint) n);
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog),
      _("Their tags, notes and highlights go with them. This cannot be undone."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                  _("_Empty Trash"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_style_context_add_class (gtk_widget_get_style_context (gtk_dialog_get_widget_for_response (
                                   GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT)),
                               "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (empty_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry trash_entries[] = {
  { "delete-stories", delete_stories_activated },  { "delete-page", delete_page_activated },
  { "delete-batch", delete_batch_activated, "x" }, { "restore-stories", restore_stories_activated },
  { "restore-all", restore_all_activated },        { "empty-trash", empty_trash_activated },
};

void
_sd_window_add_trash_actions (SdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), trash_entries, G_N_ELEMENTS (trash_entries),
                                   self);
}

/* The right button on the list: delete, or in the trash, restore. */
void
_sd_window_set_list_scope (SdWindow *self, SdScopeKind kind)
{
  g_autoptr (GMenu) menu = g_menu_new ();

  self->list_kind = kind;
  if (kind == SD_SCOPE_TRASH)
    {
      g_menu_append (menu, _("_Restore"), "win.restore-stories");
      g_menu_append (menu, _("_Empty Trash…"), "win.empty-trash");
    }
  else
    {
      _sd_window_append_row_menu (self, menu);
      g_menu_append (menu, _("_Delete"), "win.delete-stories");
      g_menu_append (menu, _("Delete the Whole _Page"), "win.delete-page");
      g_menu_append (menu, _("Edit Page Deta_ils…"), "win.edit-page-details");
    }
  sd_story_list_set_menu (self->story_list, G_MENU_MODEL (menu));
}
