/* sd-pg-shared.c — the SdLibrary interface on a shared library: reads in a
 * worker on a connection of their own, the three writes and the server's
 * NOTIFY on the main loop's (#17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-shared"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-pg-corrections.h"
#include "sd-pg-private.h"
#include "sd-pg-shared.h"
#include "sd-pg-undo.h"
#include "sd-theme-suggester.h"

struct _SdPgShared
{
  GObject parent_instance;

  SdPgLibrary *library; /* the main loop's: writes and NOTIFY */
  SdPgLibrary *reader;  /* the worker's, under @reading; NULL in an importer's */
  GMutex       reading;
  gboolean     online;
  gboolean     may_import; /* the person is an admin (管理员) */
  SdPgRole     role;       /* the person's role, read once on opening */
  SdPgShared  *opener; /* an import's library: whose connection @library repeats, in its worker */
};

static void sd_pg_shared_library_init (SdLibraryInterface *iface);

G_DEFINE_TYPE_WITH_CODE (SdPgShared,
                         sd_pg_shared,
                         G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (SD_TYPE_LIBRARY, sd_pg_shared_library_init))

/* Reads: each one a function of the reader's connection in a worker
 * (sd-pg-pages.c's too, hence the names in sd-pg-private.h). */
#define start_read _sd_pg_shared_start_read
#define finish_read _sd_pg_shared_finish_read

typedef gpointer (*ReadFunc) (SdPgLibrary *reader, gpointer data, GError **error);

typedef struct
{
  ReadFunc       func;
  gpointer       data;
  GDestroyNotify free_data;
  GDestroyNotify free_result; /* for a result nobody takes */
} Read;

static void
read_free (Read *read)
{
  if (read->free_data != NULL)
    read->free_data (read->data);
  g_free (read);
}

/* The reader's connection, made again when the server went away meanwhile. */
static gboolean
ensure_reader (SdPgLibrary *reader, GError **error)
{
  if (PQstatus (reader->conn) == CONNECTION_OK)
    return TRUE;
  PQreset (reader->conn);
  if (PQstatus (reader->conn) != CONNECTION_OK)
    {
      g_set_error (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_OFFLINE,
                   _("The shared library’s server %s cannot be reached"), reader->location);
      return FALSE;
    }
  return _sd_pg_set_up_session (reader, error);
}

static void
run_read (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SdPgShared *self = source;
  Read       *read = task_data;
  GError     *error = NULL;
  gpointer    result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* an importer's library (sd_pg_shared_open_importer ()) only writes */
  if (self->reader == NULL)
    {
      g_task_return_new_error (task, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED, "%s",
                               sd_library_describe_missing (SD_LIBRARY (self)));
      return;
    }
  g_mutex_lock (&self->reading);
  if (ensure_reader (self->reader, &error))
    result = read->func (self->reader, read->data, &error);
  /* the server went away and came back since the last read: read again */
  if (error != NULL && PQstatus (self->reader->conn) != CONNECTION_OK)
    {
      g_clear_error (&error);
      if (ensure_reader (self->reader, &error))
        result = read->func (self->reader, read->data, &error);
    }
  g_mutex_unlock (&self->reading);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->free_result);
}

void
start_read (SdPgShared         *self,
            gpointer            tag,
            ReadFunc            func,
            GDestroyNotify      free_result,
            gpointer            data,
            GDestroyNotify      free_data,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  Read *read = g_new0 (Read, 1);

  read->func = func;
  read->data = data;
  read->free_data = free_data;
  read->free_result = free_result;
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  g_task_run_in_thread (task, run_read);
}

gpointer
finish_read (SdPgShared *self, GAsyncResult *result, gpointer tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  SdScope     *scope; /* a copy, owned */
  SdStoryOrder order;
  gboolean     descending;
  guint        n_rows;
} ListRead;

static void
list_read_free (ListRead *list)
{
  sd_scope_free (list->scope);
  g_free (list);
}

static gpointer
read_listing (SdPgLibrary *reader, gpointer data, GError **error)
{
  ListRead *list = data;
  g_autoptr (SdStoryListing) listing = g_new0 (SdStoryListing, 1);

  listing->ids = sd_pg_library_list_ids (reader, list->scope, list->order, list->descending, error);
  if (listing->ids == NULL)
    return NULL;
  listing->rows = sd_pg_library_get_stories (reader, (gint64 *) listing->ids->data,
                                             MIN (list->n_rows, listing->ids->len), error);
  return listing->rows != NULL ? g_steal_pointer (&listing) : NULL;
}

static void
list_story_ids_async (SdLibrary          *library,
                      const SdScope      *scope,
                      SdStoryOrder        order,
                      gboolean            descending,
                      guint               n_rows,
                      SdStoryListingFunc  first_func,
                      gpointer            first_data,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  ListRead *list = g_new0 (ListRead, 1);

  list->scope = sd_scope_copy (scope);
  list->order = order;
  list->descending = descending;
  list->n_rows = n_rows;
  start_read (SD_PG_SHARED (library), list_story_ids_async, read_listing,
              (GDestroyNotify) sd_story_listing_free, list, (GDestroyNotify) list_read_free,
              cancellable, callback, user_data);
}

static SdStoryListing *
list_story_ids_finish (SdLibrary *library, GAsyncResult *result, GError **error)
{
  return finish_read (SD_PG_SHARED (library), result, list_story_ids_async, error);
}

static gpointer
read_rows (SdPgLibrary *reader, gpointer data, GError **error)
{
  GArray *ids = data;

  return sd_pg_library_get_stories (reader, (gint64 *) ids->data, ids->len, error);
}

static GArray *
dup_ids (const gint64 *ids, guint n_ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  g_array_append_vals (copy, ids, n_ids);
  return copy;
}

static void
get_story_rows_async (SdLibrary          *library,
                      const gint64       *ids,
                      guint               n_ids,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  start_read (SD_PG_SHARED (library), get_story_rows_async, read_rows,
              (GDestroyNotify) g_ptr_array_unref, dup_ids (ids, n_ids),
              (GDestroyNotify) g_array_unref, cancellable, callback, user_data);
}

static GPtrArray *
get_story_rows_finish (SdLibrary *library, GAsyncResult *result, GError **error)
{
  return finish_read (SD_PG_SHARED (library), result, get_story_rows_async, error);
}

/* The rows a shared library gives are its stories whole already. */
void
sd_pg_shared_get_stories_async (SdPgShared         *self,
                                const gint64       *ids,
                                guint               n_ids,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_return_if_fail (SD_IS_PG_SHARED (self));
  start_read (self, sd_pg_shared_get_stories_async, read_rows, (GDestroyNotify) g_ptr_array_unref,
              dup_ids (ids, n_ids), (GDestroyNotify) g_array_unref, cancellable, callback,
              user_data);
}

GPtrArray *
sd_pg_shared_get_stories_finish (SdPgShared *self, GAsyncResult *result, GError **error)
{
  return finish_read (self, result, sd_pg_shared_get_stories_async, error);
}

/* The story whole, the themes turned down for it, and the suggestions
 * worked out here, as a personal library's worker does. */
static gpointer
read_details (SdPgLibrary *reader, gpointer data, GError **error)
{
  g_autoptr (SdStoryDetails) details = g_new0 (SdStoryDetails, 1);
  gint64 id = *(gint64 *) data;

  if ((details->story = sd_pg_library_get_story (reader, id, NULL, error)) == NULL
      || (details->dismissed = sd_pg_library_list_dismissed_themes (reader, id, error)) == NULL)
    return NULL;
  details->suggestions = sd_theme_suggester_suggest_for_story (sd_theme_vocabulary_get_default (),
                                                               details->story, details->dismissed);
  return g_steal_pointer (&details);
}

static void
get_story_details_async (SdLibrary          *library,
                         gint64              id,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  start_read (SD_PG_SHARED (library), get_story_details_async, read_details,
              (GDestroyNotify) sd_story_details_free, g_memdup2 (&id, sizeof id), g_free,
              cancellable, callback, user_data);
}

static SdStoryDetails *
get_story_details_finish (SdLibrary *library, GAsyncResult *result, GError **error)
{
  return finish_read (SD_PG_SHARED (library), result, get_story_details_async, error);
}

/* The tags, their colours, the counts by place and by day, the trash's
 * count, the saved searches and the import batches. */
static gpointer
read_summary (SdPgLibrary *reader, gpointer data, GError **error)
{
  g_autoptr (SdLibrarySummary) summary = g_new0 (SdLibrarySummary, 1);

  summary->tags = sd_pg_library_list_all_tags (reader, error);
  if (summary->tags == NULL)
    return NULL;
  summary->tag_colors = sd_pg_library_dup_tag_colors (reader, error);
  if (summary->tag_colors == NULL)
    return NULL;
  summary->counts = sd_pg_library_count_by_place (reader, error);
  if (summary->counts == NULL)
    return NULL;
  summary->n_trashed = sd_pg_library_count_trash (reader, error);
  if (summary->n_trashed < 0)
    return NULL;
  summary->dates = sd_pg_library_count_by_date (reader, error);
  if (summary->dates == NULL)
    return NULL;
  summary->searches = sd_pg_library_list_saved_searches (reader, error);
  if (summary->searches == NULL)
    return NULL;
  summary->batches = sd_pg_library_list_batches (reader, error);
  if (summary->batches == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}

static void
read_summary_async (SdLibrary          *library,
                    GCancellable       *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer            user_data)
{
  start_read (SD_PG_SHARED (library), read_summary_async, read_summary,
              (GDestroyNotify) sd_library_summary_free, NULL, NULL, cancellable, callback,
              user_data);
}

static SdLibrarySummary *
read_summary_finish (SdLibrary *library, GAsyncResult *result, GError **error)
{
  return finish_read (SD_PG_SHARED (library), result, read_summary_async, error);
}

/* Writes: on the main loop's connection, as the editor's role. */

static gboolean
refuse_offline (SdPgShared *self, GError **error)
{
  g_set_error (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_OFFLINE,
               _("Not saved: the shared library’s server (%s) cannot be reached. Editing "
                 "comes back as soon as it can be."),
                  self->library->location);
  return FALSE;
}

/* @local_error passed on, a lost connection said as such. */
static gboolean
fail (SdPgShared *self, GError *local_error, GError **error)
{
  if (PQstatus (self->library->conn) != CONNECTION_OK)
    {
      g_error_free (local_error);
      return refuse_offline (self, error);
    }
  if (g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_CHANGED))
    local_error->domain = SD_STORE_ERROR, local_error->code = SD_STORE_ERROR_CHANGED;
  g_propagate_error (error, local_error);
  return FALSE;
}

static gboolean
is_online (SdLibrary *library)
{
  SdPgShared *self = SD_PG_SHARED (library);

  return self->online && sd_pg_library_is_connected (self->library);
}

static gboolean
tag_stories (SdLibrary    *library,
             const gint64 *ids,
             guint         n_ids,
             const char   *tag,
             gboolean      add,
             GArray       *out_changed,
             GError      **error)
{
  SdPgShared *self = SD_PG_SHARED (library);
  GError     *local_error = NULL;

  if (!is_online (library))
    return refuse_offline (self, error);
  if (!sd_pg_library_tag_stories (self->library, ids, n_ids, tag, add, NULL, out_changed,
                                  &local_error))
    return fail (self, local_error, error);
  return TRUE;
}

/* Over the note the editor began from only: the note and its version read,
 * then written at that version, so a write between the two is a conflict
 * too. */
static gboolean
set_note_from (
    SdLibrary *library, gint64 id, const char *expected, const char *note, GError **error)
{
  SdPgShared      *self = SD_PG_SHARED (library);
  GError          *local_error = NULL;
  g_autofree char *now = NULL;
  gint64           version;

  if (!is_online (library))
    return refuse_offline (self, error);
  if (!sd_pg_library_get_note (self->library, id, &now, &version, &local_error))
    return fail (self, local_error, error);
  if (expected != NULL && g_strcmp0 (now, expected) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED,
                   _("Someone else changed the note of story %lld meanwhile"), (long long) id);
      return FALSE;
    }
  if (!sd_pg_library_set_note_at (self->library, id, version, note, NULL, &local_error))
    return fail (self, local_error, error);
  return TRUE;
}

/* Over the status the editor saw only: read with the story's version, then
 * written at that version. */
static gboolean
set_status (SdLibrary           *library,
            gint64               id,
            const SdStoryStatus *expected,
            SdStoryStatus        status,
            GError             **error)
{
  SdPgShared *self = SD_PG_SHARED (library);
  GError     *local_error = NULL;
  g_autoptr (SdStory) now = NULL;
  gint64 version;

  if (!is_online (library))
    return refuse_offline (self, error);
  if (expected == NULL)
    {
      if (!sd_pg_library_set_status (self->library, id, status, &local_error))
        return fail (self, local_error, error);
      return TRUE;
    }
  now = sd_pg_library_get_story (self->library, id, &version, &local_error);
  if (now == NULL)
    return fail (self, local_error, error);
  if (now->status != *expected
      || !sd_pg_library_set_status_at (self->library, id, version, status, NULL, &local_error))
    {
      if (local_error != NULL && !g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_CHANGED))
        return fail (self, local_error, error);
      g_clear_error (&local_error);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED,
                   _("Not saved: someone else set this story’s status to %s meanwhile (you chose "
                     "%s); choose again if yours should stand"),
                      sd_story_status_to_label (now->status), sd_story_status_to_label (status));
      /* the window shows theirs beside the editor's choice, even before
       * the server's NOTIFY comes */
      sd_library_emit_story_changed (SD_LIBRARY (self), id);
      return FALSE;
    }
  return TRUE;
}

static SdLibraryFeatures
get_features (SdLibrary *library)
{
  SdPgShared *self = SD_PG_SHARED (library);

  /* besides reading, tags, notes and statuses: export and print, undo,
   * highlights, themes turned down, saved searches, tags organised and the
   * page view, and an admin's import; a reviewer's corrections and page
   * details, an admin's trash (the server refuses them to others anyway) */
  return SD_LIBRARY_CAN_EXPORT | SD_LIBRARY_CAN_UNDO | SD_LIBRARY_CAN_MARK | SD_LIBRARY_CAN_ORGANISE
         | SD_LIBRARY_CAN_PAGE_TEXT | (self->may_import ? SD_LIBRARY_CAN_IMPORT : 0)
         | (self->role >= SD_PG_ROLE_REVIEWER ? SD_LIBRARY_CAN_CORRECT | SD_LIBRARY_CAN_PAGES : 0)
         | (self->role >= SD_PG_ROLE_ADMIN ? SD_LIBRARY_CAN_TRASH : 0);
}

static const char *
describe_missing (SdLibrary *library, SdLibraryFeatures feature)
{
  if (feature == SD_LIBRARY_CAN_IMPORT)
    return _("Only an admin (管理员) may import pages into a shared library");
  if (feature == SD_LIBRARY_CAN_CORRECT || feature == SD_LIBRARY_CAN_PAGES)
    return _("Only a reviewer (审稿) or an admin (管理员) may correct stories and pages in a "
             "shared library");
  if (feature == SD_LIBRARY_CAN_TRASH)
    return _("Only an admin (管理员) may delete stories from a shared library or restore them");
  return NULL;
}

/* The import's worker writes on a connection of its own, made there on
 * its first page (_sd_pg_shared_get_writer ()): connecting never holds up
 * the main loop. */
static SdLibrary *
open_for_import (SdLibrary *library, GError **error)
{
  SdPgShared *self = SD_PG_SHARED (library);
  SdPgShared *importer;

  if (!is_online (library))
    {
      refuse_offline (self, error);
      return NULL;
    }
  importer = g_object_new (SD_TYPE_PG_SHARED, NULL);
  importer->opener = g_object_ref (self);
  importer->online = TRUE;
  return SD_LIBRARY (importer);
}

static void
sd_pg_shared_library_init (SdLibraryInterface *iface)
{
  iface->list_story_ids_async = list_story_ids_async;
  iface->list_story_ids_finish = list_story_ids_finish;
  iface->get_story_rows_async = get_story_rows_async;
  iface->get_story_rows_finish = get_story_rows_finish;
  iface->get_story_details_async = get_story_details_async;
  iface->get_story_details_finish = get_story_details_finish;
  iface->read_summary_async = read_summary_async;
  iface->read_summary_finish = read_summary_finish;
  iface->tag_stories = tag_stories;
  iface->set_note_from = set_note_from;
  iface->set_status = set_status;
  iface->get_features = get_features;
  iface->is_online = is_online;
  iface->open_for_import = open_for_import;
  _sd_pg_shared_import_init (iface);
  iface->describe_missing = describe_missing;
  _sd_pg_shared_corrections_init (iface);
  _sd_pg_shared_trash_init (iface);
  _sd_pg_shared_undo_init (iface);
  _sd_pg_shared_batches_init (iface);
  _sd_pg_shared_marks_init (iface);
  _sd_pg_shared_pages_init (iface);
}

/* What the server's NOTIFY and the connection tell, as signals. */

static void
changed_cb (SdPgLibrary *library, gint64 story_id, gpointer user_data)
{
  /* change 0 is the library's: a saved search, a tag renamed or recoloured */
  if (story_id == 0)
    sd_library_emit_tags_changed (SD_LIBRARY (user_data));
  else
    sd_library_emit_story_changed (SD_LIBRARY (user_data), story_id);
}

static void
connection_cb (SdPgLibrary *library, gboolean connected, gpointer user_data)
{
  SdPgShared *self = user_data;

  self->online = connected;
  sd_library_emit_online_changed (SD_LIBRARY (self), connected);
  /* what changed meanwhile was told by story; the counts and tags too */
  if (connected)
    sd_library_emit_library_changed (SD_LIBRARY (self));
}

/* The connection's person's role (the server decides anyway: this only
 * keeps the window's actions off for those who may not); an editor's when
 * it cannot be read. */
static SdPgRole
read_role (SdPgLibrary *library)
{
  g_autofree char *name = NULL;
  SdPgRole         role;

  return sd_pg_library_get_person (library, &name, &role, NULL) ? role : SD_PG_ROLE_EDITOR;
}

static void
sd_pg_shared_finalize (GObject *object)
{
  SdPgShared *self = SD_PG_SHARED (object);

  g_clear_pointer (&self->library, sd_pg_library_close);
  g_clear_pointer (&self->reader, sd_pg_library_close);
  g_clear_object (&self->opener);
  g_mutex_clear (&self->reading);

  G_OBJECT_CLASS (sd_pg_shared_parent_class)->finalize (object);
}

static void
sd_pg_shared_class_init (SdPgSharedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_pg_shared_finalize;
}

static void
sd_pg_shared_init (SdPgShared *self)
{
  g_mutex_init (&self->reading);
}

/* The shared library on the two connections given, which it takes. */
SdPgShared *
_sd_pg_shared_new_for (SdPgLibrary *library, SdPgLibrary *reader, GError **error)
{
  g_autoptr (SdPgShared) self = g_object_new (SD_TYPE_PG_SHARED, NULL);

  self->library = library;
  self->reader = reader;
  if (!sd_pg_library_watch (self->library, changed_cb, connection_cb, self, error))
    return NULL;
  self->online = TRUE;
  self->role = read_role (self->library);
  self->may_import = self->role == SD_PG_ROLE_ADMIN;
  return g_steal_pointer (&self);
}

/**
 * sd_pg_shared_open_importer:
 *
 * The shared library at @location on one connection, for an import in a
 * worker or on the command line: the importer's functions and the three
 * writes, no reads, no NOTIFY.
 *
 * Returns: (transfer full): the library, or %NULL with @error set.
 */
SdPgShared *
sd_pg_shared_open_importer (const char *location, GError **error)
{
  g_autoptr (SdPgShared) self = g_object_new (SD_TYPE_PG_SHARED, NULL);

  self->library = sd_pg_library_open (location, error);
  if (self->library == NULL)
    return NULL;
  _sd_pg_purge_as_admin (self->library);
  self->online = TRUE;
  self->role = read_role (self->library);
  self->may_import = self->role == SD_PG_ROLE_ADMIN;
  return g_steal_pointer (&self);
}

SdPgLibrary *
_sd_pg_shared_get_writer (SdPgShared *self, GError **error)
{
  /* the window's own connection again, with the password it was given,
   * which may be in no keyring */
  if (self->library == NULL)
    self->library = sd_pg_library_open_again (self->opener->library, NULL, error);
  return self->library;
}

SdPgLibrary *
_sd_pg_shared_connect_worker (SdPgShared *self, GCancellable *cancellable, GError **error)
{
  /* the window's own connection again, as the importer's */
  return sd_pg_library_open_again (self->library, cancellable, error);
}

gboolean
_sd_pg_shared_fail (SdPgShared *self, GError *local_error, GError **error)
{
  return fail (self, local_error, error);
}

gboolean
_sd_pg_shared_check_online (SdPgShared *self, GError **error)
{
  return is_online (SD_LIBRARY (self)) || refuse_offline (self, error);
}

SdPgShared *
sd_pg_shared_open (const char *location, GError **error)
{
  SdPgLibrary *library = sd_pg_library_open (location, error);
  SdPgLibrary *reader = library != NULL ? sd_pg_library_open_again (library, NULL, error) : NULL;

  if (reader == NULL)
    {
      sd_pg_library_close (library);
      return NULL;
    }
  _sd_pg_purge_as_admin (library);
  return _sd_pg_shared_new_for (library, reader, error);
}

const char *
sd_pg_shared_get_location (SdPgShared *self)
{
  g_return_val_if_fail (SD_IS_PG_SHARED (self), NULL);
  return self->library->location;
}

gboolean
sd_pg_shared_get_person (SdPgShared *self, char **out_name, SdPgRole *out_role, GError **error)
{
  g_return_val_if_fail (SD_IS_PG_SHARED (self), FALSE);
  return sd_pg_library_get_person (self->library, out_name, out_role, error);
}
