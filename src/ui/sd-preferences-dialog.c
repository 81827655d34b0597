/* sd-preferences-dialog.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-preferences-dialog.h"

struct _SdPreferencesDialog
{
  GtkDialog parent_instance;

  GtkEntry      *editor_entry;
  GtkLabel      *editor_hint;
  GtkSpinButton *font_size_button;
};

G_DEFINE_TYPE (SdPreferencesDialog, sd_preferences_dialog, GTK_TYPE_DIALOG)

static void
sd_preferences_dialog_class_init (SdPreferencesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesDialog, editor_entry);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesDialog, editor_hint);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesDialog, font_size_button);
}

static void
sd_preferences_dialog_init (SdPreferencesDialog *self)
{
  g_autofree char *hint = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  hint = g_strdup_printf (_("Recorded with every tag, note, highlight and status change. "
                            "Empty: %s"),
                             g_get_real_name ());
  gtk_label_set_text (self->editor_hint, hint);
  gtk_entry_set_placeholder_text (self->editor_entry, g_get_real_name ());
}

void
sd_preferences_dialog_present (GtkWindow *parent, GSettings *settings)
{
  SdPreferencesDialog *self = g_object_new (SD_TYPE_PREFERENCES_DIALOG, "transient-for", parent,
                                            "use-header-bar", TRUE, NULL);

  g_settings_bind (settings, "editor-name", self->editor_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "article-font-size", self->font_size_button, "value",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_window_present (GTK_WINDOW (self));
}
