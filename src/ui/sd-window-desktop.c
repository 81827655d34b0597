/* sd-window-desktop.c — the window as the desktop knows it: pages dropped
 * on it or opened from the file manager, imports one after another,
 * recent imports in the menu, and the window reopening where the editor
 * left off (the tree's node and open rows, the story)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-window-private.h"

/* Storydesk's entries among the desktop's recent files. */
#define RECENT_GROUP "storydesk-imports"
#define N_RECENT 8

/* RECENT_GROUP, where GTK keeps it.  gtk_recent_manager_add_full () (GTK
 * 3.24) tests ((char *) data->groups)[0], the first byte of the first
 * group's pointer, as if it were the name's first character, and leaves
 * out every group when that byte is 0: the name's address ended in 00 in
 * the sanitizer build, and the imports vanished from Import Recent.  The
 * name is set where that byte is not 0. */
static char *
get_recent_group (void)
{
  static char storage[sizeof RECENT_GROUP + 1];
  char       *group = storage;

  if (*(const char *) &group == '\0')
    group = storage + 1;
  if (*group == '\0')
    memcpy (group, RECENT_GROUP, sizeof RECENT_GROUP);
  return group;
}

static void
add_recent (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *type = NULL;
  g_autofree char *mime_type = NULL;
  char            *groups[] = { get_recent_group (), NULL };
  GtkRecentData    data = { 0 };

  if (uri == NULL)
    return;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    mime_type = g_strdup ("inode/directory");
  else
    {
      type = g_content_type_guess (path, NULL, 0, NULL);
      mime_type = g_content_type_get_mime_type (type);
    }
  data.mime_type = mime_type != NULL ? mime_type : (char *) "text/plain";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "storydesk %f";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  time_t first = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  time_t second = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return (first < second) - (first > second);
}

/* The menu's Import Recent lists the newest imports that are still there. */
static void
fill_recent_menu (SdWindow *self)
{
  GMenu *menu = gtk_application_get_menu_by_id (GTK_APPLICATION (g_application_get_default ()),
                                                "recent-imports");
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint  n = 0;

  if (menu == NULL)
    return;
  g_menu_remove_all (menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < N_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *path = NULL;
      g_auto (GStrv) label_parts = NULL;
      g_autofree char *label = NULL;

      if (!gtk_recent_info_has_group (info, RECENT_GROUP) || !gtk_recent_info_exists (info))
        continue;
      path = g_filename_from_uri (gtk_recent_info_get_uri (info), NULL, NULL);
      if (path == NULL)
        continue;
      /* An underscore in a file name is not a mnemonic. */
      label_parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);
      label = g_strjoinv ("__", label_parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.import-recent", "s", path);
      g_menu_append_item (menu, item);
      n++;
    }
  if (n == 0)
    /* No such action: the item shows, greyed out. */
    g_menu_append (menu, _("No recent imports"), "win.no-recent-imports");
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
import_recent_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow   *self = user_data;
  const char *paths[] = { g_variant_get_string (parameter, NULL), NULL };

  if (!g_file_test (paths[0], G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (paths[0]);
      g_autofree char *message = g_strdup_printf (_("%s is no longer there."), name);

      _sd_window_show_message (self, GTK_MESSAGE_WARNING, message);
      return;
    }
  sd_window_import_files (self, paths);
}

/* Files and folders dropped from a file manager. */
static void
drag_data_received_cb (GtkWidget        *widget,
                       GdkDragContext   *context,
                       int               x,
                       int               y,
                       GtkSelectionData *data,
                       guint             info,
                       guint             time,
                       SdWindow         *self)
{
  g_auto (GStrv) uris = gtk_selection_data_get_uris (data);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      char *path = g_filename_from_uri (uris[i], NULL, NULL);
      if (path != NULL) /* a local file */
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  gtk_drag_finish (context, paths->len > 1, FALSE, time);
  if (paths->len > 1)
    sd_window_import_files (self, (const char *const *) paths->pdata);
}

/* A text view takes every drag over it, even one it refuses; files go on
 * to the window. */
static gboolean
pass_file_drags_cb (GtkWidget *widget, GdkDragContext *context, int x, int y, guint time)
{
  if (gtk_drag_dest_find_target (widget, context, NULL) != GDK_NONE)
    return GDK_EVENT_PROPAGATE;
  g_signal_stop_emission_by_name (widget, "drag-motion");
  return FALSE;
}

static void
restore_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 id = sd_library_model_find_story_finish (self->library, result, &error);

  /* (a story gone since, or a list read for another node meanwhile: none) */
  if (id > 0)
    sd_story_list_select_story (self->story_list, id);
}

/* The list is read for the node the tree went back to: the story the
 * editor was on is selected, if it is still listed, wherever it is in the
 * list (its id found by its uuid in the store's worker). */
static void
restore_story_cb (SdStoryListModel *stories, SdWindow *self)
{
  g_autofree char *uuid = g_steal_pointer (&self->restore_uuid);

  g_signal_handlers_disconnect_by_func (stories, restore_story_cb, self);
  if (uuid != NULL)
    sd_library_model_find_story_async (self->library, uuid, NULL, restore_found_cb,
                                       g_object_ref (self));
}

static const GActionEntry desktop_entries[] = {
  { "import-recent", import_recent_activated, "s" },
};

void
_sd_window_setup_desktop (SdWindow *self)
{
  GAction         *import = g_action_map_lookup_action (G_ACTION_MAP (self), "import");
  g_autofree char *node = g_settings_get_string (self->settings, "last-node");
  g_auto (GStrv) rows = g_settings_get_strv (self->settings, "expanded-nodes");

  g_action_map_add_action_entries (G_ACTION_MAP (self), desktop_entries,
                                   G_N_ELEMENTS (desktop_entries), self);
  g_object_bind_property (import, "enabled",
                          g_action_map_lookup_action (G_ACTION_MAP (self), "import-folder"),
                          "enabled", G_BINDING_SYNC_CREATE);

  gtk_drag_dest_set (GTK_WIDGET (self), GTK_DEST_DEFAULT_ALL, NULL, 0, GDK_ACTION_COPY);
  gtk_drag_dest_add_uri_targets (GTK_WIDGET (self));
  g_signal_connect (self, "drag-data-received", G_CALLBACK (drag_data_received_cb), self);
  g_signal_connect (sd_article_view_get_text_view (self->article_view), "drag-motion",
                    G_CALLBACK (pass_file_drags_cb), NULL);

  fill_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (fill_recent_menu), self, G_CONNECT_SWAPPED);

  self->restore_uuid = g_settings_get_string (self->settings, "last-story");
  if (*self->restore_uuid == '\0')
    g_clear_pointer (&self->restore_uuid, g_free);
  else
    g_signal_connect (self->stories, "loaded", G_CALLBACK (restore_story_cb), self);
  sd_place_tree_restore (self->place_tree, node, (const char *const *) rows);
  /* a node the tree must be built to find waits for the counts */
  if (!_sd_window_list_restored_node (self, node))
    sd_library_model_start (self->library);
}

void
_sd_window_save_session (SdWindow *self)
{
  g_autofree char *node = sd_place_tree_dup_selected_key (self->place_tree);
  g_auto (GStrv) rows = sd_place_tree_dup_expanded (self->place_tree);
  SdStory *story = sd_story_model_get_story (self->shown);

  g_settings_set_string (self->settings, "last-node", node != NULL ? node : "");
  g_settings_set_string (self->settings, "last-story",
                         story != NULL && story->uuid != NULL ? story->uuid : "");
  g_settings_set_strv (self->settings, "expanded-nodes", (const char *const *) rows);
}

/* An import asked for while another runs waits for it, with its batch's
 * kind; stopping one drops those waiting. */
typedef struct
{
  GStrv       paths;
  SdBatchKind batch_kind;
} QueuedImport;

static void
queued_import_free (gpointer data)
{
  QueuedImport *queued = data;

  g_strfreev (queued->paths);
  g_free (queued);
}

void
_sd_window_queue_import (SdWindow *self, const char *const *paths, SdBatchKind batch_kind)
{
  QueuedImport *queued = g_new (QueuedImport, 1);

  queued->paths = g_strdupv ((GStrv) paths);
  queued->batch_kind = batch_kind;
  if (self->import_queue == NULL)
    self->import_queue = g_ptr_array_new_with_free_func (queued_import_free);
  g_ptr_array_add (self->import_queue, queued);
}

void
_sd_window_import_next (SdWindow *self, gboolean cancelled)
{
  QueuedImport *queued;

  if (self->import_queue == NULL || self->import_queue->len == 0)
    return;
  if (cancelled)
    {
      g_ptr_array_set_size (self->import_queue, 0);
      return;
    }
  queued = g_ptr_array_steal_index (self->import_queue, 0);
  sd_window_import (self, (const char *const *) queued->paths, queued->batch_kind);
  queued_import_free (queued);
}

void
_sd_window_dispose_desktop (SdWindow *self)
{
  g_clear_pointer (&self->import_queue, g_ptr_array_unref);
  g_clear_pointer (&self->restore_uuid, g_free);
  g_clear_object (&self->print_settings);
}

/**
 * sd_window_import_files:
 * @paths: files and folders the editor chose, dropped or opened
 *
 * Imports them as sd_window_import () does (after the import running, if
 * one is), and keeps them among the recent imports.
 */
void
sd_window_import_files (SdWindow *self, const char *const *paths)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  for (guint i = 0; paths[i] != NULL; i++)
    add_recent (paths[i]);
  sd_window_import (self, paths, SD_BATCH_IMPORT);
}
