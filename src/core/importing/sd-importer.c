/* sd-importer.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "sd-file-read.h"
#include "sd-importer.h"
#include "sd-json-import.h"
#include "sd-page-identity.h"
#include "sd-page-reader.h"
#include "sd-pipeline.h"

/* How deep folders inside an imported folder are looked into. */
#define MAX_FOLDER_DEPTH 16

typedef struct
{
  SdLibrary           *library; /* (nullable) a connection of the job's own */
  GStrv                paths;
  SdImportOptions      options; /* its strings: */
  char                *paper;
  char                *issue_date;
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
  g_free (result->name);
  g_clear_error (&result->error);
  g_free (result);
}

void
sd_import_file_free (SdImportFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->name);
  g_free (file);
}

static SdImportFile *
import_file_new (const char *path, const char *name)
{
  SdImportFile *file = g_new0 (SdImportFile, 1);

  file->path = g_strdup (path);
  file->name = g_strdup (name);
  return file;
}

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->library);
  g_strfreev (job->paths);
  g_free (job->paper);
  g_free (job->issue_date);
  g_clear_pointer (&job->options.pacer, sd_import_pacer_unref);
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

/* Page files of @folder and of its folders, by name, each named by the
 * imported folder's own name and its path below it (@prefix):
 * 2022-11-03/A01.txt and 2022-11-04/A01.txt are two pages.  A folder that
 * cannot be read is kept in the list, for sd_importer_import_file () to
 * report while the others are imported. */
static gboolean
collect_folder (
    const char *folder, const char *prefix, guint depth, GPtrArray *files, GError **error)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      /* "/" whatever the system: the name is a key, not a path to open */
      g_autofree char *key = g_strconcat (prefix, "/", g_ptr_array_index (names, i), NULL);

      /* a linked folder could lead back up: not followed */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)
          && depth < MAX_FOLDER_DEPTH)
        {
          if (!collect_folder (path, key, depth + 1, files, NULL))
            g_ptr_array_add (files, import_file_new (path, key));
        }
      else if (is_page_file (g_ptr_array_index (names, i)))
        g_ptr_array_add (files, import_file_new (path, key));
    }
  return TRUE;
}

/**
 * sd_importer_collect_pages:
 *
 * Returns: (transfer full) (element-type SdImportFile): the page files with
 * their names, or %NULL when a named path does not exist.
 */
GPtrArray *
sd_importer_collect_pages (const char *const *paths, GError **error)
{
  g_autoptr (GPtrArray) files =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_file_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_autofree char *canonical = g_canonicalize_filename (paths[i], NULL);
          g_autofree char *folder_name = g_path_get_basename (canonical);

          if (!collect_folder (paths[i], folder_name, 0, files, error))
            return NULL;
        }
      else
        {
          g_autofree char *name = g_path_get_basename (paths[i]);
          g_ptr_array_add (files, import_file_new (paths[i], name));
        }
    }
  return g_steal_pointer (&files);
}

/* A folder in the list of files is one sd_importer_collect_files () could
 * not read: why, as a refused file. */
static SdImportResult *
refuse_folder (const char *path)
{
  SdImportResult *result = g_new0 (SdImportResult, 1);
  g_autoptr (GDir) dir = g_dir_open (path, 0, &result->error);
  g_autofree char *display = g_filename_display_name (path);

  result->path = g_strdup (path);
  if (dir != NULL)
    g_set_error (&result->error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                 _("%s: a folder, not a page file"), display);
  else
    g_prefix_error (&result->error, _("a folder that cannot be read: "));
  return result;
}

/**
 * sd_importer_collect_files:
 *
 * Returns: (transfer full) (element-type filename): the page files, or
 * %NULL when a named path does not exist.
 */
GPtrArray *
sd_importer_collect_files (const char *const *paths, GError **error)
{
  g_autoptr (GPtrArray) pages = sd_importer_collect_pages (paths, error);
  GPtrArray *files;

  if (pages == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (files, g_strdup (((SdImportFile *) g_ptr_array_index (pages, i))->path));
  return files;
}

/* Whether the file can be left before segmenting: its bytes are stored
 * (unchanged: nothing to do, #16), or, in a dry run, no page has its
 * identity, so nothing would be replaced. */
static gboolean
done_before_segmenting (SdLibrary             *library,
                        const SdPageRecord    *record,
                        const SdImportOptions *options,
                        SdImportResult        *result)
{
  gboolean known = FALSE, has_identity = TRUE;

  if (!sd_library_check_page (library, record, &known, options->dry_run ? &has_identity : NULL,
                              &result->error))
    return TRUE;
  result->known = known;
  return known || !has_identity;
}

/* Whether @bytes are a page stored whole already, asked by their checksum
 * alone: an unchanged file is then left before it is decoded, checked, or
 * its identity read (#16: what an unchanged re-import costs over hashing
 * the files).  On an error (set in @result) too: the file is done. */
static gboolean
known_by_checksum (SdLibrary *library, GBytes *bytes, SdImportResult *result)
{
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  SdPageRecord     record = { .checksum = checksum };
  gboolean         known = FALSE;

  if (!sd_library_check_page (library, &record, &known, NULL, &result->error))
    return TRUE;
  result->known = known;
  return known;
}

/**
 * sd_importer_import_page:
 * @library: (type SdLibrary): a personal library's SdStore or a shared
 *   library's SdPgShared, on the calling thread's connection
 *   (sd_library_open_for_import ())
 * @file: the page file and its name
 * @options: (nullable): %NULL for the defaults (all FALSE)
 *
 * Returns: (transfer full) what happened; a refused file has its error set
 * and leaves the library as it was.
 */
SdImportResult *
sd_importer_import_page (gpointer library, const SdImportFile *file, const SdImportOptions *options)
{
  static const SdImportOptions defaults = { 0 };
  g_autoptr (SdImportResult) result = NULL;
  g_autoptr (SdPage) page = NULL;
  g_autoptr (SdPipeline) pipeline = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_auto (SdPageIdentity) identity = { 0 };
  SdPageRecord      record;
  SdPageOutcome     outcome = { 0 };
  SdPageImportFlags flags = SD_PAGE_IMPORT_DEFAULT;

  g_return_val_if_fail (SD_IS_LIBRARY (library), NULL);

  if (options == NULL)
    options = &defaults;
  if (g_file_test (file->path, G_FILE_TEST_IS_DIR))
    return refuse_folder (file->path);
  result = g_new0 (SdImportResult, 1);
  result->path = g_strdup (file->path);
  result->name = g_strdup (file->name);
  /* Read once, bounded as sd_page_read_file () reads, and first of all: a
   * page stored before is done with now, not even probed for JSON (a JSON
   * export's own checksum is never a page's, sd-store-exchange.c). */
  bytes = sd_file_read_bounded (file->path, SD_PAGE_MAX_SIZE, NULL);
  if (bytes != NULL && !options->dry_run && known_by_checksum (library, bytes, result))
    return g_steal_pointer (&result);
  /* A Storydesk JSON export goes back in with all editors added to it;
   * its stories are merged, never dropped. */
  if (sd_json_import_is_export (file->path))
    {
      if (!options->dry_run)
        return sd_json_import_file (library, file->path);
      g_clear_pointer (&result->name, g_free);
      result->exchange = TRUE;
      return g_steal_pointer (&result);
    }
  /* again, for what the refusal says */
  if (bytes == NULL)
    bytes = sd_file_read_bounded (file->path, SD_PAGE_MAX_SIZE, &result->error);
  if (bytes == NULL)
    return g_steal_pointer (&result);
  page = sd_page_read_bytes (file->path, bytes, &result->error);
  if (page == NULL)
    return g_steal_pointer (&result);

  /* the name first, as the editor filed it; then the masthead; then what
   * the import was told */
  sd_page_identity_read_name (&identity, file->name);
  sd_page_identity_read_text (&identity, page->text);
  result->no_paper = identity.paper == NULL;
  result->no_date = identity.issue_date == NULL;
  if (identity.paper == NULL)
    identity.paper = g_strdup (options->paper);
  if (identity.issue_date == NULL)
    identity.issue_date = g_strdup (options->issue_date);
  record = (SdPageRecord){
    .file = page->basename,
    .checksum = page->checksum,
    .encoding = page->encoding,
    .text = page->text,
    .size = page->file_size,
    .name = file->name,
    .paper = identity.paper,
    .issue_date = identity.issue_date,
    .page_no = identity.page_no,
  };
  if (done_before_segmenting (library, &record, options, result))
    return g_steal_pointer (&result);

  sd_import_pause_point ();
  pipeline = sd_pipeline_run (page, SD_PIPELINE_DEFAULT);
  if (pipeline->stories->len == 0)
    {
      g_autofree char *display = g_filename_display_name (file->path);
      g_set_error (&result->error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("%s: no story could be found in the text"), display);
      return g_steal_pointer (&result);
    }

  if (options->allow_drop)
    flags |= SD_PAGE_IMPORT_ALLOW_DROP;
  if (options->dry_run)
    flags |= SD_PAGE_IMPORT_DRY_RUN;
  sd_import_pause_point ();
  if (sd_library_import_page (library, &record, pipeline->stories, flags, &outcome, &result->error)
      || g_error_matches (result->error, SD_STORE_ERROR, SD_STORE_ERROR_WOULD_DROP))
    {
      result->n_stories = pipeline->stories->len;
      result->known = outcome.known;
      result->n_restored = outcome.n_restored;
      result->replaced = outcome.replaced;
      result->n_carried = outcome.n_carried;
      result->n_kept = outcome.n_kept;
      result->n_dropped = outcome.n_dropped;
    }
  return g_steal_pointer (&result);
}

/**
 * sd_importer_import_file:
 *
 * sd_importer_import_page () of @path known by its file name, with the
 * default options.
 *
 * Returns: (transfer full) what happened
 */
SdImportResult *
sd_importer_import_file (SdStore *store, const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  SdImportFile     file = { (char *) path, name };

  return sd_importer_import_page (store, &file, NULL);
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
  GError  *error = NULL;
  gboolean cancelled = FALSE;

  files = sd_importer_collect_pages ((const char *const *) job->paths, &error);
  if (files == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_import_result_free);
  sd_library_begin_batch (job->library, job->options.batch_kind);
  /* the pause points of this thread (a page's steps) ask the window's pacer */
  sd_import_pacer_set_thread (job->options.pacer);
  for (guint i = 0; i < files->len; i++)
    {
      const SdImportFile *file = g_ptr_array_index (files, i);

      /* Each page is its own transaction: stopping between pages keeps
       * every page already stored whole. */
      if ((cancelled = g_task_return_error_if_cancelled (task)))
        break;
      sd_import_pause_point ();
      g_ptr_array_add (results, sd_importer_import_page (job->library, file, &job->options));

      if (job->progress != NULL)
        {
          ProgressReport *report = g_new0 (ProgressReport, 1);
          report->task = g_object_ref (task);
          report->done = i + 1;
          report->total = files->len;
          report->path = g_strdup (file->path);
          g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                                      (GDestroyNotify) progress_report_free);
        }
    }
  sd_import_pacer_set_thread (NULL);
  if (job->options.pacer != NULL)
    g_debug ("%u files, %" G_GUINT64_FORMAT " ms stepped aside for the main loop", files->len,
             sd_import_pacer_thread_slept_ms ());
  if (!cancelled)
    g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sd_importer_thread_nice:
 *
 * The nice value the import thread takes: SD_IMPORT_NICE, or another from
 * 0 to 19 in STORYDESK_IMPORT_NICE, which the benchmark sets to compare
 * them (tests/bench-window-import.py); anything else there is ignored.
 */
int
sd_importer_thread_nice (void)
{
  const char *value = g_getenv ("STORYDESK_IMPORT_NICE");
  guint64     nice = 0;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, 19, &nice, NULL))
    return (int) nice;
  return SD_IMPORT_NICE;
}

/* The import runs on a thread of its own, at sd_importer_thread_nice ():
 * the window's own by default, since below it the import yielded to every
 * thread of the session, Xvfb's too, and took 1.6× the CLI's time while
 * the main loop stalled no less (#16, README's Performance).  Linux gives
 * each thread a nice value of its own; the thread ends with the import, so
 * no pooled thread stays behind. */
static gpointer
import_thread_main (gpointer data)
{
  g_autoptr (GTask) task = data;

#ifdef __linux__
  int nice = sd_importer_thread_nice ();

  if (nice != 0 && setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), nice) != 0)
    g_debug ("the import runs at the window's priority: %s", g_strerror (errno));
#endif
  import_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
  return NULL;
}

/**
 * sd_importer_import_async:
 * @library: (type SdLibrary): a personal library's SdStore or a shared
 *   library's SdPgShared
 */
void
sd_importer_import_async (gpointer               library,
                          const char *const     *paths,
                          const SdImportOptions *options,
                          GCancellable          *cancellable,
                          SdImportProgressFunc   progress,
                          gpointer               progress_data,
                          GDestroyNotify         progress_destroy,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);
  GError    *error = NULL;

  g_return_if_fail (SD_IS_LIBRARY (library) && paths != NULL);

  job->paths = g_strdupv ((char **) paths);
  if (options != NULL)
    job->options = *options;
  job->options.paper = job->paper = g_strdup (job->options.paper);
  job->options.issue_date = job->issue_date = g_strdup (job->options.issue_date);
  if (job->options.pacer != NULL)
    sd_import_pacer_ref (job->options.pacer);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  g_task_set_source_tag (task, sd_importer_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  job->library = sd_library_open_for_import (library, &error);
  if (job->library == NULL)
    g_task_return_error (task, error);
  else
    g_thread_unref (g_thread_new ("sd-import", import_thread_main, g_object_ref (task)));
}

GPtrArray *
sd_importer_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_importer_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
