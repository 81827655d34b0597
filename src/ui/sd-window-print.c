/* sd-window-print.c — printing the selected stories, or the story shown,
 * with the PDF export's layout (sd-export-pages) on the paper chosen
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-export-pages.h"
#include "sd-window-private.h"

typedef struct
{
  SdWindow      *window;
  GPtrArray     *stories; /* (element-type SdStory) full records */
  SdExportPages *pages;
  char          *export_path; /* a PDF written without the dialog, or NULL */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->window);
  g_clear_pointer (&job->stories, g_ptr_array_unref);
  g_clear_pointer (&job->pages, sd_export_pages_free);
  g_free (job->export_path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

/* Laid out once the paper is known, as the export would on A4. */
static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  g_autoptr (GError) error = NULL;
  SdExportOptions options;

  sd_export_options_init (&options, SD_EXPORT_FORMAT_PDF);
  g_clear_pointer (&job->pages, sd_export_pages_free);
  job->pages = sd_export_pages_new (job->stories, &options, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context), NULL, &error);
  if (job->pages == NULL)
    {
      _sd_window_show_message (job->window, GTK_MESSAGE_ERROR, error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, sd_export_pages_get_n_pages (job->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, PrintJob *job)
{
  sd_export_pages_draw (job->pages, page, gtk_print_context_get_cairo_context (context));
}

static void
done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, PrintJob *job)
{
  SdWindow *self = job->window;
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->export_path == NULL)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

static void
run (PrintJob *job_owned)
{
  g_autoptr (PrintJob) job = job_owned;
  SdWindow *self = job->window;
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  g_autofree char        *title = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;

  if (job->stories->len == 1)
    title = sd_story_dup_title (g_ptr_array_index (job->stories, 0));
  else
    title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", job->stories->len),
                         job->stories->len);
  /* The page is drawn whole, margins and all, as in the PDF export. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* A4, as Chinese newsrooms print, until the editor picks another. */
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (job->export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, job->export_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  /* Not asynchronous: the operation and the job end here. */
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
  g_signal_handlers_disconnect_by_data (operation, job);
}

static void
stories_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PrintJob) job = user_data;
  g_autoptr (GError) error = NULL;

  if (job->window->library == NULL) /* the window went meanwhile */
    return;
  job->stories = sd_library_model_read_stories_finish (job->window->library, result, &error);
  if (job->stories == NULL)
    _sd_window_show_message (job->window, GTK_MESSAGE_ERROR, error->message);
  else if (job->stories->len > 0)
    run (g_steal_pointer (&job));
}

/* The selected stories, read in full first; one selected is the story
 * shown, which the window has whole. */
static void
print_stories (SdWindow *self, const char *export_path)
{
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  SdStory  *shown = sd_story_model_get_story (self->shown);
  PrintJob *job;

  if (ids->len <= 1 && shown == NULL)
    {
      _sd_window_show_message (self, GTK_MESSAGE_INFO, _("Select the stories to print."));
      return;
    }
  sd_story_inspector_flush (self->inspector);
  job = g_new0 (PrintJob, 1);
  job->window = g_object_ref (self);
  job->export_path = g_strdup (export_path);
  if (ids->len > 1)
    {
      sd_library_model_read_stories_async (self->library, (const gint64 *) ids->data, ids->len,
                                           NULL, stories_read_cb, job);
      return;
    }
  job->stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_ptr_array_add (job->stories, sd_story_ref (shown));
  run (job);
}

static void
print_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  print_stories (user_data, NULL);
}

/* Prints to a PDF file without the dialog, through the same operation:
 * for the tests, not in the menu. */
static void
print_to_file_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  print_stories (user_data, g_variant_get_string (parameter, NULL));
}

static const GActionEntry print_entries[] = {
  { "print", print_activated },
  { "print-to-file", print_to_file_activated, "s" },
};

void
_sd_window_add_print_actions (SdWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), print_entries, G_N_ELEMENTS (print_entries),
                                   self);
}
