/* sd-bench-window.c — the window's figures (#16 item 1): tests/bench-window.py
 * drives the real window on the benchmark's library under Xvfb and AT-SPI
 * and writes them as JSON, read back into the table here; then
 * tests/bench-window-keys.py types 20 searches key by key without AT-SPI,
 * each key's time to its first rows set beside the index's own time for
 * the same query (the floor), read here after the window is gone
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sd-bench.h"
#include "sd-store.h"

/* The rows the window's list asks first (sd-story-list-model.c). */
#define FIRST_ROWS 100

/* Runs @script on @library under xvfb-run (and dbus-run-session when
 * @bus), the window being @binary; its JSON into @parser. */
static gboolean
run_script (const char *script,
            gboolean    bus,
            const char *library,
            const char *out,
            JsonParser *parser,
            GError    **error)
{
  g_autofree char *xvfb = g_find_program_in_path ("xvfb-run");
  g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  int status = 0;

  if (xvfb == NULL || dbus == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "--window needs xvfb-run and dbus-run-session");
      return FALSE;
    }
  g_ptr_array_add (argv, xvfb);
  g_ptr_array_add (argv, "-a");
  g_ptr_array_add (argv, "-s");
  g_ptr_array_add (argv, "-screen 0 1280x800x24");
  if (bus)
    {
      g_ptr_array_add (argv, dbus);
      g_ptr_array_add (argv, "--");
    }
  g_ptr_array_add (argv, "/usr/bin/python3");
  g_ptr_array_add (argv, (gpointer) script);
  if (!bus) /* (bench-window.py finds the window in $STORYDESK) */
    g_ptr_array_add (argv, SD_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) library);
  g_ptr_array_add (argv, (gpointer) out);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "STORYDESK", SD_CLI_PATH, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", SD_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  return g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                       NULL, NULL, &status, error)
         && g_spawn_check_wait_status (status, error)
         && json_parser_load_from_file (parser, out, error);
}

/* bench-window.py's figures: seconds, but a size in MB or characters. */
static void
record_walk (JsonObject *figures, GPtrArray *table)
{
  g_print ("\n%-28s %10s\n", "window (AT-SPI on)", "");
  for (GList *l = json_object_get_members (figures); l != NULL; l = g_list_delete_link (l, l))
    {
      const char      *key = l->data;
      double           value = json_object_get_double_member (figures, key);
      const char      *unit = g_str_has_suffix (key, "_mb")      ? "MB"
                              : g_str_has_suffix (key, "_chars") ? "chars"
                                                                 : "ms";
      double           shown = g_str_equal (unit, "ms") ? value * 1000 : value;
      g_autofree char *name = g_strconcat ("window.", key, NULL);

      sd_bench_record (table, name, "window", unit, shown);
      g_print ("%-32s %8.1f %s\n", key, shown, unit);
    }
}

/* Each key's time to its first rows (class keys-fresh, keys-cached), the
 * window model's part of it, and the index's first rows of the same query
 * on a connection of the benchmark's own, in the same order: the floor. */
static gboolean
record_keys (const char *library, JsonObject *figures, GPtrArray *table, GError **error)
{
  JsonArray *keys = json_object_get_array_member (figures, "keys");
  g_autoptr (SdStore) store = sd_store_open (library, error);

  if (store == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonObject      *key = json_array_get_object_element (keys, i);
      const char      *query = json_object_get_string_member (key, "query");
      g_autofree char *klass =
          g_strconcat ("keys-", json_object_get_string_member (key, "round"), NULL);
      g_autoptr (GPtrArray) rows = NULL;
      gint64 start = g_get_monotonic_time ();

      rows = sd_store_search (store, NULL, query, FIRST_ROWS, error);
      if (rows == NULL)
        return FALSE;
      sd_bench_record (table, "index.first_rows", klass, "ms", sd_bench_elapsed_ms (start));
      sd_bench_record (table, "window.key_rows", klass, "ms",
                       json_object_get_double_member (key, "ms"));
      sd_bench_record (table, "window.key_model", klass, "ms",
                       json_object_get_double_member (key, "model_ms"));
    }
  return TRUE;
}

/**
 * sd_bench_time_window:
 * @library: the benchmark's library
 * @tmp: where the figures' file goes (removed after)
 *
 * Records each window figure in @table (class "window"), then each key's
 * (classes "keys-fresh" and "keys-cached") beside the index's; FALSE with
 * @error set when Xvfb or the window failed.
 */
gboolean
sd_bench_time_window (const char *library, const char *tmp, GPtrArray *table, GError **error)
{
  g_autofree char *out = g_build_filename (tmp, "window.json", NULL);
  g_autoptr (JsonParser) walk = json_parser_new ();
  g_autoptr (JsonParser) keys = json_parser_new ();
  g_autoptr (GError) walk_error = NULL;
  gboolean ok;

  /* a walk AT-SPI lost (a busy machine) leaves the keys, which need none */
  if (run_script (SD_BENCH_WINDOW_SCRIPT, TRUE, library, out, walk, &walk_error))
    record_walk (json_node_get_object (json_parser_get_root (walk)), table);
  else
    g_printerr ("storydesk-bench: the window's walk failed: %s\n", walk_error->message);
  ok = run_script (SD_BENCH_KEYS_SCRIPT, FALSE, library, out, keys, error)
       && record_keys (library, json_node_get_object (json_parser_get_root (keys)), table, error);
  g_unlink (out);
  if (ok && walk_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&walk_error));
      return FALSE;
    }
  return ok;
}
