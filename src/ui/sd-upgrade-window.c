/* sd-upgrade-window.c — the window shown while a personal library's
 * schema is brought up to date
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-upgrade-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-upgrade-window.h"

struct _SdUpgradeWindow
{
  GtkWindow parent_instance;

  GtkStack       *stack;
  GtkLabel       *stories_label;
  GtkLabel       *path_label;
  GtkProgressBar *progress;
  GtkLabel       *failed_label;
  GtkWidget      *close_button;

  GCancellable *cancellable;
  guint         pulse_source;
};

/* A plain window of the application, as the connection window is: the
 * library's window, which takes its place, stays window 1. */
G_DEFINE_TYPE (SdUpgradeWindow, sd_upgrade_window, GTK_TYPE_WINDOW)

/* FTS5's rebuild is one statement, which says nothing of how far it is:
 * the bar pulses, and shows that the window's main loop runs. */
static gboolean
pulse_cb (gpointer user_data)
{
  SdUpgradeWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
close_clicked_cb (SdUpgradeWindow *self)
{
  gtk_widget_destroy (GTK_WIDGET (self));
}

static void
sd_upgrade_window_destroy (GtkWidget *widget)
{
  SdUpgradeWindow *self = SD_UPGRADE_WINDOW (widget);

  /* closed or quit during the update: it stops, rolled back */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);

  GTK_WIDGET_CLASS (sd_upgrade_window_parent_class)->destroy (widget);
}

static void
sd_upgrade_window_finalize (GObject *object)
{
  SdUpgradeWindow *self = SD_UPGRADE_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sd_upgrade_window_parent_class)->finalize (object);
}

static void
sd_upgrade_window_class_init (SdUpgradeWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sd_upgrade_window_finalize;
  widget_class->destroy = sd_upgrade_window_destroy;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/storydesk/Storydesk/ui/"
                                                             "sd-upgrade-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdUpgradeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SdUpgradeWindow, stories_label);
  gtk_widget_class_bind_template_child (widget_class, SdUpgradeWindow, path_label);
  gtk_widget_class_bind_template_child (widget_class, SdUpgradeWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, SdUpgradeWindow, failed_label);
  gtk_widget_class_bind_template_child (widget_class, SdUpgradeWindow, close_button);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
sd_upgrade_window_init (SdUpgradeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
}

SdUpgradeWindow *
sd_upgrade_window_new (GtkApplication *application, const char *path, gint64 n_stories)
{
  SdUpgradeWindow *self = g_object_new (SD_TYPE_UPGRADE_WINDOW, "application", application, NULL);
  g_autofree char *stories = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%lu story", "%lu stories", (gulong) n_stories),
      (gulong) n_stories);

  gtk_label_set_text (self->stories_label, stories);
  gtk_label_set_text (self->path_label, path);
  return self;
}

GCancellable *
sd_upgrade_window_get_cancellable (SdUpgradeWindow *self)
{
  g_return_val_if_fail (SD_IS_UPGRADE_WINDOW (self), NULL);
  return self->cancellable;
}

void
sd_upgrade_window_failed (SdUpgradeWindow *self, const char *message)
{
  g_return_if_fail (SD_IS_UPGRADE_WINDOW (self));
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_label_set_text (self->failed_label, message);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  gtk_widget_grab_focus (self->close_button);
}
