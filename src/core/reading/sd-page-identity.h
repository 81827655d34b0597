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

#define SD_PAGE_IDENTITY_ERROR (sd_page_identity_error_quark ())
typedef enum
{
  SD_PAGE_IDENTITY_ERROR_BAD_DATE,
  SD_PAGE_IDENTITY_ERROR_BAD_PAGE,
  SD_PAGE_IDENTITY_ERROR_BAD_PAPER,
} SdPageIdentityError;
GQuark sd_page_identity_error_quark (void);

/* What is known of a page; each field NULL when unknown. */
typedef struct
{
  char *paper;      /* as printed: 苏州日报, or the name's letters: szrb */
  char *issue_date; /* ISO 8601: 2022-11-03 */
  char *page_no;    /* letters upper case, at least two digits: A05, 03 */
} SdPageIdentity;

void        sd_page_identity_clear       (SdPageIdentity *identity);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdPageIdentity, sd_page_identity_clear)

/* Fills the fields @identity lacks from a page file's @name, which may
 * start with its folder ("2022-11-03/A05.txt"). */
void        sd_page_identity_read_name   (SdPageIdentity *identity,
                                          const char     *name);
/* Fills the fields @identity lacks from the masthead or date line among
 * the first lines of @text (2022年11月3日 星期四, 第A05版：要闻). */
void        sd_page_identity_read_text   (SdPageIdentity *identity,
                                          const char     *text);

/* An editor's value checked and put in the stored form; NULL with @error
 * when it is not one.  Dates: 2022-11-03, 20221103, 2022年11月3日. */
char       *sd_page_identity_parse_date  (const char     *text,
                                          GError        **error);
/* Pages: A05, a5, 第A05版, 5 → A05, A05, A05, 05. */
char       *sd_page_identity_parse_page  (const char     *text,
                                          GError        **error);
/* A day, a month, a year or a range of them (2022-11-03, 2022-11, 2022,
 * 2022-11-01..2022-11-30) as the first and last day, ISO 8601. */
gboolean    sd_page_identity_parse_date_range (const char *text,
                                          char          **out_first,
                                          char          **out_last,
                                          GError        **error);
/* Papers: trimmed, one line, at most 64 characters. */
char       *sd_page_identity_parse_paper (const char     *text,
                                          GError        **error);

/* The key a library knows a page by: "page:PAPER|DATE|PAGE" when the date
 * and the page number are known (the paper may be empty), else
 * "file:NAME".  Two files with one key are two versions of one page.
 * (transfer full) */
char       *sd_page_identity_dup_key     (const char     *paper,
                                          const char     *issue_date,
                                          const char     *page_no,
                                          const char     *name);

G_END_DECLS
