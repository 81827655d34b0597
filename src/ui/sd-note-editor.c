/* sd-note-editor.c — the story's note in the side panel
 *
 * The note is saved a moment after the editor stops typing, over the note
 * the typing began from (its base).  When another writer (the command
 * line, another window) changed the note meanwhile, nothing is written:
 * the editor sees both texts and keeps one or both (#14 item 2).
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-note-editor.h"
#include "sd-widget-text.h"

/* Long enough not to write on every key, short enough that a crash loses
 * at most a few words. */
#define NOTE_SAVE_DELAY_MS 600

enum
{
  KEEP_MINE = 1,
  TAKE_THEIRS,
  KEEP_BOTH,
};

struct _SdNoteEditor
{
  GtkBox parent_instance;

  GtkTextView *text_view;
  GtkLabel    *saved_label;
  GtkInfoBar  *conflict_bar;
  GtkLabel    *theirs_label;

  SdEditHistory *history;
  gint64         story_id;
  char          *base;   /* the stored note the typed one began from */
  char          *theirs; /* in a conflict: the other writer's note, once known */
  gboolean       conflict;
  guint          save_timeout;
  gboolean       updating;
};

G_DEFINE_TYPE (SdNoteEditor, sd_note_editor, GTK_TYPE_BOX)

/* Sets *@field to a copy of @text (GLib 2.76's g_set_str ()). */
static void
replace_string (char **field, const char *text)
{
  char *copy = g_strdup (text);

  g_free (*field);
  *field = copy;
}

static char *
dup_typed (SdNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_typed (SdNoteEditor *self, const char *note)
{
  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), note, -1);
  self->updating = FALSE;
}

/* Shows what another writer made of the note while the editor typed, and
 * holds the editor's text back until the editor chooses. */
static void
show_conflict (SdNoteEditor *self, const char *theirs)
{
  self->conflict = TRUE;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (theirs != NULL)
    replace_string (&self->theirs, theirs);
  gtk_label_set_text (
      self->theirs_label,
      self->theirs == NULL ? "…" : *self->theirs == '\0' ? _("(empty)") : self->theirs);
  for (int response = KEEP_MINE; response <= KEEP_BOTH; response++)
    gtk_info_bar_set_response_sensitive (self->conflict_bar, response, self->theirs != NULL);
  gtk_label_set_text (self->saved_label, _("Not saved: choose which note to keep"));
  gtk_widget_show (GTK_WIDGET (self->conflict_bar));
}

static void
end_conflict (SdNoteEditor *self)
{
  self->conflict = FALSE;
  g_clear_pointer (&self->theirs, g_free);
  gtk_widget_hide (GTK_WIDGET (self->conflict_bar));
}

/* Saves the typed note over the note it began from, never over another
 * writer's: that is a conflict for the editor to settle. */
static gboolean
save (SdNoteEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->history == NULL || self->story_id == 0 || self->conflict)
    return FALSE;

  note = dup_typed (self);
  if (!sd_edit_history_set_note_from (self->history, self->story_id, self->base, note, &error))
    {
      if (g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED))
        show_conflict (self, NULL); /* their text comes with the library's change */
      else
        sd_note_editor_show_error (self, error);
      return FALSE;
    }
  replace_string (&self->base, note);
  sd_note_editor_show_saved (self);
  return TRUE;
}

static void
conflict_response_cb (SdNoteEditor *self, int response)
{
  g_autofree char *mine = dup_typed (self);
  g_autofree char *theirs = g_strdup (self->theirs);

  if (theirs == NULL)
    return;
  end_conflict (self);
  replace_string (&self->base, theirs);
  switch (response)
    {
    case KEEP_MINE:
      save (self);
      break;
    case TAKE_THEIRS:
      set_typed (self, theirs);
      sd_note_editor_show_saved (self);
      break;
    case KEEP_BOTH: /* theirs first, then what this editor typed */
      {
        g_autofree char *both =
            *theirs != '\0' ? g_strconcat (theirs, "\n", mine, NULL) : g_strdup (mine);
        set_typed (self, both);
        save (self);
      }
      break;
    default:
      break;
    }
}

static gboolean
save_timeout_cb (gpointer data)
{
  SdNoteEditor *self = data;

  self->save_timeout = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (SdNoteEditor *self)
{
  if (self->updating || self->conflict)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, save_timeout_cb, self);
}

static gboolean
focus_out_cb (SdNoteEditor *self)
{
  sd_note_editor_flush (self);
  return GDK_EVENT_PROPAGATE;
}

static void
sd_note_editor_dispose (GObject *object)
{
  SdNoteEditor *self = SD_NOTE_EDITOR (object);

  sd_note_editor_flush (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (sd_note_editor_parent_class)->dispose (object);
}

static void
sd_note_editor_finalize (GObject *object)
{
  SdNoteEditor *self = SD_NOTE_EDITOR (object);

  g_free (self->base);
  g_free (self->theirs);

  G_OBJECT_CLASS (sd_note_editor_parent_class)->finalize (object);
}

static void
sd_note_editor_class_init (SdNoteEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_note_editor_dispose;
  object_class->finalize = sd_note_editor_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SdNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, SdNoteEditor, saved_label);
  gtk_widget_class_bind_template_child (widget_class, SdNoteEditor, conflict_bar);
  gtk_widget_class_bind_template_child (widget_class, SdNoteEditor, theirs_label);
  gtk_widget_class_bind_template_callback (widget_class, focus_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, conflict_response_cb);
}

static void
sd_note_editor_init (SdNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (changed_cb), self);
}

void
sd_note_editor_set_history (SdNoteEditor *self, SdEditHistory *history)
{
  g_return_if_fail (SD_IS_NOTE_EDITOR (self));

  g_set_object (&self->history, history);
}

void
sd_note_editor_show_story (SdNoteEditor *self, const SdStory *story)
{
  g_return_if_fail (SD_IS_NOTE_EDITOR (self));

  /* Leaving a note in conflict keeps both texts rather than lose one. */
  if (self->conflict && self->theirs != NULL)
    conflict_response_cb (self, KEEP_BOTH);
  end_conflict (self);
  sd_note_editor_flush (self);

  self->story_id = story != NULL ? story->id : 0;
  replace_string (&self->base, story != NULL ? story->note : NULL);
  set_typed (self, story != NULL ? story->note : "");
  sd_label_update_text (self->saved_label, "");
}

void
sd_note_editor_update_story (SdNoteEditor *self, const SdStory *story)
{
  g_autofree char *typed = NULL;

  g_return_if_fail (SD_IS_NOTE_EDITOR (self));

  if (story->id != self->story_id)
    return;
  /* an undo, the command line or another window, or this editor's own
   * save coming back */
  typed = dup_typed (self);
  if (self->conflict)
    show_conflict (self, story->note);
  else if (g_strcmp0 (story->note, self->base) == 0)
    return;
  else if (self->save_timeout == 0 && g_strcmp0 (typed, self->base) == 0)
    {
      set_typed (self, story->note);
      replace_string (&self->base, story->note);
    }
  else if (g_strcmp0 (typed, story->note) == 0)
    replace_string (&self->base, story->note);
  else
    show_conflict (self, story->note);
}

void
sd_note_editor_flush (SdNoteEditor *self)
{
  g_return_if_fail (SD_IS_NOTE_EDITOR (self));

  if (self->save_timeout != 0)
    save (self);
}

void
sd_note_editor_show_saved (SdNoteEditor *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = g_strdup_printf (_("Saved at %s"), time);

  g_return_if_fail (SD_IS_NOTE_EDITOR (self));

  if (!self->conflict)
    gtk_label_set_text (self->saved_label, text);
}

void
sd_note_editor_show_error (SdNoteEditor *self, const GError *error)
{
  g_return_if_fail (SD_IS_NOTE_EDITOR (self));

  g_warning ("%s", error->message);
  gtk_label_set_text (self->saved_label, error->message);
}
