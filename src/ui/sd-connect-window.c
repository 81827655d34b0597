/* sd-connect-window.c — the window shown while a shared library is
 * connected to
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-connect-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-connect-window.h"
#include "sd-paths.h"

struct _SdConnectWindow
{
  GtkWindow parent_instance;

  GtkStack        *stack;
  GtkLabel        *connecting_label;
  GtkLabel        *waited_label;
  GtkSpinner      *spinner;
  GtkLabel        *failed_label;
  GtkLabel        *password_label;
  GtkEntry        *password_entry;
  GtkToggleButton *remember_check;
  GtkWidget       *retry_button;
  GtkWidget       *connect_button;

  char  *location;
  gint64 started; /* when the connection began, monotonic */
  guint  tick_source;
};

enum
{
  RETRY,
  STOP,
  OPEN_OTHER,
  PASSWORD_GIVEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A plain window of the application: the library's window, which takes
 * its place, stays the application's window 1, its actions' path on the
 * bus. */
G_DEFINE_TYPE (SdConnectWindow, sd_connect_window, GTK_TYPE_WINDOW)

/* The seconds waited, once a second: a window that counts is one whose
 * main loop runs. */
static gboolean
tick_cb (gpointer user_data)
{
  SdConnectWindow *self = user_data;
  guint            seconds = (guint) ((g_get_monotonic_time () - self->started) / G_USEC_PER_SEC);
  g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Waiting for the server: %u second",
                                    "Waiting for the server: %u seconds", seconds),
                       seconds);

  gtk_label_set_text (self->waited_label, text);
  return G_SOURCE_CONTINUE;
}

static void
stop_ticking (SdConnectWindow *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_spinner_stop (self->spinner);
}

static void
retry_clicked_cb (SdConnectWindow *self)
{
  g_signal_emit (self, signals[RETRY], 0);
}

static void
stop_clicked_cb (SdConnectWindow *self)
{
  g_signal_emit (self, signals[STOP], 0);
}

static void
close_clicked_cb (SdConnectWindow *self)
{
  gtk_widget_destroy (GTK_WIDGET (self));
}

typedef struct
{
  SdConnectWindow *self;
  GtkNativeDialog *chooser;
  char            *path;
} Chosen;

/* Told once the chooser's key press is over (the chooser goes then too):
 * the owner may close this window, the chooser's parent. */
static gboolean
tell_chosen_cb (gpointer data)
{
  Chosen *chosen = data;

  if (chosen->path != NULL && !gtk_widget_in_destruction (GTK_WIDGET (chosen->self)))
    g_signal_emit (chosen->self, signals[OPEN_OTHER], 0, chosen->path);
  g_object_unref (chosen->chooser);
  g_object_unref (chosen->self);
  g_free (chosen->path);
  g_free (chosen);
  return G_SOURCE_REMOVE;
}

static void
chosen_cb (GtkNativeDialog *chooser, int response, SdConnectWindow *self)
{
  Chosen *chosen = g_new0 (Chosen, 1);

  chosen->self = g_object_ref (self);
  chosen->chooser = chooser; /* ours, let go of there too */
  if (response == GTK_RESPONSE_ACCEPT)
    chosen->path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
  g_idle_add (tell_chosen_cb, chosen);
}

static void
open_other_clicked_cb (SdConnectWindow *self)
{
  GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (_("Open a Personal Library"), GTK_WINDOW (self),
                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Storydesk libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  g_autofree char *library = sd_paths_dup_default_library ();
  g_autofree char *folder = g_path_get_dirname (library);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* where the personal library is, if there is one */
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
connect_clicked_cb (SdConnectWindow *self)
{
  const char *password = gtk_entry_get_text (self->password_entry);

  if (*password == '\0')
    {
      g_signal_emit (self, signals[RETRY], 0);
      return;
    }
  g_signal_emit (self, signals[PASSWORD_GIVEN], 0, password,
                 gtk_toggle_button_get_active (self->remember_check));
  /* the entry keeps no copy once it was handed on */
  gtk_entry_set_text (self->password_entry, "");
}

static void
sd_connect_window_dispose (GObject *object)
{
  SdConnectWindow *self = SD_CONNECT_WINDOW (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);

  G_OBJECT_CLASS (sd_connect_window_parent_class)->dispose (object);
}

static void
sd_connect_window_finalize (GObject *object)
{
  SdConnectWindow *self = SD_CONNECT_WINDOW (object);

  g_free (self->location);

  G_OBJECT_CLASS (sd_connect_window_parent_class)->finalize (object);
}

static void
sd_connect_window_class_init (SdConnectWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_connect_window_dispose;
  object_class->finalize = sd_connect_window_finalize;

  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  signals[STOP] = g_signal_new ("stop", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 0);
  signals[OPEN_OTHER] = g_signal_new ("open-other", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PASSWORD_GIVEN] =
      g_signal_new ("password-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/storydesk/Storydesk/ui/"
                                                             "sd-connect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, connecting_label);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, waited_label);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, failed_label);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, password_label);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, password_entry);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, remember_check);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SdConnectWindow, connect_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_other_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
}

static void
sd_connect_window_init (SdConnectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdConnectWindow *
sd_connect_window_new (GtkApplication *application, const char *location)
{
  SdConnectWindow *self = g_object_new (SD_TYPE_CONNECT_WINDOW, "application", application, NULL);

  self->location = g_strdup (location);
  return self;
}

void
sd_connect_window_connecting (SdConnectWindow *self)
{
  g_autofree char *text = g_strdup_printf (_("Connecting to %s…"), self->location);

  g_return_if_fail (SD_IS_CONNECT_WINDOW (self));
  gtk_label_set_text (self->connecting_label, text);
  self->started = g_get_monotonic_time ();
  g_clear_handle_id (&self->tick_source, g_source_remove);
  self->tick_source = g_timeout_add_seconds (1, tick_cb, self);
  tick_cb (self);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "connecting");
}

void
sd_connect_window_failed (SdConnectWindow *self, const char *message)
{
  g_return_if_fail (SD_IS_CONNECT_WINDOW (self));
  stop_ticking (self);
  gtk_label_set_text (self->failed_label, message);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  gtk_widget_grab_focus (self->retry_button);
}

void
sd_connect_window_ask_password (SdConnectWindow *self, const char *message)
{
  g_return_if_fail (SD_IS_CONNECT_WINDOW (self));
  stop_ticking (self);
  gtk_label_set_text (self->password_label, message);
  gtk_entry_set_text (self->password_entry, "");
  gtk_stack_set_visible_child_name (self->stack, "password");
  gtk_widget_grab_default (self->connect_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}
