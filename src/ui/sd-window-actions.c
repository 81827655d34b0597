/* sd-window-actions.c — the window's actions: import, export, find, undo,
 * story edits, the article's zoom, and the article's context menu
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-export-dialog.h"
#include "sd-highlight-popover.h"
#include "sd-page-view.h"
#include "sd-story-editor.h"
#include "sd-window-private.h"

static void
next_match_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;

  sd_article_view_next_match (self->article_view);
}

/* The article's type size, one point a step; Ctrl+0 goes back to the
 * size the schema gives. */
static void
zoom_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow   *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "zoom-reset"))
    g_settings_reset (self->settings, "article-font-size");
  else
    sd_article_view_zoom (self->article_view, g_str_equal (name, "zoom-in") ? 1 : -1);
}

/* Undo or redo the newest step, and say which: the editor sees what was
 * taken back, on which story, with a button to go there. */
static void
step (SdWindow *self, gboolean redo)
{
  g_autofree char *label = NULL;
  g_autoptr (GError) error = NULL;
  gint64   story_id;
  gboolean ok;

  /* a note being typed becomes a step first: it is the one undone */
  sd_story_inspector_flush (self->inspector);
  story_id = sd_edit_history_get_next_story (self->history, redo);
  label = g_strdup (redo ? sd_edit_history_get_redo_label (self->history)
                         : sd_edit_history_get_undo_label (self->history));
  ok = redo ? sd_edit_history_redo (self->history, &error)
            : sd_edit_history_undo (self->history, &error);
  if (!ok)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  else if (label != NULL)
    _sd_window_notify_step (self, redo ? _("Redone: %s") : _("Undone: %s"), label, story_id);
  /* Undoing a split or a join changes which stories there are; read
   * again, the list changes only where they differ. */
  sd_story_list_model_refresh (self->stories);
}

static void
undo_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  step (user_data, FALSE);
}

static void
redo_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  step (user_data, TRUE);
}

static void
set_status_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  SdStoryStatus status;

  if (_sd_window_get_shown_id (self) == 0
      || !sd_story_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;
  if (!sd_edit_history_set_status (self->history, _sd_window_get_shown_id (self), status, &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
}

static void
highlight_confirmed_cb (SdHighlightPopover *popover, SdWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 start, end;

  sd_highlight_popover_get_range (popover, &start, &end);
  if (!sd_edit_history_add_highlight (self->history, _sd_window_get_shown_id (self), start, end,
                                      sd_highlight_popover_get_comment (popover), &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
}

/* Asks for an optional comment next to the selection, then highlights it. */
static void
highlight_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow    *self = user_data;
  GtkWidget   *popover;
  GdkRectangle rect;
  gint64       start, end;

  if (!sd_article_view_get_body_selection (self->article_view, &start, &end))
    {
      _sd_window_show_message (self, GTK_MESSAGE_INFO,
                               _("Select text of the story to highlight it."));
      return;
    }
  sd_article_view_get_selection_rect (self->article_view, &rect);
  popover = sd_highlight_popover_new (sd_article_view_get_text_view (self->article_view), &rect,
                                      start, end);
  g_signal_connect (popover, "confirmed", G_CALLBACK (highlight_confirmed_cb), self);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
import_response_cb (GtkNativeDialog *dialog, int response, SdWindow *self)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_filenames (GTK_FILE_CHOOSER (dialog));
      for (GSList *l = files; l != NULL; l = l->next)
        g_ptr_array_add (paths, l->data);
      g_slist_free (files);
      g_ptr_array_add (paths, NULL);
      sd_window_import_files (self, (const char *const *) paths->pdata);
    }
  g_object_unref (dialog);
}

static void
import_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow             *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Pages"), GTK_WINDOW (self),
                                            GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Page text files and Storydesk exports"));
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), g_object_ref (filter));
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The page files of a folder, in one import. */
static void
import_folder_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow             *self = user_data;
  GtkFileChooserNative *chooser;

  chooser =
      gtk_file_chooser_native_new (_("Import a Folder of Pages"), GTK_WINDOW (self),
                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* Folders, not the recent files GTK would start with. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), g_get_home_dir ());
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (SdExportDialog *dialog, int response, SdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *name = g_file_get_parse_name (sd_export_dialog_get_file (dialog));
      guint            n_stories = sd_export_dialog_get_n_exported (dialog);
      g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u story to %s",
                                        "Exported %u stories to %s", n_stories),
                           n_stories, name);

      _sd_window_show_message (self, GTK_MESSAGE_INFO, message);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* Exports the listed stories: the place picked in the tree and the search
 * text.  The dialog writes in a worker with its own connection, with a
 * progress bar and a Stop button. */
static void
export_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow        *self = user_data;
  g_autofree char *code = NULL;
  g_autoptr (GArray) selected = sd_story_list_dup_selected_ids (self->story_list);
  SdExportDialog *dialog;
  SdScope         scope;

  sd_story_inspector_flush (self->inspector);
  _sd_window_get_scope (self, &scope, &code);
  if (scope.kind == SD_SCOPE_TRASH)
    {
      _sd_window_show_message (self, GTK_MESSAGE_INFO,
                               _("Stories in the trash are not exported: restore them first."));
      return;
    }
  /* Stories the editor selected are the selection; one selected story is
   * just where the cursor is, and the whole list goes. */
  if (selected->len > 1)
    {
      scope.ids = (const gint64 *) selected->data;
      scope.n_ids = selected->len;
    }
  dialog = sd_export_dialog_new (
      GTK_WINDOW (self), self->library, &scope,
      selected->len > 1 ? selected->len : g_list_model_get_n_items (G_LIST_MODEL (self->stories)));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
split_story_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  int       paragraph = sd_article_view_get_cursor_paragraph (self->article_view);
  g_autoptr (GError) error = NULL;

  if (paragraph <= 0)
    {
      _sd_window_show_message (
          self, GTK_MESSAGE_INFO,
          _("Click into the paragraph that should begin the new story, then split."));
      return;
    }
  if (!sd_edit_history_split_story (self->history, _sd_window_get_shown_id (self), paragraph, NULL,
                                    &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  else
    sd_story_list_model_refresh (self->stories);
}

static void
merge_story_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!sd_edit_history_merge_with_next (self->history, _sd_window_get_shown_id (self), &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  else
    sd_story_list_model_refresh (self->stories);
}

static void
edit_story_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  SdStory  *story = sd_story_model_get_story (self->shown);

  if (story != NULL)
    sd_story_editor_present (GTK_WINDOW (self), self->history, story);
}

static void
page_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdWindow) self = user_data;
  SdStory *story = self->shown != NULL ? sd_story_model_get_story (self->shown) : NULL;
  g_autoptr (SdStoryPage) page = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *view;

  if (story == NULL) /* closed meanwhile */
    return;
  page = sd_story_model_read_page_finish (self->shown, result, &error);
  if (page == NULL)
    {
      _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  if (page->story_id != story->id) /* another story shown meanwhile */
    return;
  /* Stories read back from a Storydesk export came without their page. */
  if (*page->text == '\0')
    {
      _sd_window_show_message (
          self, GTK_MESSAGE_INFO,
          _("The original page of this story is not in the library: it came from an "
             "export."));
      return;
    }
  view =
      sd_page_view_new (GTK_WINDOW (self), story->source_file, page->text, page->start, page->end);
  if (story->repairs->len > 0)
    {
      guint                   n = story->repairs->len;
      g_autofree gint64      *starts = g_new (gint64, n);
      g_autofree gint64      *ends = g_new (gint64, n);
      g_autofree const char **tooltips = g_new (const char *, n);

      /* Repairs are kept as offsets into the page text already. */
      for (guint i = 0; i < n; i++)
        {
          const SdRepair *repair = g_ptr_array_index (story->repairs, i);
          starts[i] = repair->start;
          ends[i] = repair->end;
          tooltips[i] = repair->detail;
        }
      sd_page_view_add_marks (SD_PAGE_VIEW (view), starts, ends, n, tooltips);
    }
  gtk_window_present (GTK_WINDOW (view));
}

/* The original page, the story's span marked and its repairs underlined;
 * the page and where the story stands in it are read in the store's
 * worker. */
static void
show_in_page_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;

  if (sd_story_model_get_story (self->shown) != NULL)
    sd_story_model_read_page_async (self->shown, NULL, page_read_cb, g_object_ref (self));
}

/* The article's context menu adds the story actions: the original page, a
 * highlight, and the corrections (split, join, headline and byline). */
void
_sd_window_article_populate_popup_cb (GtkTextView *text_view, GtkWidget *popup, SdWindow *self)
{
  const struct
  {
    const char *label;
    const char *action;
  } items[] = {
    { N_("Show in the _Original Page"), "win.show-in-page" },
      { N_("_Highlight Selection…"), "win.highlight" },
        { N_("_Split Story Here"), "win.split-story" },
          { N_("_Join With Next Story"), "win.merge-story" },
            { N_("_Correct Headline and Byline…"), "win.edit-story" },
          };

  if (!GTK_IS_MENU (popup))
    return;
  gtk_menu_shell_append (GTK_MENU_SHELL (popup), gtk_separator_menu_item_new ());
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *item = gtk_menu_item_new_with_mnemonic (_(items[i].label));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (item), items[i].action);
      gtk_menu_shell_append (GTK_MENU_SHELL (popup), item);
    }
  gtk_widget_show_all (popup);
}

static const GActionEntry win_entries[] = {
  { "import", import_activated },
  { "import-folder", import_folder_activated },
  { "export", export_activated },
  { "find", find_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "set-status", set_status_activated, "s" },
  { "highlight", highlight_activated },
  { "split-story", split_story_activated },
  { "merge-story", merge_story_activated },
  { "edit-story", edit_story_activated },
  { "show-in-page", show_in_page_activated },
  { "next-match", next_match_activated },
  { "zoom-in", zoom_activated },
  { "zoom-out", zoom_activated },
  { "zoom-reset", zoom_activated },
};

void
_sd_window_add_actions (SdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
  _sd_window_add_print_actions (self);
  _sd_window_add_trash_actions (self);
}
