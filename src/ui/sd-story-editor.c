/* sd-story-editor.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-story-editor.h"

struct _SdStoryEditor
{
  GtkDialog parent_instance;

  GtkEntry *subheadline_entry;
  GtkEntry *headline_entry;
  GtkEntry *reporter_entry;
  GtkEntry *byline_entry;

  SdEditHistory *history;
  gint64         story_id;
  char          *shown[SD_STORY_FIELD_BYLINE + 1]; /* each field as the editor was shown
                                                  * it: a shared library writes only
                                                  * over that */
};

G_DEFINE_TYPE (SdStoryEditor, sd_story_editor, GTK_TYPE_DIALOG)

static void
apply_changes (SdStoryEditor *self)
{
  const struct
  {
    SdStoryField field;
    GtkEntry    *entry;
  } fields[] = {
    { SD_STORY_FIELD_SUBHEADLINE, self->subheadline_entry },
    { SD_STORY_FIELD_HEADLINE, self->headline_entry },
    { SD_STORY_FIELD_REPORTER, self->reporter_entry },
    { SD_STORY_FIELD_BYLINE, self->byline_entry },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *text = gtk_entry_get_text (fields[i].entry);

      /* Unchanged fields record nothing (the history compares). */
      if (!sd_edit_history_set_story_field_from (self->history, self->story_id, fields[i].field,
                                                 self->shown[fields[i].field],
                                                 *text != '\0' ? text : NULL, &error))
        {
          GtkWidget *dialog = gtk_message_dialog_new (
              GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, _("The correction was not saved"));
          gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                    error->message);
          gtk_dialog_run (GTK_DIALOG (dialog));
          gtk_widget_destroy (dialog);
          return;
        }
    }
}

static void
sd_story_editor_response (GtkDialog *dialog, int response)
{
  SdStoryEditor *self = SD_STORY_EDITOR (dialog);

  if (response == GTK_RESPONSE_APPLY)
    apply_changes (self);
  gtk_widget_destroy (GTK_WIDGET (self));
}

static void
sd_story_editor_dispose (GObject *object)
{
  SdStoryEditor *self = SD_STORY_EDITOR (object);

  g_clear_object (&self->history);
  for (guint i = 0; i < G_N_ELEMENTS (self->shown); i++)
    g_clear_pointer (&self->shown[i], g_free);

  G_OBJECT_CLASS (sd_story_editor_parent_class)->dispose (object);
}

static void
sd_story_editor_class_init (SdStoryEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkDialogClass *dialog_class = GTK_DIALOG_CLASS (klass);

  object_class->dispose = sd_story_editor_dispose;
  dialog_class->response = sd_story_editor_response;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-story-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SdStoryEditor, subheadline_entry);
  gtk_widget_class_bind_template_child (widget_class, SdStoryEditor, headline_entry);
  gtk_widget_class_bind_template_child (widget_class, SdStoryEditor, reporter_entry);
  gtk_widget_class_bind_template_child (widget_class, SdStoryEditor, byline_entry);
}

static void
sd_story_editor_init (SdStoryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sd_story_editor_present (GtkWindow *parent, SdEditHistory *history, const SdStory *story)
{
  SdStoryEditor *self =
      g_object_new (SD_TYPE_STORY_EDITOR, "transient-for", parent, "use-header-bar", FALSE, NULL);

  self->history = g_object_ref (history);
  self->story_id = story->id;
  self->shown[SD_STORY_FIELD_SUBHEADLINE] = g_strdup (story->subheadline ? story->subheadline : "");
  self->shown[SD_STORY_FIELD_HEADLINE] = g_strdup (story->headline ? story->headline : "");
  self->shown[SD_STORY_FIELD_REPORTER] = g_strdup (story->reporter ? story->reporter : "");
  self->shown[SD_STORY_FIELD_BYLINE] = g_strdup (story->byline ? story->byline : "");
  gtk_entry_set_text (self->subheadline_entry, self->shown[SD_STORY_FIELD_SUBHEADLINE]);
  gtk_entry_set_text (self->headline_entry, self->shown[SD_STORY_FIELD_HEADLINE]);
  gtk_entry_set_text (self->reporter_entry, self->shown[SD_STORY_FIELD_REPORTER]);
  gtk_entry_set_text (self->byline_entry, self->shown[SD_STORY_FIELD_BYLINE]);
  gtk_window_present (GTK_WINDOW (self));
}
