/* sd-pg-watch.c — what other editors change, told within moments:
 * LISTEN/NOTIFY on the connection's socket in the GLib main loop, and what
 * was missed while the connection was lost read back from the change log
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A payload is "CHANGE STORY" (two numbers, far below NOTIFY's 8,000
 * bytes).  NOTIFY keeps nothing for a connection that is gone, so after a
 * reconnect the changes table is read from the last change number seen;
 * from a little before it, since numbers are taken when a write starts and
 * a slower write may commit a smaller number later.  Telling a story twice
 * costs a re-read, missing one would show old text.
 */
#define G_LOG_DOMAIN "sd-pg-watch"

#include "config.h"

#include <glib-unix.h>

#include "sd-pg-private.h"

/* How far before the last change seen a catch-up reads. */
#define CATCH_UP_MARGIN 1000

static gboolean reconnect_cb (gpointer user_data);

static void
lose_connection (SdPgLibrary *self)
{
  self->socket_source = 0;
  self->reconnecting = TRUE;
  if (self->connection != NULL)
    self->connection (self, FALSE, self->watch_data);
  if (self->reconnect_source == 0)
    self->reconnect_source = g_timeout_add_seconds (1, reconnect_cb, self);
}

static void
drain_notifies (SdPgLibrary *self)
{
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      char  *end = NULL;
      gint64 change = g_ascii_strtoll (notify->extra, &end, 10);
      gint64 story = end != NULL && *end == ' ' ? g_ascii_strtoll (end, NULL, 10) : -1;

      self->last_change = MAX (self->last_change, change);
      /* story 0: the library's own (a saved search, a tag's name or colour) */
      if (story >= 0)
        self->changed (self, story, self->watch_data);
      PQfreemem (notify);
    }
}

static gboolean
socket_cb (int fd, GIOCondition condition, gpointer user_data)
{
  SdPgLibrary *self = user_data;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      lose_connection (self);
      return G_SOURCE_REMOVE;
    }
  drain_notifies (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
drain_cb (gpointer user_data)
{
  SdPgLibrary *self = user_data;

  self->drain_source = 0;
  drain_notifies (self);
  return G_SOURCE_REMOVE;
}

/* A statement of this connection may have read notifications off the
 * socket with its result: they are told from the main loop. */
void
_sd_pg_notifies_read (SdPgLibrary *self)
{
  if (self->changed != NULL && self->drain_source == 0)
    self->drain_source = g_idle_add (drain_cb, self);
}

/* LISTEN, and the socket into the main loop. */
static gboolean
listen_on (SdPgLibrary *self, GError **error)
{
  if (!_sd_pg_run_command (self, "LISTEN storydesk_changes", 0, NULL, error))
    return FALSE;
  self->socket_source =
      g_unix_fd_add (PQsocket (self->conn), G_IO_IN | G_IO_HUP | G_IO_ERR, socket_cb, self);
  return TRUE;
}

/* The stories changed since a little before the last change seen. */
static gboolean
catch_up (SdPgLibrary *self, GError **error)
{
  g_autofree char *from =
      g_strdup_printf ("%" G_GINT64_FORMAT, MAX (self->last_change - CATCH_UP_MARGIN, 0));
  const char *const params[] = { from };
  g_autoptr (GHashTable) told = g_hash_table_new (g_int64_hash, g_int64_equal);
  PGresult *result = _sd_pg_run (self, "SELECT n, story_id FROM changes WHERE n > $1 ORDER BY n", 1,
                                 params, error);
  g_autofree gint64 *stories = NULL;
  int                n_rows;

  if (result == NULL)
    return FALSE;
  n_rows = PQntuples (result);
  stories = g_new (gint64, n_rows + 1);
  for (int row = 0; row < n_rows; row++)
    {
      self->last_change =
          MAX (self->last_change, g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10));
      stories[row] = g_ascii_strtoll (PQgetvalue (result, row, 1), NULL, 10);
    }
  PQclear (result);
  for (int row = 0; row < n_rows; row++)
    if (g_hash_table_add (told, &stories[row]))
      self->changed (self, stories[row], self->watch_data);
  return TRUE;
}

/* Connected again: LISTEN, and what changed meanwhile; else another try
 * in a second. */
static void
finish_reconnect (SdPgLibrary *self)
{
  g_autoptr (GError) error = NULL;

  if (!_sd_pg_set_up_session (self, &error) || !listen_on (self, &error)
      || !catch_up (self, &error))
    {
      g_debug ("%s: %s", self->location, error->message);
      g_clear_handle_id (&self->socket_source, g_source_remove);
      self->reconnect_source = g_timeout_add_seconds (1, reconnect_cb, self);
      return;
    }
  self->reconnecting = FALSE;
  if (self->connection != NULL)
    self->connection (self, TRUE, self->watch_data);
}

static gboolean reset_poll_cb (int fd, GIOCondition condition, gpointer user_data);

/* A try goes on when its socket is ready, so a server that does not
 * answer (a network cut: TCP waits minutes) never stops the main loop. */
static void
poll_reset (SdPgLibrary *self, PostgresPollingStatusType status)
{
  switch (status)
    {
    case PGRES_POLLING_READING:
    case PGRES_POLLING_WRITING:
      if (PQsocket (self->conn) >= 0)
        {
          self->reset_source = g_unix_fd_add (PQsocket (self->conn),
                                              (status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT)
                                                  | G_IO_HUP | G_IO_ERR,
                                              reset_poll_cb, self);
          return;
        }
      break;
    case PGRES_POLLING_OK:
      finish_reconnect (self);
      return;
    default:
      break;
    }
  self->reconnect_source = g_timeout_add_seconds (1, reconnect_cb, self);
}

static gboolean
reset_poll_cb (int fd, GIOCondition condition, gpointer user_data)
{
  SdPgLibrary *self = user_data;

  self->reset_source = 0;
  poll_reset (self, PQresetPoll (self->conn));
  return G_SOURCE_REMOVE;
}

static gboolean
reconnect_cb (gpointer user_data)
{
  SdPgLibrary *self = user_data;

  self->reconnect_source = 0;
  /* as libpq asks: the first poll as if the socket were writable */
  poll_reset (self, PQresetStart (self->conn) ? PGRES_POLLING_WRITING : PGRES_POLLING_FAILED);
  return G_SOURCE_REMOVE;
}

gboolean
sd_pg_library_watch (SdPgLibrary       *self,
                     SdPgChangeFunc     changed,
                     SdPgConnectionFunc connection,
                     gpointer           user_data,
                     GError           **error)
{
  PGresult *result;

  g_return_val_if_fail (self->changed == NULL, FALSE);

  result = _sd_pg_run (self, "SELECT COALESCE (max (n), 0) FROM changes", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  self->last_change = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  self->changed = changed;
  self->connection = connection;
  self->watch_data = user_data;
  return listen_on (self, error);
}

gboolean
sd_pg_library_is_connected (SdPgLibrary *self)
{
  return PQstatus (self->conn) == CONNECTION_OK && !self->reconnecting;
}

void
_sd_pg_unwatch (SdPgLibrary *self)
{
  g_clear_handle_id (&self->socket_source, g_source_remove);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_clear_handle_id (&self->reset_source, g_source_remove);
  g_clear_handle_id (&self->drain_source, g_source_remove);
  self->changed = NULL;
}
