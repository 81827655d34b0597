/* sd-importer.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-importer.h"
#include "sd-json-import.h"
#include "sd-page-reader.h"
#include "sd-pipeline.h"

typedef struct
{
  SdStore             *store; /* (nullable) a connection of the job's own */
  GStrv                paths;
  SdBatchKind          batch_kind;
  SdImportProgressFunc progress;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *context;
} ImportJob;

typedef struct
{
  GTask *task; /* keeps the job alive until the report is shown */
  guint  done;
  guint  total;
  char  *path;
} ProgressReport;

void
sd_import_result_free (SdImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_clear_error (&result->error);
  g_free (result);
}

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->store);
  g_strfreev (job->paths);
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
is_page_file (const char *name)
{
  return name[0] != '.' && g_str_has_suffix (name, ".txt");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
collect_folder (const char *folder, GPtrArray *files, GError **error)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_page_file (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_build_filename (folder, g_ptr_array_index (names, i), NULL));
  return TRUE;
}

/**
 * sd_importer_collect_files:
 *
 * Returns: (transfer full) the page files, or %NULL when a named path does
 * not exist.
 */
GPtrArray *
sd_importer_collect_files (const char *const *paths, GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (!collect_folder (paths[i], files, error))
            return NULL;
        }
      else
        g_ptr_array_add (files, g_strdup (paths[i]));
    }
  return g_steal_pointer (&files);
}

/**
 * sd_importer_import_file:
 *
 * Returns: (transfer full) what happened; a refused file has its error set
 * and leaves the library as it was.
 */
SdImportResult *
sd_importer_import_file (SdStore *store, const char *path)
{
  g_autoptr (SdImportResult) result = g_new0 (SdImportResult, 1);
  g_autoptr (SdPage) page = NULL;
  g_autoptr (SdPipeline) pipeline = NULL;
  SdPageRecord  record;
  SdPageOutcome outcome = { 0 };

  /* A Storydesk JSON export goes back in with all editors added to it. */
  if (sd_json_import_is_export (path))
    return sd_json_import_file (store, path);

  result->path = g_strdup (path);
  page = sd_page_read_file (path, &result->error);
  if (page == NULL)
    return g_steal_pointer (&result);

  pipeline = sd_pipeline_run (page, SD_PIPELINE_DEFAULT);
  if (pipeline->stories->len == 0)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (&result->error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("%s: no story could be found in the text"), display);
      return g_steal_pointer (&result);
    }

  record = (SdPageRecord){
    .file = page->basename,
    .checksum = page->checksum,
    .encoding = page->encoding,
    .text = page->text,
    .size = page->file_size,
  };
  if (sd_store_import_page (store, &record, pipeline->stories, &outcome, &result->error))
    {
      result->n_stories = pipeline->stories->len;
      result->known = outcome.known;
      result->n_restored = outcome.n_restored;
      result->replaced = outcome.replaced;
      result->n_carried = outcome.n_carried;
      result->n_kept = outcome.n_kept;
    }
  return g_steal_pointer (&result);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;
  ImportJob      *job = g_task_get_task_data (report->task);

  job->progress (report->done, report->total, report->path, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report->path);
  g_free (report);
}

static void
import_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) results = NULL;
  GError *error = NULL;

  files = sd_importer_collect_files ((const char *const *) job->paths, &error);
  if (files == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_result_free);
  sd_store_begin_batch (job->store, job->batch_kind);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      /* Each page is its own transaction: stopping between pages keeps
       * every page already stored whole. */
      if (g_task_return_error_if_cancelled (task))
        return;
      g_ptr_array_add (results, sd_importer_import_file (job->store, path));

      if (job->progress != NULL)
        {
          ProgressReport *report = g_new0 (ProgressReport, 1);
          report->task = g_object_ref (task);
          report->done = i + 1;
          report->total = files->len;
          report->path = g_strdup (path);
          g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                                      (GDestroyNotify) progress_report_free);
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

void
sd_importer_import_async (SdStore             *store,
                          const char *const   *paths,
                          SdBatchKind          batch_kind,
                          GCancellable        *cancellable,
                          SdImportProgressFunc progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_destroy,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);
  GError    *error = NULL;

  g_return_if_fail (SD_IS_STORE (store) && paths != NULL);

  job->paths = g_strdupv ((char **) paths);
  job->batch_kind = batch_kind;
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  g_task_set_source_tag (task, sd_importer_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  job->store = sd_store_open_for_worker (store, &error);
  if (job->store == NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, import_thread);
}

GPtrArray *
sd_importer_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_importer_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
