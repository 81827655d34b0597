/* sd-tag-panel.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-tag-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-tag-panel.h"

/* Long enough not to write on every key, short enough that a crash loses
 * at most a few words. */
#define NOTE_SAVE_DELAY_MS 600

struct _SdTagPanel
{
  GtkBox          parent_instance;

  GtkComboBoxText *status_combo;
  GtkFlowBox      *tag_box;
  GtkEntry        *tag_entry;
  GtkListStore    *tag_names;
  GtkTextView     *note_view;
  GtkLabel        *saved_label;

  SdStore         *store;
  gint64           story_id;
  guint            note_timeout;
  gboolean         updating;
};

G_DEFINE_TYPE (SdTagPanel, sd_tag_panel, GTK_TYPE_BOX)

static void
show_error (SdTagPanel *self, const GError *error)
{
  g_warning ("%s", error->message);
  gtk_label_set_text (self->saved_label, error->message);
}

static void
show_saved (SdTagPanel *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = g_strdup_printf (_("Saved at %s"), time);

  gtk_label_set_text (self->saved_label, text);
}

static gboolean
save_note (SdTagPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (self->store == NULL || self->story_id == 0)
    return FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sd_store_set_note (self->store, self->story_id, note, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  gtk_text_buffer_set_modified (buffer, FALSE);
  show_saved (self);
  return TRUE;
}

static gboolean
note_timeout_cb (gpointer data)
{
  SdTagPanel *self = data;

  self->note_timeout = 0;
  save_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (SdTagPanel *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, self);
}

static gboolean
note_focus_out_cb (SdTagPanel *self)
{
  sd_tag_panel_flush (self);
  return GDK_EVENT_PROPAGATE;
}

static void
remove_tag_clicked_cb (GtkButton *button, SdTagPanel *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "sd-tag");
  g_autoptr (GError) error = NULL;

  if (!sd_store_remove_tag (self->store, self->story_id, tag, &error))
    show_error (self, error);
}

static GtkWidget *
create_chip (SdTagPanel *self, const char *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic", GTK_ICON_SIZE_MENU);
  g_autofree char *remove_name = g_strdup_printf (_("Remove tag %s"), tag);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Han tag names take Simplified Chinese forms whatever the locale. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);

  gtk_button_set_relief (GTK_BUTTON (button), GTK_RELIEF_NONE);
  gtk_widget_set_tooltip_text (button, remove_name);
  atk_object_set_name (gtk_widget_get_accessible (button), remove_name);
  g_object_set_data_full (G_OBJECT (button), "sd-tag", g_strdup (tag), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_tag_clicked_cb), self);

  gtk_container_add (GTK_CONTAINER (box), label);
  gtk_container_add (GTK_CONTAINER (box), button);
  gtk_style_context_add_class (gtk_widget_get_style_context (box), "sd-tag-chip");
  gtk_widget_show_all (box);
  return box;
}

static void
add_tag_from_entry (SdTagPanel *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_entry_get_text (self->tag_entry)));
  g_autoptr (GError) error = NULL;

  if (*tag == '\0' || self->store == NULL || self->story_id == 0)
    return;
  if (!sd_store_add_tag (self->store, self->story_id, tag, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_entry_set_text (self->tag_entry, "");
}

static void
tag_entry_activated_cb (SdTagPanel *self)
{
  add_tag_from_entry (self);
}

static void
tag_entry_icon_released_cb (SdTagPanel *self)
{
  add_tag_from_entry (self);
}

static void
status_changed_cb (SdTagPanel *self)
{
  const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->status_combo));
  g_autoptr (GError) error = NULL;
  SdStoryStatus status;

  if (self->updating || self->story_id == 0 || !sd_story_status_from_string (id, &status))
    return;
  if (!sd_store_set_status (self->store, self->story_id, status, &error))
    show_error (self, error);
}

static void
refresh_completion (SdTagPanel *self)
{
  g_autoptr (GPtrArray) tags = NULL;
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
  for (guint i = 0; i < tags->len; i++)
    gtk_list_store_insert_with_values (self->tag_names, NULL, -1, 0, g_ptr_array_index (tags, i),
                                       -1);
}

static void
show_story (SdTagPanel *self, const SdStory *story)
{
  GList *chips = gtk_container_get_children (GTK_CONTAINER (self->tag_box));

  self->updating = TRUE;
  for (GList *l = chips; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (chips);

  if (story != NULL)
    {
      for (guint i = 0; i < story->tags->len; i++)
        gtk_container_add (GTK_CONTAINER (self->tag_box),
                           create_chip (self, g_ptr_array_index (story->tags, i)));
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->status_combo),
                                   sd_story_status_to_string (story->status));
    }
  self->updating = FALSE;
}

static void
story_changed_cb (SdStore *store, gint64 id, SdTagPanel *self)
{
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GError) error = NULL;

  if (id != self->story_id)
    return;
  story = sd_store_get_story (store, id, &error);
  if (story == NULL)
    {
      show_error (self, error);
      return;
    }
  show_story (self, story);
  refresh_completion (self);
  show_saved (self);
}

static void
sd_tag_panel_dispose (GObject *object)
{
  SdTagPanel *self = SD_TAG_PANEL (object);

  sd_tag_panel_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_tag_panel_parent_class)->dispose (object);
}

static void
sd_tag_panel_class_init (SdTagPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_tag_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/storydesk/Storydesk/ui/sd-tag-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SdTagPanel, status_combo);
  gtk_widget_class_bind_template_child (widget_class, SdTagPanel, tag_box);
  gtk_widget_class_bind_template_child (widget_class, SdTagPanel, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, SdTagPanel, tag_names);
  gtk_widget_class_bind_template_child (widget_class, SdTagPanel, note_view);
  gtk_widget_class_bind_template_child (widget_class, SdTagPanel, saved_label);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_icon_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_focus_out_cb);
}

static void
sd_tag_panel_init (SdTagPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (SdStoryStatus status = SD_STORY_STATUS_NEW; status <= SD_STORY_STATUS_REJECTED; status++)
    gtk_combo_box_text_append (self->status_combo, sd_story_status_to_string (status),
                               sd_story_status_to_label (status));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
}

void
sd_tag_panel_set_store (SdTagPanel *self, SdStore *store)
{
  g_return_if_fail (SD_IS_TAG_PANEL (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "story-changed", G_CALLBACK (story_changed_cb), self);
  refresh_completion (self);
}

void
sd_tag_panel_set_story (SdTagPanel *self, const SdStory *story)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (SD_IS_TAG_PANEL (self));

  sd_tag_panel_flush (self);
  self->story_id = story != NULL ? story->id : 0;
  buffer = gtk_text_view_get_buffer (self->note_view);

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, story != NULL ? story->note : "", -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_entry_set_text (self->tag_entry, "");
  gtk_label_set_text (self->saved_label, "");
  self->updating = FALSE;

  show_story (self, story);
  gtk_widget_set_sensitive (GTK_WIDGET (self), story != NULL);
}

void
sd_tag_panel_flush (SdTagPanel *self)
{
  g_return_if_fail (SD_IS_TAG_PANEL (self));

  if (self->note_timeout != 0)
    save_note (self);
}
