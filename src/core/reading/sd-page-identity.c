/* sd-page-identity.c — paper, date and page number of a page file, and the
 * key a library knows the page by
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-page-identity"

#include "config.h"

#include "sd-page-identity.h"

void
sd_page_identity_clear (SdPageIdentity *identity)
{
  g_clear_pointer (&identity->paper, g_free);
  g_clear_pointer (&identity->issue_date, g_free);
  g_clear_pointer (&identity->page_no, g_free);
}

/**
 * sd_page_identity_dup_key:
 * @paper: (nullable)
 * @issue_date: (nullable)
 * @page_no: (nullable)
 * @name: the page's name when it has no date and page number: its path
 *   from the folder imported (that folder's name first), or the file's name
 *
 * What the newsroom means by a page is its paper, date and page number; a
 * page without them is known by its name.  The migration that brought
 * identities (sd-store-schema.c) writes "file:" || file for the pages
 * already there.
 *
 * Returns: (transfer full): the key
 */
char *
sd_page_identity_dup_key (const char *paper,
                          const char *issue_date,
                          const char *page_no,
                          const char *name)
{
  if (issue_date != NULL && *issue_date != '\0' && page_no != NULL && *page_no != '\0')
    return g_strdup_printf ("page:%s|%s|%s", paper != NULL ? paper : "", issue_date, page_no);
  return g_strconcat ("file:", name != NULL ? name : "", NULL);
}
