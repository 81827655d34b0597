/* sd-cli-shared.c — storydesk serve and storydesk admin: a shared library
 * on PostgreSQL, hosted on a desk computer or on the newsroom's server
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "sd-cli-private.h"
#include "sd-pg-library.h"
#include "sd-pg-server.h"

typedef struct
{
  GMainLoop   *loop;
  GSubprocess *server;
  gboolean     stopped_cleanly;
} Serving;

static gboolean
stop_cb (gpointer user_data)
{
  Serving *serving = user_data;

  /* postgres's fast shutdown: sessions are ended, nothing is lost */
  g_subprocess_send_signal (serving->server, SIGINT);
  return G_SOURCE_CONTINUE;
}

static void
server_exited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Serving *serving = user_data;

  serving->stopped_cleanly = g_subprocess_wait_finish (serving->server, result, NULL)
                             && g_subprocess_get_successful (serving->server);
  g_main_loop_quit (serving->loop);
}

int
_sd_cli_run_serve (int argc, char **argv)
{
  g_autofree char   *data_dir = NULL;
  g_autofree char   *listen = NULL;
  int                port = 5432;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("The folder the server keeps the library in (made on the first run)"), N_("DIR") },
      { "port", 0, 0, G_OPTION_ARG_INT, &port,
        N_("The port to listen on (default 5432)"), N_("PORT") },
        { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
          N_("The addresses to listen on (default *: every network; \"\": this computer only)"),
              N_("ADDRESSES") },
          { NULL },
        };
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GSubprocess) server = NULL;
  g_autofree char *location = NULL;
  Serving          serving = { 0 };
  guint            stop_ids[2];

  if (!_sd_cli_parse_options ("serve", entries, &argc, &argv))
    return EXIT_REFUSED;
  if (data_dir == NULL || argc != 2 || port <= 0 || port > 65535)
    {
      _sd_cli_print_error (_("serve needs --data DIR, and a port from 1 to 65535"));
      return EXIT_REFUSED;
    }
  if (listen == NULL)
    listen = g_strdup ("*");
  if (!g_path_is_absolute (data_dir))
    {
      g_autofree char *relative = g_steal_pointer (&data_dir);
      g_autofree char *here = g_get_current_dir ();

      data_dir = g_build_filename (here, relative, NULL);
    }
  if (!sd_pg_server_prepare (data_dir, &error)
      || (server = sd_pg_server_start (data_dir, listen, port, &error)) == NULL
      || !sd_pg_server_open_library (server, data_dir, port, 60, &error))
    {
      _sd_cli_print_error (error->message);
      if (server != NULL)
        g_subprocess_send_signal (server, SIGINT), g_subprocess_wait (server, NULL, NULL);
      return EXIT_REFUSED;
    }

  location = sd_pg_server_local_location (data_dir, port);
  g_print (_("The shared library is open. On this computer: storydesk --db '%s'\n"), location);
  if (*listen != '\0')
    g_print (_("From other computers: storydesk --db postgresql://%s:%d/storydesk (people are "
               "added with storydesk admin add)\n"),
                g_get_host_name (), port);
  g_print (_("Ctrl+C stops the server.\n"));

  loop = g_main_loop_new (NULL, FALSE);
  serving.loop = loop;
  serving.server = server;
  stop_ids[0] = g_unix_signal_add (SIGINT, stop_cb, &serving);
  stop_ids[1] = g_unix_signal_add (SIGTERM, stop_cb, &serving);
  g_subprocess_wait_async (server, NULL, server_exited_cb, &serving);
  g_main_loop_run (loop);
  g_source_remove (stop_ids[0]);
  g_source_remove (stop_ids[1]);
  return serving.stopped_cleanly ? EXIT_SUCCESS : EXIT_REFUSED;
}

/* Brings the library's schema up to date, then indexes the headlines of
 * the stories stored before story_heads was there, 500 to a transaction:
 * stopped, the next run goes on from there. */
static gboolean
upgrade (SdPgLibrary *library, const char *location, GError **error)
{
  guint n_filled = 0;

  if (!sd_pg_library_create (library, error)
      || !sd_pg_library_fill_heads (library, 500, 0, NULL, &n_filled, error))
    return FALSE;
  g_print (_("The shared library at %s is ready\n"), location);
  if (n_filled > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u story stored before headlines were indexed for ranked search "
                          "is indexed now\n",
                          "%u stories stored before headlines were indexed for ranked search "
                          "are indexed now\n",
                          n_filled),
             n_filled);
  return TRUE;
}

int
_sd_cli_run_admin (int argc, char **argv)
{
  g_autofree char   *role_name = NULL;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_name,
      N_("The person’s role: editor (编辑), reviewer (审稿) or admin (管理员)"), N_("ROLE") },
      { NULL },
    };
  g_autoptr (SdPgLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  SdPgRole role = SD_PG_ROLE_EDITOR;
  gboolean init;

  if (!_sd_cli_parse_options ("admin", entries, &argc, &argv))
    return EXIT_REFUSED;
  /* upgrade: init's other name, for a library that exists */
  init = argc == 4 && (g_strcmp0 (argv[2], "init") == 0 || g_strcmp0 (argv[2], "upgrade") == 0);
  if (!init && !(argc == 5 && g_strcmp0 (argv[2], "add") == 0))
    {
      _sd_cli_print_error (
          _("admin needs init LOCATION, upgrade LOCATION, or add LOCATION NAME --role ROLE"));
      return EXIT_REFUSED;
    }
  if (!sd_pg_library_is_location (argv[3]))
    {
      g_autofree char *message = g_strdup_printf (
          _("%s is not the address of a shared library (postgresql://…)"), argv[3]);

      _sd_cli_print_error (message);
      return EXIT_REFUSED;
    }
  if (!init && (role_name == NULL || !sd_pg_role_from_string (role_name, &role)))
    {
      _sd_cli_print_error (_("admin add needs --role editor, reviewer or admin"));
      return EXIT_REFUSED;
    }
  library = sd_pg_library_open (argv[3], &error);
  if (library == NULL
      || !(init ? upgrade (library, argv[3], &error)
                : sd_pg_library_add_person (library, argv[4], role, &error)))
    {
      _sd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  if (!init)
    g_print (_("%s is now a person of the library, as %s; their password is set with psql’s "
               "\\password\n"),
                argv[4], role_name);
  return EXIT_SUCCESS;
}
