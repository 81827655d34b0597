/* sd-window-pages.c — a page's paper, date and page number from the window:
 * asked at import for files whose name and text carry none (the answer
 * remembered for their folder), and edited afterwards (Edit Page Details…)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-page-details-dialog.h"
#include "sd-window-private.h"

/* At most this many folders are remembered, the latest kept. */
#define MAX_FOLDERS 64

static char *
dup_folder (const SdImportResult *file)
{
  return g_path_get_dirname (file->path);
}

/* What was given for @folder before: (paper, date), or FALSE. */
static gboolean
lookup_folder (SdWindow *self, const char *folder, char **out_paper, char **out_date)
{
  g_autoptr (GVariant) folders = g_settings_get_value (self->settings, "page-details-by-folder");

  return g_variant_lookup (folders, folder, "(ss)", out_paper, out_date);
}

static void
remember_folder (SdWindow *self, const char *folder, const char *paper, const char *date)
{
  g_autoptr (GVariant) folders = g_settings_get_value (self->settings, "page-details-by-folder");
  GVariantBuilder builder;
  gsize           n = g_variant_n_children (folders);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(ss)}"));
  for (gsize i = n > MAX_FOLDERS - 1 ? n - (MAX_FOLDERS - 1) : 0; i < n; i++)
    {
      g_autoptr (GVariant) entry = g_variant_get_child_value (folders, i);
      g_autoptr (GVariant) key = g_variant_get_child_value (entry, 0);

      if (g_strcmp0 (g_variant_get_string (key, NULL), folder) != 0)
        g_variant_builder_add_value (&builder, entry);
    }
  g_variant_builder_add (&builder, "{s(ss)}", folder, paper, date);
  g_settings_set_value (self->settings, "page-details-by-folder", g_variant_builder_end (&builder));
}

static void
details_response_cb (SdPageDetailsDialog *dialog, int response, SdWindow *self)
{
  g_autofree char *paper = NULL, *date = NULL;
  g_autoptr (GError) error = NULL;
  const char *folder = g_object_get_data (G_OBJECT (dialog), "folder");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      /* a value that is not one: the dialog says why and stays */
      if (!sd_page_details_dialog_dup_values (dialog, &paper, &date, NULL, &error))
        return;
      remember_folder (self, folder, paper, date);
      g_free (self->import_paper);
      self->import_paper = *paper != '\0' ? g_steal_pointer (&paper) : NULL;
      g_free (self->import_date);
      self->import_date = *date != '\0' ? g_steal_pointer (&date) : NULL;
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
  _sd_window_import_continue (self,
                              response != GTK_RESPONSE_ACCEPT && response != GTK_RESPONSE_REJECT);
}

gboolean
_sd_window_ask_page_details (SdWindow *self, GPtrArray *results)
{
  const SdImportResult *first = NULL;
  guint                 n = 0;
  g_autofree char      *folder = NULL, *paper = NULL, *date = NULL, *heading = NULL;
  g_autofree char      *name = NULL;
  SdPageDetailsDialog  *dialog;

  /* the bundled sample pages of a first start are asked nothing */
  if (self->import_batch_kind == SD_BATCH_SAMPLE)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      const SdImportResult *file = g_ptr_array_index (results, i);

      /* a page known already keeps what it has; an export has its own */
      if (file->error != NULL || file->known || file->exchange
          || !(file->no_paper || file->no_date))
        continue;
      first = first != NULL ? first : file;
      n++;
    }
  if (n == 0)
    return FALSE;
  folder = dup_folder (first);
  name = first->name != NULL ? g_strdup (first->name) : g_filename_display_basename (first->path);
  if (n == 1)
    heading = g_strdup_printf (_("“%s” names no paper or date in its file name or its text. "
                                 "Give them here (either may stay empty); they are offered "
                                 "again for the files of its folder."),
                                  name);
  else
    heading = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u page file, “%s” among them, names no paper or date in its file name "
                     "or its text. Give them here (either may stay empty); they are offered "
                     "again for the files of its folder.",
                     "%u page files, “%s” among them, name no paper or date in their file "
                     "names or their text. Give them here for all of them (either may stay "
                     "empty); they are offered again for the files of their folder.",
                     n),
        n, name);
  lookup_folder (self, folder, &paper, &date);
  dialog = sd_page_details_dialog_new (GTK_WINDOW (self), _("Paper and Date of the Pages"),
                                                             heading, FALSE, paper, date, NULL);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                  _("Import _Without"), GTK_RESPONSE_REJECT,
                                                     _("_Import"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_steal_pointer (&folder), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
edit_response_cb (SdPageDetailsDialog *dialog, int response, SdWindow *self)
{
  g_autofree char *paper = NULL, *date = NULL, *page = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "story-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (!sd_page_details_dialog_dup_values (dialog, &paper, &date, &page, &error))
        return;
      /* the list, the tree and the article follow the store's signals */
      if (!sd_library_model_set_page_fields (self->library, id, paper, date, page, &error))
        _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* Edit Page Details…: the page of the story shown, or else of the first
 * story selected. */
static void
edit_page_details_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow            *self = user_data;
  SdStory             *story = sd_story_model_get_story (self->shown);
  SdPageDetailsDialog *dialog;
  g_autofree char     *heading = NULL;

  if (story == NULL)
    return;
  heading = g_strdup_printf (_("The page of “%s”: what is given here goes to every story "
                               "of that page. An empty field clears it."),
                                story->headline != NULL ? story->headline : "");
  dialog = sd_page_details_dialog_new (GTK_WINDOW (self), _("Page Details"), heading, TRUE,
                                                             story->paper, story->issue_date,
                                                             story->page_no);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                  _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "story-id", GSIZE_TO_POINTER ((gsize) story->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry page_entries[] = {
  { "edit-page-details", edit_page_details_activated },
};

void
_sd_window_add_page_actions (SdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), page_entries, G_N_ELEMENTS (page_entries),
                                   self);
}
