/* sd-story-inspector.c — the side panel for the selected stories
 *
 * One story shows its place, review status, tags, theme suggestions,
 * highlights and note; several show only the tags they carry, which can be
 * changed on all of them at once.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-gazetteer.h"
#include "sd-place-chooser.h"
#include "sd-story-inspector.h"
#include "sd-theme-suggester.h"

/* Long enough not to write on every key, short enough that a crash loses
 * at most a few words. */
#define NOTE_SAVE_DELAY_MS 600

struct _SdStoryInspector
{
  GtkBox parent_instance;

  GtkLabel        *selection_label;
  GtkWidget       *place_box;
  GtkMenuButton   *place_button;
  GtkLabel        *place_label;
  SdPlaceChooser  *place_chooser;
  GtkWidget       *status_box;
  GtkComboBoxText *status_combo;
  GtkFlowBox      *tag_box;
  GtkEntry        *tag_entry;
  GtkListStore    *tag_names;
  GtkWidget       *suggestion_box;
  GtkListBox      *suggestion_list;
  GtkWidget       *highlight_box;
  GtkListBox      *highlight_list;
  GtkWidget       *note_box;
  GtkTextView     *note_view;
  GtkLabel        *saved_label;

  SdStore       *store;
  SdEditHistory *history;
  GPtrArray     *stories; /* (element-type SdStory) the selection */
  gint64         note_story_id;
  guint          note_timeout;
  gboolean       updating;
};

G_DEFINE_TYPE (SdStoryInspector, sd_story_inspector, GTK_TYPE_BOX)

static void
show_error (SdStoryInspector *self, const GError *error)
{
  g_warning ("%s", error->message);
  gtk_label_set_text (self->saved_label, error->message);
}

static void
show_saved (SdStoryInspector *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = g_strdup_printf (_("Saved at %s"), time);

  gtk_label_set_text (self->saved_label, text);
}

/* The single story shown, or NULL for none or several. */
static const SdStory *
get_single_story (SdStoryInspector *self)
{
  return self->stories != NULL && self->stories->len == 1 ? g_ptr_array_index (self->stories, 0)
                                                          : NULL;
}

static GArray *
dup_selected_ids (SdStoryInspector *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; self->stories != NULL && i < self->stories->len; i++)
    g_array_append_val (ids, ((SdStory *) g_ptr_array_index (self->stories, i))->id);
  return ids;
}

static void
set_language (GtkLabel *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Han text takes Simplified Chinese forms whatever the locale. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static gboolean
save_note (SdStoryInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextIter      start, end;

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (self->history == NULL || self->note_story_id == 0)
    return FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sd_edit_history_set_note (self->history, self->note_story_id, note, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  show_saved (self);
  return TRUE;
}

static gboolean
note_timeout_cb (gpointer data)
{
  SdStoryInspector *self = data;

  self->note_timeout = 0;
  save_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (SdStoryInspector *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, self);
}

static gboolean
note_focus_out_cb (SdStoryInspector *self)
{
  sd_story_inspector_flush (self);
  return GDK_EVENT_PROPAGATE;
}

static void
change_tag (SdStoryInspector *self, const char *tag, gboolean add)
{
  g_autoptr (GArray) ids = dup_selected_ids (self);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (ids->len == 0 || self->history == NULL)
    return;
  ok =
      add ? sd_edit_history_add_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error)
          : sd_edit_history_remove_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error);
  if (!ok)
    show_error (self, error);
}

static void
remove_tag_clicked_cb (GtkButton *button, SdStoryInspector *self)
{
  change_tag (self, g_object_get_data (G_OBJECT (button), "sd-tag"), FALSE);
}

static void
rename_activated_cb (GtkEntry *entry, SdStoryInspector *self)
{
  const char *tag = g_object_get_data (G_OBJECT (entry), "sd-tag");
  g_autoptr (GError) error = NULL;

  if (!sd_store_rename_tag (self->store, tag, gtk_entry_get_text (entry), &error))
    show_error (self, error);
}

static void
color_set_cb (GtkColorButton *button, SdStoryInspector *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "sd-tag");
  g_autoptr (GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA          rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  if (!sd_store_set_tag_color (self->store, tag, color, &error))
    show_error (self, error);
}

/* A popover to rename (or merge into another name) and recolour a tag;
 * the change reaches every story that carries it. */
static GtkWidget *
create_tag_editor (SdStoryInspector *self,
                   GtkWidget        *relative_to,
                   const char       *tag,
                   const char       *color)
{
  GtkWidget *popover = gtk_popover_new (relative_to);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_color_button_new ();
  GdkRGBA    rgba;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  g_object_set (grid, "margin", 10, NULL);
  gtk_entry_set_text (GTK_ENTRY (entry), tag);
  gtk_widget_set_tooltip_text (entry, _("A new name for the tag on every story; an existing "
                                        "tag’s name merges the two"));
  atk_object_set_name (gtk_widget_get_accessible (entry), _("Rename tag"));
  g_object_set_data_full (G_OBJECT (entry), "sd-tag", g_strdup (tag), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_activated_cb), self);
  if (color != NULL && gdk_rgba_parse (&rgba, color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_object_set_data_full (G_OBJECT (button), "sd-tag", g_strdup (tag), g_free);
  g_signal_connect (button, "color-set", G_CALLBACK (color_set_cb), self);

  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Rename to")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Colour")), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), button, 1, 1, 1, 1);
  gtk_container_add (GTK_CONTAINER (popover), grid);
  gtk_widget_show_all (grid);
  return popover;
}

static GtkWidget *
create_chip (SdStoryInspector *self, const char *tag, const char *color, guint count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_menu_button_new ();
  GtkWidget *label;
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic", GTK_ICON_SIZE_MENU);
  g_autofree char *remove_name = g_strdup_printf (_("Remove tag %s"), tag);
  g_autofree char *text = count > 0 && self->stories->len > 1
                              ? g_strdup_printf ("%s (%u)", tag, count)
                              : g_strdup (tag);

  label = gtk_label_new (text);
  set_language (GTK_LABEL (label));
  gtk_container_add (GTK_CONTAINER (name), label);
  gtk_button_set_relief (GTK_BUTTON (name), GTK_RELIEF_NONE);
  gtk_widget_set_tooltip_text (name, _("Rename or recolour this tag"));
  atk_object_set_name (gtk_widget_get_accessible (name), tag);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (name), create_tag_editor (self, name, tag, color));

  gtk_button_set_relief (GTK_BUTTON (remove), GTK_RELIEF_NONE);
  gtk_widget_set_tooltip_text (remove, remove_name);
  atk_object_set_name (gtk_widget_get_accessible (remove), remove_name);
  g_object_set_data_full (G_OBJECT (remove), "sd-tag", g_strdup (tag), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_tag_clicked_cb), self);

  gtk_container_add (GTK_CONTAINER (box), name);
  gtk_container_add (GTK_CONTAINER (box), remove);
  gtk_style_context_add_class (gtk_widget_get_style_context (box), "sd-tag-chip");
  if (color != NULL)
    {
      /* Each chip carries its own colour; a provider per chip is cheap at
       * the handful of tags a story has. */
      g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
      g_autofree char *rule =
          g_strdup_printf (".sd-tag-chip { background-color: alpha(%s, 0.3); }", color);
      gtk_css_provider_load_from_data (css, rule, -1, NULL);
      gtk_style_context_add_provider (gtk_widget_get_style_context (box), GTK_STYLE_PROVIDER (css),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_widget_show_all (box);
  return box;
}

static void
tag_entry_activated_cb (SdStoryInspector *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_entry_get_text (self->tag_entry)));

  if (*tag == '\0')
    return;
  change_tag (self, tag, TRUE);
  gtk_entry_set_text (self->tag_entry, "");
}

static void
status_changed_cb (SdStoryInspector *self)
{
  const char    *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->status_combo));
  const SdStory *story = get_single_story (self);
  g_autoptr (GError) error = NULL;
  SdStoryStatus status;

  if (self->updating || story == NULL || !sd_story_status_from_string (id, &status))
    return;
  if (!sd_edit_history_set_status (self->history, story->id, status, &error))
    show_error (self, error);
}

static void
accept_clicked_cb (GtkButton *button, SdStoryInspector *self)
{
  change_tag (self, g_object_get_data (G_OBJECT (button), "sd-theme"), TRUE);
}

static void
dismiss_clicked_cb (GtkButton *button, SdStoryInspector *self)
{
  const SdStory *story = get_single_story (self);
  g_autoptr (GError) error = NULL;

  if (story != NULL
      && !sd_edit_history_dismiss_theme (self->history, story->id,
                                         g_object_get_data (G_OBJECT (button), "sd-theme"), &error))
    show_error (self, error);
}

static GtkWidget *
create_icon_button (const char       *icon,
                    const char       *name,
                    const char       *data_key,
                    const char       *value,
                    GCallback         callback,
                    SdStoryInspector *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon, GTK_ICON_SIZE_BUTTON);

  gtk_button_set_relief (GTK_BUTTON (button), GTK_RELIEF_NONE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  atk_object_set_name (gtk_widget_get_accessible (button), name);
  if (data_key != NULL)
    g_object_set_data_full (G_OBJECT (button), data_key, g_strdup (value), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
create_suggestion_row (SdStoryInspector *self, const SdThemeSuggestion *suggestion)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr (GString) evidence = g_string_new (NULL);
  g_autofree char *title =
      g_strdup_printf ("%s  <small>%.1f</small>", suggestion->theme, suggestion->score);
  g_autofree char *accept = g_strdup_printf (_("Accept %s"), suggestion->theme);
  g_autofree char *dismiss = g_strdup_printf (_("Dismiss %s"), suggestion->theme);
  GtkWidget       *label;

  for (guint i = 0; i < suggestion->evidence->len && i < 4; i++)
    {
      const SdThemeEvidence *hit = g_ptr_array_index (suggestion->evidence, i);
      g_string_append_printf (evidence, "%s%s×%u", i ? " " : "", hit->keyword, hit->count);
    }

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (label, suggestion->description);
  gtk_container_add (GTK_CONTAINER (text), label);
  label = gtk_label_new (evidence->str);
  set_language (GTK_LABEL (label));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "dim-label");
  gtk_container_add (GTK_CONTAINER (text), label);
  gtk_widget_set_hexpand (text, TRUE);

  g_object_set (row, "margin", 4, NULL);
  gtk_container_add (GTK_CONTAINER (row), text);
  gtk_container_add (GTK_CONTAINER (row),
                     create_icon_button ("object-select-symbolic", accept, "sd-theme",
                                         suggestion->theme, G_CALLBACK (accept_clicked_cb), self));
  gtk_container_add (GTK_CONTAINER (row),
                     create_icon_button ("window-close-symbolic", dismiss, "sd-theme",
                                         suggestion->theme, G_CALLBACK (dismiss_clicked_cb), self));
  gtk_widget_show_all (row);
  return row;
}

static void
remove_highlight_clicked_cb (GtkButton *button, SdStoryInspector *self)
{
  const SdStory *story = get_single_story (self);
  gint64         id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sd-highlight"));
  g_autoptr (GError) error = NULL;

  if (story != NULL && !sd_edit_history_remove_highlight (self->history, story->id, id, &error))
    show_error (self, error);
}

static GtkWidget *
create_highlight_row (SdStoryInspector *self, const SdHighlight *highlight)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *quote = gtk_label_new (highlight->quote);
  GtkWidget *button;

  set_language (GTK_LABEL (quote));
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_line_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_container_add (GTK_CONTAINER (text), quote);
  if (highlight->comment != NULL && *highlight->comment != '\0')
    {
      GtkWidget *comment = gtk_label_new (highlight->comment);
      set_language (GTK_LABEL (comment));
      gtk_label_set_xalign (GTK_LABEL (comment), 0);
      gtk_label_set_line_wrap (GTK_LABEL (comment), TRUE);
      gtk_style_context_add_class (gtk_widget_get_style_context (comment), "dim-label");
      gtk_container_add (GTK_CONTAINER (text), comment);
    }
  gtk_widget_set_hexpand (text, TRUE);
  button = create_icon_button ("edit-delete-symbolic", _("Remove highlight"), NULL, NULL,
                                                          G_CALLBACK (remove_highlight_clicked_cb),
                                                          self);
  g_object_set_data (G_OBJECT (button), "sd-highlight", GSIZE_TO_POINTER (highlight->id));

  g_object_set (row, "margin", 4, NULL);
  gtk_container_add (GTK_CONTAINER (row), text);
  gtk_container_add (GTK_CONTAINER (row), button);
  gtk_widget_show_all (row);
  return row;
}

static void
clear_container (GtkContainer *container)
{
  GList *children = gtk_container_get_children (container);

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

static void
refresh_completion (SdStoryInspector *self)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) themes =
      sd_theme_vocabulary_list_themes (sd_theme_vocabulary_get_default ());
  g_autoptr (GError) error = NULL;

  gtk_list_store_clear (self->tag_names);
  if (self->store == NULL)
    return;
  tags = sd_store_list_tags (self->store, &error);
  if (tags == NULL)
    {
      show_error (self, error);
      return;
    }
  /* The tags in use first, then the themes of the vocabulary. */
  for (guint i = 0; i < tags->len + themes->len; i++)
    {
      const char *name =
          i < tags->len ? g_ptr_array_index (tags, i) : g_ptr_array_index (themes, i - tags->len);
      if (g_hash_table_add (seen, (gpointer) name))
        gtk_list_store_insert_with_values (self->tag_names, NULL, -1, 0, name, -1);
    }
}

static void
show_tags (SdStoryInspector *self)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GHashTable) colors = NULL;

  clear_container (GTK_CONTAINER (self->tag_box));
  colors = self->store != NULL ? sd_store_dup_tag_colors (self->store, NULL) : NULL;
  for (guint i = 0; self->stories != NULL && i < self->stories->len; i++)
    {
      const SdStory *story = g_ptr_array_index (self->stories, i);
      for (guint t = 0; t < story->tags->len; t++)
        {
          char *tag = g_ptr_array_index (story->tags, t);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag));
          if (count == 0)
            g_ptr_array_add (order, tag);
          g_hash_table_insert (counts, tag, GUINT_TO_POINTER (count + 1));
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *tag = g_ptr_array_index (order, i);
      gtk_container_add (GTK_CONTAINER (self->tag_box),
                         create_chip (self, tag, colors ? g_hash_table_lookup (colors, tag) : NULL,
                                      GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag))));
    }
}

static void
show_suggestions (SdStoryInspector *self, const SdStory *story)
{
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GPtrArray) dismissed = NULL;

  clear_container (GTK_CONTAINER (self->suggestion_list));
  gtk_widget_set_visible (self->suggestion_box, FALSE);
  if (story == NULL)
    return;
  dismissed = sd_store_list_dismissed_themes (self->store, story->id, NULL);
  suggestions =
      sd_theme_suggester_suggest_for_story (sd_theme_vocabulary_get_default (), story, dismissed);
  for (guint i = 0; i < suggestions->len; i++)
    gtk_container_add (GTK_CONTAINER (self->suggestion_list),
                       create_suggestion_row (self, g_ptr_array_index (suggestions, i)));
  gtk_widget_set_visible (self->suggestion_box, suggestions->len > 0);
}

static void
show_highlights (SdStoryInspector *self, const SdStory *story)
{
  clear_container (GTK_CONTAINER (self->highlight_list));
  for (guint i = 0; story != NULL && story->highlights != NULL && i < story->highlights->len; i++)
    gtk_container_add (GTK_CONTAINER (self->highlight_list),
                       create_highlight_row (self, g_ptr_array_index (story->highlights, i)));
  gtk_widget_set_visible (self->highlight_box,
                          story != NULL && story->highlights != NULL && story->highlights->len > 0);
}

static void
place_chosen_cb (SdStoryInspector *self, const char *code)
{
  const SdStory *story = get_single_story (self);
  g_autoptr (GError) error = NULL;

  if (story == NULL || g_strcmp0 (code, story->place_code) == 0)
    return;
  if (!sd_edit_history_set_place (self->history, story->id, code, &error))
    show_error (self, error);
}

static void
show_place (SdStoryInspector *self, const SdStory *story)
{
  SdGazetteer     *gazetteer = sd_gazetteer_get_default ();
  const SdPlace   *place = story != NULL && story->place_code != NULL
                               ? sd_gazetteer_lookup (gazetteer, story->place_code)
                               : NULL;
  const SdPlace   *city = NULL, *district = NULL, *town = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->place_box, story != NULL);
  if (story == NULL)
    return;
  sd_place_chooser_set_current (self->place_chooser, story->place_code);
  if (place == NULL)
    text = g_strdup (_("Unplaced"));
  else if (place->level == SD_PLACE_LEVEL_PROVINCE)
    text = g_strdup (place->name);
  else
    {
      sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);
      text = g_strjoin (" ", city ? city->name : "", district ? district->name : "",
                        town ? town->name : "", NULL);
      g_strstrip (text);
    }
  if (story->place_by_editor)
    {
      g_autofree char *marked = g_strdup_printf (_("%s (by an editor)"), text);
      g_free (text);
      text = g_steal_pointer (&marked);
    }
  gtk_label_set_text (self->place_label, text);
}

/* Shows everything but the note, which has its own life while typed. */
static void
show_selection (SdStoryInspector *self)
{
  const SdStory *story = get_single_story (self);
  guint          n = self->stories != NULL ? self->stories->len : 0;

  self->updating = TRUE;
  show_tags (self);
  if (story != NULL)
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->status_combo),
                                 sd_story_status_to_string (story->status));
  show_suggestions (self, story);
  show_highlights (self, story);
  show_place (self, story);

  gtk_widget_set_visible (self->status_box, story != NULL);
  gtk_widget_set_visible (self->note_box, story != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->selection_label), n > 1);
  if (n > 1)
    {
      g_autofree char *text =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story selected: tags apply to all",
                                        "%u stories selected: tags apply to all", n),
                           n);
      gtk_label_set_text (self->selection_label, text);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), n > 0);
  self->updating = FALSE;
}

static void
sd_story_inspector_dispose (GObject *object)
{
  SdStoryInspector *self = SD_STORY_INSPECTOR (object);

  if (self->history != NULL)
    sd_story_inspector_flush (self);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_pointer (&self->stories, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_story_inspector_parent_class)->dispose (object);
}

static void
sd_story_inspector_class_init (SdStoryInspectorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_story_inspector_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-story-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, place_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, place_button);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, place_label);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, status_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, status_combo);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, tag_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, tag_names);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, highlight_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, highlight_list);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, note_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, saved_label);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_focus_out_cb);
}

static void
sd_story_inspector_init (SdStoryInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_language (self->place_label);
  self->place_chooser = SD_PLACE_CHOOSER (sd_place_chooser_new (GTK_WIDGET (self->place_button)));
  gtk_menu_button_set_popover (self->place_button, GTK_WIDGET (self->place_chooser));
  g_signal_connect_object (self->place_chooser, "place-chosen", G_CALLBACK (place_chosen_cb), self,
                           G_CONNECT_SWAPPED);

  for (SdStoryStatus status = SD_STORY_STATUS_NEW; status <= SD_STORY_STATUS_REJECTED; status++)
    gtk_combo_box_text_append (self->status_combo, sd_story_status_to_string (status),
                               sd_story_status_to_label (status));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
}

void
sd_story_inspector_set_history (SdStoryInspector *self, SdStore *store, SdEditHistory *history)
{
  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  refresh_completion (self);
}

void
sd_story_inspector_set_stories (SdStoryInspector *self, GPtrArray *stories)
{
  GtkTextBuffer *buffer;
  const SdStory *story;

  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  sd_story_inspector_flush (self);
  if (self->history != NULL)
    sd_edit_history_close_group (self->history);
  g_clear_pointer (&self->stories, g_ptr_array_unref);
  if (stories != NULL)
    self->stories = g_ptr_array_ref (stories);
  story = get_single_story (self);
  self->note_story_id = story != NULL ? story->id : 0;

  buffer = gtk_text_view_get_buffer (self->note_view);
  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, story != NULL ? story->note : "", -1);
  gtk_entry_set_text (self->tag_entry, "");
  gtk_label_set_text (self->saved_label, "");
  self->updating = FALSE;

  show_selection (self);
}

void
sd_story_inspector_update_story (SdStoryInspector *self, const SdStory *story)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *typed = NULL;
  GtkTextIter      start, end;

  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  for (guint i = 0; self->stories != NULL && i < self->stories->len; i++)
    {
      SdStory *old = g_ptr_array_index (self->stories, i);

      if (old->id != story->id)
        continue;
      g_ptr_array_index (self->stories, i) = sd_story_ref ((SdStory *) story);
      sd_story_unref (old);
    }
  show_selection (self);
  refresh_completion (self);

  /* An undo or another window changed the note: show it, unless the
   * editor is typing this very moment. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (story->id == self->note_story_id && self->note_timeout == 0
      && g_strcmp0 (typed, story->note) != 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (buffer, story->note, -1);
      self->updating = FALSE;
    }
  show_saved (self);
}

void
sd_story_inspector_flush (SdStoryInspector *self)
{
  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  if (self->note_timeout != 0)
    save_note (self);
}
