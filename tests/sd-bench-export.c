/* sd-bench-export.c — every story of the library exported by `storydesk
 * export` in a child process, each format's time and peak memory (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   export.FORMAT       the whole library to a file, as an editor exports it
 *   export.FORMAT.rss   the child's peak resident memory (GNU time's %M),
 *                       which the issue bounds at 100 MB for any format
 *   floor.sqlite3-json  `sqlite3 -json` of the stories' text columns, the
 *                       floor of the JSON export, when sqlite3 is installed
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sd-bench.h"

static const char *const formats[] = { "json", "csv", "md", "html", "w3c" };

/* Runs @argv with its output in @out_path; its wall time and peak RSS.
 * The peak is GNU time's (%M), not wait4 ()'s: a child forked from this
 * process keeps its peak through exec, so wait4 () would give this
 * process's own size for any child smaller than it. */
static gboolean
run_child (
    char *const *argv, const char *out_path, double *out_seconds, double *out_mb, GError **error)
{
  g_autofree char *rss_path = g_strconcat (out_path, ".rss", NULL);
  g_autofree char *rss = NULL;
  g_autoptr (GPtrArray) timed = g_ptr_array_new ();
  gint64 start = g_get_monotonic_time ();
  int    status = 0;
  pid_t  pid;

  g_ptr_array_add (timed, "/usr/bin/time");
  g_ptr_array_add (timed, "-f");
  g_ptr_array_add (timed, "%M");
  g_ptr_array_add (timed, "-o");
  g_ptr_array_add (timed, rss_path);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (timed, argv[i]);
  g_ptr_array_add (timed, NULL);
  pid = fork ();
  if (pid == 0)
    {
      int fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      if (fd < 0 || dup2 (fd, STDOUT_FILENO) < 0)
        _exit (126);
      execv ("/usr/bin/time", (char **) timed->pdata);
      _exit (127);
    }
  if (pid < 0 || waitpid (pid, &status, 0) != pid || !WIFEXITED (status)
      || WEXITSTATUS (status) != 0 || !g_file_get_contents (rss_path, &rss, NULL, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (status %d)", argv[0], status);
      return FALSE;
    }
  *out_seconds = sd_bench_elapsed_ms (start) / 1000.0;
  *out_mb = g_ascii_strtod (rss, NULL) / 1024.0; /* kilobytes */
  g_unlink (rss_path);
  return TRUE;
}

/**
 * sd_bench_time_exports:
 * @library: the benchmark's library
 * @tmp: where the exported files go (removed after)
 *
 * Records each format's time and peak memory in @table and prints them
 * beside the floor.
 */
gboolean
sd_bench_time_exports (const char *library, const char *tmp, GPtrArray *table, GError **error)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *out = g_build_filename (tmp, "export.out", NULL);
  double           floor_seconds = 0, floor_mb = 0;

  g_print ("\n%-22s %10s %10s   %s\n", "export of every story", "time", "peak RSS",
           "floor: sqlite3 -json of the text columns");
  if (sqlite3 != NULL)
    {
      char *const argv[] = { sqlite3, "-json", (char *) library,
                             "SELECT id, headline, subheadline, byline, body, note, place_code, "
                             "status FROM stories WHERE trashed IS NULL ORDER BY page_id, ordinal",
                             NULL };

      if (!run_child (argv, out, &floor_seconds, &floor_mb, error))
        return FALSE;
      sd_bench_record (table, "floor.sqlite3-json", "export", "s", floor_seconds);
      sd_bench_record (table, "floor.sqlite3-json.rss", "export", "MB", floor_mb);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("export.%s", formats[i]);
      g_autofree char *rss = g_strdup_printf ("export.%s.rss", formats[i]);
      char *const argv[] = { SD_CLI_PATH,         "export", "--db", (char *) library, "--format",
                             (char *) formats[i], NULL };
      double      seconds = 0, mb = 0;
      GStatBuf    st;

      if (!run_child (argv, out, &seconds, &mb, error))
        return FALSE;
      sd_bench_record (table, name, "export", "s", seconds);
      sd_bench_record (table, rss, "export", "MB", mb);
      g_print ("%-22s %8.2f s %7.0f MB   %.0f MB written; floor %.2f s in %.0f MB (%.2f×)\n",
               formats[i], seconds, mb, g_stat (out, &st) == 0 ? st.st_size / 1e6 : 0,
               floor_seconds, floor_mb, seconds / MAX (floor_seconds, 1e-6));
    }
  g_unlink (out);
  return TRUE;
}
