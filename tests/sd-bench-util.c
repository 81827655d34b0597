/* sd-bench-util.c — small helpers every benchmark program shares
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sd-bench.h"

double
sd_bench_elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

void
sd_bench_remove_library (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

gint64
sd_bench_library_bytes (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf         st;
  gint64           size = 0;

  if (g_stat (path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size;
}
