/* sd-pg-pages.c — a shared library's pages (#17): their text, kept for
 * the page view, the OCR repairs of their stories, and the paper, date
 * and page number a reviewer corrects, with the identity that follows
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page's text is written by whoever writes the page: the import (a new
 * page or a new version of one) and the copy of a personal library; every
 * editor reads it, only an admin writes it.  A story's repairs are in
 * page-text bytes, as a personal library keeps them.
 */
#define G_LOG_DOMAIN "sd-pg-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sd-page-identity.h"
#include "sd-page-reader.h"
#include "sd-pg-corrections.h"
#include "sd-pg-private.h"

/* Schema step 8: each page's text (as the page reader made it: UTF-8, BOM
 * removed) and each story's OCR repairs.  Everyone reads them; an admin
 * writes them (an import, a copy); a reviewer takes a repair back (its row
 * deleted, in the transaction that writes the story's text back at the
 * version read, its captions too) or hands it to the story a split or
 * join gave its text. */
const char _sd_pg_step_pages_sql[] =
    "CREATE TABLE storydesk.page_texts ("
    "  page_id bigint PRIMARY KEY REFERENCES storydesk.pages (id) ON DELETE CASCADE,"
    "  text text NOT NULL);"
    "CREATE TABLE storydesk.story_repairs ("
    "  id bigserial PRIMARY KEY,"
    "  story_id bigint NOT NULL REFERENCES storydesk.stories (id) ON DELETE CASCADE,"
    "  kind text NOT NULL,"
    "  start_byte bigint NOT NULL," /* page-text bytes, as SdRepair */
    "  end_byte bigint NOT NULL,"
    "  detail text NOT NULL DEFAULT '');"
    "CREATE INDEX story_repairs_by_story ON storydesk.story_repairs (story_id);"
    "GRANT SELECT ON storydesk.page_texts, storydesk.story_repairs TO storydesk_editor;"
    "GRANT INSERT, UPDATE, DELETE ON storydesk.page_texts TO storydesk_admin;"
    "GRANT INSERT, DELETE ON storydesk.story_repairs TO storydesk_admin;"
    "GRANT USAGE ON SEQUENCE storydesk.story_repairs_id_seq TO storydesk_admin;"
    "GRANT DELETE, UPDATE (story_id) ON storydesk.story_repairs TO storydesk_reviewer;"
    /* a caption taken out and put back */
    "GRANT UPDATE (captions) ON storydesk.stories TO storydesk_reviewer;"
    "ALTER TABLE storydesk.page_texts ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.page_texts FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY read_page_texts ON storydesk.page_texts FOR SELECT TO storydesk_editor"
    "  USING (true);"
    "CREATE POLICY write_page_texts ON storydesk.page_texts FOR ALL TO storydesk_admin"
    "  USING (true) WITH CHECK (true);"
    "ALTER TABLE storydesk.story_repairs ENABLE ROW LEVEL SECURITY;"
    "ALTER TABLE storydesk.story_repairs FORCE ROW LEVEL SECURITY;"
    "CREATE POLICY read_repairs ON storydesk.story_repairs FOR SELECT TO storydesk_editor"
    "  USING (true);"
    "CREATE POLICY add_repairs ON storydesk.story_repairs FOR INSERT TO storydesk_admin"
    "  WITH CHECK (true);"
    "CREATE POLICY take_back_repairs ON storydesk.story_repairs FOR DELETE"
    "  TO storydesk_reviewer USING (true);"
    "CREATE POLICY move_repairs ON storydesk.story_repairs FOR UPDATE TO storydesk_reviewer"
    "  USING (true) WITH CHECK (true);";

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/**
 * _sd_pg_put_page_text:
 * @encoding: (nullable): the file's, when the page row lacks it (a copy's)
 *
 * Page @page_id's text, replacing what was kept (a new version's).
 */
gboolean
_sd_pg_put_page_text (SdPgLibrary *self,
                      const char  *page_id,
                      const char  *text,
                      const char  *encoding,
                      gint64       size,
                      GError     **error)
{
  g_autofree char *size_text = id_text (size);

  if (text == NULL)
    return TRUE;
  /* the text maps file offsets only with the file's encoding and size */
  return _sd_pg_run_command (self,
                             "INSERT INTO page_texts (page_id, text) VALUES ($1, $2)"
                             " ON CONFLICT (page_id) DO UPDATE SET text = $2",
                             2, (const char *const[]){ page_id, text }, error)
         && (encoding == NULL
             || _sd_pg_run_command (self,
                                    "UPDATE pages SET encoding = coalesce (encoding, $2),"
                                    "  size = coalesce (size, $3::bigint) WHERE id = $1",
                                    3, (const char *const[]){ page_id, encoding, size_text },
                                    error));
}

/* Story @id's repairs are @story's, those it had before gone. */
gboolean
_sd_pg_put_repairs (SdPgLibrary *self, const char *id, const SdStory *story, GError **error)
{
  if (!_sd_pg_run_command (self, "DELETE FROM story_repairs WHERE story_id = $1", 1,
                           (const char *const[]){ id }, error))
    return FALSE;
  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    {
      const SdRepair   *repair = g_ptr_array_index (story->repairs, i);
      g_autofree char  *start = id_text (repair->start);
      g_autofree char  *end = id_text (repair->end);
      const char *const params[] = { id, sd_repair_kind_to_string (repair->kind), start, end,
                                     repair->detail != NULL ? repair->detail : "" };

      if (!_sd_pg_run_command (self,
                               "INSERT INTO story_repairs (story_id, kind, start_byte, end_byte,"
                               "  detail) VALUES ($1, $2, $3, $4, $5)",
                               G_N_ELEMENTS (params), params, error))
        return FALSE;
    }
  return TRUE;
}

/* The repairs of @rows, an array of [id, kind, start, end,
 * detail] rows as sd-pg-read.c reads them, in page order. */
GPtrArray *
_sd_pg_parse_repairs (JsonArray *rows)
{
  GPtrArray *repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonArray  *row = json_array_get_array_element (rows, i);
      const char *name = json_array_get_string_element (row, 1);
      SdRepair   *repair;

      /* a kind this version does not know is left out, as a personal
       * library leaves it */
      for (SdRepairKind kind = 0; kind <= SD_REPAIR_LAST; kind++)
        if (g_strcmp0 (name, sd_repair_kind_to_string (kind)) == 0)
          {
            repair = sd_repair_new (kind, json_array_get_int_element (row, 2),
                                    json_array_get_int_element (row, 3),
                                    json_array_get_string_element (row, 4));
            repair->id = json_array_get_int_element (row, 0);
            g_ptr_array_add (repairs, repair);
          }
    }
  return repairs;
}

/**
 * _sd_pg_read_page_text:
 * @out_text: (out) (transfer full): NULL when the library keeps no text of
 *   the page (stored before step 8)
 *
 * Page @page_id's text, with its file's encoding and size.
 */
gboolean
_sd_pg_read_page_text (SdPgLibrary *self,
                       gint64       page_id,
                       char       **out_text,
                       char       **out_encoding,
                       gint64      *out_size,
                       GError     **error)
{
  g_autofree char *id = id_text (page_id);
  PGresult        *result =
      _sd_pg_run (self,
                  "SELECT t.text, coalesce (p.encoding, 'UTF-8'), coalesce (p.size, 0)"
                  " FROM pages p LEFT JOIN page_texts t ON t.page_id = p.id WHERE p.id = $1",
                  1, (const char *const[]){ id }, error);
  gboolean found;

  if (result == NULL)
    return FALSE;
  found = PQntuples (result) == 1;
  *out_text = found && !PQgetisnull (result, 0, 0) ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  *out_encoding = g_strdup (found ? PQgetvalue (result, 0, 1) : "UTF-8");
  *out_size = found ? g_ascii_strtoll (PQgetvalue (result, 0, 2), NULL, 10) : 0;
  PQclear (result);
  return TRUE;
}

/**
 * sd_pg_library_read_story_page:
 *
 * Story @story_id's page text, and where the story stands in it, as a
 * personal library reads it (sd_store_read_story_page_async ()): an empty
 * text for a story cut from no page (one a JSON export brought).
 */
SdStoryPage *
sd_pg_library_read_story_page (SdPgLibrary *self, gint64 story_id, GError **error)
{
  g_autoptr (SdStory) story = sd_pg_library_get_story (self, story_id, NULL, error);
  g_autoptr (SdStoryPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  gint64           size = 0;

  if (story == NULL)
    return NULL;
  page = g_new0 (SdStoryPage, 1);
  page->story_id = story->id;
  if (story->page_id == 0)
    {
      page->text = g_strdup ("");
      return g_steal_pointer (&page);
    }
  if (!_sd_pg_read_page_text (self, story->page_id, &text, &encoding, &size, error))
    return NULL;
  if (text == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("The shared library %s keeps no text of the page of story %lld: it was "
                     "stored before shared libraries kept page text"),
                      self->location, (long long) story_id);
      return NULL;
    }
  page->text = g_steal_pointer (&text);
  if (*page->text != '\0')
    sd_page_find_story_span (story, page->text, encoding, size, &page->start, &page->end);
  return g_steal_pointer (&page);
}

/* Refuses details that would make the page another's: two pages of one
 * identity would leave a later import unable to tell which it is. */
static gboolean
check_identity_free (
    SdPgLibrary *self, const char *page, const char *file, const char *identity, GError **error)
{
  PGresult *result = _sd_pg_run (self, "SELECT 1 FROM pages WHERE identity = $1 AND id <> $2", 2,
                                 (const char *const[]){ identity, page }, error);
  gboolean  taken;

  if (result == NULL)
    return FALSE;
  taken = PQntuples (result) > 0;
  PQclear (result);
  if (taken)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID,
                 _("%s: another page of the library has this paper, date and page number"), file);
  return !taken;
}

typedef struct
{
  gint64      story_id;
  const char *values[3]; /* paper, date, page number: NULL keeps, "" clears */
  gint64      version;   /* the story's the editor saw; 0: any */
  gint64      new_version;
} PageWrite;

static char *(*const page_parsers[]) (const char *, GError **) = {
  sd_page_identity_parse_paper,
  sd_page_identity_parse_date,
  sd_page_identity_parse_page,
};

static gboolean
write_page (SdPgLibrary *self, gpointer data, GError **error)
{
  PageWrite       *write = data;
  g_autofree char *id = id_text (write->story_id);
  g_autofree char *page = NULL;
  g_autofree char *file = NULL, *name = NULL, *identity = NULL;
  char            *values[3] = { NULL };
  PGresult        *result;
  gboolean         ok = TRUE;

  result = _sd_pg_run (self,
                       "SELECT p.id, p.source_file, p.paper, p.issue_date, p.page_no,"
                       "  coalesce (p.name, p.source_file), s.version"
                       " FROM stories s JOIN pages p ON p.id = s.page_id WHERE s.id = $1"
                       " FOR UPDATE OF s",
                       1, (const char *const[]){ id }, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      PQclear (result);
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND, _("No story %s"), id);
      return FALSE;
    }
  page = g_strdup (PQgetvalue (result, 0, 0));
  file = g_strdup (PQgetvalue (result, 0, 1));
  name = g_strdup (PQgetvalue (result, 0, 5));
  /* every story of the page counts a version of its details: the one the
   * editor saw says whether they saw these */
  if (write->version > 0 && g_ascii_strtoll (PQgetvalue (result, 0, 6), NULL, 10) != write->version)
    {
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_CHANGED,
                   _("Someone else changed story %s of %s since you opened it"), id,
                      self->location);
      ok = FALSE;
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (values); i++)
    {
      const char *value = write->values[i];

      if (value == NULL)
        values[i] =
            PQgetisnull (result, 0, 2 + i) ? NULL : g_strdup (PQgetvalue (result, 0, 2 + i));
      else if (*value != '\0' && (values[i] = page_parsers[i](value, error)) == NULL)
        {
          g_prefix_error (error, "%s: ", PQgetvalue (result, 0, 1));
          ok = FALSE;
        }
    }
  PQclear (result);
  /* its identity follows, as on a personal library: a later import of
   * the page, known by these details, is a new version of it */
  if (ok)
    identity = sd_page_identity_dup_key (values[0], values[1], values[2], name);
  ok = ok && check_identity_free (self, page, file, identity, error);
  /* the page's stories show its paper, date and number: each counts a
   * version, so every window reads them again */
  ok = ok
       && _sd_pg_run_command (
           self,
           "UPDATE pages SET paper = $2, issue_date = $3, page_no = $4, identity = $5"
           " WHERE id = $1",
           5, (const char *const[]){ page, values[0], values[1], values[2], identity }, error)
       && _sd_pg_run_command (self, "UPDATE stories SET ordinal = ordinal WHERE page_id = $1", 1,
                              (const char *const[]){ page }, error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
  if (ok
      && (result = _sd_pg_run (self, "SELECT version FROM stories WHERE id = $1", 1,
                               (const char *const[]){ id }, error))
             != NULL)
    {
      write->new_version = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
    }
  return ok && result != NULL;
}

gboolean
sd_pg_library_set_page_fields (SdPgLibrary *self,
                               gint64       story_id,
                               const char  *paper,
                               const char  *issue_date,
                               const char  *page_no,
                               GError     **error)
{
  return sd_pg_library_set_page_fields_at (self, story_id, 0, paper, issue_date, page_no, NULL,
                                           error);
}

/**
 * sd_pg_library_set_page_fields_at:
 * @version: the version of story @story_id the editor saw (0: any)
 * @out_version: (out) (optional): the story's version after it
 *
 * As sd_pg_library_set_page_fields (), refused with SD_PG_ERROR_CHANGED
 * when the story is no longer at @version: another editor changed it, or
 * its page's details, since.
 */
gboolean
sd_pg_library_set_page_fields_at (SdPgLibrary *self,
                                  gint64       story_id,
                                  gint64       version,
                                  const char  *paper,
                                  const char  *issue_date,
                                  const char  *page_no,
                                  gint64      *out_version,
                                  GError     **error)
{
  PageWrite write = { story_id, { paper, issue_date, page_no }, version, 0 };

  if (!_sd_pg_transact (self, write_page, &write, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = write.new_version;
  return TRUE;
}

/* SdPgShared's side: the page read in the reads' worker. */

static gpointer
read_page (SdPgLibrary *reader, gpointer data, GError **error)
{
  return sd_pg_library_read_story_page (reader, *(gint64 *) data, error);
}

static void
shared_read_story_page_async (SdLibrary          *library,
                              gint64              id,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  _sd_pg_shared_start_read (SD_PG_SHARED (library), shared_read_story_page_async, read_page,
                            (GDestroyNotify) sd_story_page_free, g_memdup2 (&id, sizeof id), g_free,
                            cancellable, callback, user_data);
}

static SdStoryPage *
shared_read_story_page_finish (SdLibrary *library, GAsyncResult *result, GError **error)
{
  return _sd_pg_shared_finish_read (SD_PG_SHARED (library), result, shared_read_story_page_async,
                                    error);
}

void
_sd_pg_shared_pages_init (SdLibraryInterface *iface)
{
  iface->read_story_page_async = shared_read_story_page_async;
  iface->read_story_page_finish = shared_read_story_page_finish;
}
