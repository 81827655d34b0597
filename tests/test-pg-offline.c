/* test-pg-offline.c — a shared library whose server stops answering (a
 * network cut, not a server that refuses) never stops the main loop while
 * it is tried again, and is back once the server answers (issue #17,
 * item 7)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through tests/with-postgres.py (SD_TEST_PG_URL), whose server listens
 * on its Unix socket only: the library connects over TCP to a relay in a
 * thread of this test, which forwards to that socket until it is cut; cut,
 * it closes what it relays and then takes new connections without a word,
 * as a server behind a broken network seems to.  A blocking reconnect
 * would wait there for ever.
 */
#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <string.h>

#include "sd-library.h"
#include "sd-pg-library.h"
#include "sd-pg-shared.h"

typedef struct
{
  GMainContext   *context;
  GSocketService *service;
  char           *socket_path; /* the server's */
  guint16         port;
  gboolean        cut;
  GPtrArray      *streams; /* (element-type GIOStream) relayed or held */
  GMainLoop      *loop;
  GThread        *thread;
  GMutex          lock;
  GCond           ready;
} Relay;

static void
spliced_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_io_stream_splice_finish (result, NULL);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  Relay *relay = user_data;
  g_autoptr (GSocketClient) client = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GSocketConnection) server = NULL;

  g_ptr_array_add (relay->streams, g_object_ref (connection));
  if (relay->cut)
    return TRUE; /* held, never answered */
  client = g_socket_client_new ();
  address = g_unix_socket_address_new (relay->socket_path);
  server = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, NULL);
  if (server == NULL)
    return TRUE;
  g_ptr_array_add (relay->streams, g_object_ref (server));
  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (server), G_IO_STREAM_SPLICE_NONE,
                            G_PRIORITY_DEFAULT, NULL, spliced_cb, NULL);
  return TRUE;
}

static gpointer
relay_thread (gpointer data)
{
  Relay *relay = data;
  g_autoptr (GError) error = NULL;

  g_main_context_push_thread_default (relay->context);
  relay->service = g_socket_service_new ();
  relay->port =
      g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (relay->service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (relay->service, "incoming", G_CALLBACK (incoming_cb), relay);
  g_mutex_lock (&relay->lock);
  g_cond_signal (&relay->ready);
  g_mutex_unlock (&relay->lock);
  g_main_loop_run (relay->loop);
  /* what it relayed or held goes in its own thread, as it came */
  g_socket_service_stop (relay->service);
  g_socket_listener_close (G_SOCKET_LISTENER (relay->service));
  g_clear_object (&relay->service);
  g_clear_pointer (&relay->streams, g_ptr_array_unref);
  g_main_context_pop_thread_default (relay->context);
  return NULL;
}

typedef struct
{
  Relay   *relay;
  gboolean cut;
} Cut;

/* In the relay's thread: cut (closing what it relays) or mend it. */
static gboolean
set_cut_cb (gpointer data)
{
  Cut *cut = data;

  cut->relay->cut = cut->cut;
  for (guint i = 0; i < cut->relay->streams->len; i++)
    g_io_stream_close (cut->relay->streams->pdata[i], NULL, NULL);
  g_ptr_array_set_size (cut->relay->streams, 0);
  g_free (cut);
  return G_SOURCE_REMOVE;
}

static void
set_cut (Relay *relay, gboolean cut)
{
  Cut *data = g_new0 (Cut, 1);

  data->relay = relay;
  data->cut = cut;
  g_main_context_invoke (relay->context, set_cut_cb, data);
}

/* The relay's TCP address for the server at SD_TEST_PG_URL's socket. */
static char *
start_relay (Relay *relay)
{
  const char      *location = g_getenv ("SD_TEST_PG_URL");
  const char      *host = location != NULL ? strstr (location, "host=") : NULL;
  g_autofree char *folder = NULL;

  if (host == NULL)
    g_error ("SD_TEST_PG_URL is not set: run this test through tests/with-postgres.py");
  folder = g_strndup (host + 5, strcspn (host + 5, "&"));
  relay->socket_path = g_build_filename (folder, ".s.PGSQL.5432", NULL);
  relay->context = g_main_context_new ();
  relay->streams = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&relay->lock);
  g_cond_init (&relay->ready);
  g_mutex_lock (&relay->lock);
  relay->loop = g_main_loop_new (relay->context, FALSE);
  relay->thread = g_thread_new ("relay", relay_thread, relay);
  while (relay->port == 0)
    g_cond_wait (&relay->ready, &relay->lock);
  g_mutex_unlock (&relay->lock);
  return g_strdup_printf ("postgresql://127.0.0.1:%u/storydesk_test?user=storydesk", relay->port);
}

typedef struct
{
  int   online; /* -1 until told */
  guint ticks;  /* of a 50 ms timeout: the main loop ran */
} Seen;

static void
online_changed_cb (SdLibrary *library, gboolean online, Seen *seen)
{
  seen->online = online;
}

static gboolean
tick_cb (gpointer data)
{
  ((Seen *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
run_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
}

static void
run_until_online (Seen *seen, int online, double seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (seen->online != online && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  g_assert_cmpint (seen->online, ==, online);
}

static gboolean
quit_relay_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Ends the relay's thread and lets go of all it held. */
static void
stop_relay (Relay *relay)
{
  g_main_context_invoke (relay->context, quit_relay_cb, relay->loop);
  g_thread_join (relay->thread);
  g_clear_pointer (&relay->loop, g_main_loop_unref);
  g_clear_pointer (&relay->context, g_main_context_unref);
  g_clear_pointer (&relay->socket_path, g_free);
  g_mutex_clear (&relay->lock);
  g_cond_clear (&relay->ready);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_silent_server (void)
{
  Relay            relay = { 0 };
  g_autofree char *location = start_relay (&relay);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) admin = sd_pg_library_open (g_getenv ("SD_TEST_PG_URL"), &error);
  g_autoptr (SdPgShared) shared = NULL;
  g_autoptr (SdStory) story = sd_story_new ();
  Seen   seen = { -1 };
  guint  ticker;
  gint64 id = 1;

  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (admin, &error));
  story->id = id;
  story->kind = SD_STORY_KIND_NEWS;
  story->headline = g_strdup ("稿件");
  story->body = g_strdup ("本报讯 全市党建工作推进会召开。");
  g_assert_true (sd_pg_library_put_story (admin, story, &error));
  g_assert_no_error (error);

  shared = sd_pg_shared_open (location, &error);
  g_assert_no_error (error);
  g_signal_connect (shared, "online-changed", G_CALLBACK (online_changed_cb), &seen);
  g_assert_true (sd_library_tag_stories (SD_LIBRARY (shared), &id, 1, "在线", TRUE, &error));
  g_assert_no_error (error);

  /* cut: said within moments, writes refused, and the main loop keeps
   * running while the silent server is tried every second */
  set_cut (&relay, TRUE);
  run_until_online (&seen, FALSE, 10);
  g_assert_false (sd_library_tag_stories (SD_LIBRARY (shared), &id, 1, "离线", TRUE, &error));
  g_assert_error (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_OFFLINE);
  g_clear_error (&error);
  /* so is an export, at once, and no file is written */
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "offline.json", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GAsyncResult) result = NULL;
    const SdScope all = { SD_SCOPE_ALL };

    SdExportReader reader;

    sd_pg_shared_init_export_reader (shared, &reader);
    sd_export_to_file_async (&reader, &all, SD_EXPORT_FORMAT_JSON, NULL, file, NULL, NULL, NULL,
                             NULL, opened_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (sd_export_to_file_finish (result, NULL, &error));
    g_assert_error (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_OFFLINE);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  ticker = g_timeout_add (50, tick_cb, &seen);
  run_for (3.0);
  g_test_message ("%u ticks of 50 ms in 3 s while the server was silent", seen.ticks);
  g_assert_cmpuint (seen.ticks, >, 30);
  g_assert_cmpint (seen.online, ==, FALSE);

  /* mended: back within seconds, and writes land */
  set_cut (&relay, FALSE);
  run_until_online (&seen, TRUE, 15);
  g_source_remove (ticker);
  g_assert_true (sd_library_tag_stories (SD_LIBRARY (shared), &id, 1, "又在线", TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) tags = sd_pg_library_list_tags (admin, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tags->len, ==, 2);
  }
  g_clear_object (&shared);
  stop_relay (&relay);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* The window's connection, made in a worker (sd_pg_shared_open_async ()),
 * to @location; the main loop counted meanwhile.  @seconds: how long. */
static SdPgShared *
open_counting (
    const char *location, GCancellable *cancellable, Seen *seen, double *seconds, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();
  guint  ticker = g_timeout_add (50, tick_cb, seen);

  sd_pg_shared_open_async (location, NULL, FALSE, cancellable, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticker);
  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return sd_pg_shared_open_finish (result, error);
}

/* Opening a library whose server says nothing never stops the main loop:
 * given up after the address's connect_timeout with a message naming the
 * address, or at once when stopped; the command line's connection gives
 * up too, and once the server answers the library opens. */
static void
test_silent_connect (void)
{
  Relay            relay = { 0 };
  g_autofree char *relayed = start_relay (&relay);
  g_autofree char *location = g_strdup_printf ("%s&connect_timeout=3", relayed);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (SdPgShared) shared = NULL;
  SdPgLibrary *library;
  Seen         seen = { -1 };
  double       seconds;

  set_cut (&relay, TRUE);
  run_for (0.2);
  shared = open_counting (location, NULL, &seen, &seconds, &error);
  g_test_message ("given up after %.1f s, %u ticks of 50 ms meanwhile", seconds, seen.ticks);
  g_assert_null (shared);
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, location));
  g_assert_nonnull (strstr (error->message, "did not answer within 3 seconds"));
  g_assert_cmpfloat (seconds, >=, 2.5);
  g_assert_cmpfloat (seconds, <, 10);
  g_assert_cmpuint (seen.ticks, >, 30);
  g_clear_error (&error);

  /* stopped by the editor: at once, with no timeout named */
  seen.ticks = 0;
  g_timeout_add (1000, cancel_cb, cancellable);
  shared = open_counting (relayed, cancellable, &seen, &seconds, &error);
  g_assert_null (shared);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds, <, 3);
  g_assert_cmpuint (seen.ticks, >, 10);
  g_clear_error (&error);

  library = sd_pg_library_open (location, &error);
  g_assert_null (library);
  g_assert_error (error, SD_PG_ERROR, SD_PG_ERROR_CONNECT);
  g_clear_error (&error);

  set_cut (&relay, FALSE);
  run_for (0.2);
  shared = open_counting (location, NULL, &seen, &seconds, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shared);
  g_clear_object (&shared);
  stop_relay (&relay);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/offline/silent-server", test_silent_server);
  g_test_add_func ("/pg/offline/silent-connect", test_silent_connect);
  return g_test_run ();
}
