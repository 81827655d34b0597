/* sd-application-shared.c — opening the window on a shared library
 * (`storydesk --db postgresql://…`, #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-application-private.h"
#include "sd-pg-shared.h"

SdWindow *
_sd_application_open_shared (SdApplication *self, const char *location)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgShared) shared = sd_pg_shared_open (location, &error);
  SdWindow *window;

  if (shared == NULL)
    {
      GtkWidget *dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("The shared library cannot be opened"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
      gtk_widget_show (dialog);
      return NULL;
    }
  window = sd_window_new (self, SD_LIBRARY (shared));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
