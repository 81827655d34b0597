/* sd-import-summary.c — what an import did, in one sentence for the editor
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-importer.h"

static void
add_part (GString *summary, char *part)
{
  if (summary->len > 0)
    /* TRANSLATORS: between the parts of an import's summary */
    g_string_append (summary, _("; "));
  g_string_append (summary, part);
  g_free (part);
}

/**
 * sd_import_results_dup_summary:
 * @results: (element-type SdImportResult): what sd_importer_import_finish ()
 *   returned
 *
 * Tells new pages, pages already in the library and new versions of pages
 * apart, so a second import of the same files does not read like a first
 * ("2 pages already in the library, nothing changed").  Refused files are
 * left out: the caller lists them with their reasons.
 *
 * Returns: (transfer full): the summary, or %NULL when no file was read
 */
char *
sd_import_results_dup_summary (GPtrArray *results)
{
  g_autoptr (GString) summary = g_string_new (NULL);
  guint new_pages = 0, new_stories = 0, known = 0, replaced = 0, replacing = 0;
  guint carried = 0, kept = 0, dropped = 0, exports = 0, added = 0, merged = 0, restored_pages = 0,
        restored = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const SdImportResult *result = g_ptr_array_index (results, i);

      if (result->error != NULL)
        continue;
      if (result->known && result->n_restored > 0)
        {
          restored_pages++;
          restored += result->n_restored;
        }
      else if (result->known)
        known++;
      else if (result->exchange)
        {
          exports++;
          added += result->n_added;
          merged += result->n_merged;
        }
      else if (result->replaced)
        {
          replaced++;
          replacing += result->n_stories;
          carried += result->n_carried;
          kept += result->n_kept;
          dropped += result->n_dropped;
        }
      else
        {
          new_pages++;
          new_stories += result->n_stories;
        }
    }
  if (new_pages > 0)
    {
      /* each number with its own plural: "10 stories from 1 new page" */
      g_autofree char *stories = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", new_stories), new_stories);
      g_autofree char *pages = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u new page", "%u new pages", new_pages), new_pages);

      /* TRANSLATORS: "Imported 10 stories from 1 new page" */
      add_part (summary, g_strdup_printf (_("Imported %s from %s"), stories, pages));
    }
  if (replaced > 0)
    add_part (summary,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u page replaced by its new version (%u stories; "
                                            "editors’ work carried over from %u, %u old stories "
                                            "kept as they were)",
                                            "%u pages replaced by their new versions (%u stories; "
                                            "editors’ work carried over from %u, %u old stories "
                                            "kept as they were)",
                                            replaced),
                               replaced, replacing, carried, kept));
  if (dropped > 0)
    add_part (summary, g_strdup_printf (
                           g_dngettext (GETTEXT_PACKAGE, "%u story of the earlier versions dropped",
                                        "%u stories of the earlier versions dropped", dropped),
                           dropped));
  if (exports > 0)
    add_part (summary, g_strdup_printf (_("from exports: %u stories added, %u merged into those "
                                          "the library held"),
                                           added, merged));
  if (restored_pages > 0)
    add_part (summary, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u deleted page back from the trash "
                                                     "(%u stories, as they were)",
                                                     "%u deleted pages back from the trash "
                                                     "(%u stories, as they were)",
                                                     restored_pages),
                                        restored_pages, restored));
  if (known > 0)
    add_part (
        summary,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page already in the library, unchanged",
                                      "%u pages already in the library, unchanged", known),
                         known));
  if (summary->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
