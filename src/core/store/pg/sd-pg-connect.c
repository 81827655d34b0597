/* sd-pg-connect.c — connecting to a shared library: never blocking for
 * long, cancellable, the password from ~/.pgpass, the desktop keyring or
 * the editor, never from the address (#17 items 1, 7)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpq's PQconnectdb () waits as long as the network does: a server
 * behind a cut network answers nothing, and TCP waits minutes.  Here each
 * step of the connection (PQconnectPoll) waits on its socket and on the
 * cancellable, and the whole is given up after a time.
 */
#define G_LOG_DOMAIN "sd-pg-connect"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sd-pg-private.h"
#include "sd-pg-secret.h"

/* How long a connection may take when the address names no
 * connect_timeout. */
#define DEFAULT_TIMEOUT_S 30

void
sd_pg_login_free (SdPgLogin *login)
{
  if (login == NULL)
    return;
  g_free (login->host);
  g_free (login->port);
  g_free (login->database);
  g_free (login->user);
  g_free (login);
}

char *
sd_pg_login_describe (const SdPgLogin *login)
{
  return g_strdup_printf ("%s on %s:%s/%s", login->user, login->host, login->port, login->database);
}

static SdPgLogin *
login_of (PGconn *conn)
{
  SdPgLogin *login = g_new0 (SdPgLogin, 1);

  login->host = g_strdup (PQhost (conn) != NULL ? PQhost (conn) : "");
  login->port = g_strdup (PQport (conn) != NULL ? PQport (conn) : "");
  login->database = g_strdup (PQdb (conn) != NULL ? PQdb (conn) : "");
  login->user = g_strdup (PQuser (conn) != NULL ? PQuser (conn) : "");
  return login;
}

/* The value of @keyword among @options, or NULL. */
static const char *
option_value (PQconninfoOption *options, const char *keyword)
{
  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword) && option->val != NULL && *option->val != '\0')
      return option->val;
  return NULL;
}

/* Whether @location names a password (postgresql://user:secret@host/db,
 * or ?password=): Storydesk's messages repeat the address. */
static gboolean
holds_password (const char *location)
{
  char             *message = NULL;
  PQconninfoOption *options = PQconninfoParse (location, &message);
  gboolean          found = option_value (options, "password") != NULL;

  PQconninfoFree (options);
  PQfreemem (message);
  return found;
}

/* The address's connect_timeout, in microseconds. */
static gint64
timeout_of (PGconn *conn)
{
  PQconninfoOption *options = PQconninfo (conn);
  const char       *value = option_value (options, "connect_timeout");
  gint64            seconds = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;

  PQconninfoFree (options);
  /* libpq's own rule: under two seconds means two */
  if (seconds <= 0)
    seconds = DEFAULT_TIMEOUT_S;
  return MAX (seconds, 2) * G_USEC_PER_SEC;
}

/* Waits until the socket is ready for what @status asks; FALSE when
 * cancelled (@error set) or at @deadline (@error unset). */
static gboolean
wait_socket (PGconn                   *conn,
             PostgresPollingStatusType status,
             gint64                    deadline,
             GCancellable             *cancellable,
             GError                  **error)
{
  GPollFD  fds[2] = { { PQsocket (conn),
                        (status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT) | G_IO_HUP | G_IO_ERR,
                        0 } };
  guint    n_fds = g_cancellable_make_pollfd (cancellable, &fds[1]) ? 2 : 1;
  gboolean ready = FALSE;

  for (;;)
    {
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      int    n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) || left_ms <= 0)
        break;
      n = g_poll (fds, n_fds, (int) MIN (left_ms, G_MAXINT));
      if (n < 0 && errno != EINTR)
        break;
      if (n > 0 && fds[0].revents != 0)
        {
          ready = TRUE;
          break;
        }
    }
  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);
  return ready;
}

/* Polls @conn's connection to its end: TRUE when made; FALSE with @error
 * set when cancelled, else with @timed_out told. */
static gboolean
poll_connection (PGconn *conn, gboolean *timed_out, GCancellable *cancellable, GError **error)
{
  gint64                    deadline = g_get_monotonic_time () + timeout_of (conn);
  PostgresPollingStatusType status = PGRES_POLLING_WRITING; /* as libpq asks */

  *timed_out = FALSE;
  if (PQstatus (conn) == CONNECTION_BAD)
    return FALSE;
  while (status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED)
    {
      g_autoptr (GError) local_error = NULL;

      if (!wait_socket (conn, status, deadline, cancellable, &local_error))
        {
          *timed_out = local_error == NULL;
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      status = PQconnectPoll (conn);
    }
  return status == PGRES_POLLING_OK;
}

/* Whether the server refused the password it was given (its message is
 * the only sign libpq gives). */
static gboolean
password_refused (PGconn *conn)
{
  return PQconnectionUsedPassword (conn)
         && strstr (PQerrorMessage (conn), "password authentication failed") != NULL;
}

typedef enum
{
  TRY_CONNECTED,
  TRY_NEEDS_PASSWORD, /* asked for one, and none known */
  TRY_REFUSED,        /* the password given was refused */
  TRY_FAILED,         /* @error set */
} TryOutcome;

/* One try at connecting, with @password when not NULL (after the address's
 * settings, so it wins over ~/.pgpass).  @out_conn: the connection, kept
 * for what it tells even when it failed. */
static TryOutcome
try_connect (const char   *location,
             const char   *password,
             PGconn      **out_conn,
             GCancellable *cancellable,
             GError      **error)
{
  const char *const keywords[] = { "dbname", password != NULL ? "password" : NULL, NULL };
  const char *const values[] = { location, password, NULL };
  PGconn           *conn = PQconnectStartParams (keywords, values, 1);
  gboolean          timed_out = FALSE;
  g_autoptr (GError) local_error = NULL;

  *out_conn = conn;
  if (conn == NULL) /* libpq is out of memory */
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                   _("Cannot open the shared library %s"), location);
      return TRY_FAILED;
    }
  if (poll_connection (conn, &timed_out, cancellable, &local_error))
    return TRY_CONNECTED;
  if (local_error != NULL) /* cancelled */
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (timed_out)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                 _("Cannot open the shared library %s: the server did not answer within %d "
                   "seconds"),
                    location, (int) (timeout_of (conn) / G_USEC_PER_SEC));
  else if (PQconnectionNeedsPassword (conn))
    return TRY_NEEDS_PASSWORD;
  else if (password_refused (conn))
    return TRY_REFUSED;
  else
    {
      g_autofree char *message = g_strdup (PQerrorMessage (conn));

      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                   _("Cannot open the shared library %s: %s"), location, g_strstrip (message));
    }
  return TRY_FAILED;
}

static SdPgLibrary *
library_for (const char *location, PGconn *conn, GError **error)
{
  g_autoptr (SdPgLibrary) self = g_new0 (SdPgLibrary, 1);
  PQconninfoOption *options = PQconninfo (conn);
  g_autoptr (GStrvBuilder) keywords = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (option->val != NULL)
      {
        g_strv_builder_add (keywords, option->keyword);
        g_strv_builder_add (values, option->val);
      }
  PQconninfoFree (options);
  self->conn_keywords = g_strv_builder_end (keywords);
  self->conn_values = g_strv_builder_end (values);
  self->location = g_strdup (location);
  self->conn = conn;
  if (!_sd_pg_set_up_session (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
set_password_error (const char      *location,
                    const SdPgLogin *login,
                    TryOutcome       outcome,
                    gboolean         from_keyring,
                    GError         **error)
{
  g_autofree char *who = sd_pg_login_describe (login);

  if (outcome == TRY_NEEDS_PASSWORD)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_PASSWORD,
                 _("The shared library %s asks for the password of %s, which neither "
                   "~/.pgpass nor the desktop keyring holds"),
                    location, who);
  else
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_PASSWORD,
                 from_keyring
                 ? _("The shared library %s refused the password the desktop keyring "
                                  "holds for %s")
                 : _("The shared library %s refused the password of %s"), location, who);
}

/**
 * sd_pg_library_open_full:
 * @location: a libpq connection URI (postgresql://host/db, or
 *   postgresql:///db for the local socket); a password in it is refused
 *
 * Returns: (transfer full): the open library, or %NULL with @error.
 */
SdPgLibrary *
sd_pg_library_open_full (const char   *location,
                         const char   *password,
                         gboolean      remember,
                         SdPgLogin   **out_login,
                         GCancellable *cancellable,
                         GError      **error)
{
  PGconn      *conn = NULL;
  SdPgLibrary *self = NULL;
  TryOutcome   outcome;
  gboolean     from_keyring = FALSE;
  g_autoptr (SdPgLogin) login = NULL;

  if (holds_password (location))
    {
      /* not repeated here: the address would put the password in the message */
      g_set_error_literal (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                           _("A shared library's address may not hold a password: libpq reads "
                             "it from ~/.pgpass (a line HOST:PORT:DATABASE:USER:PASSWORD, the "
                             "file of mode 0600), Storydesk from the desktop keyring"));
      return NULL;
    }
  outcome = try_connect (location, password, &conn, cancellable, error);
  if (outcome == TRY_NEEDS_PASSWORD && password == NULL)
    {
      g_autoptr (GError) keyring_error = NULL;
      g_autoptr (SdPgLogin) asked = login_of (conn);
      char *kept = sd_pg_secret_lookup (asked, cancellable, &keyring_error);

      if (keyring_error != NULL)
        g_debug ("no password from the desktop keyring: %s", keyring_error->message);
      if (kept != NULL)
        {
          PQfinish (conn);
          from_keyring = TRUE;
          outcome = try_connect (location, kept, &conn, cancellable, error);
          sd_pg_secret_free (kept);
        }
    }
  if (conn != NULL && outcome != TRY_FAILED)
    login = login_of (conn);
  if (outcome == TRY_CONNECTED)
    {
      g_autoptr (GError) keyring_error = NULL;

      if (password != NULL && remember
          && !sd_pg_secret_store (login, password, cancellable, &keyring_error))
        g_warning ("The desktop keyring could not keep the password: %s", keyring_error->message);
      self = library_for (location, conn, error);
    }
  else
    {
      if (outcome != TRY_FAILED)
        set_password_error (location, login, outcome, from_keyring, error);
      PQfinish (conn);
    }
  if (out_login != NULL)
    *out_login = g_steal_pointer (&login);
  return self;
}

SdPgLibrary *
sd_pg_library_open (const char *location, GError **error)
{
  return sd_pg_library_open_full (location, NULL, FALSE, NULL, NULL, error);
}

SdPgLibrary *
sd_pg_library_open_again (SdPgLibrary *self, GCancellable *cancellable, GError **error)
{
  PGconn  *conn = PQconnectStartParams ((const char *const *) self->conn_keywords,
                                        (const char *const *) self->conn_values, 0);
  gboolean timed_out;

  if (!poll_connection (conn, &timed_out, cancellable, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT,
                     _("Cannot open the shared library %s again: %s"), self->location,
                        timed_out ? _("the server did not answer") : PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }
  return library_for (self->location, conn, error);
}
