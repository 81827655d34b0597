/* sd-window.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-frame-probe.h"
#include "sd-query.h"
#include "sd-story-list-model.h"
#include "sd-widget-text.h"
#include "sd-window-private.h"

enum
{
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (SdWindow, sd_window, GTK_TYPE_APPLICATION_WINDOW)

void
_sd_window_show_message (SdWindow *self, GtkMessageType type, const char *message)
{
  gtk_info_bar_set_message_type (self->info_bar, type);
  gtk_label_set_text (self->info_label, message);
  gtk_widget_show (GTK_WIDGET (self->info_bar));
}

/* The tree follows the library model: the saved searches land first, as
 * they always did, then the counts. */
static void
library_changed_cb (SdLibraryModel *library, SdLibraryModelParts parts, SdWindow *self)
{
  const GError *error = sd_library_model_get_error (library);

  if (error != NULL)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  if (parts & SD_LIBRARY_MODEL_SEARCHES)
    sd_place_tree_set_saved_searches (self->place_tree,
                                      sd_library_model_get_saved_searches (library));
  if (parts & SD_LIBRARY_MODEL_TRASH)
    sd_place_tree_set_trash (self->place_tree, sd_library_model_get_batches (library),
                             sd_library_model_get_trash_count (library));
  if (parts & SD_LIBRARY_MODEL_DATES)
    sd_place_tree_set_dates (self->place_tree, sd_library_model_get_dates (library));
  if (parts & SD_LIBRARY_MODEL_COUNTS)
    sd_place_tree_set_counts (self->place_tree, sd_library_model_get_counts (library));
}

static void
show_query_problem (SdWindow *self, const GError *error)
{
  GtkEntry        *entry = GTK_ENTRY (self->search_entry);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (entry));

  /* No problem before nor now: nothing to touch.  Each list landed came
   * here, and an entry's icon set, even to none, resizes the entry, which
   * lays out and repaints the header bar in the frame of the story the
   * list opens. */
  if (error == NULL && gtk_entry_get_icon_name (entry, GTK_ENTRY_ICON_SECONDARY) == NULL
      && !gtk_widget_get_visible (GTK_WIDGET (self->query_problem_popover)))
    return;
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     error != NULL ? "dialog-warning-symbolic" : NULL);
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY,
                                   error != NULL ? error->message : NULL);
  if (error != NULL)
    gtk_style_context_add_class (style, "error");
  else
    gtk_style_context_remove_class (style, "error");
  /* said under the entry, the list left as it was */
  if (error != NULL)
    {
      gtk_label_set_text (self->query_problem_label, error->message);
      gtk_popover_popup (self->query_problem_popover);
    }
  else
    gtk_popover_popdown (self->query_problem_popover);
}

static void
stories_loaded_cb (SdStoryListModel *stories, SdWindow *self)
{
  const GError    *error = sd_story_list_model_get_error (stories);
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (stories));
  g_autofree char *status = NULL;

  /* the counts, once the first rows are in and painted
   * (_sd_window_list_restored_node) */
  _sd_window_start_library_after_frame (self);
  show_query_problem (self, error != NULL && error->domain == SD_QUERY_ERROR ? error : NULL);
  if (error != NULL)
    {
      /* A query typed half-way is said beside the entry, not in a banner
       * on every key. */
      if (error->domain == SD_QUERY_ERROR)
        gtk_label_set_text (self->status_label, error->message);
      else
        _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  sd_article_view_set_search_terms (self->article_view, sd_story_list_model_get_terms (stories));
  sd_frame_probe_first_rows (GTK_WIDGET (self->story_list));
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", n), n);
  sd_label_update_text (self->status_label, status);
}

void
_sd_window_get_scope (SdWindow *self, SdScope *scope, char **out_code)
{
  *scope = (SdScope){ 0 };
  scope->kind = sd_place_tree_get_selected (self->place_tree, out_code);
  scope->place_code = *out_code;
  scope->text = gtk_entry_get_text (GTK_ENTRY (self->search_entry));
  /* A 日期 row is a date: query, with whatever is typed. */
  if (sd_place_tree_get_selected_date (self->place_tree) != NULL)
    {
      g_free (self->scope_text);
      self->scope_text = g_strdup_printf (
          "date:%s %s", sd_place_tree_get_selected_date (self->place_tree), scope->text);
      scope->text = self->scope_text;
    }
  scope->by_relevance = g_settings_get_boolean (self->settings, "rank-search-results");
  if (scope->kind == SD_SCOPE_BATCH)
    scope->batch_id = g_ascii_strtoll (*out_code, NULL, 10);
}

/* Lists the selected node's stories; the model reads them in the store's
 * worker, so a node of 100,000 stories does not stop the window, and a
 * newer request drops an older one. */
static void
list_stories (SdWindow *self)
{
  g_autofree char *code = NULL;
  SdScope          scope;

  _sd_window_get_scope (self, &scope, &code);
  sd_label_update_text (self->status_label, _("Reading the stories…"));
  _sd_window_set_list_scope (self, scope.kind);
  sd_story_list_model_set_request (self->stories, &scope);
}

gint64
_sd_window_get_shown_id (SdWindow *self)
{
  SdStory *story = sd_story_model_get_story (self->shown);

  return story != NULL ? story->id : 0;
}

#define SELECTION_SHOWN_MAX 1000

/* The inspector gets the selected stories: the shown one in full, or
 * several as they are listed. */
void
_sd_window_show_selection (SdWindow *self)
{
  SdStory *story = sd_story_model_get_story (self->shown);
  gint64   asked = sd_story_model_get_id (self->shown);
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  g_autoptr (GPtrArray) selection =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  /* The story asked for is still being read: SdStoryModel::changed follows. */
  if (asked != 0 && (story == NULL || story->id != asked)
      && sd_story_model_get_error (self->shown) == NULL)
    return;
  if (ids->len == 1 && story != NULL)
    g_ptr_array_add (selection, sd_story_ref (story));
  else
    /* The panel shows the tags of the first stories of a selection; its
     * edits go to every id.  Looking up all of a select-all on a library
     * of a million stories would cost the main thread on every change. */
    for (guint i = 0; i < MIN (ids->len, SELECTION_SHOWN_MAX); i++)
      {
        SdStory *listed =
            sd_story_list_model_lookup (self->stories, g_array_index (ids, gint64, i));
        if (listed != NULL)
          g_ptr_array_add (selection, sd_story_ref (listed));
      }
  sd_story_inspector_set_stories (self->inspector, selection, ids);
  _sd_window_set_list_scope (self, self->list_kind); /* the menu says their status and tags */
  for (const char *const *name =
           (const char *const[]){ "set-status", "highlight", "split-story", "merge-story",
                                  "edit-story", "show-in-page", "edit-page-details", NULL };
       *name != NULL; name++)
    g_simple_action_set_enabled (
        G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), *name)), story != NULL);
}

static void
shown_changed_cb (SdStoryModel *shown, SdStoryModelChange change, SdWindow *self)
{
  const GError *error = sd_story_model_get_error (shown);

  _sd_window_release_frame (self); /* the story is set: its frame may begin */
  if (error != NULL)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  if (change == SD_STORY_MODEL_CHANGE_STORY)
    {
      sd_frame_probe_story_shown (GTK_WIDGET (self->article_view));
      _sd_window_show_selection_after_frame (self);
    }
  else
    sd_story_inspector_update_story (self->inspector, sd_story_model_get_story (shown));
}

static void
place_selected_cb (SdWindow *self)
{
  g_autofree char *code = NULL;
  SdScopeKind      kind = sd_place_tree_get_selected (self->place_tree, &code);
  const char      *query = sd_place_tree_get_selected_query (self->place_tree);
  const char      *date = sd_place_tree_get_selected_date (self->place_tree);
  g_autofree char *key = _sd_window_node_key (kind, code, query, date);

  gtk_widget_set_sensitive (self->forget_search_button, query != NULL);
  /* A saved search is the search it keeps, over all stories. */
  if (query != NULL)
    {
      g_free (self->listed_node);
      self->listed_node = g_steal_pointer (&key);
      gtk_entry_set_text (GTK_ENTRY (self->search_entry), query);
      list_stories (self);
      return;
    }

  /* The tree reselects the same node when it is rebuilt or focused. */
  if (g_strcmp0 (key, self->listed_node) == 0)
    return;
  g_free (self->listed_node);
  self->listed_node = g_steal_pointer (&key);
  list_stories (self);
}

/* Moves stories to a place (NULL: unplaced), each move an undo step. */
static void
move_stories (SdWindow *self, const char *code, GArray *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!sd_edit_history_set_place (self->history, g_array_index (ids, gint64, i), code, &error))
        {
          _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
          break;
        }
    }
  sd_story_list_model_refresh (self->stories);
}

static void
revert_repair_cb (SdWindow *self, gint64 repair_id)
{
  g_autoptr (GError) error = NULL;

  /* The article follows through SdStore::story-changed. */
  if (!sd_edit_history_revert_repair (self->history, _sd_window_get_shown_id (self), repair_id,
                                      &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
}

static void
stories_dropped_cb (SdWindow *self, const char *code, GArray *ids)
{
  move_stories (self, code, ids);
}

static void
story_selected_cb (SdWindow *self)
{
  gint64 id = sd_story_list_get_selected (self->story_list);

  if (id != sd_story_model_get_id (self->shown))
    {
      sd_frame_probe_story_asked ();
      if (id != 0)
        _sd_window_hold_frame (self);
      sd_story_model_set_id (self->shown, id);
    }
  else
    _sd_window_show_selection (self);
}

/* Each key lists at once (the list cancels the read a key before);
 * whether the query is still the saved search's is settled after typing
 * pauses (search-changed), not on the entry's passing states. */
static void
search_edited_cb (SdWindow *self)
{
  list_stories (self);
}

static void
search_changed_cb (SdWindow *self)
{
  const char *saved = sd_place_tree_get_selected_query (self->place_tree);

  /* Another query is no longer the saved search: the tree says so. */
  if (saved != NULL && g_strcmp0 (saved, gtk_entry_get_text (GTK_ENTRY (self->search_entry))) != 0)
    sd_place_tree_select_all (self->place_tree);
}

static void
search_activated_cb (SdWindow *self)
{
  sd_article_view_next_match (self->article_view);
}

static void
cancel_clicked_cb (SdWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
}

static void
info_bar_response_cb (SdWindow *self)
{
  gtk_widget_hide (GTK_WIDGET (self->info_bar));
}

/* The header bar's undo and redo say what they would do. */
static void
describe_step (GtkWidget *button, const char *label, const char *format, const char *plain)
{
  g_autofree char *text = label != NULL ? g_strdup_printf (format, label) : NULL;

  gtk_widget_set_tooltip_text (button, text != NULL ? text : plain);
  atk_object_set_description (gtk_widget_get_accessible (button), text != NULL ? text : plain);
}

static void
history_changed_cb (SdEditHistory *history, GParamSpec *pspec, SdWindow *self)
{
  describe_step (self->undo_button, sd_edit_history_get_undo_label (history),
                 _("Undo: %s (Ctrl+Z)"), _("Undo (Ctrl+Z)"));
  describe_step (self->redo_button, sd_edit_history_get_redo_label (history),
                 _("Redo: %s (Ctrl+Shift+Z)"), _("Redo (Ctrl+Shift+Z)"));
  g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
      sd_edit_history_can_undo (history));
  g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "redo")),
      sd_edit_history_can_redo (history));
}

static void
hide_empty_changed_cb (GSettings *settings, const char *key, SdWindow *self)
{
  sd_place_tree_set_hide_empty (self->place_tree, g_settings_get_boolean (settings, key));
}

static void
save_geometry (SdWindow *self)
{
  GdkWindow *window = gtk_widget_get_window (GTK_WIDGET (self));
  gboolean   maximized =
      window != NULL && (gdk_window_get_state (window) & GDK_WINDOW_STATE_MAXIMIZED);
  int width, height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "tree-width", gtk_paned_get_position (self->outer_paned));
  g_settings_set_int (self->settings, "list-width", gtk_paned_get_position (self->inner_paned));
}

static gboolean
sd_window_delete_event (GtkWidget *widget, GdkEventAny *event)
{
  SdWindow *self = SD_WINDOW (widget);

  sd_story_inspector_flush (self->inspector);
  save_geometry (self);
  _sd_window_save_session (self);
  return GDK_EVENT_PROPAGATE;
}

/* STORYDESK_DEBUG=sync-reads: from now on every read of the window's store
 * from this thread outside a write is reported (the UI test fails on it). */
static gboolean
guard_reads_cb (gpointer data)
{
  SdWindow *self = data;

  if (self->store != NULL) /* not closed meanwhile */
    sd_store_forbid_main_thread_reads (self->store, TRUE);
  return G_SOURCE_REMOVE;
}

/* Shown: once whoever opened the window is done (the application counts
 * the stories of a new library), the window reads only in the worker. */
static void
mapped_cb (SdWindow *self)
{
  const GDebugKey keys[] = { { "sync-reads", 1 } };

  if (g_parse_debug_string (g_getenv ("STORYDESK_DEBUG"), keys, G_N_ELEMENTS (keys)) != 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, guard_reads_cb, g_object_ref (self), g_object_unref);
}

static void
sd_window_constructed (GObject *object)
{
  SdWindow *self = SD_WINDOW (object);
  /* "application" is set after construction; the running one is ours. */
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_autoptr (GAction) hide_empty = NULL;
  g_autoptr (GAction) rank = NULL;

  G_OBJECT_CLASS (sd_window_parent_class)->constructed (object);

  self->settings = g_object_ref (sd_application_get_settings (SD_APPLICATION (application)));
  _sd_window_add_tag_keys (self, GTK_APPLICATION (application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "tree-width"));
  gtk_paned_set_position (self->inner_paned, g_settings_get_int (self->settings, "list-width"));
  /* Zoomed with the keys or Ctrl+scroll, the size is remembered. */
  g_settings_bind (self->settings, "article-font-size", self->article_view, "font-size",
                   G_SETTINGS_BIND_DEFAULT);

  _sd_window_add_actions (self);
  _sd_window_add_page_actions (self);
  _sd_window_add_row_actions (self);
  hide_empty = g_settings_create_action (self->settings, "hide-empty-places");
  g_action_map_add_action (G_ACTION_MAP (self), hide_empty);
  rank = g_settings_create_action (self->settings, "rank-search-results");
  g_action_map_add_action (G_ACTION_MAP (self), rank);
  /* which of the list's columns show: the menu's and the headers' check items */
  for (const char *const *key =
           (const char *const[]){ "list-column-status", "list-column-date", "list-column-paper",
                                  "list-column-page", "list-column-place", NULL };
       *key != NULL; key++)
    {
      g_autoptr (GAction) shown = g_settings_create_action (self->settings, *key);
      g_action_map_add_action (G_ACTION_MAP (self), shown);
    }
  sd_story_list_set_columns_menu (self->story_list, G_MENU_MODEL (gtk_application_get_menu_by_id (
                                                        application, "list-columns")));
  g_signal_connect_swapped (self->settings, "changed::rank-search-results",
                            G_CALLBACK (list_stories), self);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (gtk_application_get_menu_by_id (
                                                         application, "primary-menu")));

  sd_place_tree_set_hide_empty (self->place_tree,
                                g_settings_get_boolean (self->settings, "hide-empty-places"));
  g_signal_connect (self->settings, "changed::hide-empty-places",
                    G_CALLBACK (hide_empty_changed_cb), self);

  g_signal_connect (sd_article_view_get_text_view (self->article_view), "populate-popup",
                    G_CALLBACK (_sd_window_article_populate_popup_cb), self);
  self->history = sd_edit_history_new_for_library (self->engine);
  g_signal_connect (self->history, "notify", G_CALLBACK (history_changed_cb), self);
  history_changed_cb (self->history, NULL, self);

  self->library = sd_library_model_new_unread (self->engine);
  g_signal_connect (self->library, "changed", G_CALLBACK (library_changed_cb), self);
  self->stories = sd_story_list_model_new (self->engine);
  g_signal_connect (self->stories, "loaded", G_CALLBACK (stories_loaded_cb), self);
  self->shown = sd_story_model_new (self->engine);
  sd_article_view_set_model (self->article_view, self->shown);
  g_signal_connect (self->shown, "changed", G_CALLBACK (shown_changed_cb), self);
  sd_story_list_set_model (self->story_list, self->stories);
  sd_story_list_set_settings (self->story_list, self->settings);
  sd_story_list_set_library (self->story_list, self->library);
  sd_story_inspector_set_models (self->inspector, self->library, self->shown, self->history);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  _sd_window_setup_desktop (self);
  _sd_window_setup_shared (self);
}

static void
sd_window_dispose (GObject *object)
{
  SdWindow *self = SD_WINDOW (object);

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  _sd_window_stop_import_pacer (self);
  _sd_window_release_frame (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  if (self->stories != NULL)
    g_signal_handlers_disconnect_by_data (self->stories, self);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->stories);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->listed_node, g_free);
  g_clear_pointer (&self->scope_text, g_free);
  g_clear_pointer (&self->row_tags, g_ptr_array_unref);
  _sd_window_dispose_desktop (self);
  g_clear_pointer (&self->import_paths, g_strfreev);
  g_clear_pointer (&self->import_checked, g_ptr_array_unref);
  g_clear_pointer (&self->import_paper, g_free);
  g_clear_pointer (&self->import_date, g_free);

  G_OBJECT_CLASS (sd_window_parent_class)->dispose (object);
}

static void
sd_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->engine = g_value_dup_object (value);
      self->store = SD_IS_STORE (self->engine) ? g_object_ref (SD_STORE (self->engine)) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
is_undo_key (const GdkEventKey *event)
{
  guint keyval = gdk_keyval_to_lower (event->keyval);

  return (event->state & GDK_CONTROL_MASK) != 0 && (keyval == GDK_KEY_z || keyval == GDK_KEY_y);
}

/* In a text field the keys go to the field first, as in GNOME's editors:
 * Ctrl+Z typed in the search box or the note must never undo editorial work
 * on the library.  GTK 3's fields have no undo of their own, so the keys do
 * nothing there. */
static gboolean
sd_window_key_press_event (GtkWidget *widget, GdkEventKey *event)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (widget));

  /* The article is a text view too, but read-only: there Ctrl+Z is the
   * library's. */
  gboolean typing =
      (GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)))
      || (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)));

  if (typing)
    {
      if (gtk_window_propagate_key_event (GTK_WINDOW (widget), event))
        return TRUE;
      if (is_undo_key (event))
        return TRUE;
    }
  return GTK_WIDGET_CLASS (sd_window_parent_class)->key_press_event (widget, event);
}

/* "Show" on the notification after an undo: the story, in the list when it
 * is listed, else in the article view on its own. */
static void
toast_activated_cb (SdWindow *self, gint64 story_id)
{
  if (!sd_story_list_select_story (self->story_list, story_id))
    sd_story_model_set_id (self->shown, story_id);
}

void
_sd_window_notify_step (SdWindow *self, const char *format, const char *label, gint64 story_id)
{
  g_autofree char *message = g_strdup_printf (format, label);

  sd_toast_show (self->toast, message, story_id);
}

static void
sd_window_class_init (SdWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_window_constructed;
  object_class->dispose = sd_window_dispose;
  object_class->set_property = sd_window_set_property;
  widget_class->delete_event = sd_window_delete_event;
  widget_class->key_press_event = sd_window_key_press_event;

  properties[PROP_LIBRARY] =
      g_param_spec_object ("library", NULL, NULL, SD_TYPE_LIBRARY,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SD_TYPE_PLACE_TREE);
  g_type_ensure (SD_TYPE_STORY_LIST);
  g_type_ensure (SD_TYPE_ARTICLE_VIEW);
  g_type_ensure (SD_TYPE_STORY_INSPECTOR);
  g_type_ensure (SD_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/storydesk/Storydesk/ui/sd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, query_problem_popover);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, query_problem_label);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, saved_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, forget_search_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, place_tree);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, place_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stories_dropped_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_repair_cb);
  gtk_widget_class_bind_template_callback (widget_class, story_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "save_search_cb",
                                                G_CALLBACK (_sd_window_save_search));
  gtk_widget_class_bind_template_callback_full (widget_class, "forget_search_cb",
                                                G_CALLBACK (_sd_window_forget_search));
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, info_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, toast_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, toast);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, redo_button);
}

static void
sd_window_init (SdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The slot of the query's problem icon, empty, as the first list landed
   * made it when show_query_problem () set no icon on every list: the
   * placeholder is cut where it always was. */
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self->search_entry), GTK_ENTRY_ICON_SECONDARY,
                                     NULL);
}

SdWindow *
sd_window_new (SdApplication *application, SdLibrary *library)
{
  return g_object_new (SD_TYPE_WINDOW, "application", application, "library", library, NULL);
}
