/* sd-cli-trash.c — storydesk delete, trash list|restore|empty, batches,
 * on either engine's library through SdLibrary (#17): a shared one's
 * server lets only an admin (管理员) delete, restore or empty
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-cli-private.h"
#include "sd-library.h"
#include "sd-pg-shared.h"

/* What --story, --page or --batch names. */
typedef struct
{
  char  *story;
  gint64 page;
  gint64 batch;
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->story, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static const char *const kind_names[] = {
  [SD_TRASH_STORY] = "story",
  [SD_TRASH_PAGE] = "page",
  [SD_TRASH_BATCH] = "batch",
};

/* Parses @name's options with the target's into @target. */
static gboolean
parse_with_target (const char *name, int *argc, char ***argv, Target *target)
{
  const GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &target->story,
      N_("The story’s id or uuid"), N_("ID") },
      { "page", 'p', 0, G_OPTION_ARG_INT64, &target->page,
        N_("Every story of the page ID"), N_("ID") },
        { "batch", 'b', 0, G_OPTION_ARG_INT64, &target->batch,
          N_("Every story of the import batch ID (see storydesk batches)"), N_("ID") }, { NULL },
        };

  return _sd_cli_parse_options (name, entries, argc, argv);
}

SdLibrary *
_sd_cli_open_library (gboolean to_write)
{
  g_autofree char *location = _sd_cli_dup_db_path ();
  g_autoptr (SdPgShared) shared = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  SdPgRole         role;
  SdStore         *store;

  if (!sd_pg_library_is_location (location))
    {
      store = to_write ? _sd_cli_open_store_to_write () : _sd_cli_open_store ();
      return store != NULL ? SD_LIBRARY (store) : NULL;
    }
  /* one connection, no NOTIFY: the importer's */
  shared = sd_pg_shared_open_importer (location, &error);
  if (shared != NULL && !sd_pg_shared_get_person (shared, &name, &role, &error) && error == NULL)
    g_set_error (&error, SD_PG_ERROR, SD_PG_ERROR_DENIED,
                 _("%s holds no role of the shared library %s: an admin adds people with "
                   "storydesk admin add"),
                    name, location);
  if (error != NULL)
    {
      _sd_cli_print_error (error->message);
      return NULL;
    }
  return SD_LIBRARY (g_steal_pointer (&shared));
}

void
_sd_cli_say_library_error (SdLibrary *library, const char *action, const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  SdPgRole         role;

  /* the server's refusal, said with who the person is there */
  if (SD_IS_PG_SHARED (library) && g_error_matches (error, SD_PG_ERROR, SD_PG_ERROR_DENIED)
      && sd_pg_shared_get_person (SD_PG_SHARED (library), &name, &role, NULL))
    /* TRANSLATORS: "anna is an editor (编辑) of the shared library and may not delete
     * stories: only an admin (管理员) may (the server said: …)" */
    message = g_strdup_printf (_("%s is %s of the shared library and may not %s: only an admin "
                                 "(管理员) may (the server said: %s)"),
                                  name, sd_pg_role_to_label (role), action, error->message);
  _sd_cli_print_error (message != NULL ? message : error->message);
}

/* Opens the library and sets @out_kind and @out_id to the one target
 * @target names, or says why there is none. */
static gboolean
resolve_target (const char  *name,
                Target      *target,
                SdLibrary  **out_library,
                SdTrashKind *out_kind,
                gint64      *out_id)
{
  g_autoptr (GError) error = NULL;

  if ((target->story != NULL) + (target->page > 0) + (target->batch > 0) != 1)
    {
      g_autofree char *message =
          g_strdup_printf (_("%s needs one of --story, --page or --batch"), name);
      _sd_cli_print_error (message);
      return FALSE;
    }
  if ((*out_library = _sd_cli_open_library (TRUE)) == NULL)
    return FALSE;
  *out_kind = target->story != NULL ? SD_TRASH_STORY
              : target->page > 0    ? SD_TRASH_PAGE
                                    : SD_TRASH_BATCH;
  *out_id = target->story != NULL ? sd_library_find_story (*out_library, target->story, &error)
            : target->page > 0    ? target->page
                                  : target->batch;
  if (*out_id < 0)
    {
      _sd_cli_print_error (error->message);
      g_clear_object (out_library);
      return FALSE;
    }
  return TRUE;
}

/* delete, and trash restore: the target @target names to the trash or back. */
static int
move_target (const char *name, Target *target, gboolean to_trash)
{
  g_autoptr (SdLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  SdTrashKind kind;
  gint64      id;
  guint       n = 0;

  if (!resolve_target (name, target, &library, &kind, &id))
    return EXIT_REFUSED;
  if (!(to_trash ? sd_library_trash (library, kind, id, &n, &error)
                 : sd_library_restore (library, kind, id, &n, &error)))
    {
      _sd_cli_say_library_error (library,
                                 to_trash ? _("delete stories") : _("restore stories"), error);
      return EXIT_REFUSED;
    }
  if (!to_trash && n == 0)
    {
      /* a failure, said as one, with the reason */
      g_autofree char *message = g_strdup_printf (
          _("trash restore: nothing of --%s %lld is in the trash; nothing changed"),
             kind_names[kind], (long long) id);
      _sd_cli_print_error (message);
      return EXIT_REFUSED;
    }
  if (!to_trash)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u story back from the trash\n",
                            "%u stories back from the trash\n", n),
               n);
      return EXIT_SUCCESS;
    }
  if (n == 0)
    g_print (_("Nothing to delete: it is in the trash already\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u story moved to the trash (storydesk trash restore --%s %lld brings "
                          "it back; it is purged after %d days)\n",
                          "%u stories moved to the trash (storydesk trash restore --%s %lld "
                          "brings them back; they are purged after %d days)\n",
                          n),
             n, kind_names[kind], (long long) id, SD_STORE_TRASH_DAYS);
  return EXIT_SUCCESS;
}

int
_sd_cli_run_delete (int argc, char **argv)
{
  g_auto (Target) target = { NULL, 0, 0 };

  if (!parse_with_target ("delete", &argc, &argv, &target))
    return EXIT_REFUSED;
  return move_target ("delete", &target, TRUE);
}

static int
list_trash (SdLibrary *library)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = sd_library_list_trash (library, &error);

  if (entries == NULL)
    {
      _sd_cli_say_library_error (library, _("read the trash"), error);
      return EXIT_REFUSED;
    }
  if (entries->len == 0)
    g_print (_("The trash is empty\n"));
  /* kind, id, stories, when, name: what `trash restore --KIND ID` takes */
  for (guint i = 0; i < entries->len; i++)
    {
      const SdTrashEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char    *stories = g_strdup_printf (
             g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", entry->n_stories),
             entry->n_stories);

      g_print ("%s\t%lld\t%s\t%s\t%s%s\n", kind_names[entry->kind], (long long) entry->target,
               stories, entry->trashed, entry->label != NULL ? entry->label : "",
               entry->kind == SD_TRASH_BATCH && entry->batch_kind == SD_BATCH_SAMPLE
               ? _(" (sample pages)")
               : "");
    }
  return EXIT_SUCCESS;
}

int
_sd_cli_run_trash (int argc, char **argv)
{
  g_auto (Target) target = { NULL, 0, 0 };
  g_autoptr (SdLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  const char *action;
  guint       n = 0;

  if (!parse_with_target ("trash", &argc, &argv, &target))
    return EXIT_REFUSED;
  action = argc == 3 ? argv[2] : "";
  if (g_strcmp0 (action, "restore") == 0)
    return move_target ("trash restore", &target, FALSE);
  if ((g_strcmp0 (action, "list") != 0 && g_strcmp0 (action, "empty") != 0) || target.story != NULL
      || target.page > 0 || target.batch > 0)
    {
      _sd_cli_print_error (
          _("trash needs list, restore (with --story, --page or --batch) or empty"));
      return EXIT_REFUSED;
    }
  library = _sd_cli_open_library (g_strcmp0 (action, "list") != 0);
  if (library == NULL)
    return EXIT_REFUSED;
  if (g_strcmp0 (action, "list") == 0)
    return list_trash (library);
  if (!sd_library_empty_trash (library, &n, &error))
    {
      _sd_cli_say_library_error (library, _("empty the trash"), error);
      return EXIT_REFUSED;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u story deleted for good\n",
                        "%u stories deleted for good\n", n),
           n);
  return EXIT_SUCCESS;
}

int
_sd_cli_run_batches (int argc, char **argv)
{
  g_autoptr (SdLibrary) library = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  g_autoptr (GError) error = NULL;

  if (!_sd_cli_parse_options ("batches", NULL, &argc, &argv))
    return EXIT_REFUSED;
  if ((library = _sd_cli_open_library (FALSE)) == NULL)
    return EXIT_REFUSED;
  if ((batches = sd_library_list_batches (library, &error)) == NULL)
    {
      _sd_cli_say_library_error (library, _("read the import batches"), error);
      return EXIT_REFUSED;
    }
  /* id, kind, when, pages, stories, in the trash, first file */
  for (guint i = 0; i < batches->len; i++)
    {
      const SdBatch *batch = g_ptr_array_index (batches, i);

      g_print (_("%lld\t%s\t%s\t%u pages\t%u stories\t%u in the trash\t%s\n"),
                  (long long) batch->id,
                  batch->kind == SD_BATCH_SAMPLE
                  ? _("sample")
                  : _("import"), batch->started, batch->n_pages, batch->n_stories,
                       batch->n_trashed, batch->first_file != NULL ? batch->first_file : "");
    }
  return EXIT_SUCCESS;
}
