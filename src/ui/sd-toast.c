/* sd-toast.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-toast"

#include "config.h"

#include "sd-toast.h"

/* Long enough to read a story's name, short enough not to stand in the way. */
#define SHOWN_SECONDS 6

struct _SdToast
{
  GtkRevealer parent_instance;

  GtkLabel  *message_label;
  GtkWidget *show_button;
  GtkWidget *undo_button;

  gint64 story_id;
  guint  hide_timeout;
};

enum
{
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdToast, sd_toast, GTK_TYPE_REVEALER)

static void
hide (SdToast *self)
{
  g_clear_handle_id (&self->hide_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self), FALSE);
}

static gboolean
hide_timeout_cb (gpointer data)
{
  SdToast *self = data;

  self->hide_timeout = 0;
  hide (self);
  return G_SOURCE_REMOVE;
}

static void
show_clicked_cb (SdToast *self)
{
  gint64 story_id = self->story_id;

  hide (self);
  g_signal_emit (self, signals[ACTIVATED], 0, story_id);
}

static void
close_clicked_cb (SdToast *self)
{
  hide (self);
}

static void
sd_toast_dispose (GObject *object)
{
  SdToast *self = SD_TOAST (object);

  g_clear_handle_id (&self->hide_timeout, g_source_remove);

  G_OBJECT_CLASS (sd_toast_parent_class)->dispose (object);
}

static void
sd_toast_class_init (SdToastClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_toast_dispose;

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/storydesk/Storydesk/ui/sd-toast.ui");
  gtk_widget_class_bind_template_child (widget_class, SdToast, message_label);
  gtk_widget_class_bind_template_child (widget_class, SdToast, show_button);
  gtk_widget_class_bind_template_child (widget_class, SdToast, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
sd_toast_init (SdToast *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show (SdToast *self, const char *message, gint64 story_id, gboolean undoable)
{
  self->story_id = story_id;
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (self->show_button, story_id != 0);
  gtk_widget_set_visible (self->undo_button, undoable);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self), TRUE);
  g_clear_handle_id (&self->hide_timeout, g_source_remove);
  self->hide_timeout = g_timeout_add_seconds (SHOWN_SECONDS, hide_timeout_cb, self);
}

void
sd_toast_show (SdToast *self, const char *message, gint64 story_id)
{
  g_return_if_fail (SD_IS_TOAST (self));
  show (self, message, story_id, FALSE);
}

/* After a step that is easily regretted (a delete): an Undo button, which
 * runs win.undo. */
void
sd_toast_show_undoable (SdToast *self, const char *message)
{
  g_return_if_fail (SD_IS_TOAST (self));
  show (self, message, 0, TRUE);
}
