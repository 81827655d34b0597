/* sd-application.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-application"

#include "config.h"

#include <atk-bridge.h>
#include <glib/gi18n.h>

#include "sd-application-private.h"
#include "sd-connect-window.h"
#include "sd-frame-probe.h"
#include "sd-han-glyphs.h"
#include "sd-paths.h"
#include "sd-preferences-dialog.h"
#include "sd-store-async.h"
#include "sd-pg-library.h"
#include "sd-store-library.h"
#include "sd-upgrade-window.h"
#include "sd-window.h"

struct _SdApplication
{
  GtkApplication parent_instance;

  GSettings *settings;
  char      *db_path;
  SdStore   *store;
  gboolean   recovering; /* a damaged library being saved, with no window open */
  GStrv      imports;    /* files given while a window stands in for the library's */
};

G_DEFINE_TYPE (SdApplication, sd_application, GTK_TYPE_APPLICATION)

static const char *
dup_editor_name (SdApplication *self, char **storage)
{
  *storage = g_settings_get_string (self->settings, "editor-name");
  if (**storage == '\0')
    return g_get_real_name ();
  return *storage;
}

static void
editor_name_changed_cb (GSettings *settings, const char *key, SdApplication *self)
{
  g_autofree char *storage = NULL;

  if (self->store != NULL)
    sd_store_set_editor (self->store, dup_editor_name (self, &storage));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdApplication *self = user_data;
  GList         *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing through the windows lets them save a note being typed. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdApplication *self = user_data;
  const char    *authors[] = { "The Storydesk authors", NULL };

  gtk_show_about_dialog (
      gtk_application_get_active_window (GTK_APPLICATION (self)), "program-name", "Storydesk",
      "logo-icon-name", APPLICATION_ID, "version", PACKAGE_VERSION, "comments",
      _("File and tag the stories of OCR’d newspaper pages"), "authors", authors, "license-type",
         GTK_LICENSE_GPL_3_0, "translator-credits", _("translator-credits"), NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdApplication *self = user_data;

  sd_preferences_dialog_present (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 self->settings);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static gint
sd_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  SdApplication *self = SD_APPLICATION (application);
  const char    *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      /* a shared library's address is no file name (#17) */
      self->db_path =
          sd_pg_library_is_location (db) ? g_strdup (db) : g_canonicalize_filename (db, NULL);
      /* Another library is another instance: do not hand the window to a
       * running Storydesk that has a different library open. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
sd_application_startup (GApplication *application)
{
  SdApplication *self = SD_APPLICATION (application);
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  static const struct
  {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.import-folder", { "<Control><Shift>o", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.highlight", { "<Control>h", NULL } },
    { "win.split-story", { "<Control>Return", NULL } },
    { "win.merge-story", { "<Control>j", NULL } },
    { "win.edit-story", { "F2", NULL } },
    { "win.show-in-page", { "<Control>u", NULL } },
    { "win.next-match", { "F3", NULL } },
    { "win.delete-stories", { "Delete", "KP_Delete", NULL } },
    { "win.set-status('new')", { "<Control>1", NULL } },
    { "win.set-status('reviewed')", { "<Control>2", NULL } },
    { "win.set-status('needs-work')", { "<Control>3", NULL } },
    { "win.set-status('rejected')", { "<Control>4", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  };

  sd_paths_prefer_chinese ();
  G_APPLICATION_CLASS (sd_application_parent_class)->startup (application);

  g_set_application_name ("Storydesk");
  gtk_window_set_default_icon_name (APPLICATION_ID);
  if (sd_paths_is_uninstalled ())
    gtk_icon_theme_append_search_path (gtk_icon_theme_get_default (), BUILD_SOURCE_ICONSDIR);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed::editor-name", G_CALLBACK (editor_name_changed_cb),
                    self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  gtk_css_provider_load_from_resource (css, "/io/github/storydesk/Storydesk/style.css");
  gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (css),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  _sd_han_glyphs_install (gdk_screen_get_default ());
  /* the benchmark's window run: main-loop stalls and stories opened */
  sd_frame_probe_start ();
}

/* The window, made and shown if there is none yet; NULL when the library
 * cannot be opened (a dialog says why).  @seed: a new library imports the
 * bundled pages, for a new user to see stories rather than an empty
 * window. */
/* How long the weekly full check may take, in its worker; a larger
 * library's rest is left to `storydesk check`. */
#define CHECK_BUDGET_US (10 * 60 * G_USEC_PER_SEC)

enum
{
  RESPONSE_RECOVER = 1
};

static void start_recovery (SdApplication *self);

static void
damage_response_cb (GtkDialog *dialog, int response, SdApplication *self)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response != RESPONSE_RECOVER)
    return;
  /* the window on the damaged library goes; the recovered one opens in a
   * new window, as when the damage is found at the open */
  self->recovering = TRUE;
  g_application_hold (G_APPLICATION (self));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWidget *window = l->data;

      l = l->next;
      if (SD_IS_WINDOW (window))
        gtk_widget_destroy (window);
    }
  g_clear_object (&self->store);
  start_recovery (self);
}

static void
maintained_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  SdApplication *self = SD_APPLICATION (gtk_window_get_application (window));
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  GtkWidget       *dialog;
  gboolean         damaged;

  if (sd_store_maintain_finish (SD_STORE (source), result, &report, &error))
    {
      if (report != NULL)
        g_message ("%s", g_strchomp (report));
      return;
    }
  /* after damage the store refuses every write; the editor is told why and
   * offered what can still be read, as at the open */
  damaged = g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED);
  dialog = gtk_message_dialog_new (
      window, GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
      damaged ? _("The library is damaged: nothing more is written to it")
              : _("The weekly backup of the library failed"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  if (damaged && self != NULL)
    {
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save What Can Be Read…"), RESPONSE_RECOVER);
      g_signal_connect (dialog, "response", G_CALLBACK (damage_response_cb), self);
    }
  else
    g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_widget_show (dialog);
}

/* The list's first rows are painted: the library's check (left by the
 * open) and the weekly care now, in a worker. */
static void
first_rows_painted_cb (GdkFrameClock *clock, GtkWindow *window)
{
  SdApplication *self = SD_APPLICATION (gtk_window_get_application (window));

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, first_rows_painted_cb, window);
  if (self != NULL && self->store != NULL)
    sd_store_maintain_async (self->store, CHECK_BUDGET_US, NULL, maintained_cb,
                             g_object_ref (window));
}

/* The check reads the whole file (0.5–1.3 s of a CPU at 100,000 stories):
 * begun as the rows land, it took a CPU from the frame that paints them
 * on a busy 2-core machine (#16).  A write before it ends settles it. */
static void
first_rows_cb (SdStoryListModel *stories, GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_handlers_disconnect_by_func (stories, first_rows_cb, window);
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_rows_painted_cb), window, 0);
  else
    first_rows_painted_cb (NULL, window);
}

static SdWindow *ensure_window (SdApplication *self, gboolean seed);

static void
end_recovery (SdApplication *self)
{
  self->recovering = FALSE;
  g_application_release (G_APPLICATION (self));
}

static void
recovered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SdApplication *self = SD_APPLICATION (source);
  g_autoptr (GtkWidget) waiting = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = g_task_propagate_pointer (G_TASK (result), &error);
  const char      *dest = g_task_get_task_data (G_TASK (result));
  SdWindow        *window = NULL;
  GtkWidget       *dialog;

  gtk_widget_destroy (waiting);
  if (report != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_strdup (dest);
      window = ensure_window (self, FALSE);
    }
  if (report != NULL && window == NULL)
    {
      end_recovery (self);
      return; /* ensure_window said why */
    }
  dialog = gtk_message_dialog_new (
      GTK_WINDOW (window), GTK_DIALOG_DESTROY_WITH_PARENT,
      report != NULL ? GTK_MESSAGE_INFO : GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
      report != NULL ? _("What could be read is in a new library") : _("Nothing could be saved"));
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), "%s%s%s", report != NULL ? dest : error->message,
      report != NULL ? "\n\n" : "", report != NULL ? report : "");
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_widget_show (dialog);
  end_recovery (self);
}

static void
recover_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SdApplication *self = source;
  GError        *error = NULL;
  char          *report = sd_store_recover_file (self->db_path, task_data, &error);

  if (report != NULL)
    g_task_return_pointer (task, report, g_free);
  else
    g_task_return_error (task, error);
}

static void
recover_chosen_cb (GtkNativeDialog *chooser, int response, SdApplication *self)
{
  g_autofree char *dest = NULL;
  g_autoptr (GTask) task = NULL;
  GtkWidget *waiting;

  if (response == GTK_RESPONSE_ACCEPT)
    dest = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (dest == NULL)
    {
      end_recovery (self);
      return;
    }
  waiting = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_INFO, GTK_BUTTONS_NONE,
                                    _("Saving what can still be read…"));
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (waiting));
  gtk_widget_show (waiting);
  /* a large library takes a while, row by row: in a worker */
  task = g_task_new (self, NULL, recovered_cb, g_object_ref_sink (waiting));
  g_task_set_task_data (task, g_steal_pointer (&dest), g_free);
  g_task_run_in_thread (task, recover_thread);
}

/* A name beside the damaged library that no file has yet. */
static char *
dup_recovered_name (const char *damaged)
{
  g_autofree char *base = g_path_get_basename (damaged);
  char            *dot = strrchr (base, '.');
  g_autofree char *dir = g_path_get_dirname (damaged);

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-recovered.db", base)
                                     : g_strdup_printf ("%s-recovered-%u.db", base, n);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&name);
    }
}

static void
open_failed_response_cb (GtkDialog *dialog, int response, SdApplication *self)
{

  /* no window is open while the editor chooses: the application stays */
  if (response == RESPONSE_RECOVER)
    {
      self->recovering = TRUE;
      g_application_hold (G_APPLICATION (self));
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == RESPONSE_RECOVER)
    start_recovery (self);
}

/* The chooser of the new library's name; the application is held. */
static void
start_recovery (SdApplication *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char      *dir = NULL;
  g_autofree char      *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save What Can Be Read"), NULL,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  dir = g_path_get_dirname (self->db_path);
  name = dup_recovered_name (self->db_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (recover_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_sd_application_open_failed (SdApplication *self, const GError *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              _("The library cannot be opened"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  /* a damaged library: what can still be read goes to a new one, which
   * the window then opens (`storydesk recover` in the terminal) */
  if (g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED))
    gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save What Can Be Read…"), RESPONSE_RECOVER);
  g_signal_connect (dialog, "response", G_CALLBACK (open_failed_response_cb), self);
  gtk_widget_show (dialog);
}

SdWindow *
_sd_application_show_library (SdApplication *self,
                              SdStore       *store,
                              gboolean       seed,
                              gboolean       first_run)
{
  GtkWindow       *window = NULL;
  g_autofree char *editor = NULL;
  g_auto (GStrv) imports = _sd_application_take_imports (self);

  g_clear_object (&self->store);
  self->store = store;
  sd_store_set_editor (self->store, dup_editor_name (self, &editor));
  /* Other processes' writes show in the window as they happen. */
  sd_store_watch_library (self->store);

  window = GTK_WINDOW (sd_window_new (self, SD_LIBRARY (self->store)));
  gtk_window_present (window);
  /* the check the open left, and the weekly full check and backup when
   * due, once the list shows */
  g_signal_connect_object (sd_window_get_stories (SD_WINDOW (window)), "loaded",
                           G_CALLBACK (first_rows_cb), window, 0);
  /* files given while an upgrade window stood in for this one */
  if (imports != NULL)
    sd_window_import_files (SD_WINDOW (window), (const char *const *) imports);

  /* A new user should see stories, not an empty window: the sample pages,
   * in a batch of their own, which one delete takes away for good (they
   * come back neither at the next start nor out of the trash). */
  if (seed
      && (first_run
          || (sd_store_has_stories (self->store, NULL) == 0
              && !sd_store_has_batch_kind (self->store, SD_BATCH_SAMPLE, NULL))))
    {
      const char *seeds[] = { sd_paths_get_seeds_dir (), NULL };
      if (g_file_test (seeds[0], G_FILE_TEST_IS_DIR))
        sd_window_import (SD_WINDOW (window), seeds, SD_BATCH_SAMPLE);
    }
  return SD_WINDOW (window);
}

/* Whether the library at @path is one whose schema opening it changes,
 * in a way that takes time (read without writing): then it opens behind
 * the upgrade window.  Steps of settings alone write a few bytes as the
 * library opens: nothing to wait for, nor to stop. */
static gboolean
needs_upgrade (const char *path, gint64 *out_n_stories)
{
  guint from = 0, to = 0;

  /* a file that cannot be read so is left to the open, which says why */
  return sd_store_peek_upgrade (path, &from, &to, out_n_stories, NULL) && from > 0 && from < to
         && sd_store_weigh_upgrade (from) > SD_STORE_UPGRADE_SETTINGS;
}

static SdWindow *
ensure_window (SdApplication *self, gboolean seed)
{
  g_autoptr (GError) error = NULL;
  gint64   n_stories = 0;
  gboolean first_run = FALSE;
  SdStore *store;
  /* the quick_check of the whole file (0.5–1.3 s at 100,000 stories) runs
   * after the first rows are shown; writes wait for it */
  SdStoreOpenFlags flags = SD_STORE_OPEN_CHECK_LATER;

  /* The preferences or a dialog may be the active window; the upgrade
   * window stands for the library's until it is done. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SD_IS_WINDOW (l->data) || SD_IS_UPGRADE_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return SD_IS_WINDOW (l->data) ? l->data : NULL;
      }
  if (self->db_path != NULL && sd_pg_library_is_location (self->db_path))
    return _sd_application_open_shared (self, self->db_path);

  /* The first run makes the default library, and opening page files is an
   * import, which may make the library as `storydesk import` does; a bare
   * --db naming no library is an error, not a new empty one. */
  if (self->db_path == NULL)
    {
      self->db_path = sd_paths_dup_default_library ();
      flags |= SD_STORE_OPEN_CREATE;
    }
  else if (!seed)
    flags |= SD_STORE_OPEN_CREATE;
  first_run = !g_file_test (self->db_path, G_FILE_TEST_EXISTS);

  /* a migration may take minutes (#16): never on the main loop */
  if (!first_run && needs_upgrade (self->db_path, &n_stories))
    return _sd_application_open_upgrading (self, self->db_path, flags, seed, n_stories);

  store = sd_store_open_full (self->db_path, flags, &error);
  if (store == NULL)
    {
      _sd_application_open_failed (self, error);
      return NULL;
    }
  return _sd_application_show_library (self, store, seed, first_run);
}

SdWindow *
_sd_application_open_library (SdApplication *self, const char *path)
{
  g_free (self->db_path);
  self->db_path = g_strdup (path);
  g_clear_object (&self->store);
  return ensure_window (self, FALSE);
}

static void
sd_application_activate (GApplication *application)
{
  ensure_window (SD_APPLICATION (application), TRUE);
}

/* `storydesk FILE…` and the file manager's "Open With": the files are
 * imported into the library the window shows (the running Storydesk's, when
 * there is one); the bundled pages are not, the editor brought pages. */
static void
sd_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  SdWindow *window = ensure_window (SD_APPLICATION (application), FALSE);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);
      if (path != NULL) /* a local file */
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if (window != NULL && paths->len > 1)
    sd_window_import_files (window, (const char *const *) paths->pdata);
  /* a shared library's window comes once connected, an upgraded one's once
   * upgraded */
  else if (paths->len > 1)
    _sd_application_import_when_open (SD_APPLICATION (application),
                                      (const char *const *) paths->pdata);
}

/* The files are kept for the library's window while the connection window
 * (a shared library) or the upgrade window stands in for it. */
void
_sd_application_import_when_open (SdApplication *self, const char *const *paths)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SD_IS_CONNECT_WINDOW (l->data) || SD_IS_UPGRADE_WINDOW (l->data))
      {
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

        if (self->imports != NULL)
          g_strv_builder_addv (builder, (const char **) self->imports);
        g_strv_builder_addv (builder, (const char **) paths);
        g_strfreev (self->imports);
        self->imports = g_strv_builder_end (builder);
        return;
      }
}

GStrv
_sd_application_take_imports (SdApplication *self)
{
  return g_steal_pointer (&self->imports);
}

/* The last window is closing, and with it the application.  Its widgets go
 * next, and with an assistive technology listening (a screen reader, the
 * UI tests) each row of a list that goes is an event on the accessibility
 * bus: the 1,600 places of the place chooser alone took 0.7 s.  The bridge
 * goes first, as GTK would make it go at exit anyway. */
static void
sd_application_window_removed (GtkApplication *application, GtkWindow *window)
{
  GTK_APPLICATION_CLASS (sd_application_parent_class)->window_removed (application, window);

  /* (not while the chooser of a library's recovery, a window of no
   * application, is shown) */
  if (gtk_application_get_windows (application) == NULL
      && !SD_APPLICATION (application)->recovering)
    atk_bridge_adaptor_cleanup ();
}

static void
sd_application_dispose (GObject *object)
{
  SdApplication *self = SD_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_application_parent_class)->dispose (object);
}

static void
sd_application_finalize (GObject *object)
{
  SdApplication *self = SD_APPLICATION (object);

  g_free (self->db_path);
  g_strfreev (self->imports);

  G_OBJECT_CLASS (sd_application_parent_class)->finalize (object);
}

static void
sd_application_class_init (SdApplicationClass *klass)
{
  GObjectClass        *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass   *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = sd_application_dispose;
  object_class->finalize = sd_application_finalize;
  app_class->handle_local_options = sd_application_handle_local_options;
  app_class->startup = sd_application_startup;
  app_class->activate = sd_application_activate;
  app_class->open = sd_application_open;
  gtk_app_class->window_removed = sd_application_window_removed;
}

static void
sd_application_init (SdApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the library FILE instead of the default"), N_("FILE") }, { NULL },
    };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[COMMAND …] [FILE…]"));
  g_application_set_option_context_summary (
      G_APPLICATION (self), _("Storydesk files the stories of OCR’d newspaper pages by place and lets editors tag them.\n"
        "Without a command it opens the window on the library."));
}

SdApplication *
sd_application_new (void)
{
  return g_object_new (SD_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path",
                       "/io/github/storydesk/Storydesk", NULL);
}

GSettings *
sd_application_get_settings (SdApplication *self)
{
  g_return_val_if_fail (SD_IS_APPLICATION (self), NULL);
  return self->settings;
}
