/* sd-window-searches.c — saved searches: the search box's popover keeps
 * the query typed under a name, and forgets one picked in the tree
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-window-private.h"

void
_sd_window_save_search (SdWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_entry_get_text (self->saved_name_entry)));
  const char      *query = gtk_entry_get_text (GTK_ENTRY (self->search_entry));
  g_autoptr (GError) error = NULL;

  if (*name == '\0' || *query == '\0')
    {
      _sd_window_show_message (
          self, GTK_MESSAGE_INFO,
          _("Type a search, then give it a name to keep it under Saved searches."));
      return;
    }
  if (!sd_library_model_save_search (self->library, name, query, &error))
    {
      _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  gtk_entry_set_text (self->saved_name_entry, "");
  gtk_popover_popdown (self->search_popover);
}

static void
forget_response_cb (GtkDialog *dialog, int response, SdWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "search-name");
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && !sd_library_model_delete_search (self->library, name, &error))
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* Forgetting cannot be undone: the editor confirms it first. */
void
_sd_window_forget_search (SdWindow *self)
{
  g_autofree char *name = sd_place_tree_dup_selected_search_name (self->place_tree);
  GtkWidget       *dialog;

  if (name == NULL)
    {
      _sd_window_show_message (self, GTK_MESSAGE_INFO,
                               _("Pick a saved search in the tree first, then forget it here."));
      return;
    }
  gtk_popover_popdown (self->search_popover);
  dialog = gtk_message_dialog_new (
      GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION,
      GTK_BUTTONS_NONE, _("Forget the saved search “%s”?"), name);
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), _("Its query is forgotten; the stories it found stay."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                  _("_Forget"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "search-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_widget_show (dialog);
}
