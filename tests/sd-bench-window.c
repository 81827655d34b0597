/* sd-bench-window.c — the window's figures (#16 item 1): tests/bench-window.py
 * drives the real window on the benchmark's library under Xvfb and AT-SPI
 * and writes them as JSON, read back into the table here
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sd-bench.h"

/**
 * sd_bench_time_window:
 * @library: the benchmark's library
 * @tmp: where the figures' file goes (removed after)
 *
 * Records each window figure in @table (class "window"); FALSE with
 * @error set when Xvfb or the window failed.
 */
gboolean
sd_bench_time_window (const char *library, const char *tmp, GPtrArray *table, GError **error)
{
  g_autofree char *out = g_build_filename (tmp, "window.json", NULL);
  g_autofree char *xvfb = g_find_program_in_path ("xvfb-run");
  g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) env = g_get_environ ();
  JsonObject *figures;
  int         status = 0;

  if (xvfb == NULL || dbus == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "--window needs xvfb-run and dbus-run-session");
      return FALSE;
    }
  {
    const char *argv[] = { xvfb,
                           "-a",
                           "-s",
                           "-screen 0 1280x800x24",
                           dbus,
                           "--",
                           "/usr/bin/python3",
                           SD_BENCH_WINDOW_SCRIPT,
                           library,
                           out,
                           NULL };

    env = g_environ_setenv (env, "STORYDESK", SD_CLI_PATH, TRUE);
    env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", SD_SCHEMA_DIR, TRUE);
    env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
    if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, error)
        || !g_spawn_check_wait_status (status, error)
        || !json_parser_load_from_file (parser, out, error))
      return FALSE;
  }
  figures = json_node_get_object (json_parser_get_root (parser));
  g_print ("\n%-28s %10s\n", "window (AT-SPI on)", "");
  for (GList *l = json_object_get_members (figures); l != NULL; l = g_list_delete_link (l, l))
    {
      const char *key = l->data;
      double      value = json_object_get_double_member (figures, key);
      /* seconds, but a size in MB or characters */
      const char      *unit = g_str_has_suffix (key, "_mb")      ? "MB"
                              : g_str_has_suffix (key, "_chars") ? "chars"
                                                                 : "ms";
      double           shown = g_str_equal (unit, "ms") ? value * 1000 : value;
      g_autofree char *name = g_strconcat ("window.", key, NULL);

      sd_bench_record (table, name, "window", unit, shown);
      g_print ("%-32s %8.1f %s\n", key, shown, unit);
    }
  g_unlink (out);
  return TRUE;
}
