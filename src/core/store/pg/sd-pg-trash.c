/* sd-pg-trash.c — the trash of a shared library (#17): an admin's delete
 * marks a story (or a page's or an import batch's stories) trashed, with
 * when, by whom and with what, and keeps every row, to come back as it
 * was (or when its page is imported again); emptying the trash deletes
 * them for good, and an admin's open those in it longer than
 * SD_STORE_TRASH_DAYS.  The server refuses all of it to any other role.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-trash"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sd-pg-corrections.h"
#include "sd-pg-private.h"

/* What a story or a page is known by in the trash. */
static const char *const kind_names[] = {
  [SD_TRASH_STORY] = "story",
  [SD_TRASH_PAGE] = "page",
  [SD_TRASH_BATCH] = "batch",
};

/* The marking, where the story or page is (to the trash) or was (back). */
static const char *const trash_sql[] = {
  [SD_TRASH_STORY] = "UPDATE stories SET trashed = now (), trashed_by = current_user,"
                     "  trash_kind = $2, trash_of = $1 WHERE id = $1 AND trashed IS NULL",
  [SD_TRASH_PAGE] = "UPDATE stories SET trashed = now (), trashed_by = current_user,"
                    "  trash_kind = $2, trash_of = $1 WHERE page_id = $1 AND trashed IS NULL",
  [SD_TRASH_BATCH] = "UPDATE stories SET trashed = now (), trashed_by = current_user,"
                     "  trash_kind = $2, trash_of = $1 WHERE trashed IS NULL"
                     "  AND page_id IN (SELECT id FROM pages WHERE batch_id = $1)",
};
static const char *const restore_sql[] = {
  [SD_TRASH_STORY] = "UPDATE stories SET trashed = NULL, trashed_by = NULL, trash_kind = NULL,"
                     "  trash_of = NULL WHERE id = $1 AND trashed IS NOT NULL",
  [SD_TRASH_PAGE] = "UPDATE stories SET trashed = NULL, trashed_by = NULL, trash_kind = NULL,"
                    "  trash_of = NULL WHERE trash_kind = $2 AND trash_of = $1",
  [SD_TRASH_BATCH] = "UPDATE stories SET trashed = NULL, trashed_by = NULL, trash_kind = NULL,"
                     "  trash_of = NULL WHERE trash_kind = $2 AND trash_of = $1",
};
static const char *const exists_sql[] = {
  [SD_TRASH_STORY] = "SELECT 1 FROM stories WHERE id = $1",
  [SD_TRASH_PAGE] = "SELECT 1 FROM pages WHERE id = $1",
  [SD_TRASH_BATCH] = "SELECT 1 FROM batches WHERE id = $1",
};

typedef struct
{
  SdTrashKind kind;
  gint64      id;
  gboolean    restore;
  guint       n; /* out: stories moved */
} TrashMove;

/* What is said when the target is not there (a format: library, id). */
static const char *
describe_missing (SdTrashKind kind)
{
  switch (kind)
    {
    case SD_TRASH_STORY:
      return _("The shared library %s has no story %s");
    case SD_TRASH_PAGE:
      return _("The shared library %s has no page %s");
    case SD_TRASH_BATCH:
      break;
    }
  return _("The shared library %s has no import batch %s");
}

static gboolean
move (SdPgLibrary *self, gpointer data, GError **error)
{
  TrashMove        *move = data;
  g_autofree char  *id = g_strdup_printf ("%" G_GINT64_FORMAT, move->id);
  const char *const params[] = { id, kind_names[move->kind] };
  PGresult         *result;
  gboolean          exists;

  result = _sd_pg_run (self, exists_sql[move->kind], 1, params, error);
  if (result == NULL)
    return FALSE;
  exists = PQntuples (result) > 0;
  PQclear (result);
  if (!exists)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND, describe_missing (move->kind),
                   self->location, id);
      return FALSE;
    }
  /* a story comes back however it went: its own id is enough */
  result = _sd_pg_run (self, (move->restore ? restore_sql : trash_sql)[move->kind],
                       move->restore && move->kind == SD_TRASH_STORY ? 1 : 2, params, error);
  if (result == NULL)
    return FALSE;
  move->n = atoi (PQcmdTuples (result));
  PQclear (result);
  return TRUE;
}

static gboolean
run_move (
    SdPgLibrary *self, SdTrashKind kind, gint64 id, gboolean restore, guint *out_n, GError **error)
{
  TrashMove trash_move = { kind, id, restore, 0 };

  g_return_val_if_fail (kind <= SD_TRASH_BATCH, FALSE);
  if (!_sd_pg_transact (self, move, &trash_move, error))
    return FALSE;
  if (out_n != NULL)
    *out_n = trash_move.n;
  return TRUE;
}

gboolean
sd_pg_library_trash (SdPgLibrary *self, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  return run_move (self, kind, id, FALSE, out_n, error);
}

gboolean
sd_pg_library_restore (SdPgLibrary *self, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  return run_move (self, kind, id, TRUE, out_n, error);
}

typedef struct
{
  const char *before; /* (nullable) an interval ago ("30 days"); NULL: all */
  guint       n;      /* out: stories deleted */
} Purge;

static gboolean
purge (SdPgLibrary *self, gpointer data, GError **error)
{
  Purge    *purge = data;
  PGresult *result;
  GString  *pages = g_string_new ("{");
  gboolean  ok;

  /* their windows, tags and highlights go with them (ON DELETE CASCADE) */
  result = _sd_pg_run (
      self,
      purge->before != NULL ? "DELETE FROM stories WHERE trashed < now () - $1::interval"
                              " RETURNING page_id"
                            : "DELETE FROM stories WHERE trashed IS NOT NULL RETURNING page_id",
      purge->before != NULL ? 1 : 0, (const char *const[]){ purge->before }, error);
  if (result == NULL)
    {
      g_string_free (pages, TRUE);
      return FALSE;
    }
  purge->n = PQntuples (result);
  for (int row = 0; row < PQntuples (result); row++)
    if (!PQgetisnull (result, row, 0))
      g_string_append_printf (pages, "%s%s", pages->len > 1 ? "," : "",
                              PQgetvalue (result, row, 0));
  PQclear (result);
  g_string_append_c (pages, '}');
  /* a page none of whose stories is left goes too: imported again, it is
   * new */
  ok = _sd_pg_run_command (self,
                           "DELETE FROM pages p WHERE p.id = ANY ($1::bigint[])"
                           " AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.page_id = p.id)",
                           1, (const char *const[]){ pages->str }, error);
  g_string_free (pages, TRUE);
  return ok;
}

gboolean
sd_pg_library_empty_trash (SdPgLibrary *self, guint *out_n, GError **error)
{
  Purge purge_all = { NULL, 0 };

  if (!_sd_pg_transact (self, purge, &purge_all, error))
    return FALSE;
  if (out_n != NULL)
    *out_n = purge_all.n;
  return TRUE;
}

gboolean
sd_pg_library_purge_trash (SdPgLibrary *self, guint *out_n, GError **error)
{
  g_autofree char *days = g_strdup_printf ("%d days", SD_STORE_TRASH_DAYS);
  Purge            purge_old = { days, 0 };
  const char      *params[] = { days };
  PGresult        *result;
  gboolean         any;

  /* most opens find nothing to purge: a read says so, no write */
  result = _sd_pg_run (self,
                       "SELECT EXISTS (SELECT 1 FROM stories"
                       " WHERE trashed < now () - $1::interval)",
                       1, params, error);
  if (result == NULL)
    return FALSE;
  any = g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);
  if (any && !_sd_pg_transact (self, purge, &purge_old, error))
    return FALSE;
  if (out_n != NULL)
    *out_n = purge_old.n;
  return TRUE;
}

void
_sd_pg_purge_as_admin (SdPgLibrary *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  SdPgRole         role;

  if (sd_pg_library_get_person (self, &name, &role, NULL) && role == SD_PG_ROLE_ADMIN
      && !sd_pg_library_purge_trash (self, NULL, &error))
    g_message ("The trash's old stories were not purged: %s", error->message);
}

gboolean
_sd_pg_restore_page (SdPgLibrary *self, const char *page_id, guint *out_n, GError **error)
{
  PGresult *result =
      _sd_pg_run (self,
                  "UPDATE stories SET trashed = NULL, trashed_by = NULL, trash_kind = NULL,"
                  "  trash_of = NULL WHERE page_id = $1 AND trash_kind IN ('page', 'batch')",
                  1, (const char *const[]){ page_id }, error);

  if (result == NULL)
    return FALSE;
  *out_n = atoi (PQcmdTuples (result));
  PQclear (result);
  return TRUE;
}

gint64
sd_pg_library_count_trash (SdPgLibrary *self, GError **error)
{
  PGresult *result =
      _sd_pg_run (self, "SELECT count (*) FROM stories WHERE trashed IS NOT NULL", 0, NULL, error);
  gint64 n;

  if (result == NULL)
    return -1;
  n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return n;
}

/* SdLibrary's trash on a shared library: on the main loop's connection,
 * as the person's role. */

/* The main loop's connection, while the server can be reached. */
static SdPgLibrary *
writer_of (SdLibrary *library, GError **error)
{
  SdPgShared *self = SD_PG_SHARED (library);

  if (!_sd_pg_shared_check_online (self, error))
    return NULL;
  return _sd_pg_shared_get_writer (self, error);
}

static gboolean
shared_trash (SdLibrary *library, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  SdPgLibrary *writer = writer_of (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  return run_move (writer, kind, id, FALSE, out_n, &local_error)
         || _sd_pg_shared_fail (SD_PG_SHARED (library), local_error, error);
}

static gboolean
shared_restore (SdLibrary *library, SdTrashKind kind, gint64 id, guint *out_n, GError **error)
{
  SdPgLibrary *writer = writer_of (library, error);
  GError      *local_error = NULL;

  return writer != NULL
         && (run_move (writer, kind, id, TRUE, out_n, &local_error)
             || _sd_pg_shared_fail (SD_PG_SHARED (library), local_error, error));
}

static gboolean
shared_empty_trash (SdLibrary *library, guint *out_n, GError **error)
{
  SdPgLibrary *writer = writer_of (library, error);
  GError      *local_error = NULL;

  if (writer == NULL)
    return FALSE;
  if (!sd_pg_library_empty_trash (writer, out_n, &local_error))
    return _sd_pg_shared_fail (SD_PG_SHARED (library), local_error, error);
  /* the stories went without a change to read: the counts again */
  sd_library_emit_library_changed (library);
  return TRUE;
}

void
_sd_pg_shared_trash_init (SdLibraryInterface *iface)
{
  iface->trash = shared_trash;
  iface->restore = shared_restore;
  iface->empty_trash = shared_empty_trash;
}
