/* sd-pg-filters.c — a search's fields (tag:, place:, status:, kind:,
 * source:, date:, paper:, page:) on a shared library, as a personal
 * library answers them (sd-store-search.c), issue #17
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-filters"

#include "config.h"

#include "sd-pg-private.h"

/* What a field asks of a story f, each %u the field's value; a story
 * either is among those f or, negated, is not, so a story with no place
 * (or no page) is one that place: (or paper:) leaves out and -place:
 * keeps, as on a personal library. */
static const char *const field_conditions[] = {
  [SD_QUERY_FIELD_TAG] = "f.id IN (SELECT story_id FROM story_tags WHERE tag_id IN "
                         "(SELECT id FROM tags WHERE name = %u))",
  /* codes nest by prefix; compared byte by byte as SQLite does */
  [SD_QUERY_FIELD_PLACE] =
      "f.place_code COLLATE \"C\" >= %u AND f.place_code COLLATE \"C\" < %u || ':'",
  [SD_QUERY_FIELD_STATUS] = "f.status = %u",
  [SD_QUERY_FIELD_KIND] = "f.kind = %u",
  [SD_QUERY_FIELD_SOURCE] = "f.page_id IN (SELECT id FROM pages "
                            "WHERE substr (source_file, 1, length (%u)) = %u)",
  /* "2022-11-01..2022-11-30": ISO dates compare as text */
  [SD_QUERY_FIELD_DATE] = "f.page_id IN (SELECT id FROM pages WHERE issue_date COLLATE \"C\" "
                          "BETWEEN substr (%u, 1, 10) AND substr (%u, 13, 10))",
  [SD_QUERY_FIELD_PAPER] = "f.page_id IN (SELECT id FROM pages WHERE paper = %u)",
  [SD_QUERY_FIELD_PAGE] = "f.page_id IN (SELECT id FROM pages WHERE page_no = %u)",
};

void
_sd_pg_append_filters (
    GString *where, const char *story_id, GPtrArray *params, GPtrArray *owned, const SdQuery *query)
{
  GPtrArray *filters = sd_query_get_filters (query);

  for (guint i = 0; i < filters->len; i++)
    {
      const SdQueryFilter *filter = g_ptr_array_index (filters, i);
      g_autofree char     *number = NULL;
      g_auto (GStrv) parts = g_strsplit (field_conditions[filter->field], "%u", -1);

      g_ptr_array_add (owned, g_strdup (filter->value));
      g_ptr_array_add (params, owned->pdata[owned->len - 1]);
      number = g_strdup_printf ("$%u::text", params->len);
      g_string_append_printf (where, " AND %s %sIN (SELECT f.id FROM stories f WHERE ", story_id,
                              filter->negated ? "NOT " : "");
      for (guint j = 0; parts[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (where, number);
          g_string_append (where, parts[j]);
        }
      g_string_append (where, ")");
    }
}
