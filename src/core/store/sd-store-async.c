/* sd-store-async.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include "sd-store-async.h"

typedef struct
{
  char       *db_path;
  SdScopeKind kind;
  char       *place_code;
  char       *text;
} ListJob;

static void
list_job_free (ListJob *job)
{
  g_free (job->db_path);
  g_free (job->place_code);
  g_free (job->text);
  g_free (job);
}

static void
list_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ListJob *job = task_data;
  g_autoptr (SdStore) store = NULL;
  GPtrArray *stories;
  GError    *error = NULL;
  SdScope    scope = { job->kind, job->place_code, job->text };

  /* Each thread has its own connection: SQLite handles are not shared. */
  store = sd_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  stories = sd_store_list_stories (store, &scope, &error);
  if (stories == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stories, (GDestroyNotify) g_ptr_array_unref);
}

void
sd_store_list_stories_async (const char         *db_path,
                             const SdScope      *scope,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ListJob *job = g_new0 (ListJob, 1);

  job->db_path = g_strdup (db_path);
  job->kind = scope->kind;
  job->place_code = g_strdup (scope->place_code);
  job->text = g_strdup (scope->text);
  g_task_set_source_tag (task, sd_store_list_stories_async);
  g_task_set_task_data (task, job, (GDestroyNotify) list_job_free);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
sd_store_list_stories_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_store_list_stories_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
