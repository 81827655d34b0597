/* sd-pg-marks.c — highlights and themes turned down on a shared library
 * (#17): each write bumps the story's version, so the other windows are
 * told (NOTIFY) and an undo over it sees it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-marks"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sd-pg-private.h"

/* How much context a highlight keeps either side, as a personal library
 * keeps it (sd-store-annotations.c), in characters. */
#define CONTEXT "32"

/* The story's new version, stamped with the editor and the time (the
 * stories' trigger) and told to every window. */
static gboolean
bump_story (SdPgLibrary *self, const char *id, GError **error)
{
  const char *const params[] = { id };
  PGresult         *result =
      _sd_pg_run (self, "UPDATE stories SET note = note WHERE id = $1", 1, params, error);
  gboolean found = result != NULL && atoi (PQcmdTuples (result)) == 1;

  if (result != NULL && !found)
    g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                 _("The shared library %s has no story %s"), self->location, id);
  PQclear (result);
  return found;
}

typedef struct
{
  const char *params[4]; /* the story, start, end, comment */
  gint64      start, end;
  gint64      new_id;
} HighlightWrite;

static gboolean
write_highlight (SdPgLibrary *self, gpointer data, GError **error)
{
  HighlightWrite *write = data;
  PGresult *result = _sd_pg_run (self, "SELECT char_length (body) FROM stories WHERE id = $1", 1,
                                 write->params, error);
  gint64    length;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      PQclear (result);
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                   _("The shared library %s has no story %s"), self->location, write->params[0]);
      return FALSE;
    }
  length = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  if (write->start < 0 || write->end <= write->start || write->end > length)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A highlight must cover text of the story (characters %lld–%lld of %ld)"),
                      (long long) write->start, (long long) write->end, (long) length);
      return FALSE;
    }
  /* the server cuts the quote and its context by characters, as the
   * personal library does by code points */
  result = _sd_pg_run (
      self,
      "INSERT INTO highlights (story_id, start_char, end_char, quote, prefix, suffix, comment)"
      " SELECT id, $2::bigint, $3::bigint, substr (body, $2::int + 1, $3::int - $2::int),"
      "  substr (body, greatest ($2::int - " CONTEXT ", 0) + 1,"
      "   $2::int - greatest ($2::int - " CONTEXT ", 0)),"
      "  substr (body, $3::int + 1, " CONTEXT "), $4"
      " FROM stories WHERE id = $1 RETURNING id",
      4, write->params, error);
  if (result == NULL)
    return FALSE;
  write->new_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return bump_story (self, write->params[0], error);
}

/* @wanted: the characters [start, end) of story @id's body, and the
 * comment (nullable) */
gboolean
sd_pg_library_add_highlight (
    SdPgLibrary *self, gint64 id, const SdHighlight *wanted, gint64 *out_id, GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *start_text = g_strdup_printf ("%" G_GINT64_FORMAT, wanted->start);
  g_autofree char *end_text = g_strdup_printf ("%" G_GINT64_FORMAT, wanted->end);
  HighlightWrite   write = { { id_text, start_text, end_text,
                             wanted->comment != NULL ? wanted->comment : "" },
                             wanted->start,
                             wanted->end,
                             0 };

  if (!g_utf8_validate (write.params[3], -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                   _("A comment must be UTF-8 text"));
      return FALSE;
    }
  if (!_sd_pg_transact (self, write_highlight, &write, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = write.new_id;
  return TRUE;
}

typedef struct
{
  const char *sql; /* on $1 the story and $2 the highlight or theme */
  const char *params[2];
  gboolean    need_row; /* no row touched is SD_PG_ERROR_NOT_FOUND */
  gboolean    changed;  /* out */
} MarkWrite;

static gboolean
write_mark (SdPgLibrary *self, gpointer data, GError **error)
{
  MarkWrite *write = data;
  PGresult  *result = _sd_pg_run (self, write->sql, 2, write->params, error);

  if (result == NULL)
    return FALSE;
  write->changed = atoi (PQcmdTuples (result)) > 0;
  PQclear (result);
  if (!write->changed && write->need_row)
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND,
                   _("Story %s of %s has no highlight %s: someone may have removed it"),
                      write->params[0], self->location, write->params[1]);
      return FALSE;
    }
  /* nothing changed, nothing to tell */
  return !write->changed || bump_story (self, write->params[0], error);
}

gboolean
sd_pg_library_remove_highlight (SdPgLibrary *self, gint64 id, gint64 highlight_id, GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *highlight_text = g_strdup_printf ("%" G_GINT64_FORMAT, highlight_id);
  MarkWrite        write = { "DELETE FROM highlights WHERE story_id = $1 AND id = $2",
                             { id_text, highlight_text },
                             TRUE,
                             FALSE };

  return _sd_pg_transact (self, write_mark, &write, error);
}

gboolean
sd_pg_library_dismiss_theme (SdPgLibrary *self,
                             gint64       id,
                             const char  *theme,
                             gboolean     dismiss,
                             gboolean    *out_changed,
                             GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  MarkWrite write = { dismiss ? "INSERT INTO dismissed_themes (story_id, theme) VALUES ($1, $2)"
                                " ON CONFLICT DO NOTHING"
                              : "DELETE FROM dismissed_themes WHERE story_id = $1 AND theme = $2",
                      { id_text, theme },
                      FALSE,
                      FALSE };

  if (!_sd_pg_transact (self, write_mark, &write, error))
    return FALSE;
  if (out_changed != NULL)
    *out_changed = write.changed;
  return TRUE;
}

GPtrArray *
sd_pg_library_list_dismissed_themes (SdPgLibrary *self, gint64 id, GError **error)
{
  g_autofree char  *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *const params[] = { id_text };
  PGresult         *result = _sd_pg_run (
              self, "SELECT theme FROM dismissed_themes WHERE story_id = $1 ORDER BY theme COLLATE \"C\"",
              1, params, error);
  GPtrArray *themes;

  if (result == NULL)
    return NULL;
  themes = g_ptr_array_new_with_free_func (g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (themes, g_strdup (PQgetvalue (result, row, 0)));
  PQclear (result);
  return themes;
}
