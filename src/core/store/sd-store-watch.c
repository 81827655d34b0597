/* sd-store-watch.c — the watcher of data_version: another process's
 * writes to the library told as "library-changed"
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include "sd-store-async.h"
#include "sd-store-private.h"

struct _SdStoreWatch
{
  gint64        data_version;
  gint64        last_news;   /* monotonic time of the last library-changed */
  GFileMonitor *monitors[2]; /* the library file and its write-ahead log */
  guint         check_source;
  guint         poll_source; /* only where the files cannot be watched */
};

static SdStoreWatch *
ensure_watch (SdStore *self)
{
  if (self->watch == NULL)
    {
      self->watch = g_new0 (SdStoreWatch, 1);
      self->watch->data_version = sd_store_get_data_version (self, NULL);
    }
  return self->watch;
}

static gboolean
check_cb (gpointer data)
{
  SdStore *self = data;

  self->watch->check_source = 0;
  sd_store_check_library (self);
  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer data)
{
  sd_store_check_library (data);
  return G_SOURCE_CONTINUE;
}

/* The files change with every write, the store's own too: a short pause
 * lets a burst of them settle into one look at data_version, and a stream
 * of writes (an import in another process) is told once a second, not
 * page by page. */
static void
file_changed_cb (
    GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, SdStore *self)
{
  SdStoreWatch *watch = self->watch;
  gint64        pause_ms;

  if (watch->check_source != 0)
    return;
  pause_ms = (watch->last_news + G_USEC_PER_SEC - g_get_monotonic_time ()) / 1000;
  watch->check_source = g_timeout_add (MAX (pause_ms, 100), check_cb, self);
}

void
sd_store_watch_library (SdStore *self)
{
  SdStoreWatch    *watch;
  g_autofree char *wal = NULL;
  const char      *paths[2];

  g_return_if_fail (SD_IS_STORE (self));

  watch = ensure_watch (self);
  if (watch->monitors[0] != NULL || watch->poll_source != 0)
    return;
  wal = g_strconcat (self->path, "-wal", NULL);
  paths[0] = self->path;
  paths[1] = wal;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr (GError) error = NULL;

      watch->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (watch->monitors[i] == NULL)
        {
          g_debug ("%s: cannot watch, looking every 2 s instead: %s", paths[i], error->message);
          if (watch->poll_source == 0)
            watch->poll_source = g_timeout_add_seconds (2, poll_cb, self);
          continue;
        }
      /* By default a file's changes are told at most every 800 ms. */
      g_file_monitor_set_rate_limit (watch->monitors[i], 50);
      g_signal_connect (watch->monitors[i], "changed", G_CALLBACK (file_changed_cb), self);
    }
}

gboolean
sd_store_check_library (SdStore *self)
{
  SdStoreWatch *watch;
  gint64        version;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  watch = ensure_watch (self);
  version = sd_store_get_data_version (self, NULL);
  if (version < 0 || version == watch->data_version)
    return FALSE;
  watch->data_version = version;
  watch->last_news = g_get_monotonic_time ();
  _sd_store_notify_library (self);
  return TRUE;
}

void
_sd_store_watch_clear (SdStore *self)
{
  if (self->watch == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->watch->monitors); i++)
    if (self->watch->monitors[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->watch->monitors[i], self);
        g_file_monitor_cancel (self->watch->monitors[i]);
        g_clear_object (&self->watch->monitors[i]);
      }
  g_clear_handle_id (&self->watch->check_source, g_source_remove);
  g_clear_handle_id (&self->watch->poll_source, g_source_remove);
  g_clear_pointer (&self->watch, g_free);
}
