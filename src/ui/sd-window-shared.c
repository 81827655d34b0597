/* sd-window-shared.c — the window on a shared library (#17): what it cannot
 * do yet disabled with a tooltip saying why, and a bar while its server is
 * gone, when what is shown stays readable and edits are refused
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-window-private.h"

/* The window's actions a shared library cannot serve yet (or not for
 * everyone: import is an admin's), and what each needs of it. */
static const struct
{
  const char       *name;
  SdLibraryFeatures needs;
} missing[] = {
  { "import", SD_LIBRARY_CAN_IMPORT },
  { "import-folder", SD_LIBRARY_CAN_IMPORT },
  { "import-recent", SD_LIBRARY_CAN_IMPORT },
  { "export", SD_LIBRARY_CAN_EXPORT },
  { "print", SD_LIBRARY_CAN_EXPORT },
  { "print-to-file", SD_LIBRARY_CAN_EXPORT },
  { "undo", SD_LIBRARY_CAN_UNDO },
  { "redo", SD_LIBRARY_CAN_UNDO },
  { "highlight", SD_LIBRARY_CAN_MARK },
  { "split-story", SD_LIBRARY_CAN_CORRECT },
  { "merge-story", SD_LIBRARY_CAN_CORRECT },
  { "edit-story", SD_LIBRARY_CAN_CORRECT },
  { "move-stories", SD_LIBRARY_CAN_CORRECT },
  { "show-in-page", SD_LIBRARY_CAN_PAGE_TEXT },
  { "edit-page-details", SD_LIBRARY_CAN_PAGES },
  /* corrections are a reviewer's, the trash an admin's (#17) */
  { "delete-stories", SD_LIBRARY_CAN_TRASH },
  { "delete-page", SD_LIBRARY_CAN_TRASH },
  { "delete-batch", SD_LIBRARY_CAN_TRASH },
  { "restore-stories", SD_LIBRARY_CAN_TRASH },
  { "restore-all", SD_LIBRARY_CAN_TRASH },
  { "empty-trash", SD_LIBRARY_CAN_TRASH },
};

/* What action @name needs that the library lacks; 0 when nothing. */
static SdLibraryFeatures
lacks (SdWindow *self, const char *name)
{
  SdLibraryFeatures features = sd_library_get_features (self->engine);

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    if (g_str_equal (missing[i].name, name) && (features & missing[i].needs) == 0)
      return missing[i].needs;
  return 0;
}

/* A button of a disabled action says why (GTK 3 shows a tooltip on an
 * insensitive widget); the menus' items are only greyed out. */
static void
explain_cb (GtkWidget *widget, gpointer user_data)
{
  SdWindow         *self = user_data;
  const char       *name;
  SdLibraryFeatures needed;

  if (GTK_IS_ACTIONABLE (widget)
      && (name = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))) != NULL
      && g_str_has_prefix (name, "win.") && (needed = lacks (self, name + 4)) != 0)
    gtk_widget_set_tooltip_text (widget,
                                 sd_library_describe_missing_feature (self->engine, needed));
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), explain_cb, self);
}

/* An action another file of the window enables when it applies (undo
 * after a step, split with a story shown) stays off. */
static void
keep_disabled_cb (GSimpleAction *action, GParamSpec *pspec, gpointer user_data)
{
  if (g_action_get_enabled (G_ACTION (action)))
    g_simple_action_set_enabled (action, FALSE);
}

static void
online_changed_cb (SdLibrary *library, gboolean online, SdWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->offline_bar), !online);
  /* a refusal for want of the server is over with it */
  if (online)
    gtk_widget_hide (GTK_WIDGET (self->info_bar));
  /* refused by the library anyway: the editor sees it before typing */
  gtk_widget_set_sensitive (GTK_WIDGET (self->inspector), online);
}

static GtkInfoBar *
make_offline_bar (SdWindow *self)
{
  GtkWidget *bar = gtk_info_bar_new ();
  GtkWidget *label = gtk_label_new (
      _("The shared library’s server cannot be reached. What is shown stays readable; changes "
        "are refused, not kept, until it is back (Storydesk tries again every second)."));

  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_WARNING);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_container_add (GTK_CONTAINER (gtk_info_bar_get_content_area (GTK_INFO_BAR (bar))), label);
  gtk_widget_show (label);
  gtk_widget_set_no_show_all (bar, TRUE);
  gtk_widget_set_name (bar, "offline-bar");
  return GTK_INFO_BAR (bar);
}

void
_sd_window_setup_shared (SdWindow *self)
{
  GtkWidget       *box = gtk_widget_get_parent (GTK_WIDGET (self->info_bar));
  g_autofree char *title = NULL;

  if (self->store != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), missing[i].name);

      if (action == NULL || !G_IS_SIMPLE_ACTION (action) || lacks (self, missing[i].name) == 0)
        continue;
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
      g_signal_connect (action, "notify::enabled", G_CALLBACK (keep_disabled_cb), NULL);
    }
  explain_cb (GTK_WIDGET (self), self);

  /* over the window's own message bar */
  self->offline_bar = make_offline_bar (self);
  if (GTK_IS_BOX (box))
    {
      GValue position = G_VALUE_INIT;

      g_value_init (&position, G_TYPE_INT);
      gtk_container_child_get_property (GTK_CONTAINER (box), GTK_WIDGET (self->info_bar),
                                        "position", &position);
      gtk_box_pack_start (GTK_BOX (box), GTK_WIDGET (self->offline_bar), FALSE, FALSE, 0);
      gtk_box_reorder_child (GTK_BOX (box), GTK_WIDGET (self->offline_bar),
                             g_value_get_int (&position));
    }
  g_signal_connect_object (self->engine, "online-changed", G_CALLBACK (online_changed_cb), self, 0);
  online_changed_cb (self->engine, sd_library_is_online (self->engine), self);

  title = g_strdup_printf (_("%s — shared library"), gtk_window_get_title (GTK_WINDOW (self)));
  gtk_window_set_title (GTK_WINDOW (self), title);
}
