/* sd-pg-import.c — pages imported into a shared library (#17): known by
 * their bytes or their identity as a personal library knows them, and
 * written with their stories as a copy writes them, one transaction a page
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only an admin (管理员) may: the server refuses anyone else's rows in
 * pages and stories (grants and row-level security, sd-pg-schema.c).  A
 * new version of a page replaces the earlier one, the editors' work on its
 * stories carried over as a personal library carries it (sd-pg-versions.c).
 */
#define G_LOG_DOMAIN "sd-pg-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-library.h"
#include "sd-page-identity.h"
#include "sd-pg-private.h"

typedef struct
{
  const SdPageRecord *page;
  GPtrArray          *stories;
  SdPageImportFlags   flags;
  const char         *identity;
  SdPageOutcome       outcome;
} PageImport;

static char *
dup_identity (const SdPageRecord *page)
{
  return sd_page_identity_dup_key (page->paper, page->issue_date, page->page_no,
                                   page->name != NULL ? page->name : page->file);
}

static const char *
page_name (const SdPageRecord *page)
{
  return page->name != NULL ? page->name : page->file;
}

/* Whether a page of @page's bytes is in the library, (optional) whether
 * one of its identity is, and (optional) whether stories of it went to
 * the trash with it or its batch: importing it again brings them back. */
static gboolean
find_page (SdPgLibrary        *self,
           const SdPageRecord *page,
           gboolean           *out_known,
           gboolean           *out_has_identity,
           gboolean           *out_in_trash,
           GError            **error)
{
  g_autofree char  *identity = dup_identity (page);
  const char *const params[] = { page->checksum, identity };
  PGresult         *result =
      _sd_pg_run (self,
                  "SELECT EXISTS (SELECT 1 FROM pages WHERE checksum = $1),"
                  "  EXISTS (SELECT 1 FROM pages p WHERE identity = $2"
                  "    AND EXISTS (SELECT 1 FROM stories WHERE page_id = p.id)),"
                  "  EXISTS (SELECT 1 FROM pages p JOIN stories s ON s.page_id = p.id"
                  "    WHERE p.checksum = $1 AND s.trash_kind IN ('page', 'batch'))",
                  G_N_ELEMENTS (params), params, error);

  if (result == NULL)
    return FALSE;
  *out_known = g_str_equal (PQgetvalue (result, 0, 0), "t");
  if (out_has_identity != NULL)
    *out_has_identity = g_str_equal (PQgetvalue (result, 0, 1), "t");
  if (out_in_trash != NULL)
    *out_in_trash = g_str_equal (PQgetvalue (result, 0, 2), "t");
  PQclear (result);
  return TRUE;
}

/* A known page whose stories went to the trash with it or its batch: they
 * come back, as on a personal library (sd-store-import.c). */
static gboolean
restore_known (PageImport *import, SdPgLibrary *self, GError **error)
{
  const char *const params[] = { import->page->checksum };
  PGresult         *result =
      _sd_pg_run (self, "SELECT id FROM pages WHERE checksum = $1", 1, params, error);
  gboolean ok = result != NULL;

  for (int row = 0; ok && row < PQntuples (result); row++)
    {
      guint n = 0;

      ok = _sd_pg_restore_page (self, PQgetvalue (result, row, 0), &n, error);
      import->outcome.n_restored += n;
    }
  PQclear (result);
  return ok;
}

/* Whether a new version may replace the earlier one (page @page_id): its
 * stories matched with the new ones (@out_plan); refused when it would
 * drop some unless the import allows it.  The earlier stories are locked
 * first: an editor's tag, note or highlight on one waits for this import,
 * and one committed before is seen. */
static gboolean
plan_version (PageImport       *import,
              SdPgLibrary      *self,
              const char       *page_id,
              SdPgVersionPlan **out_plan,
              GError          **error)
{
  g_autofree char  *name = g_filename_display_name (page_name (import->page));
  const char *const params[] = { page_id };
  guint             n_dropped;

  import->outcome.replaced = TRUE;
  if (!(import->flags & SD_PAGE_IMPORT_DRY_RUN)
      && !_sd_pg_run_command (self, "SELECT id FROM stories WHERE page_id = $1 FOR UPDATE", 1,
                              params, error))
    return FALSE;
  if ((*out_plan = _sd_pg_plan_version (self, page_id, import->stories, error)) == NULL)
    return FALSE;
  _sd_pg_version_plan_count (*out_plan, &import->outcome);
  n_dropped = import->outcome.n_dropped;
  if (n_dropped > 0 && !(import->flags & (SD_PAGE_IMPORT_ALLOW_DROP | SD_PAGE_IMPORT_DRY_RUN)))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_WOULD_DROP,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: this new version of the page would drop %u story of the "
                                "earlier one",
                                "%s: this new version of the page would drop %u stories of the "
                                "earlier one",
                                n_dropped),
                   name, n_dropped);
      return FALSE;
    }
  return TRUE;
}

/* The page's row, the earlier version's brought up to date; its id in
 * @out_id. */
static gboolean
put_page (PageImport *import, SdPgLibrary *self, char **out_id, GError **error)
{
  const SdPageRecord *page = import->page;
  g_autofree char    *size = g_strdup_printf ("%" G_GINT64_FORMAT, page->size);
  const char *const   params[] = {
      import->identity, page->file,     page->paper, page->issue_date, page->page_no, page->checksum,
      page_name (page), page->encoding, size,
  };
  PGresult *result = _sd_pg_run (
      self,
      "INSERT INTO pages (identity, source_file, paper, issue_date, page_no, checksum, name,"
      "  encoding, size, imported, imported_by)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now (), current_user)"
      " ON CONFLICT (identity) DO UPDATE SET source_file = $2, paper = $3, issue_date = $4,"
      "  page_no = $5, checksum = $6, name = $7, encoding = $8, size = $9, imported = now (),"
      "  imported_by = current_user"
      " RETURNING id",
      G_N_ELEMENTS (params), params, error);

  if (result == NULL)
    return FALSE;
  *out_id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return TRUE;
}

/* The stories carry their page's fields, as a personal library's cursor
 * reads them, and the uuid they keep. */
static void
fill_story (SdStory *story, const SdPageRecord *page, const char *page_id)
{
  char **fields[] = { &story->source_file, &story->paper, &story->issue_date, &story->page_no };
  const char *values[] = { page->file, page->paper, page->issue_date, page->page_no };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = g_strdup (values[i]);
    }
  if (story->uuid == NULL)
    story->uuid = g_uuid_string_random ();
  story->page_id = g_ascii_strtoll (page_id, NULL, 10);
}

static gboolean
import_transaction (SdPgLibrary *self, gpointer data, GError **error)
{
  PageImport       *import = data;
  const char *const by_identity[] = { import->identity };
  g_autofree char  *page_id = NULL;
  gboolean          known = FALSE, in_trash = FALSE;
  g_autoptr (SdPgVersionPlan) plan = NULL;
  PGresult *result;

  import->outcome = (SdPageOutcome){ 0 };
  /* importers (and their new stories' ids, the next after the highest)
   * one at a time; the stories keep no editor or time of their own, as in
   * a personal library: the page row says who imported it and when */
  if (!(import->flags & SD_PAGE_IMPORT_DRY_RUN)
      && (!_sd_pg_run_command (self, "SELECT pg_advisory_xact_lock (hashtext ('storydesk import'))",
                               0, NULL, error)
          || !_sd_pg_run_command (self, "SET LOCAL storydesk.copying = 'on'", 0, NULL, error)))
    return FALSE;
  /* asked again, now that no other import runs */
  if (!find_page (self, import->page, &known, NULL, &in_trash, error))
    return FALSE;
  if (known)
    {
      import->outcome.known = TRUE;
      return !in_trash || (import->flags & SD_PAGE_IMPORT_DRY_RUN)
             || restore_known (import, self, error);
    }
  result = _sd_pg_run (self, "SELECT id FROM pages WHERE identity = $1", 1, by_identity, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0)
    page_id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  if (page_id != NULL && !plan_version (import, self, page_id, &plan, error))
    return FALSE;
  if (import->flags & SD_PAGE_IMPORT_DRY_RUN)
    return TRUE;

  g_clear_pointer (&page_id, g_free);
  if (!put_page (import, self, &page_id, error)
      || !_sd_pg_put_page_text (self, page_id, import->page->text, NULL, 0, error)
      || !_sd_pg_file_page_in_batch (self, page_id, error))
    return FALSE;
  for (guint i = 0; i < import->stories->len; i++)
    fill_story (g_ptr_array_index (import->stories, i), import->page, page_id);
  if (plan != NULL)
    return _sd_pg_carry_over (self, plan, page_id, import->stories, error);
  for (guint i = 0; i < import->stories->len; i++)
    {
      SdStory         *story = g_ptr_array_index (import->stories, i);
      g_autofree char *id = NULL;

      story->id = 0;
      if (!_sd_pg_write_story (self, story, page_id, 0, NULL, &id, error))
        return FALSE;
      if (id != NULL)
        story->id = g_ascii_strtoll (id, NULL, 10);
    }
  return TRUE;
}

/* @known: whether a page of @page's bytes is in; @named (nullable):
 * whether one of its identity is. */
static gboolean
check_page (
    SdLibrary *library, const SdPageRecord *page, gboolean *known, gboolean *named, GError **error)
{
  SdPgLibrary *self = _sd_pg_shared_get_writer (SD_PG_SHARED (library), error);
  gboolean     in_trash = FALSE;

  /* a page deleted with its stories is not done with: its import brings
   * them back */
  if (self == NULL || !find_page (self, page, known, named, &in_trash, error))
    return FALSE;
  *known = *known && !in_trash;
  return TRUE;
}

/* As sd_store_import_page (): @page and its @stories (ids 0; their ids
 * and uuids filled in) in one transaction.  A refusal for want of rights
 * (SD_PG_ERROR_DENIED, the server's) is said as an admin's work. */
static gboolean
import_page (SdLibrary          *library,
             const SdPageRecord *page,
             GPtrArray          *stories,
             SdPageImportFlags   flags,
             SdPageOutcome      *out_outcome,
             GError            **error)
{
  SdPgLibrary     *self = _sd_pg_shared_get_writer (SD_PG_SHARED (library), error);
  g_autofree char *identity = dup_identity (page);
  PageImport       import = { page, stories, flags, identity, { 0 } };
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  if (self == NULL)
    return FALSE;
  ok = _sd_pg_check_schema (self, &local_error)
       && _sd_pg_transact (self, import_transaction, &import, &local_error);
  if (out_outcome != NULL)
    *out_outcome = import.outcome;
  if (ok)
    return TRUE;
  for (guint i = 0; i < stories->len; i++)
    ((SdStory *) g_ptr_array_index (stories, i))->id = 0;
  /* the server's refusal, said as what it means here */
  if (g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_DENIED))
    {
      g_autofree char *name = g_filename_display_name (page_name (page));

      g_prefix_error (&local_error,
                      _("%s: not imported: only an admin (管理员) may import pages into a shared "
                        "library. "),
                         name);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
_sd_pg_shared_import_init (SdLibraryInterface *iface)
{
  iface->check_page = check_page;
  iface->import_page = import_page;
  /* and a JSON export's stories (sd-pg-exchange.c) */
  _sd_pg_shared_exchange_init (iface);
}
