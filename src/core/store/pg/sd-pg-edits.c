/* sd-pg-edits.c — editors' writes to a shared library, several at once:
 * notes against the version the editor saw, tags that both land
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-edits"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sd-pg-private.h"

typedef struct
{
  const char *id;
  const char *version;
  const char *sql; /* sets $2 where id = $1 and version = $3, RETURNING the
                      * searched fields (when @searched) and the version last */
  const char *value;
  gboolean    searched;
  gint64      new_version;
} VersionedWrite;

static gboolean
write_at_version (SdPgLibrary *self, gpointer data, GError **error)
{
  VersionedWrite   *write = data;
  const char *const params[] = { write->id, write->value, write->version };
  g_autoptr (SdStory) story = sd_story_new ();
  PGresult *result = _sd_pg_run (self, write->sql, G_N_ELEMENTS (params), params, error);
  gboolean  ok = result != NULL && PQntuples (result) == 1;

  if (result != NULL && !ok)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED,
                 _("Someone else changed story %s of %s since you opened it"), write->id,
                    self->location);
  if (ok)
    write->new_version = g_ascii_strtoll (PQgetvalue (result, 0, PQnfields (result) - 1), NULL, 10);
  if (ok && write->searched)
    {
      _sd_pg_read_searched_fields (story, result);
      ok = _sd_pg_put_windows (self, write->id, story, error);
    }
  PQclear (result);
  return ok;
}

/* Runs @sql (see VersionedWrite) only while story @id is at @version, else
 * SD_PG_ERROR_CHANGED, or NOT_FOUND when there is no such story. */
static gboolean
set_at_version (SdPgLibrary *self,
                gint64       id,
                gint64       version,
                const char  *sql,
                const char  *value,
                gboolean     searched,
                gint64      *out_version,
                GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  g_autoptr (GError) local_error = NULL;
  VersionedWrite write = { id_text, version_text, sql, value, searched, 0 };

  if (_sd_pg_transact (self, write_at_version, &write, &local_error))
    {
      if (out_version != NULL)
        *out_version = write.new_version;
      return TRUE;
    }
  /* no row at that version: changed since, or not there at all */
  if (g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_CHANGED)
      && !sd_pg_library_get_note (self, id, NULL, NULL, NULL))
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                 _("The shared library %s has no story %s"), self->location, id_text);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
sd_pg_library_set_note_at (SdPgLibrary *self,
                           gint64       id,
                           gint64       version,
                           const char  *note,
                           gint64      *out_version,
                           GError     **error)
{
  return set_at_version (self, id, version,
                         "UPDATE stories SET note = $2 WHERE id = $1 AND version = $3"
                         " RETURNING headline, subheadline, body, byline, note, version",
                         note, TRUE, out_version, error);
}

gboolean
sd_pg_library_set_status_at (SdPgLibrary  *self,
                             gint64        id,
                             gint64        version,
                             SdStoryStatus status,
                             gint64       *out_version,
                             GError      **error)
{
  return set_at_version (self, id, version,
                         "UPDATE stories SET status = $2 WHERE id = $1 AND version = $3"
                         " RETURNING version",
                         sd_story_status_to_string (status), FALSE, out_version, error);
}

gboolean
sd_pg_library_get_note (
    SdPgLibrary *self, gint64 id, char **out_note, gint64 *out_version, GError **error)
{
  g_autofree char  *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *const params[] = { id_text };
  PGresult         *result =
      _sd_pg_run (self, "SELECT note, version FROM stories WHERE id = $1", 1, params, error);
  gboolean found = result != NULL && PQntuples (result) == 1;

  if (result != NULL && !found)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                 _("The shared library %s has no story %s"), self->location, id_text);
  if (found && out_note != NULL)
    *out_note = g_strdup (PQgetvalue (result, 0, 0));
  if (found && out_version != NULL)
    *out_version = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  PQclear (result);
  return found;
}

/* The stories whose tags changed name the editor who changed them and
 * when, as on a personal library (the stories' stamp trigger), in id
 * order, so two editors tagging the same stories wait rather than
 * deadlock; each counts a new version. */
static gboolean
stamp_tagged (SdPgLibrary *self, GArray *ids, GError **error)
{
  g_autoptr (GString) array = g_string_new ("{");

  if (ids == NULL || ids->len == 0)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (array, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (array, '}');
  return _sd_pg_run_command (self,
                             "UPDATE stories SET note = note WHERE id IN (SELECT id FROM stories"
                             " WHERE id = ANY ($1::bigint[]) ORDER BY id FOR NO KEY UPDATE)",
                             1, (const char *const[]){ array->str }, error);
}

typedef struct
{
  const char *id;
  const char *name;
} TagWrite;

static gboolean
write_tag (SdPgLibrary *self, gpointer data, GError **error)
{
  TagWrite         *write = data;
  const char *const params[] = { write->id, write->name };

  g_autoptr (GArray) tagged = NULL;

  if (!_sd_pg_run_command (self, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING", 1,
                           params + 1, error))
    return FALSE;
  tagged = _sd_pg_take_ids (_sd_pg_run (self,
                                        "INSERT INTO story_tags (story_id, tag_id)"
                                        " SELECT $1::bigint, id FROM tags WHERE name = $2"
                                        " ON CONFLICT DO NOTHING RETURNING story_id",
                                        2, params, error));
  return tagged != NULL && stamp_tagged (self, tagged, error);
}

gboolean
sd_pg_library_add_tag (SdPgLibrary *self, gint64 id, const char *name, GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  TagWrite         write = { id_text, name };

  return _sd_pg_transact (self, write_tag, &write, error);
}

GPtrArray *
sd_pg_library_list_tags (SdPgLibrary *self, gint64 id, GError **error)
{
  g_autofree char  *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *const params[] = { id_text };
  PGresult         *result = _sd_pg_run (self,
                                         "SELECT t.name FROM story_tags st"
                                                 " JOIN tags t ON t.id = st.tag_id"
                                                 " WHERE st.story_id = $1 ORDER BY t.name",
                                         1, params, error);
  GPtrArray        *names;

  if (result == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (names, g_strdup (PQgetvalue (result, row, 0)));
  PQclear (result);
  return names;
}

typedef struct
{
  const char *params[2]; /* the ids as an array literal ({1,2,3}), the tag's name */
  gboolean    add;
  guint       n_changed;
  GArray     *changed; /* (nullable) the stories that gained or lost it */
} TagsWrite;

static gboolean
write_tags (SdPgLibrary *self, gpointer data, GError **error)
{
  TagsWrite         *write = data;
  const char *const *params = write->params;
  PGresult          *result;

  if (write->add
      && !_sd_pg_run_command (self, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING", 1,
                              params + 1, error))
    return FALSE;
  result = _sd_pg_run (self,
                       write->add ? "INSERT INTO story_tags (story_id, tag_id)"
                                    " SELECT s, t.id FROM unnest ($1::bigint[]) s, tags t"
                                    " WHERE t.name = $2 ON CONFLICT DO NOTHING RETURNING story_id"
                                  : "DELETE FROM story_tags WHERE story_id = ANY ($1::bigint[])"
                                    " AND tag_id = (SELECT id FROM tags WHERE name = $2)"
                                    " RETURNING story_id",
                       2, params, error);
  if (result == NULL)
    return FALSE;
  write->n_changed = atoi (PQcmdTuples (result));
  /* a transaction run again starts over */
  if (write->changed != NULL)
    g_array_set_size (write->changed, 0);
  for (int row = 0; write->changed != NULL && row < PQntuples (result); row++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10);

      g_array_append_val (write->changed, id);
    }
  PQclear (result);
  return stamp_tagged (self, write->changed, error);
}

/**
 * sd_pg_library_tag_stories:
 * @add: puts the tag @name on (made when new), else takes it off
 * @out_n_changed: (out) (optional): how many stories gained or lost it
 * @out_changed: (nullable) (element-type gint64): appended to, the stories
 *   that gained or lost it (an undo takes back only those)
 *
 * Tags or untags the @n_ids stories in one transaction, as the person's
 * role.
 */
gboolean
sd_pg_library_tag_stories (SdPgLibrary  *self,
                           const gint64 *ids,
                           guint         n_ids,
                           const char   *name,
                           gboolean      add,
                           guint        *out_n_changed,
                           GArray       *out_changed,
                           GError      **error)
{
  g_autoptr (GString) array = g_string_new ("{");
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  TagsWrite write = { { NULL, name }, add, 0, changed };

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (array, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (array, '}');
  write.params[0] = array->str;
  if (!_sd_pg_transact (self, write_tags, &write, error))
    return FALSE;
  if (out_n_changed != NULL)
    *out_n_changed = write.n_changed;
  if (out_changed != NULL)
    g_array_append_vals (out_changed, changed->data, changed->len);
  return TRUE;
}
