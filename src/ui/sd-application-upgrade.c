/* sd-application-upgrade.c — opening the window on a personal library
 * whose schema this version changes (#16)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A migration rebuilds the search index, minutes on a million stories: it
 * runs in a worker (sd_store_open_async ()) behind the upgrade window,
 * shown at once, which the library's window replaces when it is done, as
 * the connection window does for a shared library
 * (sd-application-shared.c).  Closing the window, or quitting, stops the
 * migration: its transaction is rolled back and the library stays at its
 * old schema.
 */
#define G_LOG_DOMAIN "sd-application"

#include "config.h"

#include "sd-application-private.h"
#include "sd-upgrade-window.h"

typedef struct
{
  SdApplication   *application; /* held until the worker is done */
  SdUpgradeWindow *window;      /* a reference */
  gboolean         seed;
} Upgrade;

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Upgrade *upgrade = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStore) store = sd_store_open_finish (result, &error);
  gboolean closed =
      g_cancellable_is_cancelled (sd_upgrade_window_get_cancellable (upgrade->window));

  /* closed meanwhile: stopped and rolled back, or done all the same */
  if (closed)
    ;
  else if (store != NULL)
    {
      _sd_application_show_library (upgrade->application, g_steal_pointer (&store), upgrade->seed,
                                    FALSE);
      gtk_widget_destroy (GTK_WIDGET (upgrade->window));
    }
  /* damage found before anything was written: the open's own dialog,
   * which offers to save what can be read */
  else if (g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED))
    {
      _sd_application_open_failed (upgrade->application, error);
      gtk_widget_destroy (GTK_WIDGET (upgrade->window));
    }
  else
    sd_upgrade_window_failed (upgrade->window, error->message);
  /* files given for this library, if it did not open, go to no other */
  g_strfreev (_sd_application_take_imports (upgrade->application));
  g_application_release (G_APPLICATION (upgrade->application));
  g_object_unref (upgrade->window);
  g_free (upgrade);
}

SdWindow *
_sd_application_open_upgrading (
    SdApplication *self, const char *path, SdStoreOpenFlags flags, gboolean seed, gint64 n_stories)
{
  Upgrade *upgrade = g_new0 (Upgrade, 1);

  upgrade->application = self;
  upgrade->seed = seed;
  upgrade->window = g_object_ref (sd_upgrade_window_new (GTK_APPLICATION (self), path, n_stories));
  gtk_window_present (GTK_WINDOW (upgrade->window));
  /* a quit while the worker rolls back waits for it */
  g_application_hold (G_APPLICATION (self));
  sd_store_open_async (path, flags, sd_upgrade_window_get_cancellable (upgrade->window), opened_cb,
                       upgrade);
  return NULL;
}
