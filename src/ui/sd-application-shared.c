/* sd-application-shared.c — opening the window on a shared library
 * (`storydesk --db postgresql://…`, #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection is made in a worker (sd_pg_shared_open_async ()): the
 * connection window shows at once and counts the seconds, and a server
 * that is slow, unreachable or asks for a password never freezes it.
 */
#define G_LOG_DOMAIN "sd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-application-private.h"
#include "sd-connect-window.h"
#include "sd-pg-shared.h"

typedef struct
{
  SdApplication   *application;
  SdConnectWindow *window; /* owns this */
  char            *location;
  GCancellable    *cancellable; /* the try under way */
  gboolean         closed;
} Connection;

typedef struct
{
  SdConnectWindow *window; /* a reference */
  GCancellable    *cancellable;
} Try;

static void
connection_free (Connection *connection)
{
  g_cancellable_cancel (connection->cancellable);
  g_clear_object (&connection->cancellable);
  g_free (connection->location);
  g_free (connection);
}

static Connection *
connection_of (SdConnectWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "sd-connection");
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Try        *try = user_data;
  Connection *connection = connection_of (try->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgShared) shared = sd_pg_shared_open_finish (result, &error);

  /* closed meanwhile, or a later try under way */
  if (connection->closed || try->cancellable != connection->cancellable)
    ;
  else if (shared != NULL)
    {
      SdWindow *window = sd_window_new (connection->application, SD_LIBRARY (shared));
      g_auto (GStrv) imports = _sd_application_take_imports (connection->application);

      gtk_window_present (GTK_WINDOW (window));
      if (imports != NULL)
        sd_window_import_files (window, (const char *const *) imports);
      gtk_widget_destroy (GTK_WIDGET (try->window));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message =
          g_strdup_printf (_("Connecting to %s was stopped."), connection->location);

      sd_connect_window_failed (try->window, message);
    }
  else if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_PASSWORD))
    sd_connect_window_ask_password (try->window, error->message);
  else
    sd_connect_window_failed (try->window, error->message);
  g_object_unref (try->window);
  g_object_unref (try->cancellable);
  g_free (try);
}

static void
start (Connection *connection, const char *password, gboolean remember)
{
  Try *try = g_new0 (Try, 1);

  g_cancellable_cancel (connection->cancellable);
  g_clear_object (&connection->cancellable);
  connection->cancellable = g_cancellable_new ();
  try->window = g_object_ref (connection->window);
  try->cancellable = g_object_ref (connection->cancellable);
  sd_connect_window_connecting (connection->window);
  sd_pg_shared_open_async (connection->location, password, remember, connection->cancellable,
                           opened_cb, try);
}

static void
retry_cb (SdConnectWindow *window, Connection *connection)
{
  start (connection, NULL, FALSE);
}

static void
stop_cb (SdConnectWindow *window, Connection *connection)
{
  g_cancellable_cancel (connection->cancellable);
}

static void
password_given_cb (SdConnectWindow *window,
                   const char      *password,
                   gboolean         remember,
                   Connection      *connection)
{
  start (connection, password, remember);
}

static void
open_other_cb (SdConnectWindow *window, const char *path, Connection *connection)
{
  g_cancellable_cancel (connection->cancellable);
  /* the files given were for the shared library */
  g_strfreev (_sd_application_take_imports (connection->application));
  if (_sd_application_open_library (connection->application, path) != NULL)
    gtk_widget_destroy (GTK_WIDGET (window));
}

static void
destroyed_cb (SdConnectWindow *window, Connection *connection)
{
  connection->closed = TRUE;
  g_cancellable_cancel (connection->cancellable);
  g_strfreev (_sd_application_take_imports (connection->application));
}

SdWindow *
_sd_application_open_shared (SdApplication *self, const char *location)
{
  Connection *connection;

  /* asked again while it connects */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SD_IS_CONNECT_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return NULL;
      }
  connection = g_new0 (Connection, 1);
  connection->application = self;
  connection->location = g_strdup (location);
  connection->window = sd_connect_window_new (GTK_APPLICATION (self), location);
  g_object_set_data_full (G_OBJECT (connection->window), "sd-connection", connection,
                          (GDestroyNotify) connection_free);
  g_signal_connect (connection->window, "retry", G_CALLBACK (retry_cb), connection);
  g_signal_connect (connection->window, "stop", G_CALLBACK (stop_cb), connection);
  g_signal_connect (connection->window, "password-given", G_CALLBACK (password_given_cb),
                    connection);
  g_signal_connect (connection->window, "open-other", G_CALLBACK (open_other_cb), connection);
  g_signal_connect (connection->window, "destroy", G_CALLBACK (destroyed_cb), connection);
  gtk_window_present (GTK_WINDOW (connection->window));
  start (connection, NULL, FALSE);
  return NULL;
}
