/* sd-cli.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sd-cli-private.h"
#include "sd-export.h"
#include "sd-paths.h"
#include "sd-pg-library.h"
#include "sd-store-library.h"
#include "sd-store.h"

/* How long a write command's weekly full check may take; the rest is left
 * to `storydesk check`. */
#define CHECK_BUDGET_US (20 * G_USEC_PER_SEC)

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *synopsis;
  const char *summary;
  CommandFunc run;
} Command;

static int run_export (int argc, char **argv);
static int run_tag (int argc, char **argv);
static int run_note (int argc, char **argv);
static int run_status (int argc, char **argv);
static int run_page (int argc, char **argv);

static const Command commands[] = {
  { "import",
    N_("[--db FILE] [--replace] [--paper NAME] [--date YYYY-MM-DD] PATH…"),
        N_("Import page files or folders of them; prints one line per file"), _sd_cli_run_import },
    { "export",
      N_("[--db FILE] [--query TEXT] --format csv|json|md|html|pdf|w3c|docx|xlsx [--fields LIST] "
                 "[--excel] [-o FILE|-]"),
          N_("Write stories in an export format"), run_export },
      { "tag", N_("[--db FILE] (--story ID|UUID | --query TEXT) (--add NAME | --remove NAME)"),
                   N_("Add a tag to stories or remove it"), run_tag },
        { "note",
          N_("[--db FILE] --story ID|UUID --set TEXT"), N_("Set a story’s note"), run_note },
          { "status", N_("[--db FILE] --story ID|UUID --set new|reviewed|needs-work|rejected"),
                          N_("Set a story’s review status"), run_status },
            { "check", N_("[--db FILE]"),
                           N_("Check the whole library for damage (PRAGMA integrity_check)"),
                               _sd_cli_run_check },
              { "backup", N_("[--db FILE] DEST"),
                              N_("Copy the library to the new file DEST (or into the folder DEST), even while "
               "others write to it"),
                                  _sd_cli_run_backup },
                { "recover", N_("DAMAGED NEW"),
                                 N_("Save what can be read of a damaged library into the new library NEW, with a "
               "JSON export of it beside"),
                                     _sd_cli_run_recover },
                  { "page",
                    N_("set [--db FILE] --story ID|UUID [--paper NAME] [--date YYYY-MM-DD] "
                       "[--page A05]"),
                        N_("Set the paper, date or page number of the page a story is on (\"\" clears)"),
                            run_page },
                    { "delete", N_("[--db FILE] (--story ID|UUID | --page ID | --batch ID)"),
                                    N_("Move a story, a page’s stories or an import batch’s stories to the trash"),
                                        _sd_cli_run_delete },
                      { "trash",
                        N_("[--db FILE] list | restore (--story ID|UUID | --page ID | --batch ID) | empty"),
                            N_("List the trash, bring back what is in it, or empty it for good"),
                                _sd_cli_run_trash },
                        { "batches",
                          N_("[--db FILE]"),
                              N_("List the import batches, with their pages and stories"),
                                  _sd_cli_run_batches },
                          { "history", N_("[--db FILE] --story ID|UUID"),
                                           N_("Show a story’s earlier notes and statuses, kept when a merge replaced them"),
                                               _sd_cli_run_history },
                            { "serve",
                              N_("--data DIR [--port PORT] [--listen ADDRESSES]"),
                                  N_("Host a shared library for the newsroom on this computer "
                               "(PostgreSQL, started on DIR)"),
                                      _sd_cli_run_serve },
                              { "admin", N_("init LOCATION | upgrade LOCATION | add LOCATION NAME --role editor|reviewer|admin"),
                                             N_("Make a shared library on a PostgreSQL server, bring it up to date, or add a person to it"),
                                                 _sd_cli_run_admin },
                                { "copy", N_("--from FILE --to postgresql://…"),
                                              N_("Copy a personal library’s stories into a shared library (those already there are left "
       "as they are)"),
                                                  _sd_cli_run_copy },
                                  { "search", N_("[--db FILE] QUERY"),
                                                  N_("List the stories a search finds: id, version, status, headline"),
                                                      _sd_cli_run_search },
                                  };

static char *db_path;

static const GOptionEntry db_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
    N_("The library: a file (default: ~/.local/share/storydesk/library.db), or a shared "
       "library’s postgresql://… address (export, tag, note, status, search, delete, "
       "trash, batches, history)"),
        N_("FILE") },
    { NULL },
  };

gboolean
sd_cli_is_command (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (word, commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

const char *
sd_cli_describe_commands (void)
{
  static char *text;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GString *description = g_string_new (_("Commands (run without a display):\n"));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_string_append_printf (description, "  storydesk %s %s\n      %s\n", commands[i].name,
                                _(commands[i].synopsis), _(commands[i].summary));
      g_string_append (description,
                       _("\n`storydesk COMMAND --help` describes a command’s options.\n"));
      text = g_string_free (description, FALSE);
      g_once_init_leave (&initialized, 1);
    }
  return text;
}

static void
print_error (const char *message)
{
  g_printerr ("storydesk: %s\n", message);
}

/* Parses a command's options; prints usage and returns FALSE on a mistake. */
static gboolean
parse_options (const Command *command, const GOptionEntry *entries, int *argc, char ***argv)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, _(command->synopsis));
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error (error->message);
      return FALSE;
    }
  /* GOption keeps "--" when what follows it starts with "-", as a query
   * leaving a word out does (search -- -广告): what follows is the
   * command's own either way */
  for (int i = 1; i < *argc; i++)
    if (g_strcmp0 ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  return TRUE;
}

/* A library this version's schema changes may take minutes to open (the
 * search index rebuilt: about 6 minutes at a million stories, #16): one
 * line says so first, rather than silence.  Steps of settings alone are
 * over at once, unsaid. */
void
_sd_cli_say_upgrade (const char *path)
{
  guint  from = 0, to = 0;
  gint64 n_stories = 0;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR)
      && sd_store_peek_upgrade (path, &from, &to, &n_stories, NULL) && from > 0 && from < to
      && sd_store_weigh_upgrade (from) > SD_STORE_UPGRADE_SETTINGS)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Updating %s for this version (%lu story, once)…\n",
                               "Updating %s for this version (%lu stories, once)…\n",
                               (gulong) n_stories),
                  path, (gulong) n_stories);
    }
}

/* Only import makes a library where there is none: a mistyped --db is
 * an error, not a new empty library. */
static SdStore *
open_store (SdStoreOpenFlags flags)
{
  g_autofree char *path = db_path != NULL ? g_strdup (db_path) : sd_paths_dup_default_library ();
  g_autoptr (GError) error = NULL;
  SdStore *store = NULL;

  /* the commands a shared library answers go to it before this (#17) */
  if (sd_pg_library_is_location (path))
    g_set_error (&error, SD_PG_ERROR, SD_PG_ERROR_UNSUPPORTED,
                 _("%s is a shared library: this command does not work on one yet (import, "
                   "export, tag, note, status, page, search, delete, trash, batches and "
                   "history do)"),
                    path);
  else
    {
      _sd_cli_say_upgrade (path);
      store = sd_store_open_full (path, flags, &error);
    }
  if (store == NULL)
    print_error (error->message);
  else
    sd_store_set_editor (store, g_get_real_name ());
  return store;
}

/* A write command's library, its weekly care done first (a full check
 * within CHECK_BUDGET_US, a backup): damage found refuses the command; a
 * backup that failed is said, and the command goes on. */
static SdStore *
open_store_to_write (SdStoreOpenFlags flags)
{
  g_autoptr (SdStore) store = open_store (flags);
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;

  if (store == NULL)
    return NULL;
  if (!sd_store_maintain (store, CHECK_BUDGET_US, &report, &error))
    {
      print_error (error->message);
      if (g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_DAMAGED))
        return NULL;
    }
  if (report != NULL)
    g_printerr ("%s", report);
  return g_steal_pointer (&store);
}

/* The id of the story --story names (an id or a uuid); -1, said, when
 * there is none. */
static gint64
find_story (SdStore *store, const char *ref)
{
  g_autoptr (GError) error = NULL;
  gint64 id = sd_store_find_story (store, ref, &error);

  if (id < 0)
    print_error (error->message);
  return id;
}

static int
run_export (int argc, char **argv)
{
  g_autofree char   *query = NULL;
  g_autofree char   *format_name = NULL;
  g_autofree char   *fields = NULL;
  g_autofree char   *output_path = NULL;
  gboolean           for_excel = FALSE;
  const GOptionEntry entries[] = {
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query,
      N_("Only the stories this search finds: words, \"phrases\", -word, tag:, place:, "
       "status:, kind:, source:"),
          N_("QUERY") },
      { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
        N_("csv, json, md, html, pdf, w3c, docx or xlsx (default: from the -o name, else json)"),
            N_("FORMAT") },
        { "fields", 0, 0, G_OPTION_ARG_STRING, &fields,
          N_("What each story holds, comma-separated: id, source, headline, place, kind, status, "
         "tags, note, byline, body, highlights, headings, captions, all; “+body” adds to the defaults"),
              N_("LIST") },
          { "excel", 0, 0, G_OPTION_ARG_NONE, &for_excel,
            N_("CSV for Excel: start with a byte-order mark"), NULL },
            { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
              N_("Write to FILE (default: standard output)"), N_("FILE") }, { NULL },
            };
  g_autoptr (SdStore) store = NULL;
  g_autoptr (SdStoryCursor) stories = NULL;
  g_autoptr (GHashTable) tag_colors = NULL;
  g_autoptr (GError) error = NULL;
  SdExportFormat  format = SD_EXPORT_FORMAT_JSON;
  SdExportOptions options;
  SdScope         scope = { SD_SCOPE_ALL, NULL, NULL };
  SdStorySource   source;
  gboolean        to_stdout;

  if (!parse_options (&commands[1], entries, &argc, &argv))
    return EXIT_REFUSED;
  to_stdout = output_path == NULL || g_str_equal (output_path, "-");
  if (format_name != NULL)
    {
      if (!sd_export_format_from_string (format_name, &format, &error))
        {
          print_error (error->message);
          return EXIT_REFUSED;
        }
    }
  else if (!to_stdout)
    sd_export_format_from_filename (output_path, &format);

  sd_export_options_init (&options, format);
  if (fields != NULL && !sd_export_fields_parse (fields, options.fields, &options.fields, &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }
  options.for_excel = for_excel;
  options.query = query;
  if (format == SD_EXPORT_FORMAT_PDF && to_stdout && isatty (STDOUT_FILENO))
    {
      print_error (_("a PDF is not for a terminal: give -o FILE or redirect the output"));
      return EXIT_REFUSED;
    }

  if (sd_pg_library_is_location (db_path))
    return _sd_cli_export_shared (query, format, &options, output_path);
  store = open_store (SD_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return EXIT_REFUSED;

  scope.text = query;
  options.tag_colors = tag_colors = sd_store_dup_tag_colors (store, &error);
  /* read a story at a time as it is written (#16) */
  stories = tag_colors != NULL ? sd_store_open_cursor (store, &scope, &error) : NULL;
  if (stories != NULL)
    sd_story_source_init_for_cursor (&source, stories);
  if (stories == NULL || !_sd_cli_write_stories (&source, format, &options, output_path, &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_SUCCESS;
}

static int
run_tag (int argc, char **argv)
{
  g_autofree char   *story_ref = NULL;
  gint64             story_id = 0;
  g_autofree char   *query = NULL;
  g_autofree char   *add = NULL;
  g_autofree char   *remove = NULL;
  const GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_ref, N_("The story’s id or uuid"), N_("ID") },
      { "query", 'q', 0, G_OPTION_ARG_STRING, &query,
        N_("Every story this search finds (the query language of export --query)"), N_("QUERY") },
        { "add", 'a', 0, G_OPTION_ARG_STRING, &add, N_("Add the tag NAME"), N_("NAME") },
          { "remove", 'r', 0, G_OPTION_ARG_STRING, &remove,
            N_("Remove the tag NAME"), N_("NAME") }, { NULL },
          };
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GArray) story_ids = NULL;
  g_autoptr (GArray) changed = NULL;
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_options (&commands[2], entries, &argc, &argv))
    return EXIT_REFUSED;
  if ((story_ref != NULL) == (query != NULL) || (add != NULL) == (remove != NULL))
    {
      print_error (_("tag needs one of --story or --query, and one of --add or --remove"));
      return EXIT_REFUSED;
    }
  if (sd_pg_library_is_location (db_path))
    return _sd_cli_tag_shared (story_ref, query, add, remove);
  store = open_store_to_write (SD_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return EXIT_REFUSED;

  if (query != NULL)
    {
      SdScope scope = { SD_SCOPE_ALL, NULL, query };
      stories = sd_store_list_stories (store, &scope, &error);
      if (stories == NULL)
        {
          print_error (error->message);
          return EXIT_REFUSED;
        }
    }
  else if ((story_id = find_story (store, story_ref)) < 0)
    return EXIT_REFUSED;
  else
    {
      stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
      g_ptr_array_add (stories, sd_story_new ());
      ((SdStory *) stories->pdata[0])->id = story_id;
    }

  /* All the stories in one transaction: a command killed part-way leaves
   * none of them changed, as the window's bulk tagging does. */
  story_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), stories->len);
  for (guint i = 0; i < stories->len; i++)
    g_array_append_val (story_ids, ((SdStory *) g_ptr_array_index (stories, i))->id);
  changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!(add != NULL ? sd_store_add_tag_to_stories (store, (const gint64 *) story_ids->data,
                                                   story_ids->len, add, changed, &error)
                    : sd_store_remove_tag_from_stories (store, (const gint64 *) story_ids->data,
                                                        story_ids->len, remove, changed, &error)))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }
  /* what changed: a story that had the tag already is not counted */
  if (add != NULL)
    g_print (
        g_dngettext (GETTEXT_PACKAGE, "%u story tagged\n", "%u stories tagged\n", changed->len),
        changed->len);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Tag taken off %u story\n", "Tag taken off %u stories\n",
                          changed->len),
             changed->len);
  return EXIT_SUCCESS;
}

/* A shared library's write only over the story's version the editor saw. */
#define IF_VERSION_ENTRY                                                                           \
  {                                                                                                \
    "if-version", 0, 0, G_OPTION_ARG_INT64, &if_version,                                           \
        N_("Shared library: write only if the story is still at VERSION (search shows it)"),      \
            N_("VERSION")                                                                          \
  }

static int
refuse_if_version (void)
{
  print_error (_("--if-version is for a shared library (--db postgresql://…): a personal "
                 "library has no versions"));
  return EXIT_REFUSED;
}

static int
run_note (int argc, char **argv)
{
  g_autofree char   *story_ref = NULL;
  gint64             story_id = 0;
  g_autofree char   *text = NULL;
  gint64             if_version = 0;
  const GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_ref, N_("The story’s id or uuid"), N_("ID") },
      { "set", 0, 0, G_OPTION_ARG_STRING, &text, N_("The note"), N_("TEXT") }, IF_VERSION_ENTRY,
        { NULL },
      };
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_options (&commands[3], entries, &argc, &argv))
    return EXIT_REFUSED;
  if (story_ref == NULL || text == NULL)
    {
      print_error (_("note needs --story and --set"));
      return EXIT_REFUSED;
    }
  if (sd_pg_library_is_location (db_path))
    return _sd_cli_note_shared (story_ref, text, if_version);
  if (if_version != 0)
    return refuse_if_version ();
  store = open_store_to_write (SD_STORE_OPEN_DEFAULT);
  if (store == NULL || (story_id = find_story (store, story_ref)) < 0)
    return EXIT_REFUSED;
  if (!sd_store_set_note (store, story_id, text, &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_SUCCESS;
}

static int
run_status (int argc, char **argv)
{
  g_autofree char   *story_ref = NULL;
  gint64             story_id = 0;
  g_autofree char   *name = NULL;
  gint64             if_version = 0;
  const GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_ref, N_("The story’s id or uuid"), N_("ID") },
      { "set", 0, 0, G_OPTION_ARG_STRING, &name,
        N_("new, reviewed, needs-work or rejected"), N_("STATUS") }, IF_VERSION_ENTRY, { NULL },
      };
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryStatus status;

  if (!parse_options (&commands[4], entries, &argc, &argv))
    return EXIT_REFUSED;
  if (story_ref == NULL || !sd_story_status_from_string (name, &status))
    {
      print_error (_("status needs --story and --set new|reviewed|needs-work|rejected"));
      return EXIT_REFUSED;
    }
  if (sd_pg_library_is_location (db_path))
    return _sd_cli_status_shared (story_ref, status, if_version);
  if (if_version != 0)
    return refuse_if_version ();
  store = open_store_to_write (SD_STORE_OPEN_DEFAULT);
  if (store == NULL || (story_id = find_story (store, story_ref)) < 0)
    return EXIT_REFUSED;
  if (!sd_store_set_status (store, story_id, status, &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_SUCCESS;
}

static int
run_page (int argc, char **argv)
{
  g_autofree char   *story_ref = NULL;
  g_autofree char   *paper = NULL;
  g_autofree char   *date = NULL;
  g_autofree char   *page = NULL;
  gint64             story_id = 0;
  gint64             if_version = 0;
  const GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_ref,
      N_("A story of the page: its id or uuid"), N_("ID") },
      { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
        N_("The paper (\"\" clears it)"), N_("NAME") },
        { "date", 0, 0, G_OPTION_ARG_STRING, &date,
          N_("The date (\"\" clears it)"), N_("YYYY-MM-DD") },
          { "page", 0, 0, G_OPTION_ARG_STRING, &page,
            N_("The page number (\"\" clears it)"), N_("A05") }, IF_VERSION_ENTRY, { NULL },
          };
  g_autoptr (SdStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_options (&commands[8], entries, &argc, &argv))
    return EXIT_REFUSED;
  if (argc != 3 || g_strcmp0 (argv[2], "set") != 0 || story_ref == NULL
      || (paper == NULL && date == NULL && page == NULL))
    {
      print_error (_("page needs set, --story and at least one of --paper, --date or --page"));
      return EXIT_REFUSED;
    }
  if (sd_pg_library_is_location (db_path))
    return _sd_cli_page_shared (story_ref, paper, date, page, if_version);
  if (if_version != 0)
    return refuse_if_version ();
  store = open_store_to_write (SD_STORE_OPEN_DEFAULT);
  if (store == NULL || (story_id = find_story (store, story_ref)) < 0)
    return EXIT_REFUSED;
  if (!sd_store_set_page_fields (store, story_id, paper, date, page, &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_SUCCESS;
}

/* What the other files of the command line share (sd-cli-private.h). */
void
_sd_cli_print_error (const char *message)
{
  print_error (message);
}

gboolean
_sd_cli_parse_options (const char *name, const GOptionEntry *entries, int *argc, char ***argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return parse_options (&commands[i], entries, argc, argv);
  g_return_val_if_reached (FALSE);
}

char *
_sd_cli_dup_db_path (void)
{
  return db_path != NULL ? g_strdup (db_path) : sd_paths_dup_default_library ();
}

SdStore *
_sd_cli_open_store (void)
{
  return open_store (SD_STORE_OPEN_DEFAULT);
}

SdStore *
_sd_cli_open_store_to_write (void)
{
  return open_store_to_write (SD_STORE_OPEN_DEFAULT);
}

SdStore *
_sd_cli_open_store_to_import (void)
{
  return open_store_to_write (SD_STORE_OPEN_CREATE);
}

int
sd_cli_run (int argc, char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        int status = commands[i].run (argc, argv);
        g_clear_pointer (&db_path, g_free);
        return status;
      }
  g_return_val_if_reached (EXIT_REFUSED);
}
