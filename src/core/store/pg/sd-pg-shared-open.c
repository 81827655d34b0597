/* sd-pg-shared-open.c — the window's shared library opened in a worker, so
 * that a slow or unreachable server never freezes the window; and the
 * headline index an older library lacks, filled after it opened (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-shared"

#include "config.h"

#include <string.h>

#include "sd-pg-private.h"
#include "sd-pg-shared.h"

/* Headlines indexed to a transaction: a batch takes well under a second. */
#define HEADS_BATCH 500

typedef struct
{
  char        *location;
  char        *password; /* wiped as soon as it was used */
  gboolean     remember;
  SdPgLibrary *library;
  SdPgLibrary *reader;
  SdPgLibrary *filler; /* an admin's, when headlines lack their index */
} Opening;

static void
wipe_password (Opening *opening)
{
  if (opening->password != NULL)
    memset (opening->password, 0, strlen (opening->password));
  g_clear_pointer (&opening->password, g_free);
}

static void
opening_free (Opening *opening)
{
  wipe_password (opening);
  g_free (opening->location);
  g_clear_pointer (&opening->library, sd_pg_library_close);
  g_clear_pointer (&opening->reader, sd_pg_library_close);
  g_clear_pointer (&opening->filler, sd_pg_library_close);
  g_free (opening);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Opening         *opening = task_data;
  GError          *error = NULL;
  g_autofree char *name = NULL;
  SdPgRole         role;

  opening->library = sd_pg_library_open_full (opening->location, opening->password,
                                              opening->remember, NULL, cancellable, &error);
  wipe_password (opening);
  if (opening->library == NULL || !_sd_pg_check_schema (opening->library, &error)
      || (opening->reader = sd_pg_library_open_again (opening->library, cancellable, &error))
             == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* a library made before its headline index: an admin fills it */
  if (sd_pg_library_get_person (opening->library, &name, &role, NULL) && role == SD_PG_ROLE_ADMIN
      && sd_pg_library_count_missing_heads (opening->library, NULL) > 0)
    opening->filler = sd_pg_library_open_again (opening->library, cancellable, NULL);
  /* an admin's open purges the trash's stories older than 30 days, as a
   * personal library's open does (sd-pg-trash.c) */
  _sd_pg_purge_as_admin (opening->library);
  g_task_return_boolean (task, TRUE);
}

static void
fill_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  guint   n_filled = 0;

  if (!sd_pg_library_fill_heads (task_data, HEADS_BATCH, 0, cancellable, &n_filled, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_filled);
}

static void
filled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gssize n_filled = g_task_propagate_int (G_TASK (result), &error);

  /* stopped: the next opening goes on from where it was */
  if (n_filled < 0)
    g_message ("The headline index was not filled: %s", error->message);
  else if (n_filled > 0)
    sd_library_emit_library_changed (SD_LIBRARY (source));
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Opening    *opening = g_task_get_task_data (G_TASK (result));
  GError     *error = NULL;
  SdPgShared *shared;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  shared = _sd_pg_shared_new_for (g_steal_pointer (&opening->library),
                                  g_steal_pointer (&opening->reader), &error);
  if (shared == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (opening->filler != NULL)
    {
      g_autoptr (GTask) fill = g_task_new (shared, NULL, filled_cb, NULL);

      g_task_set_source_tag (fill, fill_thread);
      g_task_set_task_data (fill, g_steal_pointer (&opening->filler),
                            (GDestroyNotify) sd_pg_library_close);
      g_task_run_in_thread (fill, fill_thread);
    }
  g_task_return_pointer (task, shared, g_object_unref);
}

void
sd_pg_shared_open_async (const char         *location,
                         const char         *password,
                         gboolean            remember,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GTask) worker = g_task_new (NULL, cancellable, opened_cb, task);
  Opening *opening = g_new0 (Opening, 1);

  opening->location = g_strdup (location);
  opening->password = g_strdup (password);
  opening->remember = remember;
  g_task_set_source_tag (task, sd_pg_shared_open_async);
  g_task_set_source_tag (worker, open_thread);
  g_task_set_task_data (worker, opening, (GDestroyNotify) opening_free);
  g_task_run_in_thread (worker, open_thread);
}

SdPgShared *
sd_pg_shared_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_pg_shared_open_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
