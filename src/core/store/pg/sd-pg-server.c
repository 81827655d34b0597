/* sd-pg-server.c — a PostgreSQL server of the desk's own
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As GNOME's Glom did: the server's own programs (initdb, postgres) run on
 * a folder the editor chooses, as the editor's own system user.
 */
#define G_LOG_DOMAIN "sd-pg-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <unistd.h>

#include "sd-pg-library.h"
#include "sd-pg-server.h"

/* The newest installed server's program @name (Debian keeps them in
 * /usr/lib/postgresql/VERSION/bin, out of PATH). */
static char *
find_server_program (const char *name, GError **error)
{
  g_autoptr (GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  g_autofree char *best = NULL;
  guint64          best_version = 0;
  const char      *version;

  while (dir != NULL && (version = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/usr/lib/postgresql", version, "bin", name, NULL);
      guint64          number = g_ascii_strtoull (version, NULL, 10);

      if (number > best_version && g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        best_version = number, g_free (best), best = g_steal_pointer (&path);
    }
  if (best == NULL)
    best = g_find_program_in_path (name);
  if (best == NULL)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                 _("PostgreSQL’s %s is not installed (Debian: apt install postgresql)"), name);
  return g_steal_pointer (&best);
}

static gboolean
run_program (const char *const *argv, GError **error)
{
  g_autoptr (GSubprocess) process = g_subprocess_newv (
      argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error);
  g_autofree char *errors = NULL;

  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &errors, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_FAILED,
                   _("%s failed: %s"), argv[0], g_strstrip (errors));
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_pg_server_prepare (const char *data_dir, GError **error)
{
  g_autofree char *version_file = g_build_filename (data_dir, "PG_VERSION", NULL);
  g_autofree char *hba = g_build_filename (data_dir, "pg_hba.conf", NULL);
  g_autofree char *initdb = NULL;
  g_autofree char *rules = NULL;

  if (geteuid () == 0)
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_FAILED,
                   _("PostgreSQL does not run as root: serve the library as the desk’s own "
                     "user"));
      return FALSE;
    }
  if (g_file_test (version_file, G_FILE_TEST_EXISTS))
    return TRUE;
  if ((initdb = find_server_program ("initdb", error)) == NULL)
    return FALSE;
  {
    const char *const argv[] = {
      initdb, "--encoding=UTF8", "--no-locale", "--auth-local=peer", "--auth-host=scram-sha-256",
      "-D",   data_dir,          NULL
    };

    if (!run_program (argv, error))
      return FALSE;
  }
  /* initdb lets in only this machine over the network; the desk's
   * colleagues are on its subnets */
  if (!g_file_get_contents (hba, &rules, NULL, error))
    return FALSE;
  {
    g_autofree char *more = g_strconcat (
        rules, "\n# Storydesk: colleagues on this computer's subnets, with a password\n",
        "host    all             all             samenet                 scram-sha-256\n", NULL);

    return g_file_set_contents (hba, more, -1, error);
  }
}

GSubprocess *
sd_pg_server_start (const char *data_dir, const char *addresses, guint port, GError **error)
{
  g_autofree char *postgres = find_server_program ("postgres", error);
  g_autofree char *listen = g_strdup_printf ("listen_addresses=%s", addresses);
  g_autofree char *port_setting = g_strdup_printf ("port=%u", port);
  g_autofree char *sockets = g_strdup_printf ("unix_socket_directories=%s", data_dir);

  if (postgres == NULL)
    return NULL;
  {
    const char *const argv[] = { postgres, "-D",         data_dir, "-c",    listen,
                                 "-c",     port_setting, "-c",     sockets, NULL };

    return g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, error);
  }
}

static char *location_of (const char *data_dir, guint port, const char *database);

char *
sd_pg_server_local_location (const char *data_dir, guint port)
{
  return location_of (data_dir, port, "storydesk");
}

static char *
location_of (const char *data_dir, guint port, const char *database)
{
  g_autofree char *escaped = g_uri_escape_string (data_dir, NULL, FALSE);

  return g_strdup_printf ("postgresql:///%s?host=%s&port=%u", database, escaped, port);
}

gboolean
sd_pg_server_open_library (
    GSubprocess *process, const char *data_dir, guint port, guint timeout_s, GError **error)
{
  g_autofree char *server = location_of (data_dir, port, "postgres");
  g_autofree char *library_location = location_of (data_dir, port, "storydesk");
  gint64           deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;
  g_autoptr (SdPgLibrary) library = NULL;

  while (PQping (server) != PQPING_OK)
    {
      /* the identifier goes once the server has exited */
      if (g_subprocess_get_identifier (process) == NULL || g_get_monotonic_time () > deadline)
        {
          g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                       _("The PostgreSQL server on %s did not start (its log is above)"),
                          data_dir);
          return FALSE;
        }
      g_usleep (G_USEC_PER_SEC / 10);
    }
  if (!sd_pg_library_ensure_database (server, "storydesk", error))
    return FALSE;
  library = sd_pg_library_open (library_location, error);
  return library != NULL && sd_pg_library_create (library, error);
}
