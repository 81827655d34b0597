/* sd-cli-pg.c — the command line on a shared library (--db
 * postgresql://…): export, tag, note, status and search, through the same
 * export code and the engine's writes (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "sd-cli-private.h"
#include "sd-pg-cursor.h"
#include "sd-pg-library.h"

/* Exit status of a write refused because someone else changed the story. */
#define EXIT_CONFLICT 1

void
_sd_cli_print_denied (SdPgLibrary *library, const char *action, const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  SdPgRole         role;

  if (library != NULL && sd_pg_library_get_person (library, &name, &role, NULL))
    /* TRANSLATORS: "anna is an editor (编辑) of the shared library URL, who may not set a
     * story reviewed or rejected (the server said: …)" */
    message = g_strdup_printf (_("%s is %s of the shared library, who may not %s (%s)"), name,
                                  sd_pg_role_to_label (role), action, error->message);
  else if (name != NULL)
    message = g_strdup_printf (_("%s holds no role of the shared library and may not %s: an "
                                 "admin adds people with storydesk admin add (%s)"),
                                  name, action, error->message);
  else
    message = g_strdup (error->message);
  _sd_cli_print_error (message);
}

SdPgLibrary *
_sd_cli_open_shared (const char *location)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPgLibrary) library = sd_pg_library_open (location, &error);
  g_autofree char *name = NULL;
  SdPgRole         role;

  if (library == NULL)
    {
      g_autofree char *message = g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_PASSWORD)
          ? g_strdup_printf (_("%s: the window (storydesk --db LOCATION) asks for it and "
                                   "can keep it in the keyring"),
                                error->message)
          : g_strdup (error->message);

      _sd_cli_print_error (message);
      return NULL;
    }
  /* a login with none of the library's roles sees none of its tables */
  if (!sd_pg_library_get_person (library, &name, &role, &error))
    {
      g_autofree char *message = NULL;

      if (error == NULL)
        message = g_strdup_printf (_("%s holds no role of the shared library %s: an admin adds "
                                     "people with storydesk admin add"),
                                      name, location);
      _sd_cli_print_error (message != NULL ? message : error->message);
      return NULL;
    }
  return g_steal_pointer (&library);
}

static SdPgLibrary *
open_library (void)
{
  g_autofree char *location = _sd_cli_dup_db_path ();

  return _sd_cli_open_shared (location);
}

/* EXIT_SUCCESS, or the error said with its exit status. */
static int
say_error (SdPgLibrary *library, const char *action, const GError *error)
{
  if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_DENIED))
    _sd_cli_print_denied (library, action, error);
  else
    _sd_cli_print_error (error->message);
  return EXIT_REFUSED;
}

/* Both engines' exports end here: one export code (sd_export_write_stories ()). */
gboolean
_sd_cli_write_stories (const SdStorySource   *stories,
                       SdExportFormat         format,
                       const SdExportOptions *options,
                       const char            *output_path,
                       GError               **error)
{
  g_autoptr (GOutputStream) output = NULL;
  g_autoptr (GFile) file = NULL;

  if (output_path == NULL || g_str_equal (output_path, "-"))
    {
      output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      return sd_export_write_stories (format, stories, options, output, NULL, NULL, error)
             && g_output_stream_flush (output, NULL, error);
    }

  /* Written beside the file and renamed into place once complete: a failed
   * export leaves no half file behind and an old file whole. */
  file = g_file_new_for_commandline_arg (output_path);
  return sd_export_write_stories (format, stories, options, NULL, file, NULL, error);
}

int
_sd_cli_export_shared (const char      *query_text,
                       SdExportFormat   format,
                       SdExportOptions *options,
                       const char      *output_path)
{
  g_autoptr (SdPgLibrary) library = open_library ();
  g_autoptr (SdQuery) query = NULL;
  g_autoptr (SdPgCursor) cursor = NULL;
  g_autoptr (GHashTable) colors = NULL;
  g_autoptr (GError) error = NULL;
  SdStorySource source;

  if (library == NULL)
    return EXIT_REFUSED;
  if (query_text != NULL && (query = sd_query_parse (query_text, &error)) == NULL)
    return say_error (library, _("search"), error);
  options->tag_colors = colors = sd_pg_library_dup_tag_colors (library, &error);
  if (colors == NULL || (cursor = sd_pg_library_open_cursor (library, query, &error)) == NULL)
    return say_error (library, _("read its stories"), error);
  sd_pg_cursor_init_source (cursor, &source);
  if (!_sd_cli_write_stories (&source, format, options, output_path, &error))
    return say_error (library, _("read its stories"), error);
  return EXIT_SUCCESS;
}

/* The stories --story or --query names: their ids, NULL when said. */
static GArray *
find_stories (SdPgLibrary *library, const char *story_ref, const char *query_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdQuery) query = NULL;
  GArray *ids;

  if (story_ref != NULL)
    {
      gint64 id = sd_pg_library_find_story (library, story_ref, &error);

      if (id < 0)
        {
          _sd_cli_print_error (error->message);
          return NULL;
        }
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, id);
      return ids;
    }
  query = sd_query_parse (query_text, &error);
  ids = query != NULL ? sd_pg_library_search_ids (library, query, &error) : NULL;
  if (ids == NULL)
    _sd_cli_print_error (error->message);
  return ids;
}

int
_sd_cli_tag_shared (const char *story_ref, const char *query, const char *add, const char *remove)
{
  g_autoptr (SdPgLibrary) library = open_library ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  if (library == NULL || (ids = find_stories (library, story_ref, query)) == NULL)
    return EXIT_REFUSED;
  if (!sd_pg_library_tag_stories (library, (const gint64 *) ids->data, ids->len,
                                  add != NULL ? add : remove, add != NULL, &n_changed, NULL,
                                  &error))
    return say_error (library,
                      add != NULL ? _("tag stories") : _("take tags off stories"), error);
  if (add != NULL)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u story tagged\n", "%u stories tagged\n", n_changed),
             n_changed);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Tag taken off %u story\n", "Tag taken off %u stories\n",
                          n_changed),
             n_changed);
  return EXIT_SUCCESS;
}

/* Someone else's change: what the story holds now and what was not
 * saved, both, and exit status 1. */
static int
say_conflict (SdPgLibrary *library, gint64 id, gint64 version, const char *field, const char *yours)
{
  g_autoptr (SdStory) story = NULL;
  g_autofree char *message = NULL;
  gint64           now = 0;

  story = sd_pg_library_get_story (library, id, &now, NULL);
  if (story == NULL)
    return EXIT_REFUSED;
  message = g_strdup_printf (
      _("someone else changed story %lld since version %lld (it is at version %lld now); "
        "nothing was saved.\n"
        "  Its %s now: %s\n  Yours, not saved: %s\n"
        "Run the command again with --if-version %lld to write yours over it"),
         (long long) id, (long long) version, (long long) now, field,
         g_str_equal (field, "note") ? story->note : sd_story_status_to_string (story->status),
         yours, (long long) now);
  _sd_cli_print_error (message);
  return EXIT_CONFLICT;
}

/* The story's version now, unless the caller named the one they saw. */
static gboolean
read_version (SdPgLibrary *library, gint64 id, gint64 *version, GError **error)
{
  g_autoptr (SdStory) story = NULL;

  if (*version > 0)
    return TRUE;
  story = sd_pg_library_get_story (library, id, version, error);
  return story != NULL;
}

int
_sd_cli_note_shared (const char *story_ref, const char *text, gint64 version)
{
  g_autoptr (SdPgLibrary) library = open_library ();
  g_autoptr (GError) error = NULL;
  gint64 id = -1, new_version = 0;

  if (library == NULL || (id = sd_pg_library_find_story (library, story_ref, &error)) < 0
      || !read_version (library, id, &version, &error)
      || !sd_pg_library_set_note_at (library, id, version, text, &new_version, &error))
    {
      if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED))
        return say_conflict (library, id, version, "note", text);
      return library != NULL ? say_error (library, _("write notes"), error) : EXIT_REFUSED;
    }
  g_print (_("Note saved: story %lld is at version %lld\n"), (long long) id,
              (long long) new_version);
  return EXIT_SUCCESS;
}

int
_sd_cli_status_shared (const char *story_ref, SdStoryStatus status, gint64 version)
{
  g_autoptr (SdPgLibrary) library = open_library ();
  g_autoptr (GError) error = NULL;
  gint64 id = -1, new_version = 0;

  if (library == NULL || (id = sd_pg_library_find_story (library, story_ref, &error)) < 0
      || !read_version (library, id, &version, &error)
      || !sd_pg_library_set_status_at (library, id, version, status, &new_version, &error))
    {
      g_autofree char *action = NULL;

      if (g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED))
        return say_conflict (library, id, version, "status", sd_story_status_to_string (status));
      if (library == NULL)
        return EXIT_REFUSED;
      /* TRANSLATORS: "set a story's status to reviewed" */
      action =
          g_strdup_printf (_("set a story’s status to %s"), sd_story_status_to_string (status));
      return say_error (library, action, error);
    }
  g_print (_("Status saved: story %lld is at version %lld\n"), (long long) id,
              (long long) new_version);
  return EXIT_SUCCESS;
}

static void
print_found (const SdStory *story, const char *version)
{
  g_autofree char *title = sd_story_dup_title (story);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", story->id, version,
           sd_story_status_to_string (story->status), title);
}

/* The stories a search finds: id, version ("-" in a personal library),
 * status and headline, tab-separated, best first on either engine (the
 * window's ranked order: headline matches, then the rest, newest first). */
int
_sd_cli_run_search (int argc, char **argv)
{
  g_autofree char *location = NULL;
  g_autoptr (GError) error = NULL;

  if (!_sd_cli_parse_options ("search", NULL, &argc, &argv))
    return EXIT_REFUSED;
  if (argc != 3)
    {
      _sd_cli_print_error (_("search needs one QUERY (quote it when it has spaces)"));
      return EXIT_REFUSED;
    }
  location = _sd_cli_dup_db_path ();
  if (sd_pg_library_is_location (location))
    {
      g_autoptr (SdPgLibrary) library = open_library ();
      g_autoptr (GArray) ids = NULL;
      SdScope scope = { .kind = SD_SCOPE_ALL, .text = argv[2], .by_relevance = TRUE };

      if (library == NULL)
        return EXIT_REFUSED;
      if ((ids = sd_pg_library_list_ids (library, &scope, SD_STORY_ORDER_NONE, FALSE, &error))
          == NULL)
        return say_error (library, _("search"), error);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 version = 0;
          g_autoptr (SdStory) story =
              sd_pg_library_get_story (library, g_array_index (ids, gint64, i), &version, &error);
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

          if (story == NULL)
            return say_error (library, _("search"), error);
          print_found (story, text);
        }
      return EXIT_SUCCESS;
    }
  else
    {
      g_autoptr (SdStore) store = _sd_cli_open_store ();
      g_autoptr (GPtrArray) stories = NULL;
      SdScope scope = { .kind = SD_SCOPE_ALL, .text = argv[2], .by_relevance = TRUE };

      if (store == NULL)
        return EXIT_REFUSED;
      if ((stories = sd_store_list_stories (store, &scope, &error)) == NULL)
        {
          _sd_cli_print_error (error->message);
          return EXIT_REFUSED;
        }
      for (guint i = 0; i < stories->len; i++)
        print_found (g_ptr_array_index (stories, i), "-");
      return EXIT_SUCCESS;
    }
}
