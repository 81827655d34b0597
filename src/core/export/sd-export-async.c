/* sd-export-async.c — an export in a worker thread, with progress in the
 * caller's main context, from either engine's library through its reader
 * (#17): a personal library's worker connection here, a shared library's
 * in sd-pg-export.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include "sd-export-private.h"

typedef struct
{
  SdExportReader       reader;
  SdScopeKind          scope_kind;
  char                *place_code;
  char                *text;
  GArray              *ids; /* (nullable) the editor's selection */
  gint64               batch_id;
  SdExportFormat       format;
  SdExportFields       fields;
  gboolean             for_excel;
  char                *query;
  char                *place_name;
  GFile               *file;
  SdExportProgressFunc progress;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *context;
  guint                reported; /* per mille last reported, from the worker */
} ExportJob;

typedef struct
{
  GTask *task; /* keeps the job alive until the report is shown */
  guint  done;
  guint  total;
} ProgressReport;

static void
export_job_free (ExportJob *job)
{
  if (job->reader.free_data != NULL)
    job->reader.free_data (job->reader.data);
  g_free (job->place_code);
  g_free (job->text);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job->query);
  g_free (job->place_name);
  g_clear_object (&job->file);
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
progress_report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;
  ExportJob      *job = g_task_get_task_data (report->task);

  job->progress (report->done, report->total, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands a report to the caller's context about every tenth
 * of a percent, not for every story. */
static void
worker_progress (guint done, guint total, gpointer user_data)
{
  GTask          *task = user_data;
  ExportJob      *job = g_task_get_task_data (task);
  guint           per_mille = total > 0 ? (guint) ((guint64) done * 1000 / total) : 1000;
  ProgressReport *report;

  if (job->progress == NULL || (done > 0 && done < total && per_mille == job->reported))
    return;
  job->reported = per_mille;
  report = g_new0 (ProgressReport, 1);
  report->task = g_object_ref (task);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                              (GDestroyNotify) progress_report_free);
}

/* The stories from the reader, written one at a time; the reader closed
 * here, in the worker, whatever happened. */
static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (GHashTable) tag_colors = NULL;
  g_auto (SdExportSource) source = { 0 };
  SdStorySource from = { 0 };
  GError       *error = NULL;
  guint         total;
  gboolean      ok;
  SdScope       scope = {
          .kind = job->scope_kind,
          .place_code = job->place_code,
          .text = job->text,
          .ids = job->ids != NULL ? (gint64 *) job->ids->data : NULL,
          .n_ids = job->ids != NULL ? job->ids->len : 0,
          .batch_id = job->batch_id,
  };
  SdExportOptions options = {
    .fields = job->fields,
    .for_excel = job->for_excel,
    .query = job->query,
    .place_name = job->place_name,
    .progress = worker_progress,
    .progress_data = task,
  };

  /* one story at a time from the library, never all of them at once */
  if (!job->reader.funcs->open (job->reader.data, &scope, cancellable, &from, &tag_colors, &error))
    {
      job->reader.funcs->close (job->reader.data);
      g_task_return_error (task, error);
      return;
    }
  options.tag_colors = tag_colors;
  total = from.funcs->get_total (from.self);
  worker_progress (0, total, task);
  _sd_export_source_init (&source, NULL, &from);
  ok = _sd_export_source_to_file (job->format, &source, &options, job->file, cancellable, &error);
  _sd_export_source_clear (&source);
  job->reader.funcs->close (job->reader.data);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, total);
}

/* A personal library's reader: a connection of the job's own, made
 * before the worker starts, and its cursor. */
typedef struct
{
  SdStore       *store;
  SdStoryCursor *cursor;
} StoreReader;

static gboolean
store_reader_open (gpointer       data,
                   const SdScope *scope,
                   GCancellable  *cancellable,
                   SdStorySource *out_source,
                   GHashTable   **out_tag_colors,
                   GError       **error)
{
  StoreReader *reader = data;

  *out_tag_colors = sd_store_dup_tag_colors (reader->store, error);
  if (*out_tag_colors == NULL
      || (reader->cursor = sd_store_open_cursor (reader->store, scope, error)) == NULL)
    return FALSE;
  sd_story_source_init_for_cursor (out_source, reader->cursor);
  return TRUE;
}

/* The connection is the job's alone: closed in its worker with the
 * cursor. */
static void
store_reader_close (gpointer data)
{
  StoreReader *reader = data;

  g_clear_pointer (&reader->cursor, sd_story_cursor_free);
  g_clear_object (&reader->store);
}

static const SdExportReaderFuncs store_reader_funcs = { store_reader_open, store_reader_close };

gboolean
sd_export_reader_init_for_store (SdExportReader *reader, SdStore *store, GError **error)
{
  SdStore     *worker;
  StoreReader *data;

  g_return_val_if_fail (SD_IS_STORE (store), FALSE);

  worker = sd_store_open_for_worker (store, error);
  if (worker == NULL)
    return FALSE;
  data = g_new0 (StoreReader, 1);
  data->store = worker;
  *reader = (SdExportReader){ &store_reader_funcs, data, g_free };
  return TRUE;
}

void
sd_export_to_file_async (const SdExportReader  *reader,
                         const SdScope         *scope,
                         SdExportFormat         format,
                         const SdExportOptions *options,
                         GFile                 *file,
                         GCancellable          *cancellable,
                         SdExportProgressFunc   progress,
                         gpointer               progress_data,
                         GDestroyNotify         progress_destroy,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob      *job = g_new0 (ExportJob, 1);
  SdExportOptions defaults;

  g_return_if_fail (reader != NULL && reader->funcs != NULL);
  g_return_if_fail (scope != NULL && G_IS_FILE (file));
  g_return_if_fail (format < SD_EXPORT_N_FORMATS);

  if (options == NULL)
    {
      sd_export_options_init (&defaults, format);
      options = &defaults;
    }
  job->reader = *reader;
  job->scope_kind = scope->kind;
  job->place_code = g_strdup (scope->place_code);
  job->text = g_strdup (scope->text);
  /* (an import batch's export had none, and wrote no story) */
  job->batch_id = scope->batch_id;
  if (scope->ids != NULL)
    {
      job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (job->ids, scope->ids, scope->n_ids);
    }
  job->format = format;
  job->fields = options->fields;
  job->for_excel = options->for_excel;
  job->query = g_strdup (options->query);
  job->place_name = g_strdup (options->place_name);
  job->file = g_object_ref (file);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();
  job->reported = G_MAXUINT;

  g_task_set_source_tag (task, sd_export_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sd_export_to_file_finish (GAsyncResult *result, guint *out_n_stories, GError **error)
{
  gssize n_stories;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_export_to_file_async, FALSE);

  n_stories = g_task_propagate_int (G_TASK (result), error);
  if (n_stories < 0)
    return FALSE;
  if (out_n_stories != NULL)
    *out_n_stories = n_stories;
  return TRUE;
}
