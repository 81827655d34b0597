/* sd-connect-window.h — the window shown while a shared library is
 * connected to: "Connecting to …" with the seconds waited, then either the
 * library's own window, the reason it cannot be opened (Try Again, Open
 * Another Library…), or the server's question for a password, with
 * "Remember in the desktop keyring" (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_CONNECT_WINDOW (sd_connect_window_get_type ())
G_DECLARE_FINAL_TYPE (SdConnectWindow, sd_connect_window, SD, CONNECT_WINDOW,
                      GtkWindow)

/* Signals (the window only shows; its owner connects):
 *   retry (self): Try Again, or Connect with no password typed;
 *   stop (self): Stop while connecting;
 *   open-other (self, const char *path): a personal library chosen by
 *     Open Another Library…;
 *   password-given (self, const char *password, gboolean remember). */

SdConnectWindow *sd_connect_window_new        (GtkApplication  *application,
                                               const char      *location);
/* "Connecting to LOCATION…", the seconds counted from now. */
void             sd_connect_window_connecting (SdConnectWindow *self);
/* Why the library cannot be opened. */
void             sd_connect_window_failed     (SdConnectWindow *self,
                                               const char      *message);
/* The server's question for a password, with @message (what it asked,
 * or that it refused the last one). */
void             sd_connect_window_ask_password (SdConnectWindow *self,
                                                 const char      *message);

G_END_DECLS
