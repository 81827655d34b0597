/* sd-store-maintenance.c — a library's care after it opens: the quick_check
 * left for later; and weekly, a full integrity_check and a rotating backup,
 * each when the last one is a week old
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store-maintenance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-store-library.h"
#include "sd-store-private.h"
#include "sd-store-write-private.h"

#define WEEK_S (7 * 24 * 3600)
/* How many weekly backups are kept (in "backups" beside the library). */
#define N_WEEKLY_BACKUPS 4

#define TASK_CHECK "integrity-check"
#define TASK_BACKUP "backup"

/* When @task was last done (seconds since 1970); 0 when never. */
static gboolean
read_done (SdStore *self, const char *task, gint64 *out_done, GError **error)
{
  sqlite3_stmt *stmt =
      _sd_store_get_statement (self, "SELECT done FROM maintenance WHERE task = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, task);
  rc = sqlite3_step (stmt);
  *out_done = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sd_store_set_sql_error (self, error, "read when the library was last checked");
  return TRUE;
}

static gboolean
record_done (SdStore *self, const char *task, gint64 when, GError **error)
{
  g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
  sqlite3_stmt *stmt;

  if (!_sd_store_write_begin (self, &write, error))
    return FALSE;
  stmt = _sd_store_get_statement (
      self, "INSERT OR REPLACE INTO maintenance (task, done) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _sd_store_bind_text (stmt, 1, task);
  sqlite3_bind_int64 (stmt, 2, when);
  return _sd_store_step_done (self, stmt, error) && _sd_store_write_commit (&write, error);
}

/**
 * sd_store_maintain:
 * @check_budget_us: how long integrity_check may take (0: as long as it needs)
 * @report: (out) (optional) (transfer full): what was done, one line each
 *
 * Runs what is due: the quick_check of a library opened with
 * %SD_STORE_OPEN_CHECK_LATER (then empties the trash of what has expired,
 * which the open left too); the full integrity_check (on a read-only connection of
 * its own, so writers go on) and a backup, each when the last one is over
 * a week old.  A check that finds damage refuses every later write of
 * @self and makes no backup (a damaged copy would push a sound one out).
 * A check stopped by its budget counts as done: `storydesk check` checks
 * it all.
 *
 * Returns: %FALSE with DAMAGED, or with why the backup or the record
 * failed (the task is then tried again next time).
 */
gboolean
sd_store_maintain (SdStore *self, gint64 check_budget_us, char **report, GError **error)
{
  g_autoptr (GString) said = g_string_new (NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 checked = 0, backed_up = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (report != NULL)
    *report = NULL;
  /* the quick_check the open left comes first: until it has passed, no
   * table is read here, nor anything written */
  if (self->check != NULL)
    {
      GError *local = NULL;

      if (!_sd_store_check_settle (self->check, &local))
        {
          g_clear_error (&self->damaged);
          self->damaged = g_error_copy (local);
          g_propagate_error (error, local);
          return FALSE;
        }
      if (!_sd_store_purge_trash (self, error))
        return FALSE;
    }
  if (!read_done (self, TASK_CHECK, &checked, error)
      || !read_done (self, TASK_BACKUP, &backed_up, error))
    return FALSE;

  if (now - checked > WEEK_S)
    {
      gboolean interrupted = FALSE;
      GError  *local = NULL;

      if (!_sd_store_check_file_within (self->path, check_budget_us, &interrupted, &local))
        {
          if (g_error_matches (local, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED))
            {
              g_clear_error (&self->damaged);
              self->damaged = g_error_copy (local);
            }
          g_propagate_error (error, local);
          return FALSE;
        }
      if (!record_done (self, TASK_CHECK, now, error))
        return FALSE;
      if (interrupted)
        g_string_append_printf (said, _("%s: weekly check: no damage found in the first %d s; "
                                  "`storydesk check` checks it all\n"),
                                         self->path, (int) (check_budget_us / G_USEC_PER_SEC));
      else
        g_string_append_printf (said, _("%s: weekly check: no damage found\n"), self->path);
    }

  if (now - backed_up > WEEK_S)
    {
      g_autofree char *path = NULL;

      if (!_sd_store_backup_rotating (self, "weekly", "weekly.", N_WEEKLY_BACKUPS, &path, error))
        {
          g_prefix_error (error, _("The weekly backup failed: "));
          return FALSE;
        }
      if (!record_done (self, TASK_BACKUP, now, error))
        return FALSE;
      g_string_append_printf (said, _("%s: weekly backup made: %s\n"), self->path, path);
    }
  if (report != NULL && said->len > 0)
    *report = g_string_free (g_steal_pointer (&said), FALSE);
  return TRUE;
}

typedef struct
{
  SdStore *worker; /* a connection of its own: the window's stays free */
  gint64   budget;
} MaintainJob;

static void
maintain_job_free (MaintainJob *job)
{
  g_object_unref (job->worker);
  g_free (job);
}

static void
maintain_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  MaintainJob *job = task_data;
  char        *report = NULL;
  GError      *error = NULL;

  if (sd_store_maintain (job->worker, job->budget, &report, &error))
    g_task_return_pointer (task, report, g_free);
  else
    g_task_return_error (task, error);
}

/**
 * sd_store_maintain_async:
 *
 * sd_store_maintain() in a worker thread on a connection of its own.
 */
void
sd_store_maintain_async (SdStore            *self,
                         gint64              check_budget_us,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError      *error = NULL;
  MaintainJob *job;
  SdStore     *worker;

  g_return_if_fail (SD_IS_STORE (self));

  g_task_set_source_tag (task, sd_store_maintain_async);
  if ((worker = sd_store_open_for_worker (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job = g_new0 (MaintainJob, 1);
  job->worker = worker;
  job->budget = check_budget_us;
  g_task_set_task_data (task, job, (GDestroyNotify) maintain_job_free);
  g_task_run_in_thread (task, maintain_thread);
}

/**
 * sd_store_maintain_finish:
 * @report: (out) (optional) (transfer full): as sd_store_maintain() says it
 *
 * Returns: as sd_store_maintain(); after damage, @self refuses writes too.
 */
gboolean
sd_store_maintain_finish (SdStore *self, GAsyncResult *result, char **report, GError **error)
{
  GError *local = NULL;
  char   *said;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  said = g_task_propagate_pointer (G_TASK (result), &local);
  if (report != NULL)
    *report = said;
  else
    g_free (said);
  if (local != NULL)
    {
      if (g_error_matches (local, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED))
        {
          g_clear_error (&self->damaged);
          self->damaged = g_error_copy (local);
        }
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}
