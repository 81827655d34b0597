/* sd-export-dialog.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-export-dialog.h"
#include "sd-gazetteer.h"

struct _SdExportDialog
{
  GtkDialog parent_instance;

  GtkWidget       *options_grid;
  GtkLabel        *summary_label;
  GtkComboBoxText *format_combo;
  GtkLabel        *format_hint;
  GtkToggleButton *body_check;
  GtkToggleButton *notes_check;
  GtkToggleButton *highlights_check;
  GtkToggleButton *excel_check;
  GtkWidget       *progress_box;
  GtkProgressBar  *progress_bar;
  GtkLabel        *message_label;
  GtkInfoBar      *message_bar;
  GtkButton       *cancel_button;
  GtkWidget       *export_button;

  SdLibraryModel       *library;
  SdScopeKind           scope_kind;
  gint64                batch_id;
  GArray               *ids; /* (nullable) the editor's selection */
  char                 *place_code;
  char                 *query;
  char                 *place_name;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable; /* while an export runs */
  GFile                *file;
  guint                 n_exported;
  gboolean              close_when_done;
  gboolean              disposed;
};

G_DEFINE_TYPE (SdExportDialog, sd_export_dialog, GTK_TYPE_DIALOG)

static const char *
describe_format (SdExportFormat format)
{
  switch (format)
    {
    case SD_EXPORT_FORMAT_CSV:
      return _("One row per story, for Excel, LibreOffice or WPS.");
    case SD_EXPORT_FORMAT_JSON:
      return _("Every field, with tags, notes and highlights; another library can import it.");
    case SD_EXPORT_FORMAT_MARKDOWN:
      return _("One section per story, as plain text.");
    case SD_EXPORT_FORMAT_HTML:
      return _("One page with contents by city; opens in any browser.");
    case SD_EXPORT_FORMAT_PDF:
      return _("A4 pages with a cover page, to print or pass on.");
    case SD_EXPORT_FORMAT_W3C:
      return _("Highlights, notes and tags as W3C Web Annotations.");
    case SD_EXPORT_FORMAT_DOCX:
      return _("A Word document: notes as comments, highlights marked; opens in WPS too.");
    case SD_EXPORT_FORMAT_XLSX:
      return _("One row per story in an Excel workbook, the body included.");
    default:
      g_return_val_if_reached (NULL);
    }
}

static SdExportFormat
get_format (SdExportDialog *self)
{
  SdExportFormat format = SD_EXPORT_FORMAT_PDF;

  sd_export_format_from_string (gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->format_combo)),
                                &format, NULL);
  return format;
}

static void
set_field_check (GtkToggleButton       *check,
                 const SdExportOptions *defaults,
                 SdExportFields         field,
                 gboolean               applies)
{
  gtk_toggle_button_set_active (check, applies && (defaults->fields & field) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (check), applies);
}

static void
get_options (SdExportDialog *self, SdExportOptions *options)
{
  static const struct
  {
    gsize          offset;
    SdExportFields field;
  } checks[] = {
    { G_STRUCT_OFFSET (SdExportDialog, body_check), SD_EXPORT_FIELD_BODY },
    { G_STRUCT_OFFSET (SdExportDialog, notes_check), SD_EXPORT_FIELD_NOTE },
    { G_STRUCT_OFFSET (SdExportDialog, highlights_check), SD_EXPORT_FIELD_HIGHLIGHTS },
  };

  sd_export_options_init (options, get_format (self));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkToggleButton *check = G_STRUCT_MEMBER (GtkToggleButton *, self, checks[i].offset);

      if (!gtk_widget_get_sensitive (GTK_WIDGET (check)))
        continue;
      if (gtk_toggle_button_get_active (check))
        options->fields |= checks[i].field;
      else
        options->fields &= ~checks[i].field;
    }
  options->for_excel = gtk_toggle_button_get_active (self->excel_check);
  options->query = self->query;
  options->place_name = self->place_name;
}

/* A failure is an error bar (red), naming the file and the reason; a
 * stopped export is information. */
static void
show_message (SdExportDialog *self, const char *message, gboolean is_error)
{
  gtk_info_bar_set_message_type (self->message_bar,
                                 is_error ? GTK_MESSAGE_ERROR : GTK_MESSAGE_INFO);
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_bar), message != NULL);
}

static void
set_running (SdExportDialog *self, gboolean running)
{
  gtk_widget_set_sensitive (self->options_grid, !running);
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_widget_set_visible (self->progress_box, running);
  gtk_button_set_label (self->cancel_button, running ? _("_Stop") : _("_Cancel"));
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Reading the library…"));
      show_message (self, NULL, FALSE);
    }
}

static char *
dup_summary (SdExportDialog *self, guint n_stories)
{
  g_autoptr (GString) summary = g_string_new (NULL);

  g_string_append_printf (
      summary, g_dngettext (GETTEXT_PACKAGE, "%u story listed", "%u stories listed", n_stories),
      n_stories);
  if (self->place_name != NULL)
    g_string_append_printf (summary, " · %s", self->place_name);
  if (self->query != NULL)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, _("containing “%s”"), self->query);
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
format_changed_cb (SdExportDialog *self)
{
  SdExportFormat  format = get_format (self);
  SdExportOptions defaults;

  /* JSON is always the full record; CSV has no column for highlights; the
   * annotations never carry the body. */
  sd_export_options_init (&defaults, format);
  set_field_check (self->body_check, &defaults, SD_EXPORT_FIELD_BODY,
                   format != SD_EXPORT_FORMAT_JSON && format != SD_EXPORT_FORMAT_W3C);
  set_field_check (self->notes_check, &defaults, SD_EXPORT_FIELD_NOTE,
                   format != SD_EXPORT_FORMAT_JSON);
  set_field_check (self->highlights_check, &defaults, SD_EXPORT_FIELD_HIGHLIGHTS,
                   format != SD_EXPORT_FORMAT_JSON && format != SD_EXPORT_FORMAT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->excel_check), format == SD_EXPORT_FORMAT_CSV);
  gtk_label_set_text (self->format_hint, describe_format (format));
  show_message (self, NULL, FALSE);
}

static void
export_progress_cb (guint done, guint total, gpointer user_data)
{
  SdExportDialog  *self = user_data;
  g_autofree char *text = NULL;

  if (self->disposed || self->cancellable == NULL)
    return;
  if (total == 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      return;
    }
  text = g_strdup_printf (_("Story %u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
}

static void
export_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  guint    n_stories = 0;
  gboolean ok = sd_library_model_export_finish (self->library, result, &n_stories, &error);

  g_application_release (g_application_get_default ());
  g_clear_object (&self->cancellable);
  if (self->disposed)
    return;
  set_running (self, FALSE);

  if (ok)
    {
      self->n_exported = n_stories;
      gtk_dialog_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->close_when_done)
        gtk_dialog_response (GTK_DIALOG (self), GTK_RESPONSE_CANCEL);
      else
        show_message (self, _("Export stopped. No file was written."), FALSE);
    }
  else
    show_message (self, error->message, TRUE);
}

static void
start_export (SdExportDialog *self, GFile *file)
{
  SdScope         scope = { self->scope_kind,
                            self->place_code,
                            self->query,
                    self->ids != NULL ? (gint64 *) self->ids->data : NULL,
                    self->ids != NULL ? self->ids->len : 0,
                            self->batch_id };
  SdExportOptions options;

  g_set_object (&self->file, file);
  get_options (self, &options);
  self->cancellable = g_cancellable_new ();
  self->close_when_done = FALSE;
  set_running (self, TRUE);
  /* Closing the window stops the export; the application waits for the
   * worker to put its unfinished file away. */
  g_application_hold (g_application_get_default ());
  sd_library_model_export_async (self->library, &scope, get_format (self), &options, file,
                                 self->cancellable, export_progress_cb, export_finished_cb, self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, SdExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      start_export (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (SdExportDialog *self)
{
  SdExportFormat format = get_format (self);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", sd_export_format_get_extension (format), NULL);
  g_autofree char *name = g_strconcat (
      self->place_name != NULL ? self->place_name
                               : _("stories"), ".", sd_export_format_get_extension (format), NULL);
  g_autofree char *label = gtk_combo_box_text_get_active_text (self->format_combo);

  self->chooser = gtk_file_chooser_native_new (
      _("Export Stories"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  /* Modal like this dialog, or this dialog's grab would keep the input. */
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* The file chooser asks before an existing file is replaced. */
  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, label);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, sd_export_format_get_mime_type (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), g_object_ref (filter));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Connected first, so the owner only hears the responses that end the
 * dialog: Export picks a file and starts, Cancel or closing stops a running
 * export before anything else. */
static void
response_cb (SdExportDialog *self, int response)
{
  switch (response)
    {
    case GTK_RESPONSE_OK:
      g_signal_stop_emission_by_name (self, "response");
      if (self->cancellable == NULL && self->chooser == NULL)
        choose_file (self);
      break;
    case GTK_RESPONSE_CANCEL:
    case GTK_RESPONSE_DELETE_EVENT:
      if (self->cancellable != NULL)
        {
          g_signal_stop_emission_by_name (self, "response");
          self->close_when_done = response == GTK_RESPONSE_DELETE_EVENT;
          g_cancellable_cancel (self->cancellable);
        }
      break;
    default:
      break;
    }
}

static void
sd_export_dialog_dispose (GObject *object)
{
  SdExportDialog *self = SD_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sd_export_dialog_parent_class)->dispose (object);
}

static void
sd_export_dialog_finalize (GObject *object)
{
  SdExportDialog *self = SD_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_free (self->place_code);
  g_free (self->query);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->place_name);

  G_OBJECT_CLASS (sd_export_dialog_parent_class)->finalize (object);
}

static void
sd_export_dialog_class_init (SdExportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_export_dialog_dispose;
  object_class->finalize = sd_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, options_grid);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, format_combo);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, format_hint);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, body_check);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, notes_check);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, highlights_check);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, excel_check);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, message_bar);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SdExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
}

static void
sd_export_dialog_init (SdExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_style_context_add_class (gtk_widget_get_style_context (self->export_button),
                               "suggested-action");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * sd_export_dialog_new:
 * @scope: the stories listed in the window: a place and the search text
 * @n_listed: how many there are (the window's list knows; no need to read
 *   them all again just to count)
 *
 * Returns: (transfer none) a new dialog, transient for @parent
 */
SdExportDialog *
sd_export_dialog_new (GtkWindow      *parent,
                      SdLibraryModel *library,
                      const SdScope  *scope,
                      guint           n_listed)
{
  SdExportDialog  *self;
  g_autofree char *summary = NULL;
  gboolean         header_bar = TRUE;

  g_return_val_if_fail (SD_IS_LIBRARY_MODEL (library), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  g_object_get (gtk_settings_get_default (), "gtk-dialogs-use-header", &header_bar, NULL);
  self = g_object_new (SD_TYPE_EXPORT_DIALOG, "transient-for", parent, "use-header-bar", header_bar,
                       NULL);
  self->library = g_object_ref (library);
  self->scope_kind = scope->kind;
  self->batch_id = scope->batch_id;
  self->place_code = g_strdup (scope->place_code);
  self->query = scope->text != NULL && *scope->text != '\0' ? g_strdup (scope->text) : NULL;
  if (scope->ids != NULL)
    {
      self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (self->ids, scope->ids, scope->n_ids);
    }
  if (scope->kind == SD_SCOPE_UNPLACED)
    self->place_name = g_strdup (_("Unplaced"));
  else if (scope->kind == SD_SCOPE_PLACE && scope->place_code != NULL)
    {
      const SdPlace *place = sd_gazetteer_lookup (sd_gazetteer_get_default (), scope->place_code);
      self->place_name = g_strdup (place != NULL ? place->name : scope->place_code);
    }

  summary = dup_summary (self, n_listed);
  gtk_label_set_text (self->summary_label, summary);
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->format_combo), "pdf");
  /* Enter exports at once; a focused combo box would take it. */
  gtk_widget_grab_focus (self->export_button);
  return self;
}

GFile *
sd_export_dialog_get_file (SdExportDialog *self)
{
  g_return_val_if_fail (SD_IS_EXPORT_DIALOG (self), NULL);
  return self->file;
}

guint
sd_export_dialog_get_n_exported (SdExportDialog *self)
{
  g_return_val_if_fail (SD_IS_EXPORT_DIALOG (self), 0);
  return self->n_exported;
}
