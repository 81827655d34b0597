/* sd-window-import.c — importing pages from the window: a dry run first,
 * and when a new version of a page would drop stories the editor chooses
 * (replace, keep the old version, or cancel) before anything is written
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-frame-probe.h"
#include "sd-window-private.h"

/* @format: "Imported %s (%u of %u)" or the dry run's "Checking …" */
static void
show_progress (SdWindow *self, const char *format, guint done, guint total, const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gint64           now = g_get_monotonic_time ();

  /* A page at a time is 20 frames a second of a large import, each drawn
   * while the main thread and the import share the CPU: four are enough. */
  if (done > 1 && done < total && now - self->progress_shown < G_USEC_PER_SEC / 4)
    return;
  self->progress_shown = now;
  name = g_filename_display_basename (path);
  text = g_strdup_printf (format, name, done, total);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
}

/* The main loop ran again: the import need not step aside for it.  At an
 * idle's priority, so that a frame due, events and the lists' landing all
 * come first: while any is waiting, the import's thread sleeps at its next
 * pause point and the CPU goes to them (sd-import-pacer.c says why). */
static gboolean
import_beat_cb (gpointer data)
{
  sd_import_pacer_beat (data);
  return G_SOURCE_CONTINUE;
}

static void
start_import_pacer (SdWindow *self)
{
  _sd_window_stop_import_pacer (self);
  self->import_pacer = sd_import_pacer_new ();
  self->import_beat = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, SD_IMPORT_PACER_BEAT_MS,
                                          import_beat_cb, sd_import_pacer_ref (self->import_pacer),
                                          (GDestroyNotify) sd_import_pacer_unref);
}

void
_sd_window_stop_import_pacer (SdWindow *self)
{
  if (self->import_pacer != NULL)
    sd_import_pacer_stop (self->import_pacer);
  g_clear_handle_id (&self->import_beat, g_source_remove);
  g_clear_pointer (&self->import_pacer, sd_import_pacer_unref);
}

static void
import_progress_cb (guint done, guint total, const char *path, gpointer self)
{
  show_progress (self, _("Imported %s (%u of %u)"), done, total, path);
}

static void
check_progress_cb (guint done, guint total, const char *path, gpointer self)
{
  show_progress (self, _("Checking %s (%u of %u)"), done, total, path);
}

/* The import ended (@results NULL: it failed with @error, or was
 * cancelled): the summary, and the next import waiting. */
static void
import_done (SdWindow *self, GPtrArray *results, GError *error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->import_paths, g_strfreev);
  g_clear_pointer (&self->import_checked, g_ptr_array_unref);
  g_clear_pointer (&self->import_paper, g_free);
  g_clear_pointer (&self->import_date, g_free);
  self->import_details_asked = FALSE;
  _sd_window_stop_import_pacer (self);
  sd_frame_probe_mark ("import-done");
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->import_cancellable);
  g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import")), TRUE);
  _sd_window_import_next (self, results == NULL
                                    && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

  if (results == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
      sd_library_model_check_library (self->library);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      const SdImportResult *file = g_ptr_array_index (results, i);
      if (file->error != NULL)
        g_string_append_printf (problems, "%s%s", problems->len ? "\n" : "", file->error->message);
    }
  /* What was read, then what was refused: a partly refused import is a
   * warning that still says what came in. */
  summary = sd_import_results_dup_summary (results);
  if (problems->len > 0 && summary != NULL)
    {
      g_string_prepend_c (problems, '\n');
      g_string_prepend (problems, summary);
    }
  /* a refused file is a failure: the bar is an error's, red */
  if (problems->len > 0)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, problems->str);
  else if (summary != NULL)
    _sd_window_show_message (self, GTK_MESSAGE_INFO, summary);

  /* The worker wrote on its own connection: the store says what changed. */
  sd_library_model_check_library (self->library);
}

static void
import_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdWindow) self = user_data;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  if (self->library == NULL) /* the window went meanwhile */
    return;
  results = sd_library_model_import_finish (self->library, result, &error);
  import_done (self, results, error);
}

static void
run_import (SdWindow *self, gboolean allow_drop)
{
  const SdImportOptions options = { .paper = self->import_paper,
                                    .issue_date = self->import_date,
                                    .allow_drop = allow_drop,
                                    .batch_kind = self->import_batch_kind,
                                    .pacer = self->import_pacer };

  gtk_label_set_text (self->progress_label, _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  sd_library_model_import_async (self->library, (const char *const *) self->import_paths, &options,
                                 self->import_cancellable, import_progress_cb, import_finished_cb,
                                 self);
}

static void
replace_response_cb (GtkDialog *dialog, int response, SdWindow *self)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == GTK_RESPONSE_ACCEPT || response == GTK_RESPONSE_REJECT)
    {
      /* kept: those pages are refused, and say so; the others come in */
      run_import (self, response == GTK_RESPONSE_ACCEPT);
      return;
    }
  /* cancelled: nothing written */
  g_cancellable_cancel (self->import_cancellable);
  import_done (self, NULL, NULL);
}

/* Asks before new versions of pages drop @n_dropped stories; @pages
 * names them, one a line. */
static void
ask_replace (SdWindow *self, const char *first, guint n_pages, guint n_dropped, const char *pages)
{
  g_autofree char *question = NULL;
  GtkWidget       *dialog, *replace;

  if (n_pages == 1)
    question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Importing the new version of %s drops %u story "
                                             "of the old version",
                                             "Importing the new version of %s drops %u stories "
                                             "of the old version",
                                             n_dropped),
                                first, n_dropped);
  else
    question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Importing new versions of %u pages drops %u story "
                                             "of the old versions",
                                             "Importing new versions of %u pages drops %u stories "
                                             "of the old versions",
                                             n_dropped),
                                n_pages, n_dropped);
  dialog =
      gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), "%s\n\n%s", pages,
      _("Those stories match nothing in the new version and carry no editor's work; stories "
        "with tags, notes or a status are kept. Keeping the old version leaves those pages as "
        "they are and imports the others."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                                                  _("_Keep the Old Version"), GTK_RESPONSE_REJECT,
                                                     _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
  replace = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (replace), "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After the dry run: paper and date asked for files that name none, then
 * import at once, or ask first when new versions would drop stories. */
void
_sd_window_import_continue (SdWindow *self, gboolean cancelled)
{
  g_autoptr (GString) pages = g_string_new (NULL);
  GPtrArray  *results = self->import_checked;
  const char *first = NULL;
  guint       n_pages = 0, n_dropped = 0;

  if (cancelled)
    {
      g_cancellable_cancel (self->import_cancellable);
      import_done (self, NULL, NULL);
      return;
    }
  if (!self->import_details_asked)
    {
      self->import_details_asked = TRUE;
      if (_sd_window_ask_page_details (self, results))
        return; /* the dialog's answer comes back here */
    }
  for (guint i = 0; i < results->len; i++)
    {
      const SdImportResult *file = g_ptr_array_index (results, i);
      g_autofree char      *name = NULL;

      if (file->error != NULL || !file->replaced || file->n_dropped == 0)
        continue;
      name = file->name != NULL ? g_strdup (file->name) : g_filename_display_basename (file->path);
      g_string_append_printf (pages, "%s%s: ", pages->len ? "\n" : "", name);
      g_string_append_printf (
          pages,
          g_dngettext (GETTEXT_PACKAGE, "%u story dropped", "%u stories dropped", file->n_dropped),
          file->n_dropped);
      first = first != NULL ? first : file->name != NULL ? file->name : file->path;
      n_pages++;
      n_dropped += file->n_dropped;
    }
  if (n_pages == 0)
    run_import (self, TRUE);
  else
    ask_replace (self, first, n_pages, n_dropped, pages->str);
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdWindow) self = user_data;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  if (self->library == NULL)
    return;
  results = sd_library_model_import_finish (self->library, result, &error);
  if (results == NULL)
    {
      import_done (self, NULL, error);
      return;
    }
  self->import_checked = g_steal_pointer (&results);
  _sd_window_import_continue (self, FALSE);
}

void
sd_window_import (SdWindow *self, const char *const *paths, SdBatchKind batch_kind)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  if (self->import_cancellable != NULL)
    {
      _sd_window_queue_import (self, paths, batch_kind);
      return;
    }
  self->import_cancellable = g_cancellable_new ();
  start_import_pacer (self);
  sd_frame_probe_mark ("import-started");
  g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import")), FALSE);
  gtk_label_set_text (self->progress_label, _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  /* A dry run first: nothing is written until the editor has said whether
   * new versions of pages may drop stories (#14 item 1). */
  self->import_paths = g_strdupv ((char **) paths);
  self->import_batch_kind = batch_kind;
  sd_library_model_import_async (
      self->library, paths,
      &(SdImportOptions){ .dry_run = TRUE, .batch_kind = batch_kind, .pacer = self->import_pacer },
      self->import_cancellable, check_progress_cb, checked_cb, self);
}
