/* sd-page-identity.h — which page of which paper a page file is: its paper,
 * date and page number (报名, 日期, 版次), read from the file's name and from
 * the masthead in its text, and the key a library knows the page by
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What is known of a page; each field NULL when unknown. */
typedef struct
{
  char *paper;      /* as printed: 苏州日报, or the name's letters: szrb */
  char *issue_date; /* ISO 8601: 2022-11-03 */
  char *page_no;    /* letters upper case, at least two digits: A05, 03 */
} SdPageIdentity;

void        sd_page_identity_clear       (SdPageIdentity *identity);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdPageIdentity, sd_page_identity_clear)

/* The key a library knows a page by: "page:PAPER|DATE|PAGE" when the date
 * and the page number are known (the paper may be empty), else
 * "file:NAME".  Two files with one key are two versions of one page.
 * (transfer full) */
char       *sd_page_identity_dup_key     (const char     *paper,
                                          const char     *issue_date,
                                          const char     *page_no,
                                          const char     *name);

G_END_DECLS
